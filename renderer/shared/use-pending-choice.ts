import { useState } from 'react';
import { save } from '../app/persist';

/**
 * A choice (radio, select) bound to a stored value. The choice shows at once, while its write is
 * on its way: a controlled input would otherwise snap back to the stored value for the moment
 * before the database echo arrives. The stored value wins again once the write has landed (or
 * failed), so an undo or another window's change still shows.
 */
export function usePendingChoice<T>(stored: T, write: (value: T) => Promise<boolean>): [T, (value: T) => void] {
  const [pending, setPending] = useState<{ value: T } | null>(null);
  const [seen, setSeen] = useState<T>(stored);
  if (!Object.is(stored, seen)) {
    setSeen(stored);
    // Our own write has landed. A stored value that is not ours (an older write of a quick
    // sequence) leaves the newer choice on screen until its own write lands.
    if (pending && Object.is(pending.value, stored)) setPending(null);
  }
  const choose = (value: T) => {
    if (Object.is(value, pending ? pending.value : stored)) return;
    setPending({ value });
    void write(value).then((ok) => {
      if (!ok) setPending((p) => (p && Object.is(p.value, value) ? null : p));
    });
  };
  return [pending ? pending.value : stored, choose];
}

/** Runs a write through `save` (saved indicator, error toast) and says whether it was stored. */
export async function saveChoice(write: () => Promise<unknown>): Promise<boolean> {
  const ok = await save(async () => {
    await write();
    return true;
  });
  return ok === true;
}
