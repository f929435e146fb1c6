// Fuzzing the workbook import. Whatever .xlsx someone picks (damaged, truncated, built to explode
// or to expand entities, full of formulas or hostile text), Liftoff answers with a plain-words
// message or sheets of plain text within the caps; it never throws, and the mapping step built on
// what it returns never throws either. (That a refused file stores nothing is checked end to end
// in test/e2e/spreadsheet-import.spec.ts.)
import { readFileSync } from 'node:fs';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildUseCaseDrafts, guessMapping, tableFromRows } from '../../../renderer/domain/csv-import';
import { readWorkbookBytes, sheetRows, WORKBOOK_MAX_COLUMNS, WORKBOOK_MAX_ROWS, type WorkbookResult } from '../../../renderer/shared/workbook-read';
import { formatNumber, SHEET_LOCALES, sheetLocaleById } from '../../../renderer/domain/number-format';

const ODS = new Uint8Array(readFileSync(new URL('../../fixtures/spreadsheets/einzelhandel.ods', import.meta.url)));
const FIXTURE = new Uint8Array(readFileSync(new URL('../../fixtures/spreadsheets/einzelhandel.xlsx', import.meta.url)));
const PARTS = unzipSync(FIXTURE);
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** The answer is a sentence or plain text sheets within the caps, and the mapping step takes it. */
function expectWellFormed(result: WorkbookResult): void {
  if (!result.ok) {
    expect(typeof result.message).toBe('string');
    expect(result.message.length).toBeGreaterThan(20);
    expect(result.message).not.toMatch(/\n\s+at /);
    return;
  }
  for (const sheet of result.sheets) {
    expect(typeof sheet.name).toBe('string');
    // Every locale draws every cell as text, whatever number and format code the file holds.
    for (const locale of SHEET_LOCALES) {
      const rows = sheetRows(sheet, locale);
      expect(rows.length).toBeLessThanOrEqual(WORKBOOK_MAX_ROWS);
      for (const row of rows) {
        expect(row.length).toBeLessThanOrEqual(WORKBOOK_MAX_COLUMNS);
        for (const cell of row) expect(typeof cell).toBe('string');
      }
      const table = tableFromRows(rows, 'sheet');
      if (table.ok) buildUseCaseDrafts(table.rows, guessMapping(table.headers), table.rowNumbers);
    }
  }
}

function workbookWith(replacements: Record<string, string>): Uint8Array {
  const parts: Zippable = { ...PARTS };
  for (const [name, content] of Object.entries(replacements)) parts[name] = strToU8(content);
  return zipSync(parts);
}

/** Escapes the markup characters and drops NUL, which XML cannot hold at all. */
const xmlEscape = (text: string) => text.replace(/&(?!amp;)/g, '&amp;').replace(/</g, '&lt;').split(String.fromCharCode(0)).join('');

const xmlText = fc.string({ unit: fc.constantFrom('a', 'ü', '€', '<', '>', '&', '"', "'", '=', ' ', '\u0000', '\uFFFD', '東', '&amp;', ']]>', '<![CDATA['), maxLength: 40 });

/** A sheet whose cells have any type, value and formula, in any order. */
const hostileSheet = fc
  .array(
    fc.record({
      column: fc.constantFrom('A', 'B', 'K', 'ZZ', 'XFD', 'a1', ''),
      // Mostly rows a list has, sometimes one far below that would make a huge grid.
      row: fc.oneof(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 1_100_000 })),
      type: fc.constantFrom('s', 'str', 'inlineStr', 'n', 'b', 'e', 'd', 'x', ''),
      value: fc.oneof(xmlText, fc.constantFrom('0', '1', '-1', '1e308', 'NaN', '99999999', '45000.5', '#N/A', '')),
      formula: fc.option(fc.constantFrom('HYPERLINK("http://evil.example","x")', 'cmd|\' /C calc\'!A0', '1+1', 'INDIRECT("A1")'), { nil: undefined }),
    }),
    { maxLength: 30 },
  )
  .map((cells) => {
    const escape = xmlEscape;
    const body = cells
      .map((c) => {
        const f = c.formula ? `<f>${escape(c.formula)}</f>` : '';
        const content = c.type === 'inlineStr' ? `<is><t>${escape(c.value)}</t></is>` : `<v>${escape(c.value)}</v>`;
        return `<row r="${c.row}"><c r="${c.column}${c.row}" t="${c.type}">${f}${content}</c></row>`;
      })
      .join('');
    return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${body}</sheetData></worksheet>`;
  });

describe('the workbook import with damaged and hostile files', () => {
  it('answers every damaged copy of a real workbook (flipped bytes, cut short) with a message or plain sheets', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: fc.nat({ max: FIXTURE.length - 1 }), byte: fc.nat({ max: 255 }) }), { minLength: 1, maxLength: 12 }),
        fc.option(fc.nat({ max: FIXTURE.length }), { nil: undefined }),
        async (flips, cutAt) => {
          const bytes = FIXTURE.slice(0, cutAt ?? FIXTURE.length);
          for (const { at, byte } of flips) if (at < bytes.length) bytes[at] = byte;
          expectWellFormed(await readWorkbookBytes(bytes));
        },
      ),
      { numRuns: 150, seed: 17 },
    );
  }, 120_000);

  it('reads any cell types, values and formulas as text, or refuses the sheet in words', async () => {
    await fc.assert(
      fc.asyncProperty(hostileSheet, xmlText, async (sheet, shared) => {
        const bytes = workbookWith({
          'xl/worksheets/sheet2.xml': sheet,
          'xl/sharedStrings.xml': `<?xml version="1.0"?><sst xmlns="${MAIN}"><si><t>${xmlEscape(shared)}</t></si></sst>`,
        });
        const result = await readWorkbookBytes(bytes);
        expectWellFormed(result);
        // A formula is never handed on as a formula: at most its cached result.
        if (result.ok) for (const row of result.sheets.flatMap((s) => sheetRows(s, sheetLocaleById('de-DE')))) for (const cell of row) expect(cell).not.toMatch(/^HYPERLINK\(|^cmd\|/);
      }),
      { numRuns: 100, seed: 17 },
    );
  }, 120_000);

  it('draws any number under any format code as text, in every locale, without throwing', () => {
    const piece = fc.constantFrom('0', '#', '?', '.', ',', '%', 'E+', 'e-', '"€"', '\\ ', '_-', '* ', '[Red]', '[$€-407]', '[$-F800]', '[>100]', '[h]', '[mm]', 'yyyy', 'mmmm', 'mm', 'dd', 'ddd', 'hh', 'ss', '.0', 'AM/PM', 'A/P', '@', ';', '/', 'General', 'B2', '[', ']', '"', '\\');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), fc.oneof(fc.double({ noNaN: false }), fc.integer({ min: -1e6, max: 3e6 })), (pieces, value) => {
        for (const locale of SHEET_LOCALES) expect(typeof formatNumber(value, pieces.join(''), locale)).toBe('string');
      }),
      { numRuns: 300, seed: 17 },
    );
  });

  it('answers every damaged copy of an OpenDocument spreadsheet with a message or plain sheets', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: fc.nat({ max: ODS.length - 1 }), byte: fc.nat({ max: 255 }) }), { minLength: 1, maxLength: 8 }),
        fc.option(fc.nat({ max: ODS.length }), { nil: undefined }),
        async (flips, cutAt) => {
          const bytes = ODS.slice(0, cutAt ?? ODS.length);
          for (const { at, byte } of flips) if (at < bytes.length) bytes[at] = byte;
          expectWellFormed(await readWorkbookBytes(bytes));
        },
      ),
      { numRuns: 60, seed: 17 },
    );
  }, 120_000);

  it('refuses every spelling of a document type declaration, in any part, before parsing', async () => {
    const part = fc.constantFrom('xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/worksheets/sheet2.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml');
    const doctype = fc.constantFrom('<!DOCTYPE', '<!doctype', '<!DocType', '<!ENTITY', '<!entity');
    await fc.assert(
      fc.asyncProperty(part, doctype, fc.nat({ max: 6 }), async (name, declaration, depth) => {
        const entities = Array.from({ length: depth }, (_, i) => `<!ENTITY e${i + 1} "${`&e${i};`.repeat(10)}">`).join('');
        const original = new TextDecoder().decode(PARTS[name] ?? new Uint8Array());
        const hostile = original.replace(/^(<\?xml[^>]*\?>)?/, (prolog) => `${prolog}${declaration} x [<!ENTITY e0 "lol">${entities}]>`);
        const result = await readWorkbookBytes(workbookWith({ [name]: hostile }));
        expect(result).toEqual({ ok: false, message: expect.stringMatching(/document type declaration/), text: { id: 'import.read.doctype' } });
      }),
      { numRuns: 100, seed: 17 },
    );
  }, 60_000);

  it('refuses zips that declare more unpacked data, more files or more rows than an import takes', async () => {
    const manyFiles: Zippable = { ...PARTS };
    for (let i = 0; i < 2_100; i++) manyFiles[`xl/media/image${i}.png`] = new Uint8Array(1);
    const manyRows = `<worksheet xmlns="${MAIN}"><sheetData>${'<row><c t="inlineStr"><is><t>x</t></is></c></row>'.repeat(6_000)}</sheetData></worksheet>`;
    const wide = `<worksheet xmlns="${MAIN}"><sheetData><row r="1">${Array.from({ length: 250 }, (_, i) => `<c r="${columnName(i)}1" t="inlineStr"><is><t>h${i}</t></is></c>`).join('')}</row></sheetData></worksheet>`;
    const cases: [Uint8Array, RegExp][] = [
      [zipSync({ ...PARTS, 'xl/worksheets/sheet9.xml': new Uint8Array(65 * 1024 * 1024) }, { level: 1 }), /unpacks to more than/],
      [zipSync(manyFiles), /more than 2000 files/],
      [workbookWith({ 'xl/worksheets/sheet2.xml': manyRows }), /6,000 rows/],
      [workbookWith({ 'xl/worksheets/sheet2.xml': wide }), /a cell in column 250/],
      [workbookWith({ 'xl/worksheets/sheet2.xml': `<worksheet xmlns="${MAIN}"><sheetData><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>` }), /a cell in row 1,048,576/],
      [Uint8Array.of(0x50, 0x4b, 0x03, 0x04, ...new Uint8Array(60)), /damaged/],
      [new Uint8Array(0), /damaged|not an Excel workbook/],
    ];
    for (const [bytes, message] of cases) {
      const result = await readWorkbookBytes(bytes);
      expectWellFormed(result);
      expect(result.ok ? 'read' : result.message).toMatch(message);
    }
  }, 60_000);
});

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
