// What the roadmap shows, read live: the use cases in priority order with their readiness verdict
// and stage, the stored phases and gates, the governance cadence, and the Gantt model built from
// them (the same model the PDF export draws).
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { repos } from '../../app/repos';
import type { CadenceEvent, Readiness, RoadmapItem, Stage, UseCase, Workshop } from '../../domain/model';
import { readinessVerdict, type ReadinessVerdict } from '../../domain/readiness';
import { buildGanttModel, type GanttModel } from '../../domain/gantt';
import { needsReadinessSprint, planOrder, type UseCasePlan } from '../../domain/roadmap';
import { usePortfolio } from '../../shared/use-portfolio';

export type RoadmapUseCase = {
  useCase: UseCase;
  rank: number | null;
  stage: Stage;
  verdict: ReadinessVerdict['verdict'];
  /** Would get a readiness sprint if added now. */
  sprint: boolean;
  /** Its items in plan order; empty when it is not on the roadmap. */
  items: RoadmapItem[];
};

export type RoadmapData = {
  /** Every use case, highest priority first. */
  useCases: RoadmapUseCase[];
  items: RoadmapItem[];
  cadence: CadenceEvent[];
  /** The planned use cases, highest priority first, for the sequencing rules. */
  plans: UseCasePlan[];
  model: GanttModel;
};

export function useRoadmapData(workshop: Workshop): RoadmapData | undefined {
  const id = workshop.id;
  const ranked = usePortfolio(workshop)?.entries;
  const stored = useLiveQuery(async () => {
    const [items, cadence, readiness] = await Promise.all([repos.roadmap.list(id), repos.governance.cadence(id), repos.pipeline.readinessFor(id)]);
    return { items, cadence, readiness };
  }, [id]);
  const startDate = workshop.roadmapStartDate;

  return useMemo(() => {
    if (!ranked || !stored) return undefined;
    const readinessOf = new Map<string, Readiness>();
    for (const r of stored.readiness) {
      const prev = readinessOf.get(r.useCaseId);
      if (!prev || r.updatedAt > prev.updatedAt) readinessOf.set(r.useCaseId, r);
    }
    const itemsOf = new Map<string, RoadmapItem[]>();
    for (const i of stored.items) if (i.useCaseId) itemsOf.set(i.useCaseId, [...(itemsOf.get(i.useCaseId) ?? []), i]);
    const useCases = ranked.map((r): RoadmapUseCase => {
      const stage = r.stage;
      const verdict = readinessVerdict(readinessOf.get(r.useCase.id)).verdict;
      return { useCase: r.useCase, rank: r.rank, stage, verdict, sprint: needsReadinessSprint(verdict, stage), items: planOrder(itemsOf.get(r.useCase.id) ?? []) };
    });
    const planned = useCases.filter((u) => u.items.length > 0);
    const model = buildGanttModel({
      startDate,
      useCases: planned.map((u) => ({ id: u.useCase.id, title: u.useCase.title, rank: u.rank })),
      items: stored.items,
      cadence: stored.cadence,
    });
    return {
      useCases,
      items: stored.items,
      cadence: stored.cadence,
      plans: planned.map((u) => ({ useCaseId: u.useCase.id, items: u.items })),
      model,
    };
  }, [ranked, stored, startDate]);
}
