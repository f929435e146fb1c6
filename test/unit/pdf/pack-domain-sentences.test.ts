// Inside a German or French sponsor pack the domain's own sentences (readiness reasons and
// warnings, health findings, RACI problems, the cadence's "when") are said in the workshop's
// language through the app catalog the engine loads; stored text (titles, names) stays as typed.
import { describe, expect, it } from 'vitest';
import { buildSponsorPack } from '../../../renderer/domain/sponsor-pack';
import { loadPackTranslator } from '../../../renderer/i18n/pack-catalog';
import { loadAppCatalog } from '../../../renderer/i18n/app-catalog';
import { sponsorDocument } from '../../../renderer/pdf/sponsor-document';
import type { Language } from '../../../renderer/domain/languages';
import { insurerWorkshop } from './insurer-fixture';

const TODAY = '2026-12-10';

async function documentText(language: Language): Promise<string> {
  const { workshop, rows } = insurerWorkshop();
  // A high score with no evidence, for a readiness warning.
  const readiness = rows.readiness.map((r, i) => (i === 0 ? { ...r, dimensions: { ...r.dimensions, processClarity: { score: 5, evidence: '' } } } : r));
  const pack = buildSponsorPack({ ...workshop, language }, { ...rows, readiness }, { today: TODAY, words: await loadPackTranslator(language) });
  await loadAppCatalog(language);
  return JSON.stringify(sponsorDocument(pack, await loadPackTranslator(language)));
}

/**
 * What the English domain writes for these parts: none of it may reach a German or French pack,
 * the readiness reasons the decisions table quotes included.
 */
const ENGLISH = [
  'Accountable roles (',
  'has no Accountable role',
  'exactly one is needed',
  'Every Monday',
  'of the month',
  'on or after each gate',
  'with no evidence noted',
  'Every dimension is',
  'No success criteria',
  'the pilot would stall',
  'Still to score',
  'Readiness verdict',
];

/** The decisions table's "why" cells (the recommendation and its facts). */
const decisionFacts = (json: string): string =>
  JSON.stringify((JSON.parse(json) as { blocks: { kind: string; rows?: unknown[][] }[] }).blocks.filter((b) => b.kind === 'table').flatMap((b) => (b.rows ?? []).map((r) => r[3])));

/** The text of every callout (the readiness verdicts, the RACI problems), where the decisions table is not. */
const callouts = (json: string): string => JSON.stringify((JSON.parse(json) as { blocks: { kind: string }[] }).blocks.filter((b) => b.kind === 'callout'));

describe('the domain’s sentences inside the sponsor pack', () => {
  it('the English pack says them as the domain’s English', async () => {
    const text = await documentText('en');
    expect(text).toContain('Accountable roles (');
    expect(text).toContain('Every Monday at 09:30, 45 min');
    expect(text).toContain('with no evidence noted');
  });

  it('a German pack says them in German', async () => {
    const text = await documentText('de');
    for (const english of ENGLISH) expect(text).not.toContain(english);
    expect(text).toContain('Jeden Montag um 09:30 Uhr, 45 Min.');
    expect(text).toMatch(/hat 2 Accountable-Rollen \(/);
    expect(text).toContain('aber ohne Beleg');
    expect(callouts(text)).not.toMatch(/of 5: the pilot would stall|Still to score/);
    expect(callouts(text)).toContain('Datenqualität steht bei 2 von 5');
    // The decisions table quotes the readiness reasons in German too.
    expect(decisionFacts(text)).toContain('• Reifeprüfung: zuerst ein Reife-Sprint. Datenqualität steht bei 2 von 5: Daran würde der Pilot hängen bleiben.');
  });

  it('a French pack says them in French', async () => {
    const text = await documentText('fr');
    for (const english of ENGLISH) expect(text).not.toContain(english);
    expect(text).toContain('Chaque lundi à 09:30, 45\u202fmin');
    expect(text).toMatch(/a 2 rôles Accountable \(/);
    expect(text).toContain('sans élément probant');
    expect(callouts(text)).not.toMatch(/of 5: the pilot would stall|Still to score/);
    expect(decisionFacts(text)).toContain('• Diagnostic de maturité\u202F: d’abord un sprint de maturité. Qualité des données est à 2 sur 5\u202F: le pilote y buterait.');
  });

  it('the English pack quotes the readiness reasons as before', async () => {
    expect(decisionFacts(await documentText('en'))).toContain('• Readiness verdict: readiness sprint first. Data quality is 2 of 5: the pilot would stall on it.');
  });

  it('a pack built before the facts carried messages still prints its facts as stored', async () => {
    const { workshop, rows } = insurerWorkshop();
    const pack = buildSponsorPack({ ...workshop, language: 'de' }, rows, { today: TODAY, words: await loadPackTranslator('de') });
    const old = { ...pack, decisions: { ...pack.decisions, items: pack.decisions.items.map(({ factLines: _, ...i }) => ({ ...i, facts: i.facts.map((f) => `${f} (stored)`) })) } };
    await loadAppCatalog('de');
    const text = decisionFacts(JSON.stringify(sponsorDocument(old, await loadPackTranslator('de'))));
    for (const item of old.decisions.items) for (const f of item.facts) expect(text).toContain(`• ${f}`);
  });
});
