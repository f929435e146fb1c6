// Every name prints: a pack whose people are named in Latin, Greek, Cyrillic, Japanese, simplified
// and traditional Chinese, Korean, Hebrew and Arabic is drawn with the real fonts and read back
// with pdftotext; each name comes back as written (right-to-left names in reading order), and a
// script no embedded font has (Thai) is reported with where it occurs instead of vanishing.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSponsorPack } from '../../../renderer/domain/sponsor-pack';
import { PdfEngine } from '../../../renderer/pdf/engine';
import type { RenderResult } from '../../../renderer/pdf/engine';
import { insurerWorkshop } from './insurer-fixture';
import { nodeFontSource } from './node-fonts';
import { pdfFonts, pdfPages, tempPdf } from './pdf-tools';

const NAMES = {
  latin: 'Łucja Żółkiewska',
  vietnamese: 'Trần Thị Mai',
  greek: 'Αικατερίνη Νικολάου',
  cyrillic: 'Светлана Кузнецова',
  japanese: '山本 さくら',
  simplified: '王们说话',
  traditional: '陳志明 黃國強 臺灣',
  korean: '이서연',
  hebrew: 'שרה לוי',
  arabic: 'فاطمة الزهراء',
};
const THAI = 'ปิยะพงษ์ ศรีสุข';
const EMOJI = 'Ana 🚀';

describe('a pack with names in every script', () => {
  let result: RenderResult;
  let text: string;
  let path: string;

  beforeAll(async () => {
    const { workshop, rows } = insurerWorkshop();
    // The governance roles carry the names, so they print in the decision-rights table.
    const names = [...Object.values(NAMES), THAI, EMOJI];
    rows.roles = names.map((person, i) => ({ ...(rows.roles[0] as (typeof rows.roles)[number]), id: `role-s${i}`, order: 100 + i, name: `Role ${i + 1}`, person }));
    const first = rows.useCases[0];
    if (first) first.businessOwner = `${NAMES.hebrew} (Product owner)`;
    const pack = buildSponsorPack(workshop, rows, { today: '2026-12-10', sections: ['governance', 'use-cases'] , useCaseIds: first ? [first.id] : [] });
    result = await new PdfEngine(nodeFontSource).render(pack);
    path = tempPdf(result.bytes, 'scripts.pdf');
    text = pdfPages(path).join('\n').normalize('NFKC');
  }, 120_000);

  for (const [script, name] of Object.entries(NAMES)) {
    it(`prints the ${script} name ${name} as written`, () => {
      expect(text).toContain(name.normalize('NFKC'));
    });
  }

  it('keeps a Hebrew name followed by Latin text on one line, the name read right to left', () => {
    // pdftotext puts the right-to-left part in an embedding (U+202B…U+202C) of its own.
    const line = text.split('\n').find((l) => l.includes('Product owner)'));
    expect(line?.replace(/[\u202a-\u202e]/g, '')).toMatch(/שרה לוי.*Product owner\)|\( ?שרה לוי/);
  });

  it('embeds the Korean and Chinese fonts only as subsets', () => {
    const fonts = pdfFonts(path);
    for (const face of ['NotoSansKR', 'NotoSansSC', 'NotoSansJP', 'DejaVuSans']) expect(fonts).toContain(face);
    // Subsetting: the whole SC font is 10 MB; the pack with a few of its characters is far smaller.
    expect(result.bytes.byteLength).toBeLessThan(1_500_000);
  });

  it('reports the Thai characters it cannot draw, with the page and the text they are in', () => {
    const thai = result.undrawable.find((u) => u.char === 'ป');
    expect(thai?.codePoint).toBe('U+0E1B');
    expect(thai?.where.some((w) => /^page \d+, Governance and decision rights: .*ปิยะพงษ์/.test(w))).toBe(true);
    // The same places as parts, for the export dialog to say in the reader's language.
    expect(thai?.places.length).toBe(thai?.where.length);
    expect(thai?.places.some((p) => p.page > 1 && p.section === 'Governance and decision rights' && p.text.includes('ปิยะพงษ์'))).toBe(true);
    // An emoji (beyond the fonts and jsPDF's encoding) is reported too; nothing else is undrawable.
    expect(result.undrawable.find((u) => u.char === '🚀')?.codePoint).toBe('U+1F680');
    expect(result.undrawable.every((u) => /[\u0e00-\u0e7f]|🚀/u.test(u.char))).toBe(true);
  });
});
