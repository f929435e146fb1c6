// Everything one use case's stage record shows, read live: the use case, its current stage (from
// the decision log, never `useCase.stage`), its decisions, readiness diagnostic, pilot design
// and controls, and when the pilot design was locked.
import { useLiveQuery } from 'dexie-react-hooks';
import { repos } from '../../app/repos';
import type { ControlItem, GateDecision, PilotDesign, Readiness, Stage, UseCase } from '../../domain/model';
import { currentStages, pilotLockedAt, stageOf } from '../../domain/stages';

export type StageRecord = {
  useCase: UseCase;
  stage: Stage;
  /** This use case's gate decisions, oldest first (log order). */
  decisions: GateDecision[];
  readiness: Readiness | null;
  pilot: PilotDesign | null;
  controls: ControlItem[];
  /** When the pilot started and its design was locked; null while it can still be edited freely. */
  lockedAt: string | null;
};

/** Undefined while loading, null when the use case is not in this workshop (deleted, or a stale link). */
export function useStageRecord(workshopId: string, useCaseId: string): StageRecord | null | undefined {
  return useLiveQuery(async (): Promise<StageRecord | null> => {
    const useCase = await repos.useCases.get(useCaseId);
    if (!useCase || useCase.workshopId !== workshopId) return null;
    const [all, readiness, pilots, controls] = await Promise.all([
      repos.pipeline.decisions(workshopId),
      repos.pipeline.readinessFor(workshopId),
      repos.pipeline.pilotDesignsFor(workshopId),
      repos.governance.controlsFor(workshopId),
    ]);
    const decisions = all.filter((d) => d.useCaseId === useCaseId);
    return {
      useCase,
      stage: stageOf(useCase, currentStages([useCase], decisions)),
      decisions,
      readiness: readiness.find((r) => r.useCaseId === useCaseId) ?? null,
      pilot: pilots.find((p) => p.useCaseId === useCaseId) ?? null,
      controls: controls.filter((c) => c.useCaseId === useCaseId),
      lockedAt: pilotLockedAt(useCase, decisions),
    };
  }, [workshopId, useCaseId]);
}

/** "1 Dec 2026" from a stored instant, in the person's own date format. */
export function formatInstantDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '—' : d.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}

/** "1 Dec 2026, 14:05" from a stored instant. */
export function formatInstant(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? '—'
    : d.toLocaleString(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}
