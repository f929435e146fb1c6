import { useSyncExternalStore } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { repos } from '../../app/repos';
import type { AgendaItem } from '../../domain/model';

// One ticker for every clock on screen (the agenda list, the presenter band and its list), so
// they all show the same second; it runs only while something shows a clock.
let current = wholeSecond(Date.now());
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function wholeSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

function tick(): void {
  const next = wholeSecond(Date.now());
  if (next === current) return;
  current = next;
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  tick();
  // Checked several times a second so the digits change close to the real second boundary.
  timer ??= setInterval(tick, 200);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** The current time, whole seconds, shared by all clocks. */
export function useSecondClock(): number {
  return useSyncExternalStore(subscribe, () => current);
}

/**
 * A workshop's agenda and the time to read its clocks at. The countdowns are computed from the
 * stored instants (domain/agenda.ts) at `now`; nothing counts in memory, so a reload keeps them.
 */
export function useAgenda(workshopId: string): { items: AgendaItem[] | undefined; now: number } {
  const items = useLiveQuery(() => repos.agenda.list(workshopId), [workshopId]);
  const now = useSecondClock();
  return { items, now };
}
