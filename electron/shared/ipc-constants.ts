// The run-time values of the IPC contract that the preload needs, kept free of zod so the
// sandboxed preload bundle stays a few kilobytes (zod would add ~750 KB parsed on every page
// load). ipc-contract.ts re-exports everything here; import from there everywhere else.

/** The name under which the preload exposes DesktopApi on window. */
export const DESKTOP_API_KEY = 'desktop';

/**
 * Main → renderer event, without payload: the operating system asked Liftoff to open a file
 * (double-click, Open With, a file dropped on the Dock icon). The page then asks for it on
 * 'file:take-opened', so nothing is lost if the event arrives before the page listens.
 */
export const OPENED_FILE_WAITING_CHANNEL = 'file:opened-waiting';

/** Main → renderer event carrying one MenuCommand. */
export const MENU_COMMAND_CHANNEL = 'menu:command';

/**
 * Main → renderer event carrying a boolean: the window entered (true) or left (false) fullscreen,
 * whoever caused it (presenter mode, View → Toggle Full Screen, the macOS green button). Presenter
 * mode follows it, so leaving fullscreen by any way also leaves the presenter layout.
 */
export const WINDOW_FULLSCREEN_CHANNEL = 'window:fullscreen-changed';

/** Main → renderer event carrying one RoomEvent (room/protocol.ts), checked in the preload. */
export const ROOM_EVENT_CHANNEL = 'room:event';

export const MENU_COMMANDS = [
  'new-workshop',
  'open-workshop-file',
  'save-workshop-file',
  'import-csv',
  'export-sponsor-pack',
  'undo',
  'redo',
  'toggle-presenter',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

/**
 * The interface languages, as the renderer names them (renderer/domain/languages.ts LANGUAGES;
 * a unit test keeps the two lists equal). Main needs them for the native menu's words.
 */
export const INTERFACE_LANGUAGES = ['en', 'de', 'fr'] as const;
export type InterfaceLanguage = (typeof INTERFACE_LANGUAGES)[number];
