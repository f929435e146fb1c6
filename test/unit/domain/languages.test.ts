import { describe, expect, it } from 'vitest';
import { languageFromSystem, isLanguage } from '../../../renderer/domain/languages';
import { ROOM_LANGUAGES } from '../../../room/protocol';
import { LANGUAGES } from '../../../renderer/domain/languages';

describe('the language from the system', () => {
  it('takes the first preferred language Liftoff speaks, by its base', () => {
    expect(languageFromSystem(['de-AT', 'en-US'])).toBe('de');
    expect(languageFromSystem(['fr_CH'])).toBe('fr');
    expect(languageFromSystem(['it-IT', 'fr-FR', 'de'])).toBe('fr');
    expect(languageFromSystem(['EN-gb'])).toBe('en');
  });

  it('is English when the system speaks none of them, or says nothing', () => {
    expect(languageFromSystem(['it-IT', 'ja'])).toBe('en');
    expect(languageFromSystem([])).toBe('en');
    expect(languageFromSystem([undefined, null, ''])).toBe('en');
  });

  it('knows only its own languages', () => {
    expect(isLanguage('de')).toBe(true);
    expect(isLanguage('pseudo')).toBe(false);
    expect(isLanguage('de-DE')).toBe(false);
  });

  it('the phones speak the same languages as the app', () => {
    expect([...ROOM_LANGUAGES]).toEqual([...LANGUAGES]);
  });
});
