// The room's phone scores are stored by a worker on its own connection (db/phone-score-job.ts):
// the same repository rules as on the page, every item answered, and the page's read models told
// about the change through Dexie's change events (db/changes.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeTestWorkshop, openTestWorkshop, type TestWorkshop } from './test-workshop';
import { closePhoneScoreDb, storePhoneScoreJob } from '../../../renderer/db/phone-score-job';
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
