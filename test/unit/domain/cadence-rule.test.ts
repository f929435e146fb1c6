// The cadence rule: a stage-gate session sits on the cadence's weekday, the first such day on or
// after its gate, never on a weekend; the Gantt (Roadmap tab and PDF) and the calendar follow it.
import { describe, expect, it } from 'vitest';
import { gateSessionDate, gateSessionDay, expandCadence } from '../../../renderer/domain/roadmap-calendar';
import { buildGanttModel } from '../../../renderer/domain/gantt';
import { buildCalendar, gateSessions } from '../../../renderer/domain/ics';
import { parseIsoDate } from '../../../renderer/domain/dates';
import type { CadenceEvent, RoadmapItem } from '../../../renderer/domain/model';

const T = '2026-11-23T09:00:00.000Z';
const thursday: CadenceEvent = {
  id: 'c-gate',
  workshopId: 'ws',
  createdAt: T,
  updatedAt: T,
  order: 1,
  kind: 'stage-gate-session',
  title: 'Stage-gate session',
  frequency: 'at-gates',
  weekday: 4,
  weekOfMonth: 1,
  time: '15:00',
  durationMinutes: 90,
  attendees: '',
};
const weekdayOf = (iso: string) => (parseIsoDate(iso) as Date).getDay();

function gate(id: string, useCaseId: string, day: number): RoadmapItem {
  return { id, workshopId: 'ws', createdAt: T, updatedAt: T, useCaseId, kind: 'gate', phaseKey: 'gate-pilot', label: 'Pilot gate', startDay: day, endDay: day, order: 1, cadenceId: null } as unknown as RoadmapItem;
}

describe('gateSessionDate', () => {
  it('puts a gate that falls on the cadence weekday on that very day', () => {
    expect(gateSessionDate('2026-12-03', 4)).toBe('2026-12-03');
  });

  it('moves a gate on a Saturday to the Thursday after it', () => {
    expect(gateSessionDate('2026-12-05', 4)).toBe('2026-12-10');
  });

  it('moves a gate on a Sunday to the Thursday after it', () => {
    expect(gateSessionDate('2026-12-06', 4)).toBe('2026-12-10');
  });

  it('never lands on a weekend even when the cadence names Saturday', () => {
    expect(gateSessionDate('2026-12-05', 6)).toBe('2026-12-07');
    expect(gateSessionDate('2026-12-04', 0)).toBe('2026-12-04');
  });

  it('gives a plan day the same way (day 1 = the start date)', () => {
    // Start Monday 30 November 2026; day 6 is Saturday 5 December, decided Thursday 10 December = day 11.
    expect(gateSessionDay('2026-11-30', 6, 4)).toBe(11);
  });
});

describe('the cadence rule across the plan', () => {
  const items = [1, 2, 3, 4, 5, 6, 7, 13, 14, 20, 27, 34, 41, 50, 70].map((d, i) => gate(`g${i}`, 'uc', d));

  it('puts every stage-gate session of the Roadmap and the PDF on a Thursday', () => {
    const events = expandCadence([thursday], '2026-11-30', 120, items.map((i) => ({ day: i.startDay, label: i.label, useCaseTitle: 'Claims' })));
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(weekdayOf(e.date)).toBe(4);
    // Gates on days 1–3 (Mon–Wed) and 4 (Thursday) are all decided on day 4.
    expect(events[0]?.day).toBe(4);
    expect(events[0]?.detail.split('; ')).toHaveLength(4);
  });

  it('gives the Gantt model the same Thursdays and stretches its axis to a session after the plan end', () => {
    const model = buildGanttModel({ startDate: '2026-11-30', useCases: [{ id: 'uc', title: 'Claims', rank: 1 }], items: [...items, gate('end', 'uc', 120)], cadence: [thursday] });
    const sessions = model.events.filter((e) => e.cadenceId === 'c-gate');
    for (const e of sessions) expect(weekdayOf(e.date)).toBe(4);
    // Day 120 is Sunday 29 March 2027: decided Thursday 1 April, day 123.
    expect(sessions.some((e) => e.day === 123)).toBe(true);
    expect(model.lastDay).toBeGreaterThanOrEqual(123);
  });

  it('writes every stage-gate session of the calendar on a Thursday at 15:00', () => {
    const ics = buildCalendar({
      workshop: { id: 'ws', name: 'W', client: '', roadmapStartDate: '2026-11-30' },
      cadence: [thursday],
      gates: gateSessions('2026-11-30', items, [{ id: 'uc', title: 'Claims' }], 120),
      now: new Date('2026-11-23T09:00:00Z'),
    });
    const starts = [...ics.matchAll(/DTSTART[^:]*:(\d{8})T150000/g)].map((m) => `${m[1]?.slice(0, 4)}-${m[1]?.slice(4, 6)}-${m[1]?.slice(6, 8)}`);
    expect(starts.length).toBeGreaterThan(0);
    for (const d of starts) expect(weekdayOf(d)).toBe(4);
  });
});
