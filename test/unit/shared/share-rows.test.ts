// Live queries hand back new objects each run; rows that did not change keep their old objects so
// memoised rows of a screen are not drawn again (200 phones: one stored batch, not 600 inputs).
import { describe, expect, it } from 'vitest';
import { sameRow, shareRows } from '../../../renderer/shared/share-rows';

const p = (id: string, name: string, extra: Record<string, unknown> = {}) => ({ id, name, role: 'other', ...extra });

describe('sharing unchanged rows between two runs of a live query', () => {
  it('gives back the previous array itself when every row is equal and in the same order', () => {
    const before = [p('a', 'Jürgen Weiß'), p('b', '이서연')];
    const after = [p('a', 'Jürgen Weiß'), p('b', '이서연')];
    expect(shareRows(before, after)).toBe(before);
  });

  it('keeps the old object of each unchanged row and takes the new one of a changed row', () => {
    const before = [p('a', 'Jürgen Weiß'), p('b', '이서연')];
    const after = [p('a', 'Jürgen Weiß'), p('b', 'Lee Seo-yeon')];
    const shared = shareRows(before, after);
    expect(shared).not.toBe(before);
    expect(shared[0]).toBe(before[0]);
    expect(shared[1]).toBe(after[1]);
    expect(shared.map((r) => r.name)).toEqual(['Jürgen Weiß', 'Lee Seo-yeon']);
  });

  it('follows added, removed and reordered rows', () => {
    const before = [p('a', 'A'), p('b', 'B')];
    const added = shareRows(before, [p('a', 'A'), p('b', 'B'), p('c', 'C')]);
    expect(added.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(added[1]).toBe(before[1]);
    const removed = shareRows(before, [p('b', 'B')]);
    expect(removed).toEqual([before[1]]);
    const reordered = shareRows(before, [p('b', 'B'), p('a', 'A')]);
    expect(reordered).not.toBe(before);
    expect(reordered).toEqual([before[1], before[0]]);
  });

  it('compares nested values by content, and a field that appears or goes counts as a change', () => {
    expect(sameRow({ id: 'a', notes: { x: [1, 2] } }, { id: 'a', notes: { x: [1, 2] } })).toBe(true);
    expect(sameRow({ id: 'a', notes: { x: [1, 2] } }, { id: 'a', notes: { x: [1, 3] } })).toBe(false);
    expect(sameRow({ id: 'a' }, { id: 'a', revealedAt: null })).toBe(false);
    expect(sameRow({ id: 'a', value: 0 }, { id: 'a', value: null })).toBe(false);
  });

  it('takes the new rows as they are on the first run', () => {
    const first = [p('a', 'A')];
    expect(shareRows(undefined, first)).toBe(first);
  });
});
