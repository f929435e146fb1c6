import type { LiftoffDb } from './schema';
import type { AuditEntry } from '../domain/model';

export function auditRepo(db: LiftoffDb) {
  return {
    /** Newest first. */
    async list(workshopId: string, limit = 200): Promise<AuditEntry[]> {
      return db.auditLog
        .where('[workshopId+at]')
        .between([workshopId, ''], [workshopId, '\uffff'])
        .reverse()
        .limit(limit)
        .toArray();
    },
  };
}
