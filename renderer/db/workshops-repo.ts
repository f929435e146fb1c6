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
import { defaultRubrics, rubricsAfterLanguageChange } from '../domain/rubrics';
import type { RowOf } from '../domain/row-validation';
import type { Language } from '../domain/languages';
import { msg, type Message } from '../domain/message';

export type WorkshopInput = Pick<Workshop, 'name' | 'client' | 'facilitator' | 'workshopDate' | 'roadmapStartDate'> & {
  /** The room's language; the new-workshop form offers the system's. English when not given. */
  language?: Language;
};
export type WorkshopPatch = Partial<Omit<Workshop, 'id' | 'createdAt' | 'updatedAt'>>;

export function workshopsRepo(db: LiftoffDb) {
  async function readRows(workshopId: string): Promise<WorkshopRows> {
    const rows = {} as Record<WorkshopTableName, unknown[]>;
    for (const t of WORKSHOP_TABLES) {
      rows[t] = await db.table(t).where('workshopId').equals(workshopId).toArray();
    }
    return rows as WorkshopRows;
  }

  /**
   * When anything in each workshop last changed (an edit of any of its rows, an undo). Kept apart
   * from the workshop row, so a keystroke in a use case does not rewrite the row every screen
   * reads; a workshop with no note yet falls back to its row's own updatedAt.
   */
  async function lastChanges(): Promise<Map<string, string>> {
    const [rows, notes] = await Promise.all([db.workshops.toArray(), db.workshopActivity.toArray()]);
    const out = new Map(rows.map((w) => [w.id, w.updatedAt]));
    for (const n of notes) if (out.has(n.workshopId) && n.at > (out.get(n.workshopId) ?? '')) out.set(n.workshopId, n.at);
    return out;
  }

  return {
    /** Every workshop, the one where something changed most recently first. */
    async list(): Promise<Workshop[]> {
      return db.transaction('r', db.workshops, db.workshopActivity, async () => {
        const [rows, changed] = await Promise.all([db.workshops.toArray(), lastChanges()]);
        const at = (w: Workshop) => changed.get(w.id) ?? w.updatedAt;
        return rows.sort((a, b) => at(b).localeCompare(at(a)) || a.id.localeCompare(b.id));
      });
    },

    lastChanges,

    async get(id: string): Promise<Workshop | undefined> {
      return db.workshops.get(id);
    },

    async create(input: WorkshopInput): Promise<Workshop> {
      const id = newId();
      return runWork(db, { workshopId: id, label: 'Create workshop', message: msg('history.createWorkshop', { name: input.name }), summary: `Created workshop "${input.name}"`, summaryMessage: msg('history.summary.createWorkshop', { name: input.name }), level: 'home' }, async (w) => {
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
          rubrics: defaultRubrics(input.language ?? 'en'),
          roadmap: { ...DEFAULT_ROADMAP_SETTINGS },
          notes: '',
          language: input.language ?? 'en',
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
          ...(opts.label === undefined ? { message: msg('history.editDetails') } : {}),
          summary: `Changed ${fields}`,
          summaryMessage: msg('history.summary.editDetails', { fields: { list: Object.keys(patch).map(workshopFieldName), separator: ', ' } }),
          coalesceKey: opts.coalesceKey ?? `workshop:${id}:${fields}`,
        },
        (w) => w.update('workshops', id, patch),
      );
    },

    /**
     * The room's language. Rubrics still as shipped follow it (the German workshop's phones read
     * German levels); rubrics the facilitator edited stay as written. One undoable step.
     */
    async setLanguage(id: string, language: Language): Promise<Workshop> {
      return runWork(db, { workshopId: id, label: 'Change the workshop language', message: msg('history.changeLanguage'), summary: `Changed the workshop language to ${language}`, summaryMessage: msg('history.summary.changeLanguage', { language }) }, async (w) => {
        const ws = await w.require('workshops', id);
        return w.update('workshops', id, { language, rubrics: rubricsAfterLanguageChange(ws.rubrics, ws.language, language) });
      });
    },

    /** Sets one criterion's weight (0–10), reading the current weights inside the transaction. */
    async setWeight(id: string, criterion: Criterion, value: number): Promise<void> {
      await runWork(db, { workshopId: id, label: `Set the ${criterion} weight to ${value}`, message: msg('history.setWeight', { criterion: msg(`criterion.${criterion}`), value }), coalesceKey: `weight:${id}:${criterion}` }, async (w) => {
        const ws = await w.require('workshops', id);
        await w.update('workshops', id, { weights: { ...ws.weights, [criterion]: value } });
      });
    },

    /** Edits one level's text of one criterion's rubric, reading the current rubric inside the transaction. */
    async setRubricLevel(id: string, criterion: Criterion, level: number, text: string): Promise<void> {
      if (!Number.isInteger(level) || level < 0 || level > 4) throw new Error('Rubric levels go from 1 to 5.');
      await runWork(db, { workshopId: id, label: 'Edit the scoring rubric', message: msg('history.editRubric'), coalesceKey: `rubric:${id}:${criterion}:${level}` }, async (w) => {
        const ws = await w.require('workshops', id);
        const levels = [...ws.rubrics[criterion]] as Workshop['rubrics'][Criterion];
        levels[level] = text;
        await w.update('workshops', id, { rubrics: { ...ws.rubrics, [criterion]: levels } });
      });
    },

    async rename(id: string, name: string): Promise<Workshop> {
      const trimmed = name.trim();
      if (!trimmed) throw new Error('A workshop needs a name.');
      return runWork(db, { workshopId: id, label: 'Rename workshop', message: msg('history.renameWorkshop', { name: trimmed }), summary: `Renamed workshop to "${trimmed}"`, summaryMessage: msg('history.summary.renameWorkshop', { name: trimmed }), level: 'home' }, (w) =>
        w.update('workshops', id, { name: trimmed }),
      );
    },

    /** A copy with new ids for every row, so the two never share anything. */
    async duplicate(id: string): Promise<Workshop> {
      const copyId = newId();
      return runWork(db, { workshopId: copyId, label: 'Duplicate workshop', message: msg('history.duplicateWorkshop'), level: 'home' }, async (w) => {
        const source = await w.require('workshops', id);
        const rows = await readRows(id);
        w.describe({ summary: `Duplicated "${source.name}"`, summaryMessage: msg('history.summary.duplicateWorkshop', { name: source.name }) });
        const copy: Workshop = { ...source, id: copyId, name: `${source.name} (copy)`, createdAt: w.now, updatedAt: w.now };
        await w.put('workshops', copy);
        const remapped = remapIds(rows, copyId);
        for (const t of WORKSHOP_TABLES) {
          if (t === 'auditLog') continue; // the copy starts its own history
          await w.putMany(t, remapped[t] as readonly RowOf<typeof t>[]);
        }
        return copy;
      });
    },

    /** Deletes the workshop and everything in it, as one undoable step. */
    async remove(id: string): Promise<void> {
      await runWork(db, { workshopId: id, touchWorkshop: false, level: 'home' }, async (w) => {
        const ws = await w.get('workshops', id);
        if (!ws) return;
        w.describe({ label: `Delete workshop "${ws.name}"`, message: msg('history.deleteWorkshop', { name: ws.name }) });
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
      return runWork(db, { label: 'Import workshop file', message: msg('history.importWorkshop'), level: 'home', touchWorkshop: false }, async (w) => {
        const exists = (await w.get('workshops', workshop.id)) !== undefined;
        const targetId = exists ? newId() : workshop.id;
        const data = exists ? remapIds(rows, targetId) : rows;
        const stored: Workshop = exists ? { ...workshop, id: targetId, name: `${workshop.name} (imported)` } : workshop;
        w.describe({ workshopId: targetId, summary: `Imported "${stored.name}" from a file`, summaryMessage: msg('history.summary.importWorkshop', { name: stored.name }) });
        await w.put('workshops', stored);
        for (const t of WORKSHOP_TABLES) await w.putMany(t, data[t] as readonly RowOf<typeof t>[]);
        return { workshop: stored, asCopy: exists };
      });
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

/** A workshop field as the activity log names it: the form's label, or a name for the settings the form does not show. */
const WORKSHOP_FIELD_NAMES: Partial<Record<string, string>> = {
  name: 'form.name',
  client: 'form.client',
  facilitator: 'form.facilitator',
  workshopDate: 'form.workshopDate',
  roadmapStartDate: 'form.roadmapStart',
  notes: 'form.notes',
  weights: 'history.field.weights',
  rubrics: 'history.field.rubrics',
  sponsorPack: 'history.field.sponsorPack',
  logo: 'history.field.logo',
  roadmap: 'history.field.roadmap',
  language: 'history.field.language',
};

function workshopFieldName(field: string): Message | string {
  const id = WORKSHOP_FIELD_NAMES[field];
  return id ? msg(id) : field;
}
