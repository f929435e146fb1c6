import { readFileSync } from 'node:fs';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cellDisplay, readWorkbookBytes, sheetRows, WORKBOOK_MAX_UNPACKED_BYTES, type WorkbookResult } from '../../../renderer/shared/workbook-read';
import { tableFromRows } from '../../../renderer/domain/csv-import';
import { sheetLocaleById } from '../../../renderer/domain/number-format';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/spreadsheets/${name}`, import.meta.url)));
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const workbookBytes = () => fixture('einzelhandel.xlsx');
const de = sheetLocaleById('de-DE');
const us = sheetLocaleById('en-US');

/** The sheets as text, as a German Excel shows them. */
function sheets(result: WorkbookResult, locale = de) {
  if (!result.ok) throw new Error(`expected the workbook to be read: ${result.message}`);
  return result.sheets.map((sheet) => ({ name: sheet.name, rows: sheetRows(sheet, locale) }));
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

  it('gives the text a person sees: umlauts, ß and € as typed, numbers plain, dates as formatted', async () => {
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
      '02.03.2026',
    ]);
    expect(branches?.rows[1]).toEqual(['Köln-Ehrenfeld', '14.09.2019', '1250,5']);
    const [, , english] = sheets(await readWorkbookBytes(workbookBytes()), us);
    expect(english?.rows[1]).toEqual(['Köln-Ehrenfeld', '14.09.2019', '1250.5']);
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

  it('shows numbers with at most 15 digits and TRUE and FALSE in the locale’s words', () => {
    expect(cellDisplay({ n: 4.1000000000000005, f: 'General' }, us)).toBe('4.1');
    expect(cellDisplay({ n: 0.1 + 0.2, f: 'General' }, de)).toBe('0,3');
    expect(cellDisplay({ b: true }, us)).toBe('TRUE');
    expect(cellDisplay({ b: false }, de)).toBe('FALSCH');
    expect(cellDisplay({ n: 46083, f: '#14' }, de)).toBe('02.03.2026');
    expect(cellDisplay({ n: 46083, f: '#14' }, us)).toBe('3/2/2026');
  });
});

describe('a German workbook with formats, dates and merged cells', () => {
  const formatted = fixture('einzelhandel-formate.xlsx');

  it('imports every cell as a German Excel shows it: 120.000 €, 02.03.2026, 12,5%', async () => {
    const result = await readWorkbookBytes(formatted);
    const [list] = sheets(result);
    expect(list?.rows).toEqual([
      ['Bereich', 'Anwendungsfall', 'Verantwortlich', 'Erwarteter Nutzen', 'Start', 'Anteil Filialen', 'Wirkung'],
      ['Filiale & Frische', 'Frischwarenprognose für Obst & Gemüse', 'Jürgen Weiß', '120.000 €', '02.03.2026', '35%', '5'],
      ['Filiale & Frische', 'Regaletikettenprüfung per Foto', 'Anja Groß', '45.000 €', '15.04.2026', '12,5%', '3'],
      ['Filiale & Frische', 'Kundenanfragen-Assistent „Frag Hanna“', 'Björn Käßmann', '1.250.000 €', '01.07.2026', '100%', '4'],
      ['Zentrale', 'Lieferantenrechnungen auslesen', 'Özlem Çelik', '80.500 €', '31.12.2026', '0%', '3'],
    ]);
  });

  it('says which locale the workbook’s own formats name, and draws weekdays and months in it', async () => {
    const result = await readWorkbookBytes(formatted);
    expect(result.ok && result.locale).toEqual({ id: 'de-DE' });
    const [, budget] = sheets(result);
    expect(budget?.rows).toEqual([
      ['Posten', 'Betrag', 'Fällig'],
      ['Pilot Frischwarenprognose', '38.400,00 €', 'Freitag, 29. Mai 2026'],
      ['Schulung Filialleitungen', '-1.500,50 €', 'Montag, 1. Juni 2026'],
    ]);
  });

  it('gives a merged cell’s value to every row it spans, and keeps a merged title one title', async () => {
    const result = await readWorkbookBytes(formatted);
    const [list] = sheets(result);
    expect(list?.rows.slice(1).map((row) => row[0])).toEqual(['Filiale & Frische', 'Filiale & Frische', 'Filiale & Frische', 'Zentrale']);
    // The title of the other fixture is merged across eleven columns: it stays in the first.
    const [, titled] = sheets(await readWorkbookBytes(workbookBytes()));
    expect(titled?.rows[0]).toEqual(['Anwendungsfälle Einzelhandel 2026']);
  });

  it('draws built-in formats, shared rich text, inline strings and the 1904 date system', async () => {
    const parts: Zippable = { ...unzipSync(formatted) };
    const styles = new TextDecoder().decode(parts['xl/styles.xml'] as Uint8Array).replace('</cellXfs>', '<xf numFmtId="14"/><xf numFmtId="4"/></cellXfs>');
    parts['xl/styles.xml'] = strToU8(styles.replace(/cellXfs count="\d+"/, 'cellXfs count="10"'));
    parts['xl/sharedStrings.xml'] = strToU8(`<?xml version="1.0"?><sst xmlns="${MAIN}"><si><r><t>Müller </t></r><r><rPr><b/></rPr><t xml:space="preserve">&amp; Söhne_x000D_</t></r><rPh><t>ミュラー</t></rPh></si></sst>`);
    parts['xl/worksheets/sheet1.xml'] = strToU8(
      `<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="8"><v>46083</v></c><c r="C1" s="9"><v>1234.5</v></c><c r="D1" t="inlineStr"><is><t>Zoë &#x6771;&#20140;</t></is></c><c r="E1" t="b"><v>1</v></c><c r="F1" t="e"><f>1/0</f><v>#DIV/0!</v></c></row></sheetData></worksheet>`,
    );
    parts['xl/worksheets/sheet2.xml'] = strToU8(`<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData/></worksheet>`);
    const [list] = sheets(await readWorkbookBytes(zipSync(parts)));
    expect(list?.rows).toEqual([['Müller & Söhne\r', '02.03.2026', '1.234,50', 'Zoë 東京', 'WAHR', '#DIV/0!']]);

    parts['xl/workbook.xml'] = strToU8(new TextDecoder().decode(unzipSync(formatted)['xl/workbook.xml'] as Uint8Array).replace('<workbookPr/>', '<workbookPr date1904="1"/>'));
    const [dated] = sheets(await readWorkbookBytes(zipSync(parts)));
    expect(dated?.rows[0]?.[1]).toBe('03.03.2030');
  });
});

describe('an OpenDocument spreadsheet (.ods)', () => {
  it('imports the text as its author saw it, with merged rows filled and comments left out', async () => {
    const result = await readWorkbookBytes(fixture('einzelhandel.ods'));
    if (!result.ok) throw new Error(result.message);
    expect(result.kind).toBe('ods');
    const [list, budget] = sheets(result);
    expect(list?.name).toBe('Anwendungsfälle');
    expect(list?.rows).toEqual([
      ['Bereich', 'Anwendungsfall', 'Verantwortlich', 'Erwarteter Nutzen', 'Start', 'Anteil Filialen', 'Wirkung'],
      ['Filiale & Frische', 'Frischwarenprognose für Obst & Gemüse', 'Jürgen Weiß', '120.000 €', '02.03.2026', '35%', '5'],
      ['Filiale & Frische', 'Regaletikettenprüfung per Foto', 'Anja Groß', '45.000 €', '15.04.2026', '12,5%', '3'],
      ['Filiale & Frische', 'Kundenanfragen-Assistent „Frag Hanna“', 'Björn Käßmann', '1.250.000 €', '01.07.2026', '100%', '4'],
      ['Zentrale', 'Lieferantenrechnungen auslesen', 'Özlem Çelik', '80.500 €', '31.12.2026', '0%', '3'],
    ]);
    expect(budget?.rows[2]).toEqual(['Schulung Filialleitungen', '-1.500,50 €', 'Montag, 1. Juni 2026']);
  });

  it('keeps spaces, tabs and line breaks of a cell, and repeats a repeated row with content', async () => {
    const content = `<?xml version="1.0"?><office:document-content xmlns:office="o" xmlns:table="t" xmlns:text="x"><office:body><office:spreadsheet><table:table table:name="T"><table:table-row><table:table-cell><text:p>A<text:s text:c="3"/>B<text:tab/>C</text:p><text:p>zweite <text:span>Zeile</text:span></text:p></table:table-cell><table:table-cell table:number-columns-repeated="2"><text:p>x</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="2"><table:table-cell><text:p>gleich</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`;
    const ods = zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8(content) });
    const [sheet] = sheets(await readWorkbookBytes(ods));
    expect(sheet?.rows).toEqual([['A   B\tC\nzweite Zeile', 'x', 'x'], ['gleich'], ['gleich']]);
  });

  it('refuses an .ods whose content would fill more rows than an import takes, without expanding it', async () => {
    const content = `<?xml version="1.0"?><office:document-content xmlns:office="o" xmlns:table="t" xmlns:text="x"><office:body><office:spreadsheet><table:table table:name="T"><table:table-row table:number-rows-repeated="1000000"><table:table-cell><text:p>x</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`;
    const ods = zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8(content) });
    const started = performance.now();
    expect(refusal(await readWorkbookBytes(ods))).toMatch(/1,000,000 rows with content; Liftoff reads sheets of up to 5,100 rows/);
    expect(performance.now() - started).toBeLessThan(1000);
    const encrypted = zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': Uint8Array.of(0x9c, 0x11, 0x02, 0xfe) });
    expect(refusal(await readWorkbookBytes(encrypted))).toMatch(/password-protected/);
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
    const [, list] = sheets(await readWorkbookBytes(withPart('xl/worksheets/sheet2.xml', sheet)), us);
    expect(list?.rows).toEqual([
      ['Titel', 'Impact'],
      ['Klick', '4'],
    ]);
  });

  it('names a legacy .xls, an OpenDocument text, a damaged zip and a zip that is no workbook', async () => {
    const ole = Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(504));
    expect(refusal(await readWorkbookBytes(ole))).toMatch(/zip structure is damaged/);
    const text = zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': strToU8('<office:document-content/>') });
    expect(refusal(await readWorkbookBytes(text))).toMatch(/OpenDocument file is not a spreadsheet/);
    expect(refusal(await readWorkbookBytes(workbookBytes().subarray(0, 3000)))).toMatch(/damaged/);
    expect(refusal(await readWorkbookBytes(zipSync({ 'word/document.xml': strToU8('<w:document/>') })))).toMatch(/not an Excel workbook/);
  });
});
