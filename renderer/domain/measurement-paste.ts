// Measurements pasted from a spreadsheet: two columns, date and value, separated by tabs (what a
// spreadsheet copies), semicolons or commas. Every line is read on its own: good lines become
// rows, bad lines are listed with their line number and the reason, so the person decides
// whether to import the good ones. Pure: no DOM, no locale of the machine.

import { msg, type Message } from './message';

export type DateOrder = 'dmy' | 'mdy';

/** A refusal has its English `error` and the same as an app-catalog message (`errorText`, import.paste.*). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string; errorText: Message };

const refuse = (error: string, errorText: Message): { ok: false; error: string; errorText: Message } => ({ ok: false, error, errorText });

const MIN_YEAR = 1900;
const MAX_YEAR = 2200;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoOf(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function checkDate(text: string, year: number, month: number, day: number): Parsed<string> {
  if (year < MIN_YEAR || year > MAX_YEAR) return refuse(`"${text}": the year ${year} is not plausible.`, msg('import.paste.year', { text, year: String(year) }));
  if (month < 1 || month > 12) return refuse(`"${text}": there is no month ${month}.`, msg('import.paste.month', { text, month }));
  const max = daysIn(year, month);
  if (day < 1 || day > max) return refuse(`"${text}": ${MONTHS[month - 1]} ${year} has no day ${day}.`, msg('import.paste.day', { text, month, year: String(year), day }));
  return { ok: true, value: isoOf(year, month, day) };
}

/**
 * A date written as 2026-03-01 (also 2026/03/01), 01.03.2026 (always day first), or 3/1/2026,
 * whose order the person states (`dateOrder`). A time after the date (2026-03-01 00:00:00, what a
 * spreadsheet sometimes copies) is ignored. Returns `YYYY-MM-DD`.
 */
export function parseFlexibleDate(raw: string, opts: { dateOrder: DateOrder }): Parsed<string> {
  const text = raw.trim();
  if (!text) return refuse('The date is missing.', msg('import.paste.noDate'));
  const dateOnly = text.replace(/[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/, '');
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(dateOnly);
  if (m) return checkDate(text, Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(dateOnly);
  if (m) return checkDate(text, Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(dateOnly);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const [day, month] = opts.dateOrder === 'dmy' ? [a, b] : [b, a];
    const result = checkDate(text, Number(m[3]), month, day);
    if (!result.ok && month > 12 && day <= 12) {
      const other = opts.dateOrder === 'dmy' ? 'month first' : 'day first';
      return refuse(
        `"${text}" has no month ${month} when read ${opts.dateOrder === 'dmy' ? 'day first' : 'month first'}; were these dates written ${other}?`,
        msg(opts.dateOrder === 'dmy' ? 'import.paste.noMonthDayFirst' : 'import.paste.noMonthMonthFirst', { text, month }),
      );
    }
    return result;
  }
  if (/^\d{1,2}[./-]\d{1,2}[./-]\d{2}$/.test(dateOnly)) return refuse(`"${text}": write the year with four digits.`, msg('import.paste.fourDigits', { text }));
  return refuse(`"${text}" is not a date. Use 2026-03-01, 01.03.2026 or 3/1/2026.`, msg('import.paste.notDate', { text }));
}

/**
 * A number as people type or paste it: 12, -3.5, 1,234.5, 1.234,5, 12,5 (decimal comma), 1 234
 * (spaces between thousands), 12% (the percent sign is dropped). A lone comma followed by exactly
 * three digits (1,500) could be a thousands separator or a decimal comma: refused as ambiguous.
 * A German or French reader (`lang` de or fr) writes the decimal with a comma, so for them "1,5"
 * and "1,500" are decimals and a lone dot before exactly three digits ("1.500") is the ambiguous one.
 */
export function parseDecimal(raw: string, lang = 'en'): Parsed<number> {
  const commaDecimal = lang.startsWith('de') || lang.startsWith('fr');
  let text = raw.trim();
  if (!text) return refuse('The value is missing.', msg('import.paste.noValue'));
  const shown = text;
  text = text.replace(/%$/, '').trim();
  text = text.replace(/^\+/, '').replace(/^[−–]/, '-');
  text = text.replace(/[\u00a0\u202f\u2009 ']/g, '');
  const bad: Parsed<number> = refuse(`"${shown}" is not a number.`, msg('import.paste.notNumber', { text: shown }));
  if (!/^-?[\d.,]+$/.test(text) || !/\d/.test(text)) return bad;
  const neg = text.startsWith('-');
  const body = neg ? text.slice(1) : text;
  const dots = (body.match(/\./g) ?? []).length;
  const commas = (body.match(/,/g) ?? []).length;
  let normal: string;
  const grouped = (s: string, sep: string) => new RegExp(`^\\d{1,3}(\\${sep}\\d{3})+$`).test(s);
  if (dots > 0 && commas > 0) {
    const lastDot = body.lastIndexOf('.');
    const lastComma = body.lastIndexOf(',');
    const [thousands, decimal] = lastDot > lastComma ? [',', '.'] : ['.', ','];
    const intPart = body.slice(0, Math.max(lastDot, lastComma));
    const frac = body.slice(Math.max(lastDot, lastComma) + 1);
    if (body.split(decimal).length !== 2 || !grouped(intPart, thousands) || !/^\d+$/.test(frac)) return bad;
    normal = `${intPart.split(thousands).join('')}.${frac}`;
  } else if (commas > 0) {
    if (commas > 1) {
      if (!grouped(body, ',')) return bad;
      normal = body.split(',').join('');
    } else {
      const [int = '', frac = ''] = body.split(',');
      if (!/^\d*$/.test(int) || !/^\d+$/.test(frac) || int === '') return bad;
      if (!commaDecimal && frac.length === 3 && int !== '0' && !/^0+$/.test(int)) {
        return refuse(`"${shown}" is ambiguous: write ${int}${frac} for thousands or ${int}.${frac} for a decimal.`, msg('import.paste.ambiguous', { text: shown, whole: `${int}${frac}`, decimal: `${int}.${frac}` }));
      }
      normal = `${int}.${frac}`;
    }
  } else if (dots > 1) {
    if (!grouped(body, '.')) return bad;
    normal = body.split('.').join('');
  } else {
    if (!/^(\d+\.?\d*|\.\d+)$/.test(body)) return bad;
    const [int = '', frac = ''] = body.split('.');
    if (commaDecimal && frac.length === 3 && int !== '' && !/^0+$/.test(int)) {
      return refuse(`"${shown}" is ambiguous: write ${int}${frac} for thousands or ${int},${frac} for a decimal.`, msg('import.paste.ambiguous', { text: shown, whole: `${int}${frac}`, decimal: `${int},${frac}` }));
    }
    normal = body;
  }
  const value = Number(`${neg ? '-' : ''}${normal}`);
  if (!Number.isFinite(value) || Math.abs(value) > 1e12) return bad;
  return { ok: true, value: value === 0 ? 0 : value };
}

export type PastedRow = { line: number; date: string; value: number };
/** `reasonText` is `reason` as an app-catalog message, for the reader's language. */
export type PasteProblem = { line: number; text: string; reason: string; reasonText: Message };
export type PasteResult = {
  rows: PastedRow[];
  problems: PasteProblem[];
  /** The first line, when it was read as column headings (e.g. "Date, Value") and skipped. */
  header: string | null;
  separator: 'tab' | 'semicolon' | 'comma' | 'space' | null;
};

export const MAX_PASTE_LINES = 5000;

/** Splits one line on a separator, honouring double quotes ("12,5" stays one cell). */
function splitCells(line: string, sep: string): string[] {
  if (sep === ' ') return line.trim().split(/\s+/);
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === sep) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells.map((c) => c.trim());
}

function pickSeparator(lines: string[]): PasteResult['separator'] {
  if (lines.some((l) => l.includes('\t'))) return 'tab';
  if (lines.some((l) => l.includes(';'))) return 'semicolon';
  if (lines.some((l) => l.includes(','))) return 'comma';
  if (lines.some((l) => /\S\s+\S/.test(l.trim()))) return 'space';
  return null;
}

const SEP_CHAR = { tab: '\t', semicolon: ';', comma: ',', space: ' ' } as const;

/**
 * Reads pasted measurements. Blank lines are ignored; the first line is skipped as headings when
 * neither its date nor its value reads; a date that appears twice, or one listed in
 * `existingDates` (already measured), is a problem, as is anything but exactly one date and one
 * value per line. Values are read as the reader writes numbers (`lang`, see parseDecimal): for a German
 * reader "1.500" is refused as ambiguous rather than read as 1.5.
 */
export function parseMeasurementPaste(text: string, opts: { dateOrder: DateOrder; existingDates?: Iterable<string>; lang?: string }): PasteResult {
  const all = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const numbered = all.map((t, i) => ({ line: i + 1, text: t })).filter((l) => l.text.trim() !== '');
  const separator = pickSeparator(numbered.map((l) => l.text));
  const result: PasteResult = { rows: [], problems: [], header: null, separator };
  if (numbered.length > MAX_PASTE_LINES) {
    result.problems.push({
      line: numbered[MAX_PASTE_LINES]!.line,
      text: '',
      reason: `At most ${MAX_PASTE_LINES.toLocaleString('en-US')} lines can be pasted at once.`,
      reasonText: msg('import.paste.tooMany', { max: MAX_PASTE_LINES }),
    });
    return result;
  }
  const existing = new Set(opts.existingDates ?? []);
  const seen = new Map<string, number>();
  numbered.forEach(({ line, text: lineText }, index) => {
    const problem = (reason: string, reasonText: Message) => result.problems.push({ line, text: lineText, reason, reasonText });
    const cells = separator ? splitCells(lineText, SEP_CHAR[separator]) : [lineText.trim()];
    // Empty trailing cells (a spreadsheet's extra columns) do not count.
    while (cells.length > 2 && cells.at(-1) === '') cells.pop();
    const [dateText = '', valueText = ''] = cells;
    if (index === 0) {
      const dateOk = parseFlexibleDate(dateText, opts).ok;
      const valueOk = parseDecimal(valueText, opts.lang).ok;
      if (!dateOk && !valueOk && /[a-z]/i.test(lineText)) {
        result.header = lineText.trim();
        return;
      }
    }
    if (cells.length > 2) {
      const hint = separator === 'comma' ? ' With commas between columns, write decimals with a point, or put the value in quotes.' : '';
      problem(`${cells.length} columns; expected two: date and value.${hint}`, msg(separator === 'comma' ? 'import.paste.columnsComma' : 'import.paste.columns', { count: cells.length }));
      return;
    }
    if (cells.length < 2 || valueText === '') {
      if (dateText === '') problem('The date and the value are missing.', msg('import.paste.noDateNoValue'));
      else problem('The value is missing.', msg('import.paste.noValue'));
      return;
    }
    if (dateText === '') {
      problem('The date is missing.', msg('import.paste.noDate'));
      return;
    }
    const date = parseFlexibleDate(dateText, opts);
    const value = parseDecimal(valueText, opts.lang);
    if (!date.ok) {
      problem(date.error, date.errorText);
      return;
    }
    if (!value.ok) {
      problem(value.error, value.errorText);
      return;
    }
    const earlier = seen.get(date.value);
    if (earlier !== undefined) {
      problem(`${date.value} appears twice (also on line ${earlier}).`, msg('import.paste.twice', { date: { date: date.value }, earlier }));
      return;
    }
    if (existing.has(date.value)) {
      problem(`There is already a measurement on ${date.value}; remove it first to replace it.`, msg('import.paste.exists', { date: { date: date.value } }));
      return;
    }
    seen.set(date.value, line);
    result.rows.push({ line, date: date.value, value: value.value });
  });
  return result;
}

/** The date order people in this locale write (en-US and a few others: month first). */
export function defaultDateOrder(locale: string | undefined): DateOrder {
  return /^(en-US|en-PH|en-CA|es-US)\b/i.test(locale ?? '') ? 'mdy' : 'dmy';
}
