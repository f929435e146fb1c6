// The one IPC contract between the renderer (through the preload) and the main process.
// Both sides import from here so a channel cannot drift: the types give compile-time safety,
// the zod validators give run-time safety in main, where the payload arrives from a process
// that must be treated as untrusted. Plain TS: imported by main, preload and renderer alike.
import { z } from 'zod';
import { INTERFACE_LANGUAGES, MENU_COMMANDS, type InterfaceLanguage, type MenuCommand } from './ipc-constants';
import { BACKUP_FILE_NAME_PATTERN, BACKUP_WORKSHOP_ID_PATTERN } from './backup-channels';
import { utf8ByteLength } from '../../common/text-size.mjs';
import type { OpenRoomArgs, RoomAddress, RoomAnswer, RoomDevice, RoomEvent, RoomInfo, RoomState } from '../../room/protocol';
import { openRoomArgsSchema, removeDeviceArgsSchema, roomAnswersSchema, roomStateSchema } from '../../room/schemas';

export {
  DESKTOP_API_KEY,
  INTERFACE_LANGUAGES,
  isMenuCommand,
  MENU_COMMAND_CHANNEL,
  MENU_COMMANDS,
  OPENED_FILE_WAITING_CHANNEL,
  WINDOW_FULLSCREEN_CHANNEL,
  ROOM_EVENT_CHANNEL,
  type InterfaceLanguage,
  type MenuCommand,
} from './ipc-constants';

/** Largest file the renderer may ask main to write or read. Bigger workshops are not a real use case. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;
export const MAX_SUGGESTED_NAME_LENGTH = 200;

// ---------------------------------------------------------------------------------------------
// Payload and result types
// ---------------------------------------------------------------------------------------------

/** Same shape as Electron's FileFilter, so it can be handed to the dialogs unchanged. */
export type FileFilter = { name: string; extensions: string[] };

export type SaveFileArgs = {
  /** A bare file name proposed in the dialog; the person chooses the folder. */
  suggestedName: string;
  data: string | Uint8Array;
  filters: FileFilter[];
};
export type SaveFileResult = { status: 'saved'; path: string } | { status: 'canceled' };

export type OpenFileArgs = {
  filters: FileFilter[];
  /** Files larger than this are refused before a byte is read. */
  maxBytes: number;
};
export type OpenFileResult =
  | { status: 'opened'; name: string; data: string }
  | { status: 'canceled' }
  | { status: 'too-large'; name: string; size: number; limit: number };

/** A spreadsheet or CSV as bytes: the renderer decodes it (encodings, workbooks) in one place. */
export type OpenFileBytesResult =
  | { status: 'opened'; name: string; bytes: Uint8Array }
  | { status: 'canceled' }
  | { status: 'too-large'; name: string; size: number; limit: number };

export type TakeOpenedFileArgs = {
  /** Same meaning as in OpenFileArgs: a larger file is reported, never read. */
  maxBytes: number;
};
/**
 * A file the operating system asked Liftoff to open, read by main. Only the file's name crosses
 * to the renderer, never its folder. 'unreadable' carries a sentence for the person.
 */
export type OpenedFile =
  | { status: 'opened'; name: string; data: string }
  | { status: 'too-large'; name: string; size: number; limit: number }
  | { status: 'unreadable'; name: string; reason: string };

export type AppInfo = {
  name: string;
  version: string;
  platform: string;
  electron: string;
  chrome: string;
  node: string;
  userDataPath: string;
};

/** What the renderer knows about a backup when it writes one; main stores it next to the file. */
export type BackupInfo = { workshopName: string; useCases: number; workshopUpdatedAt: string; createdAt: string };
export type BackupWriteArgs = { workshopId: string; fileName: string; data: string; info: BackupInfo };
export type BackupRef = { workshopId: string; fileName: string };
export type BackupPruneArgs = { workshopId: string; fileNames: string[] };
/** One backup as listed; the info is null when its sidecar is missing or unreadable. */
export type BackupEntry = BackupRef & { bytes: number; info: BackupInfo | null };
export type BackupReadResult = { status: 'found'; data: string } | { status: 'missing' };
export type BackupPruneResult = { removed: number };

/** The facilitator's interface language, which the native menu follows. */
export type SetInterfaceLanguageArgs = { language: InterfaceLanguage };

export type SetFullscreenArgs = { fullscreen: boolean };
/** changed: false when the window already was in the asked state (the person chose fullscreen before). */
export type SetFullscreenResult = { changed: boolean };

// ---------------------------------------------------------------------------------------------
// Validators
// ---------------------------------------------------------------------------------------------

/** UTF-8 byte length: the one copy both processes use (common/text-size.mjs). */
export { utf8ByteLength };

function fitsInMaxBytes(text: string): boolean {
  // Every UTF-16 unit is at least one byte and at most three, so most strings skip the count.
  if (text.length > MAX_FILE_BYTES) return false;
  if (text.length * 3 <= MAX_FILE_BYTES) return true;
  return utf8ByteLength(text) <= MAX_FILE_BYTES;
}

export const fileFilterSchema = z
  .object({
    name: z.string().min(1).max(100),
    // Electron wants extensions without the dot; '*' means any file.
    extensions: z
      .array(z.string().regex(/^(\*|[A-Za-z0-9_-]{1,20})$/, 'an extension is letters/digits without a dot, or *'))
      .min(1)
      .max(20),
  })
  .strict() satisfies z.ZodType<FileFilter>;

const filtersSchema = z.array(fileFilterSchema).max(20);

export const suggestedNameSchema = z
  .string()
  .min(1)
  .max(MAX_SUGGESTED_NAME_LENGTH)
  // A name, never a path: the folder is the person's choice in the dialog, not the renderer's.
  .refine((name) => !/[/\\]/.test(name), 'must not contain path separators')
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), 'must not contain control characters')
  .refine((name) => name !== '.' && name !== '..', 'must be a file name');

export const saveFileArgsSchema = z
  .object({
    suggestedName: suggestedNameSchema,
    data: z.union([
      z.string().refine(fitsInMaxBytes, `must be at most ${MAX_FILE_BYTES} bytes`),
      z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= MAX_FILE_BYTES, `must be at most ${MAX_FILE_BYTES} bytes`),
    ]),
    filters: filtersSchema,
  })
  .strict() satisfies z.ZodType<SaveFileArgs>;

export const openFileArgsSchema = z
  .object({
    filters: filtersSchema,
    maxBytes: z.number().int().min(1).max(MAX_FILE_BYTES),
  })
  .strict() satisfies z.ZodType<OpenFileArgs>;

export const takeOpenedFileArgsSchema = z
  .object({ maxBytes: z.number().int().min(1).max(MAX_FILE_BYTES) })
  .strict() satisfies z.ZodType<TakeOpenedFileArgs>;

/** Channels without arguments accept exactly nothing. */
export const noArgsSchema = z.undefined();

/** Ids and file names become path segments in main: only what the regexes allow ever gets there. */
export const backupWorkshopIdSchema = z.string().regex(BACKUP_WORKSHOP_ID_PATTERN, 'must be a plain workshop id');
export const backupFileNameSchema = z.string().regex(BACKUP_FILE_NAME_PATTERN, 'must be a backup file name');

export const backupInfoSchema = z
  .object({
    workshopName: z.string().max(1000),
    useCases: z.number().int().min(0).max(1_000_000),
    workshopUpdatedAt: z.string().max(64),
    createdAt: z.string().max(64),
  })
  .strict() satisfies z.ZodType<BackupInfo>;

export const backupWriteArgsSchema = z
  .object({
    workshopId: backupWorkshopIdSchema,
    fileName: backupFileNameSchema,
    data: z.string().refine(fitsInMaxBytes, `must be at most ${MAX_FILE_BYTES} bytes`),
    info: backupInfoSchema,
  })
  .strict() satisfies z.ZodType<BackupWriteArgs>;

export const backupRefSchema = z.object({ workshopId: backupWorkshopIdSchema, fileName: backupFileNameSchema }).strict() satisfies z.ZodType<BackupRef>;

export const backupPruneArgsSchema = z
  .object({ workshopId: backupWorkshopIdSchema, fileNames: z.array(backupFileNameSchema).max(10_000) })
  .strict() satisfies z.ZodType<BackupPruneArgs>;

export const menuCommandSchema = z.enum(MENU_COMMANDS) satisfies z.ZodType<MenuCommand>;

export const setInterfaceLanguageArgsSchema = z
  .object({ language: z.enum(INTERFACE_LANGUAGES) })
  .strict() satisfies z.ZodType<SetInterfaceLanguageArgs>;

export const setFullscreenArgsSchema = z.object({ fullscreen: z.boolean() }).strict() satisfies z.ZodType<SetFullscreenArgs>;

// ---------------------------------------------------------------------------------------------
// The contract: channel → args → result
// ---------------------------------------------------------------------------------------------

/**
 * Every invoke channel with its argument and result. A channel added here without a validator
 * (ipcArgsSchemas), a list entry (IPC_CHANNELS) or a main handler (ipc/register-ipc.ts) is a
 * compile error; DesktopApi below then gets its named method by hand.
 */
export type IpcContract = {
  'file:save': { args: SaveFileArgs; result: SaveFileResult };
  'file:open': { args: OpenFileArgs; result: OpenFileResult };
  'file:open-bytes': { args: OpenFileArgs; result: OpenFileBytesResult };
  /** The oldest file the operating system asked to open, or null when none is waiting. */
  'file:take-opened': { args: TakeOpenedFileArgs; result: OpenedFile | null };
  'app:info': { args: undefined; result: AppInfo };
  'backup:write': { args: BackupWriteArgs; result: BackupEntry };
  'backup:list': { args: undefined; result: BackupEntry[] };
  'backup:read': { args: BackupRef; result: BackupReadResult };
  'backup:prune': { args: BackupPruneArgs; result: BackupPruneResult };
  /** The renderer's answer to main's flush request (BACKUP_FLUSH_REQUEST_CHANNEL) before a window closes. */
  'backup:flushed': { args: undefined; result: void };
  /** Presenter mode: main puts the window in (or out of) fullscreen, which needs no user gesture. */
  'window:set-fullscreen': { args: SetFullscreenArgs; result: SetFullscreenResult };
  /**
   * Menu commands clicked while no page could hear them (macOS, no window open): main opened a
   * window and kept them; the page takes them once it listens.
   */
  'menu:take-pending': { args: undefined; result: MenuCommand[] };
  /** The renderer's interface language (at start-up and on each change): main rebuilds the native menu in it. */
  'menu:set-language': { args: SetInterfaceLanguageArgs; result: void };
  /** The room (phones score over the room's network): main owns the server (electron/main/room.ts). */
  'room:addresses': { args: undefined; result: RoomAddress[] };
  'room:open': { args: OpenRoomArgs; result: RoomInfo };
  'room:status': { args: undefined; result: { room: RoomInfo | null; devices: RoomDevice[] } };
  'room:state': { args: RoomState; result: void };
  'room:answer': { args: RoomAnswer[]; result: void };
  'room:remove-device': { args: { deviceId: string }; result: void };
  'room:close': { args: undefined; result: void };
};
export type IpcChannel = keyof IpcContract;
export type IpcArgs<C extends IpcChannel> = IpcContract[C]['args'];
export type IpcResult<C extends IpcChannel> = IpcContract[C]['result'];

/** One validator per channel; the mapped type makes a missing or mistyped one a compile error. */
export const ipcArgsSchemas: { readonly [C in IpcChannel]: z.ZodType<IpcArgs<C>> } = {
  'file:save': saveFileArgsSchema,
  'file:open': openFileArgsSchema,
  'file:open-bytes': openFileArgsSchema,
  'file:take-opened': takeOpenedFileArgsSchema,
  'app:info': noArgsSchema,
  'backup:write': backupWriteArgsSchema,
  'backup:list': noArgsSchema,
  'backup:read': backupRefSchema,
  'backup:prune': backupPruneArgsSchema,
  'backup:flushed': noArgsSchema,
  'window:set-fullscreen': setFullscreenArgsSchema,
  'menu:take-pending': noArgsSchema,
  'menu:set-language': setInterfaceLanguageArgsSchema,
  'room:addresses': noArgsSchema,
  'room:open': openRoomArgsSchema,
  'room:status': noArgsSchema,
  'room:state': roomStateSchema,
  'room:answer': roomAnswersSchema,
  'room:remove-device': removeDeviceArgsSchema,
  'room:close': noArgsSchema,
};

export const IPC_CHANNELS = [
  'file:save',
  'file:open',
  'file:open-bytes',
  'file:take-opened',
  'app:info',
  'backup:write',
  'backup:list',
  'backup:read',
  'backup:prune',
  'backup:flushed',
  'window:set-fullscreen',
  'menu:take-pending',
  'menu:set-language',
  'room:addresses',
  'room:open',
  'room:status',
  'room:state',
  'room:answer',
  'room:remove-device',
  'room:close',
] as const satisfies readonly IpcChannel[];

// Compile-time proof that IPC_CHANNELS lists every channel of the contract.
type MissingChannel = Exclude<IpcChannel, (typeof IPC_CHANNELS)[number]>;
const channelListIsExhaustive: [MissingChannel] extends [never] ? true : MissingChannel = true;
void channelListIsExhaustive;

export function isIpcChannel(value: unknown): value is IpcChannel {
  return typeof value === 'string' && (IPC_CHANNELS as readonly string[]).includes(value);
}

// ---------------------------------------------------------------------------------------------
// What the preload exposes as window.desktop
// ---------------------------------------------------------------------------------------------

export type DesktopApi = {
  saveFile: (args: SaveFileArgs) => Promise<SaveFileResult>;
  openFile: (args: OpenFileArgs) => Promise<OpenFileResult>;
  openFileBytes: (args: OpenFileArgs) => Promise<OpenFileBytesResult>;
  appInfo: () => Promise<AppInfo>;
  writeBackup: (args: BackupWriteArgs) => Promise<BackupEntry>;
  listBackups: () => Promise<BackupEntry[]>;
  readBackup: (args: BackupRef) => Promise<BackupReadResult>;
  pruneBackups: (args: BackupPruneArgs) => Promise<BackupPruneResult>;
  /**
   * Main asks for a last backup before the window closes; the callback's promise settling tells
   * main it may close. Returns the unsubscribe function.
   */
  onBackupFlushRequest: (callback: () => Promise<void>) => () => void;
  takeOpenedFile: (args: TakeOpenedFileArgs) => Promise<OpenedFile | null>;
  /**
   * Calls back (without data) when the operating system asked to open a file; the page then
   * takes it with takeOpenedFile. Returns the unsubscribe function.
   */
  onOpenedFileWaiting: (callback: () => void) => () => void;
  /**
   * Calls back for each native menu command, first with those clicked before the page listened;
   * returns the unsubscribe function.
   */
  onMenuCommand: (callback: (command: MenuCommand) => void) => () => void;
  /** Tells main the interface language, so the native menu speaks it. */
  setMenuLanguage: (args: SetInterfaceLanguageArgs) => Promise<void>;
  /** Presenter mode's fullscreen, set by main on the window. */
  setFullscreen: (args: SetFullscreenArgs) => Promise<SetFullscreenResult>;
  /** Calls back with true/false when the window enters or leaves fullscreen; returns the unsubscribe function. */
  onFullscreenChange: (callback: (fullscreen: boolean) => void) => () => void;
  /** The room server, owned by main. Absent in older preloads. */
  room?: DesktopRoomApi;
};

export type DesktopRoomApi = {
  addresses: () => Promise<RoomAddress[]>;
  open: (args: OpenRoomArgs) => Promise<RoomInfo>;
  status: () => Promise<{ room: RoomInfo | null; devices: RoomDevice[] }>;
  setState: (state: RoomState) => Promise<void>;
  /** The answers to relayed requests, a batch at once. */
  answer: (answers: RoomAnswer[]) => Promise<void>;
  removeDevice: (args: { deviceId: string }) => Promise<void>;
  close: () => Promise<void>;
  /** Events from the room (relayed requests, devices, the stop); returns the unsubscribe function. */
  onEvent: (callback: (event: RoomEvent) => void) => () => void;
  /** process.platform, for the first-time firewall note on Windows. */
  platform: string;
};
