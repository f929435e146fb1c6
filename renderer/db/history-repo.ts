// Undo and redo over the stored history, so both survive a reload.
import type { LiftoffDb } from './schema';
import { canUndoRedo, deletedWorkshops, redo, restoreDeletedWorkshop, undo } from './unit-of-work';

export function historyRepo(db: LiftoffDb) {
  return {
    undo: (scope: string | null) => undo(db, scope),
    redo: (scope: string | null) => redo(db, scope),
    /** Labels of the next undo and redo steps in this scope, for menus and buttons. */
    peek: (scope: string | null) => canUndoRedo(db, scope),
    /** Deleted workshops that can be brought back, newest first (the home screen lists them). */
    deletedWorkshops: () => deletedWorkshops(db),
    /** Brings back one deleted workshop, even when other steps were taken since. */
    restoreDeleted: (seq: number) => restoreDeletedWorkshop(db, seq),
  };
}
