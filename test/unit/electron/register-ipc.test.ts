import { describe, expect, it, vi } from 'vitest';

const handle = vi.hoisted(() => vi.fn());
vi.mock('electron', () => ({
  ipcMain: { handle },
  app: { on: vi.fn(), getPath: vi.fn(() => '/tmp'), getName: vi.fn(() => 'Liftoff'), getVersion: vi.fn(() => '0.1.0') },
  dialog: {},
  BrowserWindow: { fromWebContents: vi.fn() },
}));

const { registerIpcHandlers } = await import('../../../electron/main/ipc/register-ipc');
const { IPC_CHANNELS } = await import('../../../electron/shared/ipc-contract');

describe('registerIpcHandlers', () => {
  it('registers exactly one handler for every channel of the contract', () => {
    registerIpcHandlers();
    expect(handle.mock.calls.map(([channel]) => channel as string).sort()).toEqual([...IPC_CHANNELS].sort());
  });
});
