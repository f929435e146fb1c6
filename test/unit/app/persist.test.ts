import { beforeEach, describe, expect, it } from 'vitest';
import { save } from '../../../renderer/app/persist';
import { useAppStore } from '../../../renderer/app/store';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

beforeEach(() => {
  useAppStore.setState({ pendingWrites: 0, saveStatus: 'idle', saveError: null, lastSavedAt: null, toasts: [] });
});

describe('the saved state', () => {
  it('says Saving until the write has completed, and Saved only after', async () => {
    const write = deferred<string>();
    const done = save(() => write.promise);
    expect(useAppStore.getState().saveStatus).toBe('saving');
    write.resolve('ok');
    expect(await done).toBe('ok');
    expect(useAppStore.getState().saveStatus).toBe('saved');
  });

  it('stays at Saving while any of several writes is still under way', async () => {
    const a = deferred<void>();
    const b = deferred<void>();
    const pa = save(() => a.promise);
    const pb = save(() => b.promise);
    a.resolve();
    await pa;
    expect(useAppStore.getState().saveStatus).toBe('saving');
    b.resolve();
    await pb;
    expect(useAppStore.getState().saveStatus).toBe('saved');
  });

  it('says Not saved, with the reason, when a write fails', async () => {
    const result = await save(() => Promise.reject(new Error('disk on fire')));
    expect(result).toBeUndefined();
    const s = useAppStore.getState();
    expect(s.saveStatus).toBe('error');
    expect(s.saveError).toBe('disk on fire');
    expect(s.toasts.at(-1)?.message).toBe('Not saved: disk on fire');
  });

  it('explains a full disk in words', async () => {
    const quota = new Error('The quota has been exceeded.');
    quota.name = 'QuotaExceededError';
    await save(() => Promise.reject(quota));
    expect(useAppStore.getState().saveError).toMatch(/disk is full/);
  });

  it('shows one message for a full disk however many keystrokes it refuses', async () => {
    const quota = new Error('The quota has been exceeded.');
    quota.name = 'QuotaExceededError';
    for (let i = 0; i < 7; i++) await save(() => Promise.reject(quota));
    const { toasts } = useAppStore.getState();
    expect(toasts.filter((t) => /disk is full/.test(t.message))).toHaveLength(1);
    // A different problem is still shown beside it, and toasts with an action (Undo) are never merged.
    await save(() => Promise.reject(new Error('disk on fire')));
    useAppStore.getState().showToast({ tone: 'info', message: 'Deleted', action: { label: 'Undo', run: () => {} } });
    useAppStore.getState().showToast({ tone: 'info', message: 'Deleted', action: { label: 'Undo', run: () => {} } });
    expect(useAppStore.getState().toasts.map((t) => t.message)).toEqual([
      expect.stringMatching(/disk is full/),
      'Not saved: disk on fire',
      'Deleted',
      'Deleted',
    ]);
  });
});
