// The language the method's shipped text (gate criteria, readiness dimensions, library hints) takes
// on the facilitator's own screens: the interface language (the pseudo-locale reads English data).
import type { Language } from '../domain/languages';
import { useInterfaceLocale } from './react';
import type { Locale } from './translator';

export const methodLanguage = (locale: Locale): Language => (locale === 'pseudo' ? 'en' : locale);

export function useInterfaceMethodLanguage(): Language {
  return methodLanguage(useInterfaceLocale());
}
