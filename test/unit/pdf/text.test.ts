// Fonts and line breaking: which font draws which character, how wide a line is, where lines break.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseTtfMetrics, FontFormatError } from '../../../renderer/pdf/ttf';
import { cleanText, containsCjk, fontSet, runsOf, textWidth, type FontSet } from '../../../renderer/pdf/fonts';
import { fitLine, wrapText } from '../../../renderer/pdf/wrap';
import { loadFontSet } from '../../../renderer/pdf/engine';
import { nodeFontSource } from './node-fonts';

let fonts: FontSet;
let latinOnly: FontSet;
beforeAll(async () => {
  fonts = await loadFontSet(nodeFontSource, ['sans', 'sans-bold', 'cjk', 'cjk-bold']);
  latinOnly = fontSet({ sans: fonts.metrics.sans, 'sans-bold': fonts.metrics['sans-bold'] });
});

describe('parseTtfMetrics', () => {
  it('reads units per em, glyphs and advance widths from the font files', async () => {
    const dejavu = parseTtfMetrics(await nodeFontSource('sans'));
    expect(dejavu.unitsPerEm).toBe(2048);
    for (const ch of 'MüllerŁódźÆrøZoëΔημήτρηςИванов') expect(dejavu.has(ch.codePointAt(0) as number)).toBe(true);
    expect(dejavu.has('東'.codePointAt(0) as number)).toBe(false);
    // A space is narrower than an M.
    expect(dejavu.advance(32)).toBeLessThan(dejavu.advance(77));
    const noto = parseTtfMetrics(await nodeFontSource('cjk'));
    expect(noto.has('東'.codePointAt(0) as number)).toBe(true);
    expect(noto.has('京'.codePointAt(0) as number)).toBe(true);
    // Ideographs are one em wide.
    expect(noto.advance('東'.codePointAt(0) as number)).toBe(noto.unitsPerEm);
  });

  it('refuses a file that is not a TrueType font', () => {
    expect(() => parseTtfMetrics(new TextEncoder().encode('%PDF-1.7 not a font at all'))).toThrow(FontFormatError);
  });
});

describe('runsOf', () => {
  it('draws Latin, Greek and Cyrillic in DejaVu and CJK in Noto Sans JP, one run per font', () => {
    expect(runsOf('Müller Δημήτρης Иванов', 'normal', fonts)).toEqual([{ text: 'Müller Δημήτρης Иванов', font: 'sans' }]);
    expect(runsOf('Office 東京 (Łódź)', 'normal', fonts)).toEqual([
      { text: 'Office ', font: 'sans' },
      { text: '東京 ', font: 'cjk' },
      { text: '(Łódź)', font: 'sans' },
    ]);
    expect(runsOf('東京', 'bold', fonts)).toEqual([{ text: '東京', font: 'cjk-bold' }]);
  });

  it('notes a CJK font that is needed but not loaded', () => {
    const set = fontSet({ ...latinOnly.metrics });
    runsOf('東京', 'bold', set);
    expect([...set.missing]).toEqual(['cjk-bold']);
  });
});

describe('cleanText and containsCjk', () => {
  it('composes accents, turns tabs into spaces and drops control characters', () => {
    expect(cleanText('Zoe\u0308\tM\u00fcller\u0007\r\nnext')).toBe('Zoë Müller\nnext');
  });

  it('finds CJK text', () => {
    expect(containsCjk('Claims 東京')).toBe(true);
    expect(containsCjk('カタカナ')).toBe(true);
    expect(containsCjk('Müller Łódź Ærø Zoë Δημήτρης Иванов')).toBe(false);
  });
});

describe('wrapText', () => {
  const style = { weight: 'normal' as const, size: 10 };

  it('never makes a line wider than the box, and keeps every word', () => {
    const text = 'Route incoming motor claims to the right handler queue; today a supervisor reads every claim by hand. Müller, Łódź, Ærø, Zoë.';
    for (const width of [60, 120, 200, 400]) {
      const lines = wrapText(text, style, width, fonts);
      for (const l of lines) expect(textWidth(l, 'normal', 10, fonts)).toBeLessThanOrEqual(width + 0.001);
      expect(lines.join(' ')).toBe(text);
    }
  });

  it('cuts a word longer than the line, and keeps the space after it', () => {
    const lines = wrapText(`${'x'.repeat(85)} next word`, style, 100, fonts);
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) expect(textWidth(l, 'normal', 10, fonts)).toBeLessThanOrEqual(100.001);
    expect(lines.join('').replace(/ .*/, '')).toBe('x'.repeat(85));
    // The end of the cut word shares its line with the next word, a space between them.
    expect(lines[lines.length - 1]).toMatch(/^x+ next word$/);
  });

  it('breaks CJK text between characters', () => {
    const lines = wrapText('東京の支店では日本語で届く事故報告を手作業で英語に要約しています', style, 60, fonts);
    expect(lines.length).toBeGreaterThan(4);
    expect(lines.every((l) => l.length <= 6)).toBe(true);
    expect(lines.join('')).toBe('東京の支店では日本語で届く事故報告を手作業で英語に要約しています');
  });

  it('keeps the line breaks of the text and drops empty text', () => {
    expect(wrapText('one\n\ntwo', style, 300, fonts)).toEqual(['one', '', 'two']);
    expect(wrapText('  \n ', style, 300, fonts)).toEqual([]);
  });
});

describe('fitLine', () => {
  it('ends a cut line with an ellipsis and stays inside the width', () => {
    const fitted = fitLine('Underwriting document extraction for brokers', { weight: 'bold', size: 9 }, 80, fonts);
    expect(fitted.endsWith('…')).toBe(true);
    expect(textWidth(fitted, 'bold', 9, fonts)).toBeLessThanOrEqual(80);
    expect(fitLine('Short', { weight: 'normal', size: 9 }, 80, fonts)).toBe('Short');
  });
});
