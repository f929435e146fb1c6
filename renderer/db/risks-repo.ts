// The risk register: workshop-wide and per use case. Every change is one undoable step, and a
// value that is wrong (a likelihood of 7, 2026-02-30) is refused before anything is written.
import type { LiftoffDb } from './schema';
import { runWork } from './unit-of-work';
import { newId } from './ids';
import { LONG_TEXT_MAX, riskSchema, type Risk } from '../domain/model';
import { riskFieldProblem, type RiskFields } from '../domain/risks';

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

/** The whole row as it would be stored; the schema is the last word on what may be stored. */
function checked(row: Risk): Risk {
  const parsed = riskSchema.safeParse(row);
  if (!parsed.success) throw new Error(`This risk cannot be stored: ${parsed.error.issues[0]?.message ?? 'invalid value'}.`);
  return row;
}

export function risksRepo(db: LiftoffDb) {
  async function get(id: string): Promise<Risk> {
    const risk = await db.risks.get(id);
    if (!risk) throw new Error('That risk no longer exists (it may have been removed or undone).');
    return risk;
  }
  /** A risk belongs to the whole workshop (null) or to one of the workshop's own use cases. */
  async function checkUseCase(workshopId: string, useCaseId: string | null | undefined): Promise<void> {
    if (useCaseId === undefined || useCaseId === null) return;
    const uc = await db.useCases.get(useCaseId);
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
      await checkUseCase(workshopId, draft.useCaseId);
      if (!(await db.workshops.get(workshopId))) throw new Error('That workshop no longer exists.');
      return runWork(db, { workshopId, label: `Add risk "${title}"` }, async (w) => {
        const risk = checked({
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
        });
        await w.put('risks', risk);
        return risk;
      });
    },

    /** Edits fields; typing in one field coalesces into one undo step. */
    async update(id: string, patch: RiskPatch): Promise<Risk> {
      const risk = await get(id);
      // Only the editable fields: an id or a workshop id in the patch is not for the caller to change.
      const clean = Object.fromEntries(Object.entries(patch).filter(([k, v]) => k in FIELD_LABELS && v !== undefined)) as RiskPatch;
      if (clean.title !== undefined) clean.title = clean.title.trim();
      if (Object.keys(clean).length === 0) return risk;
      check(clean);
      await checkUseCase(risk.workshopId, clean.useCaseId);
      checked({ ...risk, ...clean });
      const fields = Object.keys(clean) as (keyof RiskFields)[];
      const label = `Edit risk ${fields.map((f) => FIELD_LABELS[f]).join(', ')}`;
      return runWork(
        db,
        { workshopId: risk.workshopId, label, summary: `${label} of "${risk.title}"`, coalesceKey: `risk:${id}:${fields.join(',')}` },
        (w) => w.update<Risk>('risks', id, clean),
      );
    },

    async remove(id: string): Promise<void> {
      const risk = await get(id);
      await runWork(db, { workshopId: risk.workshopId, label: `Remove risk "${risk.title}"` }, (w) => w.remove('risks', id));
    },
  };
}
