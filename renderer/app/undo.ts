import { repos } from './repos';
import { save } from './persist';
import { useAppStore } from './store';
import { englishTranslator, loadedAppTranslator } from '../i18n/app-catalog';
import { interfaceLocale } from '../i18n/interface-language';
import { stepName } from '../shared/step-name';

/** The interface language's words outside React (its catalog is loaded before the first screen). */
const ui = () => loadedAppTranslator(interfaceLocale()) ?? englishTranslator;

/** Undo (or redo) the latest step in a scope: a workshop id, or null on the home screen. */
export async function runHistory(direction: 'undo' | 'redo', scope: string | null): Promise<void> {
  const result = await save(() => (direction === 'undo' ? repos.history.undo(scope) : repos.history.redo(scope)));
  const store = useAppStore.getState();
  if (result === null) {
    store.showToast({ tone: 'info', message: ui().t(direction === 'undo' ? 'shared.nothingToUndo' : 'shared.nothingToRedo') });
  } else if (result) {
    store.showToast({ tone: 'info', message: ui().t(direction === 'undo' ? 'shared.undone' : 'shared.redone', { label: stepName(ui(), result) }) });
  }
}

type UndoToast<T> = {
  /** What was done, in words; from the write's result if it depends on it. */
  message: string | ((result: T) => string);
  /** The workshop whose history the Undo button steps back in, or null on the home screen. */
  scope: string | null;
  tone?: 'info' | 'success';
};

/**
 * Saves, and only once the change is stored says what was done, with an Undo button. A refused
 * write shows its own error (see `save`) and never a "done" message. Returns the write's result
 * in a box, or undefined when nothing was stored.
 */
export async function saveWithUndo<T>(write: () => Promise<T>, toast: UndoToast<T>): Promise<{ value: T } | undefined> {
  const stored = await save(async () => ({ value: await write() }));
  if (!stored) return undefined;
  useAppStore.getState().showToast({
    tone: toast.tone ?? 'info',
    message: typeof toast.message === 'function' ? toast.message(stored.value) : toast.message,
    action: { label: ui().t('shared.undo'), run: () => void runHistory('undo', toast.scope) },
  });
  return stored;
}
