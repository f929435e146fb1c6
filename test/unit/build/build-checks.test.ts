// The build fails on bundles that would only fail at run time in Electron. The checks run here on
// real esbuild output, made with the settings scripts/build-electron.mjs uses.
import { build } from 'esbuild';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamicRequireProblem, forbiddenPreloadRequires, MAIN_REQUIRE_BANNER } from '../../../scripts/build-checks.mjs';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'liftoff-build-checks-'));
  // A CommonJS package as npm ships many: it requires a Node built-in and, lazily, a computed name.
  await writeFile(
    path.join(dir, 'legacy.cjs'),
    "const fs = require('node:fs');\nmodule.exports = { exists: (p) => fs.existsSync(p), plugin: (name) => require(name) };\n",
  );
  await writeFile(path.join(dir, 'modern.mjs'), "import { existsSync } from 'node:fs';\nexport const exists = (p) => existsSync(p);\n");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function bundle(entry: string, format: 'esm' | 'cjs', banner?: string, external: string[] = []): Promise<string> {
  const result = await build({
    banner: banner ? { js: banner } : undefined,
    stdin: { contents: entry, resolveDir: dir, loader: 'ts' },
    bundle: true,
    platform: 'node',
    target: 'node22',
    format,
    external: ['electron', ...external],
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

describe('the ESM main bundle', () => {
  it('fails the build when a bundled CommonJS dependency calls require, naming what it requires', async () => {
    const text = await bundle("import { exists } from './legacy.cjs';\nconsole.log(exists('/'));\n", 'esm');
    const problem = dynamicRequireProblem(text);
    expect(problem).toContain('"node:fs"');
    expect(problem).toContain('Dynamic require of');
  });

  it('passes a bundle of ES modules that import Node built-ins and electron', async () => {
    const text = await bundle("import { app } from 'electron';\nimport { exists } from './modern.mjs';\nconsole.log(app, exists('/'));\n", 'esm');
    expect(dynamicRequireProblem(text)).toBeNull();
  });

  it('passes bundled CommonJS that requires only Node built-ins once the banner gives the bundle a require', async () => {
    const text = await bundle("import { exists } from './legacy.cjs';\nconsole.log(exists('/'));\n", 'esm', MAIN_REQUIRE_BANNER);
    expect(dynamicRequireProblem(text)).toBeNull();
  });

  it('still fails, with the banner, when bundled CommonJS requires a package the app does not ship', async () => {
    await writeFile(path.join(dir, 'needs-package.cjs'), "module.exports = () => require('left-pad');\n");
    const text = await bundle("import f from './needs-package.cjs';\nconsole.log(f);\n", 'esm', MAIN_REQUIRE_BANNER, ['left-pad']);
    expect(dynamicRequireProblem(text)).toContain('"left-pad"');
  });

  it('passes the real main process (with the room server\'s Fastify), as scripts/build-electron.mjs bundles it', async () => {
    const text = await bundle(`import ${JSON.stringify(path.resolve('electron/main/main.ts'))};\n`, 'esm', MAIN_REQUIRE_BANNER);
    expect(text.length).toBeGreaterThan(10_000);
    expect(dynamicRequireProblem(text)).toBeNull();
  });
});

describe('the sandboxed preload bundle', () => {
  it('may require electron only', async () => {
    expect(forbiddenPreloadRequires(await bundle("import { ipcRenderer } from 'electron';\nconsole.log(ipcRenderer);\n", 'cjs'))).toEqual([]);
    expect(forbiddenPreloadRequires(await bundle("import { readFileSync } from 'node:fs';\nconsole.log(readFileSync);\n", 'cjs'))).toEqual(['node:fs']);
  });
});
