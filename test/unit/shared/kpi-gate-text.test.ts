// The KPI and gate sentences the domain writes, in the reader's language: each comes as an app
// catalog message (kpiText.*, gateText.*) beside the English the log seals. Said in English the
// messages are the domain's English word for word; in German and French no English is left, and
// numbers are written as the language writes them ("1.234,5" / "1 234,5", a narrow no-break space).
import { describe, expect, it } from 'vitest';
import { englishPack, loadPackTranslator } from '../../../renderer/i18n/pack-catalog';
import type { Message, MessageValue } from '../../../renderer/domain/message';
import { formatValueIn, kpiStatus, stabilization, validateKpi } from '../../../renderer/domain/kpi';
import { kpiChart } from '../../../renderer/domain/kpi-chart';
import {
  criterionConflictMessages,
  criterionConflicts,
  gateEvidence,
  proposeGateDecision,
  reviewErrorMessages,
  validateReview,
  type GateRows,
} from '../../../renderer/domain/gate-review';
import { GATE_CRITERIA, validateGateDraft, validateGateDraftMessages, type GateDraft } from '../../../renderer/domain/stages';
import type { ControlItem, Kpi, Measurement, PilotDesign, Stage } from '../../../renderer/domain/model';
import { makeUseCase } from '../../fixtures/factories';
import { say } from '../support/app-translators';
import { readCatalog } from '../../../scripts/vite-catalogs.mjs';

const source = readCatalog(new URL('../../../renderer/i18n/catalogs/app/en.json', import.meta.url).pathname) as Record<string, string>;
const NNBSP = '\u202f';
const NBSP = '\u00a0';

/** Every id a message uses, its values' messages included. */
function ids(m: Message): string[] {
  const inValue = (v: MessageValue): string[] =>
    typeof v === 'string' || typeof v === 'number' || 'date' in v || 'number' in v || 'bytes' in v
      ? []
      : 'id' in v
        ? ids(v)
        : 'and' in v
          ? v.and.flatMap(inValue)
          : v.list.flatMap(inValue);
  return [m.id, ...Object.values(m.values ?? {}).flatMap(inValue)];
}
/** Words a German or French sentence must not contain (the English it replaced). */
const ENGLISH = /\b(Green|Red|Amber|green|red|amber|measurements?|Not yet|guardrail|baseline|forecast|tolerance|checklist is|Choose|criterion|thresholds?)\b/;

const T = '2026-11-23T09:00:00.000Z';
const owned = (id: string) => ({ id, workshopId: 'w1', createdAt: T, updatedAt: T });
function kpi(over: Partial<Kpi> = {}): Kpi {
  return {
    ...owned('k1'),
    useCaseId: 'u1',
    layer: 'business-impact',
    name: 'Durchlaufzeit',
    unit: 'h',
    direction: 'lower-is-better',
    definition: '',
    baseline: 18,
    target: 8,
    greenAt: 8,
    redAt: 12,
    greenAction: '',
    amberAction: '',
    redAction: '',
    timing: 'lagging',
    role: 'target',
    owner: '',
    forecast: null,
    tolerancePct: 10,
    stabilizationCount: 3,
    ...over,
  };
}
let seq = 0;
function m(date: string, value: number, kpiId = 'k1'): Measurement {
  seq++;
  return { ...owned(`m${String(seq).padStart(4, '0')}`), kpiId, date, value, note: '' };
}
const series = (...values: number[]) => values.map((v, i) => m(`2026-12-0${i + 1}`, v));

describe('formatValueIn', () => {
  it('writes a measured value as English, German and French readers do', () => {
    expect(formatValueIn('en', 1234.5, 'h')).toBe('1,234.5 h');
    expect(formatValueIn('de', 1234.5, 'h')).toBe(`1.234,5${NBSP}h`);
    expect(formatValueIn('fr', 1234.5, 'h')).toBe(`1${NNBSP}234,5${NBSP}h`);
    expect(formatValueIn('en', 92.5, '%')).toBe('92.5%');
    expect(formatValueIn('de', 92.5, '%')).toBe(`92,5${NBSP}%`);
    expect(formatValueIn('fr', 92.5, '%')).toBe(`92,5${NNBSP}%`);
    expect(formatValueIn('de', 0.1 + 0.2)).toBe('0,3');
    expect(formatValueIn('en-XA', 1234.5, '€')).toBe('1,234.5 €');
  });
});

describe('KPI status summaries', () => {
  const cases: [string, Kpi, Measurement[]][] = [
    ['no measurement', kpi(), []],
    ['green', kpi(), series(7)],
    ['green without a green line', kpi({ greenAt: null }), series(7)],
    ['amber', kpi(), series(10)],
    ['amber without a red line', kpi({ redAt: null }), series(10)],
    ['red', kpi(), series(14)],
    ['no thresholds', kpi({ greenAt: null, redAt: null }), series(14)],
    ['a breached guardrail', kpi({ role: 'guardrail', baseline: 9 }), series(10)],
  ];

  it.each(cases)('says the English summary word for word: %s', (_, k, ms) => {
    const s = kpiStatus(k, ms);
    expect(say('en', s.summaryMessage)).toBe(s.summary);
  });

  it.each(cases)('leaves no English in German or French, and every id exists: %s', (_, k, ms) => {
    const s = kpiStatus(k, ms);
    for (const id of ids(s.summaryMessage)) expect(source).toHaveProperty([id]);
    for (const lang of ['de', 'fr'] as const) expect(say(lang, s.summaryMessage)).not.toMatch(ENGLISH);
  });

  it('says a red KPI with thousands in German and French', () => {
    const k = kpi({ unit: 'Fälle', direction: 'higher-is-better', greenAt: 2000, redAt: 1500.5, baseline: 1800 });
    const s = kpiStatus(k, series(1234.5));
    expect(say('en', s.summaryMessage)).toBe('Red: 1,234.5 Fälle is at or below the red line of 1,500.5 Fälle.');
    expect(say('de', s.summaryMessage)).toBe(`Rot: 1.234,5${NBSP}Fälle liegt bei oder unter der roten Linie von 1.500,5${NBSP}Fälle.`);
    expect(say('fr', s.summaryMessage)).toBe(`Rouge${NNBSP}: 1${NNBSP}234,5${NBSP}Fälle est inférieur ou égal au seuil rouge de 1${NNBSP}500,5${NBSP}Fälle.`);
  });

  it('says a breached guardrail after the band, in German and French', () => {
    const s = kpiStatus(kpi({ role: 'guardrail', baseline: 9, unit: '%' }), series(10.5));
    expect(say('de', s.summaryMessage)).toBe(`Gelb: 10,5${NBSP}% liegt zwischen der roten Linie von 12${NBSP}% und Grün ab 8${NBSP}%. Leitplanke verletzt: schlechter als der Ausgangswert von 9${NBSP}%.`);
    expect(say('fr', s.summaryMessage)).toBe(
      `Orange${NNBSP}: 10,5${NNBSP}% se situe entre le seuil rouge de 12${NNBSP}% et le vert à 8${NNBSP}%. Garde-fou franchi${NNBSP}: moins bon que la référence de 9${NNBSP}%.`,
    );
  });
});

describe('the KPI definition’s checks', () => {
  it.each([
    ['no name, long texts, bad numbers', kpi({ name: ' ', unit: 'x'.repeat(300), owner: 'x'.repeat(300), definition: 'x'.repeat(30_000), baseline: Number.NaN, tolerancePct: -1, stabilizationCount: 0.5 })],
    ['green and red on one line', kpi({ greenAt: 10, redAt: 10 })],
    ['green on the wrong side, higher is better', kpi({ direction: 'higher-is-better', greenAt: 5, redAt: 10 })],
    ['green on the wrong side, lower is better', kpi({ greenAt: 15, redAt: 10 })],
    ['a target worse than the baseline', kpi({ target: 20 })],
    ['a target equal to the baseline', kpi({ target: 18 })],
    ['a target in the red band', kpi({ baseline: null, target: 13 })],
    ['a target in the amber band', kpi({ baseline: null, target: 10 })],
    ['a guardrail without baseline', kpi({ role: 'guardrail', baseline: null, target: null })],
    ['a percentage over 100', kpi({ unit: '%', baseline: 120, target: 5, greenAt: 8, redAt: 12 })],
  ])('says each check in English word for word and with no English in German or French: %s', (_, k) => {
    const issues = validateKpi(k);
    const pairs = [
      ...Object.entries(issues.errors).map(([f, text]) => [text, issues.errorMessages[f as keyof Kpi]] as const),
      ...Object.entries(issues.warnings).map(([f, text]) => [text, issues.warningMessages[f as keyof Kpi]] as const),
    ];
    expect(pairs.length).toBeGreaterThan(0);
    for (const [text, message] of pairs) {
      expect(say('en', message!)).toBe(text);
      for (const lang of ['de', 'fr'] as const) expect(say(lang, message!)).not.toMatch(ENGLISH);
    }
  });

  it('writes the numbers of a check as German and French do', () => {
    const k = kpi({ unit: '€', direction: 'higher-is-better', greenAt: 1000.5, redAt: 1500 });
    expect(say('de', validateKpi(k).errorMessages.greenAt!)).toBe(`Höher ist besser, also muss Grün (1.000,5${NBSP}€) über Rot (1.500${NBSP}€) liegen.`);
    expect(say('fr', validateKpi(kpi({ definition: 'x'.repeat(30_000) })).errorMessages.definition!)).toBe(`Au plus 20${NNBSP}000 caractères.`);
  });
});

describe('stabilization sentences', () => {
  const cases: [string, Kpi, Measurement[]][] = [
    ['no thresholds', kpi({ greenAt: null, redAt: null }), series(7)],
    ['no measurements', kpi(), []],
    ['not yet', kpi(), series(9, 7)],
    ['stable', kpi(), series(7, 7, 7)],
    ['stable after one', kpi({ stabilizationCount: 1 }), series(7)],
  ];
  it.each(cases)('says the English label word for word and no English in German or French: %s', (_, k, ms) => {
    const s = stabilization(k, ms);
    expect(say('en', s.labelMessage)).toBe(s.label);
    for (const lang of ['de', 'fr'] as const) expect(say(lang, s.labelMessage)).not.toMatch(ENGLISH);
  });

  it('counts in German and French', () => {
    expect(say('de', stabilization(kpi(), series(7, 7, 7)).labelMessage)).toBe('Stabil: Die letzten 3 Messungen sind grün');
    expect(say('fr', stabilization(kpi({ stabilizationCount: 1 }), series(7)).labelMessage)).toBe(`Stable${NNBSP}: la dernière mesure est verte`);
    expect(say('fr', stabilization(kpi(), series(9, 7)).labelMessage)).toBe('Pas encore stable (1 sur 3)');
  });
});

describe('the KPI chart in words', () => {
  it('says the English summary word for word, and German with German dates and numbers', () => {
    const k = kpi({ target: 7.5 });
    const g = kpiChart(k, series(14, 10, 7.5));
    expect(say('en', g.summaryMessage)).toBe(g.summary);
    expect(g.lines.map((l) => say('en', l.labelMessage))).toEqual(g.lines.map((l) => l.label));
    expect(g.points.map((p) => say('en', p.labelMessage))).toEqual(g.points.map((p) => p.label));
    const de = say('de', g.summaryMessage);
    expect(de).toContain(`3 Messungen vom 1. Dez. 2026 bis 3. Dez. 2026, von 14${NBSP}h auf 7,5${NBSP}h.`);
    expect(de).toContain(`Ziel 7,5${NBSP}h.`);
    expect(de).not.toMatch(ENGLISH);
    expect(say('fr', g.summaryMessage)).not.toMatch(ENGLISH);
  });
});

const uc = makeUseCase({ id: 'u1', title: 'Schadensmeldungsvorprüfungsassistent', stage: 'gate' });
function design(): PilotDesign {
  return {
    ...owned('p1'),
    useCaseId: 'u1',
    scope: '',
    workflow: '',
    usesProductionData: true,
    successCriteria: '- Durchlaufzeit unter 8 h',
    partialSuccessCriteria: '',
    failureCriteria: 'Durchlaufzeit über 12 h',
    amendments: [],
  };
}
function control(over: Partial<ControlItem> = {}): ControlItem {
  return { ...owned(`c-${over.key ?? 'x'}`), useCaseId: 'u1', checklist: 'hardening', key: 'monitoring', order: 1, label: 'Monitoring', status: 'done', owner: '', dueDate: '', ...over };
}
const rows = (over: Partial<GateRows> = {}): GateRows => ({ readiness: [], pilotDesigns: [design()], gateDecisions: [], kpis: [kpi()], measurements: [], risks: [], controls: [], ...over });
const evidence = (r: GateRows, from: Stage = 'gate', to: Stage = 'hardening') => gateEvidence(uc, r, from, to, '2026-12-15');

describe('gate evidence sentences', () => {
  it('says the thresholds as the evidence table does, in each language', () => {
    const e = evidence(rows({ kpis: [kpi({ role: 'guardrail', unit: '€', greenAt: 1000, redAt: 1500.5, baseline: 1234.5 })], measurements: series(900) }));
    const k = e.kpis[0]!;
    expect(say('en', k.bandsMessage)).toBe('Green at or below 1,000 € · Red at or above 1,500.5 € · Must not get worse than 1,234.5 €');
    expect(say('de', k.bandsMessage)).toBe(`Grün bei oder unter 1.000${NBSP}€ · Rot bei oder über 1.500,5${NBSP}€ · Darf nicht schlechter werden als 1.234,5${NBSP}€`);
    expect(say('fr', k.bandsMessage)).toBe(`Vert jusqu’à 1${NNBSP}000${NBSP}€ · Rouge à partir de 1${NNBSP}500,5${NBSP}€ · Ne doit pas devenir moins bon que 1${NNBSP}234,5${NBSP}€`);
    expect(say('de', evidence(rows({ kpis: [kpi({ greenAt: null, redAt: null })] })).kpis[0]!.bandsMessage)).toBe('Keine Schwellen gesetzt');
  });

  it('says the stabilization rule’s reasons and lines; English word for word', () => {
    const e = evidence(rows({ kpis: [kpi({ forecast: 6 })], measurements: series(9, 7.5, 7.8) }), 'rollout', 'scale');
    const r = e.stabilizationRule;
    expect(r.reasonMessages.map((x) => say('en', x))).toEqual(r.reasons);
    expect(r.lineMessages.map((x) => say('en', x))).toEqual(r.lines);
    expect(say('de', r.reasonMessages[1]!)).toBe(`Durchlaufzeit: Istwert 7,8${NBSP}h gegenüber einer Prognose von 6${NBSP}h (+30${NBSP}%), außerhalb der Toleranz`);
    expect(say('fr', r.lineMessages[0]!)).toBe(`Durchlaufzeit${NNBSP}: 2 sur 3 vertes d’affilée${NNBSP}; prévision 6${NBSP}h, réel 7,8${NBSP}h (hors tolérance)`);
    for (const x of [...r.reasonMessages, ...r.lineMessages]) for (const lang of ['de', 'fr'] as const) expect(say(lang, x)).not.toMatch(ENGLISH);
  });

  it('says why the data contradicts a "Pass", English word for word', () => {
    const e = evidence(rows({ kpis: [kpi({ role: 'guardrail', baseline: 9 }), kpi({ id: 'k2', name: 'Kosten', layer: 'model-quality' })], measurements: [...series(14), m('2026-12-01', 13, 'k2')] }));
    const names = Object.values(GATE_CRITERIA).flat();
    const all = names.flatMap((n) => criterionConflicts(n, e));
    const said = names.flatMap((n) => criterionConflictMessages(n, e));
    expect(all.length).toBeGreaterThan(1);
    // The message writes each threshold with its capital ("Green … · Red …"), where the sealed
    // English lowercases them inside the parentheses; otherwise word for word.
    expect(said.map((x) => say('en', x).toLowerCase())).toEqual(all.map((x) => x.toLowerCase()));
    expect(said.map((x) => say('de', x))).toContain(`Durchlaufzeit (Leitplanke) ist verletzt: 14${NBSP}h, schlechter als sein Ausgangswert.`);
    for (const x of said) for (const lang of ['de', 'fr'] as const) expect(say(lang, x)).not.toMatch(ENGLISH);
  });
});

describe('the proposal in the reader’s language', () => {
  it('says the gate’s own rule (hardening checklist open) from the app catalog', () => {
    const e = evidence(rows({ measurements: series(8, 7.5, 7.8), controls: [control(), control({ key: 'retries', label: 'Wiederholungen', status: 'todo' })] }), 'hardening', 'rollout');
    const p = proposeGateDecision(e);
    expect(p?.decision).toBe('second-validation');
    expect(say('en', p!.sentenceMessage)).toBe(p!.sentence);
    expect(p!.factMessages.map((f) => say('en', f))).toEqual(p!.facts);
    expect(p!.criteriaMessages.map((f) => say('en', f))).toEqual(p!.drivers.criteria);
    expect(say('de', p!.sentenceMessage)).toBe('Noch nicht für Schadensmeldungsvorprüfungsassistent: Die Härtungs-Checkliste ist nicht vollständig.');
    expect(say('fr', p!.factMessages[0]!)).toBe(`Checklist de durcissement${NNBSP}: 1 sur 2 faits${NNBSP}; ouverts${NNBSP}: Wiederholungen`);
  });

  it('says the pack’s rules through the pack catalog it is given, and the same decision', async () => {
    const e = evidence(rows({ measurements: series(14) }));
    const en = proposeGateDecision(e);
    const de = proposeGateDecision(e, (await loadPackTranslator('de')).t);
    expect(de?.decision).toBe(en?.decision);
    expect(de?.sentence).toBe(en?.sentence);
    expect(say('en', en!.sentenceMessage)).toBe(proposeGateDecision(e, englishPack.t)!.sentence);
    const sentence = say('de', de!.sentenceMessage);
    expect(sentence).toContain('Schadensmeldungsvorprüfungsassistent');
    expect(sentence).not.toMatch(ENGLISH);
    expect(say('de', de!.criteriaMessages.at(-1)!)).toBe('Misserfolg: Durchlaufzeit über 12 h');
  });

  it('says the stabilization hold in German with the KPI’s reason', () => {
    const e = evidence(rows({ kpis: [kpi({ forecast: 8 })], measurements: series(9, 7.5, 7.8) }), 'rollout', 'scale');
    const p = proposeGateDecision(e)!;
    expect(say('en', p.factMessages[0]!)).toBe(p.facts[0]);
    expect(say('de', p.factMessages[0]!)).toBe('Stabilisierung: Durchlaufzeit: noch nicht stabil (2 von 3)');
    expect(say('de', p.criteriaMessages[0]!)).toBe('Stabilisierungsregel');
  });
});

describe('the review’s form checks', () => {
  const draft = (over: Partial<GateDraft> = {}): GateDraft => ({
    from: 'gate',
    to: 'hardening',
    decision: 'advance',
    criteria: [
      { name: 'A', result: 'fail', evidence: '' },
      { name: 'B', result: 'fail', evidence: '' },
    ],
    rationale: '',
    decidedBy: '',
    nextActionsOwner: '',
    date: '2026-13-01',
    ...over,
  });

  it.each([
    ['failed criteria', draft()],
    ['one failed criterion', draft({ criteria: [{ name: 'A', result: 'fail', evidence: '' }] })],
    ['open criteria', draft({ criteria: [{ name: 'A', result: null, evidence: '' }] })],
    ['a stop', draft({ to: 'stopped', decision: 'stop' })],
    ['a move back', draft({ to: 'pilot', decision: 'move-back' })],
    ['no move', draft({ to: 'gate' })],
    ['no decision', draft({ decision: null })],
  ])('says validateGateDraft in English word for word, and with no English in German or French: %s', (_, d) => {
    const text = validateGateDraft(d);
    const said = validateGateDraftMessages(d);
    expect(Object.keys(said).sort()).toEqual(Object.keys(text).sort());
    for (const [k, v] of Object.entries(said)) {
      expect(say('en', v)).toBe(text[k as keyof typeof text]);
      for (const lang of ['de', 'fr'] as const) expect(say(lang, v)).not.toMatch(ENGLISH);
    }
  });

  it('counts failed criteria in German', () => {
    expect(say('de', validateGateDraftMessages(draft()).criteria!)).toBe(
      'Freigabe nicht möglich: 2 Kriterien sind nicht erfüllt (A; B). Wählen Sie Nachbessern, erneute Validierung oder Stopp.',
    );
  });

  it('asks for a reason to differ from the proposal and a justified "Pass", in French', () => {
    const e = evidence(rows({ kpis: [kpi({ role: 'guardrail', baseline: 9 })], measurements: series(14) }));
    const p = proposeGateDecision(e);
    const d = draft({ decision: 'advance', criteria: [{ name: GATE_CRITERIA.hardening[0]!, result: 'pass', evidence: '' }] });
    const conflicts = d.criteria.map((c) => criterionConflicts(c.name, e));
    const text = validateReview(d, p, conflicts);
    const said = reviewErrorMessages(d, p, conflicts);
    expect(say('en', said.overrideReason!)).toBe(text.overrideReason);
    expect(say('en', said.justifications![0]!)).toBe(text.justifications![0]);
    expect(say('fr', said.overrideReason!)).toBe(`Les éléments proposent «${NNBSP}Améliorer le pilote${NNBSP}». Dites pourquoi vous décidez plutôt «${NNBSP}Avancer${NNBSP}».`);
  });
});
