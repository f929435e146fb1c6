import { describe, expect, it } from 'vitest';
import type { CadenceEvent, RoadmapItem } from '../../../renderer/domain/model';
import { DEFAULT_CADENCE } from '../../../renderer/domain/governance';
import { gateSessionDay } from '../../../renderer/domain/roadmap-calendar';
import { buildGanttModel, PHASE_COLORS } from '../../../renderer/domain/gantt';
import { generatePlan } from '../../../renderer/domain/roadmap';

const T = '2026-12-01T09:00:00.000Z';
let n = 0;
const items = (useCaseId: string, opts: { sprint?: boolean; shift?: number } = {}): RoadmapItem[] =>
  generatePlan(useCaseId, { readinessSprint: opts.sprint ?? false }).map((d) => ({
    ...d,
    startDay: d.startDay + (opts.shift ?? 0),
    endDay: d.endDay + (opts.shift ?? 0),
    id: `i${++n}`,
    workshopId: 'w',
    createdAt: T,
    updatedAt: T,
  }));
const cadence: CadenceEvent[] = DEFAULT_CADENCE.map((t, i) => ({ ...t, id: `c${i}`, workshopId: 'w', createdAt: T, updatedAt: T, order: i }));
const START = '2026-11-30';

describe('the vector Gantt model of the roadmap', () => {
  const useCases = [
    { id: 'a', title: 'Claims triage', rank: 1 },
    { id: 'b', title: 'Fraud alerts — Łódź & 東京', rank: 2 },
    { id: 'c', title: 'Not planned', rank: 3 },
  ];
  const model = buildGanttModel({ startDate: START, useCases, items: [...items('b', { sprint: true, shift: 30 }), ...items('a')], cadence });

  it('has one row per planned use case in priority order, then one per governance meeting', () => {
    expect(model.rows.map((r) => [r.kind, r.label])).toEqual([
      ['use-case', 'Claims triage'],
      ['use-case', 'Fraud alerts — Łódź & 東京'],
      ['governance', 'Weekly execution review'],
      ['governance', 'Monthly KPI governance'],
      ['governance', 'Stage-gate session'],
    ]);
    expect(model.rows.map((r) => r.sublabel)).toEqual([
      '',
      'Readiness sprint first',
      'Every Monday, 09:30',
      'First Tuesday of the month, 14:00',
      'First Thursday on or after each gate, 15:00',
    ]);
    expect(model.rows.map((r) => r.rank)).toEqual([1, 2, null, null, null]);
  });

  it('draws each phase as a bar with its days, dates, colour and position', () => {
    const pilot = model.bars.find((b) => b.rowId === 'use-case:a' && b.phaseKey === 'pilot');
    expect(pilot).toMatchObject({ startDay: 21, endDay: 50, days: 30, startDate: '2026-12-20', endDate: '2027-01-18', color: PHASE_COLORS.pilot });
    // b: sprint first (15 days) then shifted 30: plan runs to day 165.
    expect(model.planEndDay).toBe(165);
    expect(model.lastDay).toBe(165);
    expect(pilot?.x).toBeCloseTo(20 / 165);
    expect(pilot?.width).toBeCloseTo(30 / 165);
    expect(model.bars.filter((b) => b.rowId === 'use-case:b').map((b) => b.phaseKey)[0]).toBe('readiness-sprint');
    expect(model.bars).toHaveLength(11);
  });

  it('puts each gate as a milestone at the end of its phase bar', () => {
    const gate = model.milestones.find((m) => m.rowId === 'use-case:a' && m.phaseKey === 'pilot');
    const bar = model.bars.find((b) => b.rowId === 'use-case:a' && b.phaseKey === 'pilot');
    expect(gate).toMatchObject({ label: 'Pilot results review', day: 50, date: '2027-01-18' });
    expect(gate?.x).toBeCloseTo((bar?.x ?? 0) + (bar?.width ?? 0));
    expect(model.milestones).toHaveLength(11);
  });

  it('carries the governance meetings as dated events, with stage-gate sessions on the Thursday on or after each gate', () => {
    const sessions = model.events.filter((e) => e.kind === 'stage-gate-session');
    const gateDays = [...new Set(model.milestones.map((m) => m.day))].sort((a, b) => a - b);
    expect(sessions.map((e) => e.day)).toEqual([...new Set(gateDays.map((d) => gateSessionDay(START, d, 4)))]);
    // Day 50 is Monday 18 January 2027: decided Thursday 21 January, day 53.
    expect(sessions.find((s) => s.day === 53)?.detail).toBe('Claims triage: Pilot results review');
    const weekly = model.events.filter((e) => e.kind === 'weekly-execution-review');
    expect(weekly[0]).toMatchObject({ day: 1, date: '2026-11-30', time: '09:30', rowId: 'governance:c0' });
    expect(weekly.at(-1)?.day).toBeLessThanOrEqual(165);
  });

  it('has axis ticks with day numbers and dates, and the months', () => {
    expect(model.ticks.slice(0, 3).map((t) => t.label)).toEqual(['Day 1 · 30 Nov', 'Day 10 · 9 Dec', 'Day 20 · 19 Dec']);
    expect(model.ticks.at(-1)?.day).toBe(160);
    expect(model.ticks[0]?.x).toBe(0);
    expect(model.months.map((m) => m.label)).toEqual(['November 2026', 'December 2026', 'January 2027', 'February 2027', 'March 2027', 'April 2027', 'May 2027']);
    expect(model.months[1]).toMatchObject({ date: '2026-12-01' });
    expect(model.months[1]?.x).toBeCloseTo(1 / 165);
  });

  it('is at least the 120-day template wide, even when empty', () => {
    const empty = buildGanttModel({ startDate: START, useCases, items: [], cadence: [] });
    expect(empty).toMatchObject({ firstDay: 1, lastDay: 120, planEndDay: 0, rows: [], bars: [], milestones: [], events: [] });
    expect(empty.ticks).toHaveLength(13);
  });

  it('is plain data: it survives a JSON round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });
});
