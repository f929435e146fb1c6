import { repos } from '../../app/repos';
import { saveWithUndo } from '../../app/undo';
import type { UseCase } from '../../domain/model';

/** Deletes a use case (from the list or the editor) and offers Undo. */
export async function deleteUseCase(u: UseCase): Promise<void> {
  await saveWithUndo(() => repos.useCases.remove(u.id), {
    message: `Deleted “${u.title}”.`,
    scope: u.workshopId,
  });
}
