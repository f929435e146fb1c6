// The controls checklists per use case: the standard items of each list (our wording of the
// method's hardening, data/MLOps, regulated-risk, change-management and documentation controls).
// `key` ties a stored item to its template so the health check can find "fallback to a human".
import type { ControlChecklist, ControlItem } from './model';

export const CHECKLIST_LABELS: Record<ControlChecklist, string> = {
  hardening: 'Hardening',
  'data-mlops': 'Data and MLOps controls',
  risk: 'Risk controls (regulated contexts)',
  'change-management': 'Change management',
  documentation: 'Documentation',
};

export const CONTROL_STATUS_LABELS: Record<ControlItem['status'], string> = {
  todo: 'To do',
  'in-progress': 'In progress',
  done: 'Done',
  'n/a': 'Not applicable',
};

export type ControlTemplate = { key: string; label: string };

export const CONTROL_TEMPLATES: Record<ControlChecklist, readonly ControlTemplate[]> = {
  hardening: [
    { key: 'api-integration', label: 'Integrated through a stable API with the systems of record' },
    { key: 'retries', label: 'Retries and timeouts on every external call' },
    { key: 'monitoring', label: 'Monitoring and alerting in production' },
    { key: 'release-management', label: 'Release management: versioned, reviewed, reversible releases' },
    { key: 'failure-playbooks', label: 'Failure playbooks for the known ways it breaks' },
    { key: 'role-based-access', label: 'Role-based access' },
    { key: 'audit-logging', label: 'Audit logging of inputs, outputs and overrides' },
    { key: 'low-confidence-escalation', label: 'Low-confidence output escalated to a person' },
    { key: 'human-fallback', label: 'Fallback to a human when the system is down or unsure' },
  ],
  'data-mlops': [
    { key: 'data-validation', label: 'Input data validated before use' },
    { key: 'drift-detection', label: 'Data and model drift detection' },
    { key: 'version-tracking', label: 'Model and prompt versions tracked' },
    { key: 'rollback', label: 'Rollback to the previous model or prompt' },
    { key: 'regression-set', label: 'Regression evaluation set run on every change' },
    { key: 'confidence-monitoring', label: 'Confidence scores monitored' },
  ],
  risk: [
    { key: 'access-governance', label: 'Access governance reviewed' },
    { key: 'audit-trail', label: 'Audit trail a regulator can follow' },
    { key: 'incident-response', label: 'Incident response plan' },
    { key: 'evidence-generation', label: 'Evidence generated for reviews and audits' },
  ],
  'change-management': [
    { key: 'user-involvement', label: 'End users involved in design and testing' },
    { key: 'training', label: 'Training for the people who will use it' },
    { key: 'champions', label: 'Champions in each team' },
    { key: 'early-wins', label: 'Early wins communicated' },
  ],
  documentation: [
    { key: 'model-card', label: 'Model card' },
    { key: 'runbook', label: 'Runbook' },
    { key: 'named-owner', label: 'Named owner in operations' },
  ],
};

/**
 * Where the item with this template key stands: not on the list, on it and not finished (to do or
 * in progress, owner or not), done, or marked not applicable.
 */
export function controlState(items: readonly ControlItem[], key: string): 'missing' | 'planned' | 'done' | 'n/a' {
  const item = items.find((i) => i.key === key);
  if (!item) return 'missing';
  if (item.status === 'done') return 'done';
  if (item.status === 'n/a') return 'n/a';
  return 'planned';
}

/** Checklist progress: done out of the items that apply. */
export function checklistProgress(items: readonly ControlItem[]): { done: number; applicable: number } {
  const applicable = items.filter((i) => i.status !== 'n/a');
  return { done: applicable.filter((i) => i.status === 'done').length, applicable: applicable.length };
}

/** Past its due date and still open: a due date before today (YYYY-MM-DD) on an item neither done nor not applicable. */
export function isOverdue(item: Pick<ControlItem, 'status' | 'dueDate'>, today: string): boolean {
  return item.dueDate !== '' && item.dueDate < today && item.status !== 'done' && item.status !== 'n/a';
}

/** The standard items of a checklist that are not on the use case's list yet (what "Add the standard items" would add). */
export function missingStandardItems(items: readonly Pick<ControlItem, 'key'>[], checklist: ControlChecklist): ControlTemplate[] {
  const have = new Set(items.map((i) => i.key));
  return CONTROL_TEMPLATES[checklist].filter((t) => !have.has(t.key));
}
