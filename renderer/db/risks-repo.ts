// The risk register: workshop-wide and per use case. Every change is one undoable step, and a
// value that is wrong (a likelihood of 7, 2026-02-30) is refused before anything is written.
import type { LiftoffDb } from './schema';
import { NotFoundError, notFoundMessage, runWork, type Writer } from './unit-of-work';
import { newId } from './ids';
import { LONG_TEXT_MAX, type Risk } from '../domain/model';
import { riskFieldProblem, type RiskFields } from '../domain/risks';
import { msg } from '../domain/message';

export type RiskDraft = { title: string } & Partial<Omit<RiskFields, 'title'>>;
export type RiskPatch = Partial<RiskFields>;

const FIELD_LABELS: Record<keyof RiskFields, string> = {
  useCaseId: 'use case',
  title: 'title',
  category: 'category',
  likelihood: 'likelihood',
  impact: 'impact',
  owner: 'owner',
  mitigation: 'mitigation',
  status: 'status',
  dueDate: 'due date',
};

function check(fields: RiskPatch): void {
  const problem = riskFieldProblem(fields);
  if (problem) throw new Error(problem);
  if (fields.mitigation !== undefined && fields.mitigation.length > LONG_TEXT_MAX) throw new Error('The mitigation text is too long.');
}

export function risksRepo(db: LiftoffDb) {
  async function get(id: string): Promise<Risk> {
    const risk = await db.risks.get(id);
    if (!risk) throw new NotFoundError(notFoundMessage('risks'));
    return risk;
  }
  /** A risk belongs to the whole workshop (null) or to one of the workshop's own use cases (read inside the unit of work). */
  async function checkUseCase(w: Writer, workshopId: string, useCaseId: string | null | undefined): Promise<void> {
    if (useCaseId === undefined || useCaseId === null) return;
    const uc = await w.get('useCases', useCaseId);
    if (!uc || uc.workshopId !== workshopId) throw new Error('That use case is not in this workshop (it may have been deleted).');
  }

  return {
    async list(workshopId: string): Promise<Risk[]> {
      return db.risks.where('workshopId').equals(workshopId).toArray();
    },

    get,

    async add(workshopId: string, draft: RiskDraft): Promise<Risk> {
      const title = draft.title.trim();
      check({ ...draft, title });
      return runWork(db, { workshopId, label: `Add risk "${title}"`, message: msg('history.addRisk', { title }) }, async (w) => {
        await w.require('workshops', workshopId);
        await checkUseCase(w, workshopId, draft.useCaseId);
        const risk: Risk = {
          id: newId(),
          workshopId,
          createdAt: w.now,
          updatedAt: w.now,
          useCaseId: draft.useCaseId ?? null,
          title,
          category: draft.category ?? 'operational',
          likelihood: draft.likelihood ?? 3,
          impact: draft.impact ?? 3,
          owner: draft.owner?.trim() ?? '',
          mitigation: draft.mitigation ?? '',
          status: draft.status ?? 'open',
          dueDate: draft.dueDate ?? '',
        };
        await w.put('risks', risk);
        return risk;
      });
    },

    /** Edits fields; typing in one field coalesces into one undo step. */
    async update(id: string, patch: RiskPatch): Promise<Risk> {
      // Only the editable fields: an id or a workshop id in the patch is not for the caller to change.
      const clean = Object.fromEntries(Object.entries(patch).filter(([k, v]) => k in FIELD_LABELS && v !== undefined)) as RiskPatch;
      if (clean.title !== undefined) clean.title = clean.title.trim();
      if (Object.keys(clean).length === 0) return get(id);
      check(clean);
      const fields = Object.keys(clean) as (keyof RiskFields)[];
      const label = `Edit risk ${fields.map((f) => FIELD_LABELS[f]).join(', ')}`;
      return runWork(db, {}, async (w) => {
        const risk = await w.require('risks', id);
        await checkUseCase(w, risk.workshopId, clean.useCaseId);
        w.describe({ workshopId: risk.workshopId, label, message: msg('history.editRisk', { title: risk.title }), summary: `${label} of "${risk.title}"`, summaryMessage: msg('history.summary.editRisk', { fields: { list: fields.map((f) => msg(`history.summary.field.risk.${f}`)), separator: ', ' }, title: risk.title }), coalesceKey: `risk:${id}:${fields.join(',')}` });
        return w.update('risks', id, clean);
      });
    },

    async remove(id: string): Promise<void> {
      await runWork(db, {}, async (w) => {
        const risk = await w.require('risks', id);
        w.describe({ workshopId: risk.workshopId, label: `Remove risk "${risk.title}"`, message: msg('history.removeRisk', { title: risk.title }) });
        await w.remove('risks', id);
      });
    },
  };
}
