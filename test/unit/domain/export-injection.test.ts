// Hostile text in the files Liftoff writes for other programs: the portfolio CSV (opened in a
// spreadsheet) and the governance calendar (.ics, opened by a mail client). Whatever a participant
// typed, a cell stays one cell and is never a formula, and a meeting title stays one property of
// one event: no line break can start a new property or a new event.
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../../../renderer/domain/ics';
import { portfolioCsv } from '../../../renderer/domain/portfolio-csv';
import { WORKSHOP_TABLES, type CadenceEvent, type WorkshopRows } from '../../../renderer/domain/model';
import { makeUseCase, makeWorkshop } from '../../fixtures/factories';

const T = '2026-11-23T09:00:00.000Z';
/** Independent of the app's rule: a cell whose first visible character is an equals sign, in any width. */
const STARTS_WITH_EQUALS = /^[\s\u200b-\u200d\u2060\ufeff]*[=\uff1d\ufe66]/u;
/** A sign followed by a function call or DDE, the classic injections. */
const SIGNED_CALL = /^[\s\u200b-\u200d\u2060\ufeff]*[+\-@\uff0b\uff0d\uff20].*([\p{L}_]\s*\(|[|!])/su;

/** Text chosen to break out of a cell or a property, plus anything fast-check makes up. */
const hostileText = fc.oneof(
  fc.constantFrom(
    '=HYPERLINK("http://evil.example","Click")',
    '=cmd|\' /C calc\'!A0',
    '+1+cmd|\' /C calc\'!A0',
    '-2+3',
    '@SUM(A1:A9)',
    '\t=1+1',
    '\r=1+1',
    ' =1+1',
    '\u00a0=HYPERLINK("http://evil.example")',
    '\u200b=1+1',
    '＝HYPERLINK("http://evil.example")',
    '＋cmd|\' /C calc\'!A0',
    '-5 % cost',
    '+49 30 1234567',
    '"=1+1',
    'a","=1+1',
    'Review\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Injected\r\nATTACH:http://evil.example/x.exe',
    'x\nORGANIZER:mailto:evil@example.com',
    'x\rRRULE:FREQ=SECONDLY',
    'semi;colon,comma\\backslash',
    '\u2028line separator\u2029',
    '<img src=x onerror=alert(1)>',
    'Invoice \u202Egnp.exe',
  ),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: fc.constantFrom('\r', '\n', ',', ';', '"', '=', '\\', ':', 'a', ' '), maxLength: 60 }),
);

function rowsWith(useCases: WorkshopRows['useCases']): WorkshopRows {
  const rows = Object.fromEntries(WORKSHOP_TABLES.map((t) => [t, []])) as unknown as WorkshopRows;
  rows.useCases = useCases;
  return rows;
}

function meeting(title: string, attendees: string): CadenceEvent {
  return {
    id: 'c1',
    workshopId: 'w1',
    createdAt: T,
    updatedAt: T,
    order: 1,
    kind: 'weekly-execution-review',
    title,
    frequency: 'weekly',
    weekday: 1,
    weekOfMonth: 1,
    time: '09:30',
    durationMinutes: 45,
    attendees,
  };
}

/** Unfolded content lines of a calendar. */
function contentLines(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
}

describe('the portfolio CSV with hostile text', () => {
  it('keeps every cell one cell, and no text cell starts like a formula (2,000 generated workshops)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ title: hostileText, owner: hostileText, department: hostileText }), { minLength: 1, maxLength: 5 }), (cases) => {
        const useCases = cases.map((c, i) =>
          makeUseCase({ id: `u${i}`, order: i + 1, title: c.title || 'x', businessOwner: c.owner, department: c.department }),
        );
        const text = portfolioCsv(makeWorkshop(), rowsWith(useCases));
        // Read back as a spreadsheet would (RFC 4180), not with the app's own importer.
        const [headers = [], ...rows] = Papa.parse<string[]>(text.slice(1).replace(/\r\n$/, ''), { delimiter: ',' }).data;
        const parsed = { headers, rows };
        expect(parsed.rows).toHaveLength(useCases.length);
        for (const row of parsed.rows) {
          expect(row).toHaveLength(parsed.headers.length);
          for (const cell of row) {
            // Numbers we format ourselves may be negative; text that would run is disarmed.
            if (/^-?\d+(\.\d+)?$/.test(cell)) continue;
            if (STARTS_WITH_EQUALS.test(cell) || SIGNED_CALL.test(cell)) expect(cell.startsWith("'")).toBe(true);
          }
        }
        // Each title comes back as typed, with at most the apostrophe that disarms it.
        const titles = new Set(parsed.rows.map((r) => r[1]));
        for (const uc of useCases) {
          const cleaned = uc.title.replace(/\r\n?/g, '\n');
          expect(titles.has(cleaned) || titles.has(`'${cleaned}`) || titles.has(uc.title) || titles.has(`'${uc.title}`)).toBe(true);
        }
      }),
      { numRuns: 2000, seed: 8 },
    );
  }, 60_000);
});

describe('the governance calendar with hostile text', () => {
  it('keeps each typed text inside its own property of its own event (2,000 generated calendars)', () => {
    const workshopBase = { id: 'w1', client: 'Northwind', roadmapStartDate: '2026-11-30' };
    fc.assert(
      fc.property(hostileText, hostileText, hostileText, hostileText, (name, title, attendees, gate) => {
        const ics = buildCalendar({
          workshop: { ...workshopBase, name },
          cadence: [meeting(title, attendees), { ...meeting(title, attendees), id: 'c2', kind: 'stage-gate-session', frequency: 'at-gates' }],
          gates: [{ date: '2026-12-19', gates: [gate], ids: ['g1'] }],
          now: new Date('2026-11-23T18:00:00.000Z'),
        });
        // Physical lines end with CRLF and contain no other CR or LF.
        expect(ics.endsWith('\r\n')).toBe(true);
        for (const physical of ics.slice(0, -2).split('\r\n')) expect(physical).not.toMatch(/[\r\n]/);
        const lines = contentLines(ics);
        // Every content line is NAME[;params]:value with a name we write.
        for (const line of lines) expect(line).toMatch(/^(BEGIN|END|VERSION|PRODID|CALSCALE|METHOD|X-WR-CALNAME|X-WR-TIMEZONE|UID|DTSTAMP|DTSTART|DTEND|DURATION|RRULE|SUMMARY|DESCRIPTION|CATEGORIES|TRANSP|STATUS|SEQUENCE|LOCATION)[;:]/);
        expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
        expect(lines.filter((l) => l === 'END:VEVENT')).toHaveLength(2);
        expect(lines.some((l) => /^(ATTACH|ORGANIZER|ATTENDEE)[;:]/.test(l))).toBe(false);
        expect(lines.filter((l) => l.startsWith('RRULE:'))).toHaveLength(1);
      }),
      { numRuns: 2000, seed: 8 },
    );
  }, 60_000);
});
