import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({
  app: { on: vi.fn() },
  shell: { openExternal: vi.fn() },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}));

const { mimeTypeFor, registerAppSchemeAsPrivileged, resolveAppPath, serveAppRequest } = await import('../../../electron/main/protocol');
const { CONTENT_SECURITY_POLICY } = await import('../../../electron/main/security');
const { protocol } = await import('electron');

const root = path.resolve('/srv/liftoff/out/renderer');

describe('resolveAppPath', () => {
  it('maps our URLs to files under the renderer folder', () => {
    expect(resolveAppPath(root, 'app://liftoff/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://liftoff/assets/index-abc.js?v=1#x')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveAppPath(root, 'app://liftoff/assets/My%20Font.woff2')).toBe(path.join(root, 'assets', 'My Font.woff2'));
  });

  it('serves index.html for the root', () => {
    expect(resolveAppPath(root, 'app://liftoff/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://liftoff')).toBe(path.join(root, 'index.html'));
  });

  it('refuses dot segments, plain or percent-encoded', () => {
    for (const url of [
      'app://liftoff/../package.json',
      'app://liftoff/assets/../../package.json',
      'app://liftoff/%2e%2e/package.json',
      'app://liftoff/%2E%2E/package.json',
      'app://liftoff/.%2e/package.json',
      'app://liftoff/%2e%2e%2fpackage.json',
      'app://liftoff/assets/..%2f..%2fpackage.json',
      'app://liftoff/./index.html',
    ]) {
      expect(resolveAppPath(root, url), url).toBeNull();
    }
  });

  it('refuses backslashes, absolute paths and drive letters', () => {
    for (const url of [
      'app://liftoff/..\\package.json',
      'app://liftoff/assets\\index.js',
      'app://liftoff/..%5cpackage.json',
      'app://liftoff//etc/passwd',
      'app://liftoff/%2fetc%2fpasswd',
      'app://liftoff/C:/Windows/win.ini',
      'app://liftoff/C%3A%5CWindows%5Cwin.ini',
      'app://liftoff/index.html%00.js',
    ]) {
      expect(resolveAppPath(root, url), url).toBeNull();
    }
  });

  it('refuses other hosts, other schemes, credentials and malformed URLs', () => {
    for (const url of [
      'app://evil/index.html',
      'app://liftoff.evil/index.html',
      'app://liftoff:1234/index.html',
      'app://user@liftoff/index.html',
      'file:///srv/liftoff/out/renderer/index.html',
      'https://liftoff/index.html',
      'not a url',
      'app://liftoff/%E0%A4%A',
    ]) {
      expect(resolveAppPath(root, url), url).toBeNull();
    }
  });

  it('refuses directory requests, so there is never a listing', () => {
    expect(resolveAppPath(root, 'app://liftoff/assets/')).toBeNull();
  });
});

describe('mimeTypeFor', () => {
  it('gives module scripts, styles, fonts and images their real types', () => {
    expect(mimeTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('a.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('a.CSS')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('a.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('a.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('a.unknown')).toBe('application/octet-stream');
  });
});

describe('serveAppRequest', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'liftoff-protocol-'));
    await mkdir(path.join(dir, 'renderer', 'assets'), { recursive: true });
    await writeFile(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>Liftoff</title>');
    await writeFile(path.join(dir, 'renderer', 'assets', 'app.js'), 'export {};');
    await writeFile(path.join(dir, 'secret.txt'), 'do not serve');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('serves a file with its type and the CSP header', async () => {
    const response = await serveAppRequest(path.join(dir, 'renderer'), { url: 'app://liftoff/assets/app.js', method: 'GET' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('export {};');
  });

  it('answers 404 for a file outside the renderer folder, a missing file or a directory', async () => {
    const rendererRoot = path.join(dir, 'renderer');
    for (const url of ['app://liftoff/../secret.txt', 'app://liftoff/%2e%2e/secret.txt', 'app://liftoff/missing.js', 'app://liftoff/assets']) {
      const response = await serveAppRequest(rendererRoot, { url, method: 'GET' });
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await serveAppRequest(path.join(dir, 'renderer'), { url: 'app://liftoff/index.html', method: 'POST' });
    expect(response.status).toBe(405);
  });
});

describe('registerAppSchemeAsPrivileged', () => {
  it('registers app as a standard, secure scheme with fetch and a code cache, without CORS reads from elsewhere', () => {
    registerAppSchemeAsPrivileged();
    // codeCache needs standard as well; without it V8 recompiles every script at each launch.
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
  });
});
