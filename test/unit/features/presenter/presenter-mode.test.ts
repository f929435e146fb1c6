// @vitest-environment jsdom
// Presenter mode in the desktop app: main sets the window's fullscreen (a menu click is not a
// user gesture the page could use), and the page follows the window when it leaves fullscreen.
import { cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DesktopApi } from '../../../../electron/shared/ipc-contract';
import { useAppStore } from '../../../../renderer/app/store';
import { enterPresenter, exitPresenter, togglePresenter, usePresenterPage } from '../../../../renderer/features/presenter/presenter-mode';

let windowFullscreen: boolean;
let fullscreenListeners: ((fullscreen: boolean) => void)[];
let setFullscreen: ReturnType<typeof vi.fn>;

/** The window as main runs it: fullscreen on request, and the page told of every change. */
function leaveFullscreenFromTheWindow(): void {
  windowFullscreen = false;
  for (const listener of fullscreenListeners) listener(false);
}

const settle = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  windowFullscreen = false;
  fullscreenListeners = [];
  setFullscreen = vi.fn(async ({ fullscreen }: { fullscreen: boolean }) => {
    const changed = windowFullscreen !== fullscreen;
    windowFullscreen = fullscreen;
    return { changed };
  });
  const desktop: Partial<DesktopApi> = {
    setFullscreen: setFullscreen as unknown as DesktopApi['setFullscreen'],
    onFullscreenChange: (callback) => {
      fullscreenListeners.push(callback);
      return () => {
        fullscreenListeners = fullscreenListeners.filter((l) => l !== callback);
      };
    },
  };
  globalThis.desktop = desktop as DesktopApi;
  // jsdom has no Fullscreen API; the desktop path must not need it.
  document.documentElement.requestFullscreen = vi.fn(() => Promise.reject(new Error('no user gesture')));
});

afterEach(async () => {
  cleanup();
  if (useAppStore.getState().presenter) exitPresenter();
  await settle();
  globalThis.desktop = undefined;
});

describe('presenter mode in the desktop app', () => {
  it('asks main for the window\'s fullscreen instead of the page\'s, which needs a user gesture', async () => {
    enterPresenter();
    await settle();
    expect(useAppStore.getState().presenter).toBe(true);
    expect(setFullscreen).toHaveBeenCalledWith({ fullscreen: true });
    expect(document.documentElement.requestFullscreen).not.toHaveBeenCalled();
    expect(windowFullscreen).toBe(true);
  });

  it('leaves the fullscreen it entered when presenter mode ends', async () => {
    enterPresenter();
    await settle();
    togglePresenter();
    await settle();
    expect(useAppStore.getState().presenter).toBe(false);
    expect(setFullscreen).toHaveBeenLastCalledWith({ fullscreen: false });
    expect(windowFullscreen).toBe(false);
  });

  it('keeps a fullscreen the person had chosen before presenting', async () => {
    windowFullscreen = true;
    enterPresenter();
    await settle();
    exitPresenter();
    await settle();
    expect(setFullscreen).toHaveBeenCalledTimes(1);
    expect(windowFullscreen).toBe(true);
  });

  it('follows the window: leaving fullscreen from the window or menu also leaves presenter mode', async () => {
    renderHook(() => usePresenterPage());
    enterPresenter();
    await settle();
    expect(document.documentElement.classList.contains('presenter-mode')).toBe(true);
    leaveFullscreenFromTheWindow();
    expect(useAppStore.getState().presenter).toBe(false);
    // Already out of fullscreen: main is not asked again.
    expect(setFullscreen).toHaveBeenCalledTimes(1);
  });

  it('does not leave presenter mode when the window leaves a fullscreen that was not its own', async () => {
    windowFullscreen = true;
    renderHook(() => usePresenterPage());
    enterPresenter();
    await settle();
    leaveFullscreenFromTheWindow();
    expect(useAppStore.getState().presenter).toBe(true);
  });

  it('stops following the window once the presenter page is gone', () => {
    const { unmount } = renderHook(() => usePresenterPage());
    expect(fullscreenListeners).toHaveLength(1);
    unmount();
    expect(fullscreenListeners).toHaveLength(0);
  });
});
