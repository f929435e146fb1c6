// The facilitator's line to the room server. On the desktop the main process owns the server and
// this goes over the typed IPC (window.desktop.room*); in the browser build it goes to the same
// server module over the loopback channel of the server that serves the app (room/control.ts),
// with that channel's own token. Either way the renderer sees one small API.
import { readEventStream } from '../../room/event-stream';
import { CONTROL_TOKEN_HEADER, type OpenRoomArgs, type RoomAddress, type RoomAnswer, type RoomDevice, type RoomEvent, type RoomInfo, type RoomState } from '../../room/protocol';

export type RoomStatus = { room: RoomInfo | null; devices: RoomDevice[] };

export type RoomBridge = {
  /** False when nothing can host a room here (a static server without the room module). */
  available: () => Promise<boolean>;
  addresses: () => Promise<RoomAddress[]>;
  open: (args: OpenRoomArgs) => Promise<RoomInfo>;
  status: () => Promise<RoomStatus>;
  setState: (state: RoomState) => Promise<void>;
  /** Answers to relayed requests; a batch goes in one message. */
  answer: (answers: RoomAnswer[]) => Promise<void>;
  removeDevice: (deviceId: string) => Promise<void>;
  close: () => Promise<void>;
  /** Events from the room: relayed requests, device changes, the stop. */
  onEvent: (listener: (event: RoomEvent) => void) => () => void;
  /** The operating system, for the first-time firewall note. */
  platform: () => string;
};

function desktopBridge(): RoomBridge | null {
  const api = globalThis.desktop;
  if (!api?.room) return null;
  const room = api.room;
  return {
    available: async () => true,
    addresses: () => room.addresses(),
    open: (args) => room.open(args),
    status: () => room.status(),
    setState: (state) => room.setState(state),
    answer: (answers) => room.answer(answers),
    removeDevice: (deviceId) => room.removeDevice({ deviceId }),
    close: () => room.close(),
    onEvent: (listener) => room.onEvent(listener),
    platform: () => room.platform,
  };
}

const CONTROL = './room-control/';

function browserBridge(): RoomBridge {
  let token: Promise<string | null> | null = null;
  const getToken = () =>
    (token ??= fetch(`${CONTROL}hello`, { cache: 'no-store' })
      .then(async (r) => (r.ok ? ((await r.json()) as { token: string }).token : null))
      .catch(() => null));
  const call = async <T>(path: string, body?: unknown): Promise<T> => {
    const t = await getToken();
    if (!t) throw new Error('Phones can join only when Liftoff runs as the desktop app or with `npm run web`.');
    const response = await fetch(`${CONTROL}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { [CONTROL_TOKEN_HEADER]: t, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
    const data = (await response.json().catch(() => ({}))) as T & { error?: string };
    if (!response.ok) throw new Error(data.error ?? `The room did not answer (${response.status}).`);
    return data;
  };
  const listeners = new Set<(event: RoomEvent) => void>();
  let streaming = false;
  const stream = async () => {
    if (streaming) return;
    streaming = true;
    try {
      for (;;) {
        const t = await getToken();
        if (!t || listeners.size === 0) break;
        try {
          const response = await fetch(`${CONTROL}events`, { headers: { [CONTROL_TOKEN_HEADER]: t }, cache: 'no-store' });
          if (!response.ok) break;
          await readEventStream(response, (data) => {
            const event = JSON.parse(data) as RoomEvent;
            for (const l of listeners) l(event);
          });
        } catch {
          /* the server restarted or the laptop slept: try again */
        }
        await new Promise((r) => setTimeout(r, 1000));
      }
    } finally {
      streaming = false;
    }
  };
  return {
    available: async () => (await getToken()) !== null,
    addresses: () => call<RoomAddress[]>('addresses'),
    open: (args) => call<RoomInfo>('open', args),
    status: () => call<RoomStatus>('status'),
    setState: async (state) => {
      await call('state', state);
    },
    answer: async (answers) => {
      await call('answer', answers);
    },
    removeDevice: async (deviceId) => {
      await call('remove-device', { deviceId });
    },
    close: async () => {
      await call('close', {});
    },
    onEvent: (listener) => {
      listeners.add(listener);
      void stream();
      return () => listeners.delete(listener);
    },
    platform: () => (/Windows/.test(navigator.userAgent) ? 'win32' : /Mac/.test(navigator.userAgent) ? 'darwin' : 'linux'),
  };
}

let bridge: RoomBridge | null = null;
export function roomBridge(): RoomBridge {
  return (bridge ??= desktopBridge() ?? browserBridge());
}
