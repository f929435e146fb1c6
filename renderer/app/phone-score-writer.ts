// The page's side of storing phone scores: batches go to a worker (db/phone-score-worker.ts) that
// writes them through the same repository on its own database connection, so the page's drawing
// never delays a phone's "received". While a room is open the page reads the portfolio there too
// (see PortfolioReadJob). Where there is no worker (a test without one) or the worker fails to
// start, the page writes and reads itself, the same way.
import type { PhoneScoreResult, PhoneScores } from '../db/scoring-repo';
import type { PhoneScoreDone, PhoneScoreJob, PortfolioReadDone, PortfolioReadJob, UndoRedoPeek } from '../db/phone-score-job';
import type { PortfolioRows } from '../domain/portfolio';
import { dbNameInUse, repos } from './repos';
import { useAppStore } from './store';

type Waiting = { resolve: (data: PhoneScoreDone | PortfolioReadDone) => void; onPage: () => void };

let worker: Worker | null = null;
let broken = false;
/** The room closed while a job was still running: the worker ends once it has answered. */
let stopWhenIdle = false;
let seq = 0;
const waiting = new Map<number, Waiting>();

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
  worker.onmessage = (e: MessageEvent<PhoneScoreDone | PortfolioReadDone>) => {
    const job = waiting.get(e.data.id);
    waiting.delete(e.data.id);
    job?.resolve(e.data);
    if (stopWhenIdle) stopPhoneScoreWriter();
  };
  // A worker that cannot load (or dies) hands its jobs back to the page: none is lost.
  worker.onerror = () => {
    broken = true;
    worker?.terminate();
    worker = null;
    const jobs = [...waiting.values()];
    waiting.clear();
    for (const job of jobs) job.onPage();
  };
  return worker;
}

/** Stores a batch of phone submissions; one answer per item, in order. */
export function storePhoneScores(items: PhoneScores[]): Promise<PhoneScoreResult[]> {
  const w = startWorker();
  if (!w) return repos.scoring.setPhoneScoresMany(items);
  return new Promise((resolve) => {
    seq += 1;
    waiting.set(seq, {
      resolve: (done) => resolve('results' in done ? done.results : []),
      onPage: () => void repos.scoring.setPhoneScoresMany(items).then(resolve),
    });
    const job: PhoneScoreJob = { id: seq, dbName: dbNameInUse, items };
    w.postMessage(job);
  });
}

/** `npm run bench` compares both ways in one run: this keeps the page's reads on the page during a room. */
const readsOnPage = (): boolean => {
  try {
    return globalThis.localStorage?.getItem('liftoff.roomReads') === 'page';
  } catch {
    return false;
  }
};

/**
 * Whether the page's live reads of this workshop go through the room's worker now: while its room
 * is open. A read of the page holds its transaction until the page's main thread, busy drawing who
 * has scored, takes the result, and every phone's write waits for it; the worker is never busy.
 */
export function readsInRoomWorker(workshopId: string): boolean {
  return useAppStore.getState().room?.workshopId === workshopId && !readsOnPage();
}

/** A read by the worker; what it could not read (or where no worker runs) the page reads itself with `onPage`. */
function readInWorker<T>(read: PortfolioReadJob['read'], workshopId: string, take: (done: PhoneScoreDone | PortfolioReadDone) => T | undefined, onPage: () => Promise<T>): Promise<T> {
  const w = startWorker();
  if (!w) return onPage();
  return new Promise((resolve, reject) => {
    seq += 1;
    const fallback = () => void onPage().then(resolve, reject);
    waiting.set(seq, {
      resolve: (done) => {
        const value = take(done);
        if (value === undefined) fallback();
        else resolve(value);
      },
      onPage: fallback,
    });
    const job: PortfolioReadJob = { id: seq, dbName: dbNameInUse, read, workshopId };
    w.postMessage(job);
  });
}

/** The portfolio's rows read by the worker (only while a room is open: it is the worker of the room). */
export function readPortfolioRowsInWorker(workshopId: string): Promise<PortfolioRows> {
  return readInWorker('portfolio', workshopId, (done) => ('rows' in done ? done.rows : undefined), () => repos.scoring.portfolioRows(workshopId));
}

/** The next undo and redo steps read by the worker (while a room is open, like the portfolio). */
export function peekHistoryInWorker(workshopId: string): Promise<UndoRedoPeek> {
  return readInWorker('history-peek', workshopId, (done) => ('peek' in done ? done.peek : undefined), () => repos.history.peek(workshopId));
}

/** Ends the worker when the room closes (a job still running is answered first). */
export function stopPhoneScoreWriter(): void {
  if (!worker) return;
  stopWhenIdle = waiting.size > 0;
  if (stopWhenIdle) return;
  worker.terminate();
  worker = null;
}
