// The 120-day roadmap as rules: the template a use case's plan is generated from, what happens
// when a phase or a gate is moved (slips push the later phases, a gate never comes before the end
// of its phase), and how the portfolio is sequenced by rank with a limit on parallel pilots.
// Day numbers only: dates come from roadmap-calendar.ts.
import { ROADMAP_PHASE_KEYS, type RoadmapItem, type RoadmapPhaseKey, type Stage } from './model';
import { formatDayRange } from './roadmap-calendar';
import type { ReadinessVerdict } from './readiness';
import { stageIndex } from './stages';
import { parseIsoDate } from './dates';
import { LANGUAGES, type Language } from './languages';
import { methodContent } from './method-library';
import { msg, type Message } from './message';

/** The template's length; a plan is at least this long on screen. */
export const PLAN_DAYS = 120;
/** A use case that is not ready gets this many days of enabling work before everything else. */
export const READINESS_SPRINT_DAYS = 15;
/** The last day a stored item may use (the schema's limit: ten years). */
export const MAX_DAY = 3650;

export type PhaseTemplate = {
  key: RoadmapPhaseKey;
  label: string;
  startDay: number;
  endDay: number;
  /** The milestone at the phase's end. */
  gate: string;
  /** What the phase is for, in one line (shown beside the phase). */
  purpose: string;
};

/** Days 1–120 of the method: the day ranges are the method's rules; the words are data per language. */
const PHASE_DAYS: readonly { key: Exclude<RoadmapPhaseKey, 'readiness-sprint'>; startDay: number; endDay: number }[] = [
  { key: 'readiness-baseline', startDay: 1, endDay: 20 },
  { key: 'pilot', startDay: 21, endDay: 50 },
  { key: 'gate-hardening-plan', startDay: 51, endDay: 70 },
  { key: 'hardening-rollout', startDay: 71, endDay: 100 },
  { key: 'stabilization-scale', startDay: 101, endDay: 120 },
];

const withWords = (language: Language, key: RoadmapPhaseKey, startDay: number, endDay: number): PhaseTemplate => {
  const { label, gate, purpose } = methodContent(language).roadmap.phases[key];
  return { key, label, startDay, endDay, gate, purpose };
};

/**
 * The template in `language` (assets/method/<language>/roadmap.json): a plan generated for a
 * workshop is written in the workshop's language, then it is the workshop's data.
 */
export function roadmapTemplate(language: Language): readonly PhaseTemplate[] {
  return PHASE_DAYS.map((p) => withWords(language, p.key, p.startDay, p.endDay));
}

/** The readiness sprint's phase in `language`. */
export function readinessSprintTemplate(language: Language): PhaseTemplate {
  return withWords(language, 'readiness-sprint', 1, READINESS_SPRINT_DAYS);
}

/** Days 1–120 of the method, in English. */
export const ROADMAP_TEMPLATE: readonly PhaseTemplate[] = roadmapTemplate('en');

export const READINESS_SPRINT: PhaseTemplate = readinessSprintTemplate('en');

const templateByKey = (language: Language) => new Map<RoadmapPhaseKey, PhaseTemplate>([readinessSprintTemplate(language), ...roadmapTemplate(language)].map((t) => [t.key, t]));
const TEMPLATE_BY_KEY: Readonly<Record<Language, Map<RoadmapPhaseKey, PhaseTemplate>>> = { en: templateByKey('en'), de: templateByKey('de'), fr: templateByKey('fr') };

/** A phase of the template, its words in `language` (English by default). */
export function phaseTemplate(key: RoadmapPhaseKey, language: Language = 'en'): PhaseTemplate {
  return TEMPLATE_BY_KEY[language].get(key) as PhaseTemplate;
}

/**
 * A use case gets a readiness sprint when its diagnostic says so and it has not entered its pilot
 * yet (once the pilot runs, the enabling work is behind it).
 */
export function needsReadinessSprint(verdict: ReadinessVerdict['verdict'], stage: Stage): boolean {
  return verdict === 'readiness-sprint' && stage !== 'stopped' && stageIndex(stage) < stageIndex('pilot');
}

/** A row to store, before it has an id and timestamps. */
export type RoadmapDraft = Pick<RoadmapItem, 'useCaseId' | 'kind' | 'label' | 'phaseKey' | 'startDay' | 'endDay'>;

/**
 * The template phase a use case's plan starts with, by the stage it is in: the work behind it is
 * not planned again. A use case in pilot design still needs its baseline; one in its pilot starts
 * with the pilot; at the readiness gate, with the gate and the hardening plan; in hardening, with
 * hardening and rollout; in a limited rollout or at scale, with stabilization and the scale decision.
 */
export function firstPhaseFor(stage: Stage): RoadmapPhaseKey {
  switch (stage) {
    case 'pilot':
      return 'pilot';
    case 'gate':
      return 'gate-hardening-plan';
    case 'hardening':
      return 'hardening-rollout';
    case 'rollout':
    case 'scale':
      return 'stabilization-scale';
    default:
      return 'readiness-baseline';
  }
}

/**
 * A use case's plan from the template, day 1 first, starting with the phase its stage is at
 * (`firstPhaseFor`; the whole template without a stage). With `readinessSprint`, the sprint comes
 * first and every other phase moves `READINESS_SPRINT_DAYS` later. Each phase is followed by its
 * gate, a milestone on the phase's last day.
 */
export function generatePlan(useCaseId: string, opts: { readinessSprint: boolean; stage?: Stage; language?: Language }): RoadmapDraft[] {
  const language = opts.language ?? 'en';
  const template = roadmapTemplate(language);
  const from = template.findIndex((t) => t.key === firstPhaseFor(opts.stage ?? 'readiness'));
  const remaining = template.slice(Math.max(0, from));
  // The remaining phases keep their lengths and move up so the first one starts on day 1.
  const moveUp = (remaining[0]?.startDay ?? 1) - 1;
  const shift = (opts.readinessSprint ? READINESS_SPRINT_DAYS : 0) - moveUp;
  const phases = opts.readinessSprint ? [readinessSprintTemplate(language), ...remaining] : remaining;
  return phases.flatMap((t): RoadmapDraft[] => {
    const s = t.key === 'readiness-sprint' ? 0 : shift;
    return [
      { useCaseId, kind: 'phase', label: t.label, phaseKey: t.key, startDay: t.startDay + s, endDay: t.endDay + s },
      { useCaseId, kind: 'gate', label: t.gate, phaseKey: t.key, startDay: t.endDay + s, endDay: t.endDay + s },
    ];
  });
}

/** True when a plan has a pilot phase: only those count against the pilots-at-once limit. */
export function hasPilot(items: readonly Pick<RoadmapItem, 'kind' | 'label' | 'phaseKey'>[]): boolean {
  return items.some((i) => i.kind === 'phase' && phaseKeyOf(i) === 'pilot');
}

/** The template phase an item belongs to: its key, or (for older rows) the template label it carries, in any language. */
export function phaseKeyOf(item: Pick<RoadmapItem, 'kind' | 'label' | 'phaseKey'>): RoadmapPhaseKey | null {
  if (item.phaseKey) return item.phaseKey;
  for (const language of LANGUAGES) {
    const t = [...TEMPLATE_BY_KEY[language].values()].find((p) => (item.kind === 'gate' ? p.gate : p.label) === item.label);
    if (t) return t.key;
  }
  return null;
}

/** Plan order: sprint, baseline, pilot, gate, hardening, stabilization; unknown phases last. */
export function phaseRank(item: Pick<RoadmapItem, 'kind' | 'label' | 'phaseKey'>): number {
  const key = phaseKeyOf(item);
  return key ? ROADMAP_PHASE_KEYS.indexOf(key) : ROADMAP_PHASE_KEYS.length;
}

/** One use case's items in plan order, each phase followed by its gate. */
export function planOrder<T extends RoadmapItem>(items: readonly T[]): T[] {
  const kindRank = { phase: 0, gate: 1, event: 2 } as const;
  return [...items].sort((a, b) => phaseRank(a) - phaseRank(b) || kindRank[a.kind] - kindRank[b.kind] || a.startDay - b.startDay || a.id.localeCompare(b.id));
}

export type DayRange = { startDay: number; endDay: number };
export type ItemChange = DayRange & { id: string };

export type EditResult =
  | {
      ok: true;
      changes: ItemChange[];
      /** What else moved, for the person who moved it (English). */
      notes: string[];
      /** The same notes as catalog messages, for the reader's language (domain/message.ts). */
      noteTexts: Message[];
    }
  | { ok: false; message: string; text: Message };

type Refusal = { ok: false; message: string; text: Message };
const refuse = (message: string, text: Message): Refusal => ({ ok: false, message, text });

function validRange(r: DayRange): Refusal | null {
  if (!Number.isInteger(r.startDay) || !Number.isInteger(r.endDay)) return refuse('Days are whole numbers.', msg('roadmapText.error.wholeDays'));
  if (r.startDay < 1) return refuse('The plan starts on day 1: nothing can come before it.', msg('roadmapText.error.beforeDayOne'));
  if (r.endDay < r.startDay) return refuse('A phase ends on or after the day it starts.', msg('roadmapText.error.endBeforeStart'));
  if (r.endDay > MAX_DAY) return refuse(`The plan stops at day ${MAX_DAY}.`, msg('roadmapText.error.pastLastDay', { day: MAX_DAY }));
  return null;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Moves or resizes one item of a use case's plan (`items` are that use case's items). A phase whose
 * end moves by N days takes its gate along; with `push`, every later phase and gate moves by N too
 * (a slip pushes the rest, an early finish pulls it in). Without `push` only the phase moves, and
 * its gate is kept on or after its new end. A gate can never be put before the end of its phase;
 * with `push`, moving a gate moves the later phases with it.
 */
export function editItem(items: readonly RoadmapItem[], itemId: string, next: DayRange, push: boolean): EditResult {
  const item = items.find((i) => i.id === itemId);
  if (!item) return refuse('That item is no longer on the roadmap.', msg('roadmapText.error.gone'));
  const range = item.kind === 'phase' ? next : { startDay: next.startDay, endDay: next.startDay };
  const invalid = validRange(range);
  if (invalid) return invalid;
  if (range.startDay === item.startDay && range.endDay === item.endDay) return { ok: true, changes: [], notes: [], noteTexts: [] };

  const changes = new Map<string, ItemChange>();
  const set = (i: RoadmapItem, r: DayRange) => {
    if (r.startDay !== i.startDay || r.endDay !== i.endDay) changes.set(i.id, { id: i.id, ...r });
  };
  set(item, range);
  const notes: string[] = [];
  const noteTexts: Message[] = [];
  const key = phaseKeyOf(item);
  const rank = phaseRank(item);
  let delta = 0;

  if (item.kind === 'phase') {
    delta = range.endDay - item.endDay;
    for (const gate of items.filter((i) => i.kind === 'gate' && key !== null && phaseKeyOf(i) === key)) {
      const day = push ? gate.startDay + delta : Math.max(gate.startDay, range.endDay);
      if (day !== gate.startDay) {
        set(gate, { startDay: day, endDay: day });
        if (!push) {
          notes.push(`The gate "${gate.label}" moved to day ${day} to stay at the end of its phase.`);
          noteTexts.push(msg('roadmapText.note.gateFollows', { gate: gate.label, day }));
        }
      }
    }
  } else if (item.kind === 'gate') {
    const phase = items.find((i) => i.kind === 'phase' && key !== null && phaseKeyOf(i) === key);
    if (phase && range.startDay < phase.endDay) {
      return refuse(
        `"${item.label}" cannot come before the end of its phase (day ${phase.endDay}). It stays on day ${item.startDay}.`,
        msg('roadmapText.error.gateBeforePhaseEnd', { gate: item.label, end: phase.endDay, day: item.startDay }),
      );
    }
    delta = range.startDay - item.startDay;
  }

  if (push && delta !== 0 && item.kind !== 'event') {
    const later = items.filter((i) => i.kind !== 'event' && phaseRank(i) > rank);
    if (later.length > 0) {
      const earliest = Math.min(...later.map((i) => i.startDay));
      const latest = Math.max(...later.map((i) => i.endDay));
      // Pulled in no further than day 1.
      const d = Math.max(delta, 1 - earliest);
      if (latest + d > MAX_DAY) return refuse(`That would push the plan past day ${MAX_DAY}.`, msg('roadmapText.error.pushPastLastDay', { day: MAX_DAY }));
      for (const i of later) set(i, { startDay: i.startDay + d, endDay: i.endDay + d });
      const phases = later.filter((i) => i.kind === 'phase').length;
      if (d !== 0 && phases > 0) {
        notes.push(`${plural(phases, 'later phase')} moved ${plural(Math.abs(d), 'day')} ${d > 0 ? 'later' : 'earlier'}.`);
        noteTexts.push(msg('roadmapText.note.laterMoved', { phases, days: Math.abs(d), direction: d > 0 ? 'later' : 'earlier' }));
      }
    }
  }
  return { ok: true, changes: [...changes.values()], notes, noteTexts };
}

/** Every item of the plan moved by `shift` days. */
export function shiftItems(items: readonly RoadmapItem[], shift: number): ItemChange[] {
  if (shift === 0) return [];
  return items.map((i) => ({ id: i.id, startDay: i.startDay + shift, endDay: i.endDay + shift }));
}

/** The span of a use case's plan and of its pilot (the whole plan when it has no pilot phase). */
export type PlanWindow = { planStart: number; planEnd: number; pilotStart: number; pilotEnd: number };

export function planWindow(items: readonly Pick<RoadmapItem, 'kind' | 'label' | 'phaseKey' | 'startDay' | 'endDay'>[]): PlanWindow | null {
  const own = items.filter((i) => i.kind !== 'event');
  if (own.length === 0) return null;
  const planStart = Math.min(...own.map((i) => i.startDay));
  const planEnd = Math.max(...own.map((i) => i.endDay));
  const pilot = own.find((i) => i.kind === 'phase' && phaseKeyOf(i) === 'pilot');
  return { planStart, planEnd, pilotStart: pilot?.startDay ?? planStart, pilotEnd: pilot?.endDay ?? planEnd };
}

type Interval = { start: number; end: number };

/** The most intervals that cover any one day of [start, end]. */
function peakOverlap(intervals: readonly Interval[], start: number, end: number): number {
  const points = [start, ...intervals.map((i) => i.start).filter((s) => s > start && s <= end)];
  let peak = 0;
  for (const p of points) peak = Math.max(peak, intervals.filter((i) => i.start <= p && i.end >= p).length);
  return peak;
}

/**
 * The earliest day a pilot of `length` days may start, on or after `earliest`, so that no day has
 * more than `maxParallel` pilots running (counting `running`, the pilots already placed).
 */
export function earliestPilotStart(running: readonly Interval[], earliest: number, length: number, maxParallel: number): number {
  const candidates = [earliest, ...running.map((r) => r.end + 1).filter((d) => d > earliest)].sort((a, b) => a - b);
  for (const start of candidates) {
    if (peakOverlap(running, start, start + length - 1) < Math.max(1, maxParallel)) return start;
  }
  // Unreachable: after the last pilot ends nothing overlaps.
  return Math.max(earliest, ...running.map((r) => r.end + 1));
}

export type UseCasePlan = { useCaseId: string; items: readonly RoadmapItem[] };

/** Where a use case's plan goes when sequencing moves it. */
export type SequenceEntry = {
  useCaseId: string;
  /** Days the whole plan moves: positive is later. */
  shift: number;
  pilotStartBefore: number;
  pilotStartAfter: number;
  planEndBefore: number;
  planEndAfter: number;
};

export type SequencePlan = {
  entries: SequenceEntry[];
  /** The last day of the whole portfolio plan, before and after. */
  planEndBefore: number;
  planEndAfter: number;
  /** How many use cases move. */
  moved: number;
};

/**
 * Staggered starts by priority: each use case in turn (highest priority first) has its pilot
 * placed at the earliest day where fewer than `maxParallel` of the pilots placed before it are
 * running, and its whole plan moves with the pilot. Its plan never starts before day 1.
 */
export function sequencePortfolio(plans: readonly UseCasePlan[], maxParallel: number): SequencePlan {
  const running: Interval[] = [];
  const entries: SequenceEntry[] = [];
  for (const p of plans) {
    const w = planWindow(p.items);
    if (!w) continue;
    // A plan with no pilot (the use case is past it) stays where it is and takes no pilot's place.
    if (!hasPilot(p.items)) {
      entries.push({ useCaseId: p.useCaseId, shift: 0, pilotStartBefore: w.pilotStart, pilotStartAfter: w.pilotStart, planEndBefore: w.planEnd, planEndAfter: w.planEnd });
      continue;
    }
    const leadIn = w.pilotStart - w.planStart;
    const length = w.pilotEnd - w.pilotStart + 1;
    const start = earliestPilotStart(running, leadIn + 1, length, maxParallel);
    running.push({ start, end: start + length - 1 });
    const shift = start - w.pilotStart;
    entries.push({
      useCaseId: p.useCaseId,
      shift,
      pilotStartBefore: w.pilotStart,
      pilotStartAfter: start,
      planEndBefore: w.planEnd,
      planEndAfter: w.planEnd + shift,
    });
  }
  const end = (xs: number[]) => (xs.length ? Math.max(...xs) : 0);
  return {
    entries,
    planEndBefore: end(entries.map((e) => e.planEndBefore)),
    planEndAfter: end(entries.map((e) => e.planEndAfter)),
    moved: entries.filter((e) => e.shift !== 0).length,
  };
}

/**
 * A new use case's plan, generated from the template and moved so its pilot starts at the earliest
 * day the pilots already planned leave room for.
 */
export function placeNewPlan(
  existing: readonly UseCasePlan[],
  useCaseId: string,
  opts: { readinessSprint: boolean; maxParallel: number; stage?: Stage; language?: Language },
): RoadmapDraft[] {
  const drafts = generatePlan(useCaseId, { readinessSprint: opts.readinessSprint, ...(opts.stage ? { stage: opts.stage } : {}), ...(opts.language ? { language: opts.language } : {}) });
  // A use case past its pilot runs no pilot: it starts on day 1 and takes no pilot's place.
  if (!hasPilot(drafts)) return drafts;
  const running = existing.flatMap((p) => {
    const w = hasPilot(p.items) ? planWindow(p.items) : null;
    return w ? [{ start: w.pilotStart, end: w.pilotEnd }] : [];
  });
  const w = planWindow(drafts) as PlanWindow;
  const start = earliestPilotStart(running, w.pilotStart, w.pilotEnd - w.pilotStart + 1, opts.maxParallel);
  const shift = start - w.pilotStart;
  return drafts.map((d) => ({ ...d, startDay: d.startDay + shift, endDay: d.endDay + shift }));
}

/** "Day 21–50 (30 days)". */
export function describeRange(r: DayRange): string {
  const days = r.endDay - r.startDay + 1;
  return r.startDay === r.endDay ? `Day ${r.startDay}` : `${formatDayRange(r.startDay, r.endDay)} (${plural(days, 'day')})`;
}

/** `describeRange` as a catalog message: "Day 21–50 (30 days)", "Tag 21–50 (30 Tage)". */
export function rangeText(r: DayRange): Message {
  return r.startDay === r.endDay ? msg('roadmapText.range.day', { day: r.startDay }) : msg('roadmapText.range.days', { start: r.startDay, end: r.endDay, count: r.endDay - r.startDay + 1 });
}

/** "starts 30 days later", "starts 14 days earlier", "does not move". */
export function describeShift(shift: number): string {
  if (shift === 0) return 'does not move';
  return `starts ${plural(Math.abs(shift), 'day')} ${shift > 0 ? 'later' : 'earlier'}`;
}

/** The roadmap day a calendar date falls on (day 1 = the start date), or null without a start date. */
export function dayOfDate(startDate: string, date: string): number | null {
  const s = parseIsoDate(startDate);
  const d = parseIsoDate(date);
  if (!s || !d) return null;
  // Whole calendar days, by UTC noon so a daylight-saving change never makes a day 23 or 25 hours.
  const utc = (x: Date) => Date.UTC(x.getFullYear(), x.getMonth(), x.getDate(), 12);
  return Math.round((utc(d) - utc(s)) / 86_400_000) + 1;
}

export type Replan = {
  /** Items taken off: the phases from the new stage on (planned again), and earlier ones that never started. */
  remove: RoadmapItem[];
  /** Earlier phases that were running on `fromDay`: they end the day before, their gate with them. */
  trim: ItemChange[];
  /** The same phases from the template, starting on `fromDay`. */
  add: RoadmapDraft[];
  /** The first phase planned again, for the sentence that offers it. */
  firstLabel: string;
  fromDay: number;
};

/**
 * What remains of a use case's plan once it has moved on to `stage`: the phases from the one its
 * stage is at (`firstPhaseFor`) onwards are planned again from `fromDay` with the template's
 * lengths, each followed by its gate. The phases before it are behind the use case: one that ended
 * before `fromDay` stays as it was, one still running ends the day before (its gate with it), one
 * that had not started yet is taken off. Null when there is nothing to re-plan: a stopped use case,
 * no plan, or a plan that already has that shape.
 */
export function replanRemaining(items: readonly RoadmapItem[], useCaseId: string, stage: Stage, fromDay: number, language: Language = 'en'): Replan | null {
  if (stage === 'stopped') return null;
  const own = items.filter((i) => i.useCaseId === useCaseId && i.kind !== 'event');
  if (own.length === 0) return null;
  const first = firstPhaseFor(stage);
  const firstRank = ROADMAP_PHASE_KEYS.indexOf(first);
  const start = Math.max(1, Math.min(MAX_DAY, Math.round(fromDay)));
  const template = generatePlan(useCaseId, { readinessSprint: false, stage, language });
  const shift = start - (template[0]?.startDay ?? 1);
  const add = template.map((d) => ({ ...d, startDay: Math.min(MAX_DAY, d.startDay + shift), endDay: Math.min(MAX_DAY, d.endDay + shift) }));
  // The template's phases from the new stage on; a row that is no template phase is left alone.
  const later = own.filter((i) => phaseKeyOf(i) !== null && phaseRank(i) >= firstRank);
  const earlier = own.filter((i) => phaseKeyOf(i) !== null && phaseRank(i) < firstRank);
  const notStarted = earlier.filter((i) => {
    const phase = i.kind === 'phase' ? i : earlier.find((p) => p.kind === 'phase' && phaseKeyOf(p) === phaseKeyOf(i));
    return (phase ?? i).startDay >= start;
  });
  const trim: ItemChange[] = earlier
    .filter((i) => !notStarted.includes(i) && i.endDay >= start)
    .map((i) => ({ id: i.id, startDay: i.kind === 'gate' ? start - 1 : i.startDay, endDay: start - 1 }));
  const remove = [...later, ...notStarted];
  const same =
    trim.length === 0 &&
    notStarted.length === 0 &&
    later.length === add.length &&
    planOrder(later).every((r, n) => {
      const a = add[n] as RoadmapDraft;
      return r.kind === a.kind && phaseKeyOf(r) === a.phaseKey && r.startDay === a.startDay && r.endDay === a.endDay;
    });
  if (same) return null;
  return { remove, trim, add, firstLabel: phaseTemplate(first, language).label, fromDay: start };
}
