import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, foldLine, gateSessions } from '../../../renderer/domain/ics';
import type { CadenceEvent, RoadmapItem } from '../../../renderer/domain/model';

const T = '2026-11-23T09:00:00.000Z';
const owned = (id: string) => ({ id, workshopId: 'w1', createdAt: T, updatedAt: T });

function meeting(over: Partial<CadenceEvent>): CadenceEvent {
  return {
    ...owned('c1'),
    order: 1,
    kind: 'weekly-execution-review',
    title: 'Weekly execution review',
    frequency: 'weekly',
    weekday: 1,
    weekOfMonth: 1,
    time: '09:30',
    durationMinutes: 45,
    attendees: 'Product owner, AI technical lead',
    ...over,
  };
}

const workshop = { id: 'w1', name: 'Claims AI day', client: 'Northwind Mutual', roadmapStartDate: '2026-11-30' };
const now = new Date('2026-11-23T18:00:00.000Z');

/** Unfolds continuation lines and splits into content lines. */
function contentLines(ics: string): string[] {
  return ics.replace(/\r\n /g, '').split('\r\n').filter(Boolean);
}

function events(ics: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of contentLines(ics)) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) {
      out.push(current);
      current = null;
    } else if (current) {
      const i = line.indexOf(':');
      current[line.slice(0, i)] = line.slice(i + 1);
    }
  }
  return out;
}

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and line breaks', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });
});

describe('foldLine', () => {
  it('keeps a line of 75 octets as it is', () => {
    const line = `SUMMARY:${'x'.repeat(67)}`;
    expect(foldLine(line)).toBe(line);
  });

  it('folds longer lines at 75 octets with a leading space on each continuation', () => {
    const line = `DESCRIPTION:${'abcdefghij'.repeat(20)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) expect(new TextEncoder().encode(p).length).toBeLessThanOrEqual(75);
    for (const p of parts.slice(1)) expect(p.startsWith(' ')).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('never splits a multi-byte character', () => {
    const line = `SUMMARY:${'東京Łódź'.repeat(30)}`;
    const folded = foldLine(line);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (const p of folded.split('\r\n')) {
      const bytes = new TextEncoder().encode(p);
      expect(bytes.length).toBeLessThanOrEqual(75);
      expect(() => decoder.decode(bytes)).not.toThrow();
    }
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });
});

describe('buildCalendar', () => {
  const cadence = [
    meeting({}),
    meeting({ ...owned('c2'), kind: 'monthly-kpi-governance', title: 'Monthly KPI governance', frequency: 'monthly', weekday: 2, weekOfMonth: 1, time: '14:00', durationMinutes: 60 }),
    meeting({ ...owned('c3'), title: 'Last-Friday retro', frequency: 'monthly', weekday: 5, weekOfMonth: 5, time: '', durationMinutes: 30 }),
    meeting({ ...owned('c4'), title: 'Design review', frequency: 'fortnightly', weekday: 4, time: '11:00', durationMinutes: 90 }),
    meeting({ ...owned('c5'), kind: 'stage-gate-session', title: 'Stage-gate session', frequency: 'at-gates', weekday: 4, time: '15:00', durationMinutes: 90 }),
  ];
  const gates = [
    { date: '2026-12-19', gates: ['Claims triage: Pilot start check'], ids: ['g1'] },
    { date: '2027-01-18', gates: ['Claims triage: Pilot results review', 'Fraud scoring; phase 2, final'], ids: ['g2', 'g3'] },
  ];
  const ics = buildCalendar({ workshop, cadence, gates, now });
  const evs = events(ics);

  it('is a VCALENDAR with CRLF line ends, every physical line at most 75 octets', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });

  it('gives a weekly meeting an RRULE from its first weekday on or after the start, to day 120, in floating local time', () => {
    const weekly = evs.find((e) => e.SUMMARY === 'Weekly execution review');
    // 30 Nov 2026 is a Monday: the first meeting is that day; day 120 is 29 Mar 2027.
    expect(weekly?.DTSTART).toBe('20261130T093000');
    expect(weekly?.RRULE).toBe('FREQ=WEEKLY;BYDAY=MO;UNTIL=20270329T235959');
    expect(weekly?.DURATION).toBe('PT45M');
    expect(weekly?.UID).toBe('cadence-c1@w1.liftoff');
    expect(weekly?.DTSTAMP).toBe('20261123T180000Z');
    expect(weekly?.DESCRIPTION).toContain('Attendees: Product owner\\, AI technical lead');
  });

  it('gives monthly meetings the nth (or last) weekday of the month', () => {
    const monthly = evs.find((e) => e.SUMMARY === 'Monthly KPI governance');
    // The first Tuesday of December 2026 is the 1st.
    expect(monthly?.DTSTART).toBe('20261201T140000');
    expect(monthly?.RRULE).toBe('FREQ=MONTHLY;BYDAY=1TU;UNTIL=20270329T235959');
    expect(monthly?.DURATION).toBe('PT1H');
    const last = evs.find((e) => e.SUMMARY === 'Last-Friday retro');
    // No agreed time: an all-day event, the rule's UNTIL a date too. Last Friday of Nov 2026 is the 27th (before the start).
    expect(last?.['DTSTART;VALUE=DATE']).toBe('20261225');
    expect(last?.RRULE).toBe('FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20270329');
  });

  it('repeats a fortnightly meeting every other week', () => {
    const f = evs.find((e) => e.SUMMARY === 'Design review');
    expect(f?.DTSTART).toBe('20261203T110000');
    expect(f?.RRULE).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;UNTIL=20270329T235959');
    expect(f?.DURATION).toBe('PT1H30M');
  });

  it('puts a stage-gate session on the Thursday on or after each gate day, escaping what the gates are called', () => {
    const sessions = evs.filter((e) => e.SUMMARY?.startsWith('Stage-gate session'));
    // Saturday 19 December → Thursday 24 December; Monday 18 January → Thursday 21 January.
    expect(sessions.map((s) => s.DTSTART)).toEqual(['20261224T150000', '20270121T150000']);
    expect(sessions[0]?.SUMMARY).toBe('Stage-gate session: Claims triage: Pilot start check');
    expect(sessions[1]?.SUMMARY).toBe('Stage-gate session: 2 gates');
    expect(sessions[1]?.DESCRIPTION).toContain('- Fraud scoring\\; phase 2\\, final');
    expect(sessions.every((s) => s.RRULE === undefined)).toBe(true);
    expect(new Set(evs.map((e) => e.UID)).size).toBe(evs.length);
  });

  it('has no events without a roadmap start date', () => {
    const none = buildCalendar({ workshop: { ...workshop, roadmapStartDate: '' }, cadence, gates, now });
    expect(events(none)).toEqual([]);
    expect(none).toContain('END:VCALENDAR');
  });

  it('escapes the calendar name and event text', () => {
    const odd = buildCalendar({ workshop: { ...workshop, name: 'Q1; Claims, Łódź\\East' }, cadence: [meeting({ title: 'Review, weekly; with\nnotes' })], gates: [], now });
    expect(contentLines(odd)).toContain('X-WR-CALNAME:Q1\\; Claims\\, Łódź\\\\East: governance cadence');
    expect(events(odd)[0]?.SUMMARY).toBe('Review\\, weekly\\; with\\nnotes');
  });
});

describe('gateSessions', () => {
  it('groups the roadmap gates by day, with the use case named', () => {
    const item = (id: string, useCaseId: string | null, kind: RoadmapItem['kind'], label: string, day: number): RoadmapItem => ({
      ...owned(id),
      useCaseId,
      kind,
      label,
      startDay: day,
      endDay: day,
    });
    const items = [item('g1', 'a', 'gate', 'Pilot start check', 20), item('g2', 'b', 'gate', 'Pilot start check', 20), item('p1', 'a', 'phase', 'Pilot', 21), item('g3', 'a', 'gate', 'Gate decision', 70)];
    expect(gateSessions('2026-11-30', items, [{ id: 'a', title: 'Claims triage' }, { id: 'b', title: 'Fraud' }], 120)).toEqual([
      { date: '2026-12-19', gates: ['Claims triage: Pilot start check', 'Fraud: Pilot start check'], ids: ['g1', 'g2'] },
      { date: '2027-02-07', gates: ['Claims triage: Gate decision'], ids: ['g3'] },
    ]);
  });
});
