import { describe, expect, it } from 'vitest';
import type { CadenceEvent, Kpi, Measurement, Risk, RoadmapItem } from '../../../renderer/domain/model';
import { kpiStatusWords, nextGate, statusAtGlance } from '../../../renderer/domain/status-glance';

const T = '2026-03-01T09:00:00.000Z';
const owned = (id: string) => ({ id, workshopId: 'w1', createdAt: T, updatedAt: T });
const kpi = (id: string, over: Partial<Kpi> = {}): Kpi => ({
  ...owned(id),
  useCaseId: 'u1',
  layer: 'business-impact',
  name: `KPI ${id}`,
  unit: 'h',
  direction: 'lower-is-better',
  definition: '',
  baseline: 18,
  target: 4,
  greenAt: 6,
  redAt: 12,
  greenAction: '',
  amberAction: '',
  redAction: '',
  timing: 'lagging',
  role: 'target',
  owner: '',
  forecast: null,
  tolerancePct: 10,
  stabilizationCount: 3,
  ...over,
});
const m = (kpiId: string, date: string, value: number): Measurement => ({ ...owned(`${kpiId}-${date}`), kpiId, date, value, note: '' });
const risk = (id: string, likelihood: number, impact: number, over: Partial<Risk> = {}): Risk => ({
  ...owned(id),
  useCaseId: 'u1',
  title: `Risk ${id}`,
  category: 'data',
  likelihood,
  impact,
  owner: '',
  mitigation: '',
  status: 'open',
  dueDate: '',
  ...over,
});
const gate = (id: string, day: number, label: string): RoadmapItem => ({ ...owned(id), useCaseId: 'u1', kind: 'gate', label, startDay: day, endDay: day });
const atGates: CadenceEvent = { ...owned('c1'), order: 1, kind: 'stage-gate-session', title: 'Stage-gate session', frequency: 'at-gates', weekday: 4, weekOfMonth: 1, time: '15:00', durationMinutes: 60, attendees: '' };

describe('KPI status in words', () => {
  it('counts the KPIs by band, worst first, and names the worst band', () => {
    const kpis = [kpi('a'), kpi('b'), kpi('c')];
    const r = kpiStatusWords(kpis, [m('a', '2026-03-02', 5), m('b', '2026-03-02', 14), m('c', '2026-03-02', 4)]);
    expect(r).toEqual({ text: '1 red, 2 green', worst: 'red' });
  });

  it('says when KPIs exist but nothing is measured, and when there are none', () => {
    expect(kpiStatusWords([kpi('a'), kpi('b')], [])).toEqual({ text: '2 KPIs, no measurements yet', worst: '' });
    expect(kpiStatusWords([], []).text).toBe('No KPIs yet');
  });

  it('names unmeasured KPIs and a breached guardrail next to the bands', () => {
    const guard = kpi('g', { role: 'guardrail', baseline: 10, greenAt: 9, redAt: 12 });
    const r = kpiStatusWords([guard, kpi('x')], [m('g', '2026-03-02', 11)]);
    expect(r.text).toBe('1 amber, 1 not measured, a guardrail breached');
    expect(r.worst).toBe('amber');
  });
});

describe('the next gate', () => {
  it('is the first gate whose session is today or later, dated by the cadence rule', () => {
    // Start Monday 2 March 2026: day 20 is Saturday 21 March; the Thursday session after it is 26 March.
    const items = [gate('g1', 5, 'Pilot start check'), gate('g2', 20, 'Pilot results review')];
    expect(nextGate(items, [atGates], '2026-03-02', '2026-03-13')).toEqual({ label: 'Pilot results review', date: '2026-03-26' });
    // Day 5 (Friday 6 March) has passed, but its session (Thursday 12 March) has not: it is still next.
    expect(nextGate(items, [atGates], '2026-03-02', '2026-03-10')).toEqual({ label: 'Pilot start check', date: '2026-03-12' });
  });

  it('uses the gate day itself without a stage-gate cadence, and is null when none is ahead or no plan', () => {
    const items = [gate('g1', 5, 'Pilot start check')];
    expect(nextGate(items, [], '2026-03-02', '2026-03-01')).toEqual({ label: 'Pilot start check', date: '2026-03-06' });
    expect(nextGate(items, [], '2026-03-02', '2026-04-01')).toBeNull();
    expect(nextGate(items, [], '', '2026-03-01')).toBeNull();
  });
});

describe('status at a glance', () => {
  const base = { kpis: [kpi('a')], measurements: [m('a', '2026-03-02', 14)], roadmapItems: [gate('g1', 20, 'Gate decision')], cadence: [atGates], startDate: '2026-03-02', today: '2026-03-10' };

  it('gives each use case its stage, KPI status, highest-scored open risk and next gate', () => {
    const rows = statusAtGlance({
      ...base,
      useCases: [{ useCaseId: 'u1', rank: 1, title: 'Schadenmeldungseingangsklassifizierung', stage: 'pilot', stageLabel: 'Stage 2 · Controlled pilot' }],
      risks: [risk('low', 1, 2), risk('closed', 5, 5, { status: 'closed' }), risk('top', 3, 4)],
    });
    expect(rows[0]).toMatchObject({ kpiStatus: '1 red', worstBand: 'red', topRisk: 'Risk top (12, high)', topRiskBand: 'high', nextGate: 'Gate decision', nextGateDate: '2026-03-26' });
  });

  it('says "None open" and "Not planned" when there is no risk or gate ahead', () => {
    const rows = statusAtGlance({ ...base, roadmapItems: [], risks: [], useCases: [{ useCaseId: 'u1', rank: null, title: 'X', stage: 'readiness', stageLabel: 'Stage 0 · Readiness' }] });
    expect(rows[0]).toMatchObject({ topRisk: 'None open', nextGate: 'Not planned', nextGateDate: '' });
  });

  it('shows a stopped use case as stopped, with no KPI, risk or gate claims', () => {
    const rows = statusAtGlance({ ...base, risks: [risk('top', 4, 4)], useCases: [{ useCaseId: 'u1', rank: 2, title: 'X', stage: 'stopped', stageLabel: 'Stopped' }] });
    expect(rows[0]).toMatchObject({ kpiStatus: 'Stopped', topRisk: 'Stopped', nextGate: 'Stopped', nextGateDate: '' });
  });
});
