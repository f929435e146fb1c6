import type { Workshop } from '../../domain/model';
import type { UseCaseSection } from '../../app/router';

export function UseCaseStageView({ workshop, useCaseId, section }: { workshop: Workshop; useCaseId: string; section: UseCaseSection }) {
  return <section aria-label="Stage record">{workshop.name} {useCaseId} {section}</section>;
}
