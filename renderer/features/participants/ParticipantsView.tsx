
// Placeholder while this screen is being built.
export function ParticipantsView({ workshopId }: { workshopId: string }) {
  return <section className="details" data-id={String(workshopId)}>Coming in this change.</section>;
}
