import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRepos, type Repos } from '../../../renderer/db';
import { createDb, type LiftoffDb } from '../../../renderer/db/schema';
import { DEFAULT_AGENDA, elapsedSeconds, remainingSeconds } from '../../../renderer/domain/agenda';
import type { AgendaItem } from '../../../renderer/domain/model';

let db: LiftoffDb;
let repos: Repos;
let workshopId: string;
let n = 0;

const T0 = Date.parse('2026-12-01T09:00:00.000Z');
/** Moves the clock the repository stamps its instants with; only Date is faked, so IndexedDB still runs. */
const clockAt = (seconds: number) => vi.setSystemTime(T0 + seconds * 1000);

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  clockAt(0);
  db = createDb(`agenda-${Date.now()}-${n++}`);
  repos = createRepos(db);
  const ws = await repos.workshops.create({ name: 'Insurer AI day', client: 'Northwind Mutual', facilitator: 'Zoë Müller', workshopDate: '2026-12-01', roadmapStartDate: '2027-01-04' });
  workshopId = ws.id;
});
afterEach(async () => {
  vi.useRealTimers();
  db.close();
  await db.delete();
});

async function byTitle(title: string): Promise<AgendaItem> {
  const item = (await repos.agenda.list(workshopId)).find((i) => i.title === title);
  if (!item) throw new Error(`no session "${title}"`);
  return item;
}

describe('agenda sessions', () => {
  it('adds the standard agenda in order, all pending', async () => {
    await repos.agenda.addDefault(workshopId);
    const items = await repos.agenda.list(workshopId);
    expect(items.map((i) => [i.title, i.plannedMinutes])).toEqual(DEFAULT_AGENDA.map((s) => [s.title, s.minutes]));
    expect(items.every((i) => i.state === 'pending' && i.elapsedSeconds === 0 && i.startedAt === null)).toBe(true);
  });

  it('adds a session at the end and refuses an empty title or an impossible length', async () => {
    await repos.agenda.addDefault(workshopId);
    await repos.agenda.add(workshopId, '  Coffee break ', 15);
    expect((await repos.agenda.list(workshopId)).at(-1)).toMatchObject({ title: 'Coffee break', plannedMinutes: 15 });
    await expect(repos.agenda.add(workshopId, '   ', 15)).rejects.toThrow(/title/);
    await expect(repos.agenda.add(workshopId, 'Lunch', 0)).rejects.toThrow(/1 to 1,440/);
    await expect(repos.agenda.add(workshopId, 'Lunch', 2.5)).rejects.toThrow(/1 to 1,440/);
  });

  it('moves a session and removes one undoably', async () => {
    await repos.agenda.addDefault(workshopId);
    const scoring = await byTitle('Scoring');
    await repos.agenda.move(scoring.id, 0);
    expect((await repos.agenda.list(workshopId))[0]?.title).toBe('Scoring');
    await repos.agenda.remove(scoring.id);
    expect((await repos.agenda.list(workshopId)).map((i) => i.title)).not.toContain('Scoring');
    expect((await repos.history.undo(workshopId))?.label).toBe('Remove session "Scoring"');
    expect((await repos.agenda.list(workshopId))[0]?.title).toBe('Scoring');
  });
});

describe('the agenda clock', () => {
  beforeEach(() => repos.agenda.addDefault(workshopId));

  it('stores the start instant, so the countdown is derived and survives a reload', async () => {
    await repos.agenda.start((await byTitle('Scoring')).id);
    const scoring = await byTitle('Scoring');
    expect(scoring).toMatchObject({ state: 'running', startedAt: new Date(T0).toISOString(), elapsedSeconds: 0 });
    expect(remainingSeconds(scoring, T0 + 90_000)).toBe(60 * 60 - 90);
  });

  it('pauses the running session when another one starts, keeping the time it ran', async () => {
    await repos.agenda.start((await byTitle('Use-case capture')).id);
    clockAt(200);
    await repos.agenda.start((await byTitle('Scoring')).id);
    const capture = await byTitle('Use-case capture');
    expect(capture).toMatchObject({ state: 'paused', startedAt: null, elapsedSeconds: 200 });
    expect(await byTitle('Scoring')).toMatchObject({ state: 'running', startedAt: new Date(T0 + 200_000).toISOString() });
    expect((await repos.agenda.list(workshopId)).filter((i) => i.state === 'running')).toHaveLength(1);
  });

  it('keeps the elapsed time through a pause and adds the next run to it', async () => {
    const { id } = await byTitle('Scoring');
    await repos.agenda.start(id);
    clockAt(125);
    await repos.agenda.pause(id);
    expect(await byTitle('Scoring')).toMatchObject({ state: 'paused', startedAt: null, elapsedSeconds: 125 });
    clockAt(1000); // a long break: not counted
    expect(elapsedSeconds(await byTitle('Scoring'), Date.now())).toBe(125);
    await repos.agenda.start(id);
    clockAt(1060);
    expect(elapsedSeconds(await byTitle('Scoring'), Date.now())).toBe(185);
  });

  it('ignores a start of a session that is already running, so its run is not restarted', async () => {
    const { id } = await byTitle('Scoring');
    await repos.agenda.start(id);
    clockAt(300);
    await repos.agenda.start(id);
    expect(await byTitle('Scoring')).toMatchObject({ state: 'running', startedAt: new Date(T0).toISOString() });
    expect(elapsedSeconds(await byTitle('Scoring'), Date.now())).toBe(300);
  });

  it('ignores a pause of a session that is not running', async () => {
    const { id } = await byTitle('Scoring');
    await repos.agenda.pause(id);
    expect(await byTitle('Scoring')).toMatchObject({ state: 'pending' });
    expect(await repos.history.peek(workshopId)).toMatchObject({ undoLabel: 'Add the standard agenda' });
  });

  it('extends a session by five minutes at a time', async () => {
    const { id } = await byTitle('Scoring');
    await repos.agenda.start(id);
    await repos.agenda.extend(id, 5);
    await repos.agenda.extend(id, 5);
    const scoring = await byTitle('Scoring');
    expect(scoring.extraMinutes).toBe(10);
    expect(remainingSeconds(scoring, T0)).toBe(70 * 60);
  });

  it('finishes a session with the time it ran', async () => {
    const { id } = await byTitle('Scoring');
    await repos.agenda.start(id);
    clockAt(3700);
    await repos.agenda.complete(id);
    const scoring = await byTitle('Scoring');
    expect(scoring).toMatchObject({ state: 'done', startedAt: null, elapsedSeconds: 3700 });
    expect(remainingSeconds(scoring, T0 + 99_999_000)).toBe(-100);
  });

  it('resets a session to not started, clearing time used and extra minutes', async () => {
    const { id } = await byTitle('Scoring');
    await repos.agenda.start(id);
    await repos.agenda.extend(id, 5);
    clockAt(300);
    await repos.agenda.reset(id);
    expect(await byTitle('Scoring')).toMatchObject({ state: 'pending', startedAt: null, elapsedSeconds: 0, extraMinutes: 0 });
  });

  it('undoes a start as one step: the session is pending again and the paused one runs again', async () => {
    const capture = await byTitle('Use-case capture');
    await repos.agenda.start(capture.id);
    clockAt(200);
    const scoring = await byTitle('Scoring');
    await repos.agenda.start(scoring.id);
    const undone = await repos.history.undo(workshopId);
    expect(undone?.label).toBe('Start "Scoring"');
    expect(await byTitle('Scoring')).toMatchObject({ state: 'pending', startedAt: null });
    expect(await byTitle('Use-case capture')).toMatchObject({ state: 'running', startedAt: new Date(T0).toISOString(), elapsedSeconds: 0 });
    await repos.history.redo(workshopId);
    expect(await byTitle('Scoring')).toMatchObject({ state: 'running' });
  });

  it('writes an audit entry for each clock action', async () => {
    const { id } = await byTitle('Scoring');
    await repos.agenda.start(id);
    await repos.agenda.extend(id, 5);
    await repos.agenda.pause(id);
    const actions = (await db.auditLog.where('workshopId').equals(workshopId).toArray()).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['Start "Scoring"', 'Add 5 minutes to "Scoring"', 'Pause "Scoring"']));
  });
});
