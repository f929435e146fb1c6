// Structural sharing for live queries: a live query hands back new objects every time it runs,
// even for rows that did not change, so every memoised row of a screen would draw again. With a
// room of 200 phones sending, the masked grid then re-set 600 inputs for every stored batch.
// Rows equal to the ones of the previous run keep their old object (and an unchanged list its
// old array), so React skips what did not change.

type Row = { readonly id: string };

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  // Nested values (a use case's rubric notes, a round's settings) are small: compare their text.
  return JSON.stringify(a) === JSON.stringify(b);
}

/** True when two rows hold the same fields with the same values. */
export function sameRow(a: object, b: object): boolean {
  const ak = Object.keys(a);
  if (ak.length !== Object.keys(b).length) return false;
  for (const k of ak) {
    if (!(k in b) || !sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/**
 * `next` with each row that equals the previous run's row of the same id replaced by that old
 * object; the previous array itself when nothing changed (same rows, same order).
 */
export function shareRows<T extends Row>(previous: readonly T[] | undefined, next: readonly T[]): readonly T[] {
  if (!previous) return next;
  const old = new Map(previous.map((r) => [r.id, r]));
  let changed = previous.length !== next.length;
  const out = next.map((row, i) => {
    const before = old.get(row.id);
    if (before && sameRow(before, row)) {
      if (previous[i] !== before) changed = true;
      return before;
    }
    changed = true;
    return row;
  });
  return changed ? out : previous;
}
