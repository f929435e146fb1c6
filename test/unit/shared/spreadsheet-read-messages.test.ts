// Reading the client's file in the reader's language: every refusal of a CSV, an Excel workbook or
// an OpenDocument spreadsheet, the table's notices, the encoding names and the reason for the
// guess are catalog messages. Said in English they are the reader's English, word for word; in
// German and French they are the consultant's wording, with the values kept and no English left.
import { readFileSync } from 'node:fs';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { msg, type Message } from '../../../renderer/domain/message';
import { parseCsv, tableFromRows, MAX_CSV_BYTES, type ParseCsvResult, type TableResult } from '../../../renderer/domain/csv-import';
import { ENCODING_LABELS, ENCODING_LABEL_MESSAGES, TEXT_ENCODINGS, guessEncoding } from '../../../renderer/domain/text-decoding';
import { readWorkbookBytes, WORKBOOK_MAX_BYTES, WORKBOOK_MAX_UNPACKED_BYTES, type WorkbookResult } from '../../../renderer/shared/workbook-read';
import { readWorkbook } from '../../../renderer/shared/workbook-client';
import { formatBytes } from '../../../renderer/domain/locale-format';
import { sheetLocaleName } from '../../../renderer/shared/SourceOptions';
import { parseParticipantScores } from '../../../renderer/domain/participant-csv';
import { english, say } from '../support/app-translators';


const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/spreadsheets/${name}`, import.meta.url)));
const sharedFixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../../shared/fixtures/${name}`, import.meta.url)));

/** Words of the English sentences that neither German nor French uses. */
const ENGLISH = /\b(the|file|files|sheet|workbook|rows?|could|not|was|were|and|save|has|have|characters?|chosen|because|guessed|bytes are|empty)\b/i;

/** Every id a message (and the messages inside its values) uses is in all three catalogs. */
function idsOf(m: Message): string[] {
  const inner = Object.values(m.values ?? {}).flatMap((v): string[] => (typeof v === 'object' && 'id' in v ? idsOf(v) : []));
  return [m.id, ...inner];
}

/**
 * The message says in English what `english` says, and in German and French something else with
 * no English word in it, keeping every `kept` value (a row number, a name, a size) as written.
 */
function expectTranslated(text: Message, englishText: string | null, kept: Record<'de' | 'fr', string[]> = { de: [], fr: [] }) {
  expect(idsOf(text).filter((id) => !(id in english))).toEqual([]);
  const en = say('en', text);
  if (englishText !== null) expect(en).toBe(englishText);
  for (const lang of ['de', 'fr'] as const) {
    const said = say(lang, text);
    expect(said, `${text.id} in ${lang}`).not.toBe(en);
    expect(said, `${text.id} in ${lang}: ${said}`).not.toMatch(ENGLISH);
    // French separates thousands and units with a narrow or a plain no-break space, as Intl's data has it.
    for (const value of kept[lang]) expect(spaced(said), `${text.id} in ${lang} keeps ${value}`).toContain(spaced(value));
  }
}

const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

function failure(result: ParseCsvResult | TableResult | WorkbookResult): { message: string; text: Message } {
  if (result.ok) throw new Error('expected a refusal');
  return result;
}

describe('a CSV that cannot be read, in German and French', () => {
  it('says the file is empty, not text, or not a CSV', () => {
    for (const result of [parseCsv(''), parseCsv(42 as unknown as string), parseCsv('PK\u0003\u0004\u0000\u0000binär')]) {
      const { message, text } = failure(result);
      expectTranslated(text, message);
    }
    expect(say('de', failure(parseCsv('  \n')).text)).toBe('Die Datei ist leer.');
    expect(say('fr', failure(parseCsv('')).text)).toBe('Le fichier est vide.');
  });

  it('says a file over the limit with both sizes as the reader writes them', () => {
    const { message, text } = failure(parseCsv('a'.repeat(MAX_CSV_BYTES + 512 * 1024)));
    expect(message).toMatch(/^The file is 10.5 MB, larger than the 10 MB limit/);
    expectTranslated(text, message, { de: ['10,5 MB', '10 MB'], fr: ['10,5 Mo', '10 Mo'] });
  });

  it('names the row of a quote that is never closed, and of text after a closing quote', () => {
    const unclosed = failure(parseCsv('Titel;Art\nFrachtbriefdatenextraktion;Dokumente\n"Rechnungsprüfung;Prognose\nA;B\n'));
    expect(unclosed.message).toMatch(/^Row 3 has a quoted cell that is never closed/);
    expectTranslated(unclosed.text, unclosed.message, { de: ['Zeile 3', '("")'], fr: ['ligne 3', '("")'] });
    const after = failure(parseCsv('Titel,Art\n"Lager"halle,Prognose\n'));
    expect(after.message).toMatch(/quoted cell with text after its closing quote/);
    expectTranslated(after.text, after.message, { de: ['Zeile 2'], fr: ['ligne 2'] });
    expect(say('de', unclosed.text)).toMatch(/^Zeile 3 hat eine Zelle in Anführungszeichen, die nie geschlossen wird/);
  });

  it('says a file or sheet with no header, and one with more rows than an import takes', () => {
    for (const what of ['file', 'sheet'] as const) {
      const noHeader = failure(tableFromRows([['', ' '], []], what));
      expectTranslated(noHeader.text, noHeader.message);
    }
    expect(say('de', failure(tableFromRows([], 'sheet')).text)).toBe('Das Blatt hat keine Kopfzeile: Alle Zeilen sind leer.');
    expect(say('fr', failure(tableFromRows([], 'file')).text)).toBe('Le fichier n’a pas de ligne d’en-tête\u202f: toutes les lignes sont vides.');
    const many = failure(tableFromRows([['Titel', 'Art'], ...Array.from({ length: 5_001 }, (_, i) => [`Fall ${i}`, 'x'])], 'file'));
    expectTranslated(many.text, many.message, { de: ['5.001', '5.000'], fr: ['5\u202f001', '5\u202f000'] });
  });

  it('says the notices of a table that was read: no data rows, title rows skipped', () => {
    const empty = tableFromRows([['Anwendungsfall', 'Art']], 'sheet');
    if (!empty.ok || !empty.noticeText) throw new Error('expected a notice');
    expectTranslated(empty.noticeText, empty.notice);
    const titled = tableFromRows([['Anwendungsfälle 2026 – Logistik'], [''], ['Stand: März'], ['Titel', 'Art'], ['A', 'B']], 'sheet');
    if (!titled.ok || !titled.noticeText) throw new Error('expected a notice');
    expectTranslated(titled.noticeText, titled.notice, { de: ['1, 3', 'Zeile 4'], fr: ['1, 3', 'ligne 4'] });
    const one = tableFromRows([['Anwendungsfälle 2026'], ['Titel', 'Art'], ['A', 'B']], 'file');
    if (!one.ok || !one.noticeText) throw new Error('expected a notice');
    expect(say('de', one.noticeText)).toBe('Zeile 1 über den Spaltennamen sieht nach einem Titel aus und wurde übersprungen; die Spaltennamen stehen in Zeile 2.');
    expectTranslated(one.noticeText, one.notice);
  });

  it('hands the refusal to the score import with its message', () => {
    const parsed = parseParticipantScores('');
    if (parsed.ok || !parsed.text) throw new Error('expected a refusal with its message');
    expect(say('de', parsed.text)).toBe('Die Datei ist leer.');
  });
});

describe('a workbook or OpenDocument spreadsheet that cannot be read, in German and French', () => {
  const xlsx = () => fixture('einzelhandel.xlsx');
  const withPart = (name: string, content: string) => {
    const parts: Zippable = { ...unzipSync(xlsx()) };
    parts[name] = strToU8(content);
    return zipSync(parts);
  };
  const ods = (content: string | Uint8Array, mimetype = 'application/vnd.oasis.opendocument.spreadsheet') =>
    zipSync({ mimetype: strToU8(mimetype), 'content.xml': typeof content === 'string' ? strToU8(content) : content });
  const sheetXml = (rows: string) => `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;

  it('says each refusal of the reader as its English says it, and in German and French', async () => {
    const cases: [string, Uint8Array, Record<'de' | 'fr', string[]>?][] = [
      ['too large', new Uint8Array(WORKBOOK_MAX_BYTES + 1024 * 1024), { de: ['11 MB', '10 MB'], fr: ['11 Mo', '10 Mo'] }],
      ['no workbook part', zipSync({ 'word/document.xml': strToU8('<w:document/>') })],
      ['doctype', withPart('xl/sharedStrings.xml', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><sst/>')],
      ['zip bomb', zipSync({ 'xl/workbook.xml': new Uint8Array(WORKBOOK_MAX_UNPACKED_BYTES + 1024 * 1024) }, { level: 1 }), { de: ['60 MB'], fr: ['60 Mo'] }],
      ['damaged zip', xlsx().subarray(0, 3000)],
      ['rows', withPart('xl/worksheets/sheet2.xml', sheetXml(Array.from({ length: 5_200 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>x</t></is></c></row>`).join(''))), { de: ['5.200', '5.000'], fr: ['5\u202f200', '5\u202f000'] }],
      ['far row', withPart('xl/worksheets/sheet2.xml', sheetXml('<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>')), { de: ['1.048.576'], fr: ['1\u202f048\u202f576'] }],
      ['far column', withPart('xl/worksheets/sheet2.xml', sheetXml('<row r="1"><c r="XFD1" t="inlineStr"><is><t>x</t></is></c></row>')), { de: ['16.384'], fr: ['16\u202f384'] }],
      ['missing shared text', withPart('xl/worksheets/sheet2.xml', sheetXml('<row r="1"><c r="A1" t="s"><v>99999</v></c></row>'))],
      ['OpenDocument text', ods('<office:document-content/>', 'application/vnd.oasis.opendocument.text')],
      ['OpenDocument without content', zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'META-INF/manifest.xml': strToU8('<m/>') })],
      ['OpenDocument encrypted', ods(Uint8Array.of(0x9c, 0x11, 0x02, 0xfe))],
      [
        'OpenDocument rows',
        ods(`<?xml version="1.0"?><office:document-content xmlns:office="o" xmlns:table="t" xmlns:text="x"><office:body><office:spreadsheet><table:table table:name="T"><table:table-row table:number-rows-repeated="1000000"><table:table-cell><text:p>x</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`),
        { de: ['1.000.000', '5.100'], fr: ['1\u202f000\u202f000', '5\u202f100'] },
      ],
    ];
    const ids = new Set<string>();
    for (const [name, bytes, kept] of cases) {
      const refused = failure(await readWorkbookBytes(bytes));
      ids.add(refused.text.id);
      expect(refused.text.id, name).toMatch(/^import\.read\./);
      expectTranslated(refused.text, refused.message, kept);
    }
    // Each case is a different refusal, so none is tested by accident through another.
    expect(ids.size).toBe(cases.length);
  }, 30_000);

  it('says a refusal the worker or its client gives', async () => {
    // Node has no Worker: the client says the reader could not start, as a browser would.
    const notStarted = failure(await readWorkbook(xlsx()));
    expectTranslated(notStarted.text, notStarted.message);
    expectTranslated(msg('import.read.timeout', { seconds: 20 }), 'Reading the workbook took longer than 20 seconds and was stopped. Save the sheet as CSV and import that file.', { de: ['20'], fr: ['20'] });
    expectTranslated(msg('import.read.readerStopped'), 'The workbook reader stopped unexpectedly. Save the sheet as CSV and import that file.');
    expect(say('de', msg('import.read.workerFailed', { reason: 'out of memory' }))).toBe('Die Arbeitsmappe ließ sich nicht lesen (out of memory).');
  });

  it('says the picker’s refusals with the file’s name kept as typed', () => {
    const name = 'Anwendungsfälle – Übersicht „Q3“.xlsx';
    expectTranslated(msg('import.read.fileTooLarge', { name, what: 'scores', size: { bytes: 12.5 * 1024 * 1024 }, limit: { bytes: 10 * 1024 * 1024 } }), `“${name}” is 12.5 MB; a score sheet can be at most 10 MB.`, {
      de: [name, '12,5 MB', 'Bewertungstabelle'],
      fr: [name, '12,5 Mo', 'feuille de notes'],
    });
    expect(say('en', msg('import.read.fileTooLarge', { name, what: 'useCases', size: { bytes: 11 * 1024 * 1024 }, limit: { bytes: 10 * 1024 * 1024 } }))).toBe(`“${name}” is 11 MB; a use-case import can be at most 10 MB.`);
    const refused = msg('import.read.workbookRefused', { name, problem: msg('import.read.notWorkbook') });
    expectTranslated(refused, `“${name}” could not be read: This zip file is not an Excel workbook: it has no workbook part. Import an .xlsx or CSV file. Nothing was imported.`, { de: [name], fr: [name] });
    for (const id of ['import.read.noSheets', 'import.read.oldExcel', 'import.read.pdf'] as const) expectTranslated(msg('import.cannotRead', { name, problem: msg(id, { name }) }), null, { de: [name], fr: [name] });
  });
});

describe('the encoding of a text file, in German and French', () => {
  it('names every encoding as English did, and in German and French', () => {
    for (const encoding of TEXT_ENCODINGS) {
      expect(say('en', ENCODING_LABEL_MESSAGES[encoding])).toBe(ENCODING_LABELS[encoding]);
    }
    expect(say('de', ENCODING_LABEL_MESSAGES['windows-1252'])).toBe('Windows-1252 (Westeuropäisch: Deutsch, Französisch, Spanisch …)');
    expect(say('fr', ENCODING_LABEL_MESSAGES['windows-1250'])).toBe('Windows-1250 (Europe centrale\u202f: polonais, tchèque, slovaque…)');
    expect(say('fr', ENCODING_LABEL_MESSAGES['utf-16le'])).toBe('UTF-16 LE (Excel «\u00a0Texte Unicode\u00a0»)');
  });

  it('says why each encoding was guessed, for the client files as they come', () => {
    const files = ['einzelhandel-utf8.csv', 'einzelhandel-utf16le.txt', 'einzelhandel-utf16be.csv', 'einzelhandel-windows-1252.csv', 'mitteleuropa-windows-1250.csv'];
    const guesses = files.map((name) => guessEncoding(fixture(name)));
    guesses.push(guessEncoding(fixture('einzelhandel-utf16le.txt').subarray(2)), guessEncoding(strToU8('Titel;Art\nA;B\n')));
    expect(new Set(guesses.map((g) => g.reasonText.id)).size).toBe(6);
    for (const guess of guesses) {
      expectTranslated(guess.reasonText, guess.reason);
      const chosen = msg('import.source.chosenBecause', { reason: guess.reasonText });
      expect(say('en', chosen)).toBe(`Chosen because ${guess.reason}.`);
      expect(say('de', chosen)).toMatch(/^Gewählt, weil .+\.$/);
    }
    expect(say('de', guessEncoding(fixture('einzelhandel-windows-1252.csv')).reasonText)).toBe('die Bytes kein gültiges UTF-8 sind');
  });

  it('says the German Excel CSV from the client was read as Windows-1252, and warns of unreadable characters', () => {
    const guess = guessEncoding(sharedFixture('logistik-usecases-de.csv'));
    const name = ENCODING_LABEL_MESSAGES[guess.encoding];
    for (const count of [1, 7]) {
      const warning = msg('import.source.unreadable', { count, encoding: name });
      expectTranslated(warning, null, { de: [String(count), '„�“'], fr: [String(count), '«\u00a0�\u00a0»'] });
    }
    expect(say('en', msg('import.source.unreadable', { count: 1, encoding: ENCODING_LABEL_MESSAGES['utf-8'] }))).toBe(
      '1 character could not be read as UTF-8 (Unicode) and would be stored as “�”. Choose the encoding the file was saved in.',
    );
    expect(say('de', msg('import.source.unreadable', { count: 3, encoding: ENCODING_LABEL_MESSAGES['utf-8'] }))).toBe(
      '3 Zeichen konnten nicht als UTF-8 (Unicode) gelesen werden und würden als „�“ gespeichert. Wählen Sie die Kodierung, in der die Datei gespeichert wurde.',
    );
    expect(say('de', msg('import.source.hadGuessed', { encoding: ENCODING_LABEL_MESSAGES['windows-1252'] }))).toBe('Liftoff hatte Windows-1252 (Westeuropäisch: Deutsch, Französisch, Spanisch …) vermutet.');
  });

  it('names the Excel locales in the reader’s language, English keeping its short labels', () => {
    expect(sheetLocaleName('en', 'en-US')).toBe('English (US)');
    expect(sheetLocaleName('de', 'de-DE')).toBe('Deutsch (Deutschland)');
    expect(sheetLocaleName('fr', 'de-AT')).toBe('allemand (Autriche)');
  });
});

describe('file sizes as the reader writes them', () => {
  it('writes megabytes, kilobytes and bytes with the reader’s separator and unit', () => {
    const mb = 1.2 * 1024 * 1024;
    expect([formatBytes('en', mb), formatBytes('de', mb), spaced(formatBytes('fr', mb))]).toEqual(['1.2 MB', '1,2 MB', '1,2 Mo']);
    expect([formatBytes('en', 12 * 1024), formatBytes('de', 12 * 1024), spaced(formatBytes('fr', 12 * 1024))]).toEqual(['12 kB', '12 kB', '12 ko']);
    expect([formatBytes('en', 512), formatBytes('de', 512), spaced(formatBytes('fr', 512))]).toEqual(['512 bytes', '512 Byte', '512 octets']);
    expect(formatBytes('de', 25 * 1024 * 1024)).toBe('25 MB');
    expect(spaced(say('fr', msg('import.read.workbookTooLarge', { size: { bytes: mb * 10 }, limit: { bytes: 10 * 1024 * 1024 } })))).toBe('Le classeur fait 12 Mo ; Liftoff lit les classeurs jusqu’à 10 Mo.');
  });
});
