// Participants of a workshop: the people who score.
import type { LiftoffDb } from './schema';
import { runWork } from './unit-of-work';
import { newId } from './ids';
import type { Participant } from '../domain/model';

export type ParticipantInput = Pick<Participant, 'name' | 'role'>;

export function participantsRepo(db: LiftoffDb) {
  async function list(workshopId: string): Promise<Participant[]> {
    const rows = await db.participants.where('workshopId').equals(workshopId).toArray();
    return rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.name.localeCompare(b.name));
  }
  async function assertUnique(workshopId: string, name: string, exceptId?: string) {
    const clash = (await list(workshopId)).find((p) => p.id !== exceptId && p.name.trim().toLowerCase() === name.trim().toLowerCase());
    if (clash) throw new Error(`${clash.name} is already a participant.`);
  }
  return {
    list,
    async add(workshopId: string, input: ParticipantInput): Promise<Participant> {
      const name = input.name.trim();
      if (!name) throw new Error('Type the participant’s name.');
      await assertUnique(workshopId, name);
      return runWork(db, { workshopId, label: `Add participant ${name}` }, async (w) => {
        const p: Participant = { id: newId(), workshopId, createdAt: w.now, updatedAt: w.now, name, role: input.role };
        await w.put('participants', p);
        return p;
      });
    },
    async update(id: string, patch: Partial<ParticipantInput>): Promise<Participant> {
      const p = await db.participants.get(id);
      if (!p) throw new Error('That participant no longer exists.');
      if (patch.name !== undefined) {
        if (!patch.name.trim()) throw new Error('A participant needs a name.');
        await assertUnique(p.workshopId, patch.name, id);
      }
      const fields = Object.keys(patch).join(',');
      return runWork(db, { workshopId: p.workshopId, label: `Edit participant ${p.name}`, coalesceKey: `participant:${id}:${fields}` }, (w) =>
        w.update<Participant>('participants', id, patch),
      );
    },
    /** Removes the participant and every score they gave (undo brings both back). */
    async remove(id: string): Promise<void> {
      const p = await db.participants.get(id);
      if (!p) return;
      await runWork(db, { workshopId: p.workshopId, label: `Remove participant ${p.name}` }, async (w) => {
        const scoreKeys = (await db.scores.where('workshopId').equals(p.workshopId).filter((s) => s.participantId === id).primaryKeys()) as string[];
        for (const k of scoreKeys) await w.remove('scores', k);
        await w.remove('participants', id);
      });
    },
  };
}
