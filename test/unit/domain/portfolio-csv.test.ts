import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvCell, csvLine, csvStyleForLocale, neutralizeFormula, portfolioCsv, PORTFOLIO_CSV_HEADERS } from '../../../renderer/domain/portfolio-csv';
import { parseCsv } from '../../../renderer/domain/csv-import';
import { WORKSHOP_TABLES, type WorkshopRows } from '../../../renderer/domain/model';
import { makeUseCase, makeWorkshop } from '../../fixtures/factories';

function rowsWith(useCases: WorkshopRows['useCases']): WorkshopRows {
  const rows = Object.fromEntries(WORKSHOP_TABLES.map((t) => [t, []])) as unknown as WorkshopRows;
  rows.useCases = useCases;
  return rows;
}

describe('neutralizeFormula', () => {
  it.each([
    '=HYPERLINK("http://evil","x")',
    '+1+2',
    '-3+4',
    '@SUM(A1)',
    '-cmd|"/c calc"!A0',
    '+49-30-1234567',
    '\t=cmd',
    '\r=1+1',
    '  =1+1',
    '\u00a0=1+1',
    '\u200b=1+1',
    '\u3000=1+1',
    '＝1+1',
    '＋ＨＹＰＥＲＬＩＮＫ("x")',
    '－1+1',
    '= Summe',
  ])('puts an apostrophe before %j, which a spreadsheet would run', (text) => {
    expect(neutralizeFormula(text)).toBe(`'${text}`);
  });

  it('leaves ordinary text alone, including signs that start no formula', () => {
    for (const text of [
      'Claims triage',
      'Müller',
      '東京',
      'A=B',
      'cost - 10%',
      'mail@example.com',
      '',
      '-5 % cost',
      '-5 % Bearbeitungszeit',
      '+49 30 1234567',
      '+49 (0)30 1234567',
      '- Bullet point',
      '@boss',
      '-10% bis -20%',
      '\tcmd',
      ' leading space',
    ]) {
      expect(neutralizeFormula(text)).toBe(text);
    }
  });
});

describe('csvStyleForLocale', () => {
  it('uses semicolons and decimal commas where the locale writes 1,5, commas where it writes 1.5', () => {
    for (const locale of ['de-DE', 'de-AT', 'fr-FR', 'pl-PL', 'es-ES', 'it-IT', 'nl-NL']) expect(csvStyleForLocale(locale)).toBe('semicolon');
    for (const locale of ['en-US', 'en-GB', 'ja-JP', 'de-CH']) expect(csvStyleForLocale(locale)).toBe('comma');
    expect(csvStyleForLocale('not a locale')).toBe('comma');
  });
});

describe('csvCell', () => {
  it('quotes every cell and doubles quotes', () => {
    expect(csvCell('say "hi", then go')).toBe('"say ""hi"", then go"');
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvCell(4.25)).toBe('"4.25"');
    expect(csvCell(null)).toBe('""');
  });

  it('writes decimal commas and semicolons in the semicolon style, and leaves text alone', () => {
    expect(csvLine([1, 'Frischwaren, Obst', 4.25, null, '3.5'], 'semicolon')).toBe('"1";"Frischwaren, Obst";"4,25";"";"3.5"');
    expect(csvLine([1, 4.25], 'comma')).toBe('"1","4.25"');
  });

  it('neutralizes formula-looking text inside the quotes', () => {
    expect(csvCell('=1+1')).toBe(`"'=1+1"`);
    expect(csvCell('-cmd|"/c calc"')).toBe(`"'-cmd|""/c calc"""`);
  });
});

describe('portfolioCsv', () => {
  const workshop = makeWorkshop();
  const rows = rowsWith([
    makeUseCase({ id: 'a', order: 1, title: 'Claims triage', businessOwner: 'Zoë Müller', initialScores: { impact: 5, feasibility: 4, readiness: 3 } }),
    makeUseCase({ id: 'b', order: 2, title: '=HYPERLINK("http://x","click")', businessOwner: '@SUM(A1:A9)', initialScores: { impact: 2, feasibility: 2, readiness: 2 } }),
    makeUseCase({ id: 'c', order: 3, title: '東京, "quoted"', department: 'Łódź\nteam', initialScores: { impact: 4, feasibility: null, readiness: 4 } }),
  ]);
  const text = portfolioCsv(workshop, rows);

  it('starts with a UTF-8 byte-order mark and ends every line with CRLF', () => {
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    // Bare LFs only inside quoted cells (the department with a line break).
    const outside = text.replace(/"(?:[^"]|"")*"/g, '');
    expect(outside.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('lists the ranked portfolio best first, unranked use cases last with an empty rank', () => {
    const parsed = parseCsv(text.slice(1));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.headers).toEqual([...PORTFOLIO_CSV_HEADERS]);
    expect(parsed.rows.map((r) => [r[0], r[1]])).toEqual([
      ['1', 'Claims triage'],
      ['2', `'=HYPERLINK("http://x","click")`],
      ['', '東京, "quoted"'],
    ]);
    expect(parsed.rows[0]?.slice(2, 6)).toEqual(['4', '5', '4', '3']);
    expect(parsed.rows[0]?.[9]).toBe('Zoë Müller');
    expect(parsed.rows[1]?.[9]).toBe("'@SUM(A1:A9)");
    expect(parsed.rows[2]?.[10]).toBe('Łódź\nteam');
  });

  it('quotes every cell', () => {
    const firstData = text.split('\r\n')[1] ?? '';
    expect(firstData.startsWith('"1","Claims triage","4"')).toBe(true);
  });
});

describe('portfolioCsv for a German Excel', () => {
  it('separates with semicolons and writes scores with decimal commas, so Excel shows columns', () => {
    const text = portfolioCsv(
      makeWorkshop(),
      rowsWith([makeUseCase({ id: 'a', order: 1, title: 'Frischwarenprognose; Obst & Gemüse', businessOwner: 'Jürgen Weiß', initialScores: { impact: 5, feasibility: 4, readiness: 2 } })]),
      'semicolon',
    );
    const [header, first] = text.slice(1).split('\r\n');
    expect(header?.split(';')).toHaveLength(PORTFOLIO_CSV_HEADERS.length);
    expect(first).toMatch(/^"1";"Frischwarenprognose; Obst & Gemüse";"3,67";"5";"4";"2";/);
    expect(first).toContain('"Jürgen Weiß"');
    const parsed = parseCsv(text.slice(1));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.delimiter).toBe(';');
    expect(parsed.rows[0]?.[1]).toBe('Frischwarenprognose; Obst & Gemüse');
  });
});
