// The font subset handed to jsPDF: the characters the document draws, with the full font's
// advance widths, composite glyphs whole, and nothing else.
import { describe, expect, it } from 'vitest';
import { subsetTtf } from '../../../renderer/pdf/ttf-subset';
import { parseTtfMetrics } from '../../../renderer/pdf/ttf';
import { nodeFontSource } from './node-fonts';

const codePoints = (s: string) => [...s].map((c) => c.codePointAt(0) as number);

function glyphTable(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = new Map<string, number>();
  for (let i = 0; i < view.getUint16(4); i++) {
    const at = 12 + i * 16;
    tables.set(String.fromCharCode(...bytes.subarray(at, at + 4)), view.getUint32(at + 8));
  }
  const numGlyphs = view.getUint16((tables.get('maxp') as number) + 4);
  const loca = tables.get('loca') as number;
  const glyf = tables.get('glyf') as number;
  /** The glyph ids a composite glyph is made of ([] for a simple glyph). */
  const parts = (g: number): number[] => {
    const start = view.getUint32(loca + g * 4);
    if (view.getUint32(loca + g * 4 + 4) === start || view.getInt16(glyf + start) >= 0) return [];
    const out: number[] = [];
    let at = glyf + start + 10;
    for (;;) {
      const flags = view.getUint16(at);
      out.push(view.getUint16(at + 2));
      at += 4 + (flags & 1 ? 4 : 2) + (flags & 0x80 ? 8 : flags & 0x40 ? 4 : flags & 8 ? 2 : 0);
      if (!(flags & 0x20)) return out;
    }
  };
  return { tables: [...tables.keys()].sort(), numGlyphs, parts };
}

describe('subsetting a font for the PDF', () => {
  it('keeps only the drawn characters, each with the width the layout measured', async () => {
    const full = await nodeFontSource('sans');
    const text = 'Müller Łódź Ærø Zoë Δημήτρης Иванов שרה';
    const sub = subsetTtf(full, codePoints(text));
    const before = parseTtfMetrics(full);
    const after = parseTtfMetrics(sub);
    expect(sub.byteLength).toBeLessThan(full.byteLength / 20);
    expect(after.unitsPerEm).toBe(before.unitsPerEm);
    for (const cp of codePoints(text)) {
      expect(after.has(cp)).toBe(true);
      expect(after.advance(cp)).toBe(before.advance(cp));
    }
    // A character not drawn is not in the subset.
    expect(after.has(codePoints('Q')[0] as number)).toBe(false);
    expect(glyphTable(sub).tables).toEqual(['OS/2', 'cmap', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'name', 'post']);
  });

  it('keeps the parts of composite glyphs, renumbered inside the subset', async () => {
    const full = await nodeFontSource('sans');
    // Accented letters are composites of a base letter and an accent in DejaVu.
    const sub = subsetTtf(full, codePoints('ǅǞǠȪ'));
    const { numGlyphs, parts } = glyphTable(sub);
    const all = Array.from({ length: numGlyphs }, (_, g) => parts(g)).flat();
    expect(all.length).toBeGreaterThan(0);
    for (const part of all) expect(part).toBeLessThan(numGlyphs);
    // Glyph 0 plus the four characters plus at least one part not drawn on its own.
    expect(numGlyphs).toBeGreaterThan(5);
  });

  it('cuts a CJK font of thousands of glyphs down to the names drawn', async () => {
    const full = await nodeFontSource('kr');
    const sub = subsetTtf(full, codePoints('이서연 김민준'));
    const m = parseTtfMetrics(sub);
    expect(sub.byteLength).toBeLessThan(20_000);
    for (const cp of codePoints('이서연김민준')) expect(m.has(cp)).toBe(true);
  });
});
