import type { Workshop } from '../../domain/model';

export function PipelineView({ workshop }: { workshop: Workshop }) {
  return <section aria-label="Pipeline">{workshop.name}</section>;
}
