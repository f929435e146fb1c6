// The one zustand store, built from slices. It holds UI state only; Dexie holds saved data.
import { create, type StateCreator } from 'zustand';
import type { RoomDevice, RoomInfo } from '../../room/protocol';

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

/** The room (phones score over the room's network), as the facilitator's screens see it. */
export type RoomSession = {
  workshopId: string;
  info: RoomInfo;
  devices: RoomDevice[];
  /** The use cases on the phones now. */
  useCaseIds: string[];
  closedRoundIds: string[];
  allowNewParticipants: boolean;
  /** The projector shows the join screen (QR code) instead of the round. */
  showJoin: boolean;
  /** A second QR code that joins phones to this Wi-Fi (a travel router or the laptop's hotspot). */
  wifi: { ssid: string; password: string; security: 'WPA' | 'WEP' | 'nopass' } | null;
  /** Whether any phone has connected yet ("check with your own phone first"). */
  firstPhoneAt: string | null;
};

type ScoringSlice = {
  /** The use case being scored, per workshop: survives presenter mode, tab switches and (stored) a reload. */
  scoringSelection: Record<string, string>;
  selectForScoring(workshopId: string, useCaseId: string): void;
  room: RoomSession | null;
  /** Why the last room stopped, shown until the facilitator dismisses it or opens another. */
  roomStopped: string | null;
  setRoom(room: RoomSession | null, stopped?: string | null): void;
  patchRoom(patch: Partial<RoomSession>): void;
};

export type AppState = SaveSlice & ToastSlice & DialogSlice & PresenterSlice & ScoringSlice;

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

const SELECTION_KEY = 'liftoff-scoring-selection';
function storedSelection(): Record<string, string> {
  try {
    const parsed = JSON.parse(globalThis.localStorage?.getItem(SELECTION_KEY) ?? '{}') as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

const scoringSlice: StateCreator<AppState, [], [], ScoringSlice> = (set) => ({
  scoringSelection: storedSelection(),
  selectForScoring: (workshopId, useCaseId) =>
    set((s) => {
      const scoringSelection = { ...s.scoringSelection, [workshopId]: useCaseId };
      try {
        globalThis.localStorage?.setItem(SELECTION_KEY, JSON.stringify(scoringSelection));
      } catch {
        /* storage refused: the choice still holds until the page reloads */
      }
      return { scoringSelection };
    }),
  room: null,
  roomStopped: null,
  setRoom: (room, stopped = null) => set({ room, roomStopped: stopped }),
  patchRoom: (patch) => set((s) => (s.room ? { room: { ...s.room, ...patch } } : {})),
});

export const useAppStore = create<AppState>()((...a) => ({
  ...saveSlice(...a),
  ...toastSlice(...a),
  ...dialogSlice(...a),
  ...presenterSlice(...a),
  ...scoringSlice(...a),
}));
