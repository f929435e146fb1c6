// KPIs per use case in four layers, and their dated measurements.
import type { LiftoffDb } from './schema';
import type { Kpi } from '../domain/model';

export function kpisRepo(db: LiftoffDb) {
  return {
    async list(workshopId: string): Promise<Kpi[]> {
      return db.kpis.where('workshopId').equals(workshopId).toArray();
    },
  };
}
