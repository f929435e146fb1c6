import { repos } from './repos';
import { save } from './persist';
import { useAppStore } from './store';

/** Undo (or redo) the latest step in a scope: a workshop id, or null on the home screen. */
export async function runHistory(direction: 'undo' | 'redo', scope: string | null): Promise<void> {
  const result = await save(() => (direction === 'undo' ? repos.history.undo(scope) : repos.history.redo(scope)));
  const store = useAppStore.getState();
  if (result === null) {
    store.showToast({ tone: 'info', message: direction === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.' });
  } else if (result) {
    store.showToast({ tone: 'info', message: `${direction === 'undo' ? 'Undone' : 'Redone'}: ${result.label}` });
  }
}
