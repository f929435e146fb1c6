// Bundles the Electron main process and the preload with esbuild.
//   electron/main/main.ts       → out/main/main.js        (ESM: package.json has "type": "module")
//   electron/preload/preload.ts → out/preload/preload.cjs (one CommonJS file: a sandboxed preload
//                                  cannot use ESM or require anything but a few built-ins)
// Only 'electron' stays external; zod and our own modules are bundled in. The build fails when a
// bundle would fail at run time in a way only a real Electron would show (scripts/build-checks.mjs).
import { build } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dynamicRequireProblem, forbiddenPreloadRequires, MAIN_REQUIRE_BANNER } from './build-checks.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const fromRoot = (path) => fileURLToPath(new URL(path, new URL('..', import.meta.url)));

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node22',
  external: ['electron'],
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
};

async function main() {
  await rm(fromRoot('out/main'), { recursive: true, force: true });
  await rm(fromRoot('out/preload'), { recursive: true, force: true });

  await Promise.all([
    build({
      ...common,
      entryPoints: [fromRoot('electron/main/main.ts')],
      outfile: fromRoot('out/main/main.js'),
      format: 'esm',
      banner: { js: MAIN_REQUIRE_BANNER },
    }),
    build({
      ...common,
      entryPoints: [fromRoot('electron/preload/preload.ts')],
      outfile: fromRoot('out/preload/preload.cjs'),
      format: 'cjs',
    }),
  ]);

  // A stray import of a Node module would make the sandboxed preload fail at run time with an
  // unhelpful "module not found"; catch it here instead.
  const preload = await readFile(fromRoot('out/preload/preload.cjs'), 'utf8');
  const forbidden = forbiddenPreloadRequires(preload);
  if (forbidden.length > 0) {
    throw new Error(`The preload must only require "electron", but it requires: ${forbidden.join(', ')}`);
  }

  // A CommonJS dependency bundled into the ESM main would throw "Dynamic require" only at run time.
  const problem = dynamicRequireProblem(await readFile(fromRoot('out/main/main.js'), 'utf8'));
  if (problem) throw new Error(problem);

  console.log('Built out/main/main.js and out/preload/preload.cjs');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
