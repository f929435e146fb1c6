// The PDF worker: lays out and draws the sponsor pack off the UI thread, so the window stays
// responsive however long the document is. Fonts are fetched once and kept for the next export.
import { PdfEngine } from './engine';
import { bundledFontSource } from './font-assets';
import type { PdfRequest, PdfResponse } from './pdf-protocol';

type WorkerScope = {
  postMessage(message: PdfResponse, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<PdfRequest>) => void): void;
};

const scope = globalThis as unknown as WorkerScope;
const engine = new PdfEngine(bundledFontSource);

scope.addEventListener('message', (event) => {
  const req = event.data;
  void (async () => {
    try {
      if (req.type === 'count') {
        scope.postMessage({ id: req.id, type: 'count', check: await engine.check(req.pack) });
        return;
      }
      const result = await engine.render(req.pack, { onProgress: (progress) => scope.postMessage({ id: req.id, type: 'progress', progress }) });
      const buffer = result.bytes.buffer.slice(result.bytes.byteOffset, result.bytes.byteOffset + result.bytes.byteLength) as ArrayBuffer;
      scope.postMessage({ id: req.id, type: 'done', bytes: buffer, pages: result.pages }, [buffer]);
    } catch (err) {
      scope.postMessage({ id: req.id, type: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  })();
});
