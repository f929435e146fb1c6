// React's view of the two languages. `useT()` is the language of the text around it: the
// interface language, except inside <ContentLanguage> (presenter mode wraps the projector in the
// workshop's language), so a screen translated once shows in the right language in both places.
import { createContext, useContext, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { englishTranslator, loadAppCatalog, loadedAppTranslator, subscribeToCatalogs, type AppTranslator } from './app-catalog';
import { interfaceLocale, subscribeToInterfaceLanguage } from './interface-language';
import type { Locale } from './translator';

const ContentLocale = createContext<Locale | null>(null);

/** Text below is in `locale` (the workshop's language on the projector), and marked with lang=. */
export function ContentLanguage({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <ContentLocale.Provider value={locale}>{children}</ContentLocale.Provider>;
}

/** The facilitator's interface language, whatever surrounds the component. */
export function useInterfaceLocale(): Locale {
  return useSyncExternalStore(subscribeToInterfaceLanguage, interfaceLocale, interfaceLocale);
}

/** A translator for `locale`; fetches its catalog if it is not here yet (English meanwhile). */
export function useTranslator(locale: Locale): AppTranslator {
  const translator = useSyncExternalStore(
    subscribeToCatalogs,
    () => loadedAppTranslator(locale),
    () => loadedAppTranslator(locale),
  );
  useEffect(() => {
    if (!translator) void loadAppCatalog(locale).catch(() => undefined);
  }, [locale, translator]);
  return translator ?? englishTranslator;
}

/** The translator for the text here: the content language if one surrounds it, else the interface's. */
export function useT(): AppTranslator {
  const content = useContext(ContentLocale);
  const ui = useInterfaceLocale();
  return useTranslator(content ?? ui);
}

/** The interface language's translator, even inside <ContentLanguage> (the facilitator's own controls). */
export function useInterfaceT(): AppTranslator {
  return useTranslator(useInterfaceLocale());
}
