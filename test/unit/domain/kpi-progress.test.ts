import { describe, expect, it } from 'vitest';
import type { Kpi, Measurement } from '../../../renderer/domain/model';
import { kpiProgress } from '../../../renderer/domain/kpi-progress';
import { kpiSparkline } from '../../../renderer/domain/kpi-chart';

const T = '2026-03-01T09:00:00.000Z';
const kpi = (over: Partial<Kpi> = {}): Kpi => ({
  id: 'k1',
  workshopId: 'w1',
  useCaseId: 'u1',
  createdAt: T,
  updatedAt: T,
  layer: 'business-impact',
  name: 'Cycle time',
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
const m = (date: string, value: number): Measurement => ({ id: date, workshopId: 'w1', kpiId: 'k1', date, value, note: '', createdAt: T, updatedAt: T });

describe('KPI progress from baseline to target', () => {
  it('measures the way down for a lower-is-better KPI, the unit said once', () => {
    expect(kpiProgress(kpi(), [m('2026-03-02', 12), m('2026-03-09', 6)])).toEqual({ pct: 86, text: 'baseline 18 → latest 6 → target 4 h, 86% of the way' });
  });

  it('measures the way up for a higher-is-better KPI, and a percent unit sticks to the number', () => {
    const k = kpi({ direction: 'higher-is-better', unit: '%', baseline: 60, target: 80, greenAt: 75, redAt: 65 });
    expect(kpiProgress(k, [m('2026-03-02', 70)])).toEqual({ pct: 50, text: 'baseline 60 → latest 70 → target 80%, 50% of the way' });
  });

  it('says when the target is passed or reached, and when the KPI went the wrong way', () => {
    expect(kpiProgress(kpi(), [m('2026-03-02', 2)])).toEqual({ pct: 114, text: 'baseline 18 → latest 2 → target 4 h, target passed (114% of the way)' });
    expect(kpiProgress(kpi(), [m('2026-03-02', 4)]).text).toBe('baseline 18 → latest 4 → target 4 h, target reached');
    expect(kpiProgress(kpi(), [m('2026-03-02', 21.5)])).toEqual({ pct: -25, text: 'baseline 18 → latest 21.5 → target 4 h, worse than the baseline (-25% of the way)' });
  });

  it('gives no percentage without a baseline, a target or a measurement, and says why', () => {
    expect(kpiProgress(kpi({ baseline: null }), [m('2026-03-02', 6)])).toEqual({ pct: null, text: 'latest 6 → target 4 h, no baseline to measure progress from' });
    expect(kpiProgress(kpi({ target: null }), [m('2026-03-02', 6)]).text).toBe('baseline 18 → latest 6 h, no target set');
    expect(kpiProgress(kpi(), []).text).toBe('baseline 18 → target 4 h, no measurement yet');
    expect(kpiProgress(kpi({ baseline: null, target: null }), []).text).toBe('No measurement yet');
  });

  it('reads a guardrail whose target is its baseline by the direction', () => {
    const g = kpi({ role: 'guardrail', baseline: 10, target: 10 });
    expect(kpiProgress(g, [m('2026-03-02', 11)]).text).toBe('baseline 10 → latest 11 → target 10 h, worse than the baseline it must hold');
    expect(kpiProgress(g, [m('2026-03-02', 9)]).text).toMatch(/better than the baseline it must hold$/);
    expect(kpiProgress(g, [m('2026-03-02', 10)]).pct).toBeNull();
  });

  it('formats the numbers with the function it is given (the workshop locale)', () => {
    const de = (v: number) => new Intl.NumberFormat('de-DE').format(v);
    expect(kpiProgress(kpi({ baseline: 1800.5, target: 400 }), [m('2026-03-02', 1100.25)], de).text).toBe('baseline 1.800,5 → latest 1.100,25 → target 400 h, 50% of the way');
  });
});

describe('the KPI sparkline', () => {
  it('has no trend without a measurement', () => {
    expect(kpiSparkline(kpi(), [])).toBeNull();
  });

  it('scales the points, bands and reference lines into the unit square, lower values lower down', () => {
    const s = kpiSparkline(kpi(), [m('2026-03-02', 14), m('2026-03-09', 9), m('2026-03-16', 5)]);
    if (!s) throw new Error('a sparkline');
    expect(s.points.map((p) => p.x)).toEqual([0, 0.5, 1]);
    expect(s.points.map((p) => p.band)).toEqual(['red', 'amber', 'green']);
    expect(s.points[0]!.y).toBeLessThan(s.points[2]!.y);
    for (const v of [...s.points.map((p) => p.y), s.baselineY!, s.targetY!]) expect(v >= 0 && v <= 1).toBe(true);
    // Lower is better: green sits at the bottom, red at the top.
    const green = s.bands.find((b) => b.band === 'green')!;
    const red = s.bands.find((b) => b.band === 'red')!;
    expect(green.y).toBeGreaterThan(red.y);
    expect(s.targetY!).toBeGreaterThan(s.baselineY!);
  });
});

describe('the answer-first line over the KPI trends', () => {
  it('says how many measured KPIs are red, amber and green, naming the ones off track, and what is not measured', async () => {
    const { kpiLead } = await import('../../../renderer/domain/sponsor-pack');
    const trend = { bands: [], points: [], baselineY: null, targetY: null };
    const k = (name: string, band: 'red' | 'amber' | 'green' | 'no-data' | 'no-thresholds', measured = true) => ({ name, band, trend: measured ? trend : null });
    expect(kpiLead([k('Accuracy', 'red'), k('Cycle time', 'red'), k('Fallback rate', 'green')])).toBe('Of 3 measured KPIs, 2 are in the red (Accuracy, Cycle time) and 1 is green.');
    expect(kpiLead([k('Accuracy', 'amber'), k('Cost', 'no-data', false)])).toBe('Of 1 measured KPI, 1 is amber (Accuracy). 1 KPI has no measurement yet.');
    expect(kpiLead([k('Cost', 'no-data', false)])).toBe('');
  });
});
