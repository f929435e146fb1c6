// What the matrix shows: the portfolio read model (shared/use-portfolio.ts) with each card's cell.
import { useMemo } from 'react';
import type { UseCase, Workshop } from '../../domain/model';
import type { Consensus } from '../../domain/scoring';
import { cellOf, type MatrixItem } from '../../domain/matrix-layout';
import { usePortfolio } from '../../shared/use-portfolio';

export type MatrixEntry = MatrixItem & {
  useCase: UseCase;
  title: string;
  /** 1-based rank; null while a weighted criterion is unscored. */
  rank: number | null;
  consensus: Consensus;
  readiness: number | null;
};

export function useMatrixData(workshop: Workshop): MatrixEntry[] | undefined {
  const portfolio = usePortfolio(workshop);
  return useMemo(
    () =>
      portfolio?.entries.map((r) => ({
        id: r.useCase.id,
        position: r.position,
        cell: cellOf(r.consensus.impact.value, r.consensus.feasibility.value),
        useCase: r.useCase,
        title: r.useCase.title,
        rank: r.rank,
        consensus: r.consensus,
        readiness: r.consensus.readiness.value,
      })),
    [portfolio],
  );
}
