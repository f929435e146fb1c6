// Undo and redo over the stored history, so both survive a reload.
import type { LiftoffDb } from './schema';
import type { Message } from '../domain/message';
import { canUndoRedo, deletedWorkshops, redo, restoreDeletedWorkshop, undo } from './unit-of-work';

export function historyRepo(db: LiftoffDb) {
  return {
    undo: (scope: string | null) => undo(db, scope),
    redo: (scope: string | null) => redo(db, scope),
    /** Labels of the next undo and redo steps in this scope, for menus and buttons. */
    peek: (scope: string | null) => canUndoRedo(db, scope),
    /**
     * The catalog message of each step label among a workshop's newest `limit` steps, so the
     * activity log can say its entries in the interface language. Audit entries (and the workshop
     * file) keep only the English label; an entry whose step is gone (trimmed, sealed, or from a
     * file) shows its English.
     */
    async messagesByLabel(workshopId: string, limit: number): Promise<Map<string, Message>> {
      const steps = await db.history.where('workshopId').equals(workshopId).reverse().limit(limit).toArray();
      const out = new Map<string, Message>();
      for (const s of steps) if (s.message && !out.has(s.label)) out.set(s.label, s.message);
      return out;
    },
    /** Deleted workshops that can be brought back, newest first (the home screen lists them). */
    deletedWorkshops: () => deletedWorkshops(db),
    /** Brings back one deleted workshop, even when other steps were taken since. */
    restoreDeleted: (seq: number) => restoreDeletedWorkshop(db, seq),
  };
}
