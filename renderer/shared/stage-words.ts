// Stage, decision and readiness-verdict names in the facilitator's language, for the screens of the
// pipeline, stage record, KPIs, roadmap and health check. The English words stay in domain/ (the
// sponsor pack and stored data use them); these are the interface's words for the same things.
import type { Stage } from '../domain/model';
import type { ReadinessVerdict } from '../domain/readiness';
import type { GateDecisionKind } from '../domain/stages';
import type { RecommendedDecision } from '../domain/recommendations';
import type { KpiBand } from '../domain/kpi';
import type { ControlItem, KpiLayer } from '../domain/model';
import type { RiskBand, RiskCategory, RiskStatus } from '../domain/risks';
import type { AppMessageId } from '../i18n/app-catalog';
import { shortDate } from '../domain/kpi-chart';
import { formatIsoDate } from '../domain/locale-format';

type T = (id: AppMessageId, values?: Record<string, unknown>) => string;

const STAGE_IDS: Record<Stage, AppMessageId> = {
  readiness: 'pipeline.stage.readiness',
  'pilot-design': 'pipeline.stage.pilotDesign',
  pilot: 'pipeline.stage.pilot',
  gate: 'pipeline.stage.gate',
  hardening: 'pipeline.stage.hardening',
  rollout: 'pipeline.stage.rollout',
  scale: 'pipeline.stage.scale',
  stopped: 'pipeline.stage.stopped',
};

const DECISION_IDS: Record<GateDecisionKind, AppMessageId> = {
  advance: 'pipeline.decision.advance',
  'improve-pilot': 'pipeline.decision.improvePilot',
  'second-validation': 'pipeline.decision.secondValidation',
  stop: 'pipeline.decision.stop',
  'move-back': 'pipeline.decision.moveBack',
  're-enter': 'pipeline.decision.reEnter',
};

const VERDICT_IDS: Record<ReadinessVerdict['verdict'], AppMessageId> = {
  'start-pilot': 'pipeline.verdict.startPilot',
  'readiness-sprint': 'pipeline.verdict.readinessSprint',
  incomplete: 'pipeline.verdict.incomplete',
};

const LAYER_IDS: Record<KpiLayer, AppMessageId> = {
  'model-quality': 'kpis.layer.modelQuality',
  'operational-performance': 'kpis.layer.operational',
  'business-impact': 'kpis.layer.businessImpact',
  'governance-health': 'kpis.layer.governance',
};
const BAND_IDS: Record<KpiBand, AppMessageId> = {
  green: 'kpis.band.green',
  amber: 'kpis.band.amber',
  red: 'kpis.band.red',
  'no-data': 'kpis.band.noData',
  'no-thresholds': 'kpis.band.noThresholds',
};
const RISK_BAND_IDS: Record<RiskBand, AppMessageId> = { low: 'risks.band.low', medium: 'risks.band.medium', high: 'risks.band.high', critical: 'risks.band.critical' };
const RISK_STATUS_IDS: Record<RiskStatus, AppMessageId> = { open: 'risks.status.open', mitigating: 'risks.status.mitigating', accepted: 'risks.status.accepted', closed: 'risks.status.closed' };
const RISK_CATEGORY_IDS: Record<RiskCategory, AppMessageId> = {
  data: 'risks.category.data',
  model: 'risks.category.model',
  security: 'risks.category.security',
  compliance: 'risks.category.compliance',
  adoption: 'risks.category.adoption',
  operational: 'risks.category.operational',
  vendor: 'risks.category.vendor',
};
const CONTROL_STATUS_IDS: Record<ControlItem['status'], AppMessageId> = {
  todo: 'stage.controlStatus.todo',
  'in-progress': 'stage.controlStatus.inProgress',
  done: 'stage.controlStatus.done',
  'n/a': 'stage.controlStatus.na',
};

export const layerLabel = (t: T, layer: KpiLayer): string => t(LAYER_IDS[layer]);
export const bandLabel = (t: T, band: KpiBand): string => t(BAND_IDS[band]);
export const riskBandLabel = (t: T, band: RiskBand): string => t(RISK_BAND_IDS[band]);
export const riskStatusLabel = (t: T, status: RiskStatus): string => t(RISK_STATUS_IDS[status]);
export const riskCategoryLabel = (t: T, category: RiskCategory): string => t(RISK_CATEGORY_IDS[category]);
export const controlStatusLabel = (t: T, status: ControlItem['status']): string => t(CONTROL_STATUS_IDS[status]);

const PROPOSAL_IDS: Record<RecommendedDecision, AppMessageId> = {
  'start-pilot': 'gate.proposal.startPilot',
  'readiness-sprint': 'gate.proposal.readinessSprint',
  scale: 'gate.proposal.scale',
  'improve-pilot': 'gate.proposal.improvePilot',
  'second-validation': 'gate.proposal.secondValidation',
  stop: 'gate.proposal.stop',
};

/** "Scale", "Improve the pilot"… (what the evidence proposes) in the reader's language. */
export const proposalLabel = (t: T, decision: RecommendedDecision): string => t(PROPOSAL_IDS[decision]);
/** "Stage 2 · Controlled pilot" in the reader's language. */
export const stageLabel = (t: T, stage: Stage): string => t(STAGE_IDS[stage]);
/** "Advance", "Stop"… in the reader's language. */
export const decisionLabel = (t: T, decision: GateDecisionKind): string => t(DECISION_IDS[decision]);
/** "Start the pilot"… in the reader's language. */
export const verdictLabel = (t: T, verdict: ReadinessVerdict['verdict']): string => t(VERDICT_IDS[verdict]);

/**
 * A calendar date as the reader writes it: the app's English style ("23 Nov 2026", as the KPI
 * charts and the roadmap write it) in English, Intl's in German and French ("23. Nov. 2026").
 */
export function readerDate(lang: string, iso: string): string {
  return lang === 'en' ? shortDate(iso) : formatIsoDate(lang, iso);
}
