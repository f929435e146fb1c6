import { useEffect, useRef } from 'react';
import { routeHref, type WorkshopTab } from '../../app/router';
import type { Workshop } from '../../domain/model';
import { currentSession } from '../../domain/agenda';
import { useAgenda } from '../agenda/use-agenda';
import { clockReading, sessionMinutes } from '../agenda/agenda-summary';
import { PresenterView, presentedTab } from './PresenterView';
import { exitPresenter, usePresenterPage } from './presenter-mode';
import './presenter.css';

/** The tabs worth showing to the room; any other tab shows the agenda. */
const PRESENTER_TABS: { tab: WorkshopTab; label: string }[] = [
  { tab: 'agenda', label: 'Agenda' },
  { tab: 'scoring', label: 'Scoring' },
  { tab: 'portfolio', label: 'Ranking' },
  { tab: 'matrix', label: 'Matrix' },
];

/**
 * Presenter mode: what the room sees on the projector. No edit fields, undo, save or capture box;
 * a band with the workshop and the agenda clock, the tab's content below, and a small footer to
 * switch what is shown or to leave.
 */
export function PresenterLayout({ workshop, tab }: { workshop: Workshop; tab: WorkshopTab }) {
  usePresenterPage();
  const root = useRef<HTMLDivElement>(null);
  // The button that entered the mode is gone; keyboard focus starts on the presenter screen.
  useEffect(() => root.current?.focus({ preventScroll: true }), []);
  const shown = presentedTab(tab);
  return (
    <div className="presenter" ref={root} tabIndex={-1} data-testid="presenter" aria-label={`Presenting ${workshop.name}`} role="region">
      <PresenterBand workshop={workshop} />
      <main className="presenter-body">
        <PresenterView workshop={workshop} tab={tab} />
      </main>
      <footer className="presenter-footer">
        <nav className="presenter-nav" aria-label="Show on screen">
          {PRESENTER_TABS.map((t) => (
            <a
              key={t.tab}
              href={routeHref({ name: 'workshop', workshopId: workshop.id, tab: t.tab })}
              className={`presenter-nav-link ${t.tab === shown ? 'presenter-nav-active' : ''}`}
              aria-current={t.tab === shown ? 'page' : undefined}
            >
              {t.label}
            </a>
          ))}
        </nav>
        <button type="button" className="presenter-exit" onClick={exitPresenter}>
          Exit presenter mode <kbd aria-hidden="true">Esc</kbd>
        </button>
      </footer>
    </div>
  );
}

function PresenterBand({ workshop }: { workshop: Workshop }) {
  const { items, now } = useAgenda(workshop.id);
  const current = items ? currentSession(items) : null;
  const reading = current ? clockReading(current, now) : null;
  const label = !current ? null : current.state === 'pending' ? 'Up next' : current.state === 'paused' ? 'Now · paused' : 'Now';
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
            aria-label={current.state === 'pending' ? `${current.title}: ${sessionMinutes(current)} minutes planned` : `${current.title}: ${reading.text}`}
            data-testid="presenter-clock"
          >
            <span className="presenter-digits">{reading.digits}</span>
            <span className="presenter-clock-word">{current.state === 'pending' ? 'planned' : reading.over ? 'over' : 'left'}</span>
          </div>
        </>
      ) : (
        <div className="presenter-now">
          <span className="presenter-now-label">{items && items.length > 0 ? 'Agenda' : ''}</span>
          <span className="presenter-now-title">{items && items.length > 0 ? 'All sessions done' : ''}</span>
        </div>
      )}
    </header>
  );
}
