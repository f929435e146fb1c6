// The app icons in build/ (made by scripts/make-icons.mjs): each file parses as its format says,
// and electron-builder takes them as they are, so a packaging run has nothing to convert (the
// converter is a download, which an offline machine cannot make).
import type { Configuration } from 'app-builder-lib';
import { convertIcon, type IconFormat } from 'app-builder-lib/out/util/iconConverter';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromRoot, loadBuilderConfig, ROOT } from './builder-config';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk; throws if it is not a PNG. */
function pngSize(png: Buffer): { width: number; height: number } {
  if (png.length < 33 || !png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG');
  if (png.readUInt32BE(8) !== 13 || png.toString('latin1', 12, 16) !== 'IHDR') throw new Error('PNG without IHDR first');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

type IcoImage = { width: number; height: number; bitCount: number; png: Buffer };

function parseIco(ico: Buffer): IcoImage[] {
  if (ico.readUInt16LE(0) !== 0 || ico.readUInt16LE(2) !== 1) throw new Error('not an icon file');
  const count = ico.readUInt16LE(4);
  const images: IcoImage[] = [];
  for (let i = 0; i < count; i++) {
    const entry = 6 + 16 * i;
    const length = ico.readUInt32LE(entry + 8);
    const offset = ico.readUInt32LE(entry + 12);
    if (offset + length > ico.length) throw new Error(`image ${i} runs past the end of the file`);
    images.push({
      width: ico.readUInt8(entry) || 256,
      height: ico.readUInt8(entry + 1) || 256,
      bitCount: ico.readUInt16LE(entry + 6),
      png: ico.subarray(offset, offset + length),
    });
  }
  return images;
}

function parseIcns(icns: Buffer): Map<string, Buffer> {
  if (icns.toString('latin1', 0, 4) !== 'icns') throw new Error('no icns magic');
  if (icns.readUInt32BE(4) !== icns.length) throw new Error(`declared length ${icns.readUInt32BE(4)} ≠ file size ${icns.length}`);
  const chunks = new Map<string, Buffer>();
  let offset = 8;
  while (offset < icns.length) {
    const type = icns.toString('latin1', offset, offset + 4);
    const length = icns.readUInt32BE(offset + 4);
    if (length < 8 || offset + length > icns.length) throw new Error(`chunk ${type} has a bad length`);
    chunks.set(type, icns.subarray(offset + 8, offset + length));
    offset += length;
  }
  return chunks;
}

describe('build/icon.png', () => {
  it('is a 1024×1024 PNG (electron-builder wants at least 512)', async () => {
    expect(pngSize(await readFile(fromRoot('build/icon.png')))).toEqual({ width: 1024, height: 1024 });
  });

  it('has a Linux icon set with a PNG of each named size', async () => {
    const names = (await readdir(fromRoot('build/icons'))).sort((a, b) => parseInt(a) - parseInt(b));
    expect(names).toEqual(['16x16.png', '24x24.png', '32x32.png', '48x48.png', '64x64.png', '128x128.png', '256x256.png', '512x512.png', '1024x1024.png']);
    for (const name of names) {
      const size = parseInt(name);
      expect(pngSize(await readFile(fromRoot(`build/icons/${name}`))), name).toEqual({ width: size, height: size });
    }
  });
});

describe('build/icon.ico', () => {
  it('holds PNG images of 16 to 256 px, each the size its entry says', async () => {
    const images = parseIco(await readFile(fromRoot('build/icon.ico')));
    expect(images.map((i) => i.width)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    for (const image of images) {
      expect(image.height).toBe(image.width);
      expect(image.bitCount).toBe(32);
      expect(pngSize(image.png)).toEqual({ width: image.width, height: image.width });
    }
  });
});

describe('build/icon.icns', () => {
  it('has the magic, a length equal to the file size, and PNG chunks 16 to 1024 px', async () => {
    const chunks = parseIcns(await readFile(fromRoot('build/icon.icns')));
    const expected: Record<string, number> = { icp4: 16, icp5: 32, icp6: 64, ic07: 128, ic08: 256, ic09: 512, ic10: 1024, ic11: 32, ic12: 64, ic13: 256, ic14: 512 };
    expect([...chunks.keys()].sort()).toEqual(Object.keys(expected).sort());
    for (const [type, size] of Object.entries(expected)) {
      expect(pngSize(chunks.get(type) ?? Buffer.alloc(0)), type).toEqual({ width: size, height: size });
    }
  });
});

describe('electron-builder', () => {
  let config: Configuration;
  beforeAll(async () => {
    config = await loadBuilderConfig();
  });

  // The same call platformPackager.resolveIcon makes, with the same roots.
  async function resolve(source: string | null | undefined, format: IconFormat) {
    const outDir = await mkdtemp(path.join(tmpdir(), 'liftoff-icon-'));
    try {
      const result = await convertIcon({
        sources: source ? [source] : [],
        fallbackSources: [],
        roots: [fromRoot('build'), ROOT],
        format,
        outDir: path.join(outDir, 'converted'),
      });
      // The converter writes here; nothing written means nothing was converted or downloaded.
      return { result, converted: existsSync(path.join(outDir, 'converted')) };
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  }

  it('uses build/icon.icns for macOS as it is', async () => {
    const { result, converted } = await resolve(config.mac?.icon, 'icns');
    expect(result).toMatchObject({ isFallback: false, icons: [{ file: fromRoot('build/icon.icns') }] });
    expect(converted).toBe(false);
  });

  it('uses build/icon.ico for Windows as it is, and sees its 256 px image', async () => {
    const { result, converted } = await resolve(config.win?.icon, 'ico');
    expect(result).toMatchObject({ isFallback: false, icons: [{ file: fromRoot('build/icon.ico'), size: 256 }] });
    expect(converted).toBe(false);
  });

  it('uses build/icons/ for Linux as it is, every size', async () => {
    const { result, converted } = await resolve(config.linux?.icon, 'set');
    expect(result.isFallback).toBe(false);
    expect(result.icons.map((i) => [path.relative(ROOT, i.file), i.size])).toEqual(
      [16, 24, 32, 48, 64, 128, 256, 512, 1024].map((s) => [path.join('build', 'icons', `${s}x${s}.png`), s]),
    );
    expect(converted).toBe(false);
  });
});
