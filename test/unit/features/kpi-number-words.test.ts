// The KPI form reads numbers as its reader writes them and says what it cannot read in the
// reader's language: German users type "1.234,5", French "1 234,5". (The form itself, in German
// and French: kpi-form-language.test.tsx.)
import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../../../renderer/domain/measurement-paste';
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
    expect(refusal('fr', '2.750')).toBe('«\u202f2.750\u202f» est ambigu\u202f: écrivez 2750 pour des milliers ou 2,750 pour un décimal.');
    expect(refusal('fr', '')).toBe('La valeur manque.');
  });

  it('still says it in English to an English reader', () => {
    expect(refusal('en', '12a')).toBe('"12a" is not a number.');
    expect(refusal('en', '1,500')).toBe('"1,500" is ambiguous: write 1500 for thousands or 1.500 for a decimal.');
  });
});
