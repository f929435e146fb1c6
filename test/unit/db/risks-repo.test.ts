import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepos, type Repos } from '../../../renderer/db';
import { createDb, type LiftoffDb } from '../../../renderer/db/schema';
import type { Risk, UseCase } from '../../../renderer/domain/model';

let db: LiftoffDb;
let repos: Repos;
let workshopId: string;
let claims: UseCase;
let mail: UseCase;
let n = 0;

beforeEach(async () => {
  db = createDb(`risks-${Date.now()}-${n++}`);
  repos = createRepos(db);
  const ws = await repos.workshops.create({ name: 'Insurer AI day', client: 'Northwind Mutual', facilitator: 'Zoë Müller', workshopDate: '2026-12-01', roadmapStartDate: '2027-01-04' });
  workshopId = ws.id;
  claims = await repos.useCases.add(workshopId, { title: 'Claims triage' });
  mail = await repos.useCases.add(workshopId, { title: 'Mail routing' });
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const titles = async () => (await repos.risks.list(workshopId)).map((r) => r.title).sort();

describe('adding risks', () => {
  it('adds a workshop-wide risk with sensible defaults and a use-case risk with every field', async () => {
    const wide = await repos.risks.add(workshopId, { title: '  Vendor lock-in  ' });
    expect(wide).toMatchObject({ workshopId, useCaseId: null, title: 'Vendor lock-in', category: 'operational', likelihood: 3, impact: 3, status: 'open', dueDate: '', owner: '', mitigation: '' });
    const drift = await repos.risks.add(workshopId, {
      title: 'Model drift after the March tariff change',
      useCaseId: claims.id,
      category: 'model',
      likelihood: 4,
      impact: 5,
      owner: 'Łukasz Nowak',
      mitigation: 'Weekly drift report; retrain trigger at PSI > 0.2',
      status: 'mitigating',
      dueDate: '2027-02-15',
    });
    expect(await repos.risks.get(drift.id)).toEqual(drift);
    expect(await titles()).toEqual(['Model drift after the March tariff change', 'Vendor lock-in']);
    expect((await repos.audit.list(workshopId)).map((a) => a.action)).toContain('Add risk "Vendor lock-in"');
  });

  it('refuses an empty title, a likelihood or impact outside 1–5, an impossible date, and stores nothing', async () => {
    await expect(repos.risks.add(workshopId, { title: '   ' })).rejects.toThrow(/title/);
    await expect(repos.risks.add(workshopId, { title: 'A', likelihood: 6 })).rejects.toThrow(/Likelihood/);
    await expect(repos.risks.add(workshopId, { title: 'B', likelihood: 0 })).rejects.toThrow(/Likelihood/);
    await expect(repos.risks.add(workshopId, { title: 'C', impact: 2.5 })).rejects.toThrow(/Impact/);
    await expect(repos.risks.add(workshopId, { title: 'D', dueDate: '2026-02-30' })).rejects.toThrow(/due date/);
    await expect(repos.risks.add(workshopId, { title: 'E', dueDate: '3/1/2026' })).rejects.toThrow(/due date/);
    await expect(repos.risks.add(workshopId, { title: 'F', useCaseId: 'not-a-use-case' })).rejects.toThrow(/use case/);
    expect(await repos.risks.list(workshopId)).toEqual([]);
    expect(await repos.history.peek(workshopId)).toMatchObject({ undoLabel: 'Add use case' });
  });

  it('refuses a use case of another workshop', async () => {
    const other = await repos.workshops.create({ name: 'Other', client: '', facilitator: '', workshopDate: '', roadmapStartDate: '' });
    const foreign = await repos.useCases.add(other.id, { title: 'Foreign' });
    await expect(repos.risks.add(workshopId, { title: 'X', useCaseId: foreign.id })).rejects.toThrow(/not in this workshop/);
    expect(await repos.risks.list(workshopId)).toEqual([]);
  });
});

describe('editing and removing', () => {
  let risk: Risk;
  beforeEach(async () => {
    risk = await repos.risks.add(workshopId, { title: 'Low adoption by adjusters', useCaseId: claims.id, likelihood: 2, impact: 3 });
  });

  it('edits fields and moves a risk to another use case or to the whole workshop', async () => {
    await repos.risks.update(risk.id, { likelihood: 5, impact: 4, status: 'mitigating', dueDate: '2027-01-31', owner: 'Zoë' });
    await repos.risks.update(risk.id, { useCaseId: mail.id });
    expect(await repos.risks.get(risk.id)).toMatchObject({ likelihood: 5, impact: 4, status: 'mitigating', dueDate: '2027-01-31', owner: 'Zoë', useCaseId: mail.id });
    await repos.risks.update(risk.id, { useCaseId: null, dueDate: '' });
    expect(await repos.risks.get(risk.id)).toMatchObject({ useCaseId: null, dueDate: '' });
  });

  it('refuses a wrong value without changing anything', async () => {
    const before = await repos.risks.get(risk.id);
    await expect(repos.risks.update(risk.id, { likelihood: 7 })).rejects.toThrow(/Likelihood/);
    await expect(repos.risks.update(risk.id, { impact: 0 })).rejects.toThrow(/Impact/);
    await expect(repos.risks.update(risk.id, { dueDate: '2026-13-01' })).rejects.toThrow(/due date/);
    await expect(repos.risks.update(risk.id, { title: '' })).rejects.toThrow(/title/);
    await expect(repos.risks.update(risk.id, { status: 'done' as Risk['status'] })).rejects.toThrow(/status/);
    await expect(repos.risks.update(risk.id, { useCaseId: 'gone' })).rejects.toThrow(/use case/);
    expect(await repos.risks.get(risk.id)).toEqual(before);
  });

  it('ignores fields that are not the risk’s to change', async () => {
    await repos.risks.update(risk.id, { workshopId: 'elsewhere', id: 'other', title: 'Renamed' } as never);
    expect(await repos.risks.get(risk.id)).toMatchObject({ id: risk.id, workshopId, title: 'Renamed' });
  });

  it('undoes an edit and a removal', async () => {
    await repos.risks.update(risk.id, { status: 'closed' });
    expect((await repos.history.undo(workshopId))?.label).toBe('Edit risk status');
    expect((await repos.risks.get(risk.id)).status).toBe('open');

    await repos.risks.remove(risk.id);
    expect(await repos.risks.list(workshopId)).toEqual([]);
    await expect(repos.risks.get(risk.id)).rejects.toThrow(/no longer exists/);
    expect((await repos.history.undo(workshopId))?.label).toBe('Remove risk "Low adoption by adjusters"');
    expect(await repos.risks.get(risk.id)).toMatchObject({ title: 'Low adoption by adjusters', useCaseId: claims.id });
    await repos.history.redo(workshopId);
    expect(await repos.risks.list(workshopId)).toEqual([]);
  });

  it('merges typing in one field into one undo step', async () => {
    for (const t of ['R', 'Re', 'Ret', 'Retrain']) await repos.risks.update(risk.id, { mitigation: t });
    expect((await repos.risks.get(risk.id)).mitigation).toBe('Retrain');
    await repos.history.undo(workshopId);
    expect((await repos.risks.get(risk.id)).mitigation).toBe('');
  });
});

describe('deleting a use case', () => {
  it('takes its risks along, keeps the workshop-wide ones and the other use case’s, and undo brings them back', async () => {
    await repos.risks.add(workshopId, { title: 'Drift', useCaseId: claims.id });
    await repos.risks.add(workshopId, { title: 'PII in prompts', useCaseId: claims.id });
    await repos.risks.add(workshopId, { title: 'Misrouted mail', useCaseId: mail.id });
    await repos.risks.add(workshopId, { title: 'Vendor lock-in' });
    await repos.useCases.remove(claims.id);
    expect(await titles()).toEqual(['Misrouted mail', 'Vendor lock-in']);
    await repos.history.undo(workshopId);
    expect(await titles()).toEqual(['Drift', 'Misrouted mail', 'PII in prompts', 'Vendor lock-in']);
    expect((await repos.risks.list(workshopId)).filter((r) => r.useCaseId === claims.id)).toHaveLength(2);
  });
});
