import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { repos } from '../../app/repos';
import { routeHref, type UseCaseSection, type WorkshopTab } from '../../app/router';
import { runHistory } from '../../app/undo';
import { SaveIndicator } from '../../shared/SaveIndicator';
import { ErrorBoundary } from '../../shared/ErrorBoundary';
import { preloadWhenIdle } from '../../shared/lazy-screen';
import { PRELOAD_ORDER, PresenterLayout, SCREENS, screensIn } from './screens';
import { saveWorkshopFileFlow } from '../files/file-flows';
import { PresenterButton, usePresenter } from '../presenter/PresenterButton';
import { ExportButton } from '../export/ExportDialog';
import { RoomHost } from '../../shared/RoomHost';
import type { Workshop } from '../../domain/model';

/** The tab bar's two groups, as the day runs: the room's work, then the plan it produces. */
const TAB_GROUPS = [
  { name: 'In the room', tabs: screensIn('room') },
  { name: 'The plan', tabs: screensIn('plan') },
];
/** The workshop's own record sits by its name, not in the work tabs. */
const RECORD_TABS = screensIn('record');

export function WorkshopShell({
  workshopId,
  tab,
  useCaseId,
  section,
  itemId,
}: {
  workshopId: string;
  tab: WorkshopTab;
  useCaseId?: string | undefined;
  section?: UseCaseSection | undefined;
  itemId?: string | undefined;
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
        <p>It may have been deleted. A deleted workshop can be brought back from the workshops list, under “Deleted workshops”.</p>
        <a className="btn btn-primary" href="#/">
          Back to all workshops
        </a>
      </main>
    );
  }

  // The room keeps storing phones' scores whatever is on screen; it stays mounted when presenter mode toggles.
  return (
    <>
      <RoomHost workshop={workshop} />
      {presenter ? (
        <ErrorBoundary inline>
          <PresenterLayout workshop={workshop} tab={tab} />
        </ErrorBoundary>
      ) : (
        <WorkshopBody workshop={workshop} tab={tab} useCaseId={useCaseId} section={section} itemId={itemId} history={history} />
      )}
    </>
  );
}

function WorkshopBody({
  workshop,
  tab,
  useCaseId,
  section,
  itemId,
  history,
}: {
  workshop: Workshop;
  tab: WorkshopTab;
  useCaseId?: string | undefined;
  section?: UseCaseSection | undefined;
  itemId?: string | undefined;
  history: Awaited<ReturnType<typeof repos.history.peek>> | undefined;
}) {
  const workshopId = workshop.id;
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
          {SCREENS[tab].render({ workshop, useCaseId, section, itemId })}
        </ErrorBoundary>
      </main>
    </div>
  );
}
