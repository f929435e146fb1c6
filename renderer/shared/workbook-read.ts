// Reading a client's Excel workbook (.xlsx) into sheets of text, as a person sees them. A workbook
// is a zip of XML files from outside, so it is treated as hostile: its declared sizes are checked
// before anything is inflated (a zip bomb is refused, not unpacked), XML with a document type
// declaration is refused (no entity can expand), rows and columns are capped before the sheet is
// parsed, and every failure becomes a sentence for the person, never an exception. Runs in the
// spreadsheet worker (workbook-worker.ts); the unit and fuzz tests call it directly.
import readXlsxFile from 'read-excel-file/universal';
import { strFromU8, unzipSync, zipSync, type Unzipped, type Zippable } from 'fflate';
import { MAX_CSV_ROWS } from '../domain/csv-import';

/** Largest workbook file read at all (the dialog refuses a larger one before reading it). */
export const WORKBOOK_MAX_BYTES = 10 * 1024 * 1024;
/** What the XML parts of a workbook may add up to once unpacked. Real use-case lists are far below. */
export const WORKBOOK_MAX_UNPACKED_BYTES = 60 * 1024 * 1024;
export const WORKBOOK_MAX_ENTRIES = 2_000;
/** Rows per sheet: the import's own limit plus room for headers and blank lines. */
export const WORKBOOK_MAX_ROWS = MAX_CSV_ROWS + 100;
export const WORKBOOK_MAX_COLUMNS = 200;

export type WorkbookSheet = {
  name: string;
  /** Cells as text, top row first; trailing empty cells and rows dropped. */
  rows: string[][];
};

export type WorkbookResult = { ok: true; sheets: WorkbookSheet[] } | { ok: false; message: string };

class WorkbookRefusal extends Error {}

const refuse = (message: string): never => {
  throw new WorkbookRefusal(message);
};

export async function readWorkbookBytes(bytes: Uint8Array): Promise<WorkbookResult> {
  try {
    return { ok: true, sheets: await readChecked(bytes) };
  } catch (error) {
    if (error instanceof WorkbookRefusal) return { ok: false, message: error.message };
    // The library's own errors name XML internals; the person gets what to do instead.
    return {
      ok: false,
      message: `The workbook could not be read (${describe(error)}). Open it in Excel and save it again as “Excel Workbook (.xlsx)”, or save the sheet as CSV.`,
    };
  }
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 120 ? `${text.slice(0, 120)}…` : text || 'unknown error';
}

async function readChecked(bytes: Uint8Array): Promise<WorkbookSheet[]> {
  if (bytes.byteLength > WORKBOOK_MAX_BYTES) {
    refuse(`The workbook is ${megabytes(bytes.byteLength)}; Liftoff reads workbooks up to ${megabytes(WORKBOOK_MAX_BYTES)}.`);
  }
  const parts = unpackChecked(bytes);
  if (parts['mimetype'] !== undefined || parts['content.xml'] !== undefined) {
    refuse('This is an OpenDocument spreadsheet (.ods), which Liftoff does not read yet. Save it as “Excel 2007-365 (.xlsx)” or as CSV, and import that file.');
  }
  if (parts['xl/workbook.xml'] === undefined) refuse('This zip file is not an Excel workbook: it has no workbook part. Import an .xlsx or CSV file.');

  for (const [name, content] of Object.entries(parts)) {
    if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
    // OOXML parts never need a document type declaration; refusing it means no entity is ever
    // defined, so none can expand (billion laughs) or reach outside (external entities).
    if (/<!DOCTYPE|<!ENTITY/i.test(strFromU8(content))) refuse('The workbook contains XML with a document type declaration, which Excel never writes. It was not read.');
  }
  for (const [name, content] of Object.entries(parts)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const rows = countRows(content);
    if (rows > WORKBOOK_MAX_ROWS) {
      refuse(`A sheet of the workbook has ${rows.toLocaleString('en')} rows; Liftoff imports at most ${MAX_CSV_ROWS.toLocaleString('en')} use cases at a time. Split it and import the parts.`);
    }
    // The reader lays a sheet out as a full grid up to its farthest cell: one cell at XFD1048576
    // would make a grid of 17 billion cells. The farthest cell is found in the text first.
    const far = farthestCell(strFromU8(content));
    if (far.row > WORKBOOK_MAX_ROWS) {
      refuse(`A sheet of the workbook has a cell in row ${far.row.toLocaleString('en')}; Liftoff reads sheets of up to ${WORKBOOK_MAX_ROWS.toLocaleString('en')} rows. Delete the rows below the list, save, and import again.`);
    }
    if (far.column > WORKBOOK_MAX_COLUMNS) {
      refuse(`A sheet of the workbook has a cell in column ${far.column.toLocaleString('en')}; Liftoff reads at most ${WORKBOOK_MAX_COLUMNS} columns. Delete the columns to the right of the list, save, and import again.`);
    }
  }

  // The library unpacks again: handing it the checked parts, stored uncompressed, means it sees
  // exactly what was checked, and unpacking them costs nothing.
  const stored: Zippable = {};
  for (const [name, content] of Object.entries(parts)) stored[name] = [content, { level: 0 }];
  const zipped = zipSync(stored);
  const sheets = await readXlsxFile(zipped.buffer.slice(zipped.byteOffset, zipped.byteOffset + zipped.byteLength) as ArrayBuffer);
  return sheets.map((sheet) => ({ name: sheet.sheet, rows: sheetText(sheet.data as unknown[][]) }));
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
        if (entries > WORKBOOK_MAX_ENTRIES) refuse(`The workbook holds more than ${WORKBOOK_MAX_ENTRIES} files; it was not read.`);
        const wanted = file.name === 'mimetype' || file.name.endsWith('.xml') || file.name.endsWith('.rels');
        if (!wanted) return false;
        declared += file.originalSize;
        // fflate inflates each part into a buffer of its declared size, so declared sizes are
        // the most memory a part can take: checking them before inflating defuses a zip bomb.
        if (declared > WORKBOOK_MAX_UNPACKED_BYTES) {
          refuse(`The workbook unpacks to more than ${megabytes(WORKBOOK_MAX_UNPACKED_BYTES)}, far more than a use-case list needs; it was not read.`);
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof WorkbookRefusal) throw error;
    return refuse(`The file is not a readable workbook: its zip structure is damaged (${describe(error)}). Open it in Excel and save it again, or save the sheet as CSV.`);
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

/** The sheet's cells as the text a person sees, with trailing empty cells and rows dropped. */
function sheetText(data: readonly unknown[][]): string[][] {
  const rows = data.map((row) => row.map(cellText));
  for (const row of rows) while (row.length > 0 && row[row.length - 1] === '') row.pop();
  while (rows.length > 0 && (rows[rows.length - 1]?.length ?? 0) === 0) rows.pop();
  const width = Math.max(0, ...rows.map((row) => row.length));
  if (width > WORKBOOK_MAX_COLUMNS) refuse(`A sheet of the workbook has ${width} columns; Liftoff reads at most ${WORKBOOK_MAX_COLUMNS}.`);
  if (rows.length > WORKBOOK_MAX_ROWS) refuse(`A sheet of the workbook has ${rows.length} rows; Liftoff imports at most ${MAX_CSV_ROWS} use cases at a time.`);
  return rows;
}

/**
 * Dates as ISO dates ("2026-03-14", with the time when there is one), which every reader of the
 * list understands, instead of Excel's serial numbers; numbers with the 15 digits Excel shows at
 * most (4.0999999999999996 is 4.1); TRUE and FALSE as Excel shows them.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : '';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const iso = value.toISOString();
    const time = iso.slice(11, 16);
    return time === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
  }
  return String(value);
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}
