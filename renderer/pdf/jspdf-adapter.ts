// The one place that talks to jsPDF (ARCHITECTURE.md: one adapter per imperative library). It
// draws a laid-out document as it is: every position, line break and page break was decided by
// the layout engine; this only embeds the fonts the runs use (cut down to the characters drawn,
// ttf-subset.ts; jsPDF subsets them again) and turns
// operations into PDF drawing commands. Text goes in as real text with a Unicode map, so names in
// any script can be selected, searched and copied from the PDF.
import { jsPDF } from 'jspdf';
import { FONT_FACES, type FontKey } from './fonts';
import type { DrawOp, LaidOutDocument } from './types';

export type FontBytes = Partial<Record<FontKey, Uint8Array>>;

export type DrawOptions = {
  /** Called after each page is drawn; awaited, so a caller on the UI thread can yield there. */
  onPage?: (done: number, total: number) => void | Promise<void>;
  /** Awaited between fonts: a caller on the UI thread yields there. */
  pause?: () => Promise<void>;
  /** Called before the file is compressed and written (the longest single step). */
  onSaving?: () => void | Promise<void>;
  subject?: string;
  /** The document's language (BCP 47), for screen readers and hyphenation in viewers; en-GB when absent. */
  language?: string;
  author?: string;
  creationDate?: Date;
};

const binaryCache = new WeakMap<Uint8Array, string>();

/**
 * The bytes as a "binary string" (one character per byte), which is what jsPDF takes for a font.
 * Each byte widened to 16 bits and decoded as UTF-16 gives exactly that string natively: about ten
 * times faster than String.fromCharCode in chunks, which took over a second for a 6 MB CJK font.
 * Values 0–255 are never surrogates, so nothing is replaced. Kept per byte array: the same bytes
 * handed over twice are decoded once (the fonts now arrive cut down, ttf-subset.ts).
 */
export function binaryString(bytes: Uint8Array): string {
  const cached = binaryCache.get(bytes);
  if (cached !== undefined) return cached;
  const out = new TextDecoder('utf-16le').decode(new Uint16Array(bytes));
  binaryCache.set(bytes, out);
  return out;
}

export async function drawPdf(doc: LaidOutDocument, fonts: FontBytes, opts: DrawOptions = {}): Promise<Uint8Array> {
  const first = doc.pages[0];
  // Each page's own size (A4 or US Letter, portrait or landscape), as the layout decided it.
  const format = (p: { width: number; height: number } | undefined): [number, number] => (p ? [Math.min(p.width, p.height), Math.max(p.width, p.height)] : [595.28, 841.89]);
  const pdf = new jsPDF({ unit: 'pt', format: format(first), orientation: first?.orientation ?? 'portrait', compress: true, putOnlyUsedFonts: true });
  for (const key of doc.fontsUsed) {
    // Parsing a font is the longest single step before drawing (the CJK fonts especially).
    await opts.pause?.();
    const bytes = fonts[key];
    if (!bytes) throw new Error(`The ${FONT_FACES[key].name} font was not loaded.`);
    const face = FONT_FACES[key];
    pdf.addFileToVFS(face.file, binaryString(bytes));
    pdf.addFont(face.file, face.name, 'normal', 'normal', 'Identity-H');
  }
  pdf.setProperties({ title: doc.title, subject: opts.subject ?? '', author: opts.author ?? '', creator: 'Liftoff', keywords: 'sponsor pack, AI roadmap' });
  // jsPDF's type lists the tags it knows; 'de' and 'fr' are among them, but the tag is ours to choose.
  pdf.setLanguage((opts.language ?? 'en-GB') as Parameters<typeof pdf.setLanguage>[0]);
  if (opts.creationDate) pdf.setCreationDate(opts.creationDate);
  pdf.setLineCap('butt');

  const state = { font: '', size: 0, text: '', fill: '', draw: '', width: -1, dash: '' };
  const setFill = (c: string) => {
    if (state.fill !== c) pdf.setFillColor(c);
    state.fill = c;
  };
  const setDraw = (c: string) => {
    if (state.draw !== c) pdf.setDrawColor(c);
    state.draw = c;
  };
  const setWidth = (w: number) => {
    if (state.width !== w) pdf.setLineWidth(w);
    state.width = w;
  };
  const setDash = (d: number[] | null) => {
    const key = d ? d.join(',') : '';
    if (state.dash !== key) pdf.setLineDashPattern(d ?? [], 0);
    state.dash = key;
  };
  const style = (fill: string | null, stroke: string | null) => (fill && stroke ? 'FD' : fill ? 'F' : 'S');

  const draw = (op: DrawOp) => {
    switch (op.kind) {
      case 'text':
        if (state.size !== op.size) pdf.setFontSize(op.size);
        state.size = op.size;
        if (state.text !== op.color) pdf.setTextColor(op.color);
        state.text = op.color;
        for (const run of op.runs) {
          if (!run.text) continue;
          if (state.font !== run.font) pdf.setFont(FONT_FACES[run.font].name, 'normal');
          state.font = run.font;
          // The runs are already in visual order with Arabic shaped (bidi.ts): jsPDF's own bidi
          // pass, which would reverse right-to-left runs again, is told input and output are visual.
          pdf.text(run.text, run.x, op.baseline, { baseline: 'alphabetic', isInputVisual: true, isOutputVisual: true, isInputRtl: false, isOutputRtl: false });
        }
        // PDF text is painted with the fill colour: jsPDF sets it to the text colour.
        state.fill = '';
        return;
      case 'rect':
        if (!op.fill && !op.stroke) return;
        if (op.fill) setFill(op.fill);
        if (op.stroke) {
          setDraw(op.stroke);
          setWidth(op.lineWidth);
          setDash(null);
        }
        pdf.rect(op.x, op.y, op.w, op.h, style(op.fill, op.stroke));
        return;
      case 'line':
        setDraw(op.color);
        setWidth(op.width);
        setDash(op.dash);
        pdf.line(op.x1, op.y1, op.x2, op.y2, 'S');
        return;
      case 'circle':
        setFill(op.fill);
        if (op.stroke) {
          setDraw(op.stroke);
          setWidth(op.lineWidth);
          setDash(null);
        }
        pdf.circle(op.cx, op.cy, op.r, style(op.fill, op.stroke));
        return;
      case 'polygon': {
        const [start, ...rest] = op.points;
        if (!start) return;
        setFill(op.fill);
        if (op.stroke) {
          setDraw(op.stroke);
          setWidth(op.lineWidth);
          setDash(null);
        }
        let prev = start;
        const deltas = rest.map((p) => {
          const d = [p.x - prev.x, p.y - prev.y];
          prev = p;
          return d;
        });
        pdf.lines(deltas, start.x, start.y, [1, 1], style(op.fill, op.stroke), true);
        return;
      }
      case 'image':
        try {
          pdf.addImage(op.dataUrl, op.format, op.x, op.y, op.w, op.h, undefined, 'FAST');
        } catch (e) {
          // Checked by its header when picked, but a PNG can still use a variant jsPDF cannot read.
          throw new Error(`The consultancy logo cannot be drawn (${e instanceof Error ? e.message : String(e)}). Pick another PNG or JPEG in Workshop details, or remove it.`, { cause: e });
        }
        return;
      case 'link':
        pdf.link(op.box.x, op.box.y, op.box.w, op.box.h, { pageNumber: op.toPage + 1 });
        return;
    }
  };

  for (const page of doc.pages) {
    if (page.index > 0) {
      pdf.addPage(format(page), page.orientation);
      // A new page starts with jsPDF's defaults again.
      Object.assign(state, { font: '', size: 0, text: '', fill: '', draw: '', width: -1, dash: '' });
    }
    for (const op of page.ops) draw(op);
    await opts.onPage?.(page.index + 1, doc.pages.length);
  }
  // Bookmarks: the chapters, with their sections nested under them.
  let chapter: ReturnType<typeof pdf.outline.add> | null = null;
  for (const e of doc.toc) {
    if (e.page < 1) continue;
    if (e.level === 1) chapter = pdf.outline.add(null, e.title, { pageNumber: e.page });
    else pdf.outline.add(chapter, e.title, { pageNumber: e.page });
  }
  await opts.onSaving?.();
  // jsPDF notes the glyph of every character drawn, repeats included (hundreds of thousands in
  // a long pack), and walks that list when it subsets the font: one entry per glyph is the same
  // subset, found in a fraction of the time.
  for (const key of doc.fontsUsed) {
    pdf.setFont(FONT_FACES[key].name, 'normal');
    const metadata = (pdf.getFont().metadata ?? null) as { glyIdsUsed?: unknown } | null;
    if (metadata && Array.isArray(metadata.glyIdsUsed)) metadata.glyIdsUsed = [...new Set(metadata.glyIdsUsed)];
  }
  return new Uint8Array(pdf.output('arraybuffer'));
}
