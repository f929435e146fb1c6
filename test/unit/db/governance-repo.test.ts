import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepos, type Repos } from '../../../renderer/db';
import { createDb, type LiftoffDb } from '../../../renderer/db/schema';
import { DEFAULT_CADENCE, DEFAULT_DECISIONS, DEFAULT_ROLES } from '../../../renderer/domain/governance';

let db: LiftoffDb;
let repos: Repos;
let workshopId: string;
let n = 0;

beforeEach(async () => {
  db = createDb(`governance-${Date.now()}-${n++}`);
  repos = createRepos(db);
  workshopId = (await repos.workshops.create({ name: 'Insurer AI day', client: '', facilitator: '', workshopDate: '', roadmapStartDate: '' })).id;
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const roleNamed = async (name: string) => (await repos.governance.roles(workshopId)).find((r) => r.name === name);
const rightNamed = async (name: string) => (await repos.governance.rights(workshopId)).find((d) => d.decision === name);

describe('roles and decision rights', () => {
  it('adds the standard roles and decisions once, however often it is asked', async () => {
    await repos.governance.addStandardOwnership(workshopId);
    await repos.governance.addStandardOwnership(workshopId);
    expect((await repos.governance.roles(workshopId)).map((r) => r.name)).toEqual([...DEFAULT_ROLES]);
    expect((await repos.governance.rights(workshopId)).map((d) => d.decision)).toEqual([...DEFAULT_DECISIONS]);
  });

  it('sets RACI cells by reading the row inside the transaction, so quick clicks all land', async () => {
    await repos.governance.addStandardOwnership(workshopId);
    const gate = await rightNamed('Gate approval');
    const roles = await repos.governance.roles(workshopId);
    if (!gate) throw new Error('standard decisions');
    await Promise.all(roles.map((r, i) => repos.governance.setRaci(gate.id, r.id, (['A', 'R', 'C', 'I'] as const)[i] ?? 'I')));
    expect((await rightNamed('Gate approval'))?.assignments).toHaveLength(4);
    await repos.governance.setRaci(gate.id, roles[0]?.id ?? '', null);
    expect((await rightNamed('Gate approval'))?.assignments.map((a) => a.raci).sort()).toEqual(['C', 'I', 'R']);
  });

  it('removes a role with its letters in the matrix, and undo brings both back', async () => {
    await repos.governance.addStandardOwnership(workshopId);
    const po = await roleNamed('Product owner');
    const scope = await rightNamed('Pilot scope');
    if (!po || !scope) throw new Error('standard rows');
    await repos.governance.setRaci(scope.id, po.id, 'A');
    await repos.governance.removeRole(po.id);
    expect(await roleNamed('Product owner')).toBeUndefined();
    expect((await rightNamed('Pilot scope'))?.assignments).toEqual([]);
    await repos.history.undo(workshopId);
    expect(await roleNamed('Product owner')).toBeDefined();
    expect((await rightNamed('Pilot scope'))?.assignments).toEqual([{ roleId: po.id, raci: 'A' }]);
  });

  it('refuses empty names and a letter that is not R, A, C or I', async () => {
    await expect(repos.governance.addRole(workshopId, '  ')).rejects.toThrow(/name/);
    await repos.governance.addStandardOwnership(workshopId);
    const [d] = await repos.governance.rights(workshopId);
    const [r] = await repos.governance.roles(workshopId);
    await expect(repos.governance.setRaci(d?.id ?? '', r?.id ?? '', 'X' as never)).rejects.toThrow(/R, A, C or I/);
    expect((await repos.governance.rights(workshopId))[0]?.assignments).toEqual([]);
  });
});

describe('governance cadence', () => {
  it('adds the standard meetings once', async () => {
    await repos.governance.addStandardCadence(workshopId);
    await repos.governance.addStandardCadence(workshopId);
    expect((await repos.governance.cadence(workshopId)).map((c) => c.kind)).toEqual(DEFAULT_CADENCE.map((c) => c.kind));
  });

  it('refuses a bad time or duration and stores nothing', async () => {
    await repos.governance.addStandardCadence(workshopId);
    const [weekly] = await repos.governance.cadence(workshopId);
    if (!weekly) throw new Error('standard meetings');
    await expect(repos.governance.updateCadence(weekly.id, { time: '25:00' })).rejects.toThrow(/HH:MM/);
    await expect(repos.governance.updateCadence(weekly.id, { durationMinutes: 2 })).rejects.toThrow(/5 to 480/);
    expect((await repos.governance.cadence(workshopId))[0]).toEqual(weekly);
    await repos.governance.updateCadence(weekly.id, { time: '08:15', weekday: 5 });
    expect((await repos.governance.cadence(workshopId))[0]).toMatchObject({ time: '08:15', weekday: 5 });
  });
});

describe('what a meeting may hold', () => {
  it('refuses a custom meeting with a bad weekday or time, storing nothing', async () => {
    const base = { kind: 'other' as const, title: 'Risk clinic', frequency: 'weekly' as const, weekday: 2, weekOfMonth: 1, time: '10:00', durationMinutes: 30, attendees: '' };
    await expect(repos.governance.addCadence(workshopId, { ...base, weekday: 9 })).rejects.toThrow(/Weekday is a whole number from 0 to 6/);
    await expect(repos.governance.addCadence(workshopId, { ...base, time: '7pm' })).rejects.toThrow(/HH:MM/);
    expect(await repos.governance.cadence(workshopId)).toEqual([]);
    await repos.governance.addCadence(workshopId, base);
    const [c] = await repos.governance.cadence(workshopId);
    await expect(repos.governance.updateCadence(c?.id ?? '', { weekOfMonth: 0 })).rejects.toThrow(/Week of month is a whole number from 1 to 5/);
    expect((await repos.governance.cadence(workshopId))[0]).toEqual(c);
  });

  it('adds the standard rows once even when asked twice at the same moment', async () => {
    await Promise.all([repos.governance.addStandardOwnership(workshopId), repos.governance.addStandardOwnership(workshopId)]);
    await Promise.all([repos.governance.addStandardCadence(workshopId), repos.governance.addStandardCadence(workshopId)]);
    expect(await repos.governance.roles(workshopId)).toHaveLength(DEFAULT_ROLES.length);
    expect(await repos.governance.cadence(workshopId)).toHaveLength(DEFAULT_CADENCE.length);
  });
});

describe('roles linked to participants', () => {
  it('links a role to the participant whose name is picked, follows their renaming, and keeps the name when they leave', async () => {
    const p = await repos.participants.add(workshopId, { name: 'Δημήτρης Παπαδόπουλος', role: 'operations-lead' });
    const role = await repos.governance.addRole(workshopId, 'Operations lead');
    await repos.governance.updateRole(role.id, { person: ' Δημήτρης Παπαδόπουλος ' });
    expect(await roleNamed('Operations lead')).toMatchObject({ person: ' Δημήτρης Παπαδόπουλος ', participantId: p.id });

    await repos.participants.update(p.id, { name: 'Dimitris Papadopoulos' });
    expect((await roleNamed('Operations lead'))?.person).toBe('Dimitris Papadopoulos');
    // Undo of the rename takes the role's person back with it: one step.
    await repos.history.undo(workshopId);
    expect((await roleNamed('Operations lead'))?.person).toBe(' Δημήτρης Παπαδόπουλος ');

    await repos.participants.remove(p.id);
    const after = await roleNamed('Operations lead');
    expect(after?.person).toBe(' Δημήτρης Παπαδόπουλος ');
    expect(after?.participantId).toBeUndefined();
  });

  it('keeps a typed name that is no participant as text, with no link', async () => {
    await repos.participants.add(workshopId, { name: 'Zoë Müller', role: 'product-owner' });
    const role = await repos.governance.addRole(workshopId, 'Governance sponsor');
    await repos.governance.updateRole(role.id, { person: 'Zoë' });
    expect(await roleNamed('Governance sponsor')).toMatchObject({ person: 'Zoë' });
    expect((await roleNamed('Governance sponsor'))?.participantId).toBeUndefined();
  });
});
