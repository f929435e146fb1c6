// The `N passed, N failed` line CI ends with, as .ci/run makes it: from the vitest reports of the
// steps that ran. A skipped desktop smoke run writes no report and must change nothing.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const script = path.resolve('scripts/count-results.mjs');
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'liftoff-count-'));
  await mkdir(path.join(dir, 'reports'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const report = (passed: number, failed: number) => JSON.stringify({ numPassedTests: passed, numFailedTests: failed, testResults: [] });
const count = (rc: number) => execFileSync(process.execPath, [script, String(rc)], { cwd: dir, encoding: 'utf8' }).trim();

describe('the CI result line', () => {
  it('counts unit and e2e, and nothing for a desktop run that was skipped', async () => {
    await writeFile(path.join(dir, 'reports', 'unit.json'), report(900, 0));
    await writeFile(path.join(dir, 'reports', 'e2e.json'), report(120, 0));
    expect(count(0)).toBe('1020 passed, 0 failed');
  });

  it('adds the desktop smoke tests when they ran, failures included', async () => {
    await writeFile(path.join(dir, 'reports', 'unit.json'), report(900, 0));
    await writeFile(path.join(dir, 'reports', 'e2e.json'), report(120, 0));
    await writeFile(path.join(dir, 'reports', 'desktop.json'), report(9, 1));
    expect(count(1)).toBe('1029 passed, 1 failed');
  });

  it('reports a failed step that left no failing test as one failure', async () => {
    await writeFile(path.join(dir, 'reports', 'unit.json'), report(900, 0));
    expect(count(2)).toBe('900 passed, 1 failed');
  });
});
