// The page's side of storing phone scores: batches go to a worker (db/phone-score-worker.ts) that
// writes them through the same repository on its own database connection, so the page's drawing
// never delays a phone's "received". Where there is no worker (a test without one) or the worker
// fails to start, the page writes them itself, the same way.
import type { PhoneScoreResult, PhoneScores } from '../db/scoring-repo';
import type { PhoneScoreDone, PhoneScoreJob } from '../db/phone-score-job';
import { dbNameInUse, repos } from './repos';

let worker: Worker | null = null;
let broken = false;
/** The room closed while a batch was still being stored: the worker ends once it has answered. */
let stopWhenIdle = false;
let seq = 0;
const waiting = new Map<number, { items: PhoneScores[]; resolve: (r: PhoneScoreResult[]) => void }>();

function startWorker(): Worker | null {
  stopWhenIdle = false;
  if (worker) return worker;
  if (broken || typeof Worker === 'undefined') return null;
  try {
    worker = new Worker(new URL('../db/phone-score-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    broken = true;
    return null;
  }
  worker.onmessage = (e: MessageEvent<PhoneScoreDone>) => {
    const job = waiting.get(e.data.id);
    waiting.delete(e.data.id);
    job?.resolve(e.data.results);
    if (stopWhenIdle) stopPhoneScoreWriter();
  };
  // A worker that cannot load (or dies) hands its batches back to the page: none is lost.
  worker.onerror = () => {
    broken = true;
    worker?.terminate();
    worker = null;
    const jobs = [...waiting.values()];
    waiting.clear();
    for (const job of jobs) void repos.scoring.setPhoneScoresMany(job.items).then(job.resolve);
  };
  return worker;
}

/** When the last batch of phone scores was handed over to be stored (performance.now()). */
let lastBatchAt = -Infinity;

/**
 * True while phones are sending scores (a batch within the last 3 s): background work such as
 * fetching the other screens' code waits, since parsing a large chunk holds the window ~100 ms
 * and every phone's "received" with it.
 */
export function phonesSending(): boolean {
  return performance.now() - lastBatchAt < 3000;
}

/** Stores a batch of phone submissions; one answer per item, in order. */
export function storePhoneScores(items: PhoneScores[]): Promise<PhoneScoreResult[]> {
  lastBatchAt = performance.now();
  const w = startWorker();
  if (!w) return repos.scoring.setPhoneScoresMany(items);
  return new Promise((resolve) => {
    seq += 1;
    waiting.set(seq, { items, resolve });
    const job: PhoneScoreJob = { id: seq, dbName: dbNameInUse, items };
    w.postMessage(job);
  });
}

/**
 * Starts the worker and its database connection as the room opens, so the first phones do not
 * wait for the worker's code to load and the database to open (the worker used to start with the
 * first batch, which then took about 100 ms longer on a busy laptop).
 */
export function warmPhoneScoreWriter(): void {
  const w = startWorker();
  if (!w) return;
  const job: PhoneScoreJob = { id: 0, dbName: dbNameInUse, items: [] };
  w.postMessage(job);
}

/** Ends the worker when the room closes (a batch still being stored is answered first). */
export function stopPhoneScoreWriter(): void {
  if (!worker) return;
  stopWhenIdle = waiting.size > 0;
  if (stopWhenIdle) return;
  worker.terminate();
  worker = null;
}
