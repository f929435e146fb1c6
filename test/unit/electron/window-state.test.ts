import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_SIZE,
  isOnSomeDisplay,
  loadWindowState,
  MIN_WINDOW_SIZE,
  parseWindowState,
  placementFor,
  saveWindowState,
  WINDOW_STATE_FILE,
  type WindowState,
} from '../../../electron/main/window-state';

const laptop = { x: 0, y: 0, width: 1920, height: 1050 };
const externalOnTheRight = { x: 1920, y: 0, width: 2560, height: 1400 };
const saved: WindowState = { bounds: { x: 100, y: 80, width: 1400, height: 900 }, isMaximized: false };

describe('window state on disk', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'liftoff-window-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips bounds and the maximized flag through window-state.json', async () => {
    const file = path.join(dir, WINDOW_STATE_FILE);
    const state: WindowState = { bounds: { x: -1200, y: 40, width: 1100, height: 700 }, isMaximized: true };
    await saveWindowState(file, state);
    await expect(loadWindowState(file)).resolves.toEqual(state);
    // Atomic write: only the final file is left, no temporary sibling.
    expect(await readdir(dir)).toEqual([WINDOW_STATE_FILE]);
  });

  it('overwrites an earlier state', async () => {
    const file = path.join(dir, WINDOW_STATE_FILE);
    await saveWindowState(file, saved);
    await saveWindowState(file, { ...saved, isMaximized: true });
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ isMaximized: true });
  });

  it('ignores a missing file', async () => {
    await expect(loadWindowState(path.join(dir, 'nope.json'))).resolves.toBeNull();
  });

  it('ignores a corrupt or foreign file', async () => {
    const file = path.join(dir, WINDOW_STATE_FILE);
    for (const content of ['{"bounds": {"x": 1', '', 'null', '{"bounds":{"x":"a","y":0,"width":10,"height":10},"isMaximized":false}', '{"bounds":{"x":0,"y":0,"width":0,"height":10},"isMaximized":false}']) {
      await writeFile(file, content);
      await expect(loadWindowState(file), content).resolves.toBeNull();
    }
  });
});

describe('parseWindowState', () => {
  it('accepts what saveWindowState writes', () => {
    expect(parseWindowState(JSON.stringify(saved))).toEqual(saved);
  });

  it('rejects absurd numbers', () => {
    expect(parseWindowState(JSON.stringify({ ...saved, bounds: { ...saved.bounds, x: 1e12 } }))).toBeNull();
    expect(parseWindowState(JSON.stringify({ ...saved, bounds: { ...saved.bounds, width: 10.5 } }))).toBeNull();
  });
});

describe('isOnSomeDisplay', () => {
  it('accepts a window on any attached display', () => {
    expect(isOnSomeDisplay(saved.bounds, [laptop])).toBe(true);
    expect(isOnSomeDisplay({ x: 2500, y: 100, width: 1200, height: 800 }, [laptop, externalOnTheRight])).toBe(true);
  });

  it('rejects a window that was on a monitor that is gone', () => {
    expect(isOnSomeDisplay({ x: 2500, y: 100, width: 1200, height: 800 }, [laptop])).toBe(false);
  });

  it('rejects a window with only a sliver left on screen', () => {
    expect(isOnSomeDisplay({ x: 1900, y: 100, width: 1200, height: 800 }, [laptop])).toBe(false);
    expect(isOnSomeDisplay({ x: 100, y: 1030, width: 1200, height: 800 }, [laptop])).toBe(false);
  });
});

describe('placementFor', () => {
  it('opens at the default size, centred by the OS, the first time', () => {
    expect(placementFor(null, [laptop])).toEqual({ ...DEFAULT_WINDOW_SIZE, isMaximized: false });
  });

  it('restores the saved size, position and maximized flag', () => {
    expect(placementFor({ ...saved, isMaximized: true }, [laptop])).toEqual({ ...saved.bounds, isMaximized: true });
  });

  it('ignores an off-screen position but keeps the size', () => {
    const offScreen: WindowState = { bounds: { x: 5000, y: 3000, width: 1300, height: 850 }, isMaximized: false };
    expect(placementFor(offScreen, [laptop])).toEqual({ width: 1300, height: 850, isMaximized: false });
  });

  it('never opens smaller than the minimum size', () => {
    const tiny: WindowState = { bounds: { x: 10, y: 10, width: 200, height: 100 }, isMaximized: false };
    expect(placementFor(tiny, [laptop])).toMatchObject({ width: MIN_WINDOW_SIZE.width, height: MIN_WINDOW_SIZE.height });
  });
});
