// A consultancy logo picked from a file: accepted only when its bytes are a PNG or a JPEG (by
// their magic numbers and a readable header, whatever the file is called) and it is at most
// 512 KB. Pure: the form reads the file's bytes and stores what this returns, or shows its message.
import { msg, type Message } from './message';
import { LOGO_MAX_BYTES, type Logo } from './model';

/** A refusal has its English `message` and the same as an app-catalog message (`text`). */
export type LogoResult = { ok: true; logo: Logo } | { ok: false; message: string; text: Message };

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function u32(b: Uint8Array, at: number): number {
  return (((b[at] as number) << 24) >>> 0) + ((b[at + 1] as number) << 16) + ((b[at + 2] as number) << 8) + (b[at + 3] as number);
}

function u16(b: Uint8Array, at: number): number {
  return ((b[at] as number) << 8) + (b[at + 1] as number);
}

/** Width and height from a PNG's IHDR chunk, which must come first; null when it does not. */
function pngSize(b: Uint8Array): { width: number; height: number } | null {
  if (b.length < 33) return null;
  const ihdr = String.fromCharCode(b[12] as number, b[13] as number, b[14] as number, b[15] as number);
  if (u32(b, 8) !== 13 || ihdr !== 'IHDR') return null;
  const width = u32(b, 16);
  const height = u32(b, 20);
  return width > 0 && height > 0 ? { width, height } : null;
}

/** Width and height from a JPEG's first start-of-frame marker; null when there is none. */
function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1] as number;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    // Markers without a length: restart markers, start and end of image.
    if ((marker >= 0xd0 && marker <= 0xd9) || marker === 0x01) {
      at += 2;
      continue;
    }
    const length = u16(b, at + 2);
    if (length < 2) return null;
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = u16(b, at + 5);
      const width = u16(b, at + 7);
      return width > 0 && height > 0 ? { width, height } : null;
    }
    at += 2 + length;
  }
  return null;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding; written out so the domain needs no browser or Node API. */
export function base64(bytes: Uint8Array): string {
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out.push(B64[(n >> 18) & 63] as string, B64[(n >> 12) & 63] as string, b === undefined ? '=' : (B64[(n >> 6) & 63] as string), c === undefined ? '=' : (B64[n & 63] as string));
  }
  return out.join('');
}

function kb(n: number): string {
  return `${Math.ceil(n / 1024)} KB`;
}

function nameOf(fileName: string): string {
  return fileName.trim().slice(0, 200) || 'logo';
}

/** The refusal for a file over the cap, or null: checked on the file's size before reading it. */
export function logoSizeProblem(size: number, fileName: string): string | null {
  if (size === 0) return `“${nameOf(fileName)}” is empty. Pick a PNG or JPEG image.`;
  if (size > LOGO_MAX_BYTES) return `“${nameOf(fileName)}” is ${kb(size)}; a logo may be at most ${kb(LOGO_MAX_BYTES)}. Save a smaller PNG or JPEG and pick that.`;
  return null;
}

/** logoSizeProblem as a catalog message, for the reader's language. */
export function logoSizeMessage(size: number, fileName: string): Message | null {
  if (size === 0) return msg('export.logo.empty', { name: nameOf(fileName) });
  if (size > LOGO_MAX_BYTES) return msg('export.logo.tooBig', { name: nameOf(fileName), size: Math.ceil(size / 1024), max: Math.ceil(LOGO_MAX_BYTES / 1024) });
  return null;
}

export function readLogo(bytes: Uint8Array, fileName: string): LogoResult {
  const name = nameOf(fileName);
  const tooBig = logoSizeProblem(bytes.length, fileName);
  const tooBigText = logoSizeMessage(bytes.length, fileName);
  if (tooBig && tooBigText) return { ok: false, message: tooBig, text: tooBigText };
  let type: Logo['type'];
  let size: { width: number; height: number } | null;
  if (startsWith(bytes, PNG_MAGIC)) {
    type = 'image/png';
    size = pngSize(bytes);
  } else if (startsWith(bytes, [0xff, 0xd8, 0xff])) {
    type = 'image/jpeg';
    size = jpegSize(bytes);
  } else {
    return { ok: false, message: `“${name}” is not a PNG or JPEG image (its content says otherwise, whatever its name). Pick a PNG or JPEG file.`, text: msg('export.logo.notImage', { name }) };
  }
  if (!size) {
    const kind = type === 'image/png' ? 'PNG' : 'JPEG';
    return { ok: false, message: `“${name}” looks like a ${kind} but its header is damaged; the image size cannot be read. Pick another file.`, text: msg('export.logo.damaged', { name, kind }) };
  }
  if (size.width > 100_000 || size.height > 100_000) {
    return { ok: false, message: `“${name}” claims to be ${size.width} × ${size.height} pixels, which no logo is. Pick another file.`, text: msg('export.logo.huge', { name, width: size.width, height: size.height }) };
  }
  return { ok: true, logo: { name, type, dataUrl: `data:${type};base64,${base64(bytes)}`, width: size.width, height: size.height } };
}
