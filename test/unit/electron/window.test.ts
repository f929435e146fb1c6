import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({
  app: { on: vi.fn(), getPath: vi.fn(() => '/tmp') },
  shell: { openExternal: vi.fn() },
  protocol: { registerSchemesAsPrivileged: vi.fn() },
  screen: { getAllDisplays: vi.fn(() => []) },
  BrowserWindow: vi.fn(),
}));

const { mainWindowOptions } = await import('../../../electron/main/window');

describe('mainWindowOptions', () => {
  const options = mainWindowOptions({ x: 10, y: 20, width: 1300, height: 850, isMaximized: true }, '/app/out/preload/preload.cjs');

  it('isolates the page: context isolation, sandbox, no Node, web security on', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('opens at the restored bounds, hidden until the first paint', () => {
    expect(options).toMatchObject({ x: 10, y: 20, width: 1300, height: 850, show: false });
    expect(options).not.toHaveProperty('isMaximized');
  });
});
