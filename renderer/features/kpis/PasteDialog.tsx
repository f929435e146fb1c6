// Paste measurements from a spreadsheet: two columns, date and value. A live preview lists the
// lines that will be imported and every line that will not, with its reason; nothing is stored
// until the person confirms the good lines.
import { useId, useMemo, useState } from 'react';
import { Dialog } from '../../shared/Dialog';
import { save } from '../../app/persist';
import { repos } from '../../app/repos';
import { useAppStore } from '../../app/store';
import type { Kpi, Measurement } from '../../domain/model';
import { DATE_ORDER_LABELS, parseMeasurementPaste, type DateOrder } from '../../domain/measurement-paste';
import { formatValue } from '../../domain/kpi';
import { shortDate } from '../../domain/kpi-chart';
import { BandTag } from './KpiChart';

type Props = {
  kpi: Kpi;
  measurements: Measurement[];
  dateOrder: DateOrder;
  onDateOrder: (o: DateOrder) => void;
  onClose: () => void;
};

export function PasteDialog({ kpi, measurements, dateOrder, onDateOrder, onClose }: Props) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const textId = useId();
  const existing = useMemo(() => measurements.map((m) => m.date), [measurements]);
  const parsed = useMemo(() => parseMeasurementPaste(text, { dateOrder, existingDates: existing }), [text, dateOrder, existing]);
  const good = parsed.rows.length;
  const bad = parsed.problems.length;

  const importRows = async () => {
    setBusy(true);
    const stored = await save(() => repos.kpis.importMeasurements(kpi.id, parsed.rows.map((r) => ({ date: r.date, value: r.value }))));
    setBusy(false);
    if (stored) {
      useAppStore.getState().showToast({
        tone: 'success',
        message: `Imported ${stored.length} ${stored.length === 1 ? 'measurement' : 'measurements'} into ${kpi.name}${bad ? `; ${bad} ${bad === 1 ? 'line' : 'lines'} skipped` : ''}.`,
      });
      onClose();
    }
  };

  return (
    <Dialog title={`Paste measurements: ${kpi.name}`} open onClose={onClose} wide>
      <div className="kpi-paste">
        <div className="kpi-paste-input">
          <div className="field">
            <label htmlFor={textId}>Two columns from a spreadsheet: date and value</label>
            <textarea
              id={textId}
              rows={10}
              value={text}
              onChange={(e) => setText(e.target.value.slice(0, 500_000))}
              placeholder={'2026-03-01\t18\n2026-03-08\t15,5\n2026-03-15\t12'}
              spellCheck={false}
              aria-describedby={`${textId}-hint`}
            />
            <p id={`${textId}-hint`} className="field-hint">
              Columns separated by tabs (what a spreadsheet copies), semicolons or commas; a header row is skipped. Dates as 2026-03-01, 01.03.2026 or
              3/1/2026; decimals with a point or a comma{kpi.unit ? `, in ${kpi.unit}` : ''}.
            </p>
          </div>
          <fieldset className="kpi-date-order">
            <legend>Dates written with slashes, like 3/1/2026, are</legend>
            {(Object.keys(DATE_ORDER_LABELS) as DateOrder[]).map((o) => (
              <label key={o} className="kpi-radio">
                <input type="radio" name={`${textId}-order`} value={o} checked={dateOrder === o} onChange={() => onDateOrder(o)} />
                {DATE_ORDER_LABELS[o]}
              </label>
            ))}
          </fieldset>
        </div>
        <div className="kpi-paste-preview" aria-live="polite">
          {text.trim() === '' ? (
            <p className="muted">The preview appears here as you paste.</p>
          ) : (
            <>
              <p className="kpi-paste-count" data-testid="paste-summary">
                <strong>
                  {good} {good === 1 ? 'line' : 'lines'} ready to import
                </strong>
                {bad > 0 ? (
                  <span className="kpi-paste-bad">
                    {' '}
                    · {bad} {bad === 1 ? 'line has a problem and will be skipped' : 'lines have problems and will be skipped'}
                  </span>
                ) : null}
                {parsed.header ? <span className="muted"> · header row skipped</span> : null}
              </p>
              {bad > 0 ? (
                <ul className="kpi-paste-problems" aria-label="Lines that will be skipped" data-testid="paste-problems">
                  {parsed.problems.map((p) => (
                    <li key={p.line}>
                      <span className="kpi-paste-line">Line {p.line}</span>
                      {p.text ? <code className="kpi-paste-text">{p.text.replace(/\t/g, ' ⇥ ')}</code> : null}
                      <span className="kpi-paste-reason">{p.reason}</span>
                    </li>
                  ))}
                </ul>
              ) : null}
              {good > 0 ? (
                <div className="kpi-paste-table-wrap">
                  <table className="kpi-table" aria-label="Lines that will be imported">
                    <thead>
                      <tr>
                        <th scope="col">Line</th>
                        <th scope="col">Date</th>
                        <th scope="col">Value</th>
                        <th scope="col">Band</th>
                      </tr>
                    </thead>
                    <tbody>
                      {parsed.rows.map((r) => (
                        <tr key={r.line}>
                          <td className="num muted">{r.line}</td>
                          <td>{shortDate(r.date)}</td>
                          <td className="num">{formatValue(r.value, kpi.unit)}</td>
                          <td>
                            <BandTag kpi={kpi} value={r.value} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : null}
            </>
          )}
        </div>
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="btn btn-primary" disabled={good === 0 || busy} onClick={() => void importRows()}>
          {bad > 0 && good > 0 ? `Import the ${good} good ${good === 1 ? 'line' : 'lines'}, skip ${bad}` : `Import ${good} ${good === 1 ? 'measurement' : 'measurements'}`}
        </button>
      </div>
    </Dialog>
  );
}
