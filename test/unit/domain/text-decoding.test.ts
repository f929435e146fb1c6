import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { binaryKind, countReplacements, decodeBytes, decodeGuessing, guessEncoding } from '../../../renderer/domain/text-decoding';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/spreadsheets/${name}`, import.meta.url)));
const RETAILER_FIRST_ROW = 'Frischwarenprognose für Obst & Gemüse;"Abschriften bei Obst & Gemüse senken';

describe('guessing the encoding of a text file', () => {
  it('takes a UTF-8 file with a byte-order mark as UTF-8 and drops the mark', () => {
    const decoded = decodeGuessing(fixture('einzelhandel-utf8.csv'));
    expect(decoded.guess).toMatchObject({ encoding: 'utf-8', bom: true });
    expect(decoded.text.startsWith('Anwendungsfall;')).toBe(true);
    expect(decoded.replacements).toBe(0);
  });

  it('takes UTF-8 without a byte-order mark as UTF-8 when every byte sequence is valid', () => {
    const bytes = new TextEncoder().encode('Titel;Verantwortlich\nKühlkette;Jürgen Weiß\n');
    expect(guessEncoding(bytes)).toMatchObject({ encoding: 'utf-8', bom: false });
  });

  it('reads German Excel’s Windows-1252 CSV with every umlaut, ß, € and German quote intact', () => {
    const decoded = decodeGuessing(fixture('einzelhandel-windows-1252.csv'));
    expect(decoded.guess.encoding).toBe('windows-1252');
    expect(decoded.guess.reason).toMatch(/not valid UTF-8/);
    expect(decoded.text).toContain(RETAILER_FIRST_ROW);
    expect(decoded.text).toContain('Jürgen Weiß');
    expect(decoded.text).toContain('120.000 € pro Jahr');
    expect(decoded.text).toContain('Kundenanfragen-Assistent „Frag Hanna“');
    expect(decoded.text).toContain('Björn Käßmann');
    expect(decoded.replacements).toBe(0);
  });

  it('reads Excel’s “Unicode text” (UTF-16 LE with a byte-order mark) and UTF-16 BE', () => {
    const le = decodeGuessing(fixture('einzelhandel-utf16le.txt'));
    expect(le.guess).toMatchObject({ encoding: 'utf-16le', bom: true });
    expect(le.text.startsWith('Anwendungsfall\tBeschreibung')).toBe(true);
    expect(le.text).toContain('Renée Dubois-Müller');
    const be = decodeGuessing(fixture('einzelhandel-utf16be.csv'));
    expect(be.guess).toMatchObject({ encoding: 'utf-16be', bom: true });
    expect(be.text).toContain(RETAILER_FIRST_ROW);
  });

  it('recognises UTF-16 without a byte-order mark by its zero bytes', () => {
    const withBom = fixture('einzelhandel-utf16le.txt');
    expect(guessEncoding(withBom.subarray(2)).encoding).toBe('utf-16le');
    expect(guessEncoding(fixture('einzelhandel-utf16be.csv').subarray(2)).encoding).toBe('utf-16be');
  });

  it('offers Windows-1250 for a Central European file, and reads Łódź and Šťastný in it', () => {
    const bytes = fixture('mitteleuropa-windows-1250.csv');
    expect(guessEncoding(bytes).encoding).toBe('windows-1250');
    const text = decodeBytes(bytes, 'windows-1250').text;
    expect(text).toContain('Małgorzata Wiśniewska');
    expect(text).toContain('Łódź');
    expect(text).toContain('Ľubomír Šťastný');
    expect(text).toContain('Jiří Dvořák');
  });

  it('does not take a German Windows-1252 file for Central European', () => {
    const bytes = Uint8Array.from([...'Straße;Größe;Maß;Übergröße;'].map((c) => c.charCodeAt(0)));
    expect(guessEncoding(bytes).encoding).toBe('windows-1252');
  });

  it('counts the characters a wrong choice could not decode, so the person can be told', () => {
    const wrong = decodeBytes(fixture('einzelhandel-windows-1252.csv'), 'utf-8');
    expect(wrong.text).toContain('Gem\uFFFDse');
    expect(wrong.replacements).toBeGreaterThan(10);
    expect(countReplacements('a\uFFFDb\uFFFD')).toBe(2);
    expect(countReplacements('Gemüse')).toBe(0);
  });

  it('decodes the same bytes to the same text as the Windows-1252 table, whatever the runtime', () => {
    // 0x80 €, 0x84 „, 0x8A Š, 0x93 “, 0x96 –, 0x9F Ÿ
    expect(decodeBytes(Uint8Array.of(0x80, 0x84, 0x8a, 0x93, 0x96, 0x9f), 'windows-1252').text).toBe('€„Š“–Ÿ');
  });

  it('names workbooks and other binary files by their first bytes', () => {
    expect(binaryKind(Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0))).toBe('zip');
    expect(binaryKind(Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))).toBe('ole');
    expect(binaryKind(new TextEncoder().encode('%PDF-1.7'))).toBe('pdf');
    expect(binaryKind(fixture('einzelhandel-utf8.csv'))).toBeNull();
  });
});
