// Use cases: capture, edit, delete, reorder, bulk import.
import type { LiftoffDb } from './schema';
import { runWork } from './unit-of-work';
import { newId } from './ids';
import type { Criterion, CriterionScores, UseCase, UseCaseKind } from '../domain/model';
import { orderBetween } from '../domain/ordering';
import { msg } from '../domain/message';

export type UseCaseDraft = {
  title: string;
  problem?: string;
  businessOwner?: string;
  department?: string;
  dataSources?: string;
  expectedValue?: string;
  kind?: UseCaseKind;
  notes?: string;
  initialScores?: Partial<CriterionScores>;
};

export type UseCasePatch = Partial<Omit<UseCase, 'id' | 'workshopId' | 'createdAt' | 'updatedAt' | 'order'>>;

const FIELD_LABELS: Record<string, string> = {
  title: 'title',
  problem: 'problem',
  businessOwner: 'business owner',
  department: 'department',
  dataSources: 'data sources',
  expectedValue: 'expected value',
  kind: 'kind',
  notes: 'notes',
  initialScores: 'scores',
  stage: 'stage',
};

function newUseCase(workshopId: string, draft: UseCaseDraft, order: number, now: string): UseCase {
  return {
    id: newId(),
    workshopId,
    createdAt: now,
    updatedAt: now,
    order,
    title: draft.title.trim(),
    problem: draft.problem ?? '',
    businessOwner: draft.businessOwner ?? '',
    department: draft.department ?? '',
    dataSources: draft.dataSources ?? '',
    expectedValue: draft.expectedValue ?? '',
    kind: draft.kind ?? 'other',
    notes: draft.notes ?? '',
    initialScores: {
      impact: draft.initialScores?.impact ?? null,
      feasibility: draft.initialScores?.feasibility ?? null,
      readiness: draft.initialScores?.readiness ?? null,
    },
    consensusOverrides: { impact: null, feasibility: null, readiness: null },
    stage: 'readiness',
  };
}

export function makeUseCasesRepo(db: LiftoffDb) {
  async function listOrdered(workshopId: string): Promise<UseCase[]> {
    return db.useCases.where('[workshopId+order]').between([workshopId, -Infinity], [workshopId, Infinity]).toArray();
  }
  async function lastOrder(workshopId: string): Promise<number> {
    const last = await db.useCases
      .where('[workshopId+order]')
      .between([workshopId, -Infinity], [workshopId, Infinity])
      .last();
    return last?.order ?? 0;
  }

  return {
    list: listOrdered,

    async get(id: string): Promise<UseCase | undefined> {
      return db.useCases.get(id);
    },

    /** Number of use cases per workshop id, for the home screen. */
    async countByWorkshop(): Promise<Map<string, number>> {
      const counts = new Map<string, number>();
      await db.useCases.orderBy('workshopId').eachKey((key) => {
        const k = String(key);
        counts.set(k, (counts.get(k) ?? 0) + 1);
      });
      return counts;
    },

    /** Adds one use case at the end of the list (fast capture). */
    async add(workshopId: string, draft: UseCaseDraft): Promise<UseCase> {
      const title = draft.title.trim();
      if (!title) throw new Error('Type a title for the use case first.');
      return runWork(db, { workshopId, label: 'Add use case', message: msg('history.addUseCase', { title }), summary: `Added use case "${title}"`, summaryMessage: msg('history.summary.addUseCase', { title }) }, async (w) => {
        await w.require('workshops', workshopId);
        const uc = newUseCase(workshopId, draft, (await lastOrder(workshopId)) + 1, w.now);
        await w.put('useCases', uc);
        return uc;
      });
    },

    /** Adds many use cases as one undoable step (CSV import). */
    async addMany(workshopId: string, drafts: UseCaseDraft[], label = 'Import use cases'): Promise<UseCase[]> {
      return runWork(db, { workshopId, label, summary: `${label}: ${drafts.length} use cases`, summaryMessage: msg('history.summary.addManyUseCases', { label, count: drafts.length }) }, async (w) => {
        await w.require('workshops', workshopId);
        const start = await lastOrder(workshopId);
        const out = drafts.map((d, i) => newUseCase(workshopId, d, start + i + 1, w.now));
        await w.putMany('useCases', out);
        return out;
      });
    },

    /**
     * Edits fields. Typing in one field produces many calls; they coalesce into one undo step.
     */
    async update(id: string, patch: UseCasePatch): Promise<UseCase> {
      const fields = Object.keys(patch);
      const label = `Edit ${fields.map((f) => FIELD_LABELS[f] ?? f).join(', ')}`;
      return runWork(db, {}, async (w) => {
        const uc = await w.require('useCases', id);
        w.describe({ workshopId: uc.workshopId, label, message: msg('history.editUseCase', { title: uc.title }), summary: `${label} of "${uc.title}"`, summaryMessage: msg('history.summary.editUseCase', { fields: { list: fields.map((f) => (f in FIELD_LABELS ? msg(`history.summary.field.useCase.${f}`) : f)), separator: ', ' }, title: uc.title }), coalesceKey: `useCase:${id}:${fields.join(',')}` });
        return w.update('useCases', id, patch);
      });
    },

    async remove(id: string): Promise<void> {
      await runWork(db, {}, async (w) => {
        const uc = await w.get('useCases', id);
        if (!uc) return;
        w.describe({ workshopId: uc.workshopId, label: `Delete "${uc.title}"`, message: msg('history.deleteUseCase', { title: uc.title }) });
        // Everything that hangs off the use case goes with it, and comes back with undo; except its
        // gate decisions, which stay in the append-only decision log.
        for (const t of ['scores', 'scoringRounds', 'readiness', 'pilotDesigns', 'risks', 'controls', 'roadmapItems'] as const) {
          const keys = (await db.table(t).where('useCaseId').equals(id).primaryKeys()) as string[];
          for (const key of keys) await w.remove(t, key);
        }
        const kpiKeys = (await db.kpis.where('useCaseId').equals(id).primaryKeys()) as string[];
        for (const kpiId of kpiKeys) {
          const mKeys = (await db.measurements.where('kpiId').equals(kpiId).primaryKeys()) as string[];
          for (const key of mKeys) await w.remove('measurements', key);
          await w.remove('kpis', kpiId);
        }
        await w.remove('useCases', id);
      });
    },

    /** Sets one of the first scores (before any round); the model refuses anything but 1–5. */
    async setInitialScore(id: string, criterion: Criterion, value: number | null): Promise<void> {
      await runWork(db, {}, async (w) => {
        const uc = await w.require('useCases', id);
        w.describe({ workshopId: uc.workshopId, label: `Edit the first ${criterion} score`, message: msg('history.firstScore', { criterion: msg(`criterion.${criterion}`) }), summary: `Set the first ${criterion} score of "${uc.title}" to ${value ?? 'none'}`, summaryMessage: msg('history.summary.firstScore', { criterion: msg(`criterion.${criterion}.inSentence`), title: uc.title, value: value === null ? 'none' : String(value) }) });
        await w.update('useCases', id, { initialScores: { ...uc.initialScores, [criterion]: value } });
      });
    },

    /** Sets (or, with null, removes) the facilitator's consensus override for one criterion; a reason is required. */
    async setConsensus(id: string, criterion: Criterion, override: { value: number; reason: string } | null): Promise<void> {
      if (override && !override.reason.trim()) throw new Error('Say why the consensus differs from the round: a reason is required.');
      const label = override ? `Set consensus ${criterion} to ${override.value}` : `Clear the ${criterion} override`;
      await runWork(db, {}, async (w) => {
        // Read inside the transaction: another criterion may have changed a moment ago.
        const uc = await w.require('useCases', id);
        w.describe({
          workshopId: uc.workshopId,
          label,
          message: override ? msg('history.setConsensus', { criterion: msg(`criterion.${criterion}`), value: override.value }) : msg('history.clearConsensus', { criterion: msg(`criterion.${criterion}`) }),
          summary: `${label} for "${uc.title}"${override ? `: ${override.reason.trim()}` : ''}`,
          summaryMessage: override
            ? msg('history.summary.setConsensus', { criterion: msg(`criterion.${criterion}.inSentence`), value: override.value, title: uc.title, reason: override.reason.trim() })
            : msg('history.summary.clearConsensus', { criterion: msg(`criterion.${criterion}.inSentence`), title: uc.title }),
        });
        const next = { ...uc.consensusOverrides, [criterion]: override ? { value: override.value, reason: override.reason.trim(), source: 'override' as const, at: w.now } : null };
        await w.update('useCases', id, { consensusOverrides: next });
      });
    },

    /** Places the card on the prioritization matrix: sets impact and feasibility consensus in one step. */
    /**
     * Sets the consensus impact and feasibility from a drop on the matrix. `note` is the reason
     * given when the drop overrides a revealed round's median (kept with the override, editable
     * later through "Override…").
     */
    async placeOnMatrix(id: string, impact: number, feasibility: number, note?: string): Promise<void> {
      await runWork(db, {}, async (w) => {
        const uc = await w.require('useCases', id);
        const label = `Move "${uc.title}" on the matrix`;
        // A later move without a note keeps the reason an earlier override was given.
        const kept = (c: 'impact' | 'feasibility') => uc.consensusOverrides[c]?.reason;
        const reasonOf = (c: 'impact' | 'feasibility') => note?.trim() || kept(c) || 'Placed on the prioritization matrix';
        w.describe({ workshopId: uc.workshopId, label, message: msg('history.placeOnMatrix', { title: uc.title }), summary: `${label} to impact ${impact}, feasibility ${feasibility}${note?.trim() ? ` (reason: ${note.trim()})` : ''}`, summaryMessage: note?.trim() ? msg('history.summary.placeOnMatrixWhy', { title: uc.title, impact, feasibility, reason: note.trim() }) : msg('history.summary.placeOnMatrix', { title: uc.title, impact, feasibility }) });
        await w.update('useCases', id, {
          consensusOverrides: {
            ...uc.consensusOverrides,
            impact: { value: impact, reason: reasonOf('impact'), source: 'matrix', at: w.now },
            feasibility: { value: feasibility, reason: reasonOf('feasibility'), source: 'matrix', at: w.now },
          },
        });
      });
    },

    /** Moves a use case to a new index in the ordered list; writes only the moved row. */
    async move(id: string, toIndex: number): Promise<void> {
      await runWork(db, {}, async (w) => {
        const uc = await w.get('useCases', id);
        if (!uc) return;
        const list = (await listOrdered(uc.workshopId)).filter((u) => u.id !== id);
        const index = Math.max(0, Math.min(toIndex, list.length));
        const order = orderBetween(list[index - 1]?.order ?? null, list[index]?.order ?? null);
        w.describe({ workshopId: uc.workshopId, label: `Move "${uc.title}"`, message: msg('history.moveUseCase', { title: uc.title }), summary: `Moved "${uc.title}" to position ${index + 1}`, summaryMessage: msg('history.summary.moveUseCase', { title: uc.title, position: index + 1 }) });
        if (order !== null) {
          await w.update('useCases', id, { order });
          return;
        }
        // No room left between the neighbours: renumber the whole list in its new order.
        const renumbered = [...list.slice(0, index), uc, ...list.slice(index)];
        for (const [i, u] of renumbered.entries()) await w.update('useCases', u.id, { order: i + 1 });
      });
    },
  };
}
