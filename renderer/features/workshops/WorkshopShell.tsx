import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { repos } from '../../app/repos';
import { routeHref, type UseCaseSection, type WorkshopTab } from '../../app/router';
import { runHistory } from '../../app/undo';
import { SaveIndicator } from '../../shared/SaveIndicator';
import { ErrorBoundary } from '../../shared/ErrorBoundary';
import { preloadWhenIdle } from '../../shared/lazy-screen';
import { phonesSending } from '../../app/phone-score-writer';
import { PRELOAD_ORDER, PresenterLayout, SCREENS, screensIn } from './screens';
import { saveWorkshopFileFlow } from '../files/file-flows';
import { PresenterButton, usePresenter } from '../presenter/PresenterButton';
import { ExportButton } from '../export/ExportDialog';
import { RoomHost } from '../../shared/RoomHost';
import type { Workshop } from '../../domain/model';
import { loadAppCatalog } from '../../i18n/app-catalog';
import { useInterfaceT } from '../../i18n/react';
import { stepName } from '../../shared/step-name';

/** The tab bar's two groups, as the day runs: the room's work, then the plan it produces. */
const TAB_GROUPS = [
  { name: 'shell.groupRoom', tabs: screensIn('room') },
  { name: 'shell.groupPlan', tabs: screensIn('plan') },
] as const;
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
  const presenter = usePresenter();
  const { t } = useInterfaceT();
  // The room's language is fetched as soon as the workshop is known, well before presenter mode.
  const roomLanguage = workshop?.language;
  useEffect(() => {
    if (roomLanguage) void loadAppCatalog(roomLanguage).catch(() => undefined);
  }, [roomLanguage]);
  // The other sections are fetched once this workshop is on screen, when the window is idle.
  const shown = Boolean(workshop);
  useEffect(() => (shown ? preloadWhenIdle(PRELOAD_ORDER, 1000, phonesSending) : undefined), [shown]);
  if (workshop === undefined) return null;
  if (workshop === null) {
    return (
      <main className="home-main">
        <h1 className="page-title">{t('shell.missingTitle')}</h1>
        <p>{t('shell.missingBody')}</p>
        <a className="btn btn-primary" href="#/">
          {t('shell.backToAll')}
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
        <WorkshopBody workshop={workshop} tab={tab} useCaseId={useCaseId} section={section} itemId={itemId} />
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
}: {
  workshop: Workshop;
  tab: WorkshopTab;
  useCaseId?: string | undefined;
  section?: UseCaseSection | undefined;
  itemId?: string | undefined;
}) {
  const workshopId = workshop.id;
  const { t } = useInterfaceT();
  return (
    <div className="shell">
      <header className="topbar">
        <div className="shell-title">
          <a href="#/" className="back-link" aria-label={t('shell.allWorkshops')}>
            {t('shell.back')}
          </a>
          <div className="shell-heading">
            <span className="shell-name" title={workshop.name} lang={workshop.language}>
              {workshop.name}
            </span>
            <span className="shell-sub">
              {workshop.client ? <span className="shell-client">{workshop.client}</span> : null}
              <nav className="record-links" aria-label={t('shell.recordNav')}>
                {RECORD_TABS.map((r) => (
                  <a
                    key={r.tab}
                    href={routeHref({ name: 'workshop', workshopId, tab: r.tab })}
                    className={`record-link${r.tab === tab ? ' record-link-active' : ''}`}
                    aria-current={r.tab === tab ? 'page' : undefined}
                  >
                    {t(r.label)}
                  </a>
                ))}
              </nav>
            </span>
          </div>
        </div>
        <div className="topbar-actions">
          <SaveIndicator />
          <PresenterButton />
          <UndoRedoButtons workshopId={workshopId} />
          <button
            type="button"
            className="btn btn-small"
            onClick={() => void saveWorkshopFileFlow(workshopId)}
            title={t('shell.saveToFileTitle')}
          >
            {t('shell.saveToFile')}
          </button>
          <ExportButton workshop={workshop} />
        </div>
      </header>
      <nav className="tabs" aria-label={t('shell.sections')}>
        {TAB_GROUPS.map((g) => (
          <div key={g.name} className="tab-group" role="group" aria-label={t(g.name)}>
            {g.tabs.map((s) => (
              <a
                key={s.tab}
                href={routeHref({ name: 'workshop', workshopId, tab: s.tab })}
                className={`tab ${s.tab === tab ? 'tab-active' : ''}`}
                aria-current={s.tab === tab ? 'page' : undefined}
              >
                {t(s.label)}
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

/**
 * Undo and Redo with the labels of the steps they would take. Their own component, so that the
 * history changing with every write (200 phones' scores arriving, typing) re-renders two buttons,
 * not the whole workshop and the section on screen.
 */
function UndoRedoButtons({ workshopId }: { workshopId: string }) {
  const history = useLiveQuery(() => repos.history.peek(workshopId), [workshopId]);
  const tr = useInterfaceT();
  const { t } = tr;
  return (
    <>
    <button
      type="button"
      className="btn btn-small"
      disabled={!history?.undoLabel}
      title={history?.undoLabel ? t('shell.undoTitle', { label: stepName(tr, { label: history.undoLabel, message: history.undoMessage }) }) : t('shell.nothingToUndo')}
      onClick={() => void runHistory('undo', workshopId)}
    >
      {t('shell.undo')}
    </button>
    <button
      type="button"
      className="btn btn-small"
      disabled={!history?.redoLabel}
      title={history?.redoLabel ? t('shell.redoTitle', { label: stepName(tr, { label: history.redoLabel, message: history.redoMessage }) }) : t('shell.nothingToRedo')}
      onClick={() => void runHistory('redo', workshopId)}
    >
      {t('shell.redo')}
    </button>
    </>
  );
}
