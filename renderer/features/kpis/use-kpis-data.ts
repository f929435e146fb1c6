// Everything the KPIs tab shows, read live: the workshop's use cases in the facilitator's order,
// their KPIs and every measurement, and each KPI's status worked out once.
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { repos } from '../../app/repos';
import type { Kpi, Measurement, UseCase } from '../../domain/model';
import { kpiStatus, measurementsOf, type KpiStatus } from '../../domain/kpi';

export type KpiEntry = { kpi: Kpi; measurements: Measurement[]; status: KpiStatus };

export type KpisData = {
  useCases: UseCase[];
  /** Per use case id, its KPIs in the order they were added. */
  byUseCase: Map<string, KpiEntry[]>;
  entries: KpiEntry[];
};

export function useKpisData(workshopId: string): KpisData | undefined {
  const raw = useLiveQuery(async () => {
    const [useCases, kpis, measurements] = await Promise.all([
      repos.useCases.list(workshopId),
      repos.kpis.list(workshopId),
      repos.kpis.measurements(workshopId),
    ]);
    return { useCases, kpis, measurements };
  }, [workshopId]);
  return useMemo(() => {
    if (!raw) return undefined;
    const byKpi = new Map<string, Measurement[]>();
    for (const m of raw.measurements) byKpi.set(m.kpiId, [...(byKpi.get(m.kpiId) ?? []), m]);
    const entries = raw.kpis.map((kpi): KpiEntry => {
      const ms = measurementsOf(kpi.id, byKpi.get(kpi.id) ?? []);
      return { kpi, measurements: ms, status: kpiStatus(kpi, ms) };
    });
    const byUseCase = new Map<string, KpiEntry[]>();
    for (const e of entries) byUseCase.set(e.kpi.useCaseId, [...(byUseCase.get(e.kpi.useCaseId) ?? []), e]);
    return { useCases: raw.useCases, byUseCase, entries };
  }, [raw]);
}
