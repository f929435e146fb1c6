import { describe, expect, it } from 'vitest';
import {
  builtInFormat,
  formatNumber,
  isDateFormat,
  lcidsInFormat,
  serialFromUtc,
  sheetLocaleById,
  sheetLocaleForLcid,
  sheetLocaleForTag,
} from '../../../renderer/domain/number-format';

const de = sheetLocaleById('de-DE');
const us = sheetLocaleById('en-US');
const fr = sheetLocaleById('fr-FR');
const ch = sheetLocaleById('de-CH');
/** 2 March 2026, as Excel stores it. */
const MARCH_2 = serialFromUtc(Date.UTC(2026, 2, 2));

describe('a number as Excel shows it', () => {
  it('shows a German currency column as a German Excel does: 120.000 €', () => {
    expect(formatNumber(120000, '#,##0\\ "€"', de)).toBe('120.000 €');
    expect(formatNumber(120000, '#,##0.00\\ [$€-407]', de)).toBe('120.000,00 €');
    expect(formatNumber(45000, '#,##0 €;[Red]-#,##0 €', de)).toBe('45.000 €');
    expect(formatNumber(-45000, '#,##0 €;[Red]-#,##0 €', de)).toBe('-45.000 €');
  });

  it('shows the same cell with the separators of the locale it is opened in', () => {
    expect(formatNumber(1234567.891, '#,##0.00', us)).toBe('1,234,567.89');
    expect(formatNumber(1234567.891, '#,##0.00', fr)).toBe('1\u202f234\u202f567,89');
    expect(formatNumber(1234567.891, '#,##0.00', ch)).toBe('1’234’567.89');
  });

  it('draws the accounting format with its padding and a dash for zero', () => {
    const accounting = '_-* #,##0.00\\ "€"_-;\\-* #,##0.00\\ "€"_-;_-* "-"??\\ "€"_-;_-@_-';
    expect(formatNumber(1500, accounting, de)).toBe('1.500,00 €');
    expect(formatNumber(-1500, accounting, de)).toBe('-1.500,00 €');
    expect(formatNumber(0, accounting, de)).toBe('-   €');
  });

  it('puts a minus sign first when one section serves negative numbers too', () => {
    expect(formatNumber(-5, '"€ "#,##0', us)).toBe('-€ 5');
    expect(formatNumber(-0.25, '0%', de)).toBe('-25%');
  });

  it('shows percentages multiplied by 100, with the locale’s decimal sign', () => {
    expect(formatNumber(0.05, '0%', de)).toBe('5%');
    expect(formatNumber(0.125, '0.0%', de)).toBe('12,5%');
    expect(formatNumber(0.125, builtInFormat(10, us), us)).toBe('12.50%');
  });

  it('keeps literal text of the format and scales by thousands for trailing commas', () => {
    expect(formatNumber(120000, '0 "pro Jahr"', de)).toBe('120000 pro Jahr');
    expect(formatNumber(2500000, '#,##0.0,, "Mio."', de)).toBe('2,5 Mio.');
    expect(formatNumber(0.5, '#.##', us)).toBe('.5');
    expect(formatNumber(7, '000', us)).toBe('007');
  });

  it('shows scientific notation and falls back to General for what it does not draw', () => {
    expect(formatNumber(123456, '0.00E+00', us)).toBe('1.23E+05');
    expect(formatNumber(0.5, '# ?/?', us)).toBe('0.5');
    expect(formatNumber(4.1000000000000005, 'General', de)).toBe('4,1');
    expect(formatNumber(0.1 + 0.2, 'General', us)).toBe('0.3');
  });

  it('picks the section a condition names', () => {
    expect(formatNumber(150, '[>100]"hoch";[<=100]"niedrig"', de)).toBe('hoch');
    expect(formatNumber(50, '[>100]"hoch";[<=100]"niedrig"', de)).toBe('niedrig');
  });
});

describe('a date as Excel shows it', () => {
  it('shows a date in the format the workbook gives it, not as ISO or a serial number', () => {
    expect(formatNumber(MARCH_2, 'dd.mm.yyyy', de)).toBe('02.03.2026');
    expect(formatNumber(MARCH_2, 'd/m/yy', de)).toBe('2/3/26');
    expect(formatNumber(MARCH_2, '[$-407]dddd, d. mmmm yyyy', us)).toBe('Montag, 2. März 2026');
    expect(formatNumber(MARCH_2, 'd-mmm-yy', de)).toBe('2-Mrz-26');
    expect(formatNumber(MARCH_2, 'mmmm yyyy', us)).toBe('March 2026');
  });

  it('draws the built-in short date (format 14) as the locale’s own short date', () => {
    expect(formatNumber(MARCH_2, builtInFormat(14, de), de)).toBe('02.03.2026');
    expect(formatNumber(MARCH_2, builtInFormat(14, us), us)).toBe('3/2/2026');
    expect(formatNumber(MARCH_2, builtInFormat(14, sheetLocaleById('en-GB')), sheetLocaleById('en-GB'))).toBe('02/03/2026');
  });

  it('tells minutes from months and draws times, 12-hour clocks and elapsed hours', () => {
    const nineThirty = MARCH_2 + (9.5 / 24);
    expect(formatNumber(nineThirty, 'dd.mm.yyyy hh:mm', de)).toBe('02.03.2026 09:30');
    expect(formatNumber(nineThirty + 0.5, 'h:mm AM/PM', us)).toBe('9:30 PM');
    expect(formatNumber(1.25, '[h]:mm', de)).toBe('30:00');
    expect(formatNumber(12 / 24 - 0.4 / 86400, 'hh:mm:ss', de)).toBe('12:00:00');
  });

  it('counts days the way Excel does, with its 29 February 1900', () => {
    expect(formatNumber(1, 'yyyy-mm-dd', us)).toBe('1900-01-01');
    expect(formatNumber(61, 'yyyy-mm-dd', us)).toBe('1900-03-01');
    expect(formatNumber(46083, 'yyyy-mm-dd', us)).toBe('2026-03-02');
  });

  it('knows which formats are dates', () => {
    expect(isDateFormat('dd.mm.yyyy')).toBe(true);
    expect(isDateFormat('[$-F800]dddd, mmmm dd, yyyy')).toBe(true);
    expect(isDateFormat('#,##0 "€"')).toBe(false);
    expect(isDateFormat('0.00E+00')).toBe(false);
  });
});

describe('which locale a workbook was written for', () => {
  it('reads the language id a format carries', () => {
    expect(lcidsInFormat('#,##0.00\\ [$€-407];[Red]-#,##0.00\\ [$€-407]')).toEqual([0x407, 0x407]);
    expect(sheetLocaleForLcid(0x407)?.id).toBe('de-DE');
    expect(sheetLocaleForLcid(0x10407)?.id).toBe('de-DE');
    expect(sheetLocaleForLcid(0x411)).toBeNull();
  });

  it('maps a language tag to the nearest locale, English (US) for one it does not know', () => {
    expect(sheetLocaleForTag('de').id).toBe('de-DE');
    expect(sheetLocaleForTag('fr-CA').id).toBe('fr-FR');
    expect(sheetLocaleForTag('ja-JP').id).toBe('en-US');
  });
});
