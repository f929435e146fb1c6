import { useEffect, useRef } from 'react';
import { routeHref, type WorkshopTab } from '../../app/router';
import type { Workshop } from '../../domain/model';
import { currentSession } from '../../domain/agenda';
import { useAgenda } from '../agenda/use-agenda';
import { clockReading, sessionMinutes } from '../agenda/agenda-summary';
import { PresenterView, presentedTab } from './PresenterView';
import { exitPresenter, usePresenterPage } from './presenter-mode';
import { ContentLanguage, useInterfaceLocale, useT } from '../../i18n/react';
import type { AppMessageId } from '../../i18n/app-catalog';
import './presenter.css';

/** The tabs worth showing to the room; any other tab shows the agenda. */
const PRESENTER_TABS: { tab: WorkshopTab; label: AppMessageId }[] = [
  { tab: 'agenda', label: 'tab.agenda' },
  { tab: 'scoring', label: 'tab.scoring' },
  { tab: 'portfolio', label: 'tab.ranking' },
  { tab: 'matrix', label: 'tab.matrix' },
];

/**
 * Presenter mode: what the room sees on the projector. No edit fields, undo, save or capture box;
 * a band with the workshop and the agenda clock, the tab's content below, and a small footer to
 * switch what is shown or to leave.
 */
export function PresenterLayout({ workshop, tab }: { workshop: Workshop; tab: WorkshopTab }) {
  // What the room sees speaks the workshop's language, whatever the facilitator's interface is in;
  // only the development pseudo-locale reaches the projector too, so its screenshot pass covers it.
  const ui = useInterfaceLocale();
  return (
    <ContentLanguage locale={ui === 'pseudo' ? 'pseudo' : workshop.language}>
      <PresenterScreen workshop={workshop} tab={tab} />
    </ContentLanguage>
  );
}

function PresenterScreen({ workshop, tab }: { workshop: Workshop; tab: WorkshopTab }) {
  usePresenterPage();
  const { t, lang } = useT();
  const root = useRef<HTMLDivElement>(null);
  // The button that entered the mode is gone; keyboard focus starts on the presenter screen.
  useEffect(() => root.current?.focus({ preventScroll: true }), []);
  const shown = presentedTab(tab);
  return (
    <div className="presenter" lang={lang} ref={root} tabIndex={-1} data-testid="presenter" aria-label={t('presenter.regionLabel', { name: workshop.name })} role="region">
      <PresenterBand workshop={workshop} />
      <main className="presenter-body">
        <PresenterView workshop={workshop} tab={tab} />
      </main>
      <footer className="presenter-footer">
        <nav className="presenter-nav" aria-label={t('presenter.showOnScreen')}>
          {PRESENTER_TABS.map((item) => (
            <a
              key={item.tab}
              href={routeHref({ name: 'workshop', workshopId: workshop.id, tab: item.tab })}
              className={`presenter-nav-link ${item.tab === shown ? 'presenter-nav-active' : ''}`}
              aria-current={item.tab === shown ? 'page' : undefined}
            >
              {t(item.label)}
            </a>
          ))}
        </nav>
        <button type="button" className="presenter-exit" onClick={exitPresenter}>
          {t('presenter.exit')} <kbd aria-hidden="true">Esc</kbd>
        </button>
      </footer>
    </div>
  );
}

function PresenterBand({ workshop }: { workshop: Workshop }) {
  const { items, now } = useAgenda(workshop.id);
  const current = items ? currentSession(items) : null;
  const reading = current ? clockReading(current, now) : null;
  const { t } = useT();
  const label = !current ? null : t(current.state === 'pending' ? 'presenter.upNext' : current.state === 'paused' ? 'presenter.nowPaused' : 'presenter.now');
  return (
    <header className="presenter-band">
      <div className="presenter-workshop">
        <span className="presenter-workshop-name">{workshop.name}</span>
        {workshop.client ? <span className="presenter-workshop-client">{workshop.client}</span> : null}
      </div>
      {current && reading ? (
        <>
          <div className="presenter-now" data-testid="presenter-current">
            <span className="presenter-now-label">{label}</span>
            <span className="presenter-now-title">{current.title}</span>
          </div>
          <div
            className={`presenter-clock ${reading.over ? 'presenter-over' : ''}`}
            role="timer"
            aria-label={
              current.state === 'pending'
                ? t('presenter.plannedLabel', { title: current.title, minutes: sessionMinutes(current) })
                : t('presenter.clockLabel', { title: current.title, time: reading.digits, over: String(reading.over) })
            }
            data-testid="presenter-clock"
          >
            <span className="presenter-digits">{reading.digits}</span>
            <span className="presenter-clock-word">{t(current.state === 'pending' ? 'presenter.planned' : reading.over ? 'presenter.over' : 'presenter.left')}</span>
          </div>
        </>
      ) : (
        <div className="presenter-now">
          <span className="presenter-now-label">{items && items.length > 0 ? t('presenter.agenda') : ''}</span>
          <span className="presenter-now-title">{items && items.length > 0 ? t('presenter.allDone') : ''}</span>
        </div>
      )}
    </header>
  );
}
