// Numbers, dates, percentages and money as a reader in a given language writes them, with Intl:
// "1,234.5" in English, "1.234,5" in German, "1 234,5" in French (a narrow no-break space, which
// also keeps "1 234,5 €" on one line). Formatters are cached per locale: building an Intl object
// costs far more than using one, and a ranked table formats hundreds of numbers.
import { parseIsoDate } from './dates';

/** A BCP 47 tag ("en", "de", "fr", "en-XA" for the pseudo-locale). */
export type LocaleTag = string;

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(key: string, make: () => T): T {
  let found = cache.get(key) as T | undefined;
  if (!found) {
    found = make();
    cache.set(key, found);
  }
  return found;
}

/** 1234.5 → "1,234.5" / "1.234,5" / "1 234,5"; at most `maxDecimals` decimals (default 1). */
export function formatNumber(locale: LocaleTag, value: number, maxDecimals = 1, minDecimals = 0): string {
  const nf = cached(`n|${locale}|${minDecimals}|${maxDecimals}`, () => new Intl.NumberFormat(locale, { minimumFractionDigits: minDecimals, maximumFractionDigits: maxDecimals }));
  return nf.format(value);
}

/**
 * French writes the narrow no-break space (U+202F) before "%", as before ; : ! ?; ICU's French
 * data (Node's and some Chromium builds) gives the wider U+00A0 there, so it is replaced. German
 * keeps U+00A0 ("12,5 %").
 */
const frenchSpacing = (locale: LocaleTag, text: string) => (locale.toLowerCase().startsWith('fr') ? text.replace(/\u00a0%/g, '\u202f%') : text);

/** A share given as a fraction: 0.125 → "12.5%" / "12,5 %" / "12,5 %" (U+202F). */
export function formatPercent(locale: LocaleTag, fraction: number, maxDecimals = 1): string {
  const nf = cached(`p|${locale}|${maxDecimals}`, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: maxDecimals }));
  return frenchSpacing(locale, nf.format(fraction));
}

/** A change as a signed share: 0.125 → "+12.5%" / "+12,5 %" / "+12,5 %"; zero unsigned. */
export function formatSignedPercent(locale: LocaleTag, fraction: number, maxDecimals = 1): string {
  const nf = cached(`sp|${locale}|${maxDecimals}`, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: maxDecimals, signDisplay: 'exceptZero' }));
  return frenchSpacing(locale, nf.format(fraction));
}

/** 1234.5 EUR → "€1,234.50" / "1.234,50 €" / "1 234,50 €"; whole amounts stay whole ("1.200 €"). */
export function formatCurrency(locale: LocaleTag, amount: number, currency = 'EUR', maxDecimals = 2): string {
  const whole = Number.isInteger(amount);
  const nf = cached(`c|${locale}|${currency}|${whole}|${maxDecimals}`, () =>
    new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: whole ? 0 : Math.min(1, maxDecimals), maximumFractionDigits: whole ? 0 : maxDecimals }),
  );
  return nf.format(amount);
}

/** A calendar date `YYYY-MM-DD` → "23 Nov 2026" / "23. Nov. 2026" / "23 nov. 2026"; "—" when not set or invalid. */
export function formatIsoDate(locale: LocaleTag, iso: string, style: 'medium' | 'long' = 'medium'): string {
  const d = parseIsoDate(iso);
  if (!d) return '—';
  const df = cached(`d|${locale}|${style}`, () =>
    new Intl.DateTimeFormat(locale, style === 'long' ? { day: 'numeric', month: 'long', year: 'numeric' } : { day: 'numeric', month: 'short', year: 'numeric' }),
  );
  return df.format(d);
}

/** A moment as date and time in the reader's style (for a tooltip). */
export function formatDateTime(locale: LocaleTag, isoDateTime: string): string {
  const at = Date.parse(isoDateTime);
  if (Number.isNaN(at)) return '—';
  return cached(`dt|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(at);
}

/**
 * How long ago (or ahead) a moment is: "5 minutes ago" / "vor 5 Minuten" / "il y a 5 minutes";
 * `justNow` for the first 45 seconds; past two weeks, the date itself.
 */
export function formatRelativeTime(locale: LocaleTag, isoDateTime: string, now: number, justNow: string): string {
  const at = Date.parse(isoDateTime);
  if (Number.isNaN(at)) return '—';
  const diff = (at - now) / 1000;
  const abs = Math.abs(diff);
  if (abs < 45) return justNow;
  const rtf = cached(`r|${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  if (abs < 3600) return rtf.format(Math.round(diff / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(diff / 3600), 'hour');
  if (abs < 86400 * 14) return rtf.format(Math.round(diff / 86400), 'day');
  return cached(`d|${locale}|medium`, () => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' })).format(at);
}

/** A score or mean as the reader writes it: 3.5 → "3.5" / "3,5"; at most `digits` decimals; "–" when there is none. */
export function formatScoreIn(locale: LocaleTag, value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return formatNumber(locale, value, digits);
}

/** "a and b" / "a und b" / "a et b", as each language joins a list. */
export function formatList(locale: LocaleTag, items: readonly string[]): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
}

const KB = 1024;
const MB = 1024 * 1024;

/**
 * A file's size as the reader writes it, with Intl's unit names: "1.2 MB" / "1,2 MB" / "1,2 Mo",
 * "12 kB" / "12 ko", "512 bytes" / "512 Byte" / "512 octets". The one size formatter of the app.
 */
export function formatBytes(locale: LocaleTag, bytes: number): string {
  const [value, unit, display] = bytes >= MB ? [bytes / MB, 'megabyte', 'short'] : bytes >= KB ? [bytes / KB, 'kilobyte', 'short'] : [bytes, 'byte', 'long'];
  const digits = unit === 'megabyte' ? 1 : 0;
  const nf = cached(`b|${locale}|${unit}`, () => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: display as 'short' | 'long', maximumFractionDigits: digits }));
  return nf.format(value);
}
