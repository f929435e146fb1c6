// Long lists are virtualized: only the rows in view are in the page, yet every row can be reached
// by scrolling, by the keyboard and by the search, and edited.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createWorkshop, launchApp, openTab, pause, screenshot, waitSaved, type AppHandle } from './support/app';
import { benchWorkshopFile } from '../../scripts/bench-workshop-file';

let app: AppHandle;
beforeEach(async () => {
  app = await launchApp();
});
afterEach(async () => {
  expect(app.consoleErrors).toEqual([]);
  await app.close();
});

const COUNT = 1200;
const rows = (page: Page) => page.getByTestId('uc-row');
const rowButton = (page: Page, n: number) => page.getByRole('button', { name: `${n}. Use case ${n}`, exact: true });

/** A spreadsheet of `count` use cases titled "Use case 1" … "Use case <count>". */
function bigCsv(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'liftoff-e2e-'));
  const path = join(dir, 'many.csv');
  const lines = ['Use case,Problem,Business owner,Department,Impact,Feasibility,Readiness'];
  for (let i = 1; i <= count; i++) lines.push(`Use case ${i},Problem ${i},Owner ${i % 13},Dept ${i % 7},${1 + (i % 5)},${1 + (i % 4)},${1 + (i % 3)}`);
  writeFileSync(path, lines.join('\r\n'));
  return path;
}

async function importMany(page: Page, count: number): Promise<void> {
  await page.getByRole('button', { name: 'Import spreadsheet…' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose file…' }).click();
  await (await chooser).setFiles(bigCsv(count));
  await page.getByRole('button', { name: `Import ${count} use cases` }).click();
  await expect.poll(() => page.locator('#uc-title .count').textContent(), { timeout: 30_000 }).toBe(String(count));
  await rows(page).first().waitFor();
  await waitSaved(page);
}

/** Whether the element is inside the list's scroll box, wholly visible. */
async function inView(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    const box = document.querySelector('[data-testid="uc-scroller"]');
    if (!el || !box) return false;
    const a = el.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    return a.top >= b.top - 1 && a.bottom <= b.bottom + 1 && a.bottom <= window.innerHeight && a.height > 0;
  }, selector);
}

/** Scrolls the list to its end as a hand on the scroll bar would: until it moves no further. */
async function scrollToEnd(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.getByTestId('uc-scroller').evaluate((el) => {
        el.scrollTo({ top: el.scrollHeight });
        return el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
      }),
    )
    .toBe(true);
}

const lastRowSelector = `[data-testid="uc-row"][aria-posinset="${COUNT}"]`;

describe('a list of 1,200 use cases', () => {
  it('keeps few rows in the page, tells their place in the whole list, and reaches the last by scrolling', async () => {
    const { page } = app;
    await createWorkshop(page, { name: 'Many use cases' });
    await importMany(page, COUNT);
    const inPage = await rows(page).count();
    expect(inPage).toBeGreaterThan(5);
    expect(inPage).toBeLessThan(100);
    // Assistive technology hears "1 of 1200": the rows carry their place in the whole list.
    expect(await rows(page).first().getAttribute('aria-setsize')).toBe(String(COUNT));
    expect(await rows(page).first().getAttribute('aria-posinset')).toBe('1');
    // The scroll bar is as long as all the rows would be.
    const heights = await page.getByTestId('uc-scroller').evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
    expect(heights.scroll).toBeGreaterThan(COUNT * 40);
    // The capture box and the search stay in view above the list.
    await screenshot(page, 'virtual-list-top');

    await scrollToEnd(page);
    await rowButton(page, COUNT).waitFor();
    await expect.poll(() => inView(page, lastRowSelector)).toBe(true);
    expect(await rows(page).count()).toBeLessThan(100);
    // Near the end, and the first row, kept as the list's tab stop.
    const places = (await rows(page).evaluateAll((els) => els.map((e) => Number(e.getAttribute('aria-posinset'))))).filter((n) => n !== 1);
    expect(Math.min(...places)).toBeGreaterThan(COUNT - 100);
    await screenshot(page, 'virtual-list-bottom');
  });

  it('walks from the first row to the last with the keyboard: arrows, Page Down, End and Home', async () => {
    const { page } = app;
    await createWorkshop(page, { name: 'Keyboard' });
    await importMany(page, COUNT);
    await rowButton(page, 1).focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('2. Use case 2');
    // Page Down moves by a screenful: well past the rows first rendered.
    for (let i = 0; i < 5; i++) await page.keyboard.press('PageDown');
    const afterPages = Number((await page.evaluate(() => document.activeElement?.getAttribute('aria-label')))?.split('.')[0]);
    expect(afterPages).toBeGreaterThan(30);
    expect(await inView(page, '[data-testid="uc-row"]:has(.uc-row-main:focus)')).toBe(true);

    await page.keyboard.press('End');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`${COUNT}. Use case ${COUNT}`);
    await expect.poll(() => inView(page, lastRowSelector)).toBe(true);
    expect(await rowButton(page, COUNT).getAttribute('aria-pressed')).toBe('true');
    // The editor shows the row the keyboard reached.
    await expect.poll(() => page.getByLabel('Title', { exact: true }).inputValue()).toBe(`Use case ${COUNT}`);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`${COUNT - 1}. Use case ${COUNT - 1}`);
    await screenshot(page, 'virtual-list-keyboard-end');

    await page.keyboard.press('Home');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('1. Use case 1');
    await expect.poll(() => inView(page, '[data-testid="uc-row"][aria-posinset="1"]')).toBe(true);
    expect(await rows(page).count()).toBeLessThan(100);
  });

  it('keeps the focused row when it is scrolled out of view, and Tab lands on it', async () => {
    const { page } = app;
    await createWorkshop(page, { name: 'Focus kept' });
    await importMany(page, COUNT);
    await rowButton(page, 3).focus();
    await page.getByTestId('uc-scroller').evaluate((el) => el.scrollTo({ top: el.scrollHeight / 2 }));
    await expect.poll(() => page.locator('[data-testid="uc-row"][aria-posinset="600"]').count()).toBe(1);
    // Still in the page and still focused, though far out of view.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('3. Use case 3');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('4. Use case 4');
    await expect.poll(() => inView(page, '[data-testid="uc-row"][aria-posinset="4"]')).toBe(true);
  });

  it('finds row 987 by searching, shows it, and saves an edit made far down the list', async () => {
    const { page } = app;
    await createWorkshop(page, { name: 'Search and edit' });
    await importMany(page, COUNT);
    await page.getByLabel('Search use cases').fill('Use case 987');
    await expect.poll(() => rows(page).count()).toBe(1);
    await page.getByText('1 of 1200').waitFor();
    await rowButton(page, 987).click();
    await expect.poll(() => page.getByLabel('Title', { exact: true }).inputValue()).toBe('Use case 987');
    await screenshot(page, 'virtual-list-search');
    await page.getByRole('button', { name: 'Clear' }).click();
    // Back to the whole list: the selected row is kept in view.
    await expect.poll(() => inView(page, '[data-testid="uc-row"][aria-posinset="987"]')).toBe(true);

    // Far down: the 1,195th, reached by scrolling, edited in the editor.
    await scrollToEnd(page);
    await rowButton(page, 1195).click();
    await page.getByLabel('Problem or decision point').fill('Edited far down the list');
    await waitSaved(page);
    await page.reload();
    await page.getByLabel('Search use cases').fill('Use case 1195');
    await rowButton(page, 1195).click();
    await expect.poll(() => page.getByLabel('Problem or decision point').inputValue()).toBe('Edited far down the list');
  });

  it('scrolls to a use case just captured and keeps the capture box focused', async () => {
    const { page } = app;
    await createWorkshop(page, { name: 'Capture at the end' });
    await importMany(page, 300);
    const input = page.getByLabel('New use case title');
    await input.fill('Captured after three hundred');
    await input.press('Enter');
    await page.getByRole('button', { name: '301. Captured after three hundred' }).waitFor();
    await expect.poll(() => inView(page, '[data-testid="uc-row"][aria-posinset="301"]')).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('capture-input');
    // Typing goes on in the capture box.
    await page.keyboard.type('And one more');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '302. And one more' }).waitFor();
    await expect.poll(() => inView(page, '[data-testid="uc-row"][aria-posinset="302"]')).toBe(true);
    await screenshot(page, 'virtual-list-captured');
  });

  it('opens a link to a use case far down the list with that row in view', async () => {
    const { page } = app;
    await createWorkshop(page, { name: 'Deep link' });
    await importMany(page, 500);
    await page.getByLabel('Search use cases').fill('Use case 480');
    await rowButton(page, 480).click();
    const id = (await rowButton(page, 480).getAttribute('id'))?.replace('uc-row-', '');
    const url = page.url().replace(/#.*$/, '');
    const hash = await page.evaluate(() => window.location.hash);
    const workshop = hash.split('/')[2];
    await page.goto(`${url}#/w/${workshop}/use-cases/${id}`);
    await page.reload();
    await expect.poll(() => inView(page, '[data-testid="uc-row"][aria-posinset="480"]')).toBe(true);
    expect(await rowButton(page, 480).getAttribute('aria-pressed')).toBe('true');
  });
});

/** Opens the bench's large workshop (200 use cases, 400 risks, 200 decisions, 500 audit entries). */
async function openLargeWorkshop(page: Page): Promise<void> {
  const file = benchWorkshopFile();
  const dir = mkdtempSync(join(tmpdir(), 'liftoff-e2e-'));
  const path = join(dir, file.name);
  writeFileSync(path, file.text);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open workshop file…' }).click();
  await (await chooser).setFiles(path);
  await expect.poll(() => page.locator('#uc-title .count').textContent(), { timeout: 30_000 }).toBe('200');
}

/** Scrolls the page to its end until it moves no further (rows measured on the way change its height). */
async function scrollPageToEnd(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(() => {
        window.scrollTo({ top: document.documentElement.scrollHeight });
        return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
      }),
    )
    .toBe(true);
}

describe('the other long lists of a large workshop', () => {
  it('activity: 500 entries, few in the page, the oldest reached by scrolling', async () => {
    const { page } = app;
    await openLargeWorkshop(page);
    await page.getByRole('link', { name: 'Activity', exact: true }).click();
    const entries = page.getByTestId('activity-entry');
    await entries.first().waitFor();
    expect(await entries.first().getAttribute('aria-setsize')).toBe('500');
    expect(await entries.count()).toBeLessThan(80);
    await scrollPageToEnd(page);
    const last = page.locator('[data-testid="activity-entry"][aria-posinset="500"]');
    await last.waitFor();
    expect(await last.isVisible()).toBe(true);
    expect(await entries.count()).toBeLessThan(80);
    await screenshot(page, 'virtual-activity-end');
  });

  it('decision log: 200 sealed entries, few in the page, the first decision reached by scrolling', async () => {
    const { page } = app;
    await openLargeWorkshop(page);
    await openTab(page, 'Decision log');
    await page.getByTestId('chain-status').getByText('The log is intact: 200 entries').waitFor();
    const entries = page.getByTestId('log-entry');
    await entries.first().waitFor();
    expect(await entries.count()).toBeLessThan(40);
    expect(await entries.first().getAttribute('data-seq')).toBe('200');
    // Opening an entry's criteria makes it taller: the entries below move down instead of overlapping it.
    const opened = page.locator('[data-testid="log-entry"][data-seq="191"]');
    const heightBefore = (await opened.boundingBox())?.height ?? 0;
    await opened.locator('summary').click();
    await expect.poll(async () => (await opened.boundingBox())?.height ?? 0).toBeGreaterThan(heightBefore + 20);
    await pause(100);
    const boxes = await entries.evaluateAll((els) => els.map((e) => ({ top: e.getBoundingClientRect().top, bottom: e.getBoundingClientRect().bottom })));
    expect(boxes.length).toBeGreaterThan(10);
    boxes.slice(1).forEach((b, i) => expect(b.top).toBeGreaterThanOrEqual((boxes[i]?.bottom ?? 0) - 0.5));
    await screenshot(page, 'virtual-decision-log-open');
    await scrollPageToEnd(page);
    const first = page.locator('[data-testid="log-entry"][data-seq="1"]');
    await first.waitFor();
    expect(await first.isVisible()).toBe(true);
    expect(await entries.count()).toBeLessThan(40);
    await screenshot(page, 'virtual-decision-log-end');
  });

  it('risk register: 400 risks, few in the page; a risk far down is edited and saved, and keeps its focus when scrolled away', async () => {
    const { page } = app;
    await openLargeWorkshop(page);
    await openTab(page, 'Risks');
    const rows = page.getByTestId('risk-row');
    await rows.first().waitFor();
    expect(await rows.first().getAttribute('aria-setsize')).toBe('400');
    expect(await rows.count()).toBeLessThan(40);
    await scrollPageToEnd(page);
    const last = page.locator('[data-testid="risk-row"][aria-posinset="400"]');
    await last.waitFor();
    const title = last.getByLabel('Risk', { exact: true });
    const before = await title.inputValue();
    await title.fill(`${before} (edited)`);
    await waitSaved(page);
    // Scrolled far away while editing: the row stays, and typing goes on in the same field.
    await page.evaluate(() => window.scrollTo({ top: 0 }));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
    await page.keyboard.type('!');
    await waitSaved(page);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe(`${before} (edited)!`);
    await screenshot(page, 'virtual-risks-top');
    await page.reload();
    await page.getByTestId('risk-row').first().waitFor();
    await scrollPageToEnd(page);
    await expect.poll(() => page.locator('[data-testid="risk-row"][aria-posinset="400"]').getByLabel('Risk', { exact: true }).inputValue()).toBe(`${before} (edited)!`);
  });
});
