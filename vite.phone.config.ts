import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { linguiCatalogs } from './scripts/vite-catalogs.mjs';

// The phone page is its own tiny bundle (no React, no database), served only by the room server
// (room/room-server.ts) from out/phone. Nothing of the facilitator's app is in it.
export default defineConfig({
  root: fileURLToPath(new URL('./renderer/phone', import.meta.url)),
  base: './',
  // The phone page's catalogs (renderer/i18n/catalogs/phone), compiled at build time.
  plugins: [linguiCatalogs()],
  build: {
    outDir: process.env.LIFTOFF_PHONE_OUT ?? fileURLToPath(new URL('./out/phone', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    // Safari 14 and Chrome 90 phones still come to workshops.
    target: ['es2020', 'safari14', 'chrome90'],
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 80,
  },
});
