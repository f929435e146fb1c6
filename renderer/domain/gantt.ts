// The roadmap as a vector Gantt chart, in plain data: rows (one per use case in priority order,
// then one per governance meeting), bars for phases, milestones for gates, dated governance
// events and axis ticks. The screen's timeline and the PDF export draw the same model, so the
// plan on paper is the plan on screen. Day numbers and ISO dates; positions as fractions 0–1.
import type { CadenceEvent, RoadmapItem, RoadmapPhaseKey } from './model';
import { PLAN_DAYS, phaseKeyOf, planOrder } from './roadmap';
import { dayToIso, expandCadence, formatMonth, formatPlanDate, gateSessionDay, type GovernanceEvent } from './roadmap-calendar';
import { parseIsoDate, toIsoDate } from './dates';
import { msg, type Message } from './message';

/** One colour per template phase, shared by the screen (CSS classes) and the PDF. */
export const PHASE_COLORS: Record<RoadmapPhaseKey | 'other', string> = {
  'readiness-sprint': '#b45309',
  'readiness-baseline': '#64748b',
  pilot: '#3446c6',
  'gate-hardening-plan': '#7c3aed',
  'hardening-rollout': '#0f766e',
  'stabilization-scale': '#15803d',
  other: '#475569',
};

export type GanttRow = {
  id: string;
  kind: 'use-case' | 'governance';
  label: string;
  /** A second line: "Readiness sprint first" (or "Not ranked yet"), or the meeting's rhythm. */
  sublabel: string;
  /** The same second line as a catalog message, for the reader's language; null when there is none. */
  sublabelText: Message | null;
  useCaseId: string | null;
  cadenceId: string | null;
  rank: number | null;
};

export type GanttBar = {
  id: string;
  rowId: string;
  phaseKey: RoadmapPhaseKey | null;
  label: string;
  startDay: number;
  endDay: number;
  startDate: string;
  endDate: string;
  days: number;
  color: string;
  /** Left edge and width as fractions of the chart's width. */
  x: number;
  width: number;
};

export type GanttMilestone = {
  id: string;
  rowId: string;
  phaseKey: RoadmapPhaseKey | null;
  label: string;
  day: number;
  date: string;
  /** At the end of its day, where the phase bar ends. */
  x: number;
};

export type GanttEvent = GovernanceEvent & { rowId: string; x: number };

export type GanttTick = { day: number; date: string; label: string; x: number };
export type GanttMonth = { date: string; label: string; x: number };

export type GanttModel = {
  startDate: string;
  /** The chart covers days firstDay..lastDay (whole days; at least the 120-day template). */
  firstDay: number;
  lastDay: number;
  /** The last day any use case's plan uses (0 when the roadmap is empty). */
  planEndDay: number;
  rows: GanttRow[];
  bars: GanttBar[];
  milestones: GanttMilestone[];
  events: GanttEvent[];
  /** Day ticks: day 1, then every `tickEvery` days. */
  ticks: GanttTick[];
  /** Where each calendar month starts (labels for a second axis row). */
  months: GanttMonth[];
};

export type GanttUseCase = { id: string; title: string; rank: number | null };

export type GanttInput = {
  startDate: string;
  /** The use cases in priority order; only those with items become rows. */
  useCases: readonly GanttUseCase[];
  items: readonly RoadmapItem[];
  cadence: readonly CadenceEvent[];
  /** Day ticks every this many days (10 by default). */
  tickEvery?: number;
};

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const NTH = ['', 'First', 'Second', 'Third', 'Fourth', 'Last'] as const;

/** `cadenceRhythm` as a catalog message ("Jeden Montag, 09:30 Uhr"). */
export function cadenceRhythmText(c: Pick<CadenceEvent, 'frequency' | 'weekday' | 'weekOfMonth' | 'time'>): Message {
  return msg('governanceText.rhythm', {
    frequency: c.frequency,
    day: msg('governanceText.weekday', { day: String(c.weekday) }),
    ordinal: msg('governanceText.ordinal', { n: String(c.weekOfMonth) }),
    weekend: c.weekday === 0 || c.weekday === 6 ? 'yes' : 'no',
    hasTime: c.time ? 'yes' : 'no',
    time: c.time,
  });
}

/** "Every Monday, 09:30", "Last Friday of the month", "First Thursday on or after each gate, 15:00". */
export function cadenceRhythm(c: Pick<CadenceEvent, 'frequency' | 'weekday' | 'weekOfMonth' | 'time'>): string {
  const day = WEEKDAYS[c.weekday] ?? '';
  const when =
    c.frequency === 'weekly'
      ? `Every ${day}`
      : c.frequency === 'fortnightly'
        ? `Every other ${day}`
        : c.frequency === 'monthly'
          ? `${NTH[c.weekOfMonth] ?? ''} ${day} of the month`
          : `First ${c.weekday === 0 || c.weekday === 6 ? 'working day' : day} on or after each gate`;
  return c.time ? `${when}, ${c.time}` : when;
}

export function governanceRowId(cadenceId: string): string {
  return `governance:${cadenceId}`;
}

export function buildGanttModel(input: GanttInput): GanttModel {
  const { startDate } = input;
  const byUseCase = new Map<string, RoadmapItem[]>();
  for (const i of input.items) {
    if (i.useCaseId === null) continue;
    byUseCase.set(i.useCaseId, [...(byUseCase.get(i.useCaseId) ?? []), i]);
  }
  const planned = input.useCases.filter((u) => byUseCase.has(u.id));
  const planEndDay = Math.max(0, ...planned.flatMap((u) => (byUseCase.get(u.id) ?? []).map((i) => i.endDay)));
  const firstDay = 1;
  // A gate at the plan's end is decided at the next session (the cadence rule): the axis reaches it.
  const sessionEnd = Math.max(
    0,
    ...input.cadence
      .filter((c) => c.frequency === 'at-gates')
      .flatMap((c) => planned.flatMap((u) => (byUseCase.get(u.id) ?? []).filter((i) => i.kind === 'gate').map((i) => gateSessionDay(startDate, i.startDay, c.weekday)))),
  );
  const lastDay = Math.max(PLAN_DAYS, planEndDay, sessionEnd);
  const span = lastDay - firstDay + 1;
  const xOf = (day: number) => (day - firstDay) / span;

  const rows: GanttRow[] = [];
  const bars: GanttBar[] = [];
  const milestones: GanttMilestone[] = [];
  const gates: { day: number; label: string; useCaseTitle: string }[] = [];

  for (const u of planned) {
    const items = planOrder(byUseCase.get(u.id) ?? []);
    const sprint = items.some((i) => i.kind === 'phase' && phaseKeyOf(i) === 'readiness-sprint');
    const rowId = `use-case:${u.id}`;
    rows.push({
      id: rowId,
      kind: 'use-case',
      label: u.title,
      sublabel: sprint ? 'Readiness sprint first' : u.rank === null ? 'Not ranked yet' : '',
      sublabelText: sprint ? msg('roadmapText.sublabel.sprintFirst') : u.rank === null ? msg('roadmapText.sublabel.notRanked') : null,
      useCaseId: u.id,
      cadenceId: null,
      rank: u.rank,
    });
    for (const i of items) {
      const key = phaseKeyOf(i);
      if (i.kind === 'phase') {
        bars.push({
          id: i.id,
          rowId,
          phaseKey: key,
          label: i.label,
          startDay: i.startDay,
          endDay: i.endDay,
          startDate: dayToIso(startDate, i.startDay),
          endDate: dayToIso(startDate, i.endDay),
          days: i.endDay - i.startDay + 1,
          color: PHASE_COLORS[key ?? 'other'],
          x: xOf(i.startDay),
          width: (i.endDay - i.startDay + 1) / span,
        });
      } else if (i.kind === 'gate') {
        milestones.push({ id: i.id, rowId, phaseKey: key, label: i.label, day: i.startDay, date: dayToIso(startDate, i.startDay), x: xOf(i.startDay + 1) });
        gates.push({ day: i.startDay, label: i.label, useCaseTitle: u.title });
      }
    }
  }

  const expanded = expandCadence(input.cadence, startDate, lastDay, gates);
  const events: GanttEvent[] = expanded.map((e) => ({ ...e, rowId: governanceRowId(e.cadenceId), x: xOf(e.day) + 0.5 / span }));
  for (const c of input.cadence) {
    if (!events.some((e) => e.cadenceId === c.id)) continue;
    rows.push({ id: governanceRowId(c.id), kind: 'governance', label: c.title, sublabel: cadenceRhythm(c), sublabelText: cadenceRhythmText(c), useCaseId: null, cadenceId: c.id, rank: null });
  }

  const every = Math.max(1, Math.floor(input.tickEvery ?? 10));
  const ticks: GanttTick[] = [];
  for (let day = firstDay; day <= lastDay; day = day === 1 && every > 1 ? every : day + every) {
    const date = dayToIso(startDate, day);
    ticks.push({ day, date, label: `Day ${day}${date ? ` · ${formatPlanDate(date, { year: false })}` : ''}`, x: xOf(day) });
  }

  const months: GanttMonth[] = [];
  const start = parseIsoDate(startDate);
  if (start) {
    const d = new Date(start.getFullYear(), start.getMonth(), 1);
    for (;;) {
      const iso = toIsoDate(d);
      const day = Math.max(firstDay, Math.round((d.getTime() - start.getTime()) / 86_400_000) + 1);
      if (day > lastDay) break;
      months.push({ date: iso, label: formatMonth(iso), x: xOf(day) });
      d.setMonth(d.getMonth() + 1);
    }
  }

  return { startDate, firstDay, lastDay, planEndDay, rows, bars, milestones, events, ticks, months };
}
