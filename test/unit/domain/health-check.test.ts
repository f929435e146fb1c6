import { describe, expect, it } from 'vitest';
import {
  HEALTH_CHECK_IDS,
  HEALTH_CHECKS,
  countBySeverity,
  healthCheck,
  roadmapPlansPilotWithoutSprint,
  type HealthFinding,
} from '../../../renderer/domain/health-check';
import {
  WORKSHOP_TABLES,
  type CadenceEvent,
  type ControlItem,
  type DecisionRight,
  type GateDecision,
  type Kpi,
  type PilotDesign,
  type Readiness,
  type RoadmapItem,
  type Role,
  type Stage,
  type UseCase,
  type WorkshopRows,
} from '../../../renderer/domain/model';
import { PIPELINE } from '../../../renderer/domain/stages';
import { emptyDimensions } from '../../../renderer/domain/readiness';
import { makeUseCase, makeWorkshop } from '../../fixtures/factories';

const T = '2026-11-23T09:00:00.000Z';
const TODAY = '2026-12-15';
const ws = makeWorkshop();

function emptyRows(): WorkshopRows {
  return Object.fromEntries(WORKSHOP_TABLES.map((t) => [t, []])) as unknown as WorkshopRows;
}

const owned = (id: string) => ({ id, workshopId: 'w1', createdAt: T, updatedAt: T });

function readiness(useCaseId: string, score: number | null): Readiness {
  const dimensions = emptyDimensions();
  for (const k of Object.keys(dimensions) as (keyof typeof dimensions)[]) dimensions[k] = { score, evidence: 'seen' };
  return { ...owned(`r-${useCaseId}`), useCaseId, dimensions };
}

function pilot(useCaseId: string, over: Partial<PilotDesign> = {}): PilotDesign {
  return {
    ...owned(`p-${useCaseId}`),
    useCaseId,
    scope: 'Motor claims in one region',
    workflow: 'First notice of loss to adjuster assignment',
    usesProductionData: true,
    successCriteria: 'Triage time halves',
    partialSuccessCriteria: '',
    failureCriteria: 'Misroutes above 5 %',
    amendments: [],
    ...over,
  };
}

function kpi(useCaseId: string, baseline: number | null, id = `k-${useCaseId}`): Kpi {
  return {
    ...owned(id),
    useCaseId,
    layer: 'business-impact',
    name: 'Triage time',
    unit: 'min',
    direction: 'lower-is-better',
    definition: '',
    baseline,
    target: 20,
    greenAt: null,
    redAt: null,
    greenAction: '',
    amberAction: '',
    redAction: '',
    timing: 'lagging',
    role: 'target',
    owner: '',
    forecast: null,
    tolerancePct: 10,
    stabilizationCount: 3,
  };
}

function control(useCaseId: string, key: string, status: ControlItem['status'] = 'done', over: Partial<ControlItem> = {}): ControlItem {
  const checklist: ControlItem['checklist'] = ['runbook', 'model-card', 'named-owner'].includes(key)
    ? 'documentation'
    : ['drift-detection'].includes(key)
      ? 'data-mlops'
      : 'hardening';
  return { ...owned(`c-${useCaseId}-${key}`), useCaseId, checklist, key, order: 1, label: key, status, owner: '', dueDate: '', ...over };
}

const role = (id: string): Role => ({ ...owned(id), order: 1, name: id, person: '' });
const right = (id: string, assignments: DecisionRight['assignments']): DecisionRight => ({ ...owned(id), order: 1, decision: id, assignments });
const cadence = (): CadenceEvent => ({
  ...owned('cad1'),
  order: 1,
  kind: 'weekly-execution-review',
  title: 'Weekly execution review',
  frequency: 'weekly',
  weekday: 1,
  weekOfMonth: 1,
  time: '09:30',
  durationMinutes: 45,
  attendees: '',
});

let seq = 0;
function decision(useCaseId: string, toStage: Stage): GateDecision {
  seq += 1;
  return {
    ...owned(`d${seq}`),
    useCaseId,
    useCaseTitle: useCaseId,
    seq,
    fromStage: 'readiness',
    toStage,
    criteria: [],
    decision: toStage === 'stopped' ? 'stop' : 'advance',
    rationale: 'Agreed',
    decidedBy: 'Board',
    nextActionsOwner: 'Dana',
    date: '2026-11-23',
    prevHash: '',
    hash: '',
  };
}

const ALL_CONTROL_KEYS = ['api-integration', 'human-fallback', 'monitoring', 'drift-detection', 'runbook', 'model-card', 'named-owner'];

/** A use case with every piece in place for its stage: the health check finds nothing. */
function healthyRows(stage: Exclude<Stage, 'stopped'>, id = 'uc1'): { rows: WorkshopRows; uc: UseCase } {
  const rows = emptyRows();
  const uc = makeUseCase({ id, title: `Claims triage ${id}`, stage, businessOwner: 'Dana Whitfield', problem: 'Adjusters triage by hand' });
  rows.useCases.push(uc);
  rows.readiness.push(readiness(id, 4));
  rows.pilotDesigns.push(pilot(id));
  rows.kpis.push(kpi(id, 42));
  for (const key of ALL_CONTROL_KEYS) rows.controls.push(control(id, key));
  rows.roles.push(role('Product owner'));
  rows.decisionRights.push(right('Gate approval', [{ roleId: 'Product owner', raci: 'A' }]));
  rows.cadence.push(cadence());
  return { rows, uc };
}

const run = (rows: WorkshopRows, today = TODAY) => healthCheck(ws, rows, today);
const ofCheck = (findings: HealthFinding[], id: string) => findings.filter((f) => f.checkId === id);
const severityAt = (stage: Exclude<Stage, 'stopped'>, mutate: (rows: WorkshopRows, uc: UseCase) => void, checkId: string) => {
  const { rows, uc } = healthyRows(stage);
  mutate(rows, uc);
  return ofCheck(run(rows), checkId).map((f) => f.severity)[0] ?? null;
};
/** The severity of a check at every stage, in pipeline order (null where it does not fire). */
const acrossStages = (mutate: (rows: WorkshopRows, uc: UseCase) => void, checkId: string) =>
  PIPELINE.map((stage) => severityAt(stage, mutate, checkId));

describe('the health check', () => {
  it('finds nothing when every piece is in place, at every stage', () => {
    for (const stage of PIPELINE) expect(run(healthyRows(stage).rows)).toEqual([]);
  });

  it('lists every check once, each with a title, a when and a why of its own', () => {
    expect(HEALTH_CHECKS.map((c) => c.id)).toEqual([...HEALTH_CHECK_IDS]);
    for (const c of HEALTH_CHECKS) {
      expect(c.title.length).toBeGreaterThan(5);
      expect(c.when.length).toBeGreaterThan(5);
      expect(c.why).toMatch(/\.$/);
    }
  });

  describe('no-readiness', () => {
    const drop = (rows: WorkshopRows) => void rows.readiness.splice(0);
    it('is medium at Stage 0 and high once past it', () => {
      expect(acrossStages(drop, 'no-readiness')).toEqual(['medium', 'high', 'high', 'high', 'high', 'high', 'high']);
    });
    it('fires while some dimension is still unscored, and says which', () => {
      const { rows } = healthyRows('readiness');
      rows.readiness[0]!.dimensions.systemAccess.score = null;
      const [f] = ofCheck(run(rows), 'no-readiness');
      expect(f?.detail).toContain('System access');
      expect(f?.fix).toEqual({ tab: 'pipeline', useCaseId: 'uc1', section: 'readiness', label: 'Score the readiness diagnostic' });
    });
    it('disappears once the diagnostic is scored', () => {
      const { rows } = healthyRows('readiness');
      drop(rows);
      expect(ofCheck(run(rows), 'no-readiness')).toHaveLength(1);
      rows.readiness.push(readiness('uc1', 3));
      expect(ofCheck(run(rows), 'no-readiness')).toHaveLength(0);
    });
  });

  describe('sprint-ignored', () => {
    const sprint = (rows: WorkshopRows) => void (rows.readiness[0] = readiness('uc1', 2));
    it('does not fire at Stage 0, and is high from the pilot design on', () => {
      expect(acrossStages(sprint, 'sprint-ignored')).toEqual([null, 'high', 'high', 'high', 'high', 'high', 'high']);
    });
    it('fires at Stage 0 when the roadmap plans a pilot phase and no readiness sprint', () => {
      const { rows } = healthyRows('readiness');
      sprint(rows);
      const phase = (label: string, id: string): RoadmapItem => ({ ...owned(id), useCaseId: 'uc1', kind: 'phase', label, startDay: 1, endDay: 30 });
      rows.roadmapItems.push(phase('Controlled pilot', 'ph1'));
      expect(ofCheck(run(rows), 'sprint-ignored').map((f) => f.severity)).toEqual(['high']);
      rows.roadmapItems.push(phase('Readiness sprint', 'ph2'));
      expect(ofCheck(run(rows), 'sprint-ignored')).toEqual([]);
    });
    it('does not take the template\'s "Readiness & baseline" phase for a readiness sprint', () => {
      const item = (id: string, label: string, phaseKey: RoadmapItem['phaseKey']): RoadmapItem => ({
        ...owned(id),
        useCaseId: 'uc1',
        kind: 'phase',
        label,
        phaseKey,
        startDay: 1,
        endDay: 20,
      });
      const plan = [item('p1', 'Readiness & baseline', 'readiness-baseline'), item('p2', 'Pilot with instrumentation and reviews', 'pilot')];
      expect(roadmapPlansPilotWithoutSprint(plan, 'uc1')).toBe(true);
      expect(roadmapPlansPilotWithoutSprint([item('p0', 'Readiness sprint', 'readiness-sprint'), ...plan], 'uc1')).toBe(false);
    });
    it('reads the roadmap phases of that use case only', () => {
      const items: RoadmapItem[] = [
        { ...owned('a'), useCaseId: 'uc1', kind: 'phase', label: 'Pilot', startDay: 1, endDay: 9 },
        { ...owned('b'), useCaseId: 'uc2', kind: 'phase', label: 'Readiness sprint', startDay: 1, endDay: 9 },
        { ...owned('c'), useCaseId: 'uc1', kind: 'gate', label: 'Sprint review', startDay: 9, endDay: 9 },
      ];
      expect(roadmapPlansPilotWithoutSprint(items, 'uc1')).toBe(true);
      expect(roadmapPlansPilotWithoutSprint(items, 'uc2')).toBe(false);
    });
    it('disappears when the readiness is scored again and says start', () => {
      const { rows } = healthyRows('pilot');
      sprint(rows);
      expect(ofCheck(run(rows), 'sprint-ignored')).toHaveLength(1);
      rows.readiness[0] = readiness('uc1', 4);
      expect(ofCheck(run(rows), 'sprint-ignored')).toHaveLength(0);
    });
  });

  describe('no-success-criteria', () => {
    const clear = (rows: WorkshopRows) => void (rows.pilotDesigns[0]!.failureCriteria = '  ');
    it('is medium at the pilot design and high once the pilot runs', () => {
      expect(acrossStages(clear, 'no-success-criteria')).toEqual([null, 'medium', 'high', 'high', 'high', 'high', 'high']);
    });
    it('fires when there is no pilot design at all, naming both criteria', () => {
      const { rows } = healthyRows('pilot-design');
      rows.pilotDesigns.splice(0);
      expect(ofCheck(run(rows), 'no-success-criteria')[0]?.detail).toBe('No success or failure criteria are written.');
    });
    it('disappears once both are written', () => {
      const { rows } = healthyRows('pilot');
      clear(rows);
      expect(ofCheck(run(rows), 'no-success-criteria')).toHaveLength(1);
      rows.pilotDesigns[0]!.failureCriteria = 'Misroutes above 5 %';
      expect(ofCheck(run(rows), 'no-success-criteria')).toHaveLength(0);
    });
  });

  describe('no-baseline', () => {
    const noBaseline = (rows: WorkshopRows) => void (rows.kpis[0]!.baseline = null);
    it('is medium at the pilot design and high once the pilot runs', () => {
      expect(acrossStages(noBaseline, 'no-baseline')).toEqual([null, 'medium', 'high', 'high', 'high', 'high', 'high']);
    });
    it('points to the KPIs of the use case and says whether any KPI exists', () => {
      const { rows } = healthyRows('pilot-design');
      rows.kpis.splice(0);
      const [f] = ofCheck(run(rows), 'no-baseline');
      expect(f?.detail).toBe('No KPI is defined, so there is no baseline.');
      expect(f?.fix).toEqual({ tab: 'kpis', useCaseId: 'uc1', label: 'Record a KPI baseline' });
    });
    it('is satisfied by one KPI with a baseline, even a zero', () => {
      const { rows } = healthyRows('pilot');
      rows.kpis = [kpi('uc1', null, 'k1'), kpi('uc1', 0, 'k2')];
      expect(ofCheck(run(rows), 'no-baseline')).toHaveLength(0);
      rows.kpis[1]!.baseline = null;
      expect(ofCheck(run(rows), 'no-baseline')[0]?.detail).toBe('None of its 2 KPIs has a baseline value.');
    });
  });

  describe('no-accountable-owner', () => {
    const noOwner = (_rows: WorkshopRows, uc: UseCase) => void (uc.businessOwner = ' ');
    it('is low at Stage 0 and high from the pilot design on', () => {
      expect(acrossStages(noOwner, 'no-accountable-owner')).toEqual(['low', 'high', 'high', 'high', 'high', 'high', 'high']);
    });
    it('links to the use cases tab and disappears once an owner is named', () => {
      const { rows, uc } = healthyRows('readiness');
      uc.businessOwner = '';
      const [f] = ofCheck(run(rows), 'no-accountable-owner');
      expect(f?.fix).toEqual({ tab: 'use-cases', useCaseId: 'uc1', label: 'Name the business owner' });
      uc.businessOwner = 'Dana Whitfield';
      expect(ofCheck(run(rows), 'no-accountable-owner')).toEqual([]);
    });
    it('flags decisions without exactly one Accountable as a workshop finding', () => {
      const { rows } = healthyRows('pilot');
      rows.roles.push(role('Ops lead'));
      rows.decisionRights.push(right('Release to production', [{ roleId: 'Ops lead', raci: 'R' }]));
      rows.decisionRights.push(
        right('Pilot scope', [
          { roleId: 'Ops lead', raci: 'A' },
          { roleId: 'Product owner', raci: 'A' },
        ]),
      );
      const [f, ...rest] = ofCheck(run(rows), 'no-accountable-owner');
      expect(rest).toEqual([]);
      expect(f).toMatchObject({ useCaseId: null, useCaseTitle: null, severity: 'high', fix: { tab: 'governance' } });
      expect(f?.detail).toContain('"Release to production" has no Accountable role.');
      expect(f?.detail).toContain('"Pilot scope" has 2 Accountable roles');
      rows.decisionRights.splice(1);
      expect(ofCheck(run(rows), 'no-accountable-owner')).toEqual([]);
    });
    it('rates RACI gaps low while every use case is still at Stage 0', () => {
      const { rows } = healthyRows('readiness');
      rows.decisionRights[0]!.assignments = [];
      expect(ofCheck(run(rows), 'no-accountable-owner').map((f) => [f.useCaseId, f.severity])).toEqual([[null, 'low']]);
    });
    it('flags a workshop with no roles only once a use case is past Stage 0', () => {
      const noRoles = (rows: WorkshopRows) => {
        rows.roles.splice(0);
        rows.decisionRights.splice(0);
      };
      expect(acrossStages(noRoles, 'no-accountable-owner')).toEqual([null, 'medium', 'high', 'high', 'high', 'high', 'high']);
    });
  });

  describe('no-operational-fit', () => {
    it('fires from the pilot design on when the workflow is missing', () => {
      const noWorkflow = (rows: WorkshopRows) => void (rows.pilotDesigns[0]!.workflow = '');
      expect(acrossStages(noWorkflow, 'no-operational-fit')).toEqual([null, 'medium', 'high', 'high', 'high', 'high', 'high']);
    });
    it('sends a missing problem statement to the use cases tab first', () => {
      const { rows, uc } = healthyRows('pilot-design');
      uc.problem = '';
      rows.pilotDesigns[0]!.workflow = '';
      const [f] = ofCheck(run(rows), 'no-operational-fit');
      expect(f?.detail).toBe('Not written down yet: the problem or decision point it serves and the real workflow the pilot runs in.');
      expect(f?.fix.tab).toBe('use-cases');
      uc.problem = 'Adjusters triage by hand';
      expect(ofCheck(run(rows), 'no-operational-fit')[0]?.fix).toMatchObject({ tab: 'pipeline', section: 'pilot' });
      rows.pilotDesigns[0]!.workflow = 'FNOL to assignment';
      expect(ofCheck(run(rows), 'no-operational-fit')).toEqual([]);
    });
  });

  describe('lab-clean-data', () => {
    it('is high on a cleaned extract once the pilot runs, medium at the design', () => {
      const lab = (rows: WorkshopRows) => void (rows.pilotDesigns[0]!.usesProductionData = false);
      expect(acrossStages(lab, 'lab-clean-data')).toEqual([null, 'medium', 'high', 'high', 'high', 'high', 'high']);
    });
    it('is medium when undecided, and only once the pilot runs', () => {
      const undecided = (rows: WorkshopRows) => void (rows.pilotDesigns[0]!.usesProductionData = null);
      expect(acrossStages(undecided, 'lab-clean-data')).toEqual([null, null, 'medium', 'medium', 'medium', 'medium', 'medium']);
    });
    it('disappears once the pilot runs on production data', () => {
      const { rows } = healthyRows('pilot');
      rows.pilotDesigns[0]!.usesProductionData = false;
      expect(ofCheck(run(rows), 'lab-clean-data')).toHaveLength(1);
      rows.pilotDesigns[0]!.usesProductionData = true;
      expect(ofCheck(run(rows), 'lab-clean-data')).toHaveLength(0);
    });
  });

  describe('hardening-not-planned', () => {
    const noHardening = (rows: WorkshopRows) => void (rows.controls = rows.controls.filter((c) => c.checklist !== 'hardening'));
    it('is medium at the gate and hardening, high from the rollout on', () => {
      expect(acrossStages(noHardening, 'hardening-not-planned')).toEqual([null, null, null, 'medium', 'medium', 'high', 'high']);
    });
    it('counts a checklist where every item is not applicable as not planned', () => {
      const { rows } = healthyRows('gate');
      rows.controls = rows.controls.map((c) => (c.checklist === 'hardening' ? { ...c, status: 'n/a' } : c));
      expect(ofCheck(run(rows), 'hardening-not-planned')).toHaveLength(1);
      rows.controls.push(control('uc1', 'retries', 'todo'));
      expect(ofCheck(run(rows), 'hardening-not-planned')).toHaveLength(0);
    });
  });

  describe('no-human-fallback', () => {
    it('flags a missing fallback from the gate on', () => {
      const missing = (rows: WorkshopRows) => void (rows.controls = rows.controls.filter((c) => c.key !== 'human-fallback'));
      expect(acrossStages(missing, 'no-human-fallback')).toEqual([null, null, null, 'medium', 'medium', 'high', 'high']);
    });
    it('accepts a planned fallback until the rollout, then wants it done', () => {
      const planned = (rows: WorkshopRows) => void (rows.controls.find((c) => c.key === 'human-fallback')!.status = 'in-progress');
      expect(acrossStages(planned, 'no-human-fallback')).toEqual([null, null, null, null, null, 'high', 'high']);
    });
    it('says when it is marked not applicable at the rollout', () => {
      const { rows } = healthyRows('rollout');
      rows.controls.find((c) => c.key === 'human-fallback')!.status = 'n/a';
      const [f] = ofCheck(run(rows), 'no-human-fallback');
      expect(f?.detail).toContain('fallback to a human is marked not applicable');
      expect(f?.fix).toMatchObject({ tab: 'pipeline', section: 'controls', useCaseId: 'uc1' });
    });
  });

  describe('no-monitoring', () => {
    it('flags missing monitoring or drift detection from the gate on and names which', () => {
      const noDrift = (rows: WorkshopRows) => void (rows.controls = rows.controls.filter((c) => c.key !== 'drift-detection'));
      expect(acrossStages(noDrift, 'no-monitoring')).toEqual([null, null, null, 'medium', 'medium', 'high', 'high']);
      const { rows } = healthyRows('gate');
      noDrift(rows);
      expect(ofCheck(run(rows), 'no-monitoring')[0]?.detail).toContain('drift detection is not on the checklist');
    });
    it('wants both done at the rollout', () => {
      const todo = (rows: WorkshopRows) => void (rows.controls.find((c) => c.key === 'monitoring')!.status = 'todo');
      expect(acrossStages(todo, 'no-monitoring')).toEqual([null, null, null, null, null, 'high', 'high']);
    });
  });

  describe('no-runbook-or-model-card', () => {
    const noDocs = (rows: WorkshopRows) => void (rows.controls = rows.controls.filter((c) => c.checklist !== 'documentation'));
    it('flags missing documents from the hardening on', () => {
      expect(acrossStages(noDocs, 'no-runbook-or-model-card')).toEqual([null, null, null, null, 'medium', 'high', 'high']);
    });
    it('lists what is missing and disappears when done', () => {
      const { rows } = healthyRows('rollout');
      rows.controls.find((c) => c.key === 'runbook')!.status = 'todo';
      rows.controls = rows.controls.filter((c) => c.key !== 'model-card');
      const [f] = ofCheck(run(rows), 'no-runbook-or-model-card');
      expect(f?.detail).toContain('runbook is not done and model card is not on the checklist');
      rows.controls.find((c) => c.key === 'runbook')!.status = 'done';
      rows.controls.push(control('uc1', 'model-card'));
      expect(ofCheck(run(rows), 'no-runbook-or-model-card')).toEqual([]);
    });
  });

  describe('no-cadence', () => {
    const noMeetings = (rows: WorkshopRows) => void rows.cadence.splice(0);
    it('is a workshop finding once a use case reaches the pilot design', () => {
      expect(acrossStages(noMeetings, 'no-cadence')).toEqual([null, 'medium', 'high', 'high', 'high', 'high', 'high']);
      const { rows } = healthyRows('pilot');
      noMeetings(rows);
      expect(ofCheck(run(rows), 'no-cadence')[0]).toMatchObject({ useCaseId: null, fix: { tab: 'governance' } });
    });
  });

  describe('overdue-controls', () => {
    it('flags items past their due date and not done, as low, at any stage', () => {
      const { rows } = healthyRows('readiness');
      rows.controls.push(control('uc1', 'retries', 'todo', { id: 'late', label: 'Retries', dueDate: '2026-12-01' }));
      rows.controls.push(control('uc1', 'training', 'done', { id: 'done-late', label: 'Training', dueDate: '2026-12-01' }));
      rows.controls.push(control('uc1', 'champions', 'todo', { id: 'due-today', label: 'Champions', dueDate: TODAY }));
      const found = ofCheck(run(rows), 'overdue-controls');
      expect(found.map((f) => [f.severity, f.detail])).toEqual([['low', 'One control is past due and not done: “Retries” (due 2026-12-01).']]);
      expect(ofCheck(run(rows, '2026-11-30'), 'overdue-controls')).toEqual([]);
    });
  });

  it('flags a breached guardrail KPI as high from Stage 2 on, and never at Stages 0 and 1', () => {
    const breach = (rows: WorkshopRows, uc: UseCase) => {
      const k = rows.kpis[0] as Kpi;
      Object.assign(k, { role: 'guardrail', baseline: 42, greenAt: 30, redAt: 50 });
      rows.measurements.push({ ...owned('m1'), kpiId: k.id, date: '2026-12-01', value: 55, note: '' } as WorkshopRows['measurements'][number]);
      void uc;
    };
    expect(acrossStages(breach, 'kpi-out-of-band')).toEqual([null, null, 'high', 'high', 'high', 'high', 'high']);
    const { rows, uc } = healthyRows('pilot');
    breach(rows, uc);
    expect(ofCheck(run(rows), 'kpi-out-of-band')[0]).toMatchObject({ title: 'Guardrail KPI breached', detail: expect.stringMatching(/^Worse than its baseline: “Triage time” at 55/) });
  });

  it('flags a KPI in its red band as high from Stage 2 on, with the value, the agreed response and a link to the KPI', () => {
    const red = (rows: WorkshopRows) => {
      const k = rows.kpis[0] as Kpi;
      Object.assign(k, { greenAt: 30, redAt: 40, redAction: 'Route every case back to manual triage.' });
      rows.measurements.push({ ...owned('m1'), kpiId: k.id, date: '2026-12-01', value: 41, note: '' } as WorkshopRows['measurements'][number]);
    };
    expect(acrossStages(red, 'kpi-out-of-band')).toEqual([null, null, 'high', 'high', 'high', 'high', 'high']);
    const { rows, uc } = healthyRows('gate');
    red(rows);
    expect(ofCheck(run(rows), 'kpi-out-of-band')[0]).toMatchObject({
      severity: 'high',
      title: 'KPI in the red band',
      detail: 'In the red band: “Triage time” at 41 min; agreed response: Route every case back to manual triage.',
      fix: { tab: 'kpis', useCaseId: uc.id, kpiId: (rows.kpis[0] as Kpi).id, label: 'Open “Triage time” and act on its agreed response' },
    });
  });

  it('says so when a red KPI has no response action written', () => {
    const { rows } = healthyRows('pilot');
    const k = rows.kpis[0] as Kpi;
    Object.assign(k, { greenAt: 30, redAt: 40, redAction: '' });
    rows.measurements.push({ ...owned('m1'), kpiId: k.id, date: '2026-12-01', value: 41, note: '' } as WorkshopRows['measurements'][number]);
    expect(ofCheck(run(rows), 'kpi-out-of-band')[0]?.detail).toBe('In the red band: “Triage time” at 41 min; no response action written.');
  });

  it('flags a failed criterion in the latest gate review as high from Stage 2 on', () => {
    const failed = (rows: WorkshopRows, uc: UseCase) => {
      const d = decision(uc.id, uc.stage);
      d.criteria = [{ name: 'Model stability', result: 'fail', evidence: 'Accuracy fell in week 3' }];
      rows.gateDecisions.push(d);
    };
    const { rows, uc } = healthyRows('gate');
    failed(rows, uc);
    expect(ofCheck(run(rows), 'failed-gate-criterion')[0]).toMatchObject({ severity: 'high', detail: 'The latest gate review (2026-11-23) failed “Model stability”.' });
    const early = healthyRows('pilot-design');
    failed(early.rows, early.uc);
    expect(ofCheck(run(early.rows), 'failed-gate-criterion')).toEqual([]);
  });

  it('uses the stage from the decision log, not the stage a use case was created in', () => {
    const { rows, uc } = healthyRows('readiness');
    rows.pilotDesigns.splice(0);
    expect(run(rows)).toEqual([]);
    rows.gateDecisions.push(decision(uc.id, 'pilot'));
    expect(ofCheck(run(rows), 'no-success-criteria').map((f) => f.severity)).toEqual(['high']);
  });

  it('ignores stopped use cases, also for the workshop findings', () => {
    const rows = emptyRows();
    const uc = makeUseCase({ id: 'uc1', title: 'Fraud scoring', stage: 'pilot' });
    rows.useCases.push(uc);
    expect(run(rows).length).toBeGreaterThan(3);
    rows.gateDecisions.push(decision('uc1', 'stopped'));
    expect(run(rows)).toEqual([]);
  });

  it('sorts by severity, workshop findings before use cases, then by the use case order', () => {
    const rows = emptyRows();
    rows.useCases.push(makeUseCase({ id: 'b', title: 'Second', order: 2, stage: 'readiness' }));
    rows.useCases.push(makeUseCase({ id: 'a', title: 'First', order: 1, stage: 'readiness' }));
    rows.useCases.push(makeUseCase({ id: 'c', title: 'Third', order: 3, stage: 'pilot-design', businessOwner: 'Dana' }));
    const findings = run(rows);
    expect(findings.map((f) => [f.severity, f.useCaseId, f.checkId])).toEqual([
      ['high', 'c', 'no-readiness'],
      ['medium', null, 'no-accountable-owner'],
      ['medium', null, 'no-cadence'],
      ['medium', 'a', 'no-readiness'],
      ['medium', 'b', 'no-readiness'],
      ['medium', 'c', 'no-operational-fit'],
      ['medium', 'c', 'no-success-criteria'],
      ['medium', 'c', 'no-baseline'],
      ['low', 'a', 'no-accountable-owner'],
      ['low', 'b', 'no-accountable-owner'],
    ]);
    expect(findings.find((f) => f.useCaseId === 'a')?.useCaseTitle).toBe('First');
    expect(countBySeverity(findings)).toEqual({ high: 1, medium: 7, low: 2 });
  });

  it('is deterministic: the same rows in another order give the same findings', () => {
    const { rows } = healthyRows('rollout', 'x');
    const other = healthyRows('pilot', 'y');
    rows.useCases.push({ ...other.uc, order: 0, businessOwner: '' });
    rows.controls = rows.controls.filter((c) => c.key !== 'runbook');
    const reversed = Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, [...(v as unknown[])].reverse()])) as unknown as WorkshopRows;
    expect(run(reversed)).toEqual(run(rows));
    // y (pilot, nothing written): five high and one medium; x (rollout): only its runbook, high.
    expect(run(rows).map((f) => [f.useCaseId, f.severity])).toEqual([
      ['y', 'high'],
      ['y', 'high'],
      ['y', 'high'],
      ['y', 'high'],
      ['y', 'high'],
      ['x', 'high'],
      ['y', 'medium'],
    ]);
  });
});
