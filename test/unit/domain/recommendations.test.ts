// The recommendation rules of the decisions page: which decision the data points to, and the
// facts that drive it.
import { describe, expect, it } from 'vitest';
import { recommend, type DecisionEvidence } from '../../../renderer/domain/recommendations';

const base: DecisionEvidence = {
  title: 'Claims triage',
  stage: 'readiness',
  verdict: 'start-pilot',
  verdictReasons: [],
  hasPilotCriteria: false,
  failedCriteria: [],
  improveDecisions: 0,
  kpis: [],
  openHighRisks: [],
  overdueControls: [],
};
const ev = (patch: Partial<DecisionEvidence>): DecisionEvidence => ({ ...base, ...patch });
const green = (name: string) => ({ name, band: 'green' as const, guardrailBreached: false });

describe('recommend', () => {
  it('recommends starting the pilot when the readiness diagnostic clears a use case at Stage 0', () => {
    const r = recommend(ev({}));
    expect(r?.decision).toBe('start-pilot');
    expect(r?.facts[0]).toBe('Readiness verdict: start the pilot');
  });

  it('recommends a readiness sprint first when the verdict says so, naming the gaps', () => {
    const r = recommend(ev({ verdict: 'readiness-sprint', verdictReasons: ['Data quality is 2 of 5'] }));
    expect(r?.decision).toBe('readiness-sprint');
    expect(r?.facts[0]).toContain('Data quality is 2 of 5');
  });

  it('asks nothing while the readiness diagnostic is incomplete', () => {
    expect(recommend(ev({ verdict: 'incomplete' }))).toBeNull();
  });

  it('asks to start a designed pilot only once its success and failure criteria are written', () => {
    expect(recommend(ev({ stage: 'pilot-design' }))).toBeNull();
    expect(recommend(ev({ stage: 'pilot-design', hasPilotCriteria: true }))?.decision).toBe('start-pilot');
  });

  it('recommends improving the pilot when a guardrail KPI is breached, even with a passed gate', () => {
    const r = recommend(ev({ stage: 'pilot', kpis: [green('Accuracy'), { name: 'Complaint rate', band: 'amber', guardrailBreached: true }] }));
    expect(r?.decision).toBe('improve-pilot');
    expect(r?.facts[0]).toBe('Guardrail breached: Complaint rate');
  });

  it('recommends improving the pilot when the last gate review failed a criterion', () => {
    const r = recommend(ev({ stage: 'gate', kpis: [green('Accuracy')], failedCriteria: ['Model stability'] }));
    expect(r?.decision).toBe('improve-pilot');
    expect(r?.facts[0]).toBe('Gate criteria failed: Model stability');
  });

  it('recommends stopping a use case still in the red after two rounds of improvement', () => {
    const r = recommend(ev({ stage: 'gate', improveDecisions: 2, kpis: [{ name: 'Cycle time', band: 'red', guardrailBreached: false }] }));
    expect(r?.decision).toBe('stop');
    expect(r?.facts).toContain('Improved 2 times already');
  });

  it('recommends a second validation when KPIs are amber rather than green', () => {
    const r = recommend(ev({ stage: 'gate', kpis: [green('Accuracy'), { name: 'Latency', band: 'amber', guardrailBreached: false }] }));
    expect(r?.decision).toBe('second-validation');
    expect(r?.facts[0]).toBe('Amber, not yet green: Latency');
  });

  it('recommends scaling when every measured KPI is green and no risk or control is open', () => {
    const r = recommend(ev({ stage: 'gate', kpis: [green('Accuracy'), green('Fallback rate')] }));
    expect(r?.decision).toBe('scale');
    expect(r?.facts).toEqual(['All 2 measured KPIs green', 'No open high or critical risk, no overdue control']);
  });

  it('holds back scaling while a high risk or an overdue control is open', () => {
    const r = recommend(ev({ stage: 'gate', kpis: [green('Accuracy')], openHighRisks: ['Drift in winter claims'], overdueControls: ['Runbook'] }));
    expect(r?.decision).toBe('improve-pilot');
    expect(r?.facts).toEqual(['The one measured KPI is green', 'Open high or critical risks: Drift in winter claims', 'Overdue controls: Runbook']);
  });

  it('asks nothing of a stopped, hardening or scaled use case', () => {
    for (const stage of ['stopped', 'hardening', 'scale'] as const) expect(recommend(ev({ stage, kpis: [green('A')] }))).toBeNull();
  });

  it('never gives more than three facts', () => {
    const r = recommend(ev({ stage: 'gate', kpis: [{ name: 'A', band: 'red', guardrailBreached: true }], failedCriteria: ['X'], openHighRisks: ['R'], overdueControls: ['C'] }));
    expect(r?.facts.length).toBeLessThanOrEqual(3);
  });
});

describe('the pack’s plain words and local numbers', () => {
  it('says "Improve the pilot — stays in Stage 2" rather than "Stage 2 → Stage 2"', async () => {
    const { plainDecision } = await import('../../../renderer/domain/sponsor-pack');
    expect(plainDecision({ decision: 'improve-pilot', fromStage: 'pilot', toStage: 'pilot' })).toBe('Improve the pilot — stays in Stage 2 · Controlled pilot');
    expect(plainDecision({ decision: 'advance', fromStage: 'pilot', toStage: 'gate' })).toBe('Advance to Stage 3 · Readiness gate');
    expect(plainDecision({ decision: 'second-validation', fromStage: 'gate', toStage: 'hardening' })).toBe('Run a second validation — stays in Stage 3 · Readiness gate');
  });

  it('writes numbers and currency amounts the way the locale does, the unit not repeated', async () => {
    const { localNumber } = await import('../../../renderer/domain/sponsor-pack');
    expect(localNumber(1234.5, 'min', 'de-DE')).toBe('1.234,5');
    expect(localNumber(1234.5, 'min', 'en-GB')).toBe('1,234.5');
    expect(localNumber(40000, '€', 'de-DE')).toBe('40.000\u00a0€');
    expect(localNumber(12.5, 'EUR', 'en-GB')).toBe('€12.50');
  });
});
