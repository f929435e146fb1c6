import { readFile } from 'node:fs/promises';
import type { Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  app: { on: vi.fn() },
  shell: { openExternal: vi.fn(() => Promise.resolve()) },
}));
vi.mock('electron', () => electron);

const security = await import('../../../electron/main/security');
const {
  CONTENT_SECURITY_POLICY,
  handleWindowOpen,
  hardenWebContents,
  installSecurity,
  isAppPageUrl,
  isExternalWebUrl,
  isPermissionAllowed,
  isPermissionCheckAllowed,
  openExternalSafely,
  restrictPermissions,
} = security;

type Listener = (...args: unknown[]) => unknown;

function fakeWebContents() {
  const listeners = new Map<string, Listener>();
  let windowOpenHandler: ((details: { url: string }) => unknown) | undefined;
  const contents = {
    on: vi.fn((event: string, listener: Listener) => {
      listeners.set(event, listener);
      return contents;
    }),
    setWindowOpenHandler: vi.fn((handler: (details: { url: string }) => unknown) => {
      windowOpenHandler = handler;
    }),
  };
  return {
    contents: contents as unknown as WebContents,
    emit: (event: string, ...args: unknown[]) => listeners.get(event)?.(...args),
    openWindow: (url: string) => windowOpenHandler?.({ url }),
  };
}

function navigationEvent() {
  return { preventDefault: vi.fn() };
}

beforeEach(() => vi.clearAllMocks());

describe('the content security policy', () => {
  it('allows only our own scripts and forbids plugins, base tags, framing and forms', () => {
    const directives = CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim());
    expect(directives).toEqual([
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'none'",
    ]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });

});

describe('navigation', () => {
  it('lets the page reload itself (location.reload, the error screen\'s Reload button)', () => {
    const { contents, emit } = fakeWebContents();
    hardenWebContents(contents);
    for (const url of ['app://liftoff/index.html', 'app://liftoff/index.html#/w/abc/agenda', 'app://liftoff/', 'app://liftoff/index.html?db=e2e#/backups']) {
      const event = navigationEvent();
      emit('will-navigate', event, url);
      expect(event.preventDefault, url).not.toHaveBeenCalled();
    }
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('knows the app page only by its exact address, not by lookalikes', () => {
    for (const url of [
      'app://liftoff/other.html',
      'app://liftoff/assets/index.js',
      'app://liftoff/../index.html',
      'app://liftoff/%2e%2e/index.html',
      'app://liftoff/index.html/..',
      'app://liftoff//index.html',
      'app://liftoff@evil/index.html',
      'app://liftoff.evil/index.html',
      'app://liftoff:80/index.html',
      'app://evil/index.html',
      'APP://LIFTOFF/index.html',
      'app://liftoff/index.htm',
      'app://liftoff/index.html\n',
      'https://liftoff/index.html',
      'app://liftoff',
    ]) {
      expect(isAppPageUrl(url), url).toBe(false);
    }
  });

  it('prevents every other navigation of the page', () => {
    const { contents, emit } = fakeWebContents();
    hardenWebContents(contents);
    for (const url of ['app://liftoff/other.html', 'file:///etc/passwd', 'https://example.com/']) {
      const event = navigationEvent();
      emit('will-navigate', event, url);
      expect(event.preventDefault).toHaveBeenCalled();
    }
  });

  it('prevents redirects', () => {
    const { contents, emit } = fakeWebContents();
    hardenWebContents(contents);
    const event = navigationEvent();
    emit('will-redirect', event, 'https://example.com/');
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('sends a clicked http(s) link to the system browser instead', () => {
    const { contents, emit } = fakeWebContents();
    hardenWebContents(contents);
    emit('will-navigate', navigationEvent(), 'https://example.com/guide');
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://example.com/guide');
  });

  it('refuses to attach a webview', () => {
    const { contents, emit } = fakeWebContents();
    hardenWebContents(contents);
    const event = navigationEvent();
    emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('window.open', () => {
  it('is denied for every URL', () => {
    const { contents, openWindow } = fakeWebContents();
    hardenWebContents(contents);
    for (const url of ['https://example.com/', 'app://liftoff/index.html', 'about:blank', 'javascript:alert(1)']) {
      expect(openWindow(url)).toEqual({ action: 'deny' });
    }
  });

  it('opens http and https links externally and nothing else', () => {
    handleWindowOpen({ url: 'http://example.com/' });
    handleWindowOpen({ url: 'https://example.com/' });
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'app://liftoff/', 'mailto:a@b.c', 'not a url']) {
      handleWindowOpen({ url });
    }
    expect(electron.shell.openExternal.mock.calls).toEqual([['http://example.com/'], ['https://example.com/']]);
  });
});

describe('external links', () => {
  it('recognises only http and https as web URLs', () => {
    expect(isExternalWebUrl('https://example.com')).toBe(true);
    expect(isExternalWebUrl('HTTP://EXAMPLE.COM')).toBe(true);
    expect(isExternalWebUrl('file:///C:/Windows/System32/calc.exe')).toBe(false);
    expect(isExternalWebUrl('ms-msdt:/id')).toBe(false);
    expect(isExternalWebUrl('')).toBe(false);
  });

  it('reports whether it handed the URL to the OS', () => {
    expect(openExternalSafely('https://example.com')).toBe(true);
    expect(openExternalSafely('file:///etc/passwd')).toBe(false);
    expect(electron.shell.openExternal).toHaveBeenCalledTimes(1);
  });
});

describe('permissions', () => {
  function fakeSession() {
    const handlers: { request?: Listener; check?: Listener; device?: Listener } = {};
    const session = {
      setPermissionRequestHandler: vi.fn((handler: Listener) => (handlers.request = handler)),
      setPermissionCheckHandler: vi.fn((handler: Listener) => (handlers.check = handler)),
      setDevicePermissionHandler: vi.fn((handler: Listener) => (handlers.device = handler)),
    };
    return { session: session as unknown as Session, handlers };
  }

  const ours = { getURL: () => 'app://liftoff/index.html#/w/abc/agenda' };

  it('answers every permission request but fullscreen and persistent storage with false, even for our own page', () => {
    const { session, handlers } = fakeSession();
    restrictPermissions(session);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'pointerLock', 'automaticFullscreen']) {
      const callback = vi.fn();
      handlers.request?.(ours, permission, callback, { requestingUrl: 'app://liftoff/index.html' });
      expect(callback, permission).toHaveBeenCalledWith(false);
    }
  });

  it('lets our own page go fullscreen for presenter mode', () => {
    const { session, handlers } = fakeSession();
    restrictPermissions(session);
    const callback = vi.fn();
    handlers.request?.(ours, 'fullscreen', callback, { requestingUrl: 'app://liftoff/index.html', isMainFrame: true });
    expect(callback).toHaveBeenCalledWith(true);
  });

  it('refuses fullscreen to any page that is not from app://liftoff', () => {
    const { session, handlers } = fakeSession();
    restrictPermissions(session);
    for (const url of ['https://example.com/', 'app://evil/index.html', 'app://liftoff@evil/index.html', 'file:///index.html', 'http://127.0.0.1:5173/', 'about:blank', '', 'not a url']) {
      const callback = vi.fn();
      handlers.request?.({ getURL: () => url }, 'fullscreen', callback, { requestingUrl: url });
      expect(callback, url).toHaveBeenCalledWith(false);
    }
  });

  it('refuses fullscreen when the requesting frame is not ours, even inside our page', () => {
    expect(isPermissionAllowed('fullscreen', 'app://liftoff/index.html', 'https://example.com/ad.html')).toBe(false);
    expect(isPermissionAllowed('fullscreen', 'app://liftoff/index.html', 'app://liftoff/index.html')).toBe(true);
    expect(isPermissionAllowed('fullscreen', 'app://liftoff/index.html')).toBe(true);
    expect(isPermissionAllowed('FULLSCREEN', 'app://liftoff/index.html')).toBe(false);
  });

  it('grants persistent storage to our own page, so Chromium never evicts the workshops', () => {
    const { session, handlers } = fakeSession();
    restrictPermissions(session);
    const callback = vi.fn();
    handlers.request?.(ours, 'persistent-storage', callback, { requestingUrl: 'app://liftoff/index.html', isMainFrame: true });
    expect(callback).toHaveBeenCalledWith(true);
    expect(handlers.check?.(ours, 'persistent-storage', 'app://liftoff', { requestingUrl: 'app://liftoff/index.html', isMainFrame: true })).toBe(true);
    expect(handlers.check?.(null, 'persistent-storage', 'app://liftoff/', { isMainFrame: true })).toBe(true);
  });

  it('refuses persistent storage to any other origin or an embedded frame', () => {
    for (const url of ['https://example.com/', 'app://evil/index.html', 'app://liftoff@evil/', 'file:///index.html', '', 'null']) {
      const callback = vi.fn();
      const { session, handlers } = fakeSession();
      restrictPermissions(session);
      handlers.request?.({ getURL: () => url }, 'persistent-storage', callback, { requestingUrl: url });
      expect(callback, url).toHaveBeenCalledWith(false);
      expect(isPermissionCheckAllowed('persistent-storage', url, { requestingUrl: url }), url).toBe(false);
    }
    expect(isPermissionAllowed('persistent-storage', 'app://liftoff/index.html', 'https://example.com/frame.html')).toBe(false);
    expect(isPermissionCheckAllowed('persistent-storage', 'app://liftoff', { requestingUrl: 'https://example.com/frame.html' })).toBe(false);
    expect(isPermissionCheckAllowed('persistent-storage', 'app://liftoff', { embeddingOrigin: 'https://example.com' })).toBe(false);
  });

  it('answers every other permission check, and every device request, with false', () => {
    const { session, handlers } = fakeSession();
    restrictPermissions(session);
    for (const permission of ['media', 'fullscreen', 'notifications', 'clipboard-read', 'geolocation', 'storage-access']) {
      expect(handlers.check?.(ours, permission, 'app://liftoff', { requestingUrl: 'app://liftoff/index.html', isMainFrame: true }), permission).toBe(false);
    }
    expect(handlers.device?.({ deviceType: 'usb', origin: 'app://liftoff' })).toBe(false);
  });

  it('installs the hooks on every web contents the app creates', () => {
    const { session } = fakeSession();
    installSecurity(session);
    expect(electron.app.on).toHaveBeenCalledWith('web-contents-created', expect.any(Function));
    const { contents } = fakeWebContents();
    const created = electron.app.on.mock.calls[0]?.[1] as unknown as (event: unknown, contents: WebContents) => void;
    created({}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
  });
});

describe('the renderer page', () => {
  it('declares the same policy in its meta tag, less what a meta tag cannot carry', async () => {
    const source = await readFile(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
    // The build fills the placeholder through vite.config.ts's plugin: run that plugin as the build does.
    const config = (await import('../../../vite.config')).default as { plugins: unknown[] };
    const plugin = config.plugins.flat().find((p) => (p as { name?: string }).name === 'liftoff-csp') as { transformIndexHtml: (h: string) => string };
    const html = plugin.transformIndexHtml(source);
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const fromMain = CONTENT_SECURITY_POLICY.split(';')
      .map((d) => d.trim())
      .filter((d) => !d.startsWith('frame-ancestors'));
    expect(meta?.split(';').map((d) => d.trim())).toEqual(fromMain);
  });
});
