// The risk register as data: score, band, overdue, the 5×5 heat map, filters and the register's
// order. Pure, so the screen, the sponsor PDF and the health check all read risks the same way.
import { RISK_CATEGORIES, SHORT_TEXT_MAX, riskSchema, type Risk } from './model';
import { parseIsoDate, parseTypedDate, type TypedDateParse } from './dates';

export type RiskCategory = (typeof RISK_CATEGORIES)[number];
export const RISK_STATUSES = riskSchema.shape.status.options;
export type RiskStatus = Risk['status'];

/** Likelihood and impact levels, 1 to 5. */
export const RISK_LEVELS = [1, 2, 3, 4, 5] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const LIKELIHOOD_LABELS: Record<RiskLevel, string> = {
  1: 'Rare',
  2: 'Unlikely',
  3: 'Possible',
  4: 'Likely',
  5: 'Almost certain',
};

export const IMPACT_LABELS: Record<RiskLevel, string> = {
  1: 'Minor',
  2: 'Moderate',
  3: 'Significant',
  4: 'Major',
  5: 'Severe',
};

export const RISK_CATEGORY_LABELS: Record<RiskCategory, string> = {
  data: 'Data',
  model: 'Model',
  security: 'Security',
  compliance: 'Compliance',
  adoption: 'Adoption',
  operational: 'Operational',
  vendor: 'Vendor',
};

export const RISK_STATUS_LABELS: Record<RiskStatus, string> = {
  open: 'Open',
  mitigating: 'Mitigating',
  accepted: 'Accepted',
  closed: 'Closed',
};

/** Shown wherever a risk belongs to no single use case. */
export const WORKSHOP_WIDE_LABEL = 'Workshop-wide';

export const RISK_BANDS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskBand = (typeof RISK_BANDS)[number];

export const RISK_BAND_LABELS: Record<RiskBand, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

/**
 * Our thresholds on the score (likelihood × impact, 1 to 25): the lowest score of each band.
 * Low 1–4, medium 5–9, high 10–14, critical 15–25; so "likely and major" (4 × 4) is critical,
 * and a severe impact that is merely possible (3 × 5) is too.
 */
export const RISK_BAND_MIN: Record<RiskBand, number> = { low: 1, medium: 5, high: 10, critical: 15 };

/** "1–4", "5–9", "10–14", "15–25": the score range of a band, for legends. */
export function riskBandRange(band: RiskBand): string {
  const i = RISK_BANDS.indexOf(band);
  const next = RISK_BANDS[i + 1];
  return `${RISK_BAND_MIN[band]}–${next ? RISK_BAND_MIN[next] - 1 : 25}`;
}

export function riskScore(risk: Pick<Risk, 'likelihood' | 'impact'>): number {
  return risk.likelihood * risk.impact;
}

export function riskBand(score: number): RiskBand {
  if (score >= RISK_BAND_MIN.critical) return 'critical';
  if (score >= RISK_BAND_MIN.high) return 'high';
  if (score >= RISK_BAND_MIN.medium) return 'medium';
  return 'low';
}

/** Still being worked on: open or mitigating (accepted and closed risks need no more action). */
export function isActiveRisk(risk: Pick<Risk, 'status'>): boolean {
  return risk.status === 'open' || risk.status === 'mitigating';
}

/**
 * The mitigation is late: a due date before today (both `YYYY-MM-DD`) on a risk that is still
 * open or mitigating. Due today is not late yet; a risk with no due date is never overdue.
 */
export function isOverdue(risk: Pick<Risk, 'status' | 'dueDate'>, today: string): boolean {
  return risk.dueDate !== '' && risk.dueDate < today && isActiveRisk(risk);
}

/** A 5×5 count of risks: `counts[likelihood - 1][impact - 1]`. */
export type HeatMap = number[][];

export function heatMapCounts(risks: readonly Pick<Risk, 'likelihood' | 'impact'>[]): HeatMap {
  const counts = RISK_LEVELS.map(() => RISK_LEVELS.map(() => 0));
  for (const r of risks) {
    const row = counts[r.likelihood - 1];
    if (row && r.impact >= 1 && r.impact <= 5) row[r.impact - 1] = (row[r.impact - 1] ?? 0) + 1;
  }
  return counts;
}

export function heatMapCell(map: HeatMap, likelihood: number, impact: number): number {
  return map[likelihood - 1]?.[impact - 1] ?? 0;
}

/** "Likelihood 4, impact 5: 2 risks": the accessible name of a heat-map cell. */
export function heatCellName(likelihood: number, impact: number, count: number): string {
  return `Likelihood ${likelihood}, impact ${impact}: ${count === 0 ? 'no risks' : count === 1 ? '1 risk' : `${count} risks`}`;
}

export type RiskScope = { kind: 'all' } | { kind: 'workshop' } | { kind: 'use-case'; useCaseId: string };
export type RiskCell = { likelihood: number; impact: number };

export type RiskFilter = {
  scope: RiskScope;
  category: RiskCategory | 'all';
  /** 'active' = open or mitigating. */
  status: RiskStatus | 'active' | 'all';
  overdueOnly: boolean;
  /** One heat-map cell, or null for every cell. */
  cell: RiskCell | null;
};

export const NO_RISK_FILTER: RiskFilter = { scope: { kind: 'all' }, category: 'all', status: 'all', overdueOnly: false, cell: null };

export function isFilteringRisks(f: RiskFilter): boolean {
  return f.scope.kind !== 'all' || f.category !== 'all' || f.status !== 'all' || f.overdueOnly || f.cell !== null;
}

/** The risks that pass every part of the filter; `today` (YYYY-MM-DD) decides what is overdue. */
export function filterRisks<R extends Risk>(risks: readonly R[], filter: RiskFilter, today: string): R[] {
  const { scope, category, status, overdueOnly, cell } = filter;
  return risks.filter((r) => {
    if (scope.kind === 'workshop' && r.useCaseId !== null) return false;
    if (scope.kind === 'use-case' && r.useCaseId !== scope.useCaseId) return false;
    if (category !== 'all' && r.category !== category) return false;
    if (status === 'active' && !isActiveRisk(r)) return false;
    if (status !== 'all' && status !== 'active' && r.status !== status) return false;
    if (overdueOnly && !isOverdue(r, today)) return false;
    if (cell && (r.likelihood !== cell.likelihood || r.impact !== cell.impact)) return false;
    return true;
  });
}

/**
 * The register's order: highest score first; equal scores by due date, soonest first (no due
 * date last); then by title, then by creation, so the order never jumps between renders.
 */
export function sortRisks<R extends Risk>(risks: readonly R[]): R[] {
  return [...risks].sort(
    (a, b) =>
      riskScore(b) - riskScore(a) ||
      dueOrder(a.dueDate, b.dueDate) ||
      a.title.localeCompare(b.title, undefined, { sensitivity: 'base' }) ||
      a.createdAt.localeCompare(b.createdAt) ||
      a.id.localeCompare(b.id),
  );
}

function dueOrder(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return 1;
  if (b === '') return -1;
  return a < b ? -1 : 1;
}

export type RiskSummary = {
  total: number;
  active: number;
  overdue: number;
  /** Open or mitigating risks per band (accepted and closed ones are not counted here). */
  activeByBand: Record<RiskBand, number>;
};

export function riskSummary(risks: readonly Risk[], today: string): RiskSummary {
  const activeByBand: Record<RiskBand, number> = { low: 0, medium: 0, high: 0, critical: 0 };
  let active = 0;
  let overdue = 0;
  for (const r of risks) {
    if (isOverdue(r, today)) overdue++;
    if (!isActiveRisk(r)) continue;
    active++;
    activeByBand[riskBand(riskScore(r))]++;
  }
  return { total: risks.length, active, overdue, activeByBand };
}

export type DueDateParse = TypedDateParse;

/** A due date as people type it (domain/dates.ts parseTypedDate: ISO, day first with dots, unambiguous slashes). */
export const parseDueDate = parseTypedDate;

export type RiskFields = Pick<Risk, 'useCaseId' | 'title' | 'category' | 'likelihood' | 'impact' | 'owner' | 'mitigation' | 'status' | 'dueDate'>;

/**
 * What is wrong with these field values, in words for the person who typed them; null when
 * nothing is. Repositories refuse a write that has a problem, so nothing wrong is stored.
 */
export function riskFieldProblem(fields: Partial<RiskFields>): string | null {
  const { title, category, likelihood, impact, owner, status, dueDate } = fields;
  if (title !== undefined && !title.trim()) return 'Give the risk a title.';
  if (title !== undefined && title.trim().length > SHORT_TEXT_MAX) return `A risk title is at most ${SHORT_TEXT_MAX} characters.`;
  if (owner !== undefined && owner.length > SHORT_TEXT_MAX) return `An owner is at most ${SHORT_TEXT_MAX} characters.`;
  if (category !== undefined && !(RISK_CATEGORIES as readonly string[]).includes(category)) return 'Choose a category from the list.';
  if (status !== undefined && !(RISK_STATUSES as readonly string[]).includes(status)) return 'Choose a status from the list.';
  if (likelihood !== undefined && !isLevel(likelihood)) return 'Likelihood is a whole number from 1 (rare) to 5 (almost certain).';
  if (impact !== undefined && !isLevel(impact)) return 'Impact is a whole number from 1 (minor) to 5 (severe).';
  if (dueDate !== undefined && dueDate !== '' && !parseIsoDate(dueDate)) return 'The due date must be a real day, written YYYY-MM-DD.';
  return null;
}

function isLevel(v: unknown): v is RiskLevel {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5;
}
