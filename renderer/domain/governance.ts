// Ownership and cadence: the standard roles, the decisions whose rights are assigned (RACI), the
// rule that each decision has exactly one Accountable, and the standard governance meetings.
import type { CadenceEvent, DecisionRight, Role } from './model';
import type { Language } from './languages';
import { methodContent } from './method-library';
import { msg, type Message } from './message';

/** The standard roles in `language` (assets/method/<language>/governance.json). */
export function defaultRoles(language: Language): readonly string[] {
  return methodContent(language).governance.roles.map((r) => r.name);
}

/** The standard decisions whose rights are assigned, in `language`. */
export function defaultDecisions(language: Language): readonly string[] {
  return methodContent(language).governance.decisions.map((d) => d.name);
}

export const DEFAULT_ROLES: readonly string[] = defaultRoles('en');

export const DEFAULT_DECISIONS: readonly string[] = defaultDecisions('en');

export const RACI_LABELS = {
  R: 'Responsible',
  A: 'Accountable',
  C: 'Consulted',
  I: 'Informed',
} as const;

export type RaciProblem = {
  decisionId: string;
  decision: string;
  kind: 'no-accountable' | 'several-accountable';
  /** The sentence in English (older readers and tests). */
  message: string;
  /** The same sentence as a catalog message, for the reader's language (domain/message.ts). */
  text: Message;
};

/** Every decision needs exactly one Accountable role; anything else is a problem to show. */
export function raciProblems(rights: readonly DecisionRight[], roles: readonly Role[]): RaciProblem[] {
  const roleIds = new Set(roles.map((r) => r.id));
  const problems: RaciProblem[] = [];
  for (const right of rights) {
    const accountable = right.assignments.filter((a) => a.raci === 'A' && roleIds.has(a.roleId));
    if (accountable.length === 0) {
      problems.push({
        decisionId: right.id,
        decision: right.decision,
        kind: 'no-accountable',
        message: `"${right.decision}" has no Accountable role.`,
        text: msg('governanceText.raci.noAccountable', { decision: right.decision }),
      });
    } else if (accountable.length > 1) {
      const ids = new Set(accountable.map((a) => a.roleId));
      const names = roles.filter((r) => ids.has(r.id)).map((r) => r.name);
      problems.push({
        decisionId: right.id,
        decision: right.decision,
        kind: 'several-accountable',
        message: `"${right.decision}" has ${accountable.length} Accountable roles (${names.join(', ')}); exactly one is needed.`,
        text: msg('governanceText.raci.severalAccountable', { decision: right.decision, count: accountable.length, roles: { list: names, separator: ', ' } }),
      });
    }
  }
  return problems;
}

export const CADENCE_KIND_LABELS: Record<CadenceEvent['kind'], string> = {
  'weekly-execution-review': 'Weekly execution review',
  'monthly-kpi-governance': 'Monthly KPI governance',
  'stage-gate-session': 'Stage-gate session',
  other: 'Other meeting',
};

export const FREQUENCY_LABELS: Record<CadenceEvent['frequency'], string> = {
  weekly: 'Every week',
  fortnightly: 'Every two weeks',
  monthly: 'Once a month',
  'at-gates': 'At each gate',
};

export const WEEKDAY_LABELS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export type CadenceTemplate = Omit<CadenceEvent, 'id' | 'workshopId' | 'createdAt' | 'updatedAt' | 'order'>;

/** When each standard meeting takes place: the same in every language; titles and attendees are data. */
const CADENCE_SHAPES: readonly Omit<CadenceTemplate, 'title' | 'attendees'>[] = [
  { kind: 'weekly-execution-review', frequency: 'weekly', weekday: 1, weekOfMonth: 1, time: '09:30', durationMinutes: 45 },
  { kind: 'monthly-kpi-governance', frequency: 'monthly', weekday: 2, weekOfMonth: 1, time: '14:00', durationMinutes: 60 },
  { kind: 'stage-gate-session', frequency: 'at-gates', weekday: 4, weekOfMonth: 1, time: '15:00', durationMinutes: 90 },
];

/** The standard governance meetings in `language`. */
export function defaultCadence(language: Language): readonly CadenceTemplate[] {
  const { meetings } = methodContent(language).governance;
  return CADENCE_SHAPES.map((shape) => ({ ...shape, ...meetings[shape.kind as keyof typeof meetings] }));
}

export const DEFAULT_CADENCE: readonly CadenceTemplate[] = defaultCadence('en');

const ORDINALS = ['First', 'Second', 'Third', 'Fourth', 'Last'] as const;

/** One line a person reads: "Every Monday at 09:30, 45 min", "First Tuesday of the month at 14:00, 60 min". */
export function cadenceSummary(c: Pick<CadenceEvent, 'frequency' | 'weekday' | 'weekOfMonth' | 'time' | 'durationMinutes'>): string {
  const day = WEEKDAY_LABELS[c.weekday] ?? '?';
  const at = c.time ? ` at ${c.time}` : '';
  const length = `, ${c.durationMinutes} min`;
  switch (c.frequency) {
    case 'weekly':
      return `Every ${day}${at}${length}`;
    case 'fortnightly':
      return `Every other ${day}${at}${length}`;
    case 'monthly':
      return `${ORDINALS[c.weekOfMonth - 1] ?? 'First'} ${day} of the month${at}${length}`;
    case 'at-gates':
      return `First ${c.weekday === 0 || c.weekday === 6 ? 'working day' : day} on or after each gate${at}${length}`;
  }
}

/**
 * The same line as `cadenceSummary` as a catalog message, for the reader's language: a screen in
 * the interface's, the sponsor pack in the workshop's ("Jeden Montag um 09:30, 45 Min.").
 */
export function cadenceWhen(c: Pick<CadenceEvent, 'frequency' | 'weekday' | 'weekOfMonth' | 'time' | 'durationMinutes'>): Message {
  return msg('governanceText.when', {
    frequency: c.frequency,
    day: msg('governanceText.weekday', { day: String(c.weekday) }),
    ordinal: msg('governanceText.ordinal', { n: String(c.weekOfMonth) }),
    weekend: c.weekday === 0 || c.weekday === 6 ? 'yes' : 'no',
    hasTime: c.time ? 'yes' : 'no',
    time: c.time,
    minutes: c.durationMinutes,
  });
}
