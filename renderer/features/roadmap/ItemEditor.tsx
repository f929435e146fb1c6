// Keyboard editing of the selected phase or gate: its days as numbers, with one-day steps. The
// same rules as a drag on the timeline apply (slips push the later phases when that is on; a gate
// never comes before the end of its phase).
import { useId, useState, type KeyboardEvent } from 'react';
import type { RoadmapItem } from '../../domain/model';
import { MAX_DAY, phaseKeyOf, phaseTemplate, describeRange, type DayRange } from '../../domain/roadmap';
import { dayToIso, formatPlanDate } from '../../domain/roadmap-calendar';
import type { RoadmapData } from './use-roadmap-data';
import { formatIsoDate } from '../../domain/locale-format';
import { useT } from '../../i18n/react';
import { useInterfaceMethodLanguage } from '../../i18n/method-language';
import { dayRange } from './PlanList';

type Move = (id: string, range: DayRange, opts?: { nudge?: boolean }) => boolean;

export function ItemEditor({
  item,
  data,
  startDate,
  push,
  onMove,
  onClose,
}: {
  item: RoadmapItem | null;
  data: RoadmapData;
  startDate: string;
  push: boolean;
  onMove: Move;
  onClose: () => void;
}) {
  const { t, lang } = useT();
  const language = useInterfaceMethodLanguage();
  if (!item) {
    return (
      <section className="panel rm-editor rm-editor-empty" aria-labelledby="rm-editor-title">
        <h2 id="rm-editor-title">{t('roadmap.ed.title')}</h2>
        <p className="muted">{t('roadmap.ed.emptyHint')}</p>
      </section>
    );
  }
  const uc = data.useCases.find((u) => u.useCase.id === item.useCaseId);
  const key = phaseKeyOf(item);
  const phase = item.kind === 'gate' ? data.items.find((i) => i.kind === 'phase' && i.useCaseId === item.useCaseId && phaseKeyOf(i) === key) : undefined;
  // English keeps the plan's own style ("Mon 2 Mar 2026"); other languages write the weekday and date their way.
  const date = (day: number) =>
    lang === 'en'
      ? formatPlanDate(dayToIso(startDate, day), { weekday: true })
      : `${new Intl.DateTimeFormat(lang, { weekday: 'short' }).format(new Date(`${dayToIso(startDate, day)}T12:00:00`))} ${formatIsoDate(lang, dayToIso(startDate, day))}`;
  const go = (range: DayRange, nudge = false) => onMove(item.id, range, { nudge });

  return (
    <section className="panel rm-editor" aria-labelledby="rm-editor-title" data-testid="roadmap-editor">
      <div className="rm-editor-head">
        <div>
          <h2 id="rm-editor-title">{item.label}</h2>
          <p className="rm-editor-sub muted">
            {uc ? uc.useCase.title : t('roadmap.ed.roadmap')} · {t('roadmap.ed.kind', { kind: item.kind })} ·{' '}
            {lang === 'en' ? describeRange(item) : dayRange(t, item.startDay, item.endDay)}
          </p>
        </div>
        <button type="button" className="btn btn-small btn-ghost" onClick={onClose} aria-label={t('roadmap.ed.close')}>
          ✕
        </button>
      </div>
      {item.kind === 'gate' ? (
        <>
          <DayField
            key={`g-${item.id}`}
            label={t('roadmap.ed.gateOn')}
            what={t('roadmap.ed.theGate')}
            value={item.startDay}
            date={date(item.startDay)}
            onCommit={(d, nudge) => go({ startDay: d, endDay: d }, nudge)}
          />
          {phase ? (
            <p className="field-hint">
              {t('roadmap.ed.onOrAfter', { day: phase.endDay, date: date(phase.endDay), phase: phase.label })}
            </p>
          ) : null}
        </>
      ) : (
        <>
          <DayField
            key={`s-${item.id}`}
            label={t('roadmap.ed.startsOn')}
            what={t('roadmap.ed.theStart')}
            value={item.startDay}
            date={date(item.startDay)}
            onCommit={(d, nudge) => go({ startDay: d, endDay: item.endDay }, nudge)}
          />
          <DayField
            key={`e-${item.id}`}
            label={t('roadmap.ed.endsOn')}
            what={t('roadmap.ed.theEnd')}
            value={item.endDay}
            date={date(item.endDay)}
            onCommit={(d, nudge) => go({ startDay: item.startDay, endDay: d }, nudge)}
          />
          <div className="rm-shift" role="group" aria-label={t('roadmap.ed.moveWhole')}>
            <span>{t('roadmap.ed.moveWhole')}</span>
            <button type="button" className="btn btn-small" onClick={() => go({ startDay: item.startDay - 1, endDay: item.endDay - 1 }, true)} disabled={item.startDay <= 1}>
              {t('roadmap.ed.earlier')}
            </button>
            <button type="button" className="btn btn-small" onClick={() => go({ startDay: item.startDay + 1, endDay: item.endDay + 1 }, true)}>
              {t('roadmap.ed.later')}
            </button>
          </div>
        </>
      )}
      <p className="rm-editor-rule muted">
        {push ? t('roadmap.ed.pushOn') : t('roadmap.ed.pushOff')}
      </p>
      {key ? <p className="rm-editor-purpose">{phaseTemplate(key, language).purpose}</p> : null}
    </section>
  );
}

function DayField({
  label,
  what,
  value,
  date,
  onCommit,
}: {
  label: string;
  what: string;
  value: number;
  date: string;
  onCommit: (day: number, nudge: boolean) => boolean;
}) {
  const id = useId();
  const { t } = useT();
  const [draft, setDraft] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  // A new stored value (a step, a drag, an undo) replaces what is typed; the field keeps focus.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(String(value));
    setError(null);
  }
  const commit = () => {
    if (draft.trim() === String(value)) return;
    const d = Number(draft);
    if (!Number.isInteger(d) || d < 1 || d > MAX_DAY) {
      setError(t('roadmap.ed.dayRange', { max: MAX_DAY }));
      return;
    }
    setError(null);
    if (!onCommit(d, false)) setDraft(String(value));
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape') {
      setDraft(String(value));
      setError(null);
    }
  };
  return (
    <div className="rm-dayfield">
      <label htmlFor={id}>{label}</label>
      <div className="rm-dayfield-row">
        <button type="button" className="btn btn-small" aria-label={t('roadmap.ed.earlierLabel', { what })} disabled={value <= 1} onClick={() => onCommit(value - 1, true)}>
          −
        </button>
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_DAY}
          value={draft}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-date`}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={onKey}
        />
        <button type="button" className="btn btn-small" aria-label={t('roadmap.ed.laterLabel', { what })} onClick={() => onCommit(value + 1, true)}>
          +
        </button>
        <span id={`${id}-date`} className="rm-dayfield-date">
          {date}
        </span>
      </div>
      {error ? <p className="field-error">{error}</p> : null}
    </div>
  );
}
