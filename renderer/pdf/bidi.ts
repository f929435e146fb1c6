// Right-to-left text for the PDF. A PDF draws glyphs left to right in the order it is given them,
// and jsPDF has no text shaping, so two things happen before a line is drawn:
// - Arabic letters become their contextual presentation forms (isolated, final, initial, medial,
//   and the lam-alef ligature), which DejaVu Sans has as glyphs of their own. This runs on the
//   logical text, before lines are measured and broken, so widths are those of the drawn glyphs.
// - Each line is put in visual order (a reduced Unicode bidi algorithm: strong left-to-right and
//   right-to-left letters, European numbers kept left-to-right inside right-to-left text, neutrals
//   taking the direction of their neighbours when both agree, brackets mirrored), so "שרה לוי
//   (Product owner)" reads correctly in a left-to-right pack. Combining marks stay on their letter.

// Arabic letters U+0621–U+064A in the order of their presentation forms U+FE80…: how many forms
// each has (1: does not join, 2: joins on its right only, 4: joins on both sides). The letters
// U+063B–U+0640 are not in this block.
const FE_FORMS: [number, number][] = [
  [0x0621, 1], [0x0622, 2], [0x0623, 2], [0x0624, 2], [0x0625, 2], [0x0626, 4], [0x0627, 2], [0x0628, 4],
  [0x0629, 2], [0x062a, 4], [0x062b, 4], [0x062c, 4], [0x062d, 4], [0x062e, 4], [0x062f, 2], [0x0630, 2],
  [0x0631, 2], [0x0632, 2], [0x0633, 4], [0x0634, 4], [0x0635, 4], [0x0636, 4], [0x0637, 4], [0x0638, 4],
  [0x0639, 4], [0x063a, 4], [0x0641, 4], [0x0642, 4], [0x0643, 4], [0x0644, 4], [0x0645, 4], [0x0646, 4],
  [0x0647, 4], [0x0648, 2], [0x0649, 2], [0x064a, 4],
];

/** Letter → its forms [isolated, final, initial?, medial?]. */
const FORMS = new Map<number, number[]>();
{
  let next = 0xfe80;
  for (const [letter, n] of FE_FORMS) {
    FORMS.set(letter, Array.from({ length: n }, (_, i) => next + i));
    next += n;
  }
  // Persian and Urdu letters, in the U+FB50 block.
  FORMS.set(0x067e, [0xfb56, 0xfb57, 0xfb58, 0xfb59]);
  FORMS.set(0x0686, [0xfb7a, 0xfb7b, 0xfb7c, 0xfb7d]);
  FORMS.set(0x0698, [0xfb8a, 0xfb8b]);
  FORMS.set(0x06a9, [0xfb8e, 0xfb8f, 0xfb90, 0xfb91]);
  FORMS.set(0x06af, [0xfb92, 0xfb93, 0xfb94, 0xfb95]);
  FORMS.set(0x06cc, [0xfbfc, 0xfbfd, 0xfbfe, 0xfbff]);
}

const TATWEEL = 0x0640;
const LAM = 0x0644;
/** Lam + alef (with madda, hamza above, hamza below, plain) → [isolated, final] ligature. */
const LAM_ALEF = new Map<number, [number, number]>([
  [0x0622, [0xfef5, 0xfef6]],
  [0x0623, [0xfef7, 0xfef8]],
  [0x0625, [0xfef9, 0xfefa]],
  [0x0627, [0xfefb, 0xfefc]],
]);

function isTransparent(cp: number): boolean {
  return (cp >= 0x064b && cp <= 0x065f) || cp === 0x0670 || (cp >= 0x06d6 && cp <= 0x06ed);
}

/** Joins to the letter after it (dual-joining letters and the tatweel). */
function joinsForward(cp: number | undefined): boolean {
  if (cp === undefined) return false;
  if (cp === TATWEEL) return true;
  return (FORMS.get(cp)?.length ?? 0) === 4;
}

/** Accepts a join from the letter before it. */
function joinsBackward(cp: number | undefined): boolean {
  if (cp === undefined) return false;
  if (cp === TATWEEL) return true;
  return (FORMS.get(cp)?.length ?? 0) >= 2;
}

const ARABIC_RE = /[\u0600-\u06ff]/;

/** Arabic letters replaced by their contextual presentation forms; other text unchanged. */
export function shapeArabic(text: string): string {
  if (!ARABIC_RE.test(text)) return text;
  const cps = [...text].map((c) => c.codePointAt(0) as number);
  const out: number[] = [];
  const neighbour = (from: number, step: 1 | -1): number | undefined => {
    for (let j = from + step; j >= 0 && j < cps.length; j += step) {
      const c = cps[j] as number;
      if (!isTransparent(c)) return c;
    }
    return undefined;
  };
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i] as number;
    const forms = FORMS.get(cp);
    if (!forms) {
      out.push(cp);
      continue;
    }
    const prevJoins = joinsForward(neighbour(i, -1));
    if (cp === LAM) {
      const nextIndex = cps.findIndex((c, j) => j > i && !isTransparent(c));
      const lig = nextIndex === -1 ? undefined : LAM_ALEF.get(cps[nextIndex] as number);
      if (lig && nextIndex === i + 1) {
        out.push(prevJoins ? lig[1] : lig[0]);
        i = nextIndex;
        continue;
      }
    }
    const nextJoins = forms.length === 4 && joinsBackward(neighbour(i, 1));
    const canJoinBack = forms.length >= 2 && prevJoins;
    const form = canJoinBack && nextJoins ? 3 : canJoinBack ? 1 : nextJoins ? 2 : 0;
    out.push(forms[form] ?? (forms[0] as number));
  }
  return String.fromCodePoint(...out);
}

type BidiClass = 'L' | 'R' | 'EN' | 'N' | 'NSM';

function classOf(cp: number): BidiClass {
  if (cp >= 0x30 && cp <= 0x39) return 'EN';
  if ((cp >= 0x0591 && cp <= 0x05c7 && cp !== 0x05be && cp !== 0x05c0 && cp !== 0x05c3 && cp !== 0x05c6) || isTransparent(cp)) return 'NSM';
  if ((cp >= 0x0590 && cp <= 0x08ff) || (cp >= 0xfb1d && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfeff)) {
    // Arabic-Indic digits read left to right like European ones.
    if ((cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06f0 && cp <= 0x06f9)) return 'EN';
    return 'R';
  }
  const ch = String.fromCodePoint(cp);
  if (/\p{M}/u.test(ch)) return 'NSM';
  if (/[\p{L}]/u.test(ch)) return 'L';
  return 'N';
}

const RTL_RE = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;

export function containsRtl(text: string): boolean {
  return RTL_RE.test(text);
}

const MIRROR = new Map<string, string>([
  ['(', ')'], [')', '('], ['[', ']'], [']', '['], ['{', '}'], ['}', '{'], ['<', '>'], ['>', '<'], ['«', '»'], ['»', '«'],
]);

/**
 * One line in visual (left-to-right drawing) order. The pack reads left to right, so that is the
 * base direction of a line with any left-to-right letter ("שרה לוי (Product owner)" keeps the
 * name first); a line of right-to-left letters only is right-to-left throughout. A line without
 * right-to-left letters is returned as it is.
 */
export function visualOrder(line: string): string {
  if (!RTL_RE.test(line)) return line;
  const chars = [...line];
  const classes = chars.map((c) => classOf(c.codePointAt(0) as number));
  const base = classes.includes('L') ? 0 : 1;
  const levels = new Array<number>(chars.length).fill(base);

  // Strong letters and numbers (a number after right-to-left text stays left-to-right inside it).
  let lastStrong: 'L' | 'R' = base ? 'R' : 'L';
  classes.forEach((c, i) => {
    if (c === 'L') {
      lastStrong = 'L';
      levels[i] = base ? 2 : 0;
    } else if (c === 'R') {
      lastStrong = 'R';
      levels[i] = 1;
    } else if (c === 'EN') {
      levels[i] = lastStrong === 'R' ? 2 : base ? 2 : 0;
    }
  });
  // Combining marks take their letter's level; neutrals take their neighbours' direction when
  // both sides agree (numbers count as right-to-left there), the base direction otherwise.
  const dirAt = (i: number): 'L' | 'R' | null => {
    const c = classes[i];
    if (c === 'L') return 'L';
    if (c === 'R') return 'R';
    if (c === 'EN') return (levels[i] as number) === 2 && lastStrongBefore(i) === 'R' ? 'R' : 'L';
    return null;
  };
  const lastStrongBefore = (i: number): 'L' | 'R' => {
    for (let j = i - 1; j >= 0; j--) {
      const c = classes[j];
      if (c === 'L' || c === 'R') return c;
    }
    return base ? 'R' : 'L';
  };
  for (let i = 0; i < chars.length; i++) {
    const c = classes[i];
    if (c === 'NSM') {
      levels[i] = i > 0 ? (levels[i - 1] as number) : base;
      continue;
    }
    if (c !== 'N') continue;
    let before: 'L' | 'R' | null = null;
    for (let j = i - 1; j >= 0 && before === null; j--) before = dirAt(j);
    let after: 'L' | 'R' | null = null;
    for (let j = i + 1; j < chars.length && after === null; j++) after = dirAt(j);
    before ??= base ? 'R' : 'L';
    after ??= base ? 'R' : 'L';
    levels[i] = before === after ? (before === 'R' ? 1 : base ? 2 : 0) : base;
  }

  // Clusters (a letter with its combining marks) are reversed as units.
  type Cluster = { text: string; level: number };
  const clusters: Cluster[] = [];
  chars.forEach((ch, i) => {
    const level = levels[i] as number;
    const last = clusters[clusters.length - 1];
    if (classes[i] === 'NSM' && last) last.text += ch;
    else clusters.push({ text: level % 2 === 1 ? (MIRROR.get(ch) ?? ch) : ch, level });
  });
  const max = Math.max(...clusters.map((c) => c.level));
  const lowestOdd = Math.min(...clusters.map((c) => c.level).filter((l) => l % 2 === 1), max);
  for (let level = max; level >= Math.max(1, lowestOdd); level--) {
    let i = 0;
    while (i < clusters.length) {
      if ((clusters[i] as Cluster).level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < clusters.length && (clusters[j] as Cluster).level >= level) j++;
      const run = clusters.slice(i, j).reverse();
      clusters.splice(i, j - i, ...run);
      i = j;
    }
  }
  return clusters.map((c) => c.text).join('');
}
