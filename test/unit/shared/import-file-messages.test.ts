// The imports' row messages and the workshop file's errors in the reader's language: the domain
// gives each as a catalog message beside its English; said in English it is the domain's English,
// in German and French it is the consultant's wording, with no English left.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../../renderer/domain/message';
import { USE_CASE_CSV_FIELDS, buildUseCaseDrafts, fieldLabelMessage, validateMappingMessage } from '../../../renderer/domain/csv-import';
import { participantScoresFromTable } from '../../../renderer/domain/participant-csv';
import { parseMeasurementPaste } from '../../../renderer/domain/measurement-paste';
import { parseWorkshopFile } from '../../../renderer/domain/workshop-file';
import { readLogo } from '../../../renderer/domain/logo';
import { english, say } from '../support/app-translators';


/** Every id a message (and the messages inside its values) uses is in the English catalog. */
function idsOf(m: Message): string[] {
  const inner = Object.values(m.values ?? {}).flatMap((v): string[] => {
    if (typeof v !== 'object') return [];
    if ('id' in v) return idsOf(v);
    if ('list' in v) return v.list.flatMap((x) => (typeof x === 'object' && 'id' in x ? idsOf(x) : []));
    return [];
  });
  return [m.id, ...inner];
}
const expectKnown = (messages: Message[]) => expect(messages.flatMap(idsOf).filter((id) => !(id in english))).toEqual([]);

describe('the use-case import in German and French', () => {
  const headers = ['Anwendungsfall', 'Art', 'Impact', 'Notizen'];
  const mapping = { 0: 'title', 1: 'kind', 2: 'impact', 3: 'notes' } as const;
  const rows = [
    ['Frachtbriefdatenextraktion', 'Dokumentenverarbeitung', '5', ''],
    ['', 'Prognosemodell', '3', 'ohne Titel'],
    ['Frachtbriefdatenextraktion', 'Quantencomputer', 'sehr hoch', ''],
  ];
  const { problems } = buildUseCaseDrafts(rows, mapping);

  it('says each row problem as English said it, and in German and French', () => {
    expectKnown(problems.map((p) => p.text));
    expect(problems.map((p) => say('en', p.text))).toEqual(problems.map((p) => p.message));
    expect(problems.map((p) => say('de', p.text))).toEqual([
      'Kein Titel, daher wurde die Zeile übersprungen.',
      'Art "Quantencomputer" ist keine bekannte Art und wurde auf „Sonstiges“ gesetzt.',
      'Geschäftlicher Nutzen (1–5) "sehr hoch" ist keine ganze Zahl von 1 bis 5 und blieb daher leer.',
      'Gleicher Titel wie Zeile 2; beide werden importiert.',
    ]);
    expect(say('fr', problems[0]!.text)).toBe('Pas de titre : la ligne a été ignorée.'.replace(' :', '\u202f:'));
    expect(say('fr', problems[3]!.text)).toBe('Même titre que la ligne 2\u202f; les deux sont importées.');
  });

  it('names the mapping fields and the mapping’s problems in the reader’s language', () => {
    expect(USE_CASE_CSV_FIELDS.map((f) => say('en', fieldLabelMessage(f.field)))).toEqual(USE_CASE_CSV_FIELDS.map((f) => f.label));
    expect(say('de', fieldLabelMessage('businessOwner'))).toBe('Fachverantwortliche(r)');
    expect(say('fr', fieldLabelMessage('readiness'))).toBe('Maturité organisationnelle (1–5)');
    const none = validateMappingMessage({ 0: null }, { headers });
    const twice = validateMappingMessage({ 0: 'title', 1: 'title' }, { headers });
    expectKnown([none!, twice!]);
    expect(say('de', none!)).toBe('Wählen Sie die Spalte mit dem Titel des Anwendungsfalls: Sie ist erforderlich.');
    expect(say('de', twice!)).toBe('Titel ist für mehr als eine Spalte gewählt ("Anwendungsfall", "Art"); behalten Sie eine.');
    expect(say('fr', twice!)).toBe('Titre est choisi pour plusieurs colonnes ("Anwendungsfall", "Art")\u202f; n’en gardez qu’une.');
    expect(validateMappingMessage({ 0: 'title' }, { headers, rowCount: 3 })).toBeNull();
  });
});

describe('the score import in German and French', () => {
  it('lists each bad row’s reasons in the reader’s language', () => {
    const parsed = participantScoresFromTable({
      headers: ['Anwendungsfall', 'Teilnehmer', 'Impact', 'Machbarkeit', 'Reife'],
      rows: [
        ['Tourenplanung', 'Dana', '4', '7', 'x'],
        ['', 'Eli', '3', '3', '3'],
      ],
      rowNumbers: [2, 3],
      notice: null,
      noticeText: null,
    });
    if (!parsed.ok) throw new Error(parsed.message);
    expectKnown(parsed.problems.map((p) => p.text));
    expect(say('de', parsed.problems[0]!.text)).toBe('Machbarkeit 7 liegt nicht zwischen 1 und 5; Reife „x“ ist keine Zahl. Nicht importiert.');
    expect(say('fr', parsed.problems[1]!.text)).toBe('le cas d’usage est vide. Non importée.');
  });

  it('names the missing columns in German', () => {
    const parsed = participantScoresFromTable({ headers: ['Anwendungsfall', 'Teilnehmer'], rows: [['A', 'B']], rowNumbers: [2], notice: null, noticeText: null });
    expect(parsed.ok).toBe(false);
    if (parsed.ok || !parsed.text) throw new Error('expected a refusal with a message');
    expect(say('de', parsed.text)).toContain('Es fehlt: Nutzen, Machbarkeit, Reife. Gefunden: Anwendungsfall, Teilnehmer.');
  });
});

describe('pasted measurements in German and French', () => {
  it('gives every line’s reason in the reader’s language, dates as the reader writes them', () => {
    const r = parseMeasurementPaste('01.03.2026;12,5\n31.02.2026;3\n01.03.2026;4\n2026-04-01;1,500\nkein Datum;5', { dateOrder: 'dmy' });
    expectKnown(r.problems.map((p) => p.reasonText));
    // English as the domain says it, the date aside (the reader's format writes it).
    expect(r.problems.slice(2).map((p) => say('en', p.reasonText))).toEqual(r.problems.slice(2).map((p) => p.reason));
    expect(say('en', r.problems[1]!.reasonText)).toBe('1 Mar 2026 appears twice (also on line 1).');
    expect(r.problems.map((p) => say('de', p.reasonText))).toEqual([
      '„31.02.2026“: Einen 31. Februar 2026 gibt es nicht.',
      '1. März 2026 kommt zweimal vor (auch in Zeile 1).',
      '„1,500“ ist mehrdeutig: Schreiben Sie 1500 für Tausender oder 1.500 für eine Dezimalzahl.',
      '„kein Datum“ ist kein Datum. Verwenden Sie 2026-03-01, 01.03.2026 oder 3/1/2026.',
    ]);
    expect(say('fr', r.problems[1]!.reasonText)).toBe('1 mars 2026 apparaît deux fois (aussi à la ligne 1).');
  });
});

describe('the workshop file’s errors in German and French', () => {
  const cases: [string, string][] = [
    ['', 'Die Datei ist leer: Sie enthält keine Workshop-Daten.'],
    ['{"format": "liftoff.workshop", "formatVersion": 99}', 'Diese Datei stammt von einer neueren Liftoff-Version (Dateiformat 99); diese Version liest Dateiformat'],
    ['{"format": "something-else"}', 'Diese JSON-Datei ist keine Liftoff-Workshop-Datei: Ihr Format ist den Text "something-else", nicht „liftoff.workshop“.'],
    ['hello', 'Diese Datei ist kein gültiges JSON (Zeile 1, Spalte 1); sie ist also keine Liftoff-Workshop-Datei oder wurde beschädigt.'],
    ['{"format": "liftoff.workshop", "formatVersion": 4, "tab', 'Die Datei scheint abgeschnitten'],
  ];
  it.each(cases)('says %j in German', (text, german) => {
    const parsed = parseWorkshopFile(text);
    if (parsed.ok) throw new Error('expected a refusal');
    expectKnown([parsed.error.text]);
    expect(say('en', parsed.error.text)).toBe(parsed.error.message.replaceAll('\'', '’'));
    expect(say('de', parsed.error.text)).toContain(german);
  });

  it('says the details of a file with bad data in French, the paths as written', () => {
    const parsed = parseWorkshopFile(JSON.stringify({ format: 'liftoff.workshop', formatVersion: 4, workshop: { id: 'w1' }, tables: {} }));
    if (parsed.ok) throw new Error('expected a refusal');
    expect(parsed.error.detailMessages.length).toBe(parsed.error.details.length);
    expectKnown([parsed.error.text, ...parsed.error.detailMessages]);
    expect(parsed.error.detailMessages.map((d) => say('en', d))).toEqual(parsed.error.details.map((d) => d.replaceAll('a string', 'a text')));
    const french = say('fr', parsed.error.text);
    expect(french).toContain('workshop.name\u202f: manquant\u202f; et 26 autres.');
    expect(french.startsWith('Ce fichier d’atelier contient des données que Liftoff ne peut pas utiliser\u202f: appVersion\u202f: manquant')).toBe(true);
  });

  it('says a file’s rarer problems in German too: a number out of range, and a KPI whose boundaries cannot be read', () => {
    const file = JSON.parse(readFileSync(new URL('../../fixtures/workshop-files/v2-sample.liftoff.json', import.meta.url), 'utf8'));
    file.tables.kpis[0].redAt = file.tables.kpis[0].greenAt;
    const parsed = parseWorkshopFile(JSON.stringify(file));
    if (parsed.ok) throw new Error('expected a refusal');
    expectKnown([parsed.error.text, ...parsed.error.detailMessages]);
    const german = parsed.error.detailMessages.map((d) => say('de', d));
    expect(german).toHaveLength(2);
    expect(german[0]).toMatch(/^tables\.kpis\[0\]\.greenAt: Grün und Rot können nicht beide bei 12\s%/);
    expect(german[1]).toMatch(/^tables\.kpis\[0\]\.redAt: Grün und Rot /);
    expect(german.join(' ')).not.toMatch(/\b(cannot|both|start)\b/);

    file.tables.kpis[0].redAt = 20;
    file.tables.useCases[0].initialScores.impact = 9;
    const outOfRange = parseWorkshopFile(JSON.stringify(file));
    if (outOfRange.ok) throw new Error('expected a refusal');
    expectKnown(outOfRange.error.detailMessages);
    expect(outOfRange.error.detailMessages.map((d) => say('de', d))).toEqual(['tables.useCases[0].initialScores.impact: darf höchstens 5 sein']);
    expect(outOfRange.error.detailMessages.map((d) => say('fr', d))).toEqual(['tables.useCases[0].initialScores.impact\u202f: doit valoir 5 au plus']);
    expect(outOfRange.error.detailMessages.map((d) => say('en', d))).toEqual(outOfRange.error.details);
  });

  it('refuses a logo in German with its reason', () => {
    const r = readLogo(new TextEncoder().encode('<svg/>'), 'logo.png');
    if (r.ok) throw new Error('expected a refusal');
    expect(say('de', r.text)).toBe('„logo.png“ ist kein PNG- oder JPEG-Bild (der Inhalt sagt etwas anderes, gleich wie die Datei heißt). Wählen Sie eine PNG- oder JPEG-Datei.');
  });
});
