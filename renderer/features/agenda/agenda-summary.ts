// Pure readings of the agenda for the screens: what a session's clock says, and how the whole plan
// compares with a workshop day. Built only on the domain's clock functions (domain/agenda.ts), so
// every number is derived from stored instants and survives a reload.
import type { AgendaItem } from '../../domain/model';
import { elapsedSeconds, formatCountdown, remainingSeconds } from '../../domain/agenda';

/**
 * The workshops this app is for run one working day; the plan is compared with 8 hours, breaks
 * included. (The workshop record has a date but no start and end time to compare with.)
 */
export const WORKSHOP_DAY_MINUTES = 8 * 60;

export const AGENDA_STATE_LABELS: Record<AgendaItem['state'], string> = {
  pending: 'Pending',
  running: 'Running',
  paused: 'Paused',
  done: 'Done',
};

/** Minutes the session may take now: planned plus any "+5 min" given while it ran. */
export function sessionMinutes(item: AgendaItem): number {
  return item.plannedMinutes + item.extraMinutes;
}

export type ClockReading = {
  /** "12:05": always positive, the word after it says which way. */
  digits: string;
  over: boolean;
  /** "12:05 left" or "3:20 over". */
  text: string;
};

export function clockReading(item: AgendaItem, now: number): ClockReading {
  const remaining = remainingSeconds(item, now);
  const over = remaining < 0;
  const digits = formatCountdown(Math.abs(remaining));
  return { digits, over, text: `${digits} ${over ? 'over' : 'left'}` };
}

export type AgendaTotals = {
  plannedMinutes: number;
  usedSeconds: number;
  /** Time the sessions not yet done still need (an overrunning session needs none). */
  toRunSeconds: number;
  doneCount: number;
};

export function agendaTotals(items: readonly AgendaItem[], now: number): AgendaTotals {
  let plannedMinutes = 0;
  let usedSeconds = 0;
  let toRunSeconds = 0;
  let doneCount = 0;
  for (const item of items) {
    plannedMinutes += sessionMinutes(item);
    usedSeconds += elapsedSeconds(item, now);
    if (item.state === 'done') doneCount += 1;
    else toRunSeconds += Math.max(0, remainingSeconds(item, now));
  }
  return { plannedMinutes, usedSeconds, toRunSeconds, doneCount };
}

/** "45 min", "2 h", "4 h 15 min". */
export function formatMinutes(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (h === 0) return `${rest} min`;
  return rest === 0 ? `${h} h` : `${h} h ${rest} min`;
}

/** How the planned total sits against the workshop day, in words. */
export function dayFit(plannedMinutes: number, dayMinutes: number = WORKSHOP_DAY_MINUTES): { over: boolean; text: string } {
  const diff = dayMinutes - plannedMinutes;
  if (diff === 0) return { over: false, text: 'fills the day exactly' };
  return diff > 0 ? { over: false, text: `${formatMinutes(diff)} to spare` } : { over: true, text: `${formatMinutes(-diff)} longer than the day` };
}
