import { describe, expect, it } from 'vitest';
import {
  GATE_CRITERIA,
  classifyMove,
  criteriaFor,
  currentStages,
  decisionsFor,
  pilotLockedAt,
  resultingStage,
  validateGateDraft,
  type GateDraft,
} from '../../../renderer/domain/stages';

function draft(over: Partial<GateDraft> = {}): GateDraft {
  const from = over.from ?? 'gate';
  const to = over.to ?? 'hardening';
  return {
    from,
    to,
    decision: 'advance',
    criteria: criteriaFor(from, to).map((name) => ({ name, result: 'pass' as const, evidence: 'seen' })),
    rationale: 'KPIs moved as agreed',
    decidedBy: 'Zoë Müller',
    nextActionsOwner: 'Łukasz Nowak',
    date: '2026-12-01',
    ...over,
  };
}

describe('moves on the pipeline', () => {
  it('names each kind of move', () => {
    expect(classifyMove('readiness', 'readiness')).toBe('none');
    expect(classifyMove('readiness', 'pilot-design')).toBe('gate');
    expect(classifyMove('readiness', 'gate')).toBe('skip');
    expect(classifyMove('hardening', 'pilot')).toBe('back');
    expect(classifyMove('pilot', 'stopped')).toBe('stop');
    expect(classifyMove('stopped', 'pilot-design')).toBe('re-enter');
  });

  it('asks the five readiness-gate criteria for the move out of stage 3', () => {
    expect(criteriaFor('gate', 'hardening')).toEqual(['KPI impact', 'Model stability', 'Data reliability', 'Security controls', 'Operational support readiness']);
  });

  it('makes a skip answer the gates of every stage it jumps over', () => {
    const c = criteriaFor('readiness', 'pilot');
    expect(c).toEqual([...GATE_CRITERIA['pilot-design'], ...GATE_CRITERIA.pilot]);
    expect(criteriaFor('pilot', 'readiness')).toEqual([]);
    expect(criteriaFor('pilot', 'stopped')).toEqual([]);
  });

  it('offers "improve the pilot" only once there is a pilot', () => {
    expect(decisionsFor('readiness', 'pilot-design')).toEqual(['advance', 'second-validation', 'stop']);
    expect(decisionsFor('gate', 'hardening')).toEqual(['advance', 'improve-pilot', 'second-validation', 'stop']);
    expect(decisionsFor('hardening', 'pilot')).toEqual(['move-back']);
    expect(decisionsFor('stopped', 'readiness')).toEqual(['re-enter']);
    expect(decisionsFor('pilot', 'pilot')).toEqual([]);
  });

  it('says where each decision leaves the use case', () => {
    expect(resultingStage('advance', 'gate', 'hardening')).toBe('hardening');
    expect(resultingStage('improve-pilot', 'gate', 'hardening')).toBe('pilot');
    expect(resultingStage('second-validation', 'gate', 'hardening')).toBe('gate');
    expect(resultingStage('stop', 'gate', 'hardening')).toBe('stopped');
    expect(resultingStage('move-back', 'rollout', 'pilot')).toBe('pilot');
    expect(resultingStage('re-enter', 'stopped', 'pilot-design')).toBe('pilot-design');
  });
});

describe('gate rules', () => {
  it('accepts a complete advance', () => {
    expect(validateGateDraft(draft())).toEqual({});
  });

  it('requires a rationale, a decider, an owner of next actions and a real date', () => {
    const e = validateGateDraft(draft({ rationale: '  ', decidedBy: '', nextActionsOwner: ' ', date: '2026-02-30' }));
    expect(Object.keys(e).sort()).toEqual(['date', 'decidedBy', 'nextActionsOwner', 'rationale']);
  });

  it('does not need an owner of next actions to stop', () => {
    expect(validateGateDraft(draft({ decision: 'stop', nextActionsOwner: '' }))).toEqual({});
  });

  it('refuses to advance past a failed criterion, naming it', () => {
    const d = draft();
    d.criteria[1] = { name: 'Model stability', result: 'fail', evidence: 'drifts weekly' };
    const e = validateGateDraft(d);
    expect(e.criteria).toMatch(/Cannot advance: a criterion failed \(Model stability\)/);
    // The same review can still decide to improve the pilot.
    expect(validateGateDraft({ ...d, decision: 'improve-pilot' })).toEqual({});
  });

  it('refuses to advance with criteria left open, but lets a stop through', () => {
    const d = draft();
    d.criteria[0] = { name: 'KPI impact', result: null, evidence: '' };
    expect(validateGateDraft(d).criteria).toMatch(/1 still open/);
    expect(validateGateDraft({ ...d, decision: 'stop' })).toEqual({});
  });

  it('counts not applicable as answered', () => {
    const d = draft();
    d.criteria[3] = { name: 'Security controls', result: 'n/a', evidence: 'internal tool' };
    expect(validateGateDraft(d)).toEqual({});
  });

  it('rejects a decision the move does not offer and a move to the same stage', () => {
    expect(validateGateDraft(draft({ decision: 'move-back' })).decision).toBe('Choose a decision.');
    expect(validateGateDraft(draft({ decision: null })).decision).toBe('Choose a decision.');
    expect(validateGateDraft(draft({ to: 'gate' })).decision).toMatch(/already in this stage/);
  });

  it('asks for the reason of a move back in those words', () => {
    const e = validateGateDraft(draft({ from: 'hardening', to: 'pilot', decision: 'move-back', criteria: [], rationale: '' }));
    expect(e.rationale).toBe('Give the reason for this move.');
  });
});

describe('stage from the decision log', () => {
  const uc = (id: string, stage: 'readiness' | 'pilot' = 'readiness') => ({ id, stage, createdAt: '2026-11-01T10:00:00.000Z' });
  const d = (useCaseId: string, seq: number, toStage: GateDraft['to']) => ({ useCaseId, seq, toStage, createdAt: `2026-11-0${seq}T10:00:00.000Z` });

  it('is the latest decision, whatever order the rows come in', () => {
    const stages = currentStages([uc('a'), uc('b')], [d('a', 3, 'stopped'), d('a', 1, 'pilot-design'), d('a', 2, 'pilot')]);
    expect(stages.get('a')).toBe('stopped');
    expect(stages.get('b')).toBe('readiness');
  });

  it('locks the pilot design from the first entry into the pilot, and keeps it locked after a move back', () => {
    expect(pilotLockedAt(uc('a'), [d('a', 1, 'pilot-design')])).toBeNull();
    const log = [d('a', 1, 'pilot-design'), d('a', 2, 'pilot'), d('a', 3, 'pilot-design')];
    expect(pilotLockedAt(uc('a'), log)).toBe('2026-11-02T10:00:00.000Z');
    expect(pilotLockedAt(uc('b', 'pilot'), [])).toBe('2026-11-01T10:00:00.000Z');
  });
});
