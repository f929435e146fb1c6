// How the UI asks for a PDF: counted and drawn in a Web Worker, so the window never freezes. If
// a worker cannot start (an old shell, a blocked script), the same engine runs on the UI thread,
// pausing after every page so clicks and the progress bar still get their turn. The worker is
// shared by the export dialogs of a session and kept a while after the last one closes: its fonts
// (fetched and measured once, 5–25 MB with the CJK ones) are ready for the next export.
import type { SponsorPack } from '../domain/sponsor-pack';
import type { ExportProgress, PackCheck, PdfEngine } from './engine';
import type { PdfRequest, PdfResponse } from './pdf-protocol';

export type PdfMode = 'worker' | 'main-thread';
export type PdfResult = { bytes: Uint8Array; pages: number };

export type PdfClient = {
  mode(): PdfMode;
  /** Starts the worker and its Latin fonts now (the dialog opened), so the first count waits less. */
  warm(): void;
  /** The page count and the characters no font can draw (a dry-run layout). */
  countPages(pack: SponsorPack): Promise<PackCheck>;
  render(pack: SponsorPack, onProgress?: (p: ExportProgress) => void): Promise<PdfResult>;
  /** Stops the worker (and any PDF being made); the client cannot be used afterwards. */
  dispose(): void;
};

type Pending = {
  request: PdfRequest;
  /** The pack itself, for a render that names its dry run instead of sending the pack. */
  pack: SponsorPack;
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

/** How long an unused worker (and the fonts it holds) is kept after the last export dialog closed. */
const IDLE_MS = 5 * 60_000;
let shared: { worker: Worker; users: number; idle: ReturnType<typeof setTimeout> | null } | null = null;
/** Request ids, unique across the dialogs that share the worker. */
let seq = 0;

function acquireWorker(): Worker {
  if (shared) {
    if (shared.idle) clearTimeout(shared.idle);
    shared.idle = null;
    shared.users++;
    return shared.worker;
  }
  const worker = new Worker(new URL('./pdf-worker.ts', import.meta.url), { type: 'module' });
  shared = { worker, users: 1, idle: null };
  return worker;
}

/** A client is done with the worker: `stop` ends it at once (a PDF was still being made for it). */
function releaseWorker(worker: Worker, stop: boolean) {
  if (!shared || shared.worker !== worker) {
    if (stop) worker.terminate();
    return;
  }
  shared.users--;
  if (stop) {
    worker.terminate();
    shared = null;
    return;
  }
  if (shared.users === 0) {
    const mine = shared;
    mine.idle = setTimeout(() => {
      if (shared === mine && mine.users === 0) {
        mine.worker.terminate();
        shared = null;
      }
    }, IDLE_MS);
  }
}

/** A worker that failed to load is not handed to the next dialog. */
function discardWorker(worker: Worker) {
  worker.terminate();
  if (shared?.worker === worker) shared = null;
}

export function createPdfClient(opts: { useWorker?: boolean } = {}): PdfClient {
  let worker: Worker | null = null;
  let workerFailed = opts.useWorker === false || typeof Worker === 'undefined';
  let disposed = false;
  const pending = new Map<number, Pending>();
  let local: Promise<PdfEngine> | null = null;
  /** The pack of the latest page count sent to the worker, and that request's id. */
  let lastCount: { id: number; pack: SponsorPack } | null = null;

  const mainThreadEngine = (): Promise<PdfEngine> => {
    local ??= Promise.all([import('./engine'), import('./font-assets')]).then(([e, f]) => new e.PdfEngine(f.bundledFontSource));
    return local;
  };

  const runLocally = (p: Pending) => {
    void (async () => {
      try {
        const engine = await mainThreadEngine();
        if (p.request.type === 'count') p.resolve(await engine.check(p.pack));
        else {
          const r = await engine.render(p.pack, { onProgress: p.onProgress, pause: slicer() });
          p.resolve({ bytes: r.bytes, pages: r.pages });
        }
      } catch (err) {
        p.reject(err instanceof Error ? err : new Error(String(err)));
      } finally {
        pending.delete(p.request.id);
      }
    })();
  };

  const onMessage = (event: MessageEvent<PdfResponse>) => {
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
      case 'resend':
        // The worker no longer has that dry run: send the pack after all.
        p.request = { id: msg.id, type: 'render', pack: p.pack, counted: null };
        worker?.postMessage(p.request);
        return;
      case 'error':
        pending.delete(msg.id);
        p.reject(new Error(msg.message));
        return;
    }
  };

  const onError = (event: ErrorEvent) => {
    event.preventDefault();
    fallBack();
  };

  const detach = (w: Worker) => {
    w.removeEventListener('message', onMessage);
    w.removeEventListener('error', onError);
  };

  const fallBack = () => {
    workerFailed = true;
    if (worker) {
      detach(worker);
      discardWorker(worker);
    }
    worker = null;
    // Requests the worker never answered run here instead.
    for (const p of pending.values()) if (!p.answered) runLocally(p);
  };

  const startWorker = (): Worker | null => {
    if (workerFailed) return null;
    if (worker) return worker;
    try {
      worker = acquireWorker();
    } catch {
      workerFailed = true;
      return null;
    }
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
    return worker;
  };

  const send = <T extends PackCheck | PdfResult>(type: 'count' | 'render', pack: SponsorPack, onProgress?: (p: ExportProgress) => void): Promise<T> => {
    if (disposed) return Promise.reject(new Error('The export was closed.'));
    return new Promise<T>((resolve, reject) => {
      const id = ++seq;
      const w = startWorker();
      // The UI thread copies a pack of a few MB into the worker once: an export of the pack
      // just counted names that count instead of sending it again.
      const request: PdfRequest =
        type === 'count' ? { id, type, pack } : w && lastCount?.pack === pack ? { id, type, pack: null, counted: lastCount.id } : { id, type, pack, counted: null };
      const p: Pending = { request, pack, resolve: resolve as (v: PackCheck | PdfResult) => void, reject, onProgress, answered: false };
      pending.set(id, p);
      if (w) {
        if (type === 'count') lastCount = { id, pack };
        w.postMessage(request);
      } else runLocally(p);
    });
  };

  return {
    mode: () => (workerFailed ? 'main-thread' : 'worker'),
    warm: () => {
      if (disposed) return;
      startWorker()?.postMessage({ id: ++seq, type: 'warm' } satisfies PdfRequest);
    },
    countPages: (pack) => send<PackCheck>('count', pack),
    render: (pack, onProgress) => send<PdfResult>('render', pack, onProgress),
    dispose: () => {
      disposed = true;
      if (worker) {
        detach(worker);
        // A PDF still being made is stopped with its worker; a finished or idle worker is kept.
        releaseWorker(worker, [...pending.values()].some((p) => p.request.type === 'render'));
      }
      worker = null;
      for (const p of pending.values()) p.reject(new Error('The export was closed.'));
      pending.clear();
    },
  };
}
