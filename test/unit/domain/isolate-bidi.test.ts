import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isolateBidi } from '../../../renderer/domain/labels';

const FSI = '\u2068';
const PDI = '\u2069';

/**
 * Whether bidi controls in `label` can reach text after it: replays UAX #9's stack of explicit
 * embeddings and isolates, and reports what is still open at the end (and so runs on past it).
 */
function spillsOver(label: string): boolean {
  const open: string[] = [];
  for (const ch of label) {
    if ('\u2066\u2067\u2068'.includes(ch)) open.push('i');
    else if ('\u202A\u202B\u202D\u202E'.includes(ch)) open.push('e');
    else if (ch === '\u202C' && open.at(-1) === 'e') open.pop();
    else if (ch === PDI && open.includes('i')) open.length = open.lastIndexOf('i');
  }
  return open.length > 0;
}

describe('isolateBidi', () => {
  it('leaves text without bidi controls as it is', () => {
    for (const t of ['Claims triage', 'Müller', '東京', 'عربي', '']) expect(isolateBidi(t)).toBe(t);
  });

  it('wraps an override in a first-strong isolate that ends with the text', () => {
    expect(isolateBidi('Invoice \u202Egnp.exe')).toBe(`${FSI}Invoice \u202Egnp.exe\u202C${PDI}`);
    expect(spillsOver('Invoice \u202Egnp.exe')).toBe(true);
    expect(spillsOver(`${isolateBidi('Invoice \u202Egnp.exe')} (3)`)).toBe(false);
  });

  it('drops a stray closer that would end the isolate early', () => {
    expect(isolateBidi('a\u2069\u202Eb')).toBe(`${FSI}a\u202Eb\u202C${PDI}`);
    expect(isolateBidi('a\u202C\u202Eb')).toBe(`${FSI}a\u202Eb\u202C${PDI}`);
    expect(isolateBidi('Pilot \u2067عربي\u2069 done')).toBe(`${FSI}Pilot \u2067عربي\u2069 done${PDI}`);
  });

  it('never lets anything typed spill past the label (5,000 generated strings)', () => {
    const bidiText = fc.string({ unit: fc.constantFrom('a', ' ', 'ع', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'), maxLength: 30 });
    fc.assert(
      fc.property(bidiText, (text) => {
        expect(spillsOver(`${isolateBidi(text)} (3)`)).toBe(false);
        // Only bidi controls are ever removed; what a person sees is kept.
        expect(isolateBidi(text).replace(/[\u202A-\u202E\u2066-\u2069]/g, '')).toBe(text.replace(/[\u202A-\u202E\u2066-\u2069]/g, ''));
      }),
      { numRuns: 5000, seed: 8 },
    );
  });
});
