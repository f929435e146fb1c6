// Every row is checked against the model's schema before it is stored (db/unit-of-work.ts), so the
// rules "a score is a whole number from 1 to 5" or "a title is at most 300 characters" live once,
// in model.ts, instead of as hand checks in each repository. A refused row gets one sentence a
// person can act on, naming the field in our words.
import type { z } from 'zod';
import { workshopSchema, workshopTableSchemas, type Workshop, type WorkshopTableName, type WorkshopRows } from './model';

export type StoredTableName = WorkshopTableName | 'workshops';

/** The row type of each stored table: `RowOf<'risks'>` is `Risk`. */
export type RowOf<T extends StoredTableName> = T extends 'workshops' ? Workshop : WorkshopRows[Exclude<T, 'workshops'>][number];

export const ROW_SCHEMAS: { [T in StoredTableName]: z.ZodType<RowOf<T>> } = {
  workshops: workshopSchema,
  ...workshopTableSchemas,
} as { [T in StoredTableName]: z.ZodType<RowOf<T>> };

/** What a row is called in a sentence ("That use case no longer exists"). */
export const ROW_NOUNS: Record<StoredTableName, string> = {
  workshops: 'workshop',
  participants: 'participant',
  useCases: 'use case',
  scoringRounds: 'scoring round',
  scores: 'score',
  readiness: 'readiness diagnostic',
  pilotDesigns: 'pilot design',
  kpis: 'KPI',
  measurements: 'measurement',
  risks: 'risk',
  gateDecisions: 'decision',
  controls: 'checklist item',
  roles: 'role',
  decisionRights: 'decision right',
  cadence: 'meeting',
  roadmapItems: 'roadmap item',
  agendaItems: 'agenda session',
  auditLog: 'activity entry',
};

/** Field names in our words, where the key alone would read oddly. Others are spelled out from the key. */
const FIELD_WORDS: Partial<Record<StoredTableName, Record<string, string>>> = {
  scores: { value: 'A score' },
  readiness: { score: 'A readiness score', evidence: 'Evidence notes' },
  useCases: { value: 'A consensus score', impact: 'A score', feasibility: 'A score', readiness: 'A score', reason: 'A reason' },
  risks: { likelihood: 'Likelihood', impact: 'Impact', dueDate: 'The due date' },
  workshops: { impact: 'A weight', feasibility: 'A weight', readiness: 'A weight', maxParallelPilots: 'Pilots at once' },
  kpis: { tolerancePct: 'The tolerance', stabilizationCount: 'The number of green measurements in a row' },
  measurements: { value: 'A measurement', date: 'The date' },
  roadmapItems: { startDay: 'A start day', endDay: 'An end day' },
  agendaItems: { plannedMinutes: 'A session’s length in minutes', extraMinutes: 'The extra minutes', title: 'A session’s title' },
  cadence: { durationMinutes: 'The duration', time: 'The time' },
  pilotDesigns: { reason: 'A reason' },
};

export type RowCheck<T> = { ok: true; row: T } | { ok: false; message: string };

/** Checks one row of `table` against the model. Never throws. */
export function checkRow<T extends StoredTableName>(table: T, row: unknown): RowCheck<RowOf<T>> {
  const schema = ROW_SCHEMAS[table];
  const parsed = schema.safeParse(row);
  if (parsed.success) return { ok: true, row: parsed.data as RowOf<T> };
  const issue = parsed.error.issues[0];
  if (!issue) return { ok: false, message: `This ${ROW_NOUNS[table]} cannot be stored.` };
  return { ok: false, message: describeRowIssue(table, schema, issue) };
}

function describeRowIssue(table: StoredTableName, schema: z.ZodType, issue: z.core.$ZodIssue): string {
  const key = [...issue.path].reverse().find((p) => typeof p === 'string');
  const field = typeof key === 'string' ? (FIELD_WORDS[table]?.[key] ?? spellOut(key)) : `The ${ROW_NOUNS[table]}`;
  const bounds = numberBounds(fieldSchema(schema, issue.path));
  switch (issue.code) {
    case 'too_big':
    case 'too_small':
      if (issue.origin === 'string') {
        return issue.code === 'too_small' ? `${field} cannot be empty.` : `${field} is limited to ${String(issue.maximum)} characters.`;
      }
      if (issue.origin === 'array') return `${field} has too many entries.`;
      return bounds ? `${field} is ${bounds}.` : `${field} is out of range.`;
    case 'invalid_type':
      if (bounds && (issue.expected === 'int' || issue.expected === 'number')) return `${field} is ${bounds}.`;
      if (issue.input === undefined) return `${field} is missing.`;
      return `${field} has the wrong kind of value.`;
    case 'invalid_value':
      return `${field} must be one of ${issue.values
        .slice(0, 8)
        .map((v) => JSON.stringify(v))
        .join(', ')}.`;
    case 'invalid_format':
      if (issue.format === 'date') return `${field} must be a date like 2026-03-01.`;
      return `${field} has the wrong format.`;
    case 'unrecognized_keys':
      return `The ${ROW_NOUNS[table]} has fields Liftoff does not know: ${issue.keys.slice(0, 3).join(', ')}.`;
    default:
      return `${field}: ${issue.message}`;
  }
}

/** "dueDate" → "Due date". */
function spellOut(key: string): string {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

type Introspectable = {
  _zod?: { def?: { type?: string; innerType?: unknown; element?: unknown; items?: unknown[]; shape?: Record<string, unknown>; options?: unknown[] } };
  minValue?: number | null;
  maxValue?: number | null;
  isInt?: boolean;
};

/** The schema of the field at `path` inside an object schema (through nullable, optional, arrays, tuples). */
function fieldSchema(schema: unknown, path: readonly PropertyKey[]): Introspectable | null {
  let current = schema as Introspectable | undefined;
  const unwrap = () => {
    while (current?._zod?.def && (current._zod.def.type === 'nullable' || current._zod.def.type === 'optional' || current._zod.def.type === 'default')) {
      current = current._zod.def.innerType as Introspectable;
    }
    if (current?._zod?.def?.type === 'union') current = (current._zod.def.options?.[0] as Introspectable) ?? current;
  };
  for (const segment of path) {
    unwrap();
    const def = current?._zod?.def;
    if (!def) return null;
    if (def.type === 'object' && typeof segment === 'string') current = def.shape?.[segment] as Introspectable;
    else if (def.type === 'array') current = def.element as Introspectable;
    else if (def.type === 'tuple' && typeof segment === 'number') current = def.items?.[segment] as Introspectable;
    else return null;
  }
  unwrap();
  return current ?? null;
}

/** "a whole number from 1 to 5", from a number schema's own limits. */
function numberBounds(schema: Introspectable | null): string | null {
  if (!schema || schema._zod?.def?.type !== 'number') return null;
  const fmt = (n: number) => n.toLocaleString('en-US');
  const min = Number.isFinite(schema.minValue) ? fmt(schema.minValue as number) : null;
  const max = Number.isFinite(schema.maxValue) ? fmt(schema.maxValue as number) : null;
  const kind = schema.isInt ? 'a whole number' : 'a number';
  if (min !== null && min !== undefined && max !== null && max !== undefined) return `${kind} from ${min} to ${max}`;
  if (min !== null && min !== undefined) return `${kind} of at least ${min}`;
  if (max !== null && max !== undefined) return `${kind} of at most ${max}`;
  return kind;
}
