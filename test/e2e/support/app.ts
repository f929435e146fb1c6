// Page model of Liftoff for the e2e tests: a real Chromium with real IndexedDB.
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { mkdirSync } from 'node:fs';
import { CHROMIUM_ARGS } from './chromium';
import { CSP_REPORT_PATH } from './static-server';

export const SCREENSHOT_DIR = 'test-results/screenshots';

export type AppHandle = {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  url: string;
  consoleErrors: string[];
  /** CSP violations seen in any page of this context so far, each as "CSP violation: <directive> blocked <uri> …". */
  cspViolations: string[];
  /**
   * For a test that causes violations on purpose: removes the ones matching `match` (and their
   * console errors) so neither the spec's afterEach nor the run's tally counts them; returns them.
   */
  takeCspViolations: (match: RegExp) => Promise<string[]>;
  close: () => Promise<void>;
};

export const CSP_VIOLATION_PREFIX = 'CSP violation:';
const CSP_BINDING = '__liftoffE2eCspViolation';
const CHROMIUM_CSP_MESSAGE = /violates the following Content Security Policy directive/;

/**
 * Runs in every page before the app's own scripts. A violation is logged as a console error (which
 * fails the spec's no-console-errors check) and handed to the test process through a binding,
 * which works under any CSP, for the run's tally.
 */
function watchCspViolations({ prefix, binding }: { prefix: string; binding: string }): void {
  // The page carries the policy twice (the server's header and index.html's meta tag), so the
  // browser reports each violation once per policy: the second report of the same thing, right
  // after the first, is the same violation.
  const recent = new Map<string, number>();
  window.addEventListener(
    'securitypolicyviolation',
    (e) => {
      const where = e.sourceFile ? ` at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}` : '';
      const line = `${prefix} ${e.violatedDirective} blocked ${e.blockedURI || '(none)'}${where}`;
      const key = `${line}|${e.sample}`;
      const seen = recent.get(key);
      recent.set(key, e.timeStamp);
      if (seen !== undefined && e.timeStamp - seen < 100 && e.originalPolicy) {
        recent.delete(key);
        return;
      }
      console.error(line);
      const report = (window as unknown as Record<string, ((line: string) => unknown) | undefined>)[binding];
      void report?.(line);
    },
    true,
  );
}

export async function launchApp(opts: { width?: number; height?: number; locale?: string; interfaceLanguage?: string } = {}): Promise<AppHandle> {
  const browser = await chromium.launch({ executablePath: inject('chromiumPath'), args: CHROMIUM_ARGS, headless: true });
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1440, height: opts.height ?? 900 },
    acceptDownloads: true,
    // The system's language decides the interface language: pinned, so a machine set to German
    // does not turn every test's English text into German.
    locale: opts.locale ?? 'en-US',
  });
  context.setDefaultTimeout(10_000);
  const cspViolations: string[] = [];
  await context.exposeBinding(CSP_BINDING, (_source, line: string) => {
    cspViolations.push(line);
  });
  await context.addInitScript(watchCspViolations, { prefix: CSP_VIOLATION_PREFIX, binding: CSP_BINDING });
  // A language chosen in the app's selector, kept over the system's (a German computer, English screens).
  if (opts.interfaceLanguage) {
    await context.addInitScript((lang: string) => {
      if (!localStorage.getItem('liftoff.interfaceLanguage')) localStorage.setItem('liftoff.interfaceLanguage', lang);
    }, opts.interfaceLanguage);
  }
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(String(err)));
  const url = inject('baseUrl');
  await page.goto(url);

  const takeCspViolations = async (match: RegExp): Promise<string[]> => {
    // Chromium logs its own console error for each violation, a moment after the event.
    await pause(250);
    const taken = cspViolations.filter((line) => match.test(line));
    const keep = (list: string[], drop: (line: string) => boolean) => {
      const kept = list.filter((line) => !drop(line));
      list.splice(0, list.length, ...kept);
    };
    keep(cspViolations, (line) => taken.includes(line));
    // Chromium's own messages cannot be matched to one violation, so all go: any violation not
    // taken is still in cspViolations (and its "CSP violation:" console error stays too).
    keep(consoleErrors, (line) => taken.includes(line) || CHROMIUM_CSP_MESSAGE.test(line));
    return taken;
  };
  const close = async () => {
    // Whatever no test took goes to the run's tally (global-setup prints it and fails the run).
    const left = [...cspViolations];
    cspViolations.length = 0;
    await browser.close();
    if (left.length > 0) {
      await fetch(new URL(CSP_REPORT_PATH, url), { method: 'POST', body: JSON.stringify(left) });
    }
  };
  return { browser, context, page, url, consoleErrors, cspViolations, takeCspViolations, close };
}

/** Closes the app, then fails the test on any console error or CSP violation it left behind. */
export async function closeExpectingClean(app: AppHandle): Promise<void> {
  const errors = [...app.consoleErrors];
  const violations = [...app.cspViolations];
  await app.close();
  expect(violations).toEqual([]);
  expect(errors).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png` });
}

export async function createWorkshop(page: Page, values: { name: string; client?: string; facilitator?: string }): Promise<void> {
  await page.getByRole('button', { name: 'New workshop' }).click();
  const dialog = page.getByRole('dialog', { name: 'New workshop' });
  await dialog.getByLabel('Workshop name').fill(values.name);
  if (values.client) await dialog.getByLabel('Client').fill(values.client);
  if (values.facilitator) await dialog.getByLabel('Facilitator').fill(values.facilitator);
  await dialog.getByRole('button', { name: 'Create workshop' }).click();
  // The workshop's first screen is a lazy chunk and the workshop a durable write: on a 2-core
  // machine under other load this once took over the default 10 s.
  await page.getByRole('heading', { name: /Use cases/ }).waitFor({ timeout: 30_000 });
}

export async function waitSaved(page: Page): Promise<void> {
  await page.getByTestId('save-status').filter({ hasText: /^Saved$/ }).waitFor();
}

/** Copies of ../shared/fixtures, kept in the repo so CI has them. */
export const FIXTURES = new URL('../../fixtures/csv/', import.meta.url);

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * dnd-kit needs real intermediate pointer moves, as a hand makes them. The button is let go at
 * once after the last move, as a quick hand does (fewer `steps` is a quicker flick).
 */
export async function dragWithMouse(page: Page, from: Locator, to: Locator, { steps = 10 }: { steps?: number } = {}): Promise<void> {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error('Nothing to drag from or to');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 8, a.y + a.height / 2 + 4, { steps: 3 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps });
  await page.mouse.up();
  // dnd-kit swallows clicks for 50 ms after a drop; a hand is never that fast.
  await pause(80);
}

/** Key presses with the pauses dnd-kit's keyboard sensor needs between them. */
export async function keys(page: Page, list: string[]): Promise<void> {
  for (const k of list) {
    await page.keyboard.press(k);
    await pause(150);
  }
}

/** Toasts sit over the bottom of the page; screenshots are of the screen under them. */
export async function dismissToasts(page: Page): Promise<void> {
  const buttons = page.getByRole('button', { name: 'Dismiss' });
  while ((await buttons.count()) > 0) await buttons.first().click();
}

/** Opens a section of the open workshop by its tab. */
export async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name, exact: true }).click();
}

/** Captures use cases with the capture box, as a facilitator types them, and waits until stored. */
export async function addUseCases(page: Page, titles: string[]): Promise<void> {
  const input = page.getByLabel('New use case title');
  for (const t of titles) {
    await input.fill(t);
    await input.press('Enter');
  }
  await expect.poll(() => page.getByTestId('uc-row').count()).toBe(titles.length);
  await waitSaved(page);
}
