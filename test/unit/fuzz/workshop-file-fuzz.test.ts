// Fuzzing the workshop file import. Whatever bytes someone opens, Liftoff answers with either a
// plain-words error or a fully valid workshop; it never throws, never lets a key reach
// Object.prototype, and an import that fails leaves the database exactly as it was.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_MAX_WORKSHOP_FILE_BYTES,
  FORBIDDEN_KEYS,
  MAX_WORKSHOP_FILE_DEPTH,
  parseWorkshopFile,
  serializeWorkshopFile,
  type ParseWorkshopFileResult,
} from '../../../renderer/domain/workshop-file';
import { LONG_TEXT_MAX, WORKSHOP_TABLES, workshopSchema, workshopTableSchemas } from '../../../renderer/domain/model';
import { createDb } from '../../../renderer/db/schema';

// The app's import (File → Open, a file opened from the system) stores through the app's one
// repository set; here that set points at a fake-indexeddb database of this test's own.
const DB_NAME = vi.hoisted(() => `fuzz-import-${Date.now()}`);
vi.mock('../../../renderer/app/repos', async () => {
  const { createRepos } = await import('../../../renderer/db');
  return { repos: createRepos(DB_NAME) };
});
const { repos } = await import('../../../renderer/app/repos');
const { importWorkshopText, importOpenedFile } = await import('../../../renderer/features/files/workshop-file-actions');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

const sampleText = (name: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/workshop-files/${name}`, import.meta.url)), 'utf8');
const V2_TEXT = sampleText('v2-sample.liftoff.json');
const V1_TEXT = sampleText('v1-sample.liftoff.json');
const V2 = JSON.parse(V2_TEXT) as Json;
const V1 = JSON.parse(V1_TEXT) as Json;

const ERROR_CODES = ['too-large', 'empty', 'not-json', 'too-deep', 'unsafe-key', 'not-liftoff', 'newer-version', 'invalid', 'inconsistent'];
const PARSE_RUNS = 2000;
const DB_RUNS = 300;
const runCounts: Record<string, number> = {};

// ---------------------------------------------------------------------------------------------
// Generators

/** Every path to a value inside `value`, the root included. */
function allPaths(value: Json, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => allPaths(v, [...path, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) allPaths(v, [...path, k], out);
  return out;
}

const isObject = (v: unknown): v is Record<string, Json> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Sets a key as an own, enumerable property, even "__proto__", so JSON.stringify writes it. */
function defineOwn(target: Record<string, Json> | Json[], key: string | number, value: Json | undefined): void {
  if (value === undefined) {
    if (Array.isArray(target) && typeof key === 'number') target.splice(key, 1);
    else delete (target as Record<string, Json>)[key];
    return;
  }
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A copy of `root` with the value at `path` replaced (or removed when `value` is undefined). */
function withAt(root: Json, path: Path, value: Json | undefined): Json | undefined {
  if (path.length === 0) return value;
  const copy = structuredClone(root);
  let at: Json = copy;
  for (const seg of path.slice(0, -1)) {
    // An earlier mutation may have removed or replaced the way there: then this one does nothing.
    const next: Json | undefined = at !== null && typeof at === 'object' ? (at as Record<string, Json>)[seg] : undefined;
    if (next === undefined || next === null || typeof next !== 'object') return copy;
    at = next;
  }
  if (at === null || typeof at !== 'object') return copy;
  defineOwn(at as Record<string, Json>, path[path.length - 1] as string | number, value);
  return copy;
}

/** Nesting deeper than the file limit, as raw text (arrays, objects or a mix): too deep to build as objects. */
const deepText = fc
  .record({ depth: fc.integer({ min: MAX_WORKSHOP_FILE_DEPTH - 2, max: MAX_WORKSHOP_FILE_DEPTH * 200 }), kinds: fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }) })
  .map(({ depth, kinds }) => {
    const open: string[] = [];
    const close: string[] = [];
    for (let i = 0; i < depth; i++) {
      const array = kinds[i % kinds.length];
      open.push(array ? '[' : '{"nested":');
      close.push(array ? ']' : '}');
    }
    return `${open.join('')}"bottom"${close.reverse().join('')}`;
  });

const PLACEHOLDER = 987654321.123;
/** The file with raw JSON text at `path`: for values no JavaScript object can hold. */
const withTextAt = (root: Json, path: Path, text: string) => JSON.stringify(withAt(root, path, PLACEHOLDER)).replace(String(PLACEHOLDER), text);

const HOSTILE_STRINGS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '\u0000\u0001\u0002',
  '\uD800',
  '\uDFFF\uD800',
  '\u202Eevil\u202C',
  '\uFEFF',
  '',
  ' ',
  '../../../../etc/passwd',
  'C:\\Windows\\system32',
  '{{constructor.constructor("return process")()}}',
  '${process.exit(1)}',
  "'; DROP TABLE workshops; --",
  '__proto__',
  'constructor',
  'prototype',
  '👩🏽‍💻'.repeat(200),
  'x'.repeat(LONG_TEXT_MAX + 1),
  '2026-02-30',
  '2026-11-23T25:61:00Z',
  'NaN',
  '1e999',
];

const hostileString = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ unit: 'binary', maxLength: 400 }));
const hugeNumber = fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -Number.MAX_SAFE_INTEGER - 2, 5e-324, -0, 0.1 + 0.2, 2 ** 53, 1e21);
const wrongType = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), hostileString, fc.constant([]), fc.constant({}));
const pollution = fc.constantFrom<Json>({ polluted: 'yes' }, { prototype: { polluted: 'yes' } }, 'polluted', null, [{ polluted: 1 }]);

/** One change to a sample; a `raw` one gives the final file text, so it comes last. */
type Mutation = { name: string; raw?: boolean; apply: (root: Json) => Json | string | undefined };

/** One change to a sample file, at a random spot. */
function mutation(root: Json): fc.Arbitrary<Mutation> {
  const paths = allPaths(root);
  const objectPaths = paths.filter((p) => isObject(get(root, p)));
  const stringPaths = paths.filter((p) => typeof get(root, p) === 'string');
  const numberPaths = paths.filter((p) => typeof get(root, p) === 'number');
  const anyPath = fc.constantFrom(...paths.filter((p) => p.length > 0));
  return fc.oneof(
    anyPath.map((p) => ({ name: `drop ${p.join('.')}`, apply: (r: Json) => withAt(r, p, undefined) })),
    fc.tuple(anyPath, fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<Json>).map(([p, v]) => ({ name: `replace ${p.join('.')} with JSON`, apply: (r: Json) => withAt(r, p, v) })),
    fc.tuple(anyPath, wrongType as fc.Arbitrary<Json>).map(([p, v]) => ({ name: `wrong type at ${p.join('.')}`, apply: (r: Json) => withAt(r, p, v) })),
    fc.tuple(fc.constantFrom(...numberPaths), hugeNumber).map(([p, v]) => ({ name: `huge number at ${p.join('.')}`, apply: (r: Json) => withAt(r, p, v) })),
    // Numbers JSON can spell but JavaScript cannot hold: 1e400 parses to Infinity.
    fc.tuple(fc.constantFrom(...numberPaths), fc.constantFrom('1e400', '-1e400', '123456789012345678901234567890', '-0.0e-999')).map(([p, text]) => ({
      name: `overflowing number at ${p.join('.')}`,
      raw: true,
      apply: (r: Json) => withTextAt(r, p, text),
    })),
    fc.tuple(anyPath, deepText).map(([p, text]) => ({ name: `deep nesting at ${p.join('.')}`, raw: true, apply: (r: Json) => withTextAt(r, p, text) })),
    fc.tuple(fc.constantFrom(...objectPaths), fc.constantFrom(...FORBIDDEN_KEYS), pollution).map(([p, key, v]) => ({
      name: `"${key}" in ${p.join('.') || 'the top level'}`,
      apply: (r: Json) => withAt(r, [...p, key], v),
    })),
    fc.tuple(fc.constantFrom(...stringPaths), hostileString).map(([p, v]) => ({ name: `hostile text at ${p.join('.')}`, apply: (r: Json) => withAt(r, p, v) })),
  );
}

function get(root: Json, path: Path): Json | undefined {
  let at: Json | undefined = root;
  for (const seg of path) at = at !== null && typeof at === 'object' ? (at as Record<string, Json>)[seg] : undefined;
  return at;
}

/** One to three mutations of a sample, serialized; a raw-text mutation ends the chain. */
function mutatedFile(root: Json): fc.Arbitrary<{ names: string[]; text: string }> {
  return fc.array(mutation(root), { minLength: 1, maxLength: 3 }).map((ms) => {
    let value: Json | undefined = root;
    const names: string[] = [];
    for (const m of ms) {
      if (value === undefined) break;
      names.push(m.name);
      const out = m.apply(value);
      if (m.raw) return { names, text: out as string };
      value = out as Json | undefined;
    }
    return { names, text: value === undefined ? '' : JSON.stringify(value, null, 2) };
  });
}

// ---------------------------------------------------------------------------------------------
// Checks

const objectProtoKeys = () => Reflect.ownKeys(Object.prototype).map(String).sort();
let protoBefore: string[];

/** Every object in a parsed file is plain (own prototype Object or Array) and has no forbidden key. */
function assertPlainTree(value: unknown, where = 'file'): void {
  if (value === null || typeof value !== 'object') return;
  const proto = Object.getPrototypeOf(value) as unknown;
  expect(proto === Object.prototype || proto === Array.prototype, `${where} has a foreign prototype`).toBe(true);
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key === 'string' && FORBIDDEN_KEYS.includes(key)) throw new Error(`${where} has the key ${key}`);
    assertPlainTree((value as Record<PropertyKey, unknown>)[key], `${where}.${String(key)}`);
  }
}

/** The promise of parseWorkshopFile: never throws, and the answer is either clear or valid. */
function checkParse(text: string, opts?: { maxBytes?: number }): ParseWorkshopFileResult {
  let result: ParseWorkshopFileResult;
  try {
    result = parseWorkshopFile(text, opts);
  } catch (error) {
    throw new Error(`parseWorkshopFile threw: ${String(error)}`, { cause: error });
  }
  if (!result.ok) {
    expect(ERROR_CODES).toContain(result.error.code);
    expect(typeof result.error.message).toBe('string');
    expect(result.error.message.trim().length).toBeGreaterThan(10);
    // A sentence for a person, not an engine dump.
    expect(result.error.message).not.toMatch(/\[object Object\]|undefined is not|Cannot read prop/);
    expect(result.error.message.length).toBeLessThan(4000);
    expect(Array.isArray(result.error.details)).toBe(true);
    return result;
  }
  const { file } = result;
  assertPlainTree(file);
  expect(workshopSchema.safeParse(file.workshop).success).toBe(true);
  for (const t of WORKSHOP_TABLES) for (const row of file.tables[t]) expect(workshopTableSchemas[t].safeParse(row).success).toBe(true);
  // A valid file writes out and reads back to the same bytes (JSON has no -0, so compare text).
  const written = serializeWorkshopFile(file);
  const again = parseWorkshopFile(written);
  expect(again.ok).toBe(true);
  if (again.ok) expect(serializeWorkshopFile(again.file)).toBe(written);
  return result;
}

function count(name: string): () => void {
  runCounts[name] = 0;
  return () => {
    runCounts[name] = (runCounts[name] ?? 0) + 1;
  };
}

beforeAll(() => {
  protoBefore = objectProtoKeys();
});

afterAll(() => {
  // Nothing any run did reached the prototype every object shares.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(objectProtoKeys()).toEqual(protoBefore);
  console.info('workshop-file fuzz runs:', JSON.stringify(runCounts));
});

// ---------------------------------------------------------------------------------------------
// (a) Parsing

// 2,000 runs per property take 6-10 s on a shared 2-core machine, over vitest's default 5 s.
describe('parsing any bytes as a workshop file', { timeout: 60_000 }, () => {
  it('the unmodified samples open (the mutations below start from valid files)', () => {
    expect(checkParse(V2_TEXT).ok).toBe(true);
    expect(checkParse(V1_TEXT).ok).toBe(true);
  });

  it('arbitrary strings: a clear error, never a throw', () => {
    const tick = count('arbitrary strings');
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 2000 }), fc.string({ unit: 'grapheme-composite', maxLength: 200 }), fc.string({ maxLength: 50 })), (text) => {
        tick();
        checkParse(text);
      }),
      { numRuns: PARSE_RUNS },
    );
  });

  it('arbitrary JSON values: a clear error, never a throw', () => {
    const tick = count('arbitrary JSON');
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), (value) => {
        tick();
        const result = checkParse(JSON.stringify(value) ?? 'null');
        expect(result.ok).toBe(false);
      }),
      { numRuns: PARSE_RUNS },
    );
  });

  it('JSON that is nearly a workshop file (right format, random body): a clear error, never a throw', () => {
    const tick = count('format header + random body');
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 4 })), fc.constantFrom(1, 2, 3, 0, -1, 1.5, '2'), (body, version) => {
        tick();
        checkParse(JSON.stringify({ ...body, format: 'liftoff.workshop', formatVersion: version }));
      }),
      { numRuns: PARSE_RUNS },
    );
  });

  it('mutations of the v2 sample (dropped and replaced fields, wrong types, huge numbers, deep nesting, forbidden keys, hostile text)', () => {
    const tick = count('v2 sample mutations');
    const codes = new Map<string, number>();
    fc.assert(
      fc.property(mutatedFile(V2), ({ text }) => {
        tick();
        const result = checkParse(text);
        const code = result.ok ? 'ok' : result.error.code;
        codes.set(code, (codes.get(code) ?? 0) + 1);
      }),
      { numRuns: PARSE_RUNS },
    );
    // The generator reached the interesting rejections, not just one kind of error.
    for (const code of ['too-deep', 'unsafe-key', 'invalid']) expect(codes.get(code) ?? 0, code).toBeGreaterThan(0);
    console.info('v2 mutation outcomes:', JSON.stringify(Object.fromEntries(codes)));
  }, 60_000); // 2,000 runs: over 5 s on a loaded 2-core machine

  it('mutations of the v1 sample go through the upgrade and still never throw', () => {
    const tick = count('v1 sample mutations');
    fc.assert(
      fc.property(mutatedFile(V1), ({ text }) => {
        tick();
        checkParse(text);
      }),
      { numRuns: PARSE_RUNS },
    );
  });

  it('a forbidden key at any depth of the sample is refused by name', () => {
    const tick = count('forbidden key at every object');
    const objectPaths = allPaths(V2).filter((p) => isObject(get(V2, p)));
    fc.assert(
      fc.property(fc.constantFrom(...objectPaths), fc.constantFrom(...FORBIDDEN_KEYS), pollution, (path, key, value) => {
        tick();
        const result = checkParse(JSON.stringify(withAt(V2, [...path, key], value)));
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe('unsafe-key');
          expect(result.error.message).toContain(`"${key}"`);
        }
      }),
      { numRuns: PARSE_RUNS },
    );
  });

  it('classic prototype-pollution payloads are refused and pollute nothing', () => {
    const payloads = [
      '{"__proto__":{"polluted":"yes"}}',
      '{"constructor":{"prototype":{"polluted":"yes"}}}',
      `{"format":"liftoff.workshop","formatVersion":2,"workshop":{"__proto__":{"polluted":"yes"}}}`,
      V2_TEXT.replace('"format"', '"__proto__":{"polluted":"yes"},"format"'),
      V2_TEXT.replace('"tables": {', '"tables": {"constructor":{"prototype":{"polluted":"yes"}},'),
    ];
    for (const p of payloads) {
      const result = checkParse(p);
      expect(result.ok ? 'ok' : result.error.code, p.slice(0, 60)).toBe('unsafe-key');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------
// (c) The size limit

describe('the size limit', () => {
  it('a file over the limit is refused for its size before it is parsed', () => {
    const tick = count('over the size limit');
    const parse = vi.spyOn(JSON, 'parse');
    try {
      fc.assert(
        fc.property(fc.integer({ min: 16, max: 4096 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 300 }), (limit, filler) => {
          tick();
          // Valid JSON, even a valid file, does not matter: the size decides first.
          let text = V2_TEXT;
          while (new TextEncoder().encode(text).byteLength <= limit) text += filler;
          parse.mockClear();
          const result = parseWorkshopFile(text, { maxBytes: limit });
          expect(result.ok).toBe(false);
          if (!result.ok) {
            expect(result.error.code).toBe('too-large');
            expect(result.error.message).toMatch(/larger than the .* limit/);
          }
          expect(parse).not.toHaveBeenCalled();
        }),
        { numRuns: 300 },
      );
    } finally {
      parse.mockRestore();
    }
  });

  it('the limit counts bytes, not characters: a file of multi-byte text over the limit is refused', () => {
    // 1,000 characters, 2,000 bytes in UTF-8.
    const text = `"${'é'.repeat(999)}`;
    expect(parseWorkshopFile(text, { maxBytes: 1500 })).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(parseWorkshopFile(text, { maxBytes: 2500 })).toMatchObject({ ok: false, error: { code: 'not-json' } });
  });

  it('the app refuses a file one byte over its real limit, and one the file picker measured as too large', async () => {
    const huge = `${V2_TEXT}${' '.repeat(DEFAULT_MAX_WORKSHOP_FILE_BYTES + 1 - V2_TEXT.length)}`;
    const parse = vi.spyOn(JSON, 'parse');
    const outcome = await importWorkshopText('huge.liftoff.json', huge);
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
    expect(outcome).toMatchObject({ ok: false, title: '“huge.liftoff.json” could not be opened' });
    expect(outcome && !outcome.ok ? outcome.message : '').toMatch(/larger than the 25(\.0)? MB limit.*Nothing was imported\.$/);
    const measured = await importOpenedFile({ status: 'too-large', name: 'big.json', size: 30_000_000, limit: DEFAULT_MAX_WORKSHOP_FILE_BYTES });
    expect(measured).toMatchObject({ ok: false, title: '“big.json” is too large' });
  });
});

// ---------------------------------------------------------------------------------------------
// (b) Importing into a database that already holds workshops

describe('importing through the app into a database that holds workshops', () => {
  const dumpDb = createDb(DB_NAME);

  async function dump(): Promise<string> {
    const out: Record<string, unknown[]> = {};
    for (const t of dumpDb.tables.slice().sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const rows = (await t.toArray()) as Record<string, unknown>[];
      out[t.name] = rows.map((r) => JSON.stringify(r)).sort();
    }
    return JSON.stringify(out);
  }

  beforeAll(async () => {
    const ws = await repos.workshops.create({ name: 'Insurer AI day', client: 'Northwind Mutual', facilitator: 'Zoë Müller', workshopDate: '2026-12-01', roadmapStartDate: '' });
    await repos.useCases.add(ws.id, { title: 'Claims triage' });
    const sample = await importWorkshopText('v2-sample.liftoff.json', V2_TEXT);
    expect(sample?.ok).toBe(true);
    // The dump sees what is stored: two workshops and the sample's rows.
    const seeded = JSON.parse(await dump()) as Record<string, string[]>;
    expect(seeded.workshops).toHaveLength(2);
    expect(seeded.roadmapItems?.length).toBeGreaterThan(5);
  });

  afterAll(async () => {
    dumpDb.close();
    repos.close();
    await dumpDb.delete();
  });

  it('a file that cannot be stored says "Nothing was imported" only when nothing was', async () => {
    const before = await dump();
    const refused = vi.spyOn(repos.workshops, 'importRows').mockRejectedValueOnce(new Error('The disk said no.'));
    const nothing = await importWorkshopText('refused.liftoff.json', V2_TEXT);
    expect(nothing).toMatchObject({ ok: false, title: '“refused.liftoff.json” could not be stored', message: 'The workshop could not be saved. Nothing was imported.' });
    expect(await dump()).toBe(before);
    refused.mockRestore();

    // A store that failed after part of the workshop was written (a transaction the browser
    // committed early): the workshop is in the list, and the message says so.
    const real = repos.workshops.importRows.bind(repos.workshops);
    const partly = vi.spyOn(repos.workshops, 'importRows').mockImplementationOnce(async (ws, rows) => {
      await real(ws, rows);
      throw new Error('Transaction committed too early.');
    });
    const outcome = await importWorkshopText('partly.liftoff.json', V2_TEXT);
    partly.mockRestore();
    expect(outcome?.ok).toBe(false);
    expect(outcome && !outcome.ok ? outcome.message : '').toMatch(/^Saving failed part-way: “.+ \(imported\)” is in your list but may be incomplete\./);
    expect(outcome && !outcome.ok ? outcome.message : '').not.toMatch(/Nothing was imported/);
    // Leave the database as the next test expects it.
    const extra = (await repos.workshops.list()).filter((w) => !JSON.parse(before).workshops.some((r: string) => r.includes(w.id)));
    for (const w of extra) await repos.workshops.remove(w.id);
  });

  it('a failed import changes nothing; a successful one only adds', async () => {
    const tick = count('DB imports');
    let failed = 0;
    let imported = 0;
    await fc.assert(
      fc.asyncProperty(mutatedFile(V2), async ({ text }) => {
        tick();
        const before = await dump();
        const workshopsBefore = await repos.workshops.list();
        const outcome = await importWorkshopText('fuzzed.liftoff.json', text);
        expect(outcome).not.toBeNull();
        if (!outcome) return;
        if (!outcome.ok) {
          failed++;
          expect(outcome.title).toBe('“fuzzed.liftoff.json” could not be opened');
          expect(outcome.message).toMatch(/Nothing was imported\.$/);
          expect(await dump()).toBe(before);
          return;
        }
        imported++;
        // Imported as a copy next to the sample already there; every earlier row is untouched.
        const after = JSON.parse(await dump()) as Record<string, string[]>;
        for (const [table, rows] of Object.entries(JSON.parse(before) as Record<string, string[]>)) {
          if (table === 'history' || table === 'auditLog' || table === 'workshops') continue;
          const now = new Set(after[table]);
          for (const row of rows) expect(now.has(row), `${table} kept`).toBe(true);
        }
        const workshopsAfter = await repos.workshops.list();
        expect(workshopsAfter.length).toBe(workshopsBefore.length + 1);
        for (const w of workshopsBefore) expect(workshopsAfter.find((x) => x.id === w.id)).toEqual(w);
      }),
      { numRuns: DB_RUNS },
    );
    expect(failed).toBeGreaterThan(DB_RUNS / 2);
    console.info(`DB imports: ${failed} refused with the database unchanged, ${imported} imported as copies`);
  }, 120_000);
});
