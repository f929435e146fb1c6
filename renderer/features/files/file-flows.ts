// What "Open workshop file" and "Save workshop file" do, wherever they are started from
// (buttons, the native menu, Ctrl+O / Ctrl+S in a browser).
import { navigate } from '../../app/router';
import { useAppStore } from '../../app/store';
import { exportWorkshop, importWorkshopFile } from './workshop-file-actions';

export async function openWorkshopFileFlow(): Promise<void> {
  const store = useAppStore.getState();
  const outcome = await importWorkshopFile();
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
