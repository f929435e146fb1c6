// menu:set-language end to end in main: the real handler (menu.ts setMenuLanguage) behind the one
// gate every channel uses (typedHandle). Our window rebuilds the menu in its language; a foreign
// sender or a bad payload is refused and the menu stays as it was.
import type { IpcMainInvokeEvent, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;
const registered = new Map<string, Listener>();

vi.mock('electron', () => ({
  ipcMain: {
    handle: vi.fn((channel: string, listener: Listener) => {
      registered.set(channel, listener);
    }),
  },
  app: { getName: vi.fn(() => 'Liftoff'), getVersion: vi.fn(() => '0.1.0'), getLocale: vi.fn(() => 'en-US'), isPackaged: true },
  dialog: { showMessageBox: vi.fn(() => Promise.resolve({ response: 0 })) },
  Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((template: unknown) => template) },
}));

const { typedHandle, IpcRefusedError } = await import('../../../electron/main/ipc/typed-handle');
const { installApplicationMenu, setMenuLanguage } = await import('../../../electron/main/menu');
const { Menu } = await import('electron');

function eventFrom(url: string, parent: unknown = null): IpcMainInvokeEvent {
  return { senderFrame: { url, parent } } as unknown as IpcMainInvokeEvent;
}
const trusted = eventFrom('app://liftoff/index.html');

function topLabels(): (string | undefined)[] {
  const template = vi.mocked(Menu.setApplicationMenu).mock.calls.at(-1)?.[0] as unknown as MenuItemConstructorOptions[];
  return template.map((item) => item.label);
}

installApplicationMenu(() => null, vi.fn());
typedHandle('menu:set-language', setMenuLanguage);
const listener = registered.get('menu:set-language');

describe('menu:set-language', () => {
  it('rebuilds the menu in the language our window says', async () => {
    expect(listener).toBeDefined();
    expect(topLabels()[0]).toBe('&File');
    await expect(listener?.(trusted, { language: 'de' })).resolves.toBeUndefined();
    expect(topLabels()).toContain('&Datei');
    await listener?.(trusted, { language: 'fr' });
    expect(topLabels()).toContain('&Fichier');
  });

  it('refuses a foreign sender, and the menu stays as it was', async () => {
    await listener?.(trusted, { language: 'en' });
    const calls = vi.mocked(Menu.setApplicationMenu).mock.calls.length;
    for (const event of [
      eventFrom('https://evil.example/'),
      eventFrom('http://127.0.0.1:5173/index.html'),
      eventFrom('app://liftoff/index.html', { url: 'app://liftoff/index.html' }),
      { senderFrame: null } as unknown as IpcMainInvokeEvent,
    ]) {
      await expect(listener?.(event, { language: 'de' })).rejects.toBeInstanceOf(IpcRefusedError);
    }
    expect(vi.mocked(Menu.setApplicationMenu).mock.calls.length).toBe(calls);
    expect(topLabels()[0]).toBe('&File');
  });

  it('refuses a payload that is not en, de or fr, naming the field, and the menu stays as it was', async () => {
    await listener?.(trusted, { language: 'en' });
    const calls = vi.mocked(Menu.setApplicationMenu).mock.calls.length;
    await expect(listener?.(trusted, { language: 'es' })).rejects.toThrow(/Refused "menu:set-language": invalid payload \(language: /);
    for (const bad of ['de', { language: 'pseudo' }, { language: 'de-DE' }, { language: 'de', extra: 1 }, {}, undefined]) {
      await expect(listener?.(trusted, bad)).rejects.toBeInstanceOf(IpcRefusedError);
    }
    await expect(listener?.(trusted, { language: 'de' }, 'extra')).rejects.toThrow(/at most one argument/);
    expect(vi.mocked(Menu.setApplicationMenu).mock.calls.length).toBe(calls);
    expect(topLabels()[0]).toBe('&File');
  });
});
