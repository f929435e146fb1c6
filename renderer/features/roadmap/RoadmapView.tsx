// The 120-day roadmap: use cases put on a shared timeline from the template, in priority order,
// with the governance meetings under them. Phases are dragged and resized on the timeline or
// edited with the keyboard in the side panel; every change is one undoable step, saved at once.
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { repos } from '../../app/repos';
import { save } from '../../app/persist';
import { routeHref } from '../../app/router';
import type { Workshop } from '../../domain/model';
import { editItem, PLAN_DAYS, READINESS_SPRINT, READINESS_SPRINT_DAYS, ROADMAP_TEMPLATE, sequencePortfolio, type DayRange } from '../../domain/roadmap';
import { dayToIso, formatPlanDate } from '../../domain/roadmap-calendar';
import { defaultRoadmapStart, parseIsoDate, todayIso } from '../../domain/dates';
import { useRoadmapData, type RoadmapData } from './use-roadmap-data';
import { ItemEditor } from './ItemEditor';
import { PlanList } from './PlanList';
import { SequencingPreview } from './SequencingPreview';
import './roadmap.css';

// vis-timeline is large and only this screen needs it: it loads when the roadmap is opened.
const TimelineView = lazy(() => import('./TimelineView').then((m) => ({ default: m.TimelineView })));

export type RoadmapMessage = { tone: 'info' | 'error'; text: string };

export function RoadmapView({ workshop }: { workshop: Workshop }) {
  const data = useRoadmapData(workshop);
  if (!data) return null;
  if (!workshop.roadmapStartDate) return <StartDatePrompt workshop={workshop} />;
  return <Roadmap workshop={workshop} data={data} />;
}

function StartDatePrompt({ workshop }: { workshop: Workshop }) {
  // Suggested: the Monday after the workshop (or after today, when the workshop has no date).
  const [value, setValue] = useState(() => defaultRoadmapStart(workshop.workshopDate) || defaultRoadmapStart(todayIso()));
  const valid = parseIsoDate(value) !== null && value >= '1990-01-01' && value <= '2200-12-31';
  return (
    <section className="panel rm-start-prompt" aria-labelledby="rm-start-title">
      <h1 id="rm-start-title" className="section-title">
        120-day roadmap
      </h1>
      <p>
        The roadmap counts its days from a start date: day 1 is the first working day of the plan, usually the Monday after the workshop
        (suggested below). Set it to lay out the phases on real dates; it can be changed later and the plan moves with it.
      </p>
      <form
        className="rm-start-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) void save(() => repos.workshops.update(workshop.id, { roadmapStartDate: value }, { label: 'Set the roadmap start date' }));
        }}
      >
        <div className="field">
          <label htmlFor="rm-start-date">Roadmap start date (day 1)</label>
          <input id="rm-start-date" type="date" value={value} onChange={(e) => setValue(e.target.value)} />
        </div>
        <button type="submit" className="btn btn-primary" disabled={!valid}>
          Set start date
        </button>
      </form>
    </section>
  );
}

function Roadmap({ workshop, data }: { workshop: Workshop; data: RoadmapData }) {
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [message, setMessage] = useState<RoadmapMessage | null>(null);
  const [pendingParallel, setPendingParallel] = useState<number | null>(null);
  const [revision, setRevision] = useState(0);
  const settings = workshop.roadmap;
  const startDate = workshop.roadmapStartDate;

  // A message stays long enough to be read, then goes.
  useEffect(() => {
    if (!message) return;
    const t = window.setTimeout(() => setMessage(null), 12_000);
    return () => window.clearTimeout(t);
  }, [message]);

  // The selection goes when its item does (removed, or undone away).
  const selected = selectedId ? (data.items.find((i) => i.id === selectedId) ?? null) : null;
  const shownId = selected ? selectedId : null;

  const order = useMemo(() => data.useCases.map((u) => u.useCase.id), [data.useCases]);
  const planned = data.useCases.filter((u) => u.items.length > 0);
  const addable = data.useCases.filter((u) => u.items.length === 0 && u.stage !== 'stopped');

  /** Checks a move against the rules at once (so a refused drag snaps back), then stores it. */
  const move = useCallback(
    (id: string, range: DayRange, opts: { nudge?: boolean } = {}): boolean => {
      const item = data.items.find((i) => i.id === id);
      if (!item) return false;
      const siblings = data.items.filter((i) => i.useCaseId === item.useCaseId);
      const check = editItem(siblings, id, range, settings.pushLaterPhases);
      if (!check.ok) {
        setMessage({ tone: 'error', text: check.message });
        return false;
      }
      if (check.changes.length === 0) return true;
      setSelectedId(id);
      void save(() => repos.roadmap.moveItem(id, range, opts)).then((outcome) => {
        if (!outcome) {
          // Not stored: draw the plan as it is stored again.
          setRevision((r) => r + 1);
          return;
        }
        setMessage(outcome.notes.length ? { tone: 'info', text: outcome.notes.join(' ') } : null);
      });
      return true;
    },
    [data.items, settings.pushLaterPhases],
  );

  const addUseCases = (ids: string[]) => {
    void save(() => repos.roadmap.addUseCases(workshop.id, ids)).then((n) => {
      if (n === undefined) return;
      const sprints = data.useCases.filter((u) => ids.includes(u.useCase.id) && u.sprint).length;
      setMessage({
        tone: 'info',
        text:
          `${n === 1 ? '1 use case' : `${n} use cases`} added to the roadmap` +
          (sprints ? `; ${sprints === 1 ? 'one starts' : `${sprints} start`} with a ${READINESS_SPRINT_DAYS}-day readiness sprint.` : '.'),
      });
    });
  };

  const changeParallel = (k: number) => {
    if (planned.length === 0) {
      void save(() => repos.roadmap.applySequencing(workshop.id, k, order));
      return;
    }
    setPendingParallel(k === settings.maxParallelPilots && sequencePortfolio(data.plans, k).moved === 0 ? null : k);
  };
  const outOfSequence = useMemo(() => sequencePortfolio(data.plans, settings.maxParallelPilots).moved, [data.plans, settings.maxParallelPilots]);

  const planEnd = data.model.planEndDay;
  const endDate = planEnd ? formatPlanDate(dayToIso(startDate, planEnd)) : '';

  return (
    <div className="rm">
      <section className="panel rm-head" aria-labelledby="rm-title">
        <div className="rm-head-main">
          <h1 id="rm-title" className="section-title">
            120-day roadmap <span className="count">{planned.length}</span>
          </h1>
          <p className="rm-summary muted" data-testid="roadmap-summary">
            {planned.length === 0
              ? 'No use case is on the roadmap yet.'
              : `${planned.length === 1 ? '1 use case' : `${planned.length} use cases`} · the plan ends on day ${planEnd}, ${endDate}${planEnd > PLAN_DAYS ? ` (${planEnd - PLAN_DAYS} days past the 120-day template)` : ''}.`}
          </p>
        </div>
        <div className="rm-settings">
          <StartDateField workshopId={workshop.id} value={startDate} />
          <div className="field rm-field-inline">
            <label htmlFor="rm-parallel">Pilots at once</label>
            <select id="rm-parallel" value={pendingParallel ?? settings.maxParallelPilots} onChange={(e) => changeParallel(Number(e.target.value))}>
              {Array.from({ length: Math.max(10, settings.maxParallelPilots) }, (_, i) => i + 1).map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </div>
          <label className="rm-check">
            <input
              type="checkbox"
              // Uncontrolled, so the tick changes at once; a new stored value (an undo) remounts it.
              key={String(settings.pushLaterPhases)}
              defaultChecked={settings.pushLaterPhases}
              onChange={(e) => {
                const on = e.target.checked;
                void save(() => repos.roadmap.setPushLaterPhases(workshop.id, on));
              }}
            />
            Push later phases
          </label>
          {addable.length > 0 ? (
            <button type="button" className="btn btn-primary" onClick={() => addUseCases(addable.map((u) => u.useCase.id))}>
              Add all {addable.length} in rank order
            </button>
          ) : data.useCases.length > 0 ? (
            <span className="rm-all-planned muted">Every use case is on the roadmap.</span>
          ) : null}
        </div>
      </section>

      <div className="rm-body">
        <section className="panel rm-timeline-pane" aria-label="Roadmap timeline">
          <Suspense fallback={<p className="muted rm-loading">Loading the timeline…</p>}>
            <TimelineView model={data.model} selectedId={shownId} onSelect={setSelectedId} onMove={move} revision={revision} />
          </Suspense>
          <p className={`rm-message${message?.tone === 'error' ? ' rm-message-error' : ''}`} role="status" data-testid="roadmap-message">
            {message?.text ?? ''}
          </p>
          <Legend />
          {planned.length === 0 ? (
            <p className="rm-empty muted">
              Put use cases on the roadmap with “Add to roadmap” beside each one, or all at once in rank order. Each gets the 120-day
              template from day 1, staggered so that no more than {settings.maxParallelPilots} pilot{settings.maxParallelPilots === 1 ? '' : 's'}{' '}
              run at once.
            </p>
          ) : null}
          {data.cadence.length === 0 ? (
            <p className="rm-gov-hint">
              No governance meetings yet: they show here as events once the workshop has them.{' '}
              <button type="button" className="btn btn-small" onClick={() => void save(() => repos.governance.addStandardCadence(workshop.id))}>
                Add the standard meetings
              </button>{' '}
              <a href={routeHref({ name: 'workshop', workshopId: workshop.id, tab: 'governance' })}>Edit them on the Ownership tab</a>
            </p>
          ) : null}
        </section>

        <aside className="rm-side" aria-label="Roadmap details">
          {pendingParallel !== null ? (
            <SequencingPreview
              data={data}
              maxParallel={pendingParallel}
              current={settings.maxParallelPilots}
              startDate={startDate}
              onApply={() => {
                const k = pendingParallel;
                void save(() => repos.roadmap.applySequencing(workshop.id, k, order)).then((moved) => {
                  if (moved === undefined) return;
                  setPendingParallel(null);
                  setMessage({ tone: 'info', text: `Sequenced for ${k} pilot${k === 1 ? '' : 's'} at once: ${moved === 1 ? '1 use case moved' : `${moved} use cases moved`}.` });
                });
              }}
              onCancel={() => setPendingParallel(null)}
            />
          ) : outOfSequence > 0 ? (
            <p className="panel rm-resequence">
              {outOfSequence === 1 ? '1 use case is' : `${outOfSequence} use cases are`} off the rank order for {settings.maxParallelPilots} pilot
              {settings.maxParallelPilots === 1 ? '' : 's'} at once (moved by hand, or added before a higher one).{' '}
              <button type="button" className="btn btn-small" onClick={() => setPendingParallel(settings.maxParallelPilots)}>
                Preview re-sequencing
              </button>
            </p>
          ) : null}
          <ItemEditor
            item={selected}
            data={data}
            startDate={startDate}
            push={settings.pushLaterPhases}
            onMove={move}
            onClose={() => setSelectedId(null)}
          />
          <PlanList
            data={data}
            selectedId={shownId}
            onSelect={setSelectedId}
            onAdd={(id) => addUseCases([id])}
            onRemove={(id) => {
              if (selected?.useCaseId === id) setSelectedId(null);
              void save(() => repos.roadmap.removeUseCase(workshop.id, id));
            }}
          />
        </aside>
      </div>
    </div>
  );
}

/** Day 1 of the plan. Stored when the date is complete and the field is left (or Enter). */
function StartDateField({ workshopId, value }: { workshopId: string; value: string }) {
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(value);
  }
  const commit = () => {
    // A year typed digit by digit passes through 0002, 0020…: only a plausible date is stored.
    if (draft === value || !parseIsoDate(draft) || draft < '1990-01-01' || draft > '2200-12-31') {
      setDraft(value);
      return;
    }
    void save(() => repos.workshops.update(workshopId, { roadmapStartDate: draft }, { label: 'Change the roadmap start date' }));
  };
  return (
    <div className="field rm-field-inline">
      <label htmlFor="rm-day1">Day 1</label>
      <input
        id="rm-day1"
        type="date"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </div>
  );
}

function Legend() {
  return (
    <ul className="rm-legend" aria-label="Legend">
      {[READINESS_SPRINT, ...ROADMAP_TEMPLATE].map((t) => (
        <li key={t.key}>
          <span className={`rm-swatch rm-phase-${t.key}`} aria-hidden="true" /> {t.label}
        </li>
      ))}
      <li>
        <span className="rm-legend-gate" aria-hidden="true" /> Gate
      </li>
      <li>
        <span className="rm-legend-event" aria-hidden="true" /> Governance meeting
      </li>
    </ul>
  );
}
