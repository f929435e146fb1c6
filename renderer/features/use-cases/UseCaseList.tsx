// The use-case list: in priority order, reordered by dragging or Alt+arrows, walked with the
// keyboard, and virtualized: only the rows in view (and a few either side) are in the page, so a
// workshop of 5,000 imported use cases opens, scrolls and saves as quickly as one of ten.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
// @tanstack/react-virtual: a small, well-kept headless library. It works out which rows are in
// view and where each one sits; the markup, styles and keyboard handling stay ours.
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { repos } from '../../app/repos';
import { save } from '../../app/persist';
import type { UseCase } from '../../domain/model';
import { useT } from '../../i18n/react';
import { guessLanguage, useHyphenate } from '../../shared/hyphenate';
import { deleteUseCase } from './delete-use-case';

/** A one-line row with its sub-line; taller rows (two-line titles) are measured as they appear. */
const ROW_ESTIMATE = 62;
/** Space between rows, as the list has always had it. */
const ROW_GAP = 6;
/** Rows rendered beyond each edge of the view: enough that arrow keys and small scrolls never wait. */
const OVERSCAN = 8;
/** Room above the first and below the last row for the selected row's ring, which the scroll box would clip. */
const RING = 3;

type Props = {
  /** The rows shown (the search and filters applied), in priority order. */
  items: UseCase[];
  reorderable: boolean;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  /** Index of a use case in the whole workshop's priority order (its number is this + 1). */
  positionOf: (id: string) => number;
  /** Changes when the search or the filters change: the selected row is brought back into view. */
  viewKey: string;
  /** A row to scroll into view once it is in the list (a use case just captured), then forgotten. */
  revealId: string | null;
  onRevealed: () => void;
};

export function UseCaseList({ items, reorderable, selectedId, onSelect, positionOf, viewKey, revealId, onRevealed }: Props) {
  const { t } = useT();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [draggingId, setDraggingId] = useState<string | null>(null);
  const indexById = useMemo(() => new Map(items.map((u, i) => [u.id, i])), [items]);
  const selectedIndex = selectedId === null ? -1 : (indexById.get(selectedId) ?? -1);
  // The row that Tab lands on (one tab stop for the whole list; arrows move within it).
  const activeIndex = selectedIndex >= 0 ? selectedIndex : items.length > 0 ? 0 : -1;
  const draggingIndex = draggingId === null ? -1 : (indexById.get(draggingId) ?? -1);

  // The row with keyboard focus and the row being dragged stay in the page even when scrolled out
  // of view: removing them would drop the focus (or the drag) on the floor.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const rows = defaultRangeExtractor(range);
      const keep = [activeIndex, draggingIndex].filter((i) => i >= 0 && i < range.count && !rows.includes(i));
      return keep.length === 0 ? rows : [...rows, ...keep].sort((a, b) => a - b);
    },
    [activeIndex, draggingIndex],
  );
  // The app is not built with the React Compiler, so nothing memoizes around the virtualizer's
  // functions (the reason this rule warns); it re-renders the list itself as it scrolls.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLLIElement>({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    getItemKey: (i) => items[i]?.id ?? i,
    overscan: OVERSCAN,
    gap: ROW_GAP,
    paddingStart: RING,
    paddingEnd: RING,
    scrollPaddingStart: RING,
    scrollPaddingEnd: RING,
    rangeExtractor,
  });

  // Focus moves to a row once it is rendered (it may be far away: End on row 1 of 1,000).
  const pendingFocus = useRef<string | null>(null);
  const focusPending = () => {
    const id = pendingFocus.current;
    const el = id ? document.getElementById(`uc-row-${id}`) : null;
    if (!el) return;
    pendingFocus.current = null;
    // The virtualizer has scrolled to it already; focus() corrects the last pixels if rows above it
    // turned out taller or shorter than estimated.
    el.focus();
  };
  useLayoutEffect(focusPending);
  const focusRow = (id: string) => {
    pendingFocus.current = id;
    focusPending();
  };
  const goTo = (index: number) => {
    const u = items[Math.max(0, Math.min(items.length - 1, index))];
    if (!u) return;
    onSelect(u.id);
    virtualizer.scrollToIndex(indexById.get(u.id) ?? 0, { align: 'auto' });
    focusRow(u.id);
  };

  // The selected row is scrolled into view when it is chosen from elsewhere (a link to
  // `#/w/<ws>/use-cases/<uc>`), appears once the list has loaded, or the search is cleared.
  const shownSelected = selectedIndex >= 0 ? selectedId : null;
  useEffect(() => {
    if (shownSelected === null) return;
    const i = indexById.get(shownSelected);
    if (i !== undefined) virtualizer.scrollToIndex(i, { align: 'auto' });
    // Only then, not on every edit of the list (someone may have scrolled away on purpose).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shownSelected, viewKey]);
  // A use case just captured: brought into view, while the capture box keeps the focus.
  const revealIndex = revealId === null ? -1 : (indexById.get(revealId) ?? -1);
  useEffect(() => {
    if (revealIndex < 0) return;
    virtualizer.scrollToIndex(revealIndex, { align: 'auto' });
    onRevealed();
  }, [revealIndex, virtualizer, onRevealed]);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const titleOf = (id: string | number) => items[indexById.get(String(id)) ?? -1]?.title ?? t('usecases.legendUseCase');
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('usecases.dragStart', { title: titleOf(active.id) }),
    onDragOver: ({ active, over }) =>
      over
        ? t('usecases.dragOver', { title: titleOf(active.id), position: positionOf(String(over.id)) + 1 })
        : t('usecases.dragOutside', { title: titleOf(active.id) }),
    onDragEnd: ({ active, over }) =>
      over
        ? t('usecases.dropAt', { title: titleOf(active.id), position: positionOf(String(over.id)) + 1 })
        : t('usecases.dropped', { title: titleOf(active.id) }),
    onDragCancel: ({ active }) => t('usecases.dragCancel', { title: titleOf(active.id) }),
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDraggingId(null);
    if (!over || active.id === over.id) return;
    void save(() => repos.useCases.move(String(active.id), positionOf(String(over.id))));
  };

  /** Rows in one screenful, for Page Up and Page Down. */
  const pageSize = () => {
    const r = virtualizer.range;
    return r ? Math.max(1, r.endIndex - r.startIndex) : 10;
  };

  const onRowKey = (e: KeyboardEvent, u: UseCase, index: number) => {
    if (e.target !== e.currentTarget) return;
    if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && e.altKey) {
      e.preventDefault();
      if (!reorderable) return;
      const to = positionOf(u.id) + (e.key === 'ArrowDown' ? 1 : -1);
      if (to < 0 || to >= items.length) return;
      void save(() => repos.useCases.move(u.id, to)).then(() => focusRow(u.id));
      return;
    }
    const target: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: items.length - 1,
      PageDown: index + pageSize(),
      PageUp: index - pageSize(),
    };
    if (e.key in target && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      goTo(target[e.key] ?? index);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      onSelect(u.id);
      document.getElementById('uc-edit-title')?.focus();
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      const neighbour = items[index + 1] ?? items[index - 1];
      void deleteUseCase(u, t).then(() => {
        onSelect(neighbour?.id ?? null);
        if (neighbour) focusRow(neighbour.id);
      });
    }
  };

  const rows = virtualizer.getVirtualItems();
  // Numbers from 1,000 on need a wider column (the last row shown has the highest number).
  const last = items[items.length - 1];
  const longNumbers = last !== undefined && positionOf(last.id) + 1 >= 1000;
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragStart={({ active }) => setDraggingId(String(active.id))}
      onDragCancel={() => setDraggingId(null)}
      onDragEnd={onDragEnd}
      accessibility={{ announcements }}
    >
      <SortableContext items={items.map((u) => u.id)} strategy={verticalListSortingStrategy} disabled={!reorderable}>
        <div className="uc-scroller" ref={scrollRef} data-testid="uc-scroller">
          <ol
            className={`uc-list${longNumbers ? ' uc-list-long-numbers' : ''}`}
            aria-label={t('usecases.listLabel')}
            // As tall as all its rows would be, so the scroll bar tells the truth (set through the
            // DOM, never a style attribute: the CSP forbids those).
            style={{ height: `${virtualizer.getTotalSize()}px` }}
          >
            {rows.map((row) => {
              const u = items[row.index];
              if (!u) return null;
              return (
                <SortableRow
                  key={u.id}
                  useCase={u}
                  index={row.index}
                  setSize={items.length}
                  start={row.start}
                  measureRef={virtualizer.measureElement}
                  position={positionOf(u.id) + 1}
                  selected={u.id === selectedId}
                  tabStop={row.index === activeIndex}
                  reorderable={reorderable}
                  onSelect={() => onSelect(u.id)}
                  onKeyDown={(e) => onRowKey(e, u, row.index)}
                />
              );
            })}
          </ol>
        </div>
      </SortableContext>
    </DndContext>
  );
}

function scoreText(v: number | null): string {
  return v === null ? '–' : String(v);
}

function SortableRow({
  useCase: u,
  index,
  setSize,
  start,
  measureRef,
  position,
  selected,
  tabStop,
  reorderable,
  onSelect,
  onKeyDown,
}: {
  useCase: UseCase;
  index: number;
  setSize: number;
  start: number;
  measureRef: (el: HTMLLIElement | null) => void;
  position: number;
  selected: boolean;
  tabStop: boolean;
  reorderable: boolean;
  onSelect: () => void;
  onKeyDown: (e: KeyboardEvent) => void;
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: u.id, disabled: !reorderable });
  const s = u.initialScores;
  const { t } = useT();
  // Soft hyphens: Chromium has no hyphenation dictionary offline, so `hyphens: auto` alone broke German compounds mid-letter.
  const hyphenate = useHyphenate();
  return (
    <li
      ref={(el) => {
        setNodeRef(el);
        measureRef(el);
      }}
      data-index={index}
      // Where the row sits in the list (through the DOM, like the list's height).
      style={{ top: `${start}px`, transform: CSS.Transform.toString(transform), transition }}
      className={`uc-row ${selected ? 'uc-row-selected' : ''} ${isDragging ? 'uc-row-dragging' : ''}`}
      data-testid="uc-row"
      // Only some rows are in the page: these tell assistive technology where this one sits in the whole list.
      aria-setsize={setSize}
      aria-posinset={index + 1}
    >
      <button
        type="button"
        ref={setActivatorNodeRef}
        className="drag-handle"
        aria-label={t('usecases.reorderLabel', { title: u.title })}
        disabled={!reorderable}
        title={reorderable ? t('usecases.dragTitle') : t('usecases.clearToReorder')}
        {...attributes}
        {...listeners}
        tabIndex={tabStop ? 0 : -1}
      >
        ⋮⋮
      </button>
      <div
        id={`uc-row-${u.id}`}
        className="uc-row-main"
        role="button"
        tabIndex={tabStop ? 0 : -1}
        aria-pressed={selected}
        aria-label={`${position}. ${u.title}`}
        onClick={onSelect}
        onFocus={onSelect}
        onKeyDown={onKeyDown}
      >
        <span className="uc-pos" aria-hidden="true">
          {position}
        </span>
        <span className="uc-text">
          <span className="uc-title" title={u.title} lang={guessLanguage(u.title)}>
            {hyphenate(u.title)}
          </span>
          <span className="uc-sub">
            {[u.department, u.businessOwner].filter(Boolean).join(' · ') || <em className="muted">{t('usecases.noDeptOwner')}</em>}
          </span>
        </span>
        <span className={`chip chip-${u.kind}`}>{t(`usecases.kind.${u.kind}`)}</span>
        <span className="uc-scores" aria-label={t('usecases.scoresLabel', { impact: scoreText(s.impact), feasibility: scoreText(s.feasibility), readiness: scoreText(s.readiness) })}>
          <span title={t('usecases.impact')}>{scoreText(s.impact)}</span>
          <span title={t('usecases.feasibility')}>{scoreText(s.feasibility)}</span>
          <span title={t('usecases.readiness')}>{scoreText(s.readiness)}</span>
        </span>
      </div>
    </li>
  );
}
