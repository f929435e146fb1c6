// The governance cadence as an iCalendar file (RFC 5545) the client can import into any calendar:
// each weekly, fortnightly or monthly meeting is one event with a recurrence rule over the
// roadmap (day 1 = the workshop's roadmap start date, to the plan's last day, 120 days at least);
// stage-gate sessions are single events, each on the first cadence weekday on or after its gates
// (the cadence rule in roadmap-calendar.ts), never on a weekend.
//
// Times carry the workshop's time zone (TZID, with a VTIMEZONE built from the zone's own offset
// changes over the plan's years), so "09:30" is 09:30 in Berlin for an attendee in London too; with
// no zone given they are floating local times. Meetings without an agreed time are all-day events.
// Past events are left out when `from` is given: a recurring meeting starts at its first
// occurrence on or after that day, a past gate session is dropped.
// Lines end in CRLF and are folded at 75 octets (never inside a UTF-8 character); text values
// escape backslash, semicolon, comma and line breaks. UIDs are stable, so importing a newer file
// updates the same events instead of duplicating them.
//
// The words (calendar name, how often a meeting recurs, "Attendees", "Gates to decide") are in the
// workshop's language (renderer/i18n/catalogs/export/); titles and attendees are the workshop's data.
import type { CadenceEvent, RoadmapItem, UseCase, Workshop } from './model';
import { parseIsoDate, toIsoDate } from './dates';
import { gateSessionDate } from './roadmap-calendar';
import type { Language } from './languages';
import { exportTranslator, type ExportTranslator } from '../i18n/export-catalog';

export const ICS_EOL = '\r\n';
export const ICS_MAX_OCTETS = 75;
export const DEFAULT_PLAN_DAYS = 120;

const BYDAY = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

function utf8Length(ch: string): number {
  const cp = ch.codePointAt(0) as number;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/**
 * Folds one content line (RFC 5545 §3.1): at most 75 octets per physical line, continuation
 * lines start with one space, and a multi-byte character is never split.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const n = utf8Length(ch);
    if (octets + n > ICS_MAX_OCTETS) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += n;
  }
  out.push(current);
  return out.join(ICS_EOL);
}

function compactDate(iso: string): string {
  return iso.replace(/-/g, '');
}

function addDays(iso: string, days: number): string {
  const d = parseIsoDate(iso) as Date;
  d.setDate(d.getDate() + days);
  return toIsoDate(d);
}

function utcStamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** The first date on or after `from` that falls on `weekday` (0 = Sunday). */
function firstWeekday(from: string, weekday: number): string {
  const d = parseIsoDate(from) as Date;
  d.setDate(d.getDate() + ((weekday - d.getDay() + 7) % 7));
  return toIsoDate(d);
}

/** The `n`th `weekday` of a month (n = 5: the last one). */
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

/** The first monthly occurrence on or after `from`. */
function firstMonthly(from: string, weekday: number, n: number): string {
  const start = parseIsoDate(from) as Date;
  for (let i = 0; i < 3; i++) {
    const d = nthWeekday(start.getFullYear(), start.getMonth() + i, weekday, n);
    if (toIsoDate(d) >= from) return toIsoDate(d);
  }
  return from;
}

/** A gate day of the roadmap: its date, the gates on it ("Claims triage: Gate decision") and their roadmap item ids. */
export type GateSession = { date: string; gates: string[]; ids: string[] };

/** Gate milestones of the roadmap grouped by day; buildCalendar moves each to its session by the cadence rule. */
export function gateSessions(startDate: string, items: readonly RoadmapItem[], useCases: readonly Pick<UseCase, 'id' | 'title'>[], lastDay: number): GateSession[] {
  if (!parseIsoDate(startDate)) return [];
  const titles = new Map(useCases.map((u) => [u.id, u.title]));
  const byDay = new Map<number, { gates: string[]; ids: string[] }>();
  for (const i of items) {
    if (i.kind !== 'gate' || i.startDay < 1 || i.startDay > lastDay) continue;
    const title = i.useCaseId ? (titles.get(i.useCaseId) ?? '') : '';
    const entry = byDay.get(i.startDay) ?? { gates: [], ids: [] };
    entry.gates.push(title ? `${title}: ${i.label}` : i.label);
    entry.ids.push(i.id);
    byDay.set(i.startDay, entry);
  }
  return [...byDay.entries()].sort((a, b) => a[0] - b[0]).map(([day, g]) => ({ date: addDays(startDate, day - 1), gates: g.gates, ids: g.ids }));
}

/** The sessions one "at each gate" meeting holds: gate days moved to their session day and merged. */
export function sessionsFor(weekday: number, gates: readonly GateSession[]): GateSession[] {
  const byDate = new Map<string, GateSession>();
  for (const g of gates) {
    const date = gateSessionDate(g.date, weekday);
    const s = byDate.get(date) ?? { date, gates: [], ids: [] };
    s.gates.push(...g.gates);
    s.ids.push(...g.ids);
    byDate.set(date, s);
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

export type CalendarInput = {
  /** `language`: the words of the file (English when absent). */
  workshop: Pick<Workshop, 'id' | 'name' | 'client' | 'roadmapStartDate'> & { language?: Language };
  cadence: readonly CadenceEvent[];
  /** Stage-gate sessions; used by meetings whose frequency is "at each gate". */
  gates: readonly GateSession[];
  /** The plan's last day (day 1 = the start date); 120 at least. */
  lastDay?: number;
  /** DTSTAMP: when the file was made. */
  now: Date;
  /** IANA time zone of the workshop ("Europe/Berlin"); floating local times when absent or unknown. */
  timeZone?: string;
  /** `YYYY-MM-DD`: leave out what happens before this day (the default export passes today). */
  from?: string;
};

function validZone(tz: string | undefined): string | null {
  if (!tz) return null;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return tz;
  } catch {
    return null;
  }
}

/** The zone's offset from UTC in minutes at an instant. */
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

export function zoneOffset(tz: string, utcMs: number): number {
  let f = offsetFormats.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' });
    offsetFormats.set(tz, f);
  }
  const parts = f.formatToParts(new Date(utcMs));
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

function utcUntil(date: string, tz: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const localAsUtc = Date.UTC(y, m - 1, d, 23, 59, 59);
  const utc = localAsUtc - zoneOffset(tz, localAsUtc) * 60_000;
  return `${new Date(utc).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `${sign}${String(Math.floor(a / 60)).padStart(2, '0')}${String(a % 60).padStart(2, '0')}`;
}

function localStamp(utcMs: number, offset: number): string {
  return new Date(utcMs + offset * 60_000).toISOString().slice(0, 19).replace(/[-:]/g, '');
}

/**
 * A VTIMEZONE for `tz` over the given years: the offset in force at the start, then one STANDARD
 * or DAYLIGHT observance per offset change the zone has in those years (found from the platform's
 * own time-zone data, to the minute), so any calendar reads the times as the zone does.
 */
export function vtimezone(tz: string, fromYear: number, toYear: number): string[] {
  const start = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(toYear + 1, 0, 1);
  const first = zoneOffset(tz, start);
  const changes: { at: number; from: number; to: number }[] = [];
  let prev = first;
  for (let t = start + 86_400_000; t <= end; t += 86_400_000) {
    const o = zoneOffset(tz, t);
    if (o === prev) continue;
    let lo = t - 86_400_000;
    let hi = t;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 2 / 60_000) * 60_000;
      if (mid === lo) break;
      if (zoneOffset(tz, mid) === prev) lo = mid;
      else hi = mid;
    }
    changes.push({ at: hi, from: prev, to: o });
    prev = o;
  }
  const standard = Math.min(first, ...changes.map((c) => c.to));
  const out = ['BEGIN:VTIMEZONE', property('TZID', tz)];
  const observance = (kind: 'STANDARD' | 'DAYLIGHT', dtstart: string, from: number, to: number) =>
    out.push(`BEGIN:${kind}`, `DTSTART:${dtstart}`, `TZOFFSETFROM:${offsetText(from)}`, `TZOFFSETTO:${offsetText(to)}`, `END:${kind}`);
  observance(first > standard ? 'DAYLIGHT' : 'STANDARD', '19700101T000000', first, first);
  for (const c of changes) observance(c.to > standard ? 'DAYLIGHT' : 'STANDARD', localStamp(c.at, c.from), c.from, c.to);
  out.push('END:VTIMEZONE');
  return out;
}

function property(name: string, value: string): string {
  return foldLine(`${name}:${value}`);
}

function timeOf(time: string): string {
  return `${time.replace(':', '')}00`;
}

function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `PT${h ? `${h}H` : ''}${m || !h ? `${m}M` : ''}`;
}

const weekdayNames = new Map<Language, string[]>();
/** "Monday", "Montag", "lundi": Intl's names, so the calendar speaks as the reader's system does. */
function weekdayName(language: Language, weekday: number): string {
  let names = weekdayNames.get(language);
  if (!names) {
    const format = new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' });
    // 1 January 2023 was a Sunday: weekday 0.
    names = Array.from({ length: 7 }, (_, i) => format.format(Date.UTC(2023, 0, 1 + i)));
    weekdayNames.set(language, names);
  }
  return names[weekday] ?? '?';
}

/** cadenceSummary (governance.ts) in the file's language: "Jeden Montag um 09:30, 45 Min.". */
export function cadenceSummaryIn(c: Pick<CadenceEvent, 'frequency' | 'weekday' | 'weekOfMonth' | 'time' | 'durationMinutes'>, language: Language): string {
  const { t } = exportTranslator(language);
  const day = weekdayName(language, c.weekday);
  const when =
    c.frequency === 'weekly'
      ? t('export.ics.weekly', { day })
      : c.frequency === 'fortnightly'
        ? t('export.ics.fortnightly', { day })
        : c.frequency === 'monthly'
          ? t('export.ics.monthly', { n: String(Math.min(5, Math.max(1, c.weekOfMonth))), day })
          : c.weekday === 0 || c.weekday === 6
            ? t('export.ics.atGatesWorkingDay')
            : t('export.ics.atGates', { day });
  return `${when}${c.time ? t('export.ics.at', { time: c.time }) : ''}${t('export.ics.length', { minutes: c.durationMinutes })}`;
}

function contextLine(t: ExportTranslator['t'], workshop: Pick<Workshop, 'name' | 'client'>): string {
  return workshop.client ? t('export.ics.contextClient', { name: workshop.name, client: workshop.client }) : t('export.ics.context', { name: workshop.name });
}

export function buildCalendar(input: CalendarInput): string {
  const { workshop } = input;
  const language = workshop.language ?? 'en';
  const { t } = exportTranslator(language);
  const start = workshop.roadmapStartDate;
  const lastDay = Math.max(DEFAULT_PLAN_DAYS, input.lastDay ?? DEFAULT_PLAN_DAYS);
  const stamp = utcStamp(input.now);
  const tz = validZone(input.timeZone);
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Liftoff//Governance cadence//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    property('X-WR-CALNAME', escapeText(t('export.ics.calendarName', { name: workshop.name }))),
  ];
  if (tz && parseIsoDate(start)) {
    lines.push(property('X-WR-TIMEZONE', tz));
    const y0 = (parseIsoDate(start) as Date).getFullYear();
    lines.push(...vtimezone(tz, y0, (parseIsoDate(addDays(start, lastDay + 7)) as Date).getFullYear()));
  }
  const from = input.from && parseIsoDate(input.from) ? input.from : '';
  const context = contextLine(t, workshop);

  if (parseIsoDate(start)) {
    const endDate = addDays(start, lastDay - 1);
    for (const c of input.cadence) {
      const about = [
        t(`export.ics.kind.${c.kind}`),
        cadenceSummaryIn(c, language),
        c.attendees.trim() ? t('export.ics.attendees', { list: c.attendees.trim() }) : '',
        context,
      ]
        .filter(Boolean)
        .join('\n');
      if (c.frequency === 'at-gates') {
        for (const g of sessionsFor(c.weekday, input.gates.filter((x) => x.date >= start && x.date <= endDate))) {
          if (from && g.date < from) continue;
          lines.push(
            ...event({
              // Named after the gates it decides, not its date: a re-planned gate moves its event.
              uid: `gate-${c.id}-${[...g.ids].sort()[0] ?? compactDate(g.date)}@${workshop.id}.liftoff`,
              stamp,
              date: g.date,
              time: c.time,
              minutes: c.durationMinutes,
              summary: t('export.ics.sessionTitle', { title: c.title, what: g.gates.length === 1 ? g.gates[0] : t('export.ics.gateCount', { count: g.gates.length }) }),
              description: `${t('export.ics.gatesToDecide')}\n${g.gates.map((x) => `- ${x}`).join('\n')}\n\n${about}`,
              rule: null,
              tz,
            }),
          );
        }
        continue;
      }
      // Future only: the series starts at its first occurrence on or after `from` (a fortnightly
      // one keeps its rhythm by stepping from its original first day).
      const begin = from && from > start ? from : start;
      let first = c.frequency === 'monthly' ? firstMonthly(begin, c.weekday, c.weekOfMonth) : firstWeekday(start, c.weekday);
      if (c.frequency !== 'monthly') while (first < begin) first = addDays(first, c.frequency === 'fortnightly' ? 14 : 7);
      if (first > endDate) continue;
      const byDay = c.frequency === 'monthly' ? `${c.weekOfMonth >= 5 ? -1 : c.weekOfMonth}${BYDAY[c.weekday]}` : BYDAY[c.weekday];
      // With a TZID the rule's UNTIL must be UTC (RFC 5545 §3.3.10): the plan's last day at 23:59:59 there.
      const until = !c.time ? compactDate(endDate) : tz ? utcUntil(endDate, tz) : `${compactDate(endDate)}T235959`;
      const freq = c.frequency === 'monthly' ? 'FREQ=MONTHLY' : c.frequency === 'fortnightly' ? 'FREQ=WEEKLY;INTERVAL=2' : 'FREQ=WEEKLY';
      lines.push(
        ...event({
          uid: `cadence-${c.id}@${workshop.id}.liftoff`,
          stamp,
          date: first,
          time: c.time,
          minutes: c.durationMinutes,
          summary: c.title,
          description: about,
          rule: `${freq};BYDAY=${byDay};UNTIL=${until}`,
          tz,
        }),
      );
    }
  }
  lines.push('END:VCALENDAR');
  return lines.join(ICS_EOL) + ICS_EOL;
}

function event(e: { uid: string; stamp: string; date: string; time: string; minutes: number; summary: string; description: string; rule: string | null; tz: string | null }): string[] {
  const out = ['BEGIN:VEVENT', property('UID', e.uid), `DTSTAMP:${e.stamp}`];
  if (e.time) {
    out.push(property(e.tz ? `DTSTART;TZID=${e.tz}` : 'DTSTART', `${compactDate(e.date)}T${timeOf(e.time)}`), `DURATION:${duration(e.minutes)}`);
  } else {
    out.push(`DTSTART;VALUE=DATE:${compactDate(e.date)}`, 'DURATION:P1D');
  }
  if (e.rule) out.push(property('RRULE', e.rule));
  out.push(property('SUMMARY', escapeText(e.summary)), property('DESCRIPTION', escapeText(e.description)), 'TRANSP:OPAQUE', 'END:VEVENT');
  return out;
}
