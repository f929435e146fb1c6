// The page's side of the room's worker (app/phone-score-writer.ts): jobs go to the worker and come
// back by id; a worker that dies hands every waiting job back to the page, so none is lost; the
// worker ends when the room closes, after answering what it still holds; the page's reads go
// through it only while this workshop's room is open.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const repos = vi.hoisted(() => ({
  scoring: { setPhoneScoresMany: vi.fn(async (items: unknown[]) => items.map(() => ({ ok: true, changed: true }))), portfolioRows: vi.fn(async () => ({ from: 'page' })) },
  history: { peek: vi.fn(async () => ({ undoLabel: 'page' })) },
}));
const store = vi.hoisted(() => ({ room: null as { workshopId: string } | null }));
vi.mock('../../../renderer/app/repos', () => ({ repos, dbNameInUse: 'liftoff-test' }));
vi.mock('../../../renderer/app/store', () => ({ useAppStore: { getState: () => store } }));

class FakeWorker {
  static made: FakeWorker[] = [];
  posted: { id: number; [k: string]: unknown }[] = [];
  terminated = false;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(message: { id: number }) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  answer(data: unknown) {
    this.onmessage?.({ data });
  }
}

let writer: typeof import('../../../renderer/app/phone-score-writer');
beforeEach(async () => {
  vi.resetModules();
  FakeWorker.made = [];
  vi.stubGlobal('Worker', FakeWorker);
  store.room = null;
  writer = await import('../../../renderer/app/phone-score-writer');
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.clearAllMocks();
});

const item = { roundId: 'r', participantId: 'p', useCaseId: 'u', scores: { impact: 1, feasibility: 2, readiness: 3 } };

describe('the room’s worker, from the page', () => {
  it('answers each job by its id, whatever order the worker answers in', async () => {
    const a = writer.storePhoneScores([item]);
    const b = writer.readPortfolioRowsInWorker('w-1');
    const w = FakeWorker.made[0]!;
    expect(w.posted.map((p) => [p.id, p.dbName, 'read' in p ? p.read : 'store'])).toEqual([
      [1, 'liftoff-test', 'store'],
      [2, 'liftoff-test', 'portfolio'],
    ]);
    w.answer({ id: 2, rows: { from: 'worker' } });
    w.answer({ id: 1, results: [{ ok: false, status: 409, message: 'Revealed.' }] });
    await expect(b).resolves.toEqual({ from: 'worker' });
    await expect(a).resolves.toEqual([{ ok: false, status: 409, message: 'Revealed.' }]);
    expect(repos.scoring.setPhoneScoresMany).not.toHaveBeenCalled();
  });

  it('hands every waiting job back to the page when the worker dies, and a read the worker could not do too', async () => {
    const stored = writer.storePhoneScores([item, item]);
    const peek = writer.peekHistoryInWorker('w-1');
    const read = writer.readPortfolioRowsInWorker('w-1');
    const w = FakeWorker.made[0]!;
    w.answer({ id: 3, error: 'The database is closing.' });
    await expect(read).resolves.toEqual({ from: 'page' });
    w.onerror?.();
    await expect(stored).resolves.toEqual([{ ok: true, changed: true }, { ok: true, changed: true }]);
    await expect(peek).resolves.toEqual({ undoLabel: 'page' });
    expect(w.terminated).toBe(true);
    // From now on the page does it itself.
    await writer.storePhoneScores([item]);
    expect(FakeWorker.made).toHaveLength(1);
    expect(repos.scoring.setPhoneScoresMany).toHaveBeenCalledTimes(2);
  });

  it('ends the worker when the room closes, after it has answered what it still holds', async () => {
    const job = writer.storePhoneScores([item]);
    const w = FakeWorker.made[0]!;
    writer.stopPhoneScoreWriter();
    expect(w.terminated).toBe(false);
    w.answer({ id: 1, results: [{ ok: true, changed: true }] });
    await job;
    expect(w.terminated).toBe(true);
    // A new room starts a new worker.
    void writer.storePhoneScores([item]);
    expect(FakeWorker.made).toHaveLength(2);
  });

  it('reads through the worker only while this workshop’s room is open', () => {
    expect(writer.readsInRoomWorker('w-1')).toBe(false);
    store.room = { workshopId: 'w-2' };
    expect(writer.readsInRoomWorker('w-1')).toBe(false);
    store.room = { workshopId: 'w-1' };
    expect(writer.readsInRoomWorker('w-1')).toBe(true);
  });
});
