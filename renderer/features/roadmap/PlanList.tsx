// Every use case in priority order: put it on the roadmap or take it off, see whether it starts
// with a readiness sprint, and reach each of its phases and gates with the keyboard.
import { STAGE_LABELS } from '../../domain/labels';
import { VERDICT_LABELS } from '../../domain/readiness';
import { READINESS_SPRINT_DAYS, planWindow } from '../../domain/roadmap';
import { formatDayRange } from '../../domain/roadmap-calendar';
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
  return (
    <section className="panel rm-list" aria-labelledby="rm-list-title">
      <h2 id="rm-list-title">Use cases by priority</h2>
      {data.useCases.length === 0 ? (
        <p className="muted">No use cases yet: capture them on the Use cases tab, then plan them here.</p>
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

function verdictText(u: RoadmapUseCase): string {
  if (u.stage === 'stopped') return u.items.length > 0 ? 'Stopped: take it off the roadmap' : 'Stopped: not planned';
  if (u.sprint) return `Readiness sprint first (${READINESS_SPRINT_DAYS} days)`;
  if (u.verdict === 'incomplete') return 'Readiness not assessed yet';
  return VERDICT_LABELS[u.verdict];
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
  const w = planWindow(u.items);
  const planned = u.items.length > 0;
  const hasSelection = u.items.some((i) => i.id === selectedId);
  return (
    <li className={`rm-uc${planned ? ' rm-uc-planned' : ''}`} data-testid="roadmap-use-case">
      <div className="rm-uc-head">
        <span className="rm-uc-rank" title={u.rank !== null ? `Rank ${u.rank}` : 'Not ranked yet'}>
          {u.rank ?? '–'}
        </span>
        <span className="rm-uc-title">{title}</span>
        {planned ? (
          <button type="button" className="btn btn-small" aria-label={`Remove ${title} from the roadmap`} onClick={() => onRemove(u.useCase.id)}>
            Remove
          </button>
        ) : (
          <button
            type="button"
            className="btn btn-small"
            aria-label={`Add ${title} to the roadmap`}
            disabled={u.stage === 'stopped'}
            onClick={() => onAdd(u.useCase.id)}
          >
            Add to roadmap
          </button>
        )}
      </div>
      <p className="rm-uc-meta muted">
        {STAGE_LABELS[u.stage]} · <span className={u.sprint ? 'rm-uc-sprint' : undefined}>{verdictText(u)}</span>
        {w ? ` · ${formatDayRange(w.planStart, w.planEnd)}, pilot from day ${w.pilotStart}` : ''}
      </p>
      {planned ? (
        <details className="rm-uc-items" open={hasSelection || undefined}>
          <summary>Phases and gates</summary>
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
                  <span className="rm-item-days">{formatDayRange(i.startDay, i.endDay)}</span>
                </button>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </li>
  );
}
