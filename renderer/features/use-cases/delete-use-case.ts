import { repos } from '../../app/repos';
import { saveWithUndo } from '../../app/undo';
import type { UseCase } from '../../domain/model';
import type { AppTranslator } from '../../i18n/app-catalog';

/** Deletes a use case (from the list or the editor) and offers Undo. */
export async function deleteUseCase(u: UseCase, t: AppTranslator['t']): Promise<void> {
  await saveWithUndo(() => repos.useCases.remove(u.id), {
    message: t('usecases.deletedToast', { title: u.title }),
    scope: u.workshopId,
  });
}
