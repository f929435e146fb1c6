// Long German titles on the projector: the ranking and the matrix at 1280×720 and 1920×1080.
import { afterEach, describe, expect, it } from 'vitest';
import { closeExpectingClean, dismissToasts, launchApp, screenshot, type AppHandle } from './support/app';
import { TITLES, roomWorkshopFile } from './support/room-workshop';

let app: AppHandle | null = null;
afterEach(async () => {
  if (app) await closeExpectingClean(app);
  app = null;
});

describe('long titles on the projector', () => {
  it('the ranking and the matrix keep long German titles legible at 1280×720 and 1920×1080', async () => {
    app = await launchApp({ width: 1280, height: 720 });
    const { page } = app;
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open workshop file…' }).click();
    await (await chooser).setFiles(roomWorkshopFile());
    await page.getByRole('heading', { name: /Use cases/ }).waitFor();
    await dismissToasts(page);
    await page.getByRole('link', { name: 'Ranking' }).click();
    await page.getByRole('button', { name: 'Presenter' }).click();
    await page.getByTestId('presenter').waitFor();
    for (const size of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
      await page.setViewportSize(size);
      // Hyphenated once the German patterns have loaded (soft hyphens in the text).
      await expect.poll(() => page.locator('.rank-title').first().evaluate((el) => el.textContent?.includes('\u00ad') ?? false)).toBe(true);
      const cells = await page.locator('.rank-title').evaluateAll((els) =>
        els.map((el) => {
          const lineHeight = parseFloat(getComputedStyle(el).lineHeight);
          const range = document.createRange();
          range.selectNodeContents(el);
          return { width: el.getBoundingClientRect().width, lines: Math.round(range.getBoundingClientRect().height / lineHeight), text: el.textContent?.replace(/\u00ad/g, '') };
        }),
      );
      expect(cells.map((c) => c.text)).toEqual(expect.arrayContaining(TITLES));
      for (const c of cells) {
        expect(c.width, `${c.text} at ${size.width}`).toBeGreaterThan(250);
        expect(c.lines, `${c.text} at ${size.width}`).toBeLessThanOrEqual(2);
      }
      await screenshot(page, `presenter-ranking-${size.width}`);
    }
    await page.getByRole('link', { name: 'Matrix' }).click();
    for (const size of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
      await page.setViewportSize(size);
      await page.locator('.mx-card').first().waitFor();
      // Every card on the grid shows enough of its title to tell it apart (not "2. R…").
      // (The grid keeps one invisible card to measure the card height; it is not shown.)
      // Measured once the grid has fitted itself to the new window (on a loaded machine a card can
      // be caught mid-layout, 0 px wide, right after the resize).
      const widths = () =>
        page
          .locator('.matrix-board .mx-card-title')
          .evaluateAll((els) => els.filter((el) => getComputedStyle(el).visibility !== 'hidden').map((el) => el.getBoundingClientRect().width));
      await expect.poll(async () => (await widths()).length, { timeout: 10_000 }).toBeGreaterThan(0);
      await expect.poll(async () => Math.min(...(await widths())), { message: `narrowest card title at ${size.width}`, timeout: 10_000 }).toBeGreaterThan(80);
      await screenshot(page, `presenter-matrix-${size.width}`);
    }
    expect(TITLES.length).toBe(5);
  }, 60_000);
});

describe('the use case being scored', () => {
  it('stays selected through presenter mode, a tab switch and a reload; "pass the keyboard" takes digits and never shows the chosen number', async () => {
    app = await launchApp({ width: 1280, height: 720 });
    const { page } = app;
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open workshop file…' }).click();
    await (await chooser).setFiles(roomWorkshopFile());
    await page.getByRole('heading', { name: /Use cases/ }).waitFor();
    await dismissToasts(page);
    await page.getByRole('link', { name: 'Scoring' }).click();
    const third = TITLES[2]!;
    await page.getByRole('button', { name: new RegExp(third) }).click();
    const heading = () => page.locator('#round-title').evaluate((el) => el.textContent?.replace(/\u00ad/g, ''));
    await expect.poll(heading).toBe(third);
    await page.getByRole('button', { name: 'Presenter' }).click();
    await page.getByTestId('presenter').waitFor();
    await expect.poll(heading).toBe(third);
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: 'Ranking' }).click();
    await page.getByRole('link', { name: 'Scoring' }).click();
    await expect.poll(heading).toBe(third);
    await page.reload();
    await expect.poll(heading).toBe(third);

    // Pass the keyboard: digits score the criteria in turn; no focus ring or pressed look stays.
    await page.getByRole('button', { name: 'Start round 1' }).click();
    await page.getByRole('button', { name: 'Pass the keyboard' }).click();
    await page.getByTestId('turns').focus();
    for (const d of ['4', '2', '5']) await page.keyboard.press(d);
    await screenshot(page, 'debug-turns');
    await page.getByText('1 of 12 participants have scored').waitFor();
    expect(await page.locator('.turn-row .entered').count()).toBe(3);
    const focused = await page.evaluate(() => document.activeElement?.className ?? '');
    expect(focused).not.toContain('turn-btn');
    // Clicking a number leaves neither focus nor a hover look on it.
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /^Business impact 3:/ }).click();
    expect(await page.evaluate(() => document.activeElement?.className ?? '')).not.toContain('turn-btn');
    const looks = await page.locator('.turn-btn').evaluateAll((els) => new Set(els.map((e) => getComputedStyle(e).backgroundColor + getComputedStyle(e).borderColor)).size);
    expect(looks).toBe(1);
  }, 60_000);
});
