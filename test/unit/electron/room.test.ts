// The main process owns the room server: it refuses addresses that are not the computer's own,
// relays the room's events to the window, and stops the room on quit.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const sent: [string, unknown][] = [];
type FakePort = { posted: unknown[]; listeners: Map<string, (e?: { data: unknown }) => void>; closed: boolean; postMessage: (m: unknown) => void; on: (event: string, l: (e?: { data: unknown }) => void) => void; start: () => void; close: () => void };
const ports: FakePort[] = [];
function fakePort(): FakePort {
  const port: FakePort = {
    posted: [],
    listeners: new Map(),
    closed: false,
    postMessage: (m) => port.posted.push(m),
    on: (event, l) => port.listeners.set(event, l),
    start: () => undefined,
    close: () => {
      port.closed = true;
      port.listeners.get('close')?.();
    },
  };
  ports.push(port);
  return port;
}
const appListeners = new Map<string, () => void>();
vi.mock('electron', () => ({
  app: { on: vi.fn((event: string, listener: () => void) => appListeners.set(event, listener)) },
  BrowserWindow: { getAllWindows: () => [{ isDestroyed: () => false, webContents: { send: (channel: string, payload: unknown) => sent.push([channel, payload]) } }] },
  ipcMain: { handle: vi.fn() },
  MessageChannelMain: class {
    port1 = fakePort();
    port2 = fakePort();
  },
}));
const phoneDir = await mkdtemp(join(tmpdir(), 'liftoff-main-phone-'));
await writeFile(join(phoneDir, 'index.html'), '<!doctype html>');
vi.mock('../../../electron/main/paths', () => ({ phoneRoot: () => phoneDir }));

const room = await import('../../../electron/main/room');

afterEach(async () => {
  await room.closeRoom();
  sent.length = 0;
});

describe('the room in the main process', () => {
  it('lists the computer’s addresses, loopback last', async () => {
    const addresses = await room.roomAddresses();
    expect(addresses.at(-1)).toMatchObject({ address: '127.0.0.1', kind: 'loopback' });
  });

  it('refuses an address that is not the computer’s own, and the any-address', async () => {
    await expect(room.openRoom({ address: '0.0.0.0' })).rejects.toThrow(/not one of this computer/);
    await expect(room.openRoom({ address: '203.0.113.9' })).rejects.toThrow(/not one of this computer/);
    expect((await room.roomStatus()).room).toBeNull();
  });

  it('opens on the chosen address, relays a phone’s request to the window, and stops on quit', async () => {
    const info = await room.openRoom({ address: '127.0.0.1' });
    expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    await room.setRoomState({ workshopTitle: 'W', language: 'en', participants: [{ id: 'p-1', name: 'Ana' }], allowNewParticipants: true, criteria: [], items: [] });
    const token = new URL(info.joinUrl).hash.slice(3);
    const join = fetch(`${info.url}api/join`, { method: 'POST', headers: { 'x-room-token': token, 'content-type': 'application/json' }, body: JSON.stringify({ newName: 'Kim' }) });
    await vi.waitFor(() => expect(sent.some(([, e]) => (e as { type: string }).type === 'request')).toBe(true));
    const [channel, event] = sent.find(([, e]) => (e as { type: string }).type === 'request')!;
    expect(channel).toBe('room:event');
    const request = (event as { request: { requestId: string; kind: string; name: string } }).request;
    expect(request).toMatchObject({ kind: 'new-participant', name: 'Kim' });
    await room.answerRoom([{ requestId: request.requestId, ok: true, participantId: 'p-2' }]);
    expect((await join).status).toBe(200);
    appListeners.get('before-quit')?.();
    await vi.waitFor(() => expect(sent.some(([, e]) => (e as { type: string; reason?: string }).reason === 'quit')).toBe(true));
    expect((await room.roomStatus()).room).toBeNull();
  });

  it('sends score requests through the relay port when the page’s worker asked for one, and takes only well-formed answers from it', async () => {
    const toSender: unknown[][] = [];
    const sender = { postMessage: (...args: unknown[]) => toSender.push(args) } as never;
    expect(await room.connectRoomRelay(undefined, { sender })).toBe(false);
    const info = await room.openRoom({ address: '127.0.0.1' });
    await room.setRoomState({
      workshopTitle: 'W',
      language: 'en',
      participants: [{ id: 'p-1', name: 'Ana' }],
      allowNewParticipants: false,
      criteria: [],
      items: [{ useCaseId: 'uc-1', roundId: 'r-1', roundNumber: 1, title: 'T', problem: '', status: 'open' }],
    });
    expect(await room.connectRoomRelay(undefined, { sender })).toBe(true);
    const [channel, , transfer] = toSender[0] as [string, unknown, FakePort[]];
    expect(channel).toBe('room:relay-port');
    const port1 = ports.at(-2)!;
    expect(transfer).toEqual([ports.at(-1)]);

    const token = new URL(info.joinUrl).hash.slice(3);
    const headers = { 'x-room-token': token, 'content-type': 'application/json' };
    const { deviceId } = (await (await fetch(`${info.url}api/join`, { method: 'POST', headers, body: JSON.stringify({ participantId: 'p-1' }) })).json()) as { deviceId: string };
    const before = room.roomRelayCount();
    const submit = fetch(`${info.url}api/submit`, {
      method: 'POST',
      headers: { ...headers, 'x-room-device': deviceId },
      body: JSON.stringify({ roundId: 'r-1', useCaseId: 'uc-1', scores: { impact: 4, feasibility: 3, readiness: 2 } }),
    });
    await vi.waitFor(() => expect(port1.posted.length).toBe(1));
    // The request went to the worker's port, not to the window.
    expect(sent.some(([, e]) => (e as { type: string }).type === 'request')).toBe(false);
    expect(room.roomRelayCount()).toBe(before + 1);
    const request = (port1.posted[0] as { request: { requestId: string; kind: string; scores: unknown } }).request;
    expect(request).toMatchObject({ kind: 'score', scores: { impact: 4, feasibility: 3, readiness: 2 } });
    // A malformed answer is ignored; the well-formed one answers the phone.
    port1.listeners.get('message')?.({ data: [{ requestId: request.requestId, ok: 'yes' }] });
    port1.listeners.get('message')?.({ data: [{ requestId: request.requestId, ok: true }] });
    expect((await submit).status).toBe(200);

    // Closing the room closes the port; a later request would go to the window again.
    await room.closeRoom();
    expect(port1.closed).toBe(true);
  });
});
