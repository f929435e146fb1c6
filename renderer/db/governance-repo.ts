// Ownership, cadence and controls: roles with names, the decision-rights (RACI) matrix, the
// governance meetings, and each use case's controls checklists. Every change is one undoable step.
import type { LiftoffDb } from './schema';
import { runOnRow, runWork } from './unit-of-work';
import { newId } from './ids';
import type { CadenceEvent, ControlChecklist, ControlItem, DecisionRight, Role } from '../domain/model';
import { CONTROL_CHECKLISTS, CONTROL_STATUSES, RACI, SHORT_TEXT_MAX } from '../domain/model';
import { defaultCadence, defaultDecisions, defaultRoles, type CadenceTemplate } from '../domain/governance';
import { CHECKLIST_LABELS, missingStandardItems } from '../domain/controls';
import { parseIsoDate } from '../domain/dates';
import { msg } from '../domain/message';

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

/** The time's own wording (the writer checks everything else against the model). */
function checkTime(time: string | undefined): void {
  if (time !== undefined && time !== '' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) throw new Error('Enter the time as HH:MM, 24-hour.');
}

export function governanceRepo(db: LiftoffDb) {
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
      await runWork(db, { workshopId, label: 'Add the standard roles and decisions', message: msg('history.addStandardRoles') }, async (w) => {
        // Read inside the transaction: a double click cannot add the standard rows twice.
        const [workshop, rs, ds] = await Promise.all([w.require('workshops', workshopId), roles(workshopId), rights(workshopId)]);
        const haveRole = new Set(rs.map((r) => r.name.toLowerCase()));
        const haveDecision = new Set(ds.map((d) => d.decision.toLowerCase()));
        const newRoles = defaultRoles(workshop.language).filter((n) => !haveRole.has(n.toLowerCase())).map((n, i) => newRole(workshopId, w.now, nextOrder(rs) + i, n));
        const newRights = defaultDecisions(workshop.language).filter((n) => !haveDecision.has(n.toLowerCase())).map((n, i) =>
          newRight(workshopId, w.now, nextOrder(ds) + i, n),
        );
        await w.putMany('roles', newRoles);
        await w.putMany('decisionRights', newRights);
      });
    },
    async addRole(workshopId: string, name: string): Promise<Role> {
      const n = need(name, 'Give the role a name.');
      return runWork(db, { workshopId, label: `Add role "${n}"`, message: msg('history.addRole', { name: n }) }, async (w) => {
        await w.require('workshops', workshopId);
        const role = newRole(workshopId, w.now, nextOrder(await roles(workshopId)), n);
        await w.put('roles', role);
        return role;
      });
    },
    /**
     * Edits a role. A person whose name is exactly a participant's (picked from the list, or typed)
     * is linked to that participant, so renaming them later renames the role's person too; any
     * other name is kept as typed, with no link.
     */
    async updateRole(id: string, patch: Partial<Pick<Role, 'name' | 'person'>>): Promise<void> {
      if (patch.name !== undefined) need(patch.name, 'A role needs a name.');
      const field = Object.keys(patch).join(',');
      await runOnRow(
        db,
        'roles',
        id,
        (role) => ({ label: `Edit role "${role.name}"`, message: msg('history.editRole', { name: role.name }), coalesceKey: `role:${id}:${field}` }),
        async (w, role) => {
          if (patch.person === undefined) return w.update('roles', id, patch);
          const name = patch.person.trim();
          const match = name ? (await db.participants.where('workshopId').equals(role.workshopId).toArray()).find((p) => p.name.trim() === name) : undefined;
          return w.update('roles', id, { ...patch, participantId: match?.id });
        },
      );
    },
    /** Removes a role and its letters in the RACI matrix, as one undoable step. */
    async removeRole(id: string): Promise<void> {
      await runOnRow(db, 'roles', id, (role) => ({ label: `Remove role "${role.name}"`, message: msg('history.removeRole', { name: role.name }) }), async (w, role) => {
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
      return runWork(db, { workshopId, label: `Add decision "${n}"`, message: msg('history.addDecision', { name: n }) }, async (w) => {
        await w.require('workshops', workshopId);
        const right = newRight(workshopId, w.now, nextOrder(await rights(workshopId)), n);
        await w.put('decisionRights', right);
        return right;
      });
    },
    async renameDecision(id: string, decision: string): Promise<void> {
      const n = need(decision, 'A decision needs a name.');
      await runOnRow(db, 'decisionRights', id, (d) => ({ label: `Rename decision "${d.decision}"`, message: msg('history.renameDecision', { name: d.decision }), coalesceKey: `right:${id}:name` }), (w) =>
        w.update('decisionRights', id, { decision: n }),
      );
    },
    async removeDecision(id: string): Promise<void> {
      await runOnRow(db, 'decisionRights', id, (d) => ({ label: `Remove decision "${d.decision}"`, message: msg('history.removeDecision', { name: d.decision }) }), (w) => w.remove('decisionRights', id));
    },
    /** Sets one cell of the RACI matrix (null clears it). Reads the row inside the transaction. */
    async setRaci(decisionId: string, roleId: string, raci: Raci | null): Promise<void> {
      if (raci !== null && !(RACI as readonly string[]).includes(raci)) throw new Error('RACI is one of R, A, C or I.');
      await runWork(db, {}, async (w) => {
        const d = await w.require('decisionRights', decisionId);
        const role = await w.require('roles', roleId);
        w.describe({ workshopId: d.workshopId, label: `${role.name}: ${raci ?? 'nothing'} for "${d.decision}"`, message: msg('history.setRaci', { role: role.name, raci: raci ?? 'none', decision: d.decision }) });
        const rest = d.assignments.filter((a) => a.roleId !== roleId);
        await w.update('decisionRights', decisionId, { assignments: raci ? [...rest, { roleId, raci }] : rest });
      });
    },

    async addStandardCadence(workshopId: string): Promise<void> {
      await runWork(db, { workshopId, label: 'Add the standard governance meetings', message: msg('history.addStandardMeetings') }, async (w) => {
        const [workshop, cs] = await Promise.all([w.require('workshops', workshopId), cadence(workshopId)]);
        const have = new Set(cs.map((c) => c.kind));
        const rows = defaultCadence(workshop.language).filter((t) => !have.has(t.kind)).map(
          (t, i): CadenceEvent => ({ ...t, id: newId(), workshopId, createdAt: w.now, updatedAt: w.now, order: nextOrder(cs) + i }),
        );
        await w.putMany('cadence', rows);
      });
    },
    async addCadence(workshopId: string, template: CadenceTemplate): Promise<CadenceEvent> {
      const title = need(template.title, 'Give the meeting a title.');
      return runWork(db, { workshopId, label: `Add meeting "${title}"`, message: msg('history.addMeeting', { title }) }, async (w) => {
        const cs = await cadence(workshopId);
        checkTime(template.time);
        const row: CadenceEvent = { ...template, title, id: newId(), workshopId, createdAt: w.now, updatedAt: w.now, order: nextOrder(cs) };
        await w.put('cadence', row);
        return row;
      });
    },
    async updateCadence(id: string, patch: CadencePatch): Promise<void> {
      if (patch.title !== undefined) need(patch.title, 'A meeting needs a title.');
      checkTime(patch.time);
      const field = Object.keys(patch).join(',');
      await runOnRow(db, 'cadence', id, (c) => ({ label: `Edit meeting "${c.title}"`, message: msg('history.editMeeting', { title: c.title }), coalesceKey: `cadence:${id}:${field}` }), (w) => w.update('cadence', id, patch));
    },
    async removeCadence(id: string): Promise<void> {
      await runOnRow(db, 'cadence', id, (c) => ({ label: `Remove meeting "${c.title}"`, message: msg('history.removeMeeting', { title: c.title }) }), (w) => w.remove('cadence', id));
    },

    async controlsFor(workshopId: string): Promise<ControlItem[]> {
      return byOrder(await db.controls.where('workshopId').equals(workshopId).toArray());
    },
    /** Adds a checklist's standard items that the use case does not have yet; returns how many were added. */
    async addStandardControls(useCaseId: string, checklist: ControlChecklist): Promise<number> {
      if (!(CONTROL_CHECKLISTS as readonly string[]).includes(checklist)) throw new Error('Unknown checklist.');
      const label = `Add the ${CHECKLIST_LABELS[checklist].toLowerCase()} checklist`;
      return runOnRow(db, 'useCases', useCaseId, (uc) => ({ label, message: msg('history.addChecklist', { checklist: msg(`stage.checklist.${checklist}`) }), summary: `Added the standard ${CHECKLIST_LABELS[checklist].toLowerCase()} items to "${uc.title}"`, summaryMessage: msg('history.summary.addChecklist', { checklist: msg(`stage.checklist.${checklist}`), title: uc.title }) }), async (w, uc) => {
        // Read inside the transaction: two quick clicks cannot add the same standard item twice.
        const [workshop, existing] = await Promise.all([w.require('workshops', uc.workshopId), db.controls.where('useCaseId').equals(useCaseId).toArray().then(byOrder)]);
        // The standard items in the workshop's language: copied now, the workshop's data from then on.
        const missing = missingStandardItems(existing, checklist, workshop.language);
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
      return runOnRow(db, 'useCases', useCaseId, () => ({ label: `Add control "${l}"`, message: msg('history.addControl', { label: l }) }), async (w, uc) => {
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
      if (patch.label !== undefined) need(patch.label, 'A control needs a description.');
      if (patch.label !== undefined && patch.label.length > SHORT_TEXT_MAX) throw new Error(`A control is described in at most ${SHORT_TEXT_MAX} characters.`);
      if (patch.owner !== undefined && patch.owner.length > SHORT_TEXT_MAX) throw new Error(`An owner is at most ${SHORT_TEXT_MAX} characters.`);
      if (patch.status !== undefined && !(CONTROL_STATUSES as readonly string[]).includes(patch.status)) throw new Error('Unknown control status.');
      // A real calendar date: 2026-02-30 has the right shape but is no day at all.
      if (patch.dueDate !== undefined && patch.dueDate !== '' && !parseIsoDate(patch.dueDate)) throw new Error('Enter the due date as YYYY-MM-DD.');
      const field = Object.keys(patch).join(',');
      await runOnRow(db, 'controls', id, (c) => ({ label: `Edit control "${c.label}"`, message: msg('history.editControl', { label: c.label }), coalesceKey: `control:${id}:${field}` }), (w) => w.update('controls', id, patch));
    },
    async removeControl(id: string): Promise<void> {
      await runOnRow(db, 'controls', id, (c) => ({ label: `Remove control "${c.label}"`, message: msg('history.removeControl', { label: c.label }) }), (w) => w.remove('controls', id));
    },
  };
}
