// Which tables changed: Dexie announces every stored change (this page's, and those of its other
// connections such as the phone-score worker, which it relays over a BroadcastChannel) as a set
// of changed parts named "idb://<database>/<table>/<index>". A read model that throttles its own
// re-reads (shared/use-throttled-live-query.ts) listens here instead of re-running on each change.
import { Dexie, type ObservabilitySet } from 'dexie';

/** Calls `listener` after any stored change to one of `tables` of database `dbName`; returns the unsubscribe. */
export function onTablesChanged(dbName: string, tables: readonly string[], listener: () => void): () => void {
  const prefixes = tables.map((t) => `idb://${dbName}/${t}/`);
  const handler = (parts: ObservabilitySet) => {
    for (const key of Object.keys(parts)) {
      // "all": everything may have changed (a page shown again from the back/forward cache).
      if (key === 'all' || prefixes.some((p) => key.startsWith(p))) {
        listener();
        return;
      }
    }
  };
  Dexie.on.storagemutated.subscribe(handler);
  return () => Dexie.on.storagemutated.unsubscribe(handler);
}
