// The ranked portfolio as a CSV file for spreadsheet apps. UTF-8 with a byte-order mark (so Excel
// reads Müller and 東京 as written), CRLF line ends and every cell quoted (RFC 4180). Two styles:
// comma-separated with decimal points (English Excel), or semicolon-separated with decimal commas,
// which is what Excel expects where the decimal separator is a comma (German, French, Polish…):
// opened there with a double-click, the file shows in columns.
//
// Text a spreadsheet would run as a formula gets a leading apostrophe (CSV injection), and only
// that: "-5 % cost" or "+49 30 1234567" are not formulas to Excel and stay exactly as typed.
//
// Headers and the method's words in the cells (quadrant, stage, verdict, kind, yes/no) are in the
// workshop's language (renderer/i18n/catalogs/export/); titles, owners and departments as typed.
import { CRITERIA, type Workshop, type WorkshopRows } from './model';
import { buildPortfolioRows, CRITERION_LABELS, type PortfolioRow } from './sponsor-pack';
import { formatScore } from './scoring';
import { KIND_LABELS } from './labels';
import { VERDICT_LABELS } from './readiness';
import type { Language } from './languages';
import { exportTranslator } from '../i18n/export-catalog';

export const CSV_BOM = '\ufeff';
export const CSV_EOL = '\r\n';

export type CsvStyle = 'comma' | 'semicolon';
/** Short, for a select next to the CSV button: what separates cells, how a decimal looks. */
export const CSV_STYLE_LABELS: Record<CsvStyle, string> = {
  comma: 'Commas, 1.5',
  semicolon: 'Semicolons, 1,5',
};

/** The style a spreadsheet in this locale opens in columns: semicolons where decimals take a comma. */
export function csvStyleForLocale(locale: string | undefined): CsvStyle {
  try {
    const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value;
    return decimal === ',' ? 'semicolon' : 'comma';
  } catch {
    // An unknown locale tag: English Excel's format.
    return 'comma';
  }
}

/** Spaces and invisible characters a spreadsheet may skip before it looks for "=". */
const LEADING_BLANKS = /^[\s\u200b-\u200d\u2060\ufeff]*/u;
/** A function call anywhere: HYPERLINK(, cmd|, SUM ( … */
const FUNCTION_CALL = /[\p{L}_][\p{L}\p{N}_.]*\s*\(/u;
/** DDE ("cmd|' /C calc'!A0") and references to other sheets or files. */
const DDE_OR_REFERENCE = /[|!]/;
/** A sum of numbers or cell references, such as "1+2" or "A1*B2": "-3+4" would show as 1. */
const ARITHMETIC = /^\s*[\p{L}\p{N}.,$:%]+(?:\s*[-+*/^&=<>]+\s*[\p{L}\p{N}.,$:%()]+)+\s*$/u;

/**
 * True when a spreadsheet opening the cell would run it as a formula. Looks past leading spaces,
 * no-break spaces and zero-width characters, and reads full-width signs ("＝", "＋") as the ASCII
 * ones, as Excel does. "=" always counts; "+", "-" and "@" only when a formula follows (a
 * function call, DDE, a reference to another sheet, or arithmetic).
 */
export function runsAsFormula(text: string): boolean {
  const normalized = text.normalize('NFKC');
  const body = normalized.slice(LEADING_BLANKS.exec(normalized)?.[0].length ?? 0);
  const sign = body.charAt(0);
  if (sign === '=') return true;
  if (sign !== '+' && sign !== '-' && sign !== '@') return false;
  const rest = body.slice(1);
  return FUNCTION_CALL.test(rest) || DDE_OR_REFERENCE.test(rest) || ARITHMETIC.test(rest) || /^\s*[=+\-@]/.test(rest);
}

/** Text a spreadsheet would run gets a leading apostrophe; anything else is unchanged. */
export function neutralizeFormula(text: string): string {
  return runsAsFormula(text) ? `'${text}` : text;
}

/** A number as the style writes it: "4.25" or "4,25". */
export function csvNumber(value: number, style: CsvStyle = 'comma'): string {
  const text = String(value);
  return style === 'semicolon' ? text.replace('.', ',') : text;
}

/** One cell, quoted, with quotes doubled. Text is neutralized; numbers we format ourselves are not. */
export function csvCell(value: string | number | null, style: CsvStyle = 'comma'): string {
  if (value === null) return '""';
  const text = typeof value === 'number' ? csvNumber(value, style) : neutralizeFormula(value);
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvLine(cells: readonly (string | number | null)[], style: CsvStyle = 'comma'): string {
  return cells.map((cell) => csvCell(cell, style)).join(style === 'semicolon' ? ';' : ',');
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

/** The header row in `language` (PORTFOLIO_CSV_HEADERS is the English one). */
export function portfolioHeaders(language: Language): string[] {
  const { t } = exportTranslator(language);
  return [
    t('export.csv.rank'),
    t('export.csv.useCase'),
    t('export.csv.combined'),
    t('export.csv.impact'),
    t('export.csv.feasibility'),
    t('export.csv.readiness'),
    t('export.csv.quadrant'),
    t('export.csv.stage'),
    t('export.csv.verdict'),
    t('export.csv.owner'),
    t('export.csv.department'),
    t('export.csv.kind'),
    t('export.csv.tied'),
  ];
}

function score(v: number | null): number | null {
  return v === null ? null : Number(formatScore(v));
}

/** The key of an English label, to say it in another language; a label it does not know stays as it is. */
function keyOfLabel<K extends string>(labels: Record<K, string>, label: string): K | null {
  return (Object.keys(labels) as K[]).find((k) => labels[k] === label) ?? null;
}

/** The cells of each row, header first, as numbers and text: shared by the CSV and the workbook. */
export function portfolioTable(rows: readonly PortfolioRow[], language: Language = 'en'): (string | number | null)[][] {
  const { t } = exportTranslator(language);
  const verdict = (label: string) => {
    const key = keyOfLabel(VERDICT_LABELS, label);
    return key ? t(`export.verdict.${key}`) : label;
  };
  const kind = (label: string) => {
    const key = keyOfLabel(KIND_LABELS, label);
    return key ? t(`export.kind.${key}`) : label;
  };
  return [
    portfolioHeaders(language),
    ...rows.map((r) => [
      r.rank,
      r.title,
      score(r.combined),
      ...CRITERIA.map((c) => score(r.scores[c])),
      r.quadrant ? t(`export.quadrant.${r.quadrant}`) : r.quadrantLabel,
      t(`export.stage.${r.stage}`),
      verdict(r.verdictLabel),
      r.owner,
      r.department,
      kind(r.kindLabel),
      r.tied ? t('export.csv.yes') : t('export.csv.no'),
    ]),
  ];
}

export function portfolioCsvFromRows(rows: readonly PortfolioRow[], style: CsvStyle = 'comma', language: Language = 'en'): string {
  const lines = portfolioTable(rows, language).map((cells) => csvLine(cells, style));
  return CSV_BOM + lines.join(CSV_EOL) + CSV_EOL;
}

/** The workshop's ranked portfolio, best first; unranked use cases follow with an empty rank. In the workshop's language. */
export function portfolioCsv(workshop: Workshop, rows: WorkshopRows, style: CsvStyle = 'comma'): string {
  return portfolioCsvFromRows(buildPortfolioRows(workshop, rows), style, workshop.language);
}
