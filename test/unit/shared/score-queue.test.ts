// The phones' scores on their way to the store: one batch at a time, what arrives meanwhile goes
// together in the next batch, every phone is answered once, after the commit that holds its
// scores, and a phone that sends twice in quick succession still has one score per criterion.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scoreQueue, type ScoreRequest } from '../../../renderer/shared/score-queue';
import type { PhoneScoreResult } from '../../../renderer/db/scoring-repo';
import type { RoomAnswer } from '../../../room/protocol';
import { closeTestWorkshop, openTestWorkshop, type TestWorkshop } from '../db/test-workshop';

const request = (n: number, over: Partial<ScoreRequest> = {}): ScoreRequest => ({
  kind: 'score',
  requestId: `r-${n}`,
  deviceId: `d-${n}`,
  participantId: `p-${n}`,
  roundId: 'round',
  useCaseId: 'uc',
  scores: { impact: 3, feasibility: 4, readiness: 2 },
  ...over,
});
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('the score queue', () => {
  it('hands one batch to the store at a time, and what arrives meanwhile goes in the next batch', async () => {
    const calls: { items: ScoreRequest[]; done: (r: PhoneScoreResult[]) => void }[] = [];
    const answers: RoomAnswer[][] = [];
    const enqueue = scoreQueue(
      (items) => new Promise((done) => calls.push({ items, done })),
      (a) => answers.push(a),
    );
    for (let i = 1; i <= 7; i++) enqueue(request(i));
    await flush();
    // The first arrival went at once; the next six wait for its commit, then go together.
    expect(calls.map((c) => c.items.map((x) => x.requestId))).toEqual([['r-1']]);
    calls[0]?.done([{ ok: true, changed: true }]);
    await flush();
    expect(answers).toEqual([[{ requestId: 'r-1', ok: true }]]);
    expect(calls[1]?.items.map((x) => x.requestId)).toEqual(['r-2', 'r-3', 'r-4', 'r-5', 'r-6', 'r-7']);
    calls[1]?.done([{ ok: false, status: 409, message: 'revealed' }, ...Array.from({ length: 5 }, () => ({ ok: true as const, changed: true }))]);
    await flush();
    expect(answers.flat().map((a) => a.requestId)).toEqual(['r-1', 'r-2', 'r-3', 'r-4', 'r-5', 'r-6', 'r-7']);
    expect(answers[1]?.[0]).toEqual({ requestId: 'r-2', ok: false, status: 409, message: 'revealed' });
    expect(calls).toHaveLength(2);
  });

  it('answers every phone of a batch whose store failed outright, so each one resends', async () => {
    const answers: RoomAnswer[] = [];
    const enqueue = scoreQueue(
      () => Promise.reject(new Error('gone')),
      (a) => answers.push(...a),
    );
    enqueue(request(1));
    enqueue(request(2));
    await flush();
    await flush();
    expect(answers.map((a) => [a.requestId, a.ok])).toEqual([
      ['r-1', false],
      ['r-2', false],
    ]);
  });
});

describe('the score queue over the real store', () => {
  let t: TestWorkshop;
  beforeEach(async () => {
    t = await openTestWorkshop('score-queue');
  });
  afterEach(async () => {
    await closeTestWorkshop(t.db);
  });

  it('a phone that sends twice in quick succession keeps one score per criterion, the later values', async () => {
    const people = [];
    for (const name of ['이서연', 'Jürgen Weiß', 'Ana']) people.push(await t.repos.participants.add(t.workshopId, { name, role: 'other' }));
    const round = await t.repos.scoring.startRound(t.useCaseId);
    const answers: RoomAnswer[] = [];
    let answered: () => void = () => undefined;
    const all = new Promise<void>((r) => (answered = r));
    const enqueue = scoreQueue(
      (items) => t.repos.scoring.setPhoneScoresMany(items),
      (a) => {
        answers.push(...a);
        if (answers.length === 5) answered();
      },
    );
    const at = (n: number, participantId: string, impact: number) =>
      request(n, { participantId, roundId: round.id, useCaseId: t.useCaseId, scores: { impact, feasibility: 2, readiness: 5 } });
    enqueue(at(1, people[0]!.id, 1));
    enqueue(at(2, people[0]!.id, 4));
    enqueue(at(3, people[1]!.id, 2));
    enqueue(at(4, people[2]!.id, 3));
    enqueue(at(5, people[0]!.id, 5));
    await all;
    expect(answers.every((a) => a.ok)).toBe(true);
    const scores = await t.repos.scoring.scoresOfRound(round.id);
    expect(scores).toHaveLength(9);
    const impactOf = (id: string) => scores.filter((s) => s.participantId === id && s.criterion === 'impact').map((s) => s.value);
    expect(impactOf(people[0]!.id)).toEqual([5]);
    expect(impactOf(people[1]!.id)).toEqual([2]);
  });
});
