import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepos, type Repos } from '../../../renderer/db';
import { createDb, type LiftoffDb } from '../../../renderer/db/schema';

let db: LiftoffDb;
let repos: Repos;
let n = 0;

beforeEach(() => {
  db = createDb(`test-${Date.now()}-${n++}`);
  repos = createRepos(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const input = { name: 'Insurer AI day', client: 'Northwind Mutual', facilitator: 'Zoë Müller', workshopDate: '2026-12-01', roadmapStartDate: '2027-01-04' };

describe('workshops', () => {
  it('lists workshops with the most recently changed first', async () => {
    const a = await repos.workshops.create({ ...input, name: 'A' });
    await new Promise((r) => setTimeout(r, 5));
    await repos.workshops.create({ ...input, name: 'B' });
    await new Promise((r) => setTimeout(r, 5));
    await repos.useCases.add(a.id, { title: 'Claims triage' });
    expect((await repos.workshops.list()).map((w) => w.name)).toEqual(['A', 'B']);
  });

  it('undoes a workshop deletion with everything in it', async () => {
    const ws = await repos.workshops.create(input);
    await repos.useCases.add(ws.id, { title: 'Claims triage' });
    await repos.useCases.add(ws.id, { title: 'Fraud scoring' });
    await repos.workshops.remove(ws.id);
    expect(await repos.workshops.get(ws.id)).toBeUndefined();
    expect(await repos.useCases.list(ws.id)).toHaveLength(0);
    const undone = await repos.history.undo(null);
    expect(undone?.label).toContain('Delete workshop');
    expect((await repos.workshops.get(ws.id))?.name).toBe('Insurer AI day');
    expect((await repos.useCases.list(ws.id)).map((u) => u.title)).toEqual(['Claims triage', 'Fraud scoring']);
  });

  it('brings back a deleted workshop later, after edits in another workshop, and leaves those edits alone', async () => {
    const gone = await repos.workshops.create({ ...input, name: 'Einzelhandel Köln' });
    const other = await repos.workshops.create({ ...input, name: 'Logistik' });
    await repos.useCases.add(gone.id, { title: 'Frischwarenprognose' });
    await repos.workshops.remove(gone.id);
    await repos.useCases.add(other.id, { title: 'Tourenplanung' });
    // Linear undo on the home screen would first take back the use case added in Logistik.
    expect((await repos.history.peek(null)).undoLabel).toBe('Add use case');

    const deleted = await repos.history.deletedWorkshops();
    expect(deleted.map((d) => [d.workshopId, d.name])).toEqual([[gone.id, 'Einzelhandel Köln']]);
    expect((await repos.history.restoreDeleted(deleted[0]?.seq ?? -1))?.workshopId).toBe(gone.id);
    expect((await repos.useCases.list(gone.id)).map((u) => u.title)).toEqual(['Frischwarenprognose']);
    expect((await repos.useCases.list(other.id)).map((u) => u.title)).toEqual(['Tourenplanung']);
    expect(await repos.history.deletedWorkshops()).toEqual([]);
    // Restoring twice does nothing.
    expect(await repos.history.restoreDeleted(deleted[0]?.seq ?? -1)).toBeNull();
  });

  it('refuses to bring back a deleted workshop whose rows were stored again since, and changes nothing', async () => {
    const ws = await repos.workshops.create(input);
    const uc = await repos.useCases.add(ws.id, { title: 'Claims triage' });
    await repos.workshops.remove(ws.id);
    const [entry] = await repos.history.deletedWorkshops();
    // The same row stored again (as opening the same workshop file's use case would).
    await db.useCases.put({ ...uc, title: 'Stored again' });
    await expect(repos.history.restoreDeleted(entry?.seq ?? -1)).rejects.toThrow(/cannot be brought back/);
    expect(await repos.workshops.get(ws.id)).toBeUndefined();
    expect((await db.useCases.get(uc.id))?.title).toBe('Stored again');
  });

  it('duplicates a workshop with new ids and the same content', async () => {
    const ws = await repos.workshops.create(input);
    await repos.useCases.add(ws.id, { title: 'Claims triage', initialScores: { impact: 5 } });
    const copy = await repos.workshops.duplicate(ws.id);
    expect(copy.id).not.toBe(ws.id);
    expect(copy.name).toBe('Insurer AI day (copy)');
    const [orig] = await repos.useCases.list(ws.id);
    const [dup] = await repos.useCases.list(copy.id);
    expect(dup?.id).not.toBe(orig?.id);
    expect(dup?.title).toBe('Claims triage');
    expect(dup?.initialScores.impact).toBe(5);
  });

  it('never undoes the creation of the open workshop from inside it', async () => {
    const ws = await repos.workshops.create(input);
    expect(await repos.history.undo(ws.id)).toBeNull();
    expect(await repos.workshops.get(ws.id)).toBeDefined();
  });

  it('writes an audit entry with every change, in the same transaction', async () => {
    const ws = await repos.workshops.create(input);
    await repos.workshops.rename(ws.id, 'Renamed');
    const log = await repos.audit.list(ws.id);
    expect(log.map((e) => e.action)).toEqual(['Rename workshop', 'Create workshop']);
  });

  it('stores nothing when a change fails halfway', async () => {
    const ws = await repos.workshops.create(input);
    await expect(repos.useCases.update('missing', { title: 'x' })).rejects.toThrow(/no longer exists/);
    await expect(repos.workshops.rename(ws.id, '   ')).rejects.toThrow(/needs a name/);
    expect((await repos.workshops.get(ws.id))?.name).toBe('Insurer AI day');
    expect(await repos.audit.list(ws.id)).toHaveLength(1);
  });
});

describe('use cases', () => {
  it('adds use cases in capture order and reorders them', async () => {
    const ws = await repos.workshops.create(input);
    const a = await repos.useCases.add(ws.id, { title: 'A' });
    await repos.useCases.add(ws.id, { title: 'B' });
    await repos.useCases.add(ws.id, { title: 'C' });
    await repos.useCases.move(a.id, 2);
    expect((await repos.useCases.list(ws.id)).map((u) => u.title)).toEqual(['B', 'C', 'A']);
    await repos.history.undo(ws.id);
    expect((await repos.useCases.list(ws.id)).map((u) => u.title)).toEqual(['A', 'B', 'C']);
  });

  it('renumbers the list when many moves exhaust the gap between two neighbours', async () => {
    const ws = await repos.workshops.create(input);
    const ids = [];
    for (const t of ['A', 'B', 'C']) ids.push((await repos.useCases.add(ws.id, { title: t })).id);
    for (let i = 0; i < 60; i++) await repos.useCases.move(ids[i % 2 === 0 ? 2 : 1] as string, 1);
    const titles = (await repos.useCases.list(ws.id)).map((u) => u.title);
    expect(titles).toHaveLength(3);
    expect(new Set(titles)).toEqual(new Set(['A', 'B', 'C']));
    expect(titles[0]).toBe('A');
  });

  it('merges a burst of typing in one field into one undo step', async () => {
    const ws = await repos.workshops.create(input);
    const uc = await repos.useCases.add(ws.id, { title: 'Claims' });
    for (const t of ['Claims t', 'Claims tr', 'Claims triage']) await repos.useCases.update(uc.id, { title: t });
    await repos.history.undo(ws.id);
    expect((await repos.useCases.get(uc.id))?.title).toBe('Claims');
    await repos.history.redo(ws.id);
    expect((await repos.useCases.get(uc.id))?.title).toBe('Claims triage');
  });

  it('drops the redo steps once a new change is made', async () => {
    const ws = await repos.workshops.create(input);
    const uc = await repos.useCases.add(ws.id, { title: 'A' });
    await repos.useCases.remove(uc.id);
    await repos.history.undo(ws.id);
    await repos.useCases.add(ws.id, { title: 'B' });
    expect(await repos.history.redo(ws.id)).toBeNull();
    expect((await repos.useCases.list(ws.id)).map((u) => u.title)).toEqual(['A', 'B']);
  });

  it('keeps undo and redo after the database is closed and opened again', async () => {
    const ws = await repos.workshops.create(input);
    const uc = await repos.useCases.add(ws.id, { title: 'Claims triage' });
    await repos.useCases.remove(uc.id);
    const name = db.name;
    db.close();
    db = createDb(name);
    repos = createRepos(db);
    expect((await repos.history.peek(ws.id)).undoLabel).toBe('Delete "Claims triage"');
    await repos.history.undo(ws.id);
    expect((await repos.useCases.list(ws.id)).map((u) => u.title)).toEqual(['Claims triage']);
  });

  it('refuses a blank title', async () => {
    const ws = await repos.workshops.create(input);
    await expect(repos.useCases.add(ws.id, { title: '   ' })).rejects.toThrow(/title/);
  });
});
