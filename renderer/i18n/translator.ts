// The one i18n layer: Lingui's small runtime over catalogs compiled at build time. A translator is
// bound to one locale, because two languages are on screen at once: the facilitator's interface
// language and, in the projector views and on the phones, the workshop's language.
import { setupI18n, type Messages } from '@lingui/core';
import type { Language } from '../domain/languages';

/** A language Liftoff ships, or the development pseudo-locale. */
export type Locale = Language | 'pseudo';

export type Translator<Id extends string = string> = {
  locale: Locale;
  /** For `lang=`: the BCP 47 tag (the pseudo-locale is English underneath). */
  lang: string;
  t(id: Id, values?: Record<string, unknown>): string;
};

export const langTag = (locale: Locale): string => (locale === 'pseudo' ? 'en-XA' : locale);

/**
 * A translator for `locale`. `messages` are layered over English, so a message a catalog lacks
 * shows in English (the build and a unit test refuse such a catalog; this is the last guard), and
 * a plural form a language lacks (French "many") falls back to its "other" form: never a raw key.
 */
export function createTranslator<Id extends string>(locale: Locale, messages: Messages, english: Messages): Translator<Id> {
  const lang = langTag(locale);
  const i18n = setupI18n({ locale: lang, messages: { [lang]: locale === 'en' ? english : { ...english, ...messages } } });
  return { locale, lang, t: (id, values) => i18n._(id, values) };
}
