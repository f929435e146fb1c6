// Keeps the room and the workshop in step while a room is open, whatever tab is on screen: stores
// what the phones send (through the repositories, as masked scores), answers the server only after
// the write committed, and pushes what the phones may see whenever the data changes.
import { useEffect, useMemo, useRef } from 'react';
import { repos } from '../app/repos';
import { useAppStore } from '../app/store';
import type { Workshop } from '../domain/model';
import { buildRoomState } from '../domain/room';
import { roomBridge } from '../lib/room-bridge';
import type { RoomAnswer, RoomEvent, RoomRequest } from '../../room/protocol';
import { useScoringData } from './use-scoring-data';

async function store(workshopId: string, request: RoomRequest): Promise<RoomAnswer> {
  const { requestId } = request;
  if (request.kind === 'score') {
    const result = await repos.scoring.setPhoneScores(request.roundId, request.participantId, request.useCaseId, request.scores);
    return result.ok ? { requestId, ok: true } : { requestId, ok: false, status: result.status, message: result.message };
  }
  try {
    const p = await repos.participants.add(workshopId, { name: request.name, role: 'other' });
    return { requestId, ok: true, participantId: p.id };
  } catch (error) {
    return { requestId, ok: false, status: 409, message: (error instanceof Error ? error.message : 'The laptop could not add you.').slice(0, 500) };
  }
}

export function RoomHost({ workshop }: { workshop: Workshop }) {
  const room = useAppStore((s) => (s.room?.workshopId === workshop.id ? s.room : null));
  const open = room !== null;
  const data = useScoringData(workshop);
  const workshopId = workshop.id;

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
    return bridge.onEvent((event: RoomEvent) => {
      const { room: current, patchRoom, setRoom } = useAppStore.getState();
      if (!current || current.workshopId !== workshopId) return;
      if (event.type === 'request') {
        void store(workshopId, event.request).then((answer) => bridge.answer(answer)).catch(() => undefined);
      } else if (event.type === 'devices') {
        patchRoom({ devices: event.devices, firstPhoneAt: current.firstPhoneAt ?? (event.devices.some((d) => d.connected) ? new Date().toISOString() : null) });
      } else if (event.type === 'stopped') {
        setRoom(null, event.message);
      }
    });
  }, [open, workshopId]);

  const state = useMemo(
    () =>
      room && !data.loading
        ? buildRoomState(
            { workshop, useCases: data.useCases, participants: data.participants, rounds: data.rounds, scores: data.scores },
            { useCaseIds: room.useCaseIds, closedRoundIds: room.closedRoundIds, allowNewParticipants: room.allowNewParticipants },
          )
        : null,
    [room, data, workshop],
  );
  useEffect(() => {
    if (!state) return;
    void roomBridge().setState(state).catch(() => undefined);
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
