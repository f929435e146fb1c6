import { describe, expect, it } from 'vitest';
import { guessLanguage, hyphenate, loadHyphenation } from '../../../renderer/shared/hyphenate';

describe('hyphenation of titles', () => {
  it('guesses German from umlauts or long compounds, English otherwise', () => {
    expect(guessLanguage('Retourenbegründung klassifizieren')).toBe('de');
    expect(guessLanguage('Sendungsverfolgungsbenachrichtigungsassistent')).toBe('de');
    expect(guessLanguage('Claims triage assistant')).toBe('en');
    expect(guessLanguage('Internationalization of claims')).toBe('en');
  });

  it('puts soft hyphens at German syllable breaks, and leaves the visible text unchanged', async () => {
    await loadHyphenation('de');
    const title = 'Retourenbegründung klassifizieren';
    const out = hyphenate(title);
    expect(out.replace(/\u00ad/g, '')).toBe(title);
    expect(out).toContain('Re\u00adtou\u00adren\u00adbe\u00adgrün\u00addung');
    expect(hyphenate('Sendungsverfolgungsbenachrichtigungsassistent').split('\u00ad').length).toBeGreaterThan(8);
    // Short words are left alone.
    expect(hyphenate('Zoll und Lager')).toBe('Zoll und Lager');
  });

  it('hyphenates the interface’s French words by French patterns (a pipeline column’s "Industrialisation")', async () => {
    await loadHyphenation('fr');
    const out = hyphenate('Étape 4 · Industrialisation', 'fr');
    expect(out.replace(/\u00ad/g, '')).toBe('Étape 4 · Industrialisation');
    expect(out.split('\u00ad').length).toBeGreaterThan(3);
  });
});
