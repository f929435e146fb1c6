// The `*.liftoff.json` workshop file: how a workshop leaves the app (backup, hand-over to a
// colleague) and comes back in. The file is untrusted input: someone may open a random JSON,
// a truncated download, a file from a newer Liftoff, or a file crafted to attack the app.
// `parseWorkshopFile` therefore never throws and always says, in plain words, what is wrong.
import { z } from 'zod';
import {
  WORKSHOP_TABLES,
  workshopSchema,
  workshopTableSchemas,
  type Workshop,
  type WorkshopRows,
  type WorkshopTableName,
} from './model';
import { formatMegabytes, utf8ByteLength } from './text-size';
import { canonicalize, compareCodeUnits } from './canonical';
import { validateKpi } from './kpi';
import { ROW_NOUNS } from './row-validation';
import { msg, type Message } from './message';
import { DATA_VERSION, MIGRATIONS, migrateRow, migrateTable, type Migration, type PlainRow } from './migrations';

export const WORKSHOP_FILE_FORMAT = 'liftoff.workshop';
/**
 * The format version this build writes and the newest it can read: the data version of the one
 * migration chain (domain/migrations.ts), so file format N holds rows as schema version N stores them.
 */
export const WORKSHOP_FILE_VERSION = DATA_VERSION;
export const WORKSHOP_FILE_EXTENSION = '.liftoff.json';
export const DEFAULT_MAX_WORKSHOP_FILE_BYTES = 25 * 1024 * 1024;
/** Real files nest about six levels deep; anything near this limit is an attack or garbage. */
export const MAX_WORKSHOP_FILE_DEPTH = 64;
/** Keys that could reach an object's prototype if the data is ever merged or spread naively. */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

const MAX_LISTED_ISSUES = 5;

export type WorkshopFile = {
  format: typeof WORKSHOP_FILE_FORMAT;
  formatVersion: number;
  appVersion: string;
  exportedAt: string;
  workshop: Workshop;
  tables: WorkshopRows;
};

export type WorkshopFileErrorCode =
  | 'too-large'
  | 'empty'
  | 'not-json'
  | 'too-deep'
  | 'unsafe-key'
  | 'not-liftoff'
  | 'newer-version'
  | 'invalid'
  | 'inconsistent';

export type WorkshopFileError = {
  code: WorkshopFileErrorCode;
  /** One paragraph for a person: what is wrong and, where possible, what to do. */
  message: string;
  /** The individual problems behind `message` (at most five), for a details list. */
  details: string[];
  /** `message` as an app-catalog message (errors.file.*), for the reader's language. */
  text: Message;
  /** `details` as messages: where in the file (a path, as written) and what is wrong there. */
  detailMessages: Message[];
};

export type ParseWorkshopFileResult = { ok: true; file: WorkshopFile } | { ok: false; error: WorkshopFileError };

export type ParseWorkshopFileOptions = { maxBytes?: number };

// ---------------------------------------------------------------------------------------------
// Schema of the whole file, built from model.ts so a new table cannot be forgotten here.

type TableArraySchemas = { [K in WorkshopTableName]: z.ZodArray<(typeof workshopTableSchemas)[K]> };

// Object.fromEntries loses the per-key types; the mapped type restores exactly what it builds.
const tableArraySchemas = Object.fromEntries(
  WORKSHOP_TABLES.map((name) => [name, z.array(workshopTableSchemas[name])]),
) as unknown as TableArraySchemas;

const workshopFileSchema = z.strictObject({
  format: z.literal(WORKSHOP_FILE_FORMAT),
  formatVersion: z.literal(WORKSHOP_FILE_VERSION),
  appVersion: z.string().max(64),
  exportedAt: z.iso.datetime({ offset: true }),
  workshop: workshopSchema,
  tables: z.strictObject(tableArraySchemas),
});

// ---------------------------------------------------------------------------------------------
// Export

/**
 * The file for one workshop. Rows are sorted by id and every object's keys are sorted, so the
 * bytes depend only on the data, never on the order the database returned rows or stored
 * keys in: export → import → export gives an identical file (diffable, checksummable).
 * `now` is the export time, a Date or an ISO date-time string.
 */
export function buildWorkshopFile(
  workshop: Workshop,
  tables: WorkshopRows,
  appVersion: string,
  now: Date | string,
): WorkshopFile {
  const sortedTables = {} as Record<WorkshopTableName, unknown[]>;
  for (const name of WORKSHOP_TABLES) {
    const rows: readonly { id: string }[] = tables[name] ?? [];
    sortedTables[name] = [...rows].sort((a, b) => compareCodeUnits(a.id, b.id)).map(canonicalize);
  }
  return {
    format: WORKSHOP_FILE_FORMAT,
    formatVersion: WORKSHOP_FILE_VERSION,
    appVersion,
    exportedAt: typeof now === 'string' ? now : now.toISOString(),
    workshop: canonicalize(workshop),
    // Same rows, new objects with sorted keys: the cast only restores the per-table types.
    tables: sortedTables as unknown as WorkshopRows,
  };
}

/** Pretty JSON with a final newline, so the file reads well in an editor and diffs cleanly. */
export function serializeWorkshopFile(file: WorkshopFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// Migration

/** A file as read from disk, before it is checked against the current schema. */
export type RawWorkshopFile = { readonly formatVersion: number; readonly [key: string]: unknown };

/**
 * One upgrade step. `up` turns a file of version `from` into version `from + 1`. Steps are pure:
 * they return a new object and never mutate their input, so a failed import leaves nothing
 * half-changed and each step can be tested on its own with a before/after pair.
 */
export type WorkshopFileMigration = {
  name: string;
  from: number;
  up: (file: RawWorkshopFile) => RawWorkshopFile;
};

/**
 * Upgrade steps keyed by the version they upgrade from. Every step but the first is a step of the
 * one migration chain (domain/migrations.ts) run over the file's workshop and tables, exactly as
 * the database runs it over its stores. Only format 1 needs a file-specific step before the chain:
 * its KPIs stated their bands as three threshold objects (version 1 of the app never stored KPIs
 * in the database, so the database chain has no such step).
 */
export const WORKSHOP_FILE_MIGRATIONS: Readonly<Record<number, WorkshopFileMigration>> = Object.fromEntries(
  MIGRATIONS.map((m): [number, WorkshopFileMigration] => {
    const from = m.version - 1;
    const shared = (file: RawWorkshopFile) => migrateFileWith(m, file);
    if (from !== 1) return [from, { name: m.name, from, up: shared }];
    return [from, { name: `v1-kpi-bands+${m.name}`, from, up: (file) => shared(v1FileKpiBands(file)) }];
  }),
);

/** One step of the chain over a file: the workshop row and each table's rows, and the version it now holds. */
function migrateFileWith(m: Migration, file: RawWorkshopFile): RawWorkshopFile {
  const workshop = isRecord(file.workshop) ? (migrateRow(m, 'workshops', file.workshop as PlainRow) ?? file.workshop) : file.workshop;
  let tables = file.tables;
  if (isRecord(file.tables)) {
    const next: Record<string, unknown> = { ...file.tables };
    for (const [name, rows] of Object.entries(file.tables)) if (Array.isArray(rows)) next[name] = migrateTable(m, name, rows);
    tables = next;
  }
  return { ...file, formatVersion: m.version, workshop, tables };
}

/**
 * Format 1 only: KPIs state their bands as two boundaries (green at, red at; amber between) with a
 * response action per band instead of three threshold objects, and measurements carry a note
 * instead of a phase. The other pipeline tables took their final shape in version 2; version 1 of
 * the app never wrote rows to them, so a hand-made row in the old shape is reported field by field.
 */
function v1FileKpiBands(file: RawWorkshopFile): RawWorkshopFile {
  if (!isRecord(file.tables)) return file;
  const tables = {
    ...file.tables,
    kpis: Array.isArray(file.tables.kpis) ? file.tables.kpis.map(v1KpiToV2) : file.tables.kpis,
    measurements: Array.isArray(file.tables.measurements) ? file.tables.measurements.map(v1MeasurementToV2) : file.tables.measurements,
  };
  return { ...file, tables };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A version-1 KPI: `thresholds: { green, amber, red }`, each `{ value, action }`. */
export function v1KpiToV2(row: unknown): unknown {
  if (!isRecord(row) || !isRecord(row.thresholds)) return row;
  const { thresholds, ...rest } = row;
  const band = (k: string) => (isRecord(thresholds[k]) ? thresholds[k] : {});
  const value = (k: string) => (band(k).value === undefined ? null : band(k).value);
  const action = (k: string) => (typeof band(k).action === 'string' ? band(k).action : '');
  return {
    ...rest,
    definition: '',
    greenAt: value('green'),
    redAt: value('red'),
    greenAction: action('green'),
    amberAction: action('amber'),
    redAction: action('red'),
    tolerancePct: 10,
    stabilizationCount: 3,
  };
}

/** A version-1 measurement: `phase` (baseline, pilot, rollout, scale) becomes its note. */
export function v1MeasurementToV2(row: unknown): unknown {
  if (!isRecord(row) || !('phase' in row)) return row;
  const { phase, ...rest } = row;
  const word = typeof phase === 'string' && phase ? `${phase.charAt(0).toUpperCase()}${phase.slice(1)}` : '';
  return { ...rest, note: word };
}

export type MigrateWorkshopFileResult =
  | { ok: true; file: RawWorkshopFile; applied: string[] }
  | { ok: false; message: string };

/** Runs every step from the file's version up to `targetVersion`, in order. Never throws. */
export function migrateWorkshopFile(
  raw: RawWorkshopFile,
  migrations: Readonly<Record<number, WorkshopFileMigration>> = WORKSHOP_FILE_MIGRATIONS,
  targetVersion: number = WORKSHOP_FILE_VERSION,
): MigrateWorkshopFileResult {
  let file = raw;
  const applied: string[] = [];
  while (file.formatVersion < targetVersion) {
    const version = file.formatVersion;
    const step = Object.hasOwn(migrations, version) ? migrations[version] : undefined;
    if (!step) {
      return { ok: false, message: `Liftoff cannot upgrade a workshop file from format version ${version}.` };
    }
    try {
      file = step.up(file);
    } catch (error) {
      return { ok: false, message: `Upgrading the file failed in step "${step.name}": ${errorText(error)}` };
    }
    if (file.formatVersion !== version + 1) {
      // A step that forgets to bump the version would otherwise loop forever.
      return { ok: false, message: `Upgrade step "${step.name}" did not produce format version ${version + 1}.` };
    }
    applied.push(step.name);
  }
  return { ok: true, file, applied };
}

// ---------------------------------------------------------------------------------------------
// Import

/** Reads and fully checks a workshop file. Never throws; the result is built from validated data. */
export function parseWorkshopFile(text: string, opts: ParseWorkshopFileOptions = {}): ParseWorkshopFileResult {
  try {
    return parseChecked(text, opts.maxBytes ?? DEFAULT_MAX_WORKSHOP_FILE_BYTES);
  } catch (error) {
    // Every known failure is handled below; this is the last line of defence so a surprise
    // (e.g. the engine running out of stack) still gives the person an answer, not a crash.
    return fail('invalid', `Liftoff could not read this file (${errorText(error)}).`, msg('errors.file.crashed', { reason: errorText(error) }));
  }
}

function parseChecked(text: string, maxBytes: number): ParseWorkshopFileResult {
  if (typeof text !== 'string') return fail('not-json', 'The file could not be read as text.', msg('errors.file.notText'));

  // Size first: measuring is cheap, parsing a huge file is not.
  const bytes = utf8ByteLength(text);
  if (bytes > maxBytes) {
    return fail(
      'too-large',
      `This file is ${formatMegabytes(bytes)}, larger than the ${formatMegabytes(maxBytes)} limit for a workshop file. ` +
        'It is probably not a Liftoff workshop file.',
      msg('errors.file.tooLarge', { size: formatMegabytes(bytes), limit: formatMegabytes(maxBytes) }),
    );
  }

  // Editors on Windows sometimes save a byte-order mark; JSON.parse would reject it.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return fail('empty', 'The file is empty: it contains no workshop data.', msg('errors.file.empty'));

  const structure = scanJsonStructure(body, MAX_WORKSHOP_FILE_DEPTH);
  if (structure.tooDeepAt !== null) {
    return fail(
      'too-deep',
      `The file's data is nested more than ${MAX_WORKSHOP_FILE_DEPTH} levels deep (${describePosition(body, structure.tooDeepAt)}). ` +
        'A Liftoff workshop file never is, so it was not opened.',
      msg('errors.file.tooDeep', { max: MAX_WORKSHOP_FILE_DEPTH, where: positionMessage(body, structure.tooDeepAt) }),
    );
  }

  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return notJson(body, error, structure.endsOpen);
  }

  const unsafe = findForbiddenKey(value);
  if (unsafe) {
    return fail(
      'unsafe-key',
      `The file contains the key "${unsafe.key}" at ${formatPath(unsafe.path)}. ` +
        'Liftoff refuses files with this key because it can be used to tamper with the app.',
      msg('errors.file.unsafeKey', { key: unsafe.key, path: formatPath(unsafe.path) }),
    );
  }

  if (!isPlainRecord(value)) {
    return fail(
      'not-liftoff',
      `This file contains JSON, but not a Liftoff workshop: it holds ${describeValue(value)} instead of a workshop.`,
      msg('errors.file.notWorkshop', { value: valueMessage(value) }),
    );
  }
  if (!Object.hasOwn(value, 'format')) {
    return fail('not-liftoff', 'This JSON file is not a Liftoff workshop file: it has no "format" field.', msg('errors.file.noFormat'));
  }
  if (value.format !== WORKSHOP_FILE_FORMAT) {
    return fail(
      'not-liftoff',
      `This JSON file is not a Liftoff workshop file: its format is ${describeValue(value.format)}, not "${WORKSHOP_FILE_FORMAT}".`,
      msg('errors.file.wrongFormat', { value: valueMessage(value.format), expected: WORKSHOP_FILE_FORMAT }),
    );
  }

  const version = value.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail(
      'invalid',
      `The file's formatVersion must be a whole number such as 1, but it is ${describeValue(version)}. The file may be damaged.`,
      msg('errors.file.badVersion', { value: valueMessage(version) }),
    );
  }
  if (version > WORKSHOP_FILE_VERSION) {
    const appVersion = typeof value.appVersion === 'string' && value.appVersion.length > 0 && value.appVersion.length <= 64 ? value.appVersion : '';
    const madeBy = appVersion ? `${appVersion}, file format ${version}` : `file format ${version}`;
    return fail(
      'newer-version',
      `This file was made by a newer version of Liftoff (${madeBy}); this version reads file format ${WORKSHOP_FILE_VERSION}. ` +
        'Update Liftoff to open it.',
      msg('errors.file.newer', { madeBy: appVersion ? msg('errors.file.madeByApp', { app: appVersion, version }) : msg('errors.file.madeBy', { version }), readable: WORKSHOP_FILE_VERSION }),
    );
  }

  const migrated = migrateWorkshopFile({ ...value, formatVersion: version });
  if (!migrated.ok) return fail('invalid', migrated.message, msg('errors.file.upgradeFailed', { reason: migrated.message }));

  const parsed = workshopFileSchema.safeParse(migrated.file, { reportInput: true });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => formatIssue(issue, []));
    return failWithList('invalid', 'This workshop file contains data Liftoff cannot use', 'errors.file.invalid', problems);
  }

  // Zod built `parsed.data` from scratch (new objects, known keys only), so nothing of the
  // original parse tree, and no prototype trick, survives into the result.
  const file: WorkshopFile = parsed.data;
  const broken = findBrokenReferences(file);
  if (broken.length > 0) return failWithList('inconsistent', 'This workshop file does not hang together', 'errors.file.inconsistent', broken);
  return { ok: true, file };
}

function fail(code: WorkshopFileErrorCode, message: string, text: Message, details: string[] = [], detailMessages: Message[] = []): ParseWorkshopFileResult {
  return { ok: false, error: { code, message, details, text, detailMessages } };
}

/** One problem in the file: English for the details list, and the same as a catalog message. */
type Problem = { english: string; message: Message };

function problem(where: string, english: string, what: Message): Problem {
  return { english: `${where}: ${english}`, message: msg('errors.file.at', { where, problem: what }) };
}

function failWithList(code: WorkshopFileErrorCode, headline: string, headlineId: string, problems: readonly Problem[]): ParseWorkshopFileResult {
  const listed = problems.slice(0, MAX_LISTED_ISSUES);
  const more = problems.length - listed.length;
  const tail = more > 0 ? `; and ${more} more` : '';
  const english = listed.map((p) => p.english);
  const messages = listed.map((p) => p.message);
  return fail(
    code,
    `${headline}: ${english.join('; ')}${tail}.`,
    msg(headlineId, { problems: { list: messages, separator: '; ' }, more }),
    english,
    messages,
  );
}

function notJson(body: string, error: unknown, endsOpen: boolean): ParseWorkshopFileResult {
  const engineMessage = errorText(error);
  const position = jsonErrorPosition(body, engineMessage);
  const contentEnd = body.trimEnd().length;
  const firstChar = body.search(/\S/);
  // Only a text that starts like a JSON document can be a cut-off one; a letter with an odd
  // quote in it is simply not JSON.
  const startsLikeJson = /[{[]/.test(body.charAt(firstChar));
  const cutOff =
    startsLikeJson &&
    (endsOpen ||
      /end of (json )?(input|data)|unexpected end|unterminated/i.test(engineMessage) ||
      (position !== null && position >= contentEnd));
  if (cutOff) {
    return fail(
      'not-json',
      'The file seems to be cut off: it ends before the workshop data is complete. ' +
        'It may not have been saved or copied completely; try the original file or a backup.',
      msg('errors.file.cutOff'),
    );
  }
  // Some engine messages ("Unexpected token 'h', ...") carry no position; text that does not
  // even start like JSON is the common case there, and its position is simply where it starts.
  const fallback = firstChar >= 0 && !/[{["\-\dtfn]/.test(body.charAt(firstChar)) ? firstChar : null;
  const at = position ?? fallback;
  const where = at !== null ? ` (${describePosition(body, at)})` : '';
  return fail(
    'not-json',
    `This file is not valid JSON${where}, so it is not a Liftoff workshop file or it has been damaged.`,
    at !== null ? msg('errors.file.notJsonAt', { where: positionMessage(body, at) }) : msg('errors.file.notJson'),
  );
}

/** V8 says "at position N"; Firefox says "at line L column C". Both become an offset. */
function jsonErrorPosition(body: string, engineMessage: string): number | null {
  const byPosition = /position (\d+)/.exec(engineMessage);
  if (byPosition?.[1]) return Number(byPosition[1]);
  const byLine = /line (\d+) column (\d+)/.exec(engineMessage);
  if (byLine?.[1] && byLine[2]) {
    const line = Number(byLine[1]);
    const column = Number(byLine[2]);
    let offset = 0;
    for (let current = 1; current < line; current++) {
      const next = body.indexOf('\n', offset);
      if (next < 0) return null;
      offset = next + 1;
    }
    return offset + column - 1;
  }
  return null;
}

function describePosition(body: string, position: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < body.length; i++) {
    if (body.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${position - lineStart + 1}`;
}

/** Where in the text, as a message ("line 3, column 7"). */
function positionMessage(body: string, position: number): Message {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < body.length; i++) {
    if (body.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return msg('errors.file.position', { line, column: position - lineStart + 1 });
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * One pass over the text before JSON.parse: finds nesting deeper than `maxDepth` without
 * building anything (a "[[[[…" bomb costs nothing), and notices text that ends inside a string
 * or with brackets still open, which is how a truncated file looks.
 */
function scanJsonStructure(text: string, maxDepth: number): { tooDeepAt: number | null; endsOpen: boolean } {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) {
      inString = true;
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      depth++;
      if (depth > maxDepth) return { tooDeepAt: i, endsOpen: false };
    } else if (c === 93 /* ] */ || c === 125 /* } */) {
      depth--;
    }
  }
  return { tooDeepAt: null, endsOpen: inString || depth > 0 };
}

type PathSegment = string | number;

/**
 * Walks the parsed value with an explicit stack (no recursion, so no depth can overflow it).
 * JSON.parse stores "__proto__" as an ordinary own property, so Object.keys sees it.
 */
function findForbiddenKey(root: unknown): { key: string; path: PathSegment[] } | null {
  const stack: { value: unknown; path: PathSegment[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: PathSegment[] };
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        const child: unknown = value[i];
        if (child !== null && typeof child === 'object') stack.push({ value: child, path: [...path, i] });
      }
    } else if (value !== null && typeof value === 'object') {
      const keys = Object.keys(value);
      const bad = keys.find((key) => FORBIDDEN_KEYS.includes(key));
      if (bad !== undefined) return { key: bad, path: [...path, bad] };
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string;
        const child: unknown = (value as Record<string, unknown>)[key];
        if (child !== null && typeof child === 'object') stack.push({ value: child, path: [...path, key] });
      }
    }
  }
  return null;
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `tables.useCases[3].title`, the way a person would point at the spot. */
function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the top level';
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else {
      const key = String(segment);
      if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
      else out += `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

/** A short, safe description of a value: hostile files may hold megabytes in one string. */
function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return value.length > 40 ? `the text ${JSON.stringify(value.slice(0, 40))}…` : `the text ${JSON.stringify(value)}`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return `the value ${value}`;
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

/** describeValue as a message: the kind of value, with a short quote of it (never translated). */
function valueMessage(value: unknown): Message {
  if (value === undefined) return msg('errors.file.value.missing');
  if (value === null) return msg('errors.file.value.null');
  if (Array.isArray(value)) return msg('errors.file.value.list');
  switch (typeof value) {
    case 'string':
      return msg('errors.file.value.text', { text: value.length > 40 ? `${JSON.stringify(value.slice(0, 40))}…` : JSON.stringify(value) });
    case 'number':
    case 'boolean':
      return msg('errors.file.value.literal', { text: String(value) });
    case 'object':
      return msg('errors.file.value.object');
    default:
      return msg('errors.file.value.literal', { text: typeof value });
  }
}

const EXPECTED_LABELS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

function formatIssue(issue: z.core.$ZodIssue, basePath: readonly PropertyKey[]): Problem {
  const path = [...basePath, ...issue.path];
  const english = describeIssue(issue, path);
  return problem(formatPath(path), english, issueMessage(issue, english));
}

/** The commonest problems as catalog messages; a rarer one keeps its English wording. */
function issueMessage(issue: z.core.$ZodIssue, english: string): Message {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return msg('errors.file.issue.missing');
      return msg('errors.file.issue.type', { expected: msg(`errors.file.expected.${EXPECTED_LABELS[issue.expected] ? issue.expected : 'other'}`, { name: issue.expected }), got: valueMessage(issue.input) });
    case 'too_big':
      if (issue.origin === 'string') return msg('errors.file.issue.tooLong', { max: Number(issue.maximum) });
      if (issue.origin === 'array') return msg('errors.file.issue.tooManyEntries', { max: Number(issue.maximum) });
      return msg('errors.file.issue.atMost', { max: Number(issue.maximum) });
    case 'too_small':
      if (issue.origin === 'string') return msg(Number(issue.minimum) <= 1 ? 'errors.file.issue.empty' : 'errors.file.issue.tooShort');
      if (issue.origin === 'array') return msg('errors.file.issue.tooFewEntries', { min: Number(issue.minimum) });
      return msg('errors.file.issue.atLeast', { min: Number(issue.minimum) });
    case 'invalid_value':
      return msg('errors.file.issue.oneOf', {
        options: issue.values.slice(0, 6).map((v) => JSON.stringify(v)).join(', ') + (issue.values.length > 6 ? ', …' : ''),
        got: valueMessage(issue.input),
      });
    case 'invalid_format':
      if (issue.format === 'date') return msg('errors.file.issue.date', { got: valueMessage(issue.input) });
      if (issue.format === 'datetime') return msg('errors.file.issue.dateTime', { got: valueMessage(issue.input) });
      return msg('errors.file.issue.format', { got: valueMessage(issue.input) });
    case 'unrecognized_keys':
      return msg('errors.file.issue.unknownFields', { count: issue.keys.length, keys: issue.keys.slice(0, 3).map((k) => JSON.stringify(k.length > 40 ? `${k.slice(0, 40)}…` : k)).join(', ') });
    case 'invalid_union': {
      const first = issue.errors[0]?.[0];
      if (first) return issueMessage(first, english);
      return msg('errors.file.issue.noForm');
    }
    default:
      break;
  }
  // Codes the file's schema does not produce (custom checks, multiples): the validator's wording.
  return msg('errors.file.issue.other', { text: english });
}

function describeIssue(issue: z.core.$ZodIssue, path: readonly PropertyKey[]): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return 'is missing';
      const expected = EXPECTED_LABELS[issue.expected] ?? issue.expected;
      return `expected ${expected}, got ${describeValue(issue.input)}`;
    }
    case 'too_big':
      if (issue.origin === 'string') return `text is too long (at most ${issue.maximum} characters)`;
      if (issue.origin === 'array') return `too many entries (at most ${issue.maximum})`;
      return `must be at most ${issue.maximum}`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'must not be empty' : `text is too short`;
      if (issue.origin === 'array') return `too few entries (at least ${issue.minimum})`;
      return `must be at least ${issue.minimum}`;
    case 'invalid_value': {
      const options = issue.values.slice(0, 6).map((v) => JSON.stringify(v));
      const list = issue.values.length > 6 ? `${options.join(', ')}, …` : options.join(', ');
      const expected = issue.values.length === 1 ? `expected ${list}` : `expected one of ${list}`;
      return `${expected}, got ${describeValue(issue.input)}`;
    }
    case 'invalid_format':
      if (issue.format === 'date') return `expected a date like 2025-03-01, got ${describeValue(issue.input)}`;
      if (issue.format === 'datetime') return `expected a date and time like 2025-03-01T09:00:00Z, got ${describeValue(issue.input)}`;
      return `has the wrong format, got ${describeValue(issue.input)}`;
    case 'unrecognized_keys': {
      const keys = issue.keys.slice(0, 3).map((k) => JSON.stringify(k.length > 40 ? `${k.slice(0, 40)}…` : k));
      const more = issue.keys.length > 3 ? ` and ${issue.keys.length - 3} more` : '';
      return `unexpected ${issue.keys.length === 1 ? 'field' : 'fields'} ${keys.join(', ')}${more}`;
    }
    case 'invalid_union': {
      // Report why the first alternative failed: for our unions that is the meaningful one.
      const first = issue.errors[0]?.[0];
      return first ? describeIssue(first, [...path, ...first.path]) : 'does not match any allowed form';
    }
    default:
      return issue.message;
  }
}

// ---------------------------------------------------------------------------------------------
// Referential integrity: things zod cannot see because they span rows and tables.

type Reference = { table: WorkshopTableName; field: string; target: WorkshopTableName; optional: boolean };

function reference<T extends WorkshopTableName>(
  table: T,
  field: keyof WorkshopRows[T][number] & string,
  target: WorkshopTableName,
  optional = false,
): Reference {
  return { table, field, target, optional };
}

const REFERENCES: readonly Reference[] = [
  reference('scoringRounds', 'useCaseId', 'useCases'),
  reference('scores', 'useCaseId', 'useCases'),
  reference('scores', 'roundId', 'scoringRounds'),
  reference('scores', 'participantId', 'participants'),
  reference('readiness', 'useCaseId', 'useCases'),
  reference('pilotDesigns', 'useCaseId', 'useCases'),
  reference('kpis', 'useCaseId', 'useCases'),
  reference('measurements', 'kpiId', 'kpis'),
  reference('risks', 'useCaseId', 'useCases', true),
  // Gate decisions are not checked: the decision log keeps the entries of a deleted use case.
  reference('controls', 'useCaseId', 'useCases'),
  reference('roadmapItems', 'useCaseId', 'useCases', true),
];


type AnyRow = { id: string; workshopId: string } & Record<string, unknown>;

function rowsOf(file: WorkshopFile, table: WorkshopTableName): readonly AnyRow[] {
  return file.tables[table] as readonly AnyRow[];
}

function findBrokenReferences(file: WorkshopFile): Problem[] {
  const problems: Problem[] = [];
  const workshopId = file.workshop.id;
  const ids = new Map<WorkshopTableName, Map<string, AnyRow>>();

  for (const table of WORKSHOP_TABLES) {
    const byId = new Map<string, AnyRow>();
    rowsOf(file, table).forEach((row, index) => {
      const at = `tables.${table}[${index}]`;
      if (byId.has(row.id)) problems.push(problem(`${at}.id`, `the id ${JSON.stringify(row.id)} is used twice in ${table}`, msg('errors.file.issue.twice', { id: JSON.stringify(row.id), table })));
      else byId.set(row.id, row);
      if (row.workshopId !== workshopId) {
        problems.push(
          problem(
            `${at}.workshopId`,
            `belongs to workshop ${JSON.stringify(row.workshopId)}, not to this file's workshop ${JSON.stringify(workshopId)}`,
            msg('errors.file.issue.otherWorkshop', { id: JSON.stringify(row.workshopId), own: JSON.stringify(workshopId) }),
          ),
        );
      }
    });
    ids.set(table, byId);
  }

  for (const ref of REFERENCES) {
    const targets = ids.get(ref.target) ?? new Map<string, AnyRow>();
    rowsOf(file, ref.table).forEach((row, index) => {
      const value = row[ref.field];
      if (value === null && ref.optional) return;
      if (typeof value !== 'string' || !targets.has(value)) {
        problems.push(
          problem(
            `tables.${ref.table}[${index}].${ref.field}`,
            `refers to ${ROW_NOUNS[ref.target]} ${JSON.stringify(value)}, which is not in the file`,
            msg('errors.file.issue.missingRef', { id: JSON.stringify(value), table: ref.target }),
          ),
        );
      }
    });
  }

  const roles = ids.get('roles') ?? new Map<string, AnyRow>();
  file.tables.decisionRights.forEach((right, index) => {
    right.assignments.forEach((a, j) => {
      if (!roles.has(a.roleId)) {
        problems.push(
          problem(
            `tables.decisionRights[${index}].assignments[${j}].roleId`,
            `refers to role ${JSON.stringify(a.roleId)}, which is not in the file`,
            msg('errors.file.issue.missingRef', { id: JSON.stringify(a.roleId), table: 'roles' }),
          ),
        );
      }
    });
  });

  // A KPI's boundaries must agree with its direction, or its status could never be read.
  file.tables.kpis.forEach((kpi, index) => {
    const issues = validateKpi(kpi);
    for (const [field, message] of Object.entries(issues.errors)) {
      const said = issues.errorMessages[field as keyof typeof issues.errorMessages] ?? msg('errors.file.issue.other', { text: message });
      problems.push(problem(`tables.kpis[${index}].${field}`, message, said));
    }
  });

  // A score's round is about one use case; a score pointing elsewhere would be counted twice.
  // Likewise one participant gives one value per criterion per round, or the mean is skewed.
  const rounds = ids.get('scoringRounds') ?? new Map<string, AnyRow>();
  const firstScore = new Map<string, number>();
  file.tables.scores.forEach((score, index) => {
    const round = rounds.get(score.roundId);
    if (round && round.useCaseId !== score.useCaseId) {
      problems.push(
        problem(
          `tables.scores[${index}].useCaseId`,
          `the score is for use case ${JSON.stringify(score.useCaseId)} but its round is for ${JSON.stringify(round.useCaseId)}`,
          msg('errors.file.issue.otherRound', { id: JSON.stringify(score.useCaseId), round: JSON.stringify(round.useCaseId) }),
        ),
      );
    }
    const key = JSON.stringify([score.roundId, score.participantId, score.criterion]);
    const earlier = firstScore.get(key);
    if (earlier !== undefined) {
      problems.push(
        problem(
          `tables.scores[${index}]`,
          `the same participant already scored ${score.criterion} in this round (tables.scores[${earlier}])`,
          msg('errors.file.issue.scoredTwice', { criterion: score.criterion, earlier: `tables.scores[${earlier}]` }),
        ),
      );
    } else firstScore.set(key, index);
  });

  return problems;
}
