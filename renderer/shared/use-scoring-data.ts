// What the scoring screens show: the portfolio read model (shared/use-portfolio.ts), in the shape
// the Scoring and Ranking screens use.
import { useMemo } from 'react';
import type { Participant, Score, ScoringRound, UseCase, Workshop } from '../domain/model';
import type { Consensus, RankedUseCase } from '../domain/scoring';
import type { LatestRound } from '../domain/portfolio';
import { usePortfolio } from './use-portfolio';

export type ScoringData = {
  useCases: UseCase[];
  participants: Participant[];
  rounds: ScoringRound[];
  scores: Score[];
  consensusById: ReadonlyMap<string, Consensus>;
  ranked: RankedUseCase[];
  /** Summary of the latest round of each use case that has one. */
  latestRound: Map<string, LatestRound>;
  loading: boolean;
};

export function useScoringData(workshop: Workshop): ScoringData {
  const portfolio = usePortfolio(workshop);
  return useMemo(() => {
    const latestRound = new Map<string, LatestRound>();
    for (const e of portfolio?.entries ?? []) if (e.latestRound) latestRound.set(e.useCase.id, e.latestRound);
    return {
      useCases: portfolio?.useCases ?? [],
      participants: portfolio?.participants ?? [],
      rounds: portfolio?.rounds ?? [],
      scores: portfolio?.scores ?? [],
      consensusById: portfolio?.consensus ?? new Map(),
      ranked: portfolio?.entries ?? [],
      latestRound,
      loading: portfolio === undefined,
    };
  }, [portfolio]);
}
