// What the pipeline board shows, read live: each use case in rank order with its current stage
// (derived from the decision log), its readiness verdict, and the log itself.
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { repos } from '../../app/repos';
import type { GateDecision, Stage, Workshop } from '../../domain/model';
import { currentStages } from '../../domain/stages';
import { readinessVerdict, type ReadinessVerdict } from '../../domain/readiness';
import { useMatrixData, type MatrixEntry } from '../matrix/use-matrix-data';

export type PipelineCard = {
  id: string;
  title: string;
  rank: number | null;
  stage: Stage;
  verdict: ReadinessVerdict;
  /** The latest decision about this use case, if any. */
  lastDecision: GateDecision | null;
  entry: MatrixEntry;
};

export function usePipelineData(workshop: Workshop): { cards: PipelineCard[]; decisions: GateDecision[] } | undefined {
  const entries = useMatrixData(workshop);
  const id = workshop.id;
  const data = useLiveQuery(async () => {
    const [decisions, readiness] = await Promise.all([repos.pipeline.decisions(id), repos.pipeline.readinessFor(id)]);
    return { decisions, readiness };
  }, [id]);
  return useMemo(() => {
    if (!entries || !data) return undefined;
    const stages = currentStages(
      entries.map((e) => e.useCase),
      data.decisions,
    );
    const readinessBy = new Map(data.readiness.map((r) => [r.useCaseId, r]));
    const lastBy = new Map<string, GateDecision>();
    for (const d of data.decisions) lastBy.set(d.useCaseId, d); // sorted by seq: the last one wins
    const cards = entries.map((e) => ({
      id: e.id,
      title: e.title,
      rank: e.rank,
      stage: stages.get(e.id) ?? e.useCase.stage,
      verdict: readinessVerdict(readinessBy.get(e.id)),
      lastDecision: lastBy.get(e.id) ?? null,
      entry: e,
    }));
    return { cards, decisions: data.decisions };
  }, [entries, data]);
}
