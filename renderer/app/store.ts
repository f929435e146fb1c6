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

/** Which app-level dialog is open. UI state only; opened by buttons, menu commands and shortcuts. */
export type OpenDialog =
  | { kind: 'new-workshop' }
  | { kind: 'import-csv'; workshopId: string }
  | { kind: 'export'; workshopId: string }
  | { kind: 'file-error'; title: string; message: string; details?: string[] };

type DialogSlice = {
  dialog: OpenDialog | null;
  openDialog(d: OpenDialog): void;
  closeDialog(): void;
};

type PresenterSlice = {
  /** The projector layout: large type, facilitator controls hidden (features/presenter). */
  presenter: boolean;
  setPresenter(on: boolean): void;
};

export type AppState = SaveSlice & ToastSlice & DialogSlice & PresenterSlice;

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
    // The same message again (a full disk refuses every keystroke) replaces the one on screen and
    // restarts its time there, instead of stacking copies. Toasts with an action are each their own.
    const same = (o: Toast) => !t.action && !o.action && o.tone === t.tone && o.message === t.message;
    set((s) => ({ toasts: [...s.toasts.filter((o) => !same(o)).slice(-3), { ...t, id }] }));
    return id;
  },
  dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
});

const dialogSlice: StateCreator<AppState, [], [], DialogSlice> = (set) => ({
  dialog: null,
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
});

const presenterSlice: StateCreator<AppState, [], [], PresenterSlice> = (set) => ({
  presenter: false,
  setPresenter: (presenter) => set({ presenter }),
});

export const useAppStore = create<AppState>()((...a) => ({
  ...saveSlice(...a),
  ...toastSlice(...a),
  ...dialogSlice(...a),
  ...presenterSlice(...a),
}));
