import { describe, expect, it } from 'vitest';
import { createCoalescedWriter } from '../../../renderer/shared/coalesced-writer';

/** A write that takes until the test lets it finish, recording the value it stored. */
function slowStore() {
  const stored: string[] = [];
  const finishers: (() => void)[] = [];
  const write = (value: string) => () =>
    new Promise<void>((resolve) => {
      finishers.push(() => {
        stored.push(value);
        resolve();
      });
    });
  const finishNext = async () => {
    finishers.shift()?.();
    // Let the writer's promise callbacks run.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { stored, write, finishNext, waiting: () => finishers.length };
}

describe('writing a field faster than the disk', () => {
  it('writes the first keystroke at once and, while it is under way, only the newest value next', async () => {
    const store = slowStore();
    const writer = createCoalescedWriter();
    for (const value of ['M', 'Mü', 'Mül', 'Müll', 'Mülle', 'Müller']) writer.push(store.write(value));
    expect(store.waiting()).toBe(1);
    await store.finishNext();
    expect(store.stored).toEqual(['M']);
    expect(store.waiting()).toBe(1);
    await store.finishNext();
    expect(store.stored).toEqual(['M', 'Müller']);
    expect(writer.busy()).toBe(false);
    await writer.idle();
  });

  it('never keeps more than one write waiting, however many keystrokes arrive', async () => {
    const store = slowStore();
    const writer = createCoalescedWriter();
    let text = '';
    for (let i = 0; i < 150; i++) {
      text += 'x';
      writer.push(store.write(text));
      if (i % 10 === 9) await store.finishNext();
    }
    while (store.waiting() > 0) await store.finishNext();
    expect(store.stored.length).toBeLessThanOrEqual(17);
    expect(store.stored.at(-1)).toBe(text);
  });

  it('reports when it is busy and goes on after a failed write', async () => {
    const changes: boolean[] = [];
    const writer = createCoalescedWriter((busy) => changes.push(busy));
    const stored: string[] = [];
    writer.push(() => Promise.reject(new Error('disk full')));
    writer.push(async () => {
      stored.push('after');
    });
    await writer.idle();
    expect(stored).toEqual(['after']);
    expect(changes).toEqual([true, false]);
  });
});
