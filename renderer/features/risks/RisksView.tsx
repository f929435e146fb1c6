import type { Workshop } from '../../domain/model';

export function RisksView({ workshop, useCaseId }: { workshop: Workshop; useCaseId?: string | undefined }) {
  return <section aria-label="Risks">{workshop.name} {useCaseId}</section>;
}
