// Every database an earlier Liftoff wrote must open in this one with nothing lost. For each schema
// version N before the newest there is a fixture, test/fixtures/db/v<N>.json, holding rows for
// every table as version N stored them. Each is written with a raw Dexie at version N, closed,
// and opened with the app's createDb(): every row must still be there, upgraded by exactly the
// migrations after N, valid against today's model, and usable through the repositories.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { createDb } from '../../../renderer/db/schema';
import { DATA_VERSION as SCHEMA_VERSION, migrateRow, migrationsBetween, storesAt, type Migration } from '../../../renderer/domain/migrations';
import { createRepos } from '../../../renderer/db';
import { DEFAULT_ROADMAP_SETTINGS, WORKSHOP_TABLES, workshopSchema, workshopTableSchemas } from '../../../renderer/domain/model';
import { buildWorkshopFile, parseWorkshopFile, serializeWorkshopFile } from '../../../renderer/domain/workshop-file';

type Row = Record<string, unknown>;
type DbFixture = { schemaVersion: number; tables: Record<string, Row[]> };

const fixturePath = (version: number) => fileURLToPath(new URL(`../../fixtures/db/v${version}.json`, import.meta.url));
const loadFixture = (version: number): DbFixture => JSON.parse(readFileSync(fixturePath(version), 'utf8')) as DbFixture;
const olderVersions = Array.from({ length: SCHEMA_VERSION - 1 }, (_, i) => i + 1);
const ALL_TABLE_NAMES = Object.keys(storesAt(SCHEMA_VERSION)).sort();

/** The database as version `version` of the app created it: the same stores, no upgrades run. */
function rawDbAt(name: string, version: number): Dexie {
  const db = new Dexie(name);
  db.version(version).stores(storesAt(version));
  return db;
}

/** The primary key of a row: `seq` for history, `id` for every other table. */
const keyOf = (table: string, row: Row) => String(table === 'history' ? row.seq : row.id);
const byKey = (table: string) => (a: Row, b: Row) => (keyOf(table, a) < keyOf(table, b) ? -1 : 1);

/** What the rows must look like after every migration later than `from` ran on them. */
function expectedAfterUpgrade(fixture: DbFixture): Record<string, Row[]> {
  const out: Record<string, Row[]> = Object.fromEntries(ALL_TABLE_NAMES.map((t) => [t, []]));
  for (const [table, rows] of Object.entries(fixture.tables)) {
    let upgraded = rows.map((r) => structuredClone(r));
    for (const m of migrationsBetween(fixture.schemaVersion)) {
      upgraded = upgraded.map((r) => migrateRow(m, table, r)).filter((r): r is Row => r !== null);
      // Undo images are rows too: they are upgraded with the table they belong to.
      if (table === 'history') upgraded = upgraded.map((entry) => ({ ...entry, changes: (entry.changes as Row[]).map((c) => upgradeImages(c, m)) }));
    }
    out[table] = upgraded.sort(byKey(table));
  }
  return out;
}

function upgradeImages(change: Row, m: Migration): Row {
  if (!m.transforms?.[String(change.table)]) return change;
  const up = (image: unknown) => (image && typeof image === 'object' ? (migrateRow(m, String(change.table), image as Row) ?? undefined) : image);
  return { ...change, before: up(change.before), after: up(change.after) };
}

async function dump(db: Dexie): Promise<Record<string, Row[]>> {
  const out: Record<string, Row[]> = {};
  for (const t of db.tables) out[t.name] = ((await t.toArray()) as Row[]).sort(byKey(t.name));
  return out;
}

let n = 0;

async function writtenBy(version: number): Promise<{ name: string; fixture: DbFixture }> {
  const fixture = loadFixture(version);
  const name = `every-version-${version}-${Date.now()}-${n++}`;
  const raw = rawDbAt(name, version);
  await raw.open();
  expect(raw.verno).toBe(version);
  for (const [table, rows] of Object.entries(fixture.tables)) await raw.table(table).bulkAdd(rows);
  raw.close();
  return { name, fixture };
}

describe('a fixture for every earlier schema version', () => {
  it('exists for every version from 1 to the one before the newest', () => {
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(2);
    const missing = olderVersions.filter((v) => !existsSync(fixturePath(v))).map((v) => `test/fixtures/db/v${v}.json`);
    // A new migration needs the database the version before it wrote: add that fixture.
    expect(missing).toEqual([]);
  });

  it.each(olderVersions)('v%i.json says which version wrote it and has rows in every table', (version) => {
    const fixture = loadFixture(version);
    expect(fixture.schemaVersion).toBe(version);
    expect(Object.keys(fixture.tables).sort()).toEqual(Object.keys(storesAt(version)).sort());
    for (const [table, rows] of Object.entries(fixture.tables)) expect(rows.length, `rows in ${table}`).toBeGreaterThan(0);
  });
});

describe.each(olderVersions)('a database written by schema version %i', (version) => {
  it('opens in the newest version with every row kept and upgraded', async () => {
    const { name, fixture } = await writtenBy(version);
    const db = createDb(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);

    const after = await dump(db);
    expect(Object.keys(after).sort()).toEqual(ALL_TABLE_NAMES);
    expect(after).toEqual(expectedAfterUpgrade(fixture));
    // Version 3 deletes the steps a newer change had made unreachable ('dropped'), keeps the rest.
    const states = (after.history ?? []).map((h) => h.state);
    expect(states.every((st) => st === 'done' || st === 'undone')).toBe(true);
    const keptSteps = (fixture.tables.history ?? []).filter((h) => h.state !== 'dropped').length;
    expect(states).toHaveLength(keptSteps);

    // Every upgraded row is a valid row of today's model, so nothing downstream meets an old shape.
    for (const ws of after.workshops ?? []) expect(workshopSchema.safeParse(ws).error).toBeUndefined();
    for (const table of WORKSHOP_TABLES) {
      for (const row of after[table] ?? []) expect(workshopTableSchemas[table].safeParse(row).error, `${table} ${String(row.id)}`).toBeUndefined();
    }
    db.close();
    await db.delete();
  });

  it('is usable through the repositories: read, export, edit, undo and redo', async () => {
    const { name, fixture } = await writtenBy(version);
    const repos = createRepos(createDb(name));
    const original = fixture.tables.workshops?.[0] as Row;
    const workshopId = String(original.id);

    const list = await repos.workshops.list();
    expect(list.map((w) => w.id)).toEqual(fixture.tables.workshops?.map((w) => w.id));
    const ws = await repos.workshops.get(workshopId);
    expect(ws?.name).toBe(original.name);
    expect(ws?.roadmap).toEqual(original.roadmap ?? DEFAULT_ROADMAP_SETTINGS);
    expect((await repos.useCases.list(workshopId)).map((u) => u.id).sort()).toEqual(fixture.tables.useCases?.map((u) => u.id).sort());

    // The whole workshop exports to a file that opens again: a backup of it would restore.
    const rows = await repos.workshops.readRows(workshopId);
    for (const table of WORKSHOP_TABLES) expect(rows[table]).toHaveLength(fixture.tables[table]?.length ?? -1);
    const file = parseWorkshopFile(serializeWorkshopFile(buildWorkshopFile(ws!, rows, 'test', '2026-12-01T09:00:00.000Z')));
    expect(file.ok ? 'ok' : file.error.message).toBe('ok');

    // Changes written after the upgrade work, including ones that need the new roadmap settings.
    const uc = await repos.useCases.add(workshopId, { title: 'Added after the upgrade' });
    expect(await repos.roadmap.addUseCases(workshopId, [uc.id])).toBe(1);
    await repos.roadmap.setPushLaterPhases(workshopId, false);
    expect((await repos.workshops.get(workshopId))?.roadmap.pushLaterPhases).toBe(false);

    // Undo reaches back past the upgrade into steps the old version recorded, and every workshop
    // row it puts back is a row of today's model (an old image without roadmap settings would
    // break the roadmap and every later export).
    let undone = 0;
    while ((await repos.history.undo(workshopId)) !== null) {
      undone++;
      const back = await repos.workshops.get(workshopId);
      expect(workshopSchema.safeParse(back).error, `after undo ${undone}`).toBeUndefined();
    }
    expect(undone).toBe(3 + (fixture.tables.history?.filter((h) => h.state === 'done' && h.level !== 'home').length ?? 0));
    let redone = 0;
    while ((await repos.history.redo(workshopId)) !== null) {
      redone++;
      const forward = await repos.workshops.get(workshopId);
      expect(workshopSchema.safeParse(forward).error, `after redo ${redone}`).toBeUndefined();
    }
    expect(redone).toBe(undone);
    expect((await repos.workshops.get(workshopId))?.roadmap.pushLaterPhases).toBe(false);
    repos.close();
    await Dexie.delete(name);
  });
});
