import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepos, type Repos } from '../../../renderer/db';
import { createDb, type LiftoffDb } from '../../../renderer/db/schema';
import { GateReviewError, GateValidationError } from '../../../renderer/db/pipeline-repo';
import { verifyChain } from '../../../renderer/domain/decision-log';
import { currentStages, criteriaFor, type GateDraft } from '../../../renderer/domain/stages';
import type { Stage } from '../../../renderer/domain/model';
import { compileCatalog, readCatalog } from '../../../scripts/vite-catalogs.mjs';
import { createTranslator } from '../../../renderer/i18n/translator';
import type { AppMessageId } from '../../../renderer/i18n/app-catalog';
import { loadPackTranslator } from '../../../renderer/i18n/pack-catalog';
import { messageText } from '../../../renderer/shared/message-text';
import { buildWorkshopFile, parseWorkshopFile, serializeWorkshopFile } from '../../../renderer/domain/workshop-file';

let db: LiftoffDb;
let repos: Repos;
let workshopId: string;
let n = 0;

beforeEach(async () => {
  db = createDb(`gates-${Date.now()}-${n++}`);
  repos = createRepos(db);
  const ws = await repos.workshops.create({ name: 'Insurer AI day', client: 'Northwind Mutual', facilitator: 'Zoë Müller', workshopDate: '2026-12-01', roadmapStartDate: '' });
  workshopId = ws.id;
});
afterEach(async () => {
  db.close();
  await db.delete();
});

function review(from: Stage, to: Stage, over: Partial<GateDraft> = {}): GateDraft {
  return {
    from,
    to,
    decision: to === 'stopped' ? 'stop' : from === 'stopped' ? 're-enter' : 'advance',
    criteria: criteriaFor(from, to).map((name) => ({ name, result: 'pass', evidence: 'checked' })),
    rationale: 'As agreed in the room',
    decidedBy: 'Governance sponsor',
    nextActionsOwner: 'Product owner',
    date: '2026-12-01',
    ...over,
  };
}

async function stageOf(id: string): Promise<Stage | undefined> {
  const [ucs, ds] = await Promise.all([repos.useCases.list(workshopId), repos.pipeline.decisions(workshopId)]);
  return currentStages(ucs, ds).get(id);
}

describe('recording gate decisions', () => {
  it('moves the use case, seals the entry onto the chain and audits it', async () => {
    const uc = await repos.useCases.add(workshopId, { title: 'Claims triage' });
    const a = await repos.pipeline.recordDecision(uc.id, review('readiness', 'pilot-design'));
    const b = await repos.pipeline.recordDecision(uc.id, review('pilot-design', 'pilot'));
    expect([a.seq, b.seq]).toEqual([1, 2]);
    expect(b.prevHash).toBe(a.hash);
    expect(await stageOf(uc.id)).toBe('pilot');
    expect(verifyChain(await repos.pipeline.decisions(workshopId)).ok).toBe(true);
    const audit = await repos.audit.list(workshopId);
    expect(audit.map((e) => e.action)).toContain('Advance: "Claims triage"');
  });

  it('cannot be undone: Ctrl+Z takes back the edit before it, never the decision', async () => {
    const uc = await repos.useCases.add(workshopId, { title: 'Claims triage' });
    await repos.useCases.update(uc.id, { department: 'Claims' });
    await repos.pipeline.recordDecision(uc.id, review('readiness', 'pilot-design'));
    const undone = await repos.history.undo(workshopId);
    expect(undone?.label).toMatch(/Edit department/);
    expect(await stageOf(uc.id)).toBe('pilot-design');
    expect(await repos.pipeline.decisions(workshopId)).toHaveLength(1);
  });

  it('refuses an invalid review and stores nothing', async () => {
    const uc = await repos.useCases.add(workshopId, { title: 'Claims triage' });
    const bad = review('readiness', 'pilot-design', { rationale: '' });
    await expect(repos.pipeline.recordDecision(uc.id, bad)).rejects.toBeInstanceOf(GateValidationError);
    const failed = review('readiness', 'pilot-design');
    failed.criteria[0] = { name: failed.criteria[0]?.name ?? '', result: 'fail', evidence: '' };
    await expect(repos.pipeline.recordDecision(uc.id, failed)).rejects.toThrow(/Cannot advance/);
    expect(await repos.pipeline.decisions(workshopId)).toEqual([]);
  });

  it('refuses a review made against a stage the use case has left (two windows, one decision each)', async () => {
    const uc = await repos.useCases.add(workshopId, { title: 'Claims triage' });
    await repos.pipeline.recordDecision(uc.id, review('readiness', 'pilot-design'));
    await expect(repos.pipeline.recordDecision(uc.id, review('readiness', 'pilot-design'))).rejects.toThrow(/is now in Stage 1/);
    expect(await repos.pipeline.decisions(workshopId)).toHaveLength(1);
  });

  it('walks stop and re-entry, second validation and improve-the-pilot into the right stages', async () => {
    const uc = await repos.useCases.add(workshopId, { title: 'Fraud flags' });
    await repos.pipeline.recordDecision(uc.id, review('readiness', 'stopped', { criteria: [] }));
    expect(await stageOf(uc.id)).toBe('stopped');
    await repos.pipeline.recordDecision(uc.id, review('stopped', 'readiness', { criteria: [] }));
    expect(await stageOf(uc.id)).toBe('readiness');
    await repos.pipeline.recordDecision(uc.id, review('readiness', 'gate')); // a recorded skip
    expect(await stageOf(uc.id)).toBe('gate');
    await repos.pipeline.recordDecision(uc.id, review('gate', 'hardening', { decision: 'second-validation' }));
    expect(await stageOf(uc.id)).toBe('gate');
    // With nothing measured the review proposes a second validation: improving needs a reason.
    await repos.pipeline.recordDecision(uc.id, review('gate', 'hardening', { decision: 'improve-pilot', overrideReason: 'The data feed must be fixed first' }));
    expect(await stageOf(uc.id)).toBe('pilot');
    const log = await repos.pipeline.decisions(workshopId);
    expect(log.map((d) => d.decision)).toEqual(['stop', 're-enter', 'advance', 'second-validation', 'improve-pilot']);
    expect(verifyChain(log)).toEqual({ ok: true, count: 5 });
  });

  it('keeps the decisions of a deleted use case in the log, and the chain intact', async () => {
    const uc = await repos.useCases.add(workshopId, { title: 'Claims triage' });
    const other = await repos.useCases.add(workshopId, { title: 'Broker emails' });
    await repos.pipeline.recordDecision(uc.id, review('readiness', 'pilot-design'));
    await repos.pipeline.recordDecision(other.id, review('readiness', 'pilot-design'));
    await repos.useCases.remove(uc.id);
    const log = await repos.pipeline.decisions(workshopId);
    expect(log.map((d) => d.useCaseTitle)).toEqual(['Claims triage', 'Broker emails']);
    expect(verifyChain(log).ok).toBe(true);
    await repos.history.undo(workshopId);
    expect(await stageOf(uc.id)).toBe('pilot-design');
  });

  it('keeps a verifiable chain in a duplicated workshop and through a file round trip', async () => {
    const uc = await repos.useCases.add(workshopId, { title: 'Claims triage' });
    await repos.pipeline.recordDecision(uc.id, review('readiness', 'pilot-design'));
    await repos.pipeline.recordDecision(uc.id, review('pilot-design', 'pilot'));
    const copy = await repos.workshops.duplicate(workshopId);
    const copied = await repos.pipeline.decisions(copy.id);
    expect(copied).toHaveLength(2);
    expect(copied[0]?.useCaseId).not.toBe(uc.id);
    expect(verifyChain(copied).ok).toBe(true);
    const copyUseCases = await repos.useCases.list(copy.id);
    expect(currentStages(copyUseCases, copied).get(copyUseCases[0]?.id ?? '')).toBe('pilot');
  });

  it('gives every decision of a workshop its own place in the chain even when recorded at once', async () => {
    const ucs = await Promise.all(['A', 'B', 'C', 'D'].map((t) => repos.useCases.add(workshopId, { title: t })));
    await Promise.all(ucs.map((u) => repos.pipeline.recordDecision(u.id, review('readiness', 'pilot-design'))));
    const log = await repos.pipeline.decisions(workshopId);
    expect(log.map((d) => d.seq)).toEqual([1, 2, 3, 4]);
    expect(verifyChain(log).ok).toBe(true);
  });
});

describe('the pilot lock and undo', () => {
  it('takes the pre-lock pilot design edits out of the undo history when the pilot starts', async () => {
    const uc = await repos.useCases.add(workshopId, { title: 'Claims triage' });
    await repos.pipeline.setPilotField(uc.id, 'successCriteria', 'Cycle time −30 % on 200 claims');
    await repos.pipeline.recordDecision(uc.id, review('readiness', 'pilot-design'));
    await repos.pipeline.recordDecision(uc.id, review('pilot-design', 'pilot'));
    // Ctrl+Z now reaches past the criteria edit: it undoes adding the use case, not the criteria.
    const undone = await repos.history.undo(workshopId);
    expect(undone?.label).toMatch(/^Add/);
    const [design] = await repos.pipeline.pilotDesignsFor(workshopId);
    expect(design?.successCriteria).toBe('Cycle time −30 % on 200 claims');
  });

  it('leaves the history alone for decisions that do not start the pilot', async () => {
    const uc = await repos.useCases.add(workshopId, { title: 'Claims triage' });
    await repos.pipeline.setPilotField(uc.id, 'scope', 'Motor claims only');
    await repos.pipeline.recordDecision(uc.id, review('readiness', 'pilot-design'));
    const undone = await repos.history.undo(workshopId);
    expect(undone?.label).toMatch(/Edit pilot: Scope/);
  });
});

describe('a gate review that weighs the evidence', () => {
  /** A use case at the Stage 3 gate whose business KPI is red (14 h against a red line of 12 h). */
  async function weakPilot() {
    const uc = await repos.useCases.add(workshopId, { title: 'Schadensmeldungsvorprüfung' });
    await repos.pipeline.recordDecision(uc.id, review('readiness', 'gate'));
    const added = await repos.kpis.add(uc.id, 'business-impact', 'Durchlaufzeit');
    const k = await repos.kpis.update(added.id, {
      unit: 'h',
      direction: 'lower-is-better',
      baseline: 18,
      target: 8,
      greenAt: 8,
      redAt: 12,
      redAction: 'Route back to manual triage',
    });
    await repos.kpis.addMeasurement(k.id, { date: '2026-12-01', value: 14, note: '' });
    return uc;
  }

  it('refuses "advance" against an "improve the pilot" proposal without a reason, and stores nothing', async () => {
    const uc = await weakPilot();
    const before = await repos.pipeline.decisions(workshopId);
    const justified = criteriaFor('gate', 'hardening').map((name) => ({ name, result: 'pass' as const, evidence: '', justification: 'Old process measured' }));
    await expect(repos.pipeline.recordDecision(uc.id, review('gate', 'hardening', { criteria: justified }), '2026-12-02')).rejects.toBeInstanceOf(GateReviewError);
    expect(await repos.pipeline.decisions(workshopId)).toEqual(before);
    expect(await stageOf(uc.id)).toBe('gate');
  });

  it('refuses a "Pass" for KPI impact while the KPI is red unless it is justified', async () => {
    const uc = await weakPilot();
    await expect(repos.pipeline.recordDecision(uc.id, review('gate', 'hardening', { overrideReason: 'Sponsor accepts' }), '2026-12-02')).rejects.toThrow(
      'The data says otherwise: justify "Pass" for KPI impact.',
    );
  });

  it('seals the proposal, the decision, the reason, the evidence and the justification together', async () => {
    const uc = await weakPilot();
    const criteria = criteriaFor('gate', 'hardening').map((name, i) => ({ name, result: 'pass' as const, evidence: '', ...(i === 0 ? { justification: 'Measured on the old process' } : {}) }));
    const entry = await repos.pipeline.recordDecision(uc.id, review('gate', 'hardening', { criteria, overrideReason: 'The sponsor accepts the slower start' }), '2026-12-02');
    expect(entry.decision).toBe('advance');
    expect(entry.proposal).toMatchObject({ decision: 'improve-pilot', label: 'Improve the pilot' });
    expect(entry.proposal?.facts[0]).toBe('In the red band: Durchlaufzeit');
    expect(entry.overrideReason).toBe('The sponsor accepts the slower start');
    expect(entry.criteria[0]).toMatchObject({ conflicts: [expect.stringContaining('Durchlaufzeit is red: 14 h')], justification: 'Measured on the old process' });
    expect(entry.criteria[1]).toEqual({ name: 'Model stability', result: 'pass', evidence: '' });
    expect(entry.evidence?.[0]).toContain('KPI Durchlaufzeit: 14 h on 2026-12-01, red');
    // Beside each sealed line its message, one for one, so the log says it in its reader's language.
    expect(entry.evidenceMessages).toHaveLength(entry.evidence!.length);
    expect(entry.evidenceMessages?.[0]).toMatchObject({ id: 'gateText.evidence.kpi', values: { name: 'Durchlaufzeit', band: 'red' } });
    const log = await repos.pipeline.decisions(workshopId);
    expect(verifyChain(log).ok).toBe(true);

    // The justification is part of the seal: changing it outside Liftoff breaks the chain there.
    const stored = log[log.length - 1]!;
    await db.gateDecisions.put({ ...stored, criteria: stored.criteria.map((c, i) => (i === 0 ? { ...c, justification: 'edited later' } : c)) });
    const after = verifyChain(await repos.pipeline.decisions(workshopId));
    expect(after.ok ? 0 : after.firstBreak.seq).toBe(stored.seq);
  });

  it('seals the proposal and the contradictions in the workshop’s language when one is given, and stays valid', async () => {
    const uc = await weakPilot();
    const english = compileCatalog(readCatalog(new URL('../../../renderer/i18n/catalogs/app/en.json', import.meta.url).pathname), 'en');
    const german = createTranslator<AppMessageId>('de', compileCatalog(readCatalog(new URL('../../../renderer/i18n/catalogs/app/de.json', import.meta.url).pathname), 'de'), english);
    const pack = await loadPackTranslator('de');
    const criteria = criteriaFor('gate', 'hardening').map((name, i) => ({ name, result: 'pass' as const, evidence: '', ...(i === 0 ? { justification: 'Alter Prozess gemessen' } : {}) }));
    const entry = await repos.pipeline.recordDecision(uc.id, review('gate', 'hardening', { criteria, overrideReason: 'Der Sponsor trägt es' }), '2026-12-02', {
      say: (m) => messageText(german.t, 'de', m),
      pack: pack.t,
    });
    expect(entry.proposal).toMatchObject({ decision: 'improve-pilot', label: 'Pilot verbessern' });
    expect(entry.proposal?.sentence).toContain('Schadensmeldungsvorprüfung');
    expect(entry.proposal?.sentence).not.toMatch(/\b(the|is|pilot)\b/);
    expect(entry.criteria[0]?.conflicts).toEqual(['Durchlaufzeit ist rot: 14\u00a0h (Grün bei oder unter 8\u00a0h · Rot bei oder über 12\u00a0h).']);
    // The evidence text is sealed in the workshop's language too, its messages beside it.
    expect(entry.evidence?.[0]).toMatch(/^KPI Durchlaufzeit: 14\u00a0h am 1\. Dez\. 2026, rot \(/);
    expect(entry.evidence).toHaveLength(entry.evidenceMessages!.length);
    expect(entry.evidenceMessages!.map((m) => messageText(german.t, 'de', m))).toEqual(entry.evidence);
    // Through the workshop file and back: the messages travel, and the chain still verifies.
    const ws = await repos.workshops.get(workshopId);
    const parsed = parseWorkshopFile(serializeWorkshopFile(buildWorkshopFile(ws!, await repos.workshops.readRows(workshopId), 'test', '2026-12-02T18:00:00.000Z')));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed));
    const reopened = parsed.file.tables.gateDecisions.find((d) => d.id === entry.id);
    expect(reopened?.evidenceMessages).toEqual(entry.evidenceMessages);
    expect(verifyChain(parsed.file.tables.gateDecisions).ok).toBe(true);
    expect(verifyChain(await repos.pipeline.decisions(workshopId)).ok).toBe(true);
  });

  it('records a decision that follows the proposal without a reason, and no override reason is stored', async () => {
    const uc = await weakPilot();
    const criteria = criteriaFor('gate', 'hardening').map((name, i) => ({ name, result: i === 0 ? ('fail' as const) : ('pass' as const), evidence: '' }));
    const entry = await repos.pipeline.recordDecision(uc.id, review('gate', 'hardening', { decision: 'improve-pilot', criteria }), '2026-12-02');
    expect(entry.proposal?.decision).toBe('improve-pilot');
    expect(entry).not.toHaveProperty('overrideReason');
    expect(await stageOf(uc.id)).toBe('pilot');
  });
});
