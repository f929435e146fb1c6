// app://liftoff serves the built renderer. A custom standard scheme instead of file:// gives the
// page a real origin (so ES modules, fetch, IndexedDB and the CSP 'self' work as on the web) and
// lets main decide exactly which files are reachable: only those under out/renderer.
import { protocol, type Session } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from './security';
import { APP_HOST, APP_SCHEME } from './trusted-origin';

export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Must run before the app is ready: Chromium reads the scheme list once, at start-up. */
export function registerAppSchemeAsPrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard: relative URLs and a real origin; secure: a secure context like https;
      // supportFetchAPI: fetch() of our own files; codeCache: V8 keeps the compiled scripts between
      // launches (by default only http(s) gets a code cache, so every start would recompile).
      // corsEnabled stays off so no other origin can read us.
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** Content types by extension: one table for every server of the app (common/web-policy.mjs). */
import { MIME_TYPES, mimeTypeFor } from '../../common/web-policy.mjs';
export { MIME_TYPES, mimeTypeFor };

function hasDotSegment(rawUrl: string): boolean {
  // The WHATWG parser silently folds "..", ".%2e" and "%2e%2e" away, so "app://liftoff/../x"
  // would look harmless after parsing. Look at the text as it was sent instead.
  const rawPath = rawUrl.split(/[?#]/, 1)[0] ?? '';
  return rawPath.split(/[/\\]/).some((segment) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return true;
    }
    return decoded === '.' || decoded === '..';
  });
}

/**
 * Maps an app:// URL to a file under root, or null when it must not be served: another scheme or
 * host, credentials, dot segments (plain or percent-encoded), backslashes, drive letters or other
 * absolute forms, NUL bytes, empty segments (which also means no directory requests), or anything
 * that would land outside root. "/" is index.html.
 */
export function resolveAppPath(root: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  if (url.username !== '' || url.password !== '') return null;
  if (hasDotSegment(requestUrl)) return null;

  const encodedPath = url.pathname === '/' || url.pathname === '' ? '/index.html' : url.pathname;
  let relative: string;
  try {
    relative = decodeURIComponent(encodedPath.slice(1));
  } catch {
    return null;
  }
  if (/[\\:\0]/.test(relative)) return null;
  const segments = relative.split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) return null;

  const resolvedRoot = path.resolve(root);
  const filePath = path.resolve(resolvedRoot, ...segments);
  const fromRoot = path.relative(resolvedRoot, filePath);
  if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) return null;
  return filePath;
}

function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
  };
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: securityHeaders('text/plain; charset=utf-8') });
}

/** The protocol handler's logic, separated from protocol.handle so it can be called directly. */
export async function serveAppRequest(root: string, request: { url: string; method: string }): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('Method not allowed', { status: 405, headers: securityHeaders('text/plain; charset=utf-8') });
  }
  const filePath = resolveAppPath(root, request.url);
  if (filePath === null) return notFound();
  try {
    const info = await stat(filePath);
    if (!info.isFile()) return notFound();
    const headers = securityHeaders(mimeTypeFor(filePath));
    if (request.method === 'HEAD') return new Response(null, { status: 200, headers });
    const body = await readFile(filePath);
    return new Response(new Uint8Array(body), { status: 200, headers });
  } catch {
    return notFound();
  }
}

/** Serves app://liftoff from root in the given session. Call once the app is ready. */
export function handleAppProtocol(session: Session, root: string): void {
  session.protocol.handle(APP_SCHEME, (request) => serveAppRequest(root, request));
}
