// Participants of a workshop: the people who score.
import type { LiftoffDb } from './schema';
import { runWork } from './unit-of-work';
import { newId } from './ids';
import type { Participant } from '../domain/model';
import { msg } from '../domain/message';

export type ParticipantInput = Pick<Participant, 'name' | 'role'>;

export function participantsRepo(db: LiftoffDb) {
  async function list(workshopId: string): Promise<Participant[]> {
    const rows = await db.participants.where('workshopId').equals(workshopId).toArray();
    return rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.name.localeCompare(b.name));
  }
  /** Called inside the unit of work, so two quick adds of the same name cannot both pass. */
  async function assertUnique(workshopId: string, name: string, exceptId?: string) {
    const clash = (await list(workshopId)).find((p) => p.id !== exceptId && p.name.trim().toLowerCase() === name.trim().toLowerCase());
    if (clash) throw new Error(`${clash.name} is already a participant.`);
  }
  return {
    list,
    async add(workshopId: string, input: ParticipantInput): Promise<Participant> {
      const name = input.name.trim();
      if (!name) throw new Error('Type the participant’s name.');
      return runWork(db, { workshopId, label: `Add participant ${name}`, message: msg('history.addParticipant', { name }) }, async (w) => {
        await w.require('workshops', workshopId);
        await assertUnique(workshopId, name);
        const p: Participant = { id: newId(), workshopId, createdAt: w.now, updatedAt: w.now, name, role: input.role };
        await w.put('participants', p);
        return p;
      });
    },
    async update(id: string, patch: Partial<ParticipantInput>): Promise<Participant> {
      if (patch.name !== undefined && !patch.name.trim()) throw new Error('A participant needs a name.');
      const fields = Object.keys(patch).join(',');
      return runWork(db, {}, async (w) => {
        const p = await w.require('participants', id);
        if (patch.name !== undefined) await assertUnique(p.workshopId, patch.name, id);
        w.describe({ workshopId: p.workshopId, label: `Edit participant ${p.name}`, message: msg('history.editParticipant', { name: p.name }), coalesceKey: `participant:${id}:${fields}` });
        // The roles this participant plays follow the new name (same step, so undo takes both back).
        if (patch.name !== undefined) {
          for (const r of await db.roles.where('workshopId').equals(p.workshopId).toArray()) {
            if (r.participantId === id) await w.update('roles', r.id, { person: patch.name.trim() });
          }
        }
        return w.update('participants', id, patch);
      });
    },
    /** Removes the participant and every score they gave (undo brings both back). */
    async remove(id: string): Promise<void> {
      await runWork(db, {}, async (w) => {
        const p = await w.get('participants', id);
        if (!p) return;
        w.describe({ workshopId: p.workshopId, label: `Remove participant ${p.name}`, message: msg('history.removeParticipant', { name: p.name }) });
        const scoreKeys = (await db.scores.where('workshopId').equals(p.workshopId).filter((s) => s.participantId === id).primaryKeys()) as string[];
        for (const k of scoreKeys) await w.remove('scores', k);
        // A role they play keeps their name as typed text; only the link goes.
        for (const r of await db.roles.where('workshopId').equals(p.workshopId).toArray()) {
          if (r.participantId === id) await w.update('roles', r.id, { participantId: undefined });
        }
        await w.remove('participants', id);
      });
    },
  };
}
