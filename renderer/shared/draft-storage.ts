// Text typed into a box that has not been submitted yet (the capture box) is kept in
// localStorage on every keystroke, so a crash or a reload does not lose a half-typed title.
const PREFIX = 'liftoff:draft:';

export function loadDraft(key: string): string {
  try {
    return window.localStorage.getItem(PREFIX + key) ?? '';
  } catch {
    return '';
  }
}

export function storeDraft(key: string, value: string): void {
  try {
    if (value) window.localStorage.setItem(PREFIX + key, value);
    else window.localStorage.removeItem(PREFIX + key);
  } catch {
    // Storage refused (private mode, quota): the draft stays on screen, nothing else to do.
  }
}
