// The native menu. buildMenuTemplate is pure (no electron values, only types) so the shortcuts
// and the commands they send are tested; installApplicationMenu is the impure edge. Each command
// item has the command as its id, so the desktop smoke tests can click it through the real menu.
import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { MENU_COMMAND_CHANNEL, type MenuCommand } from '../shared/ipc-contract';

export type MenuContext = {
  appName: string;
  /** Developer tools are for development builds only. */
  isPackaged: boolean;
  showAbout: () => void;
};

const separator: MenuItemConstructorOptions = { type: 'separator' };

export function buildMenuTemplate(
  platform: string,
  send: (command: MenuCommand) => void,
  context: MenuContext = { appName: 'Liftoff', isPackaged: true, showAbout: () => undefined },
): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const about: MenuItemConstructorOptions = { label: `About ${context.appName}`, click: () => context.showAbout() };

  const appMenu: MenuItemConstructorOptions = {
    label: context.appName,
    submenu: [
      about,
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { id: 'new-workshop', label: 'New workshop', accelerator: 'CmdOrCtrl+N', click: () => send('new-workshop') },
      { id: 'open-workshop-file', label: 'Open workshop file…', accelerator: 'CmdOrCtrl+O', click: () => send('open-workshop-file') },
      { id: 'save-workshop-file', label: 'Save workshop file…', accelerator: 'CmdOrCtrl+S', click: () => send('save-workshop-file') },
      separator,
      { id: 'import-csv', label: 'Import use cases from CSV…', accelerator: 'CmdOrCtrl+I', click: () => send('import-csv') },
      { id: 'export-sponsor-pack', label: 'Export sponsor pack…', accelerator: 'CmdOrCtrl+E', click: () => send('export-sponsor-pack') },
      separator,
      // On macOS, Quit lives in the app menu and File ends with Close Window.
      isMac ? { role: 'close' } : { role: 'quit', accelerator: 'Ctrl+Q' },
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      // Undo/redo act on the workshop history, which only the renderer knows. The renderer also
      // listens for these keys itself; registering the accelerators here as well would fire each
      // command twice, so the menu only shows the shortcut and sends the command when clicked.
      { id: 'undo', label: 'Undo', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, click: () => send('undo') },
      { id: 'redo', label: 'Redo', accelerator: 'Shift+CmdOrCtrl+Z', registerAccelerator: false, click: () => send('redo') },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      // Reload is for everyone: the error screens tell people to reload, and it reloads only our
      // own page (security.ts lets exactly that navigation through). Developer tools stay out of
      // packaged builds.
      { role: 'reload' },
      ...(context.isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
      separator,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      // The renderer owns presenter mode and asks main for the window's fullscreen (fullscreen.ts);
      // in a browser it listens for F5 itself.
      { id: 'toggle-presenter', label: 'Presenter mode', accelerator: 'F5', click: () => send('toggle-presenter') },
      { role: 'togglefullscreen', accelerator: isMac ? 'Ctrl+Cmd+F' : 'F11' },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = { role: 'windowMenu' };

  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [about],
  };

  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}

function showAboutDialog(getWindow: () => BrowserWindow | null): void {
  const name = app.getName();
  const options = {
    type: 'info' as const,
    title: `About ${name}`,
    message: `${name} ${app.getVersion()}`,
    detail: `Electron ${process.versions.electron}\nChromium ${process.versions.chrome}\nNode.js ${process.versions.node}\n\nWorks offline; your workshops stay on this computer.`,
    buttons: ['OK'],
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

export function installApplicationMenu(getWindow: () => BrowserWindow | null, openWindow: () => void): void {
  const send = (command: MenuCommand): void => deliverMenuCommand(command, getWindow(), openWindow);
  const template = buildMenuTemplate(process.platform, send, {
    appName: app.getName(),
    isPackaged: app.isPackaged,
    showAbout: () => showAboutDialog(getWindow),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
