// The main process owns the room server: it refuses addresses that are not the computer's own,
// relays the room's events to the window, and stops the room on quit.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const sent: [string, unknown][] = [];
const appListeners = new Map<string, () => void>();
vi.mock('electron', () => ({
  app: { on: vi.fn((event: string, listener: () => void) => appListeners.set(event, listener)) },
  BrowserWindow: { getAllWindows: () => [{ isDestroyed: () => false, webContents: { send: (channel: string, payload: unknown) => sent.push([channel, payload]) } }] },
  ipcMain: { handle: vi.fn() },
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
});
