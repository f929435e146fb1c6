// What happens around the window in a real Electron: closing it leaves a last backup and the
// window's place; the workshops are there after a restart; a second launch with a workshop file
// hands the file to the running app, which imports it.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUseCases, createWorkshop } from '../e2e/support/app';
import { closeWindowAndWaitForExit, launchDesktop, makeProfile, removeProfile, runSecondInstance, type DesktopApp } from './support/desktop-app';

const SAMPLE = fileURLToPath(new URL('../fixtures/workshop-files/v2-sample.liftoff.json', import.meta.url));
const NAME = 'Schadenregulierung Großkunden – Pilotierungsworkshop';
const USE_CASE = 'Automatisierte Vorprüfung eingehender Kfz-Schadenmeldungen';

let profile: string;
let running: DesktopApp | null = null;

beforeEach(async () => {
  profile = await makeProfile();
});
afterEach(async () => {
  if (running) await running.app.close().catch(() => undefined);
  running = null;
  await removeProfile(profile);
});

async function backupFiles(): Promise<string[]> {
  const root = path.join(profile, 'backups');
  if (!existsSync(root)) return [];
  const files: string[] = [];
  for (const workshop of await readdir(root)) {
    for (const file of await readdir(path.join(root, workshop))) if (file.endsWith('.liftoff.json')) files.push(path.join(root, workshop, file));
  }
  return files;
}

describe('the window\'s life', () => {
  it('leaves a last backup and the window\'s place when the window is closed, and the workshop is there after a restart', async () => {
    running = await launchDesktop(profile);
    await createWorkshop(running.page, { name: NAME, client: 'Versicherung Nord' });
    // The first change is backed up at once; the next round would be 15 minutes later.
    await expect.poll(() => backupFiles().then((files) => files.length), { timeout: 20_000 }).toBe(1);
    await addUseCases(running.page, [USE_CASE]);
    await closeWindowAndWaitForExit(running);
    running = null;

    // Closing asked the page for a last backup: it holds the use case added since the first.
    const backups = (await backupFiles()).sort();
    expect(backups).toHaveLength(2);
    const newest = JSON.parse(await readFile(backups[1] as string, 'utf8')) as { workshop: { name: string; useCases: { title: string }[] } };
    expect(newest.workshop.name).toBe(NAME);
    expect(newest.workshop.useCases.map((u) => u.title)).toEqual([USE_CASE]);
    const state = JSON.parse(await readFile(path.join(profile, 'window-state.json'), 'utf8')) as { bounds: { width: number }; isMaximized: boolean };
    expect(state.bounds.width).toBeGreaterThan(0);

    running = await launchDesktop(profile);
    await running.page.getByText(NAME).first().waitFor();
    expect(running.consoleErrors).toEqual([]);
  });

  it('imports a workshop file handed over by a second launch, which then quits', async () => {
    running = await launchDesktop(profile);
    const sampleName = (JSON.parse(await readFile(SAMPLE, 'utf8')) as { workshop: { name: string } }).workshop.name;
    const exitCode = await runSecondInstance(profile, [SAMPLE]);
    expect(exitCode).toBe(0);
    await running.page.getByRole('status').filter({ hasText: `Imported “${sampleName}”.` }).waitFor();
    await running.page.getByRole('heading', { name: /Use cases/ }).waitFor();
    // Still one window: the second launch did not open its own.
    expect(await running.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    expect(running.consoleErrors).toEqual([]);
  });
});
