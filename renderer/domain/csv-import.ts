// Importing candidate use cases from a spreadsheet saved as CSV. Facilitators usually receive
// the long list from the client in Excel; the export differs by locale (comma or semicolon),
// by platform (CRLF, BOM) and by whoever typed the headers. This module turns such a file into
// use-case drafts in three steps the UI can show: parse → map columns → build drafts.
//
// Cells are kept exactly as typed (only trimmed): a cell like `=HYPERLINK(...)` is text to us.
// It is never evaluated here, and React renders it as text; the danger of formula cells only
// arises when *exporting* CSV, which must neutralise them there.
import Papa from 'papaparse';
import {
  LONG_TEXT_MAX,
  SHORT_TEXT_MAX,
  USE_CASE_KINDS,
  type CriterionScores,
  type UseCaseKind,
} from './model';
import { formatMegabytes, utf8ByteLength } from './text-size';
import { REPLACEMENT_CHARACTER } from './text-decoding';
import { matchHeaders, normalizeHeader, USE_CASE_HEADER_SYNONYMS } from './header-matching';
import { msg, type Message, type MessageValue } from './message';

export const MAX_CSV_ROWS = 5_000;
export const MAX_CSV_BYTES = 10 * 1024 * 1024;

export type CsvDelimiter = ',' | ';' | '\t';
const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

/** A sheet as the mapping step sees it, whether it came from a CSV or a workbook. */
export type SpreadsheetTable = {
  /** Trimmed, unique and never blank ("Column 3" stands in for a blank header). */
  headers: string[];
  /** Data rows, each exactly `headers.length` cells wide; fully empty lines are left out. */
  rows: string[][];
  /** The spreadsheet row number of each entry in `rows` (the header is usually row 1). */
  rowNumbers: number[];
  /** Something the person should know although the file could be read (e.g. no data rows). */
  notice: string | null;
  /** `notice` as an app-catalog message (import.read.*), for the reader's language. */
  noticeText: Message | null;
};

/** Why a file or sheet could not be read: in English (`message`) and as an app-catalog message (`text`, import.read.*). */
export type ReadFailure = { ok: false; message: string; text: Message };

export type ParseCsvResult = ({ ok: true; delimiter: CsvDelimiter } & SpreadsheetTable) | ReadFailure;

export type TableResult = ({ ok: true } & SpreadsheetTable) | ReadFailure;

const readFailure = (message: string, text: Message): ReadFailure => ({ ok: false, message, text });

// ---------------------------------------------------------------------------------------------
// Parsing

export function parseCsv(text: string): ParseCsvResult {
  if (typeof text !== 'string') return readFailure('The file could not be read as text.', msg('import.read.notText'));
  const bytes = utf8ByteLength(text);
  if (bytes > MAX_CSV_BYTES) {
    return readFailure(
      `The file is ${formatMegabytes(bytes)}, larger than the ${formatMegabytes(MAX_CSV_BYTES)} limit for a CSV import. Split it into smaller files.`,
      msg('import.read.csvTooLarge', { size: { bytes }, limit: { bytes: MAX_CSV_BYTES } }),
    );
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return readFailure('The file is empty.', msg('import.read.empty'));
  if (body.includes('\u0000')) {
    // An .xlsx or other binary file picked by mistake: its bytes decode to garbage with NULs.
    return readFailure('This does not look like a CSV text file. In your spreadsheet, use "Save as" → CSV and import that file.', msg('import.read.notCsv'));
  }

  const delimiter = detectDelimiter(body);
  const parsed = Papa.parse<string[]>(body, {
    delimiter,
    header: false,
    dynamicTyping: false,
    // Empty lines are dropped below instead, so that row numbers still match the spreadsheet.
    skipEmptyLines: false,
    quoteChar: '"',
    escapeChar: '"',
  });

  const quoteError = parsed.errors.find((error) => error.type === 'Quotes');
  if (quoteError) {
    const row = typeof quoteError.row === 'number' ? quoteError.row + 1 : null;
    const where = row !== null ? `Row ${row}` : 'A row';
    const unclosed = quoteError.code === 'MissingQuotes';
    const what = unclosed
      ? 'has a quoted cell that is never closed (a closing " is missing), so the rest of the file cannot be read'
      : 'has a quoted cell with text after its closing quote';
    return readFailure(
      `${where} ${what}. Inside a quoted cell, write a quote as two quotes ("") and check the cell starting with ".`,
      msg(unclosed ? 'import.read.quoteUnclosed' : 'import.read.quoteTextAfter', { where: row !== null ? 'row' : 'none', row: row !== null ? String(row) : '' }),
    );
  }

  const table = tableFromRows(parsed.data, 'file');
  return table.ok ? { ...table, delimiter } : table;
}

/**
 * The header row and data rows of a sheet (CSV lines or workbook rows, top to bottom, row 1
 * first): empty rows are left out but keep their numbers, the first non-empty row is the header,
 * and every row is padded to the widest one so no cell is lost silently.
 */
export function tableFromRows(lines: readonly (readonly string[])[], what: 'file' | 'sheet'): TableResult {
  const records: { cells: readonly string[]; number: number }[] = [];
  lines.forEach((cells, index) => {
    if (cells.some((cell) => cell.trim() !== '')) records.push({ cells, number: index + 1 });
  });
  // A title above the table ("Anwendungsfälle 2026", often merged across the columns) is not
  // the header: rows with a single filled cell before the first row with two or more are skipped.
  const firstTableRow = records.findIndex((record) => record.cells.filter((cell) => cell.trim() !== '').length >= 2);
  const titles = firstTableRow > 0 ? records.splice(0, firstTableRow) : [];
  const header = records.shift();
  if (!header) return readFailure(`The ${what} has no header row: every line is empty.`, msg('import.read.noHeader', { what }));

  if (records.length > MAX_CSV_ROWS) {
    return readFailure(
      `The ${what} has ${formatCount(records.length)} rows; Liftoff imports at most ${formatCount(MAX_CSV_ROWS)} use cases at a time. Split it and import the parts.`,
      msg('import.read.tooManyRows', { what, count: records.length, max: MAX_CSV_ROWS }),
    );
  }

  // A data row wider than the header would otherwise lose its extra cells silently.
  const width = Math.max(header.cells.length, ...records.map((record) => record.cells.length));
  const headers = uniqueHeaders(padCells(header.cells, width));
  const rows = records.map((record) => padCells(record.cells, width));
  return {
    ok: true,
    headers,
    rows,
    rowNumbers: records.map((record) => record.number),
    notice:
      rows.length === 0
        ? `The ${what} has column names but no data rows, so there is nothing to import.`
        : titles.length > 0
          ? `${titles.length === 1 ? `Row ${titles[0]?.number}` : `Rows ${titles.map((t) => t.number).join(', ')}`} above the column names ${titles.length === 1 ? 'looks' : 'look'} like a title and ${titles.length === 1 ? 'was' : 'were'} skipped; the column names are in row ${header.number}.`
          : null,
    noticeText:
      rows.length === 0
        ? msg('import.read.noDataRows', { what })
        : titles.length > 0
          ? msg('import.read.titleSkipped', { count: titles.length, rows: { list: titles.map((t) => String(t.number)), separator: ', ' }, header: String(header.number) })
          : null,
  };
}

/**
 * Papaparse's own guess gives up on common files (a header-only file, a trailing newline), so
 * each candidate is tried on the first rows and the one giving a consistent table wins: most
 * rows with as many cells as the header, then the widest header. A single-column file stays comma.
 */
function detectDelimiter(text: string): CsvDelimiter {
  let best: { delimiter: CsvDelimiter; consistent: number; width: number } = { delimiter: ',', consistent: -1, width: 1 };
  for (const delimiter of DELIMITERS) {
    const preview = Papa.parse<string[]>(text, { delimiter, preview: 30, skipEmptyLines: true, header: false });
    const [first, ...rest] = preview.data;
    const width = first?.length ?? 0;
    if (width <= 1) continue;
    const consistent = rest.filter((row) => row.length === width).length;
    if (consistent > best.consistent || (consistent === best.consistent && width > best.width)) {
      best = { delimiter, consistent, width };
    }
  }
  return best.delimiter;
}

function padCells(cells: readonly string[], width: number): string[] {
  const out = cells.slice(0, width);
  while (out.length < width) out.push('');
  return out;
}

function uniqueHeaders(raw: readonly string[]): string[] {
  const taken = new Set<string>();
  return raw.map((cell, index) => {
    const base = cell.trim() === '' ? `Column ${index + 1}` : cell.trim();
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} (${n})`;
    taken.add(name.toLowerCase());
    return name;
  });
}

// ---------------------------------------------------------------------------------------------
// Column mapping

export type UseCaseCsvField =
  | 'title'
  | 'problem'
  | 'businessOwner'
  | 'department'
  | 'dataSources'
  | 'expectedValue'
  | 'kind'
  | 'notes'
  | 'impact'
  | 'feasibility'
  | 'readiness';

export type UseCaseCsvFieldInfo = {
  field: UseCaseCsvField;
  label: string;
  required: boolean;
  /** What the importer does with the column's cells, for a hint next to the mapping control. */
  hint: string;
};

export const USE_CASE_CSV_FIELDS: readonly UseCaseCsvFieldInfo[] = [
  { field: 'title', label: 'Title', required: true, hint: 'Rows without a title are skipped.' },
  { field: 'problem', label: 'Problem / decision point', required: false, hint: 'Free text.' },
  { field: 'businessOwner', label: 'Business owner', required: false, hint: 'Free text.' },
  { field: 'department', label: 'Department / process', required: false, hint: 'Free text.' },
  { field: 'dataSources', label: 'Data sources', required: false, hint: 'Free text.' },
  { field: 'expectedValue', label: 'Expected value', required: false, hint: 'Free text.' },
  {
    field: 'kind',
    label: 'Kind',
    required: false,
    hint: 'Predictive model, generative assistant, automated decision, document processing or other.',
  },
  { field: 'notes', label: 'Notes', required: false, hint: 'Free text.' },
  { field: 'impact', label: 'Business impact (1–5)', required: false, hint: 'Whole number 1–5; anything else is left empty.' },
  { field: 'feasibility', label: 'Feasibility (1–5)', required: false, hint: 'Whole number 1–5; anything else is left empty.' },
  {
    field: 'readiness',
    label: 'Organizational readiness (1–5)',
    required: false,
    hint: 'Whole number 1–5; anything else is left empty.',
  },
];

/** Column index → the use-case field it fills, or null when the column is not imported. */
export type CsvMapping = Record<number, UseCaseCsvField | null>;

/** Guesses each column's field from its header, in any of the six languages (see header-matching.ts). */
export function guessMapping(headers: readonly string[]): CsvMapping {
  const mapping: CsvMapping = {};
  matchHeaders(headers, USE_CASE_HEADER_SYNONYMS).forEach((match, column) => {
    mapping[column] = match ? match.field : null;
  });
  return mapping;
}

/** Why the mapping cannot be imported, or null when it can. */
export function validateMapping(
  mapping: CsvMapping,
  context: { headers?: readonly string[]; rowCount?: number } = {},
): string | null {
  const columnsByField = new Map<UseCaseCsvField, number[]>();
  for (const [column, field] of mappedColumns(mapping)) {
    columnsByField.set(field, [...(columnsByField.get(field) ?? []), column]);
  }
  if (!columnsByField.has('title')) return 'Choose the column that holds the use-case title: it is required.';
  for (const [field, columns] of columnsByField) {
    if (columns.length > 1) {
      const names = columns.map((column) => `"${context.headers?.[column] ?? `Column ${column + 1}`}"`);
      return `${fieldLabel(field)} is chosen for more than one column (${names.join(', ')}); keep one.`;
    }
  }
  if (context.rowCount === 0) return 'The file has column names but no data rows, so there is nothing to import.';
  return null;
}

function mappedColumns(mapping: CsvMapping): [number, UseCaseCsvField][] {
  const out: [number, UseCaseCsvField][] = [];
  for (const [key, field] of Object.entries(mapping)) {
    const column = Number(key);
    if (field && Number.isInteger(column) && column >= 0 && isField(field)) out.push([column, field]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

function isField(value: string): value is UseCaseCsvField {
  return USE_CASE_CSV_FIELDS.some((info) => info.field === value);
}

function fieldLabel(field: UseCaseCsvField): string {
  return USE_CASE_CSV_FIELDS.find((info) => info.field === field)?.label ?? field;
}

/** A field's name as an app-catalog message (import.field.*), for the mapping screen and row messages. */
export function fieldLabelMessage(field: UseCaseCsvField): Message {
  return msg(`import.field.${field}`);
}

/** validateMapping as a catalog message, for the reader's language; null when the mapping can be imported. */
export function validateMappingMessage(
  mapping: CsvMapping,
  context: { headers?: readonly string[]; rowCount?: number } = {},
): Message | null {
  const columnsByField = new Map<UseCaseCsvField, number[]>();
  for (const [column, field] of mappedColumns(mapping)) {
    columnsByField.set(field, [...(columnsByField.get(field) ?? []), column]);
  }
  if (!columnsByField.has('title')) return msg('import.mapping.needTitle');
  for (const [field, columns] of columnsByField) {
    if (columns.length > 1) {
      const names = columns.map((column): MessageValue => (context.headers?.[column] !== undefined ? `"${context.headers[column]}"` : msg('import.column', { n: column + 1 })));
      return msg('import.mapping.twice', { field: fieldLabelMessage(field), columns: { list: names, separator: ', ' } });
    }
  }
  if (context.rowCount === 0) return msg('import.noDataRows');
  return null;
}

// ---------------------------------------------------------------------------------------------
// Kind

/** Kinds as typed in EN, DE, FR, ES, IT and NL spreadsheets, normalized like headers. */
const KIND_SYNONYMS: Record<UseCaseKind, readonly string[]> = {
  'predictive-model': [
    'predictivemodel', 'predictivemodels', 'predictive', 'prediction', 'machinelearning', 'ml', 'forecasting', 'forecast',
    'prognosemodell', 'prognose', 'vorhersage', 'vorhersagemodell', 'modelepredictif', 'modelopredictivo', 'prediccion',
    'modellopredittivo', 'previsione', 'voorspellendmodel', 'voorspellingsmodel', 'voorspelling',
  ],
  'generative-assistant': [
    'generativeassistant', 'generative', 'genai', 'generativeai', 'assistant', 'chatbot', 'copilot', 'llm', 'generativerassistent',
    'generativeki', 'kiassistent', 'assistent', 'assistantgeneratif', 'iagenerative', 'asistentegenerativo', 'iagenerativa', 'asistente',
    'assistentegenerativo', 'assistente', 'generatieveassistent', 'generatieveai',
  ],
  'automated-decision': [
    'automateddecision', 'automateddecisions', 'decisionautomation', 'automation', 'automatisierteentscheidung',
    'entscheidungsautomatisierung', 'automatisierung', 'decisionautomatisee', 'automatisation', 'decisionautomatizada',
    'automatizacion', 'decisioneautomatizzata', 'automazione', 'geautomatiseerdebeslissing', 'automatisering',
  ],
  'document-processing': [
    'documentprocessing', 'intelligentdocumentprocessing', 'idp', 'documentextraction', 'document', 'documents', 'ocr',
    'dokumentenverarbeitung', 'dokumentverarbeitung', 'dokumente', 'traitementdedocuments', 'traitementdocumentaire',
    'procesamientodedocumentos', 'elaborazionedocumenti', 'elaborazionedeidocumenti', 'documentverwerking',
  ],
  other: ['other', 'sonstiges', 'sonstige', 'andere', 'autre', 'otro', 'altro', 'overig', 'anders'],
};

/** Maps a typed kind ("Automated decision", "automated-decision", "GenAI") to the model's value. */
export function kindFromText(text: string): { kind: UseCaseKind; recognized: boolean } {
  const label = normalizeHeader(text);
  // Nothing typed is not a mistake: the use case simply has no kind yet.
  if (label === '') return { kind: 'other', recognized: true };
  for (const kind of USE_CASE_KINDS) {
    if (KIND_SYNONYMS[kind].includes(label)) return { kind, recognized: true };
  }
  return { kind: 'other', recognized: false };
}

// ---------------------------------------------------------------------------------------------
// Drafts

type TextField = 'title' | 'problem' | 'businessOwner' | 'department' | 'dataSources' | 'expectedValue' | 'notes';
type ScoreField = 'impact' | 'feasibility' | 'readiness';

const TEXT_LIMITS: Record<TextField, number> = {
  title: SHORT_TEXT_MAX,
  problem: LONG_TEXT_MAX,
  businessOwner: SHORT_TEXT_MAX,
  department: SHORT_TEXT_MAX,
  dataSources: LONG_TEXT_MAX,
  expectedValue: LONG_TEXT_MAX,
  notes: LONG_TEXT_MAX,
};
const TEXT_FIELDS = Object.keys(TEXT_LIMITS) as TextField[];
const SCORE_FIELDS: readonly ScoreField[] = ['impact', 'feasibility', 'readiness'];

/** One future use case, with every importable field present (empty when not mapped). */
export type UseCaseDraft = {
  /** The spreadsheet row it came from, so the preview can point back to the file. */
  row: number;
  title: string;
  problem: string;
  businessOwner: string;
  department: string;
  dataSources: string;
  expectedValue: string;
  notes: string;
  kind: UseCaseKind;
  initialScores: CriterionScores;
};

export type RowProblem = {
  /** 1-based spreadsheet row (the header is row 1). */
  row: number;
  /** 'error': the row is skipped; 'warning': imported with a value dropped or cut; 'note': imported, worth a look. */
  severity: 'error' | 'warning' | 'note';
  /** Says what happened without the row number, which the UI shows next to it. */
  field: UseCaseCsvField | null;
  message: string;
  /** `message` as an app-catalog message (import.row.*), for the reader's language. */
  text: Message;
};

export type UseCaseDraftsResult = { drafts: UseCaseDraft[]; problems: RowProblem[] };

/**
 * Turns data rows into drafts. `rowNumbers` comes from parseCsv; without it, rows are assumed
 * to follow a header in row 1 with no empty lines (row i is spreadsheet row i + 2).
 */
export function buildUseCaseDrafts(
  rows: readonly (readonly string[])[],
  mapping: CsvMapping,
  rowNumbers?: readonly number[],
): UseCaseDraftsResult {
  const columnOf = new Map<UseCaseCsvField, number>();
  for (const [column, field] of mappedColumns(mapping)) {
    if (!columnOf.has(field)) columnOf.set(field, column);
  }
  const drafts: UseCaseDraft[] = [];
  const problems: RowProblem[] = [];
  const firstRowByTitle = new Map<string, number>();

  rows.forEach((cells, index) => {
    const row = rowNumbers?.[index] ?? index + 2;
    const cell = (field: UseCaseCsvField): string => {
      const column = columnOf.get(field);
      return column === undefined ? '' : cleanCell(cells[column] ?? '');
    };
    if (cells.every((value) => value.trim() === '')) return;

    const text = {} as Record<TextField, string>;
    for (const field of TEXT_FIELDS) {
      const { value, cut } = truncate(cell(field), TEXT_LIMITS[field]);
      text[field] = value;
      if (cut) {
        problems.push({
          row,
          severity: 'warning',
          field,
          message: `${fieldLabel(field)} is longer than ${formatCount(TEXT_LIMITS[field])} characters and was cut to fit.`,
          text: msg('import.row.cut', { field: fieldLabelMessage(field), max: TEXT_LIMITS[field] }),
        });
      }
    }
    if (text.title === '') {
      problems.push({ row, severity: 'error', field: 'title', message: 'No title, so the row was skipped.', text: msg('import.row.noTitle') });
      return;
    }
    const unreadable = TEXT_FIELDS.filter((field) => text[field].includes(REPLACEMENT_CHARACTER));
    if (unreadable.length > 0) {
      problems.push({
        row,
        severity: 'warning',
        field: unreadable[0] ?? null,
        message: `${unreadable.map(fieldLabel).join(', ')} ${unreadable.length === 1 ? 'has' : 'have'} characters that could not be read (shown as �). Check the file's encoding above before importing.`,
        text: msg('import.row.unreadable', { fields: { list: unreadable.map(fieldLabelMessage), separator: ', ' }, count: unreadable.length }),
      });
    }

    const kindCell = cell('kind');
    const { kind, recognized } = kindFromText(kindCell);
    if (!recognized) {
      problems.push({
        row,
        severity: 'note',
        field: 'kind',
        message: `Kind ${quote(kindCell)} is not a known kind, so it was set to "other".`,
        text: msg('import.row.unknownKind', { value: quote(kindCell) }),
      });
    }

    const initialScores: CriterionScores = { impact: null, feasibility: null, readiness: null };
    for (const field of SCORE_FIELDS) {
      const raw = cell(field);
      const score = scoreFromText(raw);
      if (score === undefined) {
        problems.push({
          row,
          severity: 'warning',
          field,
          message: `${fieldLabel(field)} ${quote(raw)} is not a whole number from 1 to 5, so it was left empty.`,
          text: msg('import.row.notScore', { field: fieldLabelMessage(field), value: quote(raw) }),
        });
      } else initialScores[field] = score;
    }

    const titleKey = text.title.toLowerCase();
    const earlier = firstRowByTitle.get(titleKey);
    if (earlier !== undefined) {
      problems.push({
        row,
        severity: 'note',
        field: 'title',
        message: `Same title as row ${earlier}; both are imported.`,
        text: msg('import.row.sameTitle', { earlier }),
      });
    } else firstRowByTitle.set(titleKey, row);

    drafts.push({ row, ...text, kind, initialScores });
  });
  return { drafts, problems };
}

/** Only surrounding whitespace and Windows line breaks change; the text itself stays as typed. */
function cleanCell(value: string): string {
  return value.replace(/\r\n?/g, '\n').trim();
}

/** null for an empty cell, undefined for a cell that is not a score; "4.0" and "4,0" count as 4. */
function scoreFromText(raw: string): number | null | undefined {
  if (raw === '') return null;
  const match = /^([1-5])(?:[.,]0+)?$/.exec(raw);
  return match?.[1] ? Number(match[1]) : undefined;
}

function truncate(value: string, max: number): { value: string; cut: boolean } {
  if (value.length <= max) return { value, cut: false };
  let cutAt = max;
  // Never split a surrogate pair: half an emoji would be an invalid character.
  const last = value.charCodeAt(cutAt - 1);
  if (last >= 0xd800 && last <= 0xdbff) cutAt--;
  return { value: value.slice(0, cutAt), cut: true };
}

function quote(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

// ---------------------------------------------------------------------------------------------
// Small helpers

function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

