// What the pipeline board shows, read live: each use case in rank order with its current stage
// (derived from the decision log), its readiness verdict, and the log itself.
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { repos } from '../../app/repos';
import type { GateDecision, Stage, UseCase, Workshop } from '../../domain/model';
import { readinessVerdict, type ReadinessVerdict } from '../../domain/readiness';
import { usePortfolio } from '../../shared/use-portfolio';

export type PipelineCard = {
  id: string;
  title: string;
  rank: number | null;
  stage: Stage;
  verdict: ReadinessVerdict;
  /** The latest decision about this use case, if any. */
  lastDecision: GateDecision | null;
  useCase: UseCase;
};

export function usePipelineData(workshop: Workshop): { cards: PipelineCard[]; decisions: GateDecision[] } | undefined {
  const portfolio = usePortfolio(workshop);
  const id = workshop.id;
  const data = useLiveQuery(async () => {
    const [decisions, readiness] = await Promise.all([repos.pipeline.decisions(id), repos.pipeline.readinessFor(id)]);
    return { decisions, readiness };
  }, [id]);
  return useMemo(() => {
    if (!portfolio || !data) return undefined;
    const readinessBy = new Map(data.readiness.map((r) => [r.useCaseId, r]));
    const lastBy = new Map<string, GateDecision>();
    for (const d of data.decisions) lastBy.set(d.useCaseId, d); // sorted by seq: the last one wins
    const cards = portfolio.entries.map((e) => ({
      id: e.useCase.id,
      title: e.useCase.title,
      rank: e.rank,
      stage: e.stage,
      verdict: readinessVerdict(readinessBy.get(e.useCase.id)),
      lastDecision: lastBy.get(e.useCase.id) ?? null,
      useCase: e.useCase,
    }));
    return { cards, decisions: data.decisions };
  }, [portfolio, data]);
}
