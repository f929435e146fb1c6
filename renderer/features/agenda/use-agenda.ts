import { useSyncExternalStore } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { repos } from '../../app/repos';
import type { AgendaItem } from '../../domain/model';

// One ticker for every clock on screen (the agenda list, the presenter band and its list), so
// they all read the same instant; it runs only while something shows a clock. It ticks several
// times a second because each countdown turns over at its own session's start instant, not at
// the wall clock's whole second.
let current = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function tick(): void {
  current = Date.now();
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    // Nothing was ticking: the stored instant is old. (React re-reads it after subscribing.)
    current = Date.now();
    timer = setInterval(tick, 250);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** The current time, shared by all clocks (at most a quarter of a second old). */
export function useClockNow(): number {
  return useSyncExternalStore(subscribe, () => current);
}

/**
 * A workshop's agenda and the time to read its clocks at. The countdowns are computed from the
 * stored instants (domain/agenda.ts) at `now`; nothing counts in memory, so a reload keeps them.
 */
export function useAgenda(workshopId: string): { items: AgendaItem[] | undefined; now: number } {
  const items = useLiveQuery(() => repos.agenda.list(workshopId), [workshopId]);
  const now = useClockNow();
  return { items, now };
}
