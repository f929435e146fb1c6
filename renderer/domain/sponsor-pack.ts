// The sponsor pack as content: what each section of the PDF says, built from the workshop's rows
// with the same rules the screens use (ranking, stages from the decision log, readiness verdict,
// risk bands, health check). Pure data, no layout: the PDF renderer only decides where things go,
// and tests can read what the sponsor will be told without opening a PDF.
import { CRITERIA, KPI_LAYERS, type Criterion, type GateDecision, type Kpi, type Measurement, type Stage, type UseCase, type Workshop, type WorkshopRows } from './model';
import {
  QUADRANT_LABELS,
  TIE_BREAK_RULE,
  formatScore,
  lastRevealedRound,
  normalizedWeights,
  summarizeRound,
  type Consensus,
  type ConsensusSource,
  type Quadrant,
  type RankedUseCase,
} from './scoring';
import { cellOf, readinessStep } from './matrix-layout';
import { currentStages, DECISION_LABELS, pilotLockedAt, resultingStage, stageOf } from './stages';
import { buildPortfolio, groupBy } from './portfolio';
import { DIMENSION_LABELS, VERDICT_LABELS, readinessVerdict, type ReadinessVerdict } from './readiness';
import { KIND_LABELS, STAGE_LABELS } from './labels';
import { READINESS_DIMENSIONS } from './model';
import {
  RISK_BAND_LABELS,
  RISK_CATEGORY_LABELS,
  RISK_STATUS_LABELS,
  isActiveRisk,
  isOverdue,
  riskBand,
  riskScore,
  sortRisks,
  type RiskBand,
} from './risks';
import { verifyChain } from './decision-log';
import { CADENCE_KIND_LABELS, RACI_LABELS, cadenceSummary, raciProblems } from './governance';
import { SEVERITY_LABELS, countBySeverity, healthCheck, type HealthSeverity } from './health-check';
import { ROLE_LABELS as PARTICIPANT_ROLE_LABELS } from './participant-csv';
import { parseIsoDate } from './dates';
import { BAND_LABELS, DIRECTION_LABELS, KPI_LAYER_LABELS, ROLE_LABELS as KPI_ROLE_LABELS, boundaryWords, formatValue, kpiStatus, variance } from './kpi';
import { buildGanttModel, type GanttModel } from './gantt';
import { isOverdue as isControlOverdue } from './controls';
import { recommend, type DecisionEvidence, type RecommendedDecision } from './recommendations';
import { PLAN_DAYS } from './roadmap';
import { statusAtGlance, type GlanceRow } from './status-glance';
import { kpiProgress } from './kpi-progress';
import { kpiSparkline, type Sparkline } from './kpi-chart';

export const PACK_SECTIONS = ['decisions', 'status', 'summary', 'portfolio', 'use-cases', 'risks', 'roadmap', 'governance', 'health'] as const;
export type PackSection = (typeof PACK_SECTIONS)[number];

export const PACK_SECTION_LABELS: Record<PackSection, string> = {
  decisions: 'Decisions requested',
  status: 'Status at a glance',
  summary: 'Executive summary',
  portfolio: 'Prioritized portfolio',
  'use-cases': 'Use cases in detail',
  risks: 'Risks across the portfolio',
  roadmap: 'The roadmap',
  governance: 'Governance and decision rights',
  health: 'Roadmap health check',
};

export const CRITERION_LABELS: Record<Criterion, string> = {
  impact: 'Business impact',
  feasibility: 'Feasibility',
  readiness: 'Organizational readiness',
};

const SOURCE_LABELS: Record<ConsensusSource, string> = {
  override: 'set by the facilitator',
  matrix: 'placed on the matrix',
  round: 'median of the last round',
  initial: 'first estimate',
  none: 'not scored',
};

export type PackOptions = {
  /** `YYYY-MM-DD`: decides what is overdue and the date printed as "prepared on". */
  today: string;
  /** The use cases detailed in the pack, or null/absent for all of them. */
  useCaseIds?: readonly string[] | null;
  /** The sections to include (cover and contents are always there); all when absent. */
  sections?: readonly PackSection[];
  /** BCP 47 locale for numbers and currency amounts (the person's locale); en-GB when absent. */
  locale?: string;
};

const CURRENCIES: Record<string, string> = { '€': 'EUR', eur: 'EUR', $: 'USD', usd: 'USD', '£': 'GBP', gbp: 'GBP', chf: 'CHF', '¥': 'JPY', jpy: 'JPY', pln: 'PLN', 'zł': 'PLN' };

/** The ISO code when a KPI's unit is a currency ("€", "EUR", "$"), else null. */
export function currencyOf(unit: string): string | null {
  return CURRENCIES[unit.trim().toLowerCase()] ?? null;
}

/**
 * A number in the locale's own way (1.234,5 in German, 1 234,5 in French), a currency amount as
 * the locale writes that currency ("1.234,50 €"), never with the unit repeated.
 */
export function localNumber(value: number, unit: string, locale: string): string {
  const currency = currencyOf(unit);
  try {
    if (currency) return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: Math.abs(value) >= 100 ? 0 : 2 }).format(value);
    return new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(value);
  } catch {
    return String(value);
  }
}

export type Fact = { label: string; value: string };

export type PortfolioRow = {
  useCaseId: string;
  rank: number | null;
  title: string;
  combined: number | null;
  scores: Record<Criterion, number | null>;
  quadrant: Quadrant | null;
  quadrantLabel: string;
  stage: Stage;
  stageLabel: string;
  verdictLabel: string;
  owner: string;
  department: string;
  kindLabel: string;
  tied: boolean;
  /** Detailed in this pack. */
  selected: boolean;
};

export type MatrixPoint = {
  useCaseId: string;
  /** Place in the ranking, 0 = first; orders markers inside a crowded cell. */
  position: number;
  rank: number | null;
  title: string;
  impact: number;
  feasibility: number;
  /** Colour step 1–5 of the readiness consensus; null when unscored. */
  readinessStep: number | null;
};

export type ScoreLine = {
  criterion: Criterion;
  label: string;
  consensus: number | null;
  sourceLabel: string;
  /** The last revealed round's spread of individual scores, when there was one. */
  round: { n: number; mean: number; median: number; min: number; max: number; spread: number; disagreement: boolean } | null;
};

export type ReadinessSummary = {
  verdict: ReadinessVerdict['verdict'];
  verdictLabel: string;
  average: number | null;
  reasons: string[];
  warnings: string[];
  dimensions: { label: string; score: number | null; evidence: string }[];
};

export type AmendmentLine = { date: string; field: string; before: string; after: string; reason: string };

export type PilotSummary = {
  amendmentLines: AmendmentLine[];
  scope: string;
  workflow: string;
  productionData: string;
  success: string;
  partial: string;
  failure: string;
  amendments: number;
  lockedOn: string | null;
};

export type KpiLine = {
  /** The same values as numbers only, in the workshop's locale: the unit is said once, in the KPI's name. */
  baselineNumber: string;
  targetNumber: string;
  greenAtNumber: string;
  redAtNumber: string;
  latestNumber: string;
  name: string;
  layerLabel: string;
  unit: string;
  directionLabel: string;
  roleLabel: string;
  baseline: string;
  target: string;
  greenAt: string;
  redAt: string;
  latest: string;
  latestDate: string;
  band: 'green' | 'amber' | 'red' | 'no-data' | 'no-thresholds';
  bandLabel: string;
  summary: string;
  action: string;
  owner: string;
  /** Forecast against the latest actual, when a forecast is set ('' otherwise). */
  forecast: string;
  /** "baseline 18 → latest 6 → target 4 h, 86% of the way" (domain/kpi-progress.ts). */
  progress: string;
  /** The measurements over the KPI's bands, for the sparkline; null when nothing is measured. */
  trend: Sparkline | null;
};

export type RiskLine = {
  title: string;
  categoryLabel: string;
  likelihood: number;
  impact: number;
  score: number;
  band: RiskBand;
  bandLabel: string;
  owner: string;
  mitigation: string;
  statusLabel: string;
  dueDate: string;
  overdue: boolean;
};

export type DecisionLine = {
  /** 1, 2, 3… within the use case. */
  number: number;
  /** The decision in plain words: "Improve the pilot — stays in Stage 2 · Controlled pilot". */
  plain: string;
  seq: number;
  date: string;
  fromLabel: string;
  toLabel: string;
  decisionLabel: string;
  rationale: string;
  decidedBy: string;
  nextActionsOwner: string;
  /** The tally of the criteria, then any "Pass" recorded against the data with its justification. */
  criteria: string;
  /** What the evidence proposed at the review ('' when it proposed nothing). */
  proposal: string;
  /** Why the decision differs from the proposal ('' when it follows it or there was none). */
  overrideReason: string;
  /** Criteria passed although the data said otherwise, each with the written justification. */
  passedAgainstData: { criterion: string; conflicts: string[]; justification: string }[];
};

export type UseCaseDossier = {
  id: string;
  rank: number | null;
  title: string;
  kindLabel: string;
  department: string;
  businessOwner: string;
  stageLabel: string;
  problem: string;
  expectedValue: string;
  dataSources: string;
  combined: string;
  quadrantLabel: string;
  scores: ScoreLine[];
  roundNumber: number | null;
  /** What the room said about the scores (the discussion of each revealed round), latest first. */
  discussion: { round: number; text: string }[];
  readiness: ReadinessSummary;
  pilot: PilotSummary | null;
  kpis: KpiLine[];
  /** Answer first, over the KPI trends: how the measured KPIs stand ('' when none is measured). */
  kpiLead: string;
  risks: RiskLine[];
  owners: Fact[];
  decisions: DecisionLine[];
  findings: number;
  /** Set when the use case is stopped: the stop decision's date, reason and decider. */
  stopped: { date: string; reason: string; decidedBy: string } | null;
};

export type HealthLine = { severity: HealthSeverity; severityLabel: string; useCase: string; title: string; detail: string; fix: string };

/**
 * The 120-day plan for the chart. `gantt` is the Gantt model the Roadmap tab draws too
 * (domain/gantt.ts), for the selected use cases in rank order; null when none is planned.
 */
export type RoadmapSummary = {
  /** "The 120-day roadmap", or the plan's real length when it runs longer. */
  title: string;
  days: number;
  startDate: string;
  endDate: string;
  planned: number;
  unplanned: string[];
  gantt: GanttModel | null;
  /** The stage-gate sessions of the plan (by the cadence rule), with the gates each decides. */
  sessions: { date: string; dateLabel: string; time: string; gates: string }[];
};

export type GovernanceSummary = {
  roles: { id: string; name: string; person: string }[];
  decisions: { decision: string; letters: Record<string, string> }[];
  raciProblems: string[];
  cadence: { title: string; kindLabel: string; when: string; attendees: string }[];
  decisionLog: { ok: boolean; count: number; message: string };
  raciLegend: string;
};

/** One decision asked of the sponsor, with what drives it and what is asked for it. */
export type DecisionRequest = {
  useCaseId: string;
  rank: number | null;
  title: string;
  stageLabel: string;
  decision: RecommendedDecision;
  label: string;
  /** The facilitator's wording when edited, otherwise the sentence derived from the data. */
  wording: string;
  /** The derived sentence (shown as the placeholder when editing). */
  derived: string;
  edited: boolean;
  facts: string[];
  ask: { decision: string; people: string; budget: string };
};

export type DecisionsSummary = {
  /** Answer first: what is asked, in one sentence. */
  lead: string;
  items: DecisionRequest[];
  /** The governance sponsor's person (the Governance sponsor role), '' when not named. */
  approver: string;
};

export type SponsorPack = {
  generatedOn: string;
  decisions: DecisionsSummary;
  /** One row per use case of the pack, in rank order; `lead` states what the table shows. */
  status: { lead: string; rows: (GlanceRow & { nextGateLabel: string })[] };
  sections: PackSection[];
  meta: {
    workshopId: string;
    name: string;
    client: string;
    facilitator: string;
    workshopDate: string;
    workshopDateLabel: string;
    roadmapStartDate: string;
    preparedOnLabel: string;
    participants: { name: string; roleLabel: string }[];
    consultancy: string;
    /** The consultancy's logo for the cover (Workshop details), null when none is set. */
    logo: { dataUrl: string; type: 'image/png' | 'image/jpeg'; width: number; height: number } | null;
    version: string;
    confidential: boolean;
    paper: 'a4' | 'letter';
  };
  summary: { lead: string[]; facts: Fact[]; top: PortfolioRow[]; attention: string[] };
  portfolio: {
    rows: PortfolioRow[];
    weights: string;
    tieBreak: string;
    points: MatrixPoint[];
    unplaced: string[];
    quadrants: { quadrant: Quadrant; label: string; titles: string[] }[];
    /** Stopped use cases: off the matrix and the plan, listed with their reason. */
    stopped: { title: string; reason: string; date: string }[];
  };
  /** Use cases not worked on beyond scoring: a compact appendix table instead of full dossiers. */
  appendix: PortfolioRow[];
  /** Every risk of the pack's use cases and the workshop-wide ones: open ones on the heat map. */
  risks: { lead: string; heat: number[][]; top: (RiskLine & { useCase: string })[]; accepted: (RiskLine & { useCase: string })[] };
  useCases: UseCaseDossier[];
  roadmap: RoadmapSummary;
  governance: GovernanceSummary;
  health: { counts: Record<HealthSeverity, number>; findings: HealthLine[] };
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** "23 November 2026"; '' for no date. Fixed English, so the pack reads the same on every machine. */
export function longDate(iso: string): string {
  const d = parseIsoDate(iso);
  return d ? `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}` : '';
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** "Thursday 24 December 2026"; '' for no date. */
export function weekdayDate(iso: string): string {
  const d = parseIsoDate(iso);
  return d ? `${WEEKDAY_NAMES[d.getDay()]} ${longDate(iso)}` : '';
}

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** "23 Nov 2026", for tables; '' for no date. */
export function shortDate(iso: string): string {
  const d = parseIsoDate(iso);
  return d ? `${d.getDate()} ${SHORT_MONTHS[d.getMonth()]} ${d.getFullYear()}` : '';
}

function addDays(iso: string, days: number): string {
  const d = parseIsoDate(iso);
  if (!d) return '';
  d.setDate(d.getDate() + days);
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${d.getFullYear()}-${m}-${day}`;
}


function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function joinWords(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** The ranking of the whole portfolio: the same read model the Ranking and Matrix tabs show. */
export function rankWorkshop(workshop: Workshop, rows: WorkshopRows): { ranked: RankedUseCase[]; consensus: ReadonlyMap<string, Consensus> } {
  const portfolio = buildPortfolio(workshop.weights, rows);
  return { ranked: portfolio.entries, consensus: portfolio.consensus };
}

/** The use cases of the top `n` ranks (ranked ones only), in rank order. */
export function topRankedIds(workshop: Workshop, rows: WorkshopRows, n: number): string[] {
  return rankWorkshop(workshop, rows)
    .ranked.filter((r) => r.rank !== null)
    .slice(0, Math.max(0, Math.floor(n)))
    .map((r) => r.useCase.id);
}

function toPortfolioRows(
  ranked: readonly RankedUseCase[],
  stages: ReadonlyMap<string, Stage>,
  verdicts: ReadonlyMap<string, ReadinessVerdict>,
  isSelected: (id: string) => boolean,
): PortfolioRow[] {
  return ranked.map((r) => {
    const stage = stageOf(r.useCase, stages);
    return {
      useCaseId: r.useCase.id,
      rank: r.rank,
      title: r.useCase.title,
      combined: r.combined,
      scores: { impact: r.consensus.impact.value, feasibility: r.consensus.feasibility.value, readiness: r.consensus.readiness.value },
      quadrant: r.quadrant,
      quadrantLabel: r.quadrant ? QUADRANT_LABELS[r.quadrant] : 'Not placed',
      stage,
      stageLabel: STAGE_LABELS[stage],
      verdictLabel: VERDICT_LABELS[(verdicts.get(r.useCase.id) as ReadinessVerdict).verdict],
      owner: r.useCase.businessOwner,
      department: r.useCase.department,
      kindLabel: KIND_LABELS[r.useCase.kind],
      tied: r.tied,
      selected: isSelected(r.useCase.id),
    };
  });
}

/** The ranked portfolio, one row per use case (best first), as the pack's table and the CSV show it. */
export function buildPortfolioRows(workshop: Workshop, rows: WorkshopRows): PortfolioRow[] {
  const { ranked } = rankWorkshop(workshop, rows);
  const stages = currentStages(rows.useCases, rows.gateDecisions);
  const readinessBy = new Map(rows.readiness.map((r) => [r.useCaseId, r]));
  const verdicts = new Map(rows.useCases.map((u) => [u.id, readinessVerdict(readinessBy.get(u.id))]));
  return toPortfolioRows(ranked, stages, verdicts, () => true);
}

export function buildSponsorPack(workshop: Workshop, rows: WorkshopRows, options: PackOptions): SponsorPack {
  const today = options.today;
  const sections = PACK_SECTIONS.filter((s) => !options.sections || options.sections.includes(s));
  const { ranked } = rankWorkshop(workshop, rows);
  const stages = currentStages(rows.useCases, rows.gateDecisions);
  const readinessBy = new Map(rows.readiness.map((r) => [r.useCaseId, r]));
  const verdicts = new Map(rows.useCases.map((u) => [u.id, readinessVerdict(readinessBy.get(u.id))]));
  const wanted = options.useCaseIds ? new Set(options.useCaseIds) : null;
  const isSelected = (id: string) => wanted === null || wanted.has(id);

  const portfolioRows = toPortfolioRows(ranked, stages, verdicts, isSelected);
  const selectedRows = portfolioRows.filter((r) => r.selected);
  const selectedIds = new Set(selectedRows.map((r) => r.useCaseId));

  const findings = healthCheck(workshop, rows, today).filter((f) => f.useCaseId === null || selectedIds.has(f.useCaseId));
  const findingsBy = groupBy(
    findings.filter((f) => f.useCaseId !== null),
    (f) => f.useCaseId as string,
  );

  const worked = workedOn(rows);
  const appendix = selectedRows.filter((r) => !worked.has(r.useCaseId));
  const useCases = ranked
    .filter((r) => selectedIds.has(r.useCase.id) && worked.has(r.useCase.id))
    .map((r) => dossier(r, rows, stageOf(r.useCase, stages), verdicts.get(r.useCase.id) as ReadinessVerdict, today, findingsBy.get(r.useCase.id)?.length ?? 0, options.locale ?? 'en-GB'));

  const points: MatrixPoint[] = [];
  const unplaced: string[] = [];
  ranked.forEach((r, position) => {
    if (stageOf(r.useCase, stages) === 'stopped') return;
    const cell = cellOf(r.consensus.impact.value, r.consensus.feasibility.value);
    if (!cell) {
      unplaced.push(r.useCase.title);
      return;
    }
    points.push({
      useCaseId: r.useCase.id,
      position,
      rank: r.rank,
      title: r.useCase.title,
      impact: cell.impact,
      feasibility: cell.feasibility,
      readinessStep: readinessStep(r.consensus.readiness.value),
    });
  });
  const quadrantOrder: Quadrant[] = ['quick-wins', 'strategic-bets', 'fill-ins', 'deprioritize'];
  const quadrants = quadrantOrder.map((q) => ({
    quadrant: q,
    label: QUADRANT_LABELS[q],
    titles: portfolioRows.filter((r) => r.quadrant === q && r.stage !== 'stopped').map((r) => (r.rank === null ? r.title : `${r.rank}. ${r.title}`)),
  }));
  const stoppedList = portfolioRows
    .filter((r) => r.stage === 'stopped')
    .map((r) => {
      const stop = rows.gateDecisions.filter((d) => d.useCaseId === r.useCaseId && d.toStage === 'stopped').sort((a, b) => b.seq - a.seq)[0];
      return { title: r.title, reason: stop?.rationale.trim() ?? '', date: stop?.date ?? '' };
    });

  const w = normalizedWeights(workshop.weights);
  const weights = CRITERIA.map((c) => `${CRITERION_LABELS[c]} ${Math.round(w[c] * 100)}%`).join(' · ');

  const roadmap = roadmapSummary(workshop, rows, selectedRows);
  const governance = governanceSummary(rows);
  const healthLines: HealthLine[] = findings.map((f) => ({
    severity: f.severity,
    severityLabel: SEVERITY_LABELS[f.severity],
    useCase: f.useCaseTitle ?? 'Whole workshop',
    title: f.title,
    detail: f.detail,
    fix: f.fix.label,
  }));
  const counts = countBySeverity(findings);

  const participants = [...rows.participants]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((p) => ({ name: p.name, roleLabel: PARTICIPANT_ROLE_LABELS[p.role] }));

  const decisions = decisionsSummary(workshop, rows, ranked.filter((r) => selectedIds.has(r.useCase.id)), stages, verdicts, today);

  const pack: SponsorPack = {
    generatedOn: today,
    decisions,
    status: statusSummary(workshop, rows, selectedRows, today),
    sections,
    meta: {
      workshopId: workshop.id,
      name: workshop.name,
      client: workshop.client,
      facilitator: workshop.facilitator,
      workshopDate: workshop.workshopDate,
      workshopDateLabel: longDate(workshop.workshopDate),
      roadmapStartDate: workshop.roadmapStartDate,
      preparedOnLabel: longDate(today),
      participants,
      consultancy: workshop.sponsorPack?.consultancy.trim() ?? '',
      logo: workshop.logo ? { dataUrl: workshop.logo.dataUrl, type: workshop.logo.type, width: workshop.logo.width, height: workshop.logo.height } : null,
      version: workshop.sponsorPack?.version.trim() ?? '',
      confidential: workshop.sponsorPack?.confidential ?? false,
      paper: workshop.sponsorPack?.paper ?? 'a4',
    },
    summary: { lead: [], facts: [], top: selectedRows.filter((r) => r.rank !== null).slice(0, 5), attention: [] },
    portfolio: { rows: portfolioRows, weights, tieBreak: TIE_BREAK_RULE, points, unplaced, quadrants, stopped: stoppedList },
    appendix,
    risks: portfolioRisks(rows, selectedIds, today),
    useCases,
    roadmap,
    governance,
    health: { counts, findings: healthLines },
  };
  pack.summary = executiveSummary(pack, rows, verdicts, selectedIds, today);
  // A table of "no KPIs, no risk, not planned" on every row tells the sponsor nothing: left out.
  const blank = pack.status.rows.every((g) => g.stage !== 'stopped' && g.kpiStatus === 'No KPIs yet' && g.topRisk === 'None open' && !g.nextGateDate);
  if (blank) pack.sections = pack.sections.filter((s) => s !== 'status');
  return pack;
}

function statusSummary(workshop: Workshop, rows: WorkshopRows, selected: readonly PortfolioRow[], today: string): SponsorPack['status'] {
  const glance = statusAtGlance({
    useCases: selected.map((r) => ({ useCaseId: r.useCaseId, rank: r.rank, title: r.title, stage: r.stage, stageLabel: r.stageLabel })),
    kpis: rows.kpis,
    measurements: rows.measurements,
    risks: rows.risks,
    roadmapItems: rows.roadmapItems,
    cadence: rows.cadence,
    startDate: workshop.roadmapStartDate,
    today,
  }).map((g) => ({ ...g, nextGateLabel: g.nextGateDate ? `${g.nextGate}, ${shortDate(g.nextGateDate)}` : g.nextGate }));
  const live = glance.filter((g) => g.stage !== 'stopped');
  const red = live.filter((g) => g.worstBand === 'red').length;
  const severe = live.filter((g) => g.topRiskBand === 'critical' || g.topRiskBand === 'high').length;
  const next = live.filter((g) => g.nextGateDate).sort((a, b) => a.nextGateDate.localeCompare(b.nextGateDate))[0];
  const stopped = glance.length - live.length;
  const lead =
    glance.length === 0
      ? 'No use case is in this pack.'
      : [
          `Of ${plural(glance.length, 'use case')}, ${red === 0 ? 'none has' : `${red} ${red === 1 ? 'has' : 'have'}`} a KPI in the red and ${severe === 0 ? 'none has' : `${severe} ${severe === 1 ? 'has' : 'have'}`} a high or critical open risk${stopped ? `; ${stopped} ${stopped === 1 ? 'is' : 'are'} stopped` : ''}.`,
          next ? ` The next gate is ${next.title}: ${next.nextGate.toLowerCase()} on ${weekdayDate(next.nextGateDate)}.` : ' No gate is planned from today on.',
        ].join('');
  return { lead, rows: glance };
}

/**
 * The use cases worked on beyond scoring: a readiness diagnostic, a pilot design, KPIs, risks,
 * controls or a gate decision. The others (a place on the roadmap is a plan, not work) get one
 * row in an appendix rather than a dossier of "nothing yet".
 */
export function workedOn(rows: WorkshopRows): Set<string> {
  const ids = new Set<string>();
  for (const r of rows.readiness) if (Object.values(r.dimensions).some((d) => d.score !== null || d.evidence.trim())) ids.add(r.useCaseId);
  for (const p of rows.pilotDesigns) if ([p.scope, p.workflow, p.successCriteria, p.partialSuccessCriteria, p.failureCriteria].some((t) => t.trim())) ids.add(p.useCaseId);
  for (const k of rows.kpis) if (k.useCaseId) ids.add(k.useCaseId);
  for (const r of rows.risks) if (r.useCaseId) ids.add(r.useCaseId);
  for (const c of rows.controls) ids.add(c.useCaseId);
  for (const d of rows.gateDecisions) ids.add(d.useCaseId);
  return ids;
}

/** The evidence the recommendation rules read for one use case (domain/recommendations.ts). */
export function decisionEvidence(
  u: UseCase,
  rows: Pick<WorkshopRows, 'pilotDesigns' | 'gateDecisions' | 'kpis' | 'measurements' | 'risks' | 'controls'>,
  stage: Stage,
  verdict: ReadinessVerdict,
  today: string,
): DecisionEvidence {
  const design = rows.pilotDesigns.find((x) => x.useCaseId === u.id);
  const decisions = rows.gateDecisions.filter((d) => d.useCaseId === u.id).sort((a, b) => a.seq - b.seq);
  const latest = decisions[decisions.length - 1];
  return {
    title: u.title,
    stage,
    verdict: verdict.verdict,
    verdictReasons: verdict.reasons,
    hasPilotCriteria: !!design && design.successCriteria.trim() !== '' && design.failureCriteria.trim() !== '',
    failedCriteria: latest ? latest.criteria.filter((c) => c.result === 'fail').map((c) => c.name) : [],
    improveDecisions: decisions.filter((d) => d.decision === 'improve-pilot').length,
    kpis: rows.kpis
      .filter((k) => k.useCaseId === u.id)
      .map((k) => {
        const st = kpiStatus(k, rows.measurements);
        return { name: k.name, band: st.band, guardrailBreached: st.guardrailBreached };
      }),
    openHighRisks: sortRisks(rows.risks.filter((r) => r.useCaseId === u.id && isActiveRisk(r) && r.status !== 'accepted'))
      .filter((r) => {
        const b = riskBand(riskScore(r));
        return b === 'high' || b === 'critical';
      })
      .map((r) => r.title),
    overdueControls: rows.controls.filter((c) => c.useCaseId === u.id && isControlOverdue(c, today)).map((c) => c.label),
  };
}

const DECISION_VERBS: Record<RecommendedDecision, string> = {
  'start-pilot': 'start the pilot for',
  'readiness-sprint': 'run a readiness sprint first for',
  scale: 'scale',
  'improve-pilot': 'improve the pilot of',
  'second-validation': 'run a second validation of',
  stop: 'stop',
};

function decisionsSummary(
  workshop: Workshop,
  rows: WorkshopRows,
  ranked: readonly RankedUseCase[],
  stages: ReadonlyMap<string, Stage>,
  verdicts: ReadonlyMap<string, ReadinessVerdict>,
  today: string,
): DecisionsSummary {
  const asks = workshop.sponsorPack?.asks ?? {};
  const items: DecisionRequest[] = [];
  for (const r of ranked) {
    const stage = stageOf(r.useCase, stages);
    const rec = recommend(decisionEvidence(r.useCase, rows, stage, verdicts.get(r.useCase.id) as ReadinessVerdict, today));
    if (!rec) continue;
    const ask = asks[r.useCase.id];
    const wording = ask?.wording.trim() ?? '';
    items.push({
      useCaseId: r.useCase.id,
      rank: r.rank,
      title: r.useCase.title,
      stageLabel: STAGE_LABELS[stage],
      decision: rec.decision,
      label: rec.label,
      wording: wording || rec.sentence,
      derived: rec.sentence,
      edited: wording !== '',
      facts: rec.facts,
      ask: { decision: ask?.decision.trim() ?? '', people: ask?.people.trim() ?? '', budget: ask?.budget.trim() ?? '' },
    });
  }
  const sponsorRole = rows.roles.find((x) => x.name.trim().toLowerCase() === 'governance sponsor');
  const lead = items.length
    ? `${items.length === 1 ? 'One decision is' : `${items.length} decisions are`} asked of you: ${joinWords(items.slice(0, 4).map((i) => `${DECISION_VERBS[i.decision]} ${i.title}`))}${items.length > 4 ? `, and ${items.length - 4} more` : ''}.`
    : 'No use case is at a decision point yet: none has a complete readiness diagnostic, an agreed pilot design or measured pilot results to decide on.';
  return { lead, items, approver: sponsorRole?.person.trim() ?? '' };
}

function riskLine(x: WorkshopRows['risks'][number], today: string): RiskLine {
  const score = riskScore(x);
  const band = riskBand(score);
  return {
    title: x.title,
    categoryLabel: RISK_CATEGORY_LABELS[x.category],
    likelihood: x.likelihood,
    impact: x.impact,
    score,
    band,
    bandLabel: RISK_BAND_LABELS[band],
    owner: x.owner,
    mitigation: x.mitigation,
    statusLabel: RISK_STATUS_LABELS[x.status],
    dueDate: x.dueDate,
    overdue: isOverdue(x, today),
  };
}

function portfolioRisks(rows: WorkshopRows, selectedIds: ReadonlySet<string>, today: string): SponsorPack['risks'] {
  const titles = new Map(rows.useCases.map((u) => [u.id, u.title]));
  const inPack = rows.risks.filter((r) => r.useCaseId === null || selectedIds.has(r.useCaseId));
  const heat = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
  const open = sortRisks(inPack.filter(isActiveRisk));
  for (const r of open) {
    const row = heat[r.likelihood - 1] as number[];
    row[r.impact - 1] = (row[r.impact - 1] ?? 0) + 1;
  }
  const withCase = (r: WorkshopRows['risks'][number]) => ({ ...riskLine(r, today), useCase: r.useCaseId === null ? 'Whole workshop' : (titles.get(r.useCaseId) ?? '') });
  const top = open.slice(0, 10).map(withCase);
  const accepted = sortRisks(inPack.filter((r) => r.status === 'accepted')).map(withCase);
  const severe = open.filter((r) => ['critical', 'high'].includes(riskBand(riskScore(r))));
  const wide = open.filter((r) => r.useCaseId === null).length;
  const lead =
    inPack.length === 0
      ? 'No risk has been recorded yet.'
      : `${plural(open.length, 'open risk')}${severe.length ? `, ${severe.length} high or critical` : ', none high or critical'}${wide ? ` (${wide} concerning the whole workshop)` : ''}${accepted.length ? `; ${accepted.length} accepted` : ''}.${severe[0] ? ` The most severe: ${severe[0].title}.` : ''}`;
  return { lead, heat, top, accepted };
}

function scoreLines(r: RankedUseCase, rows: WorkshopRows): { scores: ScoreLine[]; roundNumber: number | null } {
  const rounds = rows.scoringRounds.filter((x) => x.useCaseId === r.useCase.id);
  const last = lastRevealedRound(rounds);
  const summary = last
    ? summarizeRound(
        rows.scores.filter((s) => s.roundId === last.id),
        rows.participants.map((p) => p.id),
      )
    : null;
  const scores = CRITERIA.map((c): ScoreLine => {
    const agg = summary?.byCriterion[c] ?? null;
    const v = r.consensus[c];
    return {
      criterion: c,
      label: CRITERION_LABELS[c],
      consensus: v.value,
      sourceLabel: v.source === 'round' && v.roundNumber ? `median of round ${v.roundNumber}` : SOURCE_LABELS[v.source],
      round: agg ? { n: agg.n, mean: agg.mean, median: agg.median, min: agg.min, max: agg.max, spread: agg.spread, disagreement: agg.disagreement } : null,
    };
  });
  return { scores, roundNumber: last?.number ?? null };
}

function dossier(
  r: RankedUseCase,
  rows: WorkshopRows,
  stage: Stage,
  verdict: ReadinessVerdict,
  today: string,
  findings: number,
  locale: string,
): UseCaseDossier {
  const u = r.useCase;
  const { scores, roundNumber } = scoreLines(r, rows);
  const readinessRow = rows.readiness.find((x) => x.useCaseId === u.id);
  const design = rows.pilotDesigns.find((x) => x.useCaseId === u.id);
  const decisions = rows.gateDecisions.filter((d) => d.useCaseId === u.id).sort((a, b) => a.seq - b.seq);
  const risks = sortRisks(rows.risks.filter((x) => x.useCaseId === u.id)).map((x): RiskLine => {
    const score = riskScore(x);
    const band = riskBand(score);
    return {
      title: x.title,
      categoryLabel: RISK_CATEGORY_LABELS[x.category],
      likelihood: x.likelihood,
      impact: x.impact,
      score,
      band,
      bandLabel: RISK_BAND_LABELS[band],
      owner: x.owner,
      mitigation: x.mitigation,
      statusLabel: RISK_STATUS_LABELS[x.status],
      dueDate: x.dueDate,
      overdue: isOverdue(x, today),
    };
  });
  const kpis = kpiLines(rows.kpis.filter((k) => k.useCaseId === u.id), rows.measurements, locale);
  const lockedAt = pilotLockedAt(u, rows.gateDecisions);
  return {
    id: u.id,
    rank: r.rank,
    title: u.title,
    kindLabel: KIND_LABELS[u.kind],
    department: u.department,
    businessOwner: u.businessOwner,
    stageLabel: STAGE_LABELS[stage],
    problem: u.problem,
    expectedValue: u.expectedValue,
    dataSources: u.dataSources,
    combined: formatScore(r.combined),
    quadrantLabel: r.quadrant ? QUADRANT_LABELS[r.quadrant] : 'Not on the matrix yet',
    scores,
    roundNumber,
    readiness: {
      verdict: verdict.verdict,
      verdictLabel: VERDICT_LABELS[verdict.verdict],
      average: verdict.average,
      reasons: verdict.reasons,
      warnings: verdict.warnings,
      dimensions: readinessRow
        ? READINESS_DIMENSIONS.map((d) => ({ label: DIMENSION_LABELS[d], score: readinessRow.dimensions[d].score, evidence: readinessRow.dimensions[d].evidence }))
        : [],
    },
    pilot: design
      ? {
          scope: design.scope,
          workflow: design.workflow,
          productionData: design.usesProductionData === null ? 'Not decided' : design.usesProductionData ? 'Real production data' : 'A cleaned extract (lab data)',
          success: design.successCriteria,
          partial: design.partialSuccessCriteria,
          failure: design.failureCriteria,
          amendments: design.amendments.length,
          amendmentLines: design.amendments.map((a) => ({ date: longDate(a.at.slice(0, 10)), field: a.field, before: a.before, after: a.after, reason: a.reason })),
          lockedOn: lockedAt ? longDate(lockedAt.slice(0, 10)) : null,
        }
      : null,
    kpis,
    kpiLead: kpiLead(kpis),
    risks,
    owners: owners(u, decisions, rows, kpis),
    decisions: decisions.map((d, i) => decisionLine(d, i + 1)),
    discussion: rows.scoringRounds
      .filter((x) => x.useCaseId === u.id && x.discussion.trim() !== '')
      .sort((a, b) => b.number - a.number)
      .map((x) => ({ round: x.number, text: x.discussion.trim() })),
    findings,
    stopped:
      stage === 'stopped'
        ? (() => {
            const stop = [...decisions].reverse().find((d) => d.toStage === 'stopped');
            return { date: stop?.date ?? '', reason: stop?.rationale.trim() ?? '', decidedBy: stop?.decidedBy.trim() ?? '' };
          })()
        : null,
  };
}

/** "Of 3 measured KPIs, 2 are in the red (Accuracy, Cycle time) and 1 is green." */
export function kpiLead(kpis: readonly Pick<KpiLine, 'name' | 'band' | 'trend'>[]): string {
  const measured = kpis.filter((k) => k.trend !== null);
  if (!measured.length) return '';
  const named = (band: KpiLine['band']) => measured.filter((k) => k.band === band).map((k) => k.name);
  const red = named('red');
  const amber = named('amber');
  const green = named('green');
  const parts = [
    red.length ? `${red.length} ${red.length === 1 ? 'is' : 'are'} in the red (${red.join(', ')})` : '',
    amber.length ? `${amber.length} ${amber.length === 1 ? 'is' : 'are'} amber (${amber.join(', ')})` : '',
    green.length ? `${green.length} ${green.length === 1 ? 'is' : 'are'} green` : '',
    measured.length - red.length - amber.length - green.length > 0 ? `${measured.length - red.length - amber.length - green.length} ${measured.length - red.length - amber.length - green.length === 1 ? 'has' : 'have'} no thresholds` : '',
  ].filter(Boolean);
  const head = measured.length === 1 ? 'Of 1 measured KPI' : `Of ${measured.length} measured KPIs`;
  const unmeasured = kpis.length - measured.length;
  return `${head}, ${joinWords(parts)}.${unmeasured ? ` ${plural(unmeasured, 'KPI')} ${unmeasured === 1 ? 'has' : 'have'} no measurement yet.` : ''}`;
}

function owners(u: UseCase, decisions: readonly GateDecision[], rows: WorkshopRows, kpis: readonly KpiLine[]): Fact[] {
  const out: Fact[] = [];
  const add = (label: string, names: readonly string[]) => {
    const unique = [...new Set(names.map((n) => n.trim()).filter(Boolean))];
    if (unique.length) out.push({ label, value: unique.join(', ') });
  };
  add('Business owner', [u.businessOwner]);
  const latest = decisions[decisions.length - 1];
  if (latest) {
    add('Owner of the next actions', [latest.nextActionsOwner]);
    add('Last gate decided by', [latest.decidedBy]);
  }
  add(
    'Risk owners',
    rows.risks.filter((r) => r.useCaseId === u.id).map((r) => r.owner),
  );
  add(
    'KPI owners',
    kpis.map((k) => k.owner),
  );
  add(
    'Control owners',
    rows.controls.filter((c) => c.useCaseId === u.id).map((c) => c.owner),
  );
  return out;
}

/** A gate decision as a sponsor reads it: what was decided and where it left the use case. */
export function plainDecision(d: Pick<GateDecision, 'decision' | 'fromStage' | 'toStage'>): string {
  const after = STAGE_LABELS[resultingStage(d.decision, d.fromStage, d.toStage)];
  switch (d.decision) {
    case 'advance':
      return `Advance to ${STAGE_LABELS[d.toStage]}`;
    case 'improve-pilot':
      return d.fromStage === 'pilot' ? `Improve the pilot — stays in ${after}` : `Improve the pilot — back to ${after}`;
    case 'second-validation':
      return `Run a second validation — stays in ${after}`;
    case 'stop':
      return `Stop — at ${STAGE_LABELS[d.fromStage]}`;
    case 'move-back':
      return `Move back to ${after}`;
    case 're-enter':
      return `Re-enter the pipeline at ${after}`;
  }
}

function decisionLine(d: GateDecision, number: number): DecisionLine {
  const count = (result: string | null) => d.criteria.filter((c) => c.result === result).length;
  const parts = [
    count('pass') ? `${count('pass')} passed` : '',
    count('fail') ? `${count('fail')} failed` : '',
    count('n/a') ? `${count('n/a')} not applicable` : '',
    count(null) ? `${count(null)} not answered` : '',
  ].filter(Boolean);
  const against = d.criteria
    .filter((c) => c.conflicts?.length)
    .map((c) => ({ criterion: c.name, conflicts: c.conflicts ?? [], justification: c.justification ?? '' }));
  const overridden = d.proposal !== undefined && d.proposal.decision !== d.decision;
  // Printed in the criteria and rationale columns, so the sponsor reads a pass against the data
  // and a decision against the proposal where the decision is, without a new column in the layout.
  const againstText = against.map((a) => `Passed against the data: ${a.criterion} (${a.conflicts.join(' ')}) Justification: ${a.justification}`).join(' ');
  return {
    number,
    plain: plainDecision(d),
    seq: d.seq,
    date: d.date,
    fromLabel: STAGE_LABELS[d.fromStage],
    toLabel: STAGE_LABELS[d.toStage],
    decisionLabel: DECISION_LABELS[d.decision],
    rationale: overridden ? `${d.rationale} — Proposed: ${d.proposal?.label ?? ''}; decided otherwise because: ${d.overrideReason ?? ''}` : d.rationale,
    decidedBy: d.decidedBy,
    nextActionsOwner: d.nextActionsOwner,
    criteria: `${d.criteria.length ? parts.join(', ') : 'No gate criteria'}${againstText ? `. ${againstText}` : ''}`,
    proposal: d.proposal ? `${d.proposal.label}: ${d.proposal.sentence}` : '',
    overrideReason: overridden ? (d.overrideReason ?? '') : '',
    passedAgainstData: against,
  };
}

function roadmapSummary(workshop: Workshop, rows: WorkshopRows, allSelected: readonly PortfolioRow[]): RoadmapSummary {
  const start = workshop.roadmapStartDate;
  // A stopped use case is off the plan, whatever phases it still has.
  const selected = allSelected.filter((r) => r.stage !== 'stopped');
  const live = new Set(selected.map((r) => r.useCaseId));
  const planned = new Set(rows.roadmapItems.filter((i) => i.useCaseId !== null).map((i) => i.useCaseId as string));
  let lastDay = Math.max(PLAN_DAYS, ...rows.roadmapItems.filter((i) => i.useCaseId === null || live.has(i.useCaseId)).map((i) => i.endDay));
  const selectedPlanned = selected.filter((r) => planned.has(r.useCaseId));
  const gantt = selectedPlanned.length
    ? buildGanttModel({
        startDate: start,
        useCases: selectedPlanned.map((r) => ({ id: r.useCaseId, title: r.title, rank: r.rank })),
        items: rows.roadmapItems,
        cadence: [...rows.cadence].sort((a, b) => a.order - b.order),
        // About a dozen day ticks across the page, however long the plan.
        tickEvery: lastDay <= 160 ? 10 : lastDay <= 320 ? 20 : lastDay <= 480 ? 30 : 60,
      })
    : null;
  if (gantt) lastDay = gantt.lastDay;
  const sessions = (gantt?.events ?? [])
    .filter((e) => e.kind === 'stage-gate-session')
    .map((e) => ({ date: e.date, dateLabel: weekdayDate(e.date), time: e.time, gates: e.detail }));
  return {
    sessions,
    title: `The ${lastDay}-day roadmap`,
    days: lastDay,
    startDate: start,
    endDate: start ? addDays(start, lastDay - 1) : '',
    planned: selectedPlanned.length,
    unplanned: selected.filter((r) => !planned.has(r.useCaseId)).map((r) => r.title),
    gantt,
  };
}

/** The KPIs of one use case, layer by layer, with where each stands now. */
function kpiLines(kpis: readonly Kpi[], measurements: readonly Measurement[], locale = 'en-GB'): KpiLine[] {
  const layerOrder = (k: Kpi) => KPI_LAYERS.indexOf(k.layer);
  const value = (v: number | null, unit: string) => (v === null ? '—' : formatValue(v, unit));
  const num = (v: number | null, unit: string) => (v === null ? '—' : localNumber(v, unit, locale));
  return [...kpis]
    .sort((a, b) => layerOrder(a) - layerOrder(b) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
    .map((k): KpiLine => {
      const status = kpiStatus(k, measurements);
      const words = boundaryWords(k);
      const forecast = variance(k, status.latest?.value ?? null);
      const sign = (w: string) => (w === 'at or above' ? '≥' : '≤');
      return {
        baselineNumber: num(k.baseline, k.unit),
        targetNumber: num(k.target, k.unit),
        greenAtNumber: k.greenAt === null ? '—' : `${sign(words.green)} ${num(k.greenAt, k.unit)}`,
        redAtNumber: k.redAt === null ? '—' : `${sign(words.red)} ${num(k.redAt, k.unit)}`,
        latestNumber: status.latest ? num(status.latest.value, k.unit) : '—',
        name: k.name,
        layerLabel: KPI_LAYER_LABELS[k.layer],
        unit: k.unit,
        directionLabel: DIRECTION_LABELS[k.direction],
        roleLabel: KPI_ROLE_LABELS[k.role],
        baseline: value(k.baseline, k.unit),
        target: value(k.target, k.unit),
        greenAt: k.greenAt === null ? '—' : `${words.green === 'at or above' ? '≥' : '≤'} ${formatValue(k.greenAt, k.unit)}`,
        redAt: k.redAt === null ? '—' : `${words.red === 'at or above' ? '≥' : '≤'} ${formatValue(k.redAt, k.unit)}`,
        latest: status.latest ? formatValue(status.latest.value, k.unit) : '—',
        latestDate: status.latest?.date ?? '',
        band: status.band,
        bandLabel: status.guardrailBreached ? `${BAND_LABELS[status.band]}, guardrail breached` : BAND_LABELS[status.band],
        summary: status.summary,
        action: status.action,
        owner: k.owner,
        progress: kpiProgress(k, measurements, (v) => localNumber(v, '', locale)).text,
        trend: kpiSparkline(k, measurements),
        forecast: forecast
          ? `Forecast ${formatValue(forecast.forecast, k.unit)}, actual ${formatValue(forecast.actual, k.unit)}${forecast.pct === null ? '' : ` (${forecast.pct > 0 ? '+' : ''}${formatValue(Number(forecast.pct.toFixed(1)))}%)`}: ${forecast.direction === 'on-forecast' ? 'on forecast' : `${forecast.direction} than forecast`}${forecast.beyondTolerance ? `, beyond the ${formatValue(k.tolerancePct)}% tolerance` : ''}.`
          : '',
      };
    });
}

function governanceSummary(rows: WorkshopRows): GovernanceSummary {
  const roles = [...rows.roles].sort((a, b) => a.order - b.order).map((r) => ({ id: r.id, name: r.name, person: r.person }));
  const decisions = [...rows.decisionRights]
    .sort((a, b) => a.order - b.order)
    .map((d) => ({
      decision: d.decision,
      letters: Object.fromEntries(roles.map((r) => [r.id, d.assignments.filter((a) => a.roleId === r.id).map((a) => a.raci).join('')])),
    }));
  const cadence = [...rows.cadence]
    .sort((a, b) => a.order - b.order)
    .map((c) => ({ title: c.title, kindLabel: CADENCE_KIND_LABELS[c.kind], when: cadenceSummary(c), attendees: c.attendees }));
  const chain = verifyChain(rows.gateDecisions);
  const decisionLog = chain.ok
    ? {
        ok: true,
        count: chain.count,
        message:
          chain.count === 0
            ? 'The decision log is empty: no gate decision has been recorded yet.'
            : `The decision log holds ${plural(chain.count, 'gate decision')}; its hash chain verifies, so no recorded decision was changed, removed or reordered.`,
      }
    : {
        ok: false,
        count: chain.count,
        message: `The decision log does NOT verify: ${chain.firstBreak.message} Decisions from entry #${chain.firstBreak.seq} on cannot be relied on.`,
      };
  return {
    roles,
    decisions,
    raciProblems: raciProblems(rows.decisionRights, rows.roles).map((p) => p.message),
    cadence,
    decisionLog,
    raciLegend: (Object.keys(RACI_LABELS) as (keyof typeof RACI_LABELS)[]).map((k) => `${k} = ${RACI_LABELS[k]}`).join(' · '),
  };
}

function executiveSummary(
  pack: SponsorPack,
  rows: WorkshopRows,
  verdicts: ReadonlyMap<string, ReadinessVerdict>,
  selectedIds: ReadonlySet<string>,
  today: string,
): SponsorPack['summary'] {
  const { meta, portfolio, roadmap, governance, health } = pack;
  const total = portfolio.rows.length;
  const selected = portfolio.rows.filter((r) => r.selected);
  const lead: string[] = [];

  const where = [meta.client ? ` with ${meta.client}` : '', meta.workshopDateLabel ? ` on ${meta.workshopDateLabel}` : ''].join('');
  const people = rows.participants.length ? `, scored by ${plural(rows.participants.length, 'participant')}` : '';
  const rankedCount = portfolio.rows.filter((r) => r.rank !== null).length;
  // Answer first: what the sponsor is asked, and where the portfolio stands.
  const live = selected.filter((r) => r.stage !== 'stopped');
  const running = live.filter((r) => ['pilot', 'gate', 'hardening', 'rollout', 'scale'].includes(r.stage)).length;
  const answer = [
    pack.decisions.items.length ? `${plural(pack.decisions.items.length, 'decision')} ${pack.decisions.items.length === 1 ? 'is' : 'are'} asked of you now (see “Decisions requested”).` : 'No decision is asked of you yet.',
    total === 0
      ? 'No use case has been captured yet.'
      : `${running ? `${plural(running, 'use case')} ${running === 1 ? 'is' : 'are'} in a pilot or beyond` : 'No use case has reached a pilot yet'}${portfolio.stopped.length ? `; ${portfolio.stopped.length} stopped` : ''}.`,
  ].join(' ');
  lead.push(answer);
  if (total === 0) {
    // Nothing else would be true to say.
  } else if (rankedCount === 0) {
    lead.push(
      `${plural(total, 'candidate AI use case')} ${total === 1 ? 'was' : 'were'} captured at the “${meta.name}” workshop${where}. None has been scored yet, so there is no ranking or matrix to read.`,
    );
  } else {
    lead.push(
      `${plural(total, 'candidate AI use case')} ${total === 1 ? 'was' : 'were'} assessed at the “${meta.name}” workshop${where}${people} on business impact, feasibility and organizational readiness${rankedCount < total ? `; ${rankedCount} of them are scored and` : ', and'} ranked by a weighted score (${portfolio.weights}).`,
    );
  }
  if (selected.length < total) {
    lead.push(`This pack details ${plural(selected.length, 'selected use case')} of the ${total}; the ranking and the matrix show the whole portfolio.`);
  }
  const top = selected.filter((r) => r.rank !== null).slice(0, 3);
  if (top.length) {
    lead.push(`Highest ranked: ${joinWords(top.map((r) => `${r.title} (#${r.rank}, ${r.quadrantLabel.toLowerCase()})`))}.`);
  }
  const counts = portfolio.quadrants.filter((q) => q.titles.length).map((q) => `${q.titles.length} ${q.label.toLowerCase()}`);
  if (counts.length) lead.push(`On the matrix: ${joinWords(counts)}${portfolio.unplaced.length ? `; ${portfolio.unplaced.length} not scored enough to place` : ''}.`);

  const verdictCount = { 'start-pilot': 0, 'readiness-sprint': 0, incomplete: 0 };
  for (const id of selectedIds) verdictCount[(verdicts.get(id) as ReadinessVerdict).verdict] += 1;
  if (verdictCount['start-pilot'] + verdictCount['readiness-sprint'] > 0) lead.push(
    `Readiness: ${plural(verdictCount['start-pilot'], 'use case')} can start the pilot now, ${verdictCount['readiness-sprint']} need${verdictCount['readiness-sprint'] === 1 ? 's' : ''} a readiness sprint first and ${verdictCount.incomplete} ${verdictCount.incomplete === 1 ? 'has' : 'have'} no complete readiness diagnostic yet.`,
  );

  const stageCounts = new Map<string, number>();
  for (const r of selected) stageCounts.set(r.stageLabel, (stageCounts.get(r.stageLabel) ?? 0) + 1);
  if (stageCounts.size) lead.push(`Where they stand: ${joinWords([...stageCounts].map(([label, n]) => `${n} at ${label}`))}.`);

  if (roadmap.startDate && roadmap.planned) {
    lead.push(
      `The plan runs ${roadmap.days} days, from ${longDate(roadmap.startDate)} to ${longDate(roadmap.endDate)}, with ${plural(roadmap.planned, 'use case')} on the roadmap${roadmap.unplanned.length ? `; ${roadmap.unplanned.length} ${roadmap.unplanned.length === 1 ? 'is' : 'are'} not planned yet` : ''}.`,
    );
  } else if (total > 0) {
    lead.push('No use case has been placed on the roadmap yet.');
  }
  if (portfolio.stopped.length) {
    lead.push(`Stopped: ${joinWords(portfolio.stopped.map((x) => `${x.title}${x.reason ? ` (${x.reason.replace(/[.\s]+$/, '')})` : ''}`))}.`);
  }

  const risks = rows.risks.filter((r) => r.useCaseId === null || selectedIds.has(r.useCaseId));
  const active = risks.filter(isActiveRisk);
  const severe = active.filter((r) => {
    const b = riskBand(riskScore(r));
    return b === 'critical' || b === 'high';
  });
  const overdue = risks.filter((r) => isOverdue(r, today));
  if (risks.length) lead.push(
    `Risks: ${plural(active.length, 'open risk')}${active.length ? `, ${severe.length} of them high or critical` : ''}${overdue.length ? `, ${overdue.length} with an overdue mitigation` : ''}.`,
  );
  lead.push(governance.decisionLog.message);
  const h = health.counts;
  lead.push(
    h.high + h.medium + h.low === 0
      ? 'The roadmap health check finds nothing missing.'
      : `The roadmap health check finds ${h.high} high, ${h.medium} medium and ${h.low} low severity ${h.high + h.medium + h.low === 1 ? 'issue' : 'issues'}.`,
  );

  const attention: string[] = [];
  for (const f of health.findings.filter((x) => x.severity === 'high').slice(0, 6)) attention.push(`${f.useCase}: ${f.title}. ${f.detail}`);
  for (const p of governance.raciProblems.slice(0, 3)) attention.push(p);
  for (const r of overdue.slice(0, 3)) attention.push(`Overdue mitigation: ${r.title}${r.owner ? ` (${r.owner})` : ''}, due ${longDate(r.dueDate)}.`);
  if (!governance.decisionLog.ok) attention.unshift(governance.decisionLog.message);

  const facts: Fact[] = [
    { label: 'Use cases assessed', value: String(total) },
    { label: 'Detailed in this pack', value: String(selected.length) },
    { label: 'Participants', value: String(rows.participants.length) },
    { label: 'Roadmap', value: roadmap.planned && roadmap.startDate ? `${roadmap.days} days, ${longDate(roadmap.startDate)} – ${longDate(roadmap.endDate)}` : 'Not planned yet' },
    { label: 'Open risks', value: `${active.length} (${severe.length} high or critical)` },
    { label: 'Decision log', value: governance.decisionLog.ok ? `Verifies (${plural(governance.decisionLog.count, 'entry', 'entries')})` : 'Does NOT verify' },
  ];
  return { lead, facts, top: selected.filter((r) => r.rank !== null).slice(0, 5), attention };
}

/** Every piece of text the pack will print, for the renderer to decide which fonts it needs. */
export function packText(pack: SponsorPack): string {
  return JSON.stringify(pack);
}
