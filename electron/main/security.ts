// Secure defaults for every web contents the app creates: a strict CSP, no navigation but a reload
// of our own page, no new windows, no permissions but fullscreen and persistent storage for our own
// page, no webviews. External http(s) links open in the system browser.
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

/**
 * The app's one page, exactly as the app loads it: app://liftoff/ or app://liftoff/index.html,
 * with any query or hash (the router lives in the hash). Matched on the raw text, so no other
 * file, host, dot segment or encoding of either passes.
 */
const APP_PAGE_URL = /^app:\/\/liftoff\/(?:index\.html)?(?:\?[^#\s]*)?(?:#\S*)?$/;

export function isAppPageUrl(url: string): boolean {
  return APP_PAGE_URL.test(url);
}

/**
 * The renderer is a single page: a navigation to anything else is either a link or an attack.
 * Navigating to the page itself is a reload (location.reload(), the error screens' Reload button),
 * which Chromium reports here too; that one goes through.
 */
export function handleWillNavigate(event: NavigationEvent, url: string): void {
  if (isAppPageUrl(url)) return;
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
 * The permissions the app uses, granted only to our own page (a page from anywhere else, if one
 * were ever loaded, gets nothing):
 *  - fullscreen, as a request, which Chromium makes after a key press or click (presenter mode in
 *    the desktop app asks main instead, see fullscreen.ts; this covers the page's own requests);
 *  - persistent-storage, so navigator.storage.persist() is granted and Chromium never evicts the
 *    workshops under storage pressure (the Backups screen reports the answer).
 */
const GRANTED_REQUESTS: ReadonlySet<string> = new Set(['fullscreen', 'persistent-storage']);
/** Checks (navigator.permissions.query, persisted()) answer yes only for persistent storage. */
const GRANTED_CHECKS: ReadonlySet<string> = new Set(['persistent-storage']);

export function isPermissionAllowed(permission: string, contentsUrl: string, requestingUrl?: string): boolean {
  if (!GRANTED_REQUESTS.has(permission)) return false;
  if (originOf(contentsUrl) !== APP_ORIGIN) return false;
  return requestingUrl === undefined || requestingUrl === '' || originOf(requestingUrl) === APP_ORIGIN;
}

type PermissionCheckDetails = { requestingUrl?: string; embeddingOrigin?: string };

export function isPermissionCheckAllowed(permission: string, requestingOrigin: string, details: PermissionCheckDetails): boolean {
  if (!GRANTED_CHECKS.has(permission)) return false;
  if (originOf(requestingOrigin) !== APP_ORIGIN) return false;
  // Set only for a cross-origin frame inside another page; ours has none.
  if (details.embeddingOrigin !== undefined && details.embeddingOrigin !== '') return false;
  return details.requestingUrl === undefined || details.requestingUrl === '' || originOf(details.requestingUrl) === APP_ORIGIN;
}

export function restrictPermissions(session: Session): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) =>
    callback(isPermissionAllowed(permission, contents.getURL(), details?.requestingUrl)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionCheckAllowed(permission, requestingOrigin, details ?? {}),
  );
  session.setDevicePermissionHandler(() => false);
}

/** Call before any window exists, so no web contents is ever created without the hooks. */
export function installSecurity(session: Session): void {
  restrictPermissions(session);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
