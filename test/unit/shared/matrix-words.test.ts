// The matrix's own words (cell names, the "+k more" button and its list, the readiness legend,
// a card's accessible name) in English, German and French, from the real catalogs.
import { describe, expect, it } from 'vitest';
import { compileCatalog, readCatalog } from '../../../scripts/vite-catalogs.mjs';
import { createTranslator } from '../../../renderer/i18n/translator';
import type { AppMessageId } from '../../../renderer/i18n/app-catalog';
import { cellName, cellPhrase } from '../../../renderer/domain/matrix-layout';
import { messageText } from '../../../renderer/shared/message-text';
import { cardLabel, readinessText } from '../../../renderer/features/matrix/MatrixCard';
import type { MatrixEntry } from '../../../renderer/features/matrix/use-matrix-data';

type Lang = 'en' | 'de' | 'fr';
const catalog = (lang: string) => compileCatalog(readCatalog(new URL(`../../../renderer/i18n/catalogs/app/${lang}.json`, import.meta.url).pathname), lang);
const english = catalog('en');
const tr = (lang: Lang) => createTranslator<AppMessageId>(lang, lang === 'en' ? english : catalog(lang), english).t;
const name = (lang: Lang, impact: number, feasibility: number) => messageText(tr(lang), lang, cellName({ impact, feasibility }));
const phrase = (lang: Lang, impact: number, feasibility: number) => messageText(tr(lang), lang, cellPhrase({ impact, feasibility }));
const title = 'Retourenbegründungsklassifikation für den Kundendienst';
const entry = (rank: number | null, readiness: number | null) => ({ id: 'uc', title, rank, readiness }) as unknown as MatrixEntry;

describe('the matrix cell names', () => {
  it('say a cell in English as the domain always did', () => {
    expect(name('en', 4, 3)).toBe('Impact 4, feasibility 3, Strategic bets');
    expect(phrase('en', 5, 5)).toBe('impact 5, feasibility 5, quick wins');
  });

  it('say a cell in German, quadrant nouns capitalised even mid-sentence', () => {
    expect(name('de', 4, 3)).toBe('Impact 4, Machbarkeit 3, Strategische Wetten');
    expect(name('de', 2, 5)).toBe('Impact 2, Machbarkeit 5, Lückenfüller');
    expect(phrase('de', 5, 5)).toBe('Impact 5, Machbarkeit 5, Schnelle Erfolge');
  });

  it('say a cell in French, the quadrant in lower case inside a sentence', () => {
    expect(name('fr', 1, 1)).toBe('Impact 1, faisabilité 1, À écarter');
    expect(phrase('fr', 4, 2)).toBe('impact 4, faisabilité 2, paris stratégiques');
    expect(phrase('fr', 1, 1)).toBe('impact 1, faisabilité 1, à écarter');
  });
});

describe('the "+k more" button and its list', () => {
  it('count in German with singular and plural', () => {
    const t = tr('de');
    const cell = name('de', 4, 4);
    expect(t('matrix.moreLabel', { count: 3, cell })).toBe('3 weitere in Impact 4, Machbarkeit 4, Schnelle Erfolge');
    expect(t('matrix.moreTitle', { count: 1 })).toBe('1 weiterer Anwendungsfall in diesem Feld');
    expect(t('matrix.moreTitle', { count: 3 })).toBe('3 weitere Anwendungsfälle in diesem Feld');
    expect(t('matrix.moreHeading', { cell, more: t('matrix.moreCount', { count: 2 }) })).toBe('Impact 4, Machbarkeit 4, Schnelle Erfolge: 2 weitere Anwendungsfälle');
  });

  it('count in French, with the no-break space before the colon', () => {
    const t = tr('fr');
    const cell = name('fr', 4, 4);
    expect(t('matrix.moreCount', { count: 1 })).toBe('1 autre cas d’usage');
    expect(t('matrix.moreHeading', { cell, more: t('matrix.moreCount', { count: 5 }) })).toBe('Impact 4, faisabilité 4, Gains rapides\u00a0: 5 autres cas d’usage');
    expect(t('matrix.moreDialog', { cell, more: t('matrix.moreCount', { count: 5 }) })).toBe('5 autres cas d’usage dans la case Impact 4, faisabilité 4, Gains rapides');
  });

  it('keep the English the e2e tests and screen readers knew', () => {
    const t = tr('en');
    expect(t('matrix.moreDialog', { cell: name('en', 4, 4), more: t('matrix.moreCount', { count: 2 }) })).toBe('2 more use cases in Impact 4, feasibility 4, Quick wins');
    expect(t('matrix.moreTitle', { count: 1 })).toBe('1 more use case in this cell');
  });
});

describe('the readiness legend and a card’s name', () => {
  it('name the ends of the scale in each language', () => {
    expect([1, 3, 5].map((level) => tr('en')('matrix.readinessLevel', { level }))).toEqual(['Readiness 1, lowest', 'Readiness 3', 'Readiness 5, highest']);
    expect([1, 3, 5].map((level) => tr('de')('matrix.readinessLevel', { level }))).toEqual(['Reife 1, am niedrigsten', 'Reife 3', 'Reife 5, am höchsten']);
    expect([1, 3, 5].map((level) => tr('fr')('matrix.readinessLevel', { level }))).toEqual(['Maturité 1, la plus faible', 'Maturité 3', 'Maturité 5, la plus élevée']);
    expect(tr('de')('matrix.readinessNone')).toBe('Reife nicht bewertet');
  });

  it('say a card with the title as typed', () => {
    expect(cardLabel(tr('de'), entry(2, null))).toBe(`${title}. Rang 2, Reife nicht bewertet`);
    expect(cardLabel(tr('fr'), entry(null, null))).toBe(`${title}. Pas encore classé, maturité non évaluée`);
    expect(cardLabel(tr('en'), entry(1, 4))).toBe(`${title}. Rank 1, readiness ${readinessText(tr('en'), 4)}`);
  });
});
