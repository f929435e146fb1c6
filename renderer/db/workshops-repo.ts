// Workshops: the only code that reads or writes the workshops table and the cascade over
// every per-workshop table (duplicate, delete, export, import).
import type { LiftoffDb } from './schema';
import { runWork } from './unit-of-work';
import { newId } from './ids';
import {
  DEFAULT_ROADMAP_SETTINGS,
  DEFAULT_WEIGHTS,
  type Criterion,
  WORKSHOP_TABLES,
  type Workshop,
  type WorkshopRows,
  type WorkshopTableName,
} from '../domain/model';
import { defaultRubrics } from '../domain/rubrics';

export type WorkshopInput = Pick<Workshop, 'name' | 'client' | 'facilitator' | 'workshopDate' | 'roadmapStartDate'>;
export type WorkshopPatch = Partial<Omit<Workshop, 'id' | 'createdAt' | 'updatedAt'>>;

export function workshopsRepo(db: LiftoffDb) {
  async function readRows(workshopId: string): Promise<WorkshopRows> {
    const rows = {} as Record<WorkshopTableName, unknown[]>;
    for (const t of WORKSHOP_TABLES) {
      rows[t] = await db.table(t).where('workshopId').equals(workshopId).toArray();
    }
    return rows as WorkshopRows;
  }

  return {
    /** Every workshop, most recently changed first. */
    async list(): Promise<Workshop[]> {
      return db.workshops.orderBy('updatedAt').reverse().toArray();
    },

    async get(id: string): Promise<Workshop | undefined> {
      return db.workshops.get(id);
    },

    async create(input: WorkshopInput): Promise<Workshop> {
      const id = newId();
      return runWork(db, { workshopId: id, label: 'Create workshop', summary: `Created workshop "${input.name}"`, level: 'home' }, async (w) => {
        const ws: Workshop = {
          id,
          createdAt: w.now,
          updatedAt: w.now,
          name: input.name.trim(),
          client: input.client.trim(),
          facilitator: input.facilitator.trim(),
          workshopDate: input.workshopDate,
          roadmapStartDate: input.roadmapStartDate,
          weights: { ...DEFAULT_WEIGHTS },
          rubrics: defaultRubrics(),
          roadmap: { ...DEFAULT_ROADMAP_SETTINGS },
          notes: '',
        };
        await w.put('workshops', ws);
        return ws;
      });
    },

    async update(id: string, patch: WorkshopPatch, opts: { label?: string; coalesceKey?: string } = {}): Promise<Workshop> {
      const fields = Object.keys(patch).join(', ');
      return runWork(
        db,
        {
          workshopId: id,
          label: opts.label ?? 'Edit workshop details',
          summary: `Changed ${fields}`,
          coalesceKey: opts.coalesceKey ?? `workshop:${id}:${fields}`,
        },
        (w) => w.update<Workshop>('workshops', id, patch),
      );
    },

    /** Sets one criterion's weight (0–10), reading the current weights inside the transaction. */
    async setWeight(id: string, criterion: Criterion, value: number): Promise<void> {
      if (!Number.isFinite(value) || value < 0 || value > 10) throw new Error('A weight is a number from 0 to 10.');
      await runWork(db, { workshopId: id, label: `Set the ${criterion} weight to ${value}`, coalesceKey: `weight:${id}:${criterion}` }, async (w) => {
        const ws = await w.get<Workshop>('workshops', id);
        if (!ws) throw new Error('That workshop no longer exists.');
        await w.update<Workshop>('workshops', id, { weights: { ...ws.weights, [criterion]: value } });
      });
    },

    /** Edits one level's text of one criterion's rubric, reading the current rubric inside the transaction. */
    async setRubricLevel(id: string, criterion: Criterion, level: number, text: string): Promise<void> {
      if (!Number.isInteger(level) || level < 0 || level > 4) throw new Error('Rubric levels go from 1 to 5.');
      await runWork(db, { workshopId: id, label: 'Edit the scoring rubric', coalesceKey: `rubric:${id}:${criterion}:${level}` }, async (w) => {
        const ws = await w.get<Workshop>('workshops', id);
        if (!ws) throw new Error('That workshop no longer exists.');
        const levels = [...ws.rubrics[criterion]] as Workshop['rubrics'][Criterion];
        levels[level] = text;
        await w.update<Workshop>('workshops', id, { rubrics: { ...ws.rubrics, [criterion]: levels } });
      });
    },

    async rename(id: string, name: string): Promise<Workshop> {
      const trimmed = name.trim();
      if (!trimmed) throw new Error('A workshop needs a name.');
      return runWork(db, { workshopId: id, label: 'Rename workshop', summary: `Renamed workshop to "${trimmed}"`, level: 'home' }, (w) =>
        w.update<Workshop>('workshops', id, { name: trimmed }),
      );
    },

    /** A copy with new ids for every row, so the two never share anything. */
    async duplicate(id: string): Promise<Workshop> {
      const source = await db.workshops.get(id);
      if (!source) throw new Error('That workshop no longer exists.');
      const rows = await readRows(id);
      const copyId = newId();
      return runWork(db, { workshopId: copyId, label: 'Duplicate workshop', summary: `Duplicated "${source.name}"`, level: 'home' }, async (w) => {
        const copy: Workshop = { ...source, id: copyId, name: `${source.name} (copy)`, createdAt: w.now, updatedAt: w.now };
        await w.put('workshops', copy);
        const remapped = remapIds(rows, copyId);
        for (const t of WORKSHOP_TABLES) {
          if (t === 'auditLog') continue; // the copy starts its own history
          await w.putMany(t, remapped[t] as { id: string }[]);
        }
        return copy;
      });
    },

    /** Deletes the workshop and everything in it, as one undoable step. */
    async remove(id: string): Promise<void> {
      const ws = await db.workshops.get(id);
      if (!ws) return;
      await runWork(db, { workshopId: id, label: `Delete workshop "${ws.name}"`, touchWorkshop: false, level: 'home' }, async (w) => {
        for (const t of WORKSHOP_TABLES) {
          const keys = (await db.table(t).where('workshopId').equals(id).primaryKeys()) as string[];
          for (const key of keys) await w.remove(t, key);
        }
        await w.remove('workshops', id);
      });
    },

    readRows,

    /**
     * Stores a validated workshop file. If a workshop with the same id is here already, the
     * file comes in as a copy with fresh ids, so nothing existing is overwritten.
     */
    async importRows(workshop: Workshop, rows: WorkshopRows): Promise<{ workshop: Workshop; asCopy: boolean }> {
      const exists = (await db.workshops.get(workshop.id)) !== undefined;
      const targetId = exists ? newId() : workshop.id;
      const data = exists ? remapIds(rows, targetId) : rows;
      const stored: Workshop = exists ? { ...workshop, id: targetId, name: `${workshop.name} (imported)` } : workshop;
      await runWork(
        db,
        { workshopId: targetId, label: 'Import workshop file', summary: `Imported "${stored.name}" from a file`, level: 'home', touchWorkshop: false },
        async (w) => {
          await w.put('workshops', stored);
          for (const t of WORKSHOP_TABLES) await w.putMany(t, data[t] as { id: string }[]);
        },
      );
      return { workshop: stored, asCopy: exists };
    },
  };
}

/** Gives every row a new id and rewrites the references between rows to match. */
export function remapIds(rows: WorkshopRows, workshopId: string): WorkshopRows {
  const map = new Map<string, string>();
  for (const t of WORKSHOP_TABLES) for (const row of rows[t]) map.set(row.id, newId());
  const ref = (v: string | null) => (v === null ? null : (map.get(v) ?? v));
  const refKeys = ['useCaseId', 'roundId', 'participantId', 'kpiId', 'roleId'] as const;
  const out = {} as Record<WorkshopTableName, unknown[]>;
  for (const t of WORKSHOP_TABLES) {
    out[t] = rows[t].map((row) => {
      const copy: Record<string, unknown> = { ...structuredClone(row), id: map.get(row.id), workshopId };
      for (const k of refKeys) if (k in copy) copy[k] = ref(copy[k] as string | null);
      if (t === 'decisionRights') {
        copy.assignments = (copy.assignments as { roleId: string; raci: string }[]).map((a) => ({ ...a, roleId: ref(a.roleId) }));
      }
      return copy;
    });
  }
  return out as WorkshopRows;
}
