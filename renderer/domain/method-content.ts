// The method's shipped content (default rubrics, gate criteria and their help, readiness
// dimensions, the KPI library, controls checklists, the standard agenda, roles, decisions and
// governance meetings, the roadmap's phases and gates) lives as data under the top-level assets/method/<language>/, so a
// consultancy can review and adapt its wording without touching code. Each file is checked against
// its schema here: by a unit test over every shipped file (test/unit/domain/method-content.test.ts),
// and again when the app loads it, so a broken file can never reach a workshop.
import { z } from 'zod';
import { CONTROL_CHECKLISTS, LONG_TEXT_MAX, READINESS_DIMENSIONS, ROADMAP_PHASE_KEYS, SHORT_TEXT_MAX } from './model';

const level = z.string().trim().min(1, 'a level needs a description').max(LONG_TEXT_MAX);
const fiveLevels = z.tuple([level, level, level, level, level]);

/** assets/method/<language>/rubrics.json: what each level 1–5 of each criterion means. */
export const rubricsContentSchema = z.strictObject({ impact: fiveLevels, feasibility: fiveLevels, readiness: fiveLevels });
export type RubricsContent = z.infer<typeof rubricsContentSchema>;

/** The file parsed, or an error naming the file and where it is wrong. */
export function parseRubricsContent(data: unknown, file: string): RubricsContent {
  return parseMethodFile(rubricsContentSchema, data, file);
}

/** Any method file parsed by its schema, or an error naming the file and where it is wrong. */
export function parseMethodFile<S extends z.ZodType>(schema: S, data: unknown, file: string): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new Error(`${file}: ${issue ? `${issue.path.join('.') || 'the file'}: ${issue.message}` : 'not valid'}`);
}

// A key ties a piece of content to its counterparts in the other languages (and to the rules that
// read it, such as the health check's "human-fallback"): the same in every language, never shown.
const key = z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'a key is lower-case letters, digits and hyphens');
const short = z.string().trim().min(1, 'text is needed here').max(SHORT_TEXT_MAX);
const long = z.string().trim().min(1, 'text is needed here').max(LONG_TEXT_MAX);
/** A list whose keys are all different. */
const keyed = <T extends { key: string }>(item: z.ZodType<T>) =>
  z
    .array(item)
    .min(1, 'the list is empty')
    .refine((items) => new Set(items.map((i) => i.key)).size === items.length, 'two entries share a key');

/** assets/method/<language>/agenda.json: the standard sessions of a workshop day. */
export const agendaContentSchema = z.strictObject({
  sessions: keyed(z.strictObject({ key, title: short, minutes: z.number().int().min(1).max(1440) })),
});
export type AgendaContent = z.infer<typeof agendaContentSchema>;

const criterion = z.strictObject({ key, name: short, help: long });
/** assets/method/<language>/gate-criteria.json: what each gate asks, with a sentence of help. */
export const gateCriteriaContentSchema = z.strictObject({
  'pilot-design': keyed(criterion),
  pilot: keyed(criterion),
  gate: keyed(criterion),
  hardening: keyed(criterion),
  rollout: keyed(criterion),
  scale: keyed(criterion),
});
export type GateCriteriaContent = z.infer<typeof gateCriteriaContentSchema>;

/** assets/method/<language>/kpi-library.json: the words of each library KPI (its numbers' shape stays in code). */
export const kpiLibraryContentSchema = z.strictObject({
  kpis: keyed(
    z.strictObject({ key, name: short, unit: short, ownerHint: short, definition: long, greenAction: long, amberAction: long, redAction: long }),
  ),
});
export type KpiLibraryContent = z.infer<typeof kpiLibraryContentSchema>;

const checklist = z.strictObject({ label: short, items: keyed(z.strictObject({ key, label: short })) });
/** assets/method/<language>/controls.json: each controls checklist's name and standard items. */
export const controlsContentSchema = z.strictObject({
  checklists: z.strictObject(Object.fromEntries(CONTROL_CHECKLISTS.map((c) => [c, checklist])) as Record<(typeof CONTROL_CHECKLISTS)[number], typeof checklist>),
});
export type ControlsContent = z.infer<typeof controlsContentSchema>;

const meeting = z.strictObject({ title: short, attendees: short });
/** assets/method/<language>/governance.json: standard roles, decisions (RACI) and meetings. */
export const governanceContentSchema = z.strictObject({
  roles: keyed(z.strictObject({ key, name: short })),
  decisions: keyed(z.strictObject({ key, name: short })),
  meetings: z.strictObject({ 'weekly-execution-review': meeting, 'monthly-kpi-governance': meeting, 'stage-gate-session': meeting }),
});
export type GovernanceContent = z.infer<typeof governanceContentSchema>;

const dimension = z.strictObject({ label: short, hint: short });
/** assets/method/<language>/readiness.json: the five readiness dimensions and what a 1 and a 5 mean. */
export const readinessContentSchema = z.strictObject({
  dimensions: z.strictObject(Object.fromEntries(READINESS_DIMENSIONS.map((d) => [d, dimension])) as Record<(typeof READINESS_DIMENSIONS)[number], typeof dimension>),
});
export type ReadinessContent = z.infer<typeof readinessContentSchema>;

const phase = z.strictObject({ label: short, gate: short, purpose: long });
/**
 * assets/method/<language>/roadmap.json: each phase of the 120-day template, the gate at its end
 * and what it is for. The day ranges are the method's rules and stay in domain/roadmap.ts.
 */
export const roadmapContentSchema = z.strictObject({
  phases: z.strictObject(Object.fromEntries(ROADMAP_PHASE_KEYS.map((k) => [k, phase])) as Record<(typeof ROADMAP_PHASE_KEYS)[number], typeof phase>),
});
export type RoadmapContent = z.infer<typeof roadmapContentSchema>;

/** Every method file beside rubrics.json, with its schema: what the unit test and the build check. */
export const METHOD_FILES = {
  'rubrics.json': rubricsContentSchema,
  'agenda.json': agendaContentSchema,
  'gate-criteria.json': gateCriteriaContentSchema,
  'kpi-library.json': kpiLibraryContentSchema,
  'controls.json': controlsContentSchema,
  'governance.json': governanceContentSchema,
  'readiness.json': readinessContentSchema,
  'roadmap.json': roadmapContentSchema,
} as const;
