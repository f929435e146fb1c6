// Layout rules of the prioritization matrix: which cell a use case sits in, what a cell is
// called, how the keyboard steps between cells, and how a crowded cell stays readable (a few
// cards by rank, the rest behind "+k more"). Pure, so the screen and its tests share them.
import { HIGH_FROM_CELL, matrixCell, quadrantOf, type Consensus, type Quadrant } from './scoring';
import { msg, type Message } from './message';

/** The matrix has five levels on each axis, like the scores. */
export const MATRIX_LEVELS = [1, 2, 3, 4, 5] as const;

/** One cell: business impact (rows, 5 at the top) by feasibility (columns, 5 on the right). */
export type Cell = { impact: number; feasibility: number };

/** Quadrants in reading order of the grid: top left, top right, bottom left, bottom right. */
export const QUADRANT_ORDER: readonly Quadrant[] = ['strategic-bets', 'quick-wins', 'deprioritize', 'fill-ins'];

export function cellKey(cell: Cell): string {
  return `cell-${cell.impact}-${cell.feasibility}`;
}

/** The cell a drop target id stands for, or null for anything else. */
export function parseCellKey(key: string | number): Cell | null {
  const m = /^cell-([1-5])-([1-5])$/.exec(String(key));
  return m ? { impact: Number(m[1]), feasibility: Number(m[2]) } : null;
}

export function sameCell(a: Cell | null, b: Cell | null): boolean {
  return a !== null && b !== null && a.impact === b.impact && a.feasibility === b.feasibility;
}

/** The cell of a pair of consensus values (medians such as 3.5 round up), or null while either is unscored. */
export function cellOf(impact: number | null, feasibility: number | null): Cell | null {
  if (impact === null || feasibility === null) return null;
  return { impact: matrixCell(impact), feasibility: matrixCell(feasibility) };
}

export function quadrantOfCell(cell: Cell): Quadrant {
  // quadrantOf only returns null for a missing value, and a cell has both.
  return quadrantOf(cell.impact, cell.feasibility) as Quadrant;
}

export function isHigh(level: number): boolean {
  return level >= HIGH_FROM_CELL;
}

/**
 * The accessible name of a cell, as a message the screen says in its reader's language:
 * "Impact 4, feasibility 3, Strategic bets" / "Impact 4, Machbarkeit 3, Strategische Wetten".
 */
export function cellName(cell: Cell): Message {
  return msg('matrix.cellName', { impact: cell.impact, feasibility: cell.feasibility, quadrant: msg(`quadrant.${quadrantOfCell(cell)}`) });
}

/**
 * The same words inside a sentence, for announcements and toasts: "impact 4, feasibility 3,
 * strategic bets" (German nouns keep their capital, so the quadrant has its own in-sentence form).
 */
export function cellPhrase(cell: Cell): Message {
  return msg('matrixDnd.cell', { impact: cell.impact, feasibility: cell.feasibility, quadrant: msg(`matrix.quadrantInSentence.${quadrantOfCell(cell)}`) });
}

export type Direction = 'up' | 'down' | 'left' | 'right';

/** Where a keyboard user enters the grid from outside it (the tray): the middle cell. */
export const ENTRY_CELL: Cell = { impact: 3, feasibility: 3 };

/**
 * One arrow key moves exactly one cell: up raises impact, right raises feasibility. The edges
 * hold (no wrap-around), because wrapping would silently move a card to the opposite quadrant.
 */
export function stepCell(from: Cell | null, direction: Direction): Cell {
  if (from === null) return ENTRY_CELL;
  const clamp = (n: number) => Math.min(5, Math.max(1, n));
  switch (direction) {
    case 'up':
      return { impact: clamp(from.impact + 1), feasibility: from.feasibility };
    case 'down':
      return { impact: clamp(from.impact - 1), feasibility: from.feasibility };
    case 'right':
      return { impact: from.impact, feasibility: clamp(from.feasibility + 1) };
    case 'left':
      return { impact: from.impact, feasibility: clamp(from.feasibility - 1) };
  }
}

/** What the matrix needs of a use case. `position` is its place in the ranking (0 = first). */
export type MatrixItem = { id: string; position: number; cell: Cell | null };

export type MatrixLayout<T extends MatrixItem> = {
  /** Cards per cell key, best ranked first. Empty cells are absent. */
  cells: Map<string, T[]>;
  /** Use cases missing impact or feasibility, in ranking order. */
  unplaced: T[];
};

function byPosition(a: MatrixItem, b: MatrixItem): number {
  return a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Sorts use cases into their cells; order inside a cell follows the ranking, so it is stable. */
export function layoutMatrix<T extends MatrixItem>(items: readonly T[]): MatrixLayout<T> {
  const cells = new Map<string, T[]>();
  const unplaced: T[] = [];
  for (const item of [...items].sort(byPosition)) {
    if (!item.cell) {
      unplaced.push(item);
      continue;
    }
    const key = cellKey(item.cell);
    const list = cells.get(key);
    if (list) list.push(item);
    else cells.set(key, [item]);
  }
  return { cells, unplaced };
}

/**
 * How many card rows fit in a cell of this inner height. At least one, so a crowded cell always
 * shows a card and its "+k more" button even when the window is tiny.
 */
export function cellCapacity(innerHeight: number, rowHeight: number, gap: number): number {
  if (!(innerHeight > 0) || !(rowHeight > 0)) return 1;
  return Math.max(1, Math.floor((innerHeight + Math.max(0, gap)) / (rowHeight + Math.max(0, gap))));
}

export type CrowdedCell<T> = { visible: T[]; hidden: T[] };

/**
 * Which cards a cell shows: as many as it has rows, best ranked first; the rest are counted by a
 * small "+k more" button that shares the last row. The pinned card (the one just moved) is shown
 * in place of the lowest ranked visible one, so a person always sees where their card landed.
 * Both lists keep the ranking order, whatever order the cards arrive in.
 */
export function crowdCell<T extends MatrixItem>(items: readonly T[], capacity: number, pinnedId: string | null = null): CrowdedCell<T> {
  const sorted = [...items].sort(byPosition);
  const rows = Math.max(1, Math.floor(capacity));
  if (sorted.length <= rows) return { visible: sorted, hidden: [] };
  let visible = sorted.slice(0, rows);
  const pinned = pinnedId === null ? undefined : sorted.find((i) => i.id === pinnedId);
  if (pinned && !visible.includes(pinned)) visible = [...visible.slice(0, rows - 1), pinned].sort(byPosition);
  const hidden = sorted.filter((i) => !visible.includes(i));
  return { visible, hidden };
}

/**
 * A cell with room for every card twice over gives each card two lines, so full titles show
 * whenever the portfolio is small enough; crowded cells keep one line per card.
 */
export function hasRoomForTwoLines(count: number, capacity: number): boolean {
  return count > 0 && count * 2 <= capacity;
}

export type QuadrantCounts = Record<Quadrant, number> & { unplaced: number };

/** How many use cases each quadrant holds, and how many are not on the matrix yet. */
export function quadrantCounts(items: readonly MatrixItem[]): QuadrantCounts {
  const counts: QuadrantCounts = { 'quick-wins': 0, 'strategic-bets': 0, 'fill-ins': 0, deprioritize: 0, unplaced: 0 };
  for (const item of items) {
    if (item.cell) counts[quadrantOfCell(item.cell)] += 1;
    else counts.unplaced += 1;
  }
  return counts;
}

/** The colour step (1–5) of a readiness value; a median such as 3.5 takes the step above. Null when unscored. */
export function readinessStep(readiness: number | null): number | null {
  return readiness === null || Number.isNaN(readiness) ? null : matrixCell(readiness);
}

export type RoundOverride = { criterion: 'impact' | 'feasibility'; round: number; from: number; to: number };

/**
 * What a drop on the matrix takes away from the room: each of impact and feasibility whose
 * consensus is a revealed round's median and whose value the drop changes. Such a drop overrides
 * the consensus, so it asks for a reason, as "Override…" does. Empty when nothing a round decided
 * changes (a card placed from initial scores, or moved back onto its median).
 */
export function roundsOverriddenBy(consensus: Pick<Consensus, 'impact' | 'feasibility'>, to: Cell): RoundOverride[] {
  const out: RoundOverride[] = [];
  for (const criterion of ['impact', 'feasibility'] as const) {
    const v = consensus[criterion];
    if (v.source !== 'round' || v.value === null || v.value === to[criterion]) continue;
    out.push({ criterion, round: v.roundNumber ?? 0, from: v.value, to: to[criterion] });
  }
  return out;
}
