// The risk register: workshop-wide and per use case.
import type { LiftoffDb } from './schema';
import type { Risk } from '../domain/model';

export function risksRepo(db: LiftoffDb) {
  return {
    async list(workshopId: string): Promise<Risk[]> {
      return db.risks.where('workshopId').equals(workshopId).toArray();
    },
  };
}
