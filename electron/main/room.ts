// The main process owns the room server (room/room-server.ts, a plain Node module) and relays
// between it and the window: phones' requests go to the renderer as ROOM_EVENT_CHANNEL events, the
// renderer's answers, state and commands come back over the typed IPC. One room at a time; it
// stops when the facilitator closes it, after an idle time, when its address goes away, and on quit.
import { app, BrowserWindow, MessageChannelMain, type IpcMainInvokeEvent, type MessagePortMain } from 'electron';
import { networkInterfaces } from 'node:os';
import { isListenableAddress, rankAddresses } from '../../room/addresses';
import type { OpenRoomArgs, RoomAddress, RoomAnswer, RoomEvent, RoomInfo, RoomState } from '../../room/protocol';
import { openRoomServer, type RoomServer } from '../../room/room-server';
import { roomAnswersSchema } from '../../room/schemas';
import { ROOM_EVENT_CHANNEL, ROOM_RELAY_PORT_CHANNEL } from '../shared/ipc-constants';
import { IpcRefusedError } from './ipc/typed-handle';
import { phoneRoot } from './paths';

let room: RoomServer | null = null;
let quitHooked = false;
/** The page's phone-score worker's end of the relay, when it asked for one: score requests go there. */
let relay: MessagePortMain | null = null;
/** Score requests sent through the relay port since start (for the unit tests and diagnostics). */
let relayedToWorker = 0;

function dropRelay(): void {
  relay?.close();
  relay = null;
}

function listAddresses(): RoomAddress[] {
  return rankAddresses(networkInterfaces());
}

function toWindows(event: RoomEvent): void {
  for (const win of BrowserWindow.getAllWindows()) {
    if (!win.isDestroyed()) win.webContents.send(ROOM_EVENT_CHANNEL, event);
  }
}

export async function roomAddresses(): Promise<RoomAddress[]> {
  return listAddresses();
}

export async function openRoom(args: OpenRoomArgs): Promise<RoomInfo> {
  if (!isListenableAddress(args.address, listAddresses())) throw new IpcRefusedError('That address is not one of this computer’s.');
  if (room) await room.close('closed');
  dropRelay();
  if (!quitHooked) {
    quitHooked = true;
    app.on('before-quit', () => {
      void room?.close('quit');
      room = null;
    });
  }
  room = await openRoomServer({
    address: args.address,
    port: args.port,
    phoneDir: phoneRoot(),
    idleMs: (args.idleMinutes ?? 90) * 60_000,
    addressStillThere: () => listAddresses().some((a) => a.address === args.address),
    onEvent: (event) => {
      if (event.type === 'stopped') {
        room = null;
        dropRelay();
      }
      // Exactly one taker per request: the worker's port when it is connected, else the window.
      if (event.type === 'request' && event.request.kind === 'score' && relay) {
        relayedToWorker += 1;
        relay.postMessage(event);
        return;
      }
      toWindows(event);
    },
  });
  return room.info;
}

export async function roomStatus() {
  return { room: room?.info ?? null, devices: room?.devices() ?? [] };
}

/**
 * Gives the asking window one end of a MessageChannel for the room's score requests: its
 * phone-score worker stores them and answers on the same port, off the page's main thread. The
 * answers are checked like the IPC's. A new port replaces the old one; false when no room is open.
 */
export async function connectRoomRelay(_args: undefined, event: Pick<IpcMainInvokeEvent, 'sender'>): Promise<boolean> {
  if (!room) return false;
  dropRelay();
  const { port1, port2 } = new MessageChannelMain();
  relay = port1;
  port1.on('message', (message) => {
    const answers = roomAnswersSchema.safeParse(message.data);
    if (answers.success) for (const answer of answers.data) room?.answer(answer);
  });
  port1.on('close', () => {
    if (relay === port1) relay = null;
  });
  port1.start();
  event.sender.postMessage(ROOM_RELAY_PORT_CHANNEL, null, [port2]);
  return true;
}

/** How many score requests went through the relay port (tests). */
export function roomRelayCount(): number {
  return relayedToWorker;
}

export async function setRoomState(state: RoomState): Promise<void> {
  room?.setState(state);
}

export async function answerRoom(answers: RoomAnswer[]): Promise<void> {
  for (const answer of answers) room?.answer(answer);
}

export async function removeRoomDevice(args: { deviceId: string }): Promise<void> {
  room?.removeDevice(args.deviceId);
}

export async function closeRoom(): Promise<void> {
  // Forgotten before it has finished closing, so a room opened meanwhile is not forgotten with it.
  const closing = room;
  room = null;
  dropRelay();
  await closing?.close('closed');
}
