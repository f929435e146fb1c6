// fflate, minus its Web Workers. fflate's asynchronous zip() and unzip() hand large entries to
// workers it creates from blob: URLs, which the app's Content-Security-Policy refuses (workers
// must come from 'self'): an .xlsx over ~160 kB would then fail with a CSP violation. The two
// spreadsheet libraries call only zip()/unzip(), so vite.config.ts points their `fflate` import
// here, where both run synchronously behind the same callback API. Reading a workbook already
// runs in our own worker (features' spreadsheet worker), so the UI thread never waits on it.
import { unzipSync, zipSync, type AsyncTerminable, type AsyncZippable, type FlateError, type UnzipFileFilter, type Unzipped, type Zippable, type ZipOptions } from 'fflate/browser';

export * from 'fflate/browser';

type Callback<T> = (error: FlateError | null, data: T) => void;

export function zip(data: AsyncZippable, optsOrCallback: ZipOptions | Callback<Uint8Array>, maybeCallback?: Callback<Uint8Array>): AsyncTerminable {
  const callback = typeof optsOrCallback === 'function' ? optsOrCallback : maybeCallback;
  const opts = typeof optsOrCallback === 'function' ? {} : optsOrCallback;
  let canceled = false;
  queueMicrotask(() => {
    if (canceled || !callback) return;
    let out: Uint8Array;
    try {
      out = zipSync(data as Zippable, opts);
    } catch (error) {
      callback(error as FlateError, new Uint8Array(0));
      return;
    }
    callback(null, out);
  });
  return () => {
    canceled = true;
  };
}

export function unzip(data: Uint8Array, optsOrCallback: { filter?: UnzipFileFilter } | Callback<Unzipped>, maybeCallback?: Callback<Unzipped>): AsyncTerminable {
  const callback = typeof optsOrCallback === 'function' ? optsOrCallback : maybeCallback;
  const opts = typeof optsOrCallback === 'function' ? {} : optsOrCallback;
  let canceled = false;
  queueMicrotask(() => {
    if (canceled || !callback) return;
    let out: Unzipped;
    try {
      out = unzipSync(data, opts);
    } catch (error) {
      callback(error as FlateError, {});
      return;
    }
    callback(null, out);
  });
  return () => {
    canceled = true;
  };
}
