// Which embedded font draws which character. DejaVu Sans covers Latin (Müller, Łódź, Ærø, Zoë),
// Greek (Δημήτρης), Cyrillic (Иванов), Hebrew (שרה) and Arabic (فاطمة, drawn in its contextual
// presentation forms, see bidi.ts); Noto Sans JP covers kana and the Chinese characters Japanese
// uses, which includes the traditional forms (東京, 陳志明, 說話); Noto Sans SC the simplified
// characters JP lacks (们, 说); Noto Sans KR Hangul (이서연). (Noto Sans TC was tried: every BMP
// character it has is in JP or SC; it only adds Extension B, which jsPDF cannot encode.) A line is cut into
// runs of one font each: a character goes to the first font of that chain that has it. The Noto
// fonts are 5–10 MB each, so each is fetched, measured and embedded only when the document has a
// character that needs it (jsPDF then embeds only the glyphs drawn). SC and KR ship one weight:
// bold text in those scripts is drawn in the regular face rather than doubling 17 MB of assets.
// Characters beyond the BMP (emoji, rare ideographs) cannot be encoded by jsPDF's Identity-H
// writer, so they count as undrawable and are reported rather than silently garbled.
import type { FontMetrics } from './ttf';
import { shapeArabic } from './bidi';

export type FontKey = 'sans' | 'sans-bold' | 'cjk' | 'cjk-bold' | 'sc' | 'kr';
export type Weight = 'normal' | 'bold';

export const FONT_KEYS: readonly FontKey[] = ['sans', 'sans-bold', 'cjk', 'cjk-bold', 'sc', 'kr'];

/**
 * How each font is registered with the PDF: the file name in jsPDF's virtual file system and a
 * font name of its own (each weight is a separate face, registered as that face's normal style).
 */
export const FONT_FACES: Record<FontKey, { file: string; name: string; weight: Weight }> = {
  sans: { file: 'DejaVuSans.ttf', name: 'DejaVuSans', weight: 'normal' },
  'sans-bold': { file: 'DejaVuSans-Bold.ttf', name: 'DejaVuSans-Bold', weight: 'bold' },
  cjk: { file: 'NotoSansJP-Regular.ttf', name: 'NotoSansJP', weight: 'normal' },
  'cjk-bold': { file: 'NotoSansJP-Bold.ttf', name: 'NotoSansJP-Bold', weight: 'bold' },
  sc: { file: 'NotoSansSC-Regular.ttf', name: 'NotoSansSC', weight: 'normal' },
  kr: { file: 'NotoSansKR-Regular.ttf', name: 'NotoSansKR', weight: 'normal' },
};

/** The bytes of one font file; the browser fetches bundled assets, tests read node_modules. */
export type FontSource = (key: FontKey) => Promise<Uint8Array>;

/**
 * The fonts measured so far. `missing` collects fonts a run needed but that were not loaded, so the
 * engine can load them and lay the document out again.
 */
export type FontSet = {
  metrics: Partial<Record<FontKey, FontMetrics>>;
  missing: Set<FontKey>;
};

export function fontSet(metrics: Partial<Record<FontKey, FontMetrics>>): FontSet {
  return { metrics, missing: new Set() };
}

// Han (with extensions and compatibility ideographs), kana, CJK symbols and punctuation, Bopomofo,
// enclosed CJK, half- and full-width forms.
const CJK_RE = /[\u2e80-\u2fdf\u3000-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]|[\u{20000}-\u{3134f}]/u;

export function containsCjk(text: string): boolean {
  return CJK_RE.test(text);
}

export function isCjk(codePoint: number): boolean {
  return CJK_RE.test(String.fromCodePoint(codePoint));
}

// Hangul syllables, jamo and compatibility jamo.
const HANGUL_RE = /[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff]/u;

export function isHangul(codePoint: number): boolean {
  return HANGUL_RE.test(String.fromCodePoint(codePoint));
}

export function containsHangul(text: string): boolean {
  return HANGUL_RE.test(text);
}

/** The fonts after DejaVu, in the order they are tried, for each weight. */
export function fallbackChain(weight: Weight): readonly FontKey[] {
  return weight === 'bold' ? ['cjk-bold', 'sc', 'kr'] : ['cjk', 'sc', 'kr'];
}

/** Whether a font not loaded yet could have this character (by its script), so it is worth loading. */
export function mayHave(key: FontKey, cp: number): boolean {
  if (cp > 0xffff) return false;
  if (key === 'kr') return isHangul(cp) || isCjk(cp);
  if (key === 'cjk' || key === 'cjk-bold' || key === 'sc') return isCjk(cp);
  return false;
}

/** CJK text may break between any two characters; other scripts break at spaces. */
export function breaksAnywhere(codePoint: number): boolean {
  return (codePoint >= 0x3000 && codePoint <= 0x9fff) || (codePoint >= 0xf900 && codePoint <= 0xfaff) || (codePoint >= 0xff00 && codePoint <= 0xffef) || codePoint >= 0x20000;
}

/**
 * Text as it should reach the page: composed (a decomposed "e + ¨" becomes one "ë" the font has),
 * tabs as spaces, no control characters, line breaks as "\n", Arabic in its contextual forms.
 */
export function cleanText(text: string): string {
  return shapeArabic(text)
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, '')
    // Invisible format characters (bidi marks and overrides, zero-width joiners, variation
    // selectors) have no glyph; the order of right-to-left text is decided by bidi.ts instead.
    .replace(/[\p{Cf}\ufe00-\ufe0f]/gu, '');
}

export type Run = { text: string; font: FontKey };

function primaryOf(weight: Weight): FontKey {
  return weight === 'bold' ? 'sans-bold' : 'sans';
}

/**
 * The font that draws one character: the first of DejaVu and the fallback chain that has it. A
 * font of the chain that is not loaded but could have the character is noted as missing (the
 * engine loads it and lays out again); meanwhile the character is measured in the next font that
 * has it. A character no font has is drawn (as a box) in DejaVu and reported by the layout.
 */
export function fontFor(cp: number, weight: Weight, fonts: FontSet): FontKey {
  const primary = primaryOf(weight);
  const main = fonts.metrics[primary];
  if (!main || main.has(cp) || cp > 0xffff) return primary;
  // The other DejaVu weight may have it (a few symbols exist only in one).
  const otherSans = weight === 'bold' ? 'sans' : 'sans-bold';
  let stand: FontKey | null = null;
  let noted = false;
  for (const key of fallbackChain(weight)) {
    const m = fonts.metrics[key];
    if (m) {
      if (m.has(cp)) return stand ?? key;
      continue;
    }
    // Only the first font worth loading is asked for; the next layout tries the rest.
    if (noted || !mayHave(key, cp)) continue;
    noted = true;
    fonts.missing.add(key);
    if (key === 'cjk-bold' && fonts.metrics.cjk?.has(cp)) stand ??= 'cjk';
  }
  if (stand) return stand;
  if (fonts.metrics[otherSans]?.has(cp)) return otherSans;
  return primary;
}

/** Whether any loaded font draws this character (spaces and line breaks always count as drawn). */
export function drawable(cp: number, font: FontKey, fonts: FontSet): boolean {
  if (cp === 32 || cp === 10) return true;
  if (cp > 0xffff) return false;
  const m = fonts.metrics[font];
  return m ? m.has(cp) : true;
}

/** Calls `fn` with each code point of `text` and the index after it (UTF-16 units), without allocating. */
function eachCodePoint(text: string, fn: (cp: number, next: number) => void): void {
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
        i++;
      }
    }
    fn(cp, i + 1);
  }
}

/** Splits a line into runs of one font each. Spaces stay in the run they are in. */
export function runsOf(text: string, weight: Weight, fonts: FontSet): Run[] {
  const runs: Run[] = [];
  let font: FontKey | null = null;
  let start = 0;
  let at = 0;
  eachCodePoint(text, (cp, next) => {
    const f: FontKey = cp === 32 && font !== null ? font : fontFor(cp, weight, fonts);
    if (f !== font) {
      if (font !== null) runs.push({ text: text.slice(start, at), font });
      font = f;
      start = at;
    }
    at = next;
  });
  if (font !== null) runs.push({ text: text.slice(start), font });
  return runs;
}

/** Width in points of text drawn in one font at `size`. */
export function runWidth(text: string, font: FontKey, size: number, fonts: FontSet): number {
  const m = fonts.metrics[font] ?? fonts.metrics.sans;
  if (!m) return text.length * size * 0.55;
  let units = 0;
  eachCodePoint(text, (cp) => {
    units += m.advance(cp);
  });
  return (units * size) / m.unitsPerEm;
}

/** Width in points of a line, each character in the font its run uses (as runsOf splits it). */
export function textWidth(text: string, weight: Weight, size: number, fonts: FontSet): number {
  let font: FontKey | null = null;
  let metrics: FontMetrics | undefined;
  let width = 0;
  eachCodePoint(text, (cp) => {
    const f: FontKey = cp === 32 && font !== null ? font : fontFor(cp, weight, fonts);
    if (f !== font) {
      font = f;
      metrics = fonts.metrics[f] ?? fonts.metrics.sans;
    }
    width += metrics ? (metrics.advance(cp) * size) / metrics.unitsPerEm : size * 0.55;
  });
  return width;
}

/** Width of one character in the font that would draw it. */
export function charWidth(ch: string, weight: Weight, size: number, fonts: FontSet): number {
  return runWidth(ch, fontFor(ch.codePointAt(0) as number, weight, fonts), size, fonts);
}
