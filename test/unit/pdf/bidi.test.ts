// Right-to-left text before it reaches the PDF: Arabic in its contextual forms, lines in visual order.
import { describe, expect, it } from 'vitest';
import { shapeArabic, visualOrder } from '../../../renderer/pdf/bidi';

describe('shapeArabic', () => {
  it('gives each letter its isolated, initial, medial or final form', () => {
    // ب alone, then بب (initial + final), then ببب (initial + medial + final).
    expect(shapeArabic('ب')).toBe('\ufe8f');
    expect(shapeArabic('بب')).toBe('\ufe91\ufe90');
    expect(shapeArabic('ببب')).toBe('\ufe91\ufe92\ufe90');
  });

  it('does not join a letter that joins only on its right to the letter after it', () => {
    // د (dal) never joins forward: دب is final-less dal + isolated beh.
    expect(shapeArabic('دب')).toBe('\ufea9\ufe8f');
  });

  it('turns lam followed by alef into the lam-alef ligature', () => {
    expect(shapeArabic('لا')).toBe('\ufefb');
    expect(shapeArabic('سلا')).toBe('\ufeb3\ufefc');
  });

  it('shapes a whole name and leaves Latin text alone', () => {
    const shaped = shapeArabic('فاطمة Smith');
    expect(shaped.endsWith(' Smith')).toBe(true);
    expect(shaped.normalize('NFKC')).toBe('فاطمة Smith');
    expect([...shaped.slice(0, 5)].every((c) => (c.codePointAt(0) as number) >= 0xfe70)).toBe(true);
  });
});

describe('visualOrder', () => {
  it('leaves a line without right-to-left letters as it is', () => {
    expect(visualOrder('Müller (Łódź) 東京')).toBe('Müller (Łódź) 東京');
  });

  it('reverses a Hebrew name and keeps the Latin text after it in place', () => {
    expect(visualOrder('שרה לוי (Product owner)')).toBe('יול הרש (Product owner)');
  });

  it('keeps numbers left to right inside right-to-left text', () => {
    expect(visualOrder('קומה 12 ב')).toBe('ב 12 המוק');
  });

  it('mirrors brackets inside right-to-left text', () => {
    expect(visualOrder('שרה (לוי)')).toBe('(יול) הרש');
  });

  it('keeps a Hebrew combining mark on its letter when the word is reversed', () => {
    // ש with its two points (U+05B8, U+05C1) stays one unit: the points still follow the letter.
    expect(visualOrder('ש\u05b8\u05c1לו\u05b9ם')).toBe('םו\u05b9לש\u05b8\u05c1');
  });
});
