import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// stat can be made to fail with a given error code, for the errors a root test run cannot cause.
const statFailure = vi.hoisted(() => ({ code: null as string | null }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const stat = ((...args: Parameters<typeof actual.stat>) => {
    if (statFailure.code) return Promise.reject(Object.assign(new Error(`${statFailure.code}: refused`), { code: statFailure.code }));
    return actual.stat(...args);
  }) as typeof actual.stat;
  return { ...actual, stat, default: { ...actual, stat } };
});

import { createOpenedFilesQueue, filePathsFromArgv, isOpenableFile, MAX_WAITING_FILES, readOpenedFile } from '../../../electron/main/opened-files';

describe('filePathsFromArgv', () => {
  it('finds a double-clicked workshop file after the executable (Windows and Linux)', () => {
    expect(filePathsFromArgv(['/opt/Liftoff/liftoff', '/home/zoe/Client day.liftoff.json'], '/')).toEqual(['/home/zoe/Client day.liftoff.json']);
  });

  it('skips the executable, switches and the app folder passed in development', () => {
    const argv = ['/usr/lib/electron/electron', '.', '--no-sandbox', '--inspect=9229', '-psn_0_123', '/w/a.liftoff.json'];
    expect(filePathsFromArgv(argv, '/')).toEqual(['/w/a.liftoff.json']);
    // argv[0] is never a file to open, whatever its name.
    expect(filePathsFromArgv(['/w/odd.json'], '/')).toEqual([]);
  });

  it('skips switches that carry a workshop path as their value', () => {
    expect(filePathsFromArgv(['liftoff', '--user-data-dir=/tmp/x.liftoff.json', '--file', '-x.json'], '/')).toEqual([]);
  });

  it('keeps only .json files, in any letter case', () => {
    const argv = ['liftoff', '/w/notes.txt', '/w/report.pdf', '/w/A.LIFTOFF.JSON', '/w/export.json', '/w/x.json.exe'];
    expect(filePathsFromArgv(argv, '/')).toEqual(['/w/A.LIFTOFF.JSON', '/w/export.json']);
  });

  it("resolves a relative path against the launch's working directory", () => {
    expect(filePathsFromArgv(['liftoff', 'today.liftoff.json', '../old/w.liftoff.json'], '/home/zoe/work')).toEqual([
      '/home/zoe/work/today.liftoff.json',
      '/home/zoe/old/w.liftoff.json',
    ]);
  });

  it('turns file:// URLs (Linux desktops, %U) into paths and ignores other URLs', () => {
    const url = pathToFileURL('/home/zoe/Zoë day.liftoff.json').href;
    expect(url).toContain('%20');
    expect(filePathsFromArgv(['liftoff', url, 'https://example.com/w.liftoff.json', 'file://remote-host/w.json'], '/')).toEqual([
      '/home/zoe/Zoë day.liftoff.json',
    ]);
  });

  it('lists each file once', () => {
    expect(filePathsFromArgv(['liftoff', '/w/a.json', 'a.json', '/w/a.json'], '/w')).toEqual(['/w/a.json']);
  });

  it('finds nothing in an empty or flag-only command line', () => {
    expect(filePathsFromArgv([], '/')).toEqual([]);
    expect(filePathsFromArgv(['liftoff', '', '--', '--allow-file-access-from-files'], '/')).toEqual([]);
  });
});

describe('isOpenableFile', () => {
  it('accepts .json names and nothing else', () => {
    expect(isOpenableFile('/a/b.liftoff.json')).toBe(true);
    expect(isOpenableFile('/a/b.JSON')).toBe(true);
    expect(isOpenableFile('/a/b.json/')).toBe(false);
    expect(isOpenableFile('/a/json')).toBe(false);
    expect(isOpenableFile('/a/b.csv')).toBe(false);
  });
});

describe('the queue of waiting files', () => {
  it('hands files out oldest first, each once', () => {
    const queue = createOpenedFilesQueue();
    expect(queue.add(['/a.json', '/b.json'])).toBe(2);
    expect(queue.add(['/c.json'])).toBe(1);
    expect([queue.next(), queue.next(), queue.next(), queue.next()]).toEqual(['/a.json', '/b.json', '/c.json', null]);
  });

  it('does not queue a file that is already waiting (a double double-click)', () => {
    const queue = createOpenedFilesQueue();
    queue.add(['/a.json']);
    expect(queue.add(['/a.json'])).toBe(0);
    expect(queue.size()).toBe(1);
    queue.next();
    // Taken files may come again: the person opened it a second time.
    expect(queue.add(['/a.json'])).toBe(1);
  });

  it(`keeps at most ${MAX_WAITING_FILES} files waiting`, () => {
    const queue = createOpenedFilesQueue();
    const many = Array.from({ length: 100 }, (_, i) => `/f${i}.json`);
    expect(queue.add(many)).toBe(MAX_WAITING_FILES);
    expect(queue.size()).toBe(MAX_WAITING_FILES);
    expect(queue.next()).toBe('/f0.json');
  });
});

describe('readOpenedFile', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'liftoff-opened-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads the file as UTF-8 text and returns only its name', async () => {
    const file = path.join(dir, 'Zoë day.liftoff.json');
    await writeFile(file, Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('{"é":1}')]));
    await expect(readOpenedFile(file, 1024)).resolves.toEqual({ status: 'opened', name: 'Zoë day.liftoff.json', data: '{"é":1}' });
  });

  it('reports a file over the limit as too large, with the same fields as File → Open', async () => {
    const file = path.join(dir, 'big.liftoff.json');
    await writeFile(file, 'x'.repeat(2048));
    await expect(readOpenedFile(file, 1024)).resolves.toEqual({ status: 'too-large', name: 'big.liftoff.json', size: 2048, limit: 1024 });
  });

  it('says in words when the file is gone, is a folder, or cannot be read, without its folder', async () => {
    const missing = await readOpenedFile(path.join(dir, 'gone.liftoff.json'), 1024);
    expect(missing).toEqual({ status: 'unreadable', name: 'gone.liftoff.json', reason: expect.stringMatching(/not found/) });

    const folder = path.join(dir, 'folder.json');
    await mkdir(folder);
    expect(await readOpenedFile(folder, 1024)).toEqual({ status: 'unreadable', name: 'folder.json', reason: 'This is not a regular file.' });

    expect(JSON.stringify(missing)).not.toContain(dir);
  });

  it.each([
    ['EACCES', 'Liftoff is not allowed to read this file.'],
    ['EPERM', 'Liftoff is not allowed to read this file.'],
    ['EIO', 'The file could not be read.'],
  ])('says so in words when reading fails with %s', async (code, reason) => {
    const file = path.join(dir, 'w.liftoff.json');
    await writeFile(file, '{}');
    statFailure.code = code;
    try {
      expect(await readOpenedFile(file, 1024)).toEqual({ status: 'unreadable', name: 'w.liftoff.json', reason });
    } finally {
      statFailure.code = null;
    }
  });
});
