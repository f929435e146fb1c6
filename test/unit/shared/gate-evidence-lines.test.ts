// The evidence lines a gate decision seals, as catalog messages beside the sealed text: the decision
// log says them in its reader's language, user data (KPI names, criteria, risk titles, reasons) as
// typed; an entry sealed before (text only), or with ids this version lacks, shows its text as stored.
import { describe, expect, it } from 'vitest';
import { AMENDED_FIELD_IDS, evidenceLineMessages, evidenceLines, gateEvidence, type GateRows } from '../../../renderer/domain/gate-review';
import { PILOT_FIELD_LABELS } from '../../../renderer/db/pipeline-repo';
import { gateDecisionSchema } from '../../../renderer/domain/model';
import { messageIds, sealedLineText } from '../../../renderer/shared/message-text';
import { english, translators } from '../support/app-translators';
import type { ControlItem, GateDecision, Kpi, Measurement, PilotDesign, Risk, Stage } from '../../../renderer/domain/model';
import { makeUseCase } from '../../fixtures/factories';
import { say } from '../support/app-translators';
import { sealEntry } from '../../../renderer/domain/decision-log';

const T = '2026-11-23T09:00:00.000Z';
const owned = (id: string) => ({ id, workshopId: 'w1', createdAt: T, updatedAt: T });
function kpi(over: Partial<Kpi> = {}): Kpi {
  return {
    ...owned('k1'), useCaseId: 'u1', layer: 'business-impact', name: 'Durchlaufzeit', unit: 'h', direction: 'lower-is-better', definition: '',
    baseline: 18, target: 8, greenAt: 8, redAt: 12, greenAction: '', amberAction: '', redAction: '', timing: 'lagging', role: 'target', owner: '',
    forecast: null, tolerancePct: 10, stabilizationCount: 3, ...over,
  };
}
let seq = 0;
function m(date: string, value: number, kpiId = 'k1'): Measurement {
  seq++;
  return { ...owned(`m${String(seq).padStart(4, '0')}`), kpiId, date, value, note: '' };
}
const uc = makeUseCase({ id: 'u1', title: 'Schadensmeldungsvorprüfungsassistent', stage: 'gate' });
const design: PilotDesign = {
  ...owned('p1'), useCaseId: 'u1', scope: '', workflow: '', usesProductionData: true,
  successCriteria: '- Durchlaufzeit unter 8 h', partialSuccessCriteria: 'Kosten stabil', failureCriteria: 'Durchlaufzeit über 12 h',
  amendments: [{ at: '2026-11-30T10:00:00.000Z', field: PILOT_FIELD_LABELS.successCriteria, before: 'a', after: 'b', reason: 'Sponsor wollte es strenger' }],
};
const control = (over: Partial<ControlItem> = {}): ControlItem => ({ ...owned(`c-${over.key ?? 'x'}`), useCaseId: 'u1', checklist: 'hardening', key: 'monitoring', order: 1, label: 'Überwachung', status: 'done', owner: '', dueDate: '', ...over });
const rows = (over: Partial<GateRows> = {}): GateRows => ({ readiness: [], pilotDesigns: [design], gateDecisions: [], kpis: [kpi()], measurements: [], risks: [], controls: [], ...over });
const evidence = (r: GateRows, from: Stage = 'gate', to: Stage = 'hardening') => gateEvidence(uc, r, from, to, '2026-12-15');


const NBSP = '\u00a0';
const NNBSP = '\u202f';
/** English words of the sealed lines that a German or French line must not contain (user data aside). */
const ENGLISH = /\b(green|red|amber|guardrail|breached|trend|rising|falling|measurements?|criterion|measured|Risk|high|Overdue|due|Amendment|Hardening|done|Stabilization|not met|of)\b/;
const known = (id: string) => Object.hasOwn(english, id);

const weak = () =>
  evidence(
    rows({
      kpis: [kpi({ role: 'guardrail', baseline: 9 }), kpi({ id: 'k2', name: 'Kosten je Fall', unit: '€', greenAt: 1000, redAt: 1500.5 })],
      measurements: [m('2026-12-01', 14), m('2026-12-03', 15), m('2026-12-02', 1234.5, 'k2')],
      risks: [{ ...owned('r1'), useCaseId: 'u1', title: 'Datenleck über Łódź-Schnittstelle', likelihood: 4, impact: 4, owner: 'Zoë', status: 'open' } as unknown as Risk],
      controls: [control(), control({ key: 'retries', label: 'Wiederholungen', status: 'todo', dueDate: '2026-12-10' })],
    }),
  );

describe('gate evidence lines as messages', () => {
  it('gives one message per sealed line, and in English says the same facts', () => {
    const e = weak();
    const lines = evidenceLines(e);
    const messages = evidenceLineMessages(e);
    expect(messages).toHaveLength(lines.length);
    // The message writes dates as the log does ("3 Dec 2026") and each threshold with its capital;
    // with those two aside, word for word.
    const months: Record<string, string> = { Nov: '11', Dec: '12' };
    const plain = (x: string) => x.replace(/\b(\d{1,2}) (Nov|Dec) (\d{4})\b/g, (_, d: string, mon: string, y: string) => `${y}-${months[mon]}-${d.padStart(2, '0')}`).toLowerCase();
    expect(messages.map((x) => plain(say('en', x)))).toEqual(lines.map(plain));
  });

  it('says every line in German and French, user data as typed', () => {
    const e = weak();
    const de = evidenceLineMessages(e).map((x) => say('de', x));
    const fr = evidenceLineMessages(e).map((x) => say('fr', x));
    expect(de[0]).toBe(`KPI Durchlaufzeit: 15${NBSP}h am 3. Dez. 2026, rot, Leitplanke verletzt (Grün bei oder unter 8${NBSP}h · Rot bei oder über 12${NBSP}h · Darf nicht schlechter werden als 9${NBSP}h); Trend: steigend, schlechter (letzte 2 Messungen)`);
    expect(de[1]).toContain(`KPI Kosten je Fall: 1.234,5${NBSP}€ am 2. Dez. 2026, gelb`);
    expect(de).toContain(`Erfolgskriterium: Durchlaufzeit unter 8 h — gemessen: Durchlaufzeit 15${NBSP}h, rot, Leitplanke verletzt`);
    expect(de).toContain('Teilerfolgskriterium: Kosten stabil — kein KPI misst es');
    expect(de).toContain('Änderung vom 30. Nov. 2026: Erfolgskriterien (Go) — Sponsor wollte es strenger');
    expect(fr[0]).toBe(
      `KPI Durchlaufzeit${NNBSP}: 15${NBSP}h le 3 déc. 2026, rouge, garde-fou franchi (Vert jusqu’à 8${NBSP}h · Rouge à partir de 12${NBSP}h · Ne doit pas devenir moins bon que 9${NBSP}h)${NNBSP}; tendance${NNBSP}: en hausse, moins bien (2 dernières mesures)`,
    );
    expect(fr).toContain(`Critère de succès partiel${NNBSP}: Kosten stabil — aucun KPI ne le mesure`);
    for (const line of [...de, ...fr]) expect(line.replace(/Durchlaufzeit|Kosten je Fall|Kosten stabil|Datenleck über Łódź-Schnittstelle|Wiederholungen|Sponsor wollte es strenger/g, '')).not.toMatch(ENGLISH);
  });

  it('says the risk, overdue control, hardening checklist and stabilization rule lines', () => {
    const e = weak();
    const de = evidenceLineMessages(e).map((x) => say('de', x));
    expect(de).toContain('Risiko (kritisch, 16): Datenleck über Łódź-Schnittstelle');
    expect(de).toContain('Überfällige Maßnahme: Wiederholungen (fällig am 10. Dez. 2026)');
    expect(de).toContain('Härtungs-Checkliste: 1 von 2 erledigt');
    const s = evidence(rows({ kpis: [kpi({ forecast: 6 })], measurements: [m('2026-12-01', 9), m('2026-12-02', 7.5), m('2026-12-03', 7.8)] }), 'rollout', 'scale');
    const last = evidenceLineMessages(s).at(-1)!;
    expect(say('en', last)).toBe(evidenceLines(s).at(-1));
    expect(say('de', last)).toBe(`Stabilisierungsregel: nicht erfüllt (Durchlaufzeit: noch nicht stabil (2 von 3); Durchlaufzeit: Istwert 7,8${NBSP}h gegenüber einer Prognose von 6${NBSP}h (+30${NBSP}%), außerhalb der Toleranz)`);
    expect(say('fr', last)).toMatch(/^Règle de stabilisation\u202f: non respectée \(/);
  });

  it('names every pilot field an amendment stores from the catalog, and keeps a label it does not know', () => {
    expect(Object.keys(AMENDED_FIELD_IDS).sort()).toEqual(Object.values(PILOT_FIELD_LABELS).sort());
    for (const [label, id] of Object.entries(AMENDED_FIELD_IDS)) expect(translators.en.t(id as never)).toBe(label);
    const custom = evidence(rows({ pilotDesigns: [{ ...design, amendments: [{ ...design.amendments[0]!, field: 'Budget' }] }] }));
    expect(evidenceLineMessages(custom).map((x) => say('fr', x))).toContain(`Modification du 30 nov. 2026${NNBSP}: Budget — Sponsor wollte es strenger`);
  });

  it('uses only ids the catalog has, and no select key the ICU syntax refuses', () => {
    const all = [...evidenceLineMessages(weak()), ...evidenceLineMessages(evidence(rows({ kpis: [], pilotDesigns: [] })))];
    for (const x of all) for (const id of messageIds(x)) expect(known(id), id).toBe(true);
    expect(say('de', evidenceLineMessages(evidence(rows({ kpis: [] })))[0]!)).toBe('Kein KPI festgelegt.');
    const noData = evidenceLineMessages(evidence(rows()))[0]!;
    expect(say('de', noData)).toMatch(/^KPI Durchlaufzeit: —, keine Daten \(/);
  });
});

describe('a sealed line in the reader’s language', () => {
  const line = evidenceLines(weak())[0]!;
  const message = evidenceLineMessages(weak())[0]!;
  it('says the message when every id is known', () => {
    expect(sealedLineText(translators.de.t, 'de', line, message, known)).toMatch(/^KPI Durchlaufzeit: 15\u00a0h am 3\. Dez\. 2026, rot/);
  });
  it('shows an entry sealed before messages existed as stored, in every language', () => {
    for (const lang of ['en', 'de', 'fr'] as const) expect(sealedLineText(translators[lang].t, lang, line, undefined, known)).toBe(line);
  });
  it('shows the stored text when a message uses an id this version lacks (a file from a later version)', () => {
    const later = { ...message, values: { ...message.values, trend: { id: 'gateText.evidence.trendV2', values: { over: 3 } } } };
    expect(sealedLineText(translators.fr.t, 'fr', line, later, known)).toBe(line);
    expect(sealedLineText(translators.fr.t, 'fr', line, { id: 'nope.unknown' }, known)).toBe(line);
  });
});

describe('the stored shape (workshop file and database rows)', () => {
  const sealed = (over: Partial<GateDecision> = {}): GateDecision => {
    const e = weak();
    const content = sealEntry(undefined, {
      useCaseTitle: uc.title,
      fromStage: 'gate',
      toStage: 'hardening',
      criteria: [],
      decision: 'advance',
      rationale: '',
      decidedBy: 'Zoë Müller',
      nextActionsOwner: '',
      date: '2026-12-02',
      createdAt: T,
      evidence: evidenceLines(e),
      evidenceMessages: evidenceLineMessages(e),
    });
    return { id: 'd1', workshopId: 'w1', useCaseId: 'u1', updatedAt: T, ...content, ...over };
  };
  it('accepts an entry with the messages the app seals, and one without them', () => {
    const withMessages = sealed();
    expect(gateDecisionSchema.parse(JSON.parse(JSON.stringify(withMessages)))).toEqual(withMessages);
    const { evidenceMessages: _, ...without } = withMessages;
    expect(gateDecisionSchema.safeParse(without).success).toBe(true);
  });
  it('refuses messages that are not messages, too many of them, or nested without end', () => {
    expect(gateDecisionSchema.safeParse(sealed({ evidenceMessages: [{ id: 'x', values: { a: { nope: 1 } } }] as never })).success).toBe(false);
    expect(gateDecisionSchema.safeParse(sealed({ evidenceMessages: [{ id: 'x', extra: 1 }] as never })).success).toBe(false);
    expect(gateDecisionSchema.safeParse(sealed({ evidenceMessages: Array.from({ length: 201 }, () => ({ id: 'gateText.evidence.noKpi' })) })).success).toBe(false);
    let deep: Record<string, unknown> = { id: 'gateText.evidence.noKpi' };
    for (let i = 0; i < 5000; i++) deep = { id: 'gateText.names.more', values: { shown: deep } };
    expect(gateDecisionSchema.safeParse(sealed({ evidenceMessages: [deep] as never })).success).toBe(false);
  });
});
