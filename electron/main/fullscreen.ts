// Presenter mode's fullscreen belongs to the window, not the page. Chromium grants the page's
// requestFullscreen() only during a user gesture, and a View-menu click or the F5 accelerator (on
// macOS the menu takes the key first) is not one, so the page asks main, which needs no gesture.
// Main then tells the page whenever the window enters or leaves fullscreen, however that happened,
// and presenter mode follows it.
import { BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { WINDOW_FULLSCREEN_CHANNEL, type SetFullscreenArgs, type SetFullscreenResult } from '../shared/ipc-contract';

/** The handler of 'window:set-fullscreen', for the window whose page asked. */
export function setWindowFullscreen(args: SetFullscreenArgs, event: IpcMainInvokeEvent): SetFullscreenResult {
  const win = BrowserWindow.fromWebContents(event.sender);
  if (!win || win.isDestroyed()) return { changed: false };
  if (win.isFullScreen() === args.fullscreen) return { changed: false };
  win.setFullScreen(args.fullscreen);
  return { changed: true };
}

/** Sends the window's fullscreen state to its page on every change. */
export function reportFullscreenChanges(win: BrowserWindow): void {
  const report = (fullscreen: boolean) => (): void => {
    if (!win.isDestroyed() && !win.webContents.isDestroyed()) win.webContents.send(WINDOW_FULLSCREEN_CHANNEL, fullscreen);
  };
  win.on('enter-full-screen', report(true));
  win.on('leave-full-screen', report(false));
}
