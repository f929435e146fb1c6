// Line breaking for the PDF: words move to the next line as a whole, CJK text breaks between any
// two characters, and a word wider than the line (a long URL, an ID) is cut where it must be, so
// no line is ever wider than its box.
import { breaksAnywhere, charWidth, cleanText, textWidth, type FontSet, type Weight } from './fonts';

export type TextStyle = { weight: Weight; size: number };

/** Pieces a line may break after: a word with its trailing spaces, or one CJK character. */
function tokens(paragraph: string): string[] {
  const out: string[] = [];
  let word = '';
  let trailing = false;
  for (const ch of paragraph) {
    const cp = ch.codePointAt(0) as number;
    if (ch === ' ') {
      word += ch;
      trailing = true;
      continue;
    }
    if (breaksAnywhere(cp)) {
      if (word) out.push(word);
      word = '';
      trailing = false;
      out.push(ch);
      continue;
    }
    if (trailing) {
      out.push(word);
      word = '';
      trailing = false;
    }
    word += ch;
  }
  if (word) out.push(word);
  return out;
}

/** Cuts a word that is wider than the line into pieces that fit. */
function splitWord(word: string, style: TextStyle, maxWidth: number, fonts: FontSet): string[] {
  const pieces: string[] = [];
  let piece = '';
  let width = 0;
  for (const ch of word) {
    const w = charWidth(ch, style.weight, style.size, fonts);
    if (piece && width + w > maxWidth) {
      pieces.push(piece);
      piece = '';
      width = 0;
    }
    piece += ch;
    width += w;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/**
 * The lines of `text` at this style and width. Line breaks in the text are kept; an empty text
 * gives no lines. Spaces at the end of a line are dropped.
 */
export function wrapText(text: string, style: TextStyle, maxWidth: number, fonts: FontSet): string[] {
  const clean = cleanText(text);
  if (clean.trim() === '') return [];
  const lines: string[] = [];
  for (const paragraph of clean.split('\n')) {
    if (paragraph.trim() === '') {
      if (lines.length > 0) lines.push('');
      continue;
    }
    // Widths add up token by token: a token's trailing spaces belong to its last character's run,
    // exactly as when the whole line is measured, so each token is measured once.
    let line = '';
    let lineWidth = 0;
    for (const token of tokens(paragraph)) {
      const word = token.trimEnd();
      const wordWidth = textWidth(word, style.weight, style.size, fonts);
      const tokenWidth = word === token ? wordWidth : textWidth(token, style.weight, style.size, fonts);
      if (lineWidth + wordWidth <= maxWidth) {
        line += token;
        lineWidth += tokenWidth;
        continue;
      }
      if (line.trim()) lines.push(line.trimEnd());
      if (wordWidth <= maxWidth) {
        line = token;
        lineWidth = tokenWidth;
        continue;
      }
      const pieces = splitWord(word, style, maxWidth, fonts);
      for (const p of pieces.slice(0, -1)) lines.push(p);
      line = (pieces[pieces.length - 1] ?? '') + token.slice(word.length);
      lineWidth = textWidth(line, style.weight, style.size, fonts);
    }
    if (line.trim()) lines.push(line.trimEnd());
  }
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The text cut to fit one line, ending in "…" when it had to be cut. */
export function fitLine(text: string, style: TextStyle, maxWidth: number, fonts: FontSet): string {
  const clean = cleanText(text).replace(/\n/g, ' ');
  if (textWidth(clean, style.weight, style.size, fonts) <= maxWidth) return clean;
  const ellipsis = '…';
  const room = maxWidth - textWidth(ellipsis, style.weight, style.size, fonts);
  let out = '';
  let width = 0;
  for (const ch of clean) {
    const w = charWidth(ch, style.weight, style.size, fonts);
    if (width + w > room) break;
    out += ch;
    width += w;
  }
  return `${out.trimEnd()}${ellipsis}`;
}
