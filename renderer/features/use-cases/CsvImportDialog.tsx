import { useMemo, useState } from 'react';
import { repos } from '../../app/repos';
import { saveWithUndo } from '../../app/undo';
import { Dialog } from '../../shared/Dialog';
import { formatBytes, openFile } from '../../lib/desktop';
import {
  USE_CASE_CSV_FIELDS,
  buildUseCaseDrafts,
  guessMapping,
  parseCsv,
  validateMapping,
  type CsvMapping,
  type UseCaseCsvField,
} from '../../domain/csv-import';

const CSV_MAX_BYTES = 10 * 1024 * 1024;

type Loaded = { name: string; headers: string[]; rows: string[][]; rowNumbers: number[]; delimiter: string; notice: string | null };

export function CsvImportDialog({ workshopId, open, onClose }: { workshopId: string; open: boolean; onClose: () => void }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [mapping, setMapping] = useState<CsvMapping>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    setLoaded(null);
    setMapping({});
    setError(null);
    onClose();
  };

  const choose = async () => {
    setError(null);
    const file = await openFile([{ name: 'CSV spreadsheet', extensions: ['csv', 'txt'] }], CSV_MAX_BYTES);
    if (file.status === 'canceled') return;
    if (file.status === 'too-large') {
      setError(`“${file.name}” is ${formatBytes(file.size)}; a CSV import can be at most ${formatBytes(file.limit)}.`);
      return;
    }
    const parsed = parseCsv(file.data);
    if (!parsed.ok) {
      setError(`“${file.name}” could not be read: ${parsed.message}`);
      return;
    }
    setLoaded({ name: file.name, headers: parsed.headers, rows: parsed.rows, rowNumbers: parsed.rowNumbers, delimiter: parsed.delimiter, notice: parsed.notice });
    setMapping(guessMapping(parsed.headers));
  };

  const result = useMemo(() => (loaded ? buildUseCaseDrafts(loaded.rows, mapping, loaded.rowNumbers) : null), [loaded, mapping]);
  const mappingError = loaded ? validateMapping(mapping, { headers: loaded.headers, rowCount: loaded.rows.length }) : null;

  const setColumn = (col: number, field: UseCaseCsvField | '') => {
    setMapping((prev) => {
      const next: CsvMapping = { ...prev };
      // A field is taken by one column at most: choosing it here frees it elsewhere.
      if (field) for (const k of Object.keys(next)) if (next[Number(k)] === field) next[Number(k)] = null;
      next[col] = field || null;
      return next;
    });
  };

  const doImport = async () => {
    if (!result || mappingError || result.drafts.length === 0) return;
    setBusy(true);
    const added = await saveWithUndo(() => repos.useCases.addMany(workshopId, result.drafts, `Import ${result.drafts.length} use cases from ${loaded?.name ?? 'CSV'}`), {
      tone: 'success',
      message: (stored) => `Imported ${stored.length} use cases${result.problems.length ? ` (${result.problems.length} notes, see the import report)` : ''}.`,
      scope: workshopId,
    });
    setBusy(false);
    if (added) close();
  };

  const skipped = result?.problems.filter((p) => p.severity === 'error').length ?? 0;

  return (
    <Dialog title="Import use cases from a CSV file" open={open} onClose={close} wide>
      {!loaded ? (
        <div className="csv-choose">
          <p>
            Choose a CSV export of the client's spreadsheet. Comma or semicolon separated, with a header row. You will match its
            columns to Liftoff's fields before anything is imported.
          </p>
          <button type="button" className="btn btn-primary" onClick={() => void choose()}>
            Choose CSV file…
          </button>
          {error ? (
            <p role="alert" className="error-text" data-testid="csv-error">
              {error}
            </p>
          ) : null}
        </div>
      ) : (
        <div className="csv-mapping">
          <p className="muted">
            <strong>{loaded.name}</strong>: {loaded.rows.length} rows, {loaded.headers.length} columns, separated by{' '}
            {loaded.delimiter === ';' ? 'semicolons' : loaded.delimiter === '\t' ? 'tabs' : 'commas'}. Check how each column is used.
          </p>
          {loaded.notice ? <p className="field-hint">{loaded.notice}</p> : null}
          <div className="table-scroll">
            <table className="mapping-table">
              <thead>
                <tr>
                  <th scope="col">Column in the file</th>
                  <th scope="col">First values</th>
                  <th scope="col">Use as</th>
                </tr>
              </thead>
              <tbody>
                {loaded.headers.map((h, col) => (
                  <tr key={col}>
                    <th scope="row" className="mapping-header">
                      {h}
                    </th>
                    <td className="mapping-sample">
                      {loaded.rows
                        .slice(0, 3)
                        .map((r) => r[col] ?? '')
                        .filter(Boolean)
                        .join(' · ') || <em className="muted">empty</em>}
                    </td>
                    <td>
                      <label className="visually-hidden" htmlFor={`map-${col}`}>
                        Use column {h} as
                      </label>
                      <select
                        id={`map-${col}`}
                        data-testid={`map-${col}`}
                        value={mapping[col] ?? ''}
                        onChange={(e) => setColumn(col, e.target.value as UseCaseCsvField | '')}
                      >
                        <option value="">Don't import</option>
                        {USE_CASE_CSV_FIELDS.map((f) => (
                          <option key={f.field} value={f.field}>
                            {f.label}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {mappingError ? (
            <p role="alert" className="error-text">
              {mappingError}
            </p>
          ) : null}
          {result && result.problems.length > 0 ? (
            <details className="csv-problems" open>
              <summary>
                {result.problems.length} {result.problems.length === 1 ? 'row needs' : 'rows need'} attention
                {skipped ? ` (${skipped} will be skipped)` : ''}
              </summary>
              <ul data-testid="csv-problems">
                {result.problems.slice(0, 200).map((p, i) => (
                  <li key={i} className={p.severity === 'error' ? 'problem-error' : 'problem-warning'}>
                    Row {p.row}: {p.message}
                  </li>
                ))}
                {result.problems.length > 200 ? <li>… and {result.problems.length - 200} more</li> : null}
              </ul>
            </details>
          ) : null}
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={() => setLoaded(null)}>
              Choose another file
            </button>
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy || !!mappingError || !result || result.drafts.length === 0}
              onClick={() => void doImport()}
            >
              Import {result?.drafts.length ?? 0} use cases
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
