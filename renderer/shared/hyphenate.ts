// Soft hyphens for long titles on the projector, by the text's language. Chromium hyphenates
// (CSS `hyphens: auto`) only with dictionaries it downloads at run time, which an offline
// laptop and Electron do not have; so "Retourenbegründung" was cut into four letters a line.
// The `hyphen` library brings TeX's patterns; each language's patterns are a lazy chunk, loaded
// the first time a title in that language is shown. The soft hyphens show only where a line breaks.
import { useEffect, useReducer } from 'react';
import { guessLanguage, type TextLanguage } from '../domain/text-language';

export { guessLanguage };

/** Titles are guessed German or English; the interface's own words may be French too. */
type Lang = TextLanguage | 'fr';
type Hyphenator = (text: string, options?: { minWordLength?: number }) => string;

const loaded: Partial<Record<Lang, Hyphenator>> = {};
const loading: Partial<Record<Lang, Promise<void>>> = {};
const listeners = new Set<() => void>();

/** Loads a language's patterns (tests await it; screens use useHyphenate). */
export function loadHyphenation(lang: Lang): Promise<void> {
  load(lang);
  return loading[lang] ?? Promise.resolve();
}

function load(lang: Lang): void {
  if (loaded[lang] || loading[lang]) return;
  const chunk = lang === 'de' ? import('hyphen/de') : lang === 'fr' ? import('hyphen/fr') : import('hyphen/en-us');
  loading[lang] = chunk
    .then((m: { hyphenateSync?: Hyphenator; default?: { hyphenateSync?: Hyphenator } }) => {
      const fn = m.hyphenateSync ?? m.default?.hyphenateSync;
      if (fn) loaded[lang] = fn;
      for (const l of listeners) l();
    })
    .catch(() => undefined);
}

/** The text with soft hyphens (U+00AD) in its long words, or as it is while the patterns load. */
export function hyphenate(text: string, lang: Lang = guessLanguage(text)): string {
  const fn = loaded[lang];
  if (!fn) {
    load(lang);
    return text;
  }
  return fn(text, { minWordLength: 10 });
}

/** Re-renders once the patterns a screen needs have arrived; returns the hyphenating function. */
export function useHyphenate(): (text: string, lang?: Lang) => string {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    listeners.add(rerender);
    return () => {
      listeners.delete(rerender);
    };
  }, []);
  return hyphenate;
}
