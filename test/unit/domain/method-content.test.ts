// The method's shipped content is data under assets/method/<language>/: every file must pass its
// schema (this test is the build's check), and a broken file is refused with where it is wrong.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { METHOD_FILES, agendaContentSchema, gateCriteriaContentSchema, parseMethodFile, parseRubricsContent } from '../../../renderer/domain/method-content';
import { kpiLibrary, KPI_LIBRARY_KEYS } from '../../../renderer/domain/kpi-library';
import { criteriaFor, shippedCriterion } from '../../../renderer/domain/stages';
import { defaultAgenda } from '../../../renderer/domain/agenda';
import { controlTemplates } from '../../../renderer/domain/controls';
import { defaultCadence } from '../../../renderer/domain/governance';
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

/** Every key path of a file (keys and the `key` fields of lists), to compare languages by shape. */
function shape(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => shape(v, `${path}[${(v as { key?: string })?.key ?? i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => (k === 'key' ? [] : shape(v, `${path}.${k}`)));
  return [path];
}
/** Every text of a file that a person reads (not keys, not numbers). */
function texts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(texts);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => (k === 'key' ? [] : texts(v)));
  return typeof value === 'string' ? [value] : [];
}

describe.each(Object.keys(METHOD_FILES))('assets/method/<language>/%s', (file) => {
  const schema = METHOD_FILES[file as keyof typeof METHOD_FILES];

  it.each(LANGUAGES)('the %s file passes its schema', (lang) => {
    expect(() => parseMethodFile(schema, read(lang, file), `${lang}/${file}`)).not.toThrow();
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))('the %s file has the same keys, in the same order, as English', (lang) => {
    expect(shape(read(lang, file))).toEqual(shape(read('en', file)));
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))('the %s file is written in its language: most texts differ from English', (lang) => {
    const en = texts(read('en', file));
    const other = texts(read(lang, file));
    const same = other.filter((t, i) => t === en[i]);
    // Some words are the same in all three ("Runbook", "Recall", "%").
    expect(same.length).toBeLessThan(en.length * 0.2);
  });

  it('the French file puts a narrow no-break space before : ; ! ? and inside « »', () => {
    for (const t of texts(read('fr', file))) {
      expect(t).not.toMatch(/[^\u202f][;:!?](\s|$)/);
      expect(t).not.toMatch(/«[^\u202f]|[^\u202f]»/);
    }
  });
});

describe('method files a consultancy got wrong are refused, naming the place', () => {
  it('a session without minutes, a gate without criteria, two criteria with one key', () => {
    const agenda = read('de', 'agenda.json') as { sessions: { key: string; title: string; minutes?: number }[] };
    const broken = { sessions: agenda.sessions.map((s, i) => (i === 2 ? { key: s.key, title: s.title } : s)) };
    expect(() => parseMethodFile(agendaContentSchema, broken, 'de/agenda.json')).toThrow(/^de\/agenda\.json: sessions\.2\.minutes/);
    const gates = read('fr', 'gate-criteria.json') as Record<string, { key: string }[]>;
    expect(() => parseMethodFile(gateCriteriaContentSchema, { ...gates, scale: [] }, 'fr/gate-criteria.json')).toThrow(/scale: the list is empty/);
    const twice = { ...gates, gate: [gates.gate![0], gates.gate![0]] };
    expect(() => parseMethodFile(gateCriteriaContentSchema, twice, 'fr/gate-criteria.json')).toThrow(/gate: two entries share a key/);
  });
});

describe('the method content in each language', () => {
  it.each(LANGUAGES)('the %s KPI library names every KPI of the library, each with its shape', (lang) => {
    expect(kpiLibrary(lang).map((k) => k.key)).toEqual(KPI_LIBRARY_KEYS);
    expect(kpiLibrary(lang).find((k) => k.key === 'latency-p95')).toMatchObject({ direction: 'lower-is-better', role: 'guardrail', layer: 'operational-performance' });
  });

  it('gate criteria follow the language asked for, and a stored name is found again in any language', () => {
    expect(criteriaFor('gate', 'hardening', 'de')[0]).toBe('Wirkung auf die KPIs');
    expect(criteriaFor('gate', 'hardening', 'fr')[0]).toBe('Impact sur les KPI');
    expect(criteriaFor('gate', 'hardening')[0]).toBe('KPI impact');
    expect(shippedCriterion('Wirkung auf die KPIs')).toMatchObject({ key: 'kpi-impact', stage: 'hardening', language: 'de' });
    expect(shippedCriterion('Something the facilitator typed')).toBeUndefined();
  });

  it('the standard agenda and meetings keep their times in every language', () => {
    const minutes = (l: 'en' | 'de' | 'fr') => defaultAgenda(l).map((s) => s.minutes);
    expect(minutes('de')).toEqual(minutes('en'));
    expect(defaultCadence('fr').map((c) => [c.kind, c.time, c.durationMinutes])).toEqual(defaultCadence('en').map((c) => [c.kind, c.time, c.durationMinutes]));
    expect(controlTemplates('de').hardening.map((t) => t.key)).toEqual(controlTemplates('en').hardening.map((t) => t.key));
  });
});
