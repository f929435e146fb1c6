// The main process owns the room server (room/room-server.ts, a plain Node module) and relays
// between it and the window: phones' requests go to the renderer as ROOM_EVENT_CHANNEL events, the
// renderer's answers, state and commands come back over the typed IPC. One room at a time; it
// stops when the facilitator closes it, after an idle time, when its address goes away, and on quit.
import { app, BrowserWindow } from 'electron';
import { networkInterfaces } from 'node:os';
import { isListenableAddress, rankAddresses } from '../../room/addresses';
import type { OpenRoomArgs, RoomAddress, RoomAnswer, RoomEvent, RoomInfo, RoomState } from '../../room/protocol';
import { openRoomServer, type RoomServer } from '../../room/room-server';
import { ROOM_EVENT_CHANNEL } from '../shared/ipc-constants';
import { IpcRefusedError } from './ipc/typed-handle';
import { phoneRoot } from './paths';

let room: RoomServer | null = null;
let quitHooked = false;

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
      if (event.type === 'stopped') room = null;
      toWindows(event);
    },
  });
  return room.info;
}

export async function roomStatus() {
  return { room: room?.info ?? null, devices: room?.devices() ?? [] };
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
  await closing?.close('closed');
}
