// Default scoring rubrics: what each level of each criterion means, in each language Liftoff
// speaks. The wording is data (assets/method/<language>/rubrics.json); every workshop gets a copy
// in its own language that it can edit.
import type { Criterion, Rubrics } from './model';
import type { Language } from './languages';
import { parseRubricsContent } from './method-content';
import en from '../../assets/method/en/rubrics.json';
import de from '../../assets/method/de/rubrics.json';
import fr from '../../assets/method/fr/rubrics.json';

export const CRITERION_LABELS: Record<Criterion, string> = {
  impact: 'Business impact',
  feasibility: 'Feasibility',
  readiness: 'Organizational readiness',
};

export const CRITERION_SHORT: Record<Criterion, string> = { impact: 'I', feasibility: 'F', readiness: 'R' };

const SHIPPED: Readonly<Record<Language, Rubrics>> = {
  en: parseRubricsContent(en, 'assets/method/en/rubrics.json'),
  de: parseRubricsContent(de, 'assets/method/de/rubrics.json'),
  fr: parseRubricsContent(fr, 'assets/method/fr/rubrics.json'),
};

/** The English rubrics (what workshops got before they had a language). */
export const DEFAULT_RUBRICS: Rubrics = SHIPPED.en;

export function defaultRubrics(language: Language = 'en'): Rubrics {
  return structuredClone(SHIPPED[language]);
}

const sameRubrics = (a: Rubrics, b: Rubrics) =>
  (['impact', 'feasibility', 'readiness'] as const).every((c) => a[c].every((text, i) => text === b[c][i]));

/**
 * The rubrics after a workshop's language changes: the shipped ones, as they were never edited,
 * follow the language; rubrics the facilitator wrote stay exactly as written (never translated).
 */
export function rubricsAfterLanguageChange(current: Rubrics, from: Language, to: Language): Rubrics {
  return from !== to && sameRubrics(current, SHIPPED[from]) ? defaultRubrics(to) : current;
}
