// The one application window. Its webPreferences are the security baseline of the app: the page
// gets no Node, runs sandboxed in an isolated world, and talks to main only through the preload.
import { app, BrowserWindow, screen, type BrowserWindowConstructorOptions } from 'electron';
import path from 'node:path';
import { reportFullscreenChanges } from './fullscreen';
import { preloadPath } from './paths';
import { APP_INDEX_URL } from './protocol';
import { loadWindowState, placementFor, trackWindowState, MIN_WINDOW_SIZE, WINDOW_STATE_FILE, type WindowPlacement } from './window-state';

/** Pure, so the tests can pin every security-relevant preference. */
export function mainWindowOptions(placement: WindowPlacement, preload: string): BrowserWindowConstructorOptions {
  const { isMaximized: _isMaximized, ...bounds } = placement;
  return {
    ...bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Liftoff',
    // Shown on ready-to-show, so the person never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // On Linux the spellchecker downloads dictionaries from Google at first use; an offline
      // app that promises workshops stay local must not make that request.
      spellcheck: false,
    },
  };
}

export async function createMainWindow(): Promise<BrowserWindow> {
  const stateFile = path.join(app.getPath('userData'), WINDOW_STATE_FILE);
  const saved = await loadWindowState(stateFile);
  const placement = placementFor(
    saved,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const win = new BrowserWindow(mainWindowOptions(placement, preloadPath()));
  win.once('ready-to-show', () => {
    if (placement.isMaximized) win.maximize();
    win.show();
  });
  trackWindowState(win, stateFile);
  reportFullscreenChanges(win);
  try {
    await win.loadURL(APP_INDEX_URL);
  } catch (error) {
    // Still show the window (with Chromium's error page) rather than leave an invisible process.
    console.error(`Could not load ${APP_INDEX_URL}`, error);
    if (!win.isDestroyed() && !win.isVisible()) win.show();
  }
  return win;
}
