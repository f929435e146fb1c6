import { describe, expect, it } from 'vitest';
import { defaultDateOrder, parseDecimal, parseFlexibleDate, parseMeasurementPaste } from '../../../renderer/domain/measurement-paste';

const dmy = { dateOrder: 'dmy' } as const;
const mdy = { dateOrder: 'mdy' } as const;

describe('parseFlexibleDate', () => {
  it.each([
    ['2026-03-01', dmy, '2026-03-01'],
    ['2026-3-1', dmy, '2026-03-01'],
    ['2026/03/01', mdy, '2026-03-01'],
    ['01.03.2026', mdy, '2026-03-01'], // dotted is always day first
    ['1.3.2026', dmy, '2026-03-01'],
    ['3/1/2026', mdy, '2026-03-01'],
    ['1/3/2026', dmy, '2026-03-01'],
    ['25/12/2026', dmy, '2026-12-25'],
    ['2026-03-01 00:00:00', dmy, '2026-03-01'],
    ['2026-03-01T12:30:00Z', dmy, '2026-03-01'],
    ['  2028-02-29 ', dmy, '2028-02-29'],
  ] as const)('%s (%o) → %s', (text, opts, iso) => {
    expect(parseFlexibleDate(text, opts)).toEqual({ ok: true, value: iso });
  });

  it.each([
    ['', dmy, 'missing'],
    ['2026-02-30', dmy, 'February 2026 has no day 30'],
    ['2027-02-29', dmy, 'no day 29'],
    ['31.04.2026', dmy, 'April 2026 has no day 31'],
    ['2026-13-01', dmy, 'no month 13'],
    ['3/25/2026', dmy, 'were these dates written month first?'],
    ['25/3/2026', mdy, 'were these dates written day first?'],
    ['1/3/26', dmy, 'four digits'],
    ['01.03.1850', dmy, 'not plausible'],
    ['March 1st', dmy, 'is not a date'],
    ['2026-03', dmy, 'is not a date'],
  ] as const)('refuses %s with a reason', (text, opts, reason) => {
    const r = parseFlexibleDate(text, opts);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(reason);
  });
});

describe('parseDecimal', () => {
  it.each([
    ['12', 12],
    ['-3.5', -3.5],
    ['+4', 4],
    ['12,5', 12.5],
    ['0,125', 0.125],
    ['1,234.5', 1234.5],
    ['1.234,5', 1234.5],
    ['1,234,567', 1234567],
    ['1.234.567', 1234567],
    ['1 234', 1234],
    ['12%', 12],
    ['.5', 0.5],
    ['−2', -2],
    ['-0', 0],
  ] as const)('%s → %s', (text, value) => {
    expect(parseDecimal(text)).toEqual({ ok: true, value });
  });
  it.each([
    ['', 'missing'],
    ['abc', 'not a number'],
    ['12a', 'not a number'],
    ['1,500', 'ambiguous'],
    ['1,2,3', 'not a number'],
    ['1.2.3', 'not a number'],
    ['1e5', 'not a number'],
    ['NaN', 'not a number'],
    ['1.234,5,6', 'not a number'],
  ])('refuses %s', (text, reason) => {
    const r = parseDecimal(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(reason);
  });
});

describe('parseMeasurementPaste', () => {
  it('reads tab-separated lines with a header row', () => {
    const r = parseMeasurementPaste('Date\tFallback rate\n2026-03-01\t12,5\n2026-03-08\t11\n', dmy);
    expect(r.header).toBe('Date\tFallback rate');
    expect(r.separator).toBe('tab');
    expect(r.problems).toEqual([]);
    expect(r.rows).toEqual([
      { line: 2, date: '2026-03-01', value: 12.5 },
      { line: 3, date: '2026-03-08', value: 11 },
    ]);
  });

  it('reads semicolons with dotted dates and decimal commas (a German spreadsheet)', () => {
    const r = parseMeasurementPaste('01.03.2026;12,5\r\n08.03.2026;1.234,5\r\n', dmy);
    expect(r.separator).toBe('semicolon');
    expect(r.rows.map((x) => [x.date, x.value])).toEqual([
      ['2026-03-01', 12.5],
      ['2026-03-08', 1234.5],
    ]);
  });

  it('reads commas with slashed dates in the stated order, and quoted decimal commas', () => {
    const us = parseMeasurementPaste('3/1/2026,12.5\n3/8/2026,"11,5"', mdy);
    expect(us.rows.map((x) => [x.date, x.value])).toEqual([
      ['2026-03-01', 12.5],
      ['2026-03-08', 11.5],
    ]);
    const eu = parseMeasurementPaste('3/1/2026,12.5', dmy);
    expect(eu.rows[0]?.date).toBe('2026-01-03');
  });

  it('lists each bad line with its number and reason, and keeps the good ones', () => {
    const text = ['date,value', '2026-03-01,12', '2026-03-02,abc', '', '2026-02-30,4', '2026-03-04,', '2026-03-05,1,5', ',7', '2026-03-01,9', '2026-03-09,10'].join('\n');
    const r = parseMeasurementPaste(text, dmy);
    expect(r.header).toBe('date,value');
    expect(r.rows.map((x) => x.line)).toEqual([2, 10]);
    expect(r.problems.map((p) => [p.line, p.reason])).toEqual([
      [3, '"abc" is not a number.'],
      [5, '"2026-02-30": February 2026 has no day 30.'],
      [6, 'The value is missing.'],
      [7, expect.stringContaining('3 columns; expected two: date and value. With commas between columns')],
      [8, 'The date is missing.'],
      [9, '2026-03-01 appears twice (also on line 2).'],
    ]);
    expect(r.problems[0]?.text).toBe('2026-03-02,abc');
  });

  it('flags dates that already have a measurement', () => {
    const r = parseMeasurementPaste('2026-03-01\t5\n2026-03-02\t6', { dateOrder: 'dmy', existingDates: ['2026-03-02'] });
    expect(r.rows).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ line: 2, reason: expect.stringContaining('already a measurement on 2026-03-02') });
  });

  it('ignores empty extra columns but not filled ones', () => {
    expect(parseMeasurementPaste('2026-03-01\t5\t\t', dmy).rows).toHaveLength(1);
    expect(parseMeasurementPaste('2026-03-01\t5\tx', dmy).problems[0]?.reason).toContain('3 columns');
  });

  it('a line with only one cell is a missing value', () => {
    expect(parseMeasurementPaste('2026-03-01\t5\n2026-03-02', dmy).problems[0]).toMatchObject({ line: 2, reason: 'The value is missing.' });
  });

  it('accepts space-separated columns when there is no other separator', () => {
    expect(parseMeasurementPaste('2026-03-01   5\n2026-03-02 6.5', dmy).rows.map((x) => x.value)).toEqual([5, 6.5]);
  });

  it('does not take a bad first data line for a header', () => {
    const r = parseMeasurementPaste('2026-03-01\tn/a\n2026-03-02\t6', dmy);
    expect(r.header).toBeNull();
    expect(r.problems[0]?.line).toBe(1);
  });

  it('an empty paste has nothing', () => {
    expect(parseMeasurementPaste('\n\n  \n', dmy)).toEqual({ rows: [], problems: [], header: null, separator: null });
  });
});

describe('defaultDateOrder', () => {
  it('month first for US English, day first elsewhere', () => {
    expect(defaultDateOrder('en-US')).toBe('mdy');
    expect(defaultDateOrder('en-GB')).toBe('dmy');
    expect(defaultDateOrder('de-DE')).toBe('dmy');
    expect(defaultDateOrder(undefined)).toBe('dmy');
  });
});
