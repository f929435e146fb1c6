// Paste measurements from a spreadsheet: two columns, date and value. A live preview lists the
// lines that will be imported and every line that will not, with its reason; nothing is stored
// until the person confirms the good lines.
import { useId, useMemo, useState } from 'react';
import { Dialog } from '../../shared/Dialog';
import { save } from '../../app/persist';
import { repos } from '../../app/repos';
import { useAppStore } from '../../app/store';
import type { Kpi, Measurement } from '../../domain/model';
import { parseMeasurementPaste, type DateOrder } from '../../domain/measurement-paste';
import { useT } from '../../i18n/react';
import { readerDate } from '../../shared/stage-words';
import { messageText } from '../../shared/message-text';

const DATE_ORDERS: readonly DateOrder[] = ['dmy', 'mdy'];
import { formatValueIn } from '../../domain/kpi';
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
  const { t, lang } = useT();
  const existing = useMemo(() => measurements.map((m) => m.date), [measurements]);
  const parsed = useMemo(() => parseMeasurementPaste(text, { dateOrder, existingDates: existing, lang }), [text, dateOrder, existing, lang]);
  const good = parsed.rows.length;
  const bad = parsed.problems.length;

  const importRows = async () => {
    setBusy(true);
    const stored = await save(() => repos.kpis.importMeasurements(kpi.id, parsed.rows.map((r) => ({ date: r.date, value: r.value }))));
    setBusy(false);
    if (stored) {
      useAppStore.getState().showToast({
        tone: 'success',
        message: t('kpis.p.imported', { count: stored.length, name: kpi.name, bad }),
      });
      onClose();
    }
  };

  return (
    <Dialog title={t('kpis.p.title', { name: kpi.name })} open onClose={onClose} wide>
      <div className="kpi-paste">
        <div className="kpi-paste-input">
          <div className="field">
            <label htmlFor={textId}>{t('kpis.p.label')}</label>
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
              {t('kpis.p.hint', { unit: kpi.unit || 'none' })}
            </p>
          </div>
          <fieldset className="kpi-date-order">
            <legend>{t('kpis.p.slashes')}</legend>
            {DATE_ORDERS.map((o) => (
              <label key={o} className="kpi-radio">
                <input type="radio" name={`${textId}-order`} value={o} checked={dateOrder === o} onChange={() => onDateOrder(o)} />
                {t(o === 'dmy' ? 'kpis.p.order.dmy' : 'kpis.p.order.mdy')}
              </label>
            ))}
          </fieldset>
        </div>
        <div className="kpi-paste-preview" aria-live="polite">
          {text.trim() === '' ? (
            <p className="muted">{t('kpis.p.previewHint')}</p>
          ) : (
            <>
              <p className="kpi-paste-count" data-testid="paste-summary">
                <strong>{t('kpis.p.ready', { count: good })}</strong>
                {bad > 0 ? (
                  <span className="kpi-paste-bad">{t('kpis.p.bad', { count: bad })}</span>
                ) : null}
                {parsed.header ? <span className="muted">{t('kpis.p.header')}</span> : null}
              </p>
              {bad > 0 ? (
                <ul className="kpi-paste-problems" aria-label={t('kpis.p.skippedLabel')} data-testid="paste-problems">
                  {parsed.problems.map((p) => (
                    <li key={p.line}>
                      <span className="kpi-paste-line">{t('kpis.p.line', { line: p.line })}</span>
                      {p.text ? <code className="kpi-paste-text">{p.text.replace(/\t/g, ' ⇥ ')}</code> : null}
                      <span className="kpi-paste-reason">{messageText(t, lang, p.reasonText)}</span>
                    </li>
                  ))}
                </ul>
              ) : null}
              {good > 0 ? (
                <div className="kpi-paste-table-wrap">
                  <table className="kpi-table" aria-label={t('kpis.p.importedLabel')}>
                    <thead>
                      <tr>
                        <th scope="col">{t('kpis.p.lineCol')}</th>
                        <th scope="col">{t('kpis.m.date')}</th>
                        <th scope="col">{t('kpis.m.value')}</th>
                        <th scope="col">{t('kpis.m.band')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {parsed.rows.map((r) => (
                        <tr key={r.line}>
                          <td className="num muted">{r.line}</td>
                          <td>{readerDate(lang, r.date)}</td>
                          <td className="num">{formatValueIn(lang, r.value, kpi.unit)}</td>
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
          {t('kpis.p.cancel')}
        </button>
        <button type="button" className="btn btn-primary" disabled={good === 0 || busy} onClick={() => void importRows()}>
          {bad > 0 && good > 0 ? t('kpis.p.importGood', { good, bad }) : t('kpis.p.import', { count: good })}
        </button>
      </div>
    </Dialog>
  );
}
