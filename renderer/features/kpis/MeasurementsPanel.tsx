// A KPI's measurements: add one by hand (date and value checked at the field), paste many, and the
// list, newest first, each removable with undo.
import { useId, useState, type FormEvent } from 'react';
import { save } from '../../app/persist';
import { repos } from '../../app/repos';
import { saveWithUndo } from '../../app/undo';
import { SHORT_TEXT_MAX, type Kpi, type Measurement } from '../../domain/model';
import { parseDecimal, parseFlexibleDate, type DateOrder } from '../../domain/measurement-paste';
import { daysInFuture, formatValueIn } from '../../domain/kpi';
import { useT } from '../../i18n/react';
import { readerDate } from '../../shared/stage-words';
import { messageText } from '../../shared/message-text';
import { todayIso } from '../../domain/dates';
import { BandTag } from './KpiChart';
import { PasteDialog } from './PasteDialog';

const SHOWN = 6;

type Props = { kpi: Kpi; measurements: Measurement[]; dateOrder: DateOrder; onDateOrder: (o: DateOrder) => void };

export function MeasurementsPanel({ kpi, measurements, dateOrder, onDateOrder }: Props) {
  const id = useId();
  const [date, setDate] = useState(() => todayIso());
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ date?: string; value?: string }>({});
  const [pasting, setPasting] = useState(false);
  const [showAll, setShowAll] = useState(false);
  // A date in the future is stored only once the person has confirmed it.
  const [futureAsked, setFutureAsked] = useState<{ date: string; value: number } | null>(null);
  const newestFirst = [...measurements].reverse();
  const { t, lang } = useT();
  const shortDate = (iso: string) => readerDate(lang, iso);
  const shown = showAll ? newestFirst : newestFirst.slice(0, SHOWN);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const d = parseFlexibleDate(date, { dateOrder });
    const v = parseDecimal(value, lang);
    const next: { date?: string; value?: string } = {};
    if (!d.ok) next.date = messageText(t, lang, d.errorText);
    if (!v.ok) next.value = messageText(t, lang, v.errorText);
    if (d.ok && measurements.some((m) => m.date === d.value)) next.date = t('kpis.m.duplicate', { date: shortDate(d.value) });
    setErrors(next);
    if (next.date || next.value || !d.ok || !v.ok) return;
    if (daysInFuture(d.value, todayIso()) > 0) {
      setFutureAsked({ date: d.value, value: v.value });
      return;
    }
    await add(d.value, v.value);
  };

  const add = async (dateIso: string, v: number) => {
    setFutureAsked(null);
    const stored = await save(() => repos.kpis.addMeasurement(kpi.id, { date: dateIso, value: v, note }));
    if (stored) {
      setValue('');
      setNote('');
      document.getElementById(`${id}-value`)?.focus();
    }
  };

  const remove = async (m: Measurement) => {
    await saveWithUndo(() => repos.kpis.removeMeasurement(m.id), {
      message: t('kpis.m.removed', { date: shortDate(m.date), value: formatValueIn(lang, m.value, kpi.unit), name: kpi.name }),
      scope: kpi.workshopId,
    });
  };

  return (
    <section className="kpi-measurements" aria-labelledby={`${id}-title`}>
      <div className="kpi-subhead">
        <h6 id={`${id}-title`}>
          {t('kpis.m.title')} <span className="count">{measurements.length}</span>
        </h6>
        <button type="button" className="btn btn-small" onClick={() => setPasting(true)}>
          {t('kpis.m.paste')}
        </button>
      </div>
      <form className="kpi-add-measurement" onSubmit={(e) => void submit(e)} noValidate aria-label={t('kpis.m.addTo', { name: kpi.name })}>
        <div className="field">
          <label htmlFor={`${id}-date`}>{t('kpis.m.date')}</label>
          <input
            id={`${id}-date`}
            value={date}
            onChange={(e) => {
              setDate(e.target.value);
              setErrors((x) => ({ ...x, date: undefined }));
              setFutureAsked(null);
            }}
            placeholder="2026-03-01"
            aria-invalid={errors.date ? true : undefined}
            aria-describedby={errors.date ? `${id}-date-msg` : undefined}
            maxLength={40}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-value`}>{kpi.unit ? t('kpis.m.valueUnit', { unit: kpi.unit }) : t('kpis.m.value')}</label>
          <input
            id={`${id}-value`}
            value={value}
            inputMode="decimal"
            onChange={(e) => {
              setValue(e.target.value);
              setErrors((x) => ({ ...x, value: undefined }));
              setFutureAsked(null);
            }}
            aria-invalid={errors.value ? true : undefined}
            aria-describedby={errors.value ? `${id}-value-msg` : undefined}
            maxLength={40}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('kpis.m.note')}</label>
          <input id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} maxLength={SHORT_TEXT_MAX} placeholder={t('kpis.m.optional')} />
        </div>
        <button type="submit" className="btn btn-primary kpi-add-btn">
          {t('kpis.m.add')}
        </button>
        {!errors.date && !errors.value ? (
          <p className="field-hint kpi-span-all">
            {t('kpis.m.dateHint', { order: dateOrder })}
          </p>
        ) : null}
        {futureAsked ? (
          <div className="kpi-future-confirm kpi-span-all" role="alertdialog" aria-labelledby={`${id}-future`}>
            <p id={`${id}-future`}>
              {t('kpis.m.future', { date: shortDate(futureAsked.date), days: daysInFuture(futureAsked.date, todayIso()) })}
            </p>
            <button type="button" className="btn btn-primary" onClick={() => void add(futureAsked.date, futureAsked.value)}>
              {t('kpis.m.addOn', { date: shortDate(futureAsked.date) })}
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => {
                setFutureAsked(null);
                document.getElementById(`${id}-date`)?.focus();
              }}
            >
              {t('kpis.m.changeDate')}
            </button>
          </div>
        ) : null}
        {errors.date ? (
          <p id={`${id}-date-msg`} className="field-error" role="alert">
            {t('kpis.m.dateError', { error: errors.date })}
          </p>
        ) : null}
        {errors.value ? (
          <p id={`${id}-value-msg`} className="field-error" role="alert">
            {t('kpis.m.valueError', { error: errors.value })}
          </p>
        ) : null}
      </form>
      {measurements.length === 0 ? (
        <p className="muted kpi-empty">{t('kpis.m.none')}</p>
      ) : (
        <table className="kpi-table kpi-measurement-table" aria-label={t('kpis.m.tableLabel', { name: kpi.name })}>
          <thead>
            <tr>
              <th scope="col">{t('kpis.m.date')}</th>
              <th scope="col" className="num">
                {t('kpis.m.value')}
              </th>
              <th scope="col">{t('kpis.m.band')}</th>
              <th scope="col">{t('kpis.m.note')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('kpis.m.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((m) => (
              <tr key={m.id} data-testid="measurement-row">
                <td>{shortDate(m.date)}</td>
                <td className="num">{formatValueIn(lang, m.value, kpi.unit)}</td>
                <td>
                  <BandTag kpi={kpi} value={m.value} />
                </td>
                <td className="kpi-note">{m.note}</td>
                <td className="kpi-row-actions">
                  <button type="button" className="btn btn-small btn-ghost" aria-label={t('kpis.m.removeLabel', { date: shortDate(m.date) })} onClick={() => void remove(m)}>
                    {t('kpis.m.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {measurements.length > SHOWN ? (
        <button type="button" className="btn btn-small btn-ghost" onClick={() => setShowAll((v) => !v)}>
          {showAll ? t('kpis.m.latestOnly') : t('kpis.m.showAll', { count: measurements.length })}
        </button>
      ) : null}
      {pasting ? <PasteDialog kpi={kpi} measurements={measurements} dateOrder={dateOrder} onDateOrder={onDateOrder} onClose={() => setPasting(false)} /> : null}
    </section>
  );
}
