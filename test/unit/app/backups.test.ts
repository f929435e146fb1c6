import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browserBackupStore, createBackupEngine, type BackupEngine } from '../../../renderer/app/backups';
import { createRepos, type Repos } from '../../../renderer/db';
import { createDb, type LiftoffDb } from '../../../renderer/db/schema';
import { BACKUP_INTERVAL_MS, backupFileName } from '../../../renderer/domain/backup-policy';

let db: LiftoffDb;
let repos: Repos;
let store: ReturnType<typeof browserBackupStore>;
let engine: BackupEngine;
let timers: { fn: () => void; at: number }[];
let n = 0;

const T0 = Date.parse('2026-11-23T09:00:00.000Z');
/** Only Date is faked (IndexedDB still runs): the engine and the repositories share this clock. */
const tick = (ms: number) => vi.setSystemTime(Date.now() + ms);

/** Runs every fake timer that is due by `clock`, and waits for the rounds they started. */
async function advance(ms: number): Promise<void> {
  tick(ms);
  const clock = Date.now();
  const due = timers.filter((t) => t.at <= clock);
  timers = timers.filter((t) => t.at > clock);
  for (const t of due) t.fn();
  // Let the round's IndexedDB work finish.
  for (let i = 0; i < 50 && engine.pending(); i++) await new Promise((r) => setTimeout(r, 5));
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  timers = [];
  db = createDb(`backups-${Date.now()}-${n}`);
  repos = createRepos(db);
  store = browserBackupStore(`liftoff-backups-test-${Date.now()}-${n++}`);
  engine = createBackupEngine({
    repos,
    store,
    appVersion: '0.1.0-test',
    now: () => Date.now(),
    setTimer: (fn, ms) => {
      const t = { fn, at: Date.now() + ms };
      timers.push(t);
      return t;
    },
    clearTimer: (h) => {
      timers = timers.filter((t) => t !== h);
    },
  });
});
afterEach(async () => {
  engine.dispose();
  vi.useRealTimers();
  db.close();
  await db.delete();
  store.close();
  await store.delete();
});

async function newWorkshop(name: string) {
  const ws = await repos.workshops.create({ name, client: 'Northwind Mutual', facilitator: 'Zoë Müller', workshopDate: '2026-12-01', roadmapStartDate: '2027-01-04' });
  await repos.useCases.add(ws.id, { title: 'Claims triage' });
  return ws;
}

describe('the browser backup engine', () => {
  it('backs up a workshop after a write, with its name, use-case count and size', async () => {
    const ws = await newWorkshop('Insurer AI day');
    engine.notifyActivity();
    await advance(0);
    const list = await engine.list();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ workshopId: ws.id, fileName: backupFileName(T0), workshopName: 'Insurer AI day', useCases: 1 });
    expect(list[0]!.bytes).toBeGreaterThan(100);
    const text = await engine.read(ws.id, list[0]!.fileName);
    expect(JSON.parse(text!).workshop.name).toBe('Insurer AI day');
  });

  it('takes at most one round per 15 minutes of activity, and only of changed workshops', async () => {
    const ws = await newWorkshop('Insurer AI day');
    const other = await newWorkshop('Bank AI day');
    engine.notifyActivity();
    await advance(0);
    expect(await engine.list()).toHaveLength(2);

    // Edits during the next 15 minutes wait for the interval.
    tick(60_000);
    await repos.workshops.rename(ws.id, 'Insurer AI day (v2)');
    engine.notifyActivity();
    engine.notifyActivity();
    await advance(BACKUP_INTERVAL_MS - 120_000);
    expect(await engine.list()).toHaveLength(2);
    await advance(60_000);
    const list = await engine.list();
    expect(list).toHaveLength(3);
    // The unchanged workshop was not backed up again.
    expect(list.filter((b) => b.workshopId === other.id)).toHaveLength(1);
    expect(list[0]).toMatchObject({ workshopId: ws.id, workshopName: 'Insurer AI day (v2)' });
  });

  it('applies rotation: 25 rounds in one day leave the last 10', async () => {
    const ws = await newWorkshop('Insurer AI day');
    for (let i = 0; i < 25; i++) {
      await repos.workshops.rename(ws.id, `Insurer AI day ${i}`);
      tick(BACKUP_INTERVAL_MS);
      await engine.flush();
    }
    const list = await engine.list();
    expect(list).toHaveLength(10);
    expect(list[0]!.workshopName).toBe('Insurer AI day 24');
    expect(await engine.read(ws.id, backupFileName(T0 + BACKUP_INTERVAL_MS))).toBeUndefined();
  });

  it('restores a backup of a deleted workshop with its data', async () => {
    const ws = await newWorkshop('Insurer AI day');
    await engine.flush();
    await repos.workshops.remove(ws.id);
    expect(await repos.workshops.list()).toHaveLength(0);
    const [backup] = await engine.list();
    const outcome = await engine.restore(backup!.workshopId, backup!.fileName);
    expect(outcome.ok).toBe(true);
    const restored = await repos.workshops.list();
    expect(restored.map((w) => w.name)).toEqual(['Insurer AI day']);
    expect((await repos.workshops.readRows(restored[0]!.id)).useCases.map((u) => u.title)).toEqual(['Claims triage']);
  });

  it('restores as a copy when the workshop still exists', async () => {
    const ws = await newWorkshop('Insurer AI day');
    await engine.flush();
    const [backup] = await engine.list();
    const outcome = await engine.restore(backup!.workshopId, backup!.fileName);
    expect(outcome).toMatchObject({ ok: true, asCopy: true });
    const all = await repos.workshops.list();
    expect(all).toHaveLength(2);
    expect(all.find((w) => w.id !== ws.id)?.name).toBe('Insurer AI day (imported)');
  });

  it('refuses a corrupted backup with a clear error and stores nothing', async () => {
    const ws = await newWorkshop('Insurer AI day');
    await engine.flush();
    const [backup] = await engine.list();
    const text = (await engine.read(ws.id, backup!.fileName))!;
    await store.write(backup!, text.slice(0, text.length / 2));
    await repos.workshops.remove(ws.id);
    const outcome = await engine.restore(ws.id, backup!.fileName);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.message).toMatch(/Nothing was restored/);
    expect(await repos.workshops.list()).toHaveLength(0);

    const hostile = JSON.stringify({ ...JSON.parse(text), workshop: { __proto__: { polluted: true }, id: 'x' } });
    await store.write(backup!, hostile);
    expect((await engine.restore(ws.id, backup!.fileName)).ok).toBe(false);
    expect(await repos.workshops.list()).toHaveLength(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('says a missing backup is gone', async () => {
    const outcome = await engine.restore('abc', backupFileName(T0));
    expect(outcome).toMatchObject({ ok: false, title: 'The backup is gone' });
  });
});
