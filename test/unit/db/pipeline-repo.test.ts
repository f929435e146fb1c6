// The readiness diagnostic and the pilot design as stored records: created on the first edit,
// typing coalesced into one undo step, and the pilot design locked once the pilot has started
// (edits then need a reason and are kept as amendments). Gate decisions: gate-decisions.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Repos } from '../../../renderer/db';
import type { LiftoffDb } from '../../../renderer/db/schema';
import { closeTestWorkshop, openTestWorkshop } from './test-workshop';
import { criteriaFor, pilotLockedAt, type GateDraft } from '../../../renderer/domain/stages';
import { readinessVerdict } from '../../../renderer/domain/readiness';
import { pilotDesignSchema, readinessSchema, type Stage } from '../../../renderer/domain/model';

let db: LiftoffDb;
let repos: Repos;
let workshopId: string;
let useCaseId: string;

beforeEach(async () => {
  ({ db, repos, workshopId, useCaseId } = await openTestWorkshop('pipeline'));
});
afterEach(() => closeTestWorkshop(db));

const readinessOf = async (id = useCaseId) => (await repos.pipeline.readinessFor(workshopId)).filter((r) => r.useCaseId === id);
const pilotOf = async (id = useCaseId) => (await repos.pipeline.pilotDesignsFor(workshopId)).find((p) => p.useCaseId === id);
const undoLabel = async () => (await repos.history.peek(workshopId)).undoLabel;
const historySteps = () => db.history.where('workshopId').equals(workshopId).and((h) => h.state === 'done').count();

function gate(from: Stage, to: Stage): GateDraft {
  return {
    from,
    to,
    decision: 'advance',
    criteria: criteriaFor(from, to).map((name) => ({ name, result: 'pass', evidence: '' })),
    rationale: 'x',
    decidedBy: 'y',
    nextActionsOwner: 'z',
    date: '2026-12-01',
  };
}
/** Readiness → pilot design → pilot: the pilot has started and its design is locked. */
async function startPilot(id = useCaseId) {
  await repos.pipeline.recordDecision(id, gate('readiness', 'pilot-design'));
  await repos.pipeline.recordDecision(id, gate('pilot-design', 'pilot'));
}

describe('the readiness diagnostic', () => {
  it('creates the row on the first edit, with the other dimensions empty', async () => {
    expect(await readinessOf()).toEqual([]);
    await repos.pipeline.setReadiness(useCaseId, 'dataQuality', { score: 4 });
    const rows = await readinessOf();
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(readinessSchema.safeParse(row).success).toBe(true);
    expect(row?.dimensions.dataQuality).toEqual({ score: 4, evidence: '' });
    expect(row?.dimensions.systemAccess).toEqual({ score: null, evidence: '' });
    expect(await undoLabel()).toBe('Edit readiness: Data quality');
  });

  it('keeps one row per use case and changes only the dimension edited', async () => {
    await repos.pipeline.setReadiness(useCaseId, 'dataQuality', { score: 4 });
    await repos.pipeline.setReadiness(useCaseId, 'dataQuality', { evidence: 'Claims history since 2019' });
    await repos.pipeline.setReadiness(useCaseId, 'systemAccess', { score: 2 });
    const rows = await readinessOf();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.dimensions.dataQuality).toEqual({ score: 4, evidence: 'Claims history since 2019' });
    expect(rows[0]?.dimensions.systemAccess).toEqual({ score: 2, evidence: '' });
    expect(readinessVerdict(rows[0]).verdict).toBe('readiness-sprint');
  });

  it('creates a single row when the first edits of two dimensions arrive together', async () => {
    await Promise.all([
      repos.pipeline.setReadiness(useCaseId, 'dataQuality', { score: 3 }),
      repos.pipeline.setReadiness(useCaseId, 'processClarity', { score: 5 }),
    ]);
    const rows = await readinessOf();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.dimensions.dataQuality.score).toBe(3);
    expect(rows[0]?.dimensions.processClarity.score).toBe(5);
  });

  it('clears a score with null', async () => {
    await repos.pipeline.setReadiness(useCaseId, 'dataQuality', { score: 4 });
    await repos.pipeline.setReadiness(useCaseId, 'dataQuality', { score: null });
    expect((await readinessOf())[0]?.dimensions.dataQuality.score).toBeNull();
    expect(await undoLabel()).toBe('Edit readiness: Data quality');
  });

  it('coalesces typing in one evidence field into one undo step', async () => {
    await repos.pipeline.setReadiness(useCaseId, 'dataQuality', { score: 4 });
    const before = await historySteps();
    for (const text of ['C', 'Cl', 'Cla', 'Claims', 'Claims data']) await repos.pipeline.setReadiness(useCaseId, 'dataQuality', { evidence: text });
    expect(await historySteps()).toBe(before + 1);
    expect((await readinessOf())[0]?.dimensions.dataQuality.evidence).toBe('Claims data');
    await repos.history.undo(workshopId);
    expect((await readinessOf())[0]?.dimensions.dataQuality).toEqual({ score: 4, evidence: '' });
    await repos.history.undo(workshopId);
    expect(await readinessOf()).toEqual([]); // the first edit created the row; undoing it removes it
  });

  it('does not merge typing in two different evidence fields', async () => {
    await repos.pipeline.setReadiness(useCaseId, 'dataQuality', { evidence: 'a' });
    await repos.pipeline.setReadiness(useCaseId, 'systemAccess', { evidence: 'b' });
    await repos.history.undo(workshopId);
    const row = (await readinessOf())[0];
    expect(row?.dimensions.dataQuality.evidence).toBe('a');
    expect(row?.dimensions.systemAccess.evidence).toBe('');
  });

  it('refuses a score outside 1 to 5, an unknown dimension and a missing use case, storing nothing', async () => {
    await expect(repos.pipeline.setReadiness(useCaseId, 'dataQuality', { score: 6 })).rejects.toThrow('whole number from 1 to 5');
    await expect(repos.pipeline.setReadiness(useCaseId, 'dataQuality', { score: 2.5 })).rejects.toThrow('whole number from 1 to 5');
    await expect(repos.pipeline.setReadiness(useCaseId, 'nope' as 'dataQuality', { score: 3 })).rejects.toThrow('Unknown readiness dimension');
    await expect(repos.pipeline.setReadiness('missing', 'dataQuality', { score: 3 })).rejects.toThrow('no longer exists');
    expect(await readinessOf()).toEqual([]);
  });
});

describe('the pilot design', () => {
  it('creates the row on the first edit and coalesces typing in one field', async () => {
    expect(await pilotOf()).toBeUndefined();
    const before = await historySteps();
    for (const text of ['M', 'Motor', 'Motor claims']) expect(await repos.pipeline.setPilotField(useCaseId, 'scope', text)).toBe('edited');
    const row = await pilotOf();
    expect(pilotDesignSchema.safeParse(row).success).toBe(true);
    expect(row).toMatchObject({ scope: 'Motor claims', workflow: '', usesProductionData: null, amendments: [] });
    expect(await historySteps()).toBe(before + 1);
    expect(await undoLabel()).toBe('Edit pilot: Scope');
  });

  it('stores every field as a plain edit before the pilot starts, with no amendment', async () => {
    await repos.pipeline.setPilotField(useCaseId, 'scope', 'Motor claims under 5,000 EUR');
    await repos.pipeline.setPilotField(useCaseId, 'workflow', 'First notice of loss to triage');
    await repos.pipeline.setPilotField(useCaseId, 'usesProductionData', true);
    await repos.pipeline.setPilotField(useCaseId, 'successCriteria', 'Triage time −30 %');
    await repos.pipeline.setPilotField(useCaseId, 'partialSuccessCriteria', 'Triage time −10 %');
    await repos.pipeline.setPilotField(useCaseId, 'failureCriteria', 'No change');
    // Moving into pilot design does not lock it yet: only the start of the pilot does.
    await repos.pipeline.recordDecision(useCaseId, gate('readiness', 'pilot-design'));
    expect(await repos.pipeline.setPilotField(useCaseId, 'failureCriteria', 'No change, or more complaints')).toBe('edited');
    expect(await pilotOf()).toMatchObject({
      scope: 'Motor claims under 5,000 EUR',
      workflow: 'First notice of loss to triage',
      usesProductionData: true,
      successCriteria: 'Triage time −30 %',
      partialSuccessCriteria: 'Triage time −10 %',
      failureCriteria: 'No change, or more complaints',
      amendments: [],
    });
  });

  it('refuses a value of the wrong type for the field', async () => {
    await expect(repos.pipeline.setPilotField(useCaseId, 'usesProductionData', 'yes')).rejects.toThrow('does not fit');
    await expect(repos.pipeline.setPilotField(useCaseId, 'scope', true)).rejects.toThrow('does not fit');
    expect(await pilotOf()).toBeUndefined();
  });

  describe('once the pilot has started', () => {
    beforeEach(async () => {
      await repos.pipeline.setPilotField(useCaseId, 'successCriteria', 'Triage time −30 %');
      await startPilot();
    });

    it('is locked from the moment the use case entered the pilot', async () => {
      const [uc, ds] = await Promise.all([repos.useCases.get(useCaseId), repos.pipeline.decisions(workshopId)]);
      if (!uc) throw new Error('no use case');
      expect(pilotLockedAt(uc, ds)).toBe(ds.find((d) => d.toStage === 'pilot')?.createdAt);
    });

    it('refuses an edit without a reason and stores nothing', async () => {
      const before = await pilotOf();
      const steps = await historySteps();
      await expect(repos.pipeline.setPilotField(useCaseId, 'successCriteria', 'Triage time −10 %')).rejects.toThrow(/locked/);
      await expect(repos.pipeline.setPilotField(useCaseId, 'successCriteria', 'Triage time −10 %', '   ')).rejects.toThrow(/locked/);
      expect(await pilotOf()).toEqual(before);
      expect(await historySteps()).toBe(steps);
    });

    it('keeps an edit with a reason as an amendment with before, after and reason', async () => {
      expect(await repos.pipeline.setPilotField(useCaseId, 'successCriteria', 'Triage time −20 %', '  Sponsor lowered the bar  ')).toBe('amended');
      const row = await pilotOf();
      expect(row?.successCriteria).toBe('Triage time −20 %');
      expect(row?.amendments).toHaveLength(1);
      expect(row?.amendments[0]).toMatchObject({
        field: 'Success criteria (go)',
        before: 'Triage time −30 %',
        after: 'Triage time −20 %',
        reason: 'Sponsor lowered the bar',
      });
      expect(await undoLabel()).toBe('Amend pilot: Success criteria (go)');
      const audit = await db.auditLog.where('workshopId').equals(workshopId).toArray();
      expect(audit.some((a) => a.summary.includes('reason: Sponsor lowered the bar'))).toBe(true);
    });

    it('keeps each amendment as its own entry, never merged, and words the production-data answer', async () => {
      await repos.pipeline.setPilotField(useCaseId, 'usesProductionData', false, 'Only a lab extract was approved');
      await repos.pipeline.setPilotField(useCaseId, 'usesProductionData', true, 'Production access granted');
      const row = await pilotOf();
      expect(row?.amendments.map((a) => [a.field, a.before, a.after])).toEqual([
        ['Runs on production data', 'not decided', 'no'],
        ['Runs on production data', 'no', 'yes'],
      ]);
      expect(row?.usesProductionData).toBe(true);
    });

    it('records nothing when the amended value is the same as the stored one', async () => {
      const steps = await historySteps();
      expect(await repos.pipeline.setPilotField(useCaseId, 'successCriteria', 'Triage time −30 %', 'No change really')).toBe('unchanged');
      expect((await pilotOf())?.amendments).toEqual([]);
      expect(await historySteps()).toBe(steps);
    });

    it('keeps the locked design out of reach of undo, and stays locked', async () => {
      // Starting the pilot took the earlier plain edit out of the undo history: Ctrl+Z reaches past it.
      expect(await undoLabel()).toBe('Add use case');
      const before = await pilotOf();
      expect(before?.successCriteria).toBe('Triage time −30 %');
      await expect(repos.pipeline.setPilotField(useCaseId, 'scope', 'Anything')).rejects.toThrow(/locked/);
      expect(await pilotOf()).toEqual(before);
      expect(await repos.pipeline.setPilotField(useCaseId, 'scope', 'Motor claims', 'Scope was never written down')).toBe('amended');
      expect((await pilotOf())?.amendments).toMatchObject([{ field: 'Scope', before: '', after: 'Motor claims' }]);
    });

    it('undoes an amendment together with the change it explains', async () => {
      await repos.pipeline.setPilotField(useCaseId, 'successCriteria', 'Triage time −20 %', 'Sponsor lowered the bar');
      await repos.history.undo(workshopId);
      const row = await pilotOf();
      expect(row?.successCriteria).toBe('Triage time −30 %');
      expect(row?.amendments).toEqual([]);
    });

    it('does not lock the pilot design of another use case', async () => {
      const other = (await repos.useCases.add(workshopId, { title: 'Fraud flags' })).id;
      expect(await repos.pipeline.setPilotField(other, 'scope', 'Home claims')).toBe('edited');
    });
  });

  it('is locked from creation for a use case that came in past the pilot design (an imported file)', async () => {
    const uc = await repos.useCases.add(workshopId, { title: 'Running pilot' });
    await repos.useCases.update(uc.id, { stage: 'hardening' });
    await expect(repos.pipeline.setPilotField(uc.id, 'scope', 'x')).rejects.toThrow(/locked/);
    expect(await repos.pipeline.setPilotField(uc.id, 'scope', 'x', 'Written down after the fact')).toBe('amended');
  });
});
