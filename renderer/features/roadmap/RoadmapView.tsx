// The 120-day roadmap: use cases put on a shared timeline from the template, in priority order,
// with the governance meetings under them. Phases are dragged and resized on the timeline or
// edited with the keyboard in the side panel; every change is one undoable step, saved at once.
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { repos } from '../../app/repos';
import { save } from '../../app/persist';
import { routeHref } from '../../app/router';
import type { Workshop } from '../../domain/model';
import { editItem, PLAN_DAYS, READINESS_SPRINT_DAYS, readinessSprintTemplate, roadmapTemplate, sequencePortfolio, type DayRange } from '../../domain/roadmap';
import { useInterfaceMethodLanguage } from '../../i18n/method-language';
import { messageText } from '../../shared/message-text';
import { dayToIso, formatPlanDate } from '../../domain/roadmap-calendar';
import { defaultRoadmapStart, parseIsoDate, todayIso } from '../../domain/dates';
import { formatIsoDate } from '../../domain/locale-format';
import { useT } from '../../i18n/react';
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
  const { t } = useT();
  const valid = parseIsoDate(value) !== null && value >= '1990-01-01' && value <= '2200-12-31';
  return (
    <section className="panel rm-start-prompt" aria-labelledby="rm-start-title">
      <h1 id="rm-start-title" className="section-title">
        {t('roadmap.title')}
      </h1>
      <p>{t('roadmap.startIntro')}</p>
      <form
        className="rm-start-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) void save(() => repos.workshops.update(workshop.id, { roadmapStartDate: value }, { label: 'Set the roadmap start date' }));
        }}
      >
        <div className="field">
          <label htmlFor="rm-start-date">{t('roadmap.startDate')}</label>
          <input id="rm-start-date" type="date" value={value} onChange={(e) => setValue(e.target.value)} />
        </div>
        <button type="submit" className="btn btn-primary" disabled={!valid}>
          {t('roadmap.setStart')}
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
  const { t, lang } = useT();
  const settings = workshop.roadmap;
  const startDate = workshop.roadmapStartDate;

  // A message stays long enough to be read, then goes.
  useEffect(() => {
    if (!message) return;
    const timer = window.setTimeout(() => setMessage(null), 12_000);
    return () => window.clearTimeout(timer);
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
        setMessage({ tone: 'error', text: messageText(t, lang, check.text) });
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
        setMessage(outcome.noteTexts.length ? { tone: 'info', text: outcome.noteTexts.map((n) => messageText(t, lang, n)).join(' ') } : null);
      });
      return true;
    },
    [data.items, settings.pushLaterPhases, t, lang],
  );

  const addUseCases = (ids: string[]) => {
    void save(() => repos.roadmap.addUseCases(workshop.id, ids)).then((n) => {
      if (n === undefined) return;
      const sprints = data.useCases.filter((u) => ids.includes(u.useCase.id) && u.sprint).length;
      setMessage({
        tone: 'info',
        text: t('roadmap.added', { count: n, sprints, days: READINESS_SPRINT_DAYS }),
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
  // English keeps the plan's own day-month style ("28 Apr 2027"); other languages write dates their way.
  const endIso = planEnd ? dayToIso(startDate, planEnd) : '';
  const endDate = !endIso ? '' : lang === 'en' ? formatPlanDate(endIso) : formatIsoDate(lang, endIso);

  return (
    <div className="rm">
      <section className="panel rm-head" aria-labelledby="rm-title">
        <div className="rm-head-main">
          <h1 id="rm-title" className="section-title">
            {t('roadmap.title')} <span className="count">{planned.length}</span>
          </h1>
          <p className="rm-summary muted" data-testid="roadmap-summary">
            {planned.length === 0
              ? t('roadmap.noneYet')
              : t('roadmap.summary', { count: planned.length, end: planEnd, date: endDate, over: planEnd > PLAN_DAYS ? planEnd - PLAN_DAYS : 0 })}
          </p>
        </div>
        <div className="rm-settings">
          <StartDateField workshopId={workshop.id} value={startDate} />
          <div className="field rm-field-inline">
            <label htmlFor="rm-parallel">{t('roadmap.pilotsAtOnce')}</label>
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
            {t('roadmap.pushLater')}
          </label>
          {addable.length > 0 ? (
            <button type="button" className="btn btn-primary" onClick={() => addUseCases(addable.map((u) => u.useCase.id))}>
              {t('roadmap.addAll', { count: addable.length })}
            </button>
          ) : data.useCases.length > 0 ? (
            <span className="rm-all-planned muted">{t('roadmap.allPlanned')}</span>
          ) : null}
        </div>
      </section>

      <div className="rm-body">
        <section className="panel rm-timeline-pane" aria-label={t('roadmap.timeline')}>
          <Suspense fallback={<p className="muted rm-loading">{t('roadmap.loading')}</p>}>
            <TimelineView model={data.model} selectedId={shownId} onSelect={setSelectedId} onMove={move} revision={revision} contentLang={workshop.language} />
          </Suspense>
          <p className={`rm-message${message?.tone === 'error' ? ' rm-message-error' : ''}`} role="status" data-testid="roadmap-message">
            {message?.text ?? ''}
          </p>
          <Legend />
          {planned.length === 0 ? (
            <p className="rm-empty muted">{t('roadmap.emptyHint', { count: settings.maxParallelPilots })}</p>
          ) : null}
          {data.cadence.length === 0 ? (
            <p className="rm-gov-hint">
              {t('roadmap.noMeetings')}{' '}
              <button type="button" className="btn btn-small" onClick={() => void save(() => repos.governance.addStandardCadence(workshop.id))}>
                {t('roadmap.addMeetings')}
              </button>{' '}
              <a href={routeHref({ name: 'workshop', workshopId: workshop.id, tab: 'governance' })}>{t('roadmap.editMeetings')}</a>
            </p>
          ) : null}
        </section>

        <aside className="rm-side" aria-label={t('roadmap.details')}>
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
                  setMessage({ tone: 'info', text: t('roadmap.sequenced', { k, moved }) });
                });
              }}
              onCancel={() => setPendingParallel(null)}
            />
          ) : outOfSequence > 0 ? (
            <p className="panel rm-resequence">
              {t('roadmap.offOrder', { count: outOfSequence, k: settings.maxParallelPilots })}{' '}
              <button type="button" className="btn btn-small" onClick={() => setPendingParallel(settings.maxParallelPilots)}>
                {t('roadmap.previewResequence')}
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
  const { t } = useT();
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
      <label htmlFor="rm-day1">{t('roadmap.day1')}</label>
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
  const { t } = useT();
  // The template's own names, in the interface's language (a workshop's plan keeps the words it was made with).
  const language = useInterfaceMethodLanguage();
  return (
    <ul className="rm-legend" aria-label={t('roadmap.legend')}>
      {[readinessSprintTemplate(language), ...roadmapTemplate(language)].map((p) => (
        <li key={p.key}>
          <span className={`rm-swatch rm-phase-${p.key}`} aria-hidden="true" /> {p.label}
        </li>
      ))}
      <li>
        <span className="rm-legend-gate" aria-hidden="true" /> {t('roadmap.gate')}
      </li>
      <li>
        <span className="rm-legend-event" aria-hidden="true" /> {t('roadmap.meeting')}
      </li>
    </ul>
  );
}
