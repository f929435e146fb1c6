// The undo history in German: the Undo/Redo buttons name the step in the interface language, the
// toast after an undo says it, and the activity log lists it (and the step's summary) in German. Long German titles in the
// use-case list and the KPI picker break at syllables (soft hyphens), not mid-letter.
// Real Chromium, system locale de-DE.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeExpectingClean, dismissToasts, launchApp, screenshot, type AppHandle } from './support/app';
import { TITLES, roomWorkshopFile } from './support/room-workshop';

let app: AppHandle | null = null;
afterEach(async () => {
  if (app) await closeExpectingClean(app);
  app = null;
});

async function openGermanWorkshop(width: number, height: number): Promise<Page> {
  app = await launchApp({ width, height, locale: 'de-DE' });
  const { page } = app;
  await page.getByRole('heading', { name: 'Noch keine Workshops' }).waitFor();
  const chooser = page.waitForEvent('filechooser');
  await page.locator('.topbar-actions button').first().click();
  await (await chooser).setFiles(roomWorkshopFile());
  await page.getByRole('heading', { name: /Anwendungsfälle/ }).waitFor();
  await dismissToasts(page);
  return page;
}

/** Whether any line of the element ends inside a word without a hyphen (a break mid-letter). */
async function breaksMidLetter(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((els) => {
    const bad: string[] = [];
    for (const el of els) {
      const text = el.textContent ?? '';
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const node = walker.nextNode() as Text | null;
      if (!node) continue;
      // The vertical position of each character: a new line starts where top increases.
      let lastTop: number | null = null;
      for (let i = 0; i < node.length; i++) {
        const r = document.createRange();
        r.setStart(node, i);
        r.setEnd(node, i + 1);
        const rect = r.getBoundingClientRect();
        if (rect.width === 0 && rect.height === 0) continue;
        if (lastTop !== null && rect.top > lastTop + 2) {
          // Chromium measures the letter right after a hyphenation point on either side of the
          // break, so a break counts as clean when a soft hyphen, space or hyphen is within the two
          // characters before it.
          const prev = node.data.slice(Math.max(0, i - 2), i).replace(/\u00ad/g, '-');
          // A line may end after a space, a hyphen or at a soft hyphen (drawn as "-").
          // (The soft hyphen itself may be measured on either line.)
          const here = node.data[i] ?? '';
          if (!/[\s\-–/]/.test(prev) && !/^[\s\u00ad]/.test(here)) bad.push(`${text.replace(/\u00ad/g, '')} @ ${i} ${JSON.stringify(node.data.slice(i - 3, i + 2))}`);
        }
        lastTop = rect.top;
      }
    }
    return bad;
  });
}

describe('the undo history in German', () => {
  it('names the step on the Undo and Redo buttons, in the toast and in the activity log', async () => {
    const page = await openGermanWorkshop(1280, 720);
    await page.getByRole('link', { name: 'Bewertung' }).click();
    await page.getByRole('button', { name: new RegExp(TITLES[0]!) }).click();
    await page.getByRole('button', { name: 'Runde 1 starten' }).click();
    await page.getByRole('button', { name: 'Alle Bewertungen aufdecken' }).waitFor();

    const undo = page.getByRole('button', { name: '↶ Rückgängig' });
    const step = `Bewertungsrunde 1 für „${TITLES[0]}“ starten`;
    await expect.poll(() => undo.getAttribute('title')).toBe(`Rückgängig: ${step} (Strg+Z)`);
    await undo.click();
    await page.getByText(`Rückgängig gemacht: ${step}`).waitFor();
    const redo = page.getByRole('button', { name: '↷ Wiederholen' });
    await expect.poll(() => redo.getAttribute('title')).toBe(`Wiederholen: ${step} (Umschalt+Strg+Z)`);
    await screenshot(page, 'de-undo-1280');

    await page.getByRole('link', { name: 'Verlauf' }).click();
    const entries = page.getByTestId('activity-entry');
    await entries.filter({ hasText: `Rückgängig gemacht: ${step}` }).first().waitFor();
    await entries.filter({ hasText: step }).nth(1).waitFor();
    expect(await entries.filter({ hasText: 'Start scoring round' }).count()).toBe(0);
    // The summary line of a step stored from now on is German too; the typed title stays as typed.
    const summary = entries.locator('.activity-summary').filter({ hasText: `Runde 1 für „${TITLES[0]}“` });
    await summary.first().waitFor();
    expect(await entries.locator('.activity-summary').filter({ hasText: `Round 1 for "${TITLES[0]}"` }).count()).toBe(0);
  });

  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    it(`hyphenates long German titles in the use-case list and the KPI picker at ${width}x${height}`, async () => {
      const page = await openGermanWorkshop(width, height);
      // Soft hyphens once the German patterns have loaded.
      await expect.poll(() => page.locator('.uc-title').evaluateAll((els) => els.some((e) => e.textContent?.includes('\u00ad')))).toBe(true);
      expect(await breaksMidLetter(page, '.uc-title')).toEqual([]);
      await screenshot(page, `de-uc-list-hyphens-${width}`);

      await page.getByRole('link', { name: 'KPIs' }).click();
      await page.locator('.kpis-picker-name').first().waitFor();
      await expect.poll(() => page.locator('.kpis-picker-name').evaluateAll((els) => els.some((e) => e.textContent?.includes('\u00ad')))).toBe(true);
      await screenshot(page, `de-kpi-picker-hyphens-${width}`);
      expect(await breaksMidLetter(page, '.kpis-picker-name')).toEqual([]);
      const langs = await page.locator('.kpis-picker-name').evaluateAll((els) => els.map((e) => e.getAttribute('lang')));
      expect(langs).toContain('de');
    });
  }
});
