// Everything the scoring screens derive from: read live from the repositories, derived with
// the pure rules in domain/scoring.ts (never stored twice).
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { repos } from '../../app/repos';
import type { Participant, Score, ScoringRound, UseCase, Workshop } from '../../domain/model';
import { consensusFor, rankPortfolio, summarizeRound, type Consensus, type RankedUseCase, type RoundSummary } from '../../domain/scoring';

export type ScoringData = {
  useCases: UseCase[];
  participants: Participant[];
  rounds: ScoringRound[];
  scores: Score[];
  consensusById: Map<string, Consensus>;
  ranked: RankedUseCase[];
  /** Summary of the latest round of each use case that has one. */
  latestRound: Map<string, { round: ScoringRound; summary: RoundSummary }>;
  loading: boolean;
};

export function useScoringData(workshop: Workshop): ScoringData {
  const id = workshop.id;
  const useCases = useLiveQuery(() => repos.useCases.list(id), [id]);
  const participants = useLiveQuery(() => repos.participants.list(id), [id]);
  const rounds = useLiveQuery(() => repos.scoring.listRounds(id), [id]);
  const scores = useLiveQuery(() => repos.scoring.listScores(id), [id]);
  const weights = workshop.weights;
  return useMemo(() => {
    const ucs = useCases ?? [];
    const ps = participants ?? [];
    const rs = rounds ?? [];
    const ss = scores ?? [];
    const pIds = ps.map((p) => p.id);
    const consensusById = new Map(ucs.map((u) => [u.id, consensusFor(u, rs, ss, pIds)]));
    const latestRound = new Map<string, { round: ScoringRound; summary: RoundSummary }>();
    for (const r of rs) {
      const cur = latestRound.get(r.useCaseId);
      if (!cur || cur.round.number < r.number) latestRound.set(r.useCaseId, { round: r, summary: summarizeRound([], pIds) });
    }
    for (const [ucId, v] of latestRound) {
      latestRound.set(ucId, { round: v.round, summary: summarizeRound(ss.filter((s) => s.roundId === v.round.id), pIds) });
    }
    return {
      useCases: ucs,
      participants: ps,
      rounds: rs,
      scores: ss,
      consensusById,
      ranked: rankPortfolio(ucs, consensusById, weights),
      latestRound,
      loading: useCases === undefined || participants === undefined || rounds === undefined || scores === undefined,
    };
  }, [useCases, participants, rounds, scores, weights]);
}
