// Screens whose code is fetched the first time they are shown, so the first screen parses only
// what it needs, and fetched ahead of time once the window is idle, so switching tabs in the room
// never waits for a chunk.
//
// Why not React.lazy + Suspense: React 19 holds back the reveal of suspended content until at
// least 300 ms after its fallback appeared (to batch reveals). Measured here, a workshop opened
// from its address showed its list ~300 ms later with Suspense than without. A screen that keeps
// "loaded yet?" in its own state shows its code the moment it arrives, and a failed load is thrown
// to the nearest ErrorBoundary just the same.
import { useEffect, useState, type ComponentType } from 'react';

export type LazyScreen<P> = ComponentType<P> & {
  /** Fetches the screen's code now; never rejects (a failure shows when the screen is opened). */
  preload: () => Promise<void>;
};

/** `load` resolves to the screen component (a named export: `() => import('./X').then((m) => m.X)`). */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): LazyScreen<P> {
  // Once the code is here (preloaded, or shown before), every later mount renders it at once.
  let loaded: ComponentType<P> | null = null;
  const keep = () =>
    load().then((c) => {
      loaded = c;
      return c;
    });
  function Screen(props: P) {
    const [state, setState] = useState<{ screen: ComponentType<P> | null; error: Error | null }>(() => ({ screen: loaded, error: null }));
    useEffect(() => {
      if (state.screen || state.error) return;
      let live = true;
      keep().then(
        (screen) => live && setState({ screen, error: null }),
        (error: unknown) => live && setState({ screen: null, error: error instanceof Error ? error : new Error(String(error)) }),
      );
      return () => {
        live = false;
      };
    }, [state]);
    // To the nearest ErrorBoundary, which offers "Try again": that mounts this screen afresh,
    // which fetches the code again.
    if (state.error) throw state.error;
    if (!state.screen) return <ScreenLoading />;
    const Shown = state.screen;
    return <Shown {...props} />;
  }
  return Object.assign(Screen, { preload: () => keep().then(() => undefined, () => undefined) });
}

/** What a screen shows while its code loads: a quiet line that only appears if it takes a while. */
export function ScreenLoading() {
  return (
    <p className="screen-loading" role="status">
      Loading…
    </p>
  );
}

/** True for the errors browsers raise when a chunk of the app's own code cannot be fetched. */
export function isChunkLoadError(error: Error): boolean {
  return /Failed to fetch dynamically imported module|Importing a module script failed|error loading dynamically imported module|Unable to preload CSS/i.test(
    `${error.name} ${error.message}`,
  );
}

type IdleWindow = Window & {
  requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
};

/**
 * Fetches the given screens one at a time, each when the window is idle, starting `afterMs` after
 * the call. The wait matters: while the first screen reads the database the window looks idle,
 * and fetching (and parsing) chunks then would delay that very screen. Returns a function that
 * stops what has not started yet.
 */
export function preloadWhenIdle(list: { preload: () => Promise<void> }[], afterMs = 1000, busy: () => boolean = () => false): () => void {
  const w = window as IdleWindow;
  let stopped = false;
  let idle: number | undefined;
  let later: number | undefined;
  const schedule = (cb: () => void) => (w.requestIdleCallback ? w.requestIdleCallback(cb, { timeout: 3000 }) : window.setTimeout(cb, 50));
  const next = (i: number) => {
    if (stopped || i >= list.length) return;
    idle = schedule(() => {
      idle = undefined;
      if (stopped) return;
      // Parsing a large chunk blocks the window for ~100 ms: not while phones are sending scores
      // (each would wait that much longer for "received"). Asked again a second later.
      if (busy()) {
        later = window.setTimeout(() => next(i), 1000);
        return;
      }
      void list[i]?.preload().then(() => next(i + 1));
    });
  };
  const start = window.setTimeout(() => next(0), afterMs);
  return () => {
    stopped = true;
    window.clearTimeout(start);
    window.clearTimeout(later);
    if (idle === undefined) return;
    if (w.cancelIdleCallback) w.cancelIdleCallback(idle);
    else window.clearTimeout(idle);
  };
}
