import { useMemo, useState } from 'react';
import { repos } from '../../app/repos';
import { saveWithUndo } from '../../app/undo';
import { Dialog } from '../../shared/Dialog';
import { useT } from '../../i18n/react';
import { SourceOptions } from '../../shared/SourceOptions';
import { messageText } from '../../shared/message-text';
import { chooseSpreadsheet, delimiterName, readTable, type SourceChoice, type SpreadsheetSource } from '../../shared/spreadsheet-source';
import {
  USE_CASE_CSV_FIELDS,
  buildUseCaseDrafts,
  guessMapping,
  validateMappingMessage,
  fieldLabelMessage,
  type CsvMapping,
  type UseCaseCsvField,
} from '../../domain/csv-import';

type Loaded = { source: SpreadsheetSource; choice: SourceChoice };

export function CsvImportDialog({ workshopId, open, onClose }: { workshopId: string; open: boolean; onClose: () => void }) {
  const { t, lang } = useT();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  // The person's mapping, for the headers it was made for: another encoding or sheet can change
  // the headers ("Verantwortlich" read wrongly, then rightly), and then the guess starts afresh.
  const [chosen, setChosen] = useState<{ headersKey: string; mapping: CsvMapping } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    setLoaded(null);
    setChosen(null);
    setError(null);
    onClose();
  };

  const choose = async () => {
    setError(null);
    const outcome = await chooseSpreadsheet('useCases');
    if (outcome.status === 'canceled') return;
    if (outcome.status === 'error') return setError(messageText(t, lang, outcome.text));
    setChosen(null);
    setLoaded({ source: outcome.source, choice: outcome.choice });
  };

  const read = useMemo(() => (loaded ? readTable(loaded.source, loaded.choice) : null), [loaded]);
  const table = read?.table.ok ? read.table : null;
  const headersKey = table ? table.headers.join('\u0000') : '';
  const guessed = useMemo(() => (table ? guessMapping(table.headers) : {}), [table]);
  const mapping = chosen && chosen.headersKey === headersKey ? chosen.mapping : guessed;
  const mappingError = table ? validateMappingMessage(mapping, { headers: table.headers, rowCount: table.rows.length }) : null;
  // Row problems only for a mapping that can be imported: without a title column every row
  // would be "skipped", which says nothing about the file.
  const result = useMemo(() => (table && !mappingError ? buildUseCaseDrafts(table.rows, mapping, table.rowNumbers) : null), [table, mapping, mappingError]);

  const setColumn = (col: number, field: UseCaseCsvField | '') => {
    const next: CsvMapping = { ...mapping };
    // A field is taken by one column at most: choosing it here frees it elsewhere.
    if (field) for (const k of Object.keys(next)) if (next[Number(k)] === field) next[Number(k)] = null;
    next[col] = field || null;
    setChosen({ headersKey, mapping: next });
  };

  const doImport = async () => {
    if (!result || mappingError || result.drafts.length === 0 || !loaded) return;
    setBusy(true);
    const added = await saveWithUndo(() => repos.useCases.addMany(workshopId, result.drafts, t('usecases.import.undoLabel', { count: result.drafts.length, file: loaded.source.name })), {
      tone: 'success',
      message: (stored) => t('usecases.import.done', { count: stored.length, notes: result.problems.length }),
      scope: workshopId,
    });
    setBusy(false);
    if (added) close();
  };

  const skipped = result?.problems.filter((p) => p.severity === 'error').length ?? 0;
  const separated = delimiterName(read?.delimiter ?? null);

  return (
    <Dialog title={t('usecases.import.title')} open={open} onClose={close} wide>
      {!loaded || !read ? (
        <div className="csv-choose">
          <p>{t('usecases.import.intro')}</p>
          <button type="button" className="btn btn-primary" onClick={() => void choose()}>
            {t('usecases.import.choose')}
          </button>
          {error ? (
            <p role="alert" className="error-text" data-testid="csv-error">
              {error}
            </p>
          ) : null}
        </div>
      ) : (
        <div className="csv-mapping">
          <p className="muted csv-summary">
            <strong>{loaded.source.name}</strong>
            {table ? t('usecases.import.summary', { rows: table.rows.length, columns: table.headers.length, separated: separated ? t(`usecases.import.sep.${separated}`) : 'none' }) : null}
          </p>
          <SourceOptions source={loaded.source} choice={loaded.choice} onChoice={(choice) => setLoaded({ ...loaded, choice })} read={read} />
          {!read.table.ok ? (
            <p role="alert" className="error-text" data-testid="csv-error">
              {t(loaded.source.kind === 'workbook' ? 'usecases.import.sheetError' : 'usecases.import.encodingError', { message: messageText(t, lang, read.table.text) })}
            </p>
          ) : null}
          {table?.noticeText ? <p className="field-hint">{messageText(t, lang, table.noticeText)}</p> : null}
          {table ? (
            <ul className="mapping-list" aria-label={t('usecases.import.columnsLabel')}>
              {table.headers.map((h, col) => {
                const sample = table.rows
                  .slice(0, 3)
                  .map((r) => r[col] ?? '')
                  .filter(Boolean)
                  .join(' · ');
                return (
                  <li key={col} className="mapping-item">
                    <label className="mapping-header" htmlFor={`map-${col}`} title={h}>
                      {h}
                    </label>
                    <select
                      id={`map-${col}`}
                      data-testid={`map-${col}`}
                      value={mapping[col] ?? ''}
                      onChange={(e) => setColumn(col, e.target.value as UseCaseCsvField | '')}
                    >
                      <option value="">{t('usecases.import.dontImport')}</option>
                      {USE_CASE_CSV_FIELDS.map((f) => (
                        <option key={f.field} value={f.field}>
                          {messageText(t, lang, fieldLabelMessage(f.field))}
                        </option>
                      ))}
                    </select>
                    <span className="mapping-sample" title={sample}>
                      {sample || <em>{t('usecases.import.empty')}</em>}
                    </span>
                  </li>
                );
              })}
            </ul>
          ) : null}
          {mappingError && table ? (
            <p role="alert" className="error-text">
              {messageText(t, lang, mappingError)}
            </p>
          ) : null}
          {result && result.problems.length > 0 ? (
            <details className="csv-problems" open>
              <summary>
                {t('usecases.import.problems', { count: result.problems.length, skipped })}
              </summary>
              <ul data-testid="csv-problems">
                {result.problems.slice(0, 200).map((p, i) => (
                  <li key={i} className={p.severity === 'error' ? 'problem-error' : 'problem-warning'}>
                    {t('usecases.import.row', { row: p.row, message: messageText(t, lang, p.text) })}
                  </li>
                ))}
                {result.problems.length > 200 ? <li>{t('usecases.import.more', { count: result.problems.length - 200 })}</li> : null}
              </ul>
            </details>
          ) : null}
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={() => setLoaded(null)}>
              {t('usecases.import.another')}
            </button>
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy || !!mappingError || !result || result.drafts.length === 0}
              onClick={() => void doImport()}
            >
              {t('usecases.import.button', { count: result?.drafts.length ?? 0 })}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
