// Schema upgrades, as named pure transforms over plain rows, so each can be tested on its own
// with a before/after pair. schema.ts calls them from `version(n).upgrade(...)`.
//
// Each version's transforms are exported so tests can run them on a before row.
import { DEFAULT_ROADMAP_SETTINGS } from '../domain/model';

export type Migration = {
  version: number;
  name: string;
  /** Table → transform of one row. Pure: no Dexie, no clock, no randomness. */
  transforms: Record<string, (row: Record<string, unknown>) => Record<string, unknown>>;
};

/** Version 2: each workshop remembers how its roadmap is laid out (parallel pilots, slip pushing). */
export function v2AddRoadmapSettings(row: Record<string, unknown>): Record<string, unknown> {
  if (row.roadmap && typeof row.roadmap === 'object') return row;
  return { ...row, roadmap: { ...DEFAULT_ROADMAP_SETTINGS } };
}

export const MIGRATIONS: readonly Migration[] = [{ version: 2, name: 'v2-roadmap-settings', transforms: { workshops: v2AddRoadmapSettings } }];

/** The newest schema version: 1 + the number of upgrades, kept in step with schema.ts. */
export const SCHEMA_VERSION = 1 + MIGRATIONS.length;
