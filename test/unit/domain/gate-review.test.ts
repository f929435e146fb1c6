// The gate review's rules: what the evidence says, which decision it proposes (scale, improve the
// pilot, second validation, stop), when "Pass" goes against the data, and the stabilization rule.
import { describe, expect, it } from 'vitest';
import type { ControlItem, GateDecision, Kpi, Measurement, PilotDesign, Risk, Stage } from '../../../renderer/domain/model';
import {
  criterionConflicts,
  evidenceLines,
  gateEvidence,
  kpiTrend,
  namesKpi,
  proposeGateDecision,
  reviewsEvidence,
  validateReview,
  type GateRows,
} from '../../../renderer/domain/gate-review';
import { GATE_CRITERIA, criteriaFor, type GateDraft } from '../../../renderer/domain/stages';
import { makeUseCase } from '../../fixtures/factories';

const T = '2026-11-23T09:00:00.000Z';
const TODAY = '2026-12-15';
const uc = makeUseCase({ id: 'u1', title: 'Schadensmeldungsvorprüfungsassistent', stage: 'gate' });
const owned = (id: string) => ({ id, workshopId: 'w1', createdAt: T, updatedAt: T });

function kpi(over: Partial<Kpi> = {}): Kpi {
  return {
    ...owned('k1'),
    useCaseId: 'u1',
    layer: 'business-impact',
    name: 'Durchlaufzeit',
    unit: 'h',
    direction: 'lower-is-better',
    definition: '',
    baseline: 18,
    target: 8,
    greenAt: 8,
    redAt: 12,
    greenAction: 'Keep going',
    amberAction: 'Look at the slow cases',
    redAction: 'Route back to manual triage and find the cause',
    timing: 'lagging',
    role: 'target',
    owner: 'Zoë',
    forecast: null,
    tolerancePct: 10,
    stabilizationCount: 3,
    ...over,
  };
}

let seq = 0;
function m(kpiId: string, date: string, value: number): Measurement {
  seq++;
  return { ...owned(`m${seq}`), createdAt: `2026-11-${String(10 + (seq % 15)).padStart(2, '0')}T09:00:00.000Z`, kpiId, date, value, note: '' };
}

function risk(over: Partial<Risk> = {}): Risk {
  return { ...owned('r1'), useCaseId: 'u1', title: 'Vendor lock-in', category: 'vendor', likelihood: 4, impact: 4, owner: 'Łukasz', mitigation: '', status: 'open', dueDate: '', ...over };
}

function control(over: Partial<ControlItem> = {}): ControlItem {
  return { ...owned(`c-${over.key ?? 'x'}`), useCaseId: 'u1', checklist: 'hardening', key: 'monitoring', order: 1, label: 'Monitoring', status: 'done', owner: '', dueDate: '', ...over };
}

function design(over: Partial<PilotDesign> = {}): PilotDesign {
  return {
    ...owned('p1'),
    useCaseId: 'u1',
    scope: 'Region Nord',
    workflow: '',
    usesProductionData: true,
    successCriteria: '- Durchlaufzeit unter 8 h\n- Nutzer zufrieden',
    partialSuccessCriteria: 'Durchlaufzeit unter 12 h',
    failureCriteria: 'Durchlaufzeit über 12 h',
    amendments: [],
    ...over,
  };
}

function decision(over: Partial<GateDecision> = {}): GateDecision {
  return {
    ...owned(`d${over.seq ?? 1}`),
    useCaseId: 'u1',
    useCaseTitle: uc.title,
    seq: 1,
    fromStage: 'pilot',
    toStage: 'gate',
    criteria: [],
    decision: 'advance',
    rationale: 'r',
    decidedBy: 'Zoë',
    nextActionsOwner: 'Zoë',
    date: '2026-12-01',
    prevHash: '',
    hash: '',
    ...over,
  };
}

function rows(over: Partial<GateRows> = {}): GateRows {
  return { readiness: [], pilotDesigns: [design()], gateDecisions: [decision()], kpis: [], measurements: [], risks: [], controls: [], ...over };
}

/** Three measurements of one KPI, oldest first. */
const series = (kpiId: string, ...values: number[]) => values.map((v, i) => m(kpiId, `2026-12-0${i + 1}`, v));

const evidence = (r: GateRows, from: Stage = 'gate', to: Stage = 'hardening') => gateEvidence(uc, r, from, to, TODAY);
const propose = (r: GateRows, from: Stage = 'gate', to: Stage = 'hardening') => proposeGateDecision(evidence(r, from, to));

describe('kpiTrend', () => {
  it('calls a falling value of a lower-is-better KPI a better trend over the last three measurements', () => {
    const t = kpiTrend(kpi(), series('k1', 14, 12, 10));
    expect(t).toMatchObject({ direction: 'down', meaning: 'better', over: 3 });
    expect(t.label).toBe('Falling, better (last 3 measurements)');
  });

  it('calls a rising value of a lower-is-better KPI a worse trend', () => {
    expect(kpiTrend(kpi(), series('k1', 9, 11, 14))).toMatchObject({ direction: 'up', meaning: 'worse' });
  });

  it('looks only at the last three measurements', () => {
    expect(kpiTrend(kpi(), series('k1', 20, 10, 10.05, 10)).direction).toBe('flat');
  });

  it('calls a change of at most 5 % flat (noise, not a trend), and has no trend below two measurements', () => {
    expect(kpiTrend(kpi(), series('k1', 7.5, 7.8, 7.6)).direction).toBe('flat');
    expect(kpiTrend(kpi(), series('k1', 10, 10.5)).direction).toBe('flat');
    expect(kpiTrend(kpi(), series('k1', 10, 10.6)).direction).toBe('up');
    expect(kpiTrend(kpi(), series('k1', 10))).toMatchObject({ direction: null, label: 'Too few measurements for a trend' });
  });
});

describe('gateEvidence', () => {
  it('shows each KPI against its bands, with its trend and the response action for its band', () => {
    const e = evidence(rows({ kpis: [kpi()], measurements: series('k1', 11, 13, 14) }));
    expect(e.kpis[0]).toMatchObject({
      name: 'Durchlaufzeit',
      latestText: '14 h',
      band: 'red',
      bandsText: 'Green at or below 8 h · red at or above 12 h',
      action: 'Route back to manual triage and find the cause',
    });
    expect(e.kpis[0]?.trend.meaning).toBe('worse');
  });

  it('pairs each line of the pilot criteria with the KPI it names and that KPI’s result', () => {
    const e = evidence(rows({ kpis: [kpi()], measurements: series('k1', 14) }));
    expect(e.pilotCriteria.map((c) => [c.kind, c.text, c.measuredBy.map((x) => `${x.name} ${x.latestText} ${x.band}`)])).toEqual([
      ['success', 'Durchlaufzeit unter 8 h', ['Durchlaufzeit 14 h red']],
      ['success', 'Nutzer zufrieden', []],
      ['partial', 'Durchlaufzeit unter 12 h', ['Durchlaufzeit 14 h red']],
      ['failure', 'Durchlaufzeit über 12 h', ['Durchlaufzeit 14 h red']],
    ]);
  });

  it('matches a KPI name only as a whole word, whatever its case', () => {
    expect(namesKpi('Die DURCHLAUFZEIT sinkt', 'Durchlaufzeit')).toBe(true);
    expect(namesKpi('Gesamtdurchlaufzeit sinkt', 'Durchlaufzeit')).toBe(false);
    expect(namesKpi('F1 above 0.9', 'F1')).toBe(true);
  });

  it('lists open high and critical risks, overdue controls and the pilot’s amendments', () => {
    const e = evidence(
      rows({
        pilotDesigns: [design({ amendments: [{ at: T, field: 'Scope', before: 'a', after: 'b', reason: 'Region Süd dazu' }] })],
        risks: [risk(), risk({ id: 'r2', title: 'Low one', likelihood: 1, impact: 2 }), risk({ id: 'r3', title: 'Accepted', status: 'accepted' })],
        controls: [control({ key: 'runbook', label: 'Runbook', status: 'todo', dueDate: '2026-12-01' })],
      }),
    );
    expect(e.openHighRisks.map((r) => `${r.title} ${r.bandLabel}`)).toEqual(['Vendor lock-in Critical']);
    expect(e.overdueControls.map((c) => c.label)).toEqual(['Runbook']);
    expect(e.amendments.map((a) => a.reason)).toEqual(['Region Süd dazu']);
    expect(evidenceLines(e)).toContain('Amendment 2026-11-23: Scope — Region Süd dazu');
  });
});

describe('proposeGateDecision at the Stage 3 readiness gate', () => {
  it('proposes scale when every measured KPI is green and nothing is open, naming the KPIs', () => {
    const p = propose(rows({ kpis: [kpi()], measurements: series('k1', 9, 8, 7) }));
    expect(p).toMatchObject({ decision: 'advance', recommendation: 'scale', label: 'Scale' });
    expect(p?.drivers.kpis).toEqual(['Durchlaufzeit']);
    expect(p?.drivers.criteria).toContain('Success: Durchlaufzeit unter 8 h');
  });

  it('proposes improving the pilot when a KPI is in its red band, naming it and the criteria it measures', () => {
    const p = propose(rows({ kpis: [kpi()], measurements: series('k1', 14) }));
    expect(p).toMatchObject({ decision: 'improve-pilot', recommendation: 'improve-pilot' });
    expect(p?.facts[0]).toBe('In the red band: Durchlaufzeit');
    expect(p?.drivers.kpis).toEqual(['Durchlaufzeit']);
    expect(p?.drivers.criteria).toContain('Failure: Durchlaufzeit über 12 h');
  });

  it('proposes improving the pilot when a guardrail is breached even though it is not red', () => {
    const guard = kpi({ id: 'k2', name: 'Fehlerquote', layer: 'operational-performance', role: 'guardrail', baseline: 3, greenAt: null, redAt: null, unit: '%' });
    const p = propose(rows({ kpis: [kpi(), guard], measurements: [...series('k1', 7), m('k2', '2026-12-01', 4)] }));
    expect(p?.decision).toBe('improve-pilot');
    expect(p?.facts[0]).toBe('Guardrail breached: Fehlerquote');
  });

  it('proposes a second validation when the evidence is amber, not yet green', () => {
    const p = propose(rows({ kpis: [kpi()], measurements: series('k1', 10) }));
    expect(p).toMatchObject({ decision: 'second-validation', recommendation: 'second-validation' });
    expect(p?.drivers.kpis).toEqual(['Durchlaufzeit']);
  });

  it('proposes stopping when a KPI is still red after two rounds of improvement', () => {
    const improved = [decision(), decision({ id: 'd2', seq: 2, decision: 'improve-pilot' }), decision({ id: 'd3', seq: 3, decision: 'improve-pilot' })];
    const p = propose(rows({ kpis: [kpi()], measurements: series('k1', 15), gateDecisions: improved }));
    expect(p).toMatchObject({ decision: 'stop', recommendation: 'stop' });
  });

  it('proposes nothing for a move back, a stop, or a gate before the pilot', () => {
    expect(reviewsEvidence('gate', 'pilot')).toBe(false);
    expect(reviewsEvidence('gate', 'stopped')).toBe(false);
    expect(reviewsEvidence('readiness', 'pilot-design')).toBe(false);
    expect(propose(rows({ kpis: [kpi()], measurements: series('k1', 7) }), 'readiness', 'pilot-design')).toBeNull();
  });
});

describe('proposeGateDecision at the gates into Stage 5 and 6', () => {
  const greenRows = (over: Partial<GateRows> = {}) => rows({ kpis: [kpi({ forecast: 8 })], measurements: series('k1', 8, 7.5, 7.8), ...over });

  it('holds a use case in Hardening while its hardening checklist has open items', () => {
    const p = propose(greenRows({ controls: [control(), control({ key: 'retries', label: 'Retries', status: 'todo' })] }), 'hardening', 'rollout');
    expect(p).toMatchObject({ decision: 'second-validation' });
    expect(p?.facts[0]).toBe('Hardening checklist: 1 of 2 done; open: Retries');
    expect(p?.drivers.criteria[0]).toBe('Hardening checklist complete');
  });

  it('proposes advancing out of Hardening once the checklist is complete and the KPIs green', () => {
    expect(propose(greenRows({ controls: [control(), control({ key: 'retries', status: 'n/a' })] }), 'hardening', 'rollout')?.decision).toBe('advance');
  });

  it('weighs a red KPI in Hardening with the readiness gate’s rules', () => {
    expect(propose(rows({ kpis: [kpi()], measurements: series('k1', 13), controls: [control()] }), 'hardening', 'rollout')?.decision).toBe('improve-pilot');
  });

  it('proposes scale from the limited rollout when the stabilization rule is met', () => {
    const e = evidence(greenRows(), 'rollout', 'scale');
    expect(e.stabilizationRule).toMatchObject({ met: true, reasons: [] });
    expect(proposeGateDecision(e)?.decision).toBe('advance');
  });

  it('keeps the rollout running when fewer than N measurements in a row are green', () => {
    const e = evidence(greenRows({ measurements: series('k1', 9, 7.5, 7.8) }), 'rollout', 'scale');
    expect(e.stabilizationRule.met).toBe(false);
    expect(e.stabilizationRule.reasons).toEqual(['Durchlaufzeit: not yet stable (2 of 3)']);
    expect(proposeGateDecision(e)).toMatchObject({ decision: 'second-validation', drivers: { criteria: ['Stabilization rule'] } });
  });

  it('keeps the rollout running when the actual is beyond the forecast tolerance', () => {
    const e = evidence(greenRows({ kpis: [kpi({ forecast: 6 })] }), 'rollout', 'scale');
    expect(e.stabilizationRule.met).toBe(false);
    expect(e.stabilizationRule.reasons[0]).toContain('beyond the tolerance');
    expect(proposeGateDecision(e)?.decision).toBe('second-validation');
  });

  it('says which KPIs have no forecast, without failing the rule for it', () => {
    const e = evidence(greenRows({ kpis: [kpi({ forecast: null })] }), 'rollout', 'scale');
    expect(e.stabilizationRule).toMatchObject({ met: true, withoutForecast: ['Durchlaufzeit'] });
  });
});

describe('criterionConflicts: "Pass" against the data', () => {
  const [kpiImpact, modelStability] = GATE_CRITERIA.hardening;

  it('finds that KPI impact cannot plainly pass while a business KPI is red', () => {
    const e = evidence(rows({ kpis: [kpi()], measurements: series('k1', 14) }));
    expect(criterionConflicts(kpiImpact as string, e)).toEqual(['Durchlaufzeit is red: 14 h (green at or below 8 h · red at or above 12 h).']);
  });

  it('counts a breached guardrail of any layer against KPI impact', () => {
    const guard = kpi({ id: 'k2', name: 'Fehlerquote', layer: 'operational-performance', role: 'guardrail', baseline: 3, greenAt: null, redAt: null, unit: '%' });
    const e = evidence(rows({ kpis: [guard], measurements: [m('k2', '2026-12-01', 4)] }));
    expect(criterionConflicts(kpiImpact as string, e)).toEqual(['Fehlerquote (guardrail) is breached: 4%, worse than its baseline.']);
  });

  it('does not hold a red business KPI against model stability', () => {
    const e = evidence(rows({ kpis: [kpi()], measurements: series('k1', 14) }));
    expect(criterionConflicts(modelStability as string, e)).toEqual([]);
  });

  it('finds no conflict when the KPIs are green', () => {
    const e = evidence(rows({ kpis: [kpi()], measurements: series('k1', 7) }));
    expect(criterionsWithConflicts(e, 'gate', 'hardening')).toEqual([]);
  });

  it('holds open hardening items, a missing fallback and an unstable KPI against the later gates', () => {
    const e = evidence(rows({ kpis: [kpi()], measurements: series('k1', 9, 7), controls: [control({ key: 'retries', label: 'Retries', status: 'todo' })] }), 'hardening', 'scale');
    expect(criterionsWithConflicts(e, 'hardening', 'scale')).toEqual([GATE_CRITERIA.rollout[0], GATE_CRITERIA.rollout[1], GATE_CRITERIA.scale[0]]);
  });
});

function criterionsWithConflicts(e: ReturnType<typeof evidence>, from: Stage, to: Stage): string[] {
  return criteriaFor(from, to).filter((c) => criterionConflicts(c, e).length > 0);
}

describe('validateReview', () => {
  const draft = (over: Partial<GateDraft> = {}): GateDraft => ({
    from: 'gate',
    to: 'hardening',
    decision: 'advance',
    criteria: criteriaFor('gate', 'hardening').map((name) => ({ name, result: 'pass', evidence: '' })),
    rationale: 'Go',
    decidedBy: 'Zoë',
    nextActionsOwner: 'Zoë',
    date: '2026-12-15',
    ...over,
  });
  const weak = evidence(rows({ kpis: [kpi()], measurements: series('k1', 14) }));
  const proposal = proposeGateDecision(weak);
  const conflicts = criteriaFor('gate', 'hardening').map((c) => criterionConflicts(c, weak));

  it('asks for a reason when the decision differs from the proposal', () => {
    expect(validateReview(draft(), proposal, conflicts).overrideReason).toBe('The evidence proposes "Improve the pilot". Say why you decide "Advance" instead.');
    expect(validateReview(draft({ overrideReason: 'Sponsor accepts the delay' }), proposal, conflicts).overrideReason).toBeUndefined();
  });

  it('needs no reason when the decision follows the proposal, or when there is no proposal', () => {
    expect(validateReview(draft({ decision: 'improve-pilot' }), proposal, conflicts).overrideReason).toBeUndefined();
    expect(validateReview(draft(), null, conflicts).overrideReason).toBeUndefined();
  });

  it('asks for a justification of each "Pass" the data contradicts, and only of those', () => {
    const errors = validateReview(draft({ overrideReason: 'x' }), proposal, conflicts);
    expect(errors.justifications).toEqual({ 0: 'The data says otherwise: justify "Pass" for KPI impact.' });
    const justified = draft({ overrideReason: 'x', criteria: draft().criteria.map((c, i) => (i === 0 ? { ...c, justification: 'Measured on the old process' } : c)) });
    expect(validateReview(justified, proposal, conflicts)).toEqual({});
    const failed = draft({ decision: 'improve-pilot', criteria: draft().criteria.map((c, i) => (i === 0 ? { ...c, result: 'fail' as const } : c)) });
    expect(validateReview(failed, proposal, conflicts)).toEqual({});
  });
});
