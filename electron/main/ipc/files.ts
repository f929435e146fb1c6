// Saving and opening workshop files through the native dialogs. The renderer never names a
// path: it proposes a file name, the person picks the place, and main does the file I/O.
import { app, BrowserWindow, dialog, type IpcMainInvokeEvent, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import path from 'node:path';
import type { OpenFileArgs, OpenFileBytesResult, OpenFileResult, SaveFileArgs, SaveFileResult } from '../../shared/ipc-contract';
import { writeFileAtomic } from '../atomic-write';
import { readFileBytesCapped, readTextFileCapped } from '../text-file';

// The folder of the last save or open, so the next dialog starts where the person works.
let lastDirectory: string | undefined;

function defaultDirectory(): string | undefined {
  if (lastDirectory) return lastDirectory;
  try {
    return app.getPath('documents');
  } catch {
    // Some Linux desktops have no documents folder; the dialog then picks its own default.
    return undefined;
  }
}

function ownerWindow(event: IpcMainInvokeEvent): BrowserWindow | null {
  return BrowserWindow.fromWebContents(event.sender);
}

export async function saveFile(args: SaveFileArgs, event: IpcMainInvokeEvent): Promise<SaveFileResult> {
  const directory = defaultDirectory();
  const options: SaveDialogOptions = {
    defaultPath: directory ? path.join(directory, args.suggestedName) : args.suggestedName,
    filters: args.filters,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const owner = ownerWindow(event);
  const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
  if (result.canceled || !result.filePath) return { status: 'canceled' };
  await writeFileAtomic(result.filePath, args.data);
  lastDirectory = path.dirname(result.filePath);
  return { status: 'saved', path: result.filePath };
}

/** The path the person picked in the Open dialog, or null when they canceled. */
async function chooseFileToOpen(args: OpenFileArgs, event: IpcMainInvokeEvent): Promise<string | null> {
  const directory = defaultDirectory();
  const options: OpenDialogOptions = {
    properties: ['openFile'],
    filters: args.filters,
    ...(directory ? { defaultPath: directory } : {}),
  };
  const owner = ownerWindow(event);
  const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
  const filePath = result.filePaths[0];
  if (result.canceled || !filePath) return null;
  lastDirectory = path.dirname(filePath);
  return filePath;
}

export async function openFile(args: OpenFileArgs, event: IpcMainInvokeEvent): Promise<OpenFileResult> {
  const filePath = await chooseFileToOpen(args, event);
  return filePath === null ? { status: 'canceled' } : readTextFileCapped(filePath, args.maxBytes);
}

/** Spreadsheets and CSVs: the bytes as they are on disk, decoded by the renderer. */
export async function openFileBytes(args: OpenFileArgs, event: IpcMainInvokeEvent): Promise<OpenFileBytesResult> {
  const filePath = await chooseFileToOpen(args, event);
  return filePath === null ? { status: 'canceled' } : readFileBytesCapped(filePath, args.maxBytes);
}

/** For tests: forget the remembered folder. */
export function resetLastDirectory(): void {
  lastDirectory = undefined;
}
