// Common KPIs per layer, added to a use case with one click and edited afterwards. Units,
// direction, timing and role are the usual choice; baselines, targets and thresholds are the
// client's numbers and start empty. The response actions are a starting point to discuss.
import type { Kpi, KpiLayer } from './model';
import { DEFAULT_STABILIZATION_COUNT, DEFAULT_TOLERANCE_PCT } from './kpi';

export type KpiTemplate = Pick<
  Kpi,
  'layer' | 'name' | 'unit' | 'direction' | 'timing' | 'role' | 'definition' | 'greenAction' | 'amberAction' | 'redAction'
> & {
  /** Stable key, so tests and later features can name a template. */
  key: string;
  /** Who usually owns it (a role, not a person): shown as a hint in the owner field. */
  ownerHint: string;
};

const t = (
  key: string,
  layer: KpiLayer,
  name: string,
  unit: string,
  direction: Kpi['direction'],
  timing: Kpi['timing'],
  role: Kpi['role'],
  ownerHint: string,
  definition: string,
  actions: [green: string, amber: string, red: string],
): KpiTemplate => ({
  key,
  layer,
  name,
  unit,
  direction,
  timing,
  role,
  ownerHint,
  definition,
  greenAction: actions[0],
  amberAction: actions[1],
  redAction: actions[2],
});

const HI = 'higher-is-better';
const LO = 'lower-is-better';

export const KPI_LIBRARY: readonly KpiTemplate[] = [
  // Model quality
  t('accuracy', 'model-quality', 'Accuracy', '%', HI, 'lagging', 'target', 'AI technical lead', 'Share of cases in the labelled evaluation set the model gets right.', [
    'Keep the regression set current; review monthly.',
    'Analyse the errors by segment; retrain or adjust prompts within two weeks.',
    'Send affected cases to manual handling; root-cause review before the next release.',
  ]),
  t('f1', 'model-quality', 'F1 score', 'score 0–1', HI, 'lagging', 'target', 'AI technical lead', 'Harmonic mean of precision and recall on the labelled evaluation set.', [
    'Keep the regression set current; review monthly.',
    'Check whether precision or recall dropped and rebalance the threshold.',
    'Freeze releases; retrain on fresh labelled data before going further.',
  ]),
  t('precision', 'model-quality', 'Precision', '%', HI, 'lagging', 'target', 'AI technical lead', 'Of the cases the model flags, the share that are truly positive.', [
    'No action; keep monitoring.',
    'Review false positives with the operations team.',
    'Raise the decision threshold or route flags to review until fixed.',
  ]),
  t('recall', 'model-quality', 'Recall', '%', HI, 'lagging', 'target', 'AI technical lead', 'Of the truly positive cases, the share the model finds.', [
    'No action; keep monitoring.',
    'Sample missed cases and add them to the training set.',
    'Add a manual check on unflagged cases until recall recovers.',
  ]),
  t('unsupported-answers', 'model-quality', 'Unsupported-answer rate', '%', LO, 'leading', 'guardrail', 'AI technical lead', 'Share of sampled answers not backed by the source documents (reviewed weekly).', [
    'Keep the weekly sample review.',
    'Tighten retrieval and prompts; double the review sample.',
    'Switch the assistant to draft-only mode with mandatory human review.',
  ]),
  t('low-confidence', 'model-quality', 'Low-confidence rate', '%', LO, 'leading', 'target', 'AI technical lead', 'Share of predictions below the confidence threshold.', [
    'No action.',
    'Check for data drift in the inputs.',
    'Investigate drift; consider retraining on recent data.',
  ]),
  // Operational performance
  t('fallback-rate', 'operational-performance', 'Fallback rate', '%', LO, 'leading', 'target', 'Operations lead', 'Share of cases the system hands back to the manual process.', [
    'Keep the weekly execution review.',
    'Review the fallback reasons with the AI technical lead this week.',
    'Route all cases to the manual process and review failure samples before resuming.',
  ]),
  t('human-intervention', 'operational-performance', 'Human-intervention rate', '%', LO, 'leading', 'target', 'Operations lead', 'Share of cases where a person corrects or overrides the output.', [
    'Keep sampling overrides weekly.',
    'Classify the overrides; fix the top two causes.',
    'Escalate to the product owner; pause expansion to new segments.',
  ]),
  t('latency-p95', 'operational-performance', 'Latency p95', 'ms', LO, 'leading', 'guardrail', 'AI technical lead', '95th percentile response time, measured end to end.', [
    'No action.',
    'Profile the slowest calls; check capacity.',
    'Scale up or fall back to the previous version until latency recovers.',
  ]),
  t('throughput', 'operational-performance', 'Throughput', 'cases / hour', HI, 'leading', 'target', 'Operations lead', 'Cases completed per hour in the target workflow.', [
    'No action.',
    'Look for queueing and manual hand-offs.',
    'Add staff to the manual queue; review the workflow design.',
  ]),
  t('availability', 'operational-performance', 'Availability', '%', HI, 'lagging', 'guardrail', 'AI technical lead', 'Share of business hours the service was usable.', [
    'No action.',
    'Review the incidents of the period.',
    'Invoke the runbook; the manual process takes over.',
  ]),
  // Business impact
  t('cycle-time', 'business-impact', 'Cycle time', 'hours', LO, 'lagging', 'target', 'Product owner', 'Time from case received to case closed, median.', [
    'Report the gain to the sponsor monthly.',
    'Find where cases wait; remove one hand-off.',
    'Review with the sponsor whether the pilot delivers; consider a second validation.',
  ]),
  t('error-rate', 'business-impact', 'Error rate', '%', LO, 'lagging', 'guardrail', 'Operations lead', 'Share of completed cases found wrong in quality control.', [
    'Keep quality-control sampling.',
    'Increase sampling; review errors with the team.',
    'Stop automated completion; every case gets a human check.',
  ]),
  t('cost-per-transaction', 'business-impact', 'Cost per transaction', '€', LO, 'lagging', 'target', 'Product owner', 'Total running cost (people, compute, licences) divided by cases handled.', [
    'Report the saving to the sponsor monthly.',
    'Check compute use and manual rework.',
    'Review the business case with the sponsor before scaling.',
  ]),
  t('adoption-rate', 'business-impact', 'Adoption rate', '% of eligible users', HI, 'leading', 'target', 'Product owner', 'Share of eligible users who used the tool in the period.', [
    'Share early wins; keep the champions involved.',
    'Interview non-users; add training sessions.',
    'Stop and ask why: workflow fit comes before more rollout.',
  ]),
  t('satisfaction', 'business-impact', 'Customer satisfaction', 'score 1–5', HI, 'lagging', 'guardrail', 'Product owner', 'Average satisfaction score of customers whose case the system touched.', [
    'No action.',
    'Read the comments; look for a pattern.',
    'Review the customer journey; consider pausing the automated step.',
  ]),
  t('revenue', 'business-impact', 'Revenue influenced', '€ thousand / month', HI, 'lagging', 'target', 'Product owner', 'Revenue from cases where the system contributed, per month.', [
    'Report to the sponsor monthly.',
    'Check the attribution and the volume of eligible cases.',
    'Review the business case with the sponsor.',
  ]),
  // Governance health
  t('audit-findings', 'governance-health', 'Open audit findings', 'findings', LO, 'lagging', 'guardrail', 'Governance sponsor', 'Audit or compliance findings still open on this use case.', [
    'No action.',
    'Agree an owner and a date for each finding.',
    'No release until the findings are closed; report to the governance sponsor.',
  ]),
  t('incidents', 'governance-health', 'Incidents', 'per month', LO, 'lagging', 'guardrail', 'Operations lead', 'Incidents (harm, outage, data leak) attributed to the system in the month.', [
    'No action.',
    'Post-incident review within a week.',
    'Invoke incident response; consider rollback.',
  ]),
  t('review-cadence', 'governance-health', 'Review cadence kept', '% of planned reviews', HI, 'leading', 'target', 'Governance sponsor', 'Share of planned execution and KPI reviews that took place with decisions recorded.', [
    'No action.',
    'Re-book the missed reviews; confirm attendees.',
    'Escalate to the sponsor: the pilot runs without oversight.',
  ]),
  t('evaluated-releases', 'governance-health', 'Releases with regression evaluation', '%', HI, 'leading', 'target', 'AI technical lead', 'Share of model or prompt changes released after running the regression set.', [
    'No action.',
    'Add the evaluation to the release checklist.',
    'Freeze releases until evaluation is part of every change.',
  ]),
  t('overdue-mitigations', 'governance-health', 'Overdue risk mitigations', 'mitigations', LO, 'leading', 'target', 'Governance sponsor', 'Risk mitigations past their due date.', [
    'No action.',
    'Review the overdue items at the next weekly review.',
    'Escalate to the governance sponsor; re-plan or accept the risk formally.',
  ]),
];

export function libraryTemplate(key: string): KpiTemplate | undefined {
  return KPI_LIBRARY.find((x) => x.key === key);
}

export function libraryFor(layer: KpiLayer): KpiTemplate[] {
  return KPI_LIBRARY.filter((x) => x.layer === layer);
}

/** The fields a new KPI gets from a template (everything but ids, use case and timestamps). */
export function kpiFieldsFromTemplate(tpl: KpiTemplate): Omit<Kpi, 'id' | 'workshopId' | 'useCaseId' | 'createdAt' | 'updatedAt'> {
  return {
    layer: tpl.layer,
    name: tpl.name,
    unit: tpl.unit,
    direction: tpl.direction,
    definition: tpl.definition,
    baseline: null,
    target: null,
    greenAt: null,
    redAt: null,
    greenAction: tpl.greenAction,
    amberAction: tpl.amberAction,
    redAction: tpl.redAction,
    timing: tpl.timing,
    role: tpl.role,
    owner: '',
    forecast: null,
    tolerancePct: DEFAULT_TOLERANCE_PCT,
    stabilizationCount: DEFAULT_STABILIZATION_COUNT,
  };
}

/** A blank KPI of a layer, for one the library does not have. */
export function blankKpiFields(layer: KpiLayer, name: string): Omit<Kpi, 'id' | 'workshopId' | 'useCaseId' | 'createdAt' | 'updatedAt'> {
  return {
    ...kpiFieldsFromTemplate({
      key: '',
      layer,
      name,
      unit: '',
      direction: 'higher-is-better',
      timing: 'lagging',
      role: 'target',
      ownerHint: '',
      definition: '',
      greenAction: '',
      amberAction: '',
      redAction: '',
    }),
  };
}
