// Lifecycle of the desktop app: one instance, secure defaults installed before the first window,
// then the window. Everything else lives in its own module.
import { app, BrowserWindow, dialog, session } from 'electron';
import { userDataFolderFor } from './data-folder';
import { registerIpcHandlers } from './ipc/register-ipc';
import { installApplicationMenu } from './menu';
import { installOpenFileHandler, queueFilesFromArgv } from './open-requests';
import { rendererRoot } from './paths';
import { handleAppProtocol, registerAppSchemeAsPrivileged } from './protocol';
import { installSecurity } from './security';
import { createMainWindow } from './window';

// Before the single-instance lock, which lives in this folder, and before "ready", when Chromium
// fixes its storage paths (data-folder.ts says which folder and why).
const userData = userDataFolderFor({
  isPackaged: app.isPackaged,
  argv: process.argv,
  appData: app.getPath('appData'),
  appName: app.getName(),
});
if (userData !== null) app.setPath('userData', userData);

// Both must happen before "ready"; this module is evaluated synchronously before it fires.
registerAppSchemeAsPrivileged();
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
let creatingWindow: Promise<void> | null = null;
/** True once the session is secured and IPC is registered: only then may a window open. */
let setUp = false;

function focusMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  if (!mainWindow.isVisible()) mainWindow.show();
  mainWindow.focus();
}

/** Brings the window forward, or opens one (macOS keeps running with none). */
function showMainWindow(): void {
  if (mainWindow && !mainWindow.isDestroyed()) focusMainWindow();
  else if (setUp) void openMainWindow();
}

function openMainWindow(): Promise<void> {
  // On macOS "activate" can fire again while the first window is still being created.
  creatingWindow ??= createMainWindow()
    .then((win) => {
      mainWindow = win;
      win.on('closed', () => {
        if (mainWindow === win) mainWindow = null;
      });
    })
    .finally(() => {
      creatingWindow = null;
    });
  return creatingWindow;
}

async function start(): Promise<void> {
  await app.whenReady();
  installSecurity(session.defaultSession);
  handleAppProtocol(session.defaultSession, rendererRoot());
  registerIpcHandlers();
  installApplicationMenu(() => mainWindow, showMainWindow);
  setUp = true;
  await openMainWindow();
}

// A second launch (double-clicking the icon again, opening a file) hands over to the first one,
// which comes to the front; two instances would fight over the same IndexedDB.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // A workshop file double-clicked in the system: on the command line of this launch, on that of
  // a later launch (handed over here), or on macOS as an open-file event, which can come before
  // "ready" and so is listened for now. The files wait until the page takes them.
  queueFilesFromArgv(process.argv, process.cwd());
  installOpenFileHandler(showMainWindow);
  app.on('second-instance', (_event, argv, workingDirectory) => {
    queueFilesFromArgv(argv, workingDirectory);
    showMainWindow();
  });
  app.on('window-all-closed', () => {
    // macOS apps stay in the Dock until the person quits them.
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) void openMainWindow();
  });
  // Not a top-level await: with an ESM entry, "ready" only fires once the entry has finished
  // evaluating, so awaiting it here would never resolve.
  start().catch((error: unknown) => {
    console.error('Liftoff could not start', error);
    dialog.showErrorBox('Liftoff could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}
