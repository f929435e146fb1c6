import { readFileSync } from 'node:fs';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cellText, readWorkbookBytes, WORKBOOK_MAX_UNPACKED_BYTES, type WorkbookResult } from '../../../renderer/shared/workbook-read';
import { tableFromRows } from '../../../renderer/domain/csv-import';

const workbookBytes = () => new Uint8Array(readFileSync(new URL('../../fixtures/spreadsheets/einzelhandel.xlsx', import.meta.url)));

function sheets(result: WorkbookResult) {
  if (!result.ok) throw new Error(`expected the workbook to be read: ${result.message}`);
  return result.sheets;
}

function refusal(result: WorkbookResult): string {
  if (result.ok) throw new Error('expected the workbook to be refused');
  return result.message;
}

/** The fixture with one part replaced (or added), zipped again. */
function withPart(name: string, content: string): Uint8Array {
  const parts: Zippable = { ...unzipSync(workbookBytes()) };
  parts[name] = strToU8(content);
  return zipSync(parts);
}

describe('reading an Excel workbook', () => {
  it('reads every sheet by name, the empty cover sheet too', async () => {
    const read = sheets(await readWorkbookBytes(workbookBytes()));
    expect(read.map((s) => [s.name, s.rows.length])).toEqual([
      ['Deckblatt', 0],
      ['Anwendungsfälle', 8],
      ['Filialen', 2],
    ]);
  });

  it('gives the text a person sees: umlauts, ß and € as typed, numbers plain, dates as dates', async () => {
    const [, list, branches] = sheets(await readWorkbookBytes(workbookBytes()));
    expect(list?.rows[0]).toEqual(['Anwendungsfälle Einzelhandel 2026']);
    expect(list?.rows[2]?.slice(0, 3)).toEqual(['Anwendungsfall', 'Beschreibung', 'Verantwortlich']);
    expect(list?.rows[3]).toEqual([
      'Frischwarenprognose für Obst & Gemüse',
      'Abschriften bei Obst & Gemüse senken; heute schätzt jede Filiale selbst',
      'Jürgen Weiß',
      'Einkauf Frische',
      'Prognosemodell',
      'Kassendaten, Wetter, Aktionen',
      '120.000 € pro Jahr',
      '5',
      '4',
      '3',
      '2026-03-02',
    ]);
    expect(branches?.rows[1]).toEqual(['Köln-Ehrenfeld', '2019-09-14', '1250.5']);
  });

  it('finds the column names under a title merged across the columns', async () => {
    const [, list] = sheets(await readWorkbookBytes(workbookBytes()));
    const table = tableFromRows(list?.rows ?? [], 'sheet');
    if (!table.ok) throw new Error(table.message);
    expect(table.headers[0]).toBe('Anwendungsfall');
    expect(table.rows).toHaveLength(5);
    expect(table.rowNumbers[0]).toBe(4);
    expect(table.notice).toMatch(/Row 1 above the column names looks like a title and was skipped/);
  });

  it('shows numbers with at most 15 digits and Excel’s TRUE and FALSE', () => {
    expect(cellText(4.1000000000000005)).toBe('4.1');
    expect(cellText(0.1 + 0.2)).toBe('0.3');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(new Date(Date.UTC(2026, 10, 23, 9, 30)))).toBe('2026-11-23 09:30');
    expect(cellText(null)).toBe('');
  });
});

describe('a hostile or broken workbook', () => {
  it('refuses XML with entity declarations (billion laughs) without expanding anything', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&lol2;</t></si></sst>`;
    expect(refusal(await readWorkbookBytes(withPart('xl/sharedStrings.xml', laughs)))).toMatch(/document type declaration/);
  });

  it('refuses a zip bomb by the sizes it declares, before inflating it', async () => {
    // 70 MB of zeros compress to about 70 kB.
    const bomb = zipSync({ 'xl/workbook.xml': new Uint8Array(WORKBOOK_MAX_UNPACKED_BYTES + 10 * 1024 * 1024) }, { level: 1 });
    expect(bomb.byteLength).toBeLessThan(200_000);
    const started = performance.now();
    expect(refusal(await readWorkbookBytes(bomb))).toMatch(/unpacks to more than 60 MB/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses a sheet with more rows than an import takes, before parsing it', async () => {
    const rows = Array.from({ length: 5_200 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>x</t></is></c></row>`).join('');
    const sheet = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
    expect(refusal(await readWorkbookBytes(withPart('xl/worksheets/sheet2.xml', sheet)))).toMatch(/5,200 rows; Liftoff imports at most 5,000/);
  });

  it('reads formula cells as their results, never as formulas', async () => {
    const sheet = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Titel</t></is></c><c r="B1" t="inlineStr"><is><t>Impact</t></is></c></row><row r="2"><c r="A2" t="str"><f>HYPERLINK("http://evil.example","Klick")</f><v>Klick</v></c><c r="B2"><f>2+2</f><v>4</v></c></row></sheetData></worksheet>`;
    const [, list] = sheets(await readWorkbookBytes(withPart('xl/worksheets/sheet2.xml', sheet)));
    expect(list?.rows).toEqual([
      ['Titel', 'Impact'],
      ['Klick', '4'],
    ]);
  });

  it('names a legacy .xls, an OpenDocument file, a damaged zip and a zip that is no workbook', async () => {
    const ole = Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(504));
    expect(refusal(await readWorkbookBytes(ole))).toMatch(/zip structure is damaged/);
    const ods = zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8('<office:document-content/>') });
    expect(refusal(await readWorkbookBytes(ods))).toMatch(/OpenDocument spreadsheet \(\.ods\)/);
    expect(refusal(await readWorkbookBytes(workbookBytes().subarray(0, 3000)))).toMatch(/damaged/);
    expect(refusal(await readWorkbookBytes(zipSync({ 'word/document.xml': strToU8('<w:document/>') })))).toMatch(/not an Excel workbook/);
  });
});
