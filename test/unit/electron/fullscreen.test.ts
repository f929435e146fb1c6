import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({ BrowserWindow: { fromWebContents: vi.fn() } }));
vi.mock('electron', () => electron);

const { reportFullscreenChanges, setWindowFullscreen } = await import('../../../electron/main/fullscreen');

class FakeWindow extends EventEmitter {
  fullscreen = false;
  destroyed = false;
  isFullScreen = () => this.fullscreen;
  isDestroyed = () => this.destroyed;
  setFullScreen = vi.fn((on: boolean) => {
    this.fullscreen = on;
    this.emit(on ? 'enter-full-screen' : 'leave-full-screen');
  });
  webContents = { isDestroyed: () => false, send: vi.fn() };
}

const event = { sender: { id: 3 } } as unknown as IpcMainInvokeEvent;

let win: FakeWindow;
beforeEach(() => {
  win = new FakeWindow();
  electron.BrowserWindow.fromWebContents.mockReturnValue(win);
});

describe('presenter fullscreen, set by main', () => {
  it('puts the asking page\'s window in fullscreen without needing a user gesture, and back', () => {
    expect(setWindowFullscreen({ fullscreen: true }, event)).toEqual({ changed: true });
    expect(win.setFullScreen).toHaveBeenCalledWith(true);
    expect(electron.BrowserWindow.fromWebContents).toHaveBeenCalledWith(event.sender);
    expect(setWindowFullscreen({ fullscreen: false }, event)).toEqual({ changed: true });
    expect(win.fullscreen).toBe(false);
  });

  it('reports no change when the window already was fullscreen, so presenter mode will not end the person\'s own fullscreen', () => {
    win.fullscreen = true;
    expect(setWindowFullscreen({ fullscreen: true }, event)).toEqual({ changed: false });
    expect(win.setFullScreen).not.toHaveBeenCalled();
  });

  it('does nothing for a sender without a window, or a destroyed one', () => {
    electron.BrowserWindow.fromWebContents.mockReturnValue(null);
    expect(setWindowFullscreen({ fullscreen: true }, event)).toEqual({ changed: false });
    win.destroyed = true;
    electron.BrowserWindow.fromWebContents.mockReturnValue(win);
    expect(setWindowFullscreen({ fullscreen: true }, event)).toEqual({ changed: false });
    expect(win.setFullScreen).not.toHaveBeenCalled();
  });

  it('tells the page each time the window enters or leaves fullscreen, however that happened', () => {
    reportFullscreenChanges(win as unknown as BrowserWindow);
    win.emit('enter-full-screen');
    win.emit('leave-full-screen');
    expect(win.webContents.send.mock.calls).toEqual([
      ['window:fullscreen-changed', true],
      ['window:fullscreen-changed', false],
    ]);
  });

  it('sends nothing once the window is gone', () => {
    reportFullscreenChanges(win as unknown as BrowserWindow);
    win.destroyed = true;
    win.emit('leave-full-screen');
    expect(win.webContents.send).not.toHaveBeenCalled();
  });
});
