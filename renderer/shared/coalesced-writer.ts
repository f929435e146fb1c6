// Typing is faster than a durable write: at 35 ms a key, writing every keystroke one after another
// builds a queue that a reload throws away. A field's writer keeps at most one write under way and
// one waiting, and the waiting one is always the newest value: each keystroke replaces it. What is
// lost on a crash is then at most what was typed while the last write was under way, never a
// backlog. A field's writer writes one target (screens key their editors by row, so another row
// gets another field and another writer).

export type CoalescedWriter = {
  /** Writes now, or, while a write is under way, makes this the one written next. */
  push(write: () => Promise<unknown>): void;
  /** True while a write is under way or waiting. */
  busy(): boolean;
  /** Resolves once nothing is under way or waiting. */
  idle(): Promise<void>;
};

export function createCoalescedWriter(onBusyChange?: (busy: boolean) => void): CoalescedWriter {
  let running = false;
  let waiting: (() => Promise<unknown>) | null = null;
  let idleWaiters: (() => void)[] = [];

  const run = (write: () => Promise<unknown>) => {
    running = true;
    // A failed write is reported by the write itself (persist.save shows it); the next one still runs.
    void write()
      .catch(() => undefined)
      .finally(() => {
        const next = waiting;
        waiting = null;
        if (next) return run(next);
        running = false;
        onBusyChange?.(false);
        const waiters = idleWaiters;
        idleWaiters = [];
        for (const resolve of waiters) resolve();
      });
  };

  return {
    push(write) {
      if (running) {
        waiting = write;
        return;
      }
      onBusyChange?.(true);
      run(write);
    },
    busy: () => running,
    idle: () => (running ? new Promise<void>((resolve) => idleWaiters.push(resolve)) : Promise.resolve()),
  };
}
