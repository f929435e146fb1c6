// The ranked portfolio as a CSV file for spreadsheet apps. UTF-8 with a byte-order mark (so Excel
// reads Müller and 東京 as written), CRLF line ends and every cell quoted (RFC 4180). A cell that
// starts like a formula (=, +, -, @, a tab or a carriage return) gets a leading apostrophe, so a
// use case titled "=HYPERLINK(…)" is shown as text and never evaluated (CSV injection).
import { CRITERIA, type Workshop, type WorkshopRows } from './model';
import { buildPortfolioRows, CRITERION_LABELS, type PortfolioRow } from './sponsor-pack';
import { formatScore } from './scoring';

export const CSV_BOM = '\ufeff';
export const CSV_EOL = '\r\n';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text a spreadsheet would take for a formula gets a leading apostrophe; anything else is unchanged. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One cell, quoted, with quotes doubled. Text is neutralized; numbers we format ourselves are not. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '""';
  const text = typeof value === 'number' ? String(value) : neutralizeFormula(value);
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvLine(cells: readonly (string | number | null)[]): string {
  return cells.map(csvCell).join(',');
}

export const PORTFOLIO_CSV_HEADERS = [
  'Rank',
  'Use case',
  'Combined score',
  ...CRITERIA.map((c) => CRITERION_LABELS[c]),
  'Quadrant',
  'Stage',
  'Readiness verdict',
  'Business owner',
  'Department',
  'Kind',
  'Tie broken by rule',
] as const;

function score(v: number | null): number | null {
  return v === null ? null : Number(formatScore(v));
}

export function portfolioCsvFromRows(rows: readonly PortfolioRow[]): string {
  const lines = [csvLine(PORTFOLIO_CSV_HEADERS)];
  for (const r of rows) {
    lines.push(
      csvLine([
        r.rank,
        r.title,
        score(r.combined),
        ...CRITERIA.map((c) => score(r.scores[c])),
        r.quadrantLabel,
        r.stageLabel,
        r.verdictLabel,
        r.owner,
        r.department,
        r.kindLabel,
        r.tied ? 'yes' : 'no',
      ]),
    );
  }
  return CSV_BOM + lines.join(CSV_EOL) + CSV_EOL;
}

/** The workshop's ranked portfolio, best first; unranked use cases follow with an empty rank. */
export function portfolioCsv(workshop: Workshop, rows: WorkshopRows): string {
  return portfolioCsvFromRows(buildPortfolioRows(workshop, rows));
}
