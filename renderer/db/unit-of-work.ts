// The one way data changes: a unit of work runs in a single Dexie transaction that writes the
// rows, their audit entry and their undo step together, and touches the workshop's last-change
// time. Either all of it is stored or none of it.
import type { Table } from 'dexie';
import type { LiftoffDb } from './schema';
import type { HistoryEntry, RowChange, TableName } from './history-model';
import { newId, nowIso } from './ids';

const COALESCE_MS = 2000;

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
  get<T>(table: TableName, key: string): Promise<T | undefined>;
  put<T extends Row>(table: TableName, row: T): Promise<void>;
  /** Many rows in one go (imports): one bulk read for the undo images, one bulk write. */
  putMany<T extends Row>(table: TableName, rows: T[]): Promise<void>;
  update<T extends Row>(table: TableName, key: string, patch: Partial<T>): Promise<T>;
  remove(table: TableName, key: string): Promise<void>;
  readonly now: string;
};

export type WorkOptions = {
  workshopId: string;
  /** Short, human label: shown in the undo toast and the audit log ("Rename workshop"). */
  label: string;
  /** Longer audit text (what changed). Defaults to the label. */
  summary?: string;
  coalesceKey?: string | null;
  /** Workshop deletion removes the workshop row itself; nothing to touch afterwards. */
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

function table(db: LiftoffDb, name: TableName | 'history'): Table {
  return db.table(name);
}

export async function runWork<R>(db: LiftoffDb, opts: WorkOptions, body: (w: Writer) => Promise<R>): Promise<R> {
  const tables = [...ALL_TABLES, 'history'].map((n) => table(db, n as TableName));
  return db.transaction('rw', tables, async () => {
    const now = nowIso();
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
    const w: Writer = {
      now,
      async get<T>(t: TableName, key: string) {
        return (await table(db, t).get(key)) as T | undefined;
      },
      async put(t, row) {
        const before = await table(db, t).get(row.id);
        await table(db, t).put(row);
        record(t, row.id, before, structuredClone(row));
      },
      async putMany(t, rows) {
        const befores = await table(db, t).bulkGet(rows.map((r) => r.id));
        await table(db, t).bulkPut(rows);
        rows.forEach((row, i) => record(t, row.id, befores[i], structuredClone(row)));
      },
      async update<T extends Row>(t: TableName, key: string, patch: Partial<T>) {
        const before = (await table(db, t).get(key)) as T | undefined;
        if (!before) throw new NotFoundError(`${t} ${key} no longer exists`);
        const after = { ...before, ...patch, id: before.id } as T;
        if ('updatedAt' in before) (after as unknown as { updatedAt: string }).updatedAt = now;
        await table(db, t).put(after);
        record(t, key, before, structuredClone(after));
        return after;
      },
      async remove(t, key) {
        const before = await table(db, t).get(key);
        if (before === undefined) return;
        await table(db, t).delete(key);
        record(t, key, before, undefined);
      },
    };
    const result = await body(w);
    if (changes.length === 0) return result;

    if (opts.undoable !== false) await appendHistory(db, opts, changes, now);
    // A deleted workshop takes its audit log with it; an entry left behind would be an orphan.
    if ((await db.workshops.get(opts.workshopId)) === undefined) return result;
    await table(db, 'auditLog').add({
      id: newId(),
      workshopId: opts.workshopId,
      at: now,
      action: opts.label,
      summary: opts.summary ?? opts.label,
    });
    if (opts.touchWorkshop !== false) await touchWorkshop(db, opts.workshopId, now);
    return result;
  });
}

async function touchWorkshop(db: LiftoffDb, workshopId: string, now: string) {
  const ws = await db.workshops.get(workshopId);
  if (ws) await db.workshops.put({ ...ws, updatedAt: now });
}

async function appendHistory(db: LiftoffDb, opts: WorkOptions, changes: RowChange[], now: string) {
  // A new step makes every undone step of this workshop unreachable (classic linear undo).
  await db.history
    .where('workshopId')
    .equals(opts.workshopId)
    .and((h) => h.state === 'undone')
    .modify({ state: 'dropped' });

  const coalesceKey = opts.coalesceKey ?? null;
  if (coalesceKey) {
    const last = await latestEntry(db, opts.workshopId, 'done');
    if (
      last &&
      last.coalesceKey === coalesceKey &&
      Date.parse(now) - Date.parse(last.at) < COALESCE_MS &&
      last.changes.length === changes.length &&
      last.changes.every((c, i) => c.table === changes[i]?.table && c.key === changes[i]?.key)
    ) {
      const merged = last.changes.map((c, i) => ({ ...c, after: changes[i]?.after }));
      await db.history.update(last.seq as number, { changes: merged, at: now });
      return;
    }
  }
  const entry: HistoryEntry = {
    workshopId: opts.workshopId,
    at: now,
    label: opts.label,
    changes,
    state: 'done',
    coalesceKey,
    level: opts.level ?? 'workshop',
  };
  await db.history.add(entry);
}

async function latestEntry(db: LiftoffDb, workshopId: string | null, state: HistoryEntry['state']) {
  const coll = workshopId
    ? db.history.where('workshopId').equals(workshopId).and((h) => h.state === state && h.level !== 'home')
    : db.history.where('state').equals(state);
  const all = await coll.sortBy('seq');
  if (state === 'undone') return all[0]; // redo takes the oldest undone step: the next one forward
  return all[all.length - 1];
}

async function applyImages(db: LiftoffDb, changes: RowChange[], side: 'before' | 'after') {
  const ordered = side === 'before' ? [...changes].reverse() : changes;
  for (const c of ordered) {
    const image = c[side];
    if (image === undefined) await table(db, c.table).delete(c.key);
    else await table(db, c.table).put(structuredClone(image));
  }
}

export type UndoResult = { label: string; workshopId: string } | null;

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
  const tables = [...ALL_TABLES, 'history'].map((n) => table(db, n as TableName));
  return db.transaction('rw', tables, async () => {
    const entry = await latestEntry(db, scope, direction === 'undo' ? 'done' : 'undone');
    if (!entry) return null;
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
      await touchWorkshop(db, entry.workshopId, now);
    }
    return { label: entry.label, workshopId: entry.workshopId };
  });
}

export async function canUndoRedo(db: LiftoffDb, scope: string | null) {
  const [u, r] = await Promise.all([latestEntry(db, scope, 'done'), latestEntry(db, scope, 'undone')]);
  return { undoLabel: u?.label ?? null, redoLabel: r?.label ?? null };
}
