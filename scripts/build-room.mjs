// Bundles the room server's control module for `npm run web` (scripts/serve.mjs), which is plain
// Node and cannot import TypeScript: room/control.ts → out/room/control.mjs. Its libraries
// (fastify, zod) stay in node_modules. The desktop main process bundles the same source itself.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const fromRoot = (path) => fileURLToPath(new URL(path, new URL('..', import.meta.url)));

await build({
  entryPoints: [fromRoot('room/control.ts')],
  outfile: fromRoot('out/room/control.mjs'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
});
console.log('Built out/room/control.mjs');
