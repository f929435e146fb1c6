// Serves the built renderer (out/renderer) on 127.0.0.1 for the e2e tests, like `npm run web`:
// with the same Content-Security-Policy header, so the tests run under the policy the app ships.
// It also keeps the run's tally of CSP violations: each test's app handle posts the violations
// nobody expected to POST /__csp-report when it closes (support/app.ts), and global-setup reads
// the tally at the end of the run.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { createRoomControl, CONTROL_PREFIX, type RoomControl } from '../../../room/control';

// The policy the app ships, from the one definition every server of it uses.
import { CONTENT_SECURITY_POLICY, mimeTypeFor } from '../../../common/web-policy.mjs';
export { CONTENT_SECURITY_POLICY };

/** Where the e2e helpers report CSP violations; not part of the app. */
export const CSP_REPORT_PATH = '/__csp-report';


const HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export type StaticServer = {
  url: string;
  /** Every CSP violation reported to POST /__csp-report during the run, one line each. */
  cspViolations: () => string[];
  close: () => Promise<void>;
};

export async function startStaticServer(root: string): Promise<StaticServer> {
  const violations: string[] = [];
  // Like `npm run web`: the facilitator's loopback channel to the room server, with the phone page beside the renderer.
  const control: RoomControl = await createRoomControl({ phoneDir: process.env.LIFTOFF_PHONE_OUT ?? join(root, '..', 'phone') });
  const server: Server = createServer(async (req, res) => {
    if ((req.url ?? '').startsWith(CONTROL_PREFIX)) {
      control.handle(req, res);
      return;
    }
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (path === CSP_REPORT_PATH) {
        if (req.method !== 'POST') {
          res.writeHead(405, HEADERS).end();
          return;
        }
        const body = JSON.parse(await readBody(req)) as unknown;
        if (Array.isArray(body)) violations.push(...body.map(String));
        res.writeHead(204, HEADERS).end();
        return;
      }
      const file = normalize(join(root, path === '/' ? 'index.html' : path));
      if (!file.startsWith(root + sep)) {
        res.writeHead(404, HEADERS).end();
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, { ...HEADERS, 'content-type': mimeTypeFor(file) });
      res.end(body);
    } catch {
      res.writeHead(404, HEADERS).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('static server has no port');
  control.setLoopbackHost(address.port);
  return {
    url: `http://127.0.0.1:${address.port}/`,
    cspViolations: () => [...violations],
    close: async () => {
      await control.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
