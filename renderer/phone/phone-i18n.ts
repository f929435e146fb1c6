// The phone page speaks the workshop's language (RoomState.language), not the phone's: the room
// reads the same words on the projector and on every phone. Before the laptop has said which, the
// last room's language, else the phone's own. All three catalogs are small and in the bundle, so
// a language switch never waits for the network.
import { messages as en } from '../i18n/catalogs/phone/en.json?lingui';
import { messages as de } from '../i18n/catalogs/phone/de.json?lingui';
import { messages as fr } from '../i18n/catalogs/phone/fr.json?lingui';
import type englishSource from '../i18n/catalogs/phone/en.json';
import { createTranslator, type Translator } from '../i18n/translator';
import type { Language } from '../domain/languages';

export type PhoneMessageId = keyof typeof englishSource;
export type PhoneTranslator = Translator<PhoneMessageId>;

const translators: Record<Language, PhoneTranslator> = {
  en: createTranslator<PhoneMessageId>('en', en, en),
  de: createTranslator<PhoneMessageId>('de', de, en),
  fr: createTranslator<PhoneMessageId>('fr', fr, en),
};

export function phoneTranslator(language: Language): PhoneTranslator {
  return translators[language];
}
