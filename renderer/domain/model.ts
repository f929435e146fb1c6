// The method as data: one zod schema per stored entity. The TypeScript types are inferred from
// these schemas, so the database, the workshop file and the screens share a single definition.
// Limits on string length keep a hostile file from storing megabytes in one field.
import { z } from 'zod';
import { LANGUAGES } from './languages';
import type { Message, MessageValue } from './message';

// No eval: zod's JIT probes for it with `new Function('')`, which the app's CSP (script-src 'self')
// refuses, and every refusal is a CSP violation report. The interpreted parser is fast enough.
z.config({ jitless: true });

export const SHORT_TEXT_MAX = 300;
export const LONG_TEXT_MAX = 20_000;

const id = z.string().min(1).max(64);
const shortText = z.string().max(SHORT_TEXT_MAX);
const longText = z.string().max(LONG_TEXT_MAX);
const isoDateTime = z.iso.datetime({ offset: true });
/** A calendar date, `YYYY-MM-DD`, or empty when not set yet. */
const isoDate = z.union([z.iso.date(), z.literal('')]);
const score = z.number().int().min(1).max(5);
const nullableScore = score.nullable();

export const CRITERIA = ['impact', 'feasibility', 'readiness'] as const;
export type Criterion = (typeof CRITERIA)[number];

export const USE_CASE_KINDS = [
  'predictive-model',
  'generative-assistant',
  'automated-decision',
  'document-processing',
  'other',
] as const;
export type UseCaseKind = (typeof USE_CASE_KINDS)[number];

export const STAGES = ['readiness', 'pilot-design', 'pilot', 'gate', 'hardening', 'rollout', 'scale', 'stopped'] as const;
export type Stage = (typeof STAGES)[number];

export const PARTICIPANT_ROLES = [
  'product-owner',
  'ai-technical-lead',
  'operations-lead',
  'governance-sponsor',
  'risk-compliance',
  'end-user',
  'other',
] as const;

export const READINESS_DIMENSIONS = [
  'dataQuality',
  'processClarity',
  'systemAccess',
  'stakeholderOwnership',
  'complianceConstraints',
] as const;

export const KPI_LAYERS = ['model-quality', 'operational-performance', 'business-impact', 'governance-health'] as const;
export const RISK_CATEGORIES = ['data', 'model', 'security', 'compliance', 'adoption', 'operational', 'vendor'] as const;
export const GATE_DECISIONS = ['advance', 'improve-pilot', 'second-validation', 'stop', 'move-back', 're-enter'] as const;
export const RACI = ['R', 'A', 'C', 'I'] as const;

const criterionScores = z.strictObject({
  impact: nullableScore,
  feasibility: nullableScore,
  readiness: nullableScore,
});
export type CriterionScores = z.infer<typeof criterionScores>;

/** A consensus score set by hand (with a reason) or by placing the card on the matrix. */
const consensusOverride = z.strictObject({
  value: score,
  reason: longText,
  source: z.enum(['override', 'matrix']),
  at: isoDateTime,
});
export type ConsensusOverride = z.infer<typeof consensusOverride>;
const consensusOverrides = z.strictObject({
  impact: consensusOverride.nullable(),
  feasibility: consensusOverride.nullable(),
  readiness: consensusOverride.nullable(),
});
export type ConsensusOverrides = z.infer<typeof consensusOverrides>;

const weights = z.strictObject({
  impact: z.number().min(0).max(100),
  feasibility: z.number().min(0).max(100),
  readiness: z.number().min(0).max(100),
});

const stamped = {
  id,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
};
const owned = { ...stamped, workshopId: id };

/** One written description per level, 1 to 5. */
const rubricLevels = z.tuple([longText, longText, longText, longText, longText]);
const rubrics = z.strictObject({ impact: rubricLevels, feasibility: rubricLevels, readiness: rubricLevels });
export type Rubrics = z.infer<typeof rubrics>;

/** How the portfolio roadmap is laid out; remembered per workshop. */
const roadmapSettings = z.strictObject({
  /** How many use cases may be in their pilot at the same time (staggered starts by rank). */
  maxParallelPilots: z.number().int().min(1).max(50),
  /** When a phase slips, push the later phases of that use case along (the remembered choice). */
  pushLaterPhases: z.boolean(),
});
export type RoadmapSettings = z.infer<typeof roadmapSettings>;
export const DEFAULT_ROADMAP_SETTINGS: RoadmapSettings = { maxParallelPilots: 2, pushLaterPhases: true };

/** What the facilitator asks of the sponsor for one use case on the pack's decisions page. */
export const sponsorAskSchema = z.strictObject({
  /** The recommendation in the facilitator's words; '' = the wording derived from the data. */
  wording: longText,
  decision: longText,
  people: longText,
  budget: longText,
});
export type SponsorAsk = z.infer<typeof sponsorAskSchema>;

/** The sponsor pack's own settings, kept with the workshop (absent until first edited). */
export const sponsorPackSettingsSchema = z.strictObject({
  consultancy: shortText,
  version: shortText,
  confidential: z.boolean(),
  paper: z.enum(['a4', 'letter']),
  /** By use case id. */
  asks: z.record(z.string().max(64), sponsorAskSchema),
});
export type SponsorPackSettings = z.infer<typeof sponsorPackSettingsSchema>;

/** The consultancy's logo, drawn on the sponsor pack's cover: a PNG or JPEG of at most 512 KB. */
export const LOGO_MAX_BYTES = 512 * 1024;
export const LOGO_TYPES = ['image/png', 'image/jpeg'] as const;
export const logoSchema = z.strictObject({
  /** The picked file's name, for the form. */
  name: shortText,
  type: z.enum(LOGO_TYPES),
  /** `data:image/png;base64,…` of the file's own bytes (base64 of at most LOGO_MAX_BYTES). */
  dataUrl: z
    .string()
    .max(Math.ceil(LOGO_MAX_BYTES / 3) * 4 + 32)
    .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/),
  /** Pixels, read from the image's header: the cover keeps the aspect ratio. */
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
});
export type Logo = z.infer<typeof logoSchema>;

export const workshopSchema = z.strictObject({
  ...stamped,
  name: shortText.min(1),
  client: shortText,
  facilitator: shortText,
  workshopDate: isoDate,
  roadmapStartDate: isoDate,
  weights,
  rubrics,
  roadmap: roadmapSettings,
  notes: longText,
  sponsorPack: sponsorPackSettingsSchema.optional(),
  /** The consultancy's logo for the pack's cover (absent until one is picked). */
  logo: logoSchema.optional(),
  /** The language the room sees: projector views, phone page, sponsor pack (data version 4). */
  language: z.enum(LANGUAGES),
});
export type Workshop = z.infer<typeof workshopSchema>;

export const participantSchema = z.strictObject({
  ...owned,
  name: shortText.min(1),
  role: z.enum(PARTICIPANT_ROLES),
});
export type Participant = z.infer<typeof participantSchema>;

export const useCaseSchema = z.strictObject({
  ...owned,
  /** Position in the facilitator's list; fractional so a move writes one row. */
  order: z.number().finite(),
  title: shortText.min(1),
  problem: longText,
  businessOwner: shortText,
  department: shortText,
  dataSources: longText,
  expectedValue: longText,
  kind: z.enum(USE_CASE_KINDS),
  notes: longText,
  /** Scores captured before any scoring round (typed in, or from an imported spreadsheet). */
  initialScores: criterionScores,
  /** Set only when the facilitator overrides the rounds' median, or drags the card on the matrix. */
  consensusOverrides,
  stage: z.enum(STAGES),
});
export type UseCase = z.infer<typeof useCaseSchema>;

export const scoringRoundSchema = z.strictObject({
  ...owned,
  useCaseId: id,
  number: z.number().int().min(1).max(1000),
  revealedAt: isoDateTime.nullable(),
  discussion: longText,
  /** Optional timebox for this round, and when its countdown was started. */
  timeboxSeconds: z.number().int().min(10).max(4 * 3600).nullable(),
  timerStartedAt: isoDateTime.nullable(),
});
export type ScoringRound = z.infer<typeof scoringRoundSchema>;

export const scoreSchema = z.strictObject({
  ...owned,
  useCaseId: id,
  roundId: id,
  participantId: id,
  criterion: z.enum(CRITERIA),
  value: score,
});
export type Score = z.infer<typeof scoreSchema>;

const dimension = z.strictObject({ score: nullableScore, evidence: longText });
export const readinessSchema = z.strictObject({
  ...owned,
  useCaseId: id,
  dimensions: z.strictObject({
    dataQuality: dimension,
    processClarity: dimension,
    systemAccess: dimension,
    stakeholderOwnership: dimension,
    complianceConstraints: dimension,
  }),
});
export type Readiness = z.infer<typeof readinessSchema>;

export const pilotDesignSchema = z.strictObject({
  ...owned,
  useCaseId: id,
  scope: longText,
  workflow: longText,
  /** Whether the pilot runs on real production data (true), on a cleaned lab extract (false), or not decided. */
  usesProductionData: z.boolean().nullable(),
  successCriteria: longText,
  partialSuccessCriteria: longText,
  failureCriteria: longText,
  /**
   * Edits made after the pilot started. The lock itself is not stored here: it follows from the
   * decision log (the use case has entered the pilot), so an undo can never unlock it.
   */
  amendments: z
    .array(z.strictObject({ at: isoDateTime, field: shortText, before: longText, after: longText, reason: longText }))
    .max(1000),
});
export type PilotDesign = z.infer<typeof pilotDesignSchema>;

export const KPI_DIRECTIONS = ['higher-is-better', 'lower-is-better'] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];
export const KPI_TIMINGS = ['leading', 'lagging'] as const;
/** A target KPI is driven towards its target; a guardrail must not get worse than its baseline. */
export const KPI_ROLES = ['target', 'guardrail'] as const;
export type KpiLayer = (typeof KPI_LAYERS)[number];
const kpiNumber = z.number().finite().nullable();

/**
 * A KPI of one use case. Its bands follow from two boundaries: a measurement at `greenAt` or better
 * is green, one at `redAt` or worse is red, anything strictly between is amber ("better" follows
 * `direction`). Each band carries the response action agreed for it. Whether the boundaries fit the
 * direction is checked by `validateKpi` (domain/kpi.ts) before anything is stored.
 */
export const kpiSchema = z.strictObject({
  ...owned,
  useCaseId: id,
  layer: z.enum(KPI_LAYERS),
  name: shortText.min(1),
  unit: shortText,
  direction: z.enum(KPI_DIRECTIONS),
  /** How it is measured: source, formula, population. */
  definition: longText,
  baseline: kpiNumber,
  target: kpiNumber,
  greenAt: kpiNumber,
  redAt: kpiNumber,
  greenAction: longText,
  amberAction: longText,
  redAction: longText,
  timing: z.enum(KPI_TIMINGS),
  role: z.enum(KPI_ROLES),
  owner: shortText,
  /** The value forecast for the limited rollout; compared with the latest measurement. */
  forecast: kpiNumber,
  /** How far (in % of the forecast) the actual may be from the forecast before it is flagged. */
  tolerancePct: z.number().finite().min(0).max(1000),
  /** Stable once this many consecutive latest measurements are green. */
  stabilizationCount: z.number().int().min(1).max(100),
});
export type Kpi = z.infer<typeof kpiSchema>;

export const measurementSchema = z.strictObject({
  ...owned,
  kpiId: id,
  date: z.iso.date(),
  value: z.number().finite(),
  note: shortText,
});
export type Measurement = z.infer<typeof measurementSchema>;

export const riskSchema = z.strictObject({
  ...owned,
  useCaseId: id.nullable(),
  title: shortText.min(1),
  category: z.enum(RISK_CATEGORIES),
  likelihood: score,
  impact: score,
  owner: shortText,
  mitigation: longText,
  status: z.enum(['open', 'mitigating', 'accepted', 'closed']),
  dueDate: isoDate,
});
export type Risk = z.infer<typeof riskSchema>;

export const GATE_RESULTS = ['pass', 'fail', 'n/a'] as const;
export type GateResult = (typeof GATE_RESULTS)[number];

/** A catalog message as stored (domain/message.ts): an id and its values, nested at most a few levels. */
const messageValueSchema: z.ZodType<MessageValue> = z.lazy(() =>
  z.union([
    longText,
    z.number().finite(),
    storedMessageSchema,
    z.strictObject({ and: z.array(messageValueSchema).max(200) }),
    z.strictObject({ list: z.array(messageValueSchema).max(200), separator: z.string().max(20) }),
    z.strictObject({ date: z.iso.date() }),
    z.strictObject({ number: z.number().finite(), digits: z.number().int().min(0).max(20).optional(), unit: shortText.optional() }),
  ]),
);
const storedMessageSchema: z.ZodType<Message> = z.lazy(() => z.strictObject({ id: z.string().max(200), values: z.record(z.string().max(100), messageValueSchema).optional() }));

/**
 * How many JSON levels stored messages may nest (the app's own evidence lines take about a dozen);
 * a file's deeper ones are refused before the recursive schema reads them.
 */
const MESSAGE_NESTING_MAX = 40;
function depthWithin(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (depth > max) return false;
    if (v !== null && typeof v === 'object') for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return true;
}
/** Messages as stored beside sealed text: at most 200, nested at most MESSAGE_NESTING_MAX levels. */
const storedMessagesSchema = z
  .array(z.unknown())
  .max(200)
  .refine((list) => depthWithin(list, MESSAGE_NESTING_MAX), { message: 'A message nests too deeply' })
  .pipe(z.array(storedMessageSchema));

/**
 * One entry of a workshop's append-only decision log. Entries are never edited or deleted by the
 * app: a later decision supersedes an earlier one. `hash` is SHA-256 over the entry's content and
 * `prevHash`, so changing any stored entry breaks the chain from that entry on.
 */
export const gateDecisionSchema = z.strictObject({
  ...owned,
  useCaseId: id,
  /** The use case's title when the decision was taken: the log stays readable if it is renamed or deleted. */
  useCaseTitle: shortText,
  /** Position in the workshop's append-only decision log. */
  seq: z.number().int().min(1),
  fromStage: z.enum(STAGES),
  toStage: z.enum(STAGES),
  criteria: z
    .array(
      z.strictObject({
        name: shortText,
        result: z.enum(GATE_RESULTS).nullable(),
        evidence: longText,
        /** What in the data contradicted a "Pass" when it was recorded (version 4 on). */
        conflicts: z.array(longText).max(50).optional(),
        /** Why "Pass" was recorded all the same (version 4 on; required when `conflicts` is set). */
        justification: longText.optional(),
      }),
    )
    .max(100),
  decision: z.enum(GATE_DECISIONS),
  rationale: longText,
  decidedBy: shortText,
  nextActionsOwner: shortText,
  date: z.iso.date(),
  /** The decision the evidence proposed at the review (version 4 on; absent where none was made). */
  proposal: z
    .strictObject({ decision: z.enum(GATE_DECISIONS), label: shortText, sentence: longText, facts: z.array(longText).max(20) })
    .optional(),
  /** Why the decision differs from the proposal (version 4 on; only when it does). */
  overrideReason: longText.optional(),
  /** What the review showed, one line per fact (version 4 on). */
  evidence: z.array(longText).max(200).optional(),
  /**
   * The same lines as catalog messages, one for one with `evidence`, so the log says them in its
   * reader's language (absent in entries sealed before; those print `evidence` as stored).
   */
  evidenceMessages: storedMessagesSchema.optional(),
  prevHash: z.string().max(128),
  hash: z.string().max(128),
});
export type GateDecision = z.infer<typeof gateDecisionSchema>;

export const CONTROL_CHECKLISTS = ['hardening', 'data-mlops', 'risk', 'change-management', 'documentation'] as const;
export type ControlChecklist = (typeof CONTROL_CHECKLISTS)[number];
export const CONTROL_STATUSES = ['todo', 'in-progress', 'done', 'n/a'] as const;

export const controlItemSchema = z.strictObject({
  ...owned,
  useCaseId: id,
  checklist: z.enum(CONTROL_CHECKLISTS),
  /** The standard item this row came from ('' for one the facilitator added), so checks can find it. */
  key: z.string().max(64),
  order: z.number().finite(),
  label: shortText.min(1),
  status: z.enum(CONTROL_STATUSES),
  owner: shortText,
  dueDate: isoDate,
});
export type ControlItem = z.infer<typeof controlItemSchema>;

export const roleSchema = z.strictObject({
  ...owned,
  order: z.number().finite(),
  name: shortText.min(1),
  person: shortText,
  /**
   * The workshop participant who plays the role, when the person was picked from them (version 4
   * on). `person` keeps their name, so everything that prints a role needs no lookup; renaming the
   * participant renames it, removing them keeps the name and drops the link.
   */
  participantId: id.optional(),
});
export type Role = z.infer<typeof roleSchema>;

/** One decision (scope, gate approval, release…) and who is Responsible, Accountable, Consulted, Informed. */
export const decisionRightSchema = z.strictObject({
  ...owned,
  order: z.number().finite(),
  decision: shortText.min(1),
  assignments: z.array(z.strictObject({ roleId: id, raci: z.enum(RACI) })).max(200),
});
export type DecisionRight = z.infer<typeof decisionRightSchema>;

export const CADENCE_KINDS = ['weekly-execution-review', 'monthly-kpi-governance', 'stage-gate-session', 'other'] as const;
export const CADENCE_FREQUENCIES = ['weekly', 'fortnightly', 'monthly', 'at-gates'] as const;

export const cadenceSchema = z.strictObject({
  ...owned,
  order: z.number().finite(),
  kind: z.enum(CADENCE_KINDS),
  title: shortText.min(1),
  frequency: z.enum(CADENCE_FREQUENCIES),
  weekday: z.number().int().min(0).max(6),
  /** For monthly meetings: which weekday of the month (1st–4th, or 5 for the last). */
  weekOfMonth: z.number().int().min(1).max(5),
  time: z.union([z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/), z.literal('')]),
  durationMinutes: z.number().int().min(5).max(8 * 60),
  attendees: longText,
});
export type CadenceEvent = z.infer<typeof cadenceSchema>;

/** The phases of the 120-day template, in plan order (domain/roadmap.ts describes each one). */
export const ROADMAP_PHASE_KEYS = [
  'readiness-sprint',
  'readiness-baseline',
  'pilot',
  'gate-hardening-plan',
  'hardening-rollout',
  'stabilization-scale',
] as const;
export type RoadmapPhaseKey = (typeof ROADMAP_PHASE_KEYS)[number];

export const roadmapItemSchema = z.strictObject({
  ...owned,
  useCaseId: id.nullable(),
  kind: z.enum(['phase', 'gate', 'event']),
  label: shortText,
  /**
   * Which template phase this is (a gate carries the key of the phase it closes). Absent on an
   * event, and on rows written before the template had keys: those are matched by their label.
   */
  phaseKey: z.enum(ROADMAP_PHASE_KEYS).optional(),
  /** Day numbers relative to the workshop's roadmap start (day 1 = start date). */
  startDay: z.number().int().min(1).max(3650),
  endDay: z.number().int().min(1).max(3650),
});
export type RoadmapItem = z.infer<typeof roadmapItemSchema>;

export const agendaItemSchema = z.strictObject({
  ...owned,
  order: z.number().finite(),
  title: shortText.min(1),
  plannedMinutes: z.number().int().min(1).max(24 * 60),
  /** Minutes added while the session ran ("give us five more minutes"). */
  extraMinutes: z.number().int().min(0).max(24 * 60),
  state: z.enum(['pending', 'running', 'paused', 'done']),
  /** When the current run started; null unless running. */
  startedAt: isoDateTime.nullable(),
  /** Seconds run before the current start (pauses stop the clock). */
  elapsedSeconds: z.number().int().min(0).max(7 * 24 * 3600),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

export const auditEntrySchema = z.strictObject({
  id,
  workshopId: id,
  at: isoDateTime,
  action: shortText,
  summary: longText,
  /** The action as an app-catalog message (the step's `history.*` label); older entries lack it. */
  actionMessage: storedMessageSchema.optional(),
  /** The summary as an app-catalog message (`history.summary.*`); older entries lack it. */
  summaryMessage: storedMessageSchema.optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** Every table that belongs to one workshop, keyed by the name used in the database and the file. */
export const workshopTableSchemas = {
  participants: participantSchema,
  useCases: useCaseSchema,
  scoringRounds: scoringRoundSchema,
  scores: scoreSchema,
  readiness: readinessSchema,
  pilotDesigns: pilotDesignSchema,
  kpis: kpiSchema,
  measurements: measurementSchema,
  risks: riskSchema,
  gateDecisions: gateDecisionSchema,
  controls: controlItemSchema,
  roles: roleSchema,
  decisionRights: decisionRightSchema,
  cadence: cadenceSchema,
  roadmapItems: roadmapItemSchema,
  agendaItems: agendaItemSchema,
  auditLog: auditEntrySchema,
} as const;
export type WorkshopTableName = keyof typeof workshopTableSchemas;
export const WORKSHOP_TABLES = Object.keys(workshopTableSchemas) as WorkshopTableName[];

export type WorkshopRows = { [K in WorkshopTableName]: z.infer<(typeof workshopTableSchemas)[K]>[] };

export const DEFAULT_WEIGHTS = { impact: 1, feasibility: 1, readiness: 1 } as const;
