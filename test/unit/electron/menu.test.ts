import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { MenuCommand } from '../../../electron/shared/ipc-contract';

vi.mock('electron', () => ({
  app: { getName: vi.fn(() => 'Liftoff'), getVersion: vi.fn(() => '0.1.0'), isPackaged: false },
  dialog: { showMessageBox: vi.fn(() => Promise.resolve({ response: 0 })) },
  Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((template: unknown) => template) },
}));

const { buildMenuTemplate, installApplicationMenu } = await import('../../../electron/main/menu');
const { Menu, dialog } = await import('electron');

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

function byLabel(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = items(template).find((item) => item.label === label);
  if (!found) throw new Error(`no menu item "${label}"`);
  return found;
}

function click(item: MenuItemConstructorOptions): void {
  (item.click as unknown as () => void)();
}

const context = { appName: 'Liftoff', isPackaged: true, showAbout: vi.fn() };

function build(platform: string, isPackaged = true) {
  const sent: MenuCommand[] = [];
  const template = buildMenuTemplate(platform, (command) => sent.push(command), { ...context, isPackaged });
  return { template, sent };
}

describe('buildMenuTemplate', () => {
  it('has File, Edit, View, Window and Help on Windows and Linux', () => {
    const { template } = build('win32');
    expect(template.map((item) => item.label ?? item.role)).toEqual(['&File', '&Edit', '&View', 'windowMenu', 'help']);
  });

  it('puts the app menu first on macOS', () => {
    const { template } = build('darwin');
    expect(template[0]?.label).toBe('Liftoff');
    expect(items(template).some((item) => item.role === 'quit')).toBe(true);
  });

  it('gives the File commands their shortcuts and sends them to the renderer', () => {
    const { template, sent } = build('linux');
    const expected: [string, string, MenuCommand][] = [
      ['New workshop', 'CmdOrCtrl+N', 'new-workshop'],
      ['Open workshop file…', 'CmdOrCtrl+O', 'open-workshop-file'],
      ['Save workshop file…', 'CmdOrCtrl+S', 'save-workshop-file'],
      ['Import use cases from CSV…', 'CmdOrCtrl+I', 'import-csv'],
      ['Export sponsor pack…', 'CmdOrCtrl+E', 'export-sponsor-pack'],
    ];
    for (const [label, accelerator] of expected) {
      const item = byLabel(template, label);
      expect(item.accelerator, label).toBe(accelerator);
      click(item);
    }
    expect(sent).toEqual(expected.map(([, , command]) => command));
  });

  it('has Quit in the File menu outside macOS', () => {
    const { template } = build('linux');
    const file = template[0]?.submenu as MenuItemConstructorOptions[];
    expect(file.some((item) => item.role === 'quit')).toBe(true);
  });

  it('sends undo and redo to the renderer without registering their shortcuts twice', () => {
    const { template, sent } = build('win32');
    const undo = byLabel(template, 'Undo');
    const redo = byLabel(template, 'Redo');
    expect(undo).toMatchObject({ accelerator: 'CmdOrCtrl+Z', registerAccelerator: false });
    expect(redo).toMatchObject({ accelerator: 'Shift+CmdOrCtrl+Z', registerAccelerator: false });
    expect(undo.role).toBeUndefined();
    click(undo);
    click(redo);
    expect(sent).toEqual(['undo', 'redo']);
  });

  it('keeps the native clipboard roles in Edit', () => {
    const roles = items(build('linux').template).map((item) => item.role);
    expect(roles).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll']));
  });

  it('offers reload and developer tools only when not packaged', () => {
    expect(items(build('linux', true).template).some((item) => item.role === 'reload' || item.role === 'toggleDevTools')).toBe(false);
    const development = items(build('linux', false).template).map((item) => item.role);
    expect(development).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('has zoom roles and full screen on F11 or Ctrl+Cmd+F', () => {
    const linux = build('linux');
    const roles = items(linux.template).map((item) => item.role);
    expect(roles).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut']));
    expect(items(linux.template).find((item) => item.role === 'togglefullscreen')?.accelerator).toBe('F11');
    expect(items(build('darwin').template).find((item) => item.role === 'togglefullscreen')?.accelerator).toBe('Ctrl+Cmd+F');
  });

  it('toggles presenter mode from the View menu with F5', () => {
    for (const platform of ['linux', 'win32', 'darwin']) {
      const { template, sent } = build(platform);
      const view = template.find((item) => item.label === '&View')?.submenu as MenuItemConstructorOptions[];
      const presenter = view.find((item) => item.label === 'Presenter mode');
      expect(presenter?.accelerator, platform).toBe('F5');
      click(presenter as MenuItemConstructorOptions);
      expect(sent).toEqual(['toggle-presenter']);
    }
  });

  it('shows the About box from Help', () => {
    const { template } = build('linux');
    const help = template.find((item) => item.role === 'help')?.submenu as MenuItemConstructorOptions[];
    const about = help.find((item) => item.label === 'About Liftoff');
    expect(about).toBeDefined();
    click(about as MenuItemConstructorOptions);
    expect(context.showAbout).toHaveBeenCalled();
  });
});

describe('installApplicationMenu', () => {
  it('sends menu commands to the main window on the menu:command channel', () => {
    const send = vi.fn();
    const win = { isDestroyed: () => false, webContents: { send } };
    installApplicationMenu(() => win as never);
    const template = vi.mocked(Menu.setApplicationMenu).mock.calls[0]?.[0] as unknown as MenuItemConstructorOptions[];
    click(byLabel(template, 'Save workshop file…'));
    expect(send).toHaveBeenCalledWith('menu:command', 'save-workshop-file');
  });

  it('shows the version in the About box', () => {
    installApplicationMenu(() => null);
    const template = vi.mocked(Menu.setApplicationMenu).mock.calls.at(-1)?.[0] as unknown as MenuItemConstructorOptions[];
    click(byLabel(template, 'About Liftoff'));
    expect(dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ message: 'Liftoff 0.1.0' }));
  });
});
