import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { EventEmitter } from 'node:events';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;
const registered = new Map<string, Listener>();

const electron = vi.hoisted(() => {
  const appEvents = new Map<string, ((...args: unknown[]) => void)[]>();
  return {
    appEvents,
    app: {
      getPath: vi.fn(() => ''),
      quit: vi.fn(),
      on: vi.fn((name: string, fn: (...args: unknown[]) => void) => {
        appEvents.set(name, [...(appEvents.get(name) ?? []), fn]);
      }),
    },
    ipcMain: { handle: vi.fn() },
    BrowserWindow: { fromWebContents: vi.fn(() => null) },
  };
});
vi.mock('electron', () => electron);

const backups = await import('../../../electron/main/backups');
const { typedHandle } = await import('../../../electron/main/ipc/typed-handle');
const { ipcArgsSchemas } = await import('../../../electron/shared/ipc-contract');
const { BACKUP_FLUSH_REQUEST_CHANNEL } = await import('../../../electron/shared/backup-channels');

const WS = '0b8e6a4c-7d43-4a52-9b35-7f0d9c2b1e11';
const F1 = '2026-11-23T21-04-45-123Z.liftoff.json';
const F2 = '2026-11-23T21-19-45-123Z.liftoff.json';
const info = { workshopName: 'Insurer AI day', useCases: 3, workshopUpdatedAt: '2026-11-23T21:04:40.000Z', createdAt: '2026-11-23T21:04:45.123Z' };
let userData: string;

beforeEach(async () => {
  userData = await mkdtemp(path.join(tmpdir(), 'liftoff-backups-'));
  electron.app.getPath.mockReturnValue(userData);
});
afterEach(async () => {
  await rm(userData, { recursive: true, force: true });
});

describe('the desktop backup folder', () => {
  it('writes a backup atomically into userData/backups/<id>/ and leaves no temporary file', async () => {
    const entry = await backups.writeBackup({ workshopId: WS, fileName: F1, data: '{"a":"é"}', info });
    expect(entry).toEqual({ workshopId: WS, fileName: F1, bytes: 10, info });
    const folder = path.join(userData, 'backups', WS);
    expect(await readFile(path.join(folder, F1), 'utf8')).toBe('{"a":"é"}');
    expect((await readdir(folder)).sort()).toEqual([F1, '2026-11-23T21-04-45-123Z.meta.json']);
  });

  it('lists backups newest first with their details, ignoring what is not ours', async () => {
    expect(await backups.listBackups()).toEqual([]);
    await backups.writeBackup({ workshopId: WS, fileName: F1, data: 'one', info });
    await backups.writeBackup({ workshopId: WS, fileName: F2, data: 'two!', info: { ...info, useCases: 4 } });
    const root = path.join(userData, 'backups');
    await writeFile(path.join(root, WS, 'notes.txt'), 'x');
    await mkdir(path.join(root, 'not a workshop'));
    await writeFile(path.join(root, 'stray-file'), 'x');
    // A missing sidecar only loses the details.
    await rm(path.join(root, WS, '2026-11-23T21-04-45-123Z.meta.json'));
    expect(await backups.listBackups()).toEqual([
      { workshopId: WS, fileName: F2, bytes: 4, info: { ...info, useCases: 4 } },
      { workshopId: WS, fileName: F1, bytes: 3, info: null },
    ]);
  });

  it('reads a backup back, and says when it is missing', async () => {
    await backups.writeBackup({ workshopId: WS, fileName: F1, data: 'content', info });
    expect(await backups.readBackup({ workshopId: WS, fileName: F1 })).toEqual({ status: 'found', data: 'content' });
    expect(await backups.readBackup({ workshopId: WS, fileName: F2 })).toEqual({ status: 'missing' });
  });

  it('prunes the named backups with their sidecars', async () => {
    await backups.writeBackup({ workshopId: WS, fileName: F1, data: 'one', info });
    await backups.writeBackup({ workshopId: WS, fileName: F2, data: 'two', info });
    expect(await backups.pruneBackups({ workshopId: WS, fileNames: [F1, '2026-01-01T00-00-00-000Z.liftoff.json'] })).toEqual({ removed: 1 });
    expect((await readdir(path.join(userData, 'backups', WS))).sort()).toEqual([F2, '2026-11-23T21-19-45-123Z.meta.json']);
  });

  it('refuses hostile ids and file names even when called directly, touching nothing outside', async () => {
    const outside = path.join(userData, 'secret.liftoff.json');
    await writeFile(outside, 'secret');
    for (const workshopId of ['..', '../..', `..${path.sep}x`, '/etc', 'C:\\Windows', '', 'a/b', '.']) {
      await expect(backups.writeBackup({ workshopId, fileName: F1, data: 'x', info })).rejects.toThrow(/Refused/);
      await expect(backups.readBackup({ workshopId, fileName: F1 })).rejects.toThrow(/Refused/);
      await expect(backups.pruneBackups({ workshopId, fileNames: [F1] })).rejects.toThrow(/Refused/);
    }
    for (const fileName of ['../../secret.liftoff.json', '..', 'x.liftoff.json', `${F1}/..`, '/etc/passwd']) {
      await expect(backups.readBackup({ workshopId: WS, fileName })).rejects.toThrow(/Refused/);
      await expect(backups.pruneBackups({ workshopId: WS, fileNames: [fileName] })).rejects.toThrow(/Refused/);
    }
    expect(await readFile(outside, 'utf8')).toBe('secret');
    expect(await readdir(userData)).toEqual(['secret.liftoff.json']);
  });

  it('has channel validators that refuse hostile ids, names and extra keys', () => {
    const ok = { workshopId: WS, fileName: F1, data: '{}', info };
    expect(ipcArgsSchemas['backup:write'].safeParse(ok).success).toBe(true);
    for (const workshopId of ['..', '../x', 'a/b', 'a\\b', '', 'x'.repeat(65), 'a\u0000']) {
      expect(ipcArgsSchemas['backup:write'].safeParse({ ...ok, workshopId }).success, workshopId).toBe(false);
      expect(ipcArgsSchemas['backup:read'].safeParse({ workshopId, fileName: F1 }).success).toBe(false);
    }
    for (const fileName of ['../x.liftoff.json', 'x.json', F1.replace('.liftoff.json', '.exe')]) {
      expect(ipcArgsSchemas['backup:read'].safeParse({ workshopId: WS, fileName }).success, fileName).toBe(false);
      expect(ipcArgsSchemas['backup:prune'].safeParse({ workshopId: WS, fileNames: [F1, fileName] }).success).toBe(false);
    }
    expect(ipcArgsSchemas['backup:write'].safeParse({ ...ok, path: '/etc/passwd' }).success).toBe(false);
    expect(ipcArgsSchemas['backup:write'].safeParse({ ...ok, info: { ...info, useCases: -1 } }).success).toBe(false);
    expect(ipcArgsSchemas['backup:list'].safeParse(undefined).success).toBe(true);
    expect(ipcArgsSchemas['backup:list'].safeParse({}).success).toBe(false);
  });

  it('refuses a hostile id over IPC before the handler runs', async () => {
    electron.ipcMain.handle.mockImplementation((channel: string, listener: Listener) => {
      registered.set(channel, listener);
    });
    typedHandle('backup:read', backups.readBackup);
    const trusted = { senderFrame: { url: 'app://liftoff/index.html', parent: null } } as unknown as IpcMainInvokeEvent;
    await expect(registered.get('backup:read')?.(trusted, { workshopId: '../..', fileName: F1 })).rejects.toThrow(/invalid payload/);
    const foreign = { senderFrame: { url: 'https://evil.example/', parent: null } } as unknown as IpcMainInvokeEvent;
    await expect(registered.get('backup:read')?.(foreign, { workshopId: WS, fileName: F1 })).rejects.toThrow(/sender/);
  });
});

class FakeWindow extends EventEmitter {
  destroyed = false;
  crashed = false;
  title = 'Liftoff';
  close = vi.fn(() => {
    const event = { defaultPrevented: false, preventDefault() {
      this.defaultPrevented = true;
    } };
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroyed = true;
  });
  isDestroyed = () => this.destroyed;
  getTitle = () => this.title;
  setTitle = vi.fn((title: string) => {
    this.title = title;
  });
  setProgressBar = vi.fn();
  webContents = { id: 7, isDestroyed: () => false, isCrashed: () => this.crashed, send: vi.fn() };
}

const answer = () => backups.backupFlushed(undefined, { sender: { id: 7 } } as unknown as IpcMainInvokeEvent);

describe('the last backup before a window closes', () => {
  it('holds the close, asks the renderer, and closes once it answers', async () => {
    const win = new FakeWindow();
    backups.holdCloseForBackup(win as unknown as BrowserWindow, { timeoutMs: 10_000 });
    win.close();
    expect(win.destroyed).toBe(false);
    expect(win.webContents.send).toHaveBeenCalledWith(BACKUP_FLUSH_REQUEST_CHANNEL);
    answer();
    await vi.waitFor(() => expect(win.destroyed).toBe(true));
    expect(win.close).toHaveBeenCalledTimes(2);
  });

  it('closes anyway after the timeout when the page never answers', async () => {
    const win = new FakeWindow();
    backups.holdCloseForBackup(win as unknown as BrowserWindow, { timeoutMs: 20 });
    win.close();
    expect(win.destroyed).toBe(false);
    await vi.waitFor(() => expect(win.destroyed).toBe(true));
  });

  it('makes a second click on close wait for the same backup instead of skipping it', async () => {
    const win = new FakeWindow();
    backups.holdCloseForBackup(win as unknown as BrowserWindow, { timeoutMs: 10_000 });
    win.close();
    win.close();
    win.close();
    await new Promise((r) => setTimeout(r, 10));
    expect(win.destroyed).toBe(false);
    expect(win.webContents.send).toHaveBeenCalledTimes(1);
    answer();
    await vi.waitFor(() => expect(win.destroyed).toBe(true));
  });

  it('says in the title bar that it is saving when the backup takes longer than a moment', async () => {
    const win = new FakeWindow();
    backups.holdCloseForBackup(win as unknown as BrowserWindow, { timeoutMs: 10_000, feedbackDelayMs: 5 });
    win.close();
    await vi.waitFor(() => expect(win.title).toBe(`Liftoff${backups.CLOSING_TITLE_SUFFIX}`));
    expect(win.setProgressBar).toHaveBeenCalledWith(2);
    answer();
    await vi.waitFor(() => expect(win.destroyed).toBe(true));
  });

  it('shows nothing when the backup answers at once', async () => {
    const win = new FakeWindow();
    backups.holdCloseForBackup(win as unknown as BrowserWindow, { timeoutMs: 10_000, feedbackDelayMs: 50 });
    win.close();
    answer();
    await vi.waitFor(() => expect(win.destroyed).toBe(true));
    await new Promise((r) => setTimeout(r, 80));
    expect(win.setTitle).not.toHaveBeenCalled();
    expect(win.setProgressBar).not.toHaveBeenCalled();
  });

  it('closes at once when the page has crashed and nobody can answer', () => {
    const win = new FakeWindow();
    win.crashed = true;
    backups.holdCloseForBackup(win as unknown as BrowserWindow, { timeoutMs: 10_000 });
    win.close();
    expect(win.destroyed).toBe(true);
    expect(win.webContents.send).not.toHaveBeenCalled();
  });

  it('is installed for every window created, once', () => {
    backups.installBackupOnClose();
    backups.installBackupOnClose();
    expect(electron.appEvents.get('browser-window-created')).toHaveLength(1);
    expect(electron.appEvents.get('before-quit')).toHaveLength(1);
  });
});
