// Where a mouse or touch drag was let go, and which drop target's box holds that point.
// dnd-kit hands onDragEnd the target ("over") it last rendered, and it renders a frame or more
// behind the pointer: a quick flick, let go at once, used to land on the column or cell the
// pointer had crossed just before (seen on a busy laptop: dropped on Stage 0, reviewed for
// Stage 1). The release point is the truth; "over" stays the answer for keyboard drags.
import { useEffect, useMemo, useRef } from 'react';

export type Point = { x: number; y: number };

/**
 * Tracks the last pointer release in the window. A capture listener on the window runs before
 * dnd-kit's own listener on the document, so the point is known when onDragEnd is called.
 * `take()` returns it once (null for a keyboard drag or if no release was seen).
 */
export function useReleasePoint(): { reset(): void; take(activatorEvent: Event | null | undefined): Point | null } {
  const point = useRef<Point | null>(null);
  useEffect(() => {
    const onUp = (e: PointerEvent) => {
      point.current = { x: e.clientX, y: e.clientY };
    };
    window.addEventListener('pointerup', onUp, true);
    return () => window.removeEventListener('pointerup', onUp, true);
  }, []);
  return useMemo(
    () => ({
      reset() {
        point.current = null;
      },
      take(activatorEvent: Event | null | undefined): Point | null {
        const p = point.current;
        point.current = null;
        return activatorEvent instanceof KeyboardEvent ? null : p;
      },
    }),
    [],
  );
}

/**
 * The value of `attr` on the first element carrying it whose box holds the point: the same rule
 * as the boards' collision detection (the drop targets do not overlap), on today's layout.
 */
export function targetAt(point: Point, attr: string, root: ParentNode = document): string | null {
  for (const el of root.querySelectorAll<HTMLElement>(`[${attr}]`)) {
    const r = el.getBoundingClientRect();
    if (point.x >= r.left && point.x <= r.right && point.y >= r.top && point.y <= r.bottom) return el.getAttribute(attr);
  }
  return null;
}
