import { describe, expect, it } from 'vitest';
import { cadenceSummary, raciProblems } from '../../../renderer/domain/governance';
import type { DecisionRight, Role } from '../../../renderer/domain/model';

const T = '2026-11-23T09:00:00.000Z';
const role = (id: string, name: string): Role => ({ id, workshopId: 'w', createdAt: T, updatedAt: T, order: 1, name, person: '' });
const right = (id: string, decision: string, assignments: DecisionRight['assignments']): DecisionRight => ({
  id,
  workshopId: 'w',
  createdAt: T,
  updatedAt: T,
  order: 1,
  decision,
  assignments,
});
const roles = [role('po', 'Product owner'), role('gs', 'Governance sponsor'), role('ops', 'Operations lead')];

describe('exactly one Accountable per decision', () => {
  it('is happy with one A and any number of R, C, I', () => {
    const r = right('d', 'Gate approval', [
      { roleId: 'gs', raci: 'A' },
      { roleId: 'po', raci: 'R' },
      { roleId: 'ops', raci: 'C' },
    ]);
    expect(raciProblems([r], roles)).toEqual([]);
  });

  it('flags a decision with no Accountable', () => {
    const r = right('d', 'Release', [{ roleId: 'po', raci: 'R' }]);
    expect(raciProblems([r], roles)).toEqual([
      { decisionId: 'd', decision: 'Release', kind: 'no-accountable', message: '"Release" has no Accountable role.', text: { id: 'governanceText.raci.noAccountable', values: { decision: 'Release' } } },
    ]);
  });

  it('flags several Accountables, naming them', () => {
    const r = right('d', 'Risk acceptance', [
      { roleId: 'po', raci: 'A' },
      { roleId: 'gs', raci: 'A' },
    ]);
    const [p] = raciProblems([r], roles);
    expect(p?.kind).toBe('several-accountable');
    expect(p?.message).toBe('"Risk acceptance" has 2 Accountable roles (Product owner, Governance sponsor); exactly one is needed.');
  });

  it('ignores a letter left by a role that no longer exists', () => {
    const r = right('d', 'Scope', [
      { roleId: 'gone', raci: 'A' },
      { roleId: 'po', raci: 'A' },
    ]);
    expect(raciProblems([r], roles)).toEqual([]);
    expect(raciProblems([r], roles.filter((x) => x.id !== 'po'))[0]?.kind).toBe('no-accountable');
  });
});

describe('meeting summaries', () => {
  const base = { weekday: 1, weekOfMonth: 1, time: '09:30', durationMinutes: 45 };
  it('reads as a person would say it', () => {
    expect(cadenceSummary({ ...base, frequency: 'weekly' })).toBe('Every Monday at 09:30, 45 min');
    expect(cadenceSummary({ ...base, frequency: 'fortnightly', weekday: 3 })).toBe('Every other Wednesday at 09:30, 45 min');
    expect(cadenceSummary({ ...base, frequency: 'monthly', weekday: 2, weekOfMonth: 5, time: '' })).toBe('Last Tuesday of the month, 45 min');
    expect(cadenceSummary({ ...base, frequency: 'at-gates', weekday: 4 })).toBe('First Thursday on or after each gate at 09:30, 45 min');
  });
});
