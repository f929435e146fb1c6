// What a gate review weighs, and the decision the evidence points to. For a forward move from the
// pilot on, the review gathers each KPI's latest value against its bands with its trend, the
// pilot's written criteria with the KPI results that measure them, open high and critical risks,
// overdue controls, the pilot's amendments, the hardening checklist (the gate out of Hardening)
// and the stabilization rule (the gate into Scale). The proposal comes from the same rules the
// sponsor pack's decisions page uses (domain/recommendations.ts); this module only adds the two
// stage-specific checks on top. Pure: the dialog, the repository that seals the decision and the
// tests all compute the same thing.
import type { ControlItem, GateDecision, Kpi, KpiLayer, Measurement, PilotDesign, Stage, UseCase, WorkshopRows } from './model';
import {
  BAND_LABELS,
  boundaryWords,
  directionKey,
  formatValue,
  measured,
  kpiStatus,
  measurementsOf,
  stabilization,
  variance,
  type KpiBand,
  type Stabilization,
  type Variance,
} from './kpi';
import { RISK_BAND_LABELS, isActiveRisk, riskBand, riskScore, sortRisks, type RiskBand } from './risks';
import { CONTROL_STATUS_LABELS, checklistProgress, isOverdue as isControlOverdue } from './controls';
import { readinessVerdict } from './readiness';
import { recommend, type DecisionEvidence, type PackSay, type RecommendedDecision } from './recommendations';
import { msg, type Message, type MessageValue } from './message';
import { decisionEvidence } from './sponsor-pack';
import { DECISION_LABELS, classifyMove, shippedCriterion, decisionsFor, stageIndex, type GateDecisionKind, type GateDraft } from './stages';

/** The rows a review reads; only the reviewed use case's rows are needed. */
export type GateRows = Pick<WorkshopRows, 'readiness' | 'pilotDesigns' | 'gateDecisions' | 'kpis' | 'measurements' | 'risks' | 'controls'>;

export type TrendDirection = 'up' | 'down' | 'flat';
export type Trend = {
  /** Null with fewer than two measurements. */
  direction: TrendDirection | null;
  /** Whether the move is good news for this KPI's direction. */
  meaning: 'better' | 'worse' | 'flat' | null;
  /** How many of the latest measurements the trend spans. */
  over: number;
  /** "Rising, better (last 3 measurements)", "Flat (last 3)", "Too few measurements for a trend". */
  label: string;
};

/** How many of the latest measurements a trend looks at. */
export const TREND_WINDOW = 3;
/**
 * A change of at most 5 % of the earlier value counts as flat: week-to-week noise in a green KPI
 * (7.5, 7.8, 7.6 hours) is no trend, and calling it "worse" would send the room after nothing.
 */
export const FLAT_SHARE = 0.05;

/** The trend over the last `window` measurements: the latest value against the earliest of them. */
export function kpiTrend(kpi: Pick<Kpi, 'id' | 'direction'>, measurements: readonly Measurement[], window = TREND_WINDOW): Trend {
  const list = measurementsOf(kpi.id, measurements).slice(-window);
  if (list.length < 2) return { direction: null, meaning: null, over: list.length, label: 'Too few measurements for a trend' };
  const first = (list[0] as Measurement).value;
  const last = (list[list.length - 1] as Measurement).value;
  const delta = last - first;
  const flat = Math.abs(delta) <= Math.abs(first) * FLAT_SHARE || Math.abs(delta) < 1e-9;
  const over = list.length;
  if (flat) return { direction: 'flat', meaning: 'flat', over, label: `Flat (last ${over} measurements)` };
  const direction: TrendDirection = delta > 0 ? 'up' : 'down';
  const better = (delta > 0) === (kpi.direction === 'higher-is-better');
  return {
    direction,
    meaning: better ? 'better' : 'worse',
    over,
    label: `${direction === 'up' ? 'Rising' : 'Falling'}, ${better ? 'better' : 'worse'} (last ${over} measurements)`,
  };
}

export type KpiEvidence = {
  kpiId: string;
  name: string;
  layer: KpiLayer;
  role: Kpi['role'];
  unit: string;
  latest: number | null;
  latestDate: string;
  /** "14 h" or "—". */
  latestText: string;
  band: KpiBand;
  bandLabel: string;
  /** "Green at or below 8 h · red at or above 12 h". */
  bandsText: string;
  /** The thresholds as a catalog message (gateText.bands.*), for a reader of any language. */
  bandsMessage: Message;
  trend: Trend;
  guardrailBreached: boolean;
  /** The response action agreed for where it stands. */
  action: string;
  summary: string;
  /** `summary` as a catalog message (kpiText.status.*). */
  summaryMessage: Message;
  stabilization: Stabilization;
  variance: Variance | null;
};

/** One line of the pilot's success, partial-success or failure criteria, with the KPIs it names. */
export type PilotCriterionEvidence = {
  kind: 'success' | 'partial' | 'failure';
  text: string;
  /** KPIs whose name the line mentions, with where each stands now. */
  measuredBy: { name: string; latest: number | null; unit: string; latestText: string; band: KpiBand; bandLabel: string; guardrailBreached: boolean }[];
};

export type RiskEvidence = { title: string; score: number; band: RiskBand; bandLabel: string; owner: string; statusLabel: string };
export type ControlEvidence = { label: string; dueDate: string; owner: string; statusLabel: string };

export type ChecklistEvidence = {
  done: number;
  applicable: number;
  complete: boolean;
  /** Items not done yet (to do or in progress). */
  open: ControlEvidence[];
  /** Every item, to find a standard one by its template key. */
  items: { key: string; label: string; status: ControlItem['status'] }[];
};

export type StabilizationRule = {
  met: boolean;
  /** One sentence per KPI that holds the rule back, or why it cannot be judged. */
  reasons: string[];
  /** One line per KPI: held / needed and forecast against actual. */
  lines: string[];
  /** `reasons` and `lines` as catalog messages (gateText.rule.*), for a reader of any language. */
  reasonMessages: Message[];
  lineMessages: Message[];
  /** KPIs without a forecast: the forecast half of the rule cannot be checked for them. */
  withoutForecast: string[];
};

export type GateEvidence = {
  useCaseTitle: string;
  from: Stage;
  to: Stage;
  kpis: KpiEvidence[];
  pilotCriteria: PilotCriterionEvidence[];
  openHighRisks: RiskEvidence[];
  overdueControls: ControlEvidence[];
  amendments: PilotDesign['amendments'];
  /** The hardening checklist: the plan when entering Hardening, the exit test when leaving it. */
  hardening: ChecklistEvidence;
  /** Whether the move passes the gate out of Hardening (its checklist is weighed). */
  weighsHardening: boolean;
  /** Whether the move passes the gate into Scale (the stabilization rule is weighed). */
  weighsStabilization: boolean;
  stabilizationRule: StabilizationRule;
  /** The evidence the sponsor pack's recommendation rules read (domain/recommendations.ts). */
  base: DecisionEvidence;
};

/** A forward move from the pilot on: the moves whose review weighs evidence and proposes. */
export function reviewsEvidence(from: Stage, to: Stage): boolean {
  const kind = classifyMove(from, to);
  return (kind === 'gate' || kind === 'skip') && stageIndex(from) >= stageIndex('pilot');
}

function bandsText(kpi: Kpi): string {
  const w = boundaryWords(kpi);
  const parts = [
    kpi.greenAt !== null ? `green ${w.green} ${formatValue(kpi.greenAt, kpi.unit)}` : '',
    kpi.redAt !== null ? `red ${w.red} ${formatValue(kpi.redAt, kpi.unit)}` : '',
    kpi.role === 'guardrail' && kpi.baseline !== null ? `must not get worse than ${formatValue(kpi.baseline, kpi.unit)}` : '',
  ].filter(Boolean);
  const text = parts.join(' · ');
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : 'No thresholds set';
}

/** bandsText as a catalog message: each part stands alone, so each starts with its capital. */
function bandsMessage(kpi: Kpi): Message {
  const dir = directionKey(kpi);
  const parts: Message[] = [];
  if (kpi.greenAt !== null) parts.push(msg('gateText.bands.green', { dir, value: measured(kpi.greenAt, kpi.unit) }));
  if (kpi.redAt !== null) parts.push(msg('gateText.bands.red', { dir, value: measured(kpi.redAt, kpi.unit) }));
  if (kpi.role === 'guardrail' && kpi.baseline !== null) parts.push(msg('gateText.bands.guardrail', { value: measured(kpi.baseline, kpi.unit) }));
  return parts.length ? msg('gateText.bands.list', { parts: { list: parts, separator: ' · ' } }) : msg('gateText.bands.none');
}

/** Names joined with "; ", the rest counted ("a; b; c and 2 more"), as a message value. */
function namesValue(items: readonly MessageValue[], max = 3): MessageValue {
  const shown: MessageValue = { list: items.slice(0, max), separator: '; ' };
  return items.length > max ? msg('gateText.names.more', { shown, count: items.length - max }) : shown;
}

/** The latest value of a KPI as a message value ("—" without one). */
const latestValue = (k: Pick<KpiEvidence, 'latest' | 'unit'>): MessageValue => (k.latest === null ? '—' : measured(k.latest, k.unit));

function kpiEvidence(kpi: Kpi, measurements: readonly Measurement[]): KpiEvidence {
  const st = kpiStatus(kpi, measurements);
  return {
    kpiId: kpi.id,
    name: kpi.name,
    layer: kpi.layer,
    role: kpi.role,
    unit: kpi.unit,
    latest: st.latest?.value ?? null,
    latestDate: st.latest?.date ?? '',
    latestText: st.latest ? formatValue(st.latest.value, kpi.unit) : '—',
    band: st.band,
    bandLabel: BAND_LABELS[st.band],
    bandsText: bandsText(kpi),
    bandsMessage: bandsMessage(kpi),
    trend: kpiTrend(kpi, measurements),
    guardrailBreached: st.guardrailBreached,
    action: st.action,
    summary: st.summary,
    summaryMessage: st.summaryMessage,
    stabilization: stabilization(kpi, measurements),
    variance: variance(kpi, st.latest?.value ?? null),
  };
}

/** Lines of a criteria text: one per line, bullets and numbering dropped. */
function criterionLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*(?:[-*•–]|\d+[.)])\s*/, '').trim())
    .filter(Boolean);
}

/** True when `line` names the KPI (case-insensitive, not inside a longer word). */
export function namesKpi(line: string, kpiName: string): boolean {
  const name = kpiName.trim().toLocaleLowerCase();
  if (name.length < 2) return false;
  const hay = line.toLocaleLowerCase();
  let at = hay.indexOf(name);
  while (at >= 0) {
    const before = hay[at - 1];
    const after = hay[at + name.length];
    const letter = /[\p{L}\p{N}]/u;
    if ((before === undefined || !letter.test(before)) && (after === undefined || !letter.test(after))) return true;
    at = hay.indexOf(name, at + 1);
  }
  return false;
}

function pilotCriteria(design: PilotDesign | undefined, kpis: readonly KpiEvidence[]): PilotCriterionEvidence[] {
  if (!design) return [];
  const out: PilotCriterionEvidence[] = [];
  const add = (kind: PilotCriterionEvidence['kind'], text: string) => {
    for (const line of criterionLines(text)) {
      out.push({
        kind,
        text: line,
        measuredBy: kpis
          .filter((k) => namesKpi(line, k.name))
          .map((k) => ({ name: k.name, latest: k.latest, unit: k.unit, latestText: k.latestText, band: k.band, bandLabel: k.bandLabel, guardrailBreached: k.guardrailBreached })),
      });
    }
  };
  add('success', design.successCriteria);
  add('partial', design.partialSuccessCriteria);
  add('failure', design.failureCriteria);
  return out;
}

function controlEvidence(c: ControlItem): ControlEvidence {
  return { label: c.label, dueDate: c.dueDate, owner: c.owner, statusLabel: CONTROL_STATUS_LABELS[c.status] };
}

/** Stable for N green measurements in a row, and the latest actual within the forecast tolerance, for every KPI. */
export function stabilizationRule(kpis: readonly KpiEvidence[]): StabilizationRule {
  const reasons: string[] = [];
  const lines: string[] = [];
  const withoutForecast: string[] = [];
  const reasonMessages: Message[] = [];
  const lineMessages: Message[] = [];
  if (kpis.length === 0) {
    reasons.push('No KPI is defined, so nothing shows the thresholds held.');
    reasonMessages.push(msg('gateText.rule.noKpi'));
  }
  for (const k of kpis) {
    const s = k.stabilization;
    const v = k.variance;
    if (!s.stable) {
      reasons.push(`${k.name}: ${s.label.replace(/^Not yet stable:?\s*/, 'not yet stable ').trim()}`);
      const noThresholds = s.labelMessage.id === 'kpiText.stab.noThresholds';
      reasonMessages.push(
        noThresholds
          ? msg('gateText.rule.noThresholds', { name: k.name })
          : k.latest === null
            ? msg('gateText.rule.noMeasurements', { name: k.name, needed: s.needed })
            : msg('gateText.rule.notStable', { name: k.name, held: s.held, needed: s.needed }),
      );
    }
    if (v?.beyondTolerance) {
      const pct = v.pct === null ? `${formatValue(v.units, k.unit)} off` : `${v.pct > 0 ? '+' : ''}${formatValue(Number(v.pct.toFixed(1)))}%`;
      reasons.push(`${k.name}: actual ${formatValue(v.actual, k.unit)} against a forecast of ${formatValue(v.forecast, k.unit)} (${pct}), beyond the tolerance`);
      const said = { name: k.name, actual: measured(v.actual, k.unit), forecast: measured(v.forecast, k.unit) };
      reasonMessages.push(
        v.pct === null
          ? msg('gateText.rule.beyondUnits', { ...said, off: measured(v.units, k.unit) })
          : msg('gateText.rule.beyondPct', { ...said, plus: v.pct > 0 ? 'yes' : 'no', pct: measured(Number(v.pct.toFixed(1)), '%') }),
      );
    }
    if (v === null && k.latest !== null) withoutForecast.push(k.name);
    lines.push(
      `${k.name}: ${s.held} of ${s.needed} green in a row; ${
        v === null ? (k.latest === null ? 'no measurement' : 'no forecast set') : `forecast ${formatValue(v.forecast, k.unit)}, actual ${formatValue(v.actual, k.unit)}${v.beyondTolerance ? ' (beyond tolerance)' : ' (within tolerance)'}`
      }`,
    );
    lineMessages.push(
      msg('gateText.rule.line', {
        name: k.name,
        held: s.held,
        needed: s.needed,
        rest:
          v === null
            ? msg(k.latest === null ? 'gateText.rule.noMeasurement' : 'gateText.rule.noForecast')
            : msg('gateText.rule.forecast', { forecast: measured(v.forecast, k.unit), actual: measured(v.actual, k.unit), beyond: v.beyondTolerance ? 'yes' : 'no' }),
      }),
    );
  }
  return { met: reasons.length === 0, reasons, lines, withoutForecast, reasonMessages, lineMessages };
}

/** Gathers the evidence for one move of one use case. `rows` may hold the whole workshop or just this use case. */
export function gateEvidence(useCase: UseCase, rows: GateRows, from: Stage, to: Stage, today: string): GateEvidence {
  const kpiRows = rows.kpis.filter((k) => k.useCaseId === useCase.id);
  const kpiIds = new Set(kpiRows.map((k) => k.id));
  const measurements = rows.measurements.filter((m) => kpiIds.has(m.kpiId));
  const kpis = kpiRows.map((k) => kpiEvidence(k, measurements));
  const design = rows.pilotDesigns.find((d) => d.useCaseId === useCase.id);
  const controls = rows.controls.filter((c) => c.useCaseId === useCase.id).sort((a, b) => a.order - b.order);
  const hardeningItems = controls.filter((c) => c.checklist === 'hardening');
  const progress = checklistProgress(hardeningItems);
  const verdict = readinessVerdict(rows.readiness.find((r) => r.useCaseId === useCase.id));
  const full: Parameters<typeof decisionEvidence>[1] = { ...rows, measurements };
  return {
    useCaseTitle: useCase.title,
    from,
    to,
    kpis,
    pilotCriteria: pilotCriteria(design, kpis),
    openHighRisks: sortRisks(rows.risks.filter((r) => r.useCaseId === useCase.id && isActiveRisk(r) && r.status !== 'accepted'))
      .map((r) => ({ r, band: riskBand(riskScore(r)) }))
      .filter(({ band }) => band === 'high' || band === 'critical')
      .map(({ r, band }) => ({ title: r.title, score: riskScore(r), band, bandLabel: RISK_BAND_LABELS[band], owner: r.owner, statusLabel: r.status === 'open' ? 'Open' : 'Mitigating' })),
    overdueControls: controls.filter((c) => isControlOverdue(c, today)).map(controlEvidence),
    amendments: design?.amendments ?? [],
    hardening: {
      done: progress.done,
      applicable: progress.applicable,
      complete: progress.applicable > 0 && progress.done === progress.applicable,
      open: hardeningItems.filter((c) => c.status === 'todo' || c.status === 'in-progress').map(controlEvidence),
      items: hardeningItems.map((c) => ({ key: c.key, label: c.label, status: c.status })),
    },
    weighsHardening: stageIndex(from) <= stageIndex('hardening') && stageIndex(to) >= stageIndex('rollout'),
    weighsStabilization: to === 'scale',
    stabilizationRule: stabilizationRule(kpis),
    base: decisionEvidence(useCase, full, from, verdict, today),
  };
}

export type GateProposal = {
  /** The decision to record, as the review's options name it. */
  decision: GateDecisionKind;
  /** The method's word for it: scale, improve the pilot, second validation, stop. */
  recommendation: RecommendedDecision;
  label: string;
  /** One sentence: the decision and its main reason. */
  sentence: string;
  /** The facts that drive it, most decisive first. */
  facts: string[];
  /** The KPIs and criteria the proposal rests on, by name. */
  drivers: { kpis: string[]; criteria: string[] };
  /**
   * The sentence, facts and criteria driving it as catalog messages, for a reader of any
   * language. The sponsor pack's rules say theirs through the `say` given to proposeGateDecision
   * (the pack catalog in the reader's language), carried here as text; the gate's own rules
   * (hardening, stabilization) are gateText.* messages.
   */
  sentenceMessage: Message;
  factMessages: Message[];
  criteriaMessages: Message[];
  /** `label` as a catalog message. */
  labelMessage: Message;
};

const TO_GATE_DECISION: Partial<Record<RecommendedDecision, GateDecisionKind>> = {
  scale: 'advance',
  'improve-pilot': 'improve-pilot',
  'second-validation': 'second-validation',
  stop: 'stop',
};

function listNames(items: readonly string[], max = 3): string {
  const shown = items.slice(0, max).join('; ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

/**
 * The decision the evidence points to, or null when the move proposes nothing (a move that is not
 * a forward gate from the pilot on, or a pilot with nothing measured yet). The KPI, criteria, risk
 * and control rules are the sponsor pack's (`recommend`); a use case in Hardening is weighed by
 * the readiness gate's rules, since it has no decision point of its own in the pack. On top: the
 * gate out of Hardening holds a "scale" back while its checklist is open, and the gate into Scale
 * while the stabilization rule is not met.
 */
export function proposeGateDecision(e: GateEvidence, say?: PackSay): GateProposal | null {
  if (!reviewsEvidence(e.from, e.to)) return null;
  const ruleStage: Stage = e.from === 'hardening' ? 'gate' : e.from;
  const rec = recommend({ ...e.base, stage: ruleStage });
  if (!rec) return null;
  // The same rules said in the reader's language: only the words differ, never the decision.
  const said = say ? (recommend({ ...e.base, stage: ruleStage }, say) ?? rec) : rec;
  const text = (t: string) => msg('gateText.text', { text: t });

  const out = (k: { name: string }) => k.name;
  const redOrBreached = e.kpis.filter((k) => k.band === 'red' || k.guardrailBreached).map(out);
  const amber = e.kpis.filter((k) => k.band === 'amber' && !k.guardrailBreached).map(out);
  const green = e.kpis.filter((k) => k.band === 'green' && !k.guardrailBreached).map(out);
  const criteriaOf = (names: readonly string[]) =>
    e.pilotCriteria.filter((c) => c.measuredBy.some((m) => names.includes(m.name))).map((c) => `${PILOT_KIND_LABELS[c.kind]}: ${c.text}`);

  let recommendation = rec.decision;
  let sentence = rec.sentence;
  let facts = [...rec.facts];
  let sentenceMessage = text(said.sentence);
  let factMessages = said.facts.map(text);
  if (recommendation === 'scale' && e.weighsHardening && !e.hardening.complete) {
    recommendation = 'second-validation';
    sentence = `Not yet for ${e.useCaseTitle}: the hardening checklist is not complete.`;
    facts = [
      e.hardening.applicable === 0
        ? 'No hardening checklist yet'
        : `Hardening checklist: ${e.hardening.done} of ${e.hardening.applicable} done; open: ${listNames(e.hardening.open.map((c) => c.label))}`,
      ...rec.facts,
    ].slice(0, 3);
    sentenceMessage = msg('gateText.proposal.hardening', { title: e.useCaseTitle });
    factMessages = [
      e.hardening.applicable === 0
        ? msg('gateText.fact.noHardening')
        : msg('gateText.fact.hardening', { done: e.hardening.done, total: e.hardening.applicable, open: namesValue(e.hardening.open.map((c) => c.label)) }),
      ...factMessages,
    ].slice(0, 3);
  } else if (recommendation === 'scale' && e.weighsStabilization && !e.stabilizationRule.met) {
    recommendation = 'second-validation';
    sentence = `Keep the limited rollout of ${e.useCaseTitle} running: the stabilization rule is not met yet.`;
    facts = [`Stabilization: ${listNames(e.stabilizationRule.reasons, 2)}`, ...rec.facts].slice(0, 3);
    sentenceMessage = msg('gateText.proposal.stabilization', { title: e.useCaseTitle });
    factMessages = [msg('gateText.fact.stabilization', { reasons: namesValue(e.stabilizationRule.reasonMessages, 2) }), ...factMessages].slice(0, 3);
  }
  const decision = TO_GATE_DECISION[recommendation];
  if (!decision || !decisionsFor(e.from, e.to).includes(decision)) return null;

  const kpis = recommendation === 'scale' ? green : recommendation === 'second-validation' && redOrBreached.length === 0 ? amber : redOrBreached;
  const criteria = [...e.base.failedCriteria.map((c) => `Gate criterion failed: ${c}`), ...criteriaOf(kpis)];
  const criteriaMessages = [
    ...e.base.failedCriteria.map((c) => msg('gateText.driver.failed', { name: c })),
    ...e.pilotCriteria.filter((c) => c.measuredBy.some((m) => kpis.includes(m.name))).map((c) => msg('gateText.driver.pilot', { kind: c.kind, text: c.text })),
  ];
  if (recommendation === 'second-validation' && e.weighsHardening && !e.hardening.complete) {
    criteria.unshift('Hardening checklist complete');
    criteriaMessages.unshift(msg('gateText.driver.hardening'));
  }
  if (recommendation === 'second-validation' && e.weighsStabilization && !e.stabilizationRule.met) {
    criteria.unshift('Stabilization rule');
    criteriaMessages.unshift(msg('gateText.driver.stabilization'));
  }
  return {
    decision,
    recommendation,
    label: PROPOSAL_LABELS[recommendation],
    sentence,
    facts,
    drivers: { kpis, criteria },
    sentenceMessage,
    factMessages,
    criteriaMessages,
    labelMessage: msg(PROPOSAL_IDS[recommendation]),
  };
}

const PROPOSAL_LABELS: Record<RecommendedDecision, string> = {
  'start-pilot': 'Start the pilot',
  'readiness-sprint': 'Readiness sprint first',
  scale: 'Scale',
  'improve-pilot': 'Improve the pilot',
  'second-validation': 'Run a second validation',
  stop: 'Stop',
};

export const PILOT_KIND_LABELS: Record<PilotCriterionEvidence['kind'], string> = {
  success: 'Success',
  partial: 'Partial success',
  failure: 'Failure',
};

/** Which data each gate criterion answers to: KPI layers (red or breached), and other checks. */
type CriterionDependency = {
  layers?: readonly KpiLayer[];
  /** Every KPI of the use case. */
  allKpis?: boolean;
  /** Every guardrail, whatever its layer: a gain bought by breaking a guardrail is no impact. */
  guardrails?: boolean;
  /** Nothing measured at all contradicts it. */
  measured?: boolean;
  /** Not stable yet (N green in a row) contradicts it. */
  stable?: boolean;
  /** An actual beyond the forecast tolerance contradicts it. */
  forecast?: boolean;
  /** An open item on the hardening checklist contradicts it. */
  hardening?: boolean;
  /** These hardening items must be done. */
  controls?: readonly string[];
};

/**
 * Which data each shipped gate criterion answers to, by its key (assets/method/<language>/
 * gate-criteria.json): a criterion keeps its data link in every language and when reworded there.
 */
const DEPENDENCIES: ReadonlyMap<string, CriterionDependency> = new Map<string, CriterionDependency>([
  ['kpi-impact', { layers: ['business-impact'], guardrails: true }],
  ['model-stability', { layers: ['model-quality'] }],
  ['security-controls', { layers: ['governance-health'] }],
  ['operational-support', { layers: ['operational-performance'] }],
  ['metrics-recorded', { measured: true }],
  ['hardening-checklist', { hardening: true }],
  ['human-fallback', { controls: ['human-fallback', 'low-confidence-escalation'] }],
  ['thresholds-held', { allKpis: true, stable: true }],
  ['forecast-vs-actual', { forecast: true }],
]);

/**
 * Why the data says otherwise than "Pass" for this criterion: one sentence per contradiction (a
 * KPI it depends on in its red band, a breached guardrail, an open checklist item…). Empty when
 * the data does not contradict a pass, or the criterion depends on no data the app holds. The
 * criterion is found by its name in any language Liftoff ships.
 */
export function criterionConflicts(name: string, e: GateEvidence): string[] {
  return conflictsOf(name, e).map((c) => c.text);
}

/** criterionConflicts as catalog messages (gateText.conflict.*), for a reader of any language. */
export function criterionConflictMessages(name: string, e: GateEvidence): Message[] {
  return conflictsOf(name, e).map((c) => c.message);
}

/** Each contradiction once, in English (sealed with the decision) and as a message (shown). */
function conflictsOf(name: string, e: GateEvidence): { text: string; message: Message }[] {
  const shipped = shippedCriterion(name);
  const dep = shipped ? DEPENDENCIES.get(shipped.key) : undefined;
  if (!dep) return [];
  const out: { text: string; message: Message }[] = [];
  const add = (text: string, message: Message) => out.push({ text, message });
  for (const k of e.kpis) {
    const inScope = dep.allKpis || (dep.layers?.includes(k.layer) ?? false);
    const latest = latestValue(k);
    if (k.guardrailBreached && (inScope || dep.guardrails)) add(`${k.name} (guardrail) is breached: ${k.latestText}, worse than its baseline.`, msg('gateText.conflict.breached', { name: k.name, latest }));
    else if (inScope && k.band === 'red')
      add(`${k.name} is red: ${k.latestText} (${k.bandsText.charAt(0).toLowerCase()}${k.bandsText.slice(1)}).`, msg('gateText.conflict.red', { name: k.name, latest, bands: k.bandsMessage }));
    if (dep.stable && !k.stabilization.stable && k.band !== 'red' && !k.guardrailBreached) {
      const { held, needed } = k.stabilization;
      add(`${k.name} is not stable yet: ${held} of ${needed} green in a row.`, msg('gateText.conflict.notStable', { name: k.name, held, needed }));
    }
    if (dep.forecast && k.variance?.beyondTolerance) {
      add(
        `${k.name}: actual ${formatValue(k.variance.actual, k.unit)} is beyond the tolerance of the forecast ${formatValue(k.variance.forecast, k.unit)}.`,
        msg('gateText.conflict.forecast', { name: k.name, actual: measured(k.variance.actual, k.unit), forecast: measured(k.variance.forecast, k.unit) }),
      );
    }
  }
  if (dep.measured && e.kpis.every((k) => k.latest === null)) {
    if (e.kpis.length === 0) add('No KPI is defined.', msg('gateText.conflict.noKpi'));
    else add('No KPI has a measurement.', msg('gateText.conflict.noMeasurement'));
  }
  if (dep.hardening && !e.hardening.complete) {
    const open = e.hardening.applicable - e.hardening.done;
    if (e.hardening.applicable === 0) add('The hardening checklist is empty.', msg('gateText.conflict.hardeningEmpty'));
    else add(`The hardening checklist has ${open} open ${open === 1 ? 'item' : 'items'}.`, msg('gateText.conflict.hardeningOpen', { count: open }));
  }
  for (const key of dep.controls ?? []) {
    const item = e.hardening.items.find((c) => c.key === key);
    const known = HARDENING_LABELS[key];
    if (!item) add(`${known?.text ?? key}: not on the hardening checklist.`, msg('gateText.conflict.notOnChecklist', { label: known ? msg(known.id) : key }));
    else if (item.status === 'todo' || item.status === 'in-progress') add(`${item.label}: not done yet.`, msg('gateText.conflict.notDone', { label: item.label }));
  }
  return out;
}

const HARDENING_LABELS: Record<string, { text: string; id: string }> = {
  'human-fallback': { text: 'Fallback to a human', id: 'gateText.control.humanFallback' },
  'low-confidence-escalation': { text: 'Escalation of low-confidence output', id: 'gateText.control.lowConfidence' },
};

export type ReviewErrors = {
  /** The decision differs from the proposal and no reason is given. */
  overrideReason?: string;
  /** Criteria marked "Pass" against the data without a written justification, by index. */
  justifications?: Record<number, string>;
};

/** What a review needs beyond the plain gate rules (`validateGateDraft`): a reason to differ, justified passes. */
export function validateReview(draft: GateDraft, proposal: GateProposal | null, conflicts: readonly (readonly string[])[]): ReviewErrors {
  const errors: ReviewErrors = {};
  if (proposal && draft.decision && draft.decision !== proposal.decision && !(draft.overrideReason ?? '').trim()) {
    errors.overrideReason = `The evidence proposes "${proposal.label}". Say why you decide "${DECISION_LABELS[draft.decision]}" instead.`;
  }
  draft.criteria.forEach((c, i) => {
    if (c.result === 'pass' && (conflicts[i]?.length ?? 0) > 0 && !(c.justification ?? '').trim()) {
      errors.justifications = { ...errors.justifications, [i]: `The data says otherwise: justify "Pass" for ${c.name}.` };
    }
  });
  return errors;
}

/** validateReview's errors as catalog messages, for a reader of any language. */
export type ReviewErrorMessages = { overrideReason?: Message; justifications?: Record<number, Message> };

const PROPOSAL_IDS: Record<RecommendedDecision, string> = {
  'start-pilot': 'gate.proposal.startPilot',
  'readiness-sprint': 'gate.proposal.readinessSprint',
  scale: 'gate.proposal.scale',
  'improve-pilot': 'gate.proposal.improvePilot',
  'second-validation': 'gate.proposal.secondValidation',
  stop: 'gate.proposal.stop',
};
const DECISION_IDS: Record<GateDecisionKind, string> = {
  advance: 'pipeline.decision.advance',
  'improve-pilot': 'pipeline.decision.improvePilot',
  'second-validation': 'pipeline.decision.secondValidation',
  stop: 'pipeline.decision.stop',
  'move-back': 'pipeline.decision.moveBack',
  're-enter': 'pipeline.decision.reEnter',
};

/** validateReview, said as messages: the same errors, keyed the same way. */
export function reviewErrorMessages(draft: GateDraft, proposal: GateProposal | null, conflicts: readonly (readonly unknown[])[]): ReviewErrorMessages {
  const found = validateReview(draft, proposal, conflicts as readonly (readonly string[])[]);
  const out: ReviewErrorMessages = {};
  if (found.overrideReason !== undefined && proposal && draft.decision) {
    out.overrideReason = msg('gateText.review.override', { proposal: msg(PROPOSAL_IDS[proposal.recommendation]), decision: msg(DECISION_IDS[draft.decision]) });
  }
  for (const key of Object.keys(found.justifications ?? {})) {
    const i = Number(key);
    out.justifications = { ...out.justifications, [i]: msg('gateText.review.justify', { name: draft.criteria[i]?.name ?? '' }) };
  }
  return out;
}

export function hasReviewErrors(e: ReviewErrors): boolean {
  return e.overrideReason !== undefined || Object.keys(e.justifications ?? {}).length > 0;
}

/** The evidence as short lines, sealed with the decision so the log shows what the review saw. */
export function evidenceLines(e: GateEvidence): string[] {
  const lines: string[] = [];
  for (const k of e.kpis) {
    lines.push(
      `KPI ${k.name}: ${k.latestText}${k.latestDate ? ` on ${k.latestDate}` : ''}, ${k.bandLabel.toLowerCase()}${k.guardrailBreached ? ', guardrail breached' : ''} (${k.bandsText}); trend: ${k.trend.label.toLowerCase()}`,
    );
  }
  if (e.kpis.length === 0) lines.push('No KPI defined.');
  for (const c of e.pilotCriteria) {
    const measured = c.measuredBy.map((m) => `${m.name} ${m.latestText}, ${m.bandLabel.toLowerCase()}${m.guardrailBreached ? ', guardrail breached' : ''}`).join('; ');
    lines.push(`${PILOT_KIND_LABELS[c.kind]} criterion: ${c.text}${measured ? ` — measured: ${measured}` : ' — no KPI measures it'}`);
  }
  for (const r of e.openHighRisks) lines.push(`Risk (${r.bandLabel.toLowerCase()}, ${r.score}): ${r.title}`);
  for (const c of e.overdueControls) lines.push(`Overdue control: ${c.label} (due ${c.dueDate})`);
  for (const a of e.amendments) lines.push(`Amendment ${a.at.slice(0, 10)}: ${a.field} — ${a.reason}`);
  if (e.weighsHardening || e.to === 'hardening') lines.push(`Hardening checklist: ${e.hardening.done} of ${e.hardening.applicable} done`);
  if (e.weighsStabilization) lines.push(`Stabilization rule: ${e.stabilizationRule.met ? 'met' : `not met (${e.stabilizationRule.reasons.join('; ')})`}`);
  return lines.map((l) => l.slice(0, 2000)).slice(0, 200);
}

/** A trend's words inside an evidence line, lowercase as the sealed English has them (gateText.evidence.trend). */
function trendMessage(t: Trend): Message {
  return msg('gateText.evidence.trend', { direction: t.direction ?? 'none', meaning: t.meaning === 'better' ? 'better' : 'worse', over: t.over });
}

/**
 * The pilot design fields as an amendment stores them (their English label, db/pipeline-repo.ts
 * PILOT_FIELD_LABELS) and the catalog message that names each; a label not listed stays as stored.
 */
export const AMENDED_FIELD_IDS: Readonly<Record<string, string>> = {
  Scope: 'stage.pilot.field.scope',
  'Representative workflow': 'stage.pilot.field.workflow',
  'Runs on production data': 'stage.pilot.field.usesProductionData',
  'Success criteria (go)': 'stage.pilot.field.successCriteria',
  'Partial-success criteria (iterate)': 'stage.pilot.field.partialSuccessCriteria',
  'Failure criteria (no-go)': 'stage.pilot.field.failureCriteria',
};
const amendedField = (label: string): MessageValue => {
  const id = Object.hasOwn(AMENDED_FIELD_IDS, label) ? AMENDED_FIELD_IDS[label] : undefined;
  return id ? msg(id) : label;
};

/**
 * The evidence lines as catalog messages (gateText.evidence.*), one for one with `evidenceLines`:
 * sealed beside the English so the decision log says them in its reader's language.
 */
export function evidenceLineMessages(e: GateEvidence): Message[] {
  const lines: Message[] = [];
  const breached = (b: boolean) => (b ? 'yes' : 'no');
  // An ICU select key has no hyphen: "no-data" is said as "nodata".
  const band = (b: KpiBand) => (b === 'no-data' ? 'nodata' : b);
  for (const k of e.kpis) {
    lines.push(
      msg('gateText.evidence.kpi', {
        name: k.name,
        value: latestValue(k),
        dated: k.latestDate ? 'yes' : 'no',
        date: k.latestDate ? { date: k.latestDate } : '',
        band: band(k.band),
        breached: breached(k.guardrailBreached),
        bands: k.bandsMessage,
        trend: trendMessage(k.trend),
      }),
    );
  }
  if (e.kpis.length === 0) lines.push(msg('gateText.evidence.noKpi'));
  for (const c of e.pilotCriteria) {
    const measuredBy = c.measuredBy.map((m) => msg('gateText.evidence.measure', { name: m.name, value: latestValue(m), band: band(m.band), breached: breached(m.guardrailBreached) }));
    lines.push(msg('gateText.evidence.criterion', { kind: c.kind, text: c.text, measured: measuredBy.length ? 'yes' : 'no', list: { list: measuredBy, separator: '; ' } }));
  }
  for (const r of e.openHighRisks) lines.push(msg('gateText.evidence.risk', { band: r.band, score: r.score, title: r.title }));
  for (const c of e.overdueControls) lines.push(msg('gateText.evidence.overdue', { label: c.label, due: c.dueDate ? { date: c.dueDate } : '—' }));
  for (const a of e.amendments) lines.push(msg('gateText.evidence.amendment', { date: { date: a.at.slice(0, 10) }, field: amendedField(a.field), reason: a.reason }));
  if (e.weighsHardening || e.to === 'hardening') lines.push(msg('gateText.evidence.hardening', { done: e.hardening.done, total: e.hardening.applicable }));
  if (e.weighsStabilization) {
    lines.push(msg('gateText.evidence.stabilization', { met: e.stabilizationRule.met ? 'yes' : 'no', reasons: { list: e.stabilizationRule.reasonMessages, separator: '; ' } }));
  }
  return lines.slice(0, 200);
}

/** The review as the repository seals it: the proposal, the evidence, the conflicts per criterion. */
export type SealedReview = Pick<GateDecision, 'proposal' | 'overrideReason' | 'evidence'> & { conflicts: string[][] };
