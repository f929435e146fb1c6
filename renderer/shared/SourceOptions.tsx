import { useId } from 'react';
import { formatNumber, SHEET_LOCALES, sheetLocaleById, serialFromUtc } from '../domain/number-format';
import { ENCODING_LABEL_MESSAGES, TEXT_ENCODINGS, isTextEncoding } from '../domain/text-decoding';
import { previewLines, type ReadTable, type SourceChoice, type SpreadsheetSource, type WorkbookSource } from './spreadsheet-source';
import { useT } from '../i18n/react';
import { messageText } from './message-text';

/**
 * An Excel locale's name in the reader's language: "German (Germany)", "Deutsch (Deutschland)",
 * "allemand (Allemagne)". English keeps the short labels of number-format.ts ("English (US)").
 */
export function sheetLocaleName(lang: string, id: string): string {
  const label = sheetLocaleById(id).label;
  if (lang.toLowerCase().startsWith('en')) return label;
  try {
    return new Intl.DisplayNames([lang], { type: 'language', languageDisplay: 'standard' }).of(id) ?? label;
  } catch {
    return label;
  }
}

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
  const { t, lang } = useT();
  const encodingName = (encoding: keyof typeof ENCODING_LABEL_MESSAGES) => messageText(t, lang, ENCODING_LABEL_MESSAGES[encoding]);
  if (source.kind === 'workbook') {
    return (
      <div className="source-options">
        <div className="source-encoding">
          <label htmlFor={`${id}-sheet`}>{t('import.source.sheet')}</label>
          <select id={`${id}-sheet`} data-testid="sheet" value={choice.sheet} onChange={(e) => onChoice({ ...choice, sheet: Number(e.target.value) })}>
            {source.sheets.map((sheet, index) => (
              <option key={index} value={index}>
                {sheet.cells.length === 0 ? t('import.source.emptySheet', { name: sheet.name }) : sheet.name}
              </option>
            ))}
          </select>
          <span className="muted source-reason">
            {t('import.source.sheetCount', { count: source.sheets.length })}
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
        <label htmlFor={`${id}-encoding`}>{t('import.source.encoding')}</label>
        <select
          id={`${id}-encoding`}
          data-testid="encoding"
          value={choice.encoding}
          onChange={(e) => isTextEncoding(e.target.value) && onChoice({ ...choice, encoding: e.target.value })}
        >
          {TEXT_ENCODINGS.map((value) => (
            <option key={value} value={value}>
              {encodingName(value)}
            </option>
          ))}
        </select>
        <span className="muted source-reason">
          {choice.encoding === guess.encoding
            ? t('import.source.chosenBecause', { reason: messageText(t, lang, guess.reasonText) })
            : t('import.source.hadGuessed', { encoding: encodingName(guess.encoding) })}
        </span>
      </div>
      {decoded ? (
        <pre className="text-preview" aria-label={t('import.source.preview')} data-testid="text-preview">
          {previewLines(decoded.text)}
        </pre>
      ) : null}
      {decoded && decoded.replacements > 0 ? (
        <p role="alert" className="error-text" data-testid="encoding-warning">
          {t('import.source.unreadable', { count: decoded.replacements, encoding: encodingName(choice.encoding) })}
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
  const { t, lang } = useT();
  const own = source.ownLocale;
  const reason = own ? t('import.source.localeMarked', { locale: sheetLocaleName(lang, own.id) }) : t('import.source.localeUnsaid');
  return (
    <div className="source-encoding">
      <label htmlFor={`${id}-locale`}>{t('import.source.locale')}</label>
      <select id={`${id}-locale`} data-testid="sheet-locale" value={choice.locale} onChange={(e) => onChoice({ ...choice, locale: e.target.value })}>
        {SHEET_LOCALES.map((locale) => (
          <option key={locale.id} value={locale.id}>
            {`${sheetLocaleName(lang, locale.id)}: ${localeSample(locale.id)}`}
          </option>
        ))}
      </select>
      <span className="muted source-reason" data-testid="sheet-locale-reason">
        {reason}
      </span>
    </div>
  );
}
