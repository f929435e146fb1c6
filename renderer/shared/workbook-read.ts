// Reading a client's Excel workbook (.xlsx) into sheets of text, as a person sees them. A workbook
// is a zip of XML files from outside, so it is treated as hostile: its declared sizes are checked
// before anything is inflated (a zip bomb is refused, not unpacked), XML with a document type
// declaration is refused (no entity can expand), rows and columns are capped before the sheet is
// parsed, and every failure becomes a sentence for the person, never an exception. Runs in the
// spreadsheet worker (workbook-worker.ts); the unit and fuzz tests call it directly.
//
// The parts are read here rather than by a library, because a person's view of a cell needs what
// readers hand on raw or drop: each cell's number format (a German "120.000 €" is 120000 under
// "#,##0 €"), merged ranges, and OpenDocument's text as its author saw it. Numbers keep their
// format code and are drawn in the page (domain/number-format.ts) in the locale the person picks.
import { strFromU8, unzipSync, type Unzipped } from 'fflate';
import { MAX_CSV_ROWS } from '../domain/csv-import';
import { builtInFormat, formatNumber, isDateFormat, lcidsInFormat, serialFromUtc, sheetLocaleById, sheetLocaleForLcid, type SheetLocale } from '../domain/number-format';
import { OdsRefusal, readOdsContent, type OdsSheet } from './ods-read';
import { msg, type Message } from '../domain/message';
import { scanXml } from './xml-scan';

/** Largest workbook file read at all (the dialog refuses a larger one before reading it). */
export const WORKBOOK_MAX_BYTES = 10 * 1024 * 1024;
/** What the XML parts of a workbook may add up to once unpacked. Real use-case lists are far below. */
export const WORKBOOK_MAX_UNPACKED_BYTES = 60 * 1024 * 1024;
export const WORKBOOK_MAX_ENTRIES = 2_000;
/** Rows per sheet: the import's own limit plus room for headers and blank lines. */
export const WORKBOOK_MAX_ROWS = MAX_CSV_ROWS + 100;
export const WORKBOOK_MAX_COLUMNS = 200;

/**
 * A cell as stored: text (or an error such as "#DIV/0!"), a number with the format code Excel
 * draws it with (dates are numbers too), or TRUE/FALSE, whose words depend on the locale.
 */
export type WorkbookCell = string | { n: number; f: string } | { b: boolean };

export type WorkbookSheet = {
  name: string;
  /** Top row first; trailing empty cells and rows dropped; a merged range's value in each row it spans. */
  cells: WorkbookCell[][];
};

/** The locale the workbook's own formats name ("[$€-407]"), if any: how its author saw it. */
export type WorkbookLocale = { id: string } | null;

/**
 * A refusal says why in English (`message`, for logs and tests) and as an app-catalog message
 * (`text`, import.read.*), which the screen says in the reader's language. Both are plain data,
 * so the worker can post them.
 */
export type WorkbookResult = { ok: true; sheets: WorkbookSheet[]; locale: WorkbookLocale; kind: 'xlsx' | 'ods' } | { ok: false; message: string; text: Message };

/** A refusal thrown while reading: its English as the Error's message, and its catalog message. */
class WorkbookRefusal extends Error {
  constructor(
    message: string,
    readonly text: Message,
  ) {
    super(message);
  }
}

const refuse = (message: string, text: Message): never => {
  throw new WorkbookRefusal(message, text);
};

export async function readWorkbookBytes(bytes: Uint8Array): Promise<WorkbookResult> {
  try {
    return { ok: true, ...(await readChecked(bytes)) };
  } catch (error) {
    if (error instanceof WorkbookRefusal) return { ok: false, message: error.message, text: error.text };
    // The library's own errors name XML internals; the person gets what to do instead.
    return {
      ok: false,
      message: `The workbook could not be read (${describe(error)}). Open it in Excel and save it again as “Excel Workbook (.xlsx)”, or save the sheet as CSV.`,
      text: msg('import.read.workbookFailed', { reason: describe(error) }),
    };
  }
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 120 ? `${text.slice(0, 120)}…` : text || 'unknown error';
}

async function readChecked(bytes: Uint8Array): Promise<{ sheets: WorkbookSheet[]; locale: WorkbookLocale; kind: 'xlsx' | 'ods' }> {
  if (bytes.byteLength > WORKBOOK_MAX_BYTES) {
    refuse(`The workbook is ${megabytes(bytes.byteLength)}; Liftoff reads workbooks up to ${megabytes(WORKBOOK_MAX_BYTES)}.`, msg('import.read.workbookTooLarge', { size: { bytes: bytes.byteLength }, limit: { bytes: WORKBOOK_MAX_BYTES } }));
  }
  const parts = unpackChecked(bytes);
  const isOpenDocument = parts['mimetype'] !== undefined || parts['content.xml'] !== undefined;
  if (!isOpenDocument && parts['xl/workbook.xml'] === undefined) refuse('This zip file is not an Excel workbook: it has no workbook part. Import an .xlsx or CSV file.', msg('import.read.notWorkbook'));

  for (const [name, content] of Object.entries(parts)) {
    if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
    // OOXML parts never need a document type declaration; refusing it means no entity is ever
    // defined, so none can expand (billion laughs) or reach outside (external entities).
    if (/<!DOCTYPE|<!ENTITY/i.test(strFromU8(content))) refuse('The workbook contains XML with a document type declaration, which Excel never writes. It was not read.', msg('import.read.doctype'));
  }
  if (isOpenDocument) return { sheets: readOdsChecked(parts), locale: null, kind: 'ods' };
  for (const [name, content] of Object.entries(parts)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const rows = countRows(content);
    if (rows > WORKBOOK_MAX_ROWS) {
      refuse(`A sheet of the workbook has ${rows.toLocaleString('en')} rows; Liftoff imports at most ${MAX_CSV_ROWS.toLocaleString('en')} use cases at a time. Split it and import the parts.`, msg('import.read.sheetRows', { rows, max: MAX_CSV_ROWS }));
    }
    // The reader lays a sheet out as a full grid up to its farthest cell: one cell at XFD1048576
    // would make a grid of 17 billion cells. The farthest cell is found in the text first.
    const far = farthestCell(strFromU8(content));
    if (far.row > WORKBOOK_MAX_ROWS) {
      refuse(`A sheet of the workbook has a cell in row ${far.row.toLocaleString('en')}; Liftoff reads sheets of up to ${WORKBOOK_MAX_ROWS.toLocaleString('en')} rows. Delete the rows below the list, save, and import again.`, msg('import.read.cellRow', { row: far.row, max: WORKBOOK_MAX_ROWS }));
    }
    if (far.column > WORKBOOK_MAX_COLUMNS) {
      refuse(`A sheet of the workbook has a cell in column ${far.column.toLocaleString('en')}; Liftoff reads at most ${WORKBOOK_MAX_COLUMNS} columns. Delete the columns to the right of the list, save, and import again.`, msg('import.read.cellColumn', { column: far.column, max: WORKBOOK_MAX_COLUMNS }));
    }
  }

  return readSheets(parts);
}

/** Unpacks the XML parts only, after checking the sizes the zip declares for them. */
function unpackChecked(bytes: Uint8Array): Unzipped {
  let entries = 0;
  let declared = 0;
  let parts: Unzipped;
  try {
    parts = unzipSync(bytes, {
      filter: (file) => {
        entries++;
        if (entries > WORKBOOK_MAX_ENTRIES) refuse(`The workbook holds more than ${WORKBOOK_MAX_ENTRIES} files; it was not read.`, msg('import.read.entries', { max: WORKBOOK_MAX_ENTRIES }));
        const wanted = file.name === 'mimetype' || file.name.endsWith('.xml') || file.name.endsWith('.rels');
        if (!wanted) return false;
        declared += file.originalSize;
        // fflate inflates each part into a buffer of its declared size, so declared sizes are
        // the most memory a part can take: checking them before inflating defuses a zip bomb.
        if (declared > WORKBOOK_MAX_UNPACKED_BYTES) {
          refuse(`The workbook unpacks to more than ${megabytes(WORKBOOK_MAX_UNPACKED_BYTES)}, far more than a use-case list needs; it was not read.`, msg('import.read.unpacked', { limit: { bytes: WORKBOOK_MAX_UNPACKED_BYTES } }));
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof WorkbookRefusal) throw error;
    return refuse(
      `The file is not a readable workbook: its zip structure is damaged (${describe(error)}). Open it in Excel and save it again, or save the sheet as CSV.`,
      msg('import.read.zipDamaged', { reason: describe(error) }),
    );
  }
  return parts;
}

/** How many <row> elements a sheet has, counted without parsing it. */
function countRows(content: Uint8Array): number {
  let count = 0;
  // "<row" followed by a space or ">": 0x3c 0x72 0x6f 0x77.
  for (let i = content.indexOf(0x3c); i !== -1 && i < content.length - 4; i = content.indexOf(0x3c, i + 1)) {
    if (content[i + 1] === 0x72 && content[i + 2] === 0x6f && content[i + 3] === 0x77 && (content[i + 4] === 0x20 || content[i + 4] === 0x3e)) count++;
  }
  return count;
}

/** The largest row number and column number any cell of a sheet names in its reference ("AB12"). */
function farthestCell(xml: string): { row: number; column: number } {
  let row = 0;
  let column = 0;
  for (const match of xml.matchAll(/<c\b[^>]*?\sr\s*=\s*["']([A-Za-z]{1,4})(\d{1,8})["']/g)) {
    row = Math.max(row, Number(match[2]));
    let index = 0;
    for (const letter of (match[1] ?? '').toUpperCase()) index = index * 26 + (letter.charCodeAt(0) - 64);
    column = Math.max(column, index);
  }
  // Rows numbered without cells (a formatted but empty row) make no grid and do not count.
  return { row, column };
}

const MAIN_RELS = 'xl/_rels/workbook.xml.rels';

/** A part's path from a relationship target: relative to xl/, or absolute from the package root. */
function partPath(target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const out: string[] = [];
  for (const piece of path.split('/')) {
    if (piece === '..') out.pop();
    else if (piece !== '.' && piece !== '') out.push(piece);
  }
  return out.join('/');
}

const text = (parts: Unzipped, name: string): string | null => {
  const content = parts[name];
  return content === undefined ? null : strFromU8(content);
};

/** Excel writes "_x000D_" for characters XML cannot carry as they are; "_x005F_" escapes the underscore. */
const unescapeOoxml = (value: string) => (value.includes('_x') ? value.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : value);

function readSheets(parts: Unzipped): { sheets: WorkbookSheet[]; locale: WorkbookLocale; kind: 'xlsx' } {
  const targets = new Map<string, string>();
  let sharedStringsPath = 'xl/sharedStrings.xml';
  let stylesPath = 'xl/styles.xml';
  scanXml(text(parts, MAIN_RELS) ?? '', {
    open: (name, a) => {
      if (name !== 'Relationship' || !a['Id'] || !a['Target'] || a['TargetMode'] === 'External') return;
      const type = a['Type'] ?? '';
      if (type.endsWith('/sharedStrings')) sharedStringsPath = partPath(a['Target']);
      else if (type.endsWith('/styles')) stylesPath = partPath(a['Target']);
      targets.set(a['Id'], partPath(a['Target']));
    },
  });

  let date1904 = false;
  const listed: { name: string; path: string | undefined }[] = [];
  scanXml(text(parts, 'xl/workbook.xml') ?? '', {
    open: (name, a) => {
      if (name === 'workbookPr') date1904 = a['date1904'] === '1' || a['date1904'] === 'true';
      if (name === 'sheet') listed.push({ name: a['name'] ?? `Sheet ${listed.length + 1}`, path: targets.get(a['id'] ?? '') });
    },
  });

  const shared = readSharedStrings(text(parts, sharedStringsPath) ?? '');
  const formats = readStyles(text(parts, stylesPath) ?? '');
  const sheets = listed.map(({ name, path }) => {
    const xml = path === undefined ? null : text(parts, path);
    return { name, cells: xml === null ? [] : readSheet(xml, shared, formats, date1904) };
  });
  return { sheets, locale: workbookLocale(formats.codes), kind: 'xlsx' };
}

function readSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let current: string | null = null;
  let inText = false;
  // Phonetic guides (<rPh>) are furigana above Japanese text, not part of what the cell says.
  let phonetic = 0;
  scanXml(xml, {
    open: (name, _a, selfClosing) => {
      if (name === 'si') current = '';
      else if (name === 'rPh' && !selfClosing) phonetic++;
      else if (name === 't' && !selfClosing) inText = true;
    },
    close: (name) => {
      if (name === 'si' && current !== null) {
        strings.push(unescapeOoxml(current));
        current = null;
      } else if (name === 'rPh') phonetic = Math.max(0, phonetic - 1);
      else if (name === 't') inText = false;
    },
    text: (value) => {
      if (inText && current !== null && phonetic === 0) current += value;
    },
  });
  return strings;
}

type Formats = { byStyle: string[]; codes: string[] };

/** Each cell style's number format code, built-in ones by id (drawn later in the chosen locale). */
function readStyles(xml: string): Formats {
  const custom = new Map<number, string>();
  const styleFormatIds: number[] = [];
  let inCellXfs = false;
  scanXml(xml, {
    open: (name, a, selfClosing) => {
      if (name === 'numFmt' && a['numFmtId'] !== undefined) custom.set(Number(a['numFmtId']), a['formatCode'] ?? 'General');
      else if (name === 'cellXfs' && !selfClosing) inCellXfs = true;
      else if (name === 'xf' && inCellXfs) styleFormatIds.push(Number(a['numFmtId'] ?? 0));
    },
    close: (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  // A built-in id is kept as "#14" and resolved with the locale: format 14 is each locale's short date.
  const byStyle = styleFormatIds.map((id) => custom.get(id) ?? (Number.isInteger(id) && id > 0 ? `#${id}` : 'General'));
  return { byStyle, codes: [...custom.values()] };
}

/** The locale most of the workbook's formats are marked with, if they name one of ours. */
function workbookLocale(codes: readonly string[]): WorkbookLocale {
  const counts = new Map<string, number>();
  for (const code of codes) {
    for (const lcid of lcidsInFormat(code)) {
      const locale = sheetLocaleForLcid(lcid);
      if (locale) counts.set(locale.id, (counts.get(locale.id) ?? 0) + 1);
    }
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return best ? { id: best[0] } : null;
}

/** "AB12" → [row 11, column 27] (zero-based), or null for a reference that is not a cell. */
function cellPosition(reference: string): [number, number] | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(reference);
  if (!match) return null;
  let column = 0;
  for (const letter of (match[1] ?? '').toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  return [Number(match[2]) - 1, column - 1];
}

type Merge = { top: number; left: number; bottom: number; right: number };

/** More merged ranges than any list has; a file with more is refused rather than walked. */
const MAX_MERGES = 20_000;

function readSheet(xml: string, shared: readonly string[], formats: Formats, date1904: boolean): WorkbookCell[][] {
  const grid: WorkbookCell[][] = [];
  const merges: Merge[] = [];
  let row = -1;
  let column = -1;
  let cell: { type: string; style: number; value: string | null; inline: string | null } | null = null;
  let inValue = false;
  let inInline = 0;
  let inInlineText = false;

  const place = (r: number, c: number, value: WorkbookCell) => {
    if (r >= WORKBOOK_MAX_ROWS) {
      refuse(
        `A sheet of the workbook has a cell in row ${(r + 1).toLocaleString('en')}; Liftoff reads sheets of up to ${WORKBOOK_MAX_ROWS.toLocaleString('en')} rows. Delete the rows below the list, save, and import again.`,
        msg('import.read.cellRow', { row: r + 1, max: WORKBOOK_MAX_ROWS }),
      );
    }
    if (c >= WORKBOOK_MAX_COLUMNS) {
      refuse(
        `A sheet of the workbook has a cell in column ${(c + 1).toLocaleString('en')}; Liftoff reads at most ${WORKBOOK_MAX_COLUMNS} columns. Delete the columns to the right of the list, save, and import again.`,
        msg('import.read.cellColumn', { column: c + 1, max: WORKBOOK_MAX_COLUMNS }),
      );
    }
    const line = (grid[r] ??= []);
    line[c] = value;
  };

  scanXml(xml, {
    open: (name, a, selfClosing) => {
      if (name === 'row') {
        const number = Number(a['r']);
        row = Number.isInteger(number) && number > 0 ? number - 1 : row + 1;
        column = -1;
      } else if (name === 'c') {
        const at = a['r'] !== undefined ? cellPosition(a['r']) : null;
        if (at && at[0] !== row) row = at[0];
        column = at ? at[1] : column + 1;
        cell = { type: a['t'] ?? 'n', style: Number(a['s'] ?? 0), value: null, inline: null };
        if (selfClosing) cell = null;
      } else if (name === 'v' && cell && !selfClosing) {
        inValue = true;
        cell.value = '';
      } else if (name === 'is' && cell && !selfClosing) {
        inInline++;
        cell.inline = '';
      } else if (name === 't' && inInline > 0 && !selfClosing) inInlineText = true;
      else if (name === 'rPh' && inInline > 0) inInlineText = false;
      else if (name === 'mergeCell' && a['ref']) {
        const [from = '', to = from] = a['ref'].split(':');
        const start = cellPosition(from);
        const end = cellPosition(to);
        if (start && end) {
          if (merges.length >= MAX_MERGES) refuse(`A sheet of the workbook has more than ${MAX_MERGES.toLocaleString('en')} merged ranges; it was not read.`, msg('import.read.merges', { max: MAX_MERGES }));
          merges.push({ top: Math.min(start[0], end[0]), left: Math.min(start[1], end[1]), bottom: Math.max(start[0], end[0]), right: Math.max(start[1], end[1]) });
        }
      }
    },
    close: (name) => {
      if (name === 'v') inValue = false;
      else if (name === 't') inInlineText = false;
      else if (name === 'is') inInline = Math.max(0, inInline - 1);
      else if (name === 'c' && cell) {
        const value = cellValue(cell, shared, formats, date1904);
        if (value !== '' && row >= 0 && column >= 0) place(row, column, value);
        cell = null;
      }
    },
    text: (value) => {
      if (!cell) return;
      if (inValue) cell.value = (cell.value ?? '') + value;
      else if (inInlineText) cell.inline = (cell.inline ?? '') + value;
    },
  });

  const cells = Array.from(grid, (line) => Array.from(line ?? [], (value) => value ?? ''));
  fillMerges(cells, merges);
  return trimCells(cells);
}

/** A cell's value from its type (t), style (s), value (<v>) and inline text (<is>). */
function cellValue(cell: { type: string; style: number; value: string | null; inline: string | null }, shared: readonly string[], formats: Formats, date1904: boolean): WorkbookCell {
  const v = cell.value?.trim() ?? '';
  switch (cell.type) {
    case 's': {
      if (v === '') return '';
      const index = Number(v);
      const found = Number.isInteger(index) ? shared[index] : undefined;
      if (found === undefined) refuse('A cell of the workbook refers to text the workbook does not contain; the file is damaged. Open it in Excel and save it again, or save the sheet as CSV.', msg('import.read.missingText'));
      return found ?? '';
    }
    case 'inlineStr':
      return unescapeOoxml(cell.inline ?? cell.value ?? '');
    case 'str':
    case 'e':
      // A formula's text result, or an error such as "#DIV/0!": as Excel shows it, never the formula.
      return unescapeOoxml(cell.value ?? '');
    case 'b':
      return v === '1' || v === 'true' ? { b: true } : v === '0' || v === 'false' ? { b: false } : v;
    case 'd': {
      const ms = Date.parse(v);
      if (v === '' || Number.isNaN(ms)) return v;
      const code = formats.byStyle[cell.style] ?? 'General';
      return { n: serialFromUtc(ms), f: code === 'General' ? 'yyyy-mm-dd' : code };
    }
    default: {
      if (v === '') return '';
      const number = Number(v);
      if (!Number.isFinite(number)) return v;
      const code = formats.byStyle[cell.style] ?? 'General';
      // A workbook saved with the 1904 date system (old Mac Excel) counts dates from 1904.
      const dated = date1904 && isDateFormat(resolveFormat(code, sheetLocaleById('en-US')));
      return { n: dated ? number + 1462 : number, f: code };
    }
  }
}

/**
 * A merged range shows one value over all its cells. A list that merges "Bereich" over the three
 * use cases of that area means each of them belongs to it, so the value goes into every row the
 * range spans. Across columns it stays in the first one, as Excel draws it: a title merged across
 * the columns stays one title, not a row of repeated names.
 */
function fillMerges(cells: WorkbookCell[][], merges: readonly Merge[]): void {
  for (const merge of merges) {
    const value = cells[merge.top]?.[merge.left];
    if (value === undefined || value === '') continue;
    const bottom = Math.min(merge.bottom, cells.length - 1);
    for (let r = merge.top + 1; r <= bottom; r++) {
      const line = (cells[r] ??= []);
      while (line.length < merge.left) line.push('');
      if (line[merge.left] === undefined || line[merge.left] === '') line[merge.left] = value;
    }
  }
}

/** OpenDocument's content.xml, whose cells already hold the text as its author saw it. */
function readOdsChecked(parts: Unzipped): WorkbookSheet[] {
  const mimetype = text(parts, 'mimetype')?.trim();
  if (mimetype !== undefined && mimetype !== 'application/vnd.oasis.opendocument.spreadsheet') {
    refuse('This OpenDocument file is not a spreadsheet. Import a spreadsheet (.ods or .xlsx) or a CSV file.', msg('import.read.odsNotSpreadsheet'));
  }
  const content = text(parts, 'content.xml');
  if (content === null) refuse('This OpenDocument spreadsheet has no content part; the file is damaged. Save it again, or save the sheet as CSV.', msg('import.read.odsNoContent'));
  // An encrypted (password-protected) file keeps its content.xml encrypted: no markup to read.
  if (!/^\uFEFF?\s*</.test(content ?? '')) refuse('This OpenDocument spreadsheet is password-protected or damaged. Save it without a password, or as CSV, and import that file.', msg('import.read.odsProtected'));
  let sheets: OdsSheet[];
  try {
    sheets = readOdsContent(content ?? '', { maxRows: WORKBOOK_MAX_ROWS, maxColumns: WORKBOOK_MAX_COLUMNS });
  } catch (error) {
    if (error instanceof OdsRefusal) return refuse(error.message, error.text);
    throw error;
  }
  return sheets.map((sheet) => ({
    name: sheet.name,
    cells: trimCells(fillMergesOf(sheet.cells, sheet.merges)),
  }));
}

function fillMergesOf(cells: WorkbookCell[][], merges: readonly Merge[]): WorkbookCell[][] {
  fillMerges(cells, merges);
  return cells;
}

/** Trailing empty cells and rows dropped, and the caps checked on what is left. */
function trimCells(rows: WorkbookCell[][]): WorkbookCell[][] {
  for (const row of rows) while (row.length > 0 && row[row.length - 1] === '') row.pop();
  while (rows.length > 0 && (rows[rows.length - 1]?.length ?? 0) === 0) rows.pop();
  const width = Math.max(0, ...rows.map((row) => row.length));
  if (width > WORKBOOK_MAX_COLUMNS) refuse(`A sheet of the workbook has ${width} columns; Liftoff reads at most ${WORKBOOK_MAX_COLUMNS}.`, msg('import.read.sheetColumns', { columns: width, max: WORKBOOK_MAX_COLUMNS }));
  if (rows.length > WORKBOOK_MAX_ROWS) refuse(`A sheet of the workbook has ${rows.length} rows; Liftoff imports at most ${MAX_CSV_ROWS} use cases at a time.`, msg('import.read.sheetRowsShort', { rows: rows.length, max: MAX_CSV_ROWS }));
  return rows;
}

/** A format as stored ("#14" for a built-in id) as the code the locale draws. */
function resolveFormat(code: string, locale: SheetLocale): string {
  return /^#\d+$/.test(code) ? builtInFormat(Number(code.slice(1)), locale) : code;
}

/** One cell as the text a person sees in Excel with this locale. */
export function cellDisplay(cell: WorkbookCell, locale: SheetLocale): string {
  if (typeof cell === 'string') return cell;
  if ('b' in cell) return cell.b ? locale.booleans[0] : locale.booleans[1];
  return formatNumber(cell.n, resolveFormat(cell.f, locale), locale);
}

/** A sheet's cells as text, the way a person sees them in an Excel set to this locale. */
export function sheetRows(sheet: WorkbookSheet, locale: SheetLocale): string[][] {
  return sheet.cells.map((row) => row.map((cell) => cellDisplay(cell, locale)));
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}
