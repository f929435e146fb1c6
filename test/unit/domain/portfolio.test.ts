// The one read model: rank, consensus, stage and latest round computed once, the same for every
// screen and the sponsor pack.
import { describe, expect, it } from 'vitest';
import { buildPortfolio } from '../../../renderer/domain/portfolio';
import { consensusFor, rankPortfolio, summarizeRound } from '../../../renderer/domain/scoring';
import { currentStages } from '../../../renderer/domain/stages';
import { rankWorkshop } from '../../../renderer/domain/sponsor-pack';
import type { GateDecision, Participant, Score, ScoringRound, UseCase } from '../../../renderer/domain/model';
import { insurerWorkshop } from '../pdf/insurer-fixture';

const at = '2026-12-01T09:00:00.000Z';
const owned = (id: string) => ({ id, workshopId: 'w', createdAt: at, updatedAt: at });

function useCase(id: string, order: number, stage: UseCase['stage'] = 'readiness'): UseCase {
  return {
    ...owned(id), order, title: `Use case ${id}`, problem: '', businessOwner: '', department: '', dataSources: '', expectedValue: '', kind: 'other', notes: '',
    initialScores: { impact: null, feasibility: null, readiness: null }, consensusOverrides: { impact: null, feasibility: null, readiness: null }, stage,
  };
}
const round = (id: string, useCaseId: string, number: number, revealed: boolean): ScoringRound => ({
  ...owned(id), useCaseId, number, revealedAt: revealed ? at : null, discussion: '', timeboxSeconds: null, timerStartedAt: null,
});
const score = (id: string, r: ScoringRound, participantId: string, criterion: Score['criterion'], value: number): Score => ({
  ...owned(id), useCaseId: r.useCaseId, roundId: r.id, participantId, criterion, value,
});
const person = (id: string): Participant => ({ ...owned(id), name: id, role: 'other' });

describe('the portfolio read model', () => {
  it('ranks from each use case’s last revealed round, and reports its newest round even while masked', () => {
    const a = useCase('a', 1);
    const b = useCase('b', 2);
    const r1 = round('r1', 'a', 1, true);
    const r2 = round('r2', 'a', 2, false);
    const rb = round('rb', 'b', 1, true);
    const ps = [person('p1'), person('p2')];
    const scores = [
      ...(['impact', 'feasibility', 'readiness'] as const).flatMap((c, i) => [score(`a1${i}`, r1, 'p1', c, 2), score(`a2${i}`, r1, 'p2', c, 2)]),
      score('a3', r2, 'p1', 'impact', 5),
      ...(['impact', 'feasibility', 'readiness'] as const).flatMap((c, i) => [score(`b1${i}`, rb, 'p1', c, 4), score(`b2${i}`, rb, 'p2', c, 5)]),
    ];
    const p = buildPortfolio({ impact: 1, feasibility: 1, readiness: 1 }, { useCases: [b, a], participants: ps, scoringRounds: [r2, r1, rb], scores, gateDecisions: [] });
    expect(p.entries.map((e) => [e.useCase.id, e.rank])).toEqual([['b', 1], ['a', 2]]);
    // The masked round 2 does not move the consensus, but it is the one the scoring screen shows.
    expect(p.byId.get('a')?.consensus.impact).toMatchObject({ value: 2, source: 'round', roundNumber: 1 });
    expect(p.byId.get('a')?.latestRound?.round.id).toBe('r2');
    expect(p.byId.get('a')?.latestRound?.summary.participantsDone).toBe(0);
    expect(p.useCases.map((u) => u.id)).toEqual(['a', 'b']);
  });

  it('takes each stage from the decision log, and the stage the use case was created in otherwise', () => {
    const a = useCase('a', 1);
    const b = useCase('b', 2, 'hardening');
    const d = { useCaseId: 'a', seq: 1, toStage: 'pilot-design', createdAt: at } as GateDecision;
    const p = buildPortfolio({ impact: 1, feasibility: 1, readiness: 1 }, { useCases: [a, b], participants: [], scoringRounds: [], scores: [], gateDecisions: [d] });
    expect(p.byId.get('a')?.stage).toBe('pilot-design');
    expect(p.byId.get('b')?.stage).toBe('hardening');
  });

  it('agrees with the rules it is built from, and the sponsor pack ranks with it', () => {
    const { workshop, rows } = insurerWorkshop();
    const p = buildPortfolio(workshop.weights, rows);
    const ids = rows.participants.map((x) => x.id);
    const byHand = new Map(rows.useCases.map((u) => [u.id, consensusFor(u, rows.scoringRounds, rows.scores, ids)]));
    const sorted = [...rows.useCases].sort((x, y) => x.order - y.order);
    expect(p.entries.map((e) => [e.useCase.id, e.rank, e.combined])).toEqual(rankPortfolio(sorted, byHand, workshop.weights).map((r) => [r.useCase.id, r.rank, r.combined]));
    const stages = currentStages(rows.useCases, rows.gateDecisions);
    for (const e of p.entries) expect(e.stage).toBe(stages.get(e.useCase.id));
    for (const e of p.entries.filter((x) => x.latestRound)) {
      const r = e.latestRound!;
      expect(r.summary).toEqual(summarizeRound(rows.scores.filter((s) => s.roundId === r.round.id), ids));
    }
    expect(rankWorkshop(workshop, rows).ranked.map((r) => r.useCase.id)).toEqual(p.entries.map((e) => e.useCase.id));
  });
});
