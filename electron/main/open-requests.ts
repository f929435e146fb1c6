// The electron side of opening files from the system (the logic is in opened-files.ts): paths
// wait in one queue; every window is told a file is waiting; the page takes them one at a time
// on 'file:take-opened' when it is ready, and imports each exactly like File → Open.
import { app, BrowserWindow, type Event } from 'electron';
import { OPENED_FILE_WAITING_CHANNEL, type OpenedFile, type TakeOpenedFileArgs } from '../shared/ipc-contract';
import { createOpenedFilesQueue, filePathsFromArgv, isOpenableFile, readOpenedFile } from './opened-files';

const waiting = createOpenedFilesQueue();

function tellWindows(): void {
  for (const win of BrowserWindow.getAllWindows()) {
    // A page that is still loading misses this; it asks for waiting files as soon as it listens.
    if (!win.isDestroyed() && !win.webContents.isDestroyed()) win.webContents.send(OPENED_FILE_WAITING_CHANNEL);
  }
}

/** Queues the workshop files in a command line (ours at start, or a second launch's). */
export function queueFilesFromArgv(argv: readonly string[], cwd: string): void {
  if (waiting.add(filePathsFromArgv(argv, cwd)) > 0) tellWindows();
}

/**
 * macOS hands files over with open-file, at launch even before "ready": call this while main.ts
 * is first evaluated. `onFile` runs after each accepted file (main shows or creates the window).
 */
export function installOpenFileHandler(onFile: () => void): void {
  app.on('open-file', (event: Event, filePath: string) => {
    // Tells macOS the file was handled (otherwise it may report that Liftoff cannot open it).
    event.preventDefault();
    if (!isOpenableFile(filePath)) return;
    if (waiting.add([filePath]) > 0) tellWindows();
    onFile();
  });
}

/** The handler of 'file:take-opened': the oldest waiting file, read with the page's size limit. */
export async function takeOpenedFile(args: TakeOpenedFileArgs): Promise<OpenedFile | null> {
  const filePath = waiting.next();
  return filePath === null ? null : readOpenedFile(filePath, args.maxBytes);
}
