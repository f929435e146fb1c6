import { describe, expect, it } from 'vitest';
import { evidenceLineMessages, evidenceLines, gateEvidence, type GateRows } from '../../../renderer/domain/gate-review';
import type { ControlItem, Kpi, Measurement, PilotDesign, Risk, Stage } from '../../../renderer/domain/model';
import { makeUseCase } from '../../fixtures/factories';
import { say } from '../support/app-translators';

const T = '2026-11-23T09:00:00.000Z';
const owned = (id: string) => ({ id, workshopId: 'w1', createdAt: T, updatedAt: T });
function kpi(over: Partial<Kpi> = {}): Kpi {
  return {
    ...owned('k1'), useCaseId: 'u1', layer: 'business-impact', name: 'Durchlaufzeit', unit: 'h', direction: 'lower-is-better', definition: '',
    baseline: 18, target: 8, greenAt: 8, redAt: 12, greenAction: '', amberAction: '', redAction: '', timing: 'lagging', role: 'target', owner: '',
    forecast: null, tolerancePct: 10, stabilizationCount: 3, ...over,
  };
}
let seq = 0;
function m(date: string, value: number, kpiId = 'k1'): Measurement {
  seq++;
  return { ...owned(`m${String(seq).padStart(4, '0')}`), kpiId, date, value, note: '' };
}
const uc = makeUseCase({ id: 'u1', title: 'Schadensmeldungsvorprüfungsassistent', stage: 'gate' });
const design: PilotDesign = {
  ...owned('p1'), useCaseId: 'u1', scope: '', workflow: '', usesProductionData: true,
  successCriteria: '- Durchlaufzeit unter 8 h', partialSuccessCriteria: 'Kosten stabil', failureCriteria: 'Durchlaufzeit über 12 h',
  amendments: [{ at: '2026-11-30T10:00:00.000Z', field: 'Success criteria', before: 'a', after: 'b', reason: 'Sponsor wollte es strenger' }],
};
const control = (over: Partial<ControlItem> = {}): ControlItem => ({ ...owned(`c-${over.key ?? 'x'}`), useCaseId: 'u1', checklist: 'hardening', key: 'monitoring', order: 1, label: 'Überwachung', status: 'done', owner: '', dueDate: '', ...over });
const rows = (over: Partial<GateRows> = {}): GateRows => ({ readiness: [], pilotDesigns: [design], gateDecisions: [], kpis: [kpi()], measurements: [], risks: [], controls: [], ...over });
const evidence = (r: GateRows, from: Stage = 'gate', to: Stage = 'hardening') => gateEvidence(uc, r, from, to, '2026-12-15');

describe('x', () => {
  it('prints', () => {
    const e = evidence(rows({ kpis: [kpi({ role: 'guardrail', baseline: 9 }), kpi({ id: 'k2', name: 'Kosten', unit: '€', greenAt: 1000, redAt: 1500.5 })], measurements: [m('2026-12-01', 14), m('2026-12-03', 15), m('2026-12-02', 1234.5, 'k2')] }));
    console.log(evidenceLines(e));
    for (const l of ['en', 'de', 'fr'] as const) console.log(evidenceLineMessages(e).map((x) => say(l, x)));
    const e2 = evidence(rows({ kpis: [kpi({ forecast: 6 })], measurements: [m('2026-12-01', 9), m('2026-12-02', 7.5), m('2026-12-03', 7.8)] }), 'rollout', 'scale');
    console.log(evidenceLines(e2));
    for (const l of ['en', 'de', 'fr'] as const) console.log(evidenceLineMessages(e2).map((x) => say(l, x)));
  });
});
