// The health check's findings in the reader's language: every finding carries its title, detail
// and fix as catalog messages; said in English they are word for word the domain's English (dates
// aside, which the reader's format writes), and in German and French no English is left.
import { describe, expect, it } from 'vitest';
import { compileCatalog, readCatalog } from '../../../scripts/vite-catalogs.mjs';
import { createTranslator } from '../../../renderer/i18n/translator';
import type { AppMessageId } from '../../../renderer/i18n/app-catalog';
import { messageText } from '../../../renderer/shared/message-text';
import { HEALTH_CHECKS, healthCheck, healthCheckMessageId, readinessReasonMessages, type HealthFinding } from '../../../renderer/domain/health-check';
import { WORKSHOP_TABLES, type ControlItem, type GateDecision, type Kpi, type Readiness, type WorkshopRows } from '../../../renderer/domain/model';
import { emptyDimensions, readinessVerdict } from '../../../renderer/domain/readiness';
import { makeUseCase, makeWorkshop } from '../../fixtures/factories';

const catalog = (lang: string) => compileCatalog(readCatalog(new URL(`../../../renderer/i18n/catalogs/app/${lang}.json`, import.meta.url).pathname), lang);
const english = catalog('en');
const translators = {
  en: createTranslator<AppMessageId>('en', english, english),
  de: createTranslator<AppMessageId>('de', catalog('de'), english),
  fr: createTranslator<AppMessageId>('fr', catalog('fr'), english),
};
const say = (lang: keyof typeof translators, f: HealthFinding) => {
  const { t } = translators[lang];
  return { title: messageText(t, lang, f.text.title), detail: messageText(t, lang, f.text.detail), fix: messageText(t, lang, f.text.fix) };
};

const T = '2026-11-23T09:00:00.000Z';
const owned = (id: string) => ({ id, workshopId: 'w1', createdAt: T, updatedAt: T });
const rowsOf = () => Object.fromEntries(WORKSHOP_TABLES.map((t) => [t, []])) as unknown as WorkshopRows;

function readiness(useCaseId: string, score: number | null, unscored: number = 0): Readiness {
  const dimensions = emptyDimensions();
  (Object.keys(dimensions) as (keyof typeof dimensions)[]).forEach((k, i) => {
    dimensions[k] = { score: i < unscored ? null : score, evidence: 'seen' };
  });
  return { ...owned(`r-${useCaseId}`), useCaseId, dimensions };
}
function kpi(useCaseId: string, over: Partial<Kpi>): Kpi {
  return {
    ...owned(`k-${useCaseId}`),
    useCaseId,
    layer: 'business-impact',
    name: 'Durchlaufzeit',
    unit: 'h',
    direction: 'lower-is-better',
    definition: '',
    baseline: 12,
    target: 8,
    greenAt: 8,
    redAt: 12,
    greenAction: '',
    amberAction: '',
    redAction: 'Zurück zur manuellen Prüfung.',
    timing: 'lagging',
    role: 'target',
    owner: '',
    forecast: null,
    tolerancePct: 10,
    stabilizationCount: 3,
    ...over,
  };
}
function control(useCaseId: string, key: string, status: ControlItem['status'], over: Partial<ControlItem> = {}): ControlItem {
  return { ...owned(`c-${useCaseId}-${key}`), useCaseId, checklist: 'hardening', key, order: 1, label: key, status, owner: '', dueDate: '', ...over };
}

/** A workshop where every check fires somewhere: a pilot with nothing written, a rollout in trouble, a RACI with gaps. */
function troubledRows(): WorkshopRows {
  const rows = rowsOf();
  // At Stage 2 with nothing recorded: no readiness, owner, problem, pilot design, KPI.
  rows.useCases.push(makeUseCase({ id: 'uc1', order: 1, title: 'Retourenbegründung klassifizieren', stage: 'pilot', businessOwner: '', problem: '' }));
  // At Stage 5: a sprint was asked for, a cleaned extract, a red KPI, a failed criterion, controls missing or late.
  rows.useCases.push(makeUseCase({ id: 'uc2', order: 2, title: 'Zollanmeldungsplausibilitätsprüfung', stage: 'rollout', businessOwner: 'Zoë Müller', problem: 'Zoll' }));
  // At Stage 0 with two dimensions still unscored.
  rows.useCases.push(makeUseCase({ id: 'uc3', order: 3, title: 'Frachtbriefdatenextraktion', stage: 'readiness', businessOwner: '', problem: 'x' }));
  // At Stage 3 with no hardening planned.
  rows.useCases.push(makeUseCase({ id: 'uc4', order: 4, title: 'Lagerplatzoptimierungsvorhersage', stage: 'gate', businessOwner: 'Zoë Müller', problem: 'y' }));
  rows.readiness.push(readiness('uc2', 2), readiness('uc3', 4, 2), readiness('uc4', 4));
  rows.pilotDesigns.push({
    ...owned('p2'),
    useCaseId: 'uc2',
    scope: 's',
    workflow: 'w',
    usesProductionData: false,
    successCriteria: 'Durchlaufzeit halbiert',
    partialSuccessCriteria: '',
    failureCriteria: '',
    amendments: [],
  });
  rows.kpis.push(kpi('uc2', {}));
  rows.measurements.push({ ...owned('m1'), kpiId: 'k-uc2', date: '2026-12-01', value: 14, note: '' } as WorkshopRows['measurements'][number]);
  rows.controls.push(
    control('uc2', 'human-fallback', 'todo', { label: 'Rückfall auf Sachbearbeitung', dueDate: '2026-12-01' }),
    control('uc2', 'monitoring', 'n/a'),
    control('uc2', 'runbook', 'in-progress', { checklist: 'documentation' }),
  );
  const gate: GateDecision = {
    ...owned('d1'),
    useCaseId: 'uc2',
    useCaseTitle: 'Zollanmeldungsplausibilitätsprüfung',
    seq: 1,
    fromStage: 'hardening',
    toStage: 'rollout',
    criteria: [{ name: 'Sicherheitskontrollen', result: 'fail', evidence: '' }],
    decision: 'advance',
    rationale: '',
    decidedBy: 'Vorstand',
    nextActionsOwner: '',
    date: '2026-11-23',
    prevHash: '',
    hash: '',
  };
  rows.gateDecisions.push(gate);
  rows.roles.push({ ...owned('ra'), order: 1, name: 'Fachbereich', person: '' }, { ...owned('rb'), order: 2, name: 'IT-Betrieb', person: '' });
  rows.decisionRights.push(
    { ...owned('dr1'), order: 1, decision: 'Freigabe in Produktion', assignments: [] },
    { ...owned('dr2'), order: 2, decision: 'Pilotumfang', assignments: [{ roleId: 'ra', raci: 'A' }, { roleId: 'rb', raci: 'A' }] },
  );
  return rows;
}

const findings = healthCheck(makeWorkshop(), troubledRows(), '2026-12-15');
const dated = (f: HealthFinding) => f.checkId === 'failed-gate-criterion' || f.checkId === 'overdue-controls';

describe('health findings in the reader’s language', () => {
  it('covers every kind of finding in the test workshop', () => {
    expect(new Set(findings.map((f) => f.checkId)).size).toBe(HEALTH_CHECKS.length);
  });

  it('says every finding in English word for word as the domain writes it, dates in the app’s English style', () => {
    for (const f of findings) {
      const en = say('en', f);
      expect(en.title).toBe(f.title);
      expect(en.fix).toBe(f.fix.label);
      if (dated(f)) expect(en.detail).toBe(f.detail.replace('2026-11-23', '23 Nov 2026').replace('2026-12-01', '1 Dec 2026'));
      else expect(en.detail).toBe(f.detail);
    }
  });

  it.each(['de', 'fr'] as const)('leaves no English and no raw message id in any %s finding', (lang) => {
    for (const f of findings) {
      const said = say(lang, f);
      for (const part of ['title', 'detail', 'fix'] as const) {
        expect(said[part]).not.toMatch(/\bhealth\.|pipeline\.stage/);
        expect(said[part]).not.toBe(say('en', f)[part]);
      }
      expect(said.detail).not.toMatch(/\b(?:the|is|and|not|of)\b/);
    }
  });

  it('writes the German findings as a German consultant would', () => {
    const de = (id: string, uc?: string) => findings.filter((f) => f.checkId === id && (uc === undefined || f.useCaseId === uc)).map((f) => say('de', f));
    expect(de('no-readiness', 'uc1')[0]?.detail).toBe(
      'Er ist schon in Stufe 2 · Kontrollierter Pilot, ohne Reifegrad-Urteil. Die Reifegrad-Diagnose wurde noch nicht begonnen.',
    );
    expect(de('no-readiness', 'uc3')[0]?.detail).toBe('Noch kein Urteil, ob der Pilot starten kann. Noch zu bewerten: Datenqualität, Prozessklarheit.');
    expect(de('sprint-ignored')[0]?.detail).toBe(
      'Die Diagnose verlangt zuerst einen Reifegrad-Sprint, dennoch ist er in Stufe 5 · Begrenzter Rollout. Datenqualität steht bei 2 von 5: Daran würde der Pilot hängen bleiben.',
    );
    expect(de('no-human-fallback')[0]?.detail).toBe('In Stufe 5 · Begrenzter Rollout muss ein Rückfallweg vorhanden sein: der Rückfall auf einen Menschen ist nicht erledigt.');
    expect(de('no-monitoring')[0]?.detail).toBe(
      'In Stufe 5 · Begrenzter Rollout muss Monitoring vorhanden sein: Monitoring und Alarmierung ist als nicht anwendbar markiert und die Drift-Erkennung steht nicht auf der Checkliste.',
    );
    expect(de('overdue-controls')[0]?.detail).toBe('Eine Kontrolle ist überfällig und nicht erledigt: „Rückfall auf Sachbearbeitung“ (fällig 1. Dez. 2026).');
    expect(de('failed-gate-criterion')[0]?.detail).toBe('Die letzte Gate-Prüfung (23. Nov. 2026) sah „Sicherheitskontrollen“ als nicht erfüllt.');
    expect(de('kpi-out-of-band')[0]).toEqual({
      title: 'KPI im roten Bereich',
      detail: 'Im roten Bereich: „Durchlaufzeit“ bei 14 h; vereinbarte Reaktion: Zurück zur manuellen Prüfung.',
      fix: '„Durchlaufzeit“ öffnen und die vereinbarte Reaktion umsetzen',
    });
    expect(de('no-success-criteria', 'uc1')[0]?.detail).toBe('Keine Erfolgs- oder Abbruchkriterien festgehalten, und der Pilot hat begonnen.');
    expect(de('no-accountable-owner').map((f) => f.title)).toContain('Entscheidungen ohne genau eine Accountable-Rolle');
  });

  it('writes the French findings with French typography (a narrow no-break space before the colon, inside « »)', () => {
    const fr = (id: string, uc?: string) => findings.filter((f) => f.checkId === id && (uc === undefined || f.useCaseId === uc)).map((f) => say('fr', f));
    expect(fr('no-baseline', 'uc1')[0]?.detail).toBe('Aucun KPI n’est défini, donc aucune référence.');
    expect(fr('no-readiness', 'uc3')[0]?.detail).toBe('Pas encore de verdict sur le lancement du pilote. Reste à évaluer\u202f: Qualité des données, Clarté du processus.');
    expect(fr('failed-gate-criterion')[0]?.detail).toBe('La dernière revue de jalon (23 nov. 2026) a jugé non satisfait «\u202fSicherheitskontrollen\u202f».');
    expect(fr('no-operational-fit', 'uc1')[0]?.detail).toBe(
      'Pas encore écrit\u202f: le problème ou le point de décision qu’il sert et le processus réel dans lequel le pilote tourne.',
    );
    expect(fr('no-cadence')[0]?.fix).toBe('Ajouter les réunions de gouvernance');
  });

  it('has every check’s title, when and why in German and French', () => {
    for (const c of HEALTH_CHECKS) {
      for (const part of ['title', 'when', 'why'] as const) {
        const id = healthCheckMessageId(c.id, part) as AppMessageId;
        expect(translators.en.t(id)).toBe(c[part]);
        expect(translators.de.t(id)).not.toBe(c[part]);
        expect(translators.fr.t(id)).not.toBe(c[part]);
      }
    }
  });

  it('says the readiness verdict’s reasons in English exactly as the verdict writes them, and in German', () => {
    const cases = [null, readiness('a', 4), readiness('a', 2), readiness('a', 3, 2), readiness('a', 2, 1), readiness('a', 3)];
    cases[5]!.dimensions.dataQuality.score = 2; // a blocking one among workable ones
    for (const r of cases) {
      expect(readinessReasonMessages(r).map((m) => messageText(translators.en.t, 'en', m))).toEqual(readinessVerdict(r).reasons);
    }
    expect(readinessReasonMessages(readiness('a', 2, 1)).map((m) => messageText(translators.de.t, 'de', m))).toEqual([
      'Prozessklarheit steht bei 2 von 5: Daran würde der Pilot hängen bleiben.',
      'Systemzugang steht bei 2 von 5: Daran würde der Pilot hängen bleiben.',
      'Verantwortung der Beteiligten steht bei 2 von 5: Daran würde der Pilot hängen bleiben.',
      'Compliance-Auflagen steht bei 2 von 5: Daran würde der Pilot hängen bleiben.',
      'Noch zu bewerten: Datenqualität.',
    ]);
  });
});
