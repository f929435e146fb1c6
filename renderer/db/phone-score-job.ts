// Stores the scores the room's phones send, off the page's main thread (the worker is
// phone-score-worker.ts; the page's side is app/phone-score-writer.ts). With 200 phones sending at
// once the page is busy drawing who has scored; written from the page, each stored batch waited
// for that drawing between its reads, and every phone waited for "received" with it. The worker
// runs the same repository code (setPhoneScoresMany: the same checks, masked rows, audit entry
// and undo step) on its own connection to the same database; Dexie tells the page's live queries
// about the change (it broadcasts every stored change to the origin's other connections), so the
// screens update as if the page had written it.
import { createDb, type LiftoffDb } from './schema';
import { scoringRepo, type PhoneScoreResult, type PhoneScores } from './scoring-repo';
import type { PortfolioRows } from '../domain/portfolio';
import { canUndoRedo } from './unit-of-work';

export type PhoneScoreJob = { id: number; dbName: string; items: PhoneScores[] };
export type PhoneScoreDone = { id: number; results: PhoneScoreResult[] };
/**
 * While a room is open the page reads the portfolio here too: a read transaction of the page stays
 * open until the page's busy main thread has taken its result, and every phone's write waits for
 * it; here nothing delays it.
 */
export type PortfolioReadJob = { id: number; dbName: string; read: 'portfolio' | 'history-peek'; workshopId: string };
export type UndoRedoPeek = Awaited<ReturnType<typeof canUndoRedo>>;
export type PortfolioReadDone = { id: number; rows: PortfolioRows } | { id: number; peek: UndoRedoPeek } | { id: number; error: string };

let open: { name: string; db: LiftoffDb; repo: ReturnType<typeof scoringRepo> } | null = null;

function dbFor(dbName: string): { db: LiftoffDb; repo: ReturnType<typeof scoringRepo> } {
  if (!open || open.name !== dbName) {
    open?.db.close();
    const db = createDb(dbName);
    open = { name: dbName, db, repo: scoringRepo(db) };
  }
  return open;
}
const repoFor = (dbName: string) => dbFor(dbName).repo;

/** Reads the portfolio's rows, or the next undo and redo steps; a failure comes back as its message (the page then reads itself). */
export async function readPortfolioJob(job: PortfolioReadJob): Promise<PortfolioReadDone> {
  try {
    if (job.read === 'history-peek') return { id: job.id, peek: await canUndoRedo(dbFor(job.dbName).db, job.workshopId) };
    return { id: job.id, rows: await repoFor(job.dbName).portfolioRows(job.workshopId) };
  } catch (error) {
    return { id: job.id, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Stores one batch (the repository answers each item, refusals included); never throws. */
export async function storePhoneScoreJob(job: PhoneScoreJob): Promise<PhoneScoreDone> {
  try {
    return { id: job.id, results: await repoFor(job.dbName).setPhoneScoresMany(job.items) };
  } catch (error) {
    const message = error instanceof Error ? error.message.slice(0, 300) : 'The laptop could not store it.';
    return { id: job.id, results: job.items.map(() => ({ ok: false, status: 500, message })) };
  }
}

/** Closes the job's database connection (the room closed, or a test ends). */
export function closePhoneScoreDb(): void {
  open?.db.close();
  open = null;
}
