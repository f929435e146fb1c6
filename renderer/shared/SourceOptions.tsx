import { useId } from 'react';
import { formatNumber, SHEET_LOCALES, sheetLocaleById, serialFromUtc } from '../domain/number-format';
import { ENCODING_LABELS, TEXT_ENCODINGS, isTextEncoding } from '../domain/text-decoding';
import { previewLines, type ReadTable, type SourceChoice, type SpreadsheetSource, type WorkbookSource } from './spreadsheet-source';

type Props = {
  source: SpreadsheetSource;
  choice: SourceChoice;
  onChoice: (choice: SourceChoice) => void;
  read: ReadTable;
};

/**
 * How the file was read, and the person's say in it. A CSV: the text encoding (guessed,
 * changeable), the first lines as decoded, and a warning when characters could not be decoded.
 * A workbook: which sheet.
 */
export function SourceOptions({ source, choice, onChoice, read }: Props) {
  const id = useId();
  if (source.kind === 'workbook') {
    return (
      <div className="source-options">
        <div className="source-encoding">
          <label htmlFor={`${id}-sheet`}>Sheet</label>
          <select id={`${id}-sheet`} data-testid="sheet" value={choice.sheet} onChange={(e) => onChoice({ ...choice, sheet: Number(e.target.value) })}>
            {source.sheets.map((sheet, index) => (
              <option key={index} value={index}>
                {sheet.cells.length === 0 ? `${sheet.name} (empty)` : sheet.name}
              </option>
            ))}
          </select>
          <span className="muted source-reason">
            {source.sheets.length === 1 ? 'The workbook has one sheet.' : `The workbook has ${source.sheets.length} sheets; the first one with data is chosen.`}
          </span>
        </div>
        {source.format === 'xlsx' ? <LocaleChoice source={source} choice={choice} onChoice={onChoice} /> : null}
      </div>
    );
  }
  const { guess } = source;
  const decoded = read.decoded;
  return (
    <div className="source-options">
      <div className="source-encoding">
        <label htmlFor={`${id}-encoding`}>Text encoding</label>
        <select
          id={`${id}-encoding`}
          data-testid="encoding"
          value={choice.encoding}
          onChange={(e) => isTextEncoding(e.target.value) && onChoice({ ...choice, encoding: e.target.value })}
        >
          {TEXT_ENCODINGS.map((value) => (
            <option key={value} value={value}>
              {ENCODING_LABELS[value]}
            </option>
          ))}
        </select>
        <span className="muted source-reason">
          {choice.encoding === guess.encoding ? `Chosen because ${guess.reason}.` : `Liftoff had guessed ${ENCODING_LABELS[guess.encoding]}.`}
        </span>
      </div>
      {decoded ? (
        <pre className="text-preview" aria-label="The first lines of the file as read" data-testid="text-preview">
          {previewLines(decoded.text)}
        </pre>
      ) : null}
      {decoded && decoded.replacements > 0 ? (
        <p role="alert" className="error-text" data-testid="encoding-warning">
          {decoded.replacements} {decoded.replacements === 1 ? 'character' : 'characters'} could not be read as {ENCODING_LABELS[choice.encoding]} and would be
          stored as “�”. Choose the encoding the file was saved in.
        </p>
      ) : null}
    </div>
  );
}

const SAMPLE_DATE = serialFromUtc(Date.UTC(2026, 11, 31));

/** What a number and a date look like in a locale's Excel: "1.234,56 · 31.12.2026". */
function localeSample(id: string): string {
  const locale = sheetLocaleById(id);
  return `${formatNumber(1234.56, '#,##0.00', locale)} · ${formatNumber(SAMPLE_DATE, locale.shortDate, locale)}`;
}

/**
 * Excel stores 120.000 € as 120000 with a format, and draws it with the separators of the
 * computer it is opened on. The cells are shown as in the locale the workbook names, or else this
 * computer's; the person sees a sample and can choose the client's.
 */
function LocaleChoice({ source, choice, onChoice }: { source: WorkbookSource; choice: SourceChoice; onChoice: (choice: SourceChoice) => void }) {
  const id = useId();
  const own = source.ownLocale;
  const reason = own
    ? `The workbook’s formats are marked ${sheetLocaleById(own.id).label}.`
    : 'The workbook does not say; this is the language of this computer. Choose the client’s if numbers look wrong.';
  return (
    <div className="source-encoding">
      <label htmlFor={`${id}-locale`}>Numbers and dates as in Excel for</label>
      <select id={`${id}-locale`} data-testid="sheet-locale" value={choice.locale} onChange={(e) => onChoice({ ...choice, locale: e.target.value })}>
        {SHEET_LOCALES.map((locale) => (
          <option key={locale.id} value={locale.id}>
            {`${locale.label}: ${localeSample(locale.id)}`}
          </option>
        ))}
      </select>
      <span className="muted source-reason" data-testid="sheet-locale-reason">
        {reason}
      </span>
    </div>
  );
}
