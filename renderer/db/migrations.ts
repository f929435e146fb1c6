// Schema upgrades, as named pure transforms over plain rows, so each can be tested on its own
// with a before/after pair. schema.ts calls them from `version(n).upgrade(...)`.
//
// Version 1 is the first schema: nothing to upgrade yet. When version 2 is added, write e.g.
//   export function v2AddUseCaseTags(row: V1UseCase): V2UseCase { ... }
// and register it here with its version number.

export type Migration = {
  version: number;
  name: string;
  /** Table → transform of one row. Pure: no Dexie, no clock, no randomness. */
  transforms: Record<string, (row: Record<string, unknown>) => Record<string, unknown>>;
};

export const MIGRATIONS: readonly Migration[] = [];

/** The newest schema version: 1 + the number of upgrades, kept in step with schema.ts. */
export const SCHEMA_VERSION = 1 + MIGRATIONS.length;
