// A workshop's language: stored, with the shipped rubrics in that language, and changeable at any
// time without ever translating what the facilitator wrote.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepos, type Repos } from '../../../renderer/db';
import { createDb, type LiftoffDb } from '../../../renderer/db/schema';
import { defaultRubrics } from '../../../renderer/domain/rubrics';

let db: LiftoffDb;
let repos: Repos;
let n = 0;
beforeEach(() => {
  db = createDb(`lang-${Date.now()}-${n++}`);
  repos = createRepos(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const input = { name: 'Logistik-Workshop', client: 'Nordwind Spedition', facilitator: 'Zoë Müller', workshopDate: '2026-12-01', roadmapStartDate: '2027-01-04' };

describe('the workshop language', () => {
  it('a new workshop keeps the language it was created with, and its rubrics are in it', async () => {
    const ws = await repos.workshops.create({ ...input, language: 'de' });
    const stored = await repos.workshops.get(ws.id);
    expect(stored?.language).toBe('de');
    expect(stored?.rubrics).toEqual(defaultRubrics('de'));
    expect(stored?.rubrics.impact[0]).toMatch(/^Gering:/);
  });

  it('is English when not given (the language every earlier workshop had)', async () => {
    const ws = await repos.workshops.create(input);
    expect(ws.language).toBe('en');
    expect(ws.rubrics).toEqual(defaultRubrics('en'));
  });

  it('changing it brings the shipped rubrics along, and undo brings both back', async () => {
    const ws = await repos.workshops.create({ ...input, language: 'de' });
    await repos.workshops.setLanguage(ws.id, 'fr');
    const fr = await repos.workshops.get(ws.id);
    expect(fr?.language).toBe('fr');
    expect(fr?.rubrics).toEqual(defaultRubrics('fr'));
    await repos.history.undo(ws.id);
    const back = await repos.workshops.get(ws.id);
    expect(back?.language).toBe('de');
    expect(back?.rubrics).toEqual(defaultRubrics('de'));
  });

  it('never translates rubrics the facilitator edited', async () => {
    const ws = await repos.workshops.create({ ...input, language: 'de' });
    await repos.workshops.setRubricLevel(ws.id, 'impact', 0, 'Kaum Wirkung auf das Ergebnis');
    const own = ['Kaum Wirkung auf das Ergebnis', ...defaultRubrics('de').impact.slice(1)];
    await repos.workshops.setLanguage(ws.id, 'en');
    const after = await repos.workshops.get(ws.id);
    expect(after?.language).toBe('en');
    expect(after?.rubrics.impact).toEqual(own);
    // The other criteria were not edited, but the rubrics are one set: they stay as they were too.
    expect(after?.rubrics.feasibility).toEqual(defaultRubrics('de').feasibility);
  });
});
