// The agenda clock in a real Chromium (stored instants, so a reload keeps it) and presenter mode
// at the two projector sizes that matter: 1280×720 and 1920×1080.
import { afterEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { createWorkshop, launchApp, screenshot, waitSaved, type AppHandle } from './support/app';

let app: AppHandle | null = null;
afterEach(async () => {
  if (!app) return;
  // What the page logged while the test ran; closing the browser is not part of the test.
  const errors = [...app.consoleErrors];
  await app.close();
  app = null;
  expect(errors).toEqual([]);
});

async function start(opts: { width?: number; height?: number } = {}): Promise<Page> {
  app = await launchApp(opts);
  return app.page;
}

const rows = (page: Page) => page.getByTestId('agenda-row');
/** The row whose title field holds this title. */
const row = (page: Page, title: string): Locator => rows(page).filter({ has: page.getByRole('button', { name: `Reset ${title}` }).or(page.getByRole('button', { name: `Start ${title}` })) });

/** "59:58 left" → 3598, "3:20 over" → -200. */
function seconds(text: string): number {
  const m = /(\d+):(\d{2})(?::(\d{2}))?\s+(left|over|early)/.exec(text);
  if (!m) throw new Error(`not a countdown: ${text}`);
  const [, a, b, c, word] = m;
  const total = c === undefined ? Number(a) * 60 + Number(b) : Number(a) * 3600 + Number(b) * 60 + Number(c);
  return word === 'over' ? -total : total;
}

async function countdown(page: Page, title: string): Promise<number> {
  return seconds(await row(page, title).getByTestId('agenda-countdown').innerText());
}

async function openStandardAgenda(page: Page, name = 'Claims & underwriting AI day'): Promise<void> {
  await createWorkshop(page, { name, client: 'Northwind Mutual', facilitator: 'Zoë Müller' });
  await page.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name: 'Agenda' }).click();
  await page.getByText('The agenda keeps the day on time.').waitFor();
  await page.getByRole('button', { name: 'Add the standard agenda' }).click();
  await expect.poll(() => rows(page).count()).toBe(7);
  await waitSaved(page);
}

/** Facilitator controls that must never reach the projector. */
async function facilitatorControls(page: Page): Promise<number> {
  const counts = await Promise.all([
    page.getByRole('textbox').count(),
    page.getByRole('spinbutton').count(),
    page.getByRole('button', { name: /undo|redo|save to file|remove|reset|start|pause|\+5|import/i }).count(),
    page.getByTestId('save-status').count(),
    page.getByLabel('New use case title').count(),
  ]);
  return counts.reduce((a, b) => a + b, 0);
}

async function fits(page: Page): Promise<{ noHorizontalScroll: boolean; bodyFits: boolean; clockVisible: boolean }> {
  return page.evaluate(() => {
    const body = document.querySelector('.presenter-body');
    const clock = document.querySelector('.presenter-clock')?.getBoundingClientRect();
    return {
      noHorizontalScroll: document.documentElement.scrollWidth <= window.innerWidth && (body ? body.scrollWidth <= body.clientWidth : false),
      bodyFits: body ? body.scrollHeight <= body.clientHeight : false,
      clockVisible: clock ? clock.right <= window.innerWidth && clock.bottom <= window.innerHeight && clock.width > 0 : false,
    };
  });
}

describe('the agenda with its timebox', () => {
  it('runs a countdown from stored instants, pauses, extends, survives a reload and undoes', async () => {
    const page = await start();
    await openStandardAgenda(page);
    expect(await rows(page).nth(3).getByLabel('Session 4 title').inputValue()).toBe('Scoring');
    await expect.poll(() => page.locator('.agenda-summary').innerText()).toContain('4 h 15 min');

    await page.getByRole('button', { name: 'Start Scoring' }).click();
    await waitSaved(page);
    const scoring = row(page, 'Scoring');
    await expect.poll(() => scoring.getAttribute('data-state')).toBe('running');
    const first = await countdown(page, 'Scoring');
    expect(first).toBeGreaterThan(59 * 60 + 55);
    expect(first).toBeLessThanOrEqual(60 * 60);
    await page.waitForTimeout(2500);
    const later = await countdown(page, 'Scoring');
    expect(first - later).toBeGreaterThanOrEqual(2);
    expect(first - later).toBeLessThanOrEqual(3);
    expect(await scoring.getAttribute('aria-current')).toBe('step');
    await expect.poll(() => page.locator('.agenda-summary-now').innerText()).toContain('Scoring');

    // Starting another session pauses this one (the repository does it).
    await page.getByRole('button', { name: 'Start Prioritization' }).click();
    await expect.poll(() => scoring.getAttribute('data-state')).toBe('paused');
    await page.getByRole('button', { name: 'Resume Scoring' }).click();
    await expect.poll(() => row(page, 'Prioritization').getAttribute('data-state')).toBe('paused');
    await expect.poll(() => scoring.getAttribute('data-state')).toBe('running');

    await page.getByRole('button', { name: 'Pause Scoring' }).click();
    await waitSaved(page);
    await expect.poll(() => scoring.getAttribute('data-state')).toBe('paused');
    const paused = await countdown(page, 'Scoring');
    await page.waitForTimeout(1200);
    expect(await countdown(page, 'Scoring')).toBe(paused);
    // The keyboard stays on the row's clock button, now "Resume".
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Resume Scoring');

    await page.getByRole('button', { name: '+5 min for Scoring' }).click();
    await waitSaved(page);
    await expect.poll(() => countdown(page, 'Scoring')).toBe(paused + 300);
    expect(await scoring.locator('.agenda-clock-sub').innerText()).toContain('60 + 5 min');
    await screenshot(page, 'agenda-running-paused');

    await page.reload();
    await expect.poll(() => rows(page).count()).toBe(7);
    await expect.poll(() => row(page, 'Scoring').getAttribute('data-state')).toBe('paused');
    expect(await countdown(page, 'Scoring')).toBe(paused + 300);
    expect(await row(page, 'Prioritization').getAttribute('data-state')).toBe('paused');

    await page.keyboard.press('Control+z');
    await expect.poll(() => countdown(page, 'Scoring')).toBe(paused);
    await page.getByText('Undone: Add 5 minutes to “Scoring”').waitFor();
    await waitSaved(page);
  });

  it('edits, adds, reorders with Alt+arrows and removes sessions undoably', async () => {
    const page = await start();
    await openStandardAgenda(page);
    const minutes = page.getByLabel('Session 1 planned minutes');
    await minutes.fill('20');
    await waitSaved(page);
    await page.getByLabel('Session 1 title').fill('Welcome and goals');
    await waitSaved(page);
    await expect.poll(() => page.locator('.agenda-summary').innerText()).toContain('4 h 20 min');

    await page.getByLabel('New session').fill('Coffee break');
    await page.getByLabel('Minutes', { exact: true }).fill('15');
    await page.getByRole('button', { name: 'Add session' }).click();
    await expect.poll(() => rows(page).count()).toBe(8);
    expect(await page.getByLabel('Session 8 title').inputValue()).toBe('Coffee break');

    await page.getByRole('button', { name: 'Start Coffee break' }).focus();
    await page.keyboard.press('Alt+ArrowUp');
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => page.getByLabel('Session 6 title').inputValue()).toBe('Coffee break');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Start Coffee break');
    await page.getByRole('button', { name: 'Move Coffee break down' }).click();
    await expect.poll(() => page.getByLabel('Session 7 title').inputValue()).toBe('Coffee break');

    await page.getByRole('button', { name: 'Remove Coffee break' }).click();
    await expect.poll(() => rows(page).count()).toBe(7);
    await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => rows(page).count()).toBe(8);
    await expect.poll(() => page.getByLabel('Session 7 title').inputValue()).toBe('Coffee break');
    await waitSaved(page);
  });
});

describe('presenter mode', () => {
  it('enters with the button and with F5, hides facilitator controls, shows the session and its clock, leaves with Escape', async () => {
    const page = await start();
    await openStandardAgenda(page);
    await page.getByRole('button', { name: 'Start Scoring' }).click();
    await waitSaved(page);
    expect(await facilitatorControls(page)).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Presenter', exact: true }).click();
    const presenter = page.getByTestId('presenter');
    await presenter.waitFor();
    expect(await page.locator('.topbar').count()).toBe(0);
    expect(await facilitatorControls(page)).toBe(0);
    expect(await page.getByTestId('presenter-current').innerText()).toContain('Scoring');
    const clock = page.getByTestId('presenter-clock');
    // 1:00:00 for the first second, then 59:59 and down.
    await expect.poll(() => clock.innerText()).toMatch(/^59:\d\d\s*left$/);
    const before = seconds(await clock.innerText());
    await expect.poll(async () => seconds(await clock.innerText()), { timeout: 3000 }).toBeLessThan(before);
    expect(await page.locator('.presenter-session-current').innerText()).toContain('Scoring');
    expect(await page.evaluate(() => document.documentElement.classList.contains('presenter-mode'))).toBe(true);

    // Other screens render inside the presenter layout, the clock band stays.
    await page.getByRole('navigation', { name: 'Show on screen' }).getByRole('link', { name: 'Matrix' }).click();
    await page.locator('.presenter-screen[data-tab="matrix"]').waitFor();
    expect(await page.getByTestId('presenter-current').innerText()).toContain('Scoring');
    await page.getByRole('navigation', { name: 'Show on screen' }).getByRole('link', { name: 'Agenda' }).click();
    await page.locator('.presenter-agenda').waitFor();

    await page.keyboard.press('Escape');
    await page.locator('.topbar').waitFor();
    expect(await presenter.count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('presenter-mode'))).toBe(false);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('presenter-button');

    await page.keyboard.press('F5');
    await presenter.waitFor();
    expect(await facilitatorControls(page)).toBe(0);
    await page.getByRole('button', { name: 'Exit presenter mode' }).click();
    await page.locator('.topbar').waitFor();

    // F5 again from a text field, then Escape: still a toggle, never a page reload.
    await page.getByLabel('Session 1 title').focus();
    await page.keyboard.press('F5');
    await presenter.waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Presenter', exact: true }).waitFor();
    await expect.poll(() => rows(page).count()).toBe(7);
  });

  it('shows an overrun in red with "over" on the band and the list', async () => {
    const page = await start();
    await page.clock.install();
    await page.reload();
    await openStandardAgenda(page);
    await page.getByLabel('Session 1 planned minutes').fill('1');
    await waitSaved(page);
    await page.getByRole('button', { name: 'Start Introduction and goals' }).click();
    await waitSaved(page);
    await page.clock.fastForward('03:20');
    await expect.poll(() => countdown(page, 'Introduction and goals')).toBeLessThanOrEqual(-140);
    const text = await row(page, 'Introduction and goals').getByTestId('agenda-countdown').innerText();
    expect(text).toMatch(/^2:\d\d over$/);
    expect(await row(page, 'Introduction and goals').getByTestId('agenda-countdown').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(180, 35, 24)');

    await page.getByRole('button', { name: 'Presenter', exact: true }).click();
    const clock = page.getByTestId('presenter-clock');
    expect(await clock.innerText()).toMatch(/^2:\d\d\s*over$/);
    expect(await clock.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(143, 23, 16)');
    await screenshot(page, 'presenter-overrun');
    await page.keyboard.press('Escape');
  });
});

describe('presenter mode on a projector', () => {
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    it(`is readable at ${width}×${height}: nothing cut, no horizontal scroll`, async () => {
      const page = await start({ width, height });
      await openStandardAgenda(page, 'Claims & underwriting AI readiness day — Northwind Mutual, Łódź office');
      await page.getByRole('button', { name: 'Start Use-case capture' }).click();
      await page.getByRole('button', { name: 'Done with Use-case capture' }).click();
      await page.getByRole('button', { name: 'Start Introduction and goals' }).click();
      await page.getByRole('button', { name: 'Done with Introduction and goals' }).click();
      await page.getByRole('button', { name: 'Start Readiness diagnostic' }).click();
      await page.getByRole('button', { name: 'Done with Readiness diagnostic' }).click();
      await page.getByRole('button', { name: 'Start Scoring' }).click();
      await page.getByRole('button', { name: '+5 min for Scoring' }).click();
      await waitSaved(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await screenshot(page, `agenda-${width}x${height}`);

      await page.keyboard.press('F5');
      await page.getByTestId('presenter').waitFor();
      await page.waitForTimeout(300);
      expect(await fits(page)).toEqual({ noHorizontalScroll: true, bodyFits: true, clockVisible: true });
      const rootFont = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
      expect(rootFont).toBeGreaterThanOrEqual(width >= 1920 ? 26 : 19);
      await screenshot(page, `presenter-agenda-${width}x${height}`);

      await page.getByRole('navigation', { name: 'Show on screen' }).getByRole('link', { name: 'Scoring' }).click();
      await page.locator('.presenter-screen[data-tab="scoring"]').waitFor();
      expect((await fits(page)).noHorizontalScroll).toBe(true);
      await screenshot(page, `presenter-scoring-${width}x${height}`);
      await page.keyboard.press('Escape');
      await page.locator('.topbar').waitFor();
    });
  }
});
