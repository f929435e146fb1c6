// The one zustand store, built from slices. It holds UI state only; Dexie holds saved data.
import { create, type StateCreator } from 'zustand';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'error';

type SaveSlice = {
  pendingWrites: number;
  saveStatus: SaveStatus;
  lastSavedAt: number | null;
  saveError: string | null;
  beginWrite(): void;
  endWrite(error?: string): void;
};

export type Toast = {
  id: number;
  message: string;
  tone: 'info' | 'error' | 'success';
  /** Shown as a button; for deletions this is "Undo". */
  action?: { label: string; run: () => void };
};

type ToastSlice = {
  toasts: Toast[];
  showToast(t: Omit<Toast, 'id'>): number;
  dismissToast(id: number): void;
};

/** A command from the native menu or a shortcut, waiting for the screen that handles it. */
export type AppCommand = 'new-workshop' | 'open-workshop-file' | 'save-workshop-file' | 'import-csv';

type CommandSlice = {
  command: { name: AppCommand; nonce: number } | null;
  requestCommand(name: AppCommand): void;
  clearCommand(): void;
};

export type AppState = SaveSlice & ToastSlice & CommandSlice;

const saveSlice: StateCreator<AppState, [], [], SaveSlice> = (set) => ({
  pendingWrites: 0,
  saveStatus: 'idle',
  lastSavedAt: null,
  saveError: null,
  beginWrite: () => set((s) => ({ pendingWrites: s.pendingWrites + 1, saveStatus: 'saving' })),
  endWrite: (error) =>
    set((s) => {
      const pendingWrites = Math.max(0, s.pendingWrites - 1);
      if (error) return { pendingWrites, saveStatus: 'error', saveError: error };
      if (pendingWrites > 0) return { pendingWrites };
      return {
        pendingWrites,
        saveStatus: s.saveStatus === 'error' && s.saveError ? 'error' : 'saved',
        lastSavedAt: Date.now(),
      };
    }),
});

let toastSeq = 0;
const toastSlice: StateCreator<AppState, [], [], ToastSlice> = (set) => ({
  toasts: [],
  showToast: (t) => {
    const id = ++toastSeq;
    set((s) => ({ toasts: [...s.toasts.slice(-3), { ...t, id }] }));
    return id;
  },
  dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
});

let commandSeq = 0;
const commandSlice: StateCreator<AppState, [], [], CommandSlice> = (set) => ({
  command: null,
  requestCommand: (name) => set({ command: { name, nonce: ++commandSeq } }),
  clearCommand: () => set({ command: null }),
});

export const useAppStore = create<AppState>()((...a) => ({
  ...saveSlice(...a),
  ...toastSlice(...a),
  ...commandSlice(...a),
}));
