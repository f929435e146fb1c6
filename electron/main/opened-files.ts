// Files the operating system asks Liftoff to open: a double-click or "Open with" puts the path on
// the command line (Windows, Linux; handed to the running instance as a second launch's argv) or,
// on macOS, sends an open-file event, which can come before the app is ready and before the
// page listens. They wait here until the page takes them (see open-requests.ts), so none is lost.
// No electron import: everything here is tested as it is.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenedFile } from '../shared/ipc-contract';
import { readTextFileCapped } from './text-file';

/**
 * What Liftoff writes is `*.liftoff.json`, but macOS and Windows only know a file's last
 * extension, so "Open with → Liftoff" on a workshop file arrives as a plain `.json` there
 * (electron-builder.json5 explains the associations). Any `.json` is accepted and the renderer's
 * import says clearly when a file is not a workshop.
 */
export function isOpenableFile(filePath: string): boolean {
  return /\.json$/i.test(filePath);
}

/** At most this many files wait at once; more are a mistake (or an attack), not a workflow. */
export const MAX_WAITING_FILES = 20;

/**
 * The file paths in a command line, absolute: not the executable (argv[0]), not switches (Chromium
 * adds its own to a second instance's argv), not the app folder that `electron .` passes in
 * development, only `.json` files. Linux desktops may pass `file://` URLs (the .desktop entry's %U);
 * those become paths, any other URL is ignored. Relative paths are relative to `cwd`, which for a
 * second launch is that launch's working directory, not ours.
 */
export function filePathsFromArgv(argv: readonly string[], cwd: string): string[] {
  const found: string[] = [];
  for (const arg of argv.slice(1)) {
    const filePath = argumentToPath(arg);
    if (filePath === null || !isOpenableFile(filePath)) continue;
    const absolute = path.resolve(cwd, filePath);
    if (!found.includes(absolute)) found.push(absolute);
  }
  return found;
}

function argumentToPath(arg: string): string | null {
  if (arg === '' || arg.startsWith('-')) return null;
  if (/^file:/i.test(arg)) {
    try {
      return fileURLToPath(arg);
    } catch {
      return null;
    }
  }
  // Another kind of URL (https://…). A Windows drive ("C:\…") has no "//" after its colon.
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(arg)) return null;
  return arg;
}

export type OpenedFilesQueue = {
  /** Queues the paths not already waiting; returns how many were added. */
  add: (paths: readonly string[]) => number;
  /** Removes and returns the oldest waiting path, or null. */
  next: () => string | null;
  size: () => number;
};

export function createOpenedFilesQueue(max: number = MAX_WAITING_FILES): OpenedFilesQueue {
  const waiting: string[] = [];
  return {
    add: (paths) => {
      let added = 0;
      for (const filePath of paths) {
        if (waiting.length >= max) break;
        if (waiting.includes(filePath)) continue;
        waiting.push(filePath);
        added++;
      }
      return added;
    },
    next: () => waiting.shift() ?? null,
    size: () => waiting.length,
  };
}

/** Why a file could not be read, for the person, without the folder it is in. */
function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'The file was not found; it may have been moved, renamed or deleted.';
    case 'EACCES':
    case 'EPERM':
      return 'Liftoff is not allowed to read this file.';
    case 'EISDIR':
      return 'This is a folder, not a file.';
    default:
      return error instanceof Error && /is not a regular file/.test(error.message)
        ? 'This is not a regular file.'
        : 'The file could not be read.';
  }
}

/** Reads a waiting file with the same limit and checks as File → Open; never throws. */
export async function readOpenedFile(filePath: string, maxBytes: number): Promise<OpenedFile> {
  try {
    return await readTextFileCapped(filePath, maxBytes);
  } catch (error) {
    return { status: 'unreadable', name: path.basename(filePath), reason: describeReadError(error) };
  }
}
