import type { ReactElement } from 'react';
import type { WorkshopTab } from '../../app/router';
import type { AgendaItem, Workshop } from '../../domain/model';
import { currentSession } from '../../domain/agenda';
import { ScoringView } from '../scoring/ScoringView';
import { PortfolioView } from '../portfolio/PortfolioView';
import { MatrixView } from '../matrix/MatrixView';
import { useAgenda } from '../agenda/use-agenda';
import { clockReading, sessionMinutes } from '../agenda/agenda-summary';
import { hasPresenterContent, renderPresenterContent } from './presenter-content';
import { useT } from '../../i18n/react';

/*
 * What the room sees in presenter mode, per tab.
 *
 * THE PRESENTER CONTRACT for the other screens (scoring, ranking, matrix, and any later one):
 *  1. Unless the feature registers its own view (2.), its normal screen component is rendered as
 *     is inside `<div class="presenter-screen">`, under the `.presenter` root. While presenting,
 *     <html> carries the class `presenter-mode`, which raises the root font size (about 20 px at
 *     1280 wide, 28 px at 1920), so everything sized in rem grows; size type in rem, not px.
 *  2. Or register a dedicated view, once, at module level of the feature:
 *     `registerPresenterContent('scoring', ScoringPresenter)` (./presenter-content.ts); it gets
 *     `{ workshop }` and replaces the normal screen for that tab.
 *  3. Mark with the class `facilitator-only` everything the room must not see or the facilitator
 *     alone uses: edit fields, delete buttons, capture boxes, import/export, scores not yet
 *     revealed. `.presenter .facilitator-only` is display: none.
 *  4. Mark with `presenter-only` what exists for the projector alone (a large legend, a caption);
 *     it is display: none outside presenter mode.
 *  5. The presenter layout is white with near-black text (contrast 19:1). Under `.presenter` the
 *     design tokens (--text-muted, --accent, --danger, --success, --warning, --border...) are
 *     redefined so text in those colours keeps 7:1 or more on white: use the tokens, not hex values.
 *  6. Fit 1280×720 without horizontal scrolling: the body scrolls vertically if it must, the band
 *     with the agenda clock stays on top.
 * Every other tab shows the agenda, large, with the current session and its countdown.
 */

const SCREEN_TABS: readonly WorkshopTab[] = ['scoring', 'portfolio', 'matrix'];

/** The tab whose content presenter mode actually shows (other tabs fall back to the agenda). */
export function presentedTab(tab: WorkshopTab): WorkshopTab {
  return hasPresenterContent(tab) || SCREEN_TABS.includes(tab) ? tab : 'agenda';
}

function normalScreen(tab: WorkshopTab, workshop: Workshop): ReactElement | null {
  switch (tab) {
    case 'scoring':
      return <ScoringView workshop={workshop} />;
    case 'portfolio':
      return <PortfolioView workshop={workshop} />;
    case 'matrix':
      return <MatrixView workshop={workshop} />;
    default:
      return null;
  }
}

export function PresenterView({ workshop, tab }: { workshop: Workshop; tab: WorkshopTab }) {
  const content = renderPresenterContent(tab, { workshop }) ?? normalScreen(tab, workshop);
  if (!content) return <PresenterAgenda workshopId={workshop.id} />;
  return (
    <div className="presenter-screen" data-tab={tab}>
      {content}
    </div>
  );
}

function PresenterAgenda({ workshopId }: { workshopId: string }) {
  const { items, now } = useAgenda(workshopId);
  const { t } = useT();
  if (items === undefined) return null;
  if (items.length === 0) {
    return (
      <section className="presenter-agenda" aria-labelledby="presenter-agenda-title">
        <h1 id="presenter-agenda-title" className="presenter-heading">
          {t('presenter.agenda')}
        </h1>
        <p className="presenter-empty">{t('presenter.noAgenda')}</p>
      </section>
    );
  }
  const current = currentSession(items);
  return (
    <section className="presenter-agenda" aria-labelledby="presenter-agenda-title">
      <h1 id="presenter-agenda-title" className="presenter-heading">
        {t('presenter.agenda')}
      </h1>
      <ol className="presenter-sessions">
        {items.map((item, index) => (
          <PresenterSession key={item.id} item={item} position={index + 1} now={now} isCurrent={item.id === current?.id} />
        ))}
      </ol>
    </section>
  );
}

function PresenterSession({ item, position, now, isCurrent }: { item: AgendaItem; position: number; now: number; isCurrent: boolean }) {
  const reading = clockReading(item, now);
  const { t } = useT();
  const showClock = item.state === 'running' || item.state === 'paused';
  return (
    <li
      className={`presenter-session presenter-session-${item.state} ${isCurrent ? 'presenter-session-current' : ''}`}
      aria-current={isCurrent ? 'step' : undefined}
      data-testid="presenter-session"
    >
      <span className="presenter-session-pos" aria-hidden="true">
        {position}
      </span>
      <span className="presenter-session-title">{item.title}</span>
      <span className="presenter-session-minutes">
        {t('presenter.minutes', { minutes: sessionMinutes(item) })}
        {item.extraMinutes > 0 ? <span className="presenter-session-extra"> (+{item.extraMinutes})</span> : null}
      </span>
      <span className="presenter-session-status">
        {showClock ? (
          <span className={`presenter-session-clock ${reading.over ? 'presenter-over' : ''}`}>
            {reading.digits} {t(reading.over ? 'presenter.over' : 'presenter.left')}
            {item.state === 'paused' ? <span className="presenter-session-paused"> · {t('presenter.paused')}</span> : null}
          </span>
        ) : item.state === 'done' ? (
          <span className="presenter-session-done-mark">✓ {t('presenter.done')}</span>
        ) : isCurrent ? (
          <span className="presenter-session-next">{t('presenter.upNext')}</span>
        ) : null}
      </span>
    </li>
  );
}
