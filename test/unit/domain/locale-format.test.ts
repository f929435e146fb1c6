import { describe, expect, it } from 'vitest';
import { formatCurrency, formatDateTime, formatIsoDate, formatNumber, formatPercent, formatRelativeTime, formatSignedPercent } from '../../../renderer/domain/locale-format';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('numbers by locale', () => {
  it('groups and separates decimals as each language writes them', () => {
    expect(formatNumber('en', 1234.5)).toBe('1,234.5');
    expect(formatNumber('de', 1234.5)).toBe('1.234,5');
    expect(formatNumber('fr', 1234.5)).toBe(`1${NNBSP}234,5`);
  });

  it('rounds to the decimals asked for', () => {
    expect(formatNumber('de', 3.14159, 2)).toBe('3,14');
    expect(formatNumber('en', 2, 1, 1)).toBe('2.0');
  });
});

describe('currency by locale', () => {
  it('writes euros as a German or French reader expects: "1.234,5 €" / "1 234,5 €"', () => {
    expect(formatCurrency('de', 1234.5)).toBe(`1.234,5${NBSP}€`);
    expect(formatCurrency('fr', 1234.5)).toBe(`1${NNBSP}234,5${NBSP}€`);
    expect(formatCurrency('en', 1234.5)).toBe('€1,234.5');
  });

  it('keeps whole amounts whole and cents when there are cents', () => {
    expect(formatCurrency('de', 120000)).toBe(`120.000${NBSP}€`);
    expect(formatCurrency('de', 1500.25)).toBe(`1.500,25${NBSP}€`);
  });
});

describe('percentages by locale', () => {
  it('puts the space and comma where each language does', () => {
    expect(formatPercent('en', 0.125)).toBe('12.5%');
    expect(formatPercent('de', 0.125)).toBe(`12,5${NBSP}%`);
    // ICU versions differ on the French space before % (no-break or narrow no-break): both never break.
    expect(formatPercent('fr', 0.125)).toMatch(/^12,5[\u00a0\u202f]%$/);
  });
});

describe('dates by locale', () => {
  it('writes a calendar date in the reader’s order and month names', () => {
    expect(formatIsoDate('en', '2026-03-02')).toBe('Mar 2, 2026');
    expect(formatIsoDate('de', '2026-03-02')).toBe('2. März 2026');
    expect(formatIsoDate('fr', '2026-03-02')).toBe('2 mars 2026');
    expect(formatIsoDate('de', '2026-12-24', 'long')).toBe('24. Dezember 2026');
  });

  it('shows a dash for a date not set or not a date', () => {
    expect(formatIsoDate('de', '')).toBe('—');
    expect(formatIsoDate('fr', '2026-02-30')).toBe('—');
    expect(formatDateTime('de', 'nonsense')).toBe('—');
  });

  it('says how long ago in the reader’s words', () => {
    const now = Date.parse('2026-11-23T12:00:00Z');
    expect(formatRelativeTime('de', '2026-11-23T11:55:00Z', now, 'gerade eben')).toBe('vor 5 Minuten');
    expect(formatRelativeTime('fr', '2026-11-23T09:00:00Z', now, 'à l’instant')).toBe('il y a 3 heures');
    expect(formatRelativeTime('en', '2026-11-22T12:00:00Z', now, 'just now')).toBe('yesterday');
    expect(formatRelativeTime('de', '2026-11-23T11:59:30Z', now, 'gerade eben')).toBe('gerade eben');
  });
});

describe('percentages and averages as a German or French reader writes them', () => {
  it('puts the narrow no-break space (U+202F) before the French percent sign, not U+00A0', () => {
    expect(formatPercent('fr', 0.125)).toBe('12,5\u202f%');
    expect(formatPercent('fr-FR', 0.5, 0)).toBe('50\u202f%');
    expect(formatPercent('de', 0.125)).toBe('12,5\u00a0%');
    expect(formatPercent('en', 0.125)).toBe('12.5%');
  });

  it('signs a change, in every language, and leaves zero unsigned', () => {
    expect(formatSignedPercent('en', 0.125)).toBe('+12.5%');
    expect(formatSignedPercent('de', -0.04)).toBe('-4\u00a0%');
    expect(formatSignedPercent('fr', 0.2)).toBe('+20\u202f%');
    expect(formatSignedPercent('fr', 0)).toBe('0\u202f%');
  });
});
