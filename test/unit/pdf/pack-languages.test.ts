// The sponsor pack PDF in German and French: the words come back from pdftotext, the German
// layout (long compound titles) breaks no rule of the layout check or the page-fill rule, the
// document language follows the workshop, and the narrow no-break space French puts before a colon
// is drawn with the embedded font's own glyph and mapped back to U+202F in the text layer.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { buildSponsorPack } from '../../../renderer/domain/sponsor-pack';
import { PdfEngine } from '../../../renderer/pdf/engine';
import { checkLayout, pageFill } from '../../../renderer/pdf/layout-check';
import { loadPackTranslator } from '../../../renderer/i18n/pack-catalog';
import type { Language } from '../../../renderer/domain/languages';
import type { Workshop, WorkshopRows } from '../../../renderer/domain/model';
import { insurerWorkshop } from './insurer-fixture';
import { sponsorPackWorkshop } from '../../../scripts/sponsor-pack-workshop';
import { nodeFontSource } from './node-fonts';
import { pdfPages, tempPdf } from './pdf-tools';

const TODAY = '2026-12-10';

async function packOf(make: () => { workshop: Workshop; rows: WorkshopRows }, language: Language) {
  const { workshop, rows } = make();
  return buildSponsorPack({ ...workshop, language }, rows, { today: TODAY, words: await loadPackTranslator(language) });
}

/** Every ToUnicode entry of the PDF's fonts ("<0b12><202f>"), inflated from its streams. */
function toUnicodeEntries(bytes: Uint8Array): string {
  const text = Buffer.from(bytes).toString('latin1');
  let out = '';
  for (const m of text.matchAll(/stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = text.indexOf('endstream', start);
    try {
      const plain = inflateSync(Buffer.from(bytes.subarray(start, end))).toString('latin1');
      if (plain.includes('beginbf')) out += plain;
    } catch {
      // Not a deflated stream (an image, a font file).
    }
  }
  return out.toLowerCase();
}

describe('the German sponsor pack as a PDF', () => {
  it('comes back German from pdftotext, with German numbers and dates, in a German document', async () => {
    const pack = await packOf(insurerWorkshop, 'de');
    const engine = new PdfEngine(nodeFontSource);
    const { bytes } = await engine.render(pack);
    if (process.env.PACK_PDF_DIR) writeFileSync(join(process.env.PACK_PDF_DIR, 'insurer-de.pdf'), bytes);
    const text = pdfPages(tempPdf(bytes, 'pack-de.pdf')).join('\n').replace(/\s+/g, ' ');
    for (const words of ['SPONSOR-PAKET', 'Erbetene Entscheidungen', 'Status auf einen Blick', 'Zusammenfassung für die Geschäftsleitung', 'Priorisierungsmatrix', 'Anwendungsfälle im Detail', 'Gate-Entscheidungen', 'Roadmap-Check', 'Inhalt']) {
      expect(text).toContain(words);
    }
    expect(text).toContain('23. November 2026');
    expect(text).toContain('Seite 2 von');
    expect(text).toContain('Geschäftlicher Nutzen 50 %');
    expect(text).toMatch(/zuletzt 88,5/);
    // English words the pack used to print are gone.
    for (const english of ['Decisions requested', 'Executive summary', 'Use case', 'page 2 of']) expect(text).not.toContain(english);
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/Lang \(de-DE\)/);
  }, 120_000);

  it.each([
    ['the realistic insurer workshop', insurerWorkshop],
    ['a 50-use-case logistics workshop with long German titles', () => sponsorPackWorkshop(50)],
  ])('lays out %s in German with nothing cut and no page left a third full mid-chapter', async (_name, make) => {
    const pack = await packOf(make, 'de');
    const doc = await new PdfEngine(nodeFontSource).layout(pack);
    expect(checkLayout(doc).map((p) => p.message)).toEqual([]);
    expect(pageFill(doc).length).toBe(doc.pages.length);
  }, 240_000);
});

describe('the French sponsor pack as a PDF', () => {
  it('comes back French, and draws the narrow no-break space with its own glyph, mapped back to U+202F', async () => {
    const pack = await packOf(insurerWorkshop, 'fr');
    const { bytes } = await new PdfEngine(nodeFontSource).render(pack);
    if (process.env.PACK_PDF_DIR) writeFileSync(join(process.env.PACK_PDF_DIR, 'insurer-fr.pdf'), bytes);
    const text = pdfPages(tempPdf(bytes, 'pack-fr.pdf')).join('\n').replace(/\s+/g, ' ');
    for (const words of ['DOSSIER SPONSOR', 'Décisions attendues', 'Synthèse', 'Matrice de priorisation', 'Les cas d’usage en détail', 'Sommaire', '23 novembre 2026', 'page 2 sur']) {
      expect(text).toContain(words);
    }
    // pdftotext turns every Unicode space into a plain one (poppler treats them as word breaks);
    // the text layer itself maps the glyph to U+202F, which is what a viewer copies.
    expect(text).toContain('3 décisions vous sont demandées : améliorer le pilote');
    expect(toUnicodeEntries(bytes)).toMatch(/<[0-9a-f]{4}><202f>/);
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/Lang \(fr-FR\)/);
  }, 120_000);
});
