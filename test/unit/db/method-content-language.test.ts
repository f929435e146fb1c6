// New method content copied into a workshop speaks the workshop's language at that moment, and is
// the workshop's data from then on: changing the language later never translates it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepos, type Repos } from '../../../renderer/db';
import { createDb, type LiftoffDb } from '../../../renderer/db/schema';
import type { Language } from '../../../renderer/domain/languages';

let db: LiftoffDb;
let repos: Repos;
let n = 0;
beforeEach(() => {
  db = createDb(`method-lang-${Date.now()}-${n++}`);
  repos = createRepos(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function workshopIn(language: Language) {
  const ws = await repos.workshops.create({ name: 'Logistik-Workshop', client: 'Nordwind', facilitator: 'Zoë Müller', workshopDate: '2026-12-01', roadmapStartDate: '2027-01-04', language });
  const uc = await repos.useCases.add(ws.id, { title: 'Retourenbegründung automatisch klassifizieren' });
  return { workshopId: ws.id, useCaseId: uc.id };
}

describe('a German workshop gets German method content', () => {
  it('its standard agenda is titled in German', async () => {
    const { workshopId } = await workshopIn('de');
    await repos.agenda.addDefault(workshopId);
    const titles = (await repos.agenda.list(workshopId)).map((i) => i.title);
    expect(titles[0]).toBe('Einführung und Ziele');
    expect(titles).toContain('120-Tage-Roadmap');
    expect(titles).toHaveLength(7);
  });

  it('a KPI picked from the library is named, defined and given actions in German', async () => {
    const { useCaseId } = await workshopIn('de');
    const kpi = await repos.kpis.addFromLibrary(useCaseId, 'fallback-rate');
    expect(kpi.name).toBe('Rückfallquote');
    expect(kpi.definition).toMatch(/manuellen Prozess/);
    expect(kpi.redAction).toMatch(/^Alle Fälle/);
    expect(kpi.direction).toBe('lower-is-better');
  });

  it('the standard roles, decisions, meetings and checklist items are German', async () => {
    const { workshopId, useCaseId } = await workshopIn('de');
    await repos.governance.addStandardOwnership(workshopId);
    await repos.governance.addStandardCadence(workshopId);
    await repos.governance.addStandardControls(useCaseId, 'hardening');
    expect((await repos.governance.roles(workshopId)).map((r) => r.name)).toContain('Leitung Betrieb');
    expect((await repos.governance.rights(workshopId)).map((d) => d.decision)).toContain('Risikoakzeptanz');
    expect((await repos.governance.cadence(workshopId)).map((c) => c.title)).toContain('Wöchentliches Umsetzungs-Review');
    const controls = await repos.governance.controlsFor(workshopId);
    expect(controls.find((c) => c.key === 'human-fallback')?.label).toMatch(/^Rückfall auf einen Menschen/);
  });
});

describe('an English workshop gets English method content', () => {
  it('agenda, KPI, roles and checklist are English', async () => {
    const { workshopId, useCaseId } = await workshopIn('en');
    await repos.agenda.addDefault(workshopId);
    await repos.governance.addStandardOwnership(workshopId);
    await repos.governance.addStandardControls(useCaseId, 'hardening');
    expect((await repos.agenda.list(workshopId))[0]?.title).toBe('Introduction and goals');
    expect((await repos.kpis.addFromLibrary(useCaseId, 'fallback-rate')).name).toBe('Fallback rate');
    expect((await repos.governance.roles(workshopId)).map((r) => r.name)).toContain('Operations lead');
    expect((await repos.governance.controlsFor(workshopId)).find((c) => c.key === 'human-fallback')?.label).toMatch(/^Fallback to a human/);
  });
});

describe('a French workshop gets French method content', () => {
  it('the agenda and a KPI from the library are French', async () => {
    const { workshopId, useCaseId } = await workshopIn('fr');
    await repos.agenda.addDefault(workshopId);
    expect((await repos.agenda.list(workshopId))[0]?.title).toBe('Introduction et objectifs');
    expect((await repos.kpis.addFromLibrary(useCaseId, 'cycle-time')).name).toBe('Délai de traitement');
  });
});

describe('content already stored is the workshop data', () => {
  it('changing the workshop language later leaves the agenda and KPIs as they were written', async () => {
    const { workshopId, useCaseId } = await workshopIn('de');
    await repos.agenda.addDefault(workshopId);
    await repos.kpis.addFromLibrary(useCaseId, 'fallback-rate');
    await repos.workshops.setLanguage(workshopId, 'fr');
    expect((await repos.agenda.list(workshopId))[0]?.title).toBe('Einführung und Ziele');
    expect((await repos.kpis.list(workshopId))[0]?.name).toBe('Rückfallquote');
    // New content follows the new language.
    expect((await repos.kpis.addFromLibrary(useCaseId, 'error-rate')).name).toBe('Taux d’erreur');
  });

  it('adding the standard items again adds none twice, whatever language the first ones were written in', async () => {
    const { workshopId, useCaseId } = await workshopIn('de');
    await repos.governance.addStandardControls(useCaseId, 'documentation');
    await repos.workshops.setLanguage(workshopId, 'en');
    expect(await repos.governance.addStandardControls(useCaseId, 'documentation')).toBe(0);
  });
});
