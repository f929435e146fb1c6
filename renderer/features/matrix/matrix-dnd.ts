// The matrix's one dnd-kit adapter: how the keyboard steps a card between cells, which cell a
// card is over, and what a screen reader hears. The component turns a drop into a domain call.
import type { Announcements, CollisionDetection, KeyboardCoordinateGetter, ScreenReaderInstructions, UniqueIdentifier } from '@dnd-kit/core';
import { cellKey, cellPhrase, parseCellKey, sameCell, stepCell, type Cell, type Direction } from '../../domain/matrix-layout';
import type { AppMessageId } from '../../i18n/app-catalog';
import { messageText } from '../../shared/message-text';

/**
 * While a keyboard drag runs, the cell the card is in. The arrow keys move this cell, and the
 * collision detection reports it, so "over" is exactly the cell the person stepped to (geometry
 * could disagree when the card starts in a "+k more" list that covers other cells). Not React
 * state: dnd-kit reads it from its own event handlers, between renders.
 */
export class KeyboardDrag {
  private state: { cell: Cell | null } | null = null;
  /** Starts tracking a keyboard drag from a cell (null: from the tray). */
  start(cell: Cell | null): void {
    this.state = { cell };
  }
  stop(): void {
    this.state = null;
  }
  get active(): boolean {
    return this.state !== null;
  }
  get cell(): Cell | null {
    return this.state?.cell ?? null;
  }
  step(direction: Direction): Cell | null {
    if (!this.state) return null;
    this.state.cell = stepCell(this.state.cell, direction);
    return this.state.cell;
  }
}

const ARROWS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

/** Moves the dragged card exactly one cell per arrow key, centred on that cell. */
export function gridCoordinateGetter(drag: KeyboardDrag): KeyboardCoordinateGetter {
  return (event, { context, currentCoordinates }) => {
    const direction = ARROWS[event.code];
    if (!direction) return undefined;
    event.preventDefault();
    const to = drag.step(direction);
    if (!to) return undefined;
    const rect = context.droppableRects.get(cellKey(to));
    const card = context.collisionRect;
    if (!rect || !card) return currentCoordinates;
    return { x: rect.left + rect.width / 2 - card.width / 2, y: rect.top + rect.height / 2 - card.height / 2 };
  };
}

/**
 * Keyboard: the tracked cell. Pointer: the cell under the pointer (not the card's corners, so
 * a wide card never lands in the neighbour of the cell the person points at).
 */
export function cellCollisions(drag: KeyboardDrag): CollisionDetection {
  return ({ droppableContainers, droppableRects, pointerCoordinates }) => {
    if (drag.active) return drag.cell ? [{ id: cellKey(drag.cell) }] : [];
    if (!pointerCoordinates) return [];
    const { x, y } = pointerCoordinates;
    for (const container of droppableContainers) {
      const r = droppableRects.get(container.id);
      if (r && x >= r.left && x <= r.left + r.width && y >= r.top && y <= r.top + r.height) return [{ id: container.id }];
    }
    return [];
  };
}

type Translate = (id: AppMessageId, values?: Record<string, unknown>) => string;

/** What a screen reader says about a card that has focus, in the interface language. */
export function screenReaderInstructions(t: Translate): ScreenReaderInstructions {
  return { draggable: t('matrixDnd.instructions') };
}

/** "impact 4, feasibility 3, quick wins" / "Impact 4, Machbarkeit 3, Schnelle Erfolge". */
export function cellWords(t: Translate, lang: string, cell: Cell): string {
  // German nouns keep their capital; English and French read a quadrant's name mid-sentence in lower case.
  return messageText(t, lang, cellPhrase(cell));
}

/** Sentences for the live region, in the words the room uses, in the interface language. */
export function matrixAnnouncements(t: Translate, lang: string, titleOf: (id: UniqueIdentifier) => string, homeOf: (id: UniqueIdentifier) => Cell | null): Announcements {
  const where = (id: UniqueIdentifier | undefined) => (id === undefined ? null : parseCellKey(id));
  const cellOf = (cell: Cell) => cellWords(t, lang, cell);
  return {
    onDragStart: ({ active }) => {
      const home = homeOf(active.id);
      return home ? t('matrixDnd.pickedUp', { title: titleOf(active.id), cell: cellOf(home) }) : t('matrixDnd.pickedUpFromTray', { title: titleOf(active.id) });
    },
    onDragOver: ({ active, over }) => {
      const cell = where(over?.id);
      return cell ? t('matrixDnd.over', { title: titleOf(active.id), cell: cellOf(cell) }) : t('matrixDnd.notOver', { title: titleOf(active.id) });
    },
    onDragEnd: ({ active, over }) => {
      const cell = where(over?.id);
      if (!cell) return t('matrixDnd.notDropped', { title: titleOf(active.id) });
      if (sameCell(cell, homeOf(active.id))) return t('matrixDnd.stays', { title: titleOf(active.id), cell: cellOf(cell) });
      return t('matrixDnd.dropped', { title: titleOf(active.id), cell: cellOf(cell) });
    },
    onDragCancel: ({ active }) => {
      const home = homeOf(active.id);
      return home ? t('matrixDnd.cancelled', { title: titleOf(active.id), cell: cellOf(home) }) : t('matrixDnd.cancelledFromTray', { title: titleOf(active.id) });
    },
  };
}
