// Which embedded font draws which character. DejaVu Sans covers Latin (Müller, Łódź, Ærø, Zoë),
// Greek (Δημήτρης) and Cyrillic (Иванов); Noto Sans JP covers Chinese characters, kana and CJK
// punctuation (東京). A line is cut into runs of one font each: a character goes to DejaVu when
// DejaVu has it, otherwise to Noto. Noto is 5.5 MB per weight, so it is loaded, measured and
// embedded only when the document contains CJK text (and the bold weight only when bold CJK text
// is drawn).
import type { FontMetrics } from './ttf';

export type FontKey = 'sans' | 'sans-bold' | 'cjk' | 'cjk-bold';
export type Weight = 'normal' | 'bold';

export const FONT_KEYS: readonly FontKey[] = ['sans', 'sans-bold', 'cjk', 'cjk-bold'];

/**
 * How each font is registered with the PDF: the file name in jsPDF's virtual file system and a
 * font name of its own (each weight is a separate face, registered as that face's normal style).
 */
export const FONT_FACES: Record<FontKey, { file: string; name: string; weight: Weight }> = {
  sans: { file: 'DejaVuSans.ttf', name: 'DejaVuSans', weight: 'normal' },
  'sans-bold': { file: 'DejaVuSans-Bold.ttf', name: 'DejaVuSans-Bold', weight: 'bold' },
  cjk: { file: 'NotoSansJP-Regular.ttf', name: 'NotoSansJP', weight: 'normal' },
  'cjk-bold': { file: 'NotoSansJP-Bold.ttf', name: 'NotoSansJP-Bold', weight: 'bold' },
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

/** CJK text may break between any two characters; other scripts break at spaces. */
export function breaksAnywhere(codePoint: number): boolean {
  return (codePoint >= 0x3000 && codePoint <= 0x9fff) || (codePoint >= 0xf900 && codePoint <= 0xfaff) || (codePoint >= 0xff00 && codePoint <= 0xffef) || codePoint >= 0x20000;
}

/**
 * Text as it should reach the page: composed (a decomposed "e + ¨" becomes one "ë" the font has),
 * tabs as spaces, no control characters, line breaks as "\n".
 */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, '');
}

export type Run = { text: string; font: FontKey };

function primaryOf(weight: Weight): FontKey {
  return weight === 'bold' ? 'sans-bold' : 'sans';
}

function fallbackOf(weight: Weight): FontKey {
  return weight === 'bold' ? 'cjk-bold' : 'cjk';
}

/** The font that draws one character, noting a fallback font that is needed but not loaded. */
function fontFor(cp: number, weight: Weight, fonts: FontSet): FontKey {
  const primary = primaryOf(weight);
  const main = fonts.metrics[primary];
  if (!main || main.has(cp)) return primary;
  const fallback = fallbackOf(weight);
  const alt = fonts.metrics[fallback];
  if (alt) return alt.has(cp) ? fallback : primary;
  if (!isCjk(cp)) return primary;
  fonts.missing.add(fallback);
  // Measured with the other weight meanwhile; the engine loads the right one and lays out again.
  const other = weight === 'bold' ? fonts.metrics.cjk : fonts.metrics['cjk-bold'];
  if (other?.has(cp)) return weight === 'bold' ? 'cjk' : 'cjk-bold';
  return primary;
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
