// How the app's pages are served, shared by every server of them: the Electron main process's
// app:// protocol, `npm run web` (scripts/serve.mjs), the e2e tests' static server and the bench.
// Plain JavaScript with a .d.mts beside it, so Node runs it as it is and TypeScript checks its users.

/**
 * Sent as a header with every page. No 'unsafe-inline' anywhere: React and dnd-kit set styles
 * through the CSSOM, which style-src does not restrict, so no inline <style> or style="" is needed.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/** The same policy for index.html's <meta> tag, where browsers ignore frame-ancestors. */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(" frame-ancestors 'none';", '');

/** Content types by extension; anything else is served as bytes, which a browser never runs. */
export const MIME_TYPES = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.pdf': 'application/pdf',
  '.webmanifest': 'application/manifest+json',
});

/** The content type of a file by its extension (case-insensitive), or application/octet-stream. */
export function mimeTypeFor(filePath) {
  const name = String(filePath).split(/[\\/]/).pop() ?? '';
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot).toLowerCase() : '';
  return Object.hasOwn(MIME_TYPES, ext) ? MIME_TYPES[ext] : 'application/octet-stream';
}
