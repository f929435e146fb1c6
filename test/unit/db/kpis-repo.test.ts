import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Repos } from '../../../renderer/db';
import type { LiftoffDb } from '../../../renderer/db/schema';
import { closeTestWorkshop, openTestWorkshop } from './test-workshop';
import { KpiValidationError } from '../../../renderer/db/kpis-repo';
import { kpiSchema, measurementSchema, type Kpi } from '../../../renderer/domain/model';
import { kpiStatus } from '../../../renderer/domain/kpi';

let db: LiftoffDb;
let repos: Repos;
let workshopId: string;
let useCaseId: string;

beforeEach(async () => {
  ({ db, repos, workshopId, useCaseId } = await openTestWorkshop('kpis'));
});
afterEach(() => closeTestWorkshop(db));

async function fallbackRate(): Promise<Kpi> {
  return repos.kpis.addFromLibrary(useCaseId, 'fallback-rate');
}

describe('adding KPIs', () => {
  it('adds a KPI from the library with its unit, direction, timing and role', async () => {
    const k = await fallbackRate();
    expect(k).toMatchObject({ useCaseId, workshopId, layer: 'operational-performance', name: 'Fallback rate', unit: '%', direction: 'lower-is-better', timing: 'leading', role: 'target', baseline: null, greenAt: null, redAt: null, tolerancePct: 10, stabilizationCount: 3 });
    expect(k.redAction).not.toBe('');
    expect(kpiSchema.safeParse(k).success).toBe(true);
    expect(await repos.kpis.list(workshopId)).toEqual([k]);
    expect((await repos.audit.list(workshopId)).map((a) => a.action)).toContain('Add KPI "Fallback rate"');
  });

  it('the library KPI is editable afterwards', async () => {
    const k = await fallbackRate();
    await repos.kpis.update(k.id, { name: 'Fallback to manual triage', unit: 'share of claims' });
    expect(await repos.kpis.get(k.id)).toMatchObject({ name: 'Fallback to manual triage', unit: 'share of claims' });
  });

  it('adds a custom KPI and refuses an unknown template, an empty name or a missing use case', async () => {
    const k = await repos.kpis.add(useCaseId, 'business-impact', '  Claims reopened ');
    expect(k).toMatchObject({ name: 'Claims reopened', layer: 'business-impact', direction: 'higher-is-better' });
    await expect(repos.kpis.addFromLibrary(useCaseId, 'nope')).rejects.toThrow(/library/);
    await expect(repos.kpis.add(useCaseId, 'business-impact', '  ')).rejects.toThrow(/name/);
    await expect(repos.kpis.addFromLibrary('no-such-use-case', 'accuracy')).rejects.toThrow(/use case/);
    expect(await repos.kpis.list(workshopId)).toHaveLength(1);
  });

  it('undo takes an added KPI back', async () => {
    await fallbackRate();
    await repos.history.undo(workshopId);
    expect(await repos.kpis.list(workshopId)).toEqual([]);
  });
});

describe('editing a KPI', () => {
  it('stores consistent thresholds with their actions', async () => {
    const k = await fallbackRate();
    await repos.kpis.update(k.id, { baseline: 30, target: 10, greenAt: 12, redAt: 20, redAction: 'Manual triage for all claims' });
    expect(await repos.kpis.get(k.id)).toMatchObject({ baseline: 30, target: 10, greenAt: 12, redAt: 20, redAction: 'Manual triage for all claims' });
  });

  it('rejects thresholds that contradict the direction, storing nothing', async () => {
    const k = await fallbackRate();
    await repos.kpis.update(k.id, { greenAt: 12, redAt: 20 });
    const before = await repos.kpis.get(k.id);
    const auditBefore = (await repos.audit.list(workshopId)).length;
    const err = await repos.kpis.update(k.id, { greenAt: 25 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KpiValidationError);
    expect((err as KpiValidationError).errors.greenAt).toBe('Lower is better, so green (25%) must be below red (20%).');
    expect(await repos.kpis.get(k.id)).toEqual(before);
    expect((await repos.audit.list(workshopId)).length).toBe(auditBefore);
    // Turning the direction round would make the stored thresholds contradict it: refused too.
    await expect(repos.kpis.update(k.id, { direction: 'higher-is-better' })).rejects.toThrow(/green/);
    // Both in one change is fine.
    await repos.kpis.update(k.id, { direction: 'higher-is-better', greenAt: 90, redAt: 80 });
    expect(await repos.kpis.get(k.id)).toMatchObject({ direction: 'higher-is-better', greenAt: 90, redAt: 80 });
  });

  it('rejects an empty name, a bad number or a bad count, storing nothing', async () => {
    const k = await fallbackRate();
    await expect(repos.kpis.update(k.id, { name: ' ' })).rejects.toThrow(KpiValidationError);
    await expect(repos.kpis.update(k.id, { target: Number.NaN })).rejects.toThrow(/number/);
    await expect(repos.kpis.update(k.id, { stabilizationCount: 0 })).rejects.toThrow(/1 to 100/);
    await expect(repos.kpis.update(k.id, { tolerancePct: -5 })).rejects.toThrow(/tolerance/);
    expect(await repos.kpis.get(k.id)).toEqual(k);
  });

  it('a target worse than the baseline is stored (it is only a warning)', async () => {
    const k = await fallbackRate();
    await repos.kpis.update(k.id, { baseline: 10, target: 15 });
    expect(await repos.kpis.get(k.id)).toMatchObject({ baseline: 10, target: 15 });
  });

  it('removes a KPI with its measurements in one undoable step', async () => {
    const k = await fallbackRate();
    await repos.kpis.importMeasurements(k.id, [
      { date: '2026-03-01', value: 14 },
      { date: '2026-03-08', value: 13 },
    ]);
    await repos.kpis.remove(k.id);
    expect(await repos.kpis.list(workshopId)).toEqual([]);
    expect(await repos.kpis.measurements(workshopId)).toEqual([]);
    await repos.history.undo(workshopId);
    expect(await repos.kpis.list(workshopId)).toHaveLength(1);
    expect(await repos.kpis.measurements(workshopId)).toHaveLength(2);
  });

  it('deleting the use case takes its KPIs and measurements along', async () => {
    const k = await fallbackRate();
    await repos.kpis.addMeasurement(k.id, { date: '2026-03-01', value: 14 });
    await repos.useCases.remove(useCaseId);
    expect(await repos.kpis.list(workshopId)).toEqual([]);
    expect(await repos.kpis.measurements(workshopId)).toEqual([]);
  });
});

describe('measurements', () => {
  it('adds and removes a measurement, each undoable', async () => {
    const k = await fallbackRate();
    const m = await repos.kpis.addMeasurement(k.id, { date: '2026-03-01', value: 14.5 });
    expect(measurementSchema.safeParse(m).success).toBe(true);
    expect(await repos.kpis.measurementsOf(k.id)).toEqual([m]);
    await repos.kpis.removeMeasurement(m.id);
    expect(await repos.kpis.measurementsOf(k.id)).toEqual([]);
    await repos.history.undo(workshopId);
    expect(await repos.kpis.measurementsOf(k.id)).toEqual([m]);
    await repos.history.undo(workshopId);
    expect(await repos.kpis.measurementsOf(k.id)).toEqual([]);
    await repos.history.redo(workshopId);
    expect(await repos.kpis.measurementsOf(k.id)).toEqual([m]);
  });

  it('refuses an impossible date or a value that is not a number', async () => {
    const k = await fallbackRate();
    await expect(repos.kpis.addMeasurement(k.id, { date: '2026-02-30', value: 1 })).rejects.toThrow(/calendar date/);
    await expect(repos.kpis.addMeasurement(k.id, { date: '01.03.2026', value: 1 })).rejects.toThrow(/calendar date/);
    await expect(repos.kpis.addMeasurement(k.id, { date: '2026-03-01', value: Number.NaN })).rejects.toThrow(/number/);
    await expect(repos.kpis.addMeasurement(k.id, { date: '2026-03-01', value: '12' as unknown as number })).rejects.toThrow(/number/);
    expect(await repos.kpis.measurementsOf(k.id)).toEqual([]);
  });

  it('a paste is one undo step, and a bad row stores nothing', async () => {
    const k = await fallbackRate();
    await repos.kpis.addMeasurement(k.id, { date: '2026-02-22', value: 30 });
    const rows = [
      { date: '2026-03-01', value: 18 },
      { date: '2026-03-08', value: 15 },
      { date: '2026-03-15', value: 11 },
    ];
    await expect(repos.kpis.importMeasurements(k.id, [...rows, { date: 'x', value: 1 }])).rejects.toThrow(/Row 4/);
    expect(await repos.kpis.measurementsOf(k.id)).toHaveLength(1);
    await repos.kpis.importMeasurements(k.id, rows);
    expect((await repos.kpis.measurementsOf(k.id)).map((m) => m.value)).toEqual([30, 18, 15, 11]);
    expect((await repos.history.peek(workshopId)).undoLabel).toBe('Paste 3 measurements into "Fallback rate"');
    await repos.history.undo(workshopId);
    expect((await repos.kpis.measurementsOf(k.id)).map((m) => m.value)).toEqual([30]);
  });

  it('status follows the stored measurements', async () => {
    const k = await fallbackRate();
    const edited = await repos.kpis.update(k.id, { greenAt: 12, redAt: 20 });
    await repos.kpis.importMeasurements(k.id, [
      { date: '2026-03-01', value: 10 },
      { date: '2026-03-08', value: 22 },
    ]);
    const s = kpiStatus(edited, await repos.kpis.measurements(workshopId));
    expect(s.band).toBe('red');
    expect(s.action).toBe(edited.redAction);
  });

  it('edits a measurement value', async () => {
    const k = await fallbackRate();
    const m = await repos.kpis.addMeasurement(k.id, { date: '2026-03-01', value: 14 });
    await repos.kpis.updateMeasurement(m.id, { value: 13 });
    expect((await repos.kpis.measurementsOf(k.id))[0]?.value).toBe(13);
    await expect(repos.kpis.updateMeasurement(m.id, { date: '2026-13-01' })).rejects.toThrow(/calendar/);
  });
});
