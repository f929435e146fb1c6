import { describe, expect, it } from 'vitest';
import type { Kpi, Measurement } from '../../../renderer/domain/model';
import { kpiChart, shortDate } from '../../../renderer/domain/kpi-chart';

const T = '2026-03-01T09:00:00.000Z';
const kpi = (over: Partial<Kpi> = {}): Kpi => ({
  id: 'k1',
  workshopId: 'w1',
  useCaseId: 'u1',
  createdAt: T,
  updatedAt: T,
  layer: 'operational-performance',
  name: 'Fallback rate',
  unit: '%',
  direction: 'lower-is-better',
  definition: '',
  baseline: 30,
  target: 10,
  greenAt: 12,
  redAt: 20,
  greenAction: '',
  amberAction: '',
  redAction: '',
  timing: 'leading',
  role: 'target',
  owner: '',
  forecast: null,
  tolerancePct: 10,
  stabilizationCount: 3,
  ...over,
});
const m = (date: string, value: number, id = date): Measurement => ({ id, workshopId: 'w1', kpiId: 'k1', date, value, note: '', createdAt: T, updatedAt: T });

describe('kpiChart', () => {
  const list = [m('2026-03-30', 22.5), m('2026-03-02', 14.5), m('2026-03-09', 13), m('2026-03-23', 18)];
  const g = kpiChart(kpi(), list);

  it('puts the points in date order, left to right, higher values higher up', () => {
    expect(g.points.map((p) => p.date)).toEqual(['2026-03-02', '2026-03-09', '2026-03-23', '2026-03-30']);
    expect(g.points[0]!.x).toBe(g.plot.left);
    expect(g.points.at(-1)!.x).toBe(g.plot.right);
    const y = (v: number) => g.points.find((p) => p.value === v)!.y;
    expect(y(22.5)).toBeLessThan(y(13));
    expect(g.path.startsWith('M')).toBe(true);
    expect(g.path.split('L')).toHaveLength(4);
  });

  it('colours each point by its band', () => {
    expect(g.points.map((p) => p.band)).toEqual(['amber', 'amber', 'amber', 'red']);
  });

  it('draws the boundaries, baseline and target as labelled lines, inside the scale', () => {
    expect(g.lines.map((l) => [l.kind, l.label])).toEqual([
      ['green', 'Green ≤ 12%'],
      ['red', 'Red ≥ 20%'],
      ['baseline', 'Baseline 30%'],
      ['target', 'Target 10%'],
    ]);
    for (const l of g.lines) {
      expect(l.y).toBeGreaterThanOrEqual(g.plot.top);
      expect(l.y).toBeLessThanOrEqual(g.plot.bottom);
    }
  });

  it('keeps labels of close lines apart', () => {
    const close = kpiChart(kpi({ greenAt: 12, target: 11.5 }), list);
    const ys = close.lines.map((l) => l.labelY).sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(14.9);
  });

  it('shades green below the green line and red above the red line when lower is better', () => {
    const green = g.bands.find((b) => b.band === 'green')!;
    const red = g.bands.find((b) => b.band === 'red')!;
    const greenLine = g.lines.find((l) => l.kind === 'green')!.y;
    const redLine = g.lines.find((l) => l.kind === 'red')!.y;
    expect(green.y).toBeCloseTo(greenLine);
    expect(green.y + green.height).toBeCloseTo(g.plot.bottom);
    expect(red.y).toBeCloseTo(g.plot.top);
    expect(red.y + red.height).toBeCloseTo(redLine);
  });

  it('labels dates on the x axis, the first with its year', () => {
    expect(g.xTicks[0]!.label).toBe('2 Mar 2026');
    expect(g.xTicks.at(-1)!.label).toBe('30 Mar');
    expect(g.xTicks.length).toBeLessThanOrEqual(5);
  });

  it('round y ticks that cover every value', () => {
    const labels = g.yTicks.map((t) => Number(t.label));
    expect(Math.min(...labels)).toBeLessThanOrEqual(10);
    expect(Math.max(...labels)).toBeGreaterThanOrEqual(30);
  });

  it('summarises for screen readers', () => {
    expect(g.summary).toBe(
      'Fallback rate, lower is better. 4 measurements from 2 Mar 2026 to 30 Mar 2026, from 14.5% to 22.5%. Latest: red. Green at or below 12%. Red at or above 20%. Baseline 30%. Target 10%.',
    );
  });

  it('copes with no measurements, one measurement, and no lines', () => {
    const empty = kpiChart(kpi({ greenAt: null, redAt: null, baseline: null, target: null }), []);
    expect(empty.points).toEqual([]);
    expect(empty.path).toBe('');
    expect(empty.summary).toContain('No measurements yet.');
    const one = kpiChart(kpi({ greenAt: null, redAt: null, baseline: null, target: null }), [m('2026-03-02', 5)]);
    expect(one.points[0]!.x).toBe((one.plot.left + one.plot.right) / 2);
    expect(one.yTicks.length).toBeGreaterThan(1);
    expect(one.xTicks).toEqual([{ x: one.points[0]!.x, label: '2 Mar 2026', date: '2026-03-02', withYear: true }]);
  });
});

describe('shortDate', () => {
  it('is the same on every machine', () => {
    expect(shortDate('2026-12-05')).toBe('5 Dec 2026');
    expect(shortDate('2026-12-05', false)).toBe('5 Dec');
  });
});
