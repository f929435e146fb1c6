// Automatic rotating backups of every workshop. After activity (a successful write through
// persist.ts) the workshops that changed since their newest backup are serialized to the
// `*.liftoff.json` format, at most once per 15 minutes of activity, plus a best-effort round when
// the page goes away and, on the desktop, a last round main asks for before the window closes.
// Where the files go: the desktop writes them into the app's data folder through IPC; a browser
// keeps them in a separate IndexedDB database, `liftoff-backups`. The rules are in
// domain/backup-policy.ts; this file only moves data.
import type { Repos } from '../db';
import { BROWSER_BACKUP_DB, browserBackupStore, newestFirst } from '../db/backup-store';
import type { BackupRecord, BackupStore } from '../domain/backup-policy';
import { BACKUP_INTERVAL_MS, backupFileName, backupsToPrune, isBackupWorkshopId, needsBackup, nextBackupAt, DEFAULT_ROTATION, type RotationOptions } from '../domain/backup-policy';
import { buildWorkshopFile, DEFAULT_MAX_WORKSHOP_FILE_BYTES, parseWorkshopFile, serializeWorkshopFile } from '../domain/workshop-file';
import type { Workshop } from '../domain/model';
import { interfaceT } from '../i18n/interface-language';
import { messageText } from '../shared/message-text';
import { desktopBackups, onBackupFlushRequest, type DesktopBackups } from '../lib/desktop';

// ---------------------------------------------------------------------------------------------
// Stores
// ---------------------------------------------------------------------------------------------

export { browserBackupStore, BROWSER_BACKUP_DB };
export type { BackupRecord, BackupStore } from '../domain/backup-policy';

/** The desktop's backup store: files in `<userData>/backups/<workshopId>/` written by main. */
export function desktopBackupStore(api: DesktopBackups): BackupStore {
  return {
    kind: 'desktop',
    async write(record, text) {
      await api.write({
        workshopId: record.workshopId,
        fileName: record.fileName,
        data: text,
        info: { workshopName: record.workshopName ?? '', useCases: record.useCases ?? 0, workshopUpdatedAt: record.workshopUpdatedAt ?? '', createdAt: record.createdAt },
      });
    },
    async list() {
      const entries = await api.list();
      return entries
        .map((e) => ({
          workshopId: e.workshopId,
          fileName: e.fileName,
          bytes: e.bytes,
          createdAt: e.info?.createdAt ?? '',
          workshopName: e.info?.workshopName ?? null,
          useCases: e.info?.useCases ?? null,
          workshopUpdatedAt: e.info?.workshopUpdatedAt ?? null,
        }))
        .sort(newestFirst);
    },
    async read(workshopId, fileName) {
      const result = await api.read({ workshopId, fileName });
      return result.status === 'found' ? result.data : undefined;
    },
    async remove(workshopId, fileNames) {
      if (fileNames.length > 0) await api.prune({ workshopId, fileNames });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The engine
// ---------------------------------------------------------------------------------------------

export type RestoreOutcome =
  | { ok: true; workshop: Workshop; asCopy: boolean }
  | { ok: false; title: string; message: string; details?: string[] };

export type BackupEngine = {
  /** Something was saved: schedule a backup round (at most one per interval). */
  notifyActivity: () => void;
  /** Backs up every workshop that changed since its newest backup; returns how many were backed up. */
  flush: () => Promise<number>;
  list: () => Promise<BackupRecord[]>;
  read: (workshopId: string, fileName: string) => Promise<string | undefined>;
  /** Validates the backup completely and only then stores it, as a copy if the workshop still exists. */
  restore: (workshopId: string, fileName: string) => Promise<RestoreOutcome>;
  /** True when a round is scheduled or running. */
  pending: () => boolean;
  /** The last error of an automatic round, if it failed. */
  lastError: () => string | null;
  dispose: () => void;
  store: BackupStore;
};

export type BackupEngineOptions = {
  repos: Repos;
  store: BackupStore;
  appVersion: string;
  now?: () => number;
  intervalMs?: number;
  rotation?: RotationOptions;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
};

export function createBackupEngine(opts: BackupEngineOptions): BackupEngine {
  const { repos, store, appVersion } = opts;
  const now = opts.now ?? (() => Date.now());
  const intervalMs = opts.intervalMs ?? BACKUP_INTERVAL_MS;
  const rotation = opts.rotation ?? DEFAULT_ROTATION;
  const setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = opts.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));

  let lastRunAt: number | null = null;
  let timer: unknown = null;
  let running: Promise<number> | null = null;
  let error: string | null = null;

  async function round(): Promise<number> {
    const existing = await store.list();
    const byWorkshop = new Map<string, BackupRecord[]>();
    for (const b of existing) byWorkshop.set(b.workshopId, [...(byWorkshop.get(b.workshopId) ?? []), b]);
    const counts = await repos.useCases.countByWorkshop();
    // When anything in each workshop last changed: kept apart from the workshop row itself.
    const changed = await repos.workshops.lastChanges();
    let written = 0;
    for (const ws of await repos.workshops.list()) {
      // Ids from an imported file may be anything; only path-safe ones get a folder.
      if (!isBackupWorkshopId(ws.id)) continue;
      const mine = byWorkshop.get(ws.id) ?? [];
      const lastChange = changed.get(ws.id) ?? ws.updatedAt;
      if (!needsBackup(lastChange, mine[0]?.workshopUpdatedAt ?? undefined)) continue;
      let at = now();
      // Two rounds in the same millisecond must not overwrite each other.
      while (mine.some((b) => b.fileName === backupFileName(at))) at += 1;
      const rows = await repos.workshops.readRows(ws.id);
      const text = serializeWorkshopFile(buildWorkshopFile(ws, rows, appVersion, new Date(at)));
      const record: BackupRecord = {
        workshopId: ws.id,
        fileName: backupFileName(at),
        createdAt: new Date(at).toISOString(),
        bytes: new TextEncoder().encode(text).byteLength,
        workshopName: ws.name,
        useCases: counts.get(ws.id) ?? rows.useCases.length,
        workshopUpdatedAt: lastChange,
      };
      await store.write(record, text);
      const prune = backupsToPrune([record, ...mine], at, rotation);
      await store.remove(ws.id, prune.map((b) => b.fileName));
      written++;
    }
    return written;
  }

  function flush(): Promise<number> {
    // One round at a time; a second caller waits for the running one, then runs its own.
    const previous = running ?? Promise.resolve(0);
    const next = previous
      .catch(() => 0)
      .then(round)
      .then(
        (n) => {
          error = null;
          return n;
        },
        (err: unknown) => {
          error = err instanceof Error ? err.message : String(err);
          throw err;
        },
      )
      .finally(() => {
        lastRunAt = now();
        if (running === next) running = null;
      });
    running = next;
    return next;
  }

  function notifyActivity(): void {
    if (timer !== null) return;
    const at = now();
    timer = setTimer(() => {
      timer = null;
      // Failures are kept for the restore screen; the data itself is safe in the main database.
      flush().catch(() => undefined);
    }, Math.max(0, nextBackupAt(lastRunAt, at, intervalMs) - at));
  }

  async function restore(workshopId: string, fileName: string): Promise<RestoreOutcome> {
    const text = await store.read(workshopId, fileName);
    // Worded in the interface language: the restore screen shows this as it is.
    const { t, lang } = interfaceT();
    if (text === undefined) return { ok: false, title: t('backups.gone'), message: t('backups.goneNothingRestored') };
    const parsed = parseWorkshopFile(text, { maxBytes: DEFAULT_MAX_WORKSHOP_FILE_BYTES });
    if (!parsed.ok) {
      return {
        ok: false,
        title: t('backups.unreadable'),
        message: t('backups.nothingRestored', { problem: messageText(t, lang, parsed.error.text) }),
        details: parsed.error.detailMessages.map((d) => messageText(t, lang, d)),
      };
    }
    const stored = await repos.workshops.importRows(parsed.file.workshop, parsed.file.tables);
    return { ok: true, ...stored };
  }

  return {
    notifyActivity,
    flush,
    list: () => store.list(),
    read: (workshopId, fileName) => store.read(workshopId, fileName),
    restore,
    pending: () => timer !== null || running !== null,
    lastError: () => error,
    dispose: () => {
      if (timer !== null) clearTimer(timer);
      timer = null;
    },
    store,
  };
}

// ---------------------------------------------------------------------------------------------
// The app's engine, and the hook persist.ts calls after every successful write
// ---------------------------------------------------------------------------------------------

let appEngine: BackupEngine | null = null;

/** Called by persist.ts after each successful write; does nothing until the app started backups. */
export function notifyBackupActivity(): void {
  appEngine?.notifyActivity();
}

export function backupEngine(): BackupEngine | null {
  return appEngine;
}

/** The browser store's database name follows the app's `?db=` (tests), like repos.ts. */
function browserStoreName(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('db');
  return fromUrl && /^[\w-]{1,64}$/.test(fromUrl) ? `${BROWSER_BACKUP_DB}-${fromUrl}` : BROWSER_BACKUP_DB;
}

/** Starts automatic backups for the app; call once at startup. */
export function startBackups(repos: Repos, appVersion: string): BackupEngine {
  if (appEngine) return appEngine;
  const api = desktopBackups();
  const engine = createBackupEngine({ repos, appVersion, store: api ? desktopBackupStore(api) : browserBackupStore(browserStoreName()) });
  appEngine = engine;
  if (api) {
    // Desktop: main holds the window's close until this round has finished (or 5 s passed).
    onBackupFlushRequest(async () => {
      await engine.flush();
    });
  } else {
    // Browser: best effort. IndexedDB work started here often completes, but nothing waits for it.
    const lastChance = () => {
      if (engine.pending()) engine.flush().catch(() => undefined);
    };
    window.addEventListener('pagehide', lastChance);
    window.addEventListener('beforeunload', lastChance);
  }
  return engine;
}

// ---------------------------------------------------------------------------------------------
// Persistent storage
// ---------------------------------------------------------------------------------------------

export type StoragePersistence = 'persistent' | 'best-effort' | 'unsupported';

let persistence: Promise<StoragePersistence> | null = null;

/** Asks once for storage the browser will not evict under pressure; later calls get the same answer. */
export function requestPersistentStorage(): Promise<StoragePersistence> {
  persistence ??= (async () => {
    const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
    if (!storage?.persist) return 'unsupported';
    try {
      if (await storage.persisted?.()) return 'persistent';
      return (await storage.persist()) ? 'persistent' : 'best-effort';
    } catch {
      return 'unsupported';
    }
  })();
  return persistence;
}
