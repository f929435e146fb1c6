// A realistic 50-use-case workshop for the sponsor-pack bench, the page-fill test and the README
// pictures: a logistics client's portfolio with long German titles, participants whose names need
// many scripts, a revealed scoring round per use case (with the room's notes where it disagreed),
// readiness diagnostics, pilot designs, KPIs with weekly measurements, a risk register (workshop-
// wide and accepted risks too), controls, a hash-chained decision log (advance, improve the pilot,
// stop), roles, RACI, the standard cadence and a roadmap for the use cases worked on. Built with
// the app's own domain code, deterministic, and checked by the app's file validator.
import {
  WORKSHOP_TABLES,
  type Criterion,
  type GateDecision,
  type Kpi,
  type Measurement,
  type Participant,
  type Readiness,
  type Risk,
  type RoadmapItem,
  type UseCase,
  type Workshop,
  type WorkshopRows,
} from '../renderer/domain/model';
import { DEFAULT_RUBRICS } from '../renderer/domain/rubrics';
import { kpiFieldsFromTemplate, libraryTemplate } from '../renderer/domain/kpi-library';
import { sealEntry } from '../renderer/domain/decision-log';
import { DEFAULT_CADENCE, DEFAULT_DECISIONS, DEFAULT_ROLES } from '../renderer/domain/governance';
import { CONTROL_TEMPLATES } from '../renderer/domain/controls';
import { placeNewPlan, type UseCasePlan } from '../renderer/domain/roadmap';
import { buildWorkshopFile, parseWorkshopFile, serializeWorkshopFile } from '../renderer/domain/workshop-file';

const T = '2026-11-23T09:00:00.000Z';
const WS = 'ws-logistik-50';

const TITLES = [
  'Frachtbriefdatenextraktion aus gescannten Begleitpapieren',
  'Sendungsverfolgungsbenachrichtigungsassistent für Geschäftskunden',
  'Lagerplatzoptimierungsvorhersage im Hochregallager',
  'Zollanmeldungsplausibilitätsprüfung vor der Übermittlung an ATLAS',
  'Schadensmeldungsklassifizierung und Weiterleitungsempfehlung',
  'Tourenplanungsfeinjustierung bei kurzfristigen Auftragsänderungen',
  'Invoice matching for carrier freight bills',
  'Predictive maintenance for forklift fleets',
  'Demand forecast for seasonal warehouse staffing',
  'Customer e-mail triage for the service desk',
  'Gefahrgutdokumentationsvollständigkeitsprüfung',
  'Palettenrückführungsprognose für Tauschpaletten',
  'Dock door scheduling assistant',
  'Fahrerarbeitszeitnachweisauswertung nach Lenk- und Ruhezeitenverordnung',
  'Contract clause extraction for carrier agreements',
  'Kühlkettenabweichungsfrüherkennung',
  'Returns reason classification',
  'Lieferavisabgleich mit Wareneingangsbuchungen',
  'Slotting recommendations for fast movers',
  'Carrier rate benchmark summarizer',
] as const;
const SITES = ['Hamburg', 'Duisburg', 'Leipzig', 'München', 'Wrocław', 'Praha', 'Rotterdam', 'Milano', 'Lyon', 'Wien'] as const;

const PEOPLE: [string, Participant['role']][] = [
  ['Annegret Schäfer-Lindqvist', 'product-owner'],
  ['Jörg Überschär', 'operations-lead'],
  ['이서연', 'ai-technical-lead'],
  ['李娜', 'end-user'],
  ['שרה לוי', 'risk-compliance'],
  ['فاطمة الزهراء', 'end-user'],
  ['Αικατερίνη Νικολάου', 'governance-sponsor'],
  ['Łucja Żółkiewska', 'operations-lead'],
  ['山本 さくら', 'ai-technical-lead'],
  ['Chloë Brontë-O’Neill', 'product-owner'],
];
const OWNERS = PEOPLE.map(([name]) => name);

/** Deterministic pseudo-random numbers in [0, 1). */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export type PackWorkshop = { workshop: Workshop; rows: WorkshopRows };

/** The workshop; `count` use cases (50 for the bench). */
export function sponsorPackWorkshop(count = 50): PackWorkshop {
  const owned = (id: string) => ({ id, workshopId: WS, createdAt: T, updatedAt: T });
  const random = rng(42);
  const workshop: Workshop = {
    id: WS,
    createdAt: T,
    updatedAt: T,
    name: 'KI-Portfolio Kontraktlogistik 2027',
    client: 'Nordhafen Logistik GmbH',
    facilitator: 'Chloë Brontë-O’Neill',
    workshopDate: '2026-11-23',
    roadmapStartDate: '2026-11-30',
    weights: { impact: 2, feasibility: 1, readiness: 1 },
    rubrics: structuredClone(DEFAULT_RUBRICS),
    roadmap: { maxParallelPilots: 4, pushLaterPhases: true },
    notes: '',
    sponsorPack: { consultancy: 'Müller & Partner', version: '1.0', confidential: true, paper: 'a4', asks: {} },
    language: 'en',
  };
  const rows = Object.fromEntries(WORKSHOP_TABLES.map((t) => [t, []])) as unknown as WorkshopRows;

  rows.participants = PEOPLE.map(([name, role], i) => ({ ...owned(`p-${i + 1}`), name, role }));

  rows.useCases = Array.from({ length: count }, (_, i): UseCase => {
    const base = TITLES[i % TITLES.length] as string;
    const site = SITES[Math.floor(i / TITLES.length) % SITES.length] as string;
    const title = i < TITLES.length ? base : `${base} (${site})`;
    const score = () => 1 + Math.floor(random() * 5);
    return {
      ...owned(`uc-${i + 1}`),
      order: i + 1,
      title,
      problem: `${title}: today the team does this by hand from several systems, with delays at peak times and errors found only at the customer.`,
      businessOwner: OWNERS[i % OWNERS.length] as string,
      department: ['Kontraktlogistik', 'Zoll', 'Lager', 'Transport', 'Kundenservice'][i % 5] as string,
      dataSources: 'TMS, WMS, ERP (SAP), e-mail inbox',
      expectedValue: `${20 + (i % 7) * 5}% less manual effort and fewer claims at ${site}.`,
      kind: (['document-processing', 'generative-assistant', 'predictive-model', 'automated-decision', 'other'] as const)[i % 5] as UseCase['kind'],
      notes: '',
      initialScores: { impact: score(), feasibility: score(), readiness: score() },
      consensusOverrides: { impact: null, feasibility: null, readiness: null },
      stage: 'readiness',
    };
  });

  // One revealed round per use case, six scorers; where the room disagreed, what it said.
  rows.useCases.forEach((u, i) => {
    const round = { ...owned(`round-${i + 1}`), useCaseId: u.id, number: 1, revealedAt: '2026-11-23T11:00:00.000Z', discussion: '', timeboxSeconds: null, timerStartedAt: null };
    const centre = u.initialScores;
    let disagreed = false;
    rows.participants.slice(0, 6).forEach((p, k) => {
      for (const c of ['impact', 'feasibility', 'readiness'] as Criterion[]) {
        const jitter = Math.round((random() - 0.5) * (i % 6 === 0 ? 4 : 2));
        const value = Math.max(1, Math.min(5, (centre[c] ?? 3) + jitter));
        if (Math.abs(value - (centre[c] ?? 3)) >= 2) disagreed = true;
        rows.scores.push({ ...owned(`s-${i}-${k}-${c}`), useCaseId: u.id, roundId: round.id, participantId: p.id, criterion: c, value });
      }
    });
    if (disagreed) round.discussion = 'Operations doubts the data quality at the smaller sites; IT says the interfaces exist. Agreed to check one week of real documents before the gate.';
    rows.scoringRounds.push(round);
  });

  const worked = rows.useCases.slice(0, Math.min(24, count));
  const dims = (i: number): Readiness['dimensions'] => {
    const s = (k: number) => Math.max(1, Math.min(5, 2 + ((i + k * 3) % 4)));
    return {
      dataQuality: { score: s(0), evidence: 'Two years of documents in the archive; about 8% handwritten.' },
      processClarity: { score: s(1), evidence: 'Process described in the QM handbook, version 2025.' },
      systemAccess: { score: s(2), evidence: i % 3 === 0 ? 'Read access to the TMS API requested, not yet granted.' : 'Read access to TMS and WMS granted.' },
      stakeholderOwnership: { score: s(3), evidence: `${OWNERS[i % OWNERS.length]} owns the outcome.` },
      complianceConstraints: { score: s(4), evidence: 'No personal data beyond driver names; works council informed.' },
    };
  };
  rows.readiness = worked.map((u, i) => ({ ...owned(`ready-${i}`), useCaseId: u.id, dimensions: dims(i) }));
  rows.pilotDesigns = worked.slice(0, 14).map((u, i) => ({
    ...owned(`pilot-${i}`),
    useCaseId: u.id,
    scope: `One site, all shifts, for eight weeks: about ${1500 + i * 200} documents.`,
    workflow: 'Document arrives → extraction and check → clerk confirms or corrects → booking in the ERP.',
    usesProductionData: i % 4 !== 3,
    successCriteria: 'Go: 95% of fields right without correction, clerk time per document halved, no rise in customer claims.',
    partialSuccessCriteria: 'Iterate: 85–95% right, or time per document down by a quarter.',
    failureCriteria: 'No-go: fewer than 85% right, or any customs filing sent with a wrong value.',
    amendments:
      i === 1
        ? [{ at: '2026-12-02T10:00:00.000Z', field: 'Success (go)', before: 'Go: 97% of fields right.', after: 'Go: 95% of fields right without correction, clerk time per document halved, no rise in customer claims.', reason: 'The baseline week showed 6% illegible scans; 97% is not reachable.' }]
        : [],
  }));

  // KPIs with eight weekly measurements for the use cases in a pilot: progress towards the target, some off track.
  const kpis: Kpi[] = [];
  const measurements: Measurement[] = [];
  const kpiPlan: [string, number, number, number, number][] = [
    // key, baseline, target, greenAt, redAt
    ['cycle-time', 18, 4, 6, 12],
    ['accuracy', 78, 95, 92, 85],
    ['human-intervention', 60, 15, 20, 40],
  ];
  worked.slice(0, 12).forEach((u, i) => {
    kpiPlan.forEach(([key, baseline, target, greenAt, redAt], k) => {
      const tpl = libraryTemplate(key);
      if (!tpl) throw new Error(`No KPI template ${key}`);
      const kpi: Kpi = { ...owned(`kpi-${i}-${k}`), useCaseId: u.id, ...kpiFieldsFromTemplate(tpl), baseline, target, greenAt, redAt, owner: OWNERS[(i + k) % OWNERS.length] as string };
      kpis.push(kpi);
      if (i >= 9) return; // Defined, not measured yet.
      const pace = [1.05, 0.8, 0.55, 0.3, -0.1][(i + k) % 5] as number;
      for (let w = 0; w < 8; w++) {
        const date = addDays('2026-10-12', w * 7);
        const noise = (random() - 0.5) * Math.abs(target - baseline) * 0.08;
        const value = Number((baseline + (target - baseline) * pace * ((w + 1) / 8) + noise).toFixed(1));
        measurements.push({ ...owned(`m-${i}-${k}-${w}`), kpiId: kpi.id, date, value, note: w === 7 ? 'Weekly review' : '' });
      }
    });
  });
  rows.kpis = kpis;
  rows.measurements = measurements;

  const categories: Risk['category'][] = ['data', 'model', 'security', 'compliance', 'adoption', 'operational', 'vendor'];
  const riskTitles = ['Handwritten delivery notes are misread', 'TMS interface changes with the spring release', 'Works council has not approved the pilot', 'Clerks bypass the suggestion under time pressure', 'Vendor model hosted outside the EU'];
  worked.forEach((u, i) => {
    for (let k = 0; k < 1 + (i % 3); k++) {
      rows.risks.push({
        ...owned(`risk-${i}-${k}`),
        useCaseId: u.id,
        title: `${riskTitles[(i + k) % riskTitles.length]}`,
        category: categories[(i + k) % categories.length] as Risk['category'],
        likelihood: 1 + ((i + 2 * k) % 5),
        impact: 1 + ((i * 3 + k) % 5),
        owner: OWNERS[(i + k + 3) % OWNERS.length] as string,
        mitigation: 'Sample twenty documents a week by hand; fall back to the manual process above a 10% correction rate.',
        status: k === 2 ? 'mitigating' : 'open',
        dueDate: addDays('2026-11-16', (i % 6) * 14),
      });
    }
  });
  rows.risks.push(
    { ...owned('risk-wide-1'), useCaseId: null, title: 'Key users are on leave over the peak season', category: 'adoption', likelihood: 4, impact: 4, owner: 'Jörg Überschär', mitigation: 'Plan no go-live between 15 November and 10 January.', status: 'open', dueDate: '' },
    { ...owned('risk-wide-2'), useCaseId: null, title: 'Model hosting outside the EU for the pilot', category: 'vendor', likelihood: 2, impact: 4, owner: 'שרה לוי', mitigation: 'Accepted by the management board for the pilot only; EU hosting before rollout.', status: 'accepted', dueDate: '' },
  );

  rows.controls = worked.slice(0, 6).flatMap((u, i) =>
    CONTROL_TEMPLATES.hardening.slice(0, 3).map((t, k) => ({
      ...owned(`control-${i}-${t.key}`),
      useCaseId: u.id,
      checklist: 'hardening' as const,
      key: t.key,
      order: k + 1,
      label: t.label,
      status: k === 0 ? ('done' as const) : ('todo' as const),
      owner: OWNERS[(i + k) % OWNERS.length] as string,
      dueDate: k === 1 && i % 2 === 0 ? '2026-11-20' : '',
    })),
  );

  const roles = DEFAULT_ROLES.map((name, i) => ({ ...owned(`role-${i + 1}`), order: i + 1, name, person: ['Annegret Schäfer-Lindqvist', '이서연', 'Jörg Überschär', 'Αικατερίνη Νικολάου'][i] ?? '' }));
  rows.roles = roles;
  const [po, tech, ops, sponsor] = roles.map((r) => r.id) as [string, string, string, string];
  rows.decisionRights = DEFAULT_DECISIONS.map((decision, i) => ({
    ...owned(`right-${i + 1}`),
    order: i + 1,
    decision,
    assignments: [
      { roleId: po, raci: (i === 1 ? 'C' : 'A') as 'A' | 'C' },
      { roleId: tech, raci: (i === 1 ? 'A' : 'R') as 'A' | 'R' },
      { roleId: ops, raci: 'C' as const },
      { roleId: sponsor, raci: 'I' as const },
    ],
  }));
  rows.cadence = DEFAULT_CADENCE.map((c, i) => ({ ...owned(`cadence-${i + 1}`), order: i + 1, ...c }));

  // The decision log: into pilot design, into the pilot, one pilot to improve, one use case stopped.
  const log: GateDecision[] = [];
  const decide = (u: UseCase, from: GateDecision['fromStage'], to: GateDecision['toStage'], decision: GateDecision['decision'], date: string, rationale: string, failed = false) => {
    const createdAt = `${date}T16:${String(log.length % 60).padStart(2, '0')}:00.000Z`;
    const sealed = sealEntry(log[log.length - 1], {
      useCaseTitle: u.title,
      fromStage: from,
      toStage: to,
      criteria: [
        { name: 'KPI impact against the agreed criteria', result: failed ? ('fail' as const) : ('pass' as const), evidence: failed ? 'Correction rate 18% in week 6' : 'See KPI trends' },
        { name: 'A named business owner for the outcome', result: 'pass' as const, evidence: u.businessOwner },
      ],
      decision,
      rationale,
      decidedBy: 'Αικατερίνη Νικολάου',
      nextActionsOwner: u.businessOwner,
      date,
      createdAt,
    });
    log.push({ ...owned(`decision-${log.length + 1}`), updatedAt: createdAt, useCaseId: u.id, ...sealed });
  };
  worked.slice(0, 14).forEach((u) => decide(u, 'readiness', 'pilot-design', 'advance', '2026-11-23', 'Readiness 3 or higher on every dimension; owner named in the room.'));
  worked.slice(0, 10).forEach((u) => decide(u, 'pilot-design', 'pilot', 'advance', '2026-11-26', 'Criteria agreed and signed; production data confirmed.'));
  const improve = worked[3];
  if (improve) decide(improve, 'pilot', 'pilot', 'improve-pilot', '2026-12-03', 'Retrain on the handwritten notes of the smaller sites first.', true);
  const stop = worked[13];
  if (stop) decide(stop, 'pilot-design', 'stopped', 'stop', '2026-12-03', 'The customs authority will not accept machine-checked filings before 2028.');
  rows.gateDecisions = log;

  // The roadmap: the use cases worked on, four pilots at a time, a readiness sprint where the diagnostic says so.
  const planned: UseCasePlan[] = [];
  let item = 0;
  worked.forEach((u, i) => {
    if (u.id === stop?.id) return;
    const items = placeNewPlan(planned, u.id, { readinessSprint: i % 3 === 0 && i > 3, maxParallel: 4 }).map((d): RoadmapItem => ({ ...owned(`rm-${++item}`), ...d }));
    planned.push({ useCaseId: u.id, items });
    rows.roadmapItems.push(...items);
  });
  // What the facilitator asks of the sponsor for the first use cases (the others left to fill in).
  const asks: NonNullable<Workshop['sponsorPack']>['asks'] = {};
  worked.slice(0, 6).forEach((u, i) => {
    const clerks = 1 + (i % 3);
    asks[u.id] = { wording: '', decision: '', people: `${clerks} ${clerks === 1 ? 'clerk' : 'clerks'} per site at 50% for eight weeks; one data engineer`, budget: `€${24 + i * 6},000 (licences, hosting, labelling)` };
  });
  if (workshop.sponsorPack) workshop.sponsorPack.asks = asks;
  return { workshop, rows };
}

/** The workshop as the app's file, checked by the app's own validator. */
export function sponsorPackWorkshopFile(count = 50): { name: string; text: string; useCases: number } {
  const { workshop, rows } = sponsorPackWorkshop(count);
  const text = serializeWorkshopFile(buildWorkshopFile(workshop, rows, '0.1.0', T));
  const checked = parseWorkshopFile(text);
  if (!checked.ok) throw new Error(`The sponsor-pack workshop file does not pass the app's validator: ${checked.error.message} ${checked.error.details.join('; ')}`);
  return { name: 'kontraktlogistik-50.liftoff.json', text, useCases: count };
}
