// The ranked portfolio as an Excel workbook: the one adapter for write-excel-file. Numbers are
// number cells (so the client can sort and sum them); every text is a text cell in the "@" (Text)
// format, never a formula, so a use case titled "=HYPERLINK(…)" is shown as typed and a person
// editing the cell later still gets text.
import writeXlsxFile, { type Cell, type SheetData } from 'write-excel-file/universal';
import type { PortfolioRow } from '../../domain/sponsor-pack';
import { portfolioTable } from '../../domain/portfolio-csv';
import type { Language } from '../../domain/languages';
import { exportTranslator } from '../../i18n/export-catalog';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function cell(value: string | number | null, header: boolean): Cell {
  if (typeof value === 'number') return { value, type: Number, format: Number.isInteger(value) ? '0' : '0.00' };
  return { value: value ?? '', type: String, format: '@', ...(header ? { fontWeight: 'bold' as const } : {}) };
}

/** Column widths in characters: wide enough for the header and typical content, capped for long titles. */
function columnWidths(table: readonly (readonly (string | number | null)[])[]): { width: number }[] {
  const columns = table[0]?.length ?? 0;
  return Array.from({ length: columns }, (_, column) => {
    const longest = Math.max(...table.map((row) => String(row[column] ?? '').length));
    return { width: Math.min(60, Math.max(8, longest + 2)) };
  });
}

/** The workbook in `language` (the workshop's): headers, the method's words in cells, the sheet's name. */
export async function portfolioXlsx(rows: readonly PortfolioRow[], language: Language = 'en'): Promise<Uint8Array> {
  const table = portfolioTable(rows, language);
  const data: SheetData = table.map((row, index) => row.map((value) => cell(value, index === 0)));
  const blob = await writeXlsxFile(data, { sheet: exportTranslator(language).t('export.xlsx.sheet'), columns: columnWidths(table), stickyRowsCount: 1 }).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
