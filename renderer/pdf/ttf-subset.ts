// A TrueType font cut down to the characters a document draws, before jsPDF sees it. jsPDF parses
// and re-encodes every font it is given with byte-at-a-time arrays and writes the whole character
// map and width table of the original into the PDF: for a 5–10 MB CJK font that was most of the
// time an export took. Given a font of a few hundred glyphs instead, it does the same work in
// milliseconds and the PDF is the same to read: the same outlines, the same advance widths (the
// layout measures with the full font; the /W widths jsPDF writes come from this hmtx), the same
// text in the Unicode map. Glyphs are renumbered densely; composite glyphs keep their parts.
import { cmapLookup, readTableDirectory, type TtfTable as Table } from './ttf';

const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/**
 * The font with only the glyphs of `codePoints` (and the parts of composite glyphs), a format 4
 * character map for them, and the tables jsPDF reads: head, hhea, maxp, hmtx, loca, glyf, cmap,
 * post (format 3: no glyph names), name and OS/2. Code points beyond the BMP are left out: jsPDF
 * encodes text by UTF-16 unit and could not draw them from the full font either.
 */
export function subsetTtf(bytes: Uint8Array, codePoints: Iterable<number>): Uint8Array {
  const { view, need, has } = readTableDirectory(bytes);
  const head = need('head');
  const hhea = need('hhea');
  const maxp = need('maxp');
  const hmtx = need('hmtx');
  const loca = need('loca');
  const glyf = need('glyf');
  const cmap = need('cmap');

  const numGlyphs = view.getUint16(maxp.offset + 4);
  const numberOfHMetrics = view.getUint16(hhea.offset + 34);
  const longLoca = view.getInt16(head.offset + 50) === 1;
  const glyphStart = (g: number) => (longLoca ? view.getUint32(loca.offset + g * 4) : view.getUint16(loca.offset + g * 2) * 2);
  const glyphRange = (g: number): [number, number] => (g < numGlyphs ? [glyphStart(g), glyphStart(g + 1)] : [0, 0]);

  // Which glyph each character uses, in the original font.
  const lookup = cmapLookup(view, cmap.offset);
  const mapped = new Map<number, number>();
  for (const cp of codePoints) {
    if (cp > 0xffff || mapped.has(cp)) continue;
    const g = lookup(cp);
    if (g !== 0 && g < numGlyphs) mapped.set(cp, g);
  }

  // The glyphs to keep: .notdef, the characters' glyphs and, recursively, the parts of composites.
  const keep = new Set<number>([0]);
  const components = (g: number): number[] => {
    const [start, end] = glyphRange(g);
    if (end - start < 10 || view.getInt16(glyf.offset + start) >= 0) return [];
    const parts: number[] = [];
    let at = glyf.offset + start + 10;
    for (;;) {
      const flags = view.getUint16(at);
      parts.push(view.getUint16(at + 2));
      at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
      if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
      else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
      else if (flags & WE_HAVE_A_SCALE) at += 2;
      if (!(flags & MORE_COMPONENTS)) return parts;
    }
  };
  const queue = [...mapped.values()];
  while (queue.length) {
    const g = queue.pop() as number;
    if (keep.has(g)) continue;
    keep.add(g);
    for (const part of components(g)) if (part < numGlyphs && !keep.has(part)) queue.push(part);
  }
  const oldIds = [...keep].sort((a, b) => a - b);
  const newId = new Map(oldIds.map((g, i) => [g, i]));
  const n = oldIds.length;

  // glyf and loca (long offsets, each glyph 4-byte aligned), composite parts renumbered.
  let glyfLength = 0;
  for (const g of oldIds) {
    const [s, e] = glyphRange(g);
    glyfLength += (e - s + 3) & ~3;
  }
  const newGlyf = new Uint8Array(glyfLength);
  const glyfView = new DataView(newGlyf.buffer);
  const newLoca = new DataView(new ArrayBuffer((n + 1) * 4));
  let pos = 0;
  oldIds.forEach((g, i) => {
    newLoca.setUint32(i * 4, pos);
    const [s, e] = glyphRange(g);
    newGlyf.set(bytes.subarray(glyf.offset + s, glyf.offset + e), pos);
    if (e - s >= 10 && glyfView.getInt16(pos) < 0) {
      let at = pos + 10;
      for (;;) {
        const flags = glyfView.getUint16(at);
        glyfView.setUint16(at + 2, newId.get(glyfView.getUint16(at + 2)) ?? 0);
        at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
        if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
        else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
        else if (flags & WE_HAVE_A_SCALE) at += 2;
        if (!(flags & MORE_COMPONENTS)) break;
      }
    }
    pos += (e - s + 3) & ~3;
  });
  newLoca.setUint32(n * 4, pos);

  // hmtx: a full metric (advance, left side bearing) for every kept glyph.
  const newHmtx = new DataView(new ArrayBuffer(n * 4));
  oldIds.forEach((g, i) => {
    const advance = view.getUint16(hmtx.offset + Math.min(g, numberOfHMetrics - 1) * 4);
    const lsb = g < numberOfHMetrics ? view.getInt16(hmtx.offset + g * 4 + 2) : view.getInt16(hmtx.offset + numberOfHMetrics * 4 + (g - numberOfHMetrics) * 2);
    newHmtx.setUint16(i * 4, advance);
    newHmtx.setInt16(i * 4 + 2, lsb);
  });

  const copy = (t: Table) => bytes.slice(t.offset, t.offset + t.length);
  const newHead = copy(head);
  const headView = new DataView(newHead.buffer);
  headView.setUint32(8, 0); // checkSumAdjustment, set once the file is assembled
  headView.setInt16(50, 1);
  const newHhea = copy(hhea);
  new DataView(newHhea.buffer).setUint16(34, n);
  const newMaxp = copy(maxp);
  new DataView(newMaxp.buffer).setUint16(4, n);
  const post = has('post') ? need('post') : undefined;
  const newPost = new Uint8Array(32);
  if (post && post.length >= 32) newPost.set(bytes.subarray(post.offset, post.offset + 32));
  new DataView(newPost.buffer).setUint32(0, 0x00030000);

  const out: [string, Uint8Array][] = [
    ['OS/2', has('OS/2') ? copy(need('OS/2')) : new Uint8Array(0)],
    ['cmap', cmapFormat4([...mapped].map(([cp, g]) => [cp, newId.get(g) as number] as const))],
    ['glyf', newGlyf],
    ['head', newHead],
    ['hhea', newHhea],
    ['hmtx', new Uint8Array(newHmtx.buffer)],
    ['loca', new Uint8Array(newLoca.buffer)],
    ['maxp', newMaxp],
    ['name', has('name') ? copy(need('name')) : new Uint8Array(0)],
    ['post', newPost],
  ];
  const present = out.filter(([, data]) => data.byteLength > 0);
  return assemble(present, view.getUint32(0));
}

/** A cmap table with one subtable, Windows Unicode BMP (3, 1), format 4. */
function cmapFormat4(pairs: readonly (readonly [number, number])[]): Uint8Array {
  const sorted = [...pairs].sort((a, b) => a[0] - b[0]);
  // Segments of consecutive characters whose glyphs are consecutive too (one delta each).
  const segments: { start: number; end: number; delta: number }[] = [];
  for (const [cp, g] of sorted) {
    const last = segments[segments.length - 1];
    const delta = (g - cp) & 0xffff;
    if (last && last.end === cp - 1 && last.delta === delta) last.end = cp;
    else segments.push({ start: cp, end: cp, delta });
  }
  if (segments[segments.length - 1]?.end !== 0xffff) segments.push({ start: 0xffff, end: 0xffff, delta: 1 });
  const segCount = segments.length;
  const subLength = 16 + segCount * 8;
  const data = new DataView(new ArrayBuffer(4 + 8 + subLength));
  data.setUint16(0, 0);
  data.setUint16(2, 1);
  data.setUint16(4, 3);
  data.setUint16(6, 1);
  data.setUint32(8, 12);
  const sub = 12;
  const searchRange = 2 * 2 ** Math.floor(Math.log2(segCount));
  data.setUint16(sub, 4);
  data.setUint16(sub + 2, subLength);
  data.setUint16(sub + 4, 0);
  data.setUint16(sub + 6, segCount * 2);
  data.setUint16(sub + 8, searchRange);
  data.setUint16(sub + 10, Math.log2(searchRange / 2));
  data.setUint16(sub + 12, segCount * 2 - searchRange);
  const ends = sub + 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  const rangeOffsets = deltas + segCount * 2;
  segments.forEach((s, i) => {
    data.setUint16(ends + i * 2, s.end);
    data.setUint16(starts + i * 2, s.start);
    data.setUint16(deltas + i * 2, s.delta);
    data.setUint16(rangeOffsets + i * 2, 0);
  });
  return new Uint8Array(data.buffer);
}

function checksum(data: Uint8Array): number {
  const padded = data.byteLength % 4 ? new Uint8Array((data.byteLength + 3) & ~3) : data;
  if (padded !== data) padded.set(data);
  const view = new DataView(padded.buffer, padded.byteOffset, padded.byteLength);
  let sum = 0;
  for (let i = 0; i < padded.byteLength; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

/** The font file: the table directory (tables sorted by tag), each table 4-byte aligned, checksums. */
function assemble(tables: [string, Uint8Array][], scalerType: number): Uint8Array {
  const sorted = [...tables].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const count = sorted.length;
  const dirLength = 12 + count * 16;
  let length = dirLength;
  for (const [, data] of sorted) length += (data.byteLength + 3) & ~3;
  const out = new Uint8Array(length);
  const view = new DataView(out.buffer);
  const entrySelector = Math.floor(Math.log2(count));
  const searchRange = 2 ** entrySelector * 16;
  view.setUint32(0, scalerType);
  view.setUint16(4, count);
  view.setUint16(6, searchRange);
  view.setUint16(8, entrySelector);
  view.setUint16(10, count * 16 - searchRange);
  let offset = dirLength;
  let headAt = -1;
  sorted.forEach(([tag, data], i) => {
    const at = 12 + i * 16;
    for (let c = 0; c < 4; c++) out[at + c] = tag.charCodeAt(c);
    view.setUint32(at + 4, checksum(data));
    view.setUint32(at + 8, offset);
    view.setUint32(at + 12, data.byteLength);
    out.set(data, offset);
    if (tag === 'head') headAt = offset;
    offset += (data.byteLength + 3) & ~3;
  });
  if (headAt >= 0) view.setUint32(headAt + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}
