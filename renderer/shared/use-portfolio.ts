// The workshop's portfolio read model (domain/portfolio.ts), read live through one query over the
// rows it is built from. Every screen that shows ranks, consensus or stages reads it here.
import { useMemo } from 'react';
import { dbNameInUse, repos } from '../app/repos';
import type { Workshop } from '../domain/model';
import { buildPortfolio, type Portfolio, type PortfolioRows } from '../domain/portfolio';
import { shareRows } from './share-rows';
import { useThrottledLiveQuery } from './use-throttled-live-query';

/** The tables the portfolio is read from. */
const PORTFOLIO_TABLES = ['useCases', 'participants', 'scoringRounds', 'scores', 'gateDecisions'] as const;
/**
 * At most one re-read per this many ms: with a room of phones sending, the page reads every score
 * a few times a second, not after every stored batch; the projector's count still follows the last
 * score within the room's 200 ms.
 */
const PORTFOLIO_GAP_MS = 120;

/** Unchanged rows keep their objects from the last read, so a stored score redraws its own row of a screen, not every participant's. */
function shareWithLast(before: PortfolioRows, fresh: PortfolioRows): PortfolioRows {
  return {
    useCases: shareRows(before.useCases, fresh.useCases),
    participants: shareRows(before.participants, fresh.participants),
    scoringRounds: shareRows(before.scoringRounds, fresh.scoringRounds),
    scores: shareRows(before.scores, fresh.scores),
    gateDecisions: fresh.gateDecisions,
  };
}

export function usePortfolio(workshop: Workshop): Portfolio | undefined {
  const id = workshop.id;
  const rows = useThrottledLiveQuery(() => repos.scoring.portfolioRows(id), id, {
    dbName: dbNameInUse,
    tables: PORTFOLIO_TABLES,
    gapMs: PORTFOLIO_GAP_MS,
    share: shareWithLast,
  });
  const weights = workshop.weights;
  return useMemo(() => (rows ? buildPortfolio(weights, rows) : undefined), [rows, weights]);
}
