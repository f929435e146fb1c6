import type { UseCase, UseCaseKind } from './model';

export type UseCaseFilter = {
  query: string;
  kind: UseCaseKind | 'all';
  department: string | 'all';
};

export const NO_FILTER: UseCaseFilter = { query: '', kind: 'all', department: 'all' };

export function isFiltering(f: UseCaseFilter): boolean {
  return f.query.trim() !== '' || f.kind !== 'all' || f.department !== 'all';
}

function fold(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLocaleLowerCase();
}

/**
 * Keeps the use cases that match every word of the query (in any text field, accents ignored)
 * and the chosen kind and department. The list keeps its order.
 */
export function filterUseCases(list: UseCase[], f: UseCaseFilter): UseCase[] {
  const words = fold(f.query).split(/\s+/).filter(Boolean);
  return list.filter((u) => {
    if (f.kind !== 'all' && u.kind !== f.kind) return false;
    if (f.department !== 'all' && u.department !== f.department) return false;
    if (words.length === 0) return true;
    const hay = fold([u.title, u.problem, u.businessOwner, u.department, u.dataSources, u.expectedValue, u.notes].join('\n'));
    return words.every((w) => hay.includes(w));
  });
}

/** Distinct, non-empty departments, sorted, for the filter menu. */
export function departmentsOf(list: UseCase[]): string[] {
  return [...new Set(list.map((u) => u.department.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b));
}
