import { useState } from 'react';
import { repos } from '../../app/repos';
import { save } from '../../app/persist';
import { useAppStore } from '../../app/store';
import { routeHref } from '../../app/router';
import type { Workshop } from '../../domain/model';
import { formatScore } from '../../domain/scoring';
import { useScoringData } from '../../shared/use-scoring-data';
import { RoundPanel } from './RoundPanel';
import { ConsensusPanel } from './ConsensusPanel';
import { RubricsDialog } from './RubricsDialog';
import { JoinScreen, OpenRoomButton, RoomPanel, useRoom } from './RoomControls';
import { guessLanguage, useHyphenate } from '../../shared/hyphenate';
import { useT } from '../../i18n/react';
import './scoring.css';

export function ScoringView({ workshop }: { workshop: Workshop }) {
  const data = useScoringData(workshop);
  const hyphenate = useHyphenate();
  // In the app's store (and kept across a reload), so presenter mode and the tabs show the use case being scored.
  const selectedId = useAppStore((s) => s.scoringSelection[workshop.id] ?? null);
  const setSelectedId = (id: string) => useAppStore.getState().selectForScoring(workshop.id, id);
  const presenter = useAppStore((s) => s.presenter);
  const room = useRoom(workshop.id);
  const [rubricsOpen, setRubricsOpen] = useState(false);
  const { t } = useT();
  const selected = data.useCases.find((u) => u.id === selectedId) ?? data.useCases[0] ?? null;

  if (data.loading) return null;
  if (data.useCases.length === 0) {
    return (
      <section className="details">
        <h1 className="section-title">{t('scoring.title')}</h1>
        <p>
          {t('scoring.noUseCases')} <a href={routeHref({ name: 'workshop', workshopId: workshop.id, tab: 'use-cases' })}>{t('scoring.captureFirst')}</a>
        </p>
      </section>
    );
  }

  return (
    <div className="scoring">
      <nav className="panel scoring-list facilitator-only" aria-label={t('scoring.listLabel')}>
        <div className="pane-header">
          <h1 className="section-title">{t('scoring.title')}</h1>
          <button type="button" className="btn btn-small" onClick={() => setRubricsOpen(true)}>
            {t('scoring.rubricsButton')}
          </button>
        </div>
        <div className="room-open-row">
          <OpenRoomButton workshop={workshop} selected={selected} />
        </div>
        <ol>
          {data.useCases.map((u) => {
            const latest = data.latestRound.get(u.id);
            const status = !latest
              ? t('scoring.statusNotScored')
              : latest.round.revealedAt
                ? t('scoring.statusRevealed', { number: latest.round.number })
                : t('scoring.statusOpen', { number: latest.round.number, done: latest.summary.participantsDone, expected: latest.summary.participantsExpected });
            const flagged = latest?.round.revealedAt && latest.summary.anyDisagreement;
            const c = data.consensusById.get(u.id);
            // While a round is open, earlier or imported scores on a mirrored screen would anchor the room.
            const masked = latest !== undefined && !latest.round.revealedAt;
            return (
              <li key={u.id}>
                <button
                  type="button"
                  className={`scoring-item ${selected?.id === u.id ? 'scoring-item-active' : ''}`}
                  aria-current={selected?.id === u.id ? 'true' : undefined}
                  onClick={() => setSelectedId(u.id)}
                >
                  <span className="scoring-item-title" lang={guessLanguage(u.title)}>
                    {hyphenate(u.title)}
                  </span>
                  <span className="scoring-item-status">
                    {status}
                    {flagged ? <span className="flag">{t('scoring.itemDisagreement')}</span> : null}
                  </span>
                  {masked ? (
                    <span className="scoring-item-scores muted">{t('scoring.itemHidden')}</span>
                  ) : (
                    <span className="scoring-item-scores" aria-label={t('scoring.itemConsensusLabel')}>
                      {formatScore(c?.impact.value)} · {formatScore(c?.feasibility.value)} · {formatScore(c?.readiness.value)}
                    </span>
                  )}
                  {room?.useCaseIds.includes(u.id) ? <span className="scoring-item-phones">{t('scoring.itemOnPhones')}</span> : null}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>
      {presenter && room?.showJoin ? (
        <div className="scoring-main">
          <RoomToggle showJoin />
          <JoinScreen room={room} participants={data.participants} />
        </div>
      ) : selected ? (
        <div className="scoring-main">
          {presenter && room ? <RoomToggle showJoin={false} /> : null}
          <RoomPanel workshop={workshop} useCases={data.useCases} participants={data.participants} />
          <RoundPanel
            key={selected.id}
            workshop={workshop}
            useCase={selected}
            participants={data.participants}
            rounds={data.rounds.filter((r) => r.useCaseId === selected.id).sort((a, b) => a.number - b.number)}
            scores={data.scores}
          />
          {data.latestRound.get(selected.id)?.round.revealedAt === null ? (
            // Earlier or imported scores on the screen while the room scores would anchor it.
            <section className="panel consensus consensus-hidden" aria-label={t('scoring.consensus')}>
              <p className="muted">{t('scoring.consensusHidden')}</p>
            </section>
          ) : (
            <ConsensusPanel useCase={selected} consensus={data.consensusById.get(selected.id)} />
          )}
        </div>
      ) : null}
      <RubricsDialog workshop={workshop} open={rubricsOpen} onClose={() => setRubricsOpen(false)} />
    </div>
  );
}

/** In presenter mode the facilitator switches between the join screen and the round without leaving it. */
function RoomToggle({ showJoin }: { showJoin: boolean }) {
  const { t } = useT();
  return (
    <button type="button" className="presenter-room-toggle" onClick={() => useAppStore.getState().patchRoom({ showJoin: !showJoin })}>
      {t(showJoin ? 'scoring.showRound' : 'scoring.showJoin')}
    </button>
  );
}

/** Starts the first (or next) round for a use case. */
export async function startRound(useCaseId: string): Promise<void> {
  await save(() => repos.scoring.startRound(useCaseId));
}
