// Page model of Liftoff for the e2e tests: a real Chromium with real IndexedDB.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { mkdirSync } from 'node:fs';
import { CHROMIUM_ARGS } from './chromium';

export const SCREENSHOT_DIR = 'test-results/screenshots';

export type AppHandle = {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  url: string;
  consoleErrors: string[];
  close: () => Promise<void>;
};

export async function launchApp(opts: { width?: number; height?: number } = {}): Promise<AppHandle> {
  const browser = await chromium.launch({ executablePath: inject('chromiumPath'), args: CHROMIUM_ARGS, headless: true });
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1440, height: opts.height ?? 900 },
    acceptDownloads: true,
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(String(err)));
  const url = inject('baseUrl');
  await page.goto(url);
  return { browser, context, page, url, consoleErrors, close: () => browser.close() };
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
  await page.getByRole('heading', { name: /Use cases/ }).waitFor();
}

export async function waitSaved(page: Page): Promise<void> {
  await page.getByTestId('save-status').filter({ hasText: /^Saved$/ }).waitFor();
}

/** Copies of ../shared/fixtures, kept in the repo so CI has them. */
export const FIXTURES = new URL('../../fixtures/csv/', import.meta.url);
