// The built app in a real Electron, for the desktop smoke tests. Each launch gets a throwaway
// profile (--user-data-dir, which electron/main/data-folder.ts honours) unless a test passes the
// profile of an earlier launch on purpose (a restart). playwright-core's Electron launcher runs
// node_modules/electron (the same lookup as `npm start`; scripts/test-desktop.mjs checked it is
// installed) with its loader, so the tests can also reach the main process (app.evaluate).
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const APP_URL = 'app://liftoff/index.html';

export type DesktopApp = {
  app: ElectronApplication;
  page: Page;
  userDataDir: string;
  consoleErrors: string[];
};

export async function makeProfile(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'liftoff-desktop-'));
}

export async function removeProfile(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

function electronEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  // Would make the binary a plain Node.js.
  delete env.ELECTRON_RUN_AS_NODE;
  return env;
}

/** Launches Liftoff with `userDataDir` as its profile and waits for the home screen. */
export async function launchDesktop(userDataDir: string, extraArgs: string[] = []): Promise<DesktopApp> {
  const app = await _electron.launch({
    args: [ROOT, `--user-data-dir=${userDataDir}`, ...extraArgs],
    cwd: ROOT,
    env: electronEnv(),
    timeout: 60_000,
  });
  const page = await app.firstWindow();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  page.setDefaultTimeout(20_000);
  await page.getByRole('button', { name: 'New workshop' }).first().waitFor();
  return { app, page, userDataDir, consoleErrors };
}

/** Closes the window as a person does (the close button), and waits until Electron has exited. */
export async function closeWindowAndWaitForExit(desktop: DesktopApp): Promise<void> {
  const exited = new Promise<void>((resolve) => desktop.app.once('close', () => resolve()));
  await desktop.app.evaluate(({ BrowserWindow }) => {
    BrowserWindow.getAllWindows()[0]?.close();
  });
  await exited;
}

/** Clicks a native menu item by id (menu.ts gives each command item its command as id). */
export async function clickMenuItem(app: ElectronApplication, id: string): Promise<boolean> {
  return app.evaluate(({ Menu }, itemId) => {
    const item = Menu.getApplicationMenu()?.getMenuItemById(itemId);
    if (!item) return false;
    item.click();
    return true;
  }, id);
}

/** Makes the next native save dialog answer `filePath`, as if the person had chosen it. */
export async function answerNextSaveDialog(app: ElectronApplication, filePath: string): Promise<void> {
  await app.evaluate(({ dialog }, chosen) => {
    const original = dialog.showSaveDialog;
    dialog.showSaveDialog = (async () => {
      dialog.showSaveDialog = original;
      return { canceled: false, filePath: chosen };
    }) as typeof dialog.showSaveDialog;
  }, filePath);
}

/** Makes the next native open dialog answer `filePath`. */
export async function answerNextOpenDialog(app: ElectronApplication, filePath: string): Promise<void> {
  await app.evaluate(({ dialog }, chosen) => {
    const original = dialog.showOpenDialog;
    dialog.showOpenDialog = (async () => {
      dialog.showOpenDialog = original;
      return { canceled: false, filePaths: [chosen] };
    }) as typeof dialog.showOpenDialog;
  }, filePath);
}

/**
 * Starts a second Liftoff with the same profile and `args`, as double-clicking a file does while
 * Liftoff runs, and resolves with its exit code once it has handed over and quit. --no-sandbox
 * matches what playwright-core gives the first instance on Linux, so both start the same way.
 */
export function runSecondInstance(userDataDir: string, args: string[]): Promise<number | null> {
  const binary = process.env.LIFTOFF_ELECTRON_BINARY;
  if (!binary) throw new Error('LIFTOFF_ELECTRON_BINARY is not set; run the desktop tests with `npm run test:desktop`.');
  const sandbox = process.platform === 'linux' ? ['--no-sandbox'] : [];
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [...sandbox, ROOT, `--user-data-dir=${userDataDir}`, ...args], { cwd: ROOT, env: electronEnv(), stdio: 'ignore' });
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error('The second instance did not hand over and quit within 30 s.'));
    }, 30_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}
