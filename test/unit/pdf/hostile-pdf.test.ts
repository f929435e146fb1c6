// Hostile text in the sponsor PDF: markup, script URLs, formula cells, bidi overrides, zero-width
// characters and a 20,000-character word, typed into every kind of field the pack prints. The PDF
// must show them as literal text (read back with pdftotext), keep the layout inside its boxes, and
// contain nothing a reader could run or follow: no JavaScript, actions, links or embedded files.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSponsorPack } from '../../../renderer/domain/sponsor-pack';
import { PdfEngine, loadFontSet } from '../../../renderer/pdf/engine';
import { checkLayout } from '../../../renderer/pdf/layout-check';
import { insurerWorkshop } from './insurer-fixture';
import { nodeFontSource } from './node-fonts';
import { pdfPages, tempPdf } from './pdf-tools';

const LONG_WORD = 'A'.repeat(20_000);
/** Strings that would do something if any layer treated them as markup, code or a command. */
const HOSTILE = {
  img: '<img src=x onerror="alert(1)">',
  script: '<script>alert(1)</script>',
  js: 'javascript:alert(document.domain)',
  svg: '"><svg onload=alert(1)>',
  template: "{{constructor.constructor('alert(1)')()}} ${alert(1)}",
  formula: '=HYPERLINK("http://evil.example","Click")',
  pdfSyntax: ') Tj /JavaScript << /S /JavaScript /JS (app.alert(1)) >> (',
  rtl: 'Invoice \u202Egnp.exe',
  isolate: 'Pilot \u2067عربي\u2069 done',
  zeroWidth: 'Zero\u200Bwidth\u200Djoin\uFEFF',
  emoji: 'Launch 🚀 ok 👍🏽',
  cjk: '東京の保険金請求',
} as const;

/** PDF names that run code, open something or carry a payload. */
const ACTIVE_NAMES = ['/JavaScript', '/JS', '/Launch', '/URI', '/AA', '/EmbeddedFile', '/SubmitForm', '/GoToR', '/RichMedia', '/ImportData', '/XFA'];

/** The PDF's own syntax, outside the strings the text is drawn with. */
function pdfSyntax(bytes: Uint8Array): string {
  return Buffer.from(bytes)
    .toString('latin1')
    // Literal strings, with escaped parentheses and backslashes inside.
    .replace(/\((?:\\[\s\S]|[^\\()])*\)/g, '()')
    // Hex strings (the embedded fonts draw text this way).
    .replace(/<[0-9A-Fa-f\s]*>/g, '<>');
}

/** pdftotext puts soft line breaks where the layout wrapped; join them back to compare. */
function flat(text: string): string {
  return text.replace(/\s+/g, '');
}

describe('a sponsor PDF full of hostile text', () => {
  let bytes: Uint8Array;
  let text: string;
  let problems: unknown[];

  beforeAll(async () => {
    const { workshop, rows } = insurerWorkshop();
    workshop.name = `${HOSTILE.img} ${HOSTILE.rtl}`;
    workshop.client = HOSTILE.script;
    workshop.facilitator = HOSTILE.svg;
    const values = Object.values(HOSTILE);
    rows.useCases.forEach((uc, i) => {
      uc.title = `${values[i % values.length]} #${i}`;
      uc.problem = `${HOSTILE.js} ${HOSTILE.template}`;
      uc.businessOwner = HOSTILE.formula;
      uc.expectedValue = `${HOSTILE.zeroWidth} ${HOSTILE.emoji}`;
    });
    const firstRisk = rows.risks[0];
    if (!firstRisk) throw new Error('the fixture has risks');
    firstRisk.title = HOSTILE.pdfSyntax;
    firstRisk.mitigation = `Before ${LONG_WORD} after`;
    firstRisk.owner = HOSTILE.isolate;
    const pack = buildSponsorPack(workshop, rows, { today: '2026-12-10' });
    const engine = new PdfEngine(nodeFontSource);
    const doc = await engine.layout(pack);
    problems = checkLayout(doc, await loadFontSet(nodeFontSource, ['sans', 'sans-bold', 'cjk', 'cjk-bold']));
    const result = await engine.render(pack);
    bytes = result.bytes;
    text = pdfPages(tempPdf(bytes, 'hostile.pdf')).join('\n');
  }, 90_000);

  it('prints markup, script URLs, templates and formulas as literal text', () => {
    const all = flat(text);
    for (const key of ['img', 'script', 'js', 'svg', 'template', 'formula', 'pdfSyntax', 'cjk'] as const) {
      expect(all, key).toContain(flat(HOSTILE[key]));
    }
  });

  it('keeps bidi controls from reordering the words around them, and drops nothing visible', () => {
    // The text after the override is still there, in the order it was typed, as characters.
    expect(text).toContain('Invoice');
    expect(flat(text)).toMatch(/gnp\.exe|exe\.png/);
    // pdftotext gives Arabic back in its shaped presentation forms; NFKC folds them to the letters.
    expect(text.normalize('NFKC')).toContain('عربي');
    // Zero-width characters are kept as typed (they are invisible, and searching finds the word).
    expect(flat(text).replace(/[\u200B-\u200D]/g, '')).toContain('Zerowidthjoin');
    // Emoji: no font in the pack has them, so they are left out and the words around them stay.
    expect(flat(text)).toContain('Launchok');
  });

  it('wraps the 20,000-character word inside its box, every character of it', () => {
    expect(problems).toEqual([]);
    // The row runs over pages, so page footers and headers come between the pieces of the word.
    const pieces = [...flat(text).matchAll(/A{20,}/g)].reduce((sum, m) => sum + m[0].length, 0);
    expect(pieces).toBeGreaterThanOrEqual(LONG_WORD.length);
    expect(flat(text)).toMatch(/BeforeA{20,}/);
    expect(flat(text)).toMatch(/A{20,}after/);
  });

  it('contains no JavaScript, actions, links or embedded files', () => {
    const syntax = pdfSyntax(bytes);
    for (const name of ACTIVE_NAMES) {
      expect(syntax, name).not.toMatch(new RegExp(`${name.replace('/', '\\/')}(?![A-Za-z])`));
    }
    // jsPDF opens the document at page 1, fitted to the width: a plain destination, not an action.
    for (const m of syntax.matchAll(/\/OpenAction\s*(\S)/g)) expect(m[0]).toMatch(/\/OpenAction\s*\[/);
    for (const m of syntax.match(/\/OpenAction\s*\[[^\]]*\]/g) ?? []) expect(m).toMatch(/^\/OpenAction \[\d+ 0 R \/Fit[HV]? ?(null)?\]$/);
  });

  it('the check for active content finds one when it is there', () => {
    const withAction = new TextEncoder().encode('1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> >> endobj');
    const syntax = pdfSyntax(withAction);
    expect(syntax).toMatch(/\/OpenAction\s*<</);
    expect(syntax).toMatch(/\/JavaScript(?![A-Za-z])/);
    // Whereas the same words inside a drawn string are only text.
    expect(pdfSyntax(new TextEncoder().encode('BT (/JavaScript /Launch) Tj ET'))).not.toMatch(/\/JavaScript/);
  });

  it('the hostile strings are not in the file as PDF syntax either', () => {
    // The one string written in PDF syntax on purpose must appear only escaped inside a string.
    const raw = readFileSync(tempPdf(bytes, 'again.pdf')).toString('latin1');
    expect(raw).not.toContain('/S /JavaScript /JS (app.alert(1))');
  });
});
