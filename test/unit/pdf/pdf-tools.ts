// Reading a PDF back as a reader would: its text (pdftotext, one entry per page) and its pages as
// grey pixels (pdftoppm), for the sponsor-pack tests. poppler-utils is installed on CI.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempPdf(bytes: Uint8Array, name = 'pack.pdf'): string {
  const dir = mkdtempSync(join(tmpdir(), 'liftoff-pdf-'));
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** The text of every page, in reading order (pdftotext separates pages with a form feed). */
export function pdfPages(path: string): string[] {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages = text.split('\f');
  if (pages[pages.length - 1]?.trim() === '') pages.pop();
  return pages;
}

/** Width and height of every page in points, from pdfinfo. */
export function pdfPageSizes(path: string, pages: number): { width: number; height: number }[] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', String(pages), path], { encoding: 'utf8' });
  return [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

export function pdfFonts(path: string): string {
  return execFileSync('pdffonts', [path], { encoding: 'utf8' });
}

export type GreyPage = { width: number; height: number; dpi: number; pixels: Uint8Array };

function parsePgm(buf: Buffer): { width: number; height: number; pixels: Uint8Array } {
  // P5 <w> <h> <max>\n<bytes>
  let pos = 0;
  const fields: string[] = [];
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[pos] as number))) pos++;
    if (buf[pos] === 0x23) {
      while (buf[pos] !== 0x0a) pos++;
      continue;
    }
    let s = '';
    while (!/\s/.test(String.fromCharCode(buf[pos] as number))) s += String.fromCharCode(buf[pos++] as number);
    fields.push(s);
  }
  pos++;
  if (fields[0] !== 'P5') throw new Error(`Not a binary PGM: ${fields[0]}`);
  const width = Number(fields[1]);
  const height = Number(fields[2]);
  return { width, height, pixels: new Uint8Array(buf.subarray(pos, pos + width * height)) };
}

/** Every page rendered in grey at `dpi`. */
export function renderPages(path: string, dpi = 36): GreyPage[] {
  const dir = mkdtempSync(join(tmpdir(), 'liftoff-ppm-'));
  execFileSync('pdftoppm', ['-r', String(dpi), '-gray', path, join(dir, 'p')]);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.pgm'))
    .sort()
    .map((f) => ({ ...parsePgm(readFileSync(join(dir, f))), dpi }));
}

/** Dark pixels (ink) inside a rectangle given in points. */
export function inkIn(page: GreyPage, box: { x: number; y: number; w: number; h: number }, threshold = 200): number {
  const k = page.dpi / 72;
  const x0 = Math.max(0, Math.floor(box.x * k));
  const y0 = Math.max(0, Math.floor(box.y * k));
  const x1 = Math.min(page.width, Math.ceil((box.x + box.w) * k));
  const y1 = Math.min(page.height, Math.ceil((box.y + box.h) * k));
  let n = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if ((page.pixels[y * page.width + x] as number) < threshold) n++;
  return n;
}
