// The KPI form reads numbers as its reader writes them and says what it cannot read in the
// reader's language: German users type "1.234,5", French "1 234,5".
import { describe, expect, it } from 'vitest';
import { compileCatalog, readCatalog } from '../../../scripts/vite-catalogs.mjs';
import { createTranslator } from '../../../renderer/i18n/translator';
import type { AppMessageId } from '../../../renderer/i18n/app-catalog';
import { parseDecimal } from '../../../renderer/domain/measurement-paste';
import { messageText } from '../../../renderer/shared/message-text';
import { storedText } from '../../../renderer/features/kpis/use-kpi-drafts';
import type { Kpi } from '../../../renderer/domain/model';

type Lang = 'en' | 'de' | 'fr';
const catalog = (lang: string) => compileCatalog(readCatalog(new URL(`../../../renderer/i18n/catalogs/app/${lang}.json`, import.meta.url).pathname), lang);
const english = catalog('en');
const tr = (lang: Lang) => createTranslator<AppMessageId>(lang, lang === 'en' ? english : catalog(lang), english).t;
const refusal = (lang: Lang, text: string) => {
  const r = parseDecimal(text, lang);
  if (r.ok) throw new Error(`${text} was read as ${r.value}`);
  return messageText(tr(lang), lang, r.errorText);
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
    ['2.5', 2.5],
  ] as const)('German reads %s as %s', (text, value) => {
    expect(parseDecimal(text, 'de')).toEqual({ ok: true, value });
  });

  it('French reads a comma decimal and spaces between thousands', () => {
    expect(parseDecimal('1 234,5', 'fr')).toEqual({ ok: true, value: 1234.5 });
    expect(parseDecimal('3,250', 'fr')).toEqual({ ok: true, value: 3.25 });
  });

  it('English keeps its rules: a lone comma before three digits is ambiguous, a dot is the decimal', () => {
    expect(parseDecimal('1.500')).toEqual({ ok: true, value: 1.5 });
    expect(parseDecimal('1,500').ok).toBe(false);
  });

  it('says in German what it cannot read, with the German way to write the decimal', () => {
    expect(refusal('de', '1.500')).toBe('„1.500“ ist mehrdeutig: Schreiben Sie 1500 für Tausender oder 1,500 für eine Dezimalzahl.');
    expect(refusal('de', '12a')).toBe('„12a“ ist keine Zahl.');
    expect(refusal('de', '')).toBe('Der Wert fehlt.');
  });

  it('says it in French, with French spacing inside the quotes', () => {
    expect(refusal('fr', 'abc')).toBe('«\u202fabc\u202f» n’est pas un nombre.');
    expect(refusal('fr', '2.750')).toMatch(/^«\u202f2\.750\u202f» est ambigu\u202f?\s?: écrivez 2750 pour des milliers ou 2,750 pour un décimal\.$/);
  });
});

describe('a stored KPI value in its input', () => {
  const kpi = { greenAt: 1234.5, redAt: 0.25, direction: 'higher-is-better' } as unknown as Kpi;
  it('has the reader’s decimal mark and no thousands separator, and reads back to the same number', () => {
    expect(storedText(kpi, 'greenAt', 'en')).toBe('1234.5');
    expect(storedText(kpi, 'greenAt', 'de')).toBe('1234,5');
    expect(storedText(kpi, 'redAt', 'fr')).toBe('0,25');
    for (const lang of ['en', 'de', 'fr'] as const) {
      for (const key of ['greenAt', 'redAt'] as const) expect(parseDecimal(storedText(kpi, key, lang), lang)).toEqual({ ok: true, value: kpi[key] });
    }
  });
});
