// A fresh database per test with one workshop and one use case in it, for repository tests.
import { createRepos, type Repos } from '../../../renderer/db';
import { createDb, type LiftoffDb } from '../../../renderer/db/schema';

export type TestWorkshop = { db: LiftoffDb; repos: Repos; workshopId: string; useCaseId: string };

let n = 0;

export async function openTestWorkshop(prefix: string): Promise<TestWorkshop> {
  const db = createDb(`${prefix}-${Date.now()}-${n++}`);
  const repos = createRepos(db);
  const ws = await repos.workshops.create({ name: 'Insurer AI day', client: 'Northwind Mutual', facilitator: 'Zoë Müller', workshopDate: '2026-12-01', roadmapStartDate: '' });
  const useCaseId = (await repos.useCases.add(ws.id, { title: 'Claims triage' })).id;
  return { db, repos, workshopId: ws.id, useCaseId };
}

export async function closeTestWorkshop(db: LiftoffDb): Promise<void> {
  db.close();
  await db.delete();
}
