// What a new "pilots at once" setting would do to the plan, before it is applied: which use cases
// start earlier or later and by how much, and where the whole plan would end.
import { sequencePortfolio } from '../../domain/roadmap';
import { formatIsoDate } from '../../domain/locale-format';
import { useT } from '../../i18n/react';
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
  const { t, lang } = useT();
  // English keeps the plan's day-month style; other languages write dates their way.
  const date = (day: number) => (lang === 'en' ? formatPlanDate(dayToIso(startDate, day)) : formatIsoDate(lang, dayToIso(startDate, day)));
  const k = t('roadmap.seq.k', { k: maxParallel });
  return (
    <section className="panel rm-preview" aria-labelledby="rm-preview-title" data-testid="sequencing-preview">
      <h2 id="rm-preview-title">{maxParallel === current ? t('roadmap.seq.resequence', { k }) : t('roadmap.seq.preview', { k })}</h2>
      <p className="muted">{t('roadmap.seq.intro', { k: maxParallel })}</p>
      <ol className="rm-preview-list">
        {seq.entries.map((e) => {
          const u = title(e.useCaseId);
          return (
            <li key={e.useCaseId} className={e.shift > 0 ? 'rm-later' : e.shift < 0 ? 'rm-earlier' : undefined} data-testid="sequencing-entry">
              <span className="rm-preview-name">
                {u?.rank ? `${u.rank}. ` : ''}
                {u?.useCase.title ?? t('roadmap.seq.useCase')}
              </span>{' '}
              <span className="rm-preview-shift">{t('roadmap.seq.shift', { shift: e.shift === 0 ? 'none' : e.shift > 0 ? 'later' : 'earlier', days: Math.abs(e.shift) })}</span>
              <span className="rm-preview-days muted">
                {t('roadmap.seq.pilotFrom', { day: e.pilotStartAfter })}
                {e.shift !== 0 ? t('roadmap.seq.was', { day: e.pilotStartBefore }) : ''}
              </span>
            </li>
          );
        })}
      </ol>
      <p className="rm-preview-end" data-testid="sequencing-end">
        {seq.planEndAfter === seq.planEndBefore
          ? t('roadmap.seq.stillEnds', { day: seq.planEndAfter, date: date(seq.planEndAfter) })
          : t('roadmap.seq.wouldEnd', {
              day: seq.planEndAfter,
              date: date(seq.planEndAfter),
              before: seq.planEndBefore,
              diff: Math.abs(seq.planEndAfter - seq.planEndBefore),
              later: seq.planEndAfter > seq.planEndBefore ? 'yes' : 'no',
            })}
      </p>
      <div className="rm-preview-actions">
        <button type="button" className="btn btn-primary" onClick={onApply}>
          {seq.moved === 0 ? t('roadmap.seq.apply') : t('roadmap.seq.applyMove', { count: seq.moved })}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('roadmap.seq.cancel')}
        </button>
      </div>
    </section>
  );
}
