// The few TrueType tables the layout needs, read straight from the font file: units per em,
// ascent and descent (hhea), which characters the font has (cmap) and how wide each one is (hmtx).
// The PDF viewer places glyphs with the same advance widths (jsPDF writes them from hmtx), so a
// line measured here is exactly as wide on paper. Reading them ourselves keeps the layout free of
// jsPDF: the page count of a dry run needs no PDF at all.

export type FontMetrics = {
  unitsPerEm: number;
  /** Above the baseline, in font units (positive). */
  ascender: number;
  /** Below the baseline, in font units (negative). */
  descender: number;
  /** The glyph of a code point, 0 when the font has none. */
  glyphOf(codePoint: number): number;
  has(codePoint: number): boolean;
  /** Advance width of a code point, in font units (the .notdef glyph's width when missing). */
  advance(codePoint: number): number;
};

export type TtfTable = { offset: number; length: number };

export class FontFormatError extends Error {}

/**
 * The font's table directory: `need(tag)` is a table that lies inside the file, or a
 * FontFormatError naming the missing one. Shared by the metrics reader and the subsetter.
 */
export function readTableDirectory(bytes: Uint8Array): { view: DataView; need: (tag: string) => TtfTable; has: (tag: string) => boolean } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 12) throw new FontFormatError('Not a font file: too short.');
  const version = view.getUint32(0);
  if (version !== 0x00010000 && version !== 0x74727565) throw new FontFormatError('Not a TrueType font.');
  const tables = new Map<string, TtfTable>();
  const numTables = view.getUint16(4);
  for (let i = 0; i < numTables; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(bytes[at] ?? 0, bytes[at + 1] ?? 0, bytes[at + 2] ?? 0, bytes[at + 3] ?? 0);
    tables.set(tag, { offset: view.getUint32(at + 8), length: view.getUint32(at + 12) });
  }
  const need = (tag: string): TtfTable => {
    const t = tables.get(tag);
    if (!t || t.offset + t.length > bytes.byteLength) throw new FontFormatError(`The font has no usable ${tag} table.`);
    return t;
  };
  return { view, need, has: (tag) => tables.has(tag) };
}

export function parseTtfMetrics(bytes: Uint8Array): FontMetrics {
  const { view, need } = readTableDirectory(bytes);
  const head = need('head');
  const hhea = need('hhea');
  const hmtx = need('hmtx');
  const cmap = need('cmap');

  const unitsPerEm = view.getUint16(head.offset + 18);
  const ascender = view.getInt16(hhea.offset + 4);
  const descender = view.getInt16(hhea.offset + 6);
  const numberOfHMetrics = view.getUint16(hhea.offset + 34);
  const lookup = cmapLookup(view, cmap.offset);

  const advanceOfGlyph = (glyph: number): number => {
    const index = Math.min(glyph, numberOfHMetrics - 1);
    return view.getUint16(hmtx.offset + index * 4);
  };
  const widths = new Map<number, number>();
  const glyphs = new Map<number, number>();
  const glyphOf = (cp: number): number => {
    let g = glyphs.get(cp);
    if (g === undefined) {
      g = lookup(cp);
      glyphs.set(cp, g);
    }
    return g;
  };
  return {
    unitsPerEm,
    ascender,
    descender,
    glyphOf,
    has: (cp) => glyphOf(cp) !== 0,
    advance: (cp) => {
      let w = widths.get(cp);
      if (w === undefined) {
        w = advanceOfGlyph(glyphOf(cp));
        widths.set(cp, w);
      }
      return w;
    },
  };
}

/** The best Unicode subtable: format 12 (full Unicode) if present, else format 4 (the BMP). */
export function cmapLookup(view: DataView, cmapOffset: number): (cp: number) => number {
  const count = view.getUint16(cmapOffset + 2);
  let format4: number | null = null;
  let format12: number | null = null;
  for (let i = 0; i < count; i++) {
    const at = cmapOffset + 4 + i * 8;
    const platform = view.getUint16(at);
    const encoding = view.getUint16(at + 2);
    const sub = cmapOffset + view.getUint32(at + 4);
    const format = view.getUint16(sub);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    if (format === 12 && format12 === null) format12 = sub;
    if (format === 4 && format4 === null) format4 = sub;
  }
  if (format12 !== null) return format12Lookup(view, format12);
  if (format4 !== null) return format4Lookup(view, format4);
  throw new FontFormatError('The font has no Unicode character map.');
}

function format4Lookup(view: DataView, sub: number): (cp: number) => number {
  const segCount = view.getUint16(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  const rangeOffsets = deltas + segCount * 2;
  return (cp) => {
    if (cp > 0xffff) return 0;
    let lo = 0;
    let hi = segCount - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (view.getUint16(ends + mid * 2) < cp) lo = mid + 1;
      else hi = mid;
    }
    const start = view.getUint16(starts + lo * 2);
    if (cp < start || cp > view.getUint16(ends + lo * 2)) return 0;
    const delta = view.getInt16(deltas + lo * 2);
    const rangeOffsetAt = rangeOffsets + lo * 2;
    const rangeOffset = view.getUint16(rangeOffsetAt);
    if (rangeOffset === 0) return (cp + delta) & 0xffff;
    const glyphAt = rangeOffsetAt + rangeOffset + (cp - start) * 2;
    const glyph = view.getUint16(glyphAt);
    return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
  };
}

function format12Lookup(view: DataView, sub: number): (cp: number) => number {
  const groups = view.getUint32(sub + 12);
  const first = sub + 16;
  return (cp) => {
    let lo = 0;
    let hi = groups - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = first + mid * 12;
      const start = view.getUint32(at);
      const end = view.getUint32(at + 4);
      if (cp < start) hi = mid - 1;
      else if (cp > end) lo = mid + 1;
      else return view.getUint32(at + 8) + (cp - start);
    }
    return 0;
  };
}
