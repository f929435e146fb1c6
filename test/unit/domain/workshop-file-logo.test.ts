// The consultancy logo travels in the workshop file with the workshop row: a file with a logo
// round-trips byte for byte, and a file whose "logo" is not a PNG or JPEG data URL is refused.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildWorkshopFile, parseWorkshopFile, serializeWorkshopFile } from '../../../renderer/domain/workshop-file';
import { readLogo } from '../../../renderer/domain/logo';

const SAMPLE = readFileSync(new URL('../../fixtures/workshop-files/v2-sample.liftoff.json', import.meta.url), 'utf8');
const AT = new Date('2026-12-05T08:00:00Z');

function withLogo() {
  const parsed = parseWorkshopFile(SAMPLE);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const logo = readLogo(new Uint8Array(readFileSync(new URL('../../fixtures/logo/mueller-partner.jpg', import.meta.url))), 'mueller-partner.jpg');
  if (!logo.ok) throw new Error(logo.message);
  return { file: parsed.file, logo: logo.logo };
}

describe('the consultancy logo in the workshop file', () => {
  it('is written with the workshop and read back unchanged, byte for byte', () => {
    const { file, logo } = withLogo();
    const text = serializeWorkshopFile(buildWorkshopFile({ ...file.workshop, logo }, file.tables, '0.1.0', AT));
    const back = parseWorkshopFile(text);
    if (!back.ok) throw new Error(back.error.message);
    expect(back.file.workshop.logo).toEqual(logo);
    expect(serializeWorkshopFile(buildWorkshopFile(back.file.workshop, back.file.tables, '0.1.0', AT))).toBe(text);
  });

  it('refuses a file whose logo is not a PNG or JPEG data URL, saying where', () => {
    const { file, logo } = withLogo();
    const text = serializeWorkshopFile(buildWorkshopFile({ ...file.workshop, logo: { ...logo, dataUrl: 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=' } }, file.tables, '0.1.0', AT));
    const back = parseWorkshopFile(text);
    expect(back.ok).toBe(false);
    expect(!back.ok && back.error.message).toMatch(/logo/);
  });
});
