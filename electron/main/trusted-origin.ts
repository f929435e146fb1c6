// Decides whether an IPC message comes from our own page. Pure (no electron import) so the rule
// is tested directly; typedHandle applies it to every channel before any payload is looked at.

export const APP_SCHEME = 'app';
export const APP_HOST = 'liftoff';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The part of Electron's WebFrameMain this check needs. */
export type SenderFrameLike = {
  readonly url: string;
  readonly parent: unknown;
};

/**
 * The origin of a URL as "scheme://host[:port]". URL.origin cannot be used: for a scheme that is
 * not special to the WHATWG parser (our app:) it is the string "null" for every URL.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  // Credentials in the URL would let "app://liftoff@evil" look like us to a prefix check.
  if (parsed.username !== '' || parsed.password !== '') return null;
  if (parsed.host === '') return null;
  return `${parsed.protocol}//${parsed.host}`;
}

/**
 * Trusted only when the message comes from the top frame (an iframe, even one of ours, never
 * speaks for the app) and that frame shows a page from app://liftoff.
 */
export function isTrustedSender(frame: SenderFrameLike | null | undefined): boolean {
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return originOf(frame.url) === APP_ORIGIN;
}
