import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, type Route } from '../../../renderer/app/router';

describe('hash routes', () => {
  const cases: [string, Route][] = [
    ['#/', { name: 'home' }],
    ['#/w/ws-1/pipeline', { name: 'workshop', workshopId: 'ws-1', tab: 'pipeline' }],
    ['#/w/ws-1/pipeline/uc-2/pilot', { name: 'workshop', workshopId: 'ws-1', tab: 'pipeline', useCaseId: 'uc-2', section: 'pilot' }],
    ['#/w/ws-1/kpis/uc-2', { name: 'workshop', workshopId: 'ws-1', tab: 'kpis', useCaseId: 'uc-2' }],
    ['#/w/ws-1/kpis/uc-2/kpi-3', { name: 'workshop', workshopId: 'ws-1', tab: 'kpis', useCaseId: 'uc-2', itemId: 'kpi-3' }],
  ];
  it.each(cases)('reads and writes %s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
    expect(routeHref(route)).toBe(hash);
  });

  it('falls back to safe defaults for unknown tabs and sections', () => {
    expect(parseRoute('#/w/ws-1/nonsense')).toEqual({ name: 'workshop', workshopId: 'ws-1', tab: 'use-cases' });
    expect(parseRoute('#/w/ws-1/pipeline/uc-2/bogus')).toMatchObject({ section: 'readiness' });
    expect(parseRoute('#/elsewhere')).toEqual({ name: 'home' });
  });

  it('encodes ids so a slash in one cannot change the route', () => {
    const href = routeHref({ name: 'workshop', workshopId: 'a/b', tab: 'kpis', useCaseId: 'c d' });
    expect(href).toBe('#/w/a%2Fb/kpis/c%20d');
    expect(parseRoute(href)).toEqual({ name: 'workshop', workshopId: 'a/b', tab: 'kpis', useCaseId: 'c d' });
  });
});
