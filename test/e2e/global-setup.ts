import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from './support/static-server';
import { findChromium } from './support/chromium';

declare module 'vitest' {
  // vitest's ProvidedContext is an interface; only an interface can be merged into it.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    baseUrl: string;
    chromiumPath: string;
  }
}

export default async function setup(project: TestProject) {
  const root = process.env.LIFTOFF_RENDERER_OUT ?? fileURLToPath(new URL('../../out/renderer', import.meta.url));
  if (!existsSync(`${root}/index.html`)) {
    throw new Error('The renderer is not built. Run `npm run build:renderer` (npm run test:e2e does it for you).');
  }
  project.provide('chromiumPath', findChromium());
  const server = await startStaticServer(root);
  project.provide('baseUrl', server.url);
  return async () => {
    const violations = server.cspViolations();
    await server.close();
    // Every page of every test ran under the app's CSP; nothing may have been refused by it.
    console.log(`CSP violations in this e2e run: ${violations.length}`);
    if (violations.length > 0) {
      // vitest reports an error thrown here but still exits 0: set the exit code as well.
      process.exitCode = 1;
      throw new Error(`The app broke its Content-Security-Policy ${violations.length} time(s) in this e2e run:\n${violations.join('\n')}`);
    }
  };
}
