// Entering and leaving presenter mode. The flag lives in the store (UI state only); fullscreen is
// asked for here, inside the click or key press that entered the mode, because Chromium grants
// fullscreen only during a user gesture.
import { useEffect } from 'react';
import { useAppStore } from '../../app/store';

export const PRESENTER_BUTTON_ID = 'presenter-button';

/** Whether the current fullscreen was ours, so leaving never ends a fullscreen the person chose. */
let ownsFullscreen = false;

export function enterPresenter(): void {
  useAppStore.getState().setPresenter(true);
  const root = document.documentElement;
  if (document.fullscreenElement || typeof root.requestFullscreen !== 'function') return;
  root.requestFullscreen().then(
    () => {
      ownsFullscreen = true;
      // Left again before the browser answered: do not stay fullscreen without the layout.
      if (!useAppStore.getState().presenter) exitPresenter();
    },
    // Refused (no gesture, a menu click in the desktop app, a policy): the layout shows anyway,
    // and on a projector the window is usually maximised already.
    () => undefined,
  );
}

export function exitPresenter(): void {
  useAppStore.getState().setPresenter(false);
  if (ownsFullscreen && document.fullscreenElement) {
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
 * presenter layout grow with it) and leaves presenter mode when the browser ends our fullscreen
 * itself (Chromium swallows the Escape key that ends fullscreen, so our key handler never sees it).
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
    return () => {
      root.classList.remove('presenter-mode');
      document.removeEventListener('fullscreenchange', onChange);
    };
  }, []);
}
