import { describe, expect, it } from 'vitest';
import {
  ENTRY_CELL,
  cellCapacity,
  cellKey,
  cellName,
  cellOf,
  cellPhrase,
  crowdCell,
  hasRoomForTwoLines,
  layoutMatrix,
  parseCellKey,
  roundsOverriddenBy,
  quadrantCounts,
  quadrantOfCell,
  readinessStep,
  sameCell,
  stepCell,
  type Cell,
  type MatrixItem,
} from '../../../renderer/domain/matrix-layout';

function item(id: string, position: number, cell: Cell | null): MatrixItem {
  return { id, position, cell };
}

/** n cards in one cell, ranked 0..n-1, ids "c0".."c(n-1)". */
function crowd(n: number, cell: Cell = { impact: 4, feasibility: 4 }): MatrixItem[] {
  return Array.from({ length: n }, (_, i) => item(`c${i}`, i, cell));
}

const ids = (xs: readonly MatrixItem[]) => xs.map((x) => x.id);

describe('cells and their names', () => {
  it('round-trips a cell through its drop-target key', () => {
    expect(cellKey({ impact: 4, feasibility: 3 })).toBe('cell-4-3');
    expect(parseCellKey('cell-4-3')).toEqual({ impact: 4, feasibility: 3 });
  });
  it('treats anything that is not a cell key as no cell', () => {
    expect(parseCellKey('tray')).toBeNull();
    expect(parseCellKey('cell-6-1')).toBeNull();
    expect(parseCellKey(42)).toBeNull();
  });
  it('names a cell with both scores and its quadrant, as a message the screen says in its language', () => {
    expect(cellName({ impact: 4, feasibility: 3 })).toEqual({ id: 'matrix.cellName', values: { impact: 4, feasibility: 3, quadrant: { id: 'quadrant.strategic-bets' } } });
    expect(cellPhrase({ impact: 5, feasibility: 5 })).toEqual({ id: 'matrixDnd.cell', values: { impact: 5, feasibility: 5, quadrant: { id: 'matrix.quadrantInSentence.quick-wins' } } });
  });
  it('puts high impact and high feasibility (4 or more) in quick wins, and the rest in their quadrants', () => {
    expect(quadrantOfCell({ impact: 4, feasibility: 4 })).toBe('quick-wins');
    expect(quadrantOfCell({ impact: 5, feasibility: 1 })).toBe('strategic-bets');
    expect(quadrantOfCell({ impact: 3, feasibility: 5 })).toBe('fill-ins');
    expect(quadrantOfCell({ impact: 3, feasibility: 3 })).toBe('deprioritize');
  });
  it('places a median of 3.5 in cell 4, like the scoring rules', () => {
    expect(cellOf(3.5, 2.4)).toEqual({ impact: 4, feasibility: 2 });
  });
  it('leaves a use case off the matrix while impact or feasibility is unscored', () => {
    expect(cellOf(null, 3)).toBeNull();
    expect(cellOf(3, null)).toBeNull();
  });
  it('compares cells by value and never matches a missing cell', () => {
    expect(sameCell({ impact: 2, feasibility: 5 }, { impact: 2, feasibility: 5 })).toBe(true);
    expect(sameCell({ impact: 2, feasibility: 5 }, { impact: 5, feasibility: 2 })).toBe(false);
    expect(sameCell(null, null)).toBe(false);
  });
});

describe('keyboard steps', () => {
  it('moves exactly one cell per arrow key: up raises impact, right raises feasibility', () => {
    const from = { impact: 2, feasibility: 3 };
    expect(stepCell(from, 'up')).toEqual({ impact: 3, feasibility: 3 });
    expect(stepCell(from, 'down')).toEqual({ impact: 1, feasibility: 3 });
    expect(stepCell(from, 'right')).toEqual({ impact: 2, feasibility: 4 });
    expect(stepCell(from, 'left')).toEqual({ impact: 2, feasibility: 2 });
  });
  it('stops at the edges instead of wrapping to the other side of the grid', () => {
    expect(stepCell({ impact: 5, feasibility: 5 }, 'up')).toEqual({ impact: 5, feasibility: 5 });
    expect(stepCell({ impact: 5, feasibility: 5 }, 'right')).toEqual({ impact: 5, feasibility: 5 });
    expect(stepCell({ impact: 1, feasibility: 1 }, 'down')).toEqual({ impact: 1, feasibility: 1 });
    expect(stepCell({ impact: 1, feasibility: 1 }, 'left')).toEqual({ impact: 1, feasibility: 1 });
  });
  it('enters the grid at the middle cell when the card comes from the tray', () => {
    expect(stepCell(null, 'left')).toEqual(ENTRY_CELL);
    expect(ENTRY_CELL).toEqual({ impact: 3, feasibility: 3 });
  });
});

describe('placing use cases on the grid', () => {
  it('groups use cases by cell, best ranked first, whatever order they arrive in', () => {
    const a = { impact: 4, feasibility: 4 };
    const layout = layoutMatrix([item('low', 7, a), item('top', 0, a), item('mid', 3, a), item('other', 1, { impact: 1, feasibility: 2 })]);
    expect(ids(layout.cells.get(cellKey(a)) ?? [])).toEqual(['top', 'mid', 'low']);
    expect(ids(layout.cells.get('cell-1-2') ?? [])).toEqual(['other']);
    expect(layout.cells.has('cell-3-3')).toBe(false);
  });
  it('keeps use cases without impact or feasibility in the tray, in ranking order', () => {
    const layout = layoutMatrix([item('b', 5, null), item('a', 2, null), item('placed', 0, { impact: 3, feasibility: 3 })]);
    expect(ids(layout.unplaced)).toEqual(['a', 'b']);
  });
  it('breaks a tie in position by id, so the order never flickers', () => {
    const c = { impact: 2, feasibility: 2 };
    expect(ids(layoutMatrix([item('y', 1, c), item('x', 1, c)]).cells.get(cellKey(c)) ?? [])).toEqual(['x', 'y']);
  });
  it('counts use cases per quadrant and those not placed yet', () => {
    expect(
      quadrantCounts([
        item('a', 0, { impact: 5, feasibility: 5 }),
        item('b', 1, { impact: 4, feasibility: 4 }),
        item('c', 2, { impact: 5, feasibility: 1 }),
        item('d', 3, { impact: 1, feasibility: 5 }),
        item('e', 4, null),
      ]),
    ).toEqual({ 'quick-wins': 2, 'strategic-bets': 1, 'fill-ins': 1, deprioritize: 0, unplaced: 1 });
  });
});

describe('crowded cells', () => {
  it('fits as many rows as the cell height allows, counting the gaps between them', () => {
    expect(cellCapacity(100, 30, 4)).toBe(3); // 3 × 30 + 2 × 4 = 98
    expect(cellCapacity(97, 30, 4)).toBe(2);
    expect(cellCapacity(64, 30, 4)).toBe(2);
  });
  it('always leaves room for one row, even in a tiny or unmeasured cell', () => {
    expect(cellCapacity(10, 30, 4)).toBe(1);
    expect(cellCapacity(0, 30, 4)).toBe(1);
    expect(cellCapacity(Number.NaN, 30, 4)).toBe(1);
  });
  it('shows every card when they all fit, and no "+k more"', () => {
    const { visible, hidden } = crowdCell(crowd(3), 3);
    expect(ids(visible)).toEqual(['c0', 'c1', 'c2']);
    expect(hidden).toEqual([]);
  });
  it('shows the best ranked cards, one per row, and counts the rest for "+k more"', () => {
    const { visible, hidden } = crowdCell(crowd(7), 3);
    expect(ids(visible)).toEqual(['c0', 'c1', 'c2']);
    expect(ids(hidden)).toEqual(['c3', 'c4', 'c5', 'c6']);
  });
  it('keeps ranking order in both lists even when the cards arrive shuffled', () => {
    const shuffled = [...crowd(6)].reverse();
    const { visible, hidden } = crowdCell(shuffled, 2);
    expect(ids(visible)).toEqual(['c0', 'c1']);
    expect(ids(hidden)).toEqual(['c2', 'c3', 'c4', 'c5']);
  });
  it('keeps the card just moved visible, in place of the lowest ranked visible one', () => {
    const { visible, hidden } = crowdCell(crowd(6), 3, 'c5');
    expect(ids(visible)).toEqual(['c0', 'c1', 'c5']);
    expect(ids(hidden)).toEqual(['c2', 'c3', 'c4']);
  });
  it('ignores a pinned card that is already visible or not in the cell', () => {
    expect(ids(crowdCell(crowd(6), 2, 'c0').visible)).toEqual(['c0', 'c1']);
    expect(ids(crowdCell(crowd(6), 2, 'elsewhere').visible)).toEqual(['c0', 'c1']);
  });
  it('shows the pinned card alone in a one-row cell', () => {
    const { visible, hidden } = crowdCell(crowd(3), 1, 'c2');
    expect(ids(visible)).toEqual(['c2']);
    expect(ids(hidden)).toEqual(['c0', 'c1']);
  });
  it('hides nothing and loses nothing: every card is either visible or behind "+k more"', () => {
    for (let n = 0; n < 12; n++) {
      for (let cap = 1; cap < 6; cap++) {
        const { visible, hidden } = crowdCell(crowd(n), cap, 'c3');
        expect(visible.length + hidden.length).toBe(n);
        expect(visible.length).toBe(Math.min(n, cap));
        expect(new Set([...ids(visible), ...ids(hidden)]).size).toBe(n);
      }
    }
  });
  it('gives cards two lines only when the cell has room for all of them twice over', () => {
    expect(hasRoomForTwoLines(1, 2)).toBe(true);
    expect(hasRoomForTwoLines(2, 4)).toBe(true);
    expect(hasRoomForTwoLines(2, 3)).toBe(false);
    expect(hasRoomForTwoLines(0, 3)).toBe(false);
  });
});

describe('readiness colour', () => {
  it('gives each whole readiness score its own colour step', () => {
    expect([1, 2, 3, 4, 5].map(readinessStep)).toEqual([1, 2, 3, 4, 5]);
  });
  it('rounds a median between two scores up to the next step', () => {
    expect(readinessStep(3.5)).toBe(4);
    expect(readinessStep(2.33)).toBe(2);
  });
  it('has no colour step for unscored readiness', () => {
    expect(readinessStep(null)).toBeNull();
  });
});

describe('roundsOverriddenBy: a matrix move against a revealed round', () => {
  const round = (value: number) => ({ value, source: 'round' as const, roundNumber: 2 });
  it('names each of impact and feasibility whose round median the move changes', () => {
    expect(roundsOverriddenBy({ impact: round(4), feasibility: round(3.5) }, { impact: 2, feasibility: 3 })).toEqual([
      { criterion: 'impact', round: 2, from: 4, to: 2 },
      { criterion: 'feasibility', round: 2, from: 3.5, to: 3 },
    ]);
  });

  it('asks nothing when the move keeps the round’s value, or when no round decided the score', () => {
    expect(roundsOverriddenBy({ impact: round(4), feasibility: round(3) }, { impact: 4, feasibility: 3 })).toEqual([]);
    expect(roundsOverriddenBy({ impact: { value: 4, source: 'initial' }, feasibility: { value: 3, source: 'matrix' } }, { impact: 1, feasibility: 1 })).toEqual([]);
  });
});
