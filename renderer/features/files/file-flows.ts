// What "Open workshop file" and "Save workshop file" do, wherever they are started from
// (buttons, the native menu, Ctrl+O / Ctrl+S in a browser, a double-click on a workshop file in
// the system when Liftoff is the desktop app).
import { navigate } from '../../app/router';
import { useAppStore } from '../../app/store';
import { interfaceT } from '../../i18n/interface-language';
import { onFilesOpenedBySystem, type OpenedFile } from '../../lib/desktop';
import { exportWorkshop, importOpenedFile, importWorkshopFile, WORKSHOP_FILE_MAX_BYTES, type ImportOutcome } from './workshop-file-actions';

export async function openWorkshopFileFlow(): Promise<void> {
  showImportOutcome(await importWorkshopFile());
}

/** A file the person opened from the system (desktop app): the same import and messages as File → Open. */
export async function openSystemFileFlow(file: OpenedFile): Promise<void> {
  showImportOutcome(await importOpenedFile(file));
}

/** Imports every workshop file the system asks the desktop app to open; call once at startup. */
export function startOpeningSystemFiles(): () => void {
  return onFilesOpenedBySystem(WORKSHOP_FILE_MAX_BYTES, openSystemFileFlow);
}

function showImportOutcome(outcome: ImportOutcome): void {
  const store = useAppStore.getState();
  if (!outcome) return;
  if (!outcome.ok) {
    store.openDialog({ kind: 'file-error', title: outcome.title, message: outcome.message, details: outcome.details });
    return;
  }
  const { t } = interfaceT();
  store.showToast({
    tone: 'success',
    message: t(outcome.asCopy ? 'files.importedAsCopy' : 'files.imported', { name: outcome.workshop.name }),
  });
  navigate({ name: 'workshop', workshopId: outcome.workshop.id, tab: 'use-cases' });
}

export async function saveWorkshopFileFlow(workshopId: string): Promise<void> {
  const store = useAppStore.getState();
  const result = await exportWorkshop(workshopId);
  if (!result) return;
  const { t } = interfaceT();
  if (!result.ok) store.openDialog({ kind: 'file-error', title: t('files.saveFailedTitle'), message: result.message });
  else store.showToast({ tone: 'success', message: t('files.saved', { path: result.path }) });
}
