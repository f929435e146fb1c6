// Secure defaults for every web contents the app creates: a strict CSP, no navigation, no new
// windows, no permissions but fullscreen for our own page, no webviews. External http(s) links open in the system browser.
// Each hook is exported on its own so the tests can drive it without a real window.
import { app, shell, type Session, type WebContents } from 'electron';
import { APP_ORIGIN, originOf } from './trusted-origin';

/** Sent as a header with every app:// response; one definition for every server of the app (common/). */
export { CONTENT_SECURITY_POLICY } from '../../common/web-policy.mjs';

/** Only web links leave the app; file:, javascript:, custom schemes and the like never reach the OS. */
export function isExternalWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** Hands an http(s) URL to the system browser; returns whether it did. */
export function openExternalSafely(url: string): boolean {
  if (!isExternalWebUrl(url)) return false;
  shell.openExternal(url).catch((error: unknown) => {
    console.warn('Could not open the external link', error);
  });
  return true;
}

type NavigationEvent = { preventDefault: () => void };

/** The renderer is a single page: any navigation away from it is either a link or an attack. */
export function handleWillNavigate(event: NavigationEvent, url: string): void {
  event.preventDefault();
  openExternalSafely(url);
}

export function handleWillRedirect(event: NavigationEvent): void {
  event.preventDefault();
}

/** window.open and target=_blank never create an Electron window. */
export function handleWindowOpen(details: { url: string }): { action: 'deny' } {
  openExternalSafely(details.url);
  return { action: 'deny' };
}

export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => handleWillNavigate(event, url));
  contents.on('will-redirect', (event) => handleWillRedirect(event));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler((details) => handleWindowOpen(details));
}

/**
 * The one permission the app uses: presenter mode puts the page in fullscreen. Granted only to our
 * own page (a page from anywhere else, if one were ever loaded, gets nothing) and only as a request,
 * which Chromium makes after a key press or click; checks (used for fullscreen without a gesture)
 * stay denied.
 */
export function isPermissionAllowed(permission: string, contentsUrl: string, requestingUrl?: string): boolean {
  if (permission !== 'fullscreen') return false;
  if (originOf(contentsUrl) !== APP_ORIGIN) return false;
  return requestingUrl === undefined || requestingUrl === '' || originOf(requestingUrl) === APP_ORIGIN;
}

export function restrictPermissions(session: Session): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) =>
    callback(isPermissionAllowed(permission, contents.getURL(), details?.requestingUrl)),
  );
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Call before any window exists, so no web contents is ever created without the hooks. */
export function installSecurity(session: Session): void {
  restrictPermissions(session);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
