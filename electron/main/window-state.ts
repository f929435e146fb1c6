// Remembers the window's size, position and maximized state between launches, in
// userData/window-state.json. The decisions (is this saved position still on a screen? what
// size to open with?) are pure functions; the thin impure edge only reads, writes and listens.
import type { BrowserWindow } from 'electron';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic, writeFileAtomicSync } from './atomic-write';

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 } as const;
export const MIN_WINDOW_SIZE = { width: 960, height: 640 } as const;
/** How much of a window must overlap a display to count as reachable: enough to grab and drag. */
export const MIN_VISIBLE = { width: 100, height: 50 } as const;

export type Rect = { x: number; y: number; width: number; height: number };
export type WindowState = { bounds: Rect; isMaximized: boolean };
/** What BrowserWindow is created with; no x/y means "let the OS centre it". */
export type WindowPlacement = { width: number; height: number; x?: number; y?: number; isMaximized: boolean };

const coordinate = z.number().int().min(-100_000).max(100_000);
const length = z.number().int().min(1).max(100_000);
const windowStateSchema = z.object({
  bounds: z.object({ x: coordinate, y: coordinate, width: length, height: length }),
  isMaximized: z.boolean(),
});

/** Anything unreadable (hand-edited, truncated by an old crash, another version) is just ignored. */
export function parseWindowState(text: string): WindowState | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = windowStateSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/** False when a monitor was unplugged or rearranged and the saved spot is now off every display. */
export function isOnSomeDisplay(bounds: Rect, workAreas: readonly Rect[]): boolean {
  return workAreas.some((area) => {
    const { width, height } = overlap(bounds, area);
    return width >= MIN_VISIBLE.width && height >= MIN_VISIBLE.height;
  });
}

/** Where to open the window, given what was saved and the work areas of the displays now attached. */
export function placementFor(saved: WindowState | null, workAreas: readonly Rect[]): WindowPlacement {
  if (saved === null) return { ...DEFAULT_WINDOW_SIZE, isMaximized: false };
  const width = Math.max(saved.bounds.width, MIN_WINDOW_SIZE.width);
  const height = Math.max(saved.bounds.height, MIN_WINDOW_SIZE.height);
  const bounds = { x: saved.bounds.x, y: saved.bounds.y, width, height };
  if (!isOnSomeDisplay(bounds, workAreas)) {
    // Keep the size the person chose, but let the OS place it on a screen that exists.
    return { width, height, isMaximized: saved.isMaximized };
  }
  return { ...bounds, isMaximized: saved.isMaximized };
}

export async function loadWindowState(filePath: string): Promise<WindowState | null> {
  try {
    return parseWindowState(await readFile(filePath, 'utf8'));
  } catch {
    return null;
  }
}

export function serializeWindowState(state: WindowState): string {
  return `${JSON.stringify(state, null, 2)}\n`;
}

export async function saveWindowState(filePath: string, state: WindowState): Promise<void> {
  await writeFileAtomic(filePath, serializeWindowState(state));
}

export function captureWindowState(win: BrowserWindow): WindowState {
  // Normal bounds, not current ones: a maximized window should come back maximized and, when
  // restored, at the size it had before.
  return { bounds: win.getNormalBounds(), isMaximized: win.isMaximized() };
}

const SAVE_DELAY_MS = 500;

/** Saves while the window moves (debounced, in case of a crash) and once, synchronously, on close. */
export function trackWindowState(win: BrowserWindow, filePath: string): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const scheduleSave = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (win.isDestroyed()) return;
      saveWindowState(filePath, captureWindowState(win)).catch((error: unknown) => {
        console.warn('Could not save the window position', error);
      });
    }, SAVE_DELAY_MS);
  };
  win.on('resize', scheduleSave);
  win.on('move', scheduleSave);
  win.on('maximize', scheduleSave);
  win.on('unmaximize', scheduleSave);
  win.on('close', () => {
    clearTimeout(timer);
    try {
      // Synchronous because the process may exit right after the last window closes.
      writeFileAtomicSync(filePath, serializeWindowState(captureWindowState(win)));
    } catch (error) {
      console.warn('Could not save the window position', error);
    }
  });
}
