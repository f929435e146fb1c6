import { describe, expect, it } from 'vitest';
import type { CadenceEvent } from '../../../renderer/domain/model';
import { DEFAULT_CADENCE } from '../../../renderer/domain/governance';
import { dayToIso, expandCadence, formatPlanDate, isoToDay } from '../../../renderer/domain/roadmap-calendar';

const T = '2026-12-01T09:00:00.000Z';
const cadence = (over: Partial<CadenceEvent> & Pick<CadenceEvent, 'frequency'>): CadenceEvent => ({
  id: over.id ?? `c-${over.frequency}`,
  workshopId: 'w',
  createdAt: T,
  updatedAt: T,
  order: 1,
  kind: 'other',
  title: 'Meeting',
  weekday: 1,
  weekOfMonth: 1,
  time: '09:30',
  durationMinutes: 45,
  attendees: '',
  ...over,
});

// Monday 30 November 2026 is day 1.
const START = '2026-11-30';

describe('plan days and calendar dates', () => {
  it('counts day 1 as the start date, across month and year ends', () => {
    expect(dayToIso(START, 1)).toBe('2026-11-30');
    expect(dayToIso(START, 2)).toBe('2026-12-01');
    expect(dayToIso(START, 33)).toBe('2027-01-01');
    expect(dayToIso(START, 120)).toBe('2027-03-29');
    expect(isoToDay(START, '2027-03-29')).toBe(120);
    expect(isoToDay(START, '2026-11-29')).toBe(0);
  });

  it('is not thrown off by a daylight-saving change', () => {
    // Europe moves its clocks on 29 March and 25 October 2026: one day is 23 hours, one is 25.
    const zone = process.env.TZ;
    process.env.TZ = 'Europe/Berlin';
    try {
      expect(new Date(2026, 2, 30).getTimezoneOffset()).not.toBe(new Date(2026, 2, 28).getTimezoneOffset());
      for (let day = 1; day <= 400; day++) expect(isoToDay('2026-01-05', dayToIso('2026-01-05', day))).toBe(day);
      expect(dayToIso('2026-03-28', 3)).toBe('2026-03-30');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('gives no date without a start date', () => {
    expect(dayToIso('', 5)).toBe('');
    expect(isoToDay('', '2026-12-01')).toBeNull();
  });

  it('writes dates the same way on every machine', () => {
    expect(formatPlanDate('2026-11-30')).toBe('30 Nov 2026');
    expect(formatPlanDate('2026-11-30', { weekday: true, year: false })).toBe('Mon 30 Nov');
  });
});

describe('expanding the governance cadence over the plan', () => {
  it('puts a weekly meeting on its weekday every week of the plan', () => {
    const events = expandCadence([cadence({ frequency: 'weekly', weekday: 3 })], START, 120, []);
    expect(events[0]).toMatchObject({ day: 3, date: '2026-12-02', time: '09:30' });
    expect(events.every((e, i) => i === 0 || e.day - (events[i - 1]?.day ?? 0) === 7)).toBe(true);
    expect(events.every((e) => new Date(`${e.date}T12:00:00`).getDay() === 3)).toBe(true);
    expect(events).toHaveLength(17);
    expect(events.at(-1)?.day).toBe(115);
  });

  it('puts a meeting every other week from the first matching weekday', () => {
    const events = expandCadence([cadence({ frequency: 'fortnightly', weekday: 1 })], START, 120, []);
    expect(events.map((e) => e.day)).toEqual([1, 15, 29, 43, 57, 71, 85, 99, 113]);
  });

  it('puts a monthly meeting on the nth weekday of each month, or the last one', () => {
    const firstTuesday = expandCadence([cadence({ frequency: 'monthly', weekday: 2, weekOfMonth: 1 })], START, 120, []);
    // 1 Dec 2026, 5 Jan, 2 Feb, 2 Mar 2027 (the first Tuesday of November is before day 1).
    expect(firstTuesday.map((e) => e.date)).toEqual(['2026-12-01', '2027-01-05', '2027-02-02', '2027-03-02']);
    const lastFriday = expandCadence([cadence({ frequency: 'monthly', weekday: 5, weekOfMonth: 5 })], START, 120, []);
    expect(lastFriday.map((e) => e.date)).toEqual(['2026-12-25', '2027-01-29', '2027-02-26', '2027-03-26']);
  });

  it('holds one stage-gate session on the first cadence weekday on or after each gate, listing the gates it reviews', () => {
    const events = expandCadence([cadence({ frequency: 'at-gates', kind: 'stage-gate-session', title: 'Stage-gate session' })], START, 120, [
      { day: 50, label: 'Pilot results review', useCaseTitle: 'Claims triage' },
      { day: 20, label: 'Pilot start check', useCaseTitle: 'Claims triage' },
      { day: 50, label: 'Pilot results review', useCaseTitle: 'Fraud alerts' },
      { day: 400, label: 'Beyond the plan', useCaseTitle: 'Other' },
    ]);
    // Monday sessions: day 20 is Saturday 19 December, decided Monday 21 December (day 22); day 50 is a Monday.
    expect(events.map((e) => [e.day, e.detail])).toEqual([
      [22, 'Claims triage: Pilot start check'],
      [50, 'Claims triage: Pilot results review; Fraud alerts: Pilot results review'],
    ]);
  });

  it('expands the standard cadence into dated events, sorted by day', () => {
    const rows = DEFAULT_CADENCE.map((t, i) => ({ ...t, id: `c${i}`, workshopId: 'w', createdAt: T, updatedAt: T, order: i }));
    const events = expandCadence(rows, START, 120, [{ day: 20, label: 'Gate', useCaseTitle: 'UC' }]);
    expect(events.filter((e) => e.kind === 'weekly-execution-review')).toHaveLength(18);
    expect(events.filter((e) => e.kind === 'monthly-kpi-governance')).toHaveLength(4);
    expect(events.filter((e) => e.kind === 'stage-gate-session')).toHaveLength(1);
    expect(events.map((e) => e.day)).toEqual([...events.map((e) => e.day)].sort((a, b) => a - b));
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });

  it('has nothing to show without a start date', () => {
    expect(expandCadence([cadence({ frequency: 'weekly' })], '', 120, [])).toEqual([]);
  });
});
