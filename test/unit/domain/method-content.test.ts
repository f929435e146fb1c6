// The method's shipped content is data under assets/method/<language>/: every file must pass its
// schema (this test is the build's check), and a broken file is refused with where it is wrong.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseRubricsContent } from '../../../renderer/domain/method-content';
import { LANGUAGES } from '../../../renderer/domain/languages';
import { defaultRubrics, rubricsAfterLanguageChange } from '../../../renderer/domain/rubrics';

const root = fileURLToPath(new URL('../../../assets/method/', import.meta.url));
const read = (lang: string, file: string): unknown => JSON.parse(readFileSync(`${root}${lang}/${file}`, 'utf8'));

describe('assets/method', () => {
  it('has one folder per language Liftoff speaks, each with the same files', () => {
    expect(readdirSync(root).sort()).toEqual([...LANGUAGES].sort());
    const files = (lang: string) => readdirSync(`${root}${lang}`).sort();
    for (const lang of LANGUAGES) expect(files(lang)).toEqual(files('en'));
  });

  it.each(LANGUAGES)('the %s rubrics pass their schema: three criteria, five described levels each', (lang) => {
    const rubrics = parseRubricsContent(read(lang, 'rubrics.json'), `${lang}/rubrics.json`);
    expect(Object.keys(rubrics)).toEqual(['impact', 'feasibility', 'readiness']);
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))('the %s rubrics are written in their language, level by level', (lang) => {
    const english = defaultRubrics('en');
    const other = defaultRubrics(lang);
    for (const c of ['impact', 'feasibility', 'readiness'] as const) other[c].forEach((text, i) => expect(text).not.toBe(english[c][i]));
  });

  it('refuses a rubric file with four levels, an empty level or an unknown criterion, naming the place', () => {
    const good = read('de', 'rubrics.json') as Record<string, string[]>;
    expect(() => parseRubricsContent({ ...good, impact: good.impact!.slice(0, 4) }, 'de/rubrics.json')).toThrow(/^de\/rubrics\.json: impact/);
    expect(() => parseRubricsContent({ ...good, readiness: ['a', 'b', ' ', 'd', 'e'] }, 'de/rubrics.json')).toThrow(/readiness\.2: a level needs a description/);
    expect(() => parseRubricsContent({ ...good, ethics: ['a', 'b', 'c', 'd', 'e'] }, 'de/rubrics.json')).toThrow(/ethics/);
  });
});

describe('rubrics when the workshop language changes', () => {
  it('the shipped rubrics follow the language', () => {
    expect(rubricsAfterLanguageChange(defaultRubrics('en'), 'en', 'de')).toEqual(defaultRubrics('de'));
  });

  it('rubrics the facilitator edited stay exactly as written', () => {
    const edited = defaultRubrics('de');
    edited.readiness[4] = 'Vom Vorstand gewollt';
    expect(rubricsAfterLanguageChange(edited, 'de', 'fr')).toBe(edited);
  });

  it('nothing changes when the language stays', () => {
    const r = defaultRubrics('fr');
    expect(rubricsAfterLanguageChange(r, 'fr', 'fr')).toBe(r);
  });
});
