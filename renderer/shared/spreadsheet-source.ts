// The client's file, as the import dialogs get it: picked through the native dialog (desktop) or
// the browser's file input, handed over as bytes and decoded here, in one place for both builds.
// A text file (CSV, tab-separated "Unicode text") is decoded with a guessed encoding the person
// can change.
import { formatBytes, openFileBytes } from '../lib/desktop';
import { parseCsv, type TableResult } from '../domain/csv-import';
import { binaryKind, decodeBytes, guessEncoding, type DecodedText, type EncodingGuess, type TextEncoding } from '../domain/text-decoding';

export const SPREADSHEET_MAX_BYTES = 10 * 1024 * 1024;

export type TextSource = { kind: 'text'; name: string; bytes: Uint8Array; guess: EncodingGuess };
export type SpreadsheetSource = TextSource;

export type ChooseOutcome = { status: 'canceled' } | { status: 'error'; message: string } | { status: 'ok'; source: SpreadsheetSource };

const FILTERS = [{ name: 'Spreadsheet or CSV', extensions: ['csv', 'txt', 'tsv'] }];

export async function chooseSpreadsheet(what: string): Promise<ChooseOutcome> {
  const file = await openFileBytes(FILTERS, SPREADSHEET_MAX_BYTES);
  if (file.status === 'canceled') return file;
  if (file.status === 'too-large') {
    return { status: 'error', message: `“${file.name}” is ${formatBytes(file.size)}; ${what} can be at most ${formatBytes(file.limit)}.` };
  }
  const refusal = refuseBinary(file.bytes);
  if (refusal) return { status: 'error', message: `“${file.name}” could not be read: ${refusal}` };
  return { status: 'ok', source: { kind: 'text', name: file.name, bytes: file.bytes, guess: guessEncoding(file.bytes) } };
}

function refuseBinary(bytes: Uint8Array): string | null {
  switch (binaryKind(bytes)) {
    case 'zip':
      return 'This is a workbook, not a CSV text file. In your spreadsheet, use “Save as” → CSV and import that file.';
    case 'ole':
      return 'This is an old Excel 97–2003 workbook (.xls) or a password-protected workbook, which Liftoff cannot read. In Excel, use File → Save As → “Excel Workbook (.xlsx)” or CSV, without a password, and import that file.';
    case 'pdf':
      return 'This is a PDF, not a spreadsheet. Import the spreadsheet the list came from.';
    case null:
      return null;
  }
}

export type ReadTable = { table: TableResult; decoded: DecodedText; delimiter: string | null };

/** The source's table with the given encoding (a text file) — what the mapping step shows. */
export function readTable(source: SpreadsheetSource, encoding: TextEncoding): ReadTable {
  const decoded = decodeBytes(source.bytes, encoding);
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

export function delimiterName(delimiter: string | null): string | null {
  if (delimiter === ';') return 'semicolons';
  if (delimiter === '\t') return 'tabs';
  if (delimiter === ',') return 'commas';
  return null;
}
