// The judgements of `npm run check:package` (scripts/package-checks.mjs), held to the packaging
// promises of electron-builder.json5 without an Electron binary. The script itself needs the
// network (electron-builder downloads Electron), so it is run by hand, as the README says.
import { describe, expect, it } from 'vitest';
import { asarProblems, fuseOptionName, fuseProblems, indexedDbProblem, unpackedLayouts, type FuseStateName } from '../../../scripts/package-checks.mjs';
import { loadBuilderConfig } from './builder-config';

/** What @electron/fuses reads from a binary packaged as configured. */
async function asConfigured(): Promise<Record<string, FuseStateName>> {
  const fuses = (await loadBuilderConfig()).electronFuses ?? {};
  return Object.fromEntries(Object.entries(fuses).map(([key, on]) => [fuseOptionName(key), on ? 'enabled' : 'disabled']));
}

const GOOD_ASAR = [
  '/out',
  '/out/main',
  '/out/main/main.js',
  '/out/preload',
  '/out/preload/preload.cjs',
  '/out/renderer',
  '/out/renderer/index.html',
  '/out/renderer/assets',
  '/out/renderer/assets/index-Bx1Yz2.js',
  '/out/renderer/assets/pdf-worker-C3d4.js',
  '/out/renderer/assets/NotoSansJP-Regular-a1b2.ttf',
  '/out/phone',
  '/out/phone/index.html',
  '/package.json',
];

describe('the fuse check', () => {
  it('names the fuses as @electron/fuses does', () => {
    expect(fuseOptionName('runAsNode')).toBe('RunAsNode');
    expect(fuseOptionName('enableEmbeddedAsarIntegrityValidation')).toBe('EnableEmbeddedAsarIntegrityValidation');
  });

  it('passes a binary whose fuses are as electron-builder.json5 sets them', async () => {
    const config = (await loadBuilderConfig()).electronFuses as Record<string, boolean>;
    expect(Object.keys(config).length).toBeGreaterThanOrEqual(8);
    expect(fuseProblems(config, await asConfigured())).toEqual([]);
  });

  it('fails a binary where ELECTRON_RUN_AS_NODE still works or the ASAR integrity check is off', async () => {
    const config = (await loadBuilderConfig()).electronFuses as Record<string, boolean>;
    const actual = { ...(await asConfigured()), RunAsNode: 'enabled' as const, EnableEmbeddedAsarIntegrityValidation: 'disabled' as const };
    expect(fuseProblems(config, actual)).toEqual([
      'The fuse RunAsNode is enabled, but electron-builder.json5 sets it disabled.',
      'The fuse EnableEmbeddedAsarIntegrityValidation is disabled, but electron-builder.json5 sets it enabled.',
    ]);
  });

  it('fails a binary too old to have a configured fuse', () => {
    const actual: Record<string, FuseStateName> = { RunAsNode: 'disabled' };
    expect(fuseProblems({ runAsNode: false, grantFileProtocolExtraPrivileges: false }, actual)).toEqual([
      "The fuse GrantFileProtocolExtraPrivileges is not in the binary's fuse wire (configured disabled).",
    ]);
  });
});

describe('the app.asar check', () => {
  it('passes the main, the preload, the renderer and package.json', () => {
    expect(asarProblems(GOOD_ASAR)).toEqual([]);
  });

  it('fails when the preload, the renderer or the phone page is missing', () => {
    const problems = asarProblems(GOOD_ASAR.filter((entry) => !entry.includes('preload') && !entry.endsWith('index.html')));
    expect(problems).toEqual(['app.asar has no /out/preload/preload.cjs.', 'app.asar has no /out/renderer/index.html.', 'app.asar has no /out/phone/index.html.']);
  });

  it('fails on source maps, which would ship the sources', () => {
    expect(asarProblems([...GOOD_ASAR, '/out/main/main.js.map'])).toEqual(['app.asar holds source maps: /out/main/main.js.map.']);
  });

  it('fails on sources or node_modules next to the bundles', () => {
    const problems = asarProblems([...GOOD_ASAR, '/electron/main/main.ts', '/node_modules/zod/index.js']);
    expect(problems).toEqual(['app.asar holds files outside out/: /electron/main/main.ts, /node_modules/zod/index.js.']);
  });

  it('reads Windows-style listings too', () => {
    expect(asarProblems(GOOD_ASAR.map((entry) => entry.replace(/\//g, '\\')))).toEqual([]);
  });
});

describe('the launch check', () => {
  it('wants the page\'s IndexedDB database for app://liftoff in the throwaway profile', () => {
    expect(indexedDbProblem(['app_liftoff_0.indexeddb.leveldb', 'app_liftoff_0.indexeddb.blob'])).toBeNull();
    expect(indexedDbProblem(null)).toMatch(/no IndexedDB folder/);
    expect(indexedDbProblem(['file__0.indexeddb.leveldb'])).toMatch(/no database for app:\/\/liftoff/);
  });

  it('looks for the unpacked app where electron-builder --dir puts it', () => {
    expect(unpackedLayouts('linux', 'release/check', 'Liftoff', 'liftoff')[0]).toEqual({
      binary: 'release/check/linux-unpacked/liftoff',
      asar: 'release/check/linux-unpacked/resources/app.asar',
    });
    expect(unpackedLayouts('darwin', 'release/check', 'Liftoff', 'liftoff')[0]?.binary).toBe('release/check/mac/Liftoff.app/Contents/MacOS/Liftoff');
    expect(unpackedLayouts('win32', 'release/check', 'Liftoff', 'liftoff')[0]?.asar).toBe('release/check/win-unpacked/resources/app.asar');
  });
});
