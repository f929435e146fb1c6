// The facilitator's interface language: a preference of this app on this computer, kept with the
// other app preferences in localStorage. Unset, it follows the system's language (and follows it
// when that changes); set, it stays. Settled before the first render (main.tsx), so no screen
// shows English first.
import { isLanguage, languageFromSystem, type Language } from '../domain/languages';
import { loadAppCatalog, loadedAppTranslator, englishTranslator, type AppTranslator } from './app-catalog';
import { langTag, type Locale } from './translator';

const KEY = 'liftoff.interfaceLanguage';
/** Set to "1" to offer the pseudo-locale in a built app (the screenshot pass); dev builds always do. */
export const DEV_LOCALES_KEY = 'liftoff.devLocales';

/** What the person chose: a language, the pseudo-locale, or null for "as the system". */
export type InterfaceChoice = Locale | null;

export function pseudoLocaleOffered(): boolean {
  try {
    return import.meta.env.DEV || globalThis.localStorage?.getItem(DEV_LOCALES_KEY) === '1';
  } catch {
    return false;
  }
}

export function systemLanguage(): Language {
  const nav = globalThis.navigator;
  return languageFromSystem(nav ? [...(nav.languages ?? []), nav.language] : []);
}

export function storedInterfaceChoice(): InterfaceChoice {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    if (isLanguage(raw)) return raw;
    if (raw === 'pseudo' && pseudoLocaleOffered()) return 'pseudo';
  } catch {
    /* storage refused: follow the system */
  }
  return null;
}

let choice: InterfaceChoice = storedInterfaceChoice();
let current: Locale = choice ?? systemLanguage();
const listeners = new Set<() => void>();

function applyToDocument(): void {
  if (typeof document !== 'undefined') document.documentElement.lang = langTag(current);
}

/** Loads the interface language's catalog and marks the document with it; awaited before the first render. */
export async function startInterfaceLanguage(): Promise<void> {
  try {
    await loadAppCatalog(current);
  } catch {
    current = 'en';
  }
  applyToDocument();
}

export function interfaceLocale(): Locale {
  return current;
}
export function interfaceChoice(): InterfaceChoice {
  return choice;
}

/** Changes the interface language at once (the catalog is fetched first, so nothing flashes). */
export async function setInterfaceChoice(next: InterfaceChoice): Promise<void> {
  const locale = next ?? systemLanguage();
  await loadAppCatalog(locale);
  choice = next;
  current = locale;
  try {
    if (next) globalThis.localStorage?.setItem(KEY, next);
    else globalThis.localStorage?.removeItem(KEY);
  } catch {
    /* not remembered, but applied for this session */
  }
  applyToDocument();
  for (const listener of listeners) listener();
}

export function subscribeToInterfaceLanguage(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** For code outside React (toasts, errors): the interface language's translator. */
export function interfaceT(): AppTranslator {
  return loadedAppTranslator(current) ?? englishTranslator;
}
