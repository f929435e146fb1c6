// The language of a short text (a use case's title), until the workshop says which it is (issue 19).
// Used to hyphenate titles on the projector and to mark them with lang= on the phone page.

export type TextLanguage = 'de' | 'en';

/**
 * The language of a title, until the workshop says which it is: German when it has umlauts or ß,
 * or a compound word far longer than English ones; English otherwise.
 */
export function guessLanguage(text: string): TextLanguage {
  if (/[äöüßÄÖÜ]/.test(text)) return 'de';
  const words = text.split(/[\s/–—-]+/);
  if (words.some((w) => w.length >= 16 && !/(isation|ization|ational|ability)s?$/i.test(w))) return 'de';
  return 'en';
}

