// The electron-builder configuration (electron-builder.json5), checked offline: electron-builder's
// own loader and schema validator, the fuses, the targets, the file associations, and which files
// end up in the app.
import type { Configuration, TargetConfiguration } from 'app-builder-lib';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger, walk } from 'builder-util';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_SCHEME } from '../../../electron/main/trusted-origin';
import { WORKSHOP_FILE_EXTENSION } from '../../../renderer/domain/workshop-file';
import { extensionsOf, fileAssociationsFor, fromRoot, loadBuilderConfig, readPackageJson, ROOT, type Platform } from './builder-config';

let config: Configuration;
beforeAll(async () => {
  config = await loadBuilderConfig();
});

const validate = (candidate: Configuration) => validateConfiguration(candidate, new DebugLogger(false));

/** A deep copy to break on purpose, so the real configuration is never touched. */
function copy(): Record<string, unknown> {
  return structuredClone(config) as unknown as Record<string, unknown>;
}

function targetNames(target: unknown): string[] {
  const list = (Array.isArray(target) ? target : [target]) as (string | TargetConfiguration)[];
  return list.map((t) => (typeof t === 'string' ? t : t.target));
}

describe('the configuration as electron-builder loads it', () => {
  it('is electron-builder.json5, found because package.json has no "build" key', async () => {
    // A "build" key would win and this file would be silently ignored.
    expect(readPackageJson().build).toBeUndefined();
    expect(config.appId).toBe('app.liftoff.desktop');
    expect(config.productName).toBe('Liftoff');
    expect(config.directories).toMatchObject({ buildResources: 'build', output: 'release' });
    expect(config.asar).toBe(true);
  });

  it("passes electron-builder's own schema validator", async () => {
    await expect(validate(config)).resolves.toBeUndefined();
  });

  // Proves the validator above is live: the same call refuses these broken copies.
  it.each([
    ['a misspelt fuse', (c: Record<string, unknown>) => ((c.electronFuses as Record<string, unknown>).runAsNod = false), /electronFuses/],
    ['an option that does not exist', (c: Record<string, unknown>) => (c.nsis = { ...(c.nsis as object), perUser: true }), /nsis/],
    ['a value of the wrong kind', (c: Record<string, unknown>) => (c.mac = { ...(c.mac as object), hardenedRuntime: 'sometimes' }), /mac/],
    ['an unknown top-level key', (c: Record<string, unknown>) => (c.fileAssociation = { ext: 'json' }), /fileAssociation/],
  ])('rejects a copy with %s', async (_name, breakIt, where) => {
    const broken = copy();
    breakIt(broken);
    await expect(validate(broken as unknown as Configuration)).rejects.toThrow(where);
  });
});

describe('the Electron fuses', () => {
  it.each([
    ['runAsNode', false],
    ['enableNodeOptionsEnvironmentVariable', false],
    ['enableNodeCliInspectArguments', false],
    ['enableEmbeddedAsarIntegrityValidation', true],
    ['onlyLoadAppFromAsar', true],
    ['enableCookieEncryption', true],
    ['grantFileProtocolExtraPrivileges', false],
  ] as const)('%s is %s', (fuse, value) => {
    expect(config.electronFuses?.[fuse]).toBe(value);
  });

  it('can keep file:// unprivileged because the page comes from app://', async () => {
    expect(APP_SCHEME).toBe('app');
    const window = await readFile(fromRoot('electron/main/window.ts'), 'utf8');
    expect(window).toMatch(/loadURL\(APP_INDEX_URL\)/);
    expect(window).not.toMatch(/loadFile\(|file:\/\//);
  });
});

describe('targets per platform', () => {
  it('builds an AppImage and a .deb on Linux, with what a .deb requires', () => {
    expect(targetNames(config.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBe('Office');
    // dpkg wants "Name <e-mail>"; electron-builder stops without it (or an author e-mail).
    expect(config.linux?.maintainer).toMatch(/^[^<>]+ <[^@\s<>]+@[^@\s<>]+\.[a-z]+>$/);
    // ...and a homepage, taken from the package metadata.
    expect((config.extraMetadata as { homepage?: string } | undefined)?.homepage).toMatch(/^https:\/\//);
    expect(readPackageJson().author).toBeTruthy();
  });

  it('builds an assisted per-user NSIS installer on Windows that keeps the workshops on uninstall', () => {
    expect(targetNames(config.win?.target)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      selectPerMachineByDefault: false,
      allowToChangeInstallationDirectory: true,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      deleteAppDataOnUninstall: false,
    });
  });

  it('builds a dmg on macOS, for Intel and Apple silicon, with the hardened runtime', () => {
    expect(targetNames(config.mac?.target)).toEqual(['dmg']);
    const [dmg] = config.mac?.target as TargetConfiguration[];
    expect(dmg?.arch).toEqual(['x64', 'arm64']);
    expect(config.mac?.category).toBe('public.app-category.business');
    expect(config.mac?.hardenedRuntime).toBe(true);
  });

  it('publishes nothing and registers no URL scheme', () => {
    expect(config.publish).toBeNull();
    expect(config.protocols).toBeUndefined();
    expect(config.mac?.protocols).toBeUndefined();
  });
});

describe('the workshop file association', () => {
  const workshopExt = WORKSHOP_FILE_EXTENSION.slice(1);

  it('is the extension the app writes', () => {
    expect(workshopExt).toBe('liftoff.json');
  });

  it.each(['mac', 'win', 'linux'] as Platform[])('is declared for *.liftoff.json on %s', (platform) => {
    const workshop = fileAssociationsFor(config, platform).filter((a) => extensionsOf(a).includes(workshopExt));
    expect(workshop).toHaveLength(1);
    expect(workshop[0]?.name).toBeTruthy();
  });

  it('on Linux, is a MIME type whose glob is *.liftoff.json, never *.json', () => {
    const linux = fileAssociationsFor(config, 'linux');
    expect(linux.map((a) => a.mimeType)).toEqual(['application/x-liftoff-workshop+json']);
    // electron-builder writes <glob pattern="*.${ext}"/> for the .deb.
    expect(linux.flatMap(extensionsOf)).toEqual(['liftoff.json']);
  });

  it('on macOS, is Editor for workshop files and only an Alternate viewer for other JSON', () => {
    const mac = fileAssociationsFor(config, 'mac');
    const workshop = mac.find((a) => extensionsOf(a).includes(workshopExt));
    expect(workshop).toMatchObject({ name: 'Liftoff workshop', role: 'Editor', rank: 'Owner' });
    const json = mac.find((a) => extensionsOf(a).includes('json'));
    // Never Default or Owner: Liftoff must not become every JSON file's app.
    expect(json).toMatchObject({ rank: 'Alternate', role: 'Viewer' });
  });

  it('on Windows, never claims .json itself, and the installer adds its ProgID to .json Open with', async () => {
    const win = fileAssociationsFor(config, 'win');
    expect(win.flatMap(extensionsOf)).toEqual([workshopExt]);
    // electron-builder uses the name as the ProgID (Software\Classes\<name>).
    const progId = win[0]?.name;
    expect(progId).toBe('Liftoff.Workshop');
    const nsh = await readFile(fromRoot('build/installer.nsh'), 'utf8');
    const macro = (name: string) => nsh.match(new RegExp(`!macro ${name}\\b([\\s\\S]*?)!macroend`))?.[1] ?? '';
    expect(macro('customInstall')).toContain(`WriteRegNone SHELL_CONTEXT "Software\\Classes\\.json\\OpenWithProgids" "${progId}"`);
    expect(macro('customUnInstall')).toContain(`DeleteRegValue SHELL_CONTEXT "Software\\Classes\\.json\\OpenWithProgids" "${progId}"`);
    // Writing the default value of .json would make Liftoff the JSON app.
    expect(nsh).not.toMatch(/WriteRegStr\s+SHELL_CONTEXT\s+"Software\\Classes\\\.json"\s+""/);
  });
});

// electron-builder's own file matcher (the one its copier uses), not a re-implementation.
type FileMatcher = { createFilter: () => Parameters<typeof walk>[1] };
const { getMainFileMatchers } = createRequire(import.meta.url)('app-builder-lib/out/fileMatcher') as {
  getMainFileMatchers: (
    appDir: string,
    destination: string,
    macroExpander: (pattern: string) => string,
    platformSpecificBuildOptions: object,
    platformPackager: object,
    outDir: string,
    isElectronCompile: boolean,
  ) => FileMatcher[];
};

/** The files electron-builder would put into app.asar from a project laid out as `tree`. */
async function packedFiles(tree: string[]): Promise<string[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'liftoff-pack-'));
  try {
    for (const file of tree) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), 'x');
    }
    const packager = {
      info: { projectDir: dir, buildResourcesDir: path.join(dir, 'build'), isPrepackedAppAsar: false, config, debugLogger: new DebugLogger(false) },
    };
    const [matcher] = getMainFileMatchers(dir, '/app', (p) => p, {}, packager, path.join(dir, 'release'), false);
    if (!matcher) throw new Error('no file matcher');
    const files = await walk(dir, matcher.createFilter());
    return files.map((f) => path.relative(dir, f).split(path.sep).join('/')).sort();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('what goes into the app', () => {
  const runtime = ['out/main/main.js', 'out/preload/preload.cjs', 'out/phone/assets/index-def.js', 'out/phone/index.html', 'out/renderer/assets/index-abc.js', 'out/renderer/index.html', 'package.json'];

  it('is the built main, preload, renderer and phone page and package.json, and nothing else', async () => {
    const tree = [
      ...runtime,
      'out/main/main.js.map',
      'out/renderer/assets/index-abc.js.map',
      'electron/main/main.ts',
      'electron/preload/preload.ts',
      'renderer/App.tsx',
      'renderer/domain/workshop-file.ts',
      'test/unit/packaging/config.test.ts',
      'test/fixtures/workshop-files/v2-sample.liftoff.json',
      'node_modules/zod/index.js',
      'node_modules/electron/dist/electron',
      'scripts/make-icons.mjs',
      'build/icon.png',
      'release/linux-unpacked/liftoff',
      'electron-builder.json5',
      'package-lock.json',
      'README.md',
      'tsconfig.json',
      'vite.config.ts',
      'test-results/screenshots/x.png',
      'out/somewhere-else/stray.js',
    ];
    expect(await packedFiles(tree)).toEqual([...runtime].sort());
  });

  it('includes the file package.json names as main', async () => {
    const { main } = readPackageJson();
    expect(main).toBe('out/main/main.js');
    expect(await packedFiles([main, 'package.json'])).toContain(main);
  });

  it('needs nothing from node_modules: package.json has no run-time dependencies', () => {
    // electron-builder copies "dependencies" into the app; everything is bundled instead.
    expect(Object.keys(readPackageJson().dependencies ?? {})).toEqual([]);
  });

  it('is read from this repository (the tree above mirrors its real layout)', async () => {
    for (const file of ['electron/main/main.ts', 'electron/preload/preload.ts', 'renderer/App.tsx', 'scripts/build-electron.mjs']) {
      await expect(readFile(path.join(ROOT, file), 'utf8')).resolves.toBeTruthy();
    }
    const build = await readFile(fromRoot('scripts/build-electron.mjs'), 'utf8');
    expect(build).toContain("outfile: fromRoot('out/main/main.js')");
    expect(build).toContain("outfile: fromRoot('out/preload/preload.cjs')");
  });
});
