// The room server: the laptop serves the phone page and its small API on the room's network, so
// participants score on their own phones with no internet. A plain Node module (no electron
// import): the desktop main process runs it, and so does `npm run web`'s server (scripts/serve.mjs)
// through room/control.ts, which is how it is tested here.
//
// Every request is hostile until proven otherwise: the Host header must be the advertised address
// (no DNS rebinding), API calls carry the room's token (and, once joined, the device's id) in
// headers, bodies over 16 KB are refused, every payload is parsed with zod, there are no CORS
// headers, and only the current round's titles, problems, rubric texts and participant names
// are ever sent. A phone's scores are stored by the facilitator's app (through its repositories,
// masked like a typed score); the phone hears "received" only after that write committed.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import {
  CRITERIA,
  ROOM_BODY_LIMIT,
  ROOM_DEVICE_HEADER,
  ROOM_TOKEN_HEADER,
  STORE_TIMEOUT_MS,
  cleanName,
  type PhoneEvent,
  type RoomAnswer,
  type RoomDevice,
  type RoomEvent,
  type RoomInfo,
  type RoomRequest,
  type RoomState,
  type RoomStopReason,
} from './protocol';
import { codeBodySchema, joinBodySchema, submitBodySchema } from './schemas';

/** The phone page's policy: its own scripts and styles, calls to this server, nothing else. */
export const PHONE_CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const SECURITY_HEADERS = {
  'content-security-policy': PHONE_CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'x-frame-options': 'DENY',
  'cross-origin-resource-policy': 'same-origin',
} as const;

const PHONE_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/** Room codes avoid letters people confuse when typing from a projector (0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const ROOM_CODE_LENGTH = 6;
/** Wrong room codes one address may try per minute. */
export const CODE_ATTEMPTS_PER_MINUTE = 10;
const KEEPALIVE_MS = 20_000;

export type RoomServerOptions = {
  /** The address phones use; the server listens on it and nowhere else. */
  address: string;
  port?: number;
  /** The built phone page (out/phone); only the files in it are served. */
  phoneDir: string;
  /** Where relayed requests, device changes and the stop go. */
  onEvent: (event: RoomEvent) => void;
  /** The server stops after this long without a phone or the facilitator doing anything. */
  idleMs?: number;
  /** Polled; when it says no, the address has gone (Wi-Fi switched, cable pulled) and the room stops. */
  addressStillThere?: () => boolean;
  storeTimeoutMs?: number;
  /** For tests only: fixed secrets. */
  token?: string;
  code?: string;
};

export type RoomServer = {
  app: FastifyInstance;
  info: RoomInfo;
  setState: (state: RoomState) => void;
  answer: (answer: RoomAnswer) => void;
  removeDevice: (deviceId: string) => void;
  devices: () => RoomDevice[];
  close: (reason: RoomStopReason) => Promise<void>;
};

type Device = { deviceId: string; participantId: string; name: string; removed: boolean; streams: Set<FastifyReply>; lastSeenAt: number };
type Pending = { resolve: (answer: RoomAnswer) => void; timer: NodeJS.Timeout };

export function newToken(): string {
  // 128 bits, URL-safe.
  return randomBytes(16).toString('base64url');
}

export function newRoomCode(): string {
  const bytes = randomBytes(ROOM_CODE_LENGTH);
  return [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function hostFor(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

async function listPhoneFiles(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) files.set('/' + relative(dir, full).split(sep).join('/'), full);
    }
  };
  await walk(dir);
  return files;
}

/**
 * Builds the room's server without listening, so every rule can be tested with inject().
 * `listen` then binds it to the one advertised address.
 */
export async function buildRoomServer(options: RoomServerOptions): Promise<RoomServer & { listen: () => Promise<RoomInfo> }> {
  const token = options.token ?? newToken();
  const code = options.code ?? newRoomCode();
  const storeTimeoutMs = options.storeTimeoutMs ?? STORE_TIMEOUT_MS;
  const phoneFiles = await listPhoneFiles(options.phoneDir);
  let port = options.port ?? 0;
  let advertisedHost = hostFor(options.address, port);
  let state: RoomState = { workshopTitle: '', language: 'en', participants: [], allowNewParticipants: false, criteria: [], items: [] };
  let stateEvent = '';
  let stopped = false;
  let lastActivity = Date.now();
  const devices = new Map<string, Device>();
  const pending = new Map<string, Pending>();
  /** participant|round|useCase|criterion → the value the app has stored. */
  const stored = new Map<string, number>();
  /** participant|round: the submission being stored, so a resend waits for it instead of writing twice. */
  const inFlight = new Map<string, Promise<RoomAnswer>>();
  const timers: NodeJS.Timeout[] = [];

  const info = (): RoomInfo => {
    const url = `http://${advertisedHost}/`;
    return { url, joinUrl: `${url}#t=${token}`, code, address: options.address, port };
  };

  const app = Fastify({ logger: false, bodyLimit: ROOM_BODY_LIMIT, trustProxy: false, return503OnClosing: true, routerOptions: { maxParamLength: 100 } });
  // JSON only: a form or plain-text body is refused before any handler sees it (415).
  app.removeContentTypeParser('text/plain');
  await app.register(rateLimit, { global: false, errorResponseBuilder: () => ({ statusCode: 429, error: 'Too many room codes tried from this phone. Wait a minute, then try again, or scan the QR code.', code: 'too-many-codes' }) });

  const publicDevices = (): RoomDevice[] =>
    [...devices.values()]
      .filter((d) => !d.removed)
      .map((d) => ({ deviceId: d.deviceId, participantId: d.participantId, name: d.name, connected: d.streams.size > 0, lastSeenAt: new Date(d.lastSeenAt).toISOString() }));
  const announceDevices = () => options.onEvent({ type: 'devices', devices: publicDevices() });

  const send = (reply: FastifyReply, event: PhoneEvent) => {
    reply.raw.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
  };

  // Every response, the phone page's files included, gets the same headers; no CORS header ever.
  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    return payload;
  });
  // DNS rebinding: a page on some other site that resolves its name to this laptop sends its own Host.
  app.addHook('onRequest', async (request, reply) => {
    lastActivity = Date.now();
    if (request.headers.host !== advertisedHost) {
      return reply.code(421).send({ error: 'This server answers only at the address shown in the room.' });
    }
    if (stopped) return reply.code(503).send({ error: 'The room is closed.', code: 'room-closed' });
  });
  app.setErrorHandler((error: { statusCode?: number; code?: string }, _request, reply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413) return reply.code(413).send({ error: 'That request is too large.', code: 'bad-request' });
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.statusCode === 415) return reply.code(415).send({ error: 'Send JSON.' });
    if (error.statusCode === 429) return reply.code(429).send(error);
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return reply.code(400).send({ error: 'That request could not be read.', code: 'bad-request' });
    return reply.code(500).send({ error: 'Something went wrong on the laptop.', code: 'laptop-error' });
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: 'Not found.' }));

  const requireToken = (request: FastifyRequest, reply: FastifyReply): boolean => {
    if (!sameSecret(request.headers[ROOM_TOKEN_HEADER] as string | undefined, token)) {
      void reply.code(401).send({ error: 'This phone is not in the room. Scan the QR code again, or type the room code.', code: 'not-in-room' });
      return false;
    }
    return true;
  };
  const requireDevice = (request: FastifyRequest, reply: FastifyReply): Device | null => {
    if (!requireToken(request, reply)) return null;
    const deviceId = request.headers[ROOM_DEVICE_HEADER];
    const device = typeof deviceId === 'string' ? devices.get(deviceId) : undefined;
    if (!device) {
      void reply.code(401).send({ error: 'Choose your name first.', code: 'choose-name' });
      return null;
    }
    if (device.removed) {
      void reply.code(403).send({ error: 'The facilitator removed this phone from the room.', code: 'removed' });
      return null;
    }
    device.lastSeenAt = Date.now();
    return device;
  };

  type Unsent<T> = T extends RoomRequest ? Omit<T, 'requestId'> : never;
  const relay = (request: Unsent<RoomRequest>): Promise<RoomAnswer> => {
    const requestId = newToken();
    return new Promise<RoomAnswer>((resolve) => {
      const timer = setTimeout(() => {
        pending.delete(requestId);
        resolve({ requestId, ok: false, status: 500, message: 'The laptop did not store it in time. Your phone will send it again.' });
      }, storeTimeoutMs);
      pending.set(requestId, { resolve, timer });
      options.onEvent({ type: 'request', request: { ...request, requestId } as RoomRequest });
    });
  };

  // ---- The phone page: exactly the built files, nothing else ------------------------------------
  app.get('/*', async (request, reply) => {
    const path = request.url.split(/[?#]/, 1)[0] ?? '/';
    const file = phoneFiles.get(path === '/' ? '/index.html' : path);
    if (!file) return reply.code(404).send({ error: 'Not found.' });
    const dot = file.lastIndexOf('.');
    const type = PHONE_TYPES[file.slice(dot).toLowerCase()] ?? 'application/octet-stream';
    return reply.type(type).send(await readFile(file));
  });

  // ---- Joining -------------------------------------------------------------------------------
  app.post('/api/code', { config: { rateLimit: { max: CODE_ATTEMPTS_PER_MINUTE, timeWindow: 60_000 } } }, async (request, reply) => {
    const body = codeBodySchema.safeParse(request.body);
    if (!body.success) return reply.code(400).send({ error: 'Type the room code shown on the screen.', code: 'type-code' });
    const typed = body.data.code.toUpperCase().replace(/[^A-Z0-9]/g, '');
    if (!sameSecret(typed, code)) return reply.code(404).send({ error: 'That is not this room’s code. Check the screen and try again.', code: 'wrong-code' });
    return { token };
  });

  app.get('/api/state', async (request, reply) => {
    if (!requireToken(request, reply)) return;
    return state;
  });

  app.post('/api/join', async (request, reply) => {
    if (!requireToken(request, reply)) return;
    const body = joinBodySchema.safeParse(request.body);
    if (!body.success) return reply.code(400).send({ error: 'Choose your name from the list.', code: 'choose-from-list' });
    let participantId: string;
    let name: string;
    if ('participantId' in body.data) {
      const found = state.participants.find((p) => p.id === (body.data as { participantId: string }).participantId);
      if (!found) return reply.code(404).send({ error: 'That name is not on this workshop’s list. Ask the facilitator.', code: 'not-on-list' });
      participantId = found.id;
      name = found.name;
    } else {
      if (!state.allowNewParticipants) return reply.code(403).send({ error: 'The facilitator has not allowed new participants. Choose your name from the list.', code: 'no-new-participants' });
      name = cleanName(body.data.newName);
      if (!name) return reply.code(400).send({ error: 'Type your name.', code: 'type-name' });
      const answer = await relay({ kind: 'new-participant', name });
      if (!answer.ok || !answer.participantId) return reply.code(answer.ok ? 500 : answer.status).send({ error: answer.ok ? 'The laptop did not add you.' : answer.message, code: 'not-added' });
      participantId = answer.participantId;
    }
    const deviceId = newToken();
    devices.set(deviceId, { deviceId, participantId, name, removed: false, streams: new Set(), lastSeenAt: Date.now() });
    announceDevices();
    return { deviceId, participantId, name };
  });

  // ---- The event stream (server-sent events over a fetch, so the headers can carry the token) ----
  app.get('/api/events', async (request, reply) => {
    const device = requireDevice(request, reply);
    if (!device) return;
    reply.hijack();
    reply.raw.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': 'text/event-stream; charset=utf-8',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    device.streams.add(reply);
    send(reply, { type: 'state', state });
    announceDevices();
    const keepAlive = setInterval(() => reply.raw.write(': keep-alive\n\n'), KEEPALIVE_MS);
    request.raw.on('close', () => {
      clearInterval(keepAlive);
      device.streams.delete(reply);
      if (!stopped) announceDevices();
    });
  });

  // ---- Scores --------------------------------------------------------------------------------
  app.post('/api/submit', async (request, reply) => {
    const device = requireDevice(request, reply);
    if (!device) return;
    const body = submitBodySchema.safeParse(request.body);
    if (!body.success) return reply.code(400).send({ error: 'Each score is a whole number from 1 to 5.', code: 'bad-scores' });
    const { roundId, useCaseId, scores } = body.data;
    if (!state.participants.some((p) => p.id === device.participantId)) {
      return reply.code(404).send({ error: 'Your name is no longer on the list. Ask the facilitator.', code: 'name-gone' });
    }
    const item = state.items.find((i) => i.roundId === roundId && i.useCaseId === useCaseId);
    if (!item) return reply.code(404).send({ error: 'This use case is not being scored now.', code: 'not-scored-now' });
    if (item.status === 'revealed') return reply.code(409).send({ error: 'The scores for this use case have been revealed, so the round is over. Your earlier scores count.', code: 'revealed' });
    if (item.status === 'closed') return reply.code(409).send({ error: 'The facilitator has closed scoring for this use case.', code: 'round-closed' });

    const keyOf = (c: string) => `${device.participantId}|${roundId}|${useCaseId}|${c}`;
    const roundKey = `${device.participantId}|${roundId}`;
    // A resend of what is being stored waits for that write instead of writing twice.
    const running = inFlight.get(roundKey);
    if (running) await running.catch(() => undefined);
    if (CRITERIA.every((c) => stored.get(keyOf(c)) === scores[c])) return { status: 'received' };
    const work = relay({ kind: 'score', deviceId: device.deviceId, participantId: device.participantId, roundId, useCaseId, scores });
    inFlight.set(roundKey, work);
    const answer = await work.finally(() => {
      if (inFlight.get(roundKey) === work) inFlight.delete(roundKey);
    });
    if (!answer.ok) return reply.code(answer.status === 500 ? 503 : answer.status).send({ error: answer.message, code: answer.status === 500 ? 'not-stored' : 'laptop-refused' });
    for (const c of CRITERIA) stored.set(keyOf(c), scores[c]);
    return { status: 'received' };
  });

  const broadcast = (event: PhoneEvent) => {
    for (const device of devices.values()) for (const stream of device.streams) send(stream, event);
  };

  const close = async (reason: RoomStopReason) => {
    if (stopped) return;
    stopped = true;
    for (const t of timers) clearInterval(t);
    for (const [requestId, p] of pending) {
      clearTimeout(p.timer);
      p.resolve({ requestId, ok: false, status: 409, message: 'The room was closed.' });
    }
    pending.clear();
    broadcast({ type: 'closed' });
    for (const device of devices.values()) for (const stream of device.streams) stream.raw.end();
    await app.close();
    const messages: Record<RoomStopReason, string> = {
      closed: 'The room is closed.',
      idle: 'The room closed itself after a long time with nothing happening.',
      'address-gone': 'The room closed: the network address it used has gone (Wi-Fi changed or disconnected). Open it again on another address.',
      quit: 'The room closed because Liftoff is quitting.',
      error: 'The room closed after an error.',
    };
    options.onEvent({ type: 'stopped', reason, message: messages[reason] });
  };

  return {
    app,
    get info() {
      return info();
    },
    setState(next) {
      lastActivity = Date.now();
      const event = JSON.stringify(next);
      if (event === stateEvent) return;
      state = next;
      stateEvent = event;
      // Forget what was stored for rounds no longer scored, so the map stays small all day.
      const live = new Set(next.items.map((i) => i.roundId));
      for (const key of stored.keys()) if (!live.has(key.split('|')[1] ?? '')) stored.delete(key);
      broadcast({ type: 'state', state });
    },
    answer(answer) {
      const p = pending.get(answer.requestId);
      if (!p) return;
      clearTimeout(p.timer);
      pending.delete(answer.requestId);
      p.resolve(answer);
    },
    removeDevice(deviceId) {
      const device = devices.get(deviceId);
      if (!device) return;
      device.removed = true;
      for (const stream of device.streams) {
        send(stream, { type: 'removed' });
        stream.raw.end();
      }
      device.streams.clear();
      announceDevices();
    },
    devices: publicDevices,
    close,
    async listen() {
      await app.listen({ host: options.address, port });
      const addr = app.server.address();
      if (addr && typeof addr !== 'string') port = addr.port;
      advertisedHost = hostFor(options.address, port);
      if (options.idleMs) {
        const idleMs = options.idleMs;
        timers.push(setInterval(() => {
          if (Date.now() - lastActivity > idleMs) void close('idle');
        }, Math.min(30_000, idleMs)));
      }
      if (options.addressStillThere) {
        const check = options.addressStillThere;
        timers.push(setInterval(() => {
          if (!check()) void close('address-gone');
        }, 5_000));
      }
      for (const t of timers) t.unref();
      return info();
    },
  };
}

/** Builds and starts a room on one address (never 0.0.0.0). */
export async function openRoomServer(options: RoomServerOptions): Promise<RoomServer> {
  if (options.address === '0.0.0.0' || options.address === '::' || !options.address) throw new Error('A room listens on one chosen address, never on all of them.');
  const room = await buildRoomServer(options);
  await room.listen();
  return room;
}
