// An OpenDocument spreadsheet's content.xml (LibreOffice, OpenOffice, Numbers' export) as sheets of
// text. Unlike Excel, OpenDocument stores each cell's text as its author saw it (<text:p>120.000 €</text:p>),
// so no number format is applied here. Repeated rows and columns (a file may say "the next 1,048,000
// rows are empty") are expanded only where something follows them, within the caps, so a few bytes
// can never ask for a huge grid. The caller refuses document type declarations before this runs.
import { scanXml } from './xml-scan';
import { msg, type Message } from '../domain/message';

export type OdsSheet = {
  name: string;
  cells: string[][];
  merges: { top: number; left: number; bottom: number; right: number }[];
};

/** Raised with its English and its app-catalog message; workbook-read turns it into the person's message. */
class OdsRefusal extends Error {
  constructor(
    message: string,
    readonly text: Message,
  ) {
    super(message);
  }
}

export { OdsRefusal };

const count = (value: string | undefined): number => {
  const n = Number(value ?? 1);
  return Number.isInteger(n) && n > 0 ? n : 1;
};

export function readOdsContent(xml: string, caps: { maxRows: number; maxColumns: number }): OdsSheet[] {
  const sheets: OdsSheet[] = [];
  let sheet: OdsSheet | null = null;
  let row = 0; // index of the next row
  let rowRepeat = 1;
  let rowCells: string[] = [];
  let rowWidth = 0; // columns taken in the current row, including empty repeated ones
  let cell: { text: string; paragraphs: number; repeat: number; rowSpan: number; colSpan: number } | null = null;
  let inParagraph = 0;
  // Comments (<office:annotation>) hold a reviewer's note, not the cell's text.
  let inAnnotation = 0;

  const tooManyRows = (rows: number) => {
    throw new OdsRefusal(
      `A sheet of the spreadsheet has ${rows.toLocaleString('en')} rows with content; Liftoff reads sheets of up to ${caps.maxRows.toLocaleString('en')} rows. Delete the rows below the list, save, and import again.`,
      msg('import.read.odsRows', { rows, max: caps.maxRows }),
    );
  };
  const tooManyColumns = (columns: number) => {
    throw new OdsRefusal(
      `A sheet of the spreadsheet has content in column ${columns.toLocaleString('en')}; Liftoff reads at most ${caps.maxColumns} columns. Delete the columns to the right of the list, save, and import again.`,
      msg('import.read.odsColumns', { column: columns, max: caps.maxColumns }),
    );
  };

  scanXml(xml, {
    open: (name, a, selfClosing) => {
      if (name === 'table' && !selfClosing) {
        sheet = { name: a['name'] ?? `Sheet ${sheets.length + 1}`, cells: [], merges: [] };
        row = 0;
      } else if (!sheet) return;
      else if (name === 'table-row') {
        rowRepeat = count(a['number-rows-repeated']);
        rowCells = [];
        rowWidth = 0;
        if (selfClosing) row += rowRepeat;
      } else if (name === 'table-cell' || name === 'covered-table-cell') {
        const repeat = count(a['number-columns-repeated']);
        if (selfClosing) {
          rowWidth += repeat;
          return;
        }
        cell = { text: '', paragraphs: 0, repeat, rowSpan: name === 'table-cell' ? count(a['number-rows-spanned']) : 1, colSpan: name === 'table-cell' ? count(a['number-columns-spanned']) : 1 };
      } else if (name === 'annotation' && !selfClosing) inAnnotation++;
      else if (cell && inAnnotation === 0) {
        if (name === 'p' || name === 'h') {
          if (cell.paragraphs > 0) cell.text += '\n';
          cell.paragraphs++;
          if (!selfClosing) inParagraph++;
        } else if (name === 's' && inParagraph > 0) cell.text += ' '.repeat(Math.min(count(a['c']), 1_000));
        else if (name === 'tab' && inParagraph > 0) cell.text += '\t';
        else if (name === 'line-break' && inParagraph > 0) cell.text += '\n';
      }
    },
    close: (name) => {
      if (!sheet) return;
      if (name === 'annotation') inAnnotation = Math.max(0, inAnnotation - 1);
      else if (name === 'p' || name === 'h') inParagraph = Math.max(0, inParagraph - 1);
      else if ((name === 'table-cell' || name === 'covered-table-cell') && cell) {
        if (cell.text !== '') {
          if (rowWidth + cell.repeat > caps.maxColumns) tooManyColumns(rowWidth + cell.repeat);
          for (let i = 0; i < cell.repeat; i++) rowCells[rowWidth + i] = cell.text;
          if (cell.rowSpan > 1 || cell.colSpan > 1) {
            sheet.merges.push({ top: row, left: rowWidth, bottom: row + Math.min(cell.rowSpan, caps.maxRows) - 1, right: rowWidth + Math.min(cell.colSpan, caps.maxColumns) - 1 });
          }
        }
        rowWidth += cell.repeat;
        cell = null;
      } else if (name === 'table-row') {
        if (rowCells.length > 0) {
          // A row with content repeated: each copy is a row of the list.
          if (row + rowRepeat > caps.maxRows) tooManyRows(row + rowRepeat);
          for (let i = 0; i < rowRepeat; i++) sheet.cells[row + i] = Array.from(rowCells, (value) => value ?? '');
        }
        row += rowRepeat;
        rowCells = [];
      } else if (name === 'table') {
        sheet.cells = Array.from(sheet.cells, (line) => line ?? []);
        sheets.push(sheet);
        sheet = null;
      }
    },
    text: (value) => {
      if (cell && inParagraph > 0 && inAnnotation === 0) cell.text += value;
    },
  });
  return sheets;
}
