// The KPI form reads numbers as its reader writes them and says what it cannot read in the
// reader's language: German users type "1.234,5", French "1 234,5". (The form itself, in German
// and French: kpi-form-language.test.tsx.)
import { describe, expect, it } from 'vitest';
import { parseDecimal, parseFlexibleDate, parseMeasurementPaste } from '../../../renderer/domain/measurement-paste';
import { say, type Lang } from '../support/app-translators';

const refusal = (lang: Lang, text: string) => {
  const r = parseDecimal(text, lang);
  if (r.ok) throw new Error(`${text} was read as ${r.value}`);
  return say(lang, r.errorText);
};

describe('numbers typed by a German or French reader', () => {
  it.each([
    ['1.234,5', 1234.5],
    ['12,5', 12.5],
    ['1,500', 1.5],
    ['0,125', 0.125],
    ['1 234,5', 1234.5],
    ['1\u202f234,5', 1234.5],
    ['1.234.567', 1234567],
    ['-1.234,5', -1234.5],
    ['2.5', 2.5],
  ] as const)('German reads %s as %s', (text, value) => {
    expect(parseDecimal(text, 'de')).toEqual({ ok: true, value });
  });

  it('French reads a comma decimal and spaces between thousands', () => {
    expect(parseDecimal('1 234,5', 'fr')).toEqual({ ok: true, value: 1234.5 });
    expect(parseDecimal('1\u202f234,5', 'fr')).toEqual({ ok: true, value: 1234.5 });
    expect(parseDecimal('3,250', 'fr')).toEqual({ ok: true, value: 3.25 });
  });

  it('English keeps its rules: a lone comma before three digits is ambiguous, a dot is the decimal', () => {
    expect(parseDecimal('1.500')).toEqual({ ok: true, value: 1.5 });
    expect(parseDecimal('1,500').ok).toBe(false);
    expect(parseDecimal('1.234,5')).toEqual({ ok: true, value: 1234.5 });
  });

  it('says in German what it cannot read, with the German way to write the decimal', () => {
    expect(refusal('de', '1.500')).toBe('„1.500“ ist mehrdeutig: Schreiben Sie 1500 für Tausender oder 1,500 für eine Dezimalzahl.');
    expect(refusal('de', '1.234,5,6')).toBe('„1.234,5,6“ ist keine Zahl.');
    expect(refusal('de', '12a')).toBe('„12a“ ist keine Zahl.');
    expect(refusal('de', '  ')).toBe('Der Wert fehlt.');
  });

  it('says it in French, with narrow no-break spaces inside the guillemets', () => {
    expect(refusal('fr', 'abc')).toBe('«\u202fabc\u202f» n’est pas un nombre.');
    expect(refusal('fr', '2.750')).toBe('«\u202f2.750\u202f» est ambigu\u202f: écrivez 2750 s’il s’agit de milliers, ou 2,750 pour un nombre décimal.');
    expect(refusal('fr', '')).toBe('La valeur manque.');
  });

  it('still says it in English to an English reader', () => {
    expect(refusal('en', '12a')).toBe('"12a" is not a number.');
    expect(refusal('en', '1,500')).toBe('"1,500" is ambiguous: write 1500 for thousands or 1.500 for a decimal.');
  });
});

describe('a measurement date that does not exist', () => {
  const said = (lang: Lang, text: string) => {
    const r = parseFlexibleDate(text, { dateOrder: 'dmy' });
    if (r.ok) throw new Error(`${text} was read as ${r.value}`);
    return { english: r.error, text: say(lang, r.errorText) };
  };
  it('names the month in the reader’s language, and in English as the domain says it', () => {
    expect(said('en', '2026-02-30').text).toBe('"2026-02-30": February 2026 has no day 30.');
    for (const d of ['2026-02-30', '31.04.2026', '2027-02-29', '32.12.2026']) expect(said('en', d).text).toBe(said('en', d).english);
    expect(said('de', '31.04.2026').text).toBe('„31.04.2026“: Einen 31. April 2026 gibt es nicht.');
    expect(said('de', '2026-02-29').text).toBe('„2026-02-29“: Einen 29. Februar 2026 gibt es nicht.');
    expect(said('fr', '2026-02-30').text).toBe('«\u202f2026-02-30\u202f»\u202f: le 30 février 2026 n’existe pas.');
    expect(said('fr', '32.12.2026').text).toBe('«\u202f32.12.2026\u202f»\u202f: le 32 décembre 2026 n’existe pas.');
  });
});

describe('measurements pasted by a German reader', () => {
  const paste = ['Datum\tWert', '09.03.2026\t1.234,5', '16.03.2026\t1.500', '23.03.2026\t12,5', '30.03.2026\t1,500'].join('\n');
  it('reads the values as a German writes them, and refuses the one that could be either, in German', () => {
    const r = parseMeasurementPaste(paste, { dateOrder: 'dmy', lang: 'de' });
    expect(r.header).toBe('Datum\tWert');
    expect(r.rows.map((row) => row.value)).toEqual([1234.5, 12.5, 1.5]);
    expect(r.problems.map((p) => [p.line, say('de', p.reasonText)])).toEqual([[3, '„1.500“ ist mehrdeutig: Schreiben Sie 1500 für Tausender oder 1,500 für eine Dezimalzahl.']]);
  });
  it('an English reader’s paste keeps the English rules', () => {
    const r = parseMeasurementPaste(paste, { dateOrder: 'dmy' });
    expect(r.rows.map((row) => row.value)).toEqual([1234.5, 1.5, 12.5]);
    expect(r.problems.map((p) => p.line)).toEqual([5]);
  });
});
