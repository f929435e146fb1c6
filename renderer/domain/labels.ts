import type { Stage, UseCaseKind } from './model';

export const KIND_LABELS: Record<UseCaseKind, string> = {
  'predictive-model': 'Predictive model',
  'generative-assistant': 'Generative assistant',
  'automated-decision': 'Automated decision',
  'document-processing': 'Document processing',
  other: 'Other',
};

export const STAGE_LABELS: Record<Stage, string> = {
  readiness: 'Stage 0 · Readiness',
  'pilot-design': 'Stage 1 · Pilot design',
  pilot: 'Stage 2 · Controlled pilot',
  gate: 'Stage 3 · Readiness gate',
  hardening: 'Stage 4 · Hardening',
  rollout: 'Stage 5 · Limited rollout',
  scale: 'Stage 6 · Scale',
  stopped: 'Stopped',
};

/** Short guidance per criterion, shown beside the 1–5 pickers. Our wording of the method. */
export const CRITERION_HINTS = {
  impact: 'Business impact: revenue gained, cost removed or risk reduced. 1 = marginal, 5 = material to the business.',
  feasibility: 'Feasibility: is the data there and how hard is the build? 1 = data missing or very complex, 5 = data ready, simple build.',
  readiness: 'Organizational readiness: a sponsor, users who want it, an owner. 1 = nobody asked for it, 5 = sponsored and owned.',
} as const;
