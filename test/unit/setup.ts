// Unit tests run in Node; Dexie gets a real IndexedDB implementation from fake-indexeddb.
import 'fake-indexeddb/auto';
