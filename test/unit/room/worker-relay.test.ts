// The phone-score worker's relay (renderer/db/phone-score-relay.ts) against the real loopback
// channel (room/control.ts): while the worker's stream is connected, each score request goes to it
// and to nobody else, the worker stores it and answers, and the phone hears "received"; what is not
// a score request never reaches the store; the queue batches what arrives during a write.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRoomControl, type RoomControl } from '../../../room/control';
import { CONTROL_TOKEN_HEADER, type RoomAnswer, type RoomInfo } from '../../../room/protocol';
import { asScoreRequest, startRelay } from '../../../renderer/db/phone-score-relay';
import { scoreQueue, type ScoreRequest } from '../../../renderer/db/phone-score-queue';
import type { PhoneScoreResult, PhoneScores } from '../../../renderer/db/scoring-repo';

let phoneDir = '';
beforeAll(async () => {
  phoneDir = await mkdtemp(join(tmpdir(), 'liftoff-relay-'));
  await writeFile(join(phoneDir, 'index.html'), '<!doctype html>');
});
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function loopback(): Promise<{ c: RoomControl; base: string; headers: Record<string, string> }> {
  const c = await createRoomControl({ phoneDir, listAddresses: () => [{ address: '127.0.0.1', interfaceName: 'lo', kind: 'loopback', label: 'lo' }] });
  const server: Server = createServer((req, res) => c.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  c.setLoopbackHost(port);
  cleanups.push(async () => {
    await c.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { c, base: `http://127.0.0.1:${port}/room-control/`, headers: { [CONTROL_TOKEN_HEADER]: c.token, 'content-type': 'application/json' } };
}

async function openRoomWithPhone(base: string, headers: Record<string, string>) {
  const info = (await (await fetch(`${base}open`, { method: 'POST', headers, body: JSON.stringify({ address: '127.0.0.1' }) })).json()) as RoomInfo;
  await fetch(`${base}state`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      workshopTitle: 'Retourenmanagement',
      language: 'de',
      participants: [{ id: 'p-1', name: 'Jürgen Weiß' }, { id: 'p-2', name: '김민준' }],
      allowNewParticipants: false,
      criteria: [],
      items: [{ useCaseId: 'uc-1', roundId: 'r-1', roundNumber: 1, title: 'Retourenbegründung klassifizieren', problem: '', status: 'open' }],
    }),
  });
  const token = new URL(info.joinUrl).hash.slice(3);
  const phone = async (participantId: string) => {
    const json = { 'x-room-token': token, 'content-type': 'application/json' };
    const { deviceId } = (await (await fetch(`${info.url}api/join`, { method: 'POST', headers: json, body: JSON.stringify({ participantId }) })).json()) as { deviceId: string };
    return (scores: Record<string, number>) =>
      fetch(`${info.url}api/submit`, { method: 'POST', headers: { ...json, 'x-room-device': deviceId }, body: JSON.stringify({ roundId: 'r-1', useCaseId: 'uc-1', scores }) });
  };
  return phone;
}

const status = async (base: string, headers: Record<string, string>) =>
  (await (await fetch(`${base}status`, { headers })).json()) as { relay: { workerConnected: boolean; relayedToWorker: number } };

describe('the phone-score worker’s relay over the loopback channel', () => {
  it('takes each score request itself while connected, stores it and answers; the phone hears "received"', async () => {
    const { base, headers } = await loopback();
    const phone = await openRoomWithPhone(base, headers);
    // The page listens on its own stream, as the facilitator's page does.
    const pageEvents: string[] = [];
    const abort = new AbortController();
    const pageStream = await fetch(`${base}events`, { headers, signal: abort.signal });
    void (async () => {
      const reader = pageStream.body!.getReader();
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          pageEvents.push(new TextDecoder().decode(value));
        }
      } catch {
        /* aborted */
      }
    })();
    cleanups.push(() => abort.abort());

    const stored: PhoneScores[][] = [];
    const store = vi.fn(async (dbName: string, items: PhoneScores[]): Promise<PhoneScoreResult[]> => {
      expect(dbName).toBe('liftoff-test');
      stored.push(items);
      return items.map(() => ({ ok: true, changed: true }));
    });
    const stop = startRelay({ type: 'relay-http', dbName: 'liftoff-test', base, token: headers[CONTROL_TOKEN_HEADER]! }, store, fetch, 20);
    cleanups.push(stop);
    await vi.waitFor(async () => expect((await status(base, headers)).relay.workerConnected).toBe(true));

    const ana = await phone('p-1');
    const kim = await phone('p-2');
    const [a, k] = await Promise.all([ana({ impact: 5, feasibility: 4, readiness: 2 }), kim({ impact: 1, feasibility: 2, readiness: 3 })]);
    expect([a.status, k.status]).toEqual([200, 200]);
    expect(await a.json()).toEqual({ status: 'received' });
    expect(stored.flat().map((i) => [i.participantId, i.scores])).toEqual(
      expect.arrayContaining([
        ['p-1', { impact: 5, feasibility: 4, readiness: 2 }],
        ['p-2', { impact: 1, feasibility: 2, readiness: 3 }],
      ]),
    );
    expect((await status(base, headers)).relay.relayedToWorker).toBe(2);
    // Exactly one taker: the page's stream never saw these requests.
    expect(pageEvents.join('')).not.toContain('"kind":"score"');

    // The worker stops (the room closes on screen): the page takes requests again.
    stop();
    await vi.waitFor(async () => expect((await status(base, headers)).relay.workerConnected).toBe(false));
    const again = ana({ impact: 3, feasibility: 3, readiness: 3 });
    await vi.waitFor(() => expect(pageEvents.join('')).toContain('"kind":"score"'));
    abort.abort();
    void again.catch(() => undefined);
  });

  it('answers a refused score with the store’s refusal, and the phone hears it', async () => {
    const { base, headers } = await loopback();
    const phone = await openRoomWithPhone(base, headers);
    const stop = startRelay(
      { type: 'relay-http', dbName: 'liftoff-test', base, token: headers[CONTROL_TOKEN_HEADER]! },
      async (_db, items) => items.map(() => ({ ok: false, status: 409, message: 'Diese Runde ist geschlossen.' })),
      fetch,
      20,
    );
    cleanups.push(stop);
    await vi.waitFor(async () => expect((await status(base, headers)).relay.workerConnected).toBe(true));
    const r = await (await phone('p-1'))({ impact: 5, feasibility: 4, readiness: 2 });
    expect(r.status).toBe(409);
    expect(await r.json()).toMatchObject({ error: 'Diese Runde ist geschlossen.', code: 'laptop-refused' });
  });

  it('with a wrong token the worker is refused and takes nothing; the page keeps relaying', async () => {
    const { base, headers } = await loopback();
    await openRoomWithPhone(base, headers);
    const store = vi.fn();
    const stop = startRelay({ type: 'relay-http', dbName: 'x', base, token: 'not-the-token' }, store, fetch, 20);
    cleanups.push(stop);
    await new Promise((r) => setTimeout(r, 100));
    expect((await status(base, headers)).relay.workerConnected).toBe(false);
    expect(store).not.toHaveBeenCalled();
  });
});

describe('the relay over a port, and the queue', () => {
  it('stores only well-formed score requests from the port and answers on it', async () => {
    const posted: unknown[] = [];
    const port = { postMessage: (m: unknown) => posted.push(m), onmessage: null as ((e: { data: unknown }) => void) | null, close: vi.fn() };
    const store = vi.fn(async (_db: string, items: PhoneScores[]) => items.map((): PhoneScoreResult => ({ ok: true, changed: true })));
    const stop = startRelay({ type: 'relay-port', dbName: 'db', port }, store);
    const request = { requestId: 'q1', kind: 'score', deviceId: 'd', participantId: 'p-1', roundId: 'r', useCaseId: 'u', scores: { impact: 1, feasibility: 2, readiness: 3 } };
    for (const junk of [null, 'request', { type: 'request' }, { type: 'request', request: { kind: 'new-participant', requestId: 'x', name: 'n' } }, { type: 'devices', devices: [] }, { type: 'request', request: { ...request, roundId: 7 } }]) {
      port.onmessage?.({ data: junk });
    }
    port.onmessage?.({ data: { type: 'request', request } });
    await vi.waitFor(() => expect(posted).toEqual([[{ requestId: 'q1', ok: true }]]));
    expect(store).toHaveBeenCalledTimes(1);
    stop();
    expect(port.close).toHaveBeenCalled();
    expect(port.onmessage).toBeNull();
  });

  it('batches what arrives during a write into the next one, and answers 500 for a batch whose write failed', async () => {
    const req = (n: number): ScoreRequest => ({ kind: 'score', requestId: `q${n}`, deviceId: 'd', participantId: `p-${n}`, roundId: 'r', useCaseId: 'u', scores: { impact: 1, feasibility: 1, readiness: 1 } });
    const batches: number[] = [];
    const answers: RoomAnswer[][] = [];
    let release: () => void = () => undefined;
    const store = async (items: PhoneScores[]): Promise<PhoneScoreResult[]> => {
      batches.push(items.length);
      if (batches.length === 1) await new Promise<void>((r) => (release = r));
      if (batches.length === 2) throw new Error('QuotaExceededError');
      return items.map(() => ({ ok: true, changed: true }));
    };
    const enqueue = scoreQueue(store, (a) => answers.push(a));
    enqueue(req(1));
    for (let n = 2; n <= 4; n += 1) enqueue(req(n));
    release();
    await vi.waitFor(() => expect(answers.length).toBe(2));
    expect(batches).toEqual([1, 3]);
    expect(answers[0]).toEqual([{ requestId: 'q1', ok: true }]);
    expect(answers[1]!.map((a) => (a.ok ? 'ok' : `${a.status} ${a.message}`))).toEqual(['500 QuotaExceededError', '500 QuotaExceededError', '500 QuotaExceededError']);
    expect(asScoreRequest({ type: 'request', request: req(9) })).toEqual(req(9));
  });
});
