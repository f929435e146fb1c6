// `npm run test:desktop` where Electron is not installed: one line that says why, and success, so
// CI without Electron is neither failed nor cluttered by it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('the desktop smoke tests without an Electron binary', () => {
  it('print one line saying they were skipped and why, and exit 0', () => {
    // An override that points nowhere: the lookup fails here whatever is installed.
    const env = { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: path.resolve('no-such-electron-folder') };
    const run = spawnSync(process.execPath, ['scripts/test-desktop.mjs'], { env, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n').filter((line) => line.trim() !== '');
    expect(lines).toEqual([`Desktop smoke tests skipped: ELECTRON_OVERRIDE_DIST_PATH points to ${path.join(path.resolve('no-such-electron-folder'), 'electron')}, which does not exist.`]);
  });
});
