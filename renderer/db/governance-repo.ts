// Ownership, cadence and controls: roles with names, the decision-rights (RACI) matrix, the
// governance meetings, and each use case's controls checklists. Every change is one undoable step.
import type { LiftoffDb } from './schema';
import { runWork } from './unit-of-work';
import { newId } from './ids';
import type { CadenceEvent, ControlChecklist, ControlItem, DecisionRight, Role } from '../domain/model';
import { CONTROL_CHECKLISTS, CONTROL_STATUSES, RACI, SHORT_TEXT_MAX, cadenceSchema } from '../domain/model';
import { DEFAULT_CADENCE, DEFAULT_DECISIONS, DEFAULT_ROLES, type CadenceTemplate } from '../domain/governance';
import { CHECKLIST_LABELS, missingStandardItems } from '../domain/controls';
import { parseIsoDate } from '../domain/dates';

type Raci = (typeof RACI)[number];
export type CadencePatch = Partial<Omit<CadenceEvent, 'id' | 'workshopId' | 'createdAt' | 'updatedAt' | 'order'>>;
export type ControlPatch = Partial<Pick<ControlItem, 'label' | 'status' | 'owner' | 'dueDate'>>;

function byOrder<T extends { order: number }>(rows: T[]): T[] {
  return rows.sort((a, b) => a.order - b.order);
}

function need(text: string, message: string): string {
  const t = text.trim();
  if (!t) throw new Error(message);
  return t;
}

/** A meeting as it will be stored, checked field by field with a message a person can act on. */
function checkCadence(row: CadenceEvent): CadenceEvent {
  if (row.time !== '' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(row.time)) throw new Error('Enter the time as HH:MM, 24-hour.');
  if (!(Number.isInteger(row.durationMinutes) && row.durationMinutes >= 5 && row.durationMinutes <= 480)) throw new Error('A meeting lasts 5 to 480 minutes.');
  const parsed = cadenceSchema.safeParse(row);
  if (!parsed.success) throw new Error(`That meeting cannot be stored: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}.`);
  return parsed.data;
}

export function governanceRepo(db: LiftoffDb) {
  async function get<T>(table: 'roles' | 'decisionRights' | 'cadence' | 'controls', id: string, what: string): Promise<T> {
    const row = (await db.table(table).get(id)) as T | undefined;
    if (!row) throw new Error(`That ${what} no longer exists.`);
    return row;
  }
  const roles = async (workshopId: string) => byOrder(await db.roles.where('workshopId').equals(workshopId).toArray());
  const rights = async (workshopId: string) => byOrder(await db.decisionRights.where('workshopId').equals(workshopId).toArray());
  const cadence = async (workshopId: string) => byOrder(await db.cadence.where('workshopId').equals(workshopId).toArray());
  const nextOrder = (rows: { order: number }[]) => (rows.at(-1)?.order ?? 0) + 1;

  function newRole(workshopId: string, now: string, order: number, name: string): Role {
    return { id: newId(), workshopId, createdAt: now, updatedAt: now, order, name, person: '' };
  }
  function newRight(workshopId: string, now: string, order: number, decision: string): DecisionRight {
    return { id: newId(), workshopId, createdAt: now, updatedAt: now, order, decision, assignments: [] };
  }

  return {
    roles,
    rights,
    cadence,

    /** Adds the standard roles and decisions that are not there yet, in one step. */
    async addStandardOwnership(workshopId: string): Promise<void> {
      await runWork(db, { workshopId, label: 'Add the standard roles and decisions' }, async (w) => {
        // Read inside the transaction: a double click cannot add the standard rows twice.
        const [rs, ds] = await Promise.all([roles(workshopId), rights(workshopId)]);
        const haveRole = new Set(rs.map((r) => r.name.toLowerCase()));
        const haveDecision = new Set(ds.map((d) => d.decision.toLowerCase()));
        const newRoles = DEFAULT_ROLES.filter((n) => !haveRole.has(n.toLowerCase())).map((n, i) => newRole(workshopId, w.now, nextOrder(rs) + i, n));
        const newRights = DEFAULT_DECISIONS.filter((n) => !haveDecision.has(n.toLowerCase())).map((n, i) =>
          newRight(workshopId, w.now, nextOrder(ds) + i, n),
        );
        await w.putMany('roles', newRoles);
        await w.putMany('decisionRights', newRights);
      });
    },
    async addRole(workshopId: string, name: string): Promise<Role> {
      const n = need(name, 'Give the role a name.');
      const rs = await roles(workshopId);
      return runWork(db, { workshopId, label: `Add role "${n}"` }, async (w) => {
        const role = newRole(workshopId, w.now, nextOrder(rs), n);
        await w.put('roles', role);
        return role;
      });
    },
    async updateRole(id: string, patch: Partial<Pick<Role, 'name' | 'person'>>): Promise<void> {
      const role = await get<Role>('roles', id, 'role');
      if (patch.name !== undefined) need(patch.name, 'A role needs a name.');
      const field = Object.keys(patch).join(',');
      await runWork(db, { workshopId: role.workshopId, label: `Edit role "${role.name}"`, coalesceKey: `role:${id}:${field}` }, (w) =>
        w.update('roles', id, patch),
      );
    },
    /** Removes a role and its letters in the RACI matrix, as one undoable step. */
    async removeRole(id: string): Promise<void> {
      const role = await get<Role>('roles', id, 'role');
      await runWork(db, { workshopId: role.workshopId, label: `Remove role "${role.name}"` }, async (w) => {
        // Read inside the transaction, so a letter set a moment ago is removed too (and comes back with undo).
        for (const d of await rights(role.workshopId)) {
          if (d.assignments.some((a) => a.roleId === id)) {
            await w.update('decisionRights', d.id, { assignments: d.assignments.filter((a) => a.roleId !== id) });
          }
        }
        await w.remove('roles', id);
      });
    },

    async addDecision(workshopId: string, decision: string): Promise<DecisionRight> {
      const n = need(decision, 'Name the decision.');
      const ds = await rights(workshopId);
      return runWork(db, { workshopId, label: `Add decision "${n}"` }, async (w) => {
        const right = newRight(workshopId, w.now, nextOrder(ds), n);
        await w.put('decisionRights', right);
        return right;
      });
    },
    async renameDecision(id: string, decision: string): Promise<void> {
      const d = await get<DecisionRight>('decisionRights', id, 'decision');
      const n = need(decision, 'A decision needs a name.');
      await runWork(db, { workshopId: d.workshopId, label: `Rename decision "${d.decision}"`, coalesceKey: `right:${id}:name` }, (w) =>
        w.update('decisionRights', id, { decision: n }),
      );
    },
    async removeDecision(id: string): Promise<void> {
      const d = await get<DecisionRight>('decisionRights', id, 'decision');
      await runWork(db, { workshopId: d.workshopId, label: `Remove decision "${d.decision}"` }, (w) => w.remove('decisionRights', id));
    },
    /** Sets one cell of the RACI matrix (null clears it). Reads the row inside the transaction. */
    async setRaci(decisionId: string, roleId: string, raci: Raci | null): Promise<void> {
      if (raci !== null && !(RACI as readonly string[]).includes(raci)) throw new Error('RACI is one of R, A, C or I.');
      const d = await get<DecisionRight>('decisionRights', decisionId, 'decision');
      const role = await get<Role>('roles', roleId, 'role');
      await runWork(
        db,
        { workshopId: d.workshopId, label: `${role.name}: ${raci ?? 'nothing'} for "${d.decision}"` },
        async (w) => {
          const current = (await w.get('decisionRights', decisionId)) ?? d;
          const rest = current.assignments.filter((a) => a.roleId !== roleId);
          await w.update('decisionRights', decisionId, { assignments: raci ? [...rest, { roleId, raci }] : rest });
        },
      );
    },

    async addStandardCadence(workshopId: string): Promise<void> {
      await runWork(db, { workshopId, label: 'Add the standard governance meetings' }, async (w) => {
        const cs = await cadence(workshopId);
        const have = new Set(cs.map((c) => c.kind));
        const rows = DEFAULT_CADENCE.filter((t) => !have.has(t.kind)).map(
          (t, i): CadenceEvent => ({ ...t, id: newId(), workshopId, createdAt: w.now, updatedAt: w.now, order: nextOrder(cs) + i }),
        );
        await w.putMany('cadence', rows);
      });
    },
    async addCadence(workshopId: string, template: CadenceTemplate): Promise<CadenceEvent> {
      const title = need(template.title, 'Give the meeting a title.');
      return runWork(db, { workshopId, label: `Add meeting "${title}"` }, async (w) => {
        const cs = await cadence(workshopId);
        const row = checkCadence({ ...template, title, id: newId(), workshopId, createdAt: w.now, updatedAt: w.now, order: nextOrder(cs) });
        await w.put('cadence', row);
        return row;
      });
    },
    async updateCadence(id: string, patch: CadencePatch): Promise<void> {
      const c = await get<CadenceEvent>('cadence', id, 'meeting');
      if (patch.title !== undefined) need(patch.title, 'A meeting needs a title.');
      checkCadence({ ...c, ...patch });
      const field = Object.keys(patch).join(',');
      await runWork(db, { workshopId: c.workshopId, label: `Edit meeting "${c.title}"`, coalesceKey: `cadence:${id}:${field}` }, (w) =>
        w.update('cadence', id, patch),
      );
    },
    async removeCadence(id: string): Promise<void> {
      const c = await get<CadenceEvent>('cadence', id, 'meeting');
      await runWork(db, { workshopId: c.workshopId, label: `Remove meeting "${c.title}"` }, (w) => w.remove('cadence', id));
    },

    async controlsFor(workshopId: string): Promise<ControlItem[]> {
      return byOrder(await db.controls.where('workshopId').equals(workshopId).toArray());
    },
    /** Adds a checklist's standard items that the use case does not have yet; returns how many were added. */
    async addStandardControls(useCaseId: string, checklist: ControlChecklist): Promise<number> {
      if (!(CONTROL_CHECKLISTS as readonly string[]).includes(checklist)) throw new Error('Unknown checklist.');
      const uc = await db.useCases.get(useCaseId);
      if (!uc) throw new Error('That use case no longer exists.');
      const label = `Add the ${CHECKLIST_LABELS[checklist].toLowerCase()} checklist`;
      return runWork(db, { workshopId: uc.workshopId, label, summary: `Added the standard ${CHECKLIST_LABELS[checklist].toLowerCase()} items to "${uc.title}"` }, async (w) => {
        // Read inside the transaction: two quick clicks cannot add the same standard item twice.
        const existing = byOrder(await db.controls.where('useCaseId').equals(useCaseId).toArray());
        const missing = missingStandardItems(existing, checklist);
        const start = nextOrder(existing);
        await w.putMany(
          'controls',
          missing.map(
            (t, i): ControlItem => ({
              id: newId(),
              workshopId: uc.workshopId,
              useCaseId,
              createdAt: w.now,
              updatedAt: w.now,
              checklist,
              key: t.key,
              order: start + i,
              label: t.label,
              status: 'todo',
              owner: '',
              dueDate: '',
            }),
          ),
        );
        return missing.length;
      });
    },
    async addControl(useCaseId: string, checklist: ControlChecklist, label: string): Promise<ControlItem> {
      const l = need(label, 'Describe the control.');
      if (l.length > SHORT_TEXT_MAX) throw new Error(`A control is described in at most ${SHORT_TEXT_MAX} characters.`);
      if (!(CONTROL_CHECKLISTS as readonly string[]).includes(checklist)) throw new Error('Unknown checklist.');
      const uc = await db.useCases.get(useCaseId);
      if (!uc) throw new Error('That use case no longer exists.');
      return runWork(db, { workshopId: uc.workshopId, label: `Add control "${l}"` }, async (w) => {
        const existing = byOrder(await db.controls.where('useCaseId').equals(useCaseId).toArray());
        const row: ControlItem = {
          id: newId(),
          workshopId: uc.workshopId,
          useCaseId,
          createdAt: w.now,
          updatedAt: w.now,
          checklist,
          key: '',
          order: nextOrder(existing),
          label: l,
          status: 'todo',
          owner: '',
          dueDate: '',
        };
        await w.put('controls', row);
        return row;
      });
    },
    async updateControl(id: string, patch: ControlPatch): Promise<void> {
      const c = await get<ControlItem>('controls', id, 'control');
      if (patch.label !== undefined) need(patch.label, 'A control needs a description.');
      if (patch.label !== undefined && patch.label.length > SHORT_TEXT_MAX) throw new Error(`A control is described in at most ${SHORT_TEXT_MAX} characters.`);
      if (patch.owner !== undefined && patch.owner.length > SHORT_TEXT_MAX) throw new Error(`An owner is at most ${SHORT_TEXT_MAX} characters.`);
      if (patch.status !== undefined && !(CONTROL_STATUSES as readonly string[]).includes(patch.status)) throw new Error('Unknown control status.');
      // A real calendar date: 2026-02-30 has the right shape but is no day at all.
      if (patch.dueDate !== undefined && patch.dueDate !== '' && !parseIsoDate(patch.dueDate)) throw new Error('Enter the due date as YYYY-MM-DD.');
      const field = Object.keys(patch).join(',');
      await runWork(db, { workshopId: c.workshopId, label: `Edit control "${c.label}"`, coalesceKey: `control:${id}:${field}` }, (w) =>
        w.update('controls', id, patch),
      );
    },
    async removeControl(id: string): Promise<void> {
      const c = await get<ControlItem>('controls', id, 'control');
      await runWork(db, { workshopId: c.workshopId, label: `Remove control "${c.label}"` }, (w) => w.remove('controls', id));
    },
  };
}
