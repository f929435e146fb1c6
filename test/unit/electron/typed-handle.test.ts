import type { IpcMainInvokeEvent } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;
const registered = new Map<string, Listener>();

vi.mock('electron', () => ({
  ipcMain: {
    handle: vi.fn((channel: string, listener: Listener) => {
      registered.set(channel, listener);
    }),
  },
}));

const { typedHandle, IpcRefusedError } = await import('../../../electron/main/ipc/typed-handle');

function eventFrom(url: string, parent: unknown = null): IpcMainInvokeEvent {
  return { senderFrame: { url, parent } } as unknown as IpcMainInvokeEvent;
}

const trusted = eventFrom('app://liftoff/index.html');
const goodOpen = { filters: [{ name: 'CSV', extensions: ['csv'] }], maxBytes: 1024 };

describe('typedHandle', () => {
  beforeEach(() => registered.clear());

  it('runs the handler with the validated payload from our top frame', async () => {
    const handler = vi.fn(() => ({ status: 'canceled' as const }));
    typedHandle('file:open', handler);
    await expect(registered.get('file:open')?.(trusted, goodOpen)).resolves.toEqual({ status: 'canceled' });
    expect(handler).toHaveBeenCalledWith(goodOpen, trusted);
  });

  it('refuses a payload from a subframe without running the handler', async () => {
    const handler = vi.fn(() => ({ status: 'canceled' as const }));
    typedHandle('file:open', handler);
    const fromSubframe = eventFrom('app://liftoff/index.html', { url: 'app://liftoff/index.html' });
    await expect(registered.get('file:open')?.(fromSubframe, goodOpen)).rejects.toThrow(/sender is not the Liftoff window/);
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses a sender from another origin or a destroyed frame', async () => {
    const handler = vi.fn(() => ({ status: 'canceled' as const }));
    typedHandle('file:open', handler);
    const listener = registered.get('file:open');
    await expect(listener?.(eventFrom('https://evil.example/'), goodOpen)).rejects.toBeInstanceOf(IpcRefusedError);
    await expect(listener?.(eventFrom('http://127.0.0.1:5199/index.html'), goodOpen)).rejects.toBeInstanceOf(IpcRefusedError);
    await expect(listener?.({ senderFrame: null } as unknown as IpcMainInvokeEvent, goodOpen)).rejects.toBeInstanceOf(IpcRefusedError);
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses a bad payload with a message naming the field, without running the handler', async () => {
    const handler = vi.fn(() => ({ status: 'canceled' as const }));
    typedHandle('file:save', handler);
    const bad = { suggestedName: '../../.bashrc', data: 'x', filters: [] };
    await expect(registered.get('file:save')?.(trusted, bad)).rejects.toThrow(/Refused "file:save": invalid payload \(suggestedName: /);
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses extra arguments', async () => {
    const handler = vi.fn(() => ({ status: 'canceled' as const }));
    typedHandle('file:open', handler);
    await expect(registered.get('file:open')?.(trusted, goodOpen, 'extra')).rejects.toThrow(/at most one argument/);
    expect(handler).not.toHaveBeenCalled();
  });

  it('accepts a channel without arguments only when nothing is sent', async () => {
    const info = { name: 'Liftoff', version: '0.1.0', platform: 'linux', electron: '45', chrome: '1', node: '22', userDataPath: '/u' };
    const handler = vi.fn(() => info);
    typedHandle('app:info', handler);
    await expect(registered.get('app:info')?.(trusted)).resolves.toEqual(info);
    await expect(registered.get('app:info')?.(trusted, { sneaky: true })).rejects.toThrow(/invalid payload/);
    expect(handler).toHaveBeenCalledTimes(1);
  });
});
