// The one adapter around vis-timeline: it owns the Timeline instance (created once, destroyed on
// unmount), turns the Gantt model into DataSet rows (updating only what changed), and turns drags
// and resizes back into day ranges for the caller. Every piece of user text reaches the timeline
// as a DOM element built with textContent, never as an HTML string.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Timeline, type DataGroup, type DataItem, type TimelineOptions } from 'vis-timeline/peer';
import { DataSet } from 'vis-data/peer';
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import type { GanttModel } from '../../domain/gantt';
import type { DayRange } from '../../domain/roadmap';
import { dayToIso, formatPlanDate, isoToDay } from '../../domain/roadmap-calendar';
import { useHyphenate } from '../../shared/hyphenate';
import { parseIsoDate, toIsoDate } from '../../domain/dates';
import { rangeText } from '../../domain/roadmap';
import { useT } from '../../i18n/react';
import type { AppMessageId, AppTranslator } from '../../i18n/app-catalog';
import { messageText } from '../../shared/message-text';
import './timeline.css';

const DAY_MS = 86_400_000;

/** Our items carry an element as content (vis-timeline accepts one; its types say string only). */
type Item = Omit<DataItem, 'content'> & { id: string; content: HTMLElement; kind: 'phase' | 'gate' | 'event'; subgroupOrder?: number };
type Group = Omit<DataGroup, 'content'> & { id: string; content: HTMLElement; order: number };

export type TimelineViewProps = {
  model: GanttModel;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  /** A phase or gate was dropped on new days. Return false to refuse: the item goes back. */
  onMove: (id: string, range: DayRange) => boolean;
  /** Bumped by the caller to throw away what the timeline shows and draw the model again. */
  revision: number;
  /** The language the workshop's own text is written in (titles, phase names), for `lang=` and hyphenation. */
  contentLang?: string;
};

function toDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(value as string | number);
}

/** Local midnight at the start of a plan day. */
function dayStart(startDate: string, day: number): Date {
  return parseIsoDate(dayToIso(startDate, day)) ?? new Date(0);
}

/** The plan day an instant falls in, rounding to the nearest midnight (what the snap leaves). */
function dayAt(startDate: string, at: Date): number {
  const d = new Date(at.getTime() + DAY_MS / 2);
  return isoToDay(startDate, toIsoDate(d)) ?? 1;
}

function nearestMidnight(date: Date | number): Date {
  const d = new Date(toDate(date).getTime() + DAY_MS / 2);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate());
}

function el(tag: string, className: string, text?: string): HTMLElement {
  const e = document.createElement(tag);
  e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The timeline's words: the interface's translator (the roadmap is the facilitator's screen). */
type Words = Pick<AppTranslator, 't' | 'lang'>;

const dateFormats = new Map<string, Intl.DateTimeFormat>();
/** A plan date as the reader writes it: English keeps the plan's own short form ("Mon 2 Mar 2026"). */
function planDate(w: Words, iso: string, opts: { weekday?: boolean; year?: boolean } = {}): string {
  if (w.lang === 'en') return formatPlanDate(iso, opts);
  const d = parseIsoDate(iso);
  if (!d) return '';
  const key = `${w.lang}|${opts.weekday ? 1 : 0}|${opts.year === false ? 0 : 1}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(w.lang, { ...(opts.weekday ? { weekday: 'short' } : {}), day: 'numeric', month: 'short', ...(opts.year === false ? {} : { year: 'numeric' }) });
    dateFormats.set(key, f);
  }
  return f.format(d);
}

function fullDate(w: Words, startDate: string, day: number): string {
  return planDate(w, dayToIso(startDate, day), { weekday: true });
}

/** Groups and items for the model; `sig` says whether a row changed since the last sync. */
function buildRows(model: GanttModel, w: Words, contentLang: string, hyphenate: (text: string) => string) {
  const s = model.startDate;
  const say = (m: Parameters<typeof messageText>[2]) => messageText(w.t, w.lang, m);
  const groups: Group[] = model.rows.map((r, i) => {
    const box = el('div', `rm-group rm-group-${r.kind}`);
    if (r.kind === 'use-case') box.append(el('span', 'rm-group-rank', r.rank !== null ? String(r.rank) : '–'));
    const text = el('span', 'rm-group-text');
    // Soft hyphens by the title's language: Chromium has no hyphenation dictionaries offline.
    const title = el('span', 'rm-group-title', hyphenate(r.label));
    // The workshop's own words: marked with their language so long German compounds hyphenate.
    if (contentLang) title.lang = contentLang;
    text.append(title);
    const sublabel = r.sublabelText ? say(r.sublabelText) : r.sublabel;
    if (sublabel) text.append(el('span', `rm-group-sub${r.sublabel === 'Readiness sprint first' ? ' rm-group-sprint' : ''}`, sublabel));
    box.append(text);
    box.title = [r.label, sublabel].filter(Boolean).join('\n');
    const first = r.kind === 'governance' && model.rows[i - 1]?.kind !== 'governance';
    // A use case's row has two lanes: its phases, and under them its gates (so a gate's diamond
    // never covers the handle that resizes the phase it closes).
    return {
      id: r.id,
      content: box,
      order: i,
      className: `rm-row rm-row-${r.kind}${first ? ' rm-row-governance-first' : ''}`,
      ...(r.kind === 'use-case' ? { subgroupOrder: 'subgroupOrder' } : {}),
    };
  });
  const groupSig = model.rows.map((r, i) => `${r.id}|${i}|${hyphenate(r.label)}|${r.sublabel}|${r.rank}|${r.kind}|${w.lang}|${contentLang}`);

  const items: Item[] = [];
  const sig: string[] = [];
  for (const b of model.bars) {
    const box = el('div', 'rm-bar');
    const range = say(rangeText(b));
    const name = el('span', 'rm-bar-label', hyphenate(b.label));
    if (contentLang) name.lang = contentLang;
    box.append(name, el('span', 'rm-bar-days', w.t('roadmap.dayRange', { start: b.startDay === b.endDay ? 'same' : 'other', from: b.startDay, to: b.endDay })));
    box.title = w.t('roadmapText.timeline.barTitle', { label: b.label, range, from: fullDate(w, s, b.startDay), to: fullDate(w, s, b.endDay) });
    items.push({
      id: b.id,
      kind: 'phase',
      group: b.rowId,
      type: 'range',
      start: dayStart(s, b.startDay),
      end: dayStart(s, b.endDay + 1),
      content: box,
      className: `rm-phase rm-phase-${b.phaseKey ?? 'other'}`,
      subgroup: 'phases',
      subgroupOrder: 0,
    });
    sig.push(`${b.id}|${b.rowId}|${b.startDay}|${b.endDay}|${hyphenate(b.label)}|${b.phaseKey}|${s}|${w.lang}|${contentLang}`);
  }
  for (const m of model.milestones) {
    const mark = el('span', 'rm-gate-mark');
    mark.title = w.t('roadmapText.timeline.gateTitle', { label: m.label, day: m.day, date: fullDate(w, s, m.day) });
    items.push({
      id: m.id,
      kind: 'gate',
      group: m.rowId,
      type: 'point',
      start: dayStart(s, m.day + 1),
      content: mark,
      className: 'rm-gate',
      subgroup: 'gates',
      subgroupOrder: 1,
    });
    sig.push(`${m.id}|${m.rowId}|${m.day}|${m.label}|${s}|${w.lang}`);
  }
  for (const e of model.events) {
    const mark = el('span', `rm-event-mark`);
    const about = w.t('roadmapText.timeline.eventTitle', {
      title: e.title,
      kind: w.t(`ownership.kind.${e.kind}` as AppMessageId),
      day: e.day,
      date: fullDate(w, s, e.day),
      hasTime: e.time ? 'yes' : 'no',
      time: e.time,
      minutes: e.durationMinutes,
    });
    mark.title = [about, e.detail].filter(Boolean).join('\n');
    const [h, min] = e.time ? e.time.split(':').map(Number) : [12, 0];
    const at = dayStart(s, e.day);
    at.setHours(h ?? 12, min ?? 0);
    items.push({
      id: `event:${e.id}`,
      kind: 'event',
      group: e.rowId,
      type: 'point',
      start: at,
      content: mark,
      className: `rm-event rm-event-${e.kind}`,
      editable: false,
      selectable: false,
    });
    sig.push(`${e.id}|${e.rowId}|${e.day}|${e.time}|${e.title}|${e.detail}|${e.durationMinutes}|${s}|${w.lang}`);
  }
  return { groups, groupSig, items, sig };
}

/** The window that shows the whole plan, with a little air on both sides. */
function planWindow(model: GanttModel): { start: Date; end: Date } {
  const span = model.lastDay - model.firstDay + 1;
  const pad = Math.max(3, Math.round(span * 0.03));
  return { start: dayStart(model.startDate, model.firstDay - pad), end: dayStart(model.startDate, model.lastDay + 1 + pad) };
}

export function TimelineView({ model, selectedId, onSelect, onMove, revision, contentLang = '' }: TimelineViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const timeline = useRef<Timeline | null>(null);
  const items = useRef(new DataSet<Item, 'id'>());
  const groups = useRef(new DataSet<Group, 'id'>());
  const drawn = useRef<{ items: Map<string, string>; groups: Map<string, string>; rows: string | null; revision: number; startDate: string }>({
    items: new Map(),
    groups: new Map(),
    rows: null,
    revision,
    startDate: model.startDate,
  });
  // Callbacks and the model as the timeline's handlers see them: always the latest.
  const { t, lang } = useT();
  const words: Words = useMemo(() => ({ t, lang }), [t, lang]);
  const hyphenate = useHyphenate();
  // Changes once the hyphenation patterns have arrived, so the rows are drawn again with them.
  const hyphenated = model.rows.map((r) => hyphenate(r.label)).join('\n');
  const latest = useRef({ model, onSelect, onMove, words });
  const [ready, setReady] = useState(false);

  useEffect(() => {
    latest.current = { model, onSelect, onMove, words };
  });

  // Draw the model: add, update or remove only the rows that changed.
  // Declared before the timeline is created, so its first draw already has every row.
  useEffect(() => {
    const d = drawn.current;
    if (d.revision !== revision || d.startDate !== model.startDate) {
      d.items.clear();
      d.groups.clear();
      d.revision = revision;
      d.startDate = model.startDate;
    }
    const next = buildRows(model, words, contentLang, hyphenate);
    const sync = <T extends { id: string }>(set: DataSet<T, 'id'>, rows: T[], sigs: string[], seen: Map<string, string>) => {
      const changed = rows.filter((r, i) => seen.get(r.id) !== sigs[i]);
      const keep = new Set(rows.map((r) => r.id));
      const gone = [...seen.keys()].filter((id) => !keep.has(id));
      // Rows the timeline has that the model does not (a drawn drag that was refused, say).
      for (const id of set.getIds()) if (!keep.has(String(id)) && !gone.includes(String(id))) gone.push(String(id));
      if (gone.length) set.remove(gone);
      if (changed.length) set.update(changed as Parameters<typeof set.update>[0]);
      seen.clear();
      rows.forEach((r, i) => seen.set(r.id, sigs[i] as string));
    };
    sync(groups.current, next.groups, next.groupSig, d.groups);
    sync(items.current, next.items, next.sig, d.items);
    // A use case put on or taken off the roadmap, or a new day 1, changes the plan's span: show it all.
    const rows = `${model.startDate} ${model.rows
      .filter((r) => r.kind === 'use-case')
      .map((r) => r.id)
      .join(' ')}`;
    if (d.rows !== null && d.rows !== rows) {
      const w = planWindow(model);
      timeline.current?.setWindow(w.start, w.end, { animation: false });
    }
    d.rows = rows;
  }, [model, revision, words, contentLang, hyphenated, hyphenate]);

  // Create the timeline once; destroy it with the component.
  useEffect(() => {
    const host = container.current;
    if (!host) return;
    const startDate = () => latest.current.model.startDate;
    const rangeOf = (item: { start: unknown; end?: unknown; type?: string }): DayRange => {
      const startDay = dayAt(startDate(), toDate(item.start));
      if (item.type === 'point') return { startDay: startDay - 1, endDay: startDay - 1 };
      return { startDay, endDay: dayAt(startDate(), toDate(item.end)) - 1 };
    };
    let created: Timeline | null = null;
    const options: TimelineOptions = {
      // No start and end here: vis-timeline stays hidden after its first draw until the window
      // changes, so the plan's window is set once that first draw is done.
      // The items arrive only then too. A first draw without a window fits the window to the
      // items, and to measure them vis-timeline draws every item of every row, then takes back
      // only those of the rows in view: the others (2,700 with 200 use cases) stayed in the page
      // and every frame of a pan laid them out and painted them again (p95 50 ms instead of 17).
      onInitialDrawComplete: () => {
        const t = timeline.current;
        if (!t || t !== created) return;
        t.setItems(items.current as unknown as DataSet<DataItem, 'id'>);
        const w = planWindow(latest.current.model);
        t.setWindow(w.start, w.end, { animation: false });
        setReady(true);
      },
      orientation: { axis: 'top', item: 'top' },
      stack: false,
      groupOrder: 'order',
      editable: { updateTime: true, updateGroup: false, add: false, remove: false, overrideItems: false },
      itemsAlwaysDraggable: { item: true, range: true },
      selectable: true,
      multiselect: false,
      snap: (date) => nearestMidnight(date),
      zoomMin: 7 * DAY_MS,
      zoomMax: 12 * 365 * DAY_MS,
      zoomKey: 'ctrlKey',
      verticalScroll: true,
      maxHeight: 620,
      margin: { item: { horizontal: 0, vertical: 8 }, axis: 6 },
      maxMinorChars: 9,
      showCurrentTime: false,
      showTooltips: false,
      format: {
        minorLabels: (date, scale) => {
          const d = toDate(date.valueOf());
          const iso = toIsoDate(d);
          const day = isoToDay(startDate(), iso);
          const w = latest.current.words;
          const text = scale === 'year' ? String(d.getFullYear()) : planDate(w, iso, { year: false });
          // Our own text (numbers, month names and "Day"), never user text: vis writes labels as HTML.
          return day !== null && day >= 1 ? `${w.t('roadmapText.timeline.axisDay', { day })}<br>${text}` : `&nbsp;<br>${text}`;
        },
        majorLabels: (date, scale) => {
          const d = toDate(date.valueOf());
          return scale === 'month' || scale === 'year' ? String(d.getFullYear()) : new Intl.DateTimeFormat(latest.current.words.lang, { month: 'long', year: 'numeric' }).format(d);
        },
      },
      tooltipOnItemUpdateTime: {
        template: (item: { start: unknown; end?: unknown; type?: string }) => {
          const r = rangeOf(item);
          const s = startDate();
          const w = latest.current.words;
          return r.startDay === r.endDay
            ? w.t('roadmapText.timeline.dragDay', { day: r.startDay, date: planDate(w, dayToIso(s, r.startDay), { weekday: true }) })
            : w.t('roadmapText.timeline.dragDays', {
                start: r.startDay,
                end: r.endDay,
                from: planDate(w, dayToIso(s, r.startDay), { year: false }),
                to: planDate(w, dayToIso(s, r.endDay), { year: false }),
              });
        },
      },
      onMoving: (item, callback) => {
        // Keep what is dragged on the plan: nothing before day 1, a phase at least one day long.
        const min = dayStart(startDate(), item.type === 'point' ? 2 : 1).getTime();
        const start = toDate(item.start).getTime();
        if (start < min) {
          const before = items.current.get(String(item.id));
          const length = before?.end ? toDate(before.end).getTime() - toDate(before.start).getTime() : 0;
          const moved = item.end !== undefined && Math.abs(toDate(item.end).getTime() - start - length) < DAY_MS / 2;
          item.start = new Date(min);
          // A whole phase carried past day 1 keeps its length; a dragged start edge stops there.
          if (moved && item.end !== undefined) item.end = new Date(min + length);
        }
        if (item.end !== undefined && toDate(item.end).getTime() - toDate(item.start).getTime() < DAY_MS) {
          item.end = new Date(toDate(item.start).getTime() + DAY_MS);
        }
        callback(item);
      },
      onMove: (item, callback) => {
        const id = String(item.id);
        const accepted = latest.current.onMove(id, rangeOf(item));
        callback(accepted ? item : null);
      },
    };
    // The DataSets hold elements as content, which vis-timeline accepts but its types do not say.
    // The rows are there from the first draw; the items come with the window (see above).
    const t = new Timeline(host, new DataSet<DataItem, 'id'>(), groups.current as unknown as DataSet<DataGroup, 'id'>, options) as Timeline & {
      setCustomTimeMarker(title: string, id: string, editable: boolean): void;
    };
    t.on('select', (props: { items: (string | number)[] }) => latest.current.onSelect(props.items[0] !== undefined ? String(props.items[0]) : null));
    t.addCustomTime(new Date(), 'rm-today');
    t.setCustomTimeMarker(latest.current.words.t('roadmapText.timeline.today'), 'rm-today', false);
    // The line's tooltip: the library's own is English ("Time: Sunday, December 6th").
    t.setCustomTimeTitle(latest.current.words.t('roadmapText.timeline.today'), 'rm-today');
    timeline.current = t;
    created = t;
    return () => {
      t.destroy();
      timeline.current = null;
    };
  }, []);

  // The marker's word follows the interface language.
  useEffect(() => {
    if (!ready) return;
    const current = timeline.current as (Timeline & { setCustomTimeMarker(title: string, id: string, editable: boolean): void }) | null;
    current?.setCustomTimeMarker(t('roadmapText.timeline.today'), 'rm-today', false);
    current?.setCustomTimeTitle(t('roadmapText.timeline.today'), 'rm-today');
  }, [t, ready]);

  // Keep the timeline's selection in step with the side panel's, and bring the item into view.
  useEffect(() => {
    const t = timeline.current;
    if (!t || !ready) return;
    const current = t.getSelection().map(String);
    if (selectedId === (current[0] ?? null)) return;
    t.setSelection(selectedId ? [selectedId] : []);
    const item = selectedId ? items.current.get(selectedId) : null;
    if (item) {
      const w = t.getWindow();
      const at = toDate(item.start).getTime();
      if (at < w.start.getTime() || at > w.end.getTime()) t.moveTo(new Date(at), { animation: false });
    }
  }, [selectedId, ready]);

  const fit = () => timeline.current?.setWindow(planWindow(latest.current.model).start, planWindow(latest.current.model).end, { animation: false });
  const zoom = (factor: number) => (factor > 0 ? timeline.current?.zoomIn(factor, { animation: false }) : timeline.current?.zoomOut(-factor, { animation: false }));
  const today = () => {
    const now = new Date();
    timeline.current?.setCustomTime(now, 'rm-today');
    timeline.current?.moveTo(now, { animation: false });
  };

  return (
    <div className="rm-timeline-wrap">
      <div className="rm-toolbar" role="toolbar" aria-label={t('roadmapText.timeline.toolbar')}>
        <button type="button" className="btn btn-small" onClick={() => zoom(-0.5)} aria-label={t('roadmapText.timeline.zoomOut')} title={t('roadmapText.timeline.zoomOutHint')}>
          −
        </button>
        <button type="button" className="btn btn-small" onClick={() => zoom(0.5)} aria-label={t('roadmapText.timeline.zoomIn')} title={t('roadmapText.timeline.zoomInHint')}>
          +
        </button>
        <button type="button" className="btn btn-small" onClick={fit}>
          {t('roadmapText.timeline.fit')}
        </button>
        <button type="button" className="btn btn-small" onClick={today}>
          {t('roadmapText.timeline.today')}
        </button>
        <span className="rm-toolbar-hint muted">{t('roadmapText.timeline.hint')}</span>
      </div>
      <div ref={container} className="rm-timeline" data-testid="roadmap-timeline" />
    </div>
  );
}
