// What "Open workshop file" and "Save workshop file" do, wherever they are started from
// (buttons, the native menu, Ctrl+O / Ctrl+S in a browser, a double-click on a workshop file in
// the system when Liftoff is the desktop app).
import { navigate } from '../../app/router';
import { useAppStore } from '../../app/store';
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
  store.showToast({
    tone: 'success',
    message: outcome.asCopy
      ? `This workshop was already here, so the file was imported as a copy: “${outcome.workshop.name}”.`
      : `Imported “${outcome.workshop.name}”.`,
  });
  navigate({ name: 'workshop', workshopId: outcome.workshop.id, tab: 'use-cases' });
}

export async function saveWorkshopFileFlow(workshopId: string): Promise<void> {
  const store = useAppStore.getState();
  const result = await exportWorkshop(workshopId);
  if (!result) return;
  if (!result.ok) store.openDialog({ kind: 'file-error', title: 'The workshop could not be saved to a file', message: result.message });
  else store.showToast({ tone: 'success', message: `Saved to ${result.path}` });
}
