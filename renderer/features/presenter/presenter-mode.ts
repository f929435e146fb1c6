// Entering and leaving presenter mode. The flag lives in the store (UI state only). In a browser,
// fullscreen is asked for here, inside the click or key press that entered the mode, because
// Chromium grants fullscreen only during a user gesture. In the desktop app a menu click is no
// such gesture (and on macOS the menu takes F5 first), so main puts the window in fullscreen
// (electron/main/fullscreen.ts) and tells the page when it leaves it, and presenter mode follows.
import { useEffect } from 'react';
import { useAppStore } from '../../app/store';
import { isDesktop, onWindowFullscreenChange, setWindowFullscreen } from '../../lib/desktop';

export const PRESENTER_BUTTON_ID = 'presenter-button';

/** Whether the current fullscreen was ours, so leaving never ends a fullscreen the person chose. */
let ownsFullscreen = false;

export function enterPresenter(): void {
  useAppStore.getState().setPresenter(true);
  if (isDesktop()) {
    void setWindowFullscreen(true).then((changed) => {
      // Unchanged: the person had made the window fullscreen already; leaving presenter keeps it.
      if (!changed) return;
      ownsFullscreen = true;
      if (!useAppStore.getState().presenter) exitPresenter();
    });
    return;
  }
  const root = document.documentElement;
  if (document.fullscreenElement || typeof root.requestFullscreen !== 'function') return;
  root.requestFullscreen().then(
    () => {
      ownsFullscreen = true;
      // Left again before the browser answered: do not stay fullscreen without the layout.
      if (!useAppStore.getState().presenter) exitPresenter();
    },
    // Refused (no gesture, a policy): the layout shows anyway,
    // and on a projector the window is usually maximised already.
    () => undefined,
  );
}

export function exitPresenter(): void {
  useAppStore.getState().setPresenter(false);
  if (ownsFullscreen && isDesktop()) void setWindowFullscreen(false);
  else if (ownsFullscreen && document.fullscreenElement) {
    document.exitFullscreen().catch(() => undefined);
  }
  ownsFullscreen = false;
  // Back in the normal shell, the keyboard continues from the button that entered the mode.
  requestAnimationFrame(() => {
    if (!document.activeElement || document.activeElement === document.body) document.getElementById(PRESENTER_BUTTON_ID)?.focus();
  });
}

export function togglePresenter(): void {
  if (useAppStore.getState().presenter) exitPresenter();
  else enterPresenter();
}

/**
 * While presenting: scales the whole page's rem-based type (other screens rendered inside the
 * presenter layout grow with it) and leaves presenter mode when the browser or the desktop window
 * ends our fullscreen itself (Chromium swallows the Escape key that ends fullscreen, so our key
 * handler never sees it).
 */
export function usePresenterPage(): void {
  useEffect(() => {
    const root = document.documentElement;
    root.classList.add('presenter-mode');
    const onChange = () => {
      if (!document.fullscreenElement && ownsFullscreen) {
        ownsFullscreen = false;
        if (useAppStore.getState().presenter) exitPresenter();
      }
    };
    document.addEventListener('fullscreenchange', onChange);
    // Desktop: the window left fullscreen (View → Toggle Full Screen, the macOS green button, the
    // window manager): leave presenter mode with it, as the browser's Escape does above.
    const stopFollowingWindow = onWindowFullscreenChange((fullscreen) => {
      if (fullscreen || !ownsFullscreen) return;
      ownsFullscreen = false;
      if (useAppStore.getState().presenter) exitPresenter();
    });
    return () => {
      root.classList.remove('presenter-mode');
      document.removeEventListener('fullscreenchange', onChange);
      stopFollowingWindow();
    };
  }, []);
}
