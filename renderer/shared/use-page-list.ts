// Long lists that scroll with the page (the activity log, the decision log, the risk register):
// only the rows near the view are in the page, each placed at its offset and measured as it
// renders, so rows of any height (an entry with its criteria opened, say) stack correctly.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
// @tanstack/react-virtual: a small, well-kept headless library (see features/use-cases/UseCaseList.tsx).
import { defaultRangeExtractor, useWindowVirtualizer, type Range, type VirtualItem } from '@tanstack/react-virtual';

type Options = {
  count: number;
  /** A typical row's height in pixels; rows are measured once drawn. */
  estimate: number;
  /** Space between rows, in pixels (the list's own CSS gap no longer applies). */
  gap: number;
  getKey: (index: number) => string;
  /** Rows that stay in the page wherever the view is (the one with keyboard focus). */
  keep?: number[];
};

export type PageList<E extends HTMLElement> = {
  /** For the list element's ref. */
  attach: (el: E | null) => void;
  rows: VirtualItem[];
  /** The list's height (all rows, drawn or not), for its style. */
  height: number;
  /** A row's offset from the top of the list, for its style. */
  topOf: (row: VirtualItem) => number;
  /** For each row's ref. */
  measure: (el: HTMLElement | null) => void;
};

export function usePageList<E extends HTMLElement>({ count, estimate, gap, getKey, keep = [] }: Options): PageList<E> {
  const listEl = useRef<E | null>(null);
  // The list's distance from the top of the page: the virtualizer works in page coordinates.
  // Content above the list (a note, the filters) may change it, so it is measured after every
  // render and whenever the page changes size.
  const [margin, setMargin] = useState(0);
  const measureMargin = useCallback(() => {
    const el = listEl.current;
    if (!el) return;
    const top = el.getBoundingClientRect().top + window.scrollY;
    setMargin((m) => (Math.abs(m - top) > 0.5 ? top : m));
  }, []);
  useLayoutEffect(measureMargin);
  useEffect(() => {
    const observer = new ResizeObserver(measureMargin);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [measureMargin]);

  const keepKey = keep.join(',');
  const rangeExtractor = useCallback(
    (range: Range) => {
      const rows = defaultRangeExtractor(range);
      const extra = keepKey
        .split(',')
        .filter(Boolean)
        .map(Number)
        .filter((i) => i >= 0 && i < range.count && !rows.includes(i));
      return extra.length === 0 ? rows : [...rows, ...extra].sort((a, b) => a - b);
    },
    [keepKey],
  );
  const virtualizer = useWindowVirtualizer({
    count,
    estimateSize: () => estimate,
    gap,
    overscan: 6,
    scrollMargin: margin,
    getItemKey: getKey,
    rangeExtractor,
  });
  return {
    attach: (el) => {
      listEl.current = el;
    },
    rows: virtualizer.getVirtualItems(),
    height: virtualizer.getTotalSize(),
    topOf: (row) => row.start - margin,
    measure: virtualizer.measureElement as (el: HTMLElement | null) => void,
  };
}
