import { repos } from '../../app/repos';
import { save } from '../../app/persist';
import { useAppStore } from '../../app/store';
import { runHistory } from '../../app/undo';
import type { UseCase } from '../../domain/model';

/** Deletes a use case (from the list or the editor) and offers Undo. */
export async function deleteUseCase(u: UseCase): Promise<void> {
  await save(() => repos.useCases.remove(u.id));
  useAppStore.getState().showToast({
    tone: 'info',
    message: `Deleted “${u.title}”.`,
    action: { label: 'Undo', run: () => void runHistory('undo', u.workshopId) },
  });
}
