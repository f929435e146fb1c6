// A tiny hash router: two screens do not need a routing library, and hash URLs work the same
// under app:// in Electron and on 127.0.0.1 in a browser.
import { useSyncExternalStore } from 'react';

export const WORKSHOP_TABS = ['use-cases', 'participants', 'scoring', 'portfolio', 'matrix', 'agenda', 'details', 'activity'] as const;
export type WorkshopTab = (typeof WORKSHOP_TABS)[number];

export type Route = { name: 'home' } | { name: 'workshop'; workshopId: string; tab: WorkshopTab };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'w' && parts[1]) {
    const tab = (WORKSHOP_TABS as readonly string[]).includes(parts[2] ?? '') ? (parts[2] as WorkshopTab) : 'use-cases';
    return { name: 'workshop', workshopId: parts[1], tab };
  }
  return { name: 'home' };
}

export function routeHref(route: Route): string {
  return route.name === 'home' ? '#/' : `#/w/${encodeURIComponent(route.workshopId)}/${route.tab}`;
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

function subscribe(cb: () => void) {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
