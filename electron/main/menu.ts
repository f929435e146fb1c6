// The native menu. buildMenuTemplate is pure (no electron values, only types) so the shortcuts
// and the commands they send are tested; installApplicationMenu is the impure edge.
import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { MENU_COMMAND_CHANNEL, type MenuCommand } from '../shared/ipc-contract';

export type MenuContext = {
  appName: string;
  /** Reload and developer tools are for development builds only. */
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
      { label: 'New workshop', accelerator: 'CmdOrCtrl+N', click: () => send('new-workshop') },
      { label: 'Open workshop file…', accelerator: 'CmdOrCtrl+O', click: () => send('open-workshop-file') },
      { label: 'Save workshop file…', accelerator: 'CmdOrCtrl+S', click: () => send('save-workshop-file') },
      separator,
      { label: 'Import use cases from CSV…', accelerator: 'CmdOrCtrl+I', click: () => send('import-csv') },
      { label: 'Export sponsor pack…', accelerator: 'CmdOrCtrl+E', click: () => send('export-sponsor-pack') },
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
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, click: () => send('undo') },
      { label: 'Redo', accelerator: 'Shift+CmdOrCtrl+Z', registerAccelerator: false, click: () => send('redo') },
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
      ...(context.isPackaged ? [] : [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const, separator]),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      // The renderer owns presenter mode (layout and fullscreen); in a browser it listens for F5 itself.
      { label: 'Presenter mode', accelerator: 'F5', click: () => send('toggle-presenter') },
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

export function installApplicationMenu(getWindow: () => BrowserWindow | null): void {
  const send = (command: MenuCommand): void => {
    const win = getWindow();
    if (win && !win.isDestroyed()) win.webContents.send(MENU_COMMAND_CHANNEL, command);
  };
  const template = buildMenuTemplate(process.platform, send, {
    appName: app.getName(),
    isPackaged: app.isPackaged,
    showAbout: () => showAboutDialog(getWindow),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
