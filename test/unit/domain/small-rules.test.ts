import { describe, expect, it } from 'vitest';
import { orderBetween } from '../../../renderer/domain/ordering';
import { defaultRoadmapStart, parseIsoDate, todayIso } from '../../../renderer/domain/dates';
import { daysInFuture } from '../../../renderer/domain/kpi';
import { departmentsOf, filterUseCases, isFiltering, NO_FILTER } from '../../../renderer/domain/use-case-filter';
import type { UseCase } from '../../../renderer/domain/model';
import { makeUseCase } from '../../fixtures/factories';

const uc = (over: Partial<UseCase>) => makeUseCase({ id: over.title, ...over });

describe('ordering', () => {
  it('places an item between its neighbours', () => {
    expect(orderBetween(1, 2)).toBe(1.5);
  });
  it('places an item before the first and after the last', () => {
    expect(orderBetween(null, 1)).toBe(0);
    expect(orderBetween(3, null)).toBe(4);
    expect(orderBetween(null, null)).toBe(1);
  });
  it('says when no room is left between two neighbours', () => {
    expect(orderBetween(1, 1 + 1e-12)).toBeNull();
    expect(orderBetween(2, 2)).toBeNull();
  });
});

describe('dates', () => {
  it('starts the roadmap on the Monday after the workshop', () => {
    expect(defaultRoadmapStart('2026-11-23')).toBe('2026-11-30'); // a Monday workshop: the next Monday
    expect(defaultRoadmapStart('2026-11-26')).toBe('2026-11-30'); // Thursday
    expect(defaultRoadmapStart('2026-11-29')).toBe('2026-11-30'); // Sunday
  });
  it('has no default roadmap start without a workshop date', () => {
    expect(defaultRoadmapStart('')).toBe('');
  });
  it('rejects dates that do not exist', () => {
    expect(parseIsoDate('2026-02-30')).toBeNull();
    expect(parseIsoDate('01.03.2026')).toBeNull();
    expect(parseIsoDate('2026-03-01')?.getDate()).toBe(1);
  });
  it('gives today as a local calendar date', () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('use-case filter', () => {
  const list = [
    uc({ title: 'Claims triage', department: 'Claims', kind: 'automated-decision' }),
    uc({ title: 'Underwriting extraction', department: 'Commercial Underwriting', businessOwner: 'Tomás Ortega', kind: 'document-processing' }),
    uc({ title: 'Fraud scoring', department: 'Claims', notes: 'Legal review needed', kind: 'predictive-model' }),
  ];
  it('matches every word of the query in any text field, ignoring case and accents', () => {
    expect(filterUseCases(list, { ...NO_FILTER, query: 'tomas' }).map((u) => u.title)).toEqual(['Underwriting extraction']);
    expect(filterUseCases(list, { ...NO_FILTER, query: 'LEGAL fraud' }).map((u) => u.title)).toEqual(['Fraud scoring']);
    expect(filterUseCases(list, { ...NO_FILTER, query: 'legal triage' })).toEqual([]);
  });
  it('filters by kind and department and keeps the list order', () => {
    expect(filterUseCases(list, { ...NO_FILTER, department: 'Claims' }).map((u) => u.title)).toEqual(['Claims triage', 'Fraud scoring']);
    expect(filterUseCases(list, { ...NO_FILTER, kind: 'predictive-model' }).map((u) => u.title)).toEqual(['Fraud scoring']);
  });
  it('knows when a filter is active', () => {
    expect(isFiltering(NO_FILTER)).toBe(false);
    expect(isFiltering({ ...NO_FILTER, query: '  ' })).toBe(false);
    expect(isFiltering({ ...NO_FILTER, kind: 'other' })).toBe(true);
  });
  it('lists distinct departments alphabetically', () => {
    expect(departmentsOf(list)).toEqual(['Claims', 'Commercial Underwriting']);
  });
});

describe('a KPI measurement dated in the future', () => {
  it('counts the days after today, across months and years', () => {
    expect(daysInFuture('2026-12-05', '2026-12-04')).toBe(1);
    expect(daysInFuture('2027-01-04', '2026-12-04')).toBe(31);
    expect(daysInFuture('2062-12-04', '2026-12-04')).toBe(13149);
  });

  it('is not in the future today or on any earlier day', () => {
    expect(daysInFuture('2026-12-04', '2026-12-04')).toBe(0);
    expect(daysInFuture('2026-03-01', '2026-12-04')).toBe(0);
    expect(daysInFuture('not a date', '2026-12-04')).toBe(0);
  });
});
