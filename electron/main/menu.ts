// The native menu. buildMenuTemplate is pure (no electron values, only types) so the shortcuts
// and the commands they send are tested; installApplicationMenu is the impure edge. Each command
// item has the command as its id, so the desktop smoke tests can click it through the real menu.
import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { MENU_COMMAND_CHANNEL, type InterfaceLanguage, type MenuCommand, type SetInterfaceLanguageArgs } from '../shared/ipc-contract';
import { menuLanguageFromLocale, menuWord, type MenuWord } from './menu-words';

export type MenuContext = {
  appName: string;
  /** Developer tools are for development builds only. */
  isPackaged: boolean;
  showAbout: () => void;
  /** The interface language the renderer told main (menu:set-language); English by default. */
  language?: InterfaceLanguage;
};

const separator: MenuItemConstructorOptions = { type: 'separator' };

export function buildMenuTemplate(
  platform: string,
  send: (command: MenuCommand) => void,
  context: MenuContext = { appName: 'Liftoff', isPackaged: true, showAbout: () => undefined },
): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const language = context.language ?? 'en';
  // Every item gets its label from menu-words.ts, role items too: without one, Electron shows
  // its own English (or the system's words on macOS), whatever the interface language.
  const w = (word: MenuWord): string => menuWord(language, word, { app: context.appName });
  const about: MenuItemConstructorOptions = { label: w('about'), click: () => context.showAbout() };

  const appMenu: MenuItemConstructorOptions = {
    label: context.appName,
    submenu: [
      about,
      separator,
      { role: 'services', label: w('services') },
      separator,
      { role: 'hide', label: w('hide') },
      { role: 'hideOthers', label: w('hideOthers') },
      { role: 'unhide', label: w('showAll') },
      separator,
      { role: 'quit', label: w('quitApp') },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: w('file'),
    submenu: [
      { id: 'new-workshop', label: w('newWorkshop'), accelerator: 'CmdOrCtrl+N', click: () => send('new-workshop') },
      { id: 'open-workshop-file', label: w('openWorkshopFile'), accelerator: 'CmdOrCtrl+O', click: () => send('open-workshop-file') },
      { id: 'save-workshop-file', label: w('saveWorkshopFile'), accelerator: 'CmdOrCtrl+S', click: () => send('save-workshop-file') },
      separator,
      { id: 'import-csv', label: w('importCsv'), accelerator: 'CmdOrCtrl+I', click: () => send('import-csv') },
      { id: 'export-sponsor-pack', label: w('exportSponsorPack'), accelerator: 'CmdOrCtrl+E', click: () => send('export-sponsor-pack') },
      separator,
      // On macOS, Quit lives in the app menu and File ends with Close Window.
      isMac ? { role: 'close', label: w('closeWindow') } : { role: 'quit', label: w('quit'), accelerator: 'Ctrl+Q' },
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: w('edit'),
    submenu: [
      // Undo/redo act on the workshop history, which only the renderer knows. The renderer also
      // listens for these keys itself; registering the accelerators here as well would fire each
      // command twice, so the menu only shows the shortcut and sends the command when clicked.
      { id: 'undo', label: w('undo'), accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, click: () => send('undo') },
      { id: 'redo', label: w('redo'), accelerator: 'Shift+CmdOrCtrl+Z', registerAccelerator: false, click: () => send('redo') },
      separator,
      { role: 'cut', label: w('cut') },
      { role: 'copy', label: w('copy') },
      { role: 'paste', label: w('paste') },
      { role: 'selectAll', label: w('selectAll') },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: w('view'),
    submenu: [
      // Reload is for everyone: the error screens tell people to reload, and it reloads only our
      // own page (security.ts lets exactly that navigation through). Developer tools stay out of
      // packaged builds.
      { role: 'reload', label: w('reload') },
      ...(context.isPackaged ? [] : [{ role: 'toggleDevTools', label: w('developerTools') } as const]),
      separator,
      { role: 'resetZoom', label: w('actualSize') },
      { role: 'zoomIn', label: w('zoomIn') },
      { role: 'zoomOut', label: w('zoomOut') },
      separator,
      // The renderer owns presenter mode and asks main for the window's fullscreen (fullscreen.ts);
      // in a browser it listens for F5 itself.
      { id: 'toggle-presenter', label: w('presenterMode'), accelerator: 'F5', click: () => send('toggle-presenter') },
      { role: 'togglefullscreen', label: w('fullScreen'), accelerator: isMac ? 'Ctrl+Cmd+F' : 'F11' },
    ],
  };

  // Electron's own Window submenu would be English; this is the same one (macOS: minimize, zoom,
  // bring all to front; elsewhere: minimize, close), with our words.
  const windowMenu: MenuItemConstructorOptions = {
    role: 'windowMenu',
    label: w('window'),
    submenu: isMac
      ? [
          { role: 'minimize', label: w('minimize') },
          { role: 'zoom', label: w('zoom') },
          separator,
          { role: 'front', label: w('bringAllToFront') },
        ]
      : [
          { role: 'minimize', label: w('minimize') },
          { role: 'close', label: w('closeWindow') },
        ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    label: w('help'),
    submenu: [about],
  };

  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}

function showAboutDialog(getWindow: () => BrowserWindow | null, language: InterfaceLanguage): void {
  const name = app.getName();
  const options = {
    type: 'info' as const,
    title: menuWord(language, 'about', { app: name }).replace(/&/g, ''),
    message: `${name} ${app.getVersion()}`,
    detail: `Electron ${process.versions.electron}\nChromium ${process.versions.chrome}\nNode.js ${process.versions.node}\n\n${menuWord(language, 'aboutDetail')}`,
    buttons: [menuWord(language, 'ok')],
  };
  const win = getWindow();
  const shown = win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options);
  shown.catch((error: unknown) => console.warn('Could not show the About box', error));
}

/** File commands make sense with no workshop open; with no window they open one and then run. */
export const COMMANDS_THAT_OPEN_A_WINDOW: readonly MenuCommand[] = [
  'new-workshop',
  'open-workshop-file',
  'save-workshop-file',
  'import-csv',
  'export-sponsor-pack',
];

let pending: MenuCommand[] = [];

/** The handler of 'menu:take-pending': the commands no page could hear yet, oldest first, once. */
export function takePendingMenuCommands(): MenuCommand[] {
  const taken = pending;
  pending = [];
  return taken;
}

/**
 * Sends a command to the page, or keeps it when no page can hear it: no window (macOS keeps
 * running without one; `openWindow` then opens one) or a page still loading. The page takes what
 * was kept as soon as it listens (preload's onMenuCommand).
 */
export function deliverMenuCommand(command: MenuCommand, win: BrowserWindow | null, openWindow: () => void): void {
  if (win && !win.isDestroyed() && !win.webContents.isDestroyed() && !win.webContents.isLoading()) {
    win.webContents.send(MENU_COMMAND_CHANNEL, command);
    return;
  }
  const hasWindow = win !== null && !win.isDestroyed();
  if (!hasWindow && !COMMANDS_THAT_OPEN_A_WINDOW.includes(command)) return;
  // Several clicks before the page is up are one intent, not a queue of dialogs.
  if (!pending.includes(command)) pending.push(command);
  if (!hasWindow) openWindow();
}

/** What the installed menu was built with, so a language change can build it again. */
let installed: { getWindow: () => BrowserWindow | null; openWindow: () => void } | null = null;
/** The renderer's interface language once it said it; until then the system's (app.getLocale()). */
let toldLanguage: InterfaceLanguage | null = null;

export function currentMenuLanguage(): InterfaceLanguage {
  return toldLanguage ?? menuLanguageFromLocale(app.getLocale());
}

function buildAndSet(getWindow: () => BrowserWindow | null, openWindow: () => void): void {
  const language = currentMenuLanguage();
  const send = (command: MenuCommand): void => deliverMenuCommand(command, getWindow(), openWindow);
  const template = buildMenuTemplate(process.platform, send, {
    appName: app.getName(),
    isPackaged: app.isPackaged,
    showAbout: () => showAboutDialog(getWindow, language),
    language,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

export function installApplicationMenu(getWindow: () => BrowserWindow | null, openWindow: () => void): void {
  installed = { getWindow, openWindow };
  buildAndSet(getWindow, openWindow);
}

/**
 * The handler of 'menu:set-language' (payload already checked by typedHandle): the native menu
 * follows the facilitator's interface language. Rebuilt only when the language changes, so the
 * renderer may say it as often as it likes.
 */
export function setMenuLanguage({ language }: SetInterfaceLanguageArgs): void {
  if (language === toldLanguage) return;
  toldLanguage = language;
  if (installed) buildAndSet(installed.getWindow, installed.openWindow);
}
