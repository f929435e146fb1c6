import { describe, expect, it } from 'vitest';
import {
  aggregate,
  combinedScore,
  consensusFor,
  formatScore,
  matrixCell,
  median,
  normalizedWeights,
  quadrantOf,
  rankPortfolio,
  summarizeRound,
  type Consensus,
} from '../../../renderer/domain/scoring';
import { makeRound, makeScore, makeUseCase } from '../../fixtures/factories';


const EQUAL = { impact: 1, feasibility: 1, readiness: 1 };

function consensus(i: number | null, f: number | null, r: number | null): Consensus {
  const v = (value: number | null) => ({ value, source: value === null ? ('none' as const) : ('round' as const) });
  return { impact: v(i), feasibility: v(f), readiness: v(r) };
}

describe('aggregation', () => {
  it('gives mean, median, min, max and spread of a set of scores', () => {
    expect(aggregate([5, 4, 5, 5])).toMatchObject({ n: 4, mean: 4.75, median: 5, min: 4, max: 5, spread: 1, disagreement: false });
  });
  it('takes the middle pair for the median of an even count', () => {
    expect(median([2, 4, 3, 1])).toBe(2.5);
    expect(median([4])).toBe(4);
  });
  it('has nothing to aggregate when nobody scored', () => {
    expect(aggregate([])).toBeNull();
  });
});

describe('disagreement', () => {
  it('flags disagreement when scores differ by two or more', () => {
    expect(aggregate([3, 5])?.disagreement).toBe(true);
    expect(aggregate([1, 2, 3])?.disagreement).toBe(true);
  });
  it('does not flag scores that differ by one', () => {
    expect(aggregate([4, 5, 4])?.disagreement).toBe(false);
  });
  it('flags a round when any criterion disagrees, and counts who has finished', () => {
    const scores = [
      makeScore({ participantId: 'a', criterion: 'impact', value: 5 }),
      makeScore({ participantId: 'a', criterion: 'feasibility', value: 4 }),
      makeScore({ participantId: 'a', criterion: 'readiness', value: 1 }),
      makeScore({ participantId: 'b', criterion: 'impact', value: 5 }),
      makeScore({ participantId: 'b', criterion: 'readiness', value: 4 }),
    ];
    const s = summarizeRound(scores, ['a', 'b', 'c']);
    expect(s.anyDisagreement).toBe(true);
    expect(s.byCriterion.readiness?.spread).toBe(3);
    expect(s.byCriterion.impact?.disagreement).toBe(false);
    expect(s.participantsDone).toBe(1);
    expect(s.participantsExpected).toBe(3);
  });
  it('ignores the scores of someone who is no longer a participant', () => {
    const scores = [makeScore({ participantId: 'gone', value: 1 }), makeScore({ participantId: 'a', value: 5 })];
    expect(summarizeRound(scores, ['a']).byCriterion.impact?.values).toEqual([5]);
  });
});

describe('consensus', () => {
  const uc = makeUseCase({ id: 'uc1', initialScores: { impact: 2, feasibility: null, readiness: 3 } });
  const r1 = makeRound({ id: 'r1', number: 1, revealedAt: '2026-11-23T10:00:00.000Z' });
  const r2 = makeRound({ id: 'r2', number: 2, revealedAt: '2026-11-23T10:30:00.000Z' });
  const r3 = makeRound({ id: 'r3', number: 3, revealedAt: null });
  const scores = [
    makeScore({ roundId: 'r1', participantId: 'a', criterion: 'impact', value: 1 }),
    makeScore({ roundId: 'r2', participantId: 'a', criterion: 'impact', value: 4 }),
    makeScore({ roundId: 'r2', participantId: 'b', criterion: 'impact', value: 5 }),
    makeScore({ roundId: 'r3', participantId: 'a', criterion: 'impact', value: 1 }),
  ];
  it('defaults to the median of the last revealed round', () => {
    const c = consensusFor(uc, [r1, r2, r3], scores, ['a', 'b']);
    expect(c.impact).toEqual({ value: 4.5, source: 'round', roundNumber: 2 });
  });
  it('falls back to the first scores, then to none, for criteria nobody scored in that round', () => {
    const c = consensusFor(uc, [r1, r2], scores, ['a', 'b']);
    expect(c.readiness).toEqual({ value: 3, source: 'initial' });
    expect(c.feasibility).toEqual({ value: null, source: 'none' });
  });
  it('uses the first scores before any round is revealed', () => {
    expect(consensusFor(uc, [r3], scores, ['a']).impact).toEqual({ value: 2, source: 'initial' });
  });
  it('lets the facilitator override with a reason', () => {
    const overridden = { ...uc, consensusOverrides: { impact: { value: 3, reason: 'Legal cap on savings', source: 'override' as const, at: '2026-11-23T11:00:00.000Z' }, feasibility: null, readiness: null } };
    expect(consensusFor(overridden, [r1, r2], scores, ['a', 'b']).impact).toEqual({ value: 3, source: 'override', reason: 'Legal cap on savings' });
  });
});

describe('weights and the combined score', () => {
  it('weighs criteria equally by default', () => {
    expect(combinedScore({ impact: 5, feasibility: 4, readiness: 3 }, EQUAL)).toBeCloseTo(4);
  });
  it('applies the workshop weights', () => {
    expect(combinedScore({ impact: 5, feasibility: 1, readiness: 1 }, { impact: 2, feasibility: 1, readiness: 1 })).toBeCloseTo(3);
  });
  it('ignores a criterion with weight zero, even unscored', () => {
    expect(combinedScore({ impact: 4, feasibility: 2, readiness: null }, { impact: 1, feasibility: 1, readiness: 0 })).toBeCloseTo(3);
  });
  it('has no combined score while a weighted criterion is unscored', () => {
    expect(combinedScore({ impact: 4, feasibility: null, readiness: 2 }, EQUAL)).toBeNull();
  });
  it('treats all-zero weights as equal weights', () => {
    expect(normalizedWeights({ impact: 0, feasibility: 0, readiness: 0 }).impact).toBeCloseTo(1 / 3);
  });
});

describe('ranking', () => {
  const ucs = [
    makeUseCase({ id: 'a', title: 'A', order: 1 }),
    makeUseCase({ id: 'b', title: 'B', order: 2 }),
    makeUseCase({ id: 'c', title: 'C', order: 3 }),
    makeUseCase({ id: 'd', title: 'D', order: 4 }),
    makeUseCase({ id: 'e', title: 'E', order: 5 }),
  ];
  const map = new Map<string, Consensus>([
    ['a', consensus(3, 3, 3)],
    ['b', consensus(5, 4, 3)],
    ['c', consensus(4, 4, 4)], // same combined as b (4): impact breaks the tie in b's favour
    ['d', consensus(4, null, 5)], // unranked
    ['e', consensus(4, 4, 4)], // same as c in every criterion: list order decides
  ]);
  it('ranks by combined score, highest first', () => {
    const r = rankPortfolio(ucs, map, EQUAL);
    expect(r.map((x) => x.useCase.id)).toEqual(['b', 'c', 'e', 'a', 'd']);
    expect(r.map((x) => x.rank)).toEqual([1, 2, 3, 4, null]);
  });
  it('breaks ties by impact, then feasibility, then readiness, then list order', () => {
    const r = rankPortfolio([...ucs].reverse(), map, EQUAL);
    expect(r.map((x) => x.useCase.id)).toEqual(['b', 'c', 'e', 'a', 'd']);
    expect(r.find((x) => x.useCase.id === 'c')?.tied).toBe(true);
    expect(r.find((x) => x.useCase.id === 'a')?.tied).toBe(false);
  });
  it('changes with the weights', () => {
    const r = rankPortfolio(ucs, map, { impact: 0, feasibility: 0, readiness: 1 });
    expect(r[0]?.useCase.id).toBe('d'); // readiness 5, and only readiness counts
  });
  it('places each ranked use case in a quadrant', () => {
    const r = rankPortfolio(ucs, map, EQUAL);
    expect(r.find((x) => x.useCase.id === 'b')?.quadrant).toBe('quick-wins');
    expect(r.find((x) => x.useCase.id === 'a')?.quadrant).toBe('deprioritize');
  });
});

describe('the prioritization matrix', () => {
  it('puts a consensus value in the nearest cell, halves up', () => {
    expect([1, 2.4, 2.5, 3.5, 4.49, 5].map(matrixCell)).toEqual([1, 2, 3, 4, 4, 5]);
  });
  it.each([
    [5, 5, 'quick-wins'],
    [4, 4, 'quick-wins'],
    [5, 2, 'strategic-bets'],
    [2, 5, 'fill-ins'],
    [3, 3, 'deprioritize'],
    [3.5, 3.5, 'quick-wins'],
  ] as const)('places impact %s and feasibility %s in %s', (i, f, q) => {
    expect(quadrantOf(i, f)).toBe(q);
  });
  it('has no quadrant until both axes are scored', () => {
    expect(quadrantOf(null, 4)).toBeNull();
  });
});

describe('formatting', () => {
  it('prints scores without trailing zeros', () => {
    expect([4, 4.5, 10 / 3, null].map((v) => formatScore(v))).toEqual(['4', '4.5', '3.33', '–']);
  });
});

