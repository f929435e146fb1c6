import { useEffect } from 'react';
import { isDesktop, onMenuCommand } from '../lib/desktop';
import { runHistory } from './undo';
import { useAppStore } from './store';
import { navigate } from './router';

/**
 * Undo and redo are the app's own (every change is stored at once, so they replace the text
 * fields' native undo too). In the desktop app the other shortcuts belong to the native menu;
 * in a browser they are handled here.
 */
export function useGlobalShortcuts(scope: string | null): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (!mod || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key === 'z' || key === 'y') {
        e.preventDefault();
        void runHistory(key === 'y' || e.shiftKey ? 'redo' : 'undo', scope);
        return;
      }
      if (isDesktop()) return;
      if (key === 's') {
        e.preventDefault();
        useAppStore.getState().requestCommand('save-workshop-file');
      } else if (key === 'o') {
        e.preventDefault();
        useAppStore.getState().requestCommand('open-workshop-file');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [scope]);

  useEffect(
    () =>
      onMenuCommand((cmd) => {
        if (cmd === 'undo' || cmd === 'redo') void runHistory(cmd, scope);
        else if (cmd === 'toggle-presenter') return;
        else {
          if (cmd === 'new-workshop' || cmd === 'open-workshop-file') navigate({ name: 'home' });
          useAppStore.getState().requestCommand(cmd);
        }
      }),
    [scope],
  );
}
