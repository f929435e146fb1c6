// The facilitator app's catalogs. English (the source language and the fallback) is in the first
// bundle; German, French and the pseudo-locale are fetched the first time they are needed, so the
// first screen pays only for the language it shows.
import type { Messages } from '@lingui/core';
import { messages as english } from './catalogs/app/en.json?lingui';
import type englishSource from './catalogs/app/en.json';
import { pseudoCatalog } from './pseudo';
import { createTranslator, type Locale, type Translator } from './translator';

/** Every message id of the app; a typo in an id is a type error. */
export type AppMessageId = keyof typeof englishSource;
export type AppTranslator = Translator<AppMessageId>;

const loaders: Record<Exclude<Locale, 'en'>, () => Promise<Messages>> = {
  de: () => import('./catalogs/app/de.json?lingui').then((m) => m.messages),
  fr: () => import('./catalogs/app/fr.json?lingui').then((m) => m.messages),
  pseudo: () => Promise.resolve(pseudoCatalog(english)),
};

const ready = new Map<Locale, AppTranslator>([['en', createTranslator<AppMessageId>('en', english, english)]]);
const pending = new Map<Locale, Promise<AppTranslator>>();
const listeners = new Set<() => void>();

/** The translator for `locale`, fetching its catalog first if needed. */
export function loadAppCatalog(locale: Locale): Promise<AppTranslator> {
  const done = ready.get(locale);
  if (done) return Promise.resolve(done);
  let promise = pending.get(locale);
  if (!promise) {
    promise = loaders[locale as Exclude<Locale, 'en'>]().then((messages) => {
      const translator = createTranslator<AppMessageId>(locale, messages, english);
      ready.set(locale, translator);
      for (const listener of listeners) listener();
      return translator;
    });
    // A failed fetch may be retried by the next call.
    promise.catch(() => pending.delete(locale));
    pending.set(locale, promise);
  }
  return promise;
}

/** The translator if its catalog is here, else undefined (loadAppCatalog fetches it). */
export function loadedAppTranslator(locale: Locale): AppTranslator | undefined {
  return ready.get(locale);
}

/** Whether this version's catalog has the id (a message stored by a later version may not). */
export const hasAppMessage = (id: string): boolean => Object.hasOwn(english, id);

/** English, always loaded: what a view shows in the instant before another catalog arrives. */
export const englishTranslator = ready.get('en') as AppTranslator;

export function subscribeToCatalogs(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
