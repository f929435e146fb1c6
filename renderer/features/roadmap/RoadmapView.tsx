import type { Workshop } from '../../domain/model';

export function RoadmapView({ workshop }: { workshop: Workshop }) {
  return <section aria-label="Roadmap">{workshop.name}</section>;
}
