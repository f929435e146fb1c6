import type { WorkshopTableName } from '../domain/model';

export type TableName = WorkshopTableName | 'workshops';

/** One row's before and after image; `undefined` means the row did not exist. */
export type RowChange = {
  table: TableName;
  key: string;
  before: unknown;
  after: unknown;
};

/**
 * One undoable step. `state` is 'done' (can be undone), 'undone' (can be redone) or
 * 'dropped' (an undone step that a newer change made unreachable).
 */
export type HistoryEntry = {
  seq?: number;
  workshopId: string;
  at: string;
  label: string;
  changes: RowChange[];
  state: 'done' | 'undone' | 'dropped';
  /** Consecutive edits with the same key within a short time merge into one step (typing). */
  coalesceKey: string | null;
  level: 'workshop' | 'home';
};
