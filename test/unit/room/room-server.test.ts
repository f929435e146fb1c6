// Every rule of the room server, without sockets (Fastify's inject), except the event stream and
// listening, which need a real one on 127.0.0.1.
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildRoomServer, openRoomServer, CODE_ATTEMPTS_PER_MINUTE, PHONE_CONTENT_SECURITY_POLICY, type RoomServer } from '../../../room/room-server';
import { cleanName, ROOM_DEVICE_HEADER, ROOM_TOKEN_HEADER, type RoomEvent, type RoomRequest, type RoomState } from '../../../room/protocol';
import { takeEvents } from '../../../room/event-stream';

const TOKEN = 'T0k3n-abcdefghijklmnopq';
const CODE = 'ABC234';
const HOST = '192.168.50.10:4711';
let phoneDir = '';

beforeAll(async () => {
  phoneDir = await mkdtemp(join(tmpdir(), 'liftoff-phone-'));
  await mkdir(join(phoneDir, 'assets'));
  await writeFile(join(phoneDir, 'index.html'), '<!doctype html><title>phone</title>');
  await writeFile(join(phoneDir, 'assets', 'app.js'), 'console.log(1)');
  return () => rm(phoneDir, { recursive: true, force: true });
});

const state = (over: Partial<RoomState> = {}): RoomState => ({
  workshopTitle: 'Logistik-Workshop',
  language: 'de',
  participants: [
    { id: 'p-anna', name: 'Anna Schmidt' },
    { id: 'p-jurgen', name: 'Jürgen Weiß' },
  ],
  allowNewParticipants: false,
  criteria: [
    { id: 'impact', label: 'Impact', rubric: ['a', 'b', 'c', 'd', 'e'] },
    { id: 'feasibility', label: 'Feasibility', rubric: ['a', 'b', 'c', 'd', 'e'] },
    { id: 'readiness', label: 'Readiness', rubric: ['a', 'b', 'c', 'd', 'e'] },
  ],
  items: [{ useCaseId: 'uc-1', roundId: 'r-1', roundNumber: 1, title: 'Retourenbegründung klassifizieren', problem: 'Zu viele Retouren', status: 'open' }],
  ...over,
});

type Harness = { room: RoomServer; events: RoomEvent[]; requests: RoomRequest[]; autoAnswer: boolean };
const rooms: RoomServer[] = [];
afterEach(async () => {
  for (const r of rooms.splice(0)) await r.close('closed');
});

async function harness(opts: { autoAnswer?: boolean; storeTimeoutMs?: number } = {}): Promise<Harness> {
  const h: Harness = { room: null as unknown as RoomServer, events: [], requests: [], autoAnswer: opts.autoAnswer ?? true };
  h.room = await buildRoomServer({
    address: '192.168.50.10',
    port: 4711,
    phoneDir,
    token: TOKEN,
    code: CODE,
    storeTimeoutMs: opts.storeTimeoutMs,
    onEvent: (event) => {
      h.events.push(event);
      if (event.type !== 'request') return;
      h.requests.push(event.request);
      if (!h.autoAnswer) return;
      // The facilitator's app stores it, then answers (here: at once).
      if (event.request.kind === 'new-participant') h.room.answer({ requestId: event.request.requestId, ok: true, participantId: 'p-new' });
      else h.room.answer({ requestId: event.request.requestId, ok: true });
    },
  });
  rooms.push(h.room);
  h.room.setState(state());
  return h;
}

const phone = (extra: Record<string, string> = {}) => ({ host: HOST, [ROOM_TOKEN_HEADER]: TOKEN, 'content-type': 'application/json', ...extra });

async function joined(h: Harness, participantId = 'p-anna'): Promise<string> {
  const res = await h.room.app.inject({ method: 'POST', url: '/api/join', headers: phone(), payload: { participantId } });
  expect(res.statusCode).toBe(200);
  return (res.json() as { deviceId: string }).deviceId;
}

const submit = (h: Harness, deviceId: string, body: unknown, headers: Record<string, string> = {}) =>
  h.room.app.inject({ method: 'POST', url: '/api/submit', headers: phone({ [ROOM_DEVICE_HEADER]: deviceId, ...headers }), payload: body as Record<string, unknown> });
const good = { roundId: 'r-1', useCaseId: 'uc-1', scores: { impact: 4, feasibility: 2, readiness: 5 } };

describe('the room server', () => {
  it('serves the phone page and its files, and nothing else', async () => {
    const h = await harness();
    const page = await h.room.app.inject({ url: '/', headers: { host: HOST } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toBe(PHONE_CONTENT_SECURITY_POLICY);
    expect((await h.room.app.inject({ url: '/assets/app.js', headers: { host: HOST } })).statusCode).toBe(200);
    for (const url of ['/../package.json', '/assets/../../etc/passwd', '/%2e%2e/secret', '/index.html/x', '/out/renderer/index.html']) {
      expect((await h.room.app.inject({ url, headers: { host: HOST } })).statusCode, url).toBe(404);
    }
  });

  it('answers only at the advertised address (a rebinding page sends its own Host)', async () => {
    const h = await harness();
    for (const host of ['evil.example:4711', '127.0.0.1:4711', '192.168.50.10:80', '192.168.50.10']) {
      const res = await h.room.app.inject({ url: '/api/state', headers: { ...phone(), host } });
      expect(res.statusCode, host).toBe(421);
    }
    expect((await h.room.app.inject({ url: '/api/state', headers: phone() })).statusCode).toBe(200);
  });

  it('refuses every API call without the room token in a header, and a token in the URL does not count', async () => {
    const h = await harness();
    expect((await h.room.app.inject({ url: '/api/state', headers: { host: HOST } })).statusCode).toBe(401);
    expect((await h.room.app.inject({ url: `/api/state?token=${TOKEN}`, headers: { host: HOST } })).statusCode).toBe(401);
    expect((await h.room.app.inject({ url: '/api/state', headers: phone({ [ROOM_TOKEN_HEADER]: TOKEN.slice(0, -1) + 'X' }) })).statusCode).toBe(401);
    const join = await h.room.app.inject({ method: 'POST', url: '/api/join', headers: { host: HOST, 'content-type': 'application/json' }, payload: { participantId: 'p-anna' } });
    expect(join.statusCode).toBe(401);
  });

  it('sends no CORS headers, even when asked by another origin', async () => {
    const h = await harness();
    const res = await h.room.app.inject({ url: '/api/state', headers: phone({ origin: 'http://evil.example' }) });
    expect(Object.keys(res.headers).filter((k) => k.startsWith('access-control'))).toEqual([]);
    const preflight = await h.room.app.inject({ method: 'OPTIONS', url: '/api/submit', headers: { host: HOST, origin: 'http://evil.example', 'access-control-request-method': 'POST' } });
    expect(preflight.statusCode).toBe(404);
    expect(Object.keys(preflight.headers).filter((k) => k.startsWith('access-control'))).toEqual([]);
  });

  it('refuses a body over 16 KB before reading it, and stores nothing', async () => {
    const h = await harness();
    const deviceId = await joined(h);
    const res = await submit(h, deviceId, { ...good, padding: 'x'.repeat(17 * 1024) });
    expect(res.statusCode).toBe(413);
    expect(h.requests.filter((r) => r.kind === 'score')).toHaveLength(0);
  });

  it('refuses scores out of range, fractions, strings and extra fields, and stores nothing', async () => {
    const h = await harness();
    const deviceId = await joined(h);
    for (const scores of [{ impact: 0, feasibility: 2, readiness: 3 }, { impact: 6, feasibility: 2, readiness: 3 }, { impact: 2.5, feasibility: 2, readiness: 3 }, { impact: '4', feasibility: 2, readiness: 3 }, { impact: 4, feasibility: 2 }]) {
      const res = await submit(h, deviceId, { roundId: 'r-1', useCaseId: 'uc-1', scores });
      expect(res.statusCode, JSON.stringify(scores)).toBe(400);
      expect((res.json() as { error: string }).error).toBe('Each score is a whole number from 1 to 5.');
    }
    expect((await submit(h, deviceId, { ...good, participantId: 'p-jurgen' })).statusCode).toBe(400);
    expect((await h.room.app.inject({ method: 'POST', url: '/api/submit', headers: { ...phone({ [ROOM_DEVICE_HEADER]: deviceId }), 'content-type': 'text/plain' }, payload: 'impact=5' })).statusCode).toBe(415);
    expect((await h.room.app.inject({ method: 'POST', url: '/api/submit', headers: phone({ [ROOM_DEVICE_HEADER]: deviceId }), payload: '{"roundId": ' })).statusCode).toBe(400);
    expect(h.requests.filter((r) => r.kind === 'score')).toHaveLength(0);
  });

  it('refuses an unknown participant, a submission before choosing a name, and an unknown round', async () => {
    const h = await harness();
    const unknown = await h.room.app.inject({ method: 'POST', url: '/api/join', headers: phone(), payload: { participantId: 'p-nobody' } });
    expect(unknown.statusCode).toBe(404);
    expect((await submit(h, 'no-such-device', good)).statusCode).toBe(401);
    const deviceId = await joined(h);
    expect((await submit(h, deviceId, { ...good, roundId: 'r-other' })).statusCode).toBe(404);
    // The facilitator removed the participant from the workshop after the phone joined.
    h.room.setState(state({ participants: [{ id: 'p-jurgen', name: 'Jürgen Weiß' }] }));
    expect((await submit(h, deviceId, good)).statusCode).toBe(404);
    expect(h.requests.filter((r) => r.kind === 'score')).toHaveLength(0);
  });

  it('relays a score as the joined participant, and a phone cannot score for someone else', async () => {
    const h = await harness();
    const deviceId = await joined(h, 'p-jurgen');
    const res = await submit(h, deviceId, good);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'received' });
    expect(h.requests).toEqual([expect.objectContaining({ kind: 'score', participantId: 'p-jurgen', roundId: 'r-1', useCaseId: 'uc-1', scores: good.scores, deviceId })]);
  });

  it('answers "received" only after the app has stored the scores, and passes on a refusal', async () => {
    const h = await harness({ autoAnswer: false });
    const deviceId = await joined(h);
    let settled = false;
    const pending = submit(h, deviceId, good).then((r) => {
      settled = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 30));
    expect(settled).toBe(false);
    const request = h.requests.find((r) => r.kind === 'score');
    if (!request) throw new Error('no request relayed');
    h.room.answer({ requestId: request.requestId, ok: false, status: 409, message: 'This round has been revealed; start a new round to score again.' });
    const res = await pending;
    expect(res.statusCode).toBe(409);
    expect((res.json() as { error: string }).error).toContain('revealed');
  });

  it('tells the phone to resend when the app does not store in time', async () => {
    const h = await harness({ autoAnswer: false, storeTimeoutMs: 20 });
    const deviceId = await joined(h);
    const res = await submit(h, deviceId, good);
    expect(res.statusCode).toBe(503);
    expect((res.json() as { error: string }).error).toContain('will send it again');
  });

  it('stores a double tap and a resend once (participant + round + use case + criterion)', async () => {
    const h = await harness();
    const deviceId = await joined(h);
    const [a, b] = await Promise.all([submit(h, deviceId, good), submit(h, deviceId, good)]);
    const c = await submit(h, deviceId, good);
    expect([a.statusCode, b.statusCode, c.statusCode]).toEqual([200, 200, 200]);
    expect(h.requests.filter((r) => r.kind === 'score')).toHaveLength(1);
    // A changed score before the reveal is a new write.
    expect((await submit(h, deviceId, { ...good, scores: { ...good.scores, impact: 1 } })).statusCode).toBe(200);
    expect(h.requests.filter((r) => r.kind === 'score')).toHaveLength(2);
  });

  it('refuses a submission after the reveal (409) and while scoring is closed, and the phone is told why', async () => {
    const h = await harness();
    const deviceId = await joined(h);
    expect((await submit(h, deviceId, good)).statusCode).toBe(200);
    h.room.setState(state({ items: [{ ...state().items[0]!, status: 'closed' }] }));
    const closed = await submit(h, deviceId, { ...good, scores: { ...good.scores, impact: 2 } });
    expect(closed.statusCode).toBe(409);
    expect((closed.json() as { error: string }).error).toBe('The facilitator has closed scoring for this use case.');
    h.room.setState(state({ items: [{ ...state().items[0]!, status: 'revealed' }] }));
    const late = await submit(h, deviceId, { ...good, scores: { ...good.scores, impact: 2 } });
    expect(late.statusCode).toBe(409);
    expect((late.json() as { error: string }).error).toContain('revealed');
    expect(h.requests.filter((r) => r.kind === 'score')).toHaveLength(1);
  });

  it('gives the token for the right room code only, and limits wrong guesses', async () => {
    const h = await harness();
    const ok = await h.room.app.inject({ method: 'POST', url: '/api/code', headers: { host: HOST, 'content-type': 'application/json' }, payload: { code: 'abc-234' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ token: TOKEN });
    const statuses: number[] = [];
    const codes = new Set<unknown>();
    for (let i = 0; i < CODE_ATTEMPTS_PER_MINUTE + 2; i += 1) {
      const res = await h.room.app.inject({ method: 'POST', url: '/api/code', headers: { host: HOST, 'content-type': 'application/json' }, payload: { code: `ZZZ${i}` } });
      statuses.push(res.statusCode);
      codes.add((res.json() as { code?: unknown }).code);
    }
    expect(statuses.filter((s) => s === 404).length).toBe(CODE_ATTEMPTS_PER_MINUTE - 1);
    expect(statuses.at(-1)).toBe(429);
    // Each refusal carries a code the phone page words in the workshop's language.
    expect([...codes].sort()).toEqual(['too-many-codes', 'wrong-code']);
  });

  it('lets a new participant join only where the facilitator allows it, with a cleaned name', async () => {
    const h = await harness();
    const refused = await h.room.app.inject({ method: 'POST', url: '/api/join', headers: phone(), payload: { newName: 'Mallory' } });
    expect(refused.statusCode).toBe(403);
    expect(h.requests).toHaveLength(0);
    h.room.setState(state({ allowNewParticipants: true }));
    const hostile = '\u202eevil\u202c Kim\u0000 Min-jun\u2066 ' + 'x'.repeat(200);
    const res = await h.room.app.inject({ method: 'POST', url: '/api/join', headers: phone(), payload: { newName: hostile } });
    expect(res.statusCode).toBe(200);
    const request = h.requests[0];
    expect(request?.kind).toBe('new-participant');
    const name = request?.kind === 'new-participant' ? request.name : '';
    expect(name).toBe(cleanName(hostile));
    expect(name.length).toBeLessThanOrEqual(80);
    // eslint-disable-next-line no-control-regex -- the control characters are what must be gone
    expect(name).not.toMatch(/[\u0000\u202a-\u202e\u2066-\u2069]/);
    expect(name.startsWith('evil Kim Min-jun')).toBe(true);
    const blank = await h.room.app.inject({ method: 'POST', url: '/api/join', headers: phone(), payload: { newName: '\u202e \u0007' } });
    expect(blank.statusCode).toBe(400);
  });

  it('keeps names in every script intact while cleaning', () => {
    for (const name of ['김민준', 'Jürgen Weiß', 'שרה כהן', 'محمد العلي', '王小明', 'Ελένη', 'Дмитрий', 'สมชาย', 'अनन्या']) expect(cleanName(name)).toBe(name);
  });

  it('refuses a removed device, and tells the facilitator which devices are in the room', async () => {
    const h = await harness();
    const deviceId = await joined(h);
    const before = h.events.filter((e) => e.type === 'devices').at(-1);
    expect(before?.type === 'devices' && before.devices.map((d) => d.name)).toEqual(['Anna Schmidt']);
    h.room.removeDevice(deviceId);
    const res = await submit(h, deviceId, good);
    expect(res.statusCode).toBe(403);
    expect((await h.room.app.inject({ url: '/api/events', headers: phone({ [ROOM_DEVICE_HEADER]: deviceId }) })).statusCode).toBe(403);
    const after = h.events.filter((e) => e.type === 'devices').at(-1);
    expect(after?.type === 'devices' && after.devices).toEqual([]);
  });

  it('gives each room a fresh 128-bit token and a six-letter code', async () => {
    const a = await buildRoomServer({ address: '10.0.0.2', phoneDir, onEvent: () => undefined });
    const b = await buildRoomServer({ address: '10.0.0.2', phoneDir, onEvent: () => undefined });
    rooms.push(a, b);
    const tokenOf = (r: RoomServer) => new URL(r.info.joinUrl).hash.slice(3);
    expect(tokenOf(a)).not.toBe(tokenOf(b));
    expect(Buffer.from(tokenOf(a), 'base64url')).toHaveLength(16);
    expect(a.info.code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
  });

  it('never listens on every address', async () => {
    await expect(openRoomServer({ address: '0.0.0.0', phoneDir, onEvent: () => undefined })).rejects.toThrow(/never on all/);
  });
});

describe('the room server on a real socket', () => {
  it('streams the state to a joined phone, stops when closed, and says so', async () => {
    const events: RoomEvent[] = [];
    const room = await openRoomServer({ address: '127.0.0.1', phoneDir, token: TOKEN, onEvent: (e) => events.push(e) });
    room.setState(state());
    const base = room.info.url;
    const headers = { [ROOM_TOKEN_HEADER]: TOKEN, 'content-type': 'application/json' };
    const join = await fetch(`${base}api/join`, { method: 'POST', headers, body: JSON.stringify({ participantId: 'p-anna' }) });
    const { deviceId } = (await join.json()) as { deviceId: string };
    const stream = await fetch(`${base}api/events`, { headers: { ...headers, [ROOM_DEVICE_HEADER]: deviceId } });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const received: string[] = [];
    const readUntil = async (count: number) => {
      while (received.length < count) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        const taken = takeEvents(buffer);
        buffer = taken.rest;
        received.push(...taken.data);
      }
    };
    await readUntil(1);
    expect(JSON.parse(received[0]!)).toMatchObject({ type: 'state', state: { items: [{ title: 'Retourenbegründung klassifizieren' }] } });
    room.setState(state({ items: [] }));
    await readUntil(2);
    expect(JSON.parse(received[1]!)).toMatchObject({ type: 'state', state: { items: [] } });
    expect(events.some((e) => e.type === 'devices' && e.devices.some((d) => d.connected))).toBe(true);
    await room.close('closed');
    await readUntil(3);
    expect(JSON.parse(received[2]!)).toEqual({ type: 'closed' });
    expect(events.at(-1)).toMatchObject({ type: 'stopped', reason: 'closed' });
    await expect(fetch(`${base}api/state`, { headers })).rejects.toThrow();
  });

  it('stops by itself when its address goes away', async () => {
    const events: RoomEvent[] = [];
    let there = true;
    const room = await openRoomServer({ address: '127.0.0.1', phoneDir, onEvent: (e) => events.push(e), addressStillThere: () => there });
    rooms.push(room);
    there = false;
    await new Promise((r) => setTimeout(r, 5_300));
    expect(events.at(-1)).toMatchObject({ type: 'stopped', reason: 'address-gone' });
  }, 10_000);
});

describe('reading an event stream', () => {
  it('splits complete events, skips keep-alive comments and keeps a partial one', () => {
    expect(takeEvents('data: {"a":1}\n\n: keep-alive\n\nevent: state\ndata: {"b":\ndata: 2}\n\ndata: {"c"')).toEqual({ data: ['{"a":1}', '{"b":\n2}'], rest: 'data: {"c"' });
    expect(takeEvents('data: x\r\n\r\n')).toEqual({ data: ['x'], rest: '' });
  });
});
