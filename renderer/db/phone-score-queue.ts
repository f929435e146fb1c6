// The room's score requests, stored in batches: requests that arrive while a write is running wait,
// and are then stored together in one unit of work, so a room of phones sending at once costs a
// few durable commits, not one each. Each phone is answered only after the commit that holds its
// scores, a batch's answers in one message. Used by the phone-score worker, which takes the
// requests from the room itself (phone-score-worker.ts), and by the page when no worker can run.
import type { RoomAnswer, RoomRequest } from '../../room/protocol';
import type { PhoneScoreResult, PhoneScores } from './scoring-repo';

export type ScoreRequest = Extract<RoomRequest, { kind: 'score' }>;

/** At most this many phones' scores go into one unit of work. */
export const PHONE_BATCH_MAX = 100;

/** The answers to one stored batch, in the room's protocol. */
export function answersFor(batch: ScoreRequest[], results: PhoneScoreResult[]): RoomAnswer[] {
  return batch.map(({ requestId }, i): RoomAnswer => {
    const result = results[i];
    return result?.ok ? { requestId, ok: true } : { requestId, ok: false, status: result?.status ?? 500, message: result?.message ?? 'The laptop could not store it.' };
  });
}

/** A queue: call it with each request; `store` writes a batch, `answer` sends its answers. */
export function scoreQueue(store: (items: PhoneScores[]) => Promise<PhoneScoreResult[]>, answer: (answers: RoomAnswer[]) => void) {
  let waiting: ScoreRequest[] = [];
  let running = false;
  const drain = async () => {
    if (running) return;
    running = true;
    try {
      while (waiting.length > 0) {
        const batch = waiting.slice(0, PHONE_BATCH_MAX);
        waiting = waiting.slice(batch.length);
        let results: PhoneScoreResult[];
        try {
          results = await store(batch);
        } catch (error) {
          const message = error instanceof Error ? error.message.slice(0, 300) : 'The laptop could not store it.';
          results = batch.map(() => ({ ok: false, status: 500, message }));
        }
        answer(answersFor(batch, results));
      }
    } finally {
      running = false;
    }
  };
  return (request: ScoreRequest) => {
    waiting.push(request);
    void drain();
  };
}
