// The workshop's portfolio read model (domain/portfolio.ts), read live through one query over the
// rows it is built from. Every screen that shows ranks, consensus or stages reads it here.
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { repos } from '../app/repos';
import type { Workshop } from '../domain/model';
import { buildPortfolio, type Portfolio } from '../domain/portfolio';

export function usePortfolio(workshop: Workshop): Portfolio | undefined {
  const id = workshop.id;
  const rows = useLiveQuery(() => repos.scoring.portfolioRows(id), [id]);
  const weights = workshop.weights;
  return useMemo(() => (rows ? buildPortfolio(weights, rows) : undefined), [rows, weights]);
}
