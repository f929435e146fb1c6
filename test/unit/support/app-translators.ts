// The app catalog compiled as the build compiles it, one translator per shipped language, and
// `say`: a domain Message in that language. Shared by the unit tests that check sentences in
// English, German and French.
import { compileCatalog, readCatalog } from '../../../scripts/vite-catalogs.mjs';
import { createTranslator } from '../../../renderer/i18n/translator';
import type { AppMessageId } from '../../../renderer/i18n/app-catalog';
import type { Message } from '../../../renderer/domain/message';
import { messageText } from '../../../renderer/shared/message-text';

const catalog = (lang: string) => compileCatalog(readCatalog(new URL(`../../../renderer/i18n/catalogs/app/${lang}.json`, import.meta.url).pathname), lang);
export const english = catalog('en');

export const translators = {
  en: createTranslator<AppMessageId>('en', english, english),
  de: createTranslator<AppMessageId>('de', catalog('de'), english),
  fr: createTranslator<AppMessageId>('fr', catalog('fr'), english),
};
export type Lang = keyof typeof translators;
export const say = (lang: Lang, m: Message): string => messageText(translators[lang].t, lang, m);
