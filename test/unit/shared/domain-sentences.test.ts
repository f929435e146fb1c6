// The domain's own sentences in the reader's language: readiness warnings, RACI problems, the
// cadence's "when", the roadmap's move notes and refusals, typed-date errors and the roadmap's
// default phases and gates. Said in English they are the domain's English word for word; in
// German and French no English is left, and numbers are written as the reader writes them.
import { describe, expect, it } from 'vitest';
import type { Message } from '../../../renderer/domain/message';
import { emptyDimensions, readinessVerdict, readinessWarningMessages } from '../../../renderer/domain/readiness';
import { readinessReasonMessages } from '../../../renderer/domain/health-check';
import { cadenceSummary, cadenceWhen, raciProblems } from '../../../renderer/domain/governance';
import { cadenceRhythm, cadenceRhythmText } from '../../../renderer/domain/gantt';
import { editItem, generatePlan, phaseKeyOf, rangeText, describeRange, replanRemaining } from '../../../renderer/domain/roadmap';
import { parseTypedDate } from '../../../renderer/domain/dates';
import type { CadenceEvent, DecisionRight, Readiness, Role, RoadmapItem } from '../../../renderer/domain/model';
import { say } from '../support/app-translators';

const NNBSP = '\u202f';

const T = '2026-11-23T09:00:00.000Z';
const owned = (id: string) => ({ id, workshopId: 'w1', createdAt: T, updatedAt: T });

describe('readiness warnings and reasons', () => {
  const r: Pick<Readiness, 'dimensions'> = { dimensions: emptyDimensions() };
  r.dimensions.dataQuality = { score: 4, evidence: '' };
  r.dimensions.processClarity = { score: 5, evidence: 'Prozess dokumentiert' };
  r.dimensions.systemAccess = { score: 3, evidence: 'x' };
  r.dimensions.stakeholderOwnership = { score: 3, evidence: 'x' };
  r.dimensions.complianceConstraints = { score: 2, evidence: 'x' };

  it('says a high score with no evidence in English as the verdict does, and in German and French', () => {
    const warnings = readinessWarningMessages(r);
    expect(warnings.map((m) => say('en', m))).toEqual(readinessVerdict(r).warnings);
    expect(say('de', warnings[0] as Message)).toBe('Datenqualität ist mit 4 bewertet, aber ohne Beleg.');
    expect(say('fr', warnings[0] as Message)).toBe('Qualité des données est noté 4 sans élément probant.');
    expect(readinessWarningMessages(null)).toEqual([]);
  });

  it('writes the average with the reader’s decimal comma, keeping its two decimals', () => {
    const low: Pick<Readiness, 'dimensions'> = { dimensions: emptyDimensions() };
    for (const k of Object.keys(low.dimensions) as (keyof Readiness['dimensions'])[]) low.dimensions[k] = { score: 3, evidence: 'x' };
    const reasons = readinessReasonMessages({ dimensions: { ...low.dimensions, dataQuality: { score: 4, evidence: 'x' } } });
    expect(say('en', reasons[0] as Message)).toBe('Every dimension is 3 or higher and the average is 3.2.');
    expect(say('de', reasons[0] as Message)).toBe('Jede Dimension steht bei 3 oder höher, der Durchschnitt bei 3,2.');
    expect(say('fr', reasons[0] as Message)).toContain('la moyenne est de 3,2');
  });
});

describe('RACI problems', () => {
  const roles: Role[] = [
    { ...owned('r1'), name: 'Product Owner', person: '', order: 0 } as Role,
    { ...owned('r2'), name: 'Governance-Sponsor', person: '', order: 1 } as Role,
  ];
  const rights: DecisionRight[] = [
    { ...owned('d1'), decision: 'Pilotumfang', order: 0, assignments: [{ roleId: 'r1', raci: 'R' }] } as DecisionRight,
    { ...owned('d2'), decision: 'Risikoakzeptanz', order: 1, assignments: [{ roleId: 'r1', raci: 'A' }, { roleId: 'r2', raci: 'A' }] } as DecisionRight,
  ];
  const problems = raciProblems(rights, roles);

  it('say in English exactly what the English message says', () => {
    expect(problems.map((p) => say('en', p.text))).toEqual(problems.map((p) => p.message));
  });

  it('in German, with German quotes; the decision and role names as typed', () => {
    expect(problems.map((p) => say('de', p.text))).toEqual([
      '„Pilotumfang“ hat keine Accountable-Rolle.',
      '„Risikoakzeptanz“ hat 2 Accountable-Rollen (Product Owner, Governance-Sponsor); es darf genau eine sein.',
    ]);
  });

  it('in French, with « » and the narrow no-break space', () => {
    expect(say('fr', (problems[0] as (typeof problems)[number]).text)).toBe(`«${NNBSP}Pilotumfang${NNBSP}» n’a aucun rôle Accountable.`);
    expect(say('fr', (problems[1] as (typeof problems)[number]).text)).toContain(`(Product Owner, Governance-Sponsor)${NNBSP}; il en faut exactement un.`);
  });
});

describe('the cadence’s "when"', () => {
  const meeting = (over: Partial<CadenceEvent>) =>
    ({ frequency: 'weekly', weekday: 1, weekOfMonth: 1, time: '09:30', durationMinutes: 45, ...over }) as Pick<CadenceEvent, 'frequency' | 'weekday' | 'weekOfMonth' | 'time' | 'durationMinutes'>;
  const cases = [
    meeting({}),
    meeting({ frequency: 'fortnightly', weekday: 3 }),
    meeting({ frequency: 'monthly', weekday: 2, weekOfMonth: 5, time: '' }),
    meeting({ frequency: 'at-gates', weekday: 6, time: '15:00', durationMinutes: 90 }),
  ];

  it('says in English what cadenceSummary and cadenceRhythm say', () => {
    for (const c of cases) {
      expect(say('en', cadenceWhen(c))).toBe(cadenceSummary(c));
      expect(say('en', cadenceRhythmText(c))).toBe(cadenceRhythm(c));
    }
  });

  it('in German and French', () => {
    expect(cases.map((c) => say('de', cadenceWhen(c)))).toEqual([
      'Jeden Montag um 09:30 Uhr, 45 Min.',
      'Jeden zweiten Mittwoch um 09:30 Uhr, 45 Min.',
      'Letzter Dienstag im Monat, 45 Min.',
      'Erster Werktag ab jedem Gate um 15:00 Uhr, 90 Min.',
    ]);
    expect(cases.map((c) => say('fr', cadenceWhen(c)))).toEqual([
      `Chaque lundi à 09:30, 45${NNBSP}min`,
      `Un mercredi sur deux à 09:30, 45${NNBSP}min`,
      `Dernier mardi du mois, 45${NNBSP}min`,
      `Premier jour ouvré à partir de chaque jalon à 15:00, 90${NNBSP}min`,
    ]);
    expect(say('de', cadenceRhythmText(cases[0] as CadenceEvent))).toBe('Jeden Montag, 09:30 Uhr');
  });
});

describe('the roadmap', () => {
  const stored = (drafts: ReturnType<typeof generatePlan>): RoadmapItem[] => drafts.map((d, i) => ({ ...d, ...owned(`i${i}`) }) as RoadmapItem);

  it('a new plan is written in the workshop’s language; its keys are the same in every language', () => {
    const de = generatePlan('uc', { readinessSprint: true, language: 'de' });
    const en = generatePlan('uc', { readinessSprint: true });
    expect(de.map((d) => [d.kind, d.phaseKey, d.startDay, d.endDay])).toEqual(en.map((d) => [d.kind, d.phaseKey, d.startDay, d.endDay]));
    expect(de.map((d) => d.label)).toContain('Gate-Entscheidung');
    expect(generatePlan('uc', { readinessSprint: false, language: 'fr' }).map((d) => d.label)).toContain('Jalon de décision');
    expect(en.map((d) => d.label)).toContain('Gate decision');
    for (const l of de) expect(en.map((e) => e.label)).not.toContain(l.label === 'Pilot' ? 'x' : l.label);
  });

  it('an older row without its key is still found by its German or French label', () => {
    expect(phaseKeyOf({ kind: 'gate', label: 'Gate-Entscheidung' })).toBe('gate-hardening-plan');
    expect(phaseKeyOf({ kind: 'phase', label: 'Industrialisation et déploiement' })).toBe('hardening-rollout');
    expect(phaseKeyOf({ kind: 'phase', label: 'Eigene Phase' })).toBeNull();
  });

  it('re-planning a German plan adds German phases', () => {
    const items = stored(generatePlan('uc', { readinessSprint: false, language: 'de' }));
    const plan = replanRemaining(items, 'uc', 'hardening', 60, 'de');
    expect(plan?.firstLabel).toBe('Härtung & Rollout');
    expect(plan?.add.map((a) => a.label)).toContain('Skalierungsentscheidung');
  });

  it('move notes say in English what the English notes say, and in German and French', () => {
    const items = stored(generatePlan('uc', { readinessSprint: false }));
    const pilot = items.find((i) => i.kind === 'phase' && i.phaseKey === 'pilot') as RoadmapItem;
    const pushed = editItem(items, pilot.id, { startDay: 21, endDay: 60 }, true);
    const kept = editItem(items, pilot.id, { startDay: 21, endDay: 55 }, false);
    if (!pushed.ok || !kept.ok) throw new Error('moves refused');
    expect(pushed.noteTexts.map((n) => say('en', n))).toEqual(pushed.notes);
    expect(kept.noteTexts.map((n) => say('en', n))).toEqual(kept.notes);
    expect(say('de', pushed.noteTexts[0] as Message)).toBe('3 spätere Phasen wurden um 10 Tage nach hinten verschoben.');
    expect(say('fr', pushed.noteTexts[0] as Message)).toBe('3 phases suivantes ont été décalées de 10 jours plus tard.');
    expect(say('de', kept.noteTexts[0] as Message)).toBe('Das Gate „Pilot results review“ ist auf Tag 55 gerückt, damit es am Ende seiner Phase bleibt.');
  });

  it('refusals say in English what the English message says, and in German and French', () => {
    const items = stored(generatePlan('uc', { readinessSprint: false }));
    const gate = items.find((i) => i.kind === 'gate' && i.phaseKey === 'pilot') as RoadmapItem;
    const pilot = items.find((i) => i.kind === 'phase' && i.phaseKey === 'pilot') as RoadmapItem;
    const refusals = [
      editItem(items, gate.id, { startDay: 45, endDay: 45 }, true),
      editItem(items, pilot.id, { startDay: 0, endDay: 50 }, true),
      editItem(items, pilot.id, { startDay: 30, endDay: 29 }, true),
      editItem(items, pilot.id, { startDay: 21.5, endDay: 50 }, true),
      editItem(items, 'gone', { startDay: 1, endDay: 2 }, true),
      editItem(items, pilot.id, { startDay: 21, endDay: 3640 }, true),
    ];
    for (const r of refusals) {
      if (r.ok) throw new Error('accepted');
      expect(say('en', r.text)).toBe(r.message);
    }
    const first = refusals[0] as { text: Message };
    expect(say('de', first.text)).toBe('„Pilot results review“ kann nicht vor dem Ende seiner Phase liegen (Tag 50). Es bleibt an Tag 50.');
    expect(say('fr', (refusals[1] as { text: Message }).text)).toBe(`Le plan commence au jour 1${NNBSP}: rien ne peut le précéder.`);
  });

  it('a day range with its length and plural', () => {
    expect(say('en', rangeText({ startDay: 21, endDay: 50 }))).toBe(describeRange({ startDay: 21, endDay: 50 }));
    expect(say('en', rangeText({ startDay: 7, endDay: 7 }))).toBe(describeRange({ startDay: 7, endDay: 7 }));
    expect(say('de', rangeText({ startDay: 21, endDay: 50 }))).toBe('Tag 21–50 (30 Tage)');
    expect(say('fr', rangeText({ startDay: 3, endDay: 3 }))).toBe('Jour 3');
    expect(say('fr', rangeText({ startDay: 2, endDay: 3 }))).toBe('Jours 2 à 3 (2 jours)');
  });
});

describe('typed dates', () => {
  it('accepts ISO, day-first with dots and unambiguous slashes; clears on empty', () => {
    expect(parseTypedDate('2026-03-01')).toEqual({ ok: true, iso: '2026-03-01' });
    expect(parseTypedDate('1.3.2026')).toEqual({ ok: true, iso: '2026-03-01' });
    expect(parseTypedDate('13/3/2026')).toEqual({ ok: true, iso: '2026-03-13' });
    expect(parseTypedDate('  ')).toEqual({ ok: true, iso: '' });
  });

  it('refuses with the reason in English as before, and in German and French', () => {
    const cases = ['2026-02-30', '31.2.2026', '3/1/2026', 'morgen früh'];
    const refusals = cases.map((c) => parseTypedDate(c));
    const texts = refusals.map((r) => {
      if (r.ok) throw new Error('accepted');
      return r;
    });
    for (const r of texts) expect(say('en', r.text)).toBe(r.message);
    expect(say('de', (texts[2] as { text: Message }).text)).toBe('3/1/2026 kann Tag/Monat oder Monat/Tag bedeuten. Geben Sie das Datum als JJJJ-MM-TT oder TT.MM.JJJJ ein, z. B. 2026-03-01.');
    expect(say('fr', (texts[3] as { text: Message }).text)).toBe(
      `«${NNBSP}morgen früh${NNBSP}» n’est pas une date. Saisissez la date au format AAAA-MM-JJ ou JJ.MM.AAAA, par exemple 2026-03-01.`,
    );
    expect(say('de', (texts[1] as { text: Message }).text)).toContain('gelesen als Tag.Monat.Jahr');
  });
});
