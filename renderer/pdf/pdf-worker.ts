// The PDF worker: lays out and draws the sponsor pack off the UI thread, so the window stays
// responsive however long the document is. Fonts are fetched and measured once and kept for the
// next export; the layout of the last page count is kept too, so the export that follows it
// draws that layout instead of laying the pack out again.
import { PdfEngine, type ExportProgress } from './engine';
import { bundledFontSource } from './font-assets';
import type { SponsorPack } from '../domain/sponsor-pack';
import type { LaidOutDocument } from './types';
import type { PdfRequest, PdfResponse } from './pdf-protocol';

type WorkerScope = {
  postMessage(message: PdfResponse, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<PdfRequest>) => void): void;
};

const scope = globalThis as unknown as WorkerScope;
const engine = new PdfEngine(bundledFontSource);
/** The latest dry run: its request id, its pack and its layout (a promise: it may still be running). */
let lastCount: { id: number; pack: SponsorPack; doc: Promise<LaidOutDocument> } | null = null;

scope.addEventListener('message', (event) => {
  const req = event.data;
  void (async () => {
    try {
      if (req.type === 'warm') {
        // The dialog just opened: fetch and measure the Latin fonts while it builds the pack.
        await engine.warm();
        return;
      }
      if (req.type === 'count') {
        const doc = engine.layout(req.pack);
        lastCount = { id: req.id, pack: req.pack, doc };
        const laid = await doc;
        scope.postMessage({ id: req.id, type: 'count', check: { pages: laid.pages.length, undrawable: laid.undrawable } });
        return;
      }
      const onProgress = (progress: ExportProgress) => scope.postMessage({ id: req.id, type: 'progress', progress });
      let result;
      if (req.counted !== null && lastCount?.id === req.counted) {
        const { pack, doc } = lastCount;
        result = await engine.draw(pack, await doc, { onProgress });
      } else if (req.pack) {
        result = await engine.render(req.pack, { onProgress });
      } else {
        scope.postMessage({ id: req.id, type: 'resend' });
        return;
      }
      const { bytes } = result;
      // Transferred, not copied: the whole buffer when the bytes fill it (they do), else a copy of them.
      const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
      const buffer = (whole ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)) as ArrayBuffer;
      scope.postMessage({ id: req.id, type: 'done', bytes: buffer, pages: result.pages }, [buffer]);
    } catch (err) {
      scope.postMessage({ id: req.id, type: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  })();
});
