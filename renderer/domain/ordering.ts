// Fractional ordering: a moved item gets a position between its new neighbours, so a move
// writes one row. When two neighbours get too close (after many moves into the same gap) the
// caller renumbers the list.

/** A position between `before` and `after` (either may be null at the ends), or null if no room is left. */
export function orderBetween(before: number | null, after: number | null): number | null {
  if (before === null && after === null) return 1;
  if (before === null) return (after as number) - 1;
  if (after === null) return before + 1;
  const mid = (before + after) / 2;
  if (!(mid > before && mid < after) || after - before < 1e-9) return null;
  return mid;
}
