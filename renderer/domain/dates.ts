// Calendar dates as `YYYY-MM-DD` strings in local time: a workshop date is a day, not an instant.
import { msg, type Message } from './message';

export function todayIso(now: Date = new Date()): string {
  return toIsoDate(now);
}

export function toIsoDate(d: Date): string {
  const y = d.getFullYear();
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

export function parseIsoDate(s: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return toIsoDate(d) === s ? d : null;
}

/** The Monday after the workshop: the roadmap's day 1 unless the facilitator says otherwise. */
export function defaultRoadmapStart(workshopDate: string): string {
  const d = parseIsoDate(workshopDate);
  if (!d) return '';
  const daysToMonday = ((8 - d.getDay()) % 7) || 7;
  d.setDate(d.getDate() + daysToMonday);
  return toIsoDate(d);
}

/** A date as typed: the ISO date ('' to clear), or why not, in English and as a catalog message. */
export type TypedDateParse = { ok: true; iso: string } | { ok: false; message: string; text: Message };

/**
 * A date as people type it. `2026-03-01` is stored as is; `1.3.2026` and `01.03.2026` are read day
 * first (as written in most of Europe); a date with slashes is accepted only when it cannot be
 * misread (`13/3/2026` or `3/13/2026`), since `3/1/2026` is 1 March in the US and 3 January almost
 * everywhere else. Empty clears the date. A refusal says why in the reader's language too.
 */
export function parseTypedDate(text: string): TypedDateParse {
  const t = text.trim();
  if (t === '') return { ok: true, iso: '' };
  const example = 'Type the date as YYYY-MM-DD, e.g. 2026-03-01.';
  const notInCalendar = { ok: false as const, message: `${t} is not a day in the calendar. ${example}`, text: msg('dates.error.notInCalendar', { text: t }) };
  if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(t)) {
    const [y, m, d] = t.split('-').map(Number) as [number, number, number];
    return calendarDate(y, m, d, notInCalendar);
  }
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  if (dotted) {
    return calendarDate(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]), {
      ok: false,
      message: `${t} is not a day in the calendar (read as day.month.year). ${example}`,
      text: msg('dates.error.notInCalendarDotted', { text: t }),
    });
  }
  const slashed = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (slashed) {
    const a = Number(slashed[1]);
    const b = Number(slashed[2]);
    const y = Number(slashed[3]);
    if (a > 12 && b <= 12) return calendarDate(y, b, a, notInCalendar);
    if (b > 12 && a <= 12) return calendarDate(y, a, b, notInCalendar);
    if (a <= 12 && b <= 12) return { ok: false, message: `${t} could be day/month or month/day. ${example}`, text: msg('dates.error.ambiguous', { text: t }) };
  }
  return { ok: false, message: `“${t.slice(0, 20)}” is not a date. ${example}`, text: msg('dates.error.notADate', { text: t.slice(0, 20) }) };
}

function calendarDate(y: number, m: number, d: number, refusal: TypedDateParse & { ok: false }): TypedDateParse {
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return parseIsoDate(iso) ? { ok: true, iso } : refusal;
}
