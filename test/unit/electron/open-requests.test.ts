// Files opened from the system reach the page: queued from argv, from a second launch and from
// macOS open-file (also before "ready"), announced to the window, taken one by one and read.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => void;

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Listener[]>();
  const sent: string[] = [];
  const win = {
    isDestroyed: () => false,
    isMinimized: () => false,
    isVisible: () => true,
    restore: () => undefined,
    show: () => undefined,
    focus: vi.fn(),
    webContents: { isDestroyed: () => false, send: (channel: string) => sent.push(channel) },
  };
  const windows: (typeof win)[] = [];
  return {
    listeners,
    sent,
    win,
    windows,
    app: {
      on: vi.fn((event: string, listener: Listener) => {
        listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      }),
      requestSingleInstanceLock: vi.fn(() => true),
      enableSandbox: vi.fn(),
      // main.ts's start() waits here forever: these tests are about what happens before "ready".
      whenReady: vi.fn(() => new Promise<void>(() => undefined)),
      isReady: vi.fn(() => false),
      quit: vi.fn(),
      exit: vi.fn(),
      getPath: vi.fn((_name: string) => '/tmp'),
      setPath: vi.fn(),
      getName: vi.fn(() => 'Liftoff'),
      isPackaged: false,
    },
    BrowserWindow: { getAllWindows: vi.fn(() => windows), fromWebContents: vi.fn(() => null) },
    protocol: { registerSchemesAsPrivileged: vi.fn() },
    dialog: { showErrorBox: vi.fn() },
    ipcMain: { handle: vi.fn() },
    session: {},
  };
});
vi.mock('electron', () => electron);

function emit(event: string, ...args: unknown[]): void {
  for (const listener of electron.listeners.get(event) ?? []) listener(...args);
}

let dir: string;
const fixture = async (name: string, content = '{"format":"liftoff.workshop"}') => {
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
};

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'liftoff-open-'));
  // Each test gets a fresh, empty queue (it is module state) and no window.
  vi.resetModules();
  electron.listeners.clear();
  electron.sent.length = 0;
  electron.windows.length = 0;
  vi.clearAllMocks();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('open-requests', () => {
  it('queues the files of a command line, tells the window, and hands each out once', async () => {
    const { queueFilesFromArgv, takeOpenedFile } = await import('../../../electron/main/open-requests');
    electron.windows.push(electron.win);
    const file = await fixture('Client day.liftoff.json');
    queueFilesFromArgv(['/opt/liftoff/liftoff', '--no-sandbox', file], '/');
    expect(electron.sent).toEqual(['file:opened-waiting']);
    await expect(takeOpenedFile({ maxBytes: 1024 })).resolves.toEqual({ status: 'opened', name: 'Client day.liftoff.json', data: '{"format":"liftoff.workshop"}' });
    await expect(takeOpenedFile({ maxBytes: 1024 })).resolves.toBeNull();
  });

  it('says nothing to the window when the command line holds no file', async () => {
    const { queueFilesFromArgv, takeOpenedFile } = await import('../../../electron/main/open-requests');
    electron.windows.push(electron.win);
    queueFilesFromArgv(['/opt/liftoff/liftoff', '--no-sandbox', '/home/zoe/notes.txt'], '/');
    expect(electron.sent).toEqual([]);
    await expect(takeOpenedFile({ maxBytes: 1024 })).resolves.toBeNull();
  });

  it('keeps a file that came before any window until the page asks for it', async () => {
    const { queueFilesFromArgv, takeOpenedFile } = await import('../../../electron/main/open-requests');
    const file = await fixture('early.liftoff.json');
    queueFilesFromArgv(['liftoff', file], '/');
    expect(electron.sent).toEqual([]);
    await expect(takeOpenedFile({ maxBytes: 1024 })).resolves.toMatchObject({ status: 'opened', name: 'early.liftoff.json' });
  });

  it("reads with the page's limit, so a large file is reported, not read", async () => {
    const { queueFilesFromArgv, takeOpenedFile } = await import('../../../electron/main/open-requests');
    const file = await fixture('big.liftoff.json', 'x'.repeat(5000));
    queueFilesFromArgv(['liftoff', file], '/');
    await expect(takeOpenedFile({ maxBytes: 4096 })).resolves.toEqual({ status: 'too-large', name: 'big.liftoff.json', size: 5000, limit: 4096 });
  });

  it('takes macOS open-file events, claims them, and ignores files that are not JSON', async () => {
    const { installOpenFileHandler, takeOpenedFile } = await import('../../../electron/main/open-requests');
    const onFile = vi.fn();
    installOpenFileHandler(onFile);
    const file = await fixture('mac.liftoff.json');
    const event = { preventDefault: vi.fn() };
    emit('open-file', event, file);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(onFile).toHaveBeenCalledTimes(1);
    emit('open-file', { preventDefault: vi.fn() }, path.join(dir, 'photo.png'));
    expect(onFile).toHaveBeenCalledTimes(1);
    await expect(takeOpenedFile({ maxBytes: 1024 })).resolves.toMatchObject({ status: 'opened', name: 'mac.liftoff.json' });
    await expect(takeOpenedFile({ maxBytes: 1024 })).resolves.toBeNull();
  });

  it('reports a file that disappeared before the page took it', async () => {
    const { queueFilesFromArgv, takeOpenedFile } = await import('../../../electron/main/open-requests');
    const file = await fixture('gone.liftoff.json');
    queueFilesFromArgv(['liftoff', file], '/');
    await rm(file);
    await expect(takeOpenedFile({ maxBytes: 1024 })).resolves.toMatchObject({ status: 'unreadable', name: 'gone.liftoff.json' });
  });
});

describe('main.ts', () => {
  const originalArgv = process.argv;
  afterEach(() => {
    process.argv = originalArgv;
  });

  async function loadMain(argv: string[]) {
    process.argv = argv;
    await import('../../../electron/main/main');
    return import('../../../electron/main/open-requests');
  }

  it('takes the file from its own command line at start', async () => {
    const file = await fixture('double-clicked.liftoff.json');
    const { takeOpenedFile } = await loadMain(['/opt/liftoff/liftoff', file]);
    await expect(takeOpenedFile({ maxBytes: 1024 })).resolves.toMatchObject({ status: 'opened', name: 'double-clicked.liftoff.json' });
  });

  it('listens for open-file before the app is ready (macOS sends it during launch)', async () => {
    const { takeOpenedFile } = await loadMain(['/Applications/Liftoff.app/Contents/MacOS/Liftoff']);
    expect(electron.app.isReady()).toBe(false);
    expect(electron.listeners.get('open-file')).toHaveLength(1);
    const file = await fixture('from-finder.liftoff.json');
    const event = { preventDefault: vi.fn() };
    emit('open-file', event, file);
    expect(event.preventDefault).toHaveBeenCalled();
    await expect(takeOpenedFile({ maxBytes: 1024 })).resolves.toMatchObject({ status: 'opened', name: 'from-finder.liftoff.json' });
  });

  it("takes a second launch's file, relative to that launch's folder", async () => {
    const { takeOpenedFile } = await loadMain(['/opt/liftoff/liftoff']);
    await fixture('second.liftoff.json');
    emit('second-instance', {}, ['/opt/liftoff/liftoff', '--original-process-start-time=1', 'second.liftoff.json'], dir);
    await expect(takeOpenedFile({ maxBytes: 1024 })).resolves.toMatchObject({ status: 'opened', name: 'second.liftoff.json' });
  });

  it('moves a development run to its own data folder before taking the single-instance lock, which lives there', async () => {
    const order: string[] = [];
    electron.app.setPath.mockImplementation((name: string) => order.push(`setPath ${name}`));
    electron.app.requestSingleInstanceLock.mockImplementation(() => {
      order.push('requestSingleInstanceLock');
      return true;
    });
    await loadMain(['/repo/node_modules/electron/dist/electron', '.']);
    expect(electron.app.setPath).toHaveBeenCalledWith('userData', path.join('/tmp', 'Liftoff (development)'));
    expect(order).toEqual(['setPath userData', 'requestSingleInstanceLock']);
  });

  it('uses a --user-data-dir from the command line, so a smoke test runs with a throwaway profile', async () => {
    await loadMain(['/repo/node_modules/electron/dist/electron', '.', `--user-data-dir=${dir}`]);
    expect(electron.app.setPath).toHaveBeenCalledWith('userData', dir);
  });

  it('installs nothing when another instance holds the lock (that one gets the file)', async () => {
    electron.app.requestSingleInstanceLock.mockReturnValueOnce(false);
    const file = await fixture('handed-over.liftoff.json');
    const { takeOpenedFile } = await loadMain(['/opt/liftoff/liftoff', file]);
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.listeners.get('open-file')).toBeUndefined();
    await expect(takeOpenedFile({ maxBytes: 1024 })).resolves.toBeNull();
  });
});
