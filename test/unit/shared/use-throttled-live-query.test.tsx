// @vitest-environment jsdom
// A read model over every score re-reads at most once per gap while a room's phones pour scores
// in, and always ends on the last stored state; a single change shows at once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { useThrottledLiveQuery } from '../../../renderer/shared/use-throttled-live-query';
import { closeTestWorkshop, openTestWorkshop, type TestWorkshop } from '../db/test-workshop';

let t: TestWorkshop;
let reads = 0;
beforeEach(async () => {
  t = await openTestWorkshop('throttled-live');
  reads = 0;
});
afterEach(async () => {
  cleanup();
  await closeTestWorkshop(t.db);
});

function Count({ gapMs, tables }: { gapMs: number; tables: string[] }) {
  const n = useThrottledLiveQuery(
    () => {
      reads += 1;
      return t.db.participants.count();
    },
    'participants',
    { dbName: t.db.name, tables, gapMs },
  );
  return <p data-testid="count">{n === undefined ? 'loading' : String(n)}</p>;
}

describe('a throttled live query', () => {
  it('shows a single change at once, and twelve quick changes with a few reads, ending on the last', async () => {
    render(<Count gapMs={300} tables={['participants']} />);
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('0'));
    // The first read is older than the gap: a single change re-reads at once.
    await new Promise((r) => setTimeout(r, 320));
    await act(() => t.repos.participants.add(t.workshopId, { name: 'Jürgen Weiß', role: 'other' }));
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('1'), { timeout: 200 });
    reads = 0;
    await act(async () => {
      for (let i = 0; i < 12; i += 1) await t.repos.participants.add(t.workshopId, { name: `Teilnehmerin ${i}`, role: 'other' });
    });
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('13'), { timeout: 2000 });
    // Dexie's own live query reads after each of the twelve; this one a few times at most.
    expect(reads).toBeGreaterThanOrEqual(1);
    expect(reads).toBeLessThanOrEqual(4);
  });

  it('does not read again for a change to a table it does not read', async () => {
    render(<Count gapMs={0} tables={['participants']} />);
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('0'));
    const before = reads;
    await act(() => t.repos.risks.add(t.workshopId, { title: 'Model drift' }).then(() => undefined));
    await new Promise((r) => setTimeout(r, 50));
    expect(reads).toBe(before);
  });
});
