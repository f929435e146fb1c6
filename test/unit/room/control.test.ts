// The facilitator's loopback channel in the browser build: phones (or any other page) can never
// use it, and it opens rooms only on the computer's own addresses.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRoomControl, type RoomControl } from '../../../room/control';
import { CONTROL_TOKEN_HEADER } from '../../../room/protocol';

let phoneDir = '';
beforeAll(async () => {
  phoneDir = await mkdtemp(join(tmpdir(), 'liftoff-control-'));
  await writeFile(join(phoneDir, 'index.html'), '<!doctype html>');
});
let control: RoomControl | null = null;
afterEach(async () => {
  await control?.close();
  control = null;
});

const HOST = '127.0.0.1:5199';
async function make(): Promise<RoomControl> {
  control = await createRoomControl({
    phoneDir,
    listAddresses: () => [
      { address: '127.0.0.1', interfaceName: 'lo', kind: 'loopback', label: 'This computer only · lo' },
    ],
  });
  control.setLoopbackHost(5199);
  return control;
}

describe('the facilitator’s loopback channel', () => {
  it('gives its token only to a same-origin page at the loopback address', async () => {
    const c = await make();
    expect((await c.app.inject({ url: '/room-control/hello', headers: { host: HOST } })).json()).toEqual({ token: c.token });
    expect((await c.app.inject({ url: '/room-control/hello', headers: { host: HOST, 'sec-fetch-site': 'same-origin' } })).statusCode).toBe(200);
    expect((await c.app.inject({ url: '/room-control/hello', headers: { host: HOST, 'sec-fetch-site': 'cross-site' } })).statusCode).toBe(403);
    expect((await c.app.inject({ url: '/room-control/hello', headers: { host: '192.168.1.23:5199' } })).statusCode).toBe(421);
    expect((await c.app.inject({ url: '/room-control/hello', headers: { host: 'evil.example:5199' } })).statusCode).toBe(421);
  });

  it('refuses every call without its own token (a phone’s room token does not open it)', async () => {
    const c = await make();
    for (const [method, url] of [['GET', '/room-control/addresses'], ['GET', '/room-control/status'], ['POST', '/room-control/open'], ['POST', '/room-control/close'], ['GET', '/room-control/events']] as const) {
      expect((await c.app.inject({ method, url, headers: { host: HOST, 'x-room-token': 'anything' } })).statusCode, url).toBe(401);
    }
  });

  it('opens a room only on one of the computer’s addresses, never on all of them', async () => {
    const c = await make();
    const headers = { host: HOST, [CONTROL_TOKEN_HEADER]: c.token, 'content-type': 'application/json' };
    for (const address of ['0.0.0.0', '::', '8.8.8.8']) {
      const res = await c.app.inject({ method: 'POST', url: '/room-control/open', headers, payload: { address } });
      expect(res.statusCode, address).toBe(400);
    }
    expect(c.room()).toBeNull();
    const res = await c.app.inject({ method: 'POST', url: '/room-control/open', headers, payload: { address: '127.0.0.1' } });
    expect(res.statusCode).toBe(200);
    expect((res.json() as { url: string }).url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    // The room's own server has no control routes: a phone cannot reach the facilitator's channel.
    const room = c.room()!;
    const probe = await room.app.inject({ url: '/room-control/hello', headers: { host: new URL(room.info.url).host } });
    expect(probe.statusCode).toBe(404);
  });

  it('a room opened over an earlier one is not closed on screen by the earlier one’s "stopped"', async () => {
    const c = await make();
    const server = createServer((req, res) => c.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      c.setLoopbackHost(port);
      const headers = { host: `127.0.0.1:${port}`, [CONTROL_TOKEN_HEADER]: c.token, 'content-type': 'application/json' };
      // An earlier page opened a room and went away without closing it (a reload, a test's browser).
      expect((await c.app.inject({ method: 'POST', url: '/room-control/open', headers, payload: { address: '127.0.0.1' } })).statusCode).toBe(200);
      // A new page opens its own room, then listens.
      expect((await c.app.inject({ method: 'POST', url: '/room-control/open', headers, payload: { address: '127.0.0.1' } })).statusCode).toBe(200);
      const abort = new AbortController();
      const response = await fetch(`http://127.0.0.1:${port}/room-control/events`, { headers: { [CONTROL_TOKEN_HEADER]: c.token }, signal: abort.signal });
      const reader = response.body!.getReader();
      let text = '';
      const until = Date.now() + 500;
      while (Date.now() < until && !text.includes('"devices"')) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
      abort.abort();
      expect(text).toContain('"devices"');
      expect(text).not.toContain('"stopped"');
      expect(c.room()).not.toBeNull();
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('a room opened while the earlier one is still closing stays open (the close does not forget it)', async () => {
    const c = await make();
    const headers = { host: HOST, [CONTROL_TOKEN_HEADER]: c.token, 'content-type': 'application/json' };
    expect((await c.app.inject({ method: 'POST', url: '/room-control/open', headers, payload: { address: '127.0.0.1' } })).statusCode).toBe(200);
    const first = c.room()!;
    // A phone is halfway through sending a request: closing the first room waits for it.
    const phone = connect(first.info.port, '127.0.0.1');
    await new Promise<void>((resolve) => phone.once('connect', () => resolve()));
    phone.write(`POST /api/submit HTTP/1.1\r\nHost: ${new URL(first.info.url).host}\r\n`);
    const closing = c.app.inject({ method: 'POST', url: '/room-control/close', headers, payload: {} });
    await new Promise((r) => setTimeout(r, 50));
    // Meanwhile the facilitator opens a room again.
    const opened = await c.app.inject({ method: 'POST', url: '/room-control/open', headers, payload: { address: '127.0.0.1' } });
    expect(opened.statusCode).toBe(200);
    phone.destroy();
    expect((await closing).statusCode).toBe(200);
    expect(c.room()).not.toBeNull();
    expect(c.room()!.info.url).toBe(opened.json<{ url: string }>().url);
  });

  it('refuses a state that carries more than the phones may know', async () => {
    const c = await make();
    const headers = { host: HOST, [CONTROL_TOKEN_HEADER]: c.token, 'content-type': 'application/json' };
    const state = { workshopTitle: 'W', participants: [], allowNewParticipants: false, criteria: [], items: [], scores: [{ value: 5 }] };
    expect((await c.app.inject({ method: 'POST', url: '/room-control/state', headers, payload: state })).statusCode).toBe(400);
  });
});
