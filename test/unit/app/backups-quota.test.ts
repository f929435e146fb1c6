// A full disk under the automatic backups: the backup store refuses every write. The person is
// told once where it matters (the backups screen reads lastError), never with a toast per save:
// the engine keeps to one round per interval, however many saves fail to back up.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackupEngine, type BackupEngine } from '../../../renderer/app/backups';
import { save } from '../../../renderer/app/persist';
import { useAppStore } from '../../../renderer/app/store';
import { createRepos, type Repos } from '../../../renderer/db';
import { createDb, type LiftoffDb } from '../../../renderer/db/schema';
import { BACKUP_INTERVAL_MS, type BackupStore } from '../../../renderer/domain/backup-policy';

let db: LiftoffDb;
let repos: Repos;
let engine: BackupEngine;
let timers: { fn: () => void; at: number }[];
let writes: number;
let n = 0;

function quotaError(): Error {
  const e = new Error('The quota has been exceeded.');
  e.name = 'QuotaExceededError';
  return e;
}

const fullStore: BackupStore = {
  kind: 'browser',
  write: async () => {
    writes++;
    throw quotaError();
  },
  list: async () => [],
  read: async () => undefined,
  remove: async () => undefined,
};

async function runDueTimers(ms: number): Promise<void> {
  vi.setSystemTime(Date.now() + ms);
  const due = timers.filter((t) => t.at <= Date.now());
  timers = timers.filter((t) => t.at > Date.now());
  for (const t of due) t.fn();
  for (let i = 0; i < 50 && engine.pending(); i++) await new Promise((r) => setTimeout(r, 5));
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.parse('2026-11-23T09:00:00.000Z'));
  timers = [];
  writes = 0;
  db = createDb(`backups-quota-${Date.now()}-${n++}`);
  repos = createRepos(db);
  engine = createBackupEngine({
    repos,
    store: fullStore,
    appVersion: 'test',
    setTimer: (fn, ms) => {
      const t = { fn, at: Date.now() + ms };
      timers.push(t);
      return t;
    },
    clearTimer: (h) => {
      timers = timers.filter((t) => t !== h);
    },
  });
  useAppStore.setState({ pendingWrites: 0, saveStatus: 'idle', saveError: null, lastSavedAt: null, toasts: [] });
});

afterEach(async () => {
  engine.dispose();
  vi.useRealTimers();
  db.close();
  await db.delete();
});

describe('automatic backups on a full disk', () => {
  it('fail once per interval, quietly: no toast, the saves still say Saved, lastError explains', async () => {
    const ws = await repos.workshops.create({ name: 'Insurer AI day', client: '', facilitator: '', workshopDate: '', roadmapStartDate: '' });
    // Twenty saves in a row, each one asking for a backup.
    for (let i = 0; i < 20; i++) {
      await save(() => repos.workshops.rename(ws.id, `Insurer AI day ${i}`));
      engine.notifyActivity();
    }
    expect(timers).toHaveLength(1);
    await runDueTimers(0);
    expect(writes).toBe(1);
    expect(engine.lastError()).toMatch(/quota/i);
    expect(useAppStore.getState().toasts).toEqual([]);
    expect(useAppStore.getState().saveStatus).toBe('saved');

    // More saves within the interval: no new round yet, so no new failure either.
    for (let i = 0; i < 10; i++) engine.notifyActivity();
    await runDueTimers(BACKUP_INTERVAL_MS / 2);
    expect(writes).toBe(1);
    await runDueTimers(BACKUP_INTERVAL_MS / 2);
    expect(writes).toBe(2);
    expect(useAppStore.getState().toasts).toEqual([]);
    // The workshop itself is safe in the main database.
    expect((await repos.workshops.get(ws.id))?.name).toBe('Insurer AI day 19');
  });
});
