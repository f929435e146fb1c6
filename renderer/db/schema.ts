// The Dexie database. Versions are appended forever: a new version is a step of the one migration
// chain in domain/migrations.ts (its stores and its row transforms), never an edit of an old one.
import { Dexie, type EntityTable } from 'dexie';
import type {
  AgendaItem,
  AuditEntry,
  CadenceEvent,
  ControlItem,
  DecisionRight,
  GateDecision,
  Kpi,
  Measurement,
  Participant,
  PilotDesign,
  Readiness,
  Risk,
  Role,
  RoadmapItem,
  Score,
  ScoringRound,
  UseCase,
  Workshop,
  WorkshopTableName,
} from '../domain/model';
import type { HistoryEntry, RowChange, WorkshopActivity } from './history-model';
import { MIGRATIONS, STORES_V1, migrateRow, type Migration, type PlainRow } from '../domain/migrations';

export const DB_NAME = 'liftoff';

export type LiftoffDb = Dexie & {
  workshops: EntityTable<Workshop, 'id'>;
  participants: EntityTable<Participant, 'id'>;
  useCases: EntityTable<UseCase, 'id'>;
  scoringRounds: EntityTable<ScoringRound, 'id'>;
  scores: EntityTable<Score, 'id'>;
  readiness: EntityTable<Readiness, 'id'>;
  pilotDesigns: EntityTable<PilotDesign, 'id'>;
  kpis: EntityTable<Kpi, 'id'>;
  measurements: EntityTable<Measurement, 'id'>;
  risks: EntityTable<Risk, 'id'>;
  gateDecisions: EntityTable<GateDecision, 'id'>;
  controls: EntityTable<ControlItem, 'id'>;
  roles: EntityTable<Role, 'id'>;
  decisionRights: EntityTable<DecisionRight, 'id'>;
  cadence: EntityTable<CadenceEvent, 'id'>;
  roadmapItems: EntityTable<RoadmapItem, 'id'>;
  agendaItems: EntityTable<AgendaItem, 'id'>;
  auditLog: EntityTable<AuditEntry, 'id'>;
  history: EntityTable<HistoryEntry, 'seq'>;
  workshopActivity: EntityTable<WorkshopActivity, 'workshopId'>;
};

/** Version 1 of the schema, as it shipped (tests write old databases with it). */
export const SCHEMA_V1: Record<WorkshopTableName | 'workshops' | 'history', string> = STORES_V1 as Record<WorkshopTableName | 'workshops' | 'history', string>;

export function createDb(name: string = DB_NAME): LiftoffDb {
  // Strict durability: a write is reported done only once it is on disk, so "Saved" means saved
  // even if the laptop loses power a moment later.
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' }) as LiftoffDb;
  db.version(1).stores(SCHEMA_V1);
  // The one migration chain (domain/migrations.ts): each version declares its stores, then its
  // row transforms run over the stored rows and over the undo images of those rows.
  for (const m of MIGRATIONS) {
    db.version(m.version)
      .stores({ ...(m.stores ?? {}) })
      .upgrade(async (tx) => {
        for (const tableName of Object.keys(m.transforms ?? {})) {
          await tx
            .table(tableName)
            .toCollection()
            .modify((row: PlainRow, ref: { value?: PlainRow }) => {
              const next = migrateRow(m, tableName, row);
              if (next === null) delete ref.value;
              else ref.value = next;
            });
        }
        // Undo steps recorded before the upgrade hold images of rows in the old shape: upgrade them
        // too, or an undo would put an old-shaped row back (e.g. a workshop without roadmap settings).
        if (!m.transforms || Object.keys(m.transforms).every((t) => t === 'history')) return;
        await tx
          .table('history')
          .toCollection()
          .modify((entry: HistoryEntry) => {
            entry.changes = entry.changes.map((c) => upgradeChange(c, m));
          });
      });
  }
  return db;
}

function upgradeChange(change: RowChange, m: Migration): RowChange {
  if (!m.transforms?.[change.table]) return change;
  const up = (image: unknown) => {
    if (image === null || typeof image !== 'object') return image;
    return migrateRow(m, change.table, image as PlainRow) ?? undefined;
  };
  return { ...change, before: up(change.before), after: up(change.after) };
}
