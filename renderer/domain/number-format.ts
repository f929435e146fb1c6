// A spreadsheet cell as the text a person sees in Excel. A workbook stores numbers bare (120000,
// 46083 for a date) next to a number format ("#,##0 €", "dd.mm.yyyy", "0.0%"); Excel draws them
// with that format and with the separators and month names of the viewer's locale. Importing the
// bare number would turn "120.000 €" into "120000" and a date into 46083, silently: so the format
// is applied here, the way Excel applies it, for the formats a client's list actually uses
// (numbers, grouping, decimals, percentages, scientific, currency tags, literal text, dates and
// times with names of months and days). A format this does not understand falls back to Excel's
// "General", never to an exception.

/** How a locale's Excel draws numbers and dates: what the import needs to show cells as seen. */
export type SheetLocale = {
  id: string;
  /** For the select in the mapping step: the language, and what a number and a date look like. */
  label: string;
  decimal: string;
  group: string;
  /** What Excel's built-in short date (format 14) means in this locale. */
  shortDate: string;
  /** Excel's words for TRUE and FALSE in this locale. */
  booleans: readonly [string, string];
  /** Windows language ids (LCID) that mark a format as written for this locale: [$€-407]. */
  lcids: readonly number[];
};

const NBSP = '\u00a0';
const NARROW_NBSP = '\u202f';

export const SHEET_LOCALES: readonly SheetLocale[] = [
  { id: 'en-US', label: 'English (US)', decimal: '.', group: ',', shortDate: 'm/d/yyyy', booleans: ['TRUE', 'FALSE'], lcids: [0x409] },
  { id: 'en-GB', label: 'English (UK)', decimal: '.', group: ',', shortDate: 'dd/mm/yyyy', booleans: ['TRUE', 'FALSE'], lcids: [0x809, 0x1809] },
  { id: 'de-DE', label: 'German (Germany)', decimal: ',', group: '.', shortDate: 'dd.mm.yyyy', booleans: ['WAHR', 'FALSCH'], lcids: [0x407, 0x1007, 0x1407] },
  { id: 'de-AT', label: 'German (Austria)', decimal: ',', group: '.', shortDate: 'dd.mm.yyyy', booleans: ['WAHR', 'FALSCH'], lcids: [0xc07] },
  { id: 'de-CH', label: 'German (Switzerland)', decimal: '.', group: '’', shortDate: 'dd.mm.yyyy', booleans: ['WAHR', 'FALSCH'], lcids: [0x807] },
  { id: 'fr-FR', label: 'French (France)', decimal: ',', group: NARROW_NBSP, shortDate: 'dd/mm/yyyy', booleans: ['VRAI', 'FAUX'], lcids: [0x40c, 0x80c, 0x140c, 0x180c] },
  { id: 'es-ES', label: 'Spanish (Spain)', decimal: ',', group: '.', shortDate: 'dd/mm/yyyy', booleans: ['VERDADERO', 'FALSO'], lcids: [0xc0a, 0x40a] },
  { id: 'it-IT', label: 'Italian (Italy)', decimal: ',', group: '.', shortDate: 'dd/mm/yyyy', booleans: ['VERO', 'FALSO'], lcids: [0x410] },
  { id: 'nl-NL', label: 'Dutch (Netherlands)', decimal: ',', group: '.', shortDate: 'd-m-yyyy', booleans: ['WAAR', 'ONWAAR'], lcids: [0x413, 0x813] },
  { id: 'pl-PL', label: 'Polish (Poland)', decimal: ',', group: NBSP, shortDate: 'dd.mm.yyyy', booleans: ['PRAWDA', 'FAŁSZ'], lcids: [0x415] },
];

const EN_US = SHEET_LOCALES[0] as SheetLocale;

export function sheetLocaleById(id: string): SheetLocale {
  return SHEET_LOCALES.find((locale) => locale.id === id) ?? EN_US;
}

/** The sheet locale closest to a language tag ("de" → German (Germany), "fr-CA" → French). */
export function sheetLocaleForTag(tag: string | undefined): SheetLocale {
  const wanted = (tag ?? '').toLowerCase();
  return (
    SHEET_LOCALES.find((locale) => locale.id.toLowerCase() === wanted) ??
    SHEET_LOCALES.find((locale) => locale.id.slice(0, 2) === wanted.slice(0, 2)) ??
    EN_US
  );
}

/** The locale a Windows language id names, if it is one of ours; LCIDs carry a calendar in higher bits. */
export function sheetLocaleForLcid(lcid: number): SheetLocale | null {
  const language = lcid & 0xffff;
  return SHEET_LOCALES.find((locale) => locale.lcids.includes(language)) ?? null;
}

/** The language ids written into format codes: "[$€-407]", "[$-de-DE]"… */
export function lcidsInFormat(code: string): number[] {
  const found: number[] = [];
  for (const match of code.matchAll(/\[\$[^\]-]*-([0-9A-Fa-f]{1,8})\]/g)) found.push(Number.parseInt(match[1] ?? '', 16));
  return found;
}

/** Excel's built-in number formats (ECMA-376 18.8.30), those a file may use without writing them. */
export function builtInFormat(id: number, locale: SheetLocale): string {
  switch (id) {
    case 1: return '0';
    case 2: return '0.00';
    case 3: return '#,##0';
    case 4: return '#,##0.00';
    case 5: return '#,##0_);(#,##0)';
    case 6: return '#,##0_);[Red](#,##0)';
    case 7: return '#,##0.00_);(#,##0.00)';
    case 8: return '#,##0.00_);[Red](#,##0.00)';
    case 9: return '0%';
    case 10: return '0.00%';
    case 11: return '0.00E+00';
    case 12: return '# ?/?';
    case 13: return '# ??/??';
    // 14 is "the short date of the machine": Excel writes the id, each locale draws its own.
    case 14: return locale.shortDate;
    case 15: return 'd-mmm-yy';
    case 16: return 'd-mmm';
    case 17: return 'mmm-yy';
    case 18: return 'h:mm AM/PM';
    case 19: return 'h:mm:ss AM/PM';
    case 20: return 'h:mm';
    case 21: return 'h:mm:ss';
    case 22: return `${locale.shortDate} h:mm`;
    case 37: return '#,##0 ;(#,##0)';
    case 38: return '#,##0 ;[Red](#,##0)';
    case 39: return '#,##0.00;(#,##0.00)';
    case 40: return '#,##0.00;[Red](#,##0.00)';
    case 45: return 'mm:ss';
    case 46: return '[h]:mm:ss';
    case 47: return 'mm:ss.0';
    case 48: return '##0.0E+0';
    case 49: return '@';
    default:
      // 27–36 and 50–58 are East Asian date formats: the short date is the nearest thing.
      if ((id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return locale.shortDate;
      return 'General';
  }
}

/** A number in Excel's "General" format: at most 15 significant digits, the locale's decimal sign. */
export function formatGeneral(value: number, locale: SheetLocale): string {
  if (!Number.isFinite(value)) return '';
  const text = String(Number(value.toPrecision(15)));
  return text.replace('.', locale.decimal);
}

type Token =
  | { kind: 'literal'; text: string }
  | { kind: 'date'; text: string }
  | { kind: 'digit'; char: '0' | '#' | '?' }
  | { kind: 'point' }
  | { kind: 'comma' }
  | { kind: 'percent' }
  | { kind: 'exponent'; sign: '+' | '-' }
  | { kind: 'slash' }
  | { kind: 'elapsed'; unit: 'h' | 'm' | 's'; width: number }
  | { kind: 'ampm'; text: string }
  | { kind: 'text' };

type Section = { tokens: Token[]; condition: { op: string; value: number } | null; lcid: number | null };

const cache = new Map<string, Section[]>();

function sectionsOf(code: string): Section[] {
  let sections = cache.get(code);
  if (!sections) {
    sections = splitSections(code).map(parseSection);
    if (cache.size > 2_000) cache.clear();
    cache.set(code, sections);
  }
  return sections;
}

/** Splits at ";" outside quotes, brackets and escapes. */
function splitSections(code: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < code.length; i++) {
    const ch = code.charAt(i);
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      const stop = end === -1 ? code.length : end;
      current += code.slice(i, stop + 1);
      i = stop;
    } else if (ch === '\\' || ch === '_' || ch === '*') {
      current += code.slice(i, i + 2);
      i++;
    } else if (ch === '[') {
      const end = code.indexOf(']', i);
      const stop = end === -1 ? code.length : end;
      current += code.slice(i, stop + 1);
      i = stop;
    } else if (ch === ';') {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out.slice(0, 4);
}

function parseSection(code: string): Section {
  const tokens: Token[] = [];
  let condition: Section['condition'] = null;
  let lcid: number | null = null;
  const lower = code.toLowerCase();
  for (let i = 0; i < code.length; i++) {
    const ch = code.charAt(i);
    const low = lower.charAt(i);
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      const stop = end === -1 ? code.length : end;
      tokens.push({ kind: 'literal', text: code.slice(i + 1, stop) });
      i = stop;
    } else if (ch === '\\') {
      tokens.push({ kind: 'literal', text: code.charAt(i + 1) });
      i++;
    } else if (ch === '_') {
      // Room the width of the next character: a space on screen.
      tokens.push({ kind: 'literal', text: ' ' });
      i++;
    } else if (ch === '*') {
      // Repeat to fill the column: nothing a person reads as part of the value.
      i++;
    } else if (ch === '[') {
      const end = code.indexOf(']', i);
      const stop = end === -1 ? code.length : end;
      const inner = code.slice(i + 1, stop);
      i = stop;
      const elapsed = /^(h+|m+|s+)$/i.exec(inner);
      const cond = /^(<=|>=|<>|<|>|=)\s*(-?\d+(?:\.\d+)?)$/.exec(inner);
      if (elapsed) {
        const unit = (elapsed[1] ?? 'h').charAt(0).toLowerCase() as 'h' | 'm' | 's';
        tokens.push({ kind: 'elapsed', unit, width: inner.length });
      } else if (cond) condition = { op: cond[1] ?? '=', value: Number(cond[2]) };
      else if (inner.startsWith('$')) {
        // "[$€-407]": a currency sign, and the language the format was written for.
        const dash = inner.indexOf('-');
        const symbol = dash === -1 ? inner.slice(1) : inner.slice(1, dash);
        if (symbol) tokens.push({ kind: 'literal', text: symbol });
        if (dash !== -1) {
          const id = Number.parseInt(inner.slice(dash + 1), 16);
          if (Number.isFinite(id)) lcid = id;
        }
      }
      // Colours ([Red], [Color 10]) and anything else in brackets draw nothing.
    } else if (ch === '0' || ch === '#' || ch === '?') tokens.push({ kind: 'digit', char: ch });
    else if (ch === '.') tokens.push({ kind: 'point' });
    else if (ch === ',') tokens.push({ kind: 'comma' });
    else if (ch === '%') tokens.push({ kind: 'percent' });
    else if (ch === '@') tokens.push({ kind: 'text' });
    else if (ch === '/') tokens.push({ kind: 'slash' });
    else if ((low === 'e') && (code.charAt(i + 1) === '+' || code.charAt(i + 1) === '-') && tokens.some((t) => t.kind === 'digit')) {
      tokens.push({ kind: 'exponent', sign: code.charAt(i + 1) as '+' | '-' });
      i++;
    } else if (lower.startsWith('am/pm', i)) {
      tokens.push({ kind: 'ampm', text: 'AM/PM' });
      i += 4;
    } else if (lower.startsWith('a/p', i)) {
      tokens.push({ kind: 'ampm', text: 'A/P' });
      i += 2;
    } else if (low === 'y' || low === 'm' || low === 'd' || low === 'h' || low === 's' || (low === 'e' && !tokens.some((t) => t.kind === 'digit'))) {
      let end = i;
      while (end < code.length && lower.charAt(end) === low) end++;
      tokens.push({ kind: 'date', text: lower.slice(i, end) });
      i = end - 1;
    } else if (lower.startsWith('general', i)) {
      tokens.push({ kind: 'literal', text: '\u0000GENERAL' });
      i += 6;
    } else tokens.push({ kind: 'literal', text: ch });
  }
  return { tokens, condition, lcid };
}

function matches(condition: NonNullable<Section['condition']>, value: number): boolean {
  switch (condition.op) {
    case '<': return value < condition.value;
    case '<=': return value <= condition.value;
    case '>': return value > condition.value;
    case '>=': return value >= condition.value;
    case '<>': return value !== condition.value;
    default: return value === condition.value;
  }
}

/** Which section draws the value, and whether Excel adds the minus sign itself. */
function pickSection(sections: Section[], value: number): { section: Section; minus: boolean } | null {
  const numeric = sections.filter((s) => !s.tokens.some((t) => t.kind === 'text') || s.tokens.some((t) => t.kind === 'digit'));
  if (numeric.length === 0) return null;
  if (numeric.some((s) => s.condition)) {
    for (const section of numeric.slice(0, 2)) if (section.condition && matches(section.condition, value)) return { section, minus: false };
    const rest = numeric.slice(0, 3).find((s) => !s.condition) ?? numeric[numeric.length - 1];
    return rest ? { section: rest, minus: value < 0 } : null;
  }
  const [positive, negative, zero] = numeric;
  if (!positive) return null;
  if (value < 0 && negative) return { section: negative, minus: false };
  if (value === 0 && zero) return { section: zero, minus: false };
  return { section: positive, minus: value < 0 };
}

/**
 * The text Excel shows for a number under a format code, in a locale. `code` is the format as
 * the workbook writes it ("#,##0.00\ [$€-407]", "dd.mm.yyyy", "General").
 */
export function formatNumber(value: number, code: string, locale: SheetLocale): string {
  if (!Number.isFinite(value)) return '';
  if (code.trim() === '' || /^general$/i.test(code.trim())) return formatGeneral(value, locale);
  try {
    const picked = pickSection(sectionsOf(code), value);
    if (!picked) return formatGeneral(value, locale);
    const { section, minus } = picked;
    const isDate = section.tokens.some((t) => t.kind === 'date' || t.kind === 'elapsed' || t.kind === 'ampm');
    const text = isDate ? drawDate(value, section, locale) : drawNumber(Math.abs(value), section, locale);
    if (text === null) return formatGeneral(value, locale);
    return ((minus && !isDate ? '-' : '') + text).trim();
  } catch {
    return formatGeneral(value, locale);
  }
}

/** True when a format draws a date or a time (so a cell under it holds a date serial number). */
export function isDateFormat(code: string): boolean {
  try {
    return sectionsOf(code).some((s) => s.tokens.some((t) => t.kind === 'date' || t.kind === 'elapsed'));
  } catch {
    return false;
  }
}

function groupDigits(digits: string, group: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += group;
    out += digits.charAt(i);
  }
  return out;
}

function drawNumber(value: number, section: Section, locale: SheetLocale): string | null {
  const tokens = section.tokens;
  if (tokens.some((t) => t.kind === 'slash')) return null; // fractions: General shows the value exactly
  const exponentAt = tokens.findIndex((t) => t.kind === 'exponent');
  const mantissaTokens = exponentAt === -1 ? tokens : tokens.slice(0, exponentAt);
  const pointAt = mantissaTokens.findIndex((t) => t.kind === 'point');
  const digitIndexes = mantissaTokens.flatMap((t, i) => (t.kind === 'digit' ? [i] : []));
  const lastDigit = digitIndexes[digitIndexes.length - 1] ?? -1;
  const firstDigit = digitIndexes[0] ?? -1;
  const intEnd = pointAt === -1 ? mantissaTokens.length : pointAt;

  // A comma between digit placeholders groups thousands; commas right after the last integer
  // digit (or the last digit) divide by 1,000 each.
  let grouping = false;
  let scale = 0;
  mantissaTokens.forEach((t, i) => {
    if (t.kind !== 'comma') return;
    const digitBefore = digitIndexes.some((d) => d < i);
    const digitAfterInInt = digitIndexes.some((d) => d > i && d < intEnd);
    if (digitBefore && digitAfterInInt) grouping = true;
    else if (digitBefore) scale++;
  });
  const percents = tokens.filter((t) => t.kind === 'percent').length;
  let scaled = value * 100 ** percents / 1000 ** scale;

  const intPlaces = mantissaTokens.filter((t, i) => t.kind === 'digit' && i < intEnd);
  const fracPlaces = mantissaTokens.filter((t, i) => t.kind === 'digit' && i > intEnd) as { kind: 'digit'; char: '0' | '#' | '?' }[];
  const zeroInt = intPlaces.filter((t) => t.kind === 'digit' && t.char === '0').length;
  const spaceInt = intPlaces.filter((t) => t.kind === 'digit' && t.char === '?').length;

  let exponentText = '';
  if (exponentAt !== -1) {
    const expToken = tokens[exponentAt] as { kind: 'exponent'; sign: '+' | '-' };
    const expDigits = tokens.slice(exponentAt + 1).filter((t) => t.kind === 'digit').length;
    let exponent = scaled === 0 ? 0 : Math.floor(Math.log10(Math.abs(scaled)));
    // "##0.0E+0": the exponent is a multiple of the integer places (engineering notation).
    if (intPlaces.length > 1 && intPlaces.some((t) => t.kind === 'digit' && t.char === '#')) exponent = Math.floor(exponent / intPlaces.length) * intPlaces.length;
    scaled = scaled / 10 ** exponent;
    const sign = exponent < 0 ? '-' : expToken.sign === '+' ? '+' : '';
    exponentText = `E${sign}${String(Math.abs(exponent)).padStart(Math.max(1, expDigits), '0')}`;
  }

  // Beyond 1e21 toFixed answers in exponent notation; Excel shows such numbers as General does.
  if (!Number.isFinite(scaled) || Math.abs(scaled) >= 1e21) return null;
  const fixed = Math.abs(scaled).toFixed(Math.min(20, fracPlaces.length));
  const [intRaw = '0', fracRaw = ''] = fixed.split('.');
  let intDigits = intRaw.replace(/^0+/, '');
  // '0' places show a zero where there is no digit, '?' places a space.
  if (intDigits.length < zeroInt) intDigits = intDigits.padStart(zeroInt, '0');
  if (intDigits.length < zeroInt + spaceInt) intDigits = intDigits.padStart(zeroInt + spaceInt, ' ');
  // Optional fraction places drop their trailing zeros ('#') or show a space ('?').
  let frac = '';
  let keep = fracRaw.length;
  for (let i = fracRaw.length - 1; i >= 0 && fracPlaces[i]?.char !== '0' && fracRaw.charAt(i) === '0'; i--) keep = i;
  for (let i = 0; i < fracRaw.length; i++) frac += i < keep ? fracRaw.charAt(i) : fracPlaces[i]?.char === '?' ? ' ' : '';
  const intText = grouping ? groupDigits(intDigits, locale.group) : intDigits;
  let out = '';
  let fracIndex = 0;
  mantissaTokens.forEach((t, i) => {
    if (t.kind === 'digit') {
      if (i === firstDigit && i < intEnd) out += intText;
      else if (i > intEnd) out += frac.charAt(fracIndex++);
      if (i === lastDigit) out += frac.slice(fracIndex);
    } else if (t.kind === 'point') out += locale.decimal;
    else if (t.kind === 'literal') out += t.text === '\u0000GENERAL' ? formatGeneral(Math.abs(scaled), locale) : t.text;
    else if (t.kind === 'percent') out += '%';
    else if (t.kind === 'comma' && scale === 0 && !grouping) out += ',';
  });
  if (exponentAt !== -1) {
    out += exponentText;
    for (const t of tokens.slice(exponentAt + 1)) if (t.kind === 'literal') out += t.text;
  }
  return out;
}

const DAY_MS = 86_400_000;
/** Excel's day 0 in the 1900 date system, with its famous 29 February 1900 accounted for below. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);

/** The calendar date and time of an Excel serial number (1900 date system). */
export function serialToParts(serial: number): { year: number; month: number; day: number; weekday: number; hours: number; minutes: number; seconds: number; millis: number } {
  // Serials below 61 sit before the leap day Excel invented; they are one day off from the calendar.
  const days = Math.floor(serial);
  const shifted = days < 61 && days > 0 ? days + 1 : days;
  const totalMs = Math.round((serial - days) * DAY_MS);
  const date = new Date(EPOCH_1900 + shifted * DAY_MS + totalMs);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    weekday: date.getUTCDay(),
    hours: date.getUTCHours(),
    minutes: date.getUTCMinutes(),
    seconds: date.getUTCSeconds(),
    millis: date.getUTCMilliseconds(),
  };
}

/** The serial number Excel stores for a moment given in UTC (1900 date system). */
export function serialFromUtc(ms: number): number {
  const serial = (ms - EPOCH_1900) / DAY_MS;
  return serial < 61 ? serial - 1 : serial;
}

const nameCache = new Map<string, string[]>();

function names(localeId: string, kind: 'month' | 'weekday', width: 'long' | 'short'): string[] {
  const key = `${localeId}|${kind}|${width}`;
  let list = nameCache.get(key);
  if (!list) {
    list = [];
    const format = new Intl.DateTimeFormat(localeId, { timeZone: 'UTC', ...(kind === 'month' ? { month: width } : { weekday: width }) });
    const count = kind === 'month' ? 12 : 7;
    // 2023-01-01 was a Sunday: day i of that week is weekday i, month i of 2023 is month i.
    for (let i = 0; i < count; i++) list.push(format.format(kind === 'month' ? Date.UTC(2023, i, 15) : Date.UTC(2023, 0, 1 + i)).replace(/\.$/, ''));
    nameCache.set(key, list);
  }
  return list;
}

/** German Excel abbreviates months its own way ("Mrz", not "März"). */
const GERMAN_SHORT_MONTHS = ['Jan', 'Feb', 'Mrz', 'Apr', 'Mai', 'Jun', 'Jul', 'Aug', 'Sep', 'Okt', 'Nov', 'Dez'];

function drawDate(serial: number, section: Section, locale: SheetLocale): string | null {
  if (serial < 0 || serial > 2_958_465) return null; // Excel shows ##### outside 1900–9999
  const namesLocale = (section.lcid !== null && sheetLocaleForLcid(section.lcid)) || locale;
  const tokens = section.tokens;
  const hasAmPm = tokens.some((t) => t.kind === 'ampm');
  const fracToken = tokens.findIndex((t, i) => t.kind === 'point' && tokens[i + 1]?.kind === 'digit');
  let fracDigits = 0;
  if (fracToken !== -1) while (tokens[fracToken + 1 + fracDigits]?.kind === 'digit' && fracDigits < 3) fracDigits++;
  // Seconds are rounded to what is shown, as Excel does (12:59:59.6 shows as 13:00:00).
  const rounded = Math.round(serial * 86_400 * 10 ** fracDigits) / (86_400 * 10 ** fracDigits);
  const p = serialToParts(rounded);
  const dateTokens = tokens.map((t, i) => ({ t, i })).filter(({ t }) => t.kind === 'date');
  let out = '';
  tokens.forEach((t, i) => {
    switch (t.kind) {
      case 'literal':
        out += t.text === '\u0000GENERAL' ? '' : t.text;
        break;
      case 'date': {
        const c = t.text.charAt(0);
        const n = t.text.length;
        if (c === 'y' || c === 'e') out += n <= 2 && c === 'y' ? String(p.year % 100).padStart(2, '0') : String(p.year);
        else if (c === 'd') {
          if (n === 1) out += String(p.day);
          else if (n === 2) out += String(p.day).padStart(2, '0');
          else out += names(namesLocale.id, 'weekday', n === 3 ? 'short' : 'long')[p.weekday] ?? '';
        } else if (c === 'h') {
          const h = hasAmPm ? ((p.hours + 11) % 12) + 1 : p.hours;
          out += n >= 2 ? String(h).padStart(2, '0') : String(h);
        } else if (c === 's') out += n >= 2 ? String(p.seconds).padStart(2, '0') : String(p.seconds);
        else if (c === 'm') {
          // "m" is minutes right after an hour or right before a second, months otherwise.
          const position = dateTokens.findIndex((d) => d.i === i);
          const before = dateTokens[position - 1]?.t;
          const after = dateTokens[position + 1]?.t;
          const isMinute = n <= 2 && ((before?.kind === 'date' && before.text.startsWith('h')) || (after?.kind === 'date' && after.text.startsWith('s')) || tokens.slice(0, i).some((x) => x.kind === 'elapsed' && x.unit === 'h'));
          if (isMinute) out += n === 2 ? String(p.minutes).padStart(2, '0') : String(p.minutes);
          else if (n === 1) out += String(p.month);
          else if (n === 2) out += String(p.month).padStart(2, '0');
          else if (n === 3) out += namesLocale.id.startsWith('de') ? (GERMAN_SHORT_MONTHS[p.month - 1] ?? '') : (names(namesLocale.id, 'month', 'short')[p.month - 1] ?? '');
          else if (n === 5) out += (names(namesLocale.id, 'month', 'long')[p.month - 1] ?? '').charAt(0);
          else out += names(namesLocale.id, 'month', 'long')[p.month - 1] ?? '';
        }
        break;
      }
      case 'elapsed': {
        const totalSeconds = Math.round(rounded * 86_400);
        const amount = t.unit === 'h' ? Math.floor(totalSeconds / 3600) : t.unit === 'm' ? Math.floor(totalSeconds / 60) : totalSeconds;
        out += String(amount).padStart(t.width, '0');
        break;
      }
      case 'ampm':
        out += t.text === 'AM/PM' ? (p.hours < 12 ? 'AM' : 'PM') : p.hours < 12 ? 'A' : 'P';
        break;
      case 'point':
        if (i === fracToken) out += locale.decimal + String(p.millis).padStart(3, '0').slice(0, fracDigits);
        else out += '.';
        break;
      case 'digit':
        break; // sub-second digits, drawn with the point
      case 'comma':
        out += ',';
        break;
      case 'percent':
        out += '%';
        break;
      case 'slash':
        out += '/';
        break;
      default:
        break;
    }
  });
  return out;
}
