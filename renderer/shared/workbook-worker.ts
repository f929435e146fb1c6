// The spreadsheet worker: unpacks and parses a workbook off the UI thread, so a large or hostile
// file can never freeze the window, and a runaway one is simply terminated (workbook-client.ts).
import { readWorkbookBytes, type WorkbookResult } from './workbook-read';
import { msg } from '../domain/message';

type WorkerScope = {
  postMessage(message: WorkbookResult): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ArrayBuffer>) => void): void;
};

const scope = globalThis as unknown as WorkerScope;

scope.addEventListener('message', (event) => {
  void readWorkbookBytes(new Uint8Array(event.data)).then(
    (result) => scope.postMessage(result),
    (error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      scope.postMessage({ ok: false, message: `The workbook could not be read (${reason}).`, text: msg('import.read.workerFailed', { reason }) });
    },
  );
});
