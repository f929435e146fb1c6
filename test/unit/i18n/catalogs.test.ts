// Every message exists in every language, compiles as ICU, and its plural forms hold for English,
// German and French; a missing form or key falls back, never shows a raw id.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogKeyProblems, compileCatalog, readCatalog } from '../../../scripts/vite-catalogs.mjs';
import { createTranslator } from '../../../renderer/i18n/translator';
import { pseudoCatalog, pseudoText } from '../../../renderer/i18n/pseudo';
import { LANGUAGES } from '../../../renderer/domain/languages';

const dir = (part: string) => fileURLToPath(new URL(`../../../renderer/i18n/catalogs/${part}/`, import.meta.url));
const PARTS = ['app', 'phone', 'pack', 'export'] as const;
const load = (part: string, lang: string) => readCatalog(`${dir(part)}${lang}.json`);

describe.each(PARTS)('the %s catalogs', (part) => {
  const english = load(part, 'en');

  it('are exactly English, German and French, one file each', () => {
    expect(readdirSync(dir(part)).sort()).toEqual(LANGUAGES.map((l) => `${l}.json`).sort());
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has every English key and no other', (lang) => {
    expect(catalogKeyProblems(load(part, lang), english, `${part}/${lang}.json`)).toEqual([]);
  });

  it.each(LANGUAGES)('every %s message compiles as ICU MessageFormat', (lang) => {
    expect(() => compileCatalog(load(part, lang), `${part}/${lang}.json`)).not.toThrow();
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s uses exactly the placeholders English uses, message by message', (lang) => {
    // Read from the compiled form: [name], [name, format] or [name, 'plural', {form: message}].
    const names = (compiled: unknown, into = new Set<string>()): Set<string> => {
      if (!Array.isArray(compiled)) return into;
      for (const part of compiled) {
        if (!Array.isArray(part)) continue;
        into.add(String(part[0]));
        const options: unknown = part[2];
        if (options && typeof options === 'object') for (const value of Object.values(options)) names(value, into);
      }
      return into;
    };
    const sorted = (s: Set<string>) => JSON.stringify([...s].sort());
    const en = compileCatalog(english, 'en');
    const other = compileCatalog(load(part, lang), lang);
    const differing = Object.keys(en).filter((id) => sorted(names(en[id])) !== sorted(names(other[id])));
    expect(differing).toEqual([]);
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s is translated, not English copied: most messages differ', (lang) => {
    const catalog = load(part, lang);
    const same = Object.keys(english).filter((id) => catalog[id] === english[id]);
    // A few words are the same in both (KPIs, Matrix, Pipeline, Agenda, Workshop).
    expect(same.length).toBeLessThan(Object.keys(english).length * 0.1);
  });
});

describe('the compile step refuses a bad catalog', () => {
  it('names a key German lacks and one English does not have', () => {
    expect(catalogKeyProblems({ a: 'A', c: 'C' }, { a: 'A', b: 'B' }, 'app/de.json')).toEqual(['app/de.json lacks "b"', 'app/de.json has "c", which English does not']);
  });

  it('names the message that is not valid ICU', () => {
    expect(() => compileCatalog({ ok: 'Fine', broken: '{count, plural, one {# item}' }, 'app/fr.json')).toThrow(/app\/fr\.json: "broken" is not a valid ICU message/);
  });
});

describe('plurals in English, German and French', () => {
  const messages = (lang: string) => compileCatalog(load('app', lang), lang);
  const en = messages('en');
  const t = (lang: 'en' | 'de' | 'fr') => createTranslator(lang, messages(lang), en).t;

  it('counts use cases in a warning in each language', () => {
    expect(t('en')('home.deleteWarning', { count: 1 })).toContain('1 use case with');
    expect(t('en')('home.deleteWarning', { count: 3 })).toContain('3 use cases with');
    expect(t('de')('home.deleteWarning', { count: 1 })).toContain('1 Anwendungsfall mit');
    expect(t('de')('home.deleteWarning', { count: 3 })).toContain('3 Anwendungsfälle mit');
    // French: 0 and 1 are "one"; formatted with the French group separator.
    expect(t('fr')('home.deleteWarning', { count: 0 })).toContain('0 cas d’usage avec');
    expect(t('fr')('home.deleteWarning', { count: 1 })).toContain('1 cas d’usage avec');
    expect(t('fr')('home.deleteWarning', { count: 1_000_000 })).toMatch(/1\s000\s000 de cas d’usage/);
  });

  it('falls back to the "other" form where French has "many" and the message does not', () => {
    expect(new Intl.PluralRules('fr').select(1_000_000)).toBe('many');
    const minutes = t('fr')('presenter.plannedLabel', { title: 'Atelier', minutes: 1_000_000 });
    expect(minutes).toMatch(/^Atelier : 1\s000\s000 minutes prévues$/);
  });

  it('falls back to English for a message a catalog lacks, never to the raw id', () => {
    const translator = createTranslator<string>('fr', {}, en);
    expect(translator.t('home.title')).toBe('Workshops');
  });

  it('phone page: the criteria left, in each language', () => {
    const phone = (lang: string) => compileCatalog(load('phone', lang), lang);
    const pen = phone('en');
    expect(createTranslator('en', pen, pen).t('status.chooseRest', { left: 1 })).toBe('Choose a number for the last criterion.');
    expect(createTranslator('de', phone('de'), pen).t('status.chooseRest', { left: 3 })).toBe('Wählen Sie für jedes der 3 Kriterien eine Zahl.');
    expect(createTranslator('fr', phone('fr'), pen).t('status.chooseRest', { left: 2 })).toBe('Choisissez une note pour chacun des 2 critères.');
  });
});

describe('the pseudo-locale', () => {
  const en = compileCatalog(load('app', 'en'), 'en');
  const pseudo = createTranslator<string>('pseudo', pseudoCatalog(en), en);

  it('accents every letter and makes text about 40 % longer', () => {
    const source = 'All changes are stored on this computer';
    const out = pseudoText(source);
    expect(out).not.toMatch(/[A-Za-z]/);
    expect(out.length / source.length).toBeGreaterThan(1.25);
    expect(out.length / source.length).toBeLessThan(1.6);
  });

  it('keeps placeholders and plural numbers working, in brackets', () => {
    const text = pseudo.t('home.deleteWarning', { count: 3 });
    expect(text.startsWith('[')).toBe(true);
    expect(text.endsWith(']')).toBe(true);
    expect(text).toContain('3 ');
    expect(pseudo.t('home.renameLabel', { name: 'Retourenbegründung' })).toContain('Retourenbegründung');
  });

  it('lengthens the whole catalog by about 40 % on average', () => {
    const english = createTranslator<string>('en', en, en);
    // The source read once, not once per id (that made the test slow enough to time out on a busy machine).
    const source = load('app', 'en');
    const ids = Object.keys(en).filter((id) => !/\{/.test(String(source[id])));
    const ratio = ids.reduce((sum, id) => sum + pseudo.t(id).length, 0) / ids.reduce((sum, id) => sum + english.t(id).length, 0);
    expect(ratio).toBeGreaterThan(1.3);
    expect(ratio).toBeLessThan(1.6);
  });
});

describe('the room server’s refusals', () => {
  it('every code the server sends has its words on the phone page, in every language', async () => {
    const { ROOM_ERROR_CODES } = await import('../../../room/protocol');
    for (const lang of LANGUAGES) {
      const phone = load('phone', lang);
      expect(ROOM_ERROR_CODES.filter((code) => !(`server.${code}` in phone))).toEqual([]);
    }
  });
});
