import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { linguiCatalogs } from './scripts/vite-catalogs.mjs';

export default defineConfig({
  plugins: [react(), linguiCatalogs()],
  // As in vite.config.ts: the spreadsheet libraries run against the same worker-free fflate.
  resolve: { alias: [{ find: /^fflate$/, replacement: fileURLToPath(new URL('./renderer/lib/fflate-no-workers.ts', import.meta.url)) }] },
  define: { __APP_VERSION__: JSON.stringify('test') },
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['test/unit/setup.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/unit.json' },
  },
});
