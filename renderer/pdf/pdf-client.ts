// How the UI asks for a PDF: counted and drawn in a Web Worker, so the window never freezes. If
// a worker cannot start (an old shell, a blocked script), the same engine runs on the UI thread,
// pausing after every page so clicks and the progress bar still get their turn.
import type { SponsorPack } from '../domain/sponsor-pack';
import type { ExportProgress, PackCheck, PdfEngine } from './engine';
import type { PdfRequest, PdfResponse } from './pdf-protocol';

export type PdfMode = 'worker' | 'main-thread';
export type PdfResult = { bytes: Uint8Array; pages: number };

export type PdfClient = {
  mode(): PdfMode;
  /** The page count and the characters no font can draw (a dry-run layout). */
  countPages(pack: SponsorPack): Promise<PackCheck>;
  render(pack: SponsorPack, onProgress?: (p: ExportProgress) => void): Promise<PdfResult>;
  /** Stops the worker (and any PDF being made); the client cannot be used afterwards. */
  dispose(): void;
};

type Pending = {
  request: PdfRequest;
  resolve: (value: PackCheck | PdfResult) => void;
  reject: (err: Error) => void;
  onProgress: ((p: ExportProgress) => void) | undefined;
  answered: boolean;
};

/**
 * Yields to the browser once about a frame's worth of work has run: waits for the next frame to
 * be painted (or 50 ms at most, so a hidden window does not stall the export), then goes on.
 */
function slicer(): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < 12) return;
    await new Promise<void>((resolve) => {
      let done = false;
      const go = () => {
        if (done) return;
        done = true;
        resolve();
      };
      requestAnimationFrame(() => setTimeout(go, 0));
      setTimeout(go, 50);
    });
    since = performance.now();
  };
}

export function createPdfClient(opts: { useWorker?: boolean } = {}): PdfClient {
  let worker: Worker | null = null;
  let workerFailed = opts.useWorker === false || typeof Worker === 'undefined';
  let disposed = false;
  let seq = 0;
  const pending = new Map<number, Pending>();
  let local: Promise<PdfEngine> | null = null;

  const mainThreadEngine = (): Promise<PdfEngine> => {
    local ??= Promise.all([import('./engine'), import('./font-assets')]).then(([e, f]) => new e.PdfEngine(f.bundledFontSource));
    return local;
  };

  const runLocally = (p: Pending) => {
    void (async () => {
      try {
        const engine = await mainThreadEngine();
        if (p.request.type === 'count') p.resolve(await engine.check(p.request.pack));
        else {
          const r = await engine.render(p.request.pack, { onProgress: p.onProgress, pause: slicer() });
          p.resolve({ bytes: r.bytes, pages: r.pages });
        }
      } catch (err) {
        p.reject(err instanceof Error ? err : new Error(String(err)));
      } finally {
        pending.delete(p.request.id);
      }
    })();
  };

  const fallBack = () => {
    workerFailed = true;
    worker?.terminate();
    worker = null;
    // Requests the worker never answered run here instead.
    for (const p of pending.values()) if (!p.answered) runLocally(p);
  };

  const startWorker = (): Worker | null => {
    if (workerFailed) return null;
    if (worker) return worker;
    try {
      worker = new Worker(new URL('./pdf-worker.ts', import.meta.url), { type: 'module' });
    } catch {
      workerFailed = true;
      return null;
    }
    worker.addEventListener('message', (event: MessageEvent<PdfResponse>) => {
      const msg = event.data;
      const p = pending.get(msg.id);
      if (!p) return;
      p.answered = true;
      switch (msg.type) {
        case 'progress':
          p.onProgress?.(msg.progress);
          return;
        case 'count':
          pending.delete(msg.id);
          p.resolve(msg.check);
          return;
        case 'done':
          pending.delete(msg.id);
          p.resolve({ bytes: new Uint8Array(msg.bytes), pages: msg.pages });
          return;
        case 'error':
          pending.delete(msg.id);
          p.reject(new Error(msg.message));
          return;
      }
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      fallBack();
    });
    return worker;
  };

  const send = <T extends PackCheck | PdfResult>(type: PdfRequest['type'], pack: SponsorPack, onProgress?: (p: ExportProgress) => void): Promise<T> => {
    if (disposed) return Promise.reject(new Error('The export was closed.'));
    return new Promise<T>((resolve, reject) => {
      const request: PdfRequest = { id: ++seq, type, pack };
      const p: Pending = { request, resolve: resolve as (v: PackCheck | PdfResult) => void, reject, onProgress, answered: false };
      pending.set(request.id, p);
      const w = startWorker();
      if (w) w.postMessage(request);
      else runLocally(p);
    });
  };

  return {
    mode: () => (workerFailed ? 'main-thread' : 'worker'),
    countPages: (pack) => send<PackCheck>('count', pack),
    render: (pack, onProgress) => send<PdfResult>('render', pack, onProgress),
    dispose: () => {
      disposed = true;
      worker?.terminate();
      worker = null;
      for (const p of pending.values()) p.reject(new Error('The export was closed.'));
      pending.clear();
    },
  };
}
