// The sponsor pack as content: what each section of the PDF says, built from the workshop's rows
// with the same rules the screens use (ranking, stages from the decision log, readiness verdict,
// risk bands, health check). Pure data, no layout: the PDF renderer only decides where things go,
// and tests can read what the sponsor will be told without opening a PDF.
import { CRITERIA, KPI_LAYERS, type Criterion, type GateDecision, type Kpi, type Measurement, type Stage, type UseCase, type Workshop, type WorkshopRows } from './model';
import {
  formatScore,
  lastRevealedRound,
  normalizedWeights,
  summarizeRound,
  type Consensus,
  type Quadrant,
  type RankedUseCase,
} from './scoring';
import { cellOf, readinessStep } from './matrix-layout';
import { currentStages, decisionLabelIn, pilotLockedAt, resultingStage, stageOf } from './stages';
import { kindLabelIn, stageLabelIn } from './labels';
import { buildPortfolio, groupBy } from './portfolio';
import { readinessVerdict, readinessWarningMessages, type ReadinessVerdict } from './readiness';
import { READINESS_DIMENSIONS } from './model';
import {
  isActiveRisk,
  isOverdue,
  riskBand,
  riskScore,
  sortRisks,
  type RiskBand,
} from './risks';
import { verifyChain } from './decision-log';
import { RACI_LABELS, cadenceSummary, cadenceWhen, raciProblems } from './governance';
import { countBySeverity, healthCheck, readinessReasonMessages, type HealthSeverity } from './health-check';
import { msg, type Message } from './message';
import { parseIsoDate } from './dates';
import { boundaryWords, formatValue, kpiStatus, variance } from './kpi';
import { buildGanttModel, type GanttModel } from './gantt';
import { isOverdue as isControlOverdue } from './controls';
import { recommend, type DecisionEvidence, type RecommendedDecision } from './recommendations';
import { PLAN_DAYS } from './roadmap';
import { statusAtGlance, type GlanceRow } from './status-glance';
import { kpiProgress } from './kpi-progress';
import { kpiSparkline, type Sparkline } from './kpi-chart';
import { englishPack, type PackTranslator } from '../i18n/pack-catalog';
import type { PackSay } from './recommendations';
import type { Language } from './languages';
import { formatIsoDate, formatList, formatPercent, formatScoreIn } from './locale-format';

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


export type PackOptions = {
  /** `YYYY-MM-DD`: decides what is overdue and the date printed as "prepared on". */
  today: string;
  /** The use cases detailed in the pack, or null/absent for all of them. */
  useCaseIds?: readonly string[] | null;
  /** The sections to include (cover and contents are always there); all when absent. */
  sections?: readonly PackSection[];
  /**
   * BCP 47 locale for the numbers and currency amounts of an English pack (the person's locale;
   * en-GB when absent). A German or French pack writes numbers as its language does.
   */
  locale?: string;
  /** The pack's words, in the workshop's language (i18n/pack-catalog.ts); English when absent. */
  words?: PackTranslator;
};

/**
 * How the pack writes in its language: the messages, and dates, numbers, percentages and lists.
 * English keeps its fixed wording ("23 November 2026", "a, b and c"), so an English pack reads the
 * same on every machine; German and French go through Intl (domain/locale-format.ts).
 */
export type PackWords = {
  language: Language;
  /** BCP 47 tag of the numbers (KPI values, money). */
  numberLocale: string;
  t: PackSay;
  long(iso: string): string;
  short(iso: string): string;
  weekday(iso: string): string;
  list(items: readonly string[]): string;
  score(v: number | null | undefined, digits?: number): string;
  /** A percentage given as a number of percent: 86 → "86%" / "86 %" / "86 %". */
  pct(n: number): string;
};

export function packWords(translator: PackTranslator = englishPack, numberLocale?: string): PackWords {
  const language = translator.locale === 'pseudo' ? 'en' : translator.locale;
  const t: PackSay = (id, values) => translator.t(id, values);
  if (language === 'en') {
    return { language, numberLocale: numberLocale ?? 'en-GB', t, long: longDate, short: shortDate, weekday: weekdayDate, list: joinWords, score: formatScore, pct: (n) => `${n}%` };
  }
  const dated = (iso: string, f: (d: string) => string) => (parseIsoDate(iso) ? f(iso) : '');
  return {
    language,
    numberLocale: language,
    t,
    long: (iso) => dated(iso, (d) => formatIsoDate(language, d, 'long')),
    short: (iso) => dated(iso, (d) => formatIsoDate(language, d, 'medium')),
    weekday: (iso) => {
      const d = parseIsoDate(iso);
      return d ? new Intl.DateTimeFormat(language, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(d) : '';
    },
    list: (items) => (items.length ? formatList(language, items) : ''),
    score: (v, digits = 2) => formatScoreIn(language, v, digits),
    pct: (n) => formatPercent(language, n / 100, 1),
  };
}

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
  /**
   * The reasons and warnings as app-catalog messages: the pack's document says them in the
   * workshop's language (the English strings above stay for older readers).
   */
  reasonTexts: Message[];
  warningTexts: Message[];
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
  /** `summary` as an app-catalog message: the PDF says it in the workshop's language (kpiText.status.*). */
  summaryMessage: Message;
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

export type HealthLine = {
  severity: HealthSeverity;
  severityLabel: string;
  useCase: string;
  title: string;
  detail: string;
  fix: string;
  /** The finding's title, detail and fix as app-catalog messages, for the workshop's language. */
  text: { title: Message; detail: Message; fix: Message };
};

/** A line the pack prints: pack text already in its language, or an app-catalog message the document says in it. */
export type PackLine = string | Message;

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
  /** The RACI problems as app-catalog messages, for the workshop's language. */
  raciProblemTexts: Message[];
  /** `when` in English; `whenText` the same as an app-catalog message, for the workshop's language. */
  cadence: { title: string; kindLabel: string; when: string; whenText: Message; attendees: string }[];
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
  /** The facts as the document prints them (the readiness reasons quoted as app-catalog messages); absent in packs built before. */
  factLines?: PackLine[];
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
  /** The workshop's language: the pack's words, and the PDF's document language. */
  language: Language;
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
  summary: { lead: string[]; facts: Fact[]; top: PortfolioRow[]; attention: PackLine[] };
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
  w: PackWords,
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
      quadrantLabel: r.quadrant ? w.t(`pack.quadrant.${r.quadrant}`) : w.t('pack.quadrant.notPlaced'),
      stage,
      stageLabel: stageLabelIn(stage, w.t),
      verdictLabel: w.t(`pack.verdict.${(verdicts.get(r.useCase.id) as ReadinessVerdict).verdict}`),
      owner: r.useCase.businessOwner,
      department: r.useCase.department,
      kindLabel: kindLabelIn(r.useCase.kind, w.t),
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
  return toPortfolioRows(ranked, stages, verdicts, () => true, packWords());
}

export function buildSponsorPack(workshop: Workshop, rows: WorkshopRows, options: PackOptions): SponsorPack {
  const today = options.today;
  const w = packWords(options.words, options.locale);
  const sections = PACK_SECTIONS.filter((s) => !options.sections || options.sections.includes(s));
  const { ranked } = rankWorkshop(workshop, rows);
  const stages = currentStages(rows.useCases, rows.gateDecisions);
  const readinessBy = new Map(rows.readiness.map((r) => [r.useCaseId, r]));
  const verdicts = new Map(rows.useCases.map((u) => [u.id, readinessVerdict(readinessBy.get(u.id))]));
  const wanted = options.useCaseIds ? new Set(options.useCaseIds) : null;
  const isSelected = (id: string) => wanted === null || wanted.has(id);

  const portfolioRows = toPortfolioRows(ranked, stages, verdicts, isSelected, w);
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
    .map((r) => dossier(r, rows, stageOf(r.useCase, stages), verdicts.get(r.useCase.id) as ReadinessVerdict, today, findingsBy.get(r.useCase.id)?.length ?? 0, w));

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
    label: w.t(`pack.quadrant.${q}`),
    titles: portfolioRows.filter((r) => r.quadrant === q && r.stage !== 'stopped').map((r) => (r.rank === null ? r.title : `${r.rank}. ${r.title}`)),
  }));
  const stoppedList = portfolioRows
    .filter((r) => r.stage === 'stopped')
    .map((r) => {
      const stop = rows.gateDecisions.filter((d) => d.useCaseId === r.useCaseId && d.toStage === 'stopped').sort((a, b) => b.seq - a.seq)[0];
      return { title: r.title, reason: stop?.rationale.trim() ?? '', date: stop?.date ?? '' };
    });

  const shares = normalizedWeights(workshop.weights);
  const weights = CRITERIA.map((c) => `${w.t(`pack.criterion.${c}`)} ${w.pct(Math.round(shares[c] * 100))}`).join(' · ');

  const roadmap = roadmapSummary(workshop, rows, selectedRows, w);
  const governance = governanceSummary(rows, w);
  const healthLines: HealthLine[] = findings.map((f) => ({
    severity: f.severity,
    severityLabel: w.t(`pack.severity.${f.severity}`),
    useCase: f.useCaseTitle ?? w.t('pack.wholeWorkshop'),
    title: f.title,
    detail: f.detail,
    fix: f.fix.label,
    text: f.text,
  }));
  const counts = countBySeverity(findings);

  const participants = [...rows.participants]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((p) => ({ name: p.name, roleLabel: w.t(`pack.participantRole.${p.role}`) }));

  const decisions = decisionsSummary(workshop, rows, ranked.filter((r) => selectedIds.has(r.useCase.id)), stages, verdicts, today, w);

  const pack: SponsorPack = {
    language: w.language,
    generatedOn: today,
    decisions,
    status: statusSummary(workshop, rows, selectedRows, today, w),
    sections,
    meta: {
      workshopId: workshop.id,
      name: workshop.name,
      client: workshop.client,
      facilitator: workshop.facilitator,
      workshopDate: workshop.workshopDate,
      workshopDateLabel: w.long(workshop.workshopDate),
      roadmapStartDate: workshop.roadmapStartDate,
      preparedOnLabel: w.long(today),
      participants,
      consultancy: workshop.sponsorPack?.consultancy.trim() ?? '',
      logo: workshop.logo ? { dataUrl: workshop.logo.dataUrl, type: workshop.logo.type, width: workshop.logo.width, height: workshop.logo.height } : null,
      version: workshop.sponsorPack?.version.trim() ?? '',
      confidential: workshop.sponsorPack?.confidential ?? false,
      paper: workshop.sponsorPack?.paper ?? 'a4',
    },
    summary: { lead: [], facts: [], top: selectedRows.filter((r) => r.rank !== null).slice(0, 5), attention: [] },
    portfolio: { rows: portfolioRows, weights, tieBreak: w.t('pack.tieBreak'), points, unplaced, quadrants, stopped: stoppedList },
    appendix,
    risks: portfolioRisks(rows, selectedIds, today, w),
    useCases,
    roadmap,
    governance,
    health: { counts, findings: healthLines },
  };
  pack.summary = executiveSummary(pack, rows, verdicts, selectedIds, today, w);
  // A table of "no KPIs, no risk, not planned" on every row tells the sponsor nothing: left out.
  const blank = pack.status.rows.every((g) => g.stage !== 'stopped' && g.kpiStatus === w.t('pack.glance.noKpis') && g.topRisk === w.t('pack.glance.noneOpen') && !g.nextGateDate);
  if (blank) pack.sections = pack.sections.filter((s) => s !== 'status');
  return pack;
}

function statusSummary(workshop: Workshop, rows: WorkshopRows, selected: readonly PortfolioRow[], today: string, w: PackWords): SponsorPack['status'] {
  const glance = statusAtGlance({
    useCases: selected.map((r) => ({ useCaseId: r.useCaseId, rank: r.rank, title: r.title, stage: r.stage, stageLabel: r.stageLabel })),
    kpis: rows.kpis,
    measurements: rows.measurements,
    risks: rows.risks,
    roadmapItems: rows.roadmapItems,
    cadence: rows.cadence,
    startDate: workshop.roadmapStartDate,
    today,
  }, w.t).map((g) => ({ ...g, nextGateLabel: g.nextGateDate ? w.t('pack.glance.nextGateLabel', { gate: g.nextGate, date: w.short(g.nextGateDate) }) : g.nextGate }));
  const live = glance.filter((g) => g.stage !== 'stopped');
  const red = live.filter((g) => g.worstBand === 'red').length;
  const severe = live.filter((g) => g.topRiskBand === 'critical' || g.topRiskBand === 'high').length;
  const next = live.filter((g) => g.nextGateDate).sort((a, b) => a.nextGateDate.localeCompare(b.nextGateDate))[0];
  const stopped = glance.length - live.length;
  const lead =
    glance.length === 0
      ? w.t('pack.status.empty')
      : [
          w.t('pack.status.lead', { total: glance.length, red, severe, stopped }),
          next ? w.t('pack.status.next', { title: next.title, gate: w.language === 'de' ? next.nextGate : next.nextGate.toLowerCase(), date: w.weekday(next.nextGateDate) }) : w.t('pack.status.noNext'),
        ].join(' ');
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

function decisionsSummary(
  workshop: Workshop,
  rows: WorkshopRows,
  ranked: readonly RankedUseCase[],
  stages: ReadonlyMap<string, Stage>,
  verdicts: ReadonlyMap<string, ReadinessVerdict>,
  today: string,
  w: PackWords,
): DecisionsSummary {
  const asks = workshop.sponsorPack?.asks ?? {};
  const items: DecisionRequest[] = [];
  for (const r of ranked) {
    const stage = stageOf(r.useCase, stages);
    // The readiness reasons from the row the verdict was drawn from (the last one stored), as messages.
    const verdictReasonMessages = readinessReasonMessages(rows.readiness.filter((x) => x.useCaseId === r.useCase.id).at(-1));
    const rec = recommend({ ...decisionEvidence(r.useCase, rows, stage, verdicts.get(r.useCase.id) as ReadinessVerdict, today), verdictReasonMessages }, w.t);
    if (!rec) continue;
    const ask = asks[r.useCase.id];
    const wording = ask?.wording.trim() ?? '';
    items.push({
      useCaseId: r.useCase.id,
      rank: r.rank,
      title: r.useCase.title,
      stageLabel: stageLabelIn(stage, w.t),
      decision: rec.decision,
      label: rec.label,
      wording: wording || rec.sentence,
      derived: rec.sentence,
      edited: wording !== '',
      facts: rec.facts,
      factLines: rec.factLines,
      ask: { decision: ask?.decision.trim() ?? '', people: ask?.people.trim() ?? '', budget: ask?.budget.trim() ?? '' },
    });
  }
  const sponsorRole = rows.roles.find((x) => x.name.trim().toLowerCase() === 'governance sponsor');
  const asked = items.slice(0, 4).map((i) => w.t(`pack.verb.${i.decision}`, { title: i.title }));
  const lead = items.length
    ? w.t('pack.decisions.lead', {
        count: items.length,
        list: items.length > 4 ? w.list([...asked, w.t('pack.decisions.more', { count: items.length - 4 })]) : w.list(asked),
      })
    : w.t('pack.decisions.none');
  return { lead, items, approver: sponsorRole?.person.trim() ?? '' };
}

function riskLine(x: WorkshopRows['risks'][number], today: string, w: PackWords): RiskLine {
  const score = riskScore(x);
  const band = riskBand(score);
  return {
    title: x.title,
    categoryLabel: w.t(`pack.riskCategory.${x.category}`),
    likelihood: x.likelihood,
    impact: x.impact,
    score,
    band,
    bandLabel: w.t(`pack.riskBand.${band}`),
    owner: x.owner,
    mitigation: x.mitigation,
    statusLabel: w.t(`pack.riskStatus.${x.status}`),
    dueDate: x.dueDate,
    overdue: isOverdue(x, today),
  };
}

function portfolioRisks(rows: WorkshopRows, selectedIds: ReadonlySet<string>, today: string, w: PackWords): SponsorPack['risks'] {
  const titles = new Map(rows.useCases.map((u) => [u.id, u.title]));
  const inPack = rows.risks.filter((r) => r.useCaseId === null || selectedIds.has(r.useCaseId));
  const heat = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
  const open = sortRisks(inPack.filter(isActiveRisk));
  for (const r of open) {
    const row = heat[r.likelihood - 1] as number[];
    row[r.impact - 1] = (row[r.impact - 1] ?? 0) + 1;
  }
  const withCase = (r: WorkshopRows['risks'][number]) => ({ ...riskLine(r, today, w), useCase: r.useCaseId === null ? w.t('pack.wholeWorkshop') : (titles.get(r.useCaseId) ?? '') });
  const top = open.slice(0, 10).map(withCase);
  const accepted = sortRisks(inPack.filter((r) => r.status === 'accepted')).map(withCase);
  const severe = open.filter((r) => ['critical', 'high'].includes(riskBand(riskScore(r))));
  const wide = open.filter((r) => r.useCaseId === null).length;
  const lead =
    inPack.length === 0
      ? w.t('pack.risks.none')
      : `${w.t('pack.risks.lead', { open: open.length, severe: severe.length, wide, accepted: accepted.length })}${severe[0] ? ` ${w.t('pack.risks.mostSevere', { title: severe[0].title })}` : ''}`;
  return { lead, heat, top, accepted };
}

function scoreLines(r: RankedUseCase, rows: WorkshopRows, w: PackWords): { scores: ScoreLine[]; roundNumber: number | null } {
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
      label: w.t(`pack.criterion.${c}`),
      consensus: v.value,
      sourceLabel: v.source === 'round' && v.roundNumber ? w.t('pack.source.roundN', { n: v.roundNumber }) : w.t(`pack.source.${v.source}`),
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
  w: PackWords,
): UseCaseDossier {
  const u = r.useCase;
  const { scores, roundNumber } = scoreLines(r, rows, w);
  const readinessRow = rows.readiness.find((x) => x.useCaseId === u.id);
  const lastReadiness = rows.readiness.filter((x) => x.useCaseId === u.id).at(-1);
  const design = rows.pilotDesigns.find((x) => x.useCaseId === u.id);
  const decisions = rows.gateDecisions.filter((d) => d.useCaseId === u.id).sort((a, b) => a.seq - b.seq);
  const risks = sortRisks(rows.risks.filter((x) => x.useCaseId === u.id)).map((x) => riskLine(x, today, w));
  const kpis = kpiLines(rows.kpis.filter((k) => k.useCaseId === u.id), rows.measurements, w);
  const lockedAt = pilotLockedAt(u, rows.gateDecisions);
  return {
    id: u.id,
    rank: r.rank,
    title: u.title,
    kindLabel: kindLabelIn(u.kind, w.t),
    department: u.department,
    businessOwner: u.businessOwner,
    stageLabel: stageLabelIn(stage, w.t),
    problem: u.problem,
    expectedValue: u.expectedValue,
    dataSources: u.dataSources,
    combined: w.score(r.combined),
    quadrantLabel: r.quadrant ? w.t(`pack.quadrant.${r.quadrant}`) : w.t('pack.quadrant.notOnMatrix'),
    scores,
    roundNumber,
    readiness: {
      verdict: verdict.verdict,
      verdictLabel: w.t(`pack.verdict.${verdict.verdict}`),
      average: verdict.average,
      reasons: verdict.reasons,
      warnings: verdict.warnings,
      // The row the verdict was drawn from (the last one stored), so the words match the verdict.
      reasonTexts: readinessReasonMessages(lastReadiness),
      warningTexts: readinessWarningMessages(lastReadiness),
      dimensions: readinessRow
        ? READINESS_DIMENSIONS.map((d) => ({ label: w.t(`pack.dimension.${d}`), score: readinessRow.dimensions[d].score, evidence: readinessRow.dimensions[d].evidence }))
        : [],
    },
    pilot: design
      ? {
          scope: design.scope,
          workflow: design.workflow,
          productionData: w.t(design.usesProductionData === null ? 'pack.pilot.undecided' : design.usesProductionData ? 'pack.pilot.production' : 'pack.pilot.lab'),
          success: design.successCriteria,
          partial: design.partialSuccessCriteria,
          failure: design.failureCriteria,
          amendments: design.amendments.length,
          amendmentLines: design.amendments.map((a) => ({ date: w.long(a.at.slice(0, 10)), field: a.field, before: a.before, after: a.after, reason: a.reason })),
          lockedOn: lockedAt ? w.long(lockedAt.slice(0, 10)) : null,
        }
      : null,
    kpis,
    kpiLead: kpiLead(kpis, w),
    risks,
    owners: owners(u, decisions, rows, kpis, w),
    decisions: decisions.map((d, i) => decisionLine(d, i + 1, w)),
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
export function kpiLead(kpis: readonly Pick<KpiLine, 'name' | 'band' | 'trend'>[], w: PackWords = packWords()): string {
  const measured = kpis.filter((k) => k.trend !== null);
  if (!measured.length) return '';
  const named = (band: KpiLine['band']) => measured.filter((k) => k.band === band).map((k) => k.name);
  const red = named('red');
  const amber = named('amber');
  const green = named('green');
  const unrated = measured.length - red.length - amber.length - green.length;
  const parts = [
    red.length ? w.t('pack.kpiLead.red', { count: red.length, names: red.join(', ') }) : '',
    amber.length ? w.t('pack.kpiLead.amber', { count: amber.length, names: amber.join(', ') }) : '',
    green.length ? w.t('pack.kpiLead.green', { count: green.length }) : '',
    unrated > 0 ? w.t('pack.kpiLead.unrated', { count: unrated }) : '',
  ].filter(Boolean);
  const unmeasured = kpis.length - measured.length;
  const sentence = w.t('pack.kpiLead.sentence', { head: w.t('pack.kpiLead.head', { count: measured.length }), parts: w.list(parts) });
  return `${sentence}${unmeasured ? ` ${w.t('pack.kpiLead.unmeasured', { count: unmeasured })}` : ''}`;
}

function owners(u: UseCase, decisions: readonly GateDecision[], rows: WorkshopRows, kpis: readonly KpiLine[], w: PackWords): Fact[] {
  const out: Fact[] = [];
  const add = (label: string, names: readonly string[]) => {
    const unique = [...new Set(names.map((n) => n.trim()).filter(Boolean))];
    if (unique.length) out.push({ label, value: unique.join(', ') });
  };
  add(w.t('pack.owner.business'), [u.businessOwner]);
  const latest = decisions[decisions.length - 1];
  if (latest) {
    add(w.t('pack.owner.nextActions'), [latest.nextActionsOwner]);
    add(w.t('pack.owner.lastGate'), [latest.decidedBy]);
  }
  add(
    w.t('pack.owner.risks'),
    rows.risks.filter((r) => r.useCaseId === u.id).map((r) => r.owner),
  );
  add(
    w.t('pack.owner.kpis'),
    kpis.map((k) => k.owner),
  );
  add(
    w.t('pack.owner.controls'),
    rows.controls.filter((c) => c.useCaseId === u.id).map((c) => c.owner),
  );
  return out;
}

/** A gate decision as a sponsor reads it: what was decided and where it left the use case. */
export function plainDecision(d: Pick<GateDecision, 'decision' | 'fromStage' | 'toStage'>, w: PackWords = packWords()): string {
  const stage = stageLabelIn(resultingStage(d.decision, d.fromStage, d.toStage), w.t);
  switch (d.decision) {
    case 'advance':
      return w.t('pack.plain.advance', { stage: stageLabelIn(d.toStage, w.t) });
    case 'improve-pilot':
      return w.t(d.fromStage === 'pilot' ? 'pack.plain.improveStays' : 'pack.plain.improveBack', { stage });
    case 'second-validation':
      return w.t('pack.plain.second', { stage });
    case 'stop':
      return w.t('pack.plain.stop', { stage: stageLabelIn(d.fromStage, w.t) });
    case 'move-back':
      return w.t('pack.plain.moveBack', { stage });
    case 're-enter':
      return w.t('pack.plain.reEnter', { stage });
  }
}

function decisionLine(d: GateDecision, number: number, w: PackWords): DecisionLine {
  const count = (result: string | null) => d.criteria.filter((c) => c.result === result).length;
  const parts = [
    count('pass') ? w.t('pack.criteria.passed', { count: count('pass') }) : '',
    count('fail') ? w.t('pack.criteria.failed', { count: count('fail') }) : '',
    count('n/a') ? w.t('pack.criteria.na', { count: count('n/a') }) : '',
    count(null) ? w.t('pack.criteria.unanswered', { count: count(null) }) : '',
  ].filter(Boolean);
  const against = d.criteria
    .filter((c) => c.conflicts?.length)
    .map((c) => ({ criterion: c.name, conflicts: c.conflicts ?? [], justification: c.justification ?? '' }));
  const overridden = d.proposal !== undefined && d.proposal.decision !== d.decision;
  // Printed in the criteria and rationale columns, so the sponsor reads a pass against the data
  // and a decision against the proposal where the decision is, without a new column in the layout.
  const againstText = against.map((a) => w.t('pack.criteria.against', { criterion: a.criterion, conflicts: a.conflicts.join(' '), justification: a.justification })).join(' ');
  return {
    number,
    plain: plainDecision(d, w),
    seq: d.seq,
    date: d.date,
    fromLabel: stageLabelIn(d.fromStage, w.t),
    toLabel: stageLabelIn(d.toStage, w.t),
    decisionLabel: decisionLabelIn(d.decision, w.t),
    rationale: overridden ? w.t('pack.criteria.overridden', { rationale: d.rationale, proposal: d.proposal?.label ?? '', reason: d.overrideReason ?? '' }) : d.rationale,
    decidedBy: d.decidedBy,
    nextActionsOwner: d.nextActionsOwner,
    criteria: `${d.criteria.length ? parts.join(', ') : w.t('pack.criteria.none')}${againstText ? `. ${againstText}` : ''}`,
    proposal: d.proposal ? `${d.proposal.label}: ${d.proposal.sentence}` : '',
    overrideReason: overridden ? (d.overrideReason ?? '') : '',
    passedAgainstData: against,
  };
}

function roadmapSummary(workshop: Workshop, rows: WorkshopRows, allSelected: readonly PortfolioRow[], w: PackWords): RoadmapSummary {
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
  // The chart's month axis and row notes in the pack's language (domain/gantt.ts writes English for the Roadmap tab).
  const chart: GanttModel | null =
    gantt && w.language !== 'en'
      ? {
          ...gantt,
          months: gantt.months.map((m) => {
            const d = parseIsoDate(m.date);
            return d ? { ...m, label: new Intl.DateTimeFormat(w.language, { month: 'long', year: 'numeric' }).format(d) } : m;
          }),
          rows: gantt.rows.map((r) =>
            r.sublabel === 'Readiness sprint first' ? { ...r, sublabel: w.t('pack.verdict.readiness-sprint') } : r.sublabel === 'Not ranked yet' ? { ...r, sublabel: w.t('pack.gantt.notRanked') } : r,
          ),
        }
      : gantt;
  const sessions = (gantt?.events ?? [])
    .filter((e) => e.kind === 'stage-gate-session')
    .map((e) => ({ date: e.date, dateLabel: w.weekday(e.date), time: e.time, gates: e.detail }));
  return {
    sessions,
    title: w.t('pack.roadmap.title', { days: lastDay }),
    days: lastDay,
    startDate: start,
    endDate: start ? addDays(start, lastDay - 1) : '',
    planned: selectedPlanned.length,
    unplanned: selected.filter((r) => !planned.has(r.useCaseId)).map((r) => r.title),
    gantt: chart,
  };
}

/** The KPIs of one use case, layer by layer, with where each stands now. */
function kpiLines(kpis: readonly Kpi[], measurements: readonly Measurement[], w: PackWords): KpiLine[] {
  const locale = w.numberLocale;
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
        layerLabel: w.t(`pack.kpiLayer.${k.layer}`),
        unit: k.unit,
        directionLabel: w.t(`pack.kpiDirection.${k.direction}`),
        roleLabel: w.t(`pack.kpiRole.${k.role}`),
        baseline: value(k.baseline, k.unit),
        target: value(k.target, k.unit),
        greenAt: k.greenAt === null ? '—' : `${words.green === 'at or above' ? '≥' : '≤'} ${formatValue(k.greenAt, k.unit)}`,
        redAt: k.redAt === null ? '—' : `${words.red === 'at or above' ? '≥' : '≤'} ${formatValue(k.redAt, k.unit)}`,
        latest: status.latest ? formatValue(status.latest.value, k.unit) : '—',
        latestDate: status.latest?.date ?? '',
        band: status.band,
        bandLabel: status.guardrailBreached ? w.t('pack.kpiBand.breached', { band: w.t(`pack.kpiBand.${status.band}`) }) : w.t(`pack.kpiBand.${status.band}`),
        summary: status.summary,
        summaryMessage: status.summaryMessage,
        action: status.action,
        owner: k.owner,
        progress: kpiProgress(k, measurements, (v) => localNumber(v, '', locale), w.t, w.pct).text,
        trend: kpiSparkline(k, measurements),
        forecast: forecast
          ? w.t('pack.kpi.forecast', {
              forecast: w.language === 'en' ? formatValue(forecast.forecast, k.unit) : `${num(forecast.forecast, k.unit)}${currencyOf(k.unit) ? '' : k.unit ? ` ${k.unit}` : ''}`,
              actual: w.language === 'en' ? formatValue(forecast.actual, k.unit) : `${num(forecast.actual, k.unit)}${currencyOf(k.unit) ? '' : k.unit ? ` ${k.unit}` : ''}`,
              pct: forecast.pct === null ? '' : ` (${forecast.pct > 0 ? '+' : ''}${w.language === 'en' ? `${formatValue(Number(forecast.pct.toFixed(1)))}%` : w.pct(Number(forecast.pct.toFixed(1)))})`,
              direction: w.t(forecast.direction === 'on-forecast' ? 'pack.kpi.onForecast' : forecast.direction === 'better' ? 'pack.kpi.betterThanForecast' : 'pack.kpi.worseThanForecast'),
              tolerance: forecast.beyondTolerance ? w.t('pack.kpi.beyondTolerance', { pct: w.language === 'en' ? `${formatValue(k.tolerancePct)}%` : w.pct(k.tolerancePct) }) : '',
            })
          : '',
      };
    });
}

function governanceSummary(rows: WorkshopRows, w: PackWords): GovernanceSummary {
  const roles = [...rows.roles].sort((a, b) => a.order - b.order).map((r) => ({ id: r.id, name: r.name, person: r.person }));
  const decisions = [...rows.decisionRights]
    .sort((a, b) => a.order - b.order)
    .map((d) => ({
      decision: d.decision,
      letters: Object.fromEntries(roles.map((r) => [r.id, d.assignments.filter((a) => a.roleId === r.id).map((a) => a.raci).join('')])),
    }));
  const cadence = [...rows.cadence]
    .sort((a, b) => a.order - b.order)
    .map((c) => ({ title: c.title, kindLabel: w.t(`pack.cadenceKind.${c.kind}`), when: cadenceSummary(c), whenText: cadenceWhen(c), attendees: c.attendees }));
  const problems = raciProblems(rows.decisionRights, rows.roles);
  const chain = verifyChain(rows.gateDecisions);
  const decisionLog = chain.ok
    ? {
        ok: true,
        count: chain.count,
        message: chain.count === 0 ? w.t('pack.log.empty') : w.t('pack.log.ok', { count: chain.count }),
      }
    : {
        ok: false,
        count: chain.count,
        message: w.t('pack.log.broken', { message: chain.firstBreak.message, seq: chain.firstBreak.seq }),
      };
  return {
    roles,
    decisions,
    raciProblems: problems.map((p) => p.message),
    raciProblemTexts: problems.map((p) => p.text),
    cadence,
    decisionLog,
    raciLegend: (Object.keys(RACI_LABELS) as (keyof typeof RACI_LABELS)[]).map((k) => `${k} = ${w.t(`pack.raci.${k}`)}`).join(' · '),
  };
}

function executiveSummary(
  pack: SponsorPack,
  rows: WorkshopRows,
  verdicts: ReadonlyMap<string, ReadinessVerdict>,
  selectedIds: ReadonlySet<string>,
  today: string,
  w: PackWords,
): SponsorPack['summary'] {
  const { meta, portfolio, roadmap, governance, health } = pack;
  const t = w.t;
  const total = portfolio.rows.length;
  const selected = portfolio.rows.filter((r) => r.selected);
  const lead: string[] = [];

  const where = [meta.client ? t('pack.summary.withClient', { client: meta.client }) : '', meta.workshopDateLabel ? t('pack.summary.onDate', { date: meta.workshopDateLabel }) : ''].join('');
  const people = rows.participants.length ? t('pack.summary.people', { count: rows.participants.length }) : '';
  const rankedCount = portfolio.rows.filter((r) => r.rank !== null).length;
  // Answer first: what the sponsor is asked, and where the portfolio stands.
  const live = selected.filter((r) => r.stage !== 'stopped');
  const running = live.filter((r) => ['pilot', 'gate', 'hardening', 'rollout', 'scale'].includes(r.stage)).length;
  const answer = [
    t('pack.summary.decisions', { count: pack.decisions.items.length }),
    total === 0 ? t('pack.summary.noUseCase') : t('pack.summary.running', { running, stopped: portfolio.stopped.length }),
  ].join(' ');
  lead.push(answer);
  if (total === 0) {
    // Nothing else would be true to say.
  } else if (rankedCount === 0) {
    lead.push(t('pack.summary.unscored', { total, name: meta.name, where }));
  } else {
    lead.push(t('pack.summary.assessed', { total, name: meta.name, where, people, partial: rankedCount < total ? 'yes' : 'no', ranked: rankedCount, weights: portfolio.weights }));
  }
  if (selected.length < total) {
    lead.push(t('pack.summary.selection', { count: selected.length, total }));
  }
  const top = selected.filter((r) => r.rank !== null).slice(0, 3);
  if (top.length) {
    // German nouns keep their capital letter; English and French lower-case the quadrant's name.
    const quadrantWord = (label: string) => (w.language === 'de' ? label : label.toLowerCase());
    lead.push(t('pack.summary.top', { list: w.list(top.map((r) => t('pack.summary.topItem', { title: r.title, rank: r.rank, quadrant: quadrantWord(r.quadrantLabel) }))) }));
  }
  const counts = portfolio.quadrants
    .filter((q) => q.titles.length)
    .map((q) => t('pack.summary.quadrantCount', { count: q.titles.length, quadrant: w.language === 'de' ? q.label : q.label.toLowerCase() }));
  if (counts.length) lead.push(t('pack.summary.matrix', { list: w.list(counts), unplaced: portfolio.unplaced.length }));

  const verdictCount = { 'start-pilot': 0, 'readiness-sprint': 0, incomplete: 0 };
  for (const id of selectedIds) verdictCount[(verdicts.get(id) as ReadinessVerdict).verdict] += 1;
  if (verdictCount['start-pilot'] + verdictCount['readiness-sprint'] > 0) {
    lead.push(t('pack.summary.readiness', { start: verdictCount['start-pilot'], sprint: verdictCount['readiness-sprint'], incomplete: verdictCount.incomplete }));
  }

  const stageCounts = new Map<string, number>();
  for (const r of selected) stageCounts.set(r.stageLabel, (stageCounts.get(r.stageLabel) ?? 0) + 1);
  if (stageCounts.size) lead.push(t('pack.summary.stages', { list: w.list([...stageCounts].map(([label, n]) => t('pack.summary.stageCount', { count: n, stage: label }))) }));

  if (roadmap.startDate && roadmap.planned) {
    lead.push(t('pack.summary.plan', { days: roadmap.days, start: w.long(roadmap.startDate), end: w.long(roadmap.endDate), planned: roadmap.planned, unplanned: roadmap.unplanned.length }));
  } else if (total > 0) {
    lead.push(t('pack.summary.noPlan'));
  }
  if (portfolio.stopped.length) {
    lead.push(
      t('pack.summary.stopped', {
        list: w.list(portfolio.stopped.map((x) => (x.reason ? t('pack.summary.stoppedItem', { title: x.title, reason: x.reason.replace(/[.\s]+$/, '') }) : x.title))),
      }),
    );
  }

  const risks = rows.risks.filter((r) => r.useCaseId === null || selectedIds.has(r.useCaseId));
  const active = risks.filter(isActiveRisk);
  const severe = active.filter((r) => {
    const b = riskBand(riskScore(r));
    return b === 'critical' || b === 'high';
  });
  const overdue = risks.filter((r) => isOverdue(r, today));
  if (risks.length) {
    lead.push(t('pack.summary.risks', { active: active.length, severe: active.length ? t('pack.summary.risksSevere', { count: severe.length }) : '', overdue: overdue.length }));
  }
  lead.push(governance.decisionLog.message);
  const h = health.counts;
  const found = h.high + h.medium + h.low;
  lead.push(found === 0 ? t('pack.summary.healthNone') : t('pack.summary.health', { high: h.high, medium: h.medium, low: h.low, total: found }));

  const attention: PackLine[] = [];
  for (const f of health.findings.filter((x) => x.severity === 'high').slice(0, 6)) {
    attention.push(msg('roadmapText.pack.finding', { useCase: f.useCase, title: f.text.title, detail: f.text.detail }));
  }
  for (const p of governance.raciProblemTexts.slice(0, 3)) attention.push(p);
  for (const r of overdue.slice(0, 3)) attention.push(t('pack.summary.overdue', { title: r.title, owner: r.owner ? ` (${r.owner})` : '', date: w.long(r.dueDate) }));
  if (!governance.decisionLog.ok) attention.unshift(governance.decisionLog.message);

  const facts: Fact[] = [
    { label: t('pack.fact.assessed'), value: String(total) },
    { label: t('pack.fact.detailed'), value: String(selected.length) },
    { label: t('pack.fact.participants'), value: String(rows.participants.length) },
    {
      label: t('pack.fact.roadmap'),
      value: roadmap.planned && roadmap.startDate ? t('pack.fact.roadmapValue', { days: roadmap.days, start: w.long(roadmap.startDate), end: w.long(roadmap.endDate) }) : t('pack.fact.notPlanned'),
    },
    { label: t('pack.fact.openRisks'), value: t('pack.fact.openRisksValue', { active: active.length, severe: severe.length }) },
    { label: t('pack.fact.log'), value: governance.decisionLog.ok ? t('pack.fact.logOk', { count: governance.decisionLog.count }) : t('pack.fact.logBroken') },
  ];
  return { lead, facts, top: selected.filter((r) => r.rank !== null).slice(0, 5), attention };
}

/** Every piece of text the pack will print, for the renderer to decide which fonts it needs. */
export function packText(pack: SponsorPack): string {
  return JSON.stringify(pack);
}
