// The security regression table for the window: every way a page can try to leave app://liftoff
// (a clicked link, a redirect, a dropped file, which Chromium turns into a file:// navigation,
// window.open, target=_blank) and every permission a page can ask for.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  app: { on: vi.fn() },
  shell: { openExternal: vi.fn(() => Promise.resolve()) },
}));
vi.mock('electron', () => electron);

const { handleWillNavigate, handleWillRedirect, handleWindowOpen, isPermissionAllowed } = await import('../../../electron/main/security');

beforeEach(() => vi.clearAllMocks());

/** URLs that must never be loaded in the window nor handed to the operating system. */
const NEVER_OPENED = [
  'file:///home/consultant/Downloads/invoice.html', // a file dropped on the window
  'file:///C:/Users/me/Desktop/plan.liftoff.json',
  'file://server/share/evil.html',
  'javascript:alert(document.domain)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'blob:app://liftoff/5d4c3b2a',
  'vbscript:msgbox(1)',
  'ms-msdt:/id PCWDiagnostic /skip force',
  'search-ms:query=invoice&crumb=location:\\\\evil\\share',
  'smb://evil.example/share',
  'ftp://evil.example/payload',
  'mailto:ceo@client.example?body=secret',
  'app://liftoff/../../etc/passwd',
  'app://evil/index.html',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'about:blank',
  '\\\\evil\\share\\x.html',
  'not a url at all',
  '',
];

/** Ordinary web links: kept out of the window, opened in the person's browser. */
const WEB_LINKS = ['https://example.com/guide', 'http://intranet.client.example/ai-policy', 'HTTPS://EXAMPLE.COM/'];

describe('navigation away from the app', () => {
  it.each(NEVER_OPENED.map((u) => [u]))('prevents %j and does not hand it to the OS', (url) => {
    const event = { preventDefault: vi.fn() };
    handleWillNavigate(event, url);
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
    expect(handleWindowOpen({ url })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it.each(WEB_LINKS.map((u) => [u]))('keeps %j out of the window and opens it in the browser', (url) => {
    const event = { preventDefault: vi.fn() };
    handleWillNavigate(event, url);
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
    expect(handleWindowOpen({ url })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledTimes(2);
  });

  it('prevents every server redirect, wherever it points', () => {
    for (const url of [...NEVER_OPENED, ...WEB_LINKS]) {
      const event = { preventDefault: vi.fn() };
      handleWillRedirect(event);
      expect(event.preventDefault, url).toHaveBeenCalledTimes(1);
    }
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('permission requests', () => {
  const PERMISSIONS = [
    'media',
    'geolocation',
    'notifications',
    'midi',
    'midiSysex',
    'pointerLock',
    'openExternal',
    'clipboard-read',
    'clipboard-sanitized-write',
    'display-capture',
    'idle-detection',
    'keyboardLock',
    'fileSystem',
    'hid',
    'serial',
    'usb',
    'storage-access',
    'window-management',
    'unknown',
  ];

  it.each(PERMISSIONS.map((p) => [p]))('denies %s even to our own page', (permission) => {
    expect(isPermissionAllowed(permission, 'app://liftoff/index.html', 'app://liftoff/index.html')).toBe(false);
    expect(isPermissionAllowed(permission, 'https://evil.example/', 'https://evil.example/')).toBe(false);
  });

  it('allows fullscreen only to app://liftoff, never to a look-alike', () => {
    expect(isPermissionAllowed('fullscreen', 'app://liftoff/index.html')).toBe(true);
    for (const url of ['app://liftoff@evil/', 'app://liftoff.evil/', 'app://evil/', 'file:///index.html', 'http://127.0.0.1/', 'not a url']) {
      expect(isPermissionAllowed('fullscreen', url), url).toBe(false);
      expect(isPermissionAllowed('fullscreen', 'app://liftoff/index.html', url), url).toBe(false);
    }
  });
});
