// The sponsor pack in the workshop's language: German and French sentences with their plurals,
// numbers, percentages and dates written as each language writes them, user text as stored.
import { describe, expect, it } from 'vitest';
import { buildSponsorPack, kpiLead, packWords, plainDecision, type SponsorPack } from '../../../renderer/domain/sponsor-pack';
import { loadPackTranslator } from '../../../renderer/i18n/pack-catalog';
import { recommend } from '../../../renderer/domain/recommendations';
import { kpiStatusWords } from '../../../renderer/domain/status-glance';
import type { Language } from '../../../renderer/domain/languages';
import { insurerWorkshop } from '../pdf/insurer-fixture';

const TODAY = '2026-12-10';
const NNBSP = '\u202F';

async function packIn(language: Language): Promise<SponsorPack> {
  const { workshop, rows } = insurerWorkshop();
  // A baseline in the thousands, to see the grouping of each language.
  const kpis = rows.kpis.map((k) => (k.id === 'kpi-accuracy' ? { ...k, baseline: 1234.5, unit: 'h' } : k));
  return buildSponsorPack({ ...workshop, language }, { ...rows, kpis }, { today: TODAY, words: await loadPackTranslator(language) });
}

describe('a German workshop’s sponsor pack', () => {
  it('speaks German in its sentences, with German plurals, dates and percentages', async () => {
    const pack = await packIn('de');
    expect(pack.language).toBe('de');
    expect(pack.summary.lead[0]).toBe('Jetzt werden 3 Entscheidungen von Ihnen erbeten (siehe „Erbetene Entscheidungen“). 1 Anwendungsfall ist im Pilot oder weiter.');
    expect(pack.summary.lead[1]).toContain('17 mögliche KI-Anwendungsfälle wurden im Workshop „Claims AI day“ mit Northwind Mutual am 23. November 2026, bewertet von 11 Personen, nach');
    expect(pack.portfolio.weights).toBe('Geschäftlicher Nutzen 50\u00A0% · Machbarkeit 25\u00A0% · Organisatorische Reife 25\u00A0%');
    expect(pack.risks.lead).toMatch(/^4 offene Risiken, 3 davon hoch oder kritisch \(1 betrifft den gesamten Workshop\)\./);
    expect(pack.governance.decisionLog.message).toMatch(/^Das Entscheidungsprotokoll enthält 3 Gate-Entscheidungen;/);
    expect(pack.meta.workshopDateLabel).toBe('23. November 2026');
    expect(pack.meta.preparedOnLabel).toBe('10. Dezember 2026');
    expect(pack.status.lead).toContain('am Donnerstag, 24. Dezember 2026.');
    expect(pack.decisions.lead).toBe(
      'Sie werden um 3 Entscheidungen gebeten: den Pilot von Claims triage zu verbessern, für Fraud signal scoring zuerst einen Reife-Sprint durchzuführen und den Pilot für Complaint summarization zu starten.',
    );
  });

  it('writes KPI numbers as German does and says how far each has come in German', async () => {
    const triage = (await packIn('de')).useCases.find((u) => u.title === 'Claims triage');
    const accuracy = triage?.kpis.find((k) => k.name === 'Routing accuracy');
    expect(accuracy?.baselineNumber).toBe('1.234,5');
    expect(accuracy?.progress).toMatch(/^Ausgangswert 1\.234,5 → zuletzt 88,5 → Ziel 92 h, /);
    expect(triage?.kpiLead).toBe('Von 2 gemessenen KPIs: 1 im roten Bereich (Fallback rate) und 1 gelb (Routing accuracy).');
    expect(triage?.stageLabel).toBe('Stufe 2 · Kontrollierter Pilot');
    expect(triage?.owners.map((o) => o.label)).toContain('Fachliche Verantwortung');
  });

  it('prints what the user typed as stored: titles, names and rationales stay as written', async () => {
    const pack = await packIn('de');
    const { rows } = insurerWorkshop();
    expect(pack.portfolio.rows.map((r) => r.title).sort()).toEqual(rows.useCases.map((u) => u.title).sort());
    const decision = pack.useCases.flatMap((u) => u.decisions)[0];
    expect(rows.gateDecisions.map((d) => d.rationale)).toContain(decision?.rationale);
  });

  it('counts with the right German form: one and many', async () => {
    const w = packWords(await loadPackTranslator('de'));
    expect(w.t('pack.summary.decisions', { count: 1 })).toBe('Jetzt wird 1 Entscheidung von Ihnen erbeten (siehe „Erbetene Entscheidungen“).');
    expect(w.t('pack.summary.decisions', { count: 0 })).toBe('Noch wird keine Entscheidung von Ihnen erbeten.');
    expect(w.t('pack.useCase.lockedSince', { date: '1. Dezember 2026', amendments: 1 })).toBe('Seit 1. Dezember 2026, mit 1 dokumentierten Änderung');
    expect(w.t('pack.useCase.lockedSince', { date: '1. Dezember 2026', amendments: 2 })).toBe('Seit 1. Dezember 2026, mit 2 dokumentierten Änderungen');
    expect(kpiLead([{ name: 'Genauigkeit', band: 'green', trend: { points: [] } as never }], w)).toBe('Von 1 gemessenen KPI: 1 grün.');
    expect(kpiStatusWords([], [], w.t).text).toBe('Noch keine KPIs');
    expect(plainDecision({ decision: 'improve-pilot', fromStage: 'pilot', toStage: 'pilot' }, w)).toBe('Pilot verbessern – bleibt in Stufe 2 · Kontrollierter Pilot');
  });

  it('recommends in German, naming the facts', async () => {
    const { t } = await loadPackTranslator('de');
    const rec = recommend(
      { title: 'Schadenmeldung', stage: 'pilot', verdict: 'start-pilot', verdictReasons: [], hasPilotCriteria: true, failedCriteria: [], improveDecisions: 2, kpis: [{ name: 'Genauigkeit', band: 'red', guardrailBreached: false }], openHighRisks: [], overdueControls: [] },
      t,
    );
    expect(rec?.label).toBe('Stoppen');
    expect(rec?.sentence).toBe('Stoppen für Schadenmeldung: Nach 2 Verbesserungsrunden weiter außerhalb der Schwellen.');
    expect(rec?.facts).toEqual(['Im roten Bereich: Genauigkeit', 'Bereits 2-mal verbessert']);
  });
});

describe('a French workshop’s sponsor pack', () => {
  it('speaks French, with the narrow no-break space French typography puts before a colon and inside « »', async () => {
    const pack = await packIn('fr');
    expect(pack.summary.lead[0]).toBe(`3 décisions vous sont demandées maintenant (voir «${NNBSP}Décisions attendues${NNBSP}»). 1 cas d’usage est en pilote ou au-delà.`);
    expect(pack.decisions.lead.startsWith(`3 décisions vous sont demandées${NNBSP}: améliorer le pilote de Claims triage`)).toBe(true);
    expect(pack.meta.workshopDateLabel).toBe('23 novembre 2026');
    expect(pack.risks.lead).toMatch(/^4 risques ouverts, dont 3 élevés ou critiques \(1 concerne tout l’atelier\)\./);
    expect(pack.status.lead).toContain('le jeudi 24 décembre 2026.');
  });

  it('groups thousands with a narrow no-break space and writes a decimal comma', async () => {
    const triage = (await packIn('fr')).useCases.find((u) => u.title === 'Claims triage');
    const accuracy = triage?.kpis.find((k) => k.name === 'Routing accuracy');
    expect(accuracy?.baselineNumber).toBe(`1${NNBSP}234,5`);
    expect(accuracy?.progress).toMatch(new RegExp(`^référence 1${NNBSP}234,5 → dernière mesure 88,5 → objectif 92 h, `));
  });

  it('counts with the right French form, "many" falling back to "other"', async () => {
    const w = packWords(await loadPackTranslator('fr'));
    expect(w.t('pack.risks.lead', { open: 1, severe: 0, wide: 0, accepted: 0 })).toBe('1 risque ouvert, aucun élevé ou critique.');
    expect(w.t('pack.risks.lead', { open: 1_000_000, severe: 2, wide: 0, accepted: 1 })).toBe(`1${NNBSP}000${NNBSP}000 risques ouverts, dont 2 élevés ou critiques${NNBSP}; 1 accepté.`);
    expect(w.t('pack.criteria.passed', { count: 1 })).toBe('1 rempli');
    expect(w.t('pack.criteria.passed', { count: 3 })).toBe('3 remplis');
  });
});

describe('an English workshop’s pack', () => {
  it('reads as before: English words and the fixed English dates', async () => {
    const { workshop, rows } = insurerWorkshop();
    const pack = buildSponsorPack(workshop, rows, { today: TODAY });
    expect(pack.language).toBe('en');
    expect(pack.meta.preparedOnLabel).toBe('10 December 2026');
    expect(pack.summary.lead[0]).toBe('3 decisions are asked of you now (see “Decisions requested”). 1 use case is in a pilot or beyond.');
  });
});
