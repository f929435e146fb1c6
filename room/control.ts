// The facilitator's channel to the room in the browser build (`npm run web`, and the e2e tests):
// routes under /room-control/ on the loopback server that serves the app itself. It owns at most
// one room at a time and does what the desktop main process does over IPC: open, push state,
// answer relayed requests, remove a device, close, and stream the room's events back.
//
// Phones can never use it: it is served only on 127.0.0.1 (the room listens on another address and
// port), its Host header must be that loopback address, and every call carries its own token
// (not the room's). The token is handed out once per server start to a same-origin page.
import { networkInterfaces } from 'node:os';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { isListenableAddress, rankAddresses } from './addresses';
import { CONTROL_TOKEN_HEADER, type RoomAddress, type RoomEvent } from './protocol';
import { openRoomArgsSchema, removeDeviceArgsSchema, roomAnswersSchema, roomStateSchema } from './schemas';
import { newToken, openRoomServer, type RoomServer } from './room-server';

export const CONTROL_PREFIX = '/room-control/';

export type RoomControlOptions = {
  /** The built phone page (out/phone). */
  phoneDir: string;
  /** The addresses a room may use; the machine's own by default. */
  listAddresses?: () => RoomAddress[];
};

export type RoomControl = {
  /** Handles a request whose path starts with /room-control/; call only for those. */
  handle: (request: IncomingMessage, response: ServerResponse) => void;
  /** The loopback server's port, set once it listens: Host must then be 127.0.0.1:port or localhost:port. */
  setLoopbackHost: (port: number) => void;
  app: FastifyInstance;
  token: string;
  /** The open room, for tests and shutdown. */
  room: () => RoomServer | null;
  close: () => Promise<void>;
};

export async function createRoomControl(options: RoomControlOptions): Promise<RoomControl> {
  const listAddresses = options.listAddresses ?? (() => rankAddresses(networkInterfaces()));
  const token = newToken();
  let loopbackHosts: string[] = [];
  let room: RoomServer | null = null;
  const streams = new Set<FastifyReply>();
  const backlog: RoomEvent[] = [];
  /** Which opened room's events reach the page: only the latest one's. */
  let generation = 0;

  const emit = (event: RoomEvent) => {
    if (event.type === 'stopped') room = null;
    if (streams.size === 0) {
      // Nobody listens for a moment (the page reloads): keep what it must still see.
      backlog.push(event);
      if (backlog.length > 200) backlog.shift();
      return;
    }
    for (const stream of streams) stream.raw.write(`data: ${JSON.stringify(event)}\n\n`);
  };

  const app = Fastify({ logger: false, bodyLimit: 2 * 1024 * 1024, trustProxy: false });
  app.addHook('onRequest', async (request, reply) => {
    if (!loopbackHosts.includes(request.headers.host ?? '')) return reply.code(421).send({ error: 'Loopback only.' });
    if (request.url === `${CONTROL_PREFIX}hello`) {
      // Only a page of this same origin may ask for the token (a browser says where a request comes from).
      const site = request.headers['sec-fetch-site'];
      if (site !== undefined && site !== 'same-origin') return reply.code(403).send({ error: 'Same origin only.' });
      return;
    }
    const given = request.headers[CONTROL_TOKEN_HEADER];
    if (given !== token) return reply.code(401).send({ error: 'The facilitator’s channel needs its token.' });
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('cache-control', 'no-store');
    reply.header('x-content-type-options', 'nosniff');
    return payload;
  });

  app.get(`${CONTROL_PREFIX}hello`, async () => ({ token }));
  app.get(`${CONTROL_PREFIX}addresses`, async () => listAddresses());
  // After a reload the page asks whether its room is still open.
  app.get(`${CONTROL_PREFIX}status`, async () => ({ room: room?.info ?? null, devices: room?.devices() ?? [] }));
  app.post(`${CONTROL_PREFIX}open`, async (request, reply) => {
    const args = openRoomArgsSchema.safeParse(request.body);
    if (!args.success) return reply.code(400).send({ error: 'Invalid room settings.' });
    const available = listAddresses();
    if (!isListenableAddress(args.data.address, available)) return reply.code(400).send({ error: 'That address is not one of this computer’s.' });
    // The room this one replaces says nothing more: its 'stopped' (and anything it left waiting for
    // a listener) would reach the page that is opening the new room and close that one on screen.
    generation += 1;
    const mine = generation;
    backlog.length = 0;
    if (room) await room.close('closed');
    try {
      room = await openRoomServer({
        address: args.data.address,
        port: args.data.port,
        phoneDir: options.phoneDir,
        idleMs: (args.data.idleMinutes ?? 90) * 60_000,
        addressStillThere: () => listAddresses().some((a) => a.address === args.data.address),
        onEvent: (event) => {
          if (mine === generation) emit(event);
        },
      });
    } catch (error) {
      room = null;
      return reply.code(500).send({ error: `The room could not start: ${(error as Error).message}` });
    }
    return room.info;
  });
  app.post(`${CONTROL_PREFIX}state`, async (request, reply) => {
    const state = roomStateSchema.safeParse(request.body);
    if (!state.success) return reply.code(400).send({ error: 'Invalid room state.' });
    room?.setState(state.data);
    return { ok: true };
  });
  app.post(`${CONTROL_PREFIX}answer`, async (request, reply) => {
    const answers = roomAnswersSchema.safeParse(request.body);
    if (!answers.success) return reply.code(400).send({ error: 'Invalid answer.' });
    for (const answer of answers.data) room?.answer(answer);
    return { ok: true };
  });
  app.post(`${CONTROL_PREFIX}remove-device`, async (request, reply) => {
    const args = removeDeviceArgsSchema.safeParse(request.body);
    if (!args.success) return reply.code(400).send({ error: 'Invalid device.' });
    room?.removeDevice(args.data.deviceId);
    return { ok: true };
  });
  app.post(`${CONTROL_PREFIX}close`, async () => {
    // Forgotten before it has finished closing (that waits for the phones' connections): a room
    // opened meanwhile must not be forgotten when this one's close completes.
    const closing = room;
    room = null;
    await closing?.close('closed');
    return { ok: true };
  });
  app.get(`${CONTROL_PREFIX}events`, async (request, reply) => {
    reply.hijack();
    reply.raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
    reply.raw.write(`: open\n\n`);
    streams.add(reply);
    for (const event of backlog.splice(0)) reply.raw.write(`data: ${JSON.stringify(event)}\n\n`);
    if (room) reply.raw.write(`data: ${JSON.stringify({ type: 'devices', devices: room.devices() } satisfies RoomEvent)}\n\n`);
    const keepAlive = setInterval(() => reply.raw.write(': keep-alive\n\n'), 20_000);
    request.raw.on('close', () => {
      clearInterval(keepAlive);
      streams.delete(reply);
    });
  });
  await app.ready();

  return {
    handle: (request, response) => app.routing(request, response),
    setLoopbackHost: (port) => {
      loopbackHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    },
    app,
    token,
    room: () => room,
    async close() {
      const closing = room;
      room = null;
      await closing?.close('quit');
      for (const stream of streams) stream.raw.end();
      await app.close();
    },
  };
}
