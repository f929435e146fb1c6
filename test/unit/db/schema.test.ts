import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { createDb, SCHEMA_V1 } from '../../../renderer/db/schema';
import { DATA_VERSION as SCHEMA_VERSION, MIGRATIONS, v2AddRoadmapSettings } from '../../../renderer/domain/migrations';
import { WORKSHOP_TABLES } from '../../../renderer/domain/model';
import { createRepos } from '../../../renderer/db';

describe('the database schema', () => {
  it('has a table for every part of the method, plus history', () => {
    const db = createDb(`schema-${Date.now()}`);
    const names = db.tables.map((t) => t.name).sort();
    expect(names).toEqual([...WORKSHOP_TABLES, 'workshops', 'history', 'workshopActivity'].sort());
    db.close();
  });

  it('numbers its versions in order with no gaps', () => {
    MIGRATIONS.forEach((m, i) => expect(m.version).toBe(i + 2));
    const db = createDb(`schema-v-${Date.now()}`);
    expect(db.verno).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('opens a database written by version 1 and keeps its data', async () => {
    const name = `schema-old-${Date.now()}`;
    // Written by the version-1 schema exactly as it shipped.
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.table('workshops').add({
      id: 'w1',
      createdAt: '2026-11-01T09:00:00.000Z',
      updatedAt: '2026-11-01T09:00:00.000Z',
      name: 'Written by v1',
      client: 'Łódź Logistics',
      facilitator: 'Zoë',
      workshopDate: '2026-11-02',
      roadmapStartDate: '2026-11-09',
      weights: { impact: 1, feasibility: 1, readiness: 1 },
      notes: '',
    });
    v1.close();

    const db = createDb(name);
    const repos = createRepos(db);
    const upgraded = await repos.workshops.get('w1');
    expect(upgraded?.client).toBe('Łódź Logistics');
    // Version 2 gave it the default roadmap settings.
    expect(upgraded?.roadmap).toEqual({ maxParallelPilots: 2, pushLaterPhases: true });
    await repos.useCases.add('w1', { title: 'Added after the upgrade' });
    expect(await repos.useCases.list('w1')).toHaveLength(1);
    db.close();
    await db.delete();
  });

  it('v2 adds roadmap settings only where they are missing', () => {
    expect(v2AddRoadmapSettings({ id: 'a' })).toEqual({ id: 'a', roadmap: { maxParallelPilots: 2, pushLaterPhases: true } });
    const kept = { id: 'b', roadmap: { maxParallelPilots: 4, pushLaterPhases: false } };
    expect(v2AddRoadmapSettings(kept)).toBe(kept);
  });
});
