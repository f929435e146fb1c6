// A KPI's measurements: add one by hand (date and value checked at the field), paste many, and the
// list, newest first, each removable with undo.
import { useId, useState, type FormEvent } from 'react';
import { save } from '../../app/persist';
import { repos } from '../../app/repos';
import { saveWithUndo } from '../../app/undo';
import { SHORT_TEXT_MAX, type Kpi, type Measurement } from '../../domain/model';
import { parseDecimal, parseFlexibleDate, type DateOrder } from '../../domain/measurement-paste';
import { daysInFuture, formatValue } from '../../domain/kpi';
import { shortDate } from '../../domain/kpi-chart';
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
  const shown = showAll ? newestFirst : newestFirst.slice(0, SHOWN);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const d = parseFlexibleDate(date, { dateOrder });
    const v = parseDecimal(value);
    const next: { date?: string; value?: string } = {};
    if (!d.ok) next.date = d.error;
    if (!v.ok) next.value = v.error;
    if (d.ok && measurements.some((m) => m.date === d.value)) next.date = `There is already a measurement on ${shortDate(d.value)}; remove it first to replace it.`;
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
      message: `Removed the measurement of ${shortDate(m.date)} (${formatValue(m.value, kpi.unit)}) from ${kpi.name}.`,
      scope: kpi.workshopId,
    });
  };

  return (
    <section className="kpi-measurements" aria-labelledby={`${id}-title`}>
      <div className="kpi-subhead">
        <h6 id={`${id}-title`}>
          Measurements <span className="count">{measurements.length}</span>
        </h6>
        <button type="button" className="btn btn-small" onClick={() => setPasting(true)}>
          Paste from spreadsheet…
        </button>
      </div>
      <form className="kpi-add-measurement" onSubmit={(e) => void submit(e)} noValidate aria-label={`Add a measurement to ${kpi.name}`}>
        <div className="field">
          <label htmlFor={`${id}-date`}>Date</label>
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
          <label htmlFor={`${id}-value`}>Value{kpi.unit ? ` (${kpi.unit})` : ''}</label>
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
          <label htmlFor={`${id}-note`}>Note</label>
          <input id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} maxLength={SHORT_TEXT_MAX} placeholder="optional" />
        </div>
        <button type="submit" className="btn btn-primary kpi-add-btn">
          Add
        </button>
        {!errors.date && !errors.value ? (
          <p className="field-hint kpi-span-all">
            Dates as 2026-03-01, 01.03.2026 or {dateOrder === 'dmy' ? '1/3/2026 (day first)' : '3/1/2026 (month first)'}; the order of slashed dates is set in the paste dialog.
          </p>
        ) : null}
        {futureAsked ? (
          <div className="kpi-future-confirm kpi-span-all" role="alertdialog" aria-labelledby={`${id}-future`}>
            <p id={`${id}-future`}>
              {shortDate(futureAsked.date)} is {daysInFuture(futureAsked.date, todayIso()) === 1 ? 'tomorrow' : `${daysInFuture(futureAsked.date, todayIso())} days from today`}:
              a measurement is usually taken on a past day. Add it anyway?
            </p>
            <button type="button" className="btn btn-primary" onClick={() => void add(futureAsked.date, futureAsked.value)}>
              Add on {shortDate(futureAsked.date)}
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => {
                setFutureAsked(null);
                document.getElementById(`${id}-date`)?.focus();
              }}
            >
              Change the date
            </button>
          </div>
        ) : null}
        {errors.date ? (
          <p id={`${id}-date-msg`} className="field-error" role="alert">
            Date: {errors.date}
          </p>
        ) : null}
        {errors.value ? (
          <p id={`${id}-value-msg`} className="field-error" role="alert">
            Value: {errors.value}
          </p>
        ) : null}
      </form>
      {measurements.length === 0 ? (
        <p className="muted kpi-empty">No measurements yet. Record the baseline period first, then one value per review.</p>
      ) : (
        <table className="kpi-table kpi-measurement-table" aria-label={`Measurements of ${kpi.name}, newest first`}>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col" className="num">
                Value
              </th>
              <th scope="col">Band</th>
              <th scope="col">Note</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((m) => (
              <tr key={m.id} data-testid="measurement-row">
                <td>{shortDate(m.date)}</td>
                <td className="num">{formatValue(m.value, kpi.unit)}</td>
                <td>
                  <BandTag kpi={kpi} value={m.value} />
                </td>
                <td className="kpi-note">{m.note}</td>
                <td className="kpi-row-actions">
                  <button type="button" className="btn btn-small btn-ghost" aria-label={`Remove the measurement of ${shortDate(m.date)}`} onClick={() => void remove(m)}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {measurements.length > SHOWN ? (
        <button type="button" className="btn btn-small btn-ghost" onClick={() => setShowAll((v) => !v)}>
          {showAll ? 'Show the latest only' : `Show all ${measurements.length}`}
        </button>
      ) : null}
      {pasting ? <PasteDialog kpi={kpi} measurements={measurements} dateOrder={dateOrder} onDateOrder={onDateOrder} onClose={() => setPasting(false)} /> : null}
    </section>
  );
}
