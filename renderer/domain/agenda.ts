// The workshop agenda and its clock: sessions with planned minutes, started, paused and
// extended by the facilitator. Time is derived from stored instants, so a reload or a crash
// never loses or resets the countdown.
import type { AgendaItem } from './model';
import type { Language } from './languages';
import { methodContent } from './method-library';

/** The standard sessions of a workshop day in `language` (assets/method/<language>/agenda.json). */
export function defaultAgenda(language: Language): readonly { key: string; title: string; minutes: number }[] {
  return methodContent(language).agenda.sessions;
}

/** The standard sessions in English (what workshops got before they had a language). */
export const DEFAULT_AGENDA: readonly { title: string; minutes: number }[] = defaultAgenda('en');

/** Seconds this session has run, including the current run if it is running. */
export function elapsedSeconds(item: AgendaItem, now: number): number {
  const running = item.state === 'running' && item.startedAt ? Math.max(0, Math.floor((now - Date.parse(item.startedAt)) / 1000)) : 0;
  return item.elapsedSeconds + running;
}

export function budgetSeconds(item: AgendaItem): number {
  return (item.plannedMinutes + item.extraMinutes) * 60;
}

/** Seconds left; negative once the session overruns. */
export function remainingSeconds(item: AgendaItem, now: number): number {
  return budgetSeconds(item) - elapsedSeconds(item, now);
}

/** The session shown on the presenter screen: the running or paused one, else the next pending one. */
export function currentSession(items: readonly AgendaItem[]): AgendaItem | null {
  const sorted = [...items].sort((a, b) => a.order - b.order);
  return sorted.find((i) => i.state === 'running') ?? sorted.find((i) => i.state === 'paused') ?? sorted.find((i) => i.state === 'pending') ?? null;
}

/** "12:05", "-1:30" (overrun), "1:02:00". */
export function formatCountdown(seconds: number): string {
  const sign = seconds < 0 ? '-' : '';
  const s = Math.abs(Math.trunc(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${sign}${h}:${String(m).padStart(2, '0')}:${sec}` : `${sign}${m}:${sec}`;
}

/** Seconds left of a round's timebox, or null when no timer runs. */
export function roundTimerRemaining(timeboxSeconds: number | null, timerStartedAt: string | null, now: number): number | null {
  if (!timeboxSeconds || !timerStartedAt) return null;
  return timeboxSeconds - Math.floor((now - Date.parse(timerStartedAt)) / 1000);
}
