// What the matrix shows, read live from the repositories and derived with the domain rules:
// consensus per use case, the weighted ranking, and each card's cell.
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { repos } from '../../app/repos';
import type { Score, ScoringRound, UseCase, Workshop } from '../../domain/model';
import { consensusFor, rankPortfolio, type Consensus } from '../../domain/scoring';
import { cellOf, type MatrixItem } from '../../domain/matrix-layout';

export type MatrixEntry = MatrixItem & {
  useCase: UseCase;
  title: string;
  /** 1-based rank; null while a weighted criterion is unscored. */
  rank: number | null;
  consensus: Consensus;
  readiness: number | null;
};

export function useMatrixData(workshop: Workshop): MatrixEntry[] | undefined {
  const id = workshop.id;
  // One query for the four tables, so a render never mixes a new use case with old scores.
  const data = useLiveQuery(async () => {
    const [useCases, rounds, scores, participants] = await Promise.all([
      repos.useCases.list(id),
      repos.scoring.listRounds(id),
      repos.scoring.listScores(id),
      repos.participants.list(id),
    ]);
    return { useCases, rounds, scores, participantIds: participants.map((p) => p.id) };
  }, [id]);
  const weights = workshop.weights;

  return useMemo(() => {
    if (!data) return undefined;
    // Grouped first: consensusFor filters what it is given, and 200 use cases × every score of
    // the workshop would be quadratic.
    const roundsBy = groupBy<ScoringRound>(data.rounds, (r) => r.useCaseId);
    const scoresBy = groupBy<Score>(data.scores, (s) => s.useCaseId);
    const consensusById = new Map(
      data.useCases.map((u) => [u.id, consensusFor(u, roundsBy.get(u.id) ?? [], scoresBy.get(u.id) ?? [], data.participantIds)]),
    );
    return rankPortfolio(data.useCases, consensusById, weights).map((r, position) => ({
      id: r.useCase.id,
      position,
      cell: cellOf(r.consensus.impact.value, r.consensus.feasibility.value),
      useCase: r.useCase,
      title: r.useCase.title,
      rank: r.rank,
      consensus: r.consensus,
      readiness: r.consensus.readiness.value,
    }));
  }, [data, weights]);
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}
