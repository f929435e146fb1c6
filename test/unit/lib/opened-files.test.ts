// The renderer's side of files opened from the system: renderer/lib/desktop.ts takes them from
// the desktop API one at a time, including those that were waiting before the page listened.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DesktopApi, OpenedFile } from '../../../electron/shared/ipc-contract';
import { onFilesOpenedBySystem } from '../../../renderer/lib/desktop';

function file(name: string): OpenedFile {
  return { status: 'opened', name, data: '{}' };
}

/** A window.desktop whose main process has `waiting` files queued. */
function fakeDesktop(waiting: OpenedFile[]) {
  const signals = new Set<() => void>();
  const take = vi.fn(async (_args: { maxBytes: number }) => waiting.shift() ?? null);
  const api = {
    takeOpenedFile: take,
    onOpenedFileWaiting: (callback: () => void) => {
      signals.add(callback);
      return () => signals.delete(callback);
    },
  } as unknown as DesktopApi;
  globalThis.desktop = api;
  return {
    take,
    signals,
    /** What main does when another file arrives. */
    arrive(f: OpenedFile) {
      waiting.push(f);
      for (const signal of signals) signal();
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  globalThis.desktop = undefined;
});

describe('onFilesOpenedBySystem', () => {
  it('does nothing in a browser', () => {
    const handle = vi.fn(async () => undefined);
    const stop = onFilesOpenedBySystem(100, handle);
    expect(handle).not.toHaveBeenCalled();
    stop();
  });

  it('takes the files that were waiting before the page listened, oldest first, with its limit', async () => {
    const desktop = fakeDesktop([file('a.liftoff.json'), file('b.liftoff.json')]);
    const handled: string[] = [];
    const stop = onFilesOpenedBySystem(1234, async (f) => {
      handled.push(f.name);
    });
    await vi.waitFor(() => expect(handled).toEqual(['a.liftoff.json', 'b.liftoff.json']));
    expect(desktop.take).toHaveBeenCalledWith({ maxBytes: 1234 });
    stop();
  });

  it('handles one file at a time: the next is taken only once the previous one is done', async () => {
    fakeDesktop([file('a.json'), file('b.json')]);
    let finishFirst!: () => void;
    const handle = vi.fn((f: OpenedFile) => (f.name === 'a.json' ? new Promise<void>((r) => (finishFirst = r)) : Promise.resolve()));
    const stop = onFilesOpenedBySystem(100, handle);
    await settle();
    expect(handle).toHaveBeenCalledTimes(1);
    finishFirst();
    await vi.waitFor(() => expect(handle).toHaveBeenCalledTimes(2));
    stop();
  });

  it('takes a file that arrives later, also while another is being handled', async () => {
    const desktop = fakeDesktop([file('first.json')]);
    let finishFirst!: () => void;
    const handled: string[] = [];
    const stop = onFilesOpenedBySystem(100, (f) => {
      handled.push(f.name);
      return f.name === 'first.json' ? new Promise<void>((r) => (finishFirst = r)) : Promise.resolve();
    });
    await settle();
    desktop.arrive(file('during.json'));
    finishFirst();
    await vi.waitFor(() => expect(handled).toEqual(['first.json', 'during.json']));
    desktop.arrive(file('later.json'));
    await vi.waitFor(() => expect(handled).toEqual(['first.json', 'during.json', 'later.json']));
    stop();
  });

  it('goes on with the next file when one fails', async () => {
    fakeDesktop([file('bad.json'), file('good.json')]);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const handled: string[] = [];
    const stop = onFilesOpenedBySystem(100, async (f) => {
      handled.push(f.name);
      if (f.name === 'bad.json') throw new Error('boom');
    });
    await vi.waitFor(() => expect(handled).toEqual(['bad.json', 'good.json']));
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
    stop();
  });

  it('stops listening and taking once unsubscribed', async () => {
    const desktop = fakeDesktop([]);
    const handle = vi.fn(async () => undefined);
    const stop = onFilesOpenedBySystem(100, handle);
    await settle();
    stop();
    expect(desktop.signals.size).toBe(0);
    desktop.arrive(file('ignored.json'));
    await settle();
    expect(handle).not.toHaveBeenCalled();
  });
});
