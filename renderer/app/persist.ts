// Every write from the UI goes through `save`, which drives the visible saved state:
// "Saving…" while a write is under way, "Saved" only once IndexedDB has committed it.
import { useAppStore } from './store';
import { notifyBackupActivity } from './backups';
import { interfaceT } from '../i18n/interface-language';

export function errorMessage(err: unknown): string {
  if (err instanceof Error) {
    if (err.name === 'QuotaExceededError' || /quota/i.test(err.message)) {
      return interfaceT().t('save.diskFull');
    }
    return err.message;
  }
  return String(err);
}

export async function save<T>(write: () => Promise<T>): Promise<T | undefined> {
  const store = useAppStore.getState();
  store.beginWrite();
  try {
    const result = await write();
    useAppStore.getState().endWrite();
    notifyBackupActivity();
    return result;
  } catch (err) {
    const message = errorMessage(err);
    useAppStore.getState().endWrite(message);
    useAppStore.getState().showToast({ tone: 'error', message: interfaceT().t('save.failed', { message }) });
    return undefined;
  }
}
