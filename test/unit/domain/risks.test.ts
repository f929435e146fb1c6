import { describe, expect, it } from 'vitest';
import type { Risk } from '../../../renderer/domain/model';
import {
  NO_RISK_FILTER,
  RISK_BANDS,
  heatCellName,
  heatMapCell,
  heatMapCounts,
  filterRisks,
  isFilteringRisks,
  isOverdue,
  parseDueDate,
  riskBand,
  riskBandRange,
  riskFieldProblem,
  riskScore,
  riskSummary,
  sortRisks,
  type RiskFilter,
} from '../../../renderer/domain/risks';

let n = 0;
function risk(over: Partial<Risk> = {}): Risk {
  n++;
  return {
    id: `r${n}`,
    workshopId: 'w1',
    createdAt: `2026-01-01T00:00:${String(n % 60).padStart(2, '0')}.000Z`,
    updatedAt: '2026-01-01T00:00:00.000Z',
    useCaseId: null,
    title: `Risk ${n}`,
    category: 'data',
    likelihood: 3,
    impact: 3,
    owner: '',
    mitigation: '',
    status: 'open',
    dueDate: '',
    ...over,
  };
}

const TODAY = '2026-03-10';

describe('score and band', () => {
  it('scores likelihood × impact', () => {
    expect(riskScore({ likelihood: 4, impact: 5 })).toBe(20);
    expect(riskScore({ likelihood: 1, impact: 1 })).toBe(1);
    expect(riskScore({ likelihood: 5, impact: 5 })).toBe(25);
  });

  it('bands at our thresholds: low 1–4, medium 5–9, high 10–14, critical 15–25', () => {
    expect([1, 4].map(riskBand)).toEqual(['low', 'low']);
    expect([5, 9].map(riskBand)).toEqual(['medium', 'medium']);
    expect([10, 12].map(riskBand)).toEqual(['high', 'high']);
    expect([15, 16, 20, 25].map(riskBand)).toEqual(['critical', 'critical', 'critical', 'critical']);
    expect(RISK_BANDS.map(riskBandRange)).toEqual(['1–4', '5–9', '10–14', '15–25']);
  });

  it('puts every cell of the 5×5 grid in one band, rising with likelihood and impact', () => {
    for (let l = 1; l <= 5; l++) {
      for (let i = 1; i <= 5; i++) {
        const here = RISK_BANDS.indexOf(riskBand(riskScore({ likelihood: l, impact: i })));
        if (l < 5) expect(RISK_BANDS.indexOf(riskBand(riskScore({ likelihood: l + 1, impact: i })))).toBeGreaterThanOrEqual(here);
        if (i < 5) expect(RISK_BANDS.indexOf(riskBand(riskScore({ likelihood: l, impact: i + 1 })))).toBeGreaterThanOrEqual(here);
      }
    }
  });
});

describe('overdue', () => {
  it('flags an open or mitigating risk due before today', () => {
    expect(isOverdue(risk({ dueDate: '2026-03-09', status: 'open' }), TODAY)).toBe(true);
    expect(isOverdue(risk({ dueDate: '2025-12-31', status: 'mitigating' }), TODAY)).toBe(true);
  });

  it('never flags closed or accepted risks, a risk with no due date, or one due today or later', () => {
    expect(isOverdue(risk({ dueDate: '2026-01-01', status: 'closed' }), TODAY)).toBe(false);
    expect(isOverdue(risk({ dueDate: '2026-01-01', status: 'accepted' }), TODAY)).toBe(false);
    expect(isOverdue(risk({ dueDate: '', status: 'open' }), TODAY)).toBe(false);
    expect(isOverdue(risk({ dueDate: TODAY, status: 'open' }), TODAY)).toBe(false);
    expect(isOverdue(risk({ dueDate: '2026-03-11', status: 'open' }), TODAY)).toBe(false);
  });
});

describe('heat map', () => {
  it('counts risks per likelihood × impact cell', () => {
    const map = heatMapCounts([risk({ likelihood: 4, impact: 5 }), risk({ likelihood: 4, impact: 5 }), risk({ likelihood: 1, impact: 2 }), risk({ likelihood: 5, impact: 1 })]);
    expect(map).toHaveLength(5);
    expect(map.every((row) => row.length === 5)).toBe(true);
    expect(heatMapCell(map, 4, 5)).toBe(2);
    expect(heatMapCell(map, 1, 2)).toBe(1);
    expect(heatMapCell(map, 5, 1)).toBe(1);
    expect(heatMapCell(map, 1, 5)).toBe(0);
    expect(map.flat().reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('is all zeros with no risks, and names its cells for screen readers', () => {
    expect(heatMapCounts([]).flat()).toEqual(Array(25).fill(0));
    expect(heatCellName(4, 5, 2)).toBe('Likelihood 4, impact 5: 2 risks');
    expect(heatCellName(1, 1, 1)).toBe('Likelihood 1, impact 1: 1 risk');
    expect(heatCellName(2, 3, 0)).toBe('Likelihood 2, impact 3: no risks');
  });
});

describe('filters', () => {
  const wide = risk({ title: 'Vendor lock-in', category: 'vendor', likelihood: 2, impact: 4 });
  const claimsLate = risk({ title: 'Drift', useCaseId: 'uc-claims', category: 'model', likelihood: 4, impact: 5, dueDate: '2026-03-01', status: 'mitigating' });
  const claimsClosed = risk({ title: 'PII in prompts', useCaseId: 'uc-claims', category: 'security', likelihood: 4, impact: 5, dueDate: '2026-02-01', status: 'closed' });
  const mail = risk({ title: 'Low adoption', useCaseId: 'uc-mail', category: 'adoption', likelihood: 3, impact: 3, status: 'accepted' });
  const all = [wide, claimsLate, claimsClosed, mail];
  const f = (over: Partial<RiskFilter>) => filterRisks(all, { ...NO_RISK_FILTER, ...over }, TODAY).map((r) => r.title);

  it('keeps everything with no filter', () => {
    expect(f({})).toEqual(['Vendor lock-in', 'Drift', 'PII in prompts', 'Low adoption']);
    expect(isFilteringRisks(NO_RISK_FILTER)).toBe(false);
  });

  it('filters by use case, or to the workshop-wide risks', () => {
    expect(f({ scope: { kind: 'use-case', useCaseId: 'uc-claims' } })).toEqual(['Drift', 'PII in prompts']);
    expect(f({ scope: { kind: 'workshop' } })).toEqual(['Vendor lock-in']);
  });

  it('filters by category, status (or active = open and mitigating) and overdue', () => {
    expect(f({ category: 'adoption' })).toEqual(['Low adoption']);
    expect(f({ status: 'closed' })).toEqual(['PII in prompts']);
    expect(f({ status: 'active' })).toEqual(['Vendor lock-in', 'Drift']);
    expect(f({ overdueOnly: true })).toEqual(['Drift']);
  });

  it('filters to one heat-map cell, and combines with the others', () => {
    expect(f({ cell: { likelihood: 4, impact: 5 } })).toEqual(['Drift', 'PII in prompts']);
    expect(f({ cell: { likelihood: 4, impact: 5 }, status: 'active' })).toEqual(['Drift']);
    expect(f({ cell: { likelihood: 1, impact: 1 } })).toEqual([]);
    expect(isFilteringRisks({ ...NO_RISK_FILTER, cell: { likelihood: 1, impact: 1 } })).toBe(true);
  });
});

describe('register order', () => {
  it('sorts by score, highest first, then by due date with no date last, then by title', () => {
    const sorted = sortRisks([
      risk({ title: 'b no date', likelihood: 3, impact: 3 }),
      risk({ title: 'top', likelihood: 5, impact: 5 }),
      risk({ title: 'later', likelihood: 3, impact: 3, dueDate: '2026-06-01' }),
      risk({ title: 'sooner', likelihood: 3, impact: 3, dueDate: '2026-04-01' }),
      risk({ title: 'a no date', likelihood: 3, impact: 3 }),
      risk({ title: 'low', likelihood: 1, impact: 2, dueDate: '2026-01-01' }),
    ]);
    expect(sorted.map((r) => r.title)).toEqual(['top', 'sooner', 'later', 'a no date', 'b no date', 'low']);
  });
});

describe('summary', () => {
  it('counts active risks per band and the overdue ones', () => {
    const s = riskSummary(
      [
        risk({ likelihood: 5, impact: 5, dueDate: '2026-01-01' }),
        risk({ likelihood: 4, impact: 5, status: 'closed', dueDate: '2026-01-01' }),
        risk({ likelihood: 1, impact: 1, status: 'mitigating' }),
        risk({ likelihood: 2, impact: 5, status: 'accepted' }),
      ],
      TODAY,
    );
    expect(s).toEqual({ total: 4, active: 2, overdue: 1, activeByBand: { low: 1, medium: 0, high: 0, critical: 1 } });
  });
});

describe('field checks', () => {
  it('accepts sound values and explains what is wrong otherwise', () => {
    expect(riskFieldProblem({ title: 'Drift', likelihood: 1, impact: 5, dueDate: '2026-02-28', status: 'open', category: 'model' })).toBeNull();
    expect(riskFieldProblem({ title: '   ' })).toMatch(/title/);
    expect(riskFieldProblem({ likelihood: 6 })).toMatch(/Likelihood/);
    expect(riskFieldProblem({ likelihood: 2.5 })).toMatch(/Likelihood/);
    expect(riskFieldProblem({ impact: 0 })).toMatch(/Impact/);
    expect(riskFieldProblem({ dueDate: '2026-02-30' })).toMatch(/due date/);
    expect(riskFieldProblem({ dueDate: '01.03.2026' })).toMatch(/due date/);
    expect(riskFieldProblem({ status: 'done' as Risk['status'] })).toMatch(/status/);
    expect(riskFieldProblem({ category: 'legal' as Risk['category'] })).toMatch(/category/);
  });
});

describe('due dates as typed', () => {
  it('reads ISO, day-first dotted dates and unambiguous slashed dates', () => {
    expect(parseDueDate('2026-03-01')).toEqual({ ok: true, iso: '2026-03-01' });
    expect(parseDueDate(' 2026-3-1 ')).toEqual({ ok: true, iso: '2026-03-01' });
    expect(parseDueDate('01.03.2026')).toEqual({ ok: true, iso: '2026-03-01' });
    expect(parseDueDate('1.3.2026')).toEqual({ ok: true, iso: '2026-03-01' });
    expect(parseDueDate('13/3/2026')).toEqual({ ok: true, iso: '2026-03-13' });
    expect(parseDueDate('3/13/2026')).toEqual({ ok: true, iso: '2026-03-13' });
    expect(parseDueDate('')).toEqual({ ok: true, iso: '' });
  });

  it('refuses ambiguous, impossible and unreadable dates with a message', () => {
    const bad = ['3/1/2026', '2026-02-30', '31.04.2026', 'next friday', '2026/03/01', '13/13/2026'];
    for (const t of bad) {
      const r = parseDueDate(t);
      expect(r.ok, t).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/YYYY-MM-DD/);
    }
    const ambiguous = parseDueDate('3/1/2026');
    expect(!ambiguous.ok && ambiguous.message).toMatch(/day\/month or month\/day/);
  });
});
