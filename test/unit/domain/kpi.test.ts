import { describe, expect, it } from 'vitest';
import type { Kpi, Measurement } from '../../../renderer/domain/model';
import { kpiSchema } from '../../../renderer/domain/model';
import {
  bandOf,
  formatValue,
  guardrailBreached,
  kpiStatus,
  latestMeasurement,
  stabilization,
  validateKpi,
  variance,
} from '../../../renderer/domain/kpi';
import { KPI_LIBRARY, kpiFieldsFromTemplate, libraryFor } from '../../../renderer/domain/kpi-library';
import { KPI_LAYERS } from '../../../renderer/domain/model';

const T = '2026-03-01T09:00:00.000Z';

function kpi(over: Partial<Kpi> = {}): Kpi {
  return {
    id: 'k1',
    workshopId: 'w1',
    useCaseId: 'u1',
    createdAt: T,
    updatedAt: T,
    layer: 'model-quality',
    name: 'Accuracy',
    unit: '%',
    direction: 'higher-is-better',
    definition: '',
    baseline: 80,
    target: 95,
    greenAt: 92,
    redAt: 85,
    greenAction: 'Keep going',
    amberAction: 'Analyse errors',
    redAction: 'Manual handling',
    timing: 'lagging',
    role: 'target',
    owner: 'Tomás',
    forecast: null,
    tolerancePct: 10,
    stabilizationCount: 3,
    ...over,
  };
}

let seq = 0;
function m(date: string, value: number, kpiId = 'k1', createdAt = T): Measurement {
  seq++;
  return { id: `m${String(seq).padStart(4, '0')}`, workshopId: 'w1', kpiId, date, value, note: '', createdAt, updatedAt: createdAt };
}

const lower = (over: Partial<Kpi> = {}) =>
  kpi({ name: 'Fallback rate', direction: 'lower-is-better', baseline: 30, target: 10, greenAt: 12, redAt: 20, ...over });

describe('bands for higher-is-better', () => {
  const k = kpi();
  it.each([
    [99, 'green'],
    [92, 'green'], // exactly on the green boundary
    [91.99, 'amber'],
    [85.01, 'amber'],
    [85, 'red'], // exactly on the red boundary
    [10, 'red'],
  ] as const)('%s%% is %s', (value, band) => {
    expect(bandOf(k, value)).toBe(band);
  });
});

describe('bands for lower-is-better', () => {
  const k = lower();
  it.each([
    [5, 'green'],
    [12, 'green'],
    [12.5, 'amber'],
    [19.99, 'amber'],
    [20, 'red'],
    [35, 'red'],
  ] as const)('%s%% is %s', (value, band) => {
    expect(bandOf(k, value)).toBe(band);
  });
});

describe('bands with one boundary', () => {
  it('green only: worse than green is amber', () => {
    expect(bandOf(kpi({ redAt: null }), 50)).toBe('amber');
    expect(bandOf(kpi({ redAt: null }), 92)).toBe('green');
  });
  it('red only: anything not red is green', () => {
    expect(bandOf(lower({ greenAt: null }), 19)).toBe('green');
    expect(bandOf(lower({ greenAt: null }), 20)).toBe('red');
  });
  it('none: no band', () => {
    expect(bandOf(kpi({ greenAt: null, redAt: null }), 50)).toBeNull();
  });
});

describe('kpiStatus', () => {
  it('says no data without measurements', () => {
    const s = kpiStatus(kpi(), [m('2026-03-01', 50, 'other')]);
    expect(s).toMatchObject({ band: 'no-data', latest: null, needsAttention: false, action: '' });
  });

  it('uses the latest measurement by date, not by entry order', () => {
    const list = [m('2026-03-10', 80), m('2026-03-01', 99), m('2026-03-05', 93)];
    const s = kpiStatus(kpi(), list);
    expect(s.latest?.date).toBe('2026-03-10');
    expect(s.band).toBe('red');
    expect(s.action).toBe('Manual handling');
    expect(s.needsAttention).toBe(true);
    expect(s.summary).toContain('Red: 80% is at or below the red line of 85%');
  });

  it('on the same date, the measurement entered last wins', () => {
    const list = [m('2026-03-10', 99, 'k1', '2026-03-10T10:00:00.000Z'), m('2026-03-10', 88, 'k1', '2026-03-10T11:00:00.000Z')];
    expect(latestMeasurement(list)?.value).toBe(88);
    expect(kpiStatus(kpi(), list)).toMatchObject({ band: 'amber', action: 'Analyse errors' });
  });

  it('green and amber for lower-is-better, with the band’s action', () => {
    expect(kpiStatus(lower(), [m('2026-03-01', 12)])).toMatchObject({ band: 'green', action: 'Keep going', needsAttention: false });
    expect(kpiStatus(lower(), [m('2026-03-01', 15)])).toMatchObject({ band: 'amber', action: 'Analyse errors', needsAttention: true });
    expect(kpiStatus(lower(), [m('2026-03-01', 20)]).band).toBe('red');
  });

  it('no thresholds: measured but unrated', () => {
    const s = kpiStatus(kpi({ greenAt: null, redAt: null }), [m('2026-03-01', 50)]);
    expect(s.band).toBe('no-thresholds');
    expect(s.needsAttention).toBe(false);
  });
});

describe('guardrails', () => {
  const guard = (over: Partial<Kpi> = {}) => lower({ role: 'guardrail', baseline: 2, greenAt: null, redAt: null, name: 'Error rate', ...over });
  it('is breached only when worse than the baseline', () => {
    expect(guardrailBreached(guard(), 2)).toBe(false); // holding the baseline is fine
    expect(guardrailBreached(guard(), 1.5)).toBe(false);
    expect(guardrailBreached(guard(), 2.1)).toBe(true);
    expect(guardrailBreached(guard({ direction: 'higher-is-better', baseline: 4.2 }), 4.1)).toBe(true);
    expect(guardrailBreached(guard({ direction: 'higher-is-better', baseline: 4.2 }), 4.3)).toBe(false);
  });
  it('a target KPI is never a breached guardrail, nor one without baseline', () => {
    expect(guardrailBreached(guard({ role: 'target' }), 50)).toBe(false);
    expect(guardrailBreached(guard({ baseline: null }), 50)).toBe(false);
  });
  it('a breach needs attention and takes the red action even without thresholds', () => {
    const s = kpiStatus(guard(), [m('2026-03-01', 3)]);
    expect(s).toMatchObject({ band: 'no-thresholds', guardrailBreached: true, needsAttention: true, action: 'Manual handling' });
    expect(s.summary).toContain('Guardrail breached');
  });
  it('a breach inside the amber band keeps the amber action', () => {
    const s = kpiStatus(guard({ greenAt: 1, redAt: 5 }), [m('2026-03-01', 3)]);
    expect(s).toMatchObject({ band: 'amber', guardrailBreached: true, action: 'Analyse errors' });
  });
});

describe('variance', () => {
  it('in units and in % of the forecast, flagged beyond tolerance', () => {
    const v = variance(lower({ forecast: 10, tolerancePct: 10 }), 12);
    expect(v).toEqual({ forecast: 10, actual: 12, units: 2, pct: 20, beyondTolerance: true, direction: 'worse' });
  });
  it('within tolerance, and exactly on it, is not flagged', () => {
    expect(variance(kpi({ forecast: 90, tolerancePct: 10 }), 95)?.beyondTolerance).toBe(false);
    expect(variance(kpi({ forecast: 90, tolerancePct: 10 }), 99)).toMatchObject({ pct: 10, beyondTolerance: false, direction: 'better' });
  });
  it('without float noise', () => {
    expect(variance(kpi({ forecast: 0.3 }), 0.1 + 0.2)).toMatchObject({ units: 0, pct: 0, direction: 'on-forecast' });
  });
  it('a negative forecast is measured against its size', () => {
    expect(variance(kpi({ forecast: -10 }), -5)).toMatchObject({ units: 5, pct: 50, direction: 'better' });
  });
  it('a zero forecast has no percentage; any difference is flagged', () => {
    expect(variance(lower({ forecast: 0 }), 1)).toMatchObject({ units: 1, pct: null, beyondTolerance: true, direction: 'worse' });
    expect(variance(lower({ forecast: 0 }), 0)).toMatchObject({ units: 0, pct: null, beyondTolerance: false });
  });
  it('nothing to compare without forecast or actual', () => {
    expect(variance(kpi({ forecast: null }), 5)).toBeNull();
    expect(variance(kpi({ forecast: 5 }), null)).toBeNull();
  });
});

describe('stabilization', () => {
  it('stable when the last N are green', () => {
    const list = [m('2026-03-01', 80), m('2026-03-02', 93), m('2026-03-03', 94), m('2026-03-04', 92)];
    expect(stabilization(kpi(), list)).toMatchObject({ stable: true, held: 3, needed: 3 });
  });
  it('counts green in a row from the latest back', () => {
    const list = [m('2026-03-01', 93), m('2026-03-02', 93), m('2026-03-03', 88), m('2026-03-04', 95)];
    const s = stabilization(kpi(), list);
    expect(s).toMatchObject({ stable: false, held: 1, needed: 3 });
    expect(s.label).toBe('Not yet stable (1 of 3)');
  });
  it('uses the dates, not the entry order', () => {
    const list = [m('2026-03-04', 95), m('2026-03-03', 95), m('2026-03-01', 70), m('2026-03-02', 95)];
    expect(stabilization(kpi(), list).held).toBe(3);
  });
  it('a guardrail breach breaks the run', () => {
    const k = lower({ role: 'guardrail', baseline: 11, stabilizationCount: 2 });
    expect(stabilization(k, [m('2026-03-01', 10), m('2026-03-02', 12)])).toMatchObject({ held: 0, stable: false });
  });
  it('cannot be stable without thresholds or measurements', () => {
    expect(stabilization(kpi({ greenAt: null, redAt: null }), [m('2026-03-01', 99)]).stable).toBe(false);
    expect(stabilization(kpi(), []).label).toContain('no measurements');
  });
  it('N = 1 is one green measurement', () => {
    expect(stabilization(kpi({ stabilizationCount: 1 }), [m('2026-03-01', 99)]).stable).toBe(true);
  });
});

describe('validateKpi', () => {
  it('accepts a consistent KPI in both directions', () => {
    expect(validateKpi(kpi())).toEqual({ errors: {}, warnings: {}, errorMessages: {}, warningMessages: {} });
    expect(validateKpi(lower())).toEqual({ errors: {}, warnings: {}, errorMessages: {}, warningMessages: {} });
  });
  it('green below red contradicts higher-is-better', () => {
    const { errors } = validateKpi(kpi({ greenAt: 80, redAt: 90 }));
    expect(errors.greenAt).toBe('Higher is better, so green (80%) must be above red (90%).');
    expect(errors.redAt).toBeDefined();
  });
  it('green above red contradicts lower-is-better', () => {
    const { errors } = validateKpi(lower({ greenAt: 25, redAt: 20 }));
    expect(errors.greenAt).toBe('Lower is better, so green (25%) must be below red (20%).');
  });
  it('green and red on the same value are contradictory', () => {
    expect(validateKpi(kpi({ greenAt: 90, redAt: 90 })).errors.greenAt).toContain('both');
  });
  it('a target worse than the baseline is a warning, not an error', () => {
    const issues = validateKpi(lower({ baseline: 10, target: 15, greenAt: null, redAt: null }));
    expect(issues.errors).toEqual({});
    expect(issues.warnings.target).toContain('worse than the baseline');
    expect(validateKpi(kpi({ baseline: 90, target: 85, greenAt: null, redAt: null })).warnings.target).toContain('worse than the baseline');
  });
  it('warns when the target lies outside the green band', () => {
    expect(validateKpi(kpi({ target: 90 })).warnings.target).toContain('amber');
    expect(validateKpi(kpi({ baseline: 50, target: 80 })).warnings.target).toContain('red');
  });
  it('warns about a guardrail without baseline and a percentage above 100', () => {
    expect(validateKpi(kpi({ role: 'guardrail', baseline: null })).warnings.baseline).toContain('needs a baseline');
    expect(validateKpi(kpi({ target: 120, greenAt: null, redAt: null })).warnings.target).toContain('outside 0–100%');
  });
  it('rejects empty names, bad numbers, tolerance and stabilization counts', () => {
    const { errors } = validateKpi(kpi({ name: '  ', target: Number.NaN, tolerancePct: -1, stabilizationCount: 2.5 }));
    expect(Object.keys(errors).sort()).toEqual(['name', 'stabilizationCount', 'target', 'tolerancePct']);
  });
});

describe('the library', () => {
  it('has KPIs in every layer, all valid and storable', () => {
    for (const layer of KPI_LAYERS) expect(libraryFor(layer).length).toBeGreaterThanOrEqual(4);
    const keys = KPI_LIBRARY.map((t) => t.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const tpl of KPI_LIBRARY) {
      const row = { ...kpiFieldsFromTemplate(tpl), id: 'x', workshopId: 'w', useCaseId: 'u', createdAt: T, updatedAt: T };
      expect(kpiSchema.safeParse(row).success).toBe(true);
      expect(validateKpi(row).errors).toEqual({});
    }
  });
  it('has the common ones with sensible directions', () => {
    const byName = (n: string) => KPI_LIBRARY.find((t) => t.name === n);
    expect(byName('Fallback rate')).toMatchObject({ direction: 'lower-is-better', unit: '%', layer: 'operational-performance' });
    expect(byName('Accuracy')).toMatchObject({ direction: 'higher-is-better', layer: 'model-quality' });
    expect(byName('Latency p95')).toMatchObject({ direction: 'lower-is-better', role: 'guardrail' });
    expect(byName('Adoption rate')).toMatchObject({ direction: 'higher-is-better', timing: 'leading' });
    for (const n of ['F1 score', 'Human-intervention rate', 'Throughput', 'Cycle time', 'Error rate', 'Cost per transaction', 'Open audit findings', 'Incidents', 'Review cadence kept']) {
      expect(byName(n), n).toBeDefined();
    }
  });
});

describe('formatValue', () => {
  it('drops float noise and places the unit', () => {
    expect(formatValue(0.1 + 0.2, '%')).toBe('0.3%');
    expect(formatValue(1234.5, 'ms')).toBe('1,234.5 ms');
    expect(formatValue(3, '')).toBe('3');
  });
});
