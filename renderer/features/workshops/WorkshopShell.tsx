import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { repos } from '../../app/repos';
import { routeHref, type UseCaseSection, type WorkshopTab } from '../../app/router';
import { runHistory } from '../../app/undo';
import { SaveIndicator } from '../../shared/SaveIndicator';
import { ErrorBoundary } from '../../shared/ErrorBoundary';
import { lazyScreen, preloadWhenIdle } from '../../shared/lazy-screen';
import { UseCasesView } from '../use-cases/UseCasesView';
import { DetailsView } from './DetailsView';
import { saveWorkshopFileFlow } from '../files/file-flows';
import { PresenterButton, usePresenter } from '../presenter/PresenterButton';
import { ExportButton } from '../export/ExportDialog';

// Every other section's code is fetched when it is first opened, and ahead of that when the
// window is idle (see the effect in WorkshopShell): the home screen and the use-case list, where
// a workshop opens, do not wait for the matrix, the roadmap's timeline or the KPI charts.
const ParticipantsView = lazyScreen(() => import('../participants/ParticipantsView').then((m) => m.ParticipantsView));
const ScoringView = lazyScreen(() => import('../scoring/ScoringView').then((m) => m.ScoringView));
const PortfolioView = lazyScreen(() => import('../portfolio/PortfolioView').then((m) => m.PortfolioView));
const MatrixView = lazyScreen(() => import('../matrix/MatrixView').then((m) => m.MatrixView));
const AgendaView = lazyScreen(() => import('../agenda/AgendaView').then((m) => m.AgendaView));
const PipelineView = lazyScreen(() => import('../pipeline/PipelineView').then((m) => m.PipelineView));
const UseCaseStageView = lazyScreen(() => import('../stage-record/UseCaseStageView').then((m) => m.UseCaseStageView));
const KpisView = lazyScreen(() => import('../kpis/KpisView').then((m) => m.KpisView));
const RisksView = lazyScreen(() => import('../risks/RisksView').then((m) => m.RisksView));
const RoadmapView = lazyScreen(() => import('../roadmap/RoadmapView').then((m) => m.RoadmapView));
const OwnershipView = lazyScreen(() => import('../governance/OwnershipView').then((m) => m.OwnershipView));
const DecisionLogView = lazyScreen(() => import('../pipeline/DecisionLogView').then((m) => m.DecisionLogView));
const HealthView = lazyScreen(() => import('../health/HealthView').then((m) => m.HealthView));
const ActivityView = lazyScreen(() => import('../activity/ActivityView').then((m) => m.ActivityView));
const PresenterLayout = lazyScreen(() => import('../presenter/PresenterLayout').then((m) => m.PresenterLayout));
/** The roadmap loads its timeline (vis-timeline, the largest chunk) on its own; fetched last. */
const roadmapTimeline = { preload: () => import('../roadmap/TimelineView').then(() => undefined, () => undefined) };

/** In the order the day runs, so the next tab someone opens is likely fetched already. */
const PRELOAD_ORDER = [
  ParticipantsView,
  ScoringView,
  PortfolioView,
  MatrixView,
  AgendaView,
  PresenterLayout,
  PipelineView,
  UseCaseStageView,
  KpisView,
  RisksView,
  RoadmapView,
  OwnershipView,
  DecisionLogView,
  HealthView,
  ActivityView,
  roadmapTimeline,
];

/** The sections, grouped as the day runs: the room's work, the plan it produces, the record. */
const TAB_GROUPS: { name: string; tabs: { tab: WorkshopTab; label: string }[] }[] = [
  {
    name: 'In the room',
    tabs: [
      { tab: 'use-cases', label: 'Use cases' },
      { tab: 'participants', label: 'Participants' },
      { tab: 'scoring', label: 'Scoring' },
      { tab: 'portfolio', label: 'Ranking' },
      { tab: 'matrix', label: 'Matrix' },
      { tab: 'agenda', label: 'Agenda' },
    ],
  },
  {
    name: 'The plan',
    tabs: [
      { tab: 'pipeline', label: 'Pipeline' },
      { tab: 'kpis', label: 'KPIs' },
      { tab: 'risks', label: 'Risks' },
      { tab: 'roadmap', label: 'Roadmap' },
      { tab: 'governance', label: 'Ownership' },
      { tab: 'decisions', label: 'Decision log' },
      { tab: 'health', label: 'Health check' },
    ],
  },
];
/** The workshop's own record sits by its name, not in the work tabs. */
const RECORD_TABS: { tab: WorkshopTab; label: string }[] = [
  { tab: 'details', label: 'Details' },
  { tab: 'activity', label: 'Activity' },
];

export function WorkshopShell({
  workshopId,
  tab,
  useCaseId,
  section,
}: {
  workshopId: string;
  tab: WorkshopTab;
  useCaseId?: string | undefined;
  section?: UseCaseSection | undefined;
}) {
  const workshop = useLiveQuery(async () => (await repos.workshops.get(workshopId)) ?? null, [workshopId]);
  const history = useLiveQuery(() => repos.history.peek(workshopId), [workshopId]);
  const presenter = usePresenter();
  // The other sections are fetched once this workshop is on screen, when the window is idle.
  const shown = Boolean(workshop);
  useEffect(() => (shown ? preloadWhenIdle(PRELOAD_ORDER) : undefined), [shown]);
  if (workshop === undefined) return null;
  if (workshop === null) {
    return (
      <main className="home-main">
        <h1 className="page-title">This workshop is not here</h1>
        <p>It may have been deleted. Deleting can be undone from the workshops list with Ctrl+Z.</p>
        <a className="btn btn-primary" href="#/">
          Back to all workshops
        </a>
      </main>
    );
  }

  if (presenter) {
    return (
      <ErrorBoundary inline>
        <PresenterLayout workshop={workshop} tab={tab} />
      </ErrorBoundary>
    );
  }

  return (
    <div className="shell">
      <header className="topbar">
        <div className="shell-title">
          <a href="#/" className="back-link" aria-label="All workshops">
            ← Workshops
          </a>
          <div className="shell-heading">
            <span className="shell-name" title={workshop.name}>
              {workshop.name}
            </span>
            <span className="shell-sub">
              {workshop.client ? <span className="shell-client">{workshop.client}</span> : null}
              <nav className="record-links" aria-label="Workshop record">
                {RECORD_TABS.map((t) => (
                  <a
                    key={t.tab}
                    href={routeHref({ name: 'workshop', workshopId, tab: t.tab })}
                    className={`record-link${t.tab === tab ? ' record-link-active' : ''}`}
                    aria-current={t.tab === tab ? 'page' : undefined}
                  >
                    {t.label}
                  </a>
                ))}
              </nav>
            </span>
          </div>
        </div>
        <div className="topbar-actions">
          <SaveIndicator />
          <PresenterButton />
          <button
            type="button"
            className="btn btn-small"
            disabled={!history?.undoLabel}
            title={history?.undoLabel ? `Undo: ${history.undoLabel} (Ctrl+Z)` : 'Nothing to undo'}
            onClick={() => void runHistory('undo', workshopId)}
          >
            ↶ Undo
          </button>
          <button
            type="button"
            className="btn btn-small"
            disabled={!history?.redoLabel}
            title={history?.redoLabel ? `Redo: ${history.redoLabel} (Shift+Ctrl+Z)` : 'Nothing to redo'}
            onClick={() => void runHistory('redo', workshopId)}
          >
            ↷ Redo
          </button>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => void saveWorkshopFileFlow(workshopId)}
            title="Save this workshop to a .liftoff.json file (Ctrl+S)"
          >
            Save to file
          </button>
          <ExportButton workshop={workshop} />
        </div>
      </header>
      <nav className="tabs" aria-label="Workshop sections">
        {TAB_GROUPS.map((g) => (
          <div key={g.name} className="tab-group" role="group" aria-label={g.name}>
            {g.tabs.map((t) => (
              <a
                key={t.tab}
                href={routeHref({ name: 'workshop', workshopId, tab: t.tab })}
                className={`tab ${t.tab === tab ? 'tab-active' : ''}`}
                aria-current={t.tab === tab ? 'page' : undefined}
              >
                {t.label}
              </a>
            ))}
          </div>
        ))}
      </nav>
      <main className="shell-main">
        {/* Keyed by tab: a section that failed (its code did not load, say) is tried afresh when another tab is opened. */}
        <ErrorBoundary key={tab} inline>
          {tab === 'use-cases' ? <UseCasesView workshopId={workshopId} focusId={useCaseId} /> : null}
          {tab === 'participants' ? <ParticipantsView workshopId={workshopId} /> : null}
          {tab === 'scoring' ? <ScoringView workshop={workshop} /> : null}
          {tab === 'portfolio' ? <PortfolioView workshop={workshop} /> : null}
          {tab === 'matrix' ? <MatrixView workshop={workshop} /> : null}
          {tab === 'pipeline' && !useCaseId ? <PipelineView workshop={workshop} /> : null}
          {tab === 'pipeline' && useCaseId ? <UseCaseStageView workshop={workshop} useCaseId={useCaseId} section={section ?? 'readiness'} /> : null}
          {tab === 'kpis' ? <KpisView workshop={workshop} useCaseId={useCaseId} /> : null}
          {tab === 'risks' ? <RisksView workshop={workshop} useCaseId={useCaseId} /> : null}
          {tab === 'roadmap' ? <RoadmapView workshop={workshop} /> : null}
          {tab === 'governance' ? <OwnershipView workshop={workshop} /> : null}
          {tab === 'decisions' ? <DecisionLogView workshop={workshop} /> : null}
          {tab === 'health' ? <HealthView workshop={workshop} /> : null}
          {tab === 'agenda' ? <AgendaView workshopId={workshopId} /> : null}
          {tab === 'details' ? <DetailsView workshop={workshop} /> : null}
          {tab === 'activity' ? <ActivityView workshopId={workshopId} /> : null}
        </ErrorBoundary>
      </main>
    </div>
  );
}
