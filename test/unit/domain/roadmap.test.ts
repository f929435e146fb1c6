import { describe, expect, it } from 'vitest';
import type { RoadmapItem } from '../../../renderer/domain/model';
import {
  READINESS_SPRINT_DAYS,
  ROADMAP_TEMPLATE,
  earliestPilotStart,
  editItem,
  firstPhaseFor,
  generatePlan,
  needsReadinessSprint,
  phaseKeyOf,
  placeNewPlan,
  planOrder,
  planWindow,
  replanRemaining,
  dayOfDate,
  sequencePortfolio,
  type RoadmapDraft,
  type UseCasePlan,
} from '../../../renderer/domain/roadmap';

const T = '2026-12-01T09:00:00.000Z';
let seq = 0;
function rows(drafts: RoadmapDraft[]): RoadmapItem[] {
  return drafts.map((d) => ({ ...d, id: `i${++seq}`, workshopId: 'w', createdAt: T, updatedAt: T }));
}
const plan = (useCaseId: string, sprint = false) => rows(generatePlan(useCaseId, { readinessSprint: sprint }));
const phase = (items: RoadmapItem[], key: string) => items.find((i) => i.kind === 'phase' && i.phaseKey === key) as RoadmapItem;
const gate = (items: RoadmapItem[], key: string) => items.find((i) => i.kind === 'gate' && i.phaseKey === key) as RoadmapItem;
const spans = (items: RoadmapItem[]) => planOrder(items).map((i) => `${i.kind === 'gate' ? 'G' : 'P'}:${i.phaseKey}:${i.startDay}-${i.endDay}`);

function apply(items: RoadmapItem[], changes: { id: string; startDay: number; endDay: number }[]): RoadmapItem[] {
  return items.map((i) => {
    const c = changes.find((x) => x.id === i.id);
    return c ? { ...i, startDay: c.startDay, endDay: c.endDay } : i;
  });
}

describe('generating a use case plan from the template', () => {
  it('lays out days 1–120: readiness, pilot, gate and hardening plan, hardening and rollout, stabilization', () => {
    expect(spans(plan('uc'))).toEqual([
      'P:readiness-baseline:1-20',
      'G:readiness-baseline:20-20',
      'P:pilot:21-50',
      'G:pilot:50-50',
      'P:gate-hardening-plan:51-70',
      'G:gate-hardening-plan:70-70',
      'P:hardening-rollout:71-100',
      'G:hardening-rollout:100-100',
      'P:stabilization-scale:101-120',
      'G:stabilization-scale:120-120',
    ]);
  });

  it('puts each gate as a milestone on the last day of its phase', () => {
    const items = plan('uc');
    for (const t of ROADMAP_TEMPLATE) {
      expect(gate(items, t.key)).toMatchObject({ label: t.gate, startDay: t.endDay, endDay: t.endDay, useCaseId: 'uc' });
    }
  });

  it('gives a use case that needs it a readiness sprint first, and shifts the rest by the sprint', () => {
    const items = plan('uc', true);
    expect(phase(items, 'readiness-sprint')).toMatchObject({ label: 'Readiness sprint', startDay: 1, endDay: READINESS_SPRINT_DAYS });
    expect(gate(items, 'readiness-sprint').startDay).toBe(15);
    expect(phase(items, 'readiness-baseline')).toMatchObject({ startDay: 16, endDay: 35 });
    expect(phase(items, 'pilot')).toMatchObject({ startDay: 36, endDay: 65 });
    expect(phase(items, 'stabilization-scale')).toMatchObject({ startDay: 116, endDay: 135 });
    expect(items).toHaveLength(12);
  });

  it('asks for the sprint only when the verdict says so and the pilot has not started', () => {
    expect(needsReadinessSprint('readiness-sprint', 'readiness')).toBe(true);
    expect(needsReadinessSprint('readiness-sprint', 'pilot-design')).toBe(true);
    expect(needsReadinessSprint('readiness-sprint', 'pilot')).toBe(false);
    expect(needsReadinessSprint('start-pilot', 'readiness')).toBe(false);
    expect(needsReadinessSprint('incomplete', 'readiness')).toBe(false);
    expect(needsReadinessSprint('readiness-sprint', 'stopped')).toBe(false);
  });

  it('recognises rows without a phase key by their template label', () => {
    expect(phaseKeyOf({ kind: 'phase', label: 'Readiness sprint', phaseKey: undefined })).toBe('readiness-sprint');
    expect(phaseKeyOf({ kind: 'gate', label: 'Scale decision', phaseKey: undefined })).toBe('stabilization-scale');
    expect(phaseKeyOf({ kind: 'event', label: 'Steering committee', phaseKey: undefined })).toBeNull();
  });
});

describe('a plan starts from the use case’s current stage', () => {
  const stagePlan = (stage: Parameters<typeof firstPhaseFor>[0], sprint = false) => rows(generatePlan('uc', { readinessSprint: sprint, stage }));

  it('gives a Stage 4 use case hardening, rollout and stabilization, not readiness and pilot, from day 1', () => {
    expect(spans(stagePlan('hardening'))).toEqual([
      'P:hardening-rollout:1-30',
      'G:hardening-rollout:30-30',
      'P:stabilization-scale:31-50',
      'G:stabilization-scale:50-50',
    ]);
  });

  it('starts a use case in its pilot with the pilot, and one at the readiness gate with the gate and hardening plan', () => {
    expect(spans(stagePlan('pilot')).filter((s) => s.startsWith('P:'))).toEqual([
      'P:pilot:1-30',
      'P:gate-hardening-plan:31-50',
      'P:hardening-rollout:51-80',
      'P:stabilization-scale:81-100',
    ]);
    expect(spans(stagePlan('gate'))[0]).toBe('P:gate-hardening-plan:1-20');
  });

  it('plans only stabilization and the scale decision in a limited rollout or at scale', () => {
    expect(spans(stagePlan('rollout'))).toEqual(['P:stabilization-scale:1-20', 'G:stabilization-scale:20-20']);
    expect(spans(stagePlan('scale'))).toEqual(['P:stabilization-scale:1-20', 'G:stabilization-scale:20-20']);
  });

  it('keeps the whole template, and the sprint where the verdict asks for it, before the pilot', () => {
    expect(spans(stagePlan('readiness'))).toEqual(spans(plan('uc')));
    expect(spans(stagePlan('pilot-design'))).toEqual(spans(plan('uc')));
    expect(spans(stagePlan('pilot-design', true))).toEqual(spans(plan('uc', true)));
  });

  it('does not hold back a use case past its pilot for the pilots-at-once limit, nor count it as a pilot', () => {
    const pilots: UseCasePlan[] = [{ useCaseId: 'a', items: plan('a') }];
    const hardening = placeNewPlan(pilots, 'h', { readinessSprint: false, maxParallel: 1, stage: 'hardening' });
    expect(Math.min(...hardening.map((d) => d.startDay))).toBe(1);
    const withHardening: UseCasePlan[] = [...pilots, { useCaseId: 'h', items: rows(hardening) }];
    // The next pilot waits for a's pilot only (days 21–50), not for h's hardening.
    expect(planWindow(placeNewPlan(withHardening, 'b', { readinessSprint: false, maxParallel: 1, stage: 'readiness' }))).toMatchObject({ pilotStart: 51 });
    const sequenced = sequencePortfolio([{ useCaseId: 'h', items: rows(hardening) }, ...pilots], 1);
    expect(sequenced.entries.map((e) => [e.useCaseId, e.shift])).toEqual([['h', 0], ['a', 0]]);
  });
});

describe('moving and resizing phases (slips)', () => {
  it('pushes every later phase and gate by the slip when pushing is on', () => {
    const items = plan('uc');
    const pilot = phase(items, 'pilot');
    const r = editItem(items, pilot.id, { startDay: 21, endDay: 57 }, true);
    if (!r.ok) throw new Error(r.message);
    const after = apply(items, r.changes);
    expect(phase(after, 'pilot')).toMatchObject({ startDay: 21, endDay: 57 });
    expect(gate(after, 'pilot').startDay).toBe(57);
    expect(phase(after, 'gate-hardening-plan')).toMatchObject({ startDay: 58, endDay: 77 });
    expect(phase(after, 'stabilization-scale')).toMatchObject({ startDay: 108, endDay: 127 });
    expect(gate(after, 'stabilization-scale').startDay).toBe(127);
    // Earlier phases stay where they are.
    expect(phase(after, 'readiness-baseline')).toMatchObject({ startDay: 1, endDay: 20 });
    expect(r.notes).toEqual(['3 later phases moved 7 days later.']);
  });

  it('moves a dragged phase and everything after it when the whole phase is moved', () => {
    const items = plan('uc');
    const r = editItem(items, phase(items, 'gate-hardening-plan').id, { startDay: 56, endDay: 75 }, true);
    if (!r.ok) throw new Error(r.message);
    const after = apply(items, r.changes);
    expect(spans(after).slice(4)).toEqual([
      'P:gate-hardening-plan:56-75',
      'G:gate-hardening-plan:75-75',
      'P:hardening-rollout:76-105',
      'G:hardening-rollout:105-105',
      'P:stabilization-scale:106-125',
      'G:stabilization-scale:125-125',
    ]);
  });

  it('pulls the later phases in when a phase finishes early and pushing is on', () => {
    const items = plan('uc');
    const r = editItem(items, phase(items, 'pilot').id, { startDay: 21, endDay: 45 }, true);
    if (!r.ok) throw new Error(r.message);
    const after = apply(items, r.changes);
    expect(phase(after, 'gate-hardening-plan')).toMatchObject({ startDay: 46, endDay: 65 });
    expect(gate(after, 'pilot').startDay).toBe(45);
  });

  it('leaves the later phases where they are when pushing is off, keeping the gate at the phase end', () => {
    const items = plan('uc');
    const r = editItem(items, phase(items, 'pilot').id, { startDay: 21, endDay: 57 }, false);
    if (!r.ok) throw new Error(r.message);
    const after = apply(items, r.changes);
    expect(phase(after, 'pilot')).toMatchObject({ startDay: 21, endDay: 57 });
    expect(gate(after, 'pilot').startDay).toBe(57);
    expect(phase(after, 'gate-hardening-plan')).toMatchObject({ startDay: 51, endDay: 70 });
    expect(r.changes.map((c) => c.id).sort()).toEqual([phase(items, 'pilot').id, gate(items, 'pilot').id].sort());
    expect(r.notes[0]).toMatch(/moved to day 57 to stay at the end of its phase/);
  });

  it('keeps a gate where it is when the phase shrinks and pushing is off', () => {
    const items = plan('uc');
    const r = editItem(items, phase(items, 'pilot').id, { startDay: 21, endDay: 40 }, false);
    if (!r.ok) throw new Error(r.message);
    expect(r.changes).toEqual([{ id: phase(items, 'pilot').id, startDay: 21, endDay: 40 }]);
  });

  it('moves nothing else when only the start of a phase changes', () => {
    const items = plan('uc');
    const r = editItem(items, phase(items, 'pilot').id, { startDay: 25, endDay: 50 }, true);
    expect(r).toEqual({ ok: true, changes: [{ id: phase(items, 'pilot').id, startDay: 25, endDay: 50 }], notes: [], noteTexts: [] });
  });

  it('refuses a phase before day 1 or ending before it starts', () => {
    const items = plan('uc');
    expect(editItem(items, phase(items, 'readiness-baseline').id, { startDay: 0, endDay: 19 }, true)).toMatchObject({ ok: false, message: /day 1/ });
    expect(editItem(items, phase(items, 'pilot').id, { startDay: 30, endDay: 29 }, true)).toMatchObject({ ok: false, message: /ends on or after/ });
    expect(editItem(items, phase(items, 'pilot').id, { startDay: 21.5, endDay: 50 }, true)).toMatchObject({ ok: false, message: /whole numbers/ });
  });
});

describe('gate constraints', () => {
  it('refuses a gate before the end of its phase and says where it stays', () => {
    const items = plan('uc');
    const g = gate(items, 'pilot');
    const r = editItem(items, g.id, { startDay: 45, endDay: 45 }, true);
    expect(r).toEqual({
      ok: false,
      message: '"Pilot results review" cannot come before the end of its phase (day 50). It stays on day 50.',
      text: { id: 'roadmapText.error.gateBeforePhaseEnd', values: { gate: 'Pilot results review', end: 50, day: 50 } },
    });
  });

  it('lets a gate sit on or after the end of its phase, pushing the later phases when pushing is on', () => {
    const items = plan('uc');
    const g = gate(items, 'pilot');
    const pushed = editItem(items, g.id, { startDay: 54, endDay: 54 }, true);
    if (!pushed.ok) throw new Error(pushed.message);
    const after = apply(items, pushed.changes);
    expect(gate(after, 'pilot').startDay).toBe(54);
    expect(phase(after, 'gate-hardening-plan')).toMatchObject({ startDay: 55, endDay: 74 });

    const alone = editItem(items, g.id, { startDay: 54, endDay: 54 }, false);
    if (!alone.ok) throw new Error(alone.message);
    expect(alone.changes).toEqual([{ id: g.id, startDay: 54, endDay: 54 }]);
  });

  it('treats a gate as a single day whatever end it is given', () => {
    const items = plan('uc');
    const g = gate(items, 'pilot');
    const r = editItem(items, g.id, { startDay: 52, endDay: 60 }, false);
    expect(r).toMatchObject({ ok: true, changes: [{ id: g.id, startDay: 52, endDay: 52 }] });
  });
});

describe('portfolio sequencing', () => {
  const portfolio = (): UseCasePlan[] => ['a', 'b', 'c'].map((id) => ({ useCaseId: id, items: plan(id) }));
  const pilots = (s: ReturnType<typeof sequencePortfolio>) => s.entries.map((e) => e.pilotStartAfter);

  it('runs the pilots one after the other with one pilot at a time, in priority order', () => {
    const s = sequencePortfolio(portfolio(), 1);
    expect(pilots(s)).toEqual([21, 51, 81]);
    expect(s.entries.map((e) => e.shift)).toEqual([0, 30, 60]);
    expect(s.planEndAfter).toBe(180);
    expect(s.moved).toBe(2);
  });

  it('runs two pilots side by side with two at once, the third after the first pair', () => {
    const s = sequencePortfolio(portfolio(), 2);
    expect(pilots(s)).toEqual([21, 21, 51]);
    expect(s.planEndAfter).toBe(150);
  });

  it('starts every pilot together with three at once', () => {
    const s = sequencePortfolio(portfolio(), 3);
    expect(pilots(s)).toEqual([21, 21, 21]);
    expect(s.planEndAfter).toBe(120);
    expect(s.moved).toBe(0);
  });

  it('brings staggered plans back together when the limit is raised', () => {
    const staggered = portfolio().map((p, i) => ({ ...p, items: p.items.map((it) => ({ ...it, startDay: it.startDay + 30 * i, endDay: it.endDay + 30 * i })) }));
    const s = sequencePortfolio(staggered, 3);
    expect(s.entries.map((e) => e.shift)).toEqual([0, -30, -60]);
    expect(s.planEndBefore).toBe(180);
    expect(s.planEndAfter).toBe(120);
  });

  it('keeps a readiness sprint ahead of its pilot and never starts a plan before day 1', () => {
    const plans: UseCasePlan[] = [
      { useCaseId: 'a', items: plan('a') },
      { useCaseId: 'b', items: plan('b', true) },
    ];
    const s = sequencePortfolio(plans, 1);
    // b's pilot waits for a's to end (day 50); its sprint and baseline come before it.
    expect(s.entries[1]).toMatchObject({ pilotStartBefore: 36, pilotStartAfter: 51, shift: 15 });
  });

  it('fills a gap left by higher priorities when a pilot fits there', () => {
    expect(earliestPilotStart([{ start: 40, end: 69 }], 21, 10, 1)).toBe(21);
    expect(earliestPilotStart([{ start: 25, end: 54 }], 21, 10, 1)).toBe(55);
    expect(earliestPilotStart([{ start: 21, end: 50 }, { start: 21, end: 50 }], 21, 30, 2)).toBe(51);
  });

  it('places a newly added use case where the running pilots leave room', () => {
    const existing: UseCasePlan[] = [{ useCaseId: 'a', items: plan('a') }];
    expect(planWindow(placeNewPlan(existing, 'b', { readinessSprint: false, maxParallel: 1 }))).toEqual({ planStart: 31, planEnd: 150, pilotStart: 51, pilotEnd: 80 });
    expect(planWindow(placeNewPlan(existing, 'b', { readinessSprint: false, maxParallel: 2 }))).toMatchObject({ planStart: 1, pilotStart: 21 });
  });
});

describe('re-planning what remains after a use case moves on', () => {
  it('plans the phases from the new stage on again from the given day; a finished phase stays, a running one ends the day before', () => {
    const items = plan('uc1');
    const r = replanRemaining(items, 'uc1', 'hardening', 60);
    expect(r?.firstLabel).toBe('Hardening & rollout');
    expect(r?.remove.map((i) => `${i.kind}:${i.phaseKey}`).sort()).toEqual(
      ['gate:hardening-rollout', 'gate:stabilization-scale', 'phase:hardening-rollout', 'phase:stabilization-scale'].sort(),
    );
    expect(r?.add.filter((d) => d.kind === 'phase').map((d) => [d.phaseKey, d.startDay, d.endDay])).toEqual([
      ['hardening-rollout', 60, 89],
      ['stabilization-scale', 90, 109],
    ]);
    // The gate and hardening plan (days 51–70) was running on day 60: it ends on day 59, its gate too.
    const gatePhase = phase(items, 'gate-hardening-plan');
    expect(r?.trim).toEqual([
      { id: gatePhase.id, startDay: 51, endDay: 59 },
      { id: gate(items, 'gate-hardening-plan').id, startDay: 59, endDay: 59 },
    ]);
  });

  it('takes off the earlier phases that had not started when the use case moved on early', () => {
    const r = replanRemaining(plan('uc1'), 'uc1', 'hardening', 30);
    expect(r?.remove.filter((i) => i.phaseKey === 'gate-hardening-plan').map((i) => i.kind).sort()).toEqual(['gate', 'phase']);
    expect(r?.trim.map((c) => [c.startDay, c.endDay])).toEqual([
      [21, 29],
      [29, 29],
    ]);
  });

  it('starts on day 1 at the earliest, and offers nothing when the rest already starts there in template shape', () => {
    const fresh = rows(generatePlan('uc1', { readinessSprint: false, stage: 'hardening' }));
    expect(replanRemaining(fresh, 'uc1', 'hardening', 1)).toBeNull();
    expect(replanRemaining(fresh, 'uc1', 'hardening', -20)).toBeNull();
    expect(replanRemaining(fresh, 'uc1', 'hardening', 5)?.add[0]?.startDay).toBe(5);
  });

  it('offers nothing for a stopped use case or one that is not on the roadmap', () => {
    expect(replanRemaining(plan('uc1'), 'uc1', 'stopped', 10)).toBeNull();
    expect(replanRemaining(plan('uc1'), 'uc2', 'hardening', 10)).toBeNull();
  });

  it('counts roadmap days from the start date, day 1 being the start itself, across a clock change', () => {
    expect(dayOfDate('2026-03-23', '2026-03-23')).toBe(1);
    expect(dayOfDate('2026-03-23', '2026-04-01')).toBe(10);
    expect(dayOfDate('2026-03-23', '2026-03-20')).toBe(-2);
    expect(dayOfDate('', '2026-03-20')).toBeNull();
  });
});
