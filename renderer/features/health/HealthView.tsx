import type { Workshop } from '../../domain/model';

export function HealthView({ workshop }: { workshop: Workshop }) {
  return <section aria-label="Roadmap health check">{workshop.name}</section>;
}
