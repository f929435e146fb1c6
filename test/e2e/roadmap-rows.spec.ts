// The roadmap timeline with more rows than it shows (it scrolls): opened again, only the rows in
// view carry their phase bars in the page, and a row scrolled into view gets its bars. (vis-timeline
// used to leave every item of the rows out of view in the page after its first draw, where each
// frame of a pan laid them out again: p95 frame 50 ms with 200 use cases instead of 17.)
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dismissToasts, launchApp, openTab, waitSaved, type AppHandle } from './support/app';

let app: AppHandle | null = null;
afterEach(async () => {
  if (!app) return;
  const errors = [...app.consoleErrors];
  await app.close();
  app = null;
  expect(errors).toEqual([]);
});

const N = 40;

async function importScoredUseCases(page: Page): Promise<void> {
  const lines = ['Use case,Department,Impact,Feasibility,Readiness'];
  for (let i = 0; i < N; i++) lines.push(`Rows use case ${i},Dept ${i % 7},${1 + (i % 5)},${1 + (Math.floor(i / 5) % 5)},${1 + (i % 3)}`);
  const path = join(mkdtempSync(join(tmpdir(), 'liftoff-rows-')), 'rows.csv');
  writeFileSync(path, lines.join('\r\n'));
  await page.getByRole('button', { name: 'Import spreadsheet…' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose file…' }).click();
  await (await chooser).setFiles(path);
  await page.getByRole('button', { name: `Import ${N} use cases` }).click();
  await expect.poll(() => page.locator('#uc-title .count').textContent()).toBe(String(N));
  await waitSaved(page);
}

/** For each phase bar in the page: is its row on screen inside the timeline's scrolled panel? */
function barsInRowsOnScreen(page: Page): Promise<{ onScreen: number; offScreen: number }> {
  return page.evaluate(() => {
    const panel = document.querySelector('.rm-timeline .vis-panel.vis-center')?.getBoundingClientRect();
    let onScreen = 0;
    let offScreen = 0;
    for (const bar of document.querySelectorAll('.rm-timeline .vis-item.rm-phase')) {
      const row = bar.closest('.vis-group')?.getBoundingClientRect();
      if (panel && row && row.bottom > panel.top && row.top < panel.bottom) onScreen++;
      else offScreen++;
    }
    return { onScreen, offScreen };
  });
}

/** The phase bars drawn on the row of the use case with this rank. */
async function barsOnRow(page: Page, rank: number): Promise<number> {
  const label = await page
    .locator('.rm-timeline .vis-label')
    .filter({ has: page.locator('.rm-group-rank', { hasText: new RegExp(`^${rank}$`) }) })
    .boundingBox();
  if (!label) throw new Error(`no row for rank ${rank}`);
  const boxes = await page.locator('.rm-timeline .vis-item.rm-phase').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
  return boxes.filter((b) => b.width > 0 && b.y + b.height / 2 > label.y && b.y + b.height / 2 < label.y + label.height).length;
}

describe('roadmap timeline with more rows than it shows', () => {
  it('keeps only the rows in view in the page, and draws a row scrolled into view', async () => {
    app = await launchApp({ width: 1440, height: 900 });
    const { page } = app;
    await page.getByRole('button', { name: 'New workshop' }).click();
    await page.getByLabel('Workshop name').fill('Many rows');
    await page.getByRole('button', { name: 'Create workshop' }).click();
    await page.getByLabel('New use case title').waitFor();
    await importScoredUseCases(page);
    await dismissToasts(page);

    await openTab(page, 'Roadmap');
    await page.getByRole('button', { name: `Add all ${N} in rank order` }).click();
    await expect.poll(() => page.locator('.rm-timeline .rm-group').count()).toBe(N);
    await waitSaved(page);

    // Opened again: a new timeline, drawn for the first time with every row.
    await openTab(page, 'Use cases');
    await page.getByLabel('New use case title').waitFor();
    await openTab(page, 'Roadmap');
    await expect.poll(() => page.locator('.rm-timeline .rm-group').count()).toBe(N);
    await expect.poll(async () => (await barsInRowsOnScreen(page)).onScreen).toBeGreaterThanOrEqual(20);
    const first = await barsInRowsOnScreen(page);
    expect(first.offScreen).toBe(0);
    // The timeline shows about eight of the forty rows.
    expect(first.onScreen).toBeLessThan(15 * 5);

    // The last row scrolled into view gets its five phases; the rows now out of view give theirs back.
    expect(await barsOnRow(page, N)).toBe(0);
    const panel = await page.locator('.rm-timeline .vis-panel.vis-center').boundingBox();
    if (!panel) throw new Error('no timeline panel');
    await page.mouse.move(panel.x + panel.width / 2, panel.y + panel.height / 2);
    for (let i = 0; i < 12; i++) await page.mouse.wheel(0, 400);
    await expect.poll(() => barsOnRow(page, N)).toBe(5);
    const scrolled = await barsInRowsOnScreen(page);
    expect(scrolled.offScreen).toBe(0);
  });
});
