// Reading a file the person chose (in the Open dialog, or by double-clicking it in the system),
// with a size limit checked before a byte is read. Shared by file:open and file:take-opened so
// both refuse the same files in the same words.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export type TextFileResult =
  | { status: 'opened'; name: string; data: string }
  | { status: 'too-large'; name: string; size: number; limit: number };

/** Throws for a folder or a special file; file system errors (missing, no permission) pass through. */
export async function readTextFileCapped(filePath: string, maxBytes: number): Promise<TextFileResult> {
  const name = path.basename(filePath);

  // Size first: reading a 2 GB file picked by mistake would freeze main and then the renderer.
  const info = await stat(filePath);
  if (!info.isFile()) throw new Error(`${name} is not a regular file.`);
  if (info.size > maxBytes) return { status: 'too-large', name, size: info.size, limit: maxBytes };

  const bytes = await readFile(filePath);
  // The file may have grown between stat and read; the limit still holds.
  if (bytes.byteLength > maxBytes) return { status: 'too-large', name, size: bytes.byteLength, limit: maxBytes };
  // TextDecoder drops a leading byte-order mark (Excel writes one into CSV files) and turns
  // invalid bytes into U+FFFD instead of failing, so the renderer's parser reports the problem.
  return { status: 'opened', name, data: new TextDecoder('utf-8').decode(bytes) };
}
