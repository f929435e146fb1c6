import type { Workshop } from '../../domain/model';

export function GovernanceView({ workshop }: { workshop: Workshop }) {
  return <section aria-label="Ownership and cadence">{workshop.name}</section>;
}
