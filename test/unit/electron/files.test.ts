import type { IpcMainInvokeEvent } from 'electron';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  dialog: { showSaveDialog: vi.fn(), showOpenDialog: vi.fn() },
  BrowserWindow: { fromWebContents: vi.fn(() => null) },
  app: { getPath: vi.fn(() => '/home/someone/Documents') },
}));
vi.mock('electron', () => electron);

// Wraps the real readFile so a test can prove it was never called.
const readFileSpy = vi.hoisted(() => ({ calls: 0 }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const readFileCounted = ((...args: Parameters<typeof actual.readFile>) => {
    readFileSpy.calls++;
    return actual.readFile(...args);
  }) as typeof actual.readFile;
  return { ...actual, readFile: readFileCounted, default: { ...actual, readFile: readFileCounted } };
});

const { openFile, openFileBytes, resetLastDirectory, saveFile } = await import('../../../electron/main/ipc/files');

const event = { sender: {} } as unknown as IpcMainInvokeEvent;
const filters = [{ name: 'Liftoff workshop', extensions: ['json'] }];
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'liftoff-files-'));
  resetLastDirectory();
  readFileSpy.calls = 0;
  vi.clearAllMocks();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('saveFile', () => {
  it('returns canceled and writes nothing when the person cancels the dialog', async () => {
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    await expect(saveFile({ suggestedName: 'w.json', data: '{}', filters }, event)).resolves.toEqual({ status: 'canceled' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('proposes the suggested name in the documents folder with the given filters', async () => {
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    await saveFile({ suggestedName: 'w.json', data: '{}', filters }, event);
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({ defaultPath: path.join('/home/someone/Documents', 'w.json'), filters }),
    );
  });

  it('writes the text to the chosen path and leaves no temporary file behind', async () => {
    const target = path.join(dir, 'workshop.json');
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    await expect(saveFile({ suggestedName: 'w.json', data: '{"a":"é"}', filters }, event)).resolves.toEqual({ status: 'saved', path: target });
    expect(await readFile(target, 'utf8')).toBe('{"a":"é"}');
    expect(await readdir(dir)).toEqual(['workshop.json']);
  });

  it('writes bytes unchanged and replaces an existing file', async () => {
    const target = path.join(dir, 'report.pdf');
    await writeFile(target, 'old content that is longer');
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    await saveFile({ suggestedName: 'report.pdf', data: new Uint8Array([37, 80, 68, 70]), filters: [] }, event);
    expect([...(await readFile(target))]).toEqual([37, 80, 68, 70]);
  });

  it('starts the next dialog in the folder of the last save', async () => {
    const target = path.join(dir, 'workshop.json');
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    await saveFile({ suggestedName: 'w.json', data: '{}', filters }, event);
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    await openFile({ filters, maxBytes: 10 }, event);
    expect(electron.dialog.showOpenDialog).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: dir }));
  });
});

describe('openFile', () => {
  it('returns canceled when the person cancels the dialog', async () => {
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    await expect(openFile({ filters, maxBytes: 1000 }, event)).resolves.toEqual({ status: 'canceled' });
  });

  it('reports a file over the limit as too-large without ever reading it', async () => {
    const source = path.join(dir, 'big.csv');
    await writeFile(source, 'x'.repeat(2048));
    readFileSpy.calls = 0;
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [source] });
    await expect(openFile({ filters, maxBytes: 1024 }, event)).resolves.toEqual({ status: 'too-large', name: 'big.csv', size: 2048, limit: 1024 });
    expect(readFileSpy.calls).toBe(0);
  });

  it('reads the chosen file as UTF-8 text and returns its name only', async () => {
    const source = path.join(dir, 'cases.csv');
    await writeFile(source, 'name,score\nTriage bot,4\nRésumé screener,3\n');
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [source] });
    await expect(openFile({ filters, maxBytes: 1024 }, event)).resolves.toEqual({
      status: 'opened',
      name: 'cases.csv',
      data: 'name,score\nTriage bot,4\nRésumé screener,3\n',
    });
    // Proves the readFile counter used by the too-large test does see reads.
    expect(readFileSpy.calls).toBe(1);
  });

  it('drops the byte-order mark Excel puts at the start of a CSV', async () => {
    const source = path.join(dir, 'excel.csv');
    await writeFile(source, Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('a,b\n')]));
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [source] });
    await expect(openFile({ filters, maxBytes: 1024 }, event)).resolves.toMatchObject({ status: 'opened', data: 'a,b\n' });
  });

  it('refuses to read a folder', async () => {
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [dir] });
    await expect(openFile({ filters, maxBytes: 1024 }, event)).rejects.toThrow(/not a regular file/);
  });
});

describe('openFileBytes', () => {
  it('returns canceled when the person cancels the dialog', async () => {
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    await expect(openFileBytes({ filters, maxBytes: 1000 }, event)).resolves.toEqual({ status: 'canceled' });
  });

  it('hands over a Windows-1252 or UTF-16 file byte for byte, byte-order mark included', async () => {
    const source = path.join(dir, 'Anwendungsfälle.csv');
    // "Gemüse;€" in Windows-1252, then the same in UTF-16 LE with its BOM.
    const cp1252 = [0x47, 0x65, 0x6d, 0xfc, 0x73, 0x65, 0x3b, 0x80];
    await writeFile(source, Buffer.from(cp1252));
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [source] });
    const read = await openFileBytes({ filters, maxBytes: 1024 }, event);
    expect(read).toMatchObject({ status: 'opened', name: 'Anwendungsfälle.csv' });
    expect(read.status === 'opened' ? [...read.bytes] : null).toEqual(cp1252);

    const utf16 = [0xff, 0xfe, ...[...Buffer.from('Gemüse;€', 'utf16le')]];
    await writeFile(source, Buffer.from(utf16));
    const again = await openFileBytes({ filters, maxBytes: 1024 }, event);
    expect(again.status === 'opened' ? [...again.bytes] : null).toEqual(utf16);
  });

  it('reports a file over the limit as too-large without ever reading it', async () => {
    const source = path.join(dir, 'big.xlsx');
    await writeFile(source, Buffer.alloc(4096));
    readFileSpy.calls = 0;
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [source] });
    await expect(openFileBytes({ filters, maxBytes: 1024 }, event)).resolves.toEqual({ status: 'too-large', name: 'big.xlsx', size: 4096, limit: 1024 });
    expect(readFileSpy.calls).toBe(0);
  });

  it('refuses to read a folder', async () => {
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [dir] });
    await expect(openFileBytes({ filters, maxBytes: 1024 }, event)).rejects.toThrow(/not a regular file/);
  });
});
