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

export type PhoneScoreJob = { id: number; dbName: string; items: PhoneScores[] };
export type PhoneScoreDone = { id: number; results: PhoneScoreResult[] };

let open: { name: string; db: LiftoffDb; repo: ReturnType<typeof scoringRepo> } | null = null;

/** Stores one batch (the repository answers each item, refusals included); never throws. */
export async function storePhoneScoreJob(job: PhoneScoreJob): Promise<PhoneScoreDone> {
  try {
    if (!open || open.name !== job.dbName) {
      open?.db.close();
      const db = createDb(job.dbName);
      open = { name: job.dbName, db, repo: scoringRepo(db) };
    }
    return { id: job.id, results: await open.repo.setPhoneScoresMany(job.items) };
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
