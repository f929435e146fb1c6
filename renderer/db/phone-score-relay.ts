// The phone-score worker takes the room's score requests straight from the room and answers them
// itself, so a phone's "received" never waits for the page's drawing: with 200 phones sending at
// once the page's main thread is busy redrawing who has scored, and every request and answer
// relayed through it waited for that. In the browser build the worker reads the facilitator's
// loopback channel (room/control.ts: the `requests` stream and `answer`, with the channel's token);
// on the desktop the main process hands it one end of a MessageChannel (electron/main/room.ts).
// Either way the room sends each request to exactly one taker: to the page when no worker is
// connected, so nothing is lost while the worker starts or if it stops.
import { readEventStream } from '../../room/event-stream';
import { CONTROL_TOKEN_HEADER, type RoomAnswer, type RoomEvent } from '../../room/protocol';
import { scoreQueue, type ScoreRequest } from './phone-score-queue';
import type { PhoneScoreResult, PhoneScores } from './scoring-repo';

/** A port-like end: a MessagePort in a worker, or a fake in a unit test. */
export type RelayPort = { postMessage: (message: unknown) => void; onmessage: ((e: { data: unknown }) => void) | null; close: () => void };

export type RelayStart =
  | { type: 'relay-http'; dbName: string; base: string; token: string }
  | { type: 'relay-port'; dbName: string; port: RelayPort };
export type RelayStop = { type: 'relay-stop' };

type Store = (dbName: string, items: PhoneScores[]) => Promise<PhoneScoreResult[]>;

/** Only a score request of the room's shape is stored; anything else from the channel is ignored. */
export function asScoreRequest(value: unknown): ScoreRequest | null {
  const event = value as RoomEvent | null;
  if (!event || typeof event !== 'object' || event.type !== 'request' || event.request?.kind !== 'score') return null;
  const r = event.request;
  return typeof r.requestId === 'string' && typeof r.roundId === 'string' && typeof r.participantId === 'string' && typeof r.useCaseId === 'string' && r.scores && typeof r.scores === 'object' ? r : null;
}

/**
 * Starts taking requests; returns a stop function. `fetchImpl` and `retryMs` are for tests.
 * Over HTTP the stream is opened again after a drop (the server restarted, the laptop slept).
 */
export function startRelay(start: RelayStart, store: Store, fetchImpl: typeof fetch = fetch, retryMs = 1000): () => void {
  let stopped = false;
  if (start.type === 'relay-port') {
    const port = start.port;
    const enqueue = scoreQueue((items) => store(start.dbName, items), (answers: RoomAnswer[]) => port.postMessage(answers));
    port.onmessage = (e) => {
      const request = asScoreRequest(e.data);
      if (request && !stopped) enqueue(request);
    };
    return () => {
      stopped = true;
      port.onmessage = null;
      port.close();
    };
  }

  const headers = { [CONTROL_TOKEN_HEADER]: start.token, 'content-type': 'application/json' };
  const controller = new AbortController();
  const answer = (answers: RoomAnswer[]) =>
    void fetchImpl(`${start.base}answer`, { method: 'POST', headers, body: JSON.stringify(answers), cache: 'no-store' }).catch(() => undefined);
  const enqueue = scoreQueue((items) => store(start.dbName, items), answer);
  void (async () => {
    while (!stopped) {
      try {
        const response = await fetchImpl(`${start.base}requests`, { headers, cache: 'no-store', signal: controller.signal });
        // Refused (the token is wrong, the server has no such stream): the page keeps relaying.
        if (!response.ok) return;
        await readEventStream(response, (data) => {
          let parsed: unknown;
          try {
            parsed = JSON.parse(data);
          } catch {
            return;
          }
          const request = asScoreRequest(parsed);
          if (request && !stopped) enqueue(request);
        });
      } catch {
        /* dropped: try again */
      }
      if (!stopped) await new Promise((r) => setTimeout(r, retryMs));
    }
  })();
  return () => {
    stopped = true;
    controller.abort();
  };
}
