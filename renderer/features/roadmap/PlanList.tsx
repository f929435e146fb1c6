// Every use case in priority order: put it on the roadmap or take it off, see whether it starts
// with a readiness sprint, and reach each of its phases and gates with the keyboard.
import { READINESS_SPRINT_DAYS, planWindow } from '../../domain/roadmap';
import { useT } from '../../i18n/react';
import { useHyphenate } from '../../shared/hyphenate';
import { stageLabel, verdictLabel } from '../../shared/stage-words';
import type { RoadmapData, RoadmapUseCase } from './use-roadmap-data';

export function PlanList({
  data,
  selectedId,
  onSelect,
  onAdd,
  onRemove,
}: {
  data: RoadmapData;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onAdd: (useCaseId: string) => void;
  onRemove: (useCaseId: string) => void;
}) {
  const { t } = useT();
  return (
    <section className="panel rm-list" aria-labelledby="rm-list-title">
      <h2 id="rm-list-title">{t('roadmap.byPriority')}</h2>
      {data.useCases.length === 0 ? (
        <p className="muted">{t('roadmap.noUseCases')}</p>
      ) : (
        <ol className="rm-uc-list">
          {data.useCases.map((u) => (
            <UseCaseRow key={u.useCase.id} u={u} selectedId={selectedId} onSelect={onSelect} onAdd={onAdd} onRemove={onRemove} />
          ))}
        </ol>
      )}
    </section>
  );
}

type T = ReturnType<typeof useT>['t'];

/** "Day 3–40" in the reader's language. */
export const dayRange = (t: T, from: number, to: number): string => t('roadmap.dayRange', { start: from === to ? 'same' : 'range', from, to });

function verdictText(t: T, u: RoadmapUseCase): string {
  if (u.stage === 'stopped') return u.items.length > 0 ? t('roadmap.stoppedRemove') : t('roadmap.stoppedNotPlanned');
  if (u.sprint) return t('roadmap.sprintFirst', { days: READINESS_SPRINT_DAYS });
  if (u.verdict === 'incomplete') return t('roadmap.notAssessed');
  return verdictLabel(t, u.verdict);
}

function UseCaseRow({
  u,
  selectedId,
  onSelect,
  onAdd,
  onRemove,
}: {
  u: RoadmapUseCase;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onAdd: (useCaseId: string) => void;
  onRemove: (useCaseId: string) => void;
}) {
  const title = u.useCase.title;
  const { t } = useT();
  const hyphenate = useHyphenate();
  const w = planWindow(u.items);
  const planned = u.items.length > 0;
  const hasSelection = u.items.some((i) => i.id === selectedId);
  return (
    <li className={`rm-uc${planned ? ' rm-uc-planned' : ''}`} data-testid="roadmap-use-case">
      <div className="rm-uc-head">
        <span className="rm-uc-rank" title={u.rank !== null ? t('roadmap.rank', { rank: u.rank }) : t('roadmap.notRanked')}>
          {u.rank ?? '–'}
        </span>
        <span className="rm-uc-title">{hyphenate(title)}</span>
        {planned ? (
          <button type="button" className="btn btn-small" aria-label={t('roadmap.removeLabel', { title })} onClick={() => onRemove(u.useCase.id)}>
            {t('roadmap.remove')}
          </button>
        ) : (
          <button
            type="button"
            className="btn btn-small"
            aria-label={t('roadmap.addLabel', { title })}
            disabled={u.stage === 'stopped'}
            onClick={() => onAdd(u.useCase.id)}
          >
            {t('roadmap.add')}
          </button>
        )}
      </div>
      <p className="rm-uc-meta muted">
        {stageLabel(t, u.stage)} · <span className={u.sprint ? 'rm-uc-sprint' : undefined}>{verdictText(t, u)}</span>
        {w ? t('roadmap.pilotFrom', { range: dayRange(t, w.planStart, w.planEnd), day: w.pilotStart }) : ''}
      </p>
      {planned ? (
        <details className="rm-uc-items" open={hasSelection || undefined}>
          <summary>{t('roadmap.phasesGates')}</summary>
          <ul>
            {u.items.map((i) => (
              <li key={i.id}>
                <button
                  type="button"
                  className={`rm-item-btn${i.id === selectedId ? ' rm-item-btn-selected' : ''}`}
                  aria-pressed={i.id === selectedId}
                  onClick={() => onSelect(i.id)}
                >
                  <span className={i.kind === 'gate' ? 'rm-item-gate' : 'rm-item-phase'}>{i.kind === 'gate' ? '◆ ' : ''}{i.label}</span>
                  <span className="rm-item-days">{dayRange(t, i.startDay, i.endDay)}</span>
                </button>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </li>
  );
}
