// `npm run bench`: figures measured in Debian's Chromium against the built renderer with real
// IndexedDB. Prints a table; asserts nothing (targets belong in the notes, not in timed tests).
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = process.env.LIFTOFF_RENDERER_OUT ?? fileURLToPath(new URL('../out/renderer', import.meta.url));
const chromePath = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
if (!chromePath) {
  console.error('No Chromium found: apt-get install -y chromium, or set CHROME_PATH.');
  process.exit(1);
}
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };
const BLANK = '<!doctype html><html><head><meta charset="utf-8"><title>blank</title></head><body><h1>Workshops</h1></body></html>';
const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  if (path === '/blank.html') return res.writeHead(200, { 'content-type': 'text/html' }).end(BLANK);
  const file = normalize(join(root, path === '/' ? 'index.html' : path));
  if (!file.startsWith(root + sep)) return res.writeHead(404).end();
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: chromePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x) => `${x.toFixed(1)} ms`;
const rows = [];

// 1. Navigation to interactive, against a blank page served the same way, median of 7.
{
  const app = [];
  const blank = [];
  for (let i = 0; i < 7; i++) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    let t = Date.now();
    await page.goto(`${base}blank.html`);
    await page.getByRole('heading', { name: 'Workshops' }).waitFor();
    blank.push(Date.now() - t);
    t = Date.now();
    await page.goto(base);
    await page.getByRole('button', { name: 'New workshop' }).waitFor();
    app.push(Date.now() - t);
    await ctx.close();
  }
  rows.push(['Navigation → interactive (home), median of 7', ms(pct(app, 50)), `blank page ${ms(pct(blank, 50))}, ratio ${(pct(app, 50) / Math.max(1, pct(blank, 50))).toFixed(1)}×`]);
}

const ctx = await browser.newContext();
const page = await ctx.newPage();
await page.goto(base);
await page.getByRole('button', { name: 'New workshop' }).click();
await page.getByLabel('Workshop name').fill('Bench');
await page.getByRole('button', { name: 'Create workshop' }).click();
const input = page.getByLabel('New use case title');
await input.waitFor();

// 2. Capture: Enter → the new row is on screen and the status says Saved, 60 times.
{
  const lat = [];
  for (let i = 0; i < 60; i++) {
    await input.fill(`Use case number ${i}`);
    const t = await page.evaluate(() => performance.now());
    await input.press('Enter');
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="uc-row"]').length === n && document.querySelector('[data-testid="save-status"]')?.textContent === 'Saved',
      i + 1,
    );
    lat.push((await page.evaluate(() => performance.now())) - t);
  }
  rows.push(['Capture a use case: Enter → row shown and Saved (60)', `p50 ${ms(pct(lat, 50))}`, `p95 ${ms(pct(lat, 95))}`]);
}

// 3. Autosave while typing: keystroke → Saved, in the problem field.
{
  await page.locator('[data-testid="uc-row"] .uc-row-main').first().click();
  const field = page.getByLabel('Problem or decision point');
  const lat = [];
  for (let i = 0; i < 40; i++) {
    const t = await page.evaluate(() => performance.now());
    await field.press('x');
    await page.waitForFunction(() => document.querySelector('[data-testid="save-status"]')?.textContent === 'Saved');
    lat.push((await page.evaluate(() => performance.now())) - t);
  }
  rows.push(['Autosave: keystroke → Saved (40)', `p50 ${ms(pct(lat, 50))}`, `p95 ${ms(pct(lat, 95))}`]);
}

// 4. CSV import of 5,000 rows (the limit): choose → mapping shown, then Import → list shown.
{
  const dir = await mkdtemp(join(tmpdir(), 'liftoff-bench-'));
  const csvPath = join(dir, 'big.csv');
  const lines = ['Use case,Problem,Business owner,Department,Kind,Data sources,Impact,Feasibility,Readiness'];
  for (let i = 0; i < 5000; i++) lines.push(`Use case ${i},"Problem ${i}, with a comma",Owner ${i % 17},Dept ${i % 9},Predictive model,Source,${1 + (i % 5)},${1 + (i % 4)},${1 + (i % 3)}`);
  await writeFile(csvPath, lines.join('\r\n'));
  await page.getByRole('button', { name: 'Import CSV…' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose CSV file…' }).click();
  let t = Date.now();
  await (await chooser).setFiles(csvPath);
  await page.getByRole('button', { name: 'Import 5000 use cases' }).waitFor();
  const parse = Date.now() - t;
  t = Date.now();
  await page.getByRole('button', { name: 'Import 5000 use cases' }).click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="uc-row"]').length === 5060, undefined, { timeout: 120_000 });
  const store = Date.now() - t;
  rows.push(['CSV import, 5,000 rows (≈0.6 MB)', `read+map ${ms(parse)}`, `store+show ${ms(store)}`]);
}

// 5. Matrix drag with 200 scored use cases: frame times (requestAnimationFrame deltas in the page)
//    while a card is carried across the grid by the mouse in 30 steps.
{
  const mctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const mpage = await mctx.newPage();
  await mpage.goto(base);
  await mpage.getByRole('button', { name: 'New workshop' }).click();
  await mpage.getByLabel('Workshop name').fill('Matrix bench');
  await mpage.getByRole('button', { name: 'Create workshop' }).click();
  await mpage.getByLabel('New use case title').waitFor();
  const dir = await mkdtemp(join(tmpdir(), 'liftoff-bench-'));
  const csvPath = join(dir, 'matrix.csv');
  const lines = ['Use case,Department,Impact,Feasibility,Readiness'];
  // Eight use cases in each of the 25 cells, every one fully scored.
  for (let i = 0; i < 200; i++) lines.push(`Matrix use case ${i},Dept ${i % 9},${1 + (i % 5)},${1 + (Math.floor(i / 5) % 5)},${1 + (i % 3)}`);
  await writeFile(csvPath, lines.join('\r\n'));
  await mpage.getByRole('button', { name: 'Import CSV…' }).click();
  const chooser = mpage.waitForEvent('filechooser');
  await mpage.getByRole('button', { name: 'Choose CSV file…' }).click();
  await (await chooser).setFiles(csvPath);
  await mpage.getByRole('button', { name: 'Import 200 use cases' }).click();
  await mpage.waitForFunction(() => document.querySelectorAll('[data-testid="uc-row"]').length === 200, undefined, { timeout: 60_000 });
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
  await mpage.waitForFunction(() => document.querySelector('[data-testid="save-status"]')?.textContent === 'Saved');
  rows.push(['Matrix drag, 200 use cases: frame time', `p50 ${ms(pct(frames, 50))}`, `p95 ${ms(pct(frames, 95))} (${frames.length} frames, max ${ms(Math.max(...frames))})`]);
  await mctx.close();
}

// 6. Roadmap with 50 ranked use cases and the standard governance meetings: add them all, then
//    open the tab (median of 5: click → every phase bar drawn), then pan the timeline by dragging
//    its time axis in 30 steps, measuring frame times as for the matrix.
{
  const rctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const rpage = await rctx.newPage();
  await rpage.goto(base);
  await rpage.getByRole('button', { name: 'New workshop' }).click();
  await rpage.getByLabel('Workshop name').fill('Roadmap bench');
  await rpage.getByRole('button', { name: 'Create workshop' }).click();
  await rpage.getByLabel('New use case title').waitFor();
  const dir = await mkdtemp(join(tmpdir(), 'liftoff-bench-'));
  const csvPath = join(dir, 'roadmap.csv');
  const lines = ['Use case,Department,Impact,Feasibility,Readiness'];
  for (let i = 0; i < 50; i++) lines.push(`Roadmap use case ${i},Dept ${i % 7},${1 + (i % 5)},${1 + (Math.floor(i / 5) % 5)},${1 + (i % 3)}`);
  await writeFile(csvPath, lines.join('\r\n'));
  await rpage.getByRole('button', { name: 'Import CSV…' }).click();
  const chooser = rpage.waitForEvent('filechooser');
  await rpage.getByRole('button', { name: 'Choose CSV file…' }).click();
  await (await chooser).setFiles(csvPath);
  await rpage.getByRole('button', { name: 'Import 50 use cases' }).click();
  await rpage.waitForFunction(() => document.querySelectorAll('[data-testid="uc-row"]').length === 50, undefined, { timeout: 60_000 });
  const tabs = rpage.getByRole('navigation', { name: 'Workshop sections' });
  await tabs.getByRole('link', { name: 'Roadmap', exact: true }).click();
  await rpage.getByRole('button', { name: 'Add the standard meetings' }).click();
  await rpage.getByRole('button', { name: 'Add the standard meetings' }).waitFor({ state: 'detached' });
  // vis-timeline draws only the rows in view (the timeline scrolls vertically): drawn means every
  // row's label is there (50 use cases, 3 meetings) and the phase bars of the rows in view.
  const bars = () =>
    rpage.waitForFunction(
      () => document.querySelectorAll('.rm-timeline .rm-group').length === 53 && document.querySelectorAll('.rm-timeline .vis-item.rm-phase').length >= 20,
      undefined,
      { timeout: 60_000 },
    );
  let t = Date.now();
  await rpage.getByRole('button', { name: 'Add all 50 in rank order' }).click();
  await bars();
  const addAll = Date.now() - t;
  await rpage.waitForFunction(() => document.querySelector('[data-testid="save-status"]')?.textContent === 'Saved');
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
  rows.push([`Roadmap, 50 use cases: render (${items} items in view)`, `open ${ms(pct(open, 50))}`, `median of 5; add all 50 → drawn ${ms(addAll)}`]);

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
  rows.push(['Roadmap, 50 use cases: pan (drag the axis): frame time', `p50 ${ms(pct(frames, 50))}`, `p95 ${ms(pct(frames, 95))} (${frames.length} frames, max ${ms(Math.max(...frames))})`]);
  await rctx.close();
}

rows.push(...(await sponsorPackBench(browser, base, ms, pct)));

await browser.close();
server.close();

const w = Math.max(...rows.map((r) => r[0].length));
console.log('\nLiftoff benchmark (Chromium, real IndexedDB)\n');
for (const r of rows) console.log(`${r[0].padEnd(w)}  ${r[1].padEnd(18)}  ${r[2]}`);

// 7. Sponsor pack for 50 use cases, all on the roadmap with the standard meetings: the page count
//    (dry-run layout), then Export PDF → the file arrives, median of 3; and the longest gap between
//    two frames of the window while the PDF is made (the worker keeps the UI thread free).
async function sponsorPackBench(browser, base, ms, pct) {
  const sctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const spage = await sctx.newPage();
  await spage.goto(base);
  await spage.getByRole('button', { name: 'New workshop' }).click();
  await spage.getByLabel('Workshop name').fill('Sponsor pack bench');
  await spage.getByRole('button', { name: 'Create workshop' }).click();
  await spage.getByLabel('New use case title').waitFor();
  const dir = await mkdtemp(join(tmpdir(), 'liftoff-bench-'));
  const csvPath = join(dir, 'pack.csv');
  const owners = ['Zoë Müller', 'Tomasz Łódź', 'Freja Ærø', 'Δημήτρης Π.', 'Иван Иванов', '東京 太郎'];
  const lines = ['Use case,Problem,Business owner,Department,Impact,Feasibility,Readiness'];
  for (let i = 0; i < 50; i++) {
    lines.push(`Pack use case ${i},"Route and summarize incoming work item ${i} for the team, with the evidence the reviewer needs",${owners[i % owners.length]},Dept ${i % 7},${1 + (i % 5)},${1 + (Math.floor(i / 5) % 5)},${1 + (i % 3)}`);
  }
  await writeFile(csvPath, lines.join('\r\n'));
  await spage.getByRole('button', { name: 'Import CSV…' }).click();
  const chooser = spage.waitForEvent('filechooser');
  await spage.getByRole('button', { name: 'Choose CSV file…' }).click();
  await (await chooser).setFiles(csvPath);
  await spage.getByRole('button', { name: 'Import 50 use cases' }).click();
  await spage.waitForFunction(() => document.querySelectorAll('[data-testid="uc-row"]').length === 50, undefined, { timeout: 60_000 });
  const tabs = spage.getByRole('navigation', { name: 'Workshop sections' });
  await tabs.getByRole('link', { name: 'Roadmap', exact: true }).click();
  await spage.getByRole('button', { name: 'Add the standard meetings' }).click();
  await spage.getByRole('button', { name: 'Add the standard meetings' }).waitFor({ state: 'detached' });
  await spage.getByRole('button', { name: 'Add all 50 in rank order' }).click();
  await spage.getByRole('button', { name: 'Add all 50 in rank order' }).waitFor({ state: 'detached', timeout: 60_000 });
  await spage.waitForFunction(() => document.querySelector('[data-testid="save-status"]')?.textContent === 'Saved');

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
    t = Date.now();
    await dialog.getByRole('button', { name: 'Export PDF…' }).click();
    await download;
    times.push(Date.now() - t);
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
    [`Sponsor pack PDF, 50 use cases (${pages} pages): Export → file`, `p50 ${ms(pct(times, 50))}`, `median of 3 (first ${ms(times[0])}); page count (dry run) ${ms(countMs)}`],
    ['Sponsor pack PDF, 50 use cases: UI frame time while making it', `p50 ${ms(pct(gaps, 50))}`, `max ${ms(Math.max(...gaps))} (${gaps.length} frames)`],
  ];
}
