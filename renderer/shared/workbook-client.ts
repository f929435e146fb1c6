// How the import dialogs read a workbook: in a Web Worker loaded from the app itself (the CSP
// allows workers from 'self' only), one worker per file, ended when it answers or when it takes
// longer than any real workbook would.
import type { WorkbookResult } from './workbook-read';
import { msg } from '../domain/message';

/** A real use-case list reads in well under a second; this is for a file built to hang. */
export const WORKBOOK_READ_TIMEOUT_MS = 20_000;

export function readWorkbook(bytes: Uint8Array): Promise<WorkbookResult> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./workbook-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return Promise.resolve({ ok: false, message: 'The workbook reader could not start. Save the sheet as CSV and import that file.', text: msg('import.read.readerNotStarted') });
  }
  return new Promise<WorkbookResult>((resolve) => {
    const finish = (result: WorkbookResult) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(
      () =>
        finish({
          ok: false,
          message: `Reading the workbook took longer than ${WORKBOOK_READ_TIMEOUT_MS / 1000} seconds and was stopped. Save the sheet as CSV and import that file.`,
          text: msg('import.read.timeout', { seconds: WORKBOOK_READ_TIMEOUT_MS / 1000 }),
        }),
      WORKBOOK_READ_TIMEOUT_MS,
    );
    worker.addEventListener('message', (event: MessageEvent<WorkbookResult>) => finish(event.data));
    worker.addEventListener('error', () => finish({ ok: false, message: 'The workbook reader stopped unexpectedly. Save the sheet as CSV and import that file.', text: msg('import.read.readerStopped') }));
    // A copy is handed over (transferred), so the caller's bytes stay usable.
    const copy = bytes.slice().buffer;
    worker.postMessage(copy, [copy]);
  });
}
