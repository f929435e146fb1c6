// The readiness average a reader sees in the stage record and the sponsor pack: a German or French
// reader reads "2,8", never the domain's "2.80", whatever the domain passes in.
import { describe, expect, it } from 'vitest';
import { compileCatalog, readCatalog } from '../../../scripts/vite-catalogs.mjs';
import { createTranslator } from '../../../renderer/i18n/translator';
import type { AppMessageId } from '../../../renderer/i18n/app-catalog';
import { messageText } from '../../../renderer/shared/message-text';
import { readinessReasonMessages } from '../../../renderer/domain/health-check';
import { emptyDimensions } from '../../../renderer/domain/readiness';
import { msg } from '../../../renderer/domain/message';

const catalog = (lang: string) => compileCatalog(readCatalog(new URL(`../../../renderer/i18n/catalogs/app/${lang}.json`, import.meta.url).pathname), lang);
const english = catalog('en');
const say = (lang: 'en' | 'de' | 'fr', scores: number[]) => {
  const dimensions = emptyDimensions();
  (Object.keys(dimensions) as (keyof typeof dimensions)[]).forEach((k, i) => {
    dimensions[k] = { score: scores[i] ?? null, evidence: 'seen' };
  });
  const { t } = createTranslator<AppMessageId>(lang, lang === 'en' ? english : catalog(lang), english);
  return readinessReasonMessages({ dimensions }).map((m) => messageText(t, lang, m)).join(' ');
};

describe('the readiness average in a reason', () => {
  it('below the minimum is written "2,80" in German and French, "2.80" in English', () => {
    // As the domain gives it (health-check.ts: the mean as a number with two decimals).
    const low = msg('health.reason.lowAverage', { average: { number: 2.8, digits: 2 }, minimum: 3 });
    const text = (lang: 'en' | 'de' | 'fr') => messageText(createTranslator<AppMessageId>(lang, lang === 'en' ? english : catalog(lang), english).t, lang, low);
    expect(text('de')).toBe('Keine Dimension blockiert allein, aber der Durchschnitt liegt mit 2,80 unter 3.');
    expect(text('fr')).toBe('Aucune dimension ne bloque à elle seule, mais la moyenne est de 2,80, sous 3.');
    expect(text('en')).toBe('No single dimension blocks, but the average is 2.80, below 3.');
  });

  it('above it is written with the reader’s decimal comma too', () => {
    expect(say('de', [4, 3, 4, 3, 3])).toContain('der Durchschnitt bei 3,4');
    expect(say('fr', [4, 3, 4, 3, 3])).toContain('la moyenne est de 3,4');
  });
});
