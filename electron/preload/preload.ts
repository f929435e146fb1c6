// Runs in the sandboxed, context-isolated preload and exposes window.desktop: one named method per
// channel of the contract. The page never gets ipcRenderer itself (it could then call any channel
// and listen to any event), nor IPC event objects (they carry a reference back to ipcRenderer).
// Bundled into one CommonJS file, because a sandboxed preload cannot load other files.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
// Values from the zod-free half of the contract only; everything from ipc-contract is a type.
import { BACKUP_FLUSH_REQUEST_CHANNEL } from '../shared/backup-channels';
import { DESKTOP_API_KEY, isMenuCommand, MENU_COMMAND_CHANNEL, OPENED_FILE_WAITING_CHANNEL, ROOM_EVENT_CHANNEL, WINDOW_FULLSCREEN_CHANNEL } from '../shared/ipc-constants';
import type { RoomEvent } from '../../room/protocol';
import type { DesktopApi, IpcArgs, IpcChannel, IpcResult, MenuCommand } from '../shared/ipc-contract';

function invoke<C extends IpcChannel>(channel: C, ...args: IpcArgs<C> extends undefined ? [] : [IpcArgs<C>]): Promise<IpcResult<C>> {
  // The cast is the contract's promise; main validates the arguments and produces this type.
  return ipcRenderer.invoke(channel, ...args) as Promise<IpcResult<C>>;
}

const desktop: DesktopApi = {
  saveFile: (args) => invoke('file:save', args),
  openFile: (args) => invoke('file:open', args),
  openFileBytes: (args) => invoke('file:open-bytes', args),
  takeOpenedFile: (args) => invoke('file:take-opened', args),
  appInfo: () => invoke('app:info'),
  writeBackup: (args) => invoke('backup:write', args),
  listBackups: () => invoke('backup:list'),
  readBackup: (args) => invoke('backup:read', args),
  pruneBackups: (args) => invoke('backup:prune', args),
  onBackupFlushRequest: (callback: () => Promise<void>) => {
    const listener = (): void => {
      // Whatever the page does, main hears back so the window can close.
      void Promise.resolve()
        .then(callback)
        .catch(() => undefined)
        .finally(() => void invoke('backup:flushed'));
    };
    ipcRenderer.on(BACKUP_FLUSH_REQUEST_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(BACKUP_FLUSH_REQUEST_CHANNEL, listener);
    };
  },
  onOpenedFileWaiting: (callback: () => void) => {
    // The event has no payload; whatever arrives with it is not passed on.
    const listener = (): void => callback();
    ipcRenderer.on(OPENED_FILE_WAITING_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(OPENED_FILE_WAITING_CHANNEL, listener);
    };
  },
  onMenuCommand: (callback: (command: MenuCommand) => void) => {
    const listener = (_event: IpcRendererEvent, command: unknown): void => {
      // Only the seven known commands reach the page, whatever arrives on the channel.
      if (isMenuCommand(command)) callback(command);
    };
    ipcRenderer.on(MENU_COMMAND_CHANNEL, listener);
    // Commands clicked while no page listened (macOS with no window: main opened one) wait in main.
    // They go to this callback even if it unsubscribed meanwhile (a re-render re-subscribes with an
    // equivalent one); otherwise they would be lost, which is what the queue exists to prevent.
    invoke('menu:take-pending')
      .then((pending: unknown) => {
        if (!Array.isArray(pending)) return;
        for (const command of pending) if (isMenuCommand(command)) callback(command);
      })
      .catch(() => undefined);
    return () => {
      ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, listener);
    };
  },
  setMenuLanguage: (args) => invoke('menu:set-language', args),
  setFullscreen: (args) => invoke('window:set-fullscreen', args),
  onFullscreenChange: (callback: (fullscreen: boolean) => void) => {
    const listener = (_event: IpcRendererEvent, fullscreen: unknown): void => {
      if (typeof fullscreen === 'boolean') callback(fullscreen);
    };
    ipcRenderer.on(WINDOW_FULLSCREEN_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(WINDOW_FULLSCREEN_CHANNEL, listener);
    };
  },
  room: {
    addresses: () => invoke('room:addresses'),
    open: (args) => invoke('room:open', args),
    status: () => invoke('room:status'),
    setState: (state) => invoke('room:state', state),
    answer: (answers) => invoke('room:answer', answers),
    removeDevice: (args) => invoke('room:remove-device', args),
    close: () => invoke('room:close'),
    onEvent: (callback: (event: RoomEvent) => void) => {
      const listener = (_event: IpcRendererEvent, payload: unknown): void => {
        // Main builds these itself; still, only the three known kinds reach the page.
        const type = typeof payload === 'object' && payload !== null ? (payload as { type?: unknown }).type : undefined;
        if (type === 'request' || type === 'devices' || type === 'stopped') callback(payload as RoomEvent);
      };
      ipcRenderer.on(ROOM_EVENT_CHANNEL, listener);
      return () => {
        ipcRenderer.removeListener(ROOM_EVENT_CHANNEL, listener);
      };
    },
    platform: process.platform,
  },
};

contextBridge.exposeInMainWorld(DESKTOP_API_KEY, desktop);
