import { describe, expect, it } from 'vitest';
import {
  BACKUP_FILE_NAME_PATTERN,
  BACKUP_INTERVAL_MS,
  BACKUP_WORKSHOP_ID_PATTERN,
  backupFileName,
  backupTimeFromFileName,
  backupsToPrune,
  isBackupFileName,
  isBackupWorkshopId,
  needsBackup,
  nextBackupAt,
} from '../../../renderer/domain/backup-policy';
import * as shared from '../../../electron/shared/backup-channels';

const T0 = Date.parse('2026-11-23T21:04:45.123Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function backupsAt(instants: number[]) {
  return instants.map((t) => ({ fileName: backupFileName(t), createdAt: new Date(t).toISOString() }));
}

describe('backup file names', () => {
  it('encode the instant without colons and decode back to it', () => {
    const name = backupFileName(T0);
    expect(name).toBe('2026-11-23T21-04-45-123Z.liftoff.json');
    expect(isBackupFileName(name)).toBe(true);
    expect(backupTimeFromFileName(name)?.getTime()).toBe(T0);
  });

  it('sort chronologically as text', () => {
    const names = [T0 + DAY, T0, T0 + 1, T0 + 15 * 60_000].map(backupFileName);
    expect([...names].sort()).toEqual([T0, T0 + 1, T0 + 15 * 60_000, T0 + DAY].map(backupFileName));
  });

  it('refuse anything that could be a path or not ours', () => {
    for (const name of ['../x.liftoff.json', '2026-11-23T21-04-45-123Z.liftoff.json/..', 'a.json', '', '2026-11-23T21-04-45-123Z.liftoff.json\u0000', '2026-11-23T21:04:45.123Z.liftoff.json']) {
      expect(isBackupFileName(name), name).toBe(false);
      expect(backupTimeFromFileName(name)).toBeNull();
    }
  });

  it('accept uuids as workshop ids and refuse hostile ones', () => {
    expect(isBackupWorkshopId('0b8e6a4c-7d43-4a52-9b35-7f0d9c2b1e11')).toBe(true);
    for (const id of ['..', '.', '../etc', 'a/b', 'a\\b', 'C:', '', 'x'.repeat(65), 'a b', '%2e%2e', 'a\u0000']) expect(isBackupWorkshopId(id), id).toBe(false);
  });

  it('use the same patterns as the IPC contract', () => {
    expect(BACKUP_FILE_NAME_PATTERN.source).toBe(shared.BACKUP_FILE_NAME_PATTERN.source);
    expect(BACKUP_WORKSHOP_ID_PATTERN.source).toBe(shared.BACKUP_WORKSHOP_ID_PATTERN.source);
  });
});

describe('the 15-minute throttle', () => {
  it('backs up the first activity of a session at once', () => {
    expect(nextBackupAt(null, T0)).toBe(T0);
  });

  it('waits until 15 minutes after the last round', () => {
    expect(nextBackupAt(T0, T0 + 60_000)).toBe(T0 + BACKUP_INTERVAL_MS);
    expect(nextBackupAt(T0, T0 + BACKUP_INTERVAL_MS - 1)).toBe(T0 + BACKUP_INTERVAL_MS);
  });

  it('runs at once when the last round is older than 15 minutes', () => {
    expect(nextBackupAt(T0, T0 + HOUR)).toBe(T0 + HOUR);
  });

  it('gives at most one round per interval over an hour of constant typing', () => {
    let lastRun: number | null = null;
    const rounds: number[] = [];
    let due: number | null = null;
    for (let t = T0; t < T0 + HOUR; t += 1000) {
      if (due !== null && t >= due) {
        rounds.push(t);
        lastRun = t;
        due = null;
      }
      due ??= nextBackupAt(lastRun, t); // a keystroke every second
    }
    expect(rounds.length).toBe(4);
    for (let i = 1; i < rounds.length; i++) expect(rounds[i]! - rounds[i - 1]!).toBeGreaterThanOrEqual(BACKUP_INTERVAL_MS);
  });

  it('needs a backup only when the workshop changed since the newest one', () => {
    expect(needsBackup('2026-11-23T10:00:00.000Z', undefined)).toBe(true);
    expect(needsBackup('2026-11-23T10:00:00.000Z', '2026-11-23T10:00:00.000Z')).toBe(false);
    expect(needsBackup('2026-11-23T10:05:00.000Z', '2026-11-23T10:00:00.000Z')).toBe(true);
  });
});

describe('rotation', () => {
  it('keeps everything while there are at most 10 backups', () => {
    expect(backupsToPrune(backupsAt([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => T0 + i * 15 * 60_000)), T0 + 3 * HOUR)).toEqual([]);
  });

  it('keeps the newest 10 of one busy day and drops the oldest', () => {
    const all = backupsAt(Array.from({ length: 14 }, (_, i) => T0 - 10 * HOUR + i * 15 * 60_000));
    const pruned = backupsToPrune(all, T0).map((b) => b.fileName);
    // The oldest 4 go, except that the day's newest is among the 10 kept anyway.
    expect(pruned).toEqual(all.slice(0, 4).map((b) => b.fileName).reverse());
  });

  it('keeps one backup per day for 7 days on top of the last 10', () => {
    // 12 days, three backups a day (morning, noon, evening): 36 backups.
    const instants: number[] = [];
    for (let d = 11; d >= 0; d--) for (const h of [8, 12, 18]) instants.push(Date.parse('2026-11-23T00:00:00.000Z') - d * DAY + h * HOUR);
    const now = Date.parse('2026-11-23T20:00:00.000Z');
    const all = backupsAt(instants);
    const pruned = new Set(backupsToPrune(all, now).map((b) => b.fileName));
    const kept = all.filter((b) => !pruned.has(b.fileName)).map((b) => b.fileName);
    // The newest 10 (days 20–23 partly), then the evening backup of each of the 7 days up to today.
    const newest10 = all.slice(-10).map((b) => b.fileName);
    for (const name of newest10) expect(kept).toContain(name);
    for (const day of ['2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20']) expect(kept).toContain(`${day}T18-00-00-000Z.liftoff.json`);
    expect(kept.filter((n) => n.startsWith('2026-11-17'))).toHaveLength(1);
    // Older than 7 days: gone.
    expect(kept.some((n) => n < '2026-11-17')).toBe(false);
    expect(kept).toHaveLength(10 + 3);
  });

  it('never returns files that are not backups', () => {
    const all = [...backupsAt(Array.from({ length: 20 }, (_, i) => T0 - 30 * DAY + i * HOUR)), { fileName: 'notes.txt', createdAt: '' }];
    const pruned = backupsToPrune(all, T0, { keepLast: 0, keepDailyDays: 0 });
    expect(pruned).toHaveLength(20);
    expect(pruned.map((b) => b.fileName)).not.toContain('notes.txt');
  });
});
