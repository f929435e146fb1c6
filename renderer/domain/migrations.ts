// The one migration chain. The database and the workshop file hold the same rows, so they upgrade
// through the same steps: version N of the data is what schema version N of the database stores
// and what file format N carries. Each step is plain data and pure functions over plain rows (no
// Dexie, no clock, no randomness), so it can be tested on its own with a before/after pair.
//
// db/schema.ts turns the chain into Dexie versions (declared stores, then the row transforms, then
// the undo images); domain/workshop-file.ts runs the same transforms over a file's tables. Only the
// file-format-1 KPI conversion is file-specific (version 1 of the app never stored KPIs).
//
// Adding a step: append it here with the next version, add test/fixtures/db/v<N-1>.json (the
// database the version before wrote) and a workshop-file sample of version N-1 if files changed.
import { DEFAULT_ROADMAP_SETTINGS } from './model';

export type PlainRow = Record<string, unknown>;
/** One row in, the row in the next version's shape out; `null` drops the row. */
export type RowTransform = (row: PlainRow) => PlainRow | null;

export type Migration = {
  version: number;
  name: string;
  /**
   * Tables and indexes this version adds or changes, in Dexie's notation (primary key first, then
   * indexes; `null` deletes a table). Tables not named keep their earlier declaration.
   */
  stores?: Readonly<Record<string, string | null>>;
  /** Table → transform of each of its rows. Undo images of that table are transformed too. */
  transforms?: Readonly<Record<string, RowTransform>>;
};

/** Version 1: the whole method, one table per entity (see model.ts), plus the undo history. */
export const STORES_V1: Readonly<Record<string, string>> = {
  workshops: 'id, updatedAt',
  participants: 'id, workshopId',
  useCases: 'id, workshopId, [workshopId+order]',
  scoringRounds: 'id, workshopId, useCaseId',
  scores: 'id, workshopId, roundId, useCaseId',
  readiness: 'id, workshopId, useCaseId',
  pilotDesigns: 'id, workshopId, useCaseId',
  kpis: 'id, workshopId, useCaseId',
  measurements: 'id, workshopId, kpiId',
  risks: 'id, workshopId, useCaseId',
  gateDecisions: 'id, workshopId, useCaseId, [workshopId+seq]',
  controls: 'id, workshopId, useCaseId',
  roles: 'id, workshopId',
  decisionRights: 'id, workshopId, roleId',
  cadence: 'id, workshopId',
  roadmapItems: 'id, workshopId, useCaseId',
  agendaItems: 'id, workshopId, [workshopId+order]',
  auditLog: 'id, workshopId, [workshopId+at]',
  history: '++seq, workshopId, state',
};

/** Version 2: each workshop remembers how its roadmap is laid out (parallel pilots, slip pushing). */
export function v2AddRoadmapSettings(row: PlainRow): PlainRow {
  if (row.roadmap && typeof row.roadmap === 'object') return row;
  return { ...row, roadmap: { ...DEFAULT_ROADMAP_SETTINGS } };
}

/**
 * Version 3: undo history is read through one index lookup (`[workshopId+state+seq]`), and a step
 * that a newer change made unreachable is deleted instead of kept as 'dropped'.
 */
export function v3DeleteUnreachableSteps(row: PlainRow): PlainRow | null {
  return row.state === 'dropped' ? null : row;
}

/**
 * Version 4: each workshop has a language, the one its room sees (projector, phones, sponsor pack).
 * Every earlier workshop was run in English, the only language Liftoff had, so it keeps English.
 */
export function v4AddWorkshopLanguage(row: PlainRow): PlainRow {
  return typeof row.language === 'string' ? row : { ...row, language: 'en' };
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 2, name: 'v2-roadmap-settings', transforms: { workshops: v2AddRoadmapSettings } },
  {
    version: 3,
    name: 'v3-indexed-bounded-history-and-activity',
    stores: {
      history: '++seq, workshopId, [workshopId+state+seq], [state+seq]',
      // When each workshop last changed, kept apart from the workshop row so that a write does not
      // rewrite the row every open screen is reading.
      workshopActivity: 'workshopId',
    },
    transforms: { history: v3DeleteUnreachableSteps },
  },
  {
    // Gate decisions may carry the review's proposal, the reason a decision differs from it, the
    // evidence shown and, per criterion, a "Pass" given against the data with its justification
    // (all optional, so those rows do not change). Workshops gain the language the room sees
    // (projector, phone page, sponsor pack), 'en' for every workshop made before.
    version: 4,
    name: 'v4-gate-evidence-and-workshop-language',
    transforms: { workshops: v4AddWorkshopLanguage },
  },
  {
    // A sealed gate decision may carry its evidence lines as app-catalog messages beside their
    // text (`evidenceMessages`), and an audit entry its summary as one, so the logs are said in
    // the reader's language. Optional, so no row changes; the version says that a file with them
    // comes from this Liftoff, and an older one says "made by a newer version" instead of
    // refusing an unknown field.
    version: 5,
    name: 'v5-sealed-messages',
  },
  {
    // A batch of phone scores reads only the scores of the participants in it (by round and
    // participant), not every score of the round: late in a round of 200 phones that was 600 rows
    // per batch. An index only: no row changes.
    version: 6,
    name: 'v6-scores-by-round-and-participant',
    stores: { scores: 'id, workshopId, roundId, useCaseId, [roundId+participantId]' },
  },
];

/** The newest version of the data: the database's schema version and the file format written. */
export const DATA_VERSION = 1 + MIGRATIONS.length;

/** The migrations that take data of version `from` to `to`, in order. */
export function migrationsBetween(from: number, to: number = DATA_VERSION): Migration[] {
  return MIGRATIONS.filter((m) => m.version > from && m.version <= to);
}

/** One row through one migration's transform for its table (unchanged if it has none). */
export function migrateRow(migration: Migration, table: string, row: PlainRow): PlainRow | null {
  const transform = migration.transforms?.[table];
  return transform ? transform(row) : row;
}

/** A table's rows through one migration: transformed, dropped rows left out. Non-objects pass through. */
export function migrateTable(migration: Migration, table: string, rows: readonly unknown[]): unknown[] {
  if (!migration.transforms?.[table]) return [...rows];
  const out: unknown[] = [];
  for (const row of rows) {
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      out.push(row);
      continue;
    }
    const next = migrateRow(migration, table, row as PlainRow);
    if (next !== null) out.push(next);
  }
  return out;
}

/** Every store declaration in force at `version`: version 1's, with each later step's changes. */
export function storesAt(version: number): Record<string, string> {
  const out: Record<string, string> = { ...STORES_V1 };
  for (const m of migrationsBetween(1, version)) {
    for (const [table, spec] of Object.entries(m.stores ?? {})) {
      if (spec === null) delete out[table];
      else out[table] = spec;
    }
  }
  return out;
}
