// The Content-Security-Policy lives in electron/main/security.ts; the two node-side servers that
// serve the same renderer keep literal copies (they cannot import a module that imports electron).
// Any drift would let the browser runs test a different policy from the one the app ships.
import { readFile } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ app: { on: vi.fn() }, shell: { openExternal: vi.fn() } }));

const { CONTENT_SECURITY_POLICY } = await import('../../../electron/main/security');
const { CONTENT_SECURITY_POLICY: E2E_SERVER_POLICY } = await import('../../e2e/support/static-server');

describe('copies of the content security policy', () => {
  it('the e2e static server sends exactly the app policy', () => {
    expect(E2E_SERVER_POLICY).toBe(CONTENT_SECURITY_POLICY);
  });

  it('npm run web (scripts/serve.mjs) sends exactly the app policy', async () => {
    const serveScript = await readFile(new URL('../../../scripts/serve.mjs', import.meta.url), 'utf8');
    const copy = /const CONTENT_SECURITY_POLICY =\s*"([^"]+)"/.exec(serveScript)?.[1];
    expect(copy).toBe(CONTENT_SECURITY_POLICY);
  });

  it('is strict: no unsafe-inline or unsafe-eval, scripts and styles only from the app', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-/);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).toContain("style-src 'self';");
  });
});
