// Ownership and cadence: the standard roles, the decisions whose rights are assigned (RACI), the
// rule that each decision has exactly one Accountable, and the standard governance meetings.
import type { CadenceEvent, DecisionRight, Role } from './model';

export const DEFAULT_ROLES: readonly string[] = ['Product owner', 'AI technical lead', 'Operations lead', 'Governance sponsor'];

export const DEFAULT_DECISIONS: readonly string[] = [
  'Pilot scope',
  'Model quality sign-off',
  'Gate approval',
  'Release to production',
  'Risk acceptance',
  'Stopping a use case',
];

export const RACI_LABELS = {
  R: 'Responsible',
  A: 'Accountable',
  C: 'Consulted',
  I: 'Informed',
} as const;

export type RaciProblem = { decisionId: string; decision: string; kind: 'no-accountable' | 'several-accountable'; message: string };

/** Every decision needs exactly one Accountable role; anything else is a problem to show. */
export function raciProblems(rights: readonly DecisionRight[], roles: readonly Role[]): RaciProblem[] {
  const roleIds = new Set(roles.map((r) => r.id));
  const problems: RaciProblem[] = [];
  for (const right of rights) {
    const accountable = right.assignments.filter((a) => a.raci === 'A' && roleIds.has(a.roleId));
    if (accountable.length === 0) {
      problems.push({ decisionId: right.id, decision: right.decision, kind: 'no-accountable', message: `"${right.decision}" has no Accountable role.` });
    } else if (accountable.length > 1) {
      const ids = new Set(accountable.map((a) => a.roleId));
      const names = roles.filter((r) => ids.has(r.id)).map((r) => r.name);
      problems.push({
        decisionId: right.id,
        decision: right.decision,
        kind: 'several-accountable',
        message: `"${right.decision}" has ${accountable.length} Accountable roles (${names.join(', ')}); exactly one is needed.`,
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

export const DEFAULT_CADENCE: readonly CadenceTemplate[] = [
  {
    kind: 'weekly-execution-review',
    title: 'Weekly execution review',
    frequency: 'weekly',
    weekday: 1,
    weekOfMonth: 1,
    time: '09:30',
    durationMinutes: 45,
    attendees: 'Product owner, AI technical lead, Operations lead',
  },
  {
    kind: 'monthly-kpi-governance',
    title: 'Monthly KPI governance',
    frequency: 'monthly',
    weekday: 2,
    weekOfMonth: 1,
    time: '14:00',
    durationMinutes: 60,
    attendees: 'Governance sponsor, Product owner, Risk and compliance',
  },
  {
    kind: 'stage-gate-session',
    title: 'Stage-gate session',
    frequency: 'at-gates',
    weekday: 4,
    weekOfMonth: 1,
    time: '15:00',
    durationMinutes: 90,
    attendees: 'Governance sponsor, Product owner, AI technical lead, Operations lead',
  },
];

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
      return `At each gate, usually a ${day}${at}${length}`;
  }
}

/** Which week of the month a monthly meeting falls in; 5 stands for the last. */
export const WEEK_OF_MONTH_LABELS: Record<number, string> = { 1: '1st', 2: '2nd', 3: '3rd', 4: '4th', 5: 'Last' };
const WEEK_OF_MONTH_WORDS: Record<number, string> = { 1: 'First', 2: 'Second', 3: 'Third', 4: 'Fourth', 5: 'Last' };

export const MEETING_MIN_MINUTES = 5;
export const MEETING_MAX_MINUTES = 8 * 60;
export const MEETING_TIME_MESSAGE = 'Enter the time as HH:MM, 24-hour (for example 09:30).';
export const MEETING_DURATION_MESSAGE = `A meeting lasts ${MEETING_MIN_MINUTES} to ${MEETING_MAX_MINUTES} minutes.`;

const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A stored time is `HH:MM` (24-hour) or empty when not agreed yet. */
export function isMeetingTime(time: string): boolean {
  return time === '' || TIME_RE.test(time);
}

export function isMeetingDuration(minutes: number): boolean {
  return Number.isInteger(minutes) && minutes >= MEETING_MIN_MINUTES && minutes <= MEETING_MAX_MINUTES;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** A time as typed: "9:30", "09:30", "9.30" or "14h05" give `09:30`…; empty means "not agreed yet". */
export function parseMeetingTime(text: string): Parsed<string> {
  const t = text.trim();
  if (t === '') return { ok: true, value: '' };
  const m = /^(\d{1,2})\s*[:.hH]\s*(\d{2})$/.exec(t);
  if (!m) return { ok: false, message: MEETING_TIME_MESSAGE };
  const value = `${(m[1] ?? '').padStart(2, '0')}:${m[2] ?? ''}`;
  return TIME_RE.test(value) ? { ok: true, value } : { ok: false, message: MEETING_TIME_MESSAGE };
}

/** Whole minutes, 5 to 480. */
export function parseMeetingDuration(text: string): Parsed<number> {
  const t = text.trim();
  if (!/^\d{1,4}$/.test(t)) return { ok: false, message: MEETING_DURATION_MESSAGE };
  const n = Number(t);
  return isMeetingDuration(n) ? { ok: true, value: n } : { ok: false, message: MEETING_DURATION_MESSAGE };
}

/** "45 min", "1 h", "1 h 30 min". */
export function formatMeetingDuration(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/**
 * The meeting in one line, as a person says it: "Every Monday at 09:30, 45 min", "First Tuesday
 * of the month at 14:00, 1 h", "Every other Thursday…", "On each gate day at 15:00, 1 h 30 min".
 */
export function cadenceSummary(c: Pick<CadenceEvent, 'frequency' | 'weekday' | 'weekOfMonth' | 'time' | 'durationMinutes'>): string {
  const day = WEEKDAY_LABELS[c.weekday] ?? '';
  const when =
    c.frequency === 'weekly'
      ? `Every ${day}`
      : c.frequency === 'fortnightly'
        ? `Every other ${day}`
        : c.frequency === 'monthly'
          ? `${WEEK_OF_MONTH_WORDS[c.weekOfMonth] ?? ''} ${day} of the month`
          : 'On each gate day';
  const at = c.time ? ` at ${c.time}` : ', time to be agreed';
  return `${when}${at}, ${formatMeetingDuration(c.durationMinutes)}`;
}

/**
 * What is wrong with (part of) a meeting, or null. The repository refuses a meeting with any of
 * these, so nothing wrong is ever stored.
 */
export function cadenceProblem(c: Partial<CadenceTemplate>, limits: { titleMax: number; attendeesMax: number }): string | null {
  if (c.title !== undefined && !c.title.trim()) return 'A meeting needs a title.';
  if (c.title !== undefined && c.title.length > limits.titleMax) return `A meeting title is at most ${limits.titleMax} characters.`;
  if (c.kind !== undefined && !Object.hasOwn(CADENCE_KIND_LABELS, c.kind)) return 'Unknown kind of meeting.';
  if (c.frequency !== undefined && !Object.hasOwn(FREQUENCY_LABELS, c.frequency)) return 'Unknown frequency.';
  if (c.weekday !== undefined && !(Number.isInteger(c.weekday) && c.weekday >= 0 && c.weekday <= 6)) return 'Choose a weekday.';
  if (c.weekOfMonth !== undefined && !(Number.isInteger(c.weekOfMonth) && c.weekOfMonth >= 1 && c.weekOfMonth <= 5)) {
    return 'Choose the week of the month: 1st to 4th, or the last.';
  }
  if (c.time !== undefined && !isMeetingTime(c.time)) return MEETING_TIME_MESSAGE;
  if (c.durationMinutes !== undefined && !isMeetingDuration(c.durationMinutes)) return MEETING_DURATION_MESSAGE;
  if (c.attendees !== undefined && c.attendees.length > limits.attendeesMax) return `Attendees are at most ${limits.attendeesMax} characters.`;
  return null;
}

/** The letter a role holds for a decision, or null. */
export function raciOf(right: DecisionRight, roleId: string): DecisionRight['assignments'][number]['raci'] | null {
  return right.assignments.find((a) => a.roleId === roleId)?.raci ?? null;
}
