// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isChunkLoadError, preloadWhenIdle } from '../../../renderer/shared/lazy-screen';

afterEach(() => {
  vi.useRealTimers();
});

/** A screen whose preload is recorded and finishes only when told. */
function fakeScreen(name: string, log: string[]) {
  let finish: () => void = () => {};
  return {
    preload: () => {
      log.push(`start ${name}`);
      return new Promise<void>((resolve) => {
        finish = () => {
          log.push(`done ${name}`);
          resolve();
        };
      });
    },
    finish: () => finish(),
  };
}

describe('preloading screens when the window is idle', () => {
  it('waits before starting, then fetches one screen at a time, in order', async () => {
    vi.useFakeTimers();
    const log: string[] = [];
    const [a, b, c] = [fakeScreen('a', log), fakeScreen('b', log), fakeScreen('c', log)];
    preloadWhenIdle([a, b, c], 1000);
    await vi.advanceTimersByTimeAsync(900);
    expect(log).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(log).toEqual(['start a']);
    // b waits for a, however long a takes.
    await vi.advanceTimersByTimeAsync(5000);
    expect(log).toEqual(['start a']);
    a.finish();
    await vi.advanceTimersByTimeAsync(100);
    expect(log).toEqual(['start a', 'done a', 'start b']);
    b.finish();
    await vi.advanceTimersByTimeAsync(100);
    c.finish();
    await vi.advanceTimersByTimeAsync(100);
    expect(log).toEqual(['start a', 'done a', 'start b', 'done b', 'start c', 'done c']);
  });

  it('stops when the screen that asked is left', async () => {
    vi.useFakeTimers();
    const log: string[] = [];
    const [a, b] = [fakeScreen('a', log), fakeScreen('b', log)];
    const stop = preloadWhenIdle([a, b], 1000);
    await vi.advanceTimersByTimeAsync(1100);
    stop();
    a.finish();
    await vi.advanceTimersByTimeAsync(5000);
    expect(log).toEqual(['start a', 'done a']);
    const log2: string[] = [];
    const stopEarly = preloadWhenIdle([fakeScreen('x', log2)], 1000);
    stopEarly();
    await vi.advanceTimersByTimeAsync(5000);
    expect(log2).toEqual([]);
  });

  it('holds off while phones are sending scores, and goes on once they have stopped', async () => {
    vi.useFakeTimers();
    const log: string[] = [];
    const [a, b] = [fakeScreen('a', log), fakeScreen('b', log)];
    let sending = false;
    const stop = preloadWhenIdle([a, b], 1000, () => sending);
    await vi.advanceTimersByTimeAsync(1100);
    expect(log).toEqual(['start a']);
    sending = true;
    a.finish();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(log).toEqual(['start a', 'done a']);
    sending = false;
    await vi.advanceTimersByTimeAsync(1100);
    expect(log).toEqual(['start a', 'done a', 'start b']);
    // Stopping while held leaves nothing running.
    const log2: string[] = [];
    sending = true;
    const stop2 = preloadWhenIdle([fakeScreen('x', log2)], 1000, () => sending);
    await vi.advanceTimersByTimeAsync(1500);
    stop2();
    sending = false;
    await vi.advanceTimersByTimeAsync(5000);
    expect(log2).toEqual([]);
    stop();
  });
});

describe('chunk load errors', () => {
  it.each([
    ['Chromium', new TypeError('Failed to fetch dynamically imported module: app://liftoff/assets/MatrixView-x.js'), true],
    ['Safari', new TypeError('Importing a module script failed.'), true],
    ['Firefox', new TypeError('error loading dynamically imported module'), true],
    ['a bug in a screen', new TypeError("Cannot read properties of undefined (reading 'title')"), false],
  ])('recognizes %s', (_who, error, chunk) => {
    expect(isChunkLoadError(error)).toBe(chunk);
  });
});
