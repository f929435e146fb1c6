import type { BrowserWindow, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS, type InterfaceLanguage, type MenuCommand } from '../../../electron/shared/ipc-contract';

vi.mock('electron', () => ({
  app: { getName: vi.fn(() => 'Liftoff'), getVersion: vi.fn(() => '0.1.0'), getLocale: vi.fn(() => 'en-US'), isPackaged: false },
  dialog: { showMessageBox: vi.fn(() => Promise.resolve({ response: 0 })) },
  Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((template: unknown) => template) },
}));

const { buildMenuTemplate, currentMenuLanguage, deliverMenuCommand, installApplicationMenu, setMenuLanguage, takePendingMenuCommands } = await import('../../../electron/main/menu');
const { Menu, app, dialog } = await import('electron');

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

function build(platform: string, isPackaged = true, language: InterfaceLanguage = 'en') {
  const sent: MenuCommand[] = [];
  const template = buildMenuTemplate(platform, (command) => sent.push(command), { ...context, isPackaged, language });
  return { template, sent };
}

describe('buildMenuTemplate', () => {
  it('has File, Edit, View, Window and Help on Windows and Linux', () => {
    const { template } = build('win32');
    expect(template.map((item) => item.label)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
    expect(template.map((item) => item.role)).toEqual([undefined, undefined, undefined, 'windowMenu', 'help']);
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

  it('offers Reload in every build, because the error screens tell people to reload', () => {
    for (const isPackaged of [true, false]) {
      const view = build('linux', isPackaged).template.find((item) => item.label === '&View')?.submenu as MenuItemConstructorOptions[];
      expect(view[0]?.role, String(isPackaged)).toBe('reload');
    }
  });

  it('offers developer tools only when not packaged', () => {
    expect(items(build('linux', true).template).some((item) => item.role === 'toggleDevTools')).toBe(false);
    expect(items(build('linux', false).template).some((item) => item.role === 'toggleDevTools')).toBe(true);
  });

  it('gives every command item its command as id, so it can be found in the built menu', () => {
    const { template, sent } = build('darwin');
    const withIds = items(template).filter((item) => item.id !== undefined);
    expect(withIds.map((item) => item.id).sort()).toEqual([...MENU_COMMANDS].sort());
    for (const item of withIds) click(item);
    expect(sent).toEqual(withIds.map((item) => item.id));
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

function fakeWindow(opts: { loading?: boolean; destroyed?: boolean } = {}) {
  const send = vi.fn();
  const win = { isDestroyed: () => opts.destroyed ?? false, webContents: { send, isDestroyed: () => false, isLoading: () => opts.loading ?? false } };
  return { win: win as unknown as BrowserWindow, send };
}

describe('installApplicationMenu', () => {
  it('sends menu commands to the main window on the menu:command channel', () => {
    const { win, send } = fakeWindow();
    installApplicationMenu(() => win, vi.fn());
    const template = vi.mocked(Menu.setApplicationMenu).mock.calls[0]?.[0] as unknown as MenuItemConstructorOptions[];
    click(byLabel(template, 'Save workshop file…'));
    expect(send).toHaveBeenCalledWith('menu:command', 'save-workshop-file');
  });

  it('shows the version in the About box', () => {
    installApplicationMenu(() => null, vi.fn());
    const template = vi.mocked(Menu.setApplicationMenu).mock.calls.at(-1)?.[0] as unknown as MenuItemConstructorOptions[];
    click(byLabel(template, 'About Liftoff'));
    expect(dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ message: 'Liftoff 0.1.0' }));
  });
});

describe('a menu command no page can hear yet', () => {
  it('with no window open (macOS), opens one and keeps the command until the page takes it', () => {
    takePendingMenuCommands();
    const openWindow = vi.fn();
    deliverMenuCommand('open-workshop-file', null, openWindow);
    expect(openWindow).toHaveBeenCalledTimes(1);
    expect(takePendingMenuCommands()).toEqual(['open-workshop-file']);
    // Taken once: a later subscription (the page re-subscribes as it navigates) gets nothing again.
    expect(takePendingMenuCommands()).toEqual([]);
  });

  it('keeps a command clicked while the page is still loading, without opening another window', () => {
    takePendingMenuCommands();
    const { win, send } = fakeWindow({ loading: true });
    const openWindow = vi.fn();
    deliverMenuCommand('new-workshop', win, openWindow);
    expect(send).not.toHaveBeenCalled();
    expect(openWindow).not.toHaveBeenCalled();
    expect(takePendingMenuCommands()).toEqual(['new-workshop']);
  });

  it('keeps repeated clicks of the same command as one, in the order first clicked', () => {
    takePendingMenuCommands();
    for (const command of ['new-workshop', 'import-csv', 'new-workshop'] as const) deliverMenuCommand(command, null, vi.fn());
    expect(takePendingMenuCommands()).toEqual(['new-workshop', 'import-csv']);
  });

  it('does not open a window for undo, redo or presenter mode, which need an open workshop', () => {
    takePendingMenuCommands();
    const openWindow = vi.fn();
    for (const command of ['undo', 'redo', 'toggle-presenter'] as const) deliverMenuCommand(command, null, openWindow);
    expect(openWindow).not.toHaveBeenCalled();
    expect(takePendingMenuCommands()).toEqual([]);
  });

  it('treats a destroyed window like no window', () => {
    takePendingMenuCommands();
    const { win, send } = fakeWindow({ destroyed: true });
    const openWindow = vi.fn();
    deliverMenuCommand('new-workshop', win, openWindow);
    expect(send).not.toHaveBeenCalled();
    expect(openWindow).toHaveBeenCalledTimes(1);
  });

  it('is what a File menu click does through the installed menu when no window is open', () => {
    takePendingMenuCommands();
    const openWindow = vi.fn();
    installApplicationMenu(() => null, openWindow);
    const template = vi.mocked(Menu.setApplicationMenu).mock.calls.at(-1)?.[0] as unknown as MenuItemConstructorOptions[];
    click(byLabel(template, 'New workshop'));
    expect(openWindow).toHaveBeenCalledTimes(1);
    expect(takePendingMenuCommands()).toEqual(['new-workshop']);
  });
});

/** The template without its words: what must not change with the language. */
function skeleton(template: MenuItemConstructorOptions[]): unknown[] {
  return template.map((item) => ({
    id: item.id,
    role: item.role,
    type: item.type,
    accelerator: item.accelerator,
    registerAccelerator: item.registerAccelerator,
    submenu: Array.isArray(item.submenu) ? skeleton(item.submenu) : item.submenu,
  }));
}

function labels(template: MenuItemConstructorOptions[]): string[] {
  return items(template).flatMap((item) => (item.type === 'separator' ? [] : [item.label ?? `(no label: ${item.role ?? item.id})`]));
}

describe('the menu in the interface language', () => {
  const platforms = ['linux', 'win32', 'darwin'];

  it.each(platforms)('has the same ids, roles and shortcuts in German and French as in English (%s)', (platform) => {
    for (const isPackaged of [true, false]) {
      const english = skeleton(build(platform, isPackaged, 'en').template);
      expect(skeleton(build(platform, isPackaged, 'de').template)).toEqual(english);
      expect(skeleton(build(platform, isPackaged, 'fr').template)).toEqual(english);
    }
  });

  it.each(platforms)('labels every item, role items too, so Electron shows none of its own English (%s)', (platform) => {
    for (const language of ['en', 'de', 'fr'] as const) {
      const all = labels(build(platform, false, language).template);
      expect(all.filter((label) => label.startsWith('(no label')), language).toEqual([]);
    }
  });

  it('speaks German', () => {
    const { template, sent } = build('win32', false, 'de');
    expect(template.map((item) => item.label)).toEqual(['&Datei', '&Bearbeiten', '&Ansicht', '&Fenster', '&Hilfe']);
    const expected: [string, string, MenuCommand][] = [
      ['Neuer Workshop', 'CmdOrCtrl+N', 'new-workshop'],
      ['Workshop-Datei öffnen…', 'CmdOrCtrl+O', 'open-workshop-file'],
      ['Rückgängig', 'CmdOrCtrl+Z', 'undo'],
      ['Wiederholen', 'Shift+CmdOrCtrl+Z', 'redo'],
      ['Präsentationsmodus', 'F5', 'toggle-presenter'],
    ];
    for (const [label, accelerator] of expected) {
      const item = byLabel(template, label);
      expect(item.accelerator, label).toBe(accelerator);
      click(item);
    }
    expect(sent).toEqual(expected.map(([, , command]) => command));
    expect(byLabel(template, 'Ausschneiden').role).toBe('cut');
    expect(byLabel(template, 'Kopieren').role).toBe('copy');
    expect(byLabel(template, 'Einfügen').role).toBe('paste');
    expect(byLabel(template, 'Alles auswählen').role).toBe('selectAll');
    expect(byLabel(template, 'Beenden').role).toBe('quit');
    expect(byLabel(template, 'Über Liftoff').click).toBeDefined();
  });

  it('speaks French, on macOS too', () => {
    const { template } = build('darwin', true, 'fr');
    expect(template.map((item) => item.label)).toEqual(['Liftoff', '&Fichier', '&Édition', '&Affichage', 'Fe&nêtre', 'Aid&e']);
    expect(byLabel(template, 'Annuler').id).toBe('undo');
    expect(byLabel(template, 'Rétablir').id).toBe('redo');
    expect(byLabel(template, 'Nouvel atelier').id).toBe('new-workshop');
    expect(byLabel(template, 'Coller').role).toBe('paste');
    expect(byLabel(template, 'Quitter Liftoff').role).toBe('quit');
    expect(byLabel(template, 'Masquer Liftoff').role).toBe('hide');
    expect(byLabel(template, 'Fermer la fenêtre').role).toBe('close');
    expect(byLabel(template, 'Tout ramener au premier plan').role).toBe('front');
    expect(labels(template)).not.toContain('Undo');
  });

  it('shows English words nowhere in the German or French menu', () => {
    const englishLabels = new Set(labels(build('darwin', false, 'en').template));
    // The app's own name stays; so do words both languages share.
    const shared = new Set(['Liftoff', 'Services', 'Zoom']);
    for (const language of ['de', 'fr'] as const) {
      const left = labels(build('darwin', false, language).template).filter((label) => englishLabels.has(label) && !shared.has(label));
      expect(left, language).toEqual([]);
    }
  });
});

describe('menu:set-language', () => {
  function lastTemplate(): MenuItemConstructorOptions[] {
    return vi.mocked(Menu.setApplicationMenu).mock.calls.at(-1)?.[0] as unknown as MenuItemConstructorOptions[];
  }

  it('rebuilds the installed menu in the language the renderer says, and keeps its commands working', () => {
    const { win, send } = fakeWindow();
    installApplicationMenu(() => win, vi.fn());
    setMenuLanguage({ language: 'de' });
    expect(currentMenuLanguage()).toBe('de');
    click(byLabel(lastTemplate(), 'Workshop in Datei sichern…'));
    expect(send).toHaveBeenCalledWith('menu:command', 'save-workshop-file');
    setMenuLanguage({ language: 'fr' });
    expect(lastTemplate()[0]?.label).toBe('&Fichier');
    setMenuLanguage({ language: 'en' });
    expect(lastTemplate()[0]?.label).toBe('&File');
  });

  it('does not rebuild when the language did not change', () => {
    installApplicationMenu(() => null, vi.fn());
    setMenuLanguage({ language: 'fr' });
    const calls = vi.mocked(Menu.setApplicationMenu).mock.calls.length;
    setMenuLanguage({ language: 'fr' });
    expect(vi.mocked(Menu.setApplicationMenu).mock.calls.length).toBe(calls);
    setMenuLanguage({ language: 'en' });
  });

  it('shows the About box in the menu language', () => {
    installApplicationMenu(() => null, vi.fn());
    setMenuLanguage({ language: 'de' });
    vi.mocked(dialog.showMessageBox).mockClear();
    click(byLabel(lastTemplate(), 'Über Liftoff'));
    expect(dialog.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({ title: 'Über Liftoff', detail: expect.stringContaining('Ihre Workshops bleiben auf diesem Computer.') as unknown, buttons: ['OK'] }),
    );
    setMenuLanguage({ language: 'en' });
  });
});

describe('the menu before the renderer says its language', () => {
  it('follows the system locale', async () => {
    vi.resetModules();
    vi.mocked(app.getLocale).mockReturnValue('fr-FR');
    const fresh = await import('../../../electron/main/menu');
    fresh.installApplicationMenu(() => null, vi.fn());
    const template = vi.mocked(Menu.setApplicationMenu).mock.calls.at(-1)?.[0] as unknown as MenuItemConstructorOptions[];
    expect(template[0]?.label).toBe('&Fichier');
    // Once told, the renderer's choice wins over the system's.
    fresh.setMenuLanguage({ language: 'de' });
    expect(fresh.currentMenuLanguage()).toBe('de');
    vi.mocked(app.getLocale).mockReturnValue('en-US');
  });
});
