// The words of the files Liftoff writes for the client (the portfolio CSV and workbook, the .ics
// calendar), in the workshop's language. This code runs outside React, synchronously, while the
// file is built, so all three languages are here at once (a few kilobytes, in the export chunk),
// compiled at build time like the app's catalogs (renderer/i18n/catalogs/export/).
import { messages as en } from './catalogs/export/en.json?lingui';
import { messages as de } from './catalogs/export/de.json?lingui';
import { messages as fr } from './catalogs/export/fr.json?lingui';
import type englishSource from './catalogs/export/en.json';
import type { Language } from '../domain/languages';
import { createTranslator, type Translator } from './translator';

export type ExportMessageId = keyof typeof englishSource;
export type ExportTranslator = Translator<ExportMessageId>;

const translators: Record<Language, ExportTranslator> = {
  en: createTranslator<ExportMessageId>('en', en, en),
  de: createTranslator<ExportMessageId>('de', de, en),
  fr: createTranslator<ExportMessageId>('fr', fr, en),
};

export function exportTranslator(language: Language): ExportTranslator {
  return translators[language];
}
