import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { userDataFolderFor } from '../../../electron/main/data-folder';

const appData = path.resolve('/home/ana/.config');
const base = { appData, appName: 'Liftoff' };

describe('the data folder', () => {
  it('is Electron\'s default (appData/Liftoff) for the installed app', () => {
    expect(userDataFolderFor({ ...base, isPackaged: true, argv: ['/opt/Liftoff/liftoff'] })).toBeNull();
  });

  it('is a separate folder for a development run, so npm start never touches an installed Liftoff\'s workshops or lock', () => {
    const folder = userDataFolderFor({ ...base, isPackaged: false, argv: ['/repo/node_modules/electron/dist/electron', '.'] });
    expect(folder).toBe(path.join(appData, 'Liftoff (development)'));
    expect(folder).not.toBe(path.join(appData, 'Liftoff'));
  });

  it('is the --user-data-dir of the command line when one is given, packaged or not', () => {
    const tmp = path.resolve('/tmp/liftoff-smoke-1');
    for (const isPackaged of [true, false]) {
      expect(userDataFolderFor({ ...base, isPackaged, argv: ['electron', '.', `--user-data-dir=${tmp}`] })).toBe(tmp);
    }
  });

  it('takes the last --user-data-dir, as Chromium does, and ignores an empty one', () => {
    const a = path.resolve('/tmp/a');
    const b = path.resolve('/tmp/b');
    expect(userDataFolderFor({ ...base, isPackaged: true, argv: ['x', `--user-data-dir=${a}`, `--user-data-dir=${b}`] })).toBe(b);
    expect(userDataFolderFor({ ...base, isPackaged: true, argv: ['x', '--user-data-dir='] })).toBeNull();
  });

  it('does not mistake a workshop file or another switch for the data folder', () => {
    expect(userDataFolderFor({ ...base, isPackaged: true, argv: ['x', '/home/ana/--user-data-dir=x.liftoff.json', '--user-data-directory=/tmp'] })).toBeNull();
  });
});
