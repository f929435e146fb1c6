// A large, awkward workshop for layout tests: many use cases with long titles, very long texts
// (up to the 20,000-character field limit), unbroken strings, many risks and decisions, in several
// scripts. Whatever the layout does with it, nothing may leave its box or be cut.
import { insurerWorkshop } from './insurer-fixture';
import { sealEntry } from '../../../renderer/domain/decision-log';
import type { GateDecision, Risk, RoadmapItem, UseCase, WorkshopRows, Workshop } from '../../../renderer/domain/model';
import { placeNewPlan, type UseCasePlan } from '../../../renderer/domain/roadmap';

const T = '2026-11-23T09:00:00.000Z';

const WORDS = 'claims routing handler queue supervisor policy broker underwriting Müller Łódź Ærø Zoë Δημήτρης Иванов 東京支店 estimate reserve'.split(' ');

function words(n: number, seed: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(WORDS[(i * 7 + seed) % WORDS.length] as string);
  return out.join(' ');
}

export function bigWorkshop(count: number): { workshop: Workshop; rows: WorkshopRows } {
  const { workshop, rows } = insurerWorkshop();
  const owned = (id: string) => ({ id, workshopId: workshop.id, createdAt: T, updatedAt: T });
  const base = rows.useCases.length;
  const extra: UseCase[] = [];
  for (let i = 0; i < count - base; i++) {
    const n = base + i + 1;
    extra.push({
      ...owned(`uc-big-${n}`),
      order: n,
      title:
        i % 5 === 0
          ? `Use case ${n}: ${words(40, n)}`.slice(0, 300)
          : i % 7 === 0
            ? `東京${'データ'.repeat(20)}${n}`
            : `Use case ${n} ${words(4, n)}`,
      problem: i === 0 ? words(3000, n).slice(0, 20_000) : i % 3 === 0 ? `${'x'.repeat(400)} ${words(60, n)}` : words(80, n),
      businessOwner: i % 2 ? 'Иван Иванов' : 'Zoë Müller',
      department: 'Łódź service centre',
      dataSources: words(12, n),
      expectedValue: words(30, n),
      kind: 'predictive-model',
      notes: '',
      initialScores: { impact: 1 + (n % 5), feasibility: 1 + ((n * 3) % 5), readiness: 1 + ((n * 2) % 5) },
      consensusOverrides: { impact: null, feasibility: null, readiness: null },
      stage: 'readiness',
    });
  }
  rows.useCases = [...rows.useCases, ...extra];
  const risks: Risk[] = [];
  extra.forEach((u, i) => {
    for (let k = 0; k < (i % 4) + 1; k++) {
      risks.push({
        ...owned(`risk-big-${i}-${k}`),
        useCaseId: u.id,
        title: `Risk ${k + 1} of ${u.title}`.slice(0, 300),
        category: 'data',
        likelihood: 1 + ((i + k) % 5),
        impact: 1 + ((i * 2 + k) % 5),
        owner: 'Freja Ærø',
        mitigation: i === 1 && k === 0 ? words(2600, i).slice(0, 20_000) : words(30 + k * 10, i),
        status: 'open',
        dueDate: '2026-12-01',
      });
    }
  });
  rows.risks = [...rows.risks, ...risks];
  const log: GateDecision[] = [...rows.gateDecisions];
  extra.slice(0, 10).forEach((u, i) => {
    const last = log[log.length - 1];
    const createdAt = `2026-11-24T1${i % 10}:00:00.000Z`;
    const sealed = sealEntry(last, {
      useCaseTitle: u.title,
      fromStage: 'readiness',
      toStage: 'pilot-design',
      criteria: [],
      decision: 'advance',
      rationale: words(50, i),
      decidedBy: 'Δημήτρης Παπαδόπουλος',
      nextActionsOwner: '東京 太郎',
      date: '2026-11-24',
      createdAt,
    });
    log.push({ ...owned(`decision-big-${i}`), updatedAt: createdAt, useCaseId: u.id, ...sealed });
  });
  rows.gateDecisions = log;
  // Every use case on the roadmap, five pilots at a time: the Gantt chart needs several pages.
  const planned: UseCasePlan[] = [];
  let item = 0;
  for (const u of rows.useCases) {
    if (rows.roadmapItems.some((i) => i.useCaseId === u.id)) continue;
    const items = placeNewPlan(planned, u.id, { readinessSprint: u.order % 4 === 0, maxParallel: 5 }).map((d): RoadmapItem => ({ ...owned(`rm-big-${++item}`), ...d }));
    planned.push({ useCaseId: u.id, items });
    rows.roadmapItems.push(...items);
  }
  return { workshop: { ...workshop, name: `Claims AI day with a very long workshop name: ${words(30, 3)}`.slice(0, 300) }, rows };
}
