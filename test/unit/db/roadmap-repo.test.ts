import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepos, type Repos } from '../../../renderer/db';
import { createDb, type LiftoffDb } from '../../../renderer/db/schema';
import { RoadmapRuleError } from '../../../renderer/db/roadmap-repo';
import { READINESS_DIMENSIONS, roadmapItemSchema, type RoadmapItem } from '../../../renderer/domain/model';
import { buildWorkshopFile, parseWorkshopFile, serializeWorkshopFile } from '../../../renderer/domain/workshop-file';

let db: LiftoffDb;
let repos: Repos;
let workshopId: string;
let ids: string[];
let n = 0;

beforeEach(async () => {
  db = createDb(`roadmap-${Date.now()}-${n++}`);
  repos = createRepos(db);
  const ws = await repos.workshops.create({ name: 'Insurer AI day', client: 'Northwind Mutual', facilitator: 'Zoë Müller', workshopDate: '2026-11-23', roadmapStartDate: '2026-11-30' });
  workshopId = ws.id;
  ids = [];
  for (const title of ['Claims triage', 'Fraud alerts', 'Broker email assistant']) ids.push((await repos.useCases.add(workshopId, { title })).id);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function itemsOf(useCaseId: string): Promise<RoadmapItem[]> {
  return (await repos.roadmap.list(workshopId)).filter((i) => i.useCaseId === useCaseId);
}
async function find(useCaseId: string, kind: 'phase' | 'gate', key: string): Promise<RoadmapItem> {
  const item = (await itemsOf(useCaseId)).find((i) => i.kind === kind && i.phaseKey === key);
  if (!item) throw new Error(`no ${kind} ${key}`);
  return item;
}
const pilotStart = async (useCaseId: string) => (await find(useCaseId, 'phase', 'pilot')).startDay;

describe('the roadmap repository', () => {
  it('adds use cases with the template phases and gates, staggered by the pilots-at-once setting', async () => {
    expect(await repos.roadmap.addUseCases(workshopId, ids)).toBe(3);
    const all = await repos.roadmap.list(workshopId);
    expect(all).toHaveLength(30);
    for (const row of all) expect(roadmapItemSchema.safeParse(row).success).toBe(true);
    // The default is two pilots at once: the third waits for the first two.
    expect(await Promise.all(ids.map(pilotStart))).toEqual([21, 21, 51]);
    expect((await repos.history.undo(workshopId))?.label).toBe('Add 3 use cases to the roadmap');
    expect(await repos.roadmap.list(workshopId)).toHaveLength(0);
  });

  it('skips a use case already on the roadmap, and a stopped or unknown one', async () => {
    await repos.roadmap.addUseCases(workshopId, [ids[0] as string]);
    expect(await repos.roadmap.addUseCases(workshopId, [ids[0] as string, 'nope'])).toBe(0);
    expect(await repos.roadmap.list(workshopId)).toHaveLength(10);
  });

  it('gives a use case whose readiness says so a readiness sprint before its pilot', async () => {
    const [a] = ids as [string];
    for (const dim of READINESS_DIMENSIONS) await repos.pipeline.setReadiness(a, dim, { score: dim === 'dataQuality' ? 1 : 4 });
    await repos.roadmap.addUseCases(workshopId, [a]);
    expect(await find(a, 'phase', 'readiness-sprint')).toMatchObject({ startDay: 1, endDay: 15, label: 'Readiness sprint' });
    expect(await pilotStart(a)).toBe(36);
  });

  it('starts a use case’s plan from its current stage: one in hardening gets no readiness or pilot phase', async () => {
    const [a, b] = ids as [string, string];
    // A use case that came in (from a workshop file) already in Stage 4, with no decisions since.
    await db.useCases.update(a, { stage: 'hardening' });
    await repos.roadmap.addUseCases(workshopId, [a, b]);
    expect((await itemsOf(a)).filter((i) => i.kind === 'phase').sort((x, y) => x.startDay - y.startDay).map((i) => [i.phaseKey, i.startDay, i.endDay])).toEqual([
      ['hardening-rollout', 1, 30],
      ['stabilization-scale', 31, 50],
    ]);
    expect(await pilotStart(b)).toBe(21);
  });

  it('re-plans what remains of a use case that moved on, from today, as one undoable step', async () => {
    const [a] = ids as [string];
    await repos.roadmap.addUseCases(workshopId, [a]);
    const before = await itemsOf(a);
    // It passed the Stage 3 gate on 2026-12-29, day 30 of a roadmap that starts on 2026-11-30.
    await db.useCases.update(a, { stage: 'hardening' });
    expect(await repos.roadmap.replanRemaining(a, '2026-12-29')).toEqual({ label: 'Hardening & rollout', day: 30 });
    const phases = (await itemsOf(a)).filter((i) => i.kind === 'phase').sort((x, y) => x.startDay - y.startDay);
    // The pilot was running on day 30 and ends on day 29; the gate phase had not started and is taken off.
    expect(phases.map((i) => [i.phaseKey, i.startDay, i.endDay])).toEqual([
      ['readiness-baseline', 1, 20],
      ['pilot', 21, 29],
      ['hardening-rollout', 30, 59],
      ['stabilization-scale', 60, 79],
    ]);
    // Asked again the same day, nothing is left to re-plan.
    expect(await repos.roadmap.replanRemaining(a, '2026-12-29')).toBeNull();
    await repos.history.undo(workshopId);
    expect((await itemsOf(a)).map((i) => i.id).sort()).toEqual(before.map((i) => i.id).sort());
  });

  it('removes a use case from the roadmap in one undoable step', async () => {
    await repos.roadmap.addUseCases(workshopId, ids);
    await repos.roadmap.removeUseCase(workshopId, ids[1] as string);
    expect(await itemsOf(ids[1] as string)).toHaveLength(0);
    expect(await repos.roadmap.list(workshopId)).toHaveLength(20);
    expect((await repos.history.undo(workshopId))?.label).toBe('Remove "Fraud alerts" from the roadmap');
    expect(await itemsOf(ids[1] as string)).toHaveLength(10);
  });

  it('pushes the later phases when a phase slips, as one undo step, and remembers the choice', async () => {
    const [a] = ids as [string];
    await repos.roadmap.addUseCases(workshopId, [a]);
    const pilot = await find(a, 'phase', 'pilot');
    const outcome = await repos.roadmap.moveItem(pilot.id, { startDay: 21, endDay: 60 });
    expect(outcome.notes).toEqual(['3 later phases moved 10 days later.']);
    expect(await find(a, 'phase', 'stabilization-scale')).toMatchObject({ startDay: 111, endDay: 130 });
    expect((await repos.history.undo(workshopId))?.label).toBe('Move Pilot of "Claims triage" to days 21–60');
    expect(await find(a, 'phase', 'stabilization-scale')).toMatchObject({ startDay: 101, endDay: 120 });

    await repos.roadmap.setPushLaterPhases(workshopId, false);
    expect((await repos.workshops.get(workshopId))?.roadmap.pushLaterPhases).toBe(false);
    await repos.roadmap.moveItem(pilot.id, { startDay: 21, endDay: 60 });
    expect(await find(a, 'phase', 'stabilization-scale')).toMatchObject({ startDay: 101, endDay: 120 });
    expect(await find(a, 'gate', 'pilot')).toMatchObject({ startDay: 60 });
  });

  it('refuses a gate before the end of its phase and stores nothing', async () => {
    const [a] = ids as [string];
    await repos.roadmap.addUseCases(workshopId, [a]);
    const gate = await find(a, 'gate', 'pilot');
    const steps = (await db.history.count());
    await expect(repos.roadmap.moveItem(gate.id, { startDay: 40, endDay: 40 })).rejects.toBeInstanceOf(RoadmapRuleError);
    expect((await find(a, 'gate', 'pilot')).startDay).toBe(50);
    expect(await db.history.count()).toBe(steps);
  });

  it('merges quick keyboard nudges of one item into one undo step', async () => {
    const [a] = ids as [string];
    await repos.roadmap.addUseCases(workshopId, [a]);
    const pilot = await find(a, 'phase', 'pilot');
    for (let end = 51; end <= 53; end++) await repos.roadmap.moveItem(pilot.id, { startDay: 21, endDay: end }, { nudge: true });
    expect((await find(a, 'phase', 'pilot')).endDay).toBe(53);
    await repos.history.undo(workshopId);
    expect((await find(a, 'phase', 'pilot')).endDay).toBe(50);
  });

  it('applies a new pilots-at-once setting and restaggers the plan in one step', async () => {
    await repos.roadmap.addUseCases(workshopId, ids);
    expect(await repos.roadmap.applySequencing(workshopId, 1, ids)).toBe(2);
    expect(await Promise.all(ids.map(pilotStart))).toEqual([21, 51, 81]);
    expect((await repos.workshops.get(workshopId))?.roadmap.maxParallelPilots).toBe(1);
    expect(await repos.roadmap.applySequencing(workshopId, 3, ids)).toBe(2);
    expect(await Promise.all(ids.map(pilotStart))).toEqual([21, 21, 21]);
    expect((await repos.history.undo(workshopId))?.label).toBe('Sequence the roadmap: 3 pilots at once');
    expect(await Promise.all(ids.map(pilotStart))).toEqual([21, 51, 81]);
    expect((await repos.workshops.get(workshopId))?.roadmap.maxParallelPilots).toBe(1);
    await expect(repos.roadmap.applySequencing(workshopId, 0, ids)).rejects.toThrow(/1 to 50/);
  });

  it('goes with the use case when the use case is deleted, and comes back with undo', async () => {
    await repos.roadmap.addUseCases(workshopId, ids);
    await repos.useCases.remove(ids[0] as string);
    expect(await repos.roadmap.list(workshopId)).toHaveLength(20);
    await repos.history.undo(workshopId);
    expect(await repos.roadmap.list(workshopId)).toHaveLength(30);
  });

  it('travels in the workshop file, phase keys and all', async () => {
    await repos.roadmap.addUseCases(workshopId, ids);
    const ws = await repos.workshops.get(workshopId);
    if (!ws) throw new Error('no workshop');
    const text = serializeWorkshopFile(buildWorkshopFile(ws, await repos.workshops.readRows(workshopId), 'test', '2026-11-23T18:00:00.000Z'));
    const parsed = parseWorkshopFile(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed));
    const items = parsed.file.tables.roadmapItems;
    expect(items).toHaveLength(30);
    expect(new Set(items.map((i) => i.phaseKey))).toEqual(new Set(['readiness-baseline', 'pilot', 'gate-hardening-plan', 'hardening-rollout', 'stabilization-scale']));
  });
});
