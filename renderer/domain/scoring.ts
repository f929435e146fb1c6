// Scoring rules: aggregation of a round, disagreement, consensus, the weighted combined score,
// ranking with a stated tie-break, and the prioritization matrix's cells and quadrants.
import { CRITERIA, type Criterion, type Score, type ScoringRound, type UseCase, type Workshop } from './model';

/** Scores that differ by this much or more (max − min) are flagged for discussion. */
export const DISAGREEMENT_SPREAD = 2;

export type Aggregate = {
  n: number;
  values: number[];
  mean: number;
  median: number;
  min: number;
  max: number;
  /** max − min */
  spread: number;
  disagreement: boolean;
};

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export function aggregate(values: readonly number[]): Aggregate | null {
  if (values.length === 0) return null;
  const min = Math.min(...values);
  const max = Math.max(...values);
  return {
    n: values.length,
    values: [...values],
    mean: values.reduce((a, b) => a + b, 0) / values.length,
    median: median(values),
    min,
    max,
    spread: max - min,
    disagreement: max - min >= DISAGREEMENT_SPREAD,
  };
}

export type RoundSummary = {
  byCriterion: Record<Criterion, Aggregate | null>;
  anyDisagreement: boolean;
  /** How many of the expected participants have scored all three criteria. */
  participantsDone: number;
  participantsExpected: number;
};

/** Aggregates one round. Only scores of `participantIds` count (a removed participant drops out). */
export function summarizeRound(scores: readonly Score[], participantIds: readonly string[]): RoundSummary {
  const wanted = new Set(participantIds);
  const mine = scores.filter((s) => wanted.has(s.participantId));
  const byCriterion = Object.fromEntries(
    CRITERIA.map((c) => [c, aggregate(mine.filter((s) => s.criterion === c).map((s) => s.value))]),
  ) as Record<Criterion, Aggregate | null>;
  // Indexed once: a round of 200 people is 600 lookups, not 600 searches of every score.
  const scored = new Set(mine.map((s) => `${s.participantId}|${s.criterion}`));
  const done = participantIds.filter((p) => CRITERIA.every((c) => scored.has(`${p}|${c}`))).length;
  return {
    byCriterion,
    anyDisagreement: CRITERIA.some((c) => byCriterion[c]?.disagreement ?? false),
    participantsDone: done,
    participantsExpected: participantIds.length,
  };
}

/**
 * How many people gave each score (index 0 is "1", index 4 is "5") for one criterion of a round:
 * the bars the room sees after the reveal. Only the listed participants count.
 */
export function scoreDistribution(scores: readonly Score[], participantIds: readonly string[], criterion: Criterion): [number, number, number, number, number] {
  const wanted = new Set(participantIds);
  const counts: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  for (const s of scores) if (s.criterion === criterion && wanted.has(s.participantId) && s.value >= 1 && s.value <= 5) counts[s.value - 1] = (counts[s.value - 1] ?? 0) + 1;
  return counts;
}

export type ConsensusSource = 'override' | 'matrix' | 'round' | 'initial' | 'none';
export type ConsensusValue = {
  value: number | null;
  source: ConsensusSource;
  roundNumber?: number;
  reason?: string;
};
export type Consensus = Record<Criterion, ConsensusValue>;

/** The latest revealed round of a use case, or null. */
export function lastRevealedRound(rounds: readonly ScoringRound[]): ScoringRound | null {
  return rounds.filter((r) => r.revealedAt !== null).reduce<ScoringRound | null>((best, r) => (best && best.number > r.number ? best : r), null);
}

/**
 * The consensus per criterion: the facilitator's override (or the matrix position) if there is
 * one; otherwise the median of the last revealed round; otherwise the first scores typed in or
 * imported; otherwise none.
 */
export function consensusFor(useCase: UseCase, rounds: readonly ScoringRound[], scores: readonly Score[], participantIds: readonly string[]): Consensus {
  const last = lastRevealedRound(rounds.filter((r) => r.useCaseId === useCase.id));
  const summary = last ? summarizeRound(scores.filter((s) => s.roundId === last.id), participantIds) : null;
  const out = {} as Consensus;
  for (const c of CRITERIA) {
    const o = useCase.consensusOverrides[c];
    const fromRound = summary?.byCriterion[c];
    if (o) out[c] = { value: o.value, source: o.source, reason: o.reason };
    else if (last && fromRound) out[c] = { value: fromRound.median, source: 'round', roundNumber: last.number };
    else if (useCase.initialScores[c] !== null) out[c] = { value: useCase.initialScores[c], source: 'initial' };
    else out[c] = { value: null, source: 'none' };
  }
  return out;
}

export type Weights = Workshop['weights'];

/** Weights as shares of 1. All-zero weights count as equal, so a score always exists. */
export function normalizedWeights(w: Weights): Record<Criterion, number> {
  const total = CRITERIA.reduce((sum, c) => sum + Math.max(0, w[c]), 0);
  if (total <= 0) return { impact: 1 / 3, feasibility: 1 / 3, readiness: 1 / 3 };
  return { impact: Math.max(0, w.impact) / total, feasibility: Math.max(0, w.feasibility) / total, readiness: Math.max(0, w.readiness) / total };
}

/** Weighted mean of the three consensus values; null when any criterion with weight is unscored. */
export function combinedScore(values: Record<Criterion, number | null>, weights: Weights): number | null {
  const w = normalizedWeights(weights);
  let sum = 0;
  for (const c of CRITERIA) {
    if (w[c] === 0) continue;
    const v = values[c];
    if (v === null) return null;
    sum += w[c] * v;
  }
  return sum;
}

export type Quadrant = 'quick-wins' | 'strategic-bets' | 'fill-ins' | 'deprioritize';

export const QUADRANT_LABELS: Record<Quadrant, string> = {
  'quick-wins': 'Quick wins',
  'strategic-bets': 'Strategic bets',
  'fill-ins': 'Fill-ins',
  deprioritize: 'Deprioritize',
};

/** The matrix cell (1–5) of a consensus value: nearest whole score, halves rounded up. */
export function matrixCell(value: number): number {
  return Math.min(5, Math.max(1, Math.floor(value + 0.5)));
}

/** High means cell 4 or 5: above the middle of the 1–5 scale. */
export const HIGH_FROM_CELL = 4;

export function quadrantOf(impact: number | null, feasibility: number | null): Quadrant | null {
  if (impact === null || feasibility === null) return null;
  const hi = matrixCell(impact) >= HIGH_FROM_CELL;
  const hf = matrixCell(feasibility) >= HIGH_FROM_CELL;
  if (hi && hf) return 'quick-wins';
  if (hi) return 'strategic-bets';
  if (hf) return 'fill-ins';
  return 'deprioritize';
}

export type RankedUseCase = {
  useCase: UseCase;
  consensus: Consensus;
  combined: number | null;
  /** 1-based position; null for use cases that cannot be ranked yet (a weighted criterion unscored). */
  rank: number | null;
  /** True when the combined score equals a neighbour's and the tie-break decided the order. */
  tied: boolean;
  quadrant: Quadrant | null;
};

export const TIE_BREAK_RULE =
  'Equal combined scores are ordered by business impact, then feasibility, then organizational readiness (higher first), then by their place in the use-case list.';

const EPS = 1e-9;

/**
 * Ranks the portfolio by weighted combined score (highest first). Ties are broken in a fixed
 * order (TIE_BREAK_RULE), so the same data always gives the same ranking. Unranked use cases
 * follow in list order.
 */
export function rankPortfolio(useCases: readonly UseCase[], consensusById: ReadonlyMap<string, Consensus>, weights: Weights): RankedUseCase[] {
  const rows = useCases.map((u) => {
    const consensus = consensusById.get(u.id) ?? emptyConsensus();
    const values = { impact: consensus.impact.value, feasibility: consensus.feasibility.value, readiness: consensus.readiness.value };
    return { useCase: u, consensus, values, combined: combinedScore(values, weights) };
  });
  const cmp = (a: (typeof rows)[number], b: (typeof rows)[number]) => {
    if (a.combined !== null && b.combined !== null && Math.abs(a.combined - b.combined) > EPS) return b.combined - a.combined;
    if ((a.combined === null) !== (b.combined === null)) return a.combined === null ? 1 : -1;
    for (const c of CRITERIA) {
      const av = a.values[c] ?? -1;
      const bv = b.values[c] ?? -1;
      if (Math.abs(av - bv) > EPS) return bv - av;
    }
    if (a.useCase.order !== b.useCase.order) return a.useCase.order - b.useCase.order;
    return a.useCase.id < b.useCase.id ? -1 : a.useCase.id > b.useCase.id ? 1 : 0;
  };
  const sorted = [...rows].sort(cmp);
  let position = 0;
  return sorted.map((r, i) => {
    const ranked = r.combined !== null;
    if (ranked) position += 1;
    const same = (o: (typeof rows)[number] | undefined) => o !== undefined && o.combined !== null && r.combined !== null && Math.abs(o.combined - r.combined) <= EPS;
    return {
      useCase: r.useCase,
      consensus: r.consensus,
      combined: r.combined,
      rank: ranked ? position : null,
      tied: ranked && (same(sorted[i - 1]) || same(sorted[i + 1])),
      quadrant: quadrantOf(r.values.impact, r.values.feasibility),
    };
  });
}

export function emptyConsensus(): Consensus {
  return { impact: { value: null, source: 'none' }, feasibility: { value: null, source: 'none' }, readiness: { value: null, source: 'none' } };
}

/** "3", "3.5", "3.67": scores for people, without trailing zeros. */
export function formatScore(v: number | null | undefined, digits = 2): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  return String(Number(v.toFixed(digits)));
}
