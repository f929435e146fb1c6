// Keyboard shortcuts and native-menu commands: the composition root (beside App.tsx) wires them to
// the features, so nothing in app/ depends on a feature.
import { useEffect } from 'react';
import { isDesktop, onMenuCommand, type MenuCommand } from './lib/desktop';
import { runHistory } from './app/undo';
import { useAppStore } from './app/store';
import { navigate } from './app/router';
import { openWorkshopFileFlow, saveWorkshopFileFlow } from './features/files/file-flows';
import { exitPresenter, togglePresenter } from './features/presenter/presenter-mode';
import { interfaceT } from './i18n/interface-language';

/** Runs a command from the native menu or a browser shortcut. `scope` is the open workshop, if any. */
export function runCommand(cmd: MenuCommand, scope: string | null): void {
  const store = useAppStore.getState();
  switch (cmd) {
    case 'undo':
    case 'redo':
      void runHistory(cmd, scope);
      return;
    case 'new-workshop':
      navigate({ name: 'home' });
      store.openDialog({ kind: 'new-workshop' });
      return;
    case 'open-workshop-file':
      void openWorkshopFileFlow();
      return;
    case 'save-workshop-file':
      if (scope) void saveWorkshopFileFlow(scope);
      else store.showToast({ tone: 'info', message: interfaceT().t('shortcuts.needWorkshop.save') });
      return;
    case 'import-csv':
      if (!scope) {
        store.showToast({ tone: 'info', message: interfaceT().t('shortcuts.needWorkshop.import') });
        return;
      }
      navigate({ name: 'workshop', workshopId: scope, tab: 'use-cases' });
      store.openDialog({ kind: 'import-csv', workshopId: scope });
      return;
    case 'export-sponsor-pack':
      if (!scope) {
        store.showToast({ tone: 'info', message: interfaceT().t('shortcuts.needWorkshop.export') });
        return;
      }
      store.openDialog({ kind: 'export', workshopId: scope });
      return;
    case 'toggle-presenter':
      if (scope) togglePresenter();
      else store.showToast({ tone: 'info', message: interfaceT().t('shortcuts.needWorkshop.present') });
      return;
  }
}

/**
 * Undo and redo are the app's own (every change is stored at once, so they replace the text
 * fields' native undo too). In the desktop app the other shortcuts belong to the native menu;
 * in a browser they are handled here.
 */
export function useGlobalShortcuts(scope: string | null): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (e.key === 'Escape' && useAppStore.getState().presenter && !e.defaultPrevented) {
        exitPresenter();
        return;
      }
      // In the desktop app F5 is the View menu's accelerator; in a browser it would reload the page.
      if (e.key === 'F5' && !mod && !e.altKey && !e.shiftKey && !isDesktop()) {
        e.preventDefault();
        runCommand('toggle-presenter', scope);
        return;
      }
      if (!mod || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key === 'z' || key === 'y') {
        e.preventDefault();
        runCommand(key === 'y' || e.shiftKey ? 'redo' : 'undo', scope);
        return;
      }
      if (isDesktop()) return;
      const cmd: MenuCommand | null = key === 's' ? 'save-workshop-file' : key === 'o' ? 'open-workshop-file' : key === 'i' ? 'import-csv' : key === 'e' ? 'export-sponsor-pack' : null;
      if (cmd) {
        e.preventDefault();
        runCommand(cmd, scope);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [scope]);

  useEffect(() => onMenuCommand((cmd) => runCommand(cmd, scope)), [scope]);

  // Presenter mode belongs to an open workshop; going back to the list ends it.
  useEffect(() => {
    if (scope === null && useAppStore.getState().presenter) exitPresenter();
  }, [scope]);
}
