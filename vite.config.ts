import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { META_CONTENT_SECURITY_POLICY } from './common/web-policy.mjs';
import { linguiCatalogs } from './scripts/vite-catalogs.mjs';
import { METHOD_FILES, parseMethodFile } from './renderer/domain/method-content';
import { LANGUAGES } from './renderer/domain/languages';

/** The method's shipped text (assets/method/<language>/*.json) checked by its schemas: a broken file fails the build. */
function methodContentCheck() {
  return {
    name: 'liftoff-method-content',
    buildStart() {
      for (const language of LANGUAGES) {
        for (const [file, schema] of Object.entries(METHOD_FILES)) {
          const at = `assets/method/${language}/${file}`;
          parseMethodFile(schema, JSON.parse(readFileSync(new URL(`./${at}`, import.meta.url), 'utf8')), at);
        }
      }
    },
  };
}

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// The renderer is one static bundle: served by the app:// protocol in Electron and by
// scripts/serve.mjs (npm run web) in a browser. Relative base so both work.
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [
    react(),
    // Message catalogs compiled at build time; a catalog out of step with English fails the build.
    linguiCatalogs(),
    methodContentCheck(),
    // index.html's <meta> policy comes from the one definition every server sends (common/).
    { name: 'liftoff-csp', transformIndexHtml: (html: string) => html.replace('%LIFTOFF_CSP%', META_CONTENT_SECURITY_POLICY) },
  ],
  // The spreadsheet libraries' `fflate` without its blob: workers, which the CSP refuses
  // (renderer/lib/fflate-no-workers.ts says why).
  resolve: { alias: [{ find: /^fflate$/, replacement: fileURLToPath(new URL('./renderer/lib/fflate-no-workers.ts', import.meta.url)) }] },
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
  },
  build: {
    // LIFTOFF_RENDERER_OUT lets parallel checkouts/tests build side by side; the default is the one the app loads.
    outDir: process.env.LIFTOFF_RENDERER_OUT ?? fileURLToPath(new URL('./out/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    modulePreload: { polyfill: false },
    // Each screen of a workshop, the roadmap's timeline and the PDF engine are separate chunks,
    // fetched when first needed (shared/lazy-screen.tsx). The first screen's chunk is ~540 kB
    // (was ~905 kB): React DOM, Dexie and zod make most of it, and the database layer needs them
    // from the start. The largest chunk is vis-timeline's (~600 kB, roadmap only). A chunk over
    // this limit means something heavy slipped back into the first screen or a shared chunk.
    chunkSizeWarningLimit: 620,
  },
  // The PDF worker as an ES module: jsPDF's optional helpers (html2canvas, canvg) stay in chunks
  // that are never loaded instead of being inlined into the worker.
  // The worker is built on its own and needs the catalog plugin too: it loads the pack catalog of
  // the workshop's language (renderer/i18n/pack-catalog.ts).
  worker: { format: 'es', plugins: () => [linguiCatalogs()] },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
