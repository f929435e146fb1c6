// The controls checklists per use case: the standard items of each list (our wording of the
// method's hardening, data/MLOps, regulated-risk, change-management and documentation controls,
// as data per language in assets/method/<language>/controls.json).
// `key` ties a stored item to its template so the health check can find "fallback to a human".
import { CONTROL_CHECKLISTS, type ControlChecklist, type ControlItem } from './model';
import type { Language } from './languages';
import { methodContent } from './method-library';

/** Each checklist's name in `language` (assets/method/<language>/controls.json). */
export function checklistLabels(language: Language): Record<ControlChecklist, string> {
  const { checklists } = methodContent(language).controls;
  return Object.fromEntries(CONTROL_CHECKLISTS.map((c) => [c, checklists[c].label])) as Record<ControlChecklist, string>;
}

export const CHECKLIST_LABELS: Record<ControlChecklist, string> = checklistLabels('en');

export const CONTROL_STATUS_LABELS: Record<ControlItem['status'], string> = {
  todo: 'To do',
  'in-progress': 'In progress',
  done: 'Done',
  'n/a': 'Not applicable',
};

export type ControlTemplate = { key: string; label: string };

/** The standard items of each checklist in `language`; a key names the same item in every language. */
export function controlTemplates(language: Language): Record<ControlChecklist, readonly ControlTemplate[]> {
  const { checklists } = methodContent(language).controls;
  const out = {} as Record<ControlChecklist, readonly ControlTemplate[]>;
  for (const c of CONTROL_CHECKLISTS) out[c] = checklists[c].items;
  return out;
}

export const CONTROL_TEMPLATES: Record<ControlChecklist, readonly ControlTemplate[]> = controlTemplates('en');

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
export function missingStandardItems(items: readonly Pick<ControlItem, 'key'>[], checklist: ControlChecklist, language: Language = 'en'): ControlTemplate[] {
  const have = new Set(items.map((i) => i.key));
  return controlTemplates(language)[checklist].filter((t) => !have.has(t.key));
}
