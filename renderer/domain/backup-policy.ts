// The rules of the automatic backups, pure so they can be tested with a fake clock: when the next
// backup is due, which workshops need one, what a backup file is called, and which old backups
// rotation removes. The engine (app/backups.ts) and the desktop store (electron/main/backups.ts)
// only move bytes.

/** At most one backup round per this much activity. */
export const BACKUP_INTERVAL_MS = 15 * 60 * 1000;
/** The newest backups kept per workshop, whatever their age. */
export const KEEP_LAST = 10;
/** On top of those, the newest backup of each of this many days (today included) is kept. */
export const KEEP_DAILY_DAYS = 7;

export type RotationOptions = { keepLast: number; keepDailyDays: number };
export const DEFAULT_ROTATION: RotationOptions = { keepLast: KEEP_LAST, keepDailyDays: KEEP_DAILY_DAYS };

/** A workshop id usable as a folder name: what newId() makes (UUIDs) and nothing that could be a path. */
export const BACKUP_WORKSHOP_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** `2026-11-23T21-04-45-123Z.liftoff.json`: an instant in UTC, colons replaced (Windows forbids them). */
export const BACKUP_FILE_NAME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.liftoff\.json$/;

export function isBackupWorkshopId(id: string): boolean {
  return BACKUP_WORKSHOP_ID_PATTERN.test(id);
}

export function isBackupFileName(name: string): boolean {
  return BACKUP_FILE_NAME_PATTERN.test(name);
}

/** The file name of a backup taken at `at` (sorts chronologically as text). */
export function backupFileName(at: Date | number): string {
  const iso = new Date(at).toISOString(); // 2026-11-23T21:04:45.123Z
  return `${iso.replace(/:/g, '-').replace('.', '-')}.liftoff.json`;
}

/** The instant encoded in a backup file name, or null if the name is not one of ours. */
export function backupTimeFromFileName(name: string): Date | null {
  if (!isBackupFileName(name)) return null;
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z/.exec(name);
  if (!m) return null;
  const date = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * When the next backup round may run after activity at `activityAt` (ms). The first activity of a
 * session is backed up at once; after that, at most one round per interval, so a busy hour of
 * typing gives four backups and an idle afternoon none.
 */
export function nextBackupAt(lastRunAt: number | null, activityAt: number, intervalMs: number = BACKUP_INTERVAL_MS): number {
  if (lastRunAt === null) return activityAt;
  return Math.max(activityAt, lastRunAt + intervalMs);
}

/** A workshop needs a backup when it changed since its newest backup (or has none). */
export function needsBackup(workshopUpdatedAt: string, newestBackupOfUpdatedAt: string | undefined): boolean {
  return newestBackupOfUpdatedAt === undefined || newestBackupOfUpdatedAt !== workshopUpdatedAt;
}

export type RotatableBackup = { fileName: string; createdAt: string };

/**
 * The backups of ONE workshop that rotation deletes: everything except the newest `keepLast` and
 * the newest backup of each of the last `keepDailyDays` days (UTC days, counted back from `now`).
 * Files whose name is not a backup name are never returned (they are not ours to delete).
 */
export function backupsToPrune<T extends RotatableBackup>(backups: readonly T[], now: Date | number, opts: RotationOptions = DEFAULT_ROTATION): T[] {
  const ours = backups.filter((b) => isBackupFileName(b.fileName));
  const newestFirst = [...ours].sort((a, b) => (a.fileName < b.fileName ? 1 : a.fileName > b.fileName ? -1 : 0));
  const keep = new Set<string>(newestFirst.slice(0, Math.max(0, opts.keepLast)).map((b) => b.fileName));
  const today = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate());
  const oldestDay = today - (opts.keepDailyDays - 1) * 86_400_000;
  const seenDays = new Set<string>();
  for (const b of newestFirst) {
    const day = b.fileName.slice(0, 10);
    const dayStart = Date.parse(`${day}T00:00:00.000Z`);
    if (opts.keepDailyDays <= 0 || dayStart < oldestDay || dayStart > today) continue;
    if (seenDays.has(day)) continue;
    seenDays.add(day);
    keep.add(b.fileName);
  }
  return newestFirst.filter((b) => !keep.has(b.fileName));
}

/** One backup as the restore screen shows it. */
export type BackupRecord = {
  workshopId: string;
  fileName: string;
  createdAt: string;
  bytes: number;
  /** Null when the desktop sidecar with these details is missing. */
  workshopName: string | null;
  useCases: number | null;
  workshopUpdatedAt: string | null;
};

/** Where backups are kept: the desktop's data folder or the browser's own database. */
export type BackupStore = {
  kind: 'desktop' | 'browser';
  write: (record: BackupRecord, text: string) => Promise<void>;
  /** Every backup of every workshop, newest first. */
  list: () => Promise<BackupRecord[]>;
  read: (workshopId: string, fileName: string) => Promise<string | undefined>;
  remove: (workshopId: string, fileNames: string[]) => Promise<void>;
};
