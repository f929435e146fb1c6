// A ~5 MB `.liftoff.json` for `npm run bench` (import of a large file): one workshop as a
// consultant might bring back from a long engagement: 200 use cases with long texts, KPIs with a
// year of weekly measurements, a risk register, a hash-chained decision log, an audit log. Built
// with the app's own domain code, so it is exactly what the app writes and passes its validator.
import { WORKSHOP_TABLES, type AuditEntry, type GateDecision, type Kpi, type Measurement, type Risk, type UseCase, type Workshop, type WorkshopRows } from '../renderer/domain/model';
import { DEFAULT_RUBRICS } from '../renderer/domain/rubrics';
import { KPI_LIBRARY, kpiFieldsFromTemplate } from '../renderer/domain/kpi-library';
import { sealEntry } from '../renderer/domain/decision-log';
import { buildWorkshopFile, parseWorkshopFile, serializeWorkshopFile } from '../renderer/domain/workshop-file';

const T = '2026-01-12T09:00:00.000Z';
const WORDS =
  'claims routing handler queue supervisor policy broker underwriting reserve estimate intake fraud signal backlog review approval audit Müller Łódź Zoë Δημήτρης Иванов 東京'.split(
    ' ',
  );

function text(words: number, seed: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[(i * 7 + seed * 13) % WORDS.length] as string);
  return out.join(' ');
}

export type BenchWorkshopFile = { name: string; text: string; useCases: number; bytes: number };

/** The file's text; `useCases` use cases (200 for the bench). Throws if the app would refuse it. */
export function benchWorkshopFile(useCases = 200): BenchWorkshopFile {
  const ws = 'ws-bench-5mb';
  const owned = (id: string) => ({ id, workshopId: ws, createdAt: T, updatedAt: T });
  const workshop: Workshop = {
    id: ws,
    createdAt: T,
    updatedAt: T,
    name: 'Large engagement (bench)',
    client: 'Northwind Mutual',
    facilitator: 'Zoë Müller',
    workshopDate: '2026-01-12',
    roadmapStartDate: '2026-01-19',
    weights: { impact: 2, feasibility: 1, readiness: 1 },
    rubrics: structuredClone(DEFAULT_RUBRICS),
    roadmap: { maxParallelPilots: 3, pushLaterPhases: true },
    notes: text(200, 1),
    language: 'en',
  };
  const rows = Object.fromEntries(WORKSHOP_TABLES.map((t) => [t, []])) as unknown as WorkshopRows;

  rows.useCases = Array.from(
    { length: useCases },
    (_, i): UseCase => ({
      ...owned(`uc-${i + 1}`),
      order: i + 1,
      title: `Use case ${i + 1}: ${text(6, i)}`,
      problem: text(500, i),
      businessOwner: `Owner ${i % 17}`,
      department: `Department ${i % 9}`,
      dataSources: text(120, i + 1),
      expectedValue: text(160, i + 2),
      kind: 'predictive-model',
      notes: text(250, i + 3),
      initialScores: { impact: 1 + (i % 5), feasibility: 1 + ((i * 3) % 5), readiness: 1 + ((i * 2) % 5) },
      consensusOverrides: { impact: null, feasibility: null, readiness: null },
      stage: 'readiness',
    }),
  );

  // Two KPIs for each of the first 100 use cases, each measured weekly for forty weeks.
  const kpis: Kpi[] = [];
  const measurements: Measurement[] = [];
  rows.useCases.slice(0, 100).forEach((u, i) => {
    for (let k = 0; k < 2; k++) {
      const tpl = KPI_LIBRARY[(i * 2 + k) % KPI_LIBRARY.length];
      if (!tpl) continue;
      const kpi: Kpi = { ...owned(`kpi-${i}-${k}`), useCaseId: u.id, ...kpiFieldsFromTemplate(tpl) };
      kpis.push(kpi);
      for (let w = 0; w < 40; w++) {
        const date = new Date(Date.UTC(2025, 0, 6 + w * 7)).toISOString().slice(0, 10);
        measurements.push({ ...owned(`m-${i}-${k}-${w}`), kpiId: kpi.id, date, value: 50 + ((w * 7 + i) % 40), note: w % 4 === 0 ? 'Monthly review' : '' });
      }
    }
  });
  rows.kpis = kpis;
  rows.measurements = measurements;

  rows.risks = rows.useCases.flatMap((u, i) =>
    [0, 1].map(
      (k): Risk => ({
        ...owned(`risk-${i}-${k}`),
        useCaseId: u.id,
        title: `Risk ${k + 1} of use case ${i + 1}: ${text(5, i + k)}`,
        category: k === 0 ? 'data' : 'adoption',
        likelihood: 1 + ((i + k) % 5),
        impact: 1 + ((i * 2 + k) % 5),
        owner: `Owner ${(i + k) % 11}`,
        mitigation: text(60, i + k),
        status: 'open',
        dueDate: '2026-06-30',
      }),
    ),
  );

  // A gate decision for each use case, sealed into one chain as the app seals them.
  const log: GateDecision[] = [];
  rows.useCases.forEach((u, i) => {
    const createdAt = new Date(Date.UTC(2026, 0, 12, 9, i)).toISOString();
    const sealed = sealEntry(log[log.length - 1], {
      useCaseTitle: u.title,
      fromStage: 'readiness',
      toStage: 'pilot-design',
      criteria:
        i % 10 === 0
          ? ['Data access agreed', 'Evaluation set labelled', 'Owner named'].map((name, k) => ({ name, result: k === 1 ? 'fail' : 'pass', evidence: text(20, i + k) }) as const)
          : [],
      decision: 'advance',
      rationale: text(40, i),
      decidedBy: 'Δημήτρης Παπαδόπουλος',
      nextActionsOwner: `Owner ${i % 17}`,
      date: '2026-01-12',
      createdAt,
    });
    log.push({ ...owned(`decision-${i}`), updatedAt: createdAt, useCaseId: u.id, ...sealed });
  });
  rows.gateDecisions = log;

  rows.auditLog = Array.from(
    { length: 500 },
    (_, i): AuditEntry => ({ id: `audit-${i}`, workshopId: ws, at: new Date(Date.UTC(2026, 0, 12, 9, 0, i)).toISOString(), action: 'Edit use case', summary: text(12, i) }),
  );

  const file = serializeWorkshopFile(buildWorkshopFile(workshop, rows, '0.1.0', T));
  const checked = parseWorkshopFile(file);
  if (!checked.ok) throw new Error(`The bench workshop file does not pass the app's validator: ${checked.error.message} ${checked.error.details.join('; ')}`);
  return { name: 'large-engagement.liftoff.json', text: file, useCases, bytes: new TextEncoder().encode(file).length };
}
