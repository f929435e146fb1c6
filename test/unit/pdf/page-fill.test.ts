// The page-fill rule on real packs: no page under about a third full unless it ends a chapter, for
// the realistic insurer workshop and for a 50-use-case workshop. With PACK_PDF_DIR set, the two
// PDFs are also written there, to look at every page (pdftoppm) by eye.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSponsorPack } from '../../../renderer/domain/sponsor-pack';
import { PdfEngine } from '../../../renderer/pdf/engine';
import { checkLayout, pageFill } from '../../../renderer/pdf/layout-check';
import { insurerWorkshop } from './insurer-fixture';
import { bigWorkshop } from './big-fixture';
import { sponsorPackWorkshop, sponsorPackWorkshopFile } from '../../../scripts/sponsor-pack-workshop';
import { parseWorkshopFile } from '../../../renderer/domain/workshop-file';
import { nodeFontSource } from './node-fonts';

const TODAY = '2026-12-10';

async function check(name: string, make: () => ReturnType<typeof insurerWorkshop>) {
  const { workshop, rows } = make();
  const pack = buildSponsorPack(workshop, rows, { today: TODAY });
  const engine = new PdfEngine(nodeFontSource);
  const doc = await engine.layout(pack);
  if (process.env.PACK_PDF_DIR) writeFileSync(join(process.env.PACK_PDF_DIR, `${name}.pdf`), (await engine.render(pack)).bytes);
  return { doc, problems: checkLayout(doc) };
}

describe('the page-fill rule on real packs', () => {
  it('leaves no page of the realistic pack under a third full in the middle of a chapter', async () => {
    const { doc, problems } = await check('insurer', insurerWorkshop);
    expect(problems.map((p) => p.message)).toEqual([]);
    expect(pageFill(doc).length).toBe(doc.pages.length);
  }, 120_000);

  it('leaves no page of a realistic 50-use-case pack under a third full in the middle of a chapter', async () => {
    const { doc, problems } = await check('logistics50', () => sponsorPackWorkshop(50));
    expect(doc.pages.length).toBeGreaterThan(30);
    expect(problems.map((p) => p.message)).toEqual([]);
    // The same workshop as the bench imports it: a file the app opens.
    expect(parseWorkshopFile(sponsorPackWorkshopFile(50).text).ok).toBe(true);
  }, 240_000);

  it('leaves no page of a hostile 50-use-case pack (20,000-character texts) under a third full in the middle of a chapter', async () => {
    const { doc, problems } = await check('fifty', () => bigWorkshop(50));
    expect(doc.pages.length).toBeGreaterThan(40);
    expect(problems.map((p) => p.message)).toEqual([]);
  }, 240_000);
});
