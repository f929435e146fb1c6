// A workshop file double-clicked in the system, as the desktop app's page receives it. Electron
// cannot run here, so window.desktop is a stand-in holding the files main would have read
// (electron/main/open-requests.ts, unit-tested with its own tests); everything from there on is
// the real renderer in Chromium: lib/desktop.ts takes the files, and they go through the same
// import as File → Open, with the same checks, messages and "imported as a copy".
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenedFile } from '../../electron/shared/ipc-contract';
import { launchApp, screenshot, type AppHandle } from './support/app';

const SAMPLE_NAME = 'v2-sample.liftoff.json';
const SAMPLE = readFileSync(fileURLToPath(new URL(`../fixtures/workshop-files/${SAMPLE_NAME}`, import.meta.url)), 'utf8');
const SAMPLE_WORKSHOP = (JSON.parse(SAMPLE) as { workshop: { name: string } }).workshop.name;

type OpenedFilesStandIn = { waiting: OpenedFile[]; signals: Set<() => void>; taken: number };
declare global {
  var __openedFiles: OpenedFilesStandIn | undefined;
}

/** Runs in the page before its scripts: the part of window.desktop this feature and startup use. */
function installDesktopStandIn(initial: OpenedFile[]): void {
  const state: OpenedFilesStandIn = { waiting: [...initial], signals: new Set(), taken: 0 };
  globalThis.__openedFiles = state;
  const none = () => () => undefined;
  Object.defineProperty(globalThis, 'desktop', {
    configurable: false,
    value: {
      saveFile: async () => ({ status: 'canceled' }),
      openFile: async () => ({ status: 'canceled' }),
      appInfo: async () => ({ name: 'Liftoff', version: 'test', platform: 'linux', electron: '', chrome: '', node: '', userDataPath: '' }),
      writeBackup: async (args: { workshopId: string; fileName: string; data: string; info: unknown }) => ({
        workshopId: args.workshopId,
        fileName: args.fileName,
        bytes: args.data.length,
        info: args.info,
      }),
      listBackups: async () => [],
      readBackup: async () => ({ status: 'missing' }),
      pruneBackups: async () => ({ removed: 0 }),
      onBackupFlushRequest: none,
      onMenuCommand: none,
      setMenuLanguage: async () => undefined,
      setFullscreen: async () => ({ changed: false }),
      onFullscreenChange: none,
      takeOpenedFile: async () => {
        const next = state.waiting.shift() ?? null;
        if (next) state.taken++;
        return next;
      },
      onOpenedFileWaiting: (callback: () => void) => {
        state.signals.add(callback);
        return () => state.signals.delete(callback);
      },
    },
  });
}

/** What main does when the person double-clicks another file while Liftoff runs. */
async function arrive(page: Page, file: OpenedFile): Promise<void> {
  await page.evaluate((f) => {
    const state = globalThis.__openedFiles;
    if (!state) throw new Error('no desktop stand-in');
    state.waiting.push(f);
    for (const signal of state.signals) signal();
  }, file);
}

/** Reloads the page as the desktop app, with `waiting` already queued by main (files from the launch). */
async function asDesktopApp(page: Page, waiting: OpenedFile[]): Promise<void> {
  await page.addInitScript(installDesktopStandIn, waiting);
  await page.reload();
}

type ErrorShown = { title: string; message: string; details: string[] };

async function errorShown(page: Page): Promise<ErrorShown> {
  const message = page.getByTestId('import-error');
  await message.waitFor();
  const dialog = page.getByRole('dialog');
  const shown = {
    title: ((await dialog.getByRole('heading').first().textContent()) ?? '').trim(),
    message: ((await message.textContent()) ?? '').trim(),
    details: (await page.getByTestId('import-error-details').locator('li').allTextContents()).map((t) => t.trim()),
  };
  return shown;
}

async function closeError(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'OK' }).click();
  await page.getByTestId('import-error').waitFor({ state: 'detached' });
}

/** The same bytes through the browser's File → Open (a file input), for comparison. */
async function errorThroughOpenDialog(page: Page, name: string, content: string | Buffer): Promise<ErrorShown> {
  const dir = mkdtempSync(join(tmpdir(), 'liftoff-e2e-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open workshop file…' }).click();
  await (await chooser).setFiles(path);
  const shown = await errorShown(page);
  await closeError(page);
  return shown;
}

const workshopNames = (page: Page) => page.locator('.workshop-name').allTextContents();

let app: AppHandle;
beforeEach(async () => {
  app = await launchApp();
});
afterEach(async () => {
  expect(app.consoleErrors).toEqual([]);
  await app.close();
});

describe('a workshop file opened from the system (desktop app)', () => {
  it('imports the file Liftoff was launched with, then a second copy as a copy', async () => {
    const { page } = app;
    // The file was double-clicked before Liftoff ran: it waits in main until the page listens.
    await asDesktopApp(page, [{ status: 'opened', name: SAMPLE_NAME, data: SAMPLE }]);
    await page.getByRole('status').filter({ hasText: `Imported “${SAMPLE_WORKSHOP}”.` }).waitFor();
    await page.getByRole('heading', { name: /Use cases/ }).waitFor();
    expect(await page.evaluate(() => globalThis.__openedFiles?.taken)).toBe(1);
    await screenshot(page, 'open-from-system-imported');

    // Double-clicked again while Liftoff runs: the same file, so a copy, as with File → Open.
    await arrive(page, { status: 'opened', name: SAMPLE_NAME, data: SAMPLE });
    await page.getByRole('status').filter({ hasText: /This workshop was already here, so the file was imported as a copy/ }).waitFor();
    await page.getByRole('link', { name: 'All workshops' }).click();
    await expect.poll(() => workshopNames(page).then((n) => n.length)).toBe(2);
  });

  it('imports several files one after the other', async () => {
    const { page } = app;
    const other = JSON.parse(SAMPLE) as { workshop: { id: string; name: string } };
    other.workshop.name = 'Second workshop from the Finder';
    await asDesktopApp(page, [
      { status: 'opened', name: SAMPLE_NAME, data: SAMPLE },
      { status: 'opened', name: 'second.liftoff.json', data: JSON.stringify(other) },
    ]);
    await page.getByRole('status').filter({ hasText: 'Second workshop from the Finder' }).waitFor();
    await page.getByRole('link', { name: 'All workshops' }).click();
    await expect.poll(() => workshopNames(page).then((n) => n.length)).toBe(2);
  });

  it.each([
    ['not JSON', 'not-json.liftoff.json', 'this is not json at all'],
    ['cut off', 'truncated.liftoff.json', '{"format":"liftoff.workshop","formatVersion":1,"workshop":{"id":"a'],
    ['another JSON file', 'package.json', JSON.stringify({ name: 'package', version: '1.0.0' })],
    ['a prototype attack', 'proto.liftoff.json', '{"format":"liftoff.workshop","formatVersion":1,"__proto__":{"polluted":true}}'],
  ])('refuses %s with exactly the error File → Open shows, and imports nothing', async (_label, name, content) => {
    const { page } = app;
    const viaDialog = await errorThroughOpenDialog(page, name, content);
    expect(viaDialog.title).toBe(`“${name}” could not be opened`);
    expect(viaDialog.message).toMatch(/Nothing was imported/);

    await asDesktopApp(page, []);
    await page.getByRole('heading', { name: 'Workshops', exact: true }).waitFor();
    await arrive(page, { status: 'opened', name, data: content });
    expect(await errorShown(page)).toEqual(viaDialog);
    if (name === 'truncated.liftoff.json') await screenshot(page, 'open-from-system-error');
    await closeError(page);
    expect(await workshopNames(page)).toEqual([]);
    expect(await page.evaluate(() => ({} as Record<string, unknown>).polluted)).toBeUndefined();
  });

  it('refuses a file over the limit with the same words as File → Open', async () => {
    const { page } = app;
    const size = 30 * 1024 * 1024;
    const viaDialog = await errorThroughOpenDialog(page, 'huge.liftoff.json', Buffer.alloc(size, 0x20));
    await asDesktopApp(page, []);
    await page.getByRole('heading', { name: 'Workshops', exact: true }).waitFor();
    // What main reports after its stat, with the limit the page asked for (25 MB), without reading.
    await arrive(page, { status: 'too-large', name: 'huge.liftoff.json', size, limit: 25 * 1024 * 1024 });
    expect(await errorShown(page)).toEqual(viaDialog);
    expect(viaDialog.title).toBe('“huge.liftoff.json” is too large');
    expect(viaDialog.message).toMatch(/30 MB.*at most 25 MB/);
    await closeError(page);
  });

  it('says why a file could not be read, and the app goes on working', async () => {
    const { page } = app;
    await asDesktopApp(page, [{ status: 'unreadable', name: 'moved.liftoff.json', reason: 'The file was not found; it may have been moved, renamed or deleted.' }]);
    expect(await errorShown(page)).toEqual({
      title: '“moved.liftoff.json” could not be opened',
      message: 'The file was not found; it may have been moved, renamed or deleted. Nothing was imported.',
      details: [],
    });
    await closeError(page);
    // The next file still comes through.
    await arrive(page, { status: 'opened', name: SAMPLE_NAME, data: SAMPLE });
    await page.getByRole('status').filter({ hasText: `Imported “${SAMPLE_WORKSHOP}”.` }).waitFor();
  });
});
