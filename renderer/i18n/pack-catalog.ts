// The sponsor pack's catalog: its own part (catalogs/pack/), because the pack speaks the
// WORKSHOP's language whatever the interface speaks, and the PDF worker needs none of the app's
// messages. English is the source and fallback; German or French is fetched only when a pack in
// that language is made, so the worker loads just the workshop's language.
import type { Messages } from '@lingui/core';
import { messages as english } from './catalogs/pack/en.json?lingui';
import type englishSource from './catalogs/pack/en.json';
import type { Language } from '../domain/languages';
import { createTranslator, type Translator } from './translator';

/** Every message id of the pack; a typo in an id is a type error. */
export type PackMessageId = keyof typeof englishSource;
export type PackTranslator = Translator<PackMessageId>;

const loaders: Record<Exclude<Language, 'en'>, () => Promise<Messages>> = {
  de: () => import('./catalogs/pack/de.json?lingui').then((m) => m.messages),
  fr: () => import('./catalogs/pack/fr.json?lingui').then((m) => m.messages),
};

/** English, always here: the default of a pack built without a language. */
export const englishPack: PackTranslator = createTranslator<PackMessageId>('en', english, english);

const ready = new Map<Language, PackTranslator>([['en', englishPack]]);

/** The pack's translator for `language`, fetching that one catalog the first time. */
export async function loadPackTranslator(language: Language): Promise<PackTranslator> {
  const done = ready.get(language);
  if (done) return done;
  const messages = await loaders[language as Exclude<Language, 'en'>]();
  const translator = createTranslator<PackMessageId>(language, messages, english);
  ready.set(language, translator);
  return translator;
}

/** The translator if its catalog is already loaded (English always is). */
export function loadedPackTranslator(language: Language): PackTranslator | undefined {
  return ready.get(language);
}
