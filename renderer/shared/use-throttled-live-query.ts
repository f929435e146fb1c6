// A live query that re-reads at most once per `gapMs`. Dexie's own live queries re-run after every
// stored change; for a read model that reads every score of the workshop, a room of 200 phones
// (a stored batch every few tens of milliseconds) then kept the page reading and drawing all the
// time, and each re-read held up the next batch's write. Here a change re-reads at once when the
// last read is older than `gapMs`, else once when the gap has passed: a single edit shows at once,
// a burst shows a few times a second and its last state always.
import { useEffect, useState } from 'react';
import { onTablesChanged } from '../db/changes';

export type ThrottledSource<T> = {
  dbName: string;
  tables: readonly string[];
  gapMs: number;
  /**
   * Combines the last result with a new one (e.g. keeps unchanged rows' objects, shared/share-rows.ts),
   * so memoised parts of a screen skip what did not change.
   */
  share?: (previous: T, next: T) => T;
};

/**
 * `query`'s result, read again after changes to `source.tables`, at most once per `source.gapMs`.
 * `key` names what is read (a workshop id): a new key reads afresh and never shows the old key's result.
 */
export function useThrottledLiveQuery<T>(query: () => Promise<T>, key: string, source: ThrottledSource<T>): T | undefined {
  const [state, setState] = useState<{ key: string; value: T } | { key: string; error: unknown } | undefined>(undefined);
  const { dbName, tables, gapMs, share } = source;
  const tableList = tables.join(',');
  useEffect(() => {
    let cancelled = false;
    let running = false;
    let dirty = false;
    let last = -Infinity;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const run = async () => {
      running = true;
      dirty = false;
      last = performance.now();
      try {
        const value = await query();
        if (!cancelled)
          setState((previous) => ({ key, value: share && previous?.key === key && 'value' in previous ? share(previous.value, value) : value }));
      } catch (error) {
        if (!cancelled) setState({ key, error });
      } finally {
        running = false;
        if (dirty) schedule();
      }
    };
    const schedule = () => {
      if (cancelled || timer) return;
      if (running) {
        dirty = true;
        return;
      }
      const wait = last + gapMs - performance.now();
      if (wait <= 0) void run();
      else
        timer = setTimeout(() => {
          timer = null;
          void run();
        }, wait);
    };
    const off = onTablesChanged(dbName, tableList.split(','), schedule);
    void run();
    return () => {
      cancelled = true;
      off();
      if (timer) clearTimeout(timer);
    };
    // The query and share functions are re-created each render; `key` says when they read something else.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, dbName, tableList, gapMs]);
  if (!state || state.key !== key) return undefined;
  if ('error' in state) throw state.error;
  return state.value;
}
