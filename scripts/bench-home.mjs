// First-screen load, A against B: navigation → the home screen interactive ("New workshop" can be
// clicked, checked every animation frame), two renderer builds served the same way, measured
// alternately in the same browser so that a busy machine slows both alike. Used to measure what
// the message catalogs cost the first screen:
//   node scripts/bench-home.mjs <build A> <build B> [runs] [locale] [locale for B]
// e.g. a build of main against this one: `node scripts/bench-home.mjs /tmp/main-out out/renderer 21`.
// The locale is the browser's (the system language the interface follows); en-US by default.
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize, resolve, sep } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
import { mimeTypeFor } from '../common/web-policy.mjs';

const [dirA, dirB, runsArg, localeArg, localeBArg] = process.argv.slice(2);
if (!dirA || !dirB) {
  console.error('usage: node scripts/bench-home.mjs <renderer build A> <renderer build B> [runs] [locale]');
  process.exit(2);
}
const runs = Number(runsArg ?? 15);
const locale = localeArg ?? 'en-US';
// The same build in two languages: what the interface language itself costs.
const localeB = localeBArg ?? locale;

async function serve(root) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root + sep)) return res.writeHead(404).end();
    try {
      res.writeHead(200, { 'content-type': mimeTypeFor(file) }).end(await readFile(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

const a = await serve(resolve(dirA));
const b = await serve(resolve(dirB));
const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] });
// Any button of the home screen's top bar means it is drawn and React answers: the "New workshop"
// button is found by its place, not its words, so every interface language is measured alike.
const ready = (p) => p.waitForFunction(() => document.querySelectorAll('.topbar-actions button.btn-primary').length > 0, undefined, { polling: 'raf' });
async function once(url, contextLocale = locale) {
  const ctx = await browser.newContext({ locale: contextLocale });
  const page = await ctx.newPage();
  const t = performance.now();
  await page.goto(url);
  await ready(page);
  const ms = performance.now() - t;
  await ctx.close();
  return ms;
}
const times = { a: [], b: [] };
// One warm-up each (the disk cache of the files), not counted.
await once(a.url);
await once(b.url, localeB);
for (let i = 0; i < runs; i++) {
  times.a.push(await once(a.url));
  times.b.push(await once(b.url, localeB));
}
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const ma = median(times.a);
const mb = median(times.b);
console.log(`locale ${locale}${localeB === locale ? '' : ` (B: ${localeB})`}, ${runs} runs each, alternating`);
console.log(`A ${dirA}: median ${ma.toFixed(0)} ms`);
console.log(`B ${dirB}: median ${mb.toFixed(0)} ms`);
console.log(`B / A: ${(mb / ma).toFixed(3)} (${(((mb - ma) / ma) * 100).toFixed(1)} %)`);
await browser.close();
a.server.close();
b.server.close();
