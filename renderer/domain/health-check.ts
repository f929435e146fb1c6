// The roadmap health check: the usual ways an AI pilot stalls on its way to production, each
// turned into a rule over the workshop's data. A rule only fires once the use case has reached the
// stage where the missing piece matters (a Stage 0 idea is not blamed for lacking a runbook), and
// each finding says where to go to fix it. Pure: the same rows and day give the same findings.
import { msg, type Message, type MessageValue } from './message';
import type { ControlItem, RoadmapItem, Stage, UseCase, Workshop, WorkshopRows } from './model';
import { currentStages, stageIndex, stageOf } from './stages';
import { controlState, isOverdue } from './controls';
import { BLOCKING_SCORE, MIN_AVERAGE, readinessVerdict, type ReadinessDimension } from './readiness';
import { READINESS_DIMENSIONS, type Readiness } from './model';
import { raciProblems } from './governance';
import { STAGE_LABELS } from './labels';
import { formatValue, kpiStatus } from './kpi';

export type HealthSeverity = 'high' | 'medium' | 'low';

/**
 * Where a finding is fixed: a tab (focused on the use case when there is one) or a section of the
 * use case's stage record under the pipeline tab. The view turns it into a route.
 */
export type HealthFixTarget = {
  tab: 'pipeline' | 'governance' | 'use-cases' | 'kpis' | 'roadmap';
  useCaseId?: string;
  section?: 'readiness' | 'pilot' | 'controls' | 'decisions';
  /** One KPI on the KPIs tab, for a finding about it. */
  kpiId?: string;
  label: string;
};

/** A finding's sentence (see domain/message.ts). */
export type HealthMessage = Message;
export type HealthValue = MessageValue;
const sentences = (list: HealthValue[]): HealthValue => ({ list, separator: ' ' });

const m = msg;

/** The catalog id of a stage's name. */
const STAGE_MESSAGE: Record<Stage, string> = {
  readiness: 'pipeline.stage.readiness',
  'pilot-design': 'pipeline.stage.pilotDesign',
  pilot: 'pipeline.stage.pilot',
  gate: 'pipeline.stage.gate',
  hardening: 'pipeline.stage.hardening',
  rollout: 'pipeline.stage.rollout',
  scale: 'pipeline.stage.scale',
  stopped: 'pipeline.stage.stopped',
};
const stageMessage = (s: Stage): HealthMessage => m(STAGE_MESSAGE[s]);

/** A check's own words (title, when, why) in the catalog: `health.check.<id>.title` and so on. */
export const healthCheckMessageId = (id: HealthCheckId, part: 'title' | 'when' | 'why'): string => `health.check.${id}.${part}`;

export type HealthFinding = {
  checkId: HealthCheckId;
  /** Null for a finding about the whole workshop (ownership, cadence). */
  useCaseId: string | null;
  useCaseTitle: string | null;
  severity: HealthSeverity;
  title: string;
  detail: string;
  fix: HealthFixTarget;
  /** The same title, detail and fix label as catalog messages, for the reader's language. */
  text: { title: HealthMessage; detail: HealthMessage; fix: HealthMessage };
};

export const HEALTH_CHECK_IDS = [
  'no-readiness',
  'sprint-ignored',
  'no-operational-fit',
  'no-accountable-owner',
  'no-success-criteria',
  'no-baseline',
  'lab-clean-data',
  'hardening-not-planned',
  'no-human-fallback',
  'no-monitoring',
  'no-runbook-or-model-card',
  'no-cadence',
  'overdue-controls',
  'kpi-out-of-band',
  'failed-gate-criterion',
] as const;
export type HealthCheckId = (typeof HEALTH_CHECK_IDS)[number];

export type HealthCheck = { id: HealthCheckId; title: string; when: string; why: string };

/** What is checked, in the order the checks are listed; our wording of why each one matters. */
export const HEALTH_CHECKS: readonly HealthCheck[] = [
  {
    id: 'no-readiness',
    title: 'Readiness diagnostic not done',
    when: 'From Stage 0; high once past it',
    why: 'Without scoring data, process, access, ownership and compliance, nobody knows whether the pilot can start or will stall on a gap.',
  },
  {
    id: 'sprint-ignored',
    title: 'Readiness sprint skipped',
    when: 'From Stage 1, or as soon as the roadmap plans a pilot',
    why: 'When the diagnostic asks for enabling work first, starting the pilot anyway means it stalls on the very gap that was found.',
  },
  {
    id: 'no-operational-fit',
    title: 'Novelty without operational fit',
    when: 'From Stage 1',
    why: 'A pilot that is not tied to a real decision point and a real workflow impresses in a demo and then has nowhere to land.',
  },
  {
    id: 'no-accountable-owner',
    title: 'Unclear ownership',
    when: 'Low at Stage 0, high from Stage 1; RACI for the whole workshop',
    why: 'Without one named owner of the outcome and one Accountable role per decision, every gate waits for someone to decide.',
  },
  {
    id: 'no-success-criteria',
    title: 'No success or failure criteria',
    when: 'From Stage 1; high once the pilot runs',
    why: 'Criteria written before the pilot starts are what make the go/no-go a decision instead of a debate.',
  },
  {
    id: 'no-baseline',
    title: 'No baseline to compare against',
    when: 'From Stage 1; high once the pilot runs',
    why: 'Without a measured starting point no one can show the pilot changed anything, so its value stays an opinion.',
  },
  {
    id: 'lab-clean-data',
    title: 'Lab-clean data',
    when: 'From Stage 1 when it says no; from Stage 2 when undecided',
    why: 'A pilot on a cleaned extract hides the gaps, delays and oddities of production data until the rollout finds them.',
  },
  {
    id: 'hardening-not-planned',
    title: 'Hardening deferred',
    when: 'From Stage 3; high from Stage 5',
    why: 'Integration, retries, access and audit logging take weeks; leaving them until after the gate is how pilots never ship.',
  },
  {
    id: 'no-human-fallback',
    title: 'No fallback to a human',
    when: 'Planned from Stage 3; done from Stage 5',
    why: 'When the system is down or unsure, the work must still get done by a person, or the first outage stops the business.',
  },
  {
    id: 'no-monitoring',
    title: 'No monitoring',
    when: 'Planned from Stage 3; done from Stage 5',
    why: 'Models degrade silently as data drifts; without monitoring and drift alerts the first sign is an angry user.',
  },
  {
    id: 'no-runbook-or-model-card',
    title: 'No owner, runbook or model card',
    when: 'Planned from Stage 4; done from Stage 5',
    why: 'Operations can only run what is written down and owned; otherwise it depends on the pilot team forever.',
  },
  {
    id: 'no-cadence',
    title: 'No governance cadence',
    when: 'Whole workshop, once a use case reaches Stage 1',
    why: 'Without regular execution and KPI reviews, problems surface at the gate instead of in the week they appear.',
  },
  {
    id: 'overdue-controls',
    title: 'Overdue controls',
    when: 'Any control item past its due date',
    why: 'A control that slips quietly is a gate criterion that will fail later; a late item is worth a word now.',
  },
  {
    id: 'kpi-out-of-band',
    title: 'KPI out of its band',
    when: 'From Stage 2: high for a breached guardrail or a KPI in its red band',
    why: 'A running pilot whose guardrail got worse than its baseline, or whose KPI sits in the red, is not on its way to production, whatever the gate said.',
  },
  {
    id: 'failed-gate-criterion',
    title: 'Gate criterion failed',
    when: 'From Stage 2, when the latest gate review failed a criterion',
    why: 'A failed criterion is the gate saying what must change; until it passes, the use case is carried by hope rather than evidence.',
  },
];

const CHECK_TITLES = Object.fromEntries(HEALTH_CHECKS.map((c) => [c.id, c.title])) as Record<HealthCheckId, string>;
const CHECK_ORDER = new Map(HEALTH_CHECK_IDS.map((id, i) => [id, i]));
const SEVERITY_ORDER: Record<HealthSeverity, number> = { high: 0, medium: 1, low: 2 };

export const SEVERITY_LABELS: Record<HealthSeverity, string> = { high: 'High', medium: 'Medium', low: 'Low' };

const PILOT_DESIGN = stageIndex('pilot-design');
const PILOT = stageIndex('pilot');
const GATE = stageIndex('gate');
const HARDENING = stageIndex('hardening');
const ROLLOUT = stageIndex('rollout');

/**
 * The roadmap plans a pilot for the use case without a readiness sprint before it: a phase whose
 * is the pilot, and no readiness sprint before it (by template key; by label for older rows).
 */
export function roadmapPlansPilotWithoutSprint(items: readonly RoadmapItem[], useCaseId: string): boolean {
  const phases = items.filter((i) => i.kind === 'phase' && i.useCaseId === useCaseId);
  // The template's "Readiness & baseline" phase is not a sprint: only the readiness sprint is.
  const isSprint = (p: RoadmapItem) => (p.phaseKey ? p.phaseKey === 'readiness-sprint' : /sprint/i.test(p.label));
  const isPilot = (p: RoadmapItem) => (p.phaseKey ? p.phaseKey === 'pilot' : /pilot/i.test(p.label) && !isSprint(p));
  return phases.some(isPilot) && !phases.some(isSprint);
}

function joinList(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

type UseCaseContext = {
  useCase: UseCase;
  stage: Exclude<Stage, 'stopped'>;
  index: number;
  rows: WorkshopRows;
  controls: ControlItem[];
  today: string;
};

type Draft = Omit<HealthFinding, 'checkId' | 'useCaseId' | 'useCaseTitle' | 'title' | 'text'> & {
  title?: string;
  text: { title?: HealthMessage; detail: HealthMessage; fix: HealthMessage };
};

const DIMENSION_MESSAGE: Record<ReadinessDimension, string> = {
  dataQuality: 'health.dimension.dataQuality',
  processClarity: 'health.dimension.processClarity',
  systemAccess: 'health.dimension.systemAccess',
  stakeholderOwnership: 'health.dimension.stakeholderOwnership',
  complianceConstraints: 'health.dimension.complianceConstraints',
};

/** The readiness verdict's reasons as messages, sentence for sentence as `readinessVerdict` writes them. */
export function readinessReasonMessages(r: Pick<Readiness, 'dimensions'> | undefined | null): HealthMessage[] {
  if (!r) return [m('health.reason.notStarted')];
  const missing: HealthValue[] = [];
  const blocking: HealthMessage[] = [];
  const scores: number[] = [];
  for (const dim of READINESS_DIMENSIONS) {
    const { score } = r.dimensions[dim];
    if (score === null) {
      missing.push(m(DIMENSION_MESSAGE[dim]));
      continue;
    }
    scores.push(score);
    if (score <= BLOCKING_SCORE) blocking.push(m('health.reason.blocking', { dimension: m(DIMENSION_MESSAGE[dim]), score }));
  }
  const stillToScore = m('health.reason.stillToScore', { dimensions: { list: missing, separator: ', ' } });
  if (blocking.length > 0) return missing.length ? [...blocking, stillToScore] : blocking;
  if (missing.length > 0) return [stillToScore];
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  if (mean < MIN_AVERAGE) return [m('health.reason.lowAverage', { average: { number: mean, digits: 2 }, minimum: MIN_AVERAGE })];
  return [m('health.reason.allAbove', { lowest: Math.min(...scores), average: { number: Math.round(mean * 10) / 10, digits: 1 } })];
}
type UseCaseRule = (c: UseCaseContext) => Draft | null;

const CONTROL_MESSAGE: Record<string, string> = {
  'human-fallback': 'health.control.humanFallback',
  monitoring: 'health.control.monitoring',
  'drift-detection': 'health.control.driftDetection',
  runbook: 'health.control.runbook',
  'model-card': 'health.control.modelCard',
  'named-owner': 'health.control.namedOwner',
};

const CONTROL_NAMES: Record<string, string> = {
  'human-fallback': 'fallback to a human',
  monitoring: 'monitoring and alerting',
  'drift-detection': 'drift detection',
  runbook: 'runbook',
  'model-card': 'model card',
  'named-owner': 'named owner in operations',
};

/**
 * The shared rule of the controls checks: from `plannedFrom` each key must at least be on the
 * checklist (medium when missing); from the limited rollout on each must be done (high).
 */
function controlsRule(c: UseCaseContext, keys: readonly string[], plannedFrom: number, fixLabel: string, what: string, key: string): Draft | null {
  if (c.index < plannedFrom) return null;
  const atRollout = c.index >= ROLLOUT;
  const gaps: string[] = [];
  const gapMessages: HealthMessage[] = [];
  for (const control of keys) {
    const state = controlState(c.controls, control);
    const name = CONTROL_NAMES[control] ?? control;
    const messageId = CONTROL_MESSAGE[control];
    const nameMessage: HealthValue = messageId ? m(messageId) : control;
    if (state === 'missing') {
      gaps.push(`${name} is not on the checklist`);
      gapMessages.push(m('health.gap.missing', { name: nameMessage }));
    } else if (atRollout && state === 'planned') {
      gaps.push(`${name} is not done`);
      gapMessages.push(m('health.gap.notDone', { name: nameMessage }));
    } else if (atRollout && state === 'n/a') {
      gaps.push(`${name} is marked not applicable`);
      gapMessages.push(m('health.gap.na', { name: nameMessage }));
    }
  }
  if (gaps.length === 0) return null;
  const gapText = joinList(gaps);
  return {
    severity: atRollout ? 'high' : 'medium',
    detail: atRollout
      ? `At ${STAGE_LABELS[c.stage]} ${what} must be in place: ${gapText}.`
      : `At ${STAGE_LABELS[c.stage]} ${what} should be planned: ${gapText}.`,
    fix: { tab: 'pipeline', useCaseId: c.useCase.id, section: 'controls', label: fixLabel },
    text: {
      detail: m(atRollout ? 'health.controls.mustBeInPlace' : 'health.controls.shouldBePlanned', {
        stage: stageMessage(c.stage),
        what: m(`health.controls.what.${key}`),
        gaps: { and: gapMessages },
      }),
      fix: m(`health.fix.${key}`),
    },
  };
}

const RULES: Record<Exclude<HealthCheckId, 'no-cadence'>, UseCaseRule> = {
  'no-readiness': (c) => {
    const readiness = c.rows.readiness.find((r) => r.useCaseId === c.useCase.id);
    const verdict = readinessVerdict(readiness);
    if (verdict.verdict !== 'incomplete') return null;
    const past = c.index > 0;
    return {
      severity: past ? 'high' : 'medium',
      detail: past
        ? `It is already at ${STAGE_LABELS[c.stage]} without a readiness verdict. ${verdict.reasons.join(' ')}`
        : `No verdict yet on whether the pilot can start. ${verdict.reasons.join(' ')}`,
      fix: { tab: 'pipeline', useCaseId: c.useCase.id, section: 'readiness', label: 'Score the readiness diagnostic' },
      text: {
        detail: past
          ? m('health.noReadiness.past', { stage: stageMessage(c.stage), reasons: sentences(readinessReasonMessages(readiness)) })
          : m('health.noReadiness.early', { reasons: sentences(readinessReasonMessages(readiness)) }),
        fix: m('health.fix.no-readiness'),
      },
    };
  },

  'sprint-ignored': (c) => {
    const readiness = c.rows.readiness.find((r) => r.useCaseId === c.useCase.id);
    const verdict = readinessVerdict(readiness);
    if (verdict.verdict !== 'readiness-sprint') return null;
    const advanced = c.index >= PILOT_DESIGN;
    const planned = roadmapPlansPilotWithoutSprint(c.rows.roadmapItems, c.useCase.id);
    if (!advanced && !planned) return null;
    const where = advanced ? `it is at ${STAGE_LABELS[c.stage]}` : 'the roadmap plans a pilot with no readiness sprint before it';
    return {
      severity: 'high',
      detail: `The diagnostic asks for a readiness sprint first, yet ${where}. ${verdict.reasons[0] ?? ''}`.trim(),
      fix: { tab: 'pipeline', useCaseId: c.useCase.id, section: 'readiness', label: 'Review the readiness verdict' },
      text: {
        detail: m('health.sprintIgnored', {
          where: advanced ? m('health.sprintIgnored.atStage', { stage: stageMessage(c.stage) }) : m('health.sprintIgnored.planned'),
          reason: sentences(readinessReasonMessages(readiness).slice(0, 1)),
        }),
        fix: m('health.fix.sprint-ignored'),
      },
    };
  },

  'no-operational-fit': (c) => {
    if (c.index < PILOT_DESIGN) return null;
    const design = c.rows.pilotDesigns.find((p) => p.useCaseId === c.useCase.id);
    const noProblem = !c.useCase.problem.trim();
    const noWorkflow = !design?.workflow.trim();
    if (!noProblem && !noWorkflow) return null;
    const missing = joinList([noProblem ? 'the problem or decision point it serves' : '', noWorkflow ? 'the real workflow the pilot runs in' : ''].filter(Boolean));
    return {
      severity: c.index >= PILOT ? 'high' : 'medium',
      detail: `Not written down yet: ${missing}.`,
      fix: noProblem
        ? { tab: 'use-cases', useCaseId: c.useCase.id, label: 'Write the problem or decision point' }
        : { tab: 'pipeline', useCaseId: c.useCase.id, section: 'pilot', label: 'Describe the representative workflow' },
      text: {
        detail: m('health.operationalFit', {
          missing: { and: [noProblem ? m('health.operationalFit.problem') : '', noWorkflow ? m('health.operationalFit.workflow') : ''].filter((x) => x !== '') },
        }),
        fix: m(noProblem ? 'health.fix.writeProblem' : 'health.fix.describeWorkflow'),
      },
    };
  },

  'no-accountable-owner': (c) => {
    if (c.useCase.businessOwner.trim()) return null;
    return {
      severity: c.index >= PILOT_DESIGN ? 'high' : 'low',
      title: 'No business owner',
      detail:
        c.index >= PILOT_DESIGN
          ? `No one is named as the business owner of the outcome, and it is already at ${STAGE_LABELS[c.stage]}.`
          : 'No one is named as the business owner yet; the gate into the pilot design asks for one.',
      fix: { tab: 'use-cases', useCaseId: c.useCase.id, label: 'Name the business owner' },
      text: {
        title: m('health.title.noBusinessOwner'),
        detail: c.index >= PILOT_DESIGN ? m('health.noOwner.late', { stage: stageMessage(c.stage) }) : m('health.noOwner.early'),
        fix: m('health.fix.nameOwner'),
      },
    };
  },

  'no-success-criteria': (c) => {
    if (c.index < PILOT_DESIGN) return null;
    const design = c.rows.pilotDesigns.find((p) => p.useCaseId === c.useCase.id);
    const missing = [!design?.successCriteria.trim() ? 'success' : '', !design?.failureCriteria.trim() ? 'failure' : ''].filter(Boolean);
    if (missing.length === 0) return null;
    return {
      severity: c.index >= PILOT ? 'high' : 'medium',
      detail: `No ${missing.join(' or ')} criteria are written${c.index >= PILOT ? ', and the pilot has started' : ''}.`,
      fix: { tab: 'pipeline', useCaseId: c.useCase.id, section: 'pilot', label: 'Write the success and failure criteria' },
      text: {
        detail: m('health.noCriteria', {
          which: missing.length === 2 ? 'both' : (missing[0] ?? 'success'),
          started: c.index >= PILOT ? 'yes' : 'no',
        }),
        fix: m('health.fix.no-success-criteria'),
      },
    };
  },

  'no-baseline': (c) => {
    if (c.index < PILOT_DESIGN) return null;
    const kpis = c.rows.kpis.filter((k) => k.useCaseId === c.useCase.id);
    if (kpis.some((k) => k.baseline !== null)) return null;
    return {
      severity: c.index >= PILOT ? 'high' : 'medium',
      detail: kpis.length === 0 ? 'No KPI is defined, so there is no baseline.' : `None of its ${kpis.length} KPIs has a baseline value.`,
      fix: { tab: 'kpis', useCaseId: c.useCase.id, label: 'Record a KPI baseline' },
      text: {
        detail: kpis.length === 0 ? m('health.noBaseline.noKpi') : m('health.noBaseline.none', { count: kpis.length }),
        fix: m('health.fix.no-baseline'),
      },
    };
  },

  'lab-clean-data': (c) => {
    const design = c.rows.pilotDesigns.find((p) => p.useCaseId === c.useCase.id);
    const production = design?.usesProductionData ?? null;
    if (c.index >= PILOT) {
      if (production === true) return null;
      return {
        severity: production === false ? 'high' : 'medium',
        detail:
          production === false
            ? 'The pilot runs on a cleaned extract, not on production data.'
            : 'Nobody has said whether the pilot runs on production data.',
        fix: { tab: 'pipeline', useCaseId: c.useCase.id, section: 'pilot', label: 'Plan the pilot on production data' },
        text: { detail: m(production === false ? 'health.labData.extract' : 'health.labData.unknown'), fix: m('health.fix.lab-clean-data') },
      };
    }
    if (c.index === PILOT_DESIGN && production === false) {
      return {
        severity: 'medium',
        detail: 'The pilot is designed to run on a cleaned extract, not on production data.',
        fix: { tab: 'pipeline', useCaseId: c.useCase.id, section: 'pilot', label: 'Plan the pilot on production data' },
        text: { detail: m('health.labData.designed'), fix: m('health.fix.lab-clean-data') },
      };
    }
    return null;
  },

  'hardening-not-planned': (c) => {
    if (c.index < GATE) return null;
    const items = c.controls.filter((i) => i.checklist === 'hardening' && i.status !== 'n/a');
    if (items.length > 0) return null;
    return {
      severity: c.index >= ROLLOUT ? 'high' : 'medium',
      detail: `It is at ${STAGE_LABELS[c.stage]} and no hardening work is planned (integration, retries, monitoring, access, audit logging).`,
      fix: { tab: 'pipeline', useCaseId: c.useCase.id, section: 'controls', label: 'Add the hardening checklist' },
      text: { detail: m('health.hardening', { stage: stageMessage(c.stage) }), fix: m('health.fix.hardening-not-planned') },
    };
  },

  'no-human-fallback': (c) => controlsRule(c, ['human-fallback'], GATE, 'Plan the fallback to a human', 'a fallback path', 'no-human-fallback'),

  'no-monitoring': (c) => controlsRule(c, ['monitoring', 'drift-detection'], GATE, 'Plan monitoring and drift detection', 'monitoring', 'no-monitoring'),

  'no-runbook-or-model-card': (c) =>
    controlsRule(
      c,
      ['named-owner', 'runbook', 'model-card'],
      HARDENING,
      'Complete the documentation checklist',
      'the operating documents',
      'no-runbook-or-model-card',
    ),

  'kpi-out-of-band': (c) => {
    if (c.index < PILOT) return null;
    const kpis = c.rows.kpis.filter((k) => k.useCaseId === c.useCase.id).map((k) => ({ k, s: kpiStatus(k, c.rows.measurements) }));
    const breached = kpis.filter((x) => x.s.guardrailBreached);
    const red = kpis.filter((x) => !x.s.guardrailBreached && x.s.band === 'red');
    if (breached.length === 0 && red.length === 0) return null;
    // Each KPI with where it stands and the response agreed for it: the finding says what to do, not only what is wrong.
    const line = ({ k, s }: (typeof kpis)[number]) =>
      `“${k.name}” at ${s.latest ? formatValue(s.latest.value, k.unit) : '—'}${s.action ? `; agreed response: ${s.action.replace(/[.\s]+$/, '')}` : '; no response action written'}`;
    const lineMessage = ({ k, s }: (typeof kpis)[number]): HealthMessage =>
      m(s.action ? 'health.kpi.line' : 'health.kpi.lineNoAction', {
        name: k.name,
        value: s.latest ? formatValue(s.latest.value, k.unit) : '—',
        action: s.action.replace(/[.\s]+$/, ''),
      });
    const first = breached[0] ?? red[0];
    return {
      // Both are high: a pilot in its red band, or one that broke a guardrail, is not on its way to production.
      severity: 'high',
      title: breached.length ? 'Guardrail KPI breached' : 'KPI in the red band',
      detail: [
        breached.length ? `Worse than its baseline: ${breached.map(line).join('. ')}.` : '',
        red.length ? `In the red band: ${red.map(line).join('. ')}.` : '',
      ]
        .filter(Boolean)
        .join(' '),
      fix: first
        ? { tab: 'kpis', useCaseId: c.useCase.id, kpiId: first.k.id, label: `Open “${first.k.name}” and act on its agreed response` }
        : { tab: 'kpis', useCaseId: c.useCase.id, label: 'Review the KPI and its agreed response' },
      text: {
        title: m(breached.length ? 'health.title.guardrailBreached' : 'health.title.kpiRed'),
        detail: m('health.kpi.detail', {
          breached: breached.length ? m('health.kpi.breached', { lines: { list: breached.map(lineMessage), separator: '. ' } }) : '',
          red: red.length ? m('health.kpi.red', { lines: { list: red.map(lineMessage), separator: '. ' } }) : '',
        }),
        fix: first ? m('health.fix.openKpi', { name: first.k.name }) : m('health.fix.reviewKpi'),
      },
    };
  },

  'failed-gate-criterion': (c) => {
    if (c.index < PILOT) return null;
    const latest = c.rows.gateDecisions.filter((d) => d.useCaseId === c.useCase.id).sort((a, b) => b.seq - a.seq)[0];
    const failed = latest?.criteria.filter((x) => x.result === 'fail').map((x) => x.name) ?? [];
    if (failed.length === 0) return null;
    return {
      severity: 'high',
      detail: `The latest gate review (${latest?.date ?? ''}) failed ${joinList(failed.map((n) => `“${n}”`))}.`,
      fix: { tab: 'pipeline', useCaseId: c.useCase.id, section: 'decisions', label: 'See the gate review' },
      text: {
        detail: m('health.failedGate', { date: { date: latest?.date ?? '' }, criteria: { and: failed.map((n) => m('health.quoted', { text: n })) } }),
        fix: m('health.fix.failed-gate-criterion'),
      },
    };
  },

  'overdue-controls': (c) => {
    const late = c.controls
      .filter((i) => isOverdue(i, c.today))
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.order - b.order || a.id.localeCompare(b.id));
    if (late.length === 0) return null;
    const shown = late.slice(0, 3).map((i) => `“${i.label}” (due ${i.dueDate})`);
    const more = late.length > 3 ? ` and ${late.length - 3} more` : '';
    return {
      severity: 'low',
      detail: `${late.length === 1 ? 'One control is' : `${late.length} controls are`} past due and not done: ${shown.join(', ')}${more}.`,
      fix: { tab: 'pipeline', useCaseId: c.useCase.id, section: 'controls', label: 'Update the overdue controls' },
      text: {
        detail: m('health.overdue', {
          count: late.length,
          items: { list: late.slice(0, 3).map((i) => m('health.overdue.item', { label: i.label, due: { date: i.dueDate } })), separator: ', ' },
          more: late.length - 3 > 0 ? late.length - 3 : 0,
        }),
        fix: m('health.fix.overdue-controls'),
      },
    };
  },
};

/** The findings about the whole workshop: decision rights and the meeting cadence. */
function workshopFindings(rows: WorkshopRows, highestIndex: number): HealthFinding[] {
  const out: HealthFinding[] = [];
  const at = (severity: HealthSeverity, checkId: HealthCheckId, title: string, detail: string, fix: HealthFixTarget, text: HealthFinding['text']) =>
    out.push({ checkId, useCaseId: null, useCaseTitle: null, severity, title, detail, fix, text });
  const active = highestIndex >= PILOT_DESIGN;
  const activeSeverity: HealthSeverity = highestIndex >= PILOT ? 'high' : 'medium';

  const problems = raciProblems(rows.decisionRights, rows.roles);
  // The Accountable roles of a decision that has several, as the message names them.
  const accountableOf = (decisionId: string) => {
    const right = rows.decisionRights.find((r) => r.id === decisionId);
    const ids = new Set((right?.assignments ?? []).filter((a) => a.raci === 'A').map((a) => a.roleId));
    const names = rows.roles.filter((r) => ids.has(r.id)).map((r) => r.name);
    return { count: names.length, names: names.join(', ') };
  };
  if (rows.roles.length === 0 || rows.decisionRights.length === 0) {
    if (active) {
      at(
        activeSeverity,
        'no-accountable-owner',
        'No decision rights',
        `${rows.roles.length === 0 ? 'No roles are named' : 'No decisions are listed'}, so nobody is accountable for scope, gates or release.`,
        { tab: 'governance', label: 'Set up roles and decision rights' },
        {
          title: m('health.title.noDecisionRights'),
          detail: m('health.noDecisionRights', { what: rows.roles.length === 0 ? 'roles' : 'decisions' }),
          fix: m('health.fix.setupRaci'),
        },
      );
    }
  } else if (problems.length > 0) {
    at(
      active ? activeSeverity : 'low',
      'no-accountable-owner',
      'Decisions without exactly one Accountable',
      problems.map((p) => p.message).join(' '),
      { tab: 'governance', label: 'Give each decision exactly one Accountable role' },
      {
        title: m('health.title.raciProblems'),
        detail: {
          id: 'health.raci.list',
          values: {
            problems: sentences(
              problems.map((p) =>
                p.kind === 'no-accountable'
                  ? m('health.raci.none', { decision: p.decision })
                  : m('health.raci.several', { decision: p.decision, ...accountableOf(p.decisionId) }),
              ),
            ),
          },
        },
        fix: m('health.fix.oneAccountable'),
      },
    );
  }

  if (active && rows.cadence.length === 0) {
    at(
      activeSeverity,
      'no-cadence',
      CHECK_TITLES['no-cadence'],
      'No governance meetings are planned, though a use case is past the readiness stage.',
      { tab: 'governance', label: 'Add the governance meetings' },
      { title: m(healthCheckMessageId('no-cadence', 'title')), detail: m('health.noCadence'), fix: m('health.fix.addMeetings') },
    );
  }
  return out;
}

/**
 * Every finding for the workshop, most severe first, then workshop-wide before use cases, then in
 * the facilitator's use case order, then in the order of HEALTH_CHECKS. Stopped use cases are not
 * checked. `today` (YYYY-MM-DD) decides which control items are overdue.
 */
export function healthCheck(_workshop: Workshop, rows: WorkshopRows, today: string): HealthFinding[] {
  const useCases = [...rows.useCases].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  const stages = currentStages(useCases, rows.gateDecisions);
  const position = new Map(useCases.map((u, i) => [u.id, i]));
  const findings: HealthFinding[] = [];
  let highestIndex = -1;

  for (const useCase of useCases) {
    const stage = stageOf(useCase, stages);
    if (stage === 'stopped') continue;
    const index = stageIndex(stage);
    highestIndex = Math.max(highestIndex, index);
    const ctx: UseCaseContext = {
      useCase,
      stage,
      index,
      rows,
      controls: rows.controls.filter((i) => i.useCaseId === useCase.id),
      today,
    };
    for (const checkId of HEALTH_CHECK_IDS) {
      if (checkId === 'no-cadence') continue;
      const draft = RULES[checkId](ctx);
      if (!draft) continue;
      findings.push({
        checkId,
        useCaseId: useCase.id,
        useCaseTitle: useCase.title,
        severity: draft.severity,
        title: draft.title ?? CHECK_TITLES[checkId],
        detail: draft.detail,
        fix: draft.fix,
        text: { title: draft.text.title ?? m(healthCheckMessageId(checkId, 'title')), detail: draft.text.detail, fix: draft.text.fix },
      });
    }
  }

  findings.push(...workshopFindings(rows, highestIndex));

  const pos = (f: HealthFinding) => (f.useCaseId === null ? -1 : (position.get(f.useCaseId) ?? Number.MAX_SAFE_INTEGER));
  return findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      pos(a) - pos(b) ||
      (CHECK_ORDER.get(a.checkId) ?? 0) - (CHECK_ORDER.get(b.checkId) ?? 0) ||
      a.title.localeCompare(b.title),
  );
}

/** Findings counted by severity, for a summary line. */
export function countBySeverity(findings: readonly HealthFinding[]): Record<HealthSeverity, number> {
  const counts: Record<HealthSeverity, number> = { high: 0, medium: 0, low: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}
