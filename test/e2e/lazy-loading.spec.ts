// Heavy code loads only when needed: the home screen fetches neither the sections of a workshop
// nor the timeline or the PDF engine; a workshop fetches its other sections ahead of time, when
// the window is idle; a section whose code fails to load says so and can try again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createWorkshop, launchApp, openTab, pause, screenshot, type AppHandle } from './support/app';

let app: AppHandle;
beforeEach(async () => {
  app = await launchApp();
});
afterEach(async () => {
  expect(app.consoleErrors).toEqual([]);
  await app.close();
});

/** The app's own script files requested by the page, by file name. */
function recordScripts(page: Page): string[] {
  const names: string[] = [];
  page.on('request', (r) => {
    const name = new URL(r.url()).pathname.split('/').pop() ?? '';
    if (/\.(js|ttf)$/.test(name)) names.push(name);
  });
  return names;
}
const requested = (names: string[], chunk: string) => names.some((n) => n.startsWith(`${chunk}-`));

describe('code loaded when needed', () => {
  it('home loads neither the sections, the timeline nor the PDF engine, even once idle', async () => {
    const { page } = app;
    const names = recordScripts(page);
    await page.goto(app.url);
    await page.getByRole('button', { name: 'New workshop' }).waitFor();
    expect(names.some((n) => n.startsWith('index-'))).toBe(true);
    // Once idle, home fetches the workshop frame (where the next click leads), and only that.
    await expect.poll(() => requested(names, 'WorkshopShell')).toBe(true);
    await pause(1500);
    for (const chunk of ['MatrixView', 'RoadmapView', 'TimelineView', 'KpisView', 'ScoringView', 'engine', 'font-assets', 'pdf-worker', 'html2canvas']) {
      expect(requested(names, chunk), chunk).toBe(false);
    }
    expect(names.filter((n) => n.endsWith('.ttf'))).toEqual([]);
  });

  it('a workshop fetches its other sections while idle, so a tab opens without waiting; the PDF engine still waits for an export', async () => {
    const { page } = app;
    const names = recordScripts(page);
    await createWorkshop(page, { name: 'Prefetch' });
    // Nothing clicked yet: the sections and the timeline arrive in the background.
    for (const chunk of ['ParticipantsView', 'MatrixView', 'RoadmapView', 'TimelineView', 'DecisionLogView']) {
      await expect.poll(() => requested(names, chunk), { timeout: 20_000 }).toBe(true);
    }
    expect(requested(names, 'engine')).toBe(false);
    const before = names.length;
    await openTab(page, 'Matrix');
    await page.getByRole('heading', { name: 'Prioritization matrix' }).first().waitFor();
    // The tab needed nothing new from disk, and no loading line was shown.
    expect(names.slice(before).filter((n) => n.endsWith('.js'))).toEqual([]);
    expect(await page.getByRole('status').filter({ hasText: 'Loading…' }).count()).toBe(0);
  });

  it('says a section could not be loaded, and loads it on Try again', async () => {
    const { page } = app;
    // The matrix's code cannot be read (a damaged install, say), until it can.
    await page.route(/\/MatrixView-[^/]*\.js$/, (route) => route.abort());
    await createWorkshop(page, { name: 'Broken chunk' });
    await openTab(page, 'Matrix');
    const alert = page.getByRole('alert').filter({ hasText: 'This screen could not be loaded' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Nothing you saved has been lost');
    // The frame stays usable: the tabs are still there.
    expect(await page.getByRole('navigation', { name: 'Workshop sections' }).isVisible()).toBe(true);
    await screenshot(page, 'chunk-load-error');
    await page.unroute(/\/MatrixView-[^/]*\.js$/);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { name: 'Prioritization matrix' }).first().waitFor();
    expect(await alert.count()).toBe(0);
    // Another tab after a failure works as before.
    await openTab(page, 'Use cases');
    await page.getByLabel('New use case title').waitFor();
    // The failed fetches were reported on the console, as they should be; nothing else was.
    const unexpected = app.consoleErrors.filter((e) => !/MatrixView|dynamically imported module|Liftoff screen error|ERR_FAILED/.test(e));
    expect(unexpected).toEqual([]);
    expect(app.consoleErrors.length).toBeGreaterThan(0);
    app.consoleErrors.length = 0;
  });
});
