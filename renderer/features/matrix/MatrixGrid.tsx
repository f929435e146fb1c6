import { useCallback, useEffect, useRef, useState, type CSSProperties, type RefObject } from 'react';
import { useDndMonitor, useDroppable } from '@dnd-kit/core';
import { useT } from '../../i18n/react';
import type { Quadrant } from '../../domain/scoring';
import {
  MATRIX_LEVELS,
  QUADRANT_ORDER,
  cellCapacity,
  cellKey,
  cellName,
  crowdCell,
  hasRoomForTwoLines,
  quadrantOfCell,
  type Cell,
  type QuadrantCounts,
} from '../../domain/matrix-layout';
import type { MatrixEntry } from './use-matrix-data';
import { messageText } from '../../shared/message-text';
import { DraggableCard } from './MatrixCard';

// Grid tracks, left to right: axis title, axis numbers, feasibility 1–3, a gutter between the
// low and high halves, feasibility 4–5. Top to bottom: quadrant labels, impact 5–4, gutter,
// impact 3–1, quadrant labels, axis numbers, axis title. The gutters draw the quadrant lines.
function columnOf(feasibility: number): number {
  return feasibility <= 3 ? feasibility + 2 : feasibility + 3;
}
function rowOf(impact: number): number {
  return impact >= 4 ? 7 - impact : 8 - impact;
}
const QUADRANT_AREA: Record<Quadrant, { gridRow: string; gridColumn: string; labelRow: number }> = {
  'strategic-bets': { gridRow: '1 / 4', gridColumn: '3 / 6', labelRow: 1 },
  'quick-wins': { gridRow: '1 / 4', gridColumn: '7 / 9', labelRow: 1 },
  deprioritize: { gridRow: '5 / 9', gridColumn: '3 / 6', labelRow: 8 },
  'fill-ins': { gridRow: '5 / 9', gridColumn: '7 / 9', labelRow: 8 },
};

const TOP_DOWN = [...MATRIX_LEVELS].reverse();

/**
 * Rows a cell can hold at its current size; measured, so the grid adapts to 720p and 1080p alike.
 * A ref callback rather than an effect: the first measure happens while the grid is committed,
 * before it is painted, so a crowded cell never flashes with the wrong number of cards.
 */
function useCellCapacity(gridRef: RefObject<HTMLDivElement | null>): [number, (grid: HTMLDivElement | null) => (() => void) | undefined] {
  const [capacity, setCapacity] = useState(3);
  const attach = useCallback(
    (grid: HTMLDivElement | null) => {
      gridRef.current = grid;
      if (!grid) return undefined;
      const measure = () => {
        const cell = grid.querySelector<HTMLElement>('.mx-cell');
        if (!cell) return;
        const style = getComputedStyle(cell);
        const inner = cell.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
        // The card height is in rem (it grows in presenter mode): measured on a probe, in pixels.
        const row = grid.querySelector<HTMLElement>('.mx-row-probe')?.offsetHeight || 30;
        setCapacity(cellCapacity(inner, row, parseFloat(style.rowGap) || 0));
      };
      measure();
      const observer = new ResizeObserver(measure);
      observer.observe(grid);
      return () => {
        observer.disconnect();
        gridRef.current = null;
      };
    },
    [gridRef],
  );
  return [capacity, attach];
}

export type GridProps = {
  cells: Map<string, MatrixEntry[]>;
  counts: QuadrantCounts;
  pinnedId: string | null;
  selectedId: string | null;
  dragging: boolean;
  onSelect: (id: string) => void;
};

type OpenList = { cell: Cell; style: CSSProperties };

export function MatrixGrid({ cells, counts, pinnedId, selectedId, dragging, onSelect }: GridProps) {
  const gridRef = useRef<HTMLDivElement>(null);
  const [capacity, attachGrid] = useCellCapacity(gridRef);
  const [open, setOpen] = useState<OpenList | null>(null);

  const crowded = new Map<string, ReturnType<typeof crowdCell<MatrixEntry>>>();
  for (const [key, list] of cells) crowded.set(key, crowdCell(list, capacity, pinnedId));
  const openKey = open ? cellKey(open.cell) : null;
  const openHidden = openKey ? (crowded.get(openKey)?.hidden ?? []) : [];

  // A card dragged out of the "+k more" list has gone where it was dropped: the list has done its job.
  useDndMonitor({
    onDragEnd: ({ active }) => {
      if (openHidden.some((e) => e.id === active.id)) setOpen(null);
    },
  });

  const openList = (target: Cell, button: HTMLElement) => {
    const grid = gridRef.current;
    const cell = button.closest<HTMLElement>('.mx-cell');
    if (!grid || !cell) return;
    if (openKey === cellKey(target)) {
      setOpen(null);
      return;
    }
    // Placed over its cell, inside the grid: drops from the list land on the cell under the pointer.
    const width = Math.min(grid.clientWidth, Math.max(cell.offsetWidth, 340));
    const left = Math.max(0, Math.min(cell.offsetLeft, grid.clientWidth - width));
    const below = cell.offsetTop + cell.offsetHeight / 2 > grid.clientHeight / 2;
    const style: CSSProperties = below
      ? { left, width, bottom: grid.clientHeight - cell.offsetTop - cell.offsetHeight }
      : { left, width, top: cell.offsetTop };
    setOpen({ cell: target, style });
    // Keyboard users land on the first hidden card, ready to pick it up with Space.
    requestAnimationFrame(() => grid.querySelector<HTMLElement>('.mx-popover .mx-card')?.focus());
  };

  const closeList = (focusButton: boolean) => {
    const key = openKey;
    setOpen(null);
    if (focusButton && key) gridRef.current?.querySelector<HTMLElement>(`[data-more-for="${key}"]`)?.focus();
  };

  // The words the room reads: in presenter mode the workshop's language, else the interface's.
  const { t } = useT();
  return (
    <div className="mx-grid" ref={attachGrid}>
      <div className="mx-row-probe" aria-hidden="true" />
      {QUADRANT_ORDER.map((q) => (
        <div key={q} className={`mx-quadrant mx-q-${q}`} style={{ gridRow: QUADRANT_AREA[q].gridRow, gridColumn: QUADRANT_AREA[q].gridColumn }} aria-hidden="true" />
      ))}
      {QUADRANT_ORDER.map((q) => (
        <div
          key={`label-${q}`}
          className={`mx-quadrant-label mx-ql-${q} ${QUADRANT_AREA[q].labelRow === 1 ? 'mx-ql-top' : 'mx-ql-bottom'}`}
          style={{ gridRow: QUADRANT_AREA[q].labelRow, gridColumn: QUADRANT_AREA[q].gridColumn }}
        >
          {t(`quadrant.${q}`)} <span className="mx-ql-count">{counts[q]}</span>
        </div>
      ))}
      <div className="mx-axis-title mx-axis-y" style={{ gridRow: '2 / 8', gridColumn: 1 }}>
        {t('criterion.impact')} →
      </div>
      {MATRIX_LEVELS.map((i) => (
        <div key={`y${i}`} className="mx-axis-num mx-axis-num-y" style={{ gridRow: rowOf(i), gridColumn: 2 }} aria-hidden="true">
          {i}
        </div>
      ))}
      {MATRIX_LEVELS.map((f) => (
        <div key={`x${f}`} className="mx-axis-num mx-axis-num-x" style={{ gridRow: 9, gridColumn: columnOf(f) }} aria-hidden="true">
          {f}
        </div>
      ))}
      <div className="mx-axis-title mx-axis-x" style={{ gridRow: 10, gridColumn: '3 / 9' }}>
        {t('criterion.feasibility')} →
      </div>
      {TOP_DOWN.map((impact) =>
        MATRIX_LEVELS.map((feasibility) => {
          const cell = { impact, feasibility };
          const key = cellKey(cell);
          const layout = crowded.get(key);
          return (
            <MatrixCell
              key={key}
              cell={cell}
              visible={layout?.visible ?? []}
              hiddenCount={layout?.hidden.length ?? 0}
              roomy={hasRoomForTwoLines(layout?.visible.length ?? 0, capacity) && !layout?.hidden.length}
              expanded={openKey === key && openHidden.length > 0}
              selectedId={selectedId}
              onSelect={onSelect}
              onMore={(button) => openList(cell, button)}
            />
          );
        }),
      )}
      {open && openHidden.length > 0 ? (
        <MoreList
          cell={open.cell}
          style={open.style}
          entries={openHidden}
          dragging={dragging}
          selectedId={selectedId}
          onSelect={onSelect}
          onClose={closeList}
        />
      ) : null}
    </div>
  );
}

function MatrixCell({
  cell,
  visible,
  hiddenCount,
  roomy,
  expanded,
  selectedId,
  onSelect,
  onMore,
}: {
  cell: Cell;
  visible: MatrixEntry[];
  hiddenCount: number;
  roomy: boolean;
  expanded: boolean;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onMore: (button: HTMLElement) => void;
}) {
  const key = cellKey(cell);
  const { setNodeRef, isOver } = useDroppable({ id: key });
  const { t, locale } = useT();
  const name = messageText(t, locale, cellName(cell));
  const last = visible.at(-1);
  return (
    <div
      ref={setNodeRef}
      role="group"
      aria-label={name}
      className={`mx-cell mx-cell-${quadrantOfCell(cell)}${roomy ? ' mx-cell-roomy' : ''}${isOver ? ' mx-cell-over' : ''}`}
      style={{ gridRow: rowOf(cell.impact), gridColumn: columnOf(cell.feasibility) }}
      data-cell={key}
    >
      {(hiddenCount > 0 ? visible.slice(0, -1) : visible).map((e) => (
        <DraggableCard key={e.id} entry={e} selected={e.id === selectedId} onSelect={onSelect} />
      ))}
      {hiddenCount > 0 ? (
        // The last row holds the lowest ranked visible card and the count of the rest.
        <div className="mx-last-row">
          {last ? <DraggableCard key={last.id} entry={last} selected={last.id === selectedId} onSelect={onSelect} /> : null}
          <button
            type="button"
            className="mx-more"
            data-more-for={key}
            aria-expanded={expanded}
            aria-haspopup="dialog"
            aria-label={t('matrix.moreLabel', { count: hiddenCount, cell: name })}
            title={t('matrix.moreTitle', { count: hiddenCount })}
            onClick={(e) => onMore(e.currentTarget)}
          >
            {t('matrix.moreButton', { count: hiddenCount })}
            <span className="visually-hidden"> {t('matrix.moreHidden')}</span>
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** The cards a crowded cell cannot show, still draggable and focusable. */
function MoreList({
  cell,
  style,
  entries,
  dragging,
  selectedId,
  onSelect,
  onClose,
}: {
  cell: Cell;
  style: CSSProperties;
  entries: MatrixEntry[];
  dragging: boolean;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onClose: (focusButton: boolean) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const key = cellKey(cell);
  const draggingRef = useRef(dragging);
  useEffect(() => {
    draggingRef.current = dragging;
  }, [dragging]);
  useEffect(() => {
    const onPointerDown = (e: PointerEvent) => {
      const target = e.target as Node | null;
      if (draggingRef.current || !target || ref.current?.contains(target)) return;
      if (target instanceof Element && target.closest(`[data-more-for="${key}"]`)) return;
      onClose(false);
    };
    // On the document, not the list: Escape also works before the focus has moved into the list.
    // During a keyboard drag Escape belongs to dnd-kit (it cancels the move).
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || draggingRef.current) return;
      // Handled: presenter mode leaves on an Escape nobody else has used.
      e.preventDefault();
      const inside = ref.current?.contains(document.activeElement) || document.activeElement?.closest(`[data-more-for="${key}"]`);
      onClose(Boolean(inside));
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [key, onClose]);
  const { t, locale } = useT();
  const name = messageText(t, locale, cellName(cell));
  const more = t('matrix.moreCount', { count: entries.length });
  return (
    <div
      ref={ref}
      role="dialog"
      aria-label={t('matrix.moreDialog', { more, cell: name })}
      className={`mx-popover${dragging ? ' mx-popover-dragging' : ''}`}
      style={style}
    >
      <div className="mx-popover-head">
        <span>{t('matrix.moreHeading', { cell: name, more })}</span>
        <button type="button" className="btn btn-ghost btn-small" aria-label={t('shared.close')} onClick={() => onClose(true)}>
          ✕
        </button>
      </div>
      <div className="mx-popover-list mx-scroll">
        {entries.map((e) => (
          <DraggableCard key={e.id} entry={e} selected={e.id === selectedId} onSelect={onSelect} />
        ))}
      </div>
    </div>
  );
}
