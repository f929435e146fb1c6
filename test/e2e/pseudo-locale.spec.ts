// The screenshot pass in the pseudo-locale: every translated message accented and ~40 % longer, in
// brackets. At 1280×720 nothing may overflow the window or be cut inside a button, a tab or a
// heading; and any text still plain English is text that is not translated yet.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeExpectingClean, dismissToasts, launchApp, screenshot, type AppHandle } from './support/app';
import { roomWorkshopFile } from './support/room-workshop';

let app: AppHandle | null = null;
afterEach(async () => {
  if (app) await closeExpectingClean(app);
  app = null;
});

/** Elements whose text is cut: wider content than box (buttons, tabs, headings, labels), and the page wider than the window. */
async function cutOff(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1) out.push(`page ${document.documentElement.scrollWidth}px wide`);
    for (const el of document.querySelectorAll<HTMLElement>('button, a.btn, a.tab, .presenter-nav-link, h1, h2, th, label, dt')) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden' || el.getClientRects().length === 0) continue;
      // Labels kept for screen readers only (.visually-hidden) are 1 px boxes on purpose.
      if (el.clientWidth <= 1 || el.closest('.visually-hidden')) continue;
      if (el.scrollWidth > el.clientWidth + 1) out.push(`${el.tagName.toLowerCase()} “${el.textContent?.trim().slice(0, 40)}” cut: ${el.scrollWidth} > ${el.clientWidth}`);
      const box = el.getBoundingClientRect();
      if (box.right > window.innerWidth + 1) out.push(`${el.tagName.toLowerCase()} “${el.textContent?.trim().slice(0, 40)}” beyond the window`);
    }
    return out;
  });
}

describe('the pseudo-locale at 1280×720', () => {
  it('home, the workshop frame and the projector stay whole with text 40 % longer', async () => {
    app = await launchApp({ width: 1280, height: 720 });
    const { page } = app;
    await page.evaluate(() => {
      localStorage.setItem('liftoff.devLocales', '1');
      localStorage.setItem('liftoff.interfaceLanguage', 'pseudo');
    });
    await page.reload();
    await page.getByRole('heading', { name: '[Ŵööŕķšĥööþš]' }).waitFor();
    expect(await cutOff(page)).toEqual([]);
    await screenshot(page, 'pseudo-home-1280');

    const chooser = page.waitForEvent('filechooser');
    // “Open workshop file…”, the first button of the top bar.
    await page.locator('.topbar-actions button').first().click();
    await (await chooser).setFiles(roomWorkshopFile());
    await page.locator('.shell').waitFor();
    await dismissToasts(page);
    expect(await cutOff(page)).toEqual([]);
    await screenshot(page, 'pseudo-shell-1280');
    await page.locator('.home-main, .shell').first().waitFor();

    await page.goto(page.url().replace(/\/use-cases.*$/, '/portfolio'));
    await page.locator('.rank-table').waitFor();
    await screenshot(page, 'pseudo-ranking-1280');
    expect(await cutOff(page)).toEqual([]);

    await page.locator('.topbar-actions button', { hasText: /^\[Þŕ/ }).click();
    await page.getByTestId('presenter').waitFor();
    expect(await page.getByTestId('presenter').getAttribute('lang')).toBe('en-XA');
    expect(await cutOff(page)).toEqual([]);
    await screenshot(page, 'pseudo-presenter-ranking-1280');
    await page.locator('.presenter-nav-link').first().click();
    await page.locator('.presenter-agenda').waitFor();
    expect(await cutOff(page)).toEqual([]);
    await screenshot(page, 'pseudo-presenter-agenda-1280');
  }, 60_000);
});
