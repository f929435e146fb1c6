import type { WorkshopTableName } from '../domain/model';
import type { Message } from '../domain/message';

export type TableName = WorkshopTableName | 'workshops';

/** One row's before and after image; `undefined` means the row did not exist. */
export type RowChange = {
  table: TableName;
  key: string;
  before: unknown;
  after: unknown;
};

/**
 * One undoable step. `state` is 'done' (can be undone) or 'undone' (can be redone). An undone step
 * that a newer change makes unreachable is deleted (before schema version 3 it was kept as
 * 'dropped'), and each workshop keeps at most HISTORY_DEPTH steps (unit-of-work.ts).
 */
export type HistoryEntry = {
  seq?: number;
  workshopId: string;
  at: string;
  /** English, as stored since the first version; what the audit log repeats. */
  label: string;
  /**
   * The label as an app-catalog message, shown in the interface language. Optional: steps stored
   * before it existed (and those named by a caller's own words) have the label only, and are shown
   * with it. Not indexed and not in workshop files, so no schema version or file format changes.
   */
  message?: Message;
  changes: RowChange[];
  state: 'done' | 'undone';
  /** Consecutive edits with the same key within a short time merge into one step (typing). */
  coalesceKey: string | null;
  level: 'workshop' | 'home';
};

/** When anything in a workshop last changed (shown on the home screen, read by backups). */
export type WorkshopActivity = { workshopId: string; at: string };
