// The sponsor pack's recommendation rules say their sentences through the pack catalog; a gate
// review shows the very same proposal, so it borrows that catalog in the reader's language (one
// dynamic import the first time, English until it is here).
import { useEffect, useState } from 'react';
import { englishPack, loadPackTranslator, loadedPackTranslator, type PackTranslator } from '../../i18n/pack-catalog';
import type { Locale } from '../../i18n/translator';
import type { PackSay } from '../../domain/recommendations';

export function usePackSay(locale: Locale): PackSay {
  // The pseudo-locale is English underneath.
  const language = locale === 'pseudo' ? 'en' : locale;
  const [translator, setTranslator] = useState<PackTranslator>(() => loadedPackTranslator(language) ?? englishPack);
  useEffect(() => {
    let live = true;
    void loadPackTranslator(language)
      .then((t) => live && setTranslator(t))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [language]);
  return translator.t;
}
