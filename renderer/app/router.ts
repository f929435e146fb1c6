// A tiny hash router: two screens do not need a routing library, and hash URLs work the same
// under app:// in Electron and on 127.0.0.1 in a browser.
import { useSyncExternalStore } from 'react';

export const WORKSHOP_TABS = [
  'use-cases',
  'participants',
  'scoring',
  'portfolio',
  'matrix',
  'pipeline',
  'kpis',
  'risks',
  'roadmap',
  'governance',
  'decisions',
  'health',
  'agenda',
  'details',
  'activity',
] as const;
export type WorkshopTab = (typeof WORKSHOP_TABS)[number];

/** The parts of one use case's stage record, under the pipeline tab: `#/w/<ws>/pipeline/<uc>/<section>`. */
export const USE_CASE_SECTIONS = ['readiness', 'pilot', 'controls', 'decisions'] as const;
export type UseCaseSection = (typeof USE_CASE_SECTIONS)[number];

export type Route =
  | { name: 'home' }
  | { name: 'backups' }
  /** `itemId`: one item of a use case within a tab (a KPI on the KPIs tab): `#/w/<ws>/kpis/<uc>/<kpi>`. */
  | { name: 'workshop'; workshopId: string; tab: WorkshopTab; useCaseId?: string; section?: UseCaseSection; itemId?: string };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'backups' && parts.length === 1) return { name: 'backups' };
  if (parts[0] === 'w' && parts[1]) {
    const tab = (WORKSHOP_TABS as readonly string[]).includes(parts[2] ?? '') ? (parts[2] as WorkshopTab) : 'use-cases';
    if (tab === 'pipeline' && parts[3]) {
      const section = (USE_CASE_SECTIONS as readonly string[]).includes(parts[4] ?? '') ? (parts[4] as UseCaseSection) : 'readiness';
      return { name: 'workshop', workshopId: parts[1], tab, useCaseId: parts[3], section };
    }
    // Other tabs may focus one use case (the KPIs of "Claims triage"): `#/w/<ws>/kpis/<uc>`.
    if (parts[3]) return { name: 'workshop', workshopId: parts[1], tab, useCaseId: parts[3], ...(parts[4] ? { itemId: parts[4] } : {}) };
    return { name: 'workshop', workshopId: parts[1], tab };
  }
  return { name: 'home' };
}

export function routeHref(route: Route): string {
  if (route.name === 'home') return '#/';
  if (route.name === 'backups') return '#/backups';
  const base = `#/w/${encodeURIComponent(route.workshopId)}/${route.tab}`;
  if (!route.useCaseId) return base;
  const uc = `${base}/${encodeURIComponent(route.useCaseId)}`;
  if (route.tab === 'pipeline') return `${uc}/${route.section ?? 'readiness'}`;
  return route.itemId ? `${uc}/${encodeURIComponent(route.itemId)}` : uc;
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
