import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { base64, readLogo } from '../../../renderer/domain/logo';
import { LOGO_MAX_BYTES, logoSchema } from '../../../renderer/domain/model';

const fixture = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../fixtures/logo/${name}`, import.meta.url))));

describe('reading a consultancy logo from a file', () => {
  it('accepts a PNG, with its size read from the header and the bytes kept as a data URL', () => {
    const bytes = fixture('mueller-partner.png');
    const r = readLogo(bytes, 'mueller-partner.png');
    if (!r.ok) throw new Error(r.message);
    expect(r.logo).toMatchObject({ name: 'mueller-partner.png', type: 'image/png', width: 667, height: 167 });
    expect(r.logo.dataUrl).toBe(`data:image/png;base64,${Buffer.from(bytes).toString('base64')}`);
    expect(logoSchema.safeParse(r.logo).success).toBe(true);
  });

  it('accepts a JPEG by its content, whatever the file is called', () => {
    const r = readLogo(fixture('mueller-partner.jpg'), 'logo.png');
    expect(r.ok && r.logo).toMatchObject({ type: 'image/jpeg', width: 667, height: 167 });
  });

  it('refuses a file that is not a PNG or JPEG, even named .png', () => {
    const r = readLogo(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'logo.png');
    expect(r).toEqual({
      ok: false,
      message: '“logo.png” is not a PNG or JPEG image (its content says otherwise, whatever its name). Pick a PNG or JPEG file.',
      text: { id: 'export.logo.notImage', values: { name: 'logo.png' } },
    });
  });

  it('refuses a file over 512 KB before looking at it', () => {
    const big = new Uint8Array(LOGO_MAX_BYTES + 1);
    big.set(fixture('mueller-partner.png').subarray(0, 64));
    const r = readLogo(big, 'huge.png');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toBe('“huge.png” is 513 KB; a logo may be at most 512 KB. Save a smaller PNG or JPEG and pick that.');
  });

  it('refuses an empty file and a PNG or JPEG whose header is cut off', () => {
    expect(readLogo(new Uint8Array(), 'empty.png').ok).toBe(false);
    const r = readLogo(fixture('mueller-partner.png').subarray(0, 20), 'cut.png');
    expect(!r.ok && r.message).toMatch(/header is damaged/);
    expect(readLogo(fixture('mueller-partner.jpg').subarray(0, 30), 'cut.jpg').ok).toBe(false);
  });

  it('encodes base64 as the standard does, padding included', () => {
    for (const s of ['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar', 'Müller & Partner ✓']) {
      const bytes = new TextEncoder().encode(s);
      expect(base64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });

  it('is refused by the model when the data URL is not an image', () => {
    const r = readLogo(fixture('mueller-partner.png'), 'a.png');
    if (!r.ok) throw new Error(r.message);
    expect(logoSchema.safeParse({ ...r.logo, dataUrl: 'data:text/html;base64,PHNjcmlwdD4=' }).success).toBe(false);
    expect(logoSchema.safeParse({ ...r.logo, dataUrl: 'javascript:alert(1)' }).success).toBe(false);
  });
});
