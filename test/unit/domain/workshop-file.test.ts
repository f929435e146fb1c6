import { sealEntry, verifyChain } from '../../../renderer/domain/decision-log';
import { currentStages } from '../../../renderer/domain/stages';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WORKSHOP_TABLES } from '../../../renderer/domain/model';
import { DATA_VERSION, MIGRATIONS } from '../../../renderer/domain/migrations';
import {
  DEFAULT_MAX_WORKSHOP_FILE_BYTES,
  MAX_WORKSHOP_FILE_DEPTH,
  WORKSHOP_FILE_MIGRATIONS,
  WORKSHOP_FILE_VERSION,
  buildWorkshopFile,
  migrateWorkshopFile,
  parseWorkshopFile,
  serializeWorkshopFile,
  type ParseWorkshopFileResult,
  type RawWorkshopFile,
  type WorkshopFile,
  type WorkshopFileErrorCode,
  type WorkshopFileMigration,
} from '../../../renderer/domain/workshop-file';

const SAMPLE_V1 = readFileSync(new URL('../../fixtures/workshop-files/v1-sample.liftoff.json', import.meta.url), 'utf8');
const SAMPLE_V2 = readFileSync(new URL('../../fixtures/workshop-files/v2-sample.liftoff.json', import.meta.url), 'utf8');
const SAMPLE_V3 = readFileSync(new URL('../../fixtures/workshop-files/v3-sample.liftoff.json', import.meta.url), 'utf8');

/** A fresh, mutable copy of the sample file's data at the current format, for building broken variants. */
function sample(): WorkshopFile {
  const parsed = parseWorkshopFile(SAMPLE_V1);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return structuredClone(parsed.file);
}

/** Lets a test put a wrongly typed value where the types would not allow it. */
function loose(value: object): Record<string, unknown> {
  return value as Record<string, unknown>;
}

function text(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

function expectError(result: ParseWorkshopFileResult, code: WorkshopFileErrorCode): string {
  if (result.ok) throw new Error(`expected a "${code}" error, but the file was accepted`);
  expect(result.error.code).toBe(code);
  return result.error.message;
}

function expectOk(result: ParseWorkshopFileResult): WorkshopFile {
  if (!result.ok) throw new Error(`expected the file to be accepted: ${result.error.message}`);
  return result.file;
}

function pollutionProbe(): unknown {
  return ({} as Record<string, unknown>).polluted;
}

describe('released sample files', () => {
  it('every format version before this one has a sample, and each opens at this version with every row kept', () => {
    const dir = new URL('../../fixtures/workshop-files/', import.meta.url);
    const samples = readdirSync(dir).filter((f) => /^v\d+-sample\.liftoff\.json$/.test(f));
    expect(samples.map((f) => Number(/^v(\d+)/.exec(f)?.[1])).sort((a, b) => a - b)).toEqual(Array.from({ length: WORKSHOP_FILE_VERSION - 1 }, (_, i) => i + 1));
    for (const name of samples) {
      const text = readFileSync(new URL(name, dir), 'utf8');
      const raw = JSON.parse(text) as { tables: Record<string, unknown[]> };
      const file = expectOk(parseWorkshopFile(text));
      expect(file.formatVersion).toBe(WORKSHOP_FILE_VERSION);
      // Version 1 never stored KPIs (its pilot KPI lines become rows) and kept no audit-log table.
      for (const t of WORKSHOP_TABLES) if (raw.tables[t] && t !== 'kpis') expect(file.tables[t].length, `${name} ${t}`).toBe(raw.tables[t]?.length);
    }
  });

  it('keeps opening the version 2 sample file, with its pipeline, KPIs, risks and roadmap', () => {
    const file = expectOk(parseWorkshopFile(SAMPLE_V2));
    // Opened through the one migration chain up to today's data version.
    expect(file.formatVersion).toBe(WORKSHOP_FILE_VERSION);
    expect(file.workshop.client).toBe('Northwind Mutual — Łódź office');
    const t = file.tables;
    expect([...t.gateDecisions].sort((a, b) => a.seq - b.seq).map((d) => d.decision)).toEqual(['advance', 'advance', 'stop']);
    expect(verifyChain(t.gateDecisions)).toEqual({ ok: true, count: 3 });
    expect(currentStages(t.useCases, t.gateDecisions).get(t.useCases.find((u) => u.title === 'Claims triage')?.id ?? '')).toBe('pilot');
    expect(t.readiness).toHaveLength(1);
    expect(t.pilotDesigns[0]?.successCriteria).toMatch(/Routing time/);
    expect([t.roles.length, t.decisionRights.length, t.cadence.length]).toEqual([4, 6, 3]);
    expect(t.controls.length).toBeGreaterThan(5);
    expect(t.kpis[0]).toMatchObject({ name: 'Fallback rate', greenAt: 12, redAt: 20 });
    expect(t.measurements).toHaveLength(1);
    expect(t.risks[0]?.title).toBe('Personal data in prompts');
    expect(t.roadmapItems.length).toBeGreaterThan(5);
    // Opening it and writing it again gives the same bytes, but for the format version it now holds
    // and the workshop's language (version 4), English: the only language Liftoff had back then.
    expect(file.workshop.language).toBe('en');
    const again = serializeWorkshopFile(buildWorkshopFile(file.workshop, file.tables, file.appVersion, file.exportedAt));
    expect(again).toBe(
      SAMPLE_V2.replace('"formatVersion": 2,', `"formatVersion": ${WORKSHOP_FILE_VERSION},`).replace(
        `    "id": "${file.workshop.id}",\n`,
        `    "id": "${file.workshop.id}",\n    "language": "en",\n`,
      ),
    );
  });

  it('keeps opening the version 3 sample file, whose workshop becomes English, and keeps a German workshop German', () => {
    const file = expectOk(parseWorkshopFile(SAMPLE_V3));
    expect(file.formatVersion).toBe(WORKSHOP_FILE_VERSION);
    expect(file.workshop.language).toBe('en');
    const german = { ...file.workshop, language: 'de' as const };
    const reopened = expectOk(parseWorkshopFile(serializeWorkshopFile(buildWorkshopFile(german, file.tables, file.appVersion, file.exportedAt))));
    expect(reopened.workshop.language).toBe('de');
    expect(reopened.workshop).toEqual(german);
  });

  it('refuses a workshop whose language Liftoff does not speak, naming the field', () => {
    const text = SAMPLE_V3.replace('"formatVersion": 3,', `"formatVersion": ${WORKSHOP_FILE_VERSION},`).replace('"name": "Claims automation pilot review"', '"language": "xx",\n    "name": "Claims automation pilot review"');
    const result = parseWorkshopFile(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : JSON.stringify(result)).toMatch(/language/);
  });

  it('keeps opening the version 3 sample file (before gate decisions could carry a proposal), its log verifying', () => {
    const file = expectOk(parseWorkshopFile(SAMPLE_V3));
    expect(file.formatVersion).toBe(WORKSHOP_FILE_VERSION);
    expect(verifyChain(file.tables.gateDecisions)).toEqual({ ok: true, count: 3 });
    expect(file.tables.gateDecisions.every((d) => d.proposal === undefined && d.overrideReason === undefined)).toBe(true);
    const again = serializeWorkshopFile(buildWorkshopFile(file.workshop, file.tables, file.appVersion, file.exportedAt));
    expect(again).toBe(
      SAMPLE_V3.replace('"formatVersion": 3,', `"formatVersion": ${WORKSHOP_FILE_VERSION},`).replace(
        `    "id": "${file.workshop.id}",\n`,
        `    "id": "${file.workshop.id}",\n    "language": "en",\n`,
      ),
    );
  });

  it('round-trips a gate decision with its proposal, override reason, evidence and justified pass, the log still verifying', () => {
    const file = expectOk(parseWorkshopFile(SAMPLE_V3));
    const log = [...file.tables.gateDecisions].sort((a, b) => a.seq - b.seq);
    const last = log[log.length - 1];
    const sealed = sealEntry(last, {
      useCaseTitle: 'Claims triage',
      fromStage: 'gate',
      toStage: 'hardening',
      criteria: [{ name: 'KPI impact', result: 'pass', evidence: '', conflicts: ['Durchlaufzeit is red: 14 h.'], justification: 'Alter Prozess gemessen' }],
      decision: 'advance',
      rationale: 'Vorstand',
      decidedBy: 'Zoë Müller',
      nextActionsOwner: 'Łukasz',
      date: '2026-12-02',
      createdAt: '2026-12-02T10:00:00.000Z',
      proposal: { decision: 'improve-pilot', label: 'Improve the pilot', sentence: 'Improve the pilot for Claims triage: a KPI is in its red band.', facts: ['In the red band: Durchlaufzeit'] },
      overrideReason: 'Systemausfall',
      evidence: ['KPI Durchlaufzeit: 14 h, red'],
    });
    const uc = file.tables.useCases.find((u) => u.title === 'Claims triage');
    const tables = { ...file.tables, gateDecisions: [...log, { ...sealed, id: 'd-new', workshopId: file.workshop.id, useCaseId: uc?.id ?? '', updatedAt: sealed.createdAt }] };
    const text = serializeWorkshopFile(buildWorkshopFile(file.workshop, tables, '0.1.0', '2026-12-02T10:00:00.000Z'));
    const back = expectOk(parseWorkshopFile(text));
    expect(back.tables.gateDecisions.find((d) => d.id === 'd-new')).toMatchObject({ overrideReason: 'Systemausfall', proposal: { decision: 'improve-pilot' } });
    expect(verifyChain(back.tables.gateDecisions)).toEqual({ ok: true, count: 4 });
    expect(serializeWorkshopFile(buildWorkshopFile(back.workshop, back.tables, back.appVersion, back.exportedAt))).toBe(text);
  });

  it('keeps opening the version 1 sample file', () => {
    const file = expectOk(parseWorkshopFile(SAMPLE_V1));
    // Opened through the v1 → v2 step: the roadmap settings get their defaults.
    expect(file.formatVersion).toBe(WORKSHOP_FILE_VERSION);
    expect(file.workshop.roadmap).toEqual({ maxParallelPilots: 2, pushLaterPhases: true });
    // Its KPI's three threshold objects became two boundaries with an action per band.
    expect(file.tables.kpis[0]).toMatchObject({
      greenAt: 4,
      redAt: 12,
      greenAction: 'Keep weekly review',
      amberAction: 'Review misrouted claims with supervisors',
      redAction: 'Fall back to manual triage',
      tolerancePct: 10,
      stabilizationCount: 3,
    });
    expect(file.tables.kpis[0]).not.toHaveProperty('thresholds');
    expect(file.tables.measurements[0]?.note).toBe('Baseline');
    expect(file.workshop.name).toBe('Claims automation readiness workshop');
    expect(file.workshop.facilitator).toBe('Zoë Müller');
    expect(file.tables.useCases.map((u) => u.title).sort()).toEqual([
      'Claims triage',
      'Fraud signal scoring',
      'Underwriting document extraction',
    ]);
    expect(file.tables.participants).toHaveLength(2);
    expect(file.tables.scores).toHaveLength(6);
    expect(file.tables.risks).toHaveLength(1);
    expect(file.tables.kpis).toHaveLength(1);
    expect(file.tables.measurements).toHaveLength(1);
    expect(file.tables.auditLog.length).toBeGreaterThan(0);
  });
});

describe('buildWorkshopFile', () => {
  it('writes every table, even the empty ones', () => {
    const { workshop, tables } = sample();
    const file = buildWorkshopFile(workshop, tables, '9.9.9', new Date('2025-05-01T12:00:00Z'));
    expect(Object.keys(file.tables)).toEqual(WORKSHOP_TABLES);
    expect(file.tables.roles).toEqual([]);
    expect(file).toMatchObject({ format: 'liftoff.workshop', formatVersion: WORKSHOP_FILE_VERSION, appVersion: '9.9.9' });
    expect(file.exportedAt).toBe('2025-05-01T12:00:00.000Z');
  });

  it('accepts the export time as an ISO string', () => {
    const { workshop, tables } = sample();
    expect(buildWorkshopFile(workshop, tables, '1', '2025-05-01T12:00:00.000Z').exportedAt).toBe('2025-05-01T12:00:00.000Z');
  });

  it('sorts rows by id whatever order the database returned them in', () => {
    const { workshop, tables } = sample();
    const reversed = { ...tables, useCases: [...tables.useCases].reverse(), scores: [...tables.scores].reverse() };
    const file = buildWorkshopFile(workshop, reversed, '1', new Date(0));
    const ids = file.tables.scores.map((s) => s.id);
    expect(ids).toEqual([...ids].sort());
    expect(serializeWorkshopFile(file)).toBe(serializeWorkshopFile(buildWorkshopFile(workshop, tables, '1', new Date(0))));
  });

  it('gives the same bytes whatever order the keys of a row were stored in', () => {
    const { workshop, tables } = sample();
    const shuffled = Object.fromEntries(Object.entries(workshop).reverse()) as typeof workshop;
    const a = serializeWorkshopFile(buildWorkshopFile(workshop, tables, '1', new Date(0)));
    const b = serializeWorkshopFile(buildWorkshopFile(shuffled, tables, '1', new Date(0)));
    expect(b).toBe(a);
  });

  it('does not change the rows it is given', () => {
    const { workshop, tables } = sample();
    const before = JSON.stringify(tables);
    buildWorkshopFile(workshop, { ...tables, useCases: [...tables.useCases].reverse() }, '1', new Date(0));
    expect(JSON.stringify(tables)).toBe(before);
  });

  it('round-trips export, import, export to byte-identical JSON', () => {
    const first = expectOk(parseWorkshopFile(SAMPLE_V1));
    const exported = serializeWorkshopFile(buildWorkshopFile(first.workshop, first.tables, '0.1.0', new Date('2025-06-01T08:00:00Z')));
    const imported = expectOk(parseWorkshopFile(exported));
    const again = serializeWorkshopFile(buildWorkshopFile(imported.workshop, imported.tables, '0.1.0', new Date('2025-06-01T08:00:00Z')));
    expect(again).toBe(exported);
  });

  it('serializes as JSON indented by two spaces', () => {
    const { workshop, tables } = sample();
    const out = serializeWorkshopFile(buildWorkshopFile(workshop, tables, '1', new Date(0)));
    expect(out.startsWith(`{\n  "format": "liftoff.workshop",\n  "formatVersion": ${WORKSHOP_FILE_VERSION},`)).toBe(true);
    expect(out.endsWith('}\n')).toBe(true);
  });
});

describe('parseWorkshopFile: not a workshop file at all', () => {
  it('refuses an oversized file before parsing it, saying its size and the limit', () => {
    const huge = `{"format":"liftoff.workshop","junk":"${'x'.repeat(30 * 1024 * 1024)}"}`;
    const started = performance.now();
    const message = expectError(parseWorkshopFile(huge), 'too-large');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(message).toContain('30.0 MB');
    expect(message).toContain('25 MB');
  });

  it('measures the limit in UTF-8 bytes, not characters', () => {
    // 14 million "é" are 14 million characters but 28 MB on disk.
    const accented = `"${'é'.repeat(14 * 1024 * 1024)}"`;
    expect(accented.length).toBeLessThan(DEFAULT_MAX_WORKSHOP_FILE_BYTES);
    expectError(parseWorkshopFile(accented), 'too-large');
  });

  it('honours a smaller limit given by the caller', () => {
    const message = expectError(parseWorkshopFile(SAMPLE_V1, { maxBytes: 1024 }), 'too-large');
    expect(message).toMatch(/limit/);
  });

  it('reports an empty file', () => {
    expect(expectError(parseWorkshopFile(''), 'empty')).toMatch(/empty/);
    expectError(parseWorkshopFile('  \n\t '), 'empty');
    expectError(parseWorkshopFile('\uFEFF'), 'empty');
  });

  it('reports text that is not JSON, with where the problem is', () => {
    const message = expectError(parseWorkshopFile('hello, this is a letter'), 'not-json');
    expect(message).toMatch(/not valid JSON/);
    expect(message).toMatch(/line 1, column 1/);
  });

  it('does not call a text with an unbalanced quote cut off', () => {
    expect(expectError(parseWorkshopFile('Dear team, the "final list is attached'), 'not-json')).toMatch(/not valid JSON/);
  });

  it('points at the line of a syntax error', () => {
    const message = expectError(parseWorkshopFile('{\n  "format": "liftoff.workshop",\n  oops\n}'), 'not-json');
    expect(message).toMatch(/line 3/);
  });

  it('reports a truncated file as cut off', () => {
    for (const cut of [0.5, 0.9, 0.999]) {
      const truncated = SAMPLE_V1.slice(0, Math.floor(SAMPLE_V1.length * cut));
      expect(expectError(parseWorkshopFile(truncated), 'not-json')).toMatch(/cut off/);
    }
    expect(expectError(parseWorkshopFile('{"format": "liftoff.workshop", "work'), 'not-json')).toMatch(/cut off/);
  });

  it('accepts a file saved with a byte-order mark', () => {
    expectOk(parseWorkshopFile(`\uFEFF${SAMPLE_V1}`));
  });

  it('reports null as JSON that is not a workshop', () => {
    expect(expectError(parseWorkshopFile('null'), 'not-liftoff')).toMatch(/not a Liftoff workshop/);
  });

  it('reports an array as JSON that is not a workshop', () => {
    expect(expectError(parseWorkshopFile('[1, 2, 3]'), 'not-liftoff')).toMatch(/a list/);
  });

  it('reports a bare number or string as JSON that is not a workshop', () => {
    expectError(parseWorkshopFile('42'), 'not-liftoff');
    expectError(parseWorkshopFile('"liftoff.workshop"'), 'not-liftoff');
  });

  it('reports some other JSON file as not a Liftoff file', () => {
    const message = expectError(parseWorkshopFile('{"name": "my-app", "version": "1.0.0"}'), 'not-liftoff');
    expect(message).toMatch(/no "format" field/);
  });

  it('reports a JSON file of another format by its format name', () => {
    const message = expectError(parseWorkshopFile('{"type": "excalidraw", "format": "excalidraw", "version": 2}'), 'not-liftoff');
    expect(message).toContain('"excalidraw"');
  });
});

describe('parseWorkshopFile: versions', () => {
  it('asks to update Liftoff for a file from a newer version', () => {
    const file = { ...sample(), formatVersion: WORKSHOP_FILE_VERSION + 1, appVersion: '2.3.0' };
    const message = expectError(parseWorkshopFile(text(file)), 'newer-version');
    expect(message).toContain('made by a newer version of Liftoff (2.3.0');
    expect(message).toMatch(/Update Liftoff/);
  });

  it('reports a version number written as a string', () => {
    const file = { ...sample(), formatVersion: '1' };
    expect(expectError(parseWorkshopFile(text(file)), 'invalid')).toMatch(/whole number/);
  });

  it('reports a missing or nonsense version', () => {
    const { formatVersion: _drop, ...rest } = sample();
    expectError(parseWorkshopFile(text(rest)), 'invalid');
    expectError(parseWorkshopFile(text({ ...sample(), formatVersion: 0 })), 'invalid');
    expectError(parseWorkshopFile(text({ ...sample(), formatVersion: 1.5 })), 'invalid');
  });
});

describe('parseWorkshopFile: hostile content', () => {
  it('refuses __proto__ at the top level and leaves Object.prototype alone', () => {
    const hostile = `{"__proto__": {"polluted": "yes"}, "format": "liftoff.workshop", "formatVersion": 1}`;
    const message = expectError(parseWorkshopFile(hostile), 'unsafe-key');
    expect(message).toContain('"__proto__"');
    expect(pollutionProbe()).toBeUndefined();
  });

  it('refuses a nested __proto__ and names where it is', () => {
    const injected = SAMPLE_V1.replace('"title": "Fraud signal scoring",', '"title": "Fraud signal scoring", "__proto__": {"polluted": true},');
    expect(injected).not.toBe(SAMPLE_V1);
    const message = expectError(parseWorkshopFile(injected), 'unsafe-key');
    expect(message).toMatch(/tables\.useCases\[\d\]\.__proto__/);
    expect(pollutionProbe()).toBeUndefined();
  });

  it('refuses constructor.prototype', () => {
    const hostile = text({ ...sample(), workshop: { ...sample().workshop, constructor: { prototype: { polluted: true } } } });
    const message = expectError(parseWorkshopFile(hostile), 'unsafe-key');
    expect(message).toContain('workshop.constructor');
    expect(pollutionProbe()).toBeUndefined();
  });

  it('refuses a forbidden key inside an array element', () => {
    const hostile = text({ ...sample(), tables: { ...sample().tables, auditLog: [{ prototype: 1 }] } });
    expect(expectError(parseWorkshopFile(hostile), 'unsafe-key')).toContain('tables.auditLog[0].prototype');
  });

  it('refuses 100,000 levels of nesting quickly, without overflowing the stack', () => {
    const depth = 100_000;
    const bomb = '['.repeat(depth) + ']'.repeat(depth);
    const started = performance.now();
    const message = expectError(parseWorkshopFile(bomb), 'too-deep');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(message).toContain(String(MAX_WORKSHOP_FILE_DEPTH));
    expectError(parseWorkshopFile('{"a":'.repeat(depth)), 'too-deep');
  });

  it('does not count brackets inside strings as nesting', () => {
    const file = sample();
    file.workshop.notes = '['.repeat(500);
    expectOk(parseWorkshopFile(text(file)));
  });

  it('returns plain objects built from validated data', () => {
    const file = expectOk(parseWorkshopFile(SAMPLE_V1));
    expect(Object.getPrototypeOf(file)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(file.workshop)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(file.tables.useCases[0])).toBe(Object.prototype);
    expect(Array.isArray(file.tables.useCases)).toBe(true);
  });

  it('never throws, whatever slice of a file it gets', () => {
    for (let end = 0; end < SAMPLE_V1.length; end += 97) {
      expect(() => parseWorkshopFile(SAMPLE_V1.slice(0, end))).not.toThrow();
      expect(() => parseWorkshopFile(SAMPLE_V1.slice(end))).not.toThrow();
    }
    expect(() => parseWorkshopFile(null as unknown as string)).not.toThrow();
    expect(() => parseWorkshopFile(undefined as unknown as string)).not.toThrow();
  });
});

describe('parseWorkshopFile: schema violations', () => {
  it('reports a wrong type with a readable path', () => {
    const file = sample();
    loose(file.tables.useCases[1] as object).title = 42;
    const message = expectError(parseWorkshopFile(text(file)), 'invalid');
    expect(message).toContain('tables.useCases[1].title: expected a string, got the number 42');
  });

  it('reports numbers written as strings', () => {
    const file = sample();
    loose((file.tables.useCases[0] as { initialScores: object }).initialScores).impact = '5';
    loose(file.tables.measurements[0] as object).value = '18';
    const message = expectError(parseWorkshopFile(text(file)), 'invalid');
    expect(message).toContain('tables.useCases[0].initialScores.impact: expected a number, got the text "5"');
    expect(message).toContain('tables.measurements[0].value: expected a number, got the text "18"');
  });

  it('reports a missing table and a missing field', () => {
    const file = sample();
    delete loose(file.tables).roles;
    delete loose(file.workshop).name;
    const message = expectError(parseWorkshopFile(text(file)), 'invalid');
    expect(message).toContain('tables.roles: is missing');
    expect(message).toContain('workshop.name: is missing');
  });

  it('reports unknown fields, values outside the allowed set and out-of-range scores', () => {
    const file = sample();
    loose(file.workshop).colour = 'red';
    loose(file.tables.useCases[0] as object).kind = 'robot';
    loose(file.tables.scores[0] as object).value = 9;
    loose(file.tables.measurements[0] as object).date = '10/03/2025';
    const result = parseWorkshopFile(text(file));
    const message = expectError(result, 'invalid');
    expect(message).toContain('workshop: unexpected field "colour"');
    expect(message).toContain('tables.useCases[0].kind: expected one of');
    expect(message).toContain('tables.scores[0].value: must be at most 5');
    expect(message).toContain('tables.measurements[0].date: expected a date like 2025-03-01');
  });

  it('reports text longer than the model allows', () => {
    const file = sample();
    loose(file.tables.useCases[0] as object).title = 'x'.repeat(301);
    expect(expectError(parseWorkshopFile(text(file)), 'invalid')).toContain('tables.useCases[0].title: text is too long (at most 300 characters)');
  });

  it('lists at most five problems and counts the rest', () => {
    const file = sample();
    for (const useCase of file.tables.useCases) loose(useCase).title = 1;
    for (const score of file.tables.scores) loose(score).value = 'high';
    const result = parseWorkshopFile(text(file));
    const message = expectError(result, 'invalid');
    expect(message).toMatch(/and 4 more\.$/);
    expect(result.ok ? [] : result.error.details).toHaveLength(5);
  });
});

describe('parseWorkshopFile: references between rows', () => {
  it('reports a row that belongs to another workshop', () => {
    const file = sample();
    (file.tables.risks[0] as { workshopId: string }).workshopId = 'someone-else';
    const message = expectError(parseWorkshopFile(text(file)), 'inconsistent');
    expect(message).toContain('tables.risks[0].workshopId');
  });

  it('reports references to rows that are not in the file', () => {
    const file = sample();
    (file.tables.scores[0] as { participantId: string }).participantId = 'ghost';
    (file.tables.measurements[0] as { kpiId: string }).kpiId = 'no-such-kpi';
    (file.tables.risks[0] as { useCaseId: string | null }).useCaseId = 'gone';
    const message = expectError(parseWorkshopFile(text(file)), 'inconsistent');
    expect(message).toContain('tables.scores[0].participantId: refers to participant "ghost"');
    expect(message).toContain('tables.measurements[0].kpiId: refers to KPI "no-such-kpi"');
    expect(message).toContain('tables.risks[0].useCaseId: refers to use case "gone"');
  });

  it('reports a decision right whose role is missing', () => {
    const file = sample();
    const base = file.tables.risks[0] as { workshopId: string; createdAt: string; updatedAt: string };
    file.tables.decisionRights.push({
      id: 'dr-1',
      workshopId: base.workshopId,
      createdAt: base.createdAt,
      updatedAt: base.updatedAt,
      order: 1,
      decision: 'Release',
      assignments: [{ roleId: 'no-role', raci: 'A' }],
    });
    expect(expectError(parseWorkshopFile(text(file)), 'inconsistent')).toContain('tables.decisionRights[0].assignments[0].roleId');
  });

  it('reports a KPI whose bands contradict its direction', () => {
    const file = sample();
    const kpi = file.tables.kpis[0];
    if (!kpi) throw new Error('the sample has a KPI');
    // Lower is better: green must sit below red.
    kpi.greenAt = 20;
    kpi.redAt = 5;
    expect(expectError(parseWorkshopFile(text(file)), 'inconsistent')).toMatch(/tables\.kpis\[0\]\.(greenAt|redAt): /);
  });

  it('accepts a risk or roadmap item that belongs to no use case', () => {
    const file = sample();
    (file.tables.risks[0] as { useCaseId: string | null }).useCaseId = null;
    expectOk(parseWorkshopFile(text(file)));
  });

  it('reports duplicate ids inside a table', () => {
    const file = sample();
    const [first, second] = file.tables.useCases;
    if (!first || !second) throw new Error('the sample has several use cases');
    second.id = first.id;
    const message = expectError(parseWorkshopFile(text(file)), 'inconsistent');
    expect(message).toMatch(/is used twice in useCases/);
  });

  it('reports a score whose round is about another use case', () => {
    const file = sample();
    const other = file.tables.useCases.find((u) => u.id !== file.tables.scores[0]?.useCaseId);
    (file.tables.scores[0] as { useCaseId: string }).useCaseId = other?.id ?? '';
    expect(expectError(parseWorkshopFile(text(file)), 'inconsistent')).toMatch(/its round is for/);
  });

  it('reports a participant scoring the same criterion twice in one round', () => {
    const file = sample();
    const [first] = file.tables.scores;
    if (!first) throw new Error('the sample has scores');
    file.tables.scores.push({ ...first, id: 'zz-duplicate-score', value: 1 });
    expect(expectError(parseWorkshopFile(text(file)), 'inconsistent')).toMatch(/already scored/);
  });
});

describe('migrateWorkshopFile', () => {
  it('leaves a current file as it is', () => {
    const raw: RawWorkshopFile = { formatVersion: WORKSHOP_FILE_VERSION, format: 'liftoff.workshop' };
    const result = migrateWorkshopFile(raw);
    expect(result).toEqual({ ok: true, file: raw, applied: [] });
  });

  it('has one step per version of the shared chain, so files and the database upgrade alike', () => {
    expect(Object.keys(WORKSHOP_FILE_MIGRATIONS)).toEqual(MIGRATIONS.map((m) => String(m.version - 1)));
    expect(WORKSHOP_FILE_VERSION).toBe(DATA_VERSION);
    // Only format 1 carries a file-specific step (the KPI bands) in front of the shared one.
    expect(Object.values(WORKSHOP_FILE_MIGRATIONS).map((s) => s.name)).toEqual(MIGRATIONS.map((m) => (m.version === 2 ? `v1-kpi-bands+${m.name}` : m.name)));
  });

  it('runs a shared step over the file exactly as the database runs it over its rows', () => {
    const workshop = { id: 'w', name: 'x' };
    const migrated = migrateWorkshopFile({ formatVersion: 2, workshop, tables: { useCases: [{ id: 'u' }] } });
    expect(migrated).toMatchObject({ ok: true, file: { formatVersion: WORKSHOP_FILE_VERSION, workshop, tables: { useCases: [{ id: 'u' }] } } });
    // The roadmap-settings upgrade is written once: the file applies the database's transform.
    const v2 = MIGRATIONS.find((m) => m.version === 2);
    const fromV1 = migrateWorkshopFile({ formatVersion: 1, workshop: { id: 'w' } });
    const v4 = MIGRATIONS.find((m) => m.version === 4);
    expect(fromV1.ok && fromV1.file.workshop).toEqual(v4?.transforms?.workshops?.(v2?.transforms?.workshops?.({ id: 'w' }) ?? {}));
  });

  it('v1 → v2 gives the workshop default roadmap settings and keeps settings already there', () => {
    const raw = Object.freeze({ formatVersion: 1, workshop: Object.freeze({ name: 'x' }) }) as RawWorkshopFile;
    const result = migrateWorkshopFile(raw);
    expect(result).toEqual({
      ok: true,
      file: { formatVersion: WORKSHOP_FILE_VERSION, workshop: { name: 'x', roadmap: { maxParallelPilots: 2, pushLaterPhases: true }, language: 'en' } },
      applied: Object.values(WORKSHOP_FILE_MIGRATIONS).map((s) => s.name),
    });
    const kept = migrateWorkshopFile({ formatVersion: 1, workshop: { roadmap: { maxParallelPilots: 5, pushLaterPhases: false } } });
    expect(kept.ok && (kept.file.workshop as { roadmap: unknown }).roadmap).toEqual({ maxParallelPilots: 5, pushLaterPhases: false });
  });

  it('runs named steps in order up to the target version without touching the input', () => {
    const steps: Record<number, WorkshopFileMigration> = {
      1: { name: 'v1-to-v2-rename-notes', from: 1, up: (f) => ({ ...f, formatVersion: 2, renamed: true }) },
      2: { name: 'v2-to-v3-add-tags', from: 2, up: (f) => ({ ...f, formatVersion: 3, tags: [] }) },
    };
    const raw: RawWorkshopFile = Object.freeze({ formatVersion: 1 });
    const result = migrateWorkshopFile(raw, steps, 3);
    expect(result).toEqual({
      ok: true,
      file: { formatVersion: 3, renamed: true, tags: [] },
      applied: ['v1-to-v2-rename-notes', 'v2-to-v3-add-tags'],
    });
    expect(raw).toEqual({ formatVersion: 1 });
  });

  it('fails clearly when a step is missing or does not bump the version', () => {
    expect(migrateWorkshopFile({ formatVersion: 1 }, {}, 2)).toMatchObject({ ok: false });
    const lazy: Record<number, WorkshopFileMigration> = { 1: { name: 'forgets-version', from: 1, up: (f) => ({ ...f }) } };
    const result = migrateWorkshopFile({ formatVersion: 1 }, lazy, 2);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toContain('forgets-version');
  });

  it('reports a step that throws instead of throwing itself', () => {
    const broken: Record<number, WorkshopFileMigration> = {
      1: {
        name: 'explodes',
        from: 1,
        up: () => {
          throw new Error('boom');
        },
      },
    };
    expect(migrateWorkshopFile({ formatVersion: 1 }, broken, 2)).toEqual({ ok: false, message: expect.stringContaining('boom') });
  });
});
