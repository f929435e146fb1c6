// Wires every channel of the contract to its handler. The mapped Handlers type makes a channel
// without a handler (or with a handler of the wrong shape) a compile error.
import { IPC_CHANNELS, type IpcChannel } from '../../shared/ipc-contract';
import { backupFlushed, installBackupOnClose, listBackups, pruneBackups, readBackup, writeBackup } from '../backups';
import { setWindowFullscreen } from '../fullscreen';
import { setMenuLanguage, takePendingMenuCommands } from '../menu';
import { takeOpenedFile } from '../open-requests';
import { answerRoom, closeRoom, openRoom, removeRoomDevice, roomAddresses, roomStatus, setRoomState } from '../room';
import { appInfo } from './app-info';
import { openFile, openFileBytes, saveFile } from './files';
import { typedHandle, type IpcHandler } from './typed-handle';

type Handlers = { [C in IpcChannel]: IpcHandler<C> };

const handlers: Handlers = {
  'file:save': saveFile,
  'file:open': openFile,
  'file:open-bytes': openFileBytes,
  'file:take-opened': takeOpenedFile,
  'app:info': appInfo,
  'backup:write': writeBackup,
  'backup:list': listBackups,
  'backup:read': readBackup,
  'backup:prune': pruneBackups,
  'backup:flushed': backupFlushed,
  'window:set-fullscreen': setWindowFullscreen,
  'menu:take-pending': takePendingMenuCommands,
  'menu:set-language': setMenuLanguage,
  'room:addresses': roomAddresses,
  'room:open': openRoom,
  'room:status': roomStatus,
  'room:state': setRoomState,
  'room:answer': answerRoom,
  'room:remove-device': removeRoomDevice,
  'room:close': closeRoom,
};

function register<C extends IpcChannel>(channel: C): void {
  typedHandle(channel, handlers[channel]);
}

export function registerIpcHandlers(): void {
  for (const channel of IPC_CHANNELS) register(channel);
  // Before the first window: a closing window first takes a last backup (see ../backups.ts).
  installBackupOnClose();
}
