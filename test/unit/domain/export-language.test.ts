// The files the client opens speak the workshop's language: the .ics calendar's words (read back
// with a real iCalendar parser) and the portfolio CSV and workbook headers and method words. What
// the facilitator typed (titles, attendees, names) is written exactly as typed.
import ICAL from 'ical.js';
import readXlsxFile from 'read-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { buildCalendar, cadenceSummaryIn } from '../../../renderer/domain/ics';
import { cadenceSummary } from '../../../renderer/domain/governance';
import { portfolioCsv, PORTFOLIO_CSV_HEADERS, portfolioHeaders } from '../../../renderer/domain/portfolio-csv';
import { parseCsv } from '../../../renderer/domain/csv-import';
import { buildPortfolioRows } from '../../../renderer/domain/sponsor-pack';
import { portfolioXlsx } from '../../../renderer/features/export/portfolio-xlsx';
import { WORKSHOP_TABLES, type CadenceEvent, type WorkshopRows } from '../../../renderer/domain/model';
import { makeUseCase, makeWorkshop } from '../../fixtures/factories';

const T = '2026-11-23T09:00:00.000Z';
const meeting = (over: Partial<CadenceEvent>): CadenceEvent => ({
  id: 'c1',
  workshopId: 'w1',
  createdAt: T,
  updatedAt: T,
  order: 1,
  kind: 'weekly-execution-review',
  title: 'Wöchentliches Umsetzungs-Review',
  frequency: 'weekly',
  weekday: 1,
  weekOfMonth: 1,
  time: '09:30',
  durationMinutes: 45,
  attendees: 'Product Owner, Leitung Betrieb',
  ...over,
});
const cadence = [
  meeting({}),
  meeting({ id: 'c2', kind: 'monthly-kpi-governance', title: 'KPI-Runde', frequency: 'monthly', weekday: 2, weekOfMonth: 1, time: '14:00', durationMinutes: 60 }),
  meeting({ id: 'c3', kind: 'stage-gate-session', title: 'Gate-Entscheidung', frequency: 'at-gates', weekday: 4, time: '15:00', durationMinutes: 90 }),
];
const gates = [{ date: '2027-01-18', gates: ['Retourenbegründung: Pilotergebnis', 'Frischwarenprognose: Freigabe'], ids: ['g2', 'g3'] }];
const now = new Date('2026-11-23T09:00:00Z');
const base = { id: 'w1', name: 'Logistik-Workshop', client: 'Nordwind Spedition', roadmapStartDate: '2026-11-23' };

function read(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return { name: String(cal.getFirstPropertyValue('x-wr-calname')), events: cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

describe('the .ics calendar in the workshop’s language', () => {
  it('German: calendar name, recurrence, attendees and gates to decide are German; titles as typed', () => {
    const { name, events } = read(buildCalendar({ workshop: { ...base, language: 'de' }, cadence, gates, now }));
    expect(name).toBe('Logistik-Workshop: Governance-Termine');
    const weekly = events.find((e) => e.summary === 'Wöchentliches Umsetzungs-Review');
    expect(weekly?.description).toBe(
      'Wöchentliches Umsetzungs-Review\nJeden Montag um 09:30, 45 Min.\nTeilnehmende: Product Owner, Leitung Betrieb\nRoadmap von „Logistik-Workshop“ (Nordwind Spedition).',
    );
    expect(events.find((e) => e.summary.startsWith('KPI-Runde'))?.description).toMatch(/^Monatliches KPI-Governance-Meeting\nErster Dienstag im Monat um 14:00, 60 Min\./);
    const session = events.find((e) => e.summary.startsWith('Gate-Entscheidung'));
    expect(session?.summary).toBe('Gate-Entscheidung: 2 Gates');
    expect(session?.description).toMatch(/^Anstehende Gate-Entscheidungen:\n- Retourenbegründung: Pilotergebnis\n- Frischwarenprognose: Freigabe\n/);
  });

  it('French: the words are French, with the narrow no-break space before the colon', () => {
    const { name, events } = read(buildCalendar({ workshop: { ...base, language: 'fr' }, cadence, gates, now }));
    expect(name).toBe('Logistik-Workshop\u202f: rituels de gouvernance');
    const weekly = events.find((e) => e.summary === 'Wöchentliches Umsetzungs-Review');
    expect(weekly?.description).toContain('Chaque lundi à 09:30, 45\u202fmin');
    expect(weekly?.description).toContain('Participants\u202f: Product Owner, Leitung Betrieb');
    expect(weekly?.description).toContain('Feuille de route de «\u202fLogistik-Workshop\u202f» (Nordwind Spedition).');
    expect(events.find((e) => e.summary.startsWith('Gate-Entscheidung'))?.summary).toBe('Gate-Entscheidung\u202f: 2 jalons');
  });

  it('English is the calendar it always was', () => {
    const en = read(buildCalendar({ workshop: { ...base, language: 'en' }, cadence, gates, now }));
    const none = read(buildCalendar({ workshop: base, cadence, gates, now }));
    expect(en.name).toBe('Logistik-Workshop: governance cadence');
    expect(en.events.map((e) => e.description)).toEqual(none.events.map((e) => e.description));
    expect(en.events[0]?.description).toContain('Every Monday at 09:30, 45 min');
  });

  it('the English recurrence words are exactly the screens’ (cadenceSummary), for every frequency', () => {
    for (const frequency of ['weekly', 'fortnightly', 'monthly', 'at-gates'] as const) {
      for (const weekday of [0, 1, 5, 6]) {
        for (const weekOfMonth of [1, 3, 5]) {
          const c = { frequency, weekday, weekOfMonth, time: weekday === 5 ? '' : '08:15', durationMinutes: 30 };
          expect(cadenceSummaryIn(c, 'en')).toBe(cadenceSummary(c));
        }
      }
    }
  });
});

function rowsWith(useCases: WorkshopRows['useCases']): WorkshopRows {
  const rows = Object.fromEntries(WORKSHOP_TABLES.map((t) => [t, []])) as unknown as WorkshopRows;
  rows.useCases = useCases;
  return rows;
}
/** The CSV read back as a spreadsheet would (the byte-order mark dropped first). */
function table(text: string) {
  const parsed = parseCsv(text.slice(1));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed;
}
const useCases = [
  makeUseCase({ id: 'a', order: 1, title: 'Frischwarenprognose für Obst & Gemüse', businessOwner: 'Jürgen Weiß', kind: 'predictive-model', initialScores: { impact: 5, feasibility: 4, readiness: 2 } }),
  makeUseCase({ id: 'b', order: 2, title: 'Retourenbegründung', initialScores: { impact: 2, feasibility: 2, readiness: 2 } }),
];

describe('the portfolio CSV and workbook in the workshop’s language', () => {
  it('German: headers and the method’s words (quadrant, stage, verdict, kind, yes/no) are German; titles as typed', () => {
    const parsed = table(portfolioCsv(makeWorkshop({ language: 'de' }), rowsWith(useCases), 'semicolon'));
    expect(parsed.headers).toEqual([
      'Rang',
      'Anwendungsfall',
      'Gesamtwert',
      'Geschäftlicher Nutzen',
      'Machbarkeit',
      'Organisatorische Reife',
      'Quadrant',
      'Phase',
      'Ergebnis der Reifegrad-Diagnose',
      'Fachverantwortliche/r',
      'Bereich',
      'Art',
      'Gleichstand per Regel aufgelöst',
    ]);
    const first = parsed.rows[0] ?? [];
    expect(first[1]).toBe('Frischwarenprognose für Obst & Gemüse');
    expect(first[6]).toBe('Schnelle Erfolge');
    expect(first[7]).toBe('Phase 0 · Reifegrad');
    expect(first[8]).toBe('Noch nicht entschieden');
    expect(first[11]).toBe('Prognosemodell');
    expect(first[12]).toBe('nein');
  });

  it('French headers; English stays exactly the headers it had', () => {
    expect(portfolioHeaders('fr').slice(0, 3)).toEqual(['Rang', 'Cas d’usage', 'Score combiné']);
    expect(portfolioHeaders('en')).toEqual([...PORTFOLIO_CSV_HEADERS]);
    const english = table(portfolioCsv(makeWorkshop({ language: 'en' }), rowsWith(useCases)));
    expect(english.headers).toEqual([...PORTFOLIO_CSV_HEADERS]);
    expect(english.rows[0]?.[7]).toBe('Stage 0 · Readiness');
  });

  it('the German workbook has German headers, a German sheet name and German method words', async () => {
    const workshop = makeWorkshop({ language: 'de' });
    const bytes = await portfolioXlsx(buildPortfolioRows(workshop, rowsWith(useCases)), 'de');
    const [sheet] = await readXlsxFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(sheet?.sheet).toBe('Portfolio nach Rang');
    expect(sheet?.data[0]).toEqual(portfolioHeaders('de'));
    expect(sheet?.data[1]?.[11]).toBe('Prognosemodell');
  });
});
