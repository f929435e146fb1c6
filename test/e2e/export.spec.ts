// The export dialog in a real Chromium, under the app's Content Security Policy: it shows the page
// count from a dry-run layout, the PDF is made in a worker while the window keeps drawing frames,
// the download is a real PDF whose text (read back with pdftotext) has every section, the names in
// every script and "page X of Y"; the portfolio (Excel and CSV) and the calendar download too.
import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import readXlsxFile from 'read-excel-file/universal';
import { dismissToasts, launchApp, screenshot, type AppHandle } from './support/app';
import { buildWorkshopFile, serializeWorkshopFile } from '../../renderer/domain/workshop-file';
import { insurerWorkshop, UNICODE_NAMES } from '../unit/pdf/insurer-fixture';

let app: AppHandle | null = null;
afterEach(async () => {
  if (!app) return;
  const errors = [...app.consoleErrors];
  await app.close();
  app = null;
  expect(errors).toEqual([]);
});

const dir = mkdtempSync(join(tmpdir(), 'liftoff-export-'));

function insurerFile(edit?: (rows: ReturnType<typeof insurerWorkshop>['rows']) => void): string {
  const { workshop, rows } = insurerWorkshop();
  edit?.(rows);
  const path = join(dir, 'claims-ai-day.liftoff.json');
  writeFileSync(path, serializeWorkshopFile(buildWorkshopFile(workshop, rows, '0.1.0', '2026-11-24T09:00:00.000Z')));
  return path;
}

async function openInsurer(page: Page, edit?: (rows: ReturnType<typeof insurerWorkshop>['rows']) => void): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open workshop file…' }).click();
  await (await chooser).setFiles(insurerFile(edit));
  await page.getByRole('heading', { name: /Use cases/ }).waitFor();
  await dismissToasts(page);
}

async function pageCount(page: Page): Promise<number> {
  const count = page.getByTestId('export-page-count');
  await expect.poll(() => count.innerText(), { timeout: 20_000 }).toMatch(/^\d+ pages?$/);
  return Number((await count.innerText()).split(' ')[0]);
}

describe('export', () => {
  it('shows the page count, makes the PDF off the UI thread and downloads it', async () => {
    app = await launchApp({ width: 1440, height: 900 });
    const { page } = app;
    await openInsurer(page);

    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export the sponsor pack' });
    await dialog.waitFor();
    const allPages = await pageCount(page);
    expect(allPages).toBeGreaterThan(20);
    await screenshot(page, 'export-dialog');

    // Fewer use cases, fewer pages: the top 3 only.
    await dialog.getByLabel('The top ranked').check();
    await dialog.getByLabel('How many').fill('3');
    await expect.poll(() => pageCount(page), { timeout: 20_000 }).toBeLessThan(allPages);
    // Without the roadmap and the health check, fewer still.
    const top3 = await pageCount(page);
    await dialog.getByLabel(/^The roadmap/).uncheck();
    await expect.poll(() => pageCount(page), { timeout: 20_000 }).toBeLessThan(top3);
    await dialog.getByLabel(/^The roadmap/).check();
    // Choosing by hand: every use case is listed in rank order, all ticked; untick one.
    await dialog.getByLabel('Choose use cases').check();
    const list = dialog.getByRole('list', { name: 'Use cases' });
    await expect.poll(() => list.getByRole('checkbox', { checked: true }).count()).toBe(17);
    await expect.poll(() => pageCount(page), { timeout: 20_000 }).toBe(allPages);
    await list.getByLabel(/Fraud signal scoring/).uncheck();
    await expect.poll(() => pageCount(page), { timeout: 20_000 }).toBeLessThan(allPages);
    await expect.poll(() => dialog.getByText(/16 of 17 use cases in the pack/).count()).toBe(1);
    await screenshot(page, 'export-dialog-choose');
    await dialog.getByLabel(/^All 17 use cases/).check();
    await expect.poll(() => pageCount(page), { timeout: 20_000 }).toBe(allPages);

    // Frames keep coming while the PDF is made: measure the longest gap between two frames.
    await page.evaluate(() => {
      const w = window as Window & { __gaps?: number[]; __run?: boolean };
      w.__gaps = [];
      w.__run = true;
      let last = performance.now();
      const tick = (t: number) => {
        w.__gaps?.push(t - last);
        last = t;
        if (w.__run) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const download = page.waitForEvent('download', { timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Export PDF…' }).click();
    await dialog.getByRole('status').filter({ hasText: /Loading fonts|Laying out|Drawing page|Compressing|Choose where/ }).first().waitFor();
    await screenshot(page, 'export-progress');
    const file = await download;
    const gaps = await page.evaluate(() => {
      const w = window as Window & { __gaps?: number[]; __run?: boolean };
      w.__run = false;
      return (w.__gaps ?? []).slice(1);
    });
    expect(file.suggestedFilename()).toBe('Claims AI day – sponsor pack.pdf');
    const pdfPath = join(dir, 'pack.pdf');
    await file.saveAs(pdfPath);
    await page.getByText(/Saved the sponsor pack \(\d+ pages\)/).waitFor();
    expect(await dialog.isVisible()).toBe(false);
    // No long task froze the window while the worker drew the pages.
    expect(gaps.length).toBeGreaterThan(5);
    expect(Math.max(...gaps)).toBeLessThan(250);

    const bytes = readFileSync(pdfPath);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
    const pages = text.split('\f').filter((p, i, all) => i < all.length - 1 || p.trim() !== '');
    expect(pages).toHaveLength(allPages);
    for (const heading of [
      'Contents',
      'Executive summary',
      'Prioritized portfolio',
      'Prioritization matrix',
      'Use cases in detail',
      'Scores and spread',
      'Readiness verdict',
      'Pilot success criteria',
      'Gate decisions',
      'Decisions requested',
      'Risks across the portfolio',
      '-day roadmap: 30 November 2026',
      'Governance and decision rights',
      'Roadmap health check',
    ]) {
      expect(text).toContain(heading);
    }
    for (const name of UNICODE_NAMES) expect(text).toContain(name);
    expect(pages[allPages - 1]).toContain(`page ${allPages} of ${allPages}`);
    expect(pages[1]).toContain(`page 2 of ${allPages}`);
    // The roadmap's Gantt chart is on a landscape page.
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', String(allPages), pdfPath], { encoding: 'utf8' });
    const landscape = [...info.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)/gm)].filter((m) => Number(m[2]) > Number(m[3])).map((m) => Number(m[1]));
    expect(landscape.length).toBeGreaterThanOrEqual(1);
    expect(pages[(landscape[0] as number) - 1]).toContain('1. Claims triage');
    // Decisions first: the page after the cover.
    expect(pages[1]).toContain('Decisions requested');
  });

  it('lists a character no font can draw with where it is, and prints the decisions in the facilitator’s words, stored and audited', async () => {
    app = await launchApp({ width: 1280, height: 720 });
    const { page } = app;
    await openInsurer(page, (rows) => {
      const p = rows.participants[0];
      if (p) rows.participants.push({ ...p, id: 'p-thai', name: 'ปิยะพงษ์ ศรีสุข' });
    });
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export the sponsor pack' });
    await pageCount(page);
    const warning = dialog.getByTestId('export-undrawable');
    await warning.waitFor({ timeout: 20_000 });
    expect(await warning.innerText()).toMatch(/U\+0E1B — page \d+, Executive summary: “ปิยะพงษ์ ศรีสุข”/);

    const decisions = dialog.getByRole('list', { name: 'Decisions requested' });
    await decisions.getByText('Claims triage').first().waitFor();
    await decisions.getByLabel('Wording in the pack').first().fill('Give the triage pilot four more weeks on winter claims.');
    await decisions.getByLabel('Budget').first().fill('€40,000');
    await dialog.getByLabel('Consultancy').fill('Müller & Partner');
    await dialog.getByLabel('Mark every page “Confidential”').check();
    await screenshot(page, 'export-decisions-1280x720');
    const download = page.waitForEvent('download', { timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Export PDF…' }).click();
    const pdfPath = join(dir, 'decisions.pdf');
    await (await download).saveAs(pdfPath);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
    const second = (text.split('\f')[1] ?? '').replace(/\s+/g, ' ');
    expect(second).toContain('Give the triage pilot four more weeks on winter claims.');
    expect(second).toContain('Budget: €40,000');

    // Stored: after a reload the dialog shows the wording again; audited: the activity lists it.
    await page.reload();
    await page.getByRole('button', { name: 'Export…' }).click();
    await expect.poll(() => dialog.getByRole('list', { name: 'Decisions requested' }).getByLabel('Wording in the pack').first().inputValue(), { timeout: 20_000 }).toBe('Give the triage pilot four more weeks on winter claims.');
    expect(await dialog.getByLabel('Consultancy').inputValue()).toBe('Müller & Partner');
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: 'Activity', exact: true }).click();
    // The activity log names the field as a person would ("sponsor pack settings"), not "sponsorPack".
    await page.getByTestId('activity-entry').filter({ hasText: /Changed sponsor pack settings/ }).first().waitFor();
  });

  it('still makes the PDF when the worker cannot start, on the UI thread in slices', async () => {
    app = await launchApp({ width: 1440, height: 900 });
    const { page } = app;
    await page.route(/pdf-worker-[^/]*\.js$/, (route) => route.abort());
    await openInsurer(page);
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export the sponsor pack' });
    const pages = await pageCount(page);
    await page.evaluate(() => {
      const w = window as Window & { __gaps?: number[]; __run?: boolean };
      w.__gaps = [];
      w.__run = true;
      let last = performance.now();
      const tick = (t: number) => {
        w.__gaps?.push(t - last);
        last = t;
        if (w.__run) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const download = page.waitForEvent('download', { timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Export PDF…' }).click();
    const file = await download;
    const gaps = await page.evaluate(() => {
      const w = window as Window & { __gaps?: number[]; __run?: boolean };
      w.__run = false;
      return (w.__gaps ?? []).slice(1).sort((a, b) => a - b);
    });
    const pdfPath = join(dir, 'fallback.pdf');
    await file.saveAs(pdfPath);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
    expect(text).toContain(`page ${pages} of ${pages}`);
    for (const name of UNICODE_NAMES) expect(text).toContain(name);
    // The window still draws frames while the pages are drawn; font parsing and the final
    // compression are the only long single steps on this path.
    expect(gaps.length).toBeGreaterThan(5);
    expect(gaps[Math.floor(gaps.length / 2)]).toBeLessThan(50);
    expect(gaps[gaps.length - 1]).toBeLessThan(1000);
    // The blocked worker script is the only error.
    expect(app.consoleErrors.every((e) => /Failed to load resource|pdf-worker/.test(e))).toBe(true);
    app.consoleErrors.length = 0;
  });

  it('downloads the ranked portfolio as CSV and the cadence as a calendar', async () => {
    app = await launchApp({ width: 1440, height: 900 });
    const { page } = app;
    await openInsurer(page);
    // The File menu's shortcut, Ctrl+E, opens the same dialog; Escape closes it and it opens again.
    await page.keyboard.press('Control+e');
    const dialog = page.getByRole('dialog', { name: 'Export the sponsor pack' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.keyboard.press('Control+e');
    await dialog.waitFor();
    await pageCount(page);

    const csvDownload = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Portfolio CSV' }).click();
    const csv = await csvDownload;
    expect(csv.suggestedFilename()).toBe('Claims AI day – ranked portfolio.csv');
    const csvPath = join(dir, 'portfolio.csv');
    await csv.saveAs(csvPath);
    const csvText = readFileSync(csvPath, 'utf8');
    expect(csvText.charCodeAt(0)).toBe(0xfeff);
    const lines = csvText.slice(1).split('\r\n');
    expect(lines[0]).toBe('"Rank","Use case","Combined score","Business impact","Feasibility","Organizational readiness","Quadrant","Stage","Readiness verdict","Business owner","Department","Kind","Tie broken by rule"');
    expect(lines[1]).toMatch(/^"1","Claims triage","4.25","5","4","3","Quick wins","Stage 2 · Controlled pilot"/);
    expect(csvText).toContain('"東京 branch: claims intake in Japanese"');
    await dialog.getByRole('status').filter({ hasText: /Saved to/ }).waitFor();

    const icsDownload = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Calendar (.ics)' }).click();
    const ics = await icsDownload;
    expect(ics.suggestedFilename()).toBe('Claims AI day – governance calendar.ics');
    const icsPath = join(dir, 'cadence.ics');
    await ics.saveAs(icsPath);
    const icsText = readFileSync(icsPath, 'utf8');
    expect(icsText.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    // The meetings recur to the plan's last day (day 210 with eight staggered pilots, 27 Jun 2027,
    // as UTC because the times carry the browser's time zone), from today on, never before it.
    const unfolded = icsText.replace(/\r\n /g, '');
    const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(unfolded).toContain(`X-WR-TIMEZONE:${zone}`);
    expect(unfolded).toContain('BEGIN:VTIMEZONE');
    expect(unfolded).toMatch(/RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=202706(27|28)T\d{6}Z/);
    expect(unfolded).toMatch(/RRULE:FREQ=MONTHLY;BYDAY=1TU;UNTIL=202706(27|28)T\d{6}Z/);
    const today = (await page.evaluate(() => new Date().toLocaleDateString('sv'))).replace(/-/g, '');
    const starts = [...unfolded.matchAll(/DTSTART;TZID=[^:]+:(\d{8})T\d{6}/g)].map((m) => m[1] as string);
    expect(starts.length).toBeGreaterThan(0);
    for (const d of starts) expect(d >= today).toBe(true);
    expect(unfolded).toMatch(/SUMMARY:Stage-gate session: /);
    expect(icsText.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
  });

  it('in a German browser, writes the portfolio CSV with semicolons and decimal commas, and as an Excel workbook', async () => {
    // The facilitator chose English screens on a German computer: the spreadsheet still follows the locale.
    app = await launchApp({ width: 1280, height: 720, locale: 'de-DE', interfaceLanguage: 'en' });
    const { page } = app;
    await openInsurer(page);
    await page.keyboard.press('Control+e');
    const dialog = page.getByRole('dialog', { name: 'Export the sponsor pack' });
    await dialog.waitFor();
    await pageCount(page);
    // The locale writes 1,5: Excel there opens semicolon files in columns.
    expect(await dialog.getByTestId('csv-style').inputValue()).toBe('semicolon');
    await screenshot(page, 'export-portfolio-de-1280x720');

    const csvDownload = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Portfolio CSV' }).click();
    const csvPath = join(dir, 'portfolio-de.csv');
    await (await csvDownload).saveAs(csvPath);
    const lines = readFileSync(csvPath, 'utf8').slice(1).split('\r\n');
    expect(lines[0]?.split(';')).toHaveLength(13);
    expect(lines[1]).toMatch(/^"1";"Claims triage";"4,25";"5";"4";"3";"Quick wins"/);

    // The person can still choose commas for an English colleague.
    await dialog.getByTestId('csv-style').selectOption('comma');
    const commaDownload = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Portfolio CSV' }).click();
    const commaPath = join(dir, 'portfolio-en.csv');
    await (await commaDownload).saveAs(commaPath);
    expect(readFileSync(commaPath, 'utf8').slice(1).split('\r\n')[1]).toMatch(/^"1","Claims triage","4.25","5","4","3"/);

    const xlsxDownload = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Portfolio Excel' }).click();
    const xlsx = await xlsxDownload;
    expect(xlsx.suggestedFilename()).toBe('Claims AI day – ranked portfolio.xlsx');
    const xlsxPath = join(dir, 'portfolio.xlsx');
    await xlsx.saveAs(xlsxPath);
    const bytes = readFileSync(xlsxPath);
    const [sheet] = await readXlsxFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(sheet?.sheet).toBe('Ranked portfolio');
    expect(sheet?.data[0]?.slice(0, 3)).toEqual(['Rank', 'Use case', 'Combined score']);
    expect(sheet?.data[1]?.slice(0, 6)).toEqual([1, 'Claims triage', 4.25, 5, 4, 3]);
    const texts = (sheet?.data ?? []).flat().filter((v): v is string => typeof v === 'string');
    expect(texts).toContain('東京 branch: claims intake in Japanese');
  });
});
