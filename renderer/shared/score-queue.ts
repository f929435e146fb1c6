// The phones' scores on their way to the store: what arrives while earlier batches are being
// written waits and goes together in the next batch (a room of phones sending at once costs a few
// durable commits, not one each), and each phone is answered only after the commit that holds its
// scores, a batch's answers in one message.
import type { PhoneScoreResult } from '../db/scoring-repo';
import type { RoomAnswer, RoomRequest } from '../../room/protocol';

export type ScoreRequest = Extract<RoomRequest, { kind: 'score' }>;

/**
 * Batches handed to the store at once. One: the next batch is made of everything that arrived
 * while this one was written. Two or four at once were measured against one in the same bench
 * runs (`LIFTOFF_BENCH_ONLY=room`, builds alternated, 7 and 4 pairs): two was 0.60–1.64× at p95
 * (median 1.06×, noise), four was worse (1.1–1.5×: smaller batches, more durable commits).
 */
const IN_FLIGHT = 1;

/** Returns the function that takes one phone's scores; `store` answers each item of a batch, in order. */
export function scoreQueue(store: (items: ScoreRequest[]) => Promise<PhoneScoreResult[]>, answer: (answers: RoomAnswer[]) => void) {
  let waiting: ScoreRequest[] = [];
  let inFlight = 0;
  const pump = () => {
    while (inFlight < IN_FLIGHT && waiting.length > 0) {
      const batch = waiting.slice(0, 100);
      waiting = waiting.slice(batch.length);
      inFlight += 1;
      void store(batch)
        // A store that fails outright still answers every phone (which keeps its scores and resends).
        .catch((): PhoneScoreResult[] => [])
        .then((results) =>
          answer(
            batch.map(({ requestId }, i): RoomAnswer => {
              const result = results[i];
              return result?.ok ? { requestId, ok: true } : { requestId, ok: false, status: result?.status ?? 500, message: result?.message ?? 'The laptop could not store it.' };
            }),
          ),
        )
        .finally(() => {
          inFlight -= 1;
          pump();
        });
    }
  };
  return (request: ScoreRequest) => {
    waiting.push(request);
    pump();
  };
}
