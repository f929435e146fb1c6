import type { Workshop } from '../../domain/model';

export function KpisView({ workshop, useCaseId }: { workshop: Workshop; useCaseId?: string | undefined }) {
  return <section aria-label="KPIs">{workshop.name} {useCaseId}</section>;
}
