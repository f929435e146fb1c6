// `npm run web`: serves the built renderer (out/renderer) on http://127.0.0.1 for people who
// cannot or do not want to run Electron. Local only, read-only: GET/HEAD of files under
// out/renderer, nothing else (no directory listings, no paths outside the folder), plus the
// facilitator's loopback channel to the room server (/room-control/, room/control.ts), so that
// phones can score in the browser build too. The room itself listens on the address the
// facilitator picks, on its own port, and serves only the phone page (out/phone).
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY, mimeTypeFor } from '../common/web-policy.mjs';

const root = path.resolve(fileURLToPath(new URL('../out/renderer/', import.meta.url)));
const phoneRoot = path.resolve(fileURLToPath(new URL('../out/phone/', import.meta.url)));
const controlModule = new URL('../out/room/control.mjs', import.meta.url);
const host = '127.0.0.1';
const port = Number(process.env.PORT || 5199);

// The policy and content types every server of the app uses (common/web-policy.mjs).

/**
 * The same guard as resolveAppPath in electron/main/protocol.ts: the raw path must have no dot
 * segments (plain or percent-encoded), backslashes, colons, NUL bytes or empty segments, and
 * must resolve inside root. "/" is index.html. Returns null for anything else.
 */
function resolveRequestPath(rawUrl) {
  const rawPath = (rawUrl ?? '/').split(/[?#]/, 1)[0];
  if (!rawPath.startsWith('/')) return null;
  const encoded = rawPath === '/' ? '/index.html' : rawPath;
  const rawSegments = encoded.slice(1).split('/');
  let segments;
  try {
    segments = rawSegments.map((segment) => decodeURIComponent(segment));
  } catch {
    return null;
  }
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..' || /[/\\:\0]/.test(segment)) return null;
  }
  const filePath = path.resolve(root, ...segments);
  const fromRoot = path.relative(root, filePath);
  if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) return null;
  return filePath;
}

function headers(contentType) {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}

function send(response, status, contentType, body) {
  response.writeHead(status, headers(contentType));
  response.end(body);
}

async function handle(request, response) {
  if (control && (request.url ?? '').startsWith(CONTROL_PREFIX)) {
    control.handle(request, response);
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed');
    return;
  }
  const filePath = resolveRequestPath(request.url);
  const info = filePath ? await stat(filePath).catch(() => null) : null;
  if (!filePath || !info?.isFile()) {
    send(response, 404, 'text/plain; charset=utf-8', 'Not found');
    return;
  }
  const contentType = mimeTypeFor(filePath);
  response.writeHead(200, { ...headers(contentType), 'Content-Length': info.size });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(filePath)
    .on('error', () => response.destroy())
    .pipe(response);
}

if (!existsSync(path.join(root, 'index.html'))) {
  console.error('The renderer is not built yet (out/renderer/index.html is missing). Run `npm run build:renderer` first, or just `npm run web`.');
  process.exit(1);
}

if (!existsSync(path.join(phoneRoot, 'index.html')) || !existsSync(fileURLToPath(controlModule))) {
  console.error('The phone page or the room module is not built yet. Run `npm run build:renderer` first, or just `npm run web`.');
  process.exit(1);
}
const { createRoomControl, CONTROL_PREFIX } = await import(controlModule.href);
const control = await createRoomControl({ phoneDir: phoneRoot });

const server = createServer((request, response) => {
  handle(request, response).catch(() => {
    if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'Internal error');
    else response.destroy();
  });
});

server.on('error', (error) => {
  if (error.code === 'EADDRINUSE') {
    console.error(`Port ${port} is already in use. Start with another one, e.g. PORT=5200 npm run web`);
  } else {
    console.error(`Could not start the web server: ${error.message}`);
  }
  process.exit(1);
});

server.listen(port, host, () => {
  control.setLoopbackHost(server.address().port);
  console.log(`Liftoff is running at http://${host}:${port}  (Ctrl+C to stop)`);
});

// The room stops with the server.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    control.close().finally(() => process.exit(0));
  });
}
