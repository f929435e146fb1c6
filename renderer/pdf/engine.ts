// From a sponsor pack to PDF bytes: load the fonts the text needs, lay the document out, draw it.
// The same engine runs in the PDF worker (off the UI thread) and, where a worker cannot start, on
// the UI thread with a pause after every page so the window keeps answering.
import type { SponsorPack } from '../domain/sponsor-pack';
import { packText } from '../domain/sponsor-pack';
import { fallbackChain, fontSet, mayHave, type FontKey, type FontSet, type FontSource } from './fonts';
import { parseTtfMetrics, type FontMetrics } from './ttf';
import { layoutDocument } from './layout';
import { sponsorDocument } from './sponsor-document';
import { drawPdf, type FontBytes } from './jspdf-adapter';
import { subsetTtf } from './ttf-subset';
import type { LaidOutDocument, UndrawableChar } from './types';
import { loadPackTranslator } from '../i18n/pack-catalog';
import { loadAppCatalog } from '../i18n/app-catalog';

export type ExportPhase = 'fonts' | 'layout' | 'drawing' | 'saving';
export type ExportProgress = { phase: ExportPhase; done: number; total: number; message: string };

export type RenderOptions = {
  onProgress?: (p: ExportProgress) => void;
  /** Awaited after each page: the UI-thread fallback yields to the browser here. */
  pause?: () => Promise<void>;
  creationDate?: Date;
};

export type RenderResult = { bytes: Uint8Array; pages: number; fonts: FontKey[]; undrawable: UndrawableChar[] };
export type PackCheck = { pages: number; undrawable: UndrawableChar[] };

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

  /**
   * The regular-weight fonts the text needs: for each character DejaVu lacks, the fallback fonts
   * are tried in order, each loaded only when it could have the character and the ones before it
   * do not. A Latin-only pack loads DejaVu alone.
   */
  private async fontsFor(text: string): Promise<FontKey[]> {
    const keys: FontKey[] = ['sans', 'sans-bold'];
    const sans = (await this.fonts(['sans'])).metrics.sans as FontMetrics;
    const seen = new Set<number>();
    for (const ch of text) {
      const cp = ch.codePointAt(0) as number;
      if (cp < 0x250 || seen.has(cp)) continue;
      seen.add(cp);
      if (sans.has(cp)) continue;
      for (const key of fallbackChain('normal')) {
        if (!mayHave(key, cp)) continue;
        const m = (await this.fonts([key])).metrics[key] as FontMetrics;
        if (!keys.includes(key)) keys.push(key);
        if (m.has(cp)) break;
      }
    }
    return keys;
  }

  /** Loads and measures the fonts every pack uses, ahead of the first layout. */
  async warm(): Promise<void> {
    await this.fonts(['sans', 'sans-bold']);
  }

  /** Lays the pack out with the fonts its text needs. */
  async layout(pack: SponsorPack, onProgress?: (p: ExportProgress) => void): Promise<LaidOutDocument> {
    onProgress?.({ phase: 'fonts', done: 0, total: 1, message: 'Loading fonts…' });
    const keys = await this.fontsFor(packText(pack));
    let set = await this.fonts(keys);
    onProgress?.({ phase: 'layout', done: 0, total: 1, message: 'Laying out the pages…' });
    const words = await loadPackTranslator(pack.language ?? 'en');
    // The domain's sentences (KPI status, readiness, health, RACI, cadence) are app-catalog messages, said in the workshop's language.
    const app = await loadAppCatalog(pack.language ?? 'en');
    let doc = layoutDocument(sponsorDocument(pack, words, app), set);
    // A run needed a font that was not loaded (bold CJK text): load it and lay out again.
    for (let attempt = 0; attempt < 3 && doc.fontsMissing.length; attempt++) {
      set = await this.fonts([...new Set([...keys, ...doc.fontsMissing])]);
      doc = layoutDocument(sponsorDocument(pack, words, app), set);
    }
    return doc;
  }

  async pageCount(pack: SponsorPack): Promise<number> {
    return (await this.layout(pack)).pages.length;
  }

  /** The page count and every character the pack cannot draw, with where it occurs. */
  async check(pack: SponsorPack): Promise<PackCheck> {
    const doc = await this.layout(pack);
    return { pages: doc.pages.length, undrawable: doc.undrawable };
  }

  async render(pack: SponsorPack, opts: RenderOptions = {}): Promise<RenderResult> {
    const doc = await this.layout(pack, opts.onProgress);
    return this.draw(pack, doc, opts);
  }

  /** Draws a document laid out before (the worker keeps the dry run's layout for the export). */
  async draw(pack: SponsorPack, doc: LaidOutDocument, opts: RenderOptions = {}): Promise<RenderResult> {
    const words = await loadPackTranslator(pack.language ?? 'en');
    await opts.pause?.();
    // Each font cut down to the characters the document draws with it: jsPDF then parses,
    // subsets and compresses a few hundred glyphs instead of a whole 5–10 MB CJK font.
    const used = charactersByFont(doc);
    const bytes: FontBytes = {};
    for (const k of doc.fontsUsed) bytes[k] = subsetTtf(await this.load(k), used.get(k) ?? []);
    const total = doc.pages.length;
    const out = await drawPdf(doc, bytes, {
      subject: pack.meta.client ? words.t('pack.doc.subjectFor', { client: pack.meta.client }) : words.t('pack.doc.subject'),
      // The workshop's language: the document speaks it, whatever the interface speaks.
      language: pack.language === 'de' ? 'de-DE' : pack.language === 'fr' ? 'fr-FR' : 'en-GB',
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
    return { bytes: out, pages: total, fonts: doc.fontsUsed, undrawable: doc.undrawable };
  }
}

/** The code points each font draws in the document. */
export function charactersByFont(doc: LaidOutDocument): Map<FontKey, Set<number>> {
  const used = new Map<FontKey, Set<number>>();
  for (const page of doc.pages) {
    for (const op of page.ops) {
      if (op.kind !== 'text') continue;
      for (const run of op.runs) {
        let set = used.get(run.font);
        if (!set) used.set(run.font, (set = new Set()));
        for (let i = 0; i < run.text.length; i++) set.add(run.text.charCodeAt(i));
      }
    }
  }
  return used;
}

/** Metrics of the given fonts, read from their files (tests and checks). */
export async function loadFontSet(source: FontSource, keys: readonly FontKey[]): Promise<FontSet> {
  const entries = await Promise.all(keys.map(async (k) => [k, parseTtfMetrics(await source(k))] as const));
  return fontSet(Object.fromEntries(entries));
}
