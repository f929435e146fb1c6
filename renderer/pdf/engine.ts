// From a sponsor pack to PDF bytes: load the fonts the text needs, lay the document out, draw it.
// The same engine runs in the PDF worker (off the UI thread) and, where a worker cannot start, on
// the UI thread with a pause after every page so the window keeps answering.
import type { SponsorPack } from '../domain/sponsor-pack';
import { packText } from '../domain/sponsor-pack';
import { containsCjk, fontSet, type FontKey, type FontSet, type FontSource } from './fonts';
import { parseTtfMetrics, type FontMetrics } from './ttf';
import { layoutDocument } from './layout';
import { sponsorDocument } from './sponsor-document';
import { drawPdf, type FontBytes } from './jspdf-adapter';
import type { LaidOutDocument } from './types';

export type ExportPhase = 'fonts' | 'layout' | 'drawing' | 'saving';
export type ExportProgress = { phase: ExportPhase; done: number; total: number; message: string };

export type RenderOptions = {
  onProgress?: (p: ExportProgress) => void;
  /** Awaited after each page: the UI-thread fallback yields to the browser here. */
  pause?: () => Promise<void>;
  creationDate?: Date;
};

export type RenderResult = { bytes: Uint8Array; pages: number; fonts: FontKey[] };

export class PdfEngine {
  private bytes = new Map<FontKey, Promise<Uint8Array>>();
  private metrics = new Map<FontKey, FontMetrics>();

  constructor(private source: FontSource) {}

  private load(key: FontKey): Promise<Uint8Array> {
    let p = this.bytes.get(key);
    if (!p) {
      p = this.source(key);
      this.bytes.set(key, p);
      // A failed load may be retried by the next export.
      p.catch(() => this.bytes.delete(key));
    }
    return p;
  }

  private async fonts(keys: readonly FontKey[]): Promise<FontSet> {
    await Promise.all(
      keys.map(async (k) => {
        if (!this.metrics.has(k)) this.metrics.set(k, parseTtfMetrics(await this.load(k)));
      }),
    );
    return fontSet(Object.fromEntries(keys.map((k) => [k, this.metrics.get(k) as FontMetrics])));
  }

  /** Lays the pack out; loads a CJK font only when the text has CJK characters. */
  async layout(pack: SponsorPack, onProgress?: (p: ExportProgress) => void): Promise<LaidOutDocument> {
    const keys: FontKey[] = ['sans', 'sans-bold'];
    if (containsCjk(packText(pack))) keys.push('cjk');
    onProgress?.({ phase: 'fonts', done: 0, total: 1, message: 'Loading fonts…' });
    let set = await this.fonts(keys);
    onProgress?.({ phase: 'layout', done: 0, total: 1, message: 'Laying out the pages…' });
    let doc = layoutDocument(sponsorDocument(pack), set);
    // A run needed a font that was not loaded (bold CJK text): load it and lay out again.
    for (let attempt = 0; attempt < 2 && doc.fontsMissing.length; attempt++) {
      set = await this.fonts([...keys, ...doc.fontsMissing]);
      doc = layoutDocument(sponsorDocument(pack), set);
    }
    return doc;
  }

  async pageCount(pack: SponsorPack): Promise<number> {
    return (await this.layout(pack)).pages.length;
  }

  async render(pack: SponsorPack, opts: RenderOptions = {}): Promise<RenderResult> {
    const doc = await this.layout(pack, opts.onProgress);
    await opts.pause?.();
    const bytes: FontBytes = {};
    for (const k of doc.fontsUsed) bytes[k] = await this.load(k);
    const total = doc.pages.length;
    const out = await drawPdf(doc, bytes, {
      subject: `AI pilot-to-production roadmap${pack.meta.client ? ` for ${pack.meta.client}` : ''}`,
      author: pack.meta.facilitator,
      ...(opts.creationDate ? { creationDate: opts.creationDate } : {}),
      ...(opts.pause ? { pause: opts.pause } : {}),
      onPage: async (done) => {
        opts.onProgress?.({ phase: 'drawing', done, total, message: `Drawing page ${done} of ${total}…` });
        await opts.pause?.();
      },
      onSaving: async () => {
        opts.onProgress?.({ phase: 'saving', done: total, total, message: 'Compressing and embedding fonts…' });
        await opts.pause?.();
      },
    });
    return { bytes: out, pages: total, fonts: doc.fontsUsed };
  }
}

/** Metrics of the given fonts, read from their files (tests and checks). */
export async function loadFontSet(source: FontSource, keys: readonly FontKey[]): Promise<FontSet> {
  const entries = await Promise.all(keys.map(async (k) => [k, parseTtfMetrics(await source(k))] as const));
  return fontSet(Object.fromEntries(entries));
}
