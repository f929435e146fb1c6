// The room's phone scores are stored by a worker on its own connection (db/phone-score-job.ts):
// the same repository rules as on the page, every item answered, and the page's read models told
// about the change through Dexie's change events (db/changes.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeTestWorkshop, openTestWorkshop, type TestWorkshop } from './test-workshop';
import { closePhoneScoreDb, readPortfolioJob, storePhoneScoreJob } from '../../../renderer/db/phone-score-job';
import { onTablesChanged } from '../../../renderer/db/changes';

let t: TestWorkshop;
beforeEach(async () => {
  t = await openTestWorkshop('phone-score-worker');
});
afterEach(async () => {
  closePhoneScoreDb();
  await closeTestWorkshop(t.db);
});

describe('the phone-score worker’s job', () => {
  it('stores a batch through its own connection as masked scores and answers each item, a refusal included', async () => {
    const a = await t.repos.participants.add(t.workshopId, { name: 'Jürgen Weiß', role: 'other' });
    const b = await t.repos.participants.add(t.workshopId, { name: 'محمد الأحمد', role: 'other' });
    const round = await t.repos.scoring.startRound(t.useCaseId);
    const scores = { impact: 4, feasibility: 2, readiness: 5 };
    const done = await storePhoneScoreJob({
      id: 7,
      dbName: t.db.name,
      items: [
        { roundId: round.id, participantId: a.id, useCaseId: t.useCaseId, scores },
        { roundId: round.id, participantId: b.id, useCaseId: t.useCaseId, scores },
        { roundId: round.id, participantId: 'nobody', useCaseId: t.useCaseId, scores },
      ],
    });
    expect(done.id).toBe(7);
    expect(done.results.map((r) => r.ok)).toEqual([true, true, false]);
    expect(done.results[2]).toMatchObject({ status: 404 });
    const stored = await t.repos.scoring.scoresOfRound(round.id);
    expect(stored).toHaveLength(6);
    expect((await t.repos.scoring.roundsFor(t.useCaseId))[0]?.revealedAt).toBeNull();
    // One undo step for the batch, as if the page had written it.
    const steps = await t.db.history.where('workshopId').equals(t.workshopId).toArray();
    expect(steps.at(-1)?.label).toBe('Scores from 2 phones');
  });

  it('answers every item with a refusal, and stores nothing, when the round was revealed', async () => {
    const a = await t.repos.participants.add(t.workshopId, { name: 'Zoë', role: 'other' });
    const round = await t.repos.scoring.startRound(t.useCaseId);
    await t.repos.scoring.reveal(round.id);
    const done = await storePhoneScoreJob({ id: 1, dbName: t.db.name, items: [{ roundId: round.id, participantId: a.id, useCaseId: t.useCaseId, scores: { impact: 1, feasibility: 1, readiness: 1 } }] });
    expect(done.results).toEqual([expect.objectContaining({ ok: false, status: 409 })]);
    expect(await t.repos.scoring.scoresOfRound(round.id)).toEqual([]);
  });
});

describe('the worker’s portfolio read (during a room)', () => {
  it('reads the same rows as the page, scores stored by phones included', async () => {
    const a = await t.repos.participants.add(t.workshopId, { name: '김민준', role: 'other' });
    const round = await t.repos.scoring.startRound(t.useCaseId);
    await storePhoneScoreJob({ id: 1, dbName: t.db.name, items: [{ roundId: round.id, participantId: a.id, useCaseId: t.useCaseId, scores: { impact: 5, feasibility: 1, readiness: 3 } }] });
    const done = await readPortfolioJob({ id: 3, dbName: t.db.name, read: 'portfolio', workshopId: t.workshopId });
    expect(done.id).toBe(3);
    if (!('rows' in done)) throw new Error(done.error);
    expect(done.rows).toEqual(await t.repos.scoring.portfolioRows(t.workshopId));
    expect(done.rows.scores.map((s) => s.value).sort()).toEqual([1, 3, 5]);
    expect(done.rows.participants.map((p) => p.name)).toContain('김민준');
    // The undo button's labels, read there too: the phones' batch is the step to undo.
    const peek = await readPortfolioJob({ id: 5, dbName: t.db.name, read: 'history-peek', workshopId: t.workshopId });
    expect(peek).toEqual({ id: 5, peek: await t.repos.history.peek(t.workshopId) });
    expect('peek' in peek && peek.peek.undoLabel).toBe('Scores from a phone');
  });
});

describe('change events by table', () => {
  it('tell a listener about a stored change to one of its tables of its database, and not about others', async () => {
    const heard: string[] = [];
    const offScores = onTablesChanged(t.db.name, ['scores'], () => heard.push('scores'));
    const offRisks = onTablesChanged(t.db.name, ['risks'], () => heard.push('risks'));
    const offOther = onTablesChanged('another-database', ['scores'], () => heard.push('other'));
    const a = await t.repos.participants.add(t.workshopId, { name: 'Ana', role: 'other' });
    const round = await t.repos.scoring.startRound(t.useCaseId);
    heard.length = 0;
    await t.repos.scoring.setPhoneScores(round.id, a.id, t.useCaseId, { impact: 2, feasibility: 3, readiness: 4 });
    offScores();
    offRisks();
    offOther();
    expect(heard).toEqual(['scores']);
    await t.repos.scoring.setPhoneScores(round.id, a.id, t.useCaseId, { impact: 3, feasibility: 3, readiness: 4 });
    expect(heard).toEqual(['scores']);
  });
});
