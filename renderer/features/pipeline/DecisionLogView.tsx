import type { Workshop } from '../../domain/model';

export function DecisionLogView({ workshop }: { workshop: Workshop }) {
  return <section aria-label="Decision log">{workshop.name}</section>;
}
