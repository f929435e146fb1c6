// Reading a file the person chose (in the Open dialog, or by double-clicking it in the system),
// with a size limit checked before a byte is read. Shared by file:open, file:open-bytes and
// file:take-opened so all refuse the same files in the same words.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export type TooLarge = { status: 'too-large'; name: string; size: number; limit: number };
export type TextFileResult = { status: 'opened'; name: string; data: string } | TooLarge;
export type BytesFileResult = { status: 'opened'; name: string; bytes: Uint8Array } | TooLarge;

/**
 * The file's bytes, untouched: spreadsheets and CSVs come in many encodings (UTF-16 from
 * Excel's "Unicode text", Windows-1252 from German Excel's CSV) and the renderer decodes them
 * in one place for the desktop and the browser build. Throws for a folder or a special file;
 * file system errors (missing, no permission) pass through.
 */
export async function readFileBytesCapped(filePath: string, maxBytes: number): Promise<BytesFileResult> {
  const name = path.basename(filePath);

  // Size first: reading a 2 GB file picked by mistake would freeze main and then the renderer.
  const info = await stat(filePath);
  if (!info.isFile()) throw new Error(`${name} is not a regular file.`);
  if (info.size > maxBytes) return { status: 'too-large', name, size: info.size, limit: maxBytes };

  const buffer = await readFile(filePath);
  // The file may have grown between stat and read; the limit still holds.
  if (buffer.byteLength > maxBytes) return { status: 'too-large', name, size: buffer.byteLength, limit: maxBytes };
  // A plain Uint8Array over the same memory: what crosses IPC is then exactly the file.
  return { status: 'opened', name, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) };
}

/** Workshop files are UTF-8 JSON, so these are decoded here. Same refusals as readFileBytesCapped. */
export async function readTextFileCapped(filePath: string, maxBytes: number): Promise<TextFileResult> {
  const read = await readFileBytesCapped(filePath, maxBytes);
  if (read.status !== 'opened') return read;
  // TextDecoder drops a leading byte-order mark and turns invalid bytes into U+FFFD instead of
  // failing, so the renderer's parser reports the problem.
  return { status: 'opened', name: read.name, data: new TextDecoder('utf-8').decode(read.bytes) };
}
