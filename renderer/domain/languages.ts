// The languages Liftoff speaks. Two are in play at once: the facilitator's interface language (a
// preference of the app) and each workshop's language (what the room sees: projector, phones,
// sponsor pack). Both start from the system's language.

export const LANGUAGES = ['en', 'de', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language named in itself, as a selector lists it (a person looks for their own word). */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', de: 'Deutsch', fr: 'Français' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The first of the system's preferred languages that Liftoff speaks ("de-AT" → de, "fr-CH" → fr),
 * else English. `preferred` is navigator.languages (or [navigator.language]).
 */
export function languageFromSystem(preferred: readonly (string | undefined | null)[]): Language {
  for (const tag of preferred) {
    const base = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}
