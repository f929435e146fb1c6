// Automatic backups on the desktop: `<userData>/backups/<workshopId>/<timestamp>.liftoff.json`,
// each with a small `<timestamp>.meta.json` sidecar (name, use-case count) so listing never parses
// whole workshops. The renderer decides what to back up and what rotation removes; main only
// writes (atomically), lists, reads and deletes files whose names match the contract's patterns,
// so no id or file name from the renderer can reach outside the backups folder.
import { app, BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { BACKUP_FLUSH_REQUEST_CHANNEL, BACKUP_FILE_NAME_PATTERN, BACKUP_WORKSHOP_ID_PATTERN } from '../shared/backup-channels';
import {
  backupInfoSchema,
  type BackupEntry,
  type BackupInfo,
  type BackupPruneArgs,
  type BackupPruneResult,
  type BackupReadResult,
  type BackupRef,
  type BackupWriteArgs,
} from '../shared/ipc-contract';
import { writeFileAtomic } from './atomic-write';

/** How long a closing window waits for the renderer's last backup. */
export const FLUSH_TIMEOUT_MS = 5000;

export function backupsRoot(): string {
  return path.join(app.getPath('userData'), 'backups');
}

/** Defence in depth: the validators already refused anything else, this refuses it again. */
function workshopFolder(workshopId: string): string {
  if (!BACKUP_WORKSHOP_ID_PATTERN.test(workshopId)) throw new Error('Refused: not a workshop id.');
  const root = backupsRoot();
  const folder = path.join(root, workshopId);
  if (path.dirname(folder) !== root) throw new Error('Refused: outside the backups folder.');
  return folder;
}

function backupPath(workshopId: string, fileName: string): string {
  if (!BACKUP_FILE_NAME_PATTERN.test(fileName)) throw new Error('Refused: not a backup file name.');
  return path.join(workshopFolder(workshopId), fileName);
}

function sidecarName(fileName: string): string {
  return fileName.replace(/\.liftoff\.json$/, '.meta.json');
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

export async function writeBackup(args: BackupWriteArgs): Promise<BackupEntry> {
  const target = backupPath(args.workshopId, args.fileName);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFileAtomic(target, args.data);
  // The sidecar only speeds up listing; the backup itself is already safe if this write fails.
  await writeFileAtomic(path.join(path.dirname(target), sidecarName(args.fileName)), JSON.stringify(args.info));
  const { size } = await stat(target);
  return { workshopId: args.workshopId, fileName: args.fileName, bytes: size, info: args.info };
}

async function readInfo(folder: string, fileName: string): Promise<BackupInfo | null> {
  try {
    const parsed = backupInfoSchema.safeParse(JSON.parse(await readFile(path.join(folder, sidecarName(fileName)), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Every backup of every workshop; folders and files that are not ours are ignored. */
export async function listBackups(): Promise<BackupEntry[]> {
  let folders: string[];
  try {
    folders = await readdir(backupsRoot());
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
  const out: BackupEntry[] = [];
  for (const workshopId of folders) {
    if (!BACKUP_WORKSHOP_ID_PATTERN.test(workshopId)) continue;
    const folder = workshopFolder(workshopId);
    let names: string[];
    try {
      names = await readdir(folder);
    } catch {
      continue; // a file where a folder should be, or removed meanwhile
    }
    for (const fileName of names) {
      if (!BACKUP_FILE_NAME_PATTERN.test(fileName)) continue;
      try {
        const info = await stat(path.join(folder, fileName));
        if (!info.isFile()) continue;
        out.push({ workshopId, fileName, bytes: info.size, info: await readInfo(folder, fileName) });
      } catch {
        continue;
      }
    }
  }
  return out.sort((a, b) => (a.fileName < b.fileName ? 1 : a.fileName > b.fileName ? -1 : 0));
}

export async function readBackup(ref: BackupRef): Promise<BackupReadResult> {
  try {
    return { status: 'found', data: await readFile(backupPath(ref.workshopId, ref.fileName), 'utf8') };
  } catch (error) {
    if (isMissing(error)) return { status: 'missing' };
    throw error;
  }
}

export async function pruneBackups(args: BackupPruneArgs): Promise<BackupPruneResult> {
  let removed = 0;
  for (const fileName of args.fileNames) {
    const target = backupPath(args.workshopId, fileName);
    try {
      await stat(target);
    } catch {
      continue;
    }
    await rm(target, { force: true });
    await rm(path.join(path.dirname(target), sidecarName(fileName)), { force: true });
    removed++;
  }
  return { removed };
}

// ---------------------------------------------------------------------------------------------
// A last backup before a window closes: main holds the close, asks the renderer to flush, and
// closes once it answers on 'backup:flushed' (or after FLUSH_TIMEOUT_MS, so a hung page can never
// keep the window open). Reloads are not closes and are not held. A second click on the close
// button while the backup runs waits for the same backup instead of skipping it, and a backup
// that takes longer than a moment says so in the title bar (and, where the OS shows one, with a
// busy progress indicator on the taskbar or Dock icon).
// ---------------------------------------------------------------------------------------------

/** After this long without an answer the window shows that it is saving. */
export const CLOSE_FEEDBACK_DELAY_MS = 300;
export const CLOSING_TITLE_SUFFIX = ' — saving a last backup before closing…';

const pendingFlushes = new Map<number, () => void>();
let quitting = false;
let installed = false;

/** The handler of 'backup:flushed'. */
export function backupFlushed(_args: undefined, event: IpcMainInvokeEvent): void {
  const resolve = pendingFlushes.get(event.sender.id);
  pendingFlushes.delete(event.sender.id);
  resolve?.();
}

type CloseTiming = { timeoutMs?: number; feedbackDelayMs?: number };

export function holdCloseForBackup(win: BrowserWindow, timing: CloseTiming = {}): void {
  const timeoutMs = timing.timeoutMs ?? FLUSH_TIMEOUT_MS;
  const feedbackDelayMs = timing.feedbackDelayMs ?? CLOSE_FEEDBACK_DELAY_MS;
  let phase: 'open' | 'backing-up' | 'closing' = 'open';
  win.on('close', (event) => {
    if (phase === 'closing') return;
    // Nobody can answer: close at once instead of waiting for the timeout.
    if (win.webContents.isDestroyed() || win.webContents.isCrashed()) return;
    event.preventDefault();
    if (phase === 'backing-up') return; // a second click (or a quit) waits for the same backup
    phase = 'backing-up';
    const id = win.webContents.id;
    const answered = new Promise<void>((resolve) => pendingFlushes.set(id, resolve));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    const feedback = setTimeout(() => {
      if (win.isDestroyed()) return;
      win.setTitle(`${win.getTitle()}${CLOSING_TITLE_SUFFIX}`);
      // A value above 1 is the indeterminate ("busy") mode on Windows and macOS.
      win.setProgressBar(2);
    }, feedbackDelayMs);
    win.webContents.send(BACKUP_FLUSH_REQUEST_CHANNEL);
    void Promise.race([answered, timedOut]).then(() => {
      clearTimeout(timer);
      clearTimeout(feedback);
      pendingFlushes.delete(id);
      phase = 'closing';
      if (quitting) app.quit();
      else if (!win.isDestroyed()) win.close();
    });
  });
}

/** Holds the close of every window created from now on; call once, before the first window. */
export function installBackupOnClose(): void {
  if (installed) return;
  installed = true;
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('browser-window-created', (_event, win: BrowserWindow) => holdCloseForBackup(win));
}
