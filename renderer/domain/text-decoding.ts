// Turning a text file's bytes into text, in one place for the desktop app and the browser build.
// Clients send what their spreadsheet wrote: UTF-8 (with or without a byte-order mark), UTF-16
// from Excel's "Unicode text", and legacy single-byte files from "Save as CSV" in a German,
// French or Polish Excel. The encoding is guessed from the bytes, shown to the person, and can be
// changed by them; characters that could not be decoded (U+FFFD) are counted so they can be told.
//
// TextDecoder is the WHATWG Encoding API: in every browser, in Chromium (Electron) and in Node.
import { msg, type Message } from './message';

export const TEXT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'windows-1250'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

/** Each encoding's name in English; screens say ENCODING_LABEL_MESSAGES in the reader's language. */
export const ENCODING_LABELS: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8 (Unicode)',
  'utf-16le': 'UTF-16 LE (Excel “Unicode text”)',
  'utf-16be': 'UTF-16 BE',
  'windows-1252': 'Windows-1252 (Western European: German, French, Spanish…)',
  'windows-1250': 'Windows-1250 (Central European: Polish, Czech, Slovak…)',
};

/** Each encoding's name as an app-catalog message (import.encoding.*). */
export const ENCODING_LABEL_MESSAGES: Record<TextEncoding, Message> = {
  'utf-8': msg('import.encoding.utf8'),
  'utf-16le': msg('import.encoding.utf16le'),
  'utf-16be': msg('import.encoding.utf16be'),
  'windows-1252': msg('import.encoding.windows1252'),
  'windows-1250': msg('import.encoding.windows1250'),
};

export function isTextEncoding(value: string): value is TextEncoding {
  return (TEXT_ENCODINGS as readonly string[]).includes(value);
}

export const REPLACEMENT_CHARACTER = '\uFFFD';

export type EncodingGuess = {
  encoding: TextEncoding;
  /** True when the file starts with a byte-order mark naming its encoding. */
  bom: boolean;
  /** Why this encoding, in a few words for the person ("byte-order mark", "not valid UTF-8"…). */
  reason: string;
  /** `reason` as an app-catalog message (import.encoding.reason.*), for the reader's language. */
  reasonText: Message;
};

const guessed = (encoding: TextEncoding, bom: boolean, reason: string, id: string): EncodingGuess => ({ encoding, bom, reason, reasonText: msg(id) });

export type DecodedText = {
  text: string;
  encoding: TextEncoding;
  /** How many characters could not be decoded and became U+FFFD (or already were U+FFFD). */
  replacements: number;
};

/** How many leading bytes the guesses look at: enough for any real header and first rows. */
const SNIFF_BYTES = 64 * 1024;

export function guessEncoding(bytes: Uint8Array): EncodingGuess {
  const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return guessed('utf-8', true, 'the file starts with a UTF-8 byte-order mark', 'import.encoding.reason.bomUtf8');
  if (b0 === 0xff && b1 === 0xfe) return guessed('utf-16le', true, 'the file starts with a UTF-16 byte-order mark', 'import.encoding.reason.bomUtf16');
  if (b0 === 0xfe && b1 === 0xff) return guessed('utf-16be', true, 'the file starts with a UTF-16 byte-order mark', 'import.encoding.reason.bomUtf16');

  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return guessed(utf16, false, 'every other byte is zero, as in UTF-16 text', 'import.encoding.reason.zeros');

  if (isValidUtf8(bytes)) return guessed('utf-8', false, 'the bytes are valid UTF-8', 'import.encoding.reason.validUtf8');

  // Not UTF-8, so a legacy single-byte code page. Windows-1252 is what Western European Excel
  // writes; a Polish or Czech Excel writes Windows-1250, recognisable in a 1252 reading by
  // symbols such as "³" (ł) or "¹" (ą) standing between two letters.
  const western = decodeBytes(bytes.subarray(0, SNIFF_BYTES), 'windows-1252').text;
  if (/\p{L}[¹³¥¿¾Ÿ]\p{L}/u.test(western)) {
    return guessed('windows-1250', false, 'the bytes are not UTF-8, and look like Central European text', 'import.encoding.reason.centralEuropean');
  }
  return guessed('windows-1252', false, 'the bytes are not valid UTF-8', 'import.encoding.reason.notUtf8');
}

/**
 * Bytes 0x80–0x9F of Windows-1252 (the WHATWG table; the five unassigned bytes stay C1 controls).
 * Chromium decodes these itself; Node 20's TextDecoder reads windows-1252 as ISO-8859-1 and
 * returns C1 controls, so they are mapped here and the same bytes give the same text everywhere.
 */
const WINDOWS_1252_C1 =
  '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function fixWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (ch) => WINDOWS_1252_C1[ch.charCodeAt(0) - 0x80] ?? ch);
}

/** Decodes with the given encoding; a byte-order mark of that encoding is dropped. Never throws. */
export function decodeBytes(bytes: Uint8Array, encoding: TextEncoding): DecodedText {
  const raw = new TextDecoder(encoding).decode(bytes);
  const text = encoding === 'windows-1252' ? fixWindows1252(raw) : raw;
  return { text, encoding, replacements: countReplacements(text) };
}

/** The guess and the text it gives, in one call. */
export function decodeGuessing(bytes: Uint8Array): DecodedText & { guess: EncodingGuess } {
  const guess = guessEncoding(bytes);
  return { ...decodeBytes(bytes, guess.encoding), guess };
}

export function countReplacements(text: string): number {
  let count = 0;
  for (let i = text.indexOf(REPLACEMENT_CHARACTER); i !== -1; i = text.indexOf(REPLACEMENT_CHARACTER, i + 1)) count++;
  return count;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * UTF-16 without a byte-order mark (some exporters leave it out): text in Latin script then has
 * a zero in every other byte. Needs most pairs to agree, so a binary file is not taken for text.
 */
function utf16WithoutBom(bytes: Uint8Array): TextEncoding | null {
  const length = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (length < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0 && bytes[i + 1] !== 0) zeroEven++;
    if (bytes[i + 1] === 0 && bytes[i] !== 0) zeroOdd++;
  }
  const pairs = length / 2;
  if (zeroOdd >= pairs * 0.9) return 'utf-16le';
  if (zeroEven >= pairs * 0.9) return 'utf-16be';
  return null;
}

/** Which spreadsheet container the bytes are, judged by their first bytes, when not text. */
export type BinaryKind = 'zip' | 'ole' | 'pdf' | null;

export function binaryKind(bytes: Uint8Array): BinaryKind {
  const starts = (sig: readonly number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0x50, 0x4b, 0x03, 0x04]) || starts([0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (starts([0x25, 0x50, 0x44, 0x46])) return 'pdf';
  return null;
}

/** The rows of `text` (1-based line numbers) that contain U+FFFD, at most `limit` of them. */
export function linesWithReplacements(text: string, limit = 10): number[] {
  const out: number[] = [];
  let line = 1;
  let lineHas = false;
  for (let i = 0; i < text.length && out.length < limit; i++) {
    const ch = text[i];
    if (ch === REPLACEMENT_CHARACTER && !lineHas) {
      out.push(line);
      lineHas = true;
    } else if (ch === '\n') {
      line++;
      lineHas = false;
    }
  }
  return out;
}
