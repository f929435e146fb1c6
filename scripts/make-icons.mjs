// Makes the app icons that electron-builder packs, from the one drawing in renderer/public/icon.svg:
//   build/icon.png           1024×1024, the source for anything that wants one big PNG
//   build/icons/NxN.png      the Linux icon set (hicolor sizes 16…1024)
//   build/icon.ico           Windows: PNG-compressed entries 16, 24, 32, 48, 64, 128, 256
//   build/icon.icns          macOS: PNG chunks 16…1024, drawn on Apple's icon grid
// Run it after changing the SVG (`node scripts/make-icons.mjs`) and commit what it writes.
// electron-builder finds these ready-made files and then has nothing to convert; converting would
// download its icon tool, which an offline machine cannot do.
//
// Chromium draws the SVG (it is already here for the e2e tests), so no image library is needed;
// ICO and ICNS are simple containers of PNGs and are written by hand below.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const fromRoot = (p) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const SOURCE = fromRoot('renderer/public/icon.svg');
const OUT = fromRoot('build');

const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** ICNS chunk type → pixel size. The @2x types (ic11…ic14) reuse the PNG of their pixel size. */
const ICNS_CHUNKS = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];
/**
 * macOS icons leave a margin around the artwork (Apple's grid: an 824 px body on a 1024 px
 * canvas); a full-bleed square would look larger than every other icon in the Dock.
 * Windows and Linux icons use the whole square.
 */
const MAC_BODY_RATIO = 824 / 1024;

/** Draws the SVG on a transparent canvas of each size; returns PNG bytes per size. */
async function rasterize(svg, sizes, bodyRatio) {
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage();
    const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    const encoded = await page.evaluate(
      async ({ dataUrl, sizes, bodyRatio }) => {
        const image = new Image();
        image.src = dataUrl;
        await image.decode();
        const result = {};
        for (const size of sizes) {
          const canvas = document.createElement('canvas');
          canvas.width = size;
          canvas.height = size;
          const context = canvas.getContext('2d');
          if (!context) throw new Error('No 2D canvas');
          context.imageSmoothingQuality = 'high';
          const body = Math.round(size * bodyRatio);
          const offset = Math.round((size - body) / 2);
          // Drawing the vector at the target size keeps small icons sharp (no downscaling blur).
          context.drawImage(image, offset, offset, body, body);
          result[size] = canvas.toDataURL('image/png').slice('data:image/png;base64,'.length);
        }
        return result;
      },
      { dataUrl, sizes, bodyRatio },
    );
    return new Map(sizes.map((size) => [size, Buffer.from(encoded[size], 'base64')]));
  } finally {
    await browser.close();
  }
}

/** Reads width and height from a PNG's IHDR chunk, and checks it is a PNG at all. */
function pngSize(png) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (png.length < 24 || !png.subarray(0, 8).equals(signature) || png.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('Not a PNG');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/**
 * ICO: a 6-byte header (reserved 0, type 1 = icon, count), one 16-byte entry per image, then
 * the images. Each entry holds width and height (0 means 256), colours 0, reserved 0, planes 1,
 * 32 bits per pixel, the image's byte length and its offset from the start of the file.
 * PNG images inside an ICO work on Windows Vista and later.
 */
function buildIco(pngs) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  const entries = [];
  let offset = 6 + 16 * pngs.length;
  for (const { size, png } of pngs) {
    if (size > 256) throw new Error(`ICO images are at most 256 px, got ${size}`);
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size === 256 ? 0 : size, 0);
    entry.writeUInt8(size === 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2);
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    entries.push(entry);
    offset += png.length;
  }
  return Buffer.concat([header, ...entries, ...pngs.map((p) => p.png)]);
}

/**
 * ICNS: 'icns' and the total file length (big-endian), then chunks of a 4-character type, the
 * chunk length including its 8-byte header, and the data (here a PNG).
 */
function buildIcns(chunks) {
  const parts = chunks.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 4, 'latin1');
    head.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([head, png]);
  });
  const header = Buffer.alloc(8);
  header.write('icns', 0, 4, 'latin1');
  header.writeUInt32BE(8 + parts.reduce((sum, p) => sum + p.length, 0), 4);
  return Buffer.concat([header, ...parts]);
}

async function main() {
  const svg = await readFile(SOURCE, 'utf8');
  const fullBleed = await rasterize(svg, LINUX_SIZES, 1);
  const onMacGrid = await rasterize(svg, [...new Set(ICNS_CHUNKS.map(([, size]) => size))], MAC_BODY_RATIO);
  for (const [size, png] of [...fullBleed, ...onMacGrid]) {
    const { width, height } = pngSize(png);
    if (width !== size || height !== size) throw new Error(`Rendered ${width}×${height} for ${size}`);
  }

  await rm(fromRoot('build/icons'), { recursive: true, force: true });
  await mkdir(fromRoot('build/icons'), { recursive: true });
  for (const size of LINUX_SIZES) await writeFile(fromRoot(`build/icons/${size}x${size}.png`), fullBleed.get(size));
  await writeFile(fromRoot('build/icon.png'), fullBleed.get(1024));
  await writeFile(fromRoot('build/icon.ico'), buildIco(ICO_SIZES.map((size) => ({ size, png: fullBleed.get(size) }))));
  await writeFile(fromRoot('build/icon.icns'), buildIcns(ICNS_CHUNKS.map(([type, size]) => ({ type, png: onMacGrid.get(size) }))));
  console.log(`Wrote ${OUT}/icon.png, icon.ico, icon.icns and icons/ (${LINUX_SIZES.join(', ')} px)`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
