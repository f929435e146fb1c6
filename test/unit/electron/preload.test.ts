import { describe, expect, it, vi } from 'vitest';
import type { DesktopApi } from '../../../electron/shared/ipc-contract';

type Listener = (event: unknown, ...args: unknown[]) => void;

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<Listener>>();
  return {
    listeners,
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: {
      invoke: vi.fn((..._args: unknown[]): Promise<unknown> => Promise.resolve({ status: 'canceled' })),
      on: vi.fn((channel: string, listener: Listener) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)?.add(listener);
      }),
      removeListener: vi.fn((channel: string, listener: Listener) => {
        listeners.get(channel)?.delete(listener);
      }),
    },
  };
});
vi.mock('electron', () => electron);

await import('../../../electron/preload/preload');

function exposed(): { key: string; api: DesktopApi } {
  const call = electron.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [string, DesktopApi];
  return { key: call[0], api: call[1] };
}

function emitMenu(command: unknown): void {
  for (const listener of electron.listeners.get('menu:command') ?? []) listener({ sender: 'ipcRenderer' }, command);
}

describe('the preload', () => {
  it('exposes window.desktop with one method per channel and no ipcRenderer', () => {
    const { key, api } = exposed();
    expect(key).toBe('desktop');
    expect(Object.keys(api).sort()).toEqual([
      'appInfo',
      'listBackups',
      'onBackupFlushRequest',
      'onFullscreenChange',
      'onMenuCommand',
      'onOpenedFileWaiting',
      'openFile',
      'openFileBytes',
      'pruneBackups',
      'readBackup',
      'room',
      'saveFile',
      'setFullscreen',
      'setMenuLanguage',
      'takeOpenedFile',
      'writeBackup',
    ]);
    expect(Object.values(api)).not.toContain(electron.ipcRenderer);
  });

  it('invokes the matching channel for each method', async () => {
    const { api } = exposed();
    const filters = [{ name: 'CSV', extensions: ['csv'] }];
    await api.saveFile({ suggestedName: 'a.json', data: '{}', filters });
    await api.openFile({ filters, maxBytes: 10 });
    await api.openFileBytes({ filters, maxBytes: 11 });
    await api.appInfo();
    await api.takeOpenedFile({ maxBytes: 25 });
    await api.setFullscreen({ fullscreen: true });
    await api.setMenuLanguage({ language: 'fr' });
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([
      ['file:save', { suggestedName: 'a.json', data: '{}', filters }],
      ['file:open', { filters, maxBytes: 10 }],
      ['file:open-bytes', { filters, maxBytes: 11 }],
      ['app:info'],
      ['file:take-opened', { maxBytes: 25 }],
      ['window:set-fullscreen', { fullscreen: true }],
      ['menu:set-language', { language: 'fr' }],
    ]);
  });

  it('signals a waiting opened file without passing on the event or anything sent with it', () => {
    const { api } = exposed();
    const callback = vi.fn();
    const unsubscribe = api.onOpenedFileWaiting(callback);
    for (const listener of electron.listeners.get('file:opened-waiting') ?? []) listener({ sender: 'ipcRenderer' }, '/etc/passwd');
    expect(callback).toHaveBeenCalledTimes(1);
    expect(callback.mock.calls[0]).toEqual([]);
    unsubscribe();
    expect(electron.listeners.get('file:opened-waiting')?.size).toBe(0);
  });

  it('passes known menu commands on, without the IPC event', () => {
    const { api } = exposed();
    const callback = vi.fn();
    const unsubscribe = api.onMenuCommand(callback);
    emitMenu('undo');
    expect(callback).toHaveBeenCalledWith('undo');
    expect(callback.mock.calls[0]).toHaveLength(1);
    unsubscribe();
  });

  it('drops unknown menu commands', () => {
    const { api } = exposed();
    const callback = vi.fn();
    const unsubscribe = api.onMenuCommand(callback);
    emitMenu('rm -rf');
    emitMenu({ command: 'undo' });
    emitMenu(undefined);
    expect(callback).not.toHaveBeenCalled();
    unsubscribe();
  });

  it('answers a flush request on backup:flushed once the page has backed up, even if that failed', async () => {
    const { api } = exposed();
    electron.ipcRenderer.invoke.mockClear();
    let finish!: () => void;
    const unsubscribe = api.onBackupFlushRequest(() => new Promise<void>((resolve) => (finish = resolve)));
    for (const listener of electron.listeners.get('backup:flush-request') ?? []) listener({ sender: 'ipcRenderer' });
    await new Promise((r) => setTimeout(r, 0));
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
    finish();
    await vi.waitFor(() => expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('backup:flushed'));
    unsubscribe();
    electron.ipcRenderer.invoke.mockClear();
    const failing = api.onBackupFlushRequest(() => Promise.reject(new Error('disk full')));
    for (const listener of electron.listeners.get('backup:flush-request') ?? []) listener({ sender: 'ipcRenderer' });
    await vi.waitFor(() => expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('backup:flushed'));
    failing();
    expect(electron.listeners.get('backup:flush-request')?.size).toBe(0);
  });

  it('hands the page the menu commands clicked before it listened, first, and only known ones', async () => {
    const { api } = exposed();
    electron.ipcRenderer.invoke.mockClear();
    electron.ipcRenderer.invoke.mockResolvedValueOnce(['open-workshop-file', 'rm -rf', 'new-workshop']);
    const callback = vi.fn();
    const unsubscribe = api.onMenuCommand(callback);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('menu:take-pending');
    await vi.waitFor(() => expect(callback.mock.calls).toEqual([['open-workshop-file'], ['new-workshop']]));
    unsubscribe();
  });

  it('passes the window\'s fullscreen state on as a boolean, and nothing else', () => {
    const { api } = exposed();
    const callback = vi.fn();
    const unsubscribe = api.onFullscreenChange(callback);
    const emit = (value: unknown) => {
      for (const listener of electron.listeners.get('window:fullscreen-changed') ?? []) listener({ sender: 'ipcRenderer' }, value);
    };
    emit(true);
    emit(false);
    emit('false');
    emit({ fullscreen: true });
    expect(callback.mock.calls).toEqual([[true], [false]]);
    unsubscribe();
    expect(electron.listeners.get('window:fullscreen-changed')?.size).toBe(0);
  });

  it('stops calling back after unsubscribe', () => {
    const { api } = exposed();
    const callback = vi.fn();
    api.onMenuCommand(callback)();
    emitMenu('redo');
    expect(callback).not.toHaveBeenCalled();
  });

  it('exposes the room as named methods on the room channels, and passes on only the three kinds of room event', async () => {
    const { api } = exposed();
    const room = api.room!;
    expect(Object.keys(room).sort()).toEqual(['addresses', 'answer', 'close', 'onEvent', 'open', 'platform', 'removeDevice', 'setState', 'status']);
    electron.ipcRenderer.invoke.mockClear();
    await room.open({ address: '192.168.1.23' });
    await room.answer([{ requestId: 'r', ok: true }]);
    await room.removeDevice({ deviceId: 'd' });
    await room.close();
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([
      ['room:open', { address: '192.168.1.23' }],
      ['room:answer', [{ requestId: 'r', ok: true }]],
      ['room:remove-device', { deviceId: 'd' }],
      ['room:close'],
    ]);
    const callback = vi.fn();
    const unsubscribe = room.onEvent(callback);
    const emit = (value: unknown) => {
      for (const listener of electron.listeners.get('room:event') ?? []) listener({ sender: 'ipcRenderer' }, value);
    };
    emit({ type: 'devices', devices: [] });
    emit({ type: 'stopped', reason: 'idle', message: 'x' });
    emit({ type: 'eval', code: 'x' });
    emit('request');
    emit(null);
    expect(callback.mock.calls).toEqual([[{ type: 'devices', devices: [] }], [{ type: 'stopped', reason: 'idle', message: 'x' }]]);
    unsubscribe();
    expect(electron.listeners.get('room:event')?.size).toBe(0);
  });
});
