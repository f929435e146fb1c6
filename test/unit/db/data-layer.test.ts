// The data layer's four promises: history is bounded and read through its index, every write is
// validated against the model (and typed by table), reads that decide a write happen inside its
// transaction, and a write does not rewrite the workshop row every screen reads.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { closeTestWorkshop, openTestWorkshop, type TestWorkshop } from './test-workshop';
import { HISTORY_DEPTH, InvalidRowError, runWork, TRIM_EVERY, trimHistory } from '../../../renderer/db/unit-of-work';
import type { HistoryEntry } from '../../../renderer/db/history-model';
import type { Risk } from '../../../renderer/domain/model';

let t: TestWorkshop;
beforeEach(async () => {
  t = await openTestWorkshop('data-layer');
});
afterEach(async () => {
  await closeTestWorkshop(t.db);
});

/** Every table's rows, to prove a refused write left nothing behind. */
async function dumpAll(db: Dexie): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return JSON.stringify(out);
}

function filler(workshopId: string, n: number, state: HistoryEntry['state'] = 'done'): HistoryEntry[] {
  return Array.from({ length: n }, (_, i) => ({
    workshopId,
    at: '2026-12-01T09:00:00.000Z',
    label: `Old step ${i + 1}`,
    changes: [],
    state,
    coalesceKey: null,
    level: 'workshop' as const,
  }));
}

describe('undo history', () => {
  it('deletes the undone steps a new change makes unreachable, instead of keeping them', async () => {
    await t.repos.useCases.update(t.useCaseId, { problem: 'a' });
    await t.repos.useCases.update(t.useCaseId, { department: 'b' });
    await t.repos.history.undo(t.workshopId);
    await t.repos.history.undo(t.workshopId);
    expect(await t.db.history.where('workshopId').equals(t.workshopId).filter((h) => h.state === 'undone').count()).toBe(2);
    await t.repos.useCases.update(t.useCaseId, { notes: 'c' });
    const states = (await t.db.history.where('workshopId').equals(t.workshopId).toArray()).map((h) => h.state);
    expect(states).not.toContain('undone');
    expect(await t.repos.history.redo(t.workshopId)).toBeNull();
  });

  it(`keeps at most ${HISTORY_DEPTH} steps per workshop, deleting the oldest`, async () => {
    await t.db.history.bulkAdd(filler(t.workshopId, HISTORY_DEPTH + 50));
    // Trimming runs every TRIM_EVERY-th step, so at most that many writes reach it.
    // (Steps that do not coalesce: typing in one field within 2 s would merge into one step.)
    for (let i = 0; i < TRIM_EVERY; i++) await t.repos.useCases.setInitialScore(t.useCaseId, 'impact', (i % 5) + 1);
    const kept = await t.db.history.where('workshopId').equals(t.workshopId).toArray();
    expect(kept.length).toBeLessThanOrEqual(HISTORY_DEPTH + TRIM_EVERY);
    expect(kept.length).toBeGreaterThanOrEqual(HISTORY_DEPTH);
    // The oldest went; the newest edit is still the next undo.
    expect(kept.some((h) => h.label === 'Old step 1')).toBe(false);
    expect((await t.repos.history.peek(t.workshopId)).undoLabel).toBe('Edit the first impact score');
  }, 30_000);

  it('trims one workshop without touching another', async () => {
    const other = await t.repos.workshops.create({ name: 'Other', client: '', facilitator: '', workshopDate: '', roadmapStartDate: '' });
    await t.db.history.bulkAdd(filler(other.id, 30));
    await t.db.history.bulkAdd(filler(t.workshopId, 30));
    const before = await t.db.history.where('workshopId').equals(other.id).count();
    expect(await trimHistory(t.db, t.workshopId, 10)).toBeGreaterThan(0);
    expect(await t.db.history.where('workshopId').equals(t.workshopId).count()).toBe(10);
    expect(await t.db.history.where('workshopId').equals(other.id).count()).toBe(before);
  });

  it('finds the next undo and redo through the compound index, whatever the depth', async () => {
    await t.db.history.bulkAdd(filler(t.workshopId, 2000));
    await t.repos.useCases.update(t.useCaseId, { problem: 'newest' });
    expect((await t.repos.history.peek(t.workshopId)).undoLabel).toBe('Edit problem');
    await t.repos.history.undo(t.workshopId);
    expect(await t.repos.history.peek(t.workshopId)).toMatchObject({ undoLabel: 'Old step 2000', redoLabel: 'Edit problem' });
    // The index the lookups use exists on the table.
    expect(t.db.history.schema.idxByName['[workshopId+state+seq]']).toBeDefined();
  });

  it('seals a pilot design inside the unit of work that starts the pilot: undo can no longer reach its edits', async () => {
    await t.repos.pipeline.setPilotField(t.useCaseId, 'successCriteria', 'Routing time −30 %');
    const touching = () => t.db.history.filter((h) => h.changes.some((c) => c.table === 'pilotDesigns')).count();
    expect(await touching()).toBe(1);
    const draft = (from: 'readiness' | 'pilot-design', to: 'pilot-design' | 'pilot', criteria: string[]) => ({
      from,
      to,
      criteria: criteria.map((name) => ({ name, result: 'pass' as const, evidence: 'Seen in the workshop' })),
      decision: 'advance' as const,
      rationale: 'Ready',
      decidedBy: 'Zoë Müller',
      nextActionsOwner: '김민준',
      date: '2026-12-04',
    });
    const { criteriaFor } = await import('../../../renderer/domain/stages');
    await t.repos.pipeline.recordDecision(t.useCaseId, draft('readiness', 'pilot-design', criteriaFor('readiness', 'pilot-design')));
    expect(await touching()).toBe(1);
    await t.repos.pipeline.recordDecision(t.useCaseId, draft('pilot-design', 'pilot', criteriaFor('pilot-design', 'pilot')));
    expect(await touching()).toBe(0);
  });
});

describe('validated, typed writes', () => {
  it('refuses a row the model refuses, names the field, and stores nothing of the step', async () => {
    const before = await dumpAll(t.db);
    await expect(t.repos.useCases.setInitialScore(t.useCaseId, 'impact', 7)).rejects.toThrow('A score is a whole number from 1 to 5.');
    await expect(t.repos.useCases.update(t.useCaseId, { title: 'x'.repeat(301) })).rejects.toThrow('Title is limited to 300 characters.');
    await expect(t.repos.useCases.placeOnMatrix(t.useCaseId, 0, 3)).rejects.toThrow('A consensus score is a whole number from 1 to 5.');
    await expect(t.repos.workshops.setWeight(t.workshopId, 'impact', -1)).rejects.toThrow('A weight is a number from 0 to 100.');
    await expect(t.repos.risks.update((await t.repos.risks.add(t.workshopId, { title: 'R' })).id, { owner: 'o'.repeat(400) })).rejects.toThrow(/at most 300/);
    const round = await t.repos.scoring.startRound(t.useCaseId);
    const p = await t.repos.participants.add(t.workshopId, { name: '김민준', role: 'end-user' });
    const snapshot = await dumpAll(t.db);
    await expect(t.repos.scoring.setScore(round.id, p.id, 'impact', 2.5)).rejects.toThrow('A score is a whole number from 1 to 5.');
    expect(await dumpAll(t.db)).toBe(snapshot);
    expect(before).not.toBe(snapshot);
  });

  it('validates rows that a repository builds itself, before anything is written', async () => {
    const before = await dumpAll(t.db);
    await expect(
      runWork(t.db, { workshopId: t.workshopId, label: 'Broken' }, async (w) => {
        await w.update('useCases', t.useCaseId, { notes: 'kept only if the whole step is valid' });
        await w.put('risks', { id: 'r1', workshopId: t.workshopId, title: '' } as Risk);
      }),
    ).rejects.toBeInstanceOf(InvalidRowError);
    expect(await dumpAll(t.db)).toBe(before);
  });

  it('types each table with its own row', async () => {
    await runWork(t.db, { workshopId: t.workshopId, label: 'Typed' }, async (w) => {
      const uc = await w.require('useCases', t.useCaseId);
      expect(uc.title).toBe('Claims triage');
      // @ts-expect-error a risk's fields are not a use case's: this must not compile.
      const wrong: Parameters<typeof w.update<'useCases'>>[2] = { likelihood: 3 };
      expect(wrong).toBeDefined();
    });
  });

  it('says plainly that a row is gone, for every table, from one place', async () => {
    await expect(t.repos.useCases.update('gone', { title: 'x' })).rejects.toThrow('That use case no longer exists (it may have been deleted or undone).');
    await expect(t.repos.kpis.update('gone', { name: 'x' })).rejects.toThrow('That KPI no longer exists');
    await expect(t.repos.scoring.setDiscussion('gone', 'x')).rejects.toThrow('That scoring round no longer exists');
    await expect(t.repos.participants.update('gone', { name: 'x' })).rejects.toThrow('That participant no longer exists');
  });
});

describe('reads that decide a write happen inside it', () => {
  it('a score sent after the reveal is refused even when both are in flight together', async () => {
    const round = await t.repos.scoring.startRound(t.useCaseId);
    const p = await t.repos.participants.add(t.workshopId, { name: 'Zoë', role: 'end-user' });
    const results = await Promise.allSettled([t.repos.scoring.reveal(round.id), t.repos.scoring.setScore(round.id, p.id, 'impact', 4)]);
    expect(results[0].status).toBe('fulfilled');
    expect(results[1].status).toBe('rejected');
    expect(await t.db.scores.count()).toBe(0);
  });

  it('two quick taps of the same score store one row', async () => {
    const round = await t.repos.scoring.startRound(t.useCaseId);
    const p = await t.repos.participants.add(t.workshopId, { name: 'Zoë', role: 'end-user' });
    await Promise.all([t.repos.scoring.setScore(round.id, p.id, 'impact', 4), t.repos.scoring.setScore(round.id, p.id, 'impact', 4)]);
    expect(await t.db.scores.where('roundId').equals(round.id).count()).toBe(1);
  });

  it('two quick adds of the same participant add one', async () => {
    const results = await Promise.allSettled([
      t.repos.participants.add(t.workshopId, { name: 'Jürgen Weiß', role: 'end-user' }),
      t.repos.participants.add(t.workshopId, { name: 'jürgen weiß', role: 'end-user' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await t.repos.participants.list(t.workshopId)).toHaveLength(1);
  });
});

describe('a unit of work keeps its transaction', () => {
  // Dexie follows a transaction across native awaits through a "zone" that it keeps alive for a
  // limited number of awaits of promises that are not its own. A body that awaits many plain
  // async helpers in a row (one per phone, one per imported row) used to lose the zone: its later
  // writes then went to transactions of their own, and the unit failed "committed too early"
  // with part of it stored. The writer now writes to its transaction by name.
  it('writes made after 500 awaits of plain async helpers are still one step: all stored, one undo takes them back', async () => {
    const plain = async (n: number) => n;
    const template = await t.repos.risks.add(t.workshopId, { title: 'Template' });
    const steps = await t.db.history.count();
    await runWork(t.db, { workshopId: t.workshopId, label: 'Many awaits' }, async (w) => {
      for (let i = 0; i < 500; i++) await plain(i);
      for (let i = 0; i < 3; i++) {
        await w.put('risks', { ...template, id: `late-${i}`, title: `Late ${i}` });
        for (let j = 0; j < 200; j++) await plain(j);
      }
    });
    expect(await t.db.risks.where('id').startsWith('late-').count()).toBe(3);
    expect(await t.db.history.count()).toBe(steps + 1);
    await t.repos.history.undo(t.workshopId);
    expect(await t.db.risks.where('id').startsWith('late-').count()).toBe(0);
  });
});

describe('last changed', () => {
  it('is noted apart from the workshop row, which a use-case edit leaves as it was', async () => {
    const row = await t.repos.workshops.get(t.workshopId);
    await new Promise((r) => setTimeout(r, 5));
    await t.repos.useCases.update(t.useCaseId, { problem: 'Routing by hand takes two days' });
    expect(await t.repos.workshops.get(t.workshopId)).toEqual(row);
    const changed = (await t.repos.workshops.lastChanges()).get(t.workshopId) ?? '';
    expect(changed > (row?.updatedAt ?? '')).toBe(true);
  });

  it('orders the home screen by the last change anywhere in a workshop, and forgets a deleted one', async () => {
    const other = await t.repos.workshops.create({ name: 'Other', client: '', facilitator: '', workshopDate: '', roadmapStartDate: '' });
    expect((await t.repos.workshops.list())[0]?.id).toBe(other.id);
    await new Promise((r) => setTimeout(r, 5));
    await t.repos.useCases.update(t.useCaseId, { notes: 'later' });
    expect((await t.repos.workshops.list())[0]?.id).toBe(t.workshopId);
    await t.repos.workshops.remove(t.workshopId);
    expect(await t.db.workshopActivity.get(t.workshopId)).toBeUndefined();
  });
});
