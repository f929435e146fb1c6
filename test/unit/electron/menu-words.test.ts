// The native menu's words (electron/main/menu-words.ts) are complete in every interface language,
// like the app catalogs (test/unit/i18n/catalogs.test.ts): every word English has, filled, with
// the same placeholders, and translated rather than copied.
import { describe, expect, it } from 'vitest';
import { MENU_WORDS, menuLanguageFromLocale, menuWord, type MenuWords } from '../../../electron/main/menu-words';
import { INTERFACE_LANGUAGES } from '../../../electron/shared/ipc-contract';
import { LANGUAGES } from '../../../renderer/domain/languages';

const english = MENU_WORDS.en;
const others = INTERFACE_LANGUAGES.filter((l) => l !== 'en');
const placeholders = (text: string) => JSON.stringify((text.match(/\{[a-z]+\}/g) ?? []).sort());

/** What the completeness check says about one language's words: empty when complete. */
function wordProblems(words: Record<string, unknown>, name: string): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(english)) {
    const value = words[key];
    if (typeof value !== 'string' || value.trim() === '') problems.push(`${name} lacks "${key}"`);
    else if (placeholders(value) !== placeholders(english[key as keyof MenuWords])) problems.push(`${name} "${key}" has other placeholders`);
  }
  for (const key of Object.keys(words)) if (!(key in english)) problems.push(`${name} has "${key}", which English does not`);
  return problems;
}

describe('the menu words', () => {
  it('exist for exactly the interface languages the renderer offers', () => {
    expect([...INTERFACE_LANGUAGES].sort()).toEqual([...LANGUAGES].sort());
    expect(Object.keys(MENU_WORDS).sort()).toEqual([...LANGUAGES].sort());
  });

  it('has a filled English word for each key', () => {
    expect(wordProblems(english, 'en')).toEqual([]);
  });

  it.each(others)('%s has every English word, filled, with the same placeholders, and no other', (lang) => {
    expect(wordProblems(MENU_WORDS[lang], lang)).toEqual([]);
  });

  it.each(others)('%s is translated, not English copied', (lang) => {
    // "OK", "Services" (French) and "Zoom" are the same in some languages; the rest must differ.
    const same = Object.keys(english).filter((key) => MENU_WORDS[lang][key as keyof MenuWords] === english[key as keyof MenuWords]);
    expect(same.length).toBeLessThanOrEqual(3);
  });

  it('refuses a language that lacks a word or has one English does not', () => {
    const { undo: _undo, ...withoutUndo } = MENU_WORDS.de;
    expect(wordProblems(withoutUndo, 'de')).toEqual(['de lacks "undo"']);
    expect(wordProblems({ ...MENU_WORDS.fr, paste: ' ' }, 'fr')).toEqual(['fr lacks "paste"']);
    expect(wordProblems({ ...MENU_WORDS.fr, undoo: 'Annuler' }, 'fr')).toEqual(['fr has "undoo", which English does not']);
    expect(wordProblems({ ...MENU_WORDS.de, about: 'Über Liftoff' }, 'de')).toEqual(['de "about" has other placeholders']);
  });

  it('uses the words the screens use for the same actions', () => {
    expect(MENU_WORDS.de).toMatchObject({ file: '&Datei', edit: '&Bearbeiten', view: '&Ansicht', window: '&Fenster', help: '&Hilfe' });
    expect(MENU_WORDS.de).toMatchObject({ undo: 'Rückgängig', redo: 'Wiederholen', newWorkshop: 'Neuer Workshop', openWorkshopFile: 'Workshop-Datei öffnen…' });
    expect(MENU_WORDS.fr).toMatchObject({ file: '&Fichier', edit: '&Édition', undo: 'Annuler', redo: 'Rétablir', newWorkshop: 'Nouvel atelier' });
    expect(MENU_WORDS.fr.openWorkshopFile).toBe('Ouvrir un fichier d’atelier…');
  });

  it('gives each top-level menu its own access key within a language', () => {
    for (const lang of INTERFACE_LANGUAGES) {
      const words = MENU_WORDS[lang];
      const keys = [words.file, words.edit, words.view, words.window, words.help].map((label) => label.match(/&(.)/)?.[1]?.toLowerCase());
      expect(keys.every(Boolean), lang).toBe(true);
      expect(new Set(keys).size, lang).toBe(5);
    }
  });

  it('writes French with a no-break space before ; : ! ?', () => {
    for (const [key, text] of Object.entries(MENU_WORDS.fr)) expect(text, key).not.toMatch(/ [;:!?]/);
    expect(MENU_WORDS.fr.aboutDetail).toContain('\u00a0;');
  });

  it('fills in the app name', () => {
    expect(menuWord('de', 'about', { app: 'Liftoff' })).toBe('Über Liftoff');
    expect(menuWord('fr', 'quitApp', { app: 'Liftoff' })).toBe('Quitter Liftoff');
  });

  it('takes the system locale until the renderer says its language', () => {
    expect(menuLanguageFromLocale('de-CH')).toBe('de');
    expect(menuLanguageFromLocale('fr_CA')).toBe('fr');
    expect(menuLanguageFromLocale('FR')).toBe('fr');
    expect(menuLanguageFromLocale('es-ES')).toBe('en');
    expect(menuLanguageFromLocale('')).toBe('en');
    expect(menuLanguageFromLocale(undefined)).toBe('en');
  });
});
