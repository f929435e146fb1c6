// The roadmap's calendar: day numbers against real dates (day 1 = the roadmap start date), and the
// governance cadence expanded into dated meetings over the plan. Local dates, like dates.ts: a
// plan day is a day in the client's diary, not an instant.
import type { CadenceEvent } from './model';
import { parseIsoDate, toIsoDate } from './dates';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** The calendar date of a plan day, `YYYY-MM-DD`; '' when the start date is not set or not a date. */
export function dayToIso(startDate: string, day: number): string {
  const d = parseIsoDate(startDate);
  if (!d) return '';
  d.setDate(d.getDate() + day - 1);
  return toIsoDate(d);
}

/** The plan day of a calendar date (day 1 = the start date; days before it are 0 or negative). */
export function isoToDay(startDate: string, date: string): number | null {
  const s = parseIsoDate(startDate);
  const d = parseIsoDate(date);
  if (!s || !d) return null;
  // Rounded: a daylight-saving change makes one day 23 or 25 hours long.
  return Math.round((d.getTime() - s.getTime()) / 86_400_000) + 1;
}

/** "Mon 7 Dec 2026" (English, fixed: the plan reads the same on every machine and in the PDF). */
export function formatPlanDate(iso: string, opts: { weekday?: boolean; year?: boolean } = {}): string {
  const d = parseIsoDate(iso);
  if (!d) return '';
  const parts = [`${d.getDate()} ${MONTHS[d.getMonth()]}`];
  if (opts.year !== false) parts.push(String(d.getFullYear()));
  const text = parts.join(' ');
  return opts.weekday ? `${WEEKDAYS[d.getDay()]} ${text}` : text;
}

export function formatMonth(iso: string): string {
  const d = parseIsoDate(iso);
  return d ? `${MONTHS_LONG[d.getMonth()]} ${d.getFullYear()}` : '';
}

/** "Day 21–50" or "Day 50" for a milestone. */
export function formatDayRange(startDay: number, endDay: number): string {
  return startDay === endDay ? `Day ${startDay}` : `Day ${startDay}–${endDay}`;
}

/** A gate milestone, as the governance row needs it: stage-gate sessions sit on these days. */
export type GateMark = { day: number; label: string; useCaseTitle: string };

/** One dated meeting of the governance cadence on the plan. */
export type GovernanceEvent = {
  /** Stable across renders: `<cadence id>:<day>`. */
  id: string;
  cadenceId: string;
  kind: CadenceEvent['kind'];
  title: string;
  day: number;
  date: string;
  time: string;
  durationMinutes: number;
  /** What this occurrence is about; for a stage-gate session, the gates it reviews. */
  detail: string;
};

function weekdayOfDay(startDate: Date, day: number): number {
  const d = new Date(startDate);
  d.setDate(d.getDate() + day - 1);
  return d.getDay();
}

/** The day of the `n`th `weekday` of a month (n = 5: the last one). */
function nthWeekday(year: number, month: number, weekday: number, n: number): Date {
  if (n >= 5) {
    const last = new Date(year, month + 1, 0);
    last.setDate(last.getDate() - ((last.getDay() - weekday + 7) % 7));
    return last;
  }
  const first = new Date(year, month, 1);
  first.setDate(1 + ((weekday - first.getDay() + 7) % 7) + (n - 1) * 7);
  return first;
}

/**
 * The cadence rule for stage-gate sessions: a gate is decided at the first session on or after
 * its day, on the cadence's weekday (a gate on a Saturday with sessions on Thursdays is decided
 * the Thursday after). A session never falls on a weekend: if the cadence names Saturday or
 * Sunday, the gate goes to the first working day (Monday–Friday) on or after it. `gateDate` and
 * the result are `YYYY-MM-DD`; '' for a date that is not one.
 */
export function gateSessionDate(gateDate: string, weekday: number): string {
  const d = parseIsoDate(gateDate);
  if (!d) return '';
  const working = weekday >= 1 && weekday <= 5;
  for (let i = 0; i < 7; i++) {
    const wd = d.getDay();
    if (working ? wd === weekday : wd >= 1 && wd <= 5) return toIsoDate(d);
    d.setDate(d.getDate() + 1);
  }
  return toIsoDate(d);
}

/** The plan day of the stage-gate session for a gate on plan day `gateDay` (see gateSessionDate). */
export function gateSessionDay(startDate: string, gateDay: number, weekday: number): number {
  const date = gateSessionDate(dayToIso(startDate, gateDay), weekday);
  return date ? (isoToDay(startDate, date) as number) : gateDay;
}

/**
 * The cadence meetings as dated events over plan days `1..lastDay`: weekly on the weekday, every
 * other week from the first such weekday, monthly on the nth weekday of each month (5 = the last),
 * and stage-gate sessions by the cadence rule (gateSessionDate): one session per session day,
 * reviewing every gate that falls to it. A gate in the plan always gets its session, even one a
 * few days after `lastDay`.
 */
export function expandCadence(cadence: readonly CadenceEvent[], startDate: string, lastDay: number, gates: readonly GateMark[]): GovernanceEvent[] {
  const start = parseIsoDate(startDate);
  if (!start || lastDay < 1) return [];
  const out: GovernanceEvent[] = [];
  for (const c of cadence) {
    const event = (day: number, detail: string): GovernanceEvent => ({
      id: `${c.id}:${day}`,
      cadenceId: c.id,
      kind: c.kind,
      title: c.title,
      day,
      date: dayToIso(startDate, day),
      time: c.time,
      durationMinutes: c.durationMinutes,
      detail,
    });
    if (c.frequency === 'weekly' || c.frequency === 'fortnightly') {
      const first = 1 + ((c.weekday - weekdayOfDay(start, 1) + 7) % 7);
      const step = c.frequency === 'weekly' ? 7 : 14;
      for (let day = first; day <= lastDay; day += step) out.push(event(day, ''));
    } else if (c.frequency === 'monthly') {
      const end = new Date(start);
      end.setDate(end.getDate() + lastDay - 1);
      const months = (end.getFullYear() - start.getFullYear()) * 12 + end.getMonth() - start.getMonth();
      for (let i = 0; i <= months; i++) {
        const y = start.getFullYear() + Math.floor((start.getMonth() + i) / 12);
        const m = (start.getMonth() + i) % 12;
        const day = isoToDay(startDate, toIsoDate(nthWeekday(y, m, c.weekday, c.weekOfMonth))) as number;
        if (day >= 1 && day <= lastDay) out.push(event(day, ''));
      }
    } else {
      const byDay = new Map<number, GateMark[]>();
      for (const g of gates) {
        if (g.day < 1 || g.day > lastDay) continue;
        const day = gateSessionDay(startDate, g.day, c.weekday);
        byDay.set(day, [...(byDay.get(day) ?? []), g]);
      }
      for (const [day, marks] of [...byDay.entries()].sort((a, b) => a[0] - b[0])) {
        out.push(event(day, marks.map((g) => `${g.useCaseTitle}: ${g.label}`).join('; ')));
      }
    }
  }
  return out.sort((a, b) => a.day - b.day || a.time.localeCompare(b.time) || a.cadenceId.localeCompare(b.cadenceId));
}
