// The client's file, as the import dialogs get it: picked through the native dialog (desktop) or
// the browser's file input, handed over as bytes and decoded here, in one place for both builds.
// A text file (CSV, tab-separated "Unicode text") is decoded with a guessed encoding the person
// can change; an Excel workbook is read in a worker, and the person picks the sheet.
import { openFileBytes } from '../lib/desktop';
import { formatBytes } from '../domain/locale-format';
import { msg, type Message } from '../domain/message';
import { parseCsv, tableFromRows, type TableResult } from '../domain/csv-import';
import { binaryKind, decodeBytes, guessEncoding, type DecodedText, type EncodingGuess, type TextEncoding } from '../domain/text-decoding';
import { readWorkbook } from './workbook-client';
import { sheetLocaleById, sheetLocaleForTag } from '../domain/number-format';
import { WORKBOOK_MAX_BYTES, sheetRows, type WorkbookLocale, type WorkbookSheet } from './workbook-read';

export const SPREADSHEET_MAX_BYTES = WORKBOOK_MAX_BYTES;

export type TextSource = { kind: 'text'; name: string; bytes: Uint8Array; guess: EncodingGuess };
export type WorkbookSource = {
  kind: 'workbook';
  name: string;
  sheets: WorkbookSheet[];
  /** Excel (.xlsx) stores numbers bare with a format; OpenDocument (.ods) stores the text as shown. */
  format: 'xlsx' | 'ods';
  /** The locale the workbook's own formats name, if any. */
  ownLocale: WorkbookLocale;
};
export type SpreadsheetSource = TextSource | WorkbookSource;

/**
 * How the person has the file read: the text encoding of a CSV; the sheet of a workbook, and the
 * locale whose Excel draws its numbers and dates (separators, short date, month names).
 */
export type SourceChoice = { encoding: TextEncoding; sheet: number; locale: string };

/** The locale a workbook's cells are first shown in: its own formats' locale, else this computer's. */
export function firstLocale(ownLocale: WorkbookLocale, language: string | undefined): string {
  return ownLocale ? ownLocale.id : sheetLocaleForTag(language).id;
}

/** A refusal in English (`message`) and as an app-catalog message (`text`) the dialog says in the reader's language. */
export type ChooseOutcome = { status: 'canceled' } | { status: 'error'; message: string; text: Message } | { status: 'ok'; source: SpreadsheetSource; choice: SourceChoice };

/** What the file is picked for, which the size refusal names. */
export type SpreadsheetPurpose = 'useCases' | 'scores';
const PURPOSE_ENGLISH: Record<SpreadsheetPurpose, string> = { useCases: 'a use-case import', scores: 'a score sheet' };

// .xls and .ods are offered so that picking one gets a clear answer instead of a greyed-out file.
const FILTERS = [{ name: 'Spreadsheet or CSV', extensions: ['xlsx', 'csv', 'txt', 'tsv', 'xls', 'ods'] }];

export async function chooseSpreadsheet(what: SpreadsheetPurpose): Promise<ChooseOutcome> {
  const file = await openFileBytes(FILTERS, SPREADSHEET_MAX_BYTES);
  if (file.status === 'canceled') return file;
  if (file.status === 'too-large') {
    return {
      status: 'error',
      message: `“${file.name}” is ${formatBytes('en', file.size)}; ${PURPOSE_ENGLISH[what]} can be at most ${formatBytes('en', file.limit)}.`,
      text: msg('import.read.fileTooLarge', { name: file.name, what, size: { bytes: file.size }, limit: { bytes: file.limit } }),
    };
  }
  const kind = binaryKind(file.bytes);
  if (kind === 'zip') {
    const read = await readWorkbook(file.bytes);
    if (!read.ok) {
      return { status: 'error', message: `“${file.name}” could not be read: ${read.message} Nothing was imported.`, text: msg('import.read.workbookRefused', { name: file.name, problem: read.text }) };
    }
    if (read.sheets.length === 0) return { status: 'error', message: `“${file.name}” has no sheets. Nothing was imported.`, text: msg('import.read.noSheets', { name: file.name }) };
    return {
      status: 'ok',
      source: { kind: 'workbook', name: file.name, sheets: read.sheets, format: read.kind, ownLocale: read.locale },
      choice: { encoding: 'utf-8', sheet: firstNonEmptySheet(read.sheets), locale: firstLocale(read.locale, navigator.language) },
    };
  }
  const refusal = refuseBinary(kind);
  if (refusal) return { status: 'error', message: `“${file.name}” could not be read: ${refusal.message}`, text: msg('import.cannotRead', { name: file.name, problem: refusal.text }) };
  const guess = guessEncoding(file.bytes);
  return { status: 'ok', source: { kind: 'text', name: file.name, bytes: file.bytes, guess }, choice: { encoding: guess.encoding, sheet: 0, locale: sheetLocaleForTag(navigator.language).id } };
}

/** The first sheet with anything in it (a cover sheet or an empty "Tabelle1" comes first often). */
export function firstNonEmptySheet(sheets: readonly WorkbookSheet[]): number {
  const index = sheets.findIndex((sheet) => sheet.cells.some((row) => row.some((cell) => typeof cell !== 'string' || cell.trim() !== '')));
  return index === -1 ? 0 : index;
}

function refuseBinary(kind: ReturnType<typeof binaryKind>): { message: string; text: Message } | null {
  switch (kind) {
    case 'ole':
      return {
        message:
          'This is an old Excel 97–2003 workbook (.xls) or a password-protected workbook, which Liftoff cannot read. In Excel, use File → Save As → “Excel Workbook (.xlsx)” or CSV, without a password, and import that file.',
        text: msg('import.read.oldExcel'),
      };
    case 'pdf':
      return { message: 'This is a PDF, not a spreadsheet. Import the spreadsheet the list came from.', text: msg('import.read.pdf') };
    default:
      return null;
  }
}

export type ReadTable = { table: TableResult; decoded: DecodedText | null; delimiter: string | null };

/** The source's table as the person has chosen to read it — what the mapping step shows. */
export function readTable(source: SpreadsheetSource, choice: SourceChoice): ReadTable {
  if (source.kind === 'workbook') {
    const sheet = source.sheets[choice.sheet] ?? source.sheets[0];
    return { table: tableFromRows(sheet ? sheetRows(sheet, sheetLocaleById(choice.locale)) : [], 'sheet'), decoded: null, delimiter: null };
  }
  const decoded = decodeBytes(source.bytes, choice.encoding);
  const parsed = parseCsv(decoded.text);
  return { table: parsed, decoded, delimiter: parsed.ok ? parsed.delimiter : null };
}

/** The first lines of the decoded text, each cut to a readable length, for the preview. */
export function previewLines(text: string, lines = 3, width = 160): string {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/, lines)
    .map((line) => (line.length > width ? `${line.slice(0, width)}…` : line))
    .join('\n');
}

export function delimiterName(delimiter: string | null): 'semicolons' | 'tabs' | 'commas' | null {
  if (delimiter === ';') return 'semicolons';
  if (delimiter === '\t') return 'tabs';
  if (delimiter === ',') return 'commas';
  return null;
}
