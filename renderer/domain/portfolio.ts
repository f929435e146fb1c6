// The one read model of a workshop's portfolio: each use case's consensus, combined score, rank,
// quadrant, current stage (from the decision log) and latest scoring round, computed once from the
// stored rows. The Scoring, Ranking, Matrix, Pipeline and Roadmap screens and the sponsor pack all
// read it, so they can never disagree about a rank or a stage.
//
// Linear in the number of rows: rounds and scores are grouped by use case once, not filtered per
// use case (200 use cases × every score of the workshop would be quadratic).
import type { GateDecision, Participant, Score, ScoringRound, Stage, UseCase, Workshop } from './model';
import { consensusFor, rankPortfolio, summarizeRound, type Consensus, type RankedUseCase, type RoundSummary } from './scoring';
import { currentStages, stageOf } from './stages';

export type PortfolioRows = {
  useCases: readonly UseCase[];
  participants: readonly Participant[];
  scoringRounds: readonly ScoringRound[];
  scores: readonly Score[];
  gateDecisions: readonly Pick<GateDecision, 'useCaseId' | 'seq' | 'toStage' | 'createdAt'>[];
};

export type LatestRound = { round: ScoringRound; summary: RoundSummary };

export type PortfolioEntry = RankedUseCase & {
  /** Position in the ranking (0-based; unranked use cases follow the ranked ones). */
  position: number;
  stage: Stage;
  /** The use case's newest round (revealed or not) and its summary, or null before any round. */
  latestRound: LatestRound | null;
};

export type Portfolio = {
  /** Every use case, best first. */
  entries: PortfolioEntry[];
  byId: ReadonlyMap<string, PortfolioEntry>;
  consensus: ReadonlyMap<string, Consensus>;
  stages: ReadonlyMap<string, Stage>;
  /** The use cases in the facilitator's list order. */
  useCases: UseCase[];
  participants: Participant[];
  rounds: ScoringRound[];
  scores: Score[];
};

export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

/** The portfolio of one workshop, from its rows (from the database, or from a workshop file). */
export function buildPortfolio(weights: Workshop['weights'], rows: PortfolioRows): Portfolio {
  const participantIds = rows.participants.map((p) => p.id);
  const useCases = [...rows.useCases].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const roundsBy = groupBy(rows.scoringRounds, (r) => r.useCaseId);
  const scoresByRound = groupBy(rows.scores, (s) => s.roundId);
  const scoresBy = groupBy(rows.scores, (s) => s.useCaseId);
  const consensus = new Map(useCases.map((u) => [u.id, consensusFor(u, roundsBy.get(u.id) ?? [], scoresBy.get(u.id) ?? [], participantIds)]));
  const stages = currentStages(useCases, rows.gateDecisions);
  const entries = rankPortfolio(useCases, consensus, weights).map((r, position): PortfolioEntry => {
    const newest = (roundsBy.get(r.useCase.id) ?? []).reduce<ScoringRound | null>((best, round) => (best && best.number >= round.number ? best : round), null);
    return {
      ...r,
      position,
      stage: stageOf(r.useCase, stages),
      latestRound: newest ? { round: newest, summary: summarizeRound(scoresByRound.get(newest.id) ?? [], participantIds) } : null,
    };
  });
  return {
    entries,
    byId: new Map(entries.map((e) => [e.useCase.id, e])),
    consensus,
    stages,
    useCases,
    participants: [...rows.participants],
    rounds: [...rows.scoringRounds],
    scores: [...rows.scores],
  };
}
