// Keeps the room and the workshop in step while a room is open, whatever tab is on screen: stores
// what the phones send (through the repositories, as masked scores), answers the server only after
// the write committed, and pushes what the phones may see whenever the data changes.
import { useEffect, useMemo, useRef } from 'react';
import { repos } from '../app/repos';
import { stopPhoneScoreWriter, storePhoneScores, warmPhoneScoreWriter } from '../app/phone-score-writer';
import { scoreQueue } from './score-queue';
import { useAppStore } from '../app/store';
import type { Workshop } from '../domain/model';
import { buildRoomState } from '../domain/room';
import { roomBridge } from '../lib/room-bridge';
import type { RoomAnswer, RoomEvent } from '../../room/protocol';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslator } from '../i18n/react';

async function addParticipant(workshopId: string, requestId: string, name: string): Promise<RoomAnswer> {
  try {
    const p = await repos.participants.add(workshopId, { name, role: 'other' });
    return { requestId, ok: true, participantId: p.id };
  } catch (error) {
    return { requestId, ok: false, status: 409, message: (error instanceof Error ? error.message : 'The laptop could not add you.').slice(0, 500) };
  }
}

/** How often, at most, the phones get a new state while scores pour in. */
const STATE_PUSH_MS = 250;

export function RoomHost({ workshop }: { workshop: Workshop }) {
  const room = useAppStore((s) => (s.room?.workshopId === workshop.id ? s.room : null));
  const open = room !== null;
  const workshopId = workshop.id;
  const rows = useLiveQuery(() => (open ? repos.scoring.roomRows(workshopId) : null), [open, workshopId]);

  // After a reload (or a second window), the server may still be open: pick it up again.
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current) return;
    restored.current = true;
    const bridge = roomBridge();
    void bridge
      .available()
      .then((ok) => (ok ? bridge.status() : null))
      .then((status) => {
        const saved = readSaved(workshopId);
        if (!status?.room || !saved || saved.info.url !== status.room.url || useAppStore.getState().room) return;
        useAppStore.getState().setRoom({ ...saved, info: status.room, devices: status.devices });
      })
      .catch(() => undefined);
  }, [workshopId]);

  useEffect(() => {
    if (!open) return;
    const bridge = roomBridge();
    // One message answers a whole batch: 200 phones are not 200 requests from this page.
    const answer = (answers: RoomAnswer[]) => void bridge.answer(answers).catch(() => undefined);
    const enqueue = scoreQueue(storePhoneScores, answer);
    warmPhoneScoreWriter();
    const off = bridge.onEvent((event: RoomEvent) => {
      const { room: current, patchRoom, setRoom } = useAppStore.getState();
      if (!current || current.workshopId !== workshopId) return;
      if (event.type === 'request') {
        if (event.request.kind === 'score') enqueue(event.request);
        else void addParticipant(workshopId, event.request.requestId, event.request.name).then((a) => answer([a]));
      } else if (event.type === 'devices') {
        patchRoom({ devices: event.devices, firstPhoneAt: current.firstPhoneAt ?? (event.devices.some((d) => d.connected) ? new Date().toISOString() : null) });
      } else if (event.type === 'stopped') {
        setRoom(null, event.message);
      }
    });
    return () => {
      off();
      stopPhoneScoreWriter();
    };
  }, [open, workshopId]);

  // The phones speak the workshop's language: the criteria's names too.
  const { t: roomT } = useTranslator(workshop.language);
  const state = useMemo(
    () =>
      room && rows
        ? buildRoomState(
            {
              workshop,
              useCases: rows.useCases,
              participants: rows.participants,
              rounds: rows.rounds,
              criterionLabels: { impact: roomT('criterion.impact'), feasibility: roomT('criterion.feasibility'), readiness: roomT('criterion.readiness') },
            },
            { useCaseIds: room.useCaseIds, closedRoundIds: room.closedRoundIds, allowNewParticipants: room.allowNewParticipants },
          )
        : null,
    [room, rows, workshop, roomT],
  );
  // Pushed at most every STATE_PUSH_MS (the latest state wins), so 200 phones sending at once do
  // not mean 200 broadcasts of the whole state to 200 phones.
  const lastPush = useRef(0);
  const lastSent = useRef('');
  useEffect(() => {
    if (!state) return;
    const text = JSON.stringify(state);
    // Scores do not change what phones see: most data changes send nothing.
    if (text === lastSent.current) return;
    const wait = Math.max(0, lastPush.current + STATE_PUSH_MS - Date.now());
    const timer = setTimeout(() => {
      lastPush.current = Date.now();
      lastSent.current = text;
      void roomBridge().setState(state).catch(() => undefined);
    }, wait);
    return () => clearTimeout(timer);
  }, [state]);

  // Kept so a reload finds the facilitator's choices again (never any score).
  useEffect(() => {
    if (room) writeSaved(room);
  }, [room]);
  return null;
}

const SAVED_KEY = 'liftoff-room-session';
type Saved = NonNullable<ReturnType<typeof useAppStore.getState>['room']>;
function readSaved(workshopId: string): Saved | null {
  try {
    const saved = JSON.parse(sessionStorage.getItem(SAVED_KEY) ?? 'null') as Saved | null;
    return saved?.workshopId === workshopId ? saved : null;
  } catch {
    return null;
  }
}
function writeSaved(room: Saved): void {
  try {
    sessionStorage.setItem(SAVED_KEY, JSON.stringify({ ...room, devices: [] }));
  } catch {
    /* not kept: a reload then shows the room as closed on this screen, and the phones keep theirs */
  }
}
