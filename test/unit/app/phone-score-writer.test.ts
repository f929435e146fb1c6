// The page's side of the phone-score worker (app/phone-score-writer.ts): batches go to the worker
// and come back by id; a worker that dies hands every waiting batch back to the page, so none is
// lost; the worker ends when the room closes, after answering what it still holds.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const repos = vi.hoisted(() => ({
  scoring: { setPhoneScoresMany: vi.fn(async (items: unknown[]) => items.map(() => ({ ok: true, changed: true }))) },
}));
vi.mock('../../../renderer/app/repos', () => ({ repos, dbNameInUse: 'liftoff-test' }));

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
  writer = await import('../../../renderer/app/phone-score-writer');
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.clearAllMocks();
});

const item = { roundId: 'r', participantId: 'p', useCaseId: 'u', scores: { impact: 1, feasibility: 2, readiness: 3 } };

describe('the room’s worker, from the page', () => {
  it('answers each batch by its id, whatever order the worker answers in', async () => {
    const a = writer.storePhoneScores([item]);
    const b = writer.storePhoneScores([item, item]);
    const w = FakeWorker.made[0]!;
    expect(w.posted.map((p) => [p.id, p.dbName])).toEqual([
      [1, 'liftoff-test'],
      [2, 'liftoff-test'],
    ]);
    w.answer({ id: 2, results: [{ ok: true, changed: true }, { ok: true, changed: false }] });
    w.answer({ id: 1, results: [{ ok: false, status: 409, message: 'Revealed.' }] });
    await expect(b).resolves.toEqual([{ ok: true, changed: true }, { ok: true, changed: false }]);
    await expect(a).resolves.toEqual([{ ok: false, status: 409, message: 'Revealed.' }]);
    expect(repos.scoring.setPhoneScoresMany).not.toHaveBeenCalled();
  });

  it('hands every waiting batch back to the page when the worker dies, and stores on the page from then on', async () => {
    const first = writer.storePhoneScores([item, item]);
    const second = writer.storePhoneScores([item]);
    const w = FakeWorker.made[0]!;
    w.onerror?.();
    await expect(first).resolves.toEqual([{ ok: true, changed: true }, { ok: true, changed: true }]);
    await expect(second).resolves.toEqual([{ ok: true, changed: true }]);
    expect(w.terminated).toBe(true);
    await writer.storePhoneScores([item]);
    expect(FakeWorker.made).toHaveLength(1);
    expect(repos.scoring.setPhoneScoresMany).toHaveBeenCalledTimes(3);
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
});
