import type { Workshop } from '../../domain/model';
// Placeholder while this screen is being built.
export function MatrixView({ workshop }: { workshop: Workshop }) {
  return <section className="details" data-id={String(workshop.id)}>Coming in this change.</section>;
}
