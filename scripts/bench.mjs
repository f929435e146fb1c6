// `npm run bench`: figures measured in Debian's Chromium against the built renderer with real
// IndexedDB. Prints a table; asserts nothing (targets belong in the notes, not in timed tests).
// The workshop under test holds 200 use cases unless a row says otherwise.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
import { mimeTypeFor } from '../common/web-policy.mjs';
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { cpus, tmpdir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { roomBench } from './bench-room.mjs';
import { compileCatalog, readCatalog } from './vite-catalogs.mjs';

const root = process.env.LIFTOFF_RENDERER_OUT ?? fileURLToPath(new URL('../out/renderer', import.meta.url));
let chromePath;
try {
  chromePath = findChromium();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
/** Message catalogs compiled as the app's build compiles them (scripts/vite-catalogs.mjs), for the bench's own esbuild bundles of app code. */
const linguiCatalogs = {
  name: 'lingui-catalogs',
  setup(b) {
    b.onResolve({ filter: /\.json\?lingui$/ }, (args) => ({ path: join(args.resolveDir, args.path.replace(/\?lingui$/, '')), namespace: 'lingui' }));
    b.onLoad({ filter: /.*/, namespace: 'lingui' }, (args) => ({
      contents: `export const messages = JSON.parse(${JSON.stringify(JSON.stringify(compileCatalog(readCatalog(args.path), args.path)))});`,
      loader: 'js',
    }));
  },
};
const BLANK = '<!doctype html><html><head><meta charset="utf-8"><title>blank</title></head><body><h1>Workshops</h1></body></html>';
/** The data-layer bench (scripts/bench-data-layer.ts): the app's repositories, bundled for the browser. */
const dataLayerBundle = (
  await build({
    entryPoints: [fileURLToPath(new URL('./bench-data-layer.ts', import.meta.url))],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'error',
    plugins: [linguiCatalogs],
  })
).outputFiles[0].text;
// The facilitator's loopback channel to the room server, as `npm run web` has it (section 9).
const { createRoomControl, CONTROL_PREFIX } = await import(new URL('../out/room/control.mjs', import.meta.url).href);
const control = await createRoomControl({ phoneDir: fileURLToPath(new URL('../out/phone', import.meta.url)) });
const server = createServer(async (req, res) => {
  if ((req.url ?? '').startsWith(CONTROL_PREFIX)) return control.handle(req, res);
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  if (path === '/blank.html') return res.writeHead(200, { 'content-type': 'text/html' }).end(BLANK);
  if (path === '/bench-data-layer.html') {
    return res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><meta charset="utf-8"><script type="module" src="/bench-data-layer.js"></script>');
  }
  if (path === '/bench-data-layer.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(dataLayerBundle);
  const file = normalize(join(root, path === '/' ? 'index.html' : path));
  if (!file.startsWith(root + sep)) return res.writeHead(404).end();
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': mimeTypeFor(file) }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
control.setLoopbackHost(server.address().port);
const base = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: chromePath,
  args: [...CHROMIUM_ARGS],
});
const browserVersion = browser.version();
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x) => `${x.toFixed(1)} ms`;
const rows = [];

/** Prints the table of figures. */
function printRows() {
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log(`\nLiftoff benchmark (Chromium ${browserVersion}, real IndexedDB, ${cpus().length} cores, ${new Date().toISOString().slice(0, 16)}Z)\n`);
  for (const r of rows) console.log(`${r[0].padEnd(w)}  ${r[1].padEnd(18)}  ${r[2]}`);
}

// 9. The room: 200 simulated phones score through the room server (scripts/bench-room.mjs).
//    LIFTOFF_BENCH_ONLY=room runs this section alone (and =pack section 7 alone).
if (process.env.LIFTOFF_BENCH_ONLY !== 'pack') rows.push(...(await roomBench(browser, base, ms, pct)));
if (process.env.LIFTOFF_BENCH_ONLY === 'room') {
  await browser.close();
  await control.close();
  server.close();
  printRows();
  process.exit(0);
}

/** The number next to the "Use cases" heading: the list itself shows only the rows in view. */
const useCaseCount = (page, n) =>
  page.waitForFunction((want) => document.querySelector('#uc-title .count')?.textContent === String(want) && document.querySelector('[data-testid="uc-row"]'), n, {
    timeout: 120_000,
  });
const saved = (page) => page.waitForFunction(() => document.querySelector('[data-testid="save-status"]')?.textContent === 'Saved');

if (process.env.LIFTOFF_BENCH_ONLY === 'pack') {
  rows.push(...(await sponsorPackBench(browser, ms, pct)));
  await browser.close();
  await control.close();
  server.close();
  printRows();
  process.exit(0);
}

async function newWorkshop(page, name) {
  await page.goto(base);
  await page.getByRole('button', { name: 'New workshop' }).click();
  await page.getByLabel('Workshop name').fill(name);
  await page.getByRole('button', { name: 'Create workshop' }).click();
  await page.getByLabel('New use case title').waitFor();
}

/** Imports `lines` (a header and one row per use case) through the CSV dialog; returns the time to the mapping step and to the list. */
async function importCsv(page, lines, count) {
  const dir = await mkdtemp(join(tmpdir(), 'liftoff-bench-'));
  const csvPath = join(dir, 'bench.csv');
  await writeFile(csvPath, lines.join('\r\n'));
  const before = Number((await page.locator('#uc-title .count').textContent()) ?? '0');
  await page.getByRole('button', { name: 'Import spreadsheet…' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose file…' }).click();
  let t = Date.now();
  await (await chooser).setFiles(csvPath);
  const button = page.getByRole('button', { name: `Import ${count} use cases` });
  await button.waitFor();
  const parse = Date.now() - t;
  t = Date.now();
  await button.click();
  await useCaseCount(page, before + count);
  const store = Date.now() - t;
  await saved(page);
  return { parse, store };
}

const longText = (n, i) => `Route and summarize incoming work item ${i} for the team, with the evidence the reviewer needs. `.repeat(n).trim();

// 1. Navigation to interactive. The workshop of 200 use cases is opened straight from its address
//    (#/w/<id>/use-cases) in a new tab, until the list is interactive: its first row takes the
//    focus and the capture box takes a typed character. Against a blank page served the same way
//    (same server, same tab), median of 7 each. The empty home page is measured the same way.
const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
const page = await ctx.newPage();
await newWorkshop(page, 'Bench');
{
  const lines = ['Use case,Problem,Business owner,Department,Impact,Feasibility,Readiness'];
  for (let i = 0; i < 200; i++) lines.push(`Bench use case ${i},"${longText(3, i)}",Owner ${i % 17},Dept ${i % 9},${1 + (i % 5)},${1 + (i % 4)},${1 + (i % 3)}`);
  await importCsv(page, lines, 200);
}
const workshopUrl = `${base}${await page.evaluate(() => window.location.hash)}`;
{
  const timeTo = async (p, url, ready) => {
    const t = Date.now();
    await p.goto(url);
    await ready(p);
    return Date.now() - t;
  };
  const blankReady = (p) => p.waitForFunction(() => document.querySelector('h1')?.textContent === 'Workshops', undefined, { polling: 'raf' });
  const app = [];
  const blank = [];
  for (let i = 0; i < 7; i++) {
    const p = await ctx.newPage();
    blank.push(await timeTo(p, `${base}blank.html`, blankReady));
    app.push(
      await timeTo(p, workshopUrl, async (q) => {
        // Checked every animation frame in the page: Playwright's own waits back off to 500 ms
        // between checks, which would measure its polling rather than the app.
        await q.waitForFunction(
          () => {
            const row = document.querySelector('[data-testid="uc-row"] .uc-row-main');
            if (!(row instanceof HTMLElement)) return false;
            row.focus();
            return document.activeElement === row;
          },
          undefined,
          { polling: 'raf' },
        );
        await q.getByLabel('New use case title').press('x');
        await q.waitForFunction(() => /** @type {HTMLInputElement | null} */ (document.getElementById('capture-input'))?.value === 'x', undefined, { polling: 'raf' });
      }),
    );
    await p.getByLabel('New use case title').fill('');
    await p.close();
  }
  rows.push([
    'Navigation → interactive: workshop of 200 from its URL, median of 7',
    ms(pct(app, 50)),
    `blank page ${ms(pct(blank, 50))}, ratio ${(pct(app, 50) / Math.max(1, pct(blank, 50))).toFixed(1)}× (list focusable, capture box typed in)`,
  ]);

  const home = [];
  const blankHome = [];
  for (let i = 0; i < 7; i++) {
    const hctx = await browser.newContext({ locale: 'en-US' });
    const p = await hctx.newPage();
    blankHome.push(await timeTo(p, `${base}blank.html`, blankReady));
    home.push(
      await timeTo(p, base, (q) =>
        q.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'New workshop'), undefined, { polling: 'raf' }),
      ),
    );
    await hctx.close();
  }
  rows.push([
    'Navigation → interactive: home, no workshops, median of 7',
    ms(pct(home, 50)),
    `blank page ${ms(pct(blankHome, 50))}, ratio ${(pct(home, 50) / Math.max(1, pct(blankHome, 50))).toFixed(1)}×`,
  ]);
}

// 2. Autosave while typing in the 200-use-case workshop: keystroke → Saved, in the problem field
//    of a use case half-way down the list.
{
  await page.getByLabel('Search use cases').fill('Bench use case 100');
  await page.getByRole('button', { name: '101. Bench use case 100', exact: true }).click();
  await page.getByLabel('Search use cases').fill('');
  const field = page.getByLabel('Problem or decision point');
  await field.press('End');
  const lat = [];
  for (let i = 0; i < 40; i++) {
    const t = await page.evaluate(() => performance.now());
    await field.press('x');
    await saved(page);
    lat.push((await page.evaluate(() => performance.now())) - t);
  }
  rows.push(['Autosave, 200 use cases: keystroke → Saved (40)', `p50 ${ms(pct(lat, 50))}`, `p95 ${ms(pct(lat, 95))}`]);
}

// 3. Capture into the 200-use-case workshop: Enter → the new row is on screen and the status says Saved, 60 times.
{
  const input = page.getByLabel('New use case title');
  const lat = [];
  for (let i = 0; i < 60; i++) {
    await input.fill(`Captured use case ${i}`);
    const t = await page.evaluate(() => performance.now());
    await input.press('Enter');
    await page.waitForFunction(
      (n) =>
        [...document.querySelectorAll('[data-testid="uc-row"] .uc-row-main')].some((r) => r.getAttribute('aria-label') === `${201 + n}. Captured use case ${n}`) &&
        document.querySelector('[data-testid="save-status"]')?.textContent === 'Saved',
      i,
    );
    lat.push((await page.evaluate(() => performance.now())) - t);
  }
  rows.push(['Capture, 200+ use cases: Enter → row shown and Saved (60)', `p50 ${ms(pct(lat, 50))}`, `p95 ${ms(pct(lat, 95))}`]);
}

// 4. CSV import of 5,000 rows (the limit) into a new workshop: choose → mapping shown, then
//    Import → stored and the list shown (the list is virtualized: its first rows drawn).
{
  await newWorkshop(page, 'CSV bench');
  const lines = ['Use case,Problem,Business owner,Department,Kind,Data sources,Impact,Feasibility,Readiness'];
  for (let i = 0; i < 5000; i++) lines.push(`Use case ${i},"Problem ${i}, with a comma",Owner ${i % 17},Dept ${i % 9},Predictive model,Source,${1 + (i % 5)},${1 + (i % 4)},${1 + (i % 3)}`);
  const { parse, store } = await importCsv(page, lines, 5000);
  rows.push(['CSV import, 5,000 rows (≈0.6 MB), new workshop', `read+map ${ms(parse)}`, `store+show ${ms(store)}`]);
}
await ctx.close();

// 5. Import of a ~5 MB workshop file (scripts/bench-workshop-file.ts: 200 use cases with long
//    texts, 200 KPIs with 8,000 measurements, 400 risks, 200 sealed decisions, 500 audit entries):
//    File → Open → the workshop shown with its use cases. Fresh browser profile each time, median of 3.
/**
 * Opens each tab once (its code chunk is then loaded), then times a second visit to each:
 * click → its heading shown and two frames drawn, with how many elements the page then holds.
 */
async function tabSwitches(page) {
  const nav = page.getByRole('navigation', { name: 'Workshop sections' });
  const names = await nav.getByRole('link').allTextContents();
  const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  for (const tab of names) {
    await nav.getByRole('link', { name: tab, exact: true }).click();
    await page.locator('.section-title').first().waitFor();
  }
  const out = [];
  for (const tab of names) {
    const t = Date.now();
    await nav.getByRole('link', { name: tab, exact: true }).click();
    await nav.getByRole('link', { name: tab, exact: true }).and(page.locator('[aria-current="page"]')).waitFor();
    await page.locator('.section-title').first().waitFor();
    await frames();
    out.push({ tab, ms: Date.now() - t, elements: await page.evaluate(() => document.querySelectorAll('*').length) });
  }
  return out;
}

{
  /** @type {{ tab: string; ms: number; elements: number }[]} */
  let tabs = [];
  const fixture = await workshopFileFixture();
  const dir = await mkdtemp(join(tmpdir(), 'liftoff-bench-'));
  const filePath = join(dir, fixture.name);
  await writeFile(filePath, fixture.text);
  const times = [];
  for (let i = 0; i < 3; i++) {
    const fctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    const p = await fctx.newPage();
    await p.goto(base);
    const chooser = p.waitForEvent('filechooser');
    await p.getByRole('button', { name: 'Open workshop file…' }).click();
    const t = Date.now();
    await (await chooser).setFiles(filePath);
    await useCaseCount(p, fixture.useCases);
    times.push(Date.now() - t);
    if (i === 2) tabs = await tabSwitches(p);
    await fctx.close();
  }
  rows.push([
    `Workshop file import, ${(fixture.bytes / 1024 / 1024).toFixed(1)} MB (200 use cases): open → shown`,
    `p50 ${ms(pct(times, 50))}`,
    `median of 3, fresh profile each (first ${ms(times[0])})`,
  ]);
  const slowest = tabs.reduce((a, b) => (b.ms > a.ms ? b : a));
  rows.push([
    `Every tab of that workshop: click → drawn (${tabs.length} tabs, each after the first visit)`,
    `p50 ${ms(pct(tabs.map((x) => x.ms), 50))}`,
    `slowest ${slowest.tab} ${ms(slowest.ms)}; largest page ${Math.max(...tabs.map((x) => x.elements))} elements`,
  ]);
}

// 5. Matrix drag with 200 scored use cases: frame times (requestAnimationFrame deltas in the page)
//    while a card is carried across the grid by the mouse in 30 steps.
{
  const mctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  const mpage = await mctx.newPage();
  await newWorkshop(mpage, 'Matrix bench');
  const lines = ['Use case,Department,Impact,Feasibility,Readiness'];
  // Eight use cases in each of the 25 cells, every one fully scored.
  for (let i = 0; i < 200; i++) lines.push(`Matrix use case ${i},Dept ${i % 9},${1 + (i % 5)},${1 + (Math.floor(i / 5) % 5)},${1 + (i % 3)}`);
  await importCsv(mpage, lines, 200);
  await mpage.getByRole('link', { name: 'Matrix' }).click();
  const from = mpage.locator('[data-cell="cell-1-1"] [data-testid="matrix-card"]').first();
  const to = mpage.locator('[data-cell="cell-5-5"]');
  await from.waitFor();
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  await mpage.evaluate(() => {
    const w = /** @type {Window & { __frames?: number[]; __collect?: boolean }} */ (window);
    w.__frames = [];
    w.__collect = true;
    let last = performance.now();
    const tick = (t) => {
      w.__frames?.push(t - last);
      last = t;
      if (w.__collect) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await mpage.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await mpage.mouse.down();
  await mpage.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2 - 10, { steps: 2 });
  await mpage.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 30 });
  await mpage.mouse.up();
  const frames = await mpage.evaluate(() => {
    const w = /** @type {Window & { __frames?: number[]; __collect?: boolean }} */ (window);
    w.__collect = false;
    return (w.__frames ?? []).slice(1);
  });
  await saved(mpage);
  rows.push(['Matrix drag, 200 use cases: frame time', `p50 ${ms(pct(frames, 50))}`, `p95 ${ms(pct(frames, 95))} (${frames.length} frames, max ${ms(Math.max(...frames))})`]);
  await mctx.close();
}

// 6. Roadmap with 200 ranked use cases and the standard governance meetings: add them all, then
//    open the tab (median of 5: click → every row drawn), then pan the timeline by dragging its
//    time axis in 30 steps, measuring frame times as for the matrix.
const ROADMAP_N = 200;
{
  const rctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  const rpage = await rctx.newPage();
  await newWorkshop(rpage, 'Roadmap bench');
  const lines = ['Use case,Department,Impact,Feasibility,Readiness'];
  for (let i = 0; i < ROADMAP_N; i++) lines.push(`Roadmap use case ${i},Dept ${i % 7},${1 + (i % 5)},${1 + (Math.floor(i / 5) % 5)},${1 + (i % 3)}`);
  await importCsv(rpage, lines, ROADMAP_N);
  const tabs = rpage.getByRole('navigation', { name: 'Workshop sections' });
  await tabs.getByRole('link', { name: 'Roadmap', exact: true }).click();
  await rpage.getByRole('button', { name: 'Add the standard meetings' }).click();
  await rpage.getByRole('button', { name: 'Add the standard meetings' }).waitFor({ state: 'detached' });
  // vis-timeline draws only the rows in view (the timeline scrolls vertically): drawn means every
  // row's label is there (the use cases and 3 meetings) and the phase bars of the rows in view.
  const bars = () =>
    rpage.waitForFunction(
      (groups) => document.querySelectorAll('.rm-timeline .rm-group').length === groups && document.querySelectorAll('.rm-timeline .vis-item.rm-phase').length >= 20,
      ROADMAP_N + 3,
      { timeout: 120_000 },
    );
  let t = Date.now();
  await rpage.getByRole('button', { name: `Add all ${ROADMAP_N} in rank order` }).click();
  await bars();
  const addAll = Date.now() - t;
  await saved(rpage);
  const open = [];
  for (let i = 0; i < 5; i++) {
    await tabs.getByRole('link', { name: 'Use cases', exact: true }).click();
    await rpage.getByLabel('New use case title').waitFor();
    t = Date.now();
    await tabs.getByRole('link', { name: 'Roadmap', exact: true }).click();
    await bars();
    open.push(Date.now() - t);
  }
  const items = await rpage.locator('.rm-timeline .vis-item-content').count();
  rows.push([`Roadmap, ${ROADMAP_N} use cases: render (${items} items in view)`, `open ${ms(pct(open, 50))}`, `median of 5; add all ${ROADMAP_N} → drawn ${ms(addAll)}`]);

  const axis = await rpage.locator('.rm-timeline .vis-panel.vis-top').boundingBox();
  await rpage.evaluate(() => {
    const w = /** @type {Window & { __frames?: number[]; __collect?: boolean }} */ (window);
    w.__frames = [];
    w.__collect = true;
    let last = performance.now();
    const tick = (now) => {
      w.__frames?.push(now - last);
      last = now;
      if (w.__collect) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const y = axis.y + axis.height / 2;
  await rpage.mouse.move(axis.x + axis.width * 0.8, y);
  await rpage.mouse.down();
  await rpage.mouse.move(axis.x + axis.width * 0.2, y, { steps: 30 });
  await rpage.mouse.move(axis.x + axis.width * 0.7, y, { steps: 30 });
  await rpage.mouse.up();
  const frames = await rpage.evaluate(() => {
    const w = /** @type {Window & { __frames?: number[]; __collect?: boolean }} */ (window);
    w.__collect = false;
    return (w.__frames ?? []).slice(1);
  });
  rows.push([`Roadmap, ${ROADMAP_N} use cases: pan (drag the axis): frame time`, `p50 ${ms(pct(frames, 50))}`, `p95 ${ms(pct(frames, 95))} (${frames.length} frames, max ${ms(Math.max(...frames))})`]);
  await rctx.close();
}

rows.push(...(await sponsorPackBench(browser, ms, pct)));

// 8. The data layer (scripts/bench-data-layer.ts): a field edit with 5,000 steps of history
//    against a fresh workshop, in the same run; a room of 30 scoring 10 use cases on 3 criteria.
{
  const dctx = await browser.newContext({ locale: 'en-US' });
  const dpage = await dctx.newPage();
  await dpage.goto(`${base}bench-data-layer.html`);
  await dpage.waitForFunction(() => typeof (/** @type {any} */ (window).benchDataLayer) === 'function');
  const f = await dpage.evaluate(() => /** @type {any} */ (window).benchDataLayer());
  rows.push([
    'Field edit → stored with its undo step, 5,000 history steps (200)',
    `p95 ${ms(f.deep.p95)}`,
    `fresh workshop p95 ${ms(f.fresh.p95)}, ratio ${(f.deep.p95 / f.fresh.p95).toFixed(2)}× (p50 ${ms(f.deep.p50)} vs ${ms(f.fresh.p50)})`,
  ]);
  rows.push(['Undo button query (next undo and redo), 5,000 steps', ms(f.deep.undoPeek), `fresh workshop ${ms(f.deep.undoPeekFresh)}`]);
  rows.push([
    'Scoring 30 × 10 × 3: 450 scores one after another',
    `${f.scoring.sequentialPerSecond.toFixed(0)} writes/s`,
    `p50 ${ms(f.scoring.sequentialP50)}, p95 ${ms(f.scoring.sequentialP95)}`,
  ]);
  rows.push(['Scoring 30 × 10 × 3: 450 scores sent at once', `${f.scoring.burstPerSecond.toFixed(0)} writes/s`, `all stored in ${ms(f.scoring.burstMs)}; ${f.scoring.stored} of 900 scores stored`]);
  await dctx.close();
}

await browser.close();
await control.close();
server.close();
printRows();

// 7. Sponsor pack for a realistic 50-use-case workshop (scripts/sponsor-pack-workshop.ts: long German
//    titles, names in many scripts, readiness diagnostics, pilot designs, KPIs with weekly
//    measurements, risks, a hash-chained decision log, controls, cadence, a roadmap for the use
//    cases worked on), opened from its workshop file: the page count (dry-run layout), then
//    Export PDF → the file arrives, median of 3; and the longest gap between two frames of the
//    window while the PDF is made (the worker keeps the UI thread free).
async function sponsorPackBench(browser, ms, pct) {
  const fixture = await bundledFixture('./sponsor-pack-workshop.ts', (m) => m.sponsorPackWorkshopFile(50));
  const dir = await mkdtemp(join(tmpdir(), 'liftoff-bench-'));
  const filePath = join(dir, fixture.name);
  await writeFile(filePath, fixture.text);
  const sctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true, locale: 'en-US' });
  const spage = await sctx.newPage();
  await spage.goto(base);
  const chooser = spage.waitForEvent('filechooser');
  await spage.getByRole('button', { name: 'Open workshop file…' }).click();
  await (await chooser).setFiles(filePath);
  await useCaseCount(spage, fixture.useCases);

  await spage.getByRole('button', { name: 'Export…' }).click();
  const dialog = spage.getByRole('dialog', { name: 'Export the sponsor pack' });
  const count = spage.getByTestId('export-page-count');
  let t = Date.now();
  await count.filter({ hasText: /^\d+ pages?$/ }).waitFor({ timeout: 60_000 });
  const countMs = Date.now() - t;
  const pages = Number((await count.innerText()).split(' ')[0]);
  const times = [];
  const gaps = [];
  for (let i = 0; i < 3; i++) {
    if (i > 0) {
      await spage.getByRole('button', { name: 'Export…' }).click();
      await count.filter({ hasText: /^\d+ pages?$/ }).waitFor({ timeout: 60_000 });
    }
    await spage.evaluate(() => {
      const w = /** @type {Window & { __gaps?: number[]; __run?: boolean }} */ (window);
      w.__gaps = [];
      w.__run = true;
      let last = performance.now();
      const tick = (now) => {
        w.__gaps?.push(now - last);
        last = now;
        if (w.__run) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const download = spage.waitForEvent('download', { timeout: 60_000 });
    // LIFTOFF_BENCH_TRACE=file.json records a Chrome performance trace of the first export (open
    // it in the browser's Performance panel) to see what holds up the window.
    const trace = i === 0 && process.env.LIFTOFF_BENCH_TRACE;
    if (trace) await browser.startTracing(spage, { path: trace, screenshots: false });
    t = Date.now();
    await dialog.getByRole('button', { name: 'Export PDF…' }).click();
    await download;
    times.push(Date.now() - t);
    if (trace) await browser.stopTracing();
    gaps.push(
      ...(await spage.evaluate(() => {
        const w = /** @type {Window & { __gaps?: number[]; __run?: boolean }} */ (window);
        w.__run = false;
        return (w.__gaps ?? []).slice(1);
      })),
    );
    await dialog.waitFor({ state: 'detached' });
  }
  await sctx.close();
  return [
    [`Sponsor pack PDF, 50 use cases with realistic detail (${pages} pages): Export → file`, `p50 ${ms(pct(times, 50))}`, `median of 3 (runs ${times.map((x) => ms(x)).join(", ")}); page count (dry run) ${ms(countMs)}`],
    ['Sponsor pack PDF, 50 use cases: UI frame time while making it', `p50 ${ms(pct(gaps, 50))}`, `max ${ms(Math.max(...gaps))} (${gaps.length} frames)`],
  ];
}

/** A fixture made by a TypeScript module of scripts/ with the app's own domain code, bundled by esbuild (the bench is plain Node). */
async function bundledFixture(path, make) {
  const out = await build({
    entryPoints: [fileURLToPath(new URL(path, import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'error',
    plugins: [linguiCatalogs],
  });
  const dir = await mkdtemp(join(tmpdir(), 'liftoff-bench-'));
  const modulePath = join(dir, 'fixture.mjs');
  await writeFile(modulePath, out.outputFiles[0].text);
  return make(await import(pathToFileURL(modulePath).href));
}

/** The ~5 MB workshop file, made by scripts/bench-workshop-file.ts with the app's own domain code (bundled here by esbuild: the bench is plain Node). */
async function workshopFileFixture() {
  const out = await build({
    entryPoints: [fileURLToPath(new URL('./bench-workshop-file.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'error',
    plugins: [linguiCatalogs],
  });
  const dir = await mkdtemp(join(tmpdir(), 'liftoff-bench-'));
  const modulePath = join(dir, 'bench-workshop-file.mjs');
  await writeFile(modulePath, out.outputFiles[0].text);
  const { benchWorkshopFile } = await import(pathToFileURL(modulePath).href);
  return benchWorkshopFile(200);
}
