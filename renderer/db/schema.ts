// The Dexie database. Versions are appended forever: never edit a released `version(n)`
// block; add `version(n + 1)` with its upgrade as a named pure transform in migrations.ts.
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
import type { HistoryEntry, RowChange } from './history-model';
import { MIGRATIONS } from './migrations';

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
};

/** Version 1 of the schema: the whole method, one table per entity (see domain/model.ts). */
export const SCHEMA_V1: Record<WorkshopTableName | 'workshops' | 'history', string> = {
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

export function createDb(name: string = DB_NAME): LiftoffDb {
  // Strict durability: a write is reported done only once it is on disk, so "Saved" means saved
  // even if the laptop loses power a moment later.
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' }) as LiftoffDb;
  db.version(1).stores(SCHEMA_V1);
  for (const m of MIGRATIONS) {
    db.version(m.version).upgrade(async (tx) => {
      for (const [tableName, transform] of Object.entries(m.transforms)) {
        await tx
          .table(tableName)
          .toCollection()
          .modify((row: Record<string, unknown>, ref: { value: Record<string, unknown> }) => {
            ref.value = transform(row);
          });
      }
      // Undo steps recorded before the upgrade hold images of rows in the old shape: upgrade them
      // too, or an undo would put an old-shaped row back (e.g. a workshop without roadmap settings).
      await tx
        .table('history')
        .toCollection()
        .modify((entry: HistoryEntry) => {
          entry.changes = entry.changes.map((c) => upgradeChange(c, m.transforms[c.table]));
        });
    });
  }
  return db;
}

type RowTransform = (row: Record<string, unknown>) => Record<string, unknown>;

function upgradeChange(change: RowChange, transform: RowTransform | undefined): RowChange {
  if (!transform) return change;
  const up = (image: unknown) => (image !== null && typeof image === 'object' ? transform(image as Record<string, unknown>) : image);
  return { ...change, before: up(change.before), after: up(change.after) };
}
