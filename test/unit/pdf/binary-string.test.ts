import { describe, expect, it } from 'vitest';
import { binaryString } from '../../../renderer/pdf/jspdf-adapter';

describe('the binary string jsPDF takes for a font', () => {
  it('has one character per byte, with the byte as its code, for every byte value', () => {
    const bytes = new Uint8Array(256 * 3).map((_, i) => i % 256);
    const s = binaryString(bytes);
    expect(s.length).toBe(bytes.length);
    for (let i = 0; i < bytes.length; i++) expect(s.charCodeAt(i)).toBe(bytes[i]);
  });

  it('is the same string String.fromCharCode gives, and the same object a second time', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7919) % 256);
    let slow = '';
    for (let i = 0; i < bytes.length; i += 0x8000) slow += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    expect(binaryString(bytes)).toBe(slow);
    expect(binaryString(bytes)).toBe(binaryString(bytes));
  });
});
