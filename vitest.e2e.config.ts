import { defineConfig } from 'vitest/config';
import { linguiCatalogs } from './scripts/vite-catalogs.mjs';

export default defineConfig({
  // The specs build workshops with domain/ code, some of which reads the pack's message catalogs.
  plugins: [linguiCatalogs()],
  test: {
    include: ['test/e2e/**/*.spec.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/e2e.json' },
  },
});
