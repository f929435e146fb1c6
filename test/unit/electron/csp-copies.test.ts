// One Content-Security-Policy and one content-type table (common/web-policy.mjs) for every server
// of the app: the app:// protocol, `npm run web`, the e2e static server and index.html's <meta>.
// Any copy would let the browser runs test a different policy from the one the app ships.
import { readFile } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY as SHARED, META_CONTENT_SECURITY_POLICY, mimeTypeFor } from '../../../common/web-policy.mjs';

vi.mock('electron', () => ({ app: { on: vi.fn() }, shell: { openExternal: vi.fn() }, protocol: { registerSchemesAsPrivileged: vi.fn() } }));

const { CONTENT_SECURITY_POLICY } = await import('../../../electron/main/security');
const { CONTENT_SECURITY_POLICY: E2E_SERVER_POLICY } = await import('../../e2e/support/static-server');
const read = (path: string) => readFile(new URL(`../../../${path}`, import.meta.url), 'utf8');

describe('the one content security policy', () => {
  it('is what the app:// protocol and the e2e static server send', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(SHARED);
    expect(E2E_SERVER_POLICY).toBe(SHARED);
  });

  it('is imported, never copied, by npm run web, the bench, and index.html', async () => {
    for (const file of ['scripts/serve.mjs', 'scripts/bench.mjs', 'electron/main/security.ts', 'electron/main/protocol.ts', 'test/e2e/support/static-server.ts', 'renderer/index.html']) {
      const text = await read(file);
      expect(text, file).not.toContain("default-src 'self'");
      expect(text, file).not.toMatch(/'\.js':\s*'text\/javascript/);
    }
    expect(await read('renderer/index.html')).toContain('content="%LIFTOFF_CSP%"');
  });

  it('gives the <meta> tag the same policy without frame-ancestors, which a <meta> cannot set', () => {
    expect(META_CONTENT_SECURITY_POLICY).toBe(SHARED.replace(" frame-ancestors 'none';", ''));
    expect(META_CONTENT_SECURITY_POLICY).not.toContain('frame-ancestors');
  });

  it('is strict: no unsafe-inline or unsafe-eval, scripts and styles only from the app', () => {
    expect(SHARED).not.toMatch(/unsafe-/);
    expect(SHARED).toContain("script-src 'self';");
    expect(SHARED).toContain("style-src 'self';");
  });

  it('serves unknown files as bytes, whatever the case of the extension', () => {
    expect(mimeTypeFor('assets/index-abc.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('C:\\app\\fonts\\DejaVuSans.ttf')).toBe('font/ttf');
    expect(mimeTypeFor('payload.exe')).toBe('application/octet-stream');
    expect(mimeTypeFor('.hidden')).toBe('application/octet-stream');
    expect(mimeTypeFor('__proto__')).toBe('application/octet-stream');
  });
});
