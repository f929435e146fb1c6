// Typed access to the desktop shell (window.desktop, exposed by the preload), with a browser
// fallback so the same renderer works in `npm run web` and in the e2e tests: a Blob download
// for saving and a file input for opening.
import type {
  BackupEntry,
  BackupPruneArgs,
  BackupReadResult,
  BackupRef,
  BackupWriteArgs,
  DesktopApi,
  FileFilter,
  MenuCommand,
  OpenedFile,
  OpenFileBytesResult,
  OpenFileResult,
  SaveFileResult,
} from '../../electron/shared/ipc-contract';
import type { Language } from '../domain/languages';
import type { Locale } from '../i18n/translator';

declare global {
  var desktop: DesktopApi | undefined;
}

export type { BackupEntry, BackupReadResult, BackupRef, BackupWriteArgs, MenuCommand, OpenedFile };

export type SaveResult = SaveFileResult;
export type OpenResult = OpenFileResult;
export type OpenBytesResult = OpenFileBytesResult;

export function isDesktop(): boolean {
  return typeof globalThis.desktop !== 'undefined';
}

export async function saveFile(suggestedName: string, data: string | Uint8Array, filters: FileFilter[]): Promise<SaveResult> {
  const api = globalThis.desktop;
  if (api) return api.saveFile({ suggestedName, data, filters });
  const mime = suggestedName.endsWith('.json')
    ? 'application/json'
    : suggestedName.endsWith('.pdf')
      ? 'application/pdf'
      : suggestedName.endsWith('.csv')
        ? 'text/csv;charset=utf-8'
        : suggestedName.endsWith('.ics')
          ? 'text/calendar;charset=utf-8'
          : suggestedName.endsWith('.xlsx')
            ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
            : 'text/plain';
  const blob = new Blob([typeof data === 'string' ? data : new Uint8Array(data)], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = suggestedName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { status: 'saved', path: suggestedName };
}

export async function openFile(filters: FileFilter[], maxBytes: number): Promise<OpenResult> {
  const api = globalThis.desktop;
  if (api) return api.openFile({ filters, maxBytes });
  const file = await pickBrowserFile(filters);
  if (!file) return { status: 'canceled' };
  // Check the size before reading a byte, so a 2 GB file cannot freeze the window.
  if (file.size > maxBytes) return { status: 'too-large', name: file.name, size: file.size, limit: maxBytes };
  try {
    return { status: 'opened', name: file.name, data: await file.text() };
  } catch {
    return { status: 'canceled' };
  }
}

/**
 * Desktop only: asks main to put the window in (or out of) fullscreen, which needs no user gesture.
 * Resolves to whether that changed anything (false when the window already was in that state, or
 * in a browser, or when main could not be asked).
 */
export async function setWindowFullscreen(fullscreen: boolean): Promise<boolean> {
  const api = globalThis.desktop;
  if (!api) return false;
  try {
    return (await api.setFullscreen({ fullscreen })).changed;
  } catch {
    return false;
  }
}

/** Desktop only: calls back when the window enters or leaves fullscreen. Returns the unsubscribe function. */
export function onWindowFullscreenChange(cb: (fullscreen: boolean) => void): () => void {
  return globalThis.desktop?.onFullscreenChange(cb) ?? (() => {});
}

/**
 * A file's bytes as they are on disk (spreadsheets, CSVs in any encoding); the caller decodes.
 * The desktop reads in main; a browser reads the picked file. Both refuse a file over maxBytes
 * before reading it.
 */
export async function openFileBytes(filters: FileFilter[], maxBytes: number): Promise<OpenBytesResult> {
  const api = globalThis.desktop;
  if (api) return api.openFileBytes({ filters, maxBytes });
  const file = await pickBrowserFile(filters);
  if (!file) return { status: 'canceled' };
  if (file.size > maxBytes) return { status: 'too-large', name: file.name, size: file.size, limit: maxBytes };
  try {
    return { status: 'opened', name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
  } catch {
    return { status: 'canceled' };
  }
}

function pickBrowserFile(filters: FileFilter[]): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
    input.style.display = 'none';
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    input.addEventListener('change', () => {
      const file = input.files?.[0] ?? null;
      input.remove();
      resolve(file);
    });
    document.body.appendChild(input);
    input.click();
  });
}

/**
 * Desktop only: the native menu follows the interface language. Says it now and again on each
 * change (`subscribe` is the interface language's own, i18n/interface-language.ts); the
 * pseudo-locale is English underneath, so the menu shows English for it. A no-op in a browser.
 * Returns the unsubscribe function.
 */
export function followInterfaceLanguageInMenu(current: () => Locale, subscribe: (listener: () => void) => () => void): () => void {
  const api = globalThis.desktop;
  if (!api) return () => {};
  let said: Language | null = null;
  const say = (): void => {
    const locale = current();
    const language: Language = locale === 'pseudo' ? 'en' : locale;
    if (language === said) return;
    said = language;
    // Through a promise, so a stand-in without the method (tests) fails like a refused call.
    Promise.resolve()
      .then(() => api.setMenuLanguage({ language }))
      .catch((err: unknown) => {
        // The menu then stays in its previous language; the screens are unaffected.
        console.warn('Liftoff: could not set the menu language', err);
        said = null;
      });
  };
  say();
  return subscribe(say);
}

/** Subscribes to the native menu; a no-op in a browser. Returns the unsubscribe function. */
export function onMenuCommand(cb: (cmd: MenuCommand) => void): () => void {
  return globalThis.desktop?.onMenuCommand(cb) ?? (() => {});
}

/**
 * Workshop files the operating system asked the desktop app to open (double-click, Open with),
 * handed to `handle` one at a time, oldest first, each after the previous one was handled.
 * Files that arrived before this was called (at launch, the page was not listening yet) come
 * first. A no-op in a browser. Returns the unsubscribe function.
 */
export function onFilesOpenedBySystem(maxBytes: number, handle: (file: OpenedFile) => Promise<void>): () => void {
  const api = globalThis.desktop;
  if (!api) return () => {};
  let stopped = false;
  let draining = false;
  let askAgain = false;
  const drain = async (): Promise<void> => {
    // One loop at a time; a signal during the loop makes it ask once more before it ends.
    if (draining) {
      askAgain = true;
      return;
    }
    draining = true;
    try {
      do {
        askAgain = false;
        for (let file = await api.takeOpenedFile({ maxBytes }); file && !stopped; file = await api.takeOpenedFile({ maxBytes })) {
          try {
            await handle(file);
          } catch (err) {
            // One file's failure must not keep the next ones waiting.
            console.warn('Liftoff: a file opened from the system could not be handled', err);
          }
        }
      } while (askAgain && !stopped);
    } catch (err) {
      console.warn('Liftoff: could not take the files opened from the system', err);
    } finally {
      draining = false;
    }
  };
  const unsubscribe = api.onOpenedFileWaiting(() => void drain());
  void drain();
  return () => {
    stopped = true;
    unsubscribe();
  };
}

/** The desktop's backup folder (main process), or null in a browser, where backups live in IndexedDB. */
export type DesktopBackups = {
  write: (args: BackupWriteArgs) => Promise<BackupEntry>;
  list: () => Promise<BackupEntry[]>;
  read: (ref: BackupRef) => Promise<BackupReadResult>;
  prune: (args: BackupPruneArgs) => Promise<number>;
};

export function desktopBackups(): DesktopBackups | null {
  const api = globalThis.desktop;
  if (!api) return null;
  return {
    write: (args) => api.writeBackup(args),
    list: () => api.listBackups(),
    read: (ref) => api.readBackup(ref),
    prune: async (args) => (await api.pruneBackups(args)).removed,
  };
}

/** Main asks for a last backup before the window closes; a no-op in a browser. */
export function onBackupFlushRequest(cb: () => Promise<void>): () => void {
  return globalThis.desktop?.onBackupFlushRequest(cb) ?? (() => {});
}
