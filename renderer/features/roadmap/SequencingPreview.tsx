// What a new "pilots at once" setting would do to the plan, before it is applied: which use cases
// start earlier or later and by how much, and where the whole plan would end.
import { describeShift, sequencePortfolio } from '../../domain/roadmap';
import { dayToIso, formatPlanDate } from '../../domain/roadmap-calendar';
import type { RoadmapData } from './use-roadmap-data';

export function SequencingPreview({
  data,
  maxParallel,
  current,
  startDate,
  onApply,
  onCancel,
}: {
  data: RoadmapData;
  maxParallel: number;
  current: number;
  startDate: string;
  onApply: () => void;
  onCancel: () => void;
}) {
  const seq = sequencePortfolio(data.plans, maxParallel);
  const title = (id: string) => data.useCases.find((u) => u.useCase.id === id);
  const date = (day: number) => formatPlanDate(dayToIso(startDate, day));
  const k = `${maxParallel} pilot${maxParallel === 1 ? '' : 's'} at once`;
  return (
    <section className="panel rm-preview" aria-labelledby="rm-preview-title" data-testid="sequencing-preview">
      <h2 id="rm-preview-title">{maxParallel === current ? `Re-sequence: ${k}` : `Preview: ${k}`}</h2>
      <p className="muted">
        Pilots start in rank order, never more than {maxParallel} running on the same day; each use case's other phases move with its pilot.
        Nothing changes until you apply it.
      </p>
      <ol className="rm-preview-list">
        {seq.entries.map((e) => {
          const u = title(e.useCaseId);
          return (
            <li key={e.useCaseId} className={e.shift > 0 ? 'rm-later' : e.shift < 0 ? 'rm-earlier' : undefined} data-testid="sequencing-entry">
              <span className="rm-preview-name">
                {u?.rank ? `${u.rank}. ` : ''}
                {u?.useCase.title ?? 'Use case'}
              </span>{' '}
              <span className="rm-preview-shift">{describeShift(e.shift)}</span>
              <span className="rm-preview-days muted">
                {' '}
                · pilot from day {e.pilotStartAfter}
                {e.shift !== 0 ? ` (was ${e.pilotStartBefore})` : ''}
              </span>
            </li>
          );
        })}
      </ol>
      <p className="rm-preview-end" data-testid="sequencing-end">
        {seq.planEndAfter === seq.planEndBefore
          ? `The plan still ends on day ${seq.planEndAfter}, ${date(seq.planEndAfter)}.`
          : `The plan would end on day ${seq.planEndAfter}, ${date(seq.planEndAfter)}, instead of day ${seq.planEndBefore} (${Math.abs(seq.planEndAfter - seq.planEndBefore)} days ${seq.planEndAfter > seq.planEndBefore ? 'later' : 'earlier'}).`}
      </p>
      <div className="rm-preview-actions">
        <button type="button" className="btn btn-primary" onClick={onApply}>
          {seq.moved === 0 ? 'Apply the setting' : `Apply: move ${seq.moved === 1 ? '1 use case' : `${seq.moved} use cases`}`}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
