// The one way data changes: a unit of work runs in a single Dexie transaction that reads what the
// change depends on, writes the rows (each validated against the model), their audit entry and
// their undo step together, and notes when the workshop last changed. Either all of it is stored
// or none of it.
import type { Table, Transaction } from 'dexie';
import type { LiftoffDb } from './schema';
import type { HistoryEntry, RowChange, TableName } from './history-model';
import { newId, nowIso } from './ids';
import { checkRow, ROW_NOUNS, type RowOf } from '../domain/row-validation';
import type { Message } from '../domain/message';

const COALESCE_MS = 2000;

/**
 * Undo steps kept per workshop. A full workshop day is a few thousand steps (typing coalesces
 * into one step per field and pause; a step every ~10 s over 8 hours is about 2,900, and a room
 * of phones scoring adds one per score), so 5,000 reaches back over the whole day while keeping
 * a workshop's history to a few megabytes. Older steps are deleted.
 */
export const HISTORY_DEPTH = 5000;
/** Trimming runs on every TRIM_EVERY-th step (by sequence number), so its cost is spread out. */
export const TRIM_EVERY = 100;

export const ALL_TABLES: TableName[] = [
  'workshops',
  'participants',
  'useCases',
  'scoringRounds',
  'scores',
  'readiness',
  'pilotDesigns',
  'kpis',
  'measurements',
  'risks',
  'gateDecisions',
  'controls',
  'roles',
  'decisionRights',
  'cadence',
  'roadmapItems',
  'agendaItems',
  'auditLog',
];

type Row = { id: string };

export type Writer = {
  get<T extends TableName>(table: T, key: string): Promise<RowOf<T> | undefined>;
  /** The row, or a NotFoundError saying in plain words that it no longer exists. */
  require<T extends TableName>(table: T, key: string): Promise<RowOf<T>>;
  put<T extends TableName>(table: T, row: RowOf<T>): Promise<void>;
  /**
   * Many rows in one go (imports): one bulk read for the undo images, one bulk write. A caller
   * that read the rows in this same unit of work may pass them as `befores` (undefined for a new
   * row), one per row, and saves the read.
   */
  putMany<T extends TableName>(table: T, rows: readonly RowOf<T>[], befores?: readonly (RowOf<T> | undefined)[]): Promise<void>;
  update<T extends TableName>(table: T, key: string, patch: Partial<RowOf<T>>): Promise<RowOf<T>>;
  remove(table: TableName, key: string): Promise<void>;
  /** Sets what the step is called and whose it is, once the body has read what it needs. */
  describe(opts: Partial<WorkOptions>): void;
  /**
   * Takes every undo step that touched this row out of the history, so Ctrl+Z can never change it
   * again (a pilot design once the pilot has started).
   */
  sealHistory(table: TableName, key: string): Promise<void>;
  readonly now: string;
};

export type WorkOptions = {
  workshopId: string;
  /** Short, human label: shown in the undo toast and the audit log ("Rename workshop"). */
  label: string;
  /**
   * The label as an app-catalog message (ids `history.*`), so the Undo/Redo buttons and toasts
   * name the step in the interface language. The English label stays beside it: the audit log
   * (and the workshop file) keep it, and steps stored before messages existed have only it.
   */
  message?: Message;
  /** Longer audit text (what changed). Defaults to the label. */
  summary?: string;
  /**
   * The summary as an app-catalog message (ids `history.summary.*`), stored on the audit row
   * beside the English summary so the Activity log says it in the interface language. Values the
   * user typed (titles, names) are plain values, never translated. Entries stored before it
   * existed have the English summary only, and are shown with it.
   */
  summaryMessage?: Message;
  coalesceKey?: string | null;
  /** Workshop deletion and import leave no "last changed" note of their own. */
  touchWorkshop?: boolean;
  /**
   * 'home' steps (create, duplicate, delete, import a workshop) are undone from the home
   * screen only, so an undo inside a workshop never makes the open workshop vanish.
   */
  level?: 'workshop' | 'home';
  /**
   * False for writes that must never be taken back by Ctrl+Z (gate decisions: the log is
   * append-only). The change is audited but leaves no undo step, and the redo stack survives.
   */
  undoable?: boolean;
};

export class NotFoundError extends Error {}

/** A row the model refuses (out of range, too long, wrong kind): nothing of the step is stored. */
export class InvalidRowError extends Error {}

/** A database or one transaction of it: both hand out tables by name. */
type Tables = { table(name: string): Table };

function table(db: Tables | Transaction, name: TableName | 'history' | 'workshopActivity'): Table {
  return (db as Tables).table(name);
}

export function notFoundMessage(t: TableName): string {
  return `That ${ROW_NOUNS[t]} no longer exists (it may have been deleted or undone).`;
}

function validated<T extends TableName>(t: T, row: unknown): RowOf<T> {
  const check = checkRow(t, row);
  if (!check.ok) throw new InvalidRowError(check.message);
  return check.row;
}

function workTables(db: LiftoffDb): Table[] {
  return [...ALL_TABLES.map((n) => table(db, n)), table(db, 'history'), db.workshopActivity];
}

/**
 * Runs `body` as one unit of work. `opts` may be completed inside the body with `w.describe(...)`,
 * so that the label can name a row read inside the transaction.
 */
export async function runWork<R>(db: LiftoffDb, opts: Partial<WorkOptions>, body: (w: Writer) => Promise<R>): Promise<R> {
  return db.transaction('rw', workTables(db), async (tx) => {
    // Every read and write of the unit goes to this transaction by name, not through Dexie's
    // zone: Dexie loses the zone when a body awaits too many promises that are not its own in a
    // row, and a write made after that would land in a transaction of its own, outside this one.
    const now = nowIso();
    const described: Partial<WorkOptions> = { ...opts };
    const changes: RowChange[] = [];
    const byRow = new Map<string, RowChange>();
    const record = (t: TableName, key: string, before: unknown, after: unknown) => {
      const existing = byRow.get(`${t}\u0000${key}`);
      if (existing) {
        existing.after = after;
        return;
      }
      const change = { table: t, key, before, after };
      byRow.set(`${t}\u0000${key}`, change);
      changes.push(change);
    };
    const sealed: { table: TableName; key: string }[] = [];
    const w: Writer = {
      now,
      async get(t, key) {
        return await table(tx, t).get(key);
      },
      async require(t, key) {
        const row = await table(tx, t).get(key);
        if (row === undefined) throw new NotFoundError(notFoundMessage(t));
        return row;
      },
      async put(t, row) {
        const clean = validated(t, row) as Row;
        const before = await table(tx, t).get(clean.id);
        await table(tx, t).put(clean);
        record(t, clean.id, before, structuredClone(clean));
      },
      async putMany(t, rows, known) {
        const clean = rows.map((r) => validated(t, r) as Row);
        const befores = known && known.length === clean.length ? known : await table(tx, t).bulkGet(clean.map((r) => r.id));
        await table(tx, t).bulkPut(clean);
        clean.forEach((row, i) => record(t, row.id, befores[i], structuredClone(row)));
      },
      async update(t, key, patch) {
        const before = (await table(tx, t).get(key)) as Row | undefined;
        if (!before) throw new NotFoundError(notFoundMessage(t));
        const merged: Record<string, unknown> = { ...before, ...patch, id: before.id };
        if ('updatedAt' in before) merged.updatedAt = now;
        const after = validated(t, merged);
        await table(tx, t).put(after);
        record(t, key, before, structuredClone(after));
        return after;
      },
      async remove(t, key) {
        const before = await table(tx, t).get(key);
        if (before === undefined) return;
        await table(tx, t).delete(key);
        record(t, key, before, undefined);
      },
      describe(more) {
        // A new English label without its message must not keep the message of the old label.
        if (more.label !== undefined && more.message === undefined) delete described.message;
        // Likewise a new English summary without its message.
        if (more.summary !== undefined && more.summaryMessage === undefined) delete described.summaryMessage;
        Object.assign(described, more);
      },
      async sealHistory(t, key) {
        sealed.push({ table: t, key });
      },
    };
    const result = await body(w);
    const workshopId = described.workshopId;
    for (const s of sealed) if (workshopId) await sealRow(tx, workshopId, s.table, s.key);
    if (changes.length === 0) return result;
    if (!workshopId || !described.label) throw new Error('A unit of work changed data without saying whose and what (workshopId and label).');
    const full: WorkOptions = { ...described, workshopId, label: described.label };

    if (full.undoable !== false) await appendHistory(tx, full, changes, now);
    // A deleted workshop takes its audit log and its "last changed" note with it.
    if ((await table(tx, 'workshops').get(workshopId)) === undefined) {
      await table(tx, 'workshopActivity').delete(workshopId);
      return result;
    }
    await table(tx, 'auditLog').add({
      id: newId(),
      workshopId,
      at: now,
      action: full.label,
      summary: full.summary ?? full.label,
      ...(full.message ? { actionMessage: full.message } : {}),
      ...(full.summaryMessage ? { summaryMessage: full.summaryMessage } : {}),
    });
    if (full.touchWorkshop !== false) await table(tx, 'workshopActivity').put({ workshopId, at: now });
    return result;
  });
}

/**
 * A unit of work on one row: the row is read inside the transaction (a NotFoundError if it is
 * gone), `describe` names the step from it, and `body` changes it.
 */
export async function runOnRow<T extends TableName, R>(
  db: LiftoffDb,
  t: T,
  key: string,
  describe: (row: RowOf<T>) => Partial<WorkOptions>,
  body: (w: Writer, row: RowOf<T>) => Promise<R>,
): Promise<R> {
  return runWork(db, {}, async (w) => {
    const row = await w.require(t, key);
    const own = row as { workshopId?: string; id: string };
    w.describe({ workshopId: own.workshopId ?? own.id, ...describe(row) });
    return body(w, row);
  });
}

/** Entries of one workshop in one state, oldest first, through the compound index. */
function entriesOf(db: Tables, workshopId: string, state: HistoryEntry['state']) {
  return (table(db, 'history') as Table<HistoryEntry, number>).where('[workshopId+state+seq]').between([workshopId, state, -Infinity], [workshopId, state, Infinity]);
}

async function appendHistory(db: Tables, opts: WorkOptions, changes: RowChange[], now: string) {
  const history = table(db, 'history') as Table<HistoryEntry, number>;
  // A new step makes every undone step of this workshop unreachable (classic linear undo): they go.
  await entriesOf(db, opts.workshopId, 'undone').delete();

  const coalesceKey = opts.coalesceKey ?? null;
  if (coalesceKey) {
    const last = await entriesOf(db, opts.workshopId, 'done').last();
    if (
      last &&
      last.level !== 'home' &&
      last.coalesceKey === coalesceKey &&
      Date.parse(now) - Date.parse(last.at) < COALESCE_MS &&
      last.changes.length === changes.length &&
      last.changes.every((c, i) => c.table === changes[i]?.table && c.key === changes[i]?.key)
    ) {
      const merged = last.changes.map((c, i) => ({ ...c, after: changes[i]?.after }));
      await history.update(last.seq as number, { changes: merged, at: now });
      return;
    }
  }
  const entry: HistoryEntry = {
    workshopId: opts.workshopId,
    at: now,
    label: opts.label,
    ...(opts.message ? { message: opts.message } : {}),
    changes,
    state: 'done',
    coalesceKey,
    level: opts.level ?? 'workshop',
  };
  const seq = await history.add(entry);
  if (seq % TRIM_EVERY === 0) await trimHistory(db, opts.workshopId, HISTORY_DEPTH);
}

/** Keeps the newest `keep` steps of a workshop's history and deletes the rest. */
export async function trimHistory(db: Tables, workshopId: string, keep: number): Promise<number> {
  const history = table(db, 'history') as Table<HistoryEntry, number>;
  const surplus = (await history.where('workshopId').equals(workshopId).count()) - keep;
  if (surplus <= 0) return 0;
  // Oldest first (a forward walk of the index), as many as are over the depth.
  const old = await history.where('workshopId').equals(workshopId).limit(surplus).primaryKeys();
  await history.bulkDelete(old);
  return old.length;
}

async function sealRow(db: Tables, workshopId: string, t: TableName, key: string) {
  await (table(db, 'history') as Table<HistoryEntry, number>)
    .where('workshopId')
    .equals(workshopId)
    .filter((h) => h.changes.some((c) => c.table === t && c.key === key))
    .delete();
}

/**
 * The next step to undo ('done', newest first) or redo ('undone', oldest first: the next one
 * forward). Inside a workshop, steps taken on the home screen are not part of its history.
 */
async function nextEntry(db: LiftoffDb, scope: string | null, state: HistoryEntry['state']): Promise<HistoryEntry | undefined> {
  const coll = scope
    ? entriesOf(db, scope, state).filter((h) => h.level !== 'home')
    : db.history.where('[state+seq]').between([state, -Infinity], [state, Infinity]);
  return state === 'undone' ? coll.first() : coll.last();
}

async function applyImages(db: LiftoffDb, changes: RowChange[], side: 'before' | 'after') {
  const ordered = side === 'before' ? [...changes].reverse() : changes;
  for (const c of ordered) {
    const image = c[side];
    if (image === undefined) await table(db, c.table).delete(c.key);
    else await table(db, c.table).put(structuredClone(image));
  }
}

/** The step undone or redone: its English label, and its message when it was stored with one. */
export type UndoResult = { label: string; message?: Message; workshopId: string } | null;

/**
 * Undo the latest step. `scope` is a workshop id (inside a workshop) or null (home screen,
 * where the latest step of any workshop, a deletion for instance, is undone).
 */
export async function undo(db: LiftoffDb, scope: string | null): Promise<UndoResult> {
  return step(db, scope, 'undo');
}

export async function redo(db: LiftoffDb, scope: string | null): Promise<UndoResult> {
  return step(db, scope, 'redo');
}

async function step(db: LiftoffDb, scope: string | null, direction: 'undo' | 'redo'): Promise<UndoResult> {
  return db.transaction('rw', workTables(db), async () => {
    const entry = await nextEntry(db, scope, direction === 'undo' ? 'done' : 'undone');
    if (!entry) return null;
    return applyStep(db, entry, direction);
  });
}

/** Applies one history step inside the caller's transaction, with its audit entry. */
async function applyStep(db: LiftoffDb, entry: HistoryEntry, direction: 'undo' | 'redo'): Promise<UndoResult> {
  const now = nowIso();
  await applyImages(db, entry.changes, direction === 'undo' ? 'before' : 'after');
  await db.history.update(entry.seq as number, { state: direction === 'undo' ? 'undone' : 'done' });
  const workshopExists = (await db.workshops.get(entry.workshopId)) !== undefined;
  if (workshopExists) {
    await db.auditLog.add({
      id: newId(),
      workshopId: entry.workshopId,
      at: now,
      action: direction === 'undo' ? 'Undo' : 'Redo',
      summary: `${direction === 'undo' ? 'Undid' : 'Redid'}: ${entry.label}`,
    });
    await db.workshopActivity.put({ workshopId: entry.workshopId, at: now });
  } else {
    await db.workshopActivity.delete(entry.workshopId);
  }
  return { label: entry.label, ...(entry.message ? { message: entry.message } : {}), workshopId: entry.workshopId };
}

export type DeletedWorkshop = { seq: number; workshopId: string; name: string; at: string };

/** The workshop row a step deleted, if the step is the deletion of its workshop. */
function deletedWorkshopRow(entry: HistoryEntry): { name?: unknown } | null {
  if (entry.level !== 'home' || entry.state !== 'done') return null;
  const change = entry.changes.find((c) => c.table === 'workshops' && c.key === entry.workshopId);
  return change && change.before !== undefined && change.after === undefined ? (change.before as { name?: unknown }) : null;
}

/**
 * Deleted workshops that can still be brought back, newest first: a workshop no longer stored
 * whose latest step is its deletion. Read through the history's workshopId index (its distinct
 * keys), so a long history is not walked.
 */
export async function deletedWorkshops(db: LiftoffDb): Promise<DeletedWorkshop[]> {
  return db.transaction('r', [db.history, db.workshops], async () => {
    const ids = (await db.history.orderBy('workshopId').uniqueKeys()) as string[];
    const out: DeletedWorkshop[] = [];
    for (const id of ids) {
      if ((await db.workshops.get(id)) !== undefined) continue;
      const last = await entriesOf(db, id, 'done').last();
      const row = last ? deletedWorkshopRow(last) : null;
      if (last && row) out.push({ seq: last.seq as number, workshopId: id, name: typeof row.name === 'string' ? row.name : '', at: last.at });
    }
    return out.sort((a, b) => b.at.localeCompare(a.at));
  });
}

/**
 * Brings back one deleted workshop, whatever was done since in other workshops. Undo is linear,
 * but a deletion stands apart: nothing done after it can touch the rows it removed, so undoing it
 * out of turn is safe, unless rows with the same ids were stored again since (the same workshop
 * file opened anew), which is refused rather than overwritten.
 */
export async function restoreDeletedWorkshop(db: LiftoffDb, seq: number): Promise<UndoResult> {
  return db.transaction('rw', workTables(db), async () => {
    const entry = await db.history.get(seq);
    const row = entry ? deletedWorkshopRow(entry) : null;
    if (!entry || !row || (await db.workshops.get(entry.workshopId)) !== undefined) return null;
    for (const c of entry.changes) {
      if (c.before !== undefined && (await table(db, c.table).get(c.key)) !== undefined) {
        throw new Error(`“${String(row.name)}” cannot be brought back: part of it has been stored again since (from a workshop file). Restore it from Backups instead.`);
      }
    }
    return applyStep(db, entry, 'undo');
  });
}

export async function canUndoRedo(db: LiftoffDb, scope: string | null) {
  return db.transaction('r', db.history, async () => {
    const [u, r] = await Promise.all([nextEntry(db, scope, 'done'), nextEntry(db, scope, 'undone')]);
    return { undoLabel: u?.label ?? null, redoLabel: r?.label ?? null, undoMessage: u?.message ?? null, redoMessage: r?.message ?? null };
  });
}
