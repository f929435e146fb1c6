// The desktop smoke tests (`npm run test:desktop`): the built app in a real Electron, driven by
// playwright-core's Electron launcher. Run through scripts/test-desktop.mjs, which skips them with
// one line when no Electron binary is installed and wraps them in xvfb-run on a Linux without a
// display. Not part of `npm test` (Electron cannot be downloaded everywhere); .ci/run calls it.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/desktop/**/*.spec.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 90_000,
    // One Electron at a time: each test owns its throwaway profile and, for the hand-over test,
    // the single-instance lock inside it.
    fileParallelism: false,
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/desktop.json' },
  },
});
