import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LONG_TEXT_MAX, SHORT_TEXT_MAX } from '../../../renderer/domain/model';
import {
  MAX_CSV_ROWS,
  USE_CASE_CSV_FIELDS,
  buildUseCaseDrafts,
  guessMapping,
  kindFromText,
  parseCsv,
  validateMapping,
  type CsvMapping,
  type ParseCsvResult,
} from '../../../renderer/domain/csv-import';

const INSURER_CSV = readFileSync('/work/shared/fixtures/insurer-usecases.csv', 'utf8');

type Parsed = Extract<ParseCsvResult, { ok: true }>;

function parsedOk(text: string): Parsed {
  const result = parseCsv(text);
  if (!result.ok) throw new Error(`expected the CSV to parse: ${result.message}`);
  return result;
}

function parseError(text: string): string {
  const result = parseCsv(text);
  if (result.ok) throw new Error('expected the CSV to be refused');
  return result.message;
}

/** Parse → guess mapping → drafts, the way the import dialog runs it. */
function importCsv(text: string) {
  const parsed = parsedOk(text);
  const mapping = guessMapping(parsed.headers);
  return { parsed, mapping, ...buildUseCaseDrafts(parsed.rows, mapping, parsed.rowNumbers) };
}

/** Re-encodes rows the way a European Excel saves "CSV (semicolon)": BOM, `;`, CRLF. */
function toSemicolonCsv(rows: readonly (readonly string[])[]): string {
  const cell = (value: string) => (/[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return `\uFEFF${rows.map((row) => row.map(cell).join(';')).join('\r\n')}\r\n`;
}

describe('parseCsv', () => {
  it('reads the insurer spreadsheet: 16 use cases under 10 headers', () => {
    const parsed = parsedOk(INSURER_CSV);
    expect(parsed.delimiter).toBe(',');
    expect(parsed.headers).toEqual([
      'Use case',
      'Problem',
      'Business owner',
      'Department',
      'Kind',
      'Data sources',
      'Impact',
      'Feasibility',
      'Readiness',
      'Notes',
    ]);
    expect(parsed.rows).toHaveLength(16);
    expect(parsed.rowNumbers[0]).toBe(2);
    expect(parsed.rows.every((row) => row.length === 10)).toBe(true);
    expect(parsed.notice).toBeNull();
  });

  it('reads a semicolon file with a byte-order mark and Windows line ends', () => {
    const original = parsedOk(INSURER_CSV);
    const semicolon = toSemicolonCsv([original.headers, ...original.rows]);
    const parsed = parsedOk(semicolon);
    expect(parsed.delimiter).toBe(';');
    expect(parsed.headers).toEqual(original.headers);
    expect(parsed.rows).toEqual(original.rows);
  });

  it('reads a tab-separated file', () => {
    const parsed = parsedOk('Title\tOwner\nClaims triage\tDana\n');
    expect(parsed.delimiter).toBe('\t');
    expect(parsed.rows).toEqual([['Claims triage', 'Dana']]);
  });

  it('detects the delimiter of a file that has only a header row', () => {
    const parsed = parsedOk('Title;Owner;Impact\r\n');
    expect(parsed.delimiter).toBe(';');
    expect(parsed.headers).toEqual(['Title', 'Owner', 'Impact']);
    expect(parsed.rows).toEqual([]);
    expect(parsed.notice).toMatch(/no data rows/);
  });

  it('keeps a semicolon file whose cells contain commas in one column each', () => {
    const parsed = parsedOk('Title;Data sources\nClaims triage;CRM, ERP, mail\nFraud;ledger, watchlists\n');
    expect(parsed.delimiter).toBe(';');
    expect(parsed.rows[0]).toEqual(['Claims triage', 'CRM, ERP, mail']);
  });

  it('reads quoted cells with commas, doubled quotes and line breaks', () => {
    const text = 'Title,Problem,Notes\r\n"Claims, motor","He said ""route it""","line one\r\nline two"\r\nNext,plain,x\r\n';
    const parsed = parsedOk(text);
    expect(parsed.rows).toEqual([
      ['Claims, motor', 'He said "route it"', 'line one\r\nline two'],
      ['Next', 'plain', 'x'],
    ]);
    // The multi-line cell is one spreadsheet row, so the next record is row 3.
    expect(parsed.rowNumbers).toEqual([2, 3]);
  });

  it('skips fully empty lines but keeps spreadsheet row numbers', () => {
    const parsed = parsedOk('Title,Owner\n\nA,x\n,\n   \nB,y\n');
    expect(parsed.rows).toEqual([
      ['A', 'x'],
      ['B', 'y'],
    ]);
    expect(parsed.rowNumbers).toEqual([3, 6]);
  });

  it('trims headers and names blank and duplicate headers uniquely', () => {
    const parsed = parsedOk('  Title  ,Owner,,Owner,owner,Column 3\nA,b,c,d,e,f\n');
    expect(parsed.headers).toEqual(['Title', 'Owner', 'Column 3', 'Owner (2)', 'owner (3)', 'Column 3 (2)']);
  });

  it('widens the table when a data row has more cells than the header', () => {
    const parsed = parsedOk('Title,Owner\nA,b,extra\nB\n');
    expect(parsed.headers).toEqual(['Title', 'Owner', 'Column 3']);
    expect(parsed.rows).toEqual([
      ['A', 'b', 'extra'],
      ['B', '', ''],
    ]);
  });

  it('reports an empty file', () => {
    expect(parseError('')).toMatch(/empty/);
    expect(parseError('\uFEFF \r\n ')).toMatch(/empty/);
  });

  it('reports a file with no header row', () => {
    expect(parseError(',,,\r\n  ,  ,\r\n')).toMatch(/no header row/);
    expect(parseError(';;;\n;;\n')).toMatch(/no header row/);
  });

  it('names the row of a quote that is never closed', () => {
    const message = parseError('Title,Notes\nA,fine\nB,"never closed\nC,more\n');
    expect(message).toMatch(/^Row 3 /);
    expect(message).toMatch(/never closed/);
  });

  it('names the row of a malformed quoted cell', () => {
    expect(parseError('Title,Notes\nA,"quoted" trailing\n')).toMatch(/^Row 2 /);
  });

  it('refuses more than 5,000 rows', () => {
    const text = `Title,Impact\n${Array.from({ length: 6_000 }, (_, i) => `Use case ${i},3`).join('\n')}\n`;
    const message = parseError(text);
    expect(message).toContain('6,000 rows');
    expect(message).toContain('5,000');
  });

  it('accepts exactly the maximum number of rows', () => {
    const text = `Title\n${Array.from({ length: MAX_CSV_ROWS }, (_, i) => `Use case ${i}`).join('\n')}`;
    expect(parsedOk(text).rows).toHaveLength(MAX_CSV_ROWS);
  });

  it('refuses a file over 10 MB', () => {
    const message = parseError(`Title\n${'x'.repeat(11 * 1024 * 1024)}`);
    expect(message).toMatch(/11\.0 MB/);
    expect(message).toMatch(/10 MB/);
  });

  it('refuses a binary file such as an Excel workbook', () => {
    expect(parseError('PK\u0003\u0004\u0000\u0000workbook.xml')).toMatch(/CSV/);
  });
});

describe('guessMapping', () => {
  it('maps every column of the insurer spreadsheet', () => {
    const { headers } = parsedOk(INSURER_CSV);
    expect(guessMapping(headers)).toEqual({
      0: 'title',
      1: 'problem',
      2: 'businessOwner',
      3: 'department',
      4: 'kind',
      5: 'dataSources',
      6: 'impact',
      7: 'feasibility',
      8: 'readiness',
      9: 'notes',
    });
  });

  it('matches common variants ignoring case and punctuation', () => {
    const mapping = guessMapping([
      'USE-CASE NAME',
      'Decision point',
      'Owner',
      'Team',
      'Data',
      'Benefit',
      'Category',
      'Comments',
      'Business impact (1-5)',
      'feasibility',
      'Org. readiness',
      'Budget',
    ]);
    expect(Object.values(mapping)).toEqual([
      'title',
      'problem',
      'businessOwner',
      'department',
      'dataSources',
      'expectedValue',
      'kind',
      'notes',
      'impact',
      'feasibility',
      'readiness',
      null,
    ]);
  });

  it('maps a field at most once, preferring the clearest header', () => {
    const mapping = guessMapping(['Name', 'Use case', 'Impact', 'Business impact', 'Description', 'Problem']);
    expect(mapping).toEqual({ 0: null, 1: 'title', 2: 'impact', 3: null, 4: null, 5: 'problem' });
  });

  it('leaves unknown headers unmapped', () => {
    expect(guessMapping(['Column 1', 'Budget', ''])).toEqual({ 0: null, 1: null, 2: null });
  });
});

describe('USE_CASE_CSV_FIELDS', () => {
  it('lists each importable field once with a label, and only the title is required', () => {
    const fields = USE_CASE_CSV_FIELDS.map((f) => f.field);
    expect(new Set(fields).size).toBe(11);
    expect(USE_CASE_CSV_FIELDS.filter((f) => f.required).map((f) => f.field)).toEqual(['title']);
    expect(USE_CASE_CSV_FIELDS.every((f) => f.label.length > 0)).toBe(true);
  });
});

describe('validateMapping', () => {
  it('requires a title column', () => {
    expect(validateMapping({ 0: 'problem', 1: null })).toMatch(/title/);
    expect(validateMapping({})).toMatch(/title/);
    expect(validateMapping({ 0: 'title', 1: 'problem' })).toBeNull();
  });

  it('refuses a field chosen for two columns, naming them', () => {
    expect(validateMapping({ 0: 'title', 1: 'impact', 2: 'impact' }, { headers: ['T', 'Impact', 'Score'] })).toMatch(
      /"Impact", "Score"/,
    );
  });

  it('says when there are no data rows to import', () => {
    expect(validateMapping({ 0: 'title' }, { rowCount: 0 })).toMatch(/no data rows/);
  });
});

describe('kindFromText', () => {
  it('reads the kinds as people write them', () => {
    expect(kindFromText('Automated decision').kind).toBe('automated-decision');
    expect(kindFromText('Predictive model').kind).toBe('predictive-model');
    expect(kindFromText('Generative assistant').kind).toBe('generative-assistant');
    expect(kindFromText('Document processing').kind).toBe('document-processing');
    expect(kindFromText('  GENERATIVE-ASSISTANT ').kind).toBe('generative-assistant');
  });

  it('reads the stored values themselves', () => {
    for (const kind of ['predictive-model', 'generative-assistant', 'automated-decision', 'document-processing', 'other'] as const) {
      expect(kindFromText(kind)).toEqual({ kind, recognized: true });
    }
  });

  it('turns an unknown kind into other and says it was not recognized', () => {
    expect(kindFromText('Robotic process automation wizardry')).toEqual({ kind: 'other', recognized: false });
  });

  it('treats an empty cell as other without complaint', () => {
    expect(kindFromText('')).toEqual({ kind: 'other', recognized: true });
  });
});

describe('buildUseCaseDrafts', () => {
  it('imports all 16 insurer use cases as written in the file', () => {
    const { drafts, problems } = importCsv(INSURER_CSV);
    expect(problems).toMatchObject([]);
    expect(drafts).toHaveLength(16);
    const triage = drafts[0];
    expect(triage).toEqual({
      row: 2,
      title: 'Claims triage',
      problem: 'Route incoming motor claims to the right handler queue; today a supervisor reads every claim',
      businessOwner: 'Dana Whitfield',
      department: 'Claims',
      dataSources: 'Claims system, policy admin',
      expectedValue: '',
      kind: 'automated-decision',
      notes: 'Supervisor team is keen',
      initialScores: { impact: 5, feasibility: 4, readiness: 3 },
    });
    const extraction = drafts.find((d) => d.title === 'Underwriting document extraction');
    expect(extraction).toMatchObject({
      businessOwner: 'Tomás Ortega',
      kind: 'document-processing',
      problem: 'Pull values from broker submissions (PDF, scans) into the rating tool',
      initialScores: { impact: 4, feasibility: 4, readiness: 4 },
    });
    expect(drafts.find((d) => d.title === 'Medical report summarization')?.initialScores).toEqual({
      impact: 4,
      feasibility: 3,
      readiness: 1,
    });
    expect(drafts.at(-1)).toMatchObject({ title: 'Regulatory change tracker', businessOwner: 'Lena Fischer', row: 17 });
    expect(drafts.filter((d) => d.kind === 'predictive-model')).toHaveLength(6);
    expect(drafts.filter((d) => d.kind === 'generative-assistant')).toHaveLength(6);
    expect(drafts.find((d) => d.title === 'First notice of loss assistant')?.notes).toBe('');
  });

  it('gives the same drafts from the semicolon, BOM and CRLF version of the file', () => {
    const original = parsedOk(INSURER_CSV);
    const fromSemicolon = importCsv(toSemicolonCsv([original.headers, ...original.rows]));
    expect(fromSemicolon.drafts).toEqual(importCsv(INSURER_CSV).drafts);
  });

  it('keeps formula-looking cells exactly as typed', () => {
    const formulas = ['=HYPERLINK("http://evil.example","click")', '+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1:A2)'];
    const text = `Title,Problem\n${formulas.map((f) => `"${f.replace(/"/g, '""')}",${'"' + f.replace(/"/g, '""') + '"'}`).join('\n')}\n`;
    const { drafts, problems } = importCsv(text);
    expect(problems).toMatchObject([]);
    expect(drafts.map((d) => d.title)).toEqual(formulas);
    expect(drafts.map((d) => d.problem)).toEqual(formulas);
  });

  it('keeps quoted commas, quotes and line breaks inside a cell', () => {
    const { drafts } = importCsv('Title,Problem\n"Claims, motor","He said ""route it""\r\nthen left"\n');
    expect(drafts[0]?.title).toBe('Claims, motor');
    expect(drafts[0]?.problem).toBe('He said "route it"\nthen left');
  });

  it('trims cells', () => {
    const { drafts } = importCsv('Title,Owner,Impact\n  Claims triage  ,\t Dana ,  4 \n');
    expect(drafts[0]).toMatchObject({ title: 'Claims triage', businessOwner: 'Dana', initialScores: { impact: 4 } });
  });

  it('keeps a row with a bad score, leaves that score empty and reports the row', () => {
    const text = 'Title,Impact,Feasibility,Readiness\nA,7,4,3\nB,high,3.5,0\nC,5,,4.0\n';
    const { drafts, problems } = importCsv(text);
    expect(drafts.map((d) => d.initialScores)).toEqual([
      { impact: null, feasibility: 4, readiness: 3 },
      { impact: null, feasibility: null, readiness: null },
      { impact: 5, feasibility: null, readiness: 4 },
    ]);
    expect(problems.map((p) => [p.row, p.field, p.severity])).toEqual([
      [2, 'impact', 'warning'],
      [3, 'impact', 'warning'],
      [3, 'feasibility', 'warning'],
      [3, 'readiness', 'warning'],
    ]);
    expect(problems[0]?.message).toBe('Business impact (1–5) "7" is not a whole number from 1 to 5, so it was left empty.');
  });

  it('skips rows without a title and says which', () => {
    const { drafts, problems } = importCsv('Title,Owner\nA,x\n   ,orphan owner\n\nB,y\n');
    expect(drafts.map((d) => d.title)).toEqual(['A', 'B']);
    expect(problems).toMatchObject([{ row: 3, severity: 'error', field: 'title', message: 'No title, so the row was skipped.' }]);
  });

  it('sets an unknown kind to other with a note', () => {
    const { drafts, problems } = importCsv('Title,Kind\nA,Robotic wizardry\nB,\n');
    expect(drafts.map((d) => d.kind)).toEqual(['other', 'other']);
    expect(problems).toMatchObject([
      { row: 2, severity: 'note', field: 'kind', message: 'Kind "Robotic wizardry" is not a known kind, so it was set to "other".' },
    ]);
  });

  it('cuts text longer than the model allows and warns', () => {
    const longTitle = 'T'.repeat(SHORT_TEXT_MAX + 50);
    const longProblem = 'p'.repeat(LONG_TEXT_MAX + 1);
    const { drafts, problems } = importCsv(`Title,Problem\n${longTitle},${longProblem}\n`);
    expect(drafts[0]?.title).toHaveLength(SHORT_TEXT_MAX);
    expect(drafts[0]?.problem).toHaveLength(LONG_TEXT_MAX);
    expect(problems.map((p) => [p.field, p.severity])).toEqual([
      ['title', 'warning'],
      ['problem', 'warning'],
    ]);
  });

  it('never cuts an emoji in half', () => {
    const title = `${'a'.repeat(SHORT_TEXT_MAX - 1)}🚀`;
    const { drafts } = buildUseCaseDrafts([[title]], { 0: 'title' });
    expect(drafts[0]?.title).toBe('a'.repeat(SHORT_TEXT_MAX - 1));
  });

  it('notes a title that appears twice but imports both', () => {
    const { drafts, problems } = importCsv('Title\nClaims triage\nclaims triage\n');
    expect(drafts).toHaveLength(2);
    expect(problems).toMatchObject([{ row: 3, severity: 'note', field: 'title', message: 'Same title as row 2; both are imported.' }]);
  });

  it('fills unmapped fields with empty values', () => {
    const mapping: CsvMapping = { 0: 'title', 1: null };
    const { drafts } = buildUseCaseDrafts([['Claims triage', 'ignored']], mapping);
    expect(drafts).toEqual([
      {
        row: 2,
        title: 'Claims triage',
        problem: '',
        businessOwner: '',
        department: '',
        dataSources: '',
        expectedValue: '',
        notes: '',
        kind: 'other',
        initialScores: { impact: null, feasibility: null, readiness: null },
      },
    ]);
  });

  it('imports nothing from a header-only file', () => {
    const { parsed, drafts, problems } = importCsv('Title,Owner\n');
    expect(parsed.rows).toEqual([]);
    expect(drafts).toEqual([]);
    expect(problems).toMatchObject([]);
  });
});
