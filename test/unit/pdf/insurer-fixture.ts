// The insurer workshop the sponsor-pack tests print: the 16 use cases of the insurer spreadsheet
// (test/fixtures/csv), scored by the participants of the scores spreadsheet plus people whose names
// need every script (Müller, Łódź, Ærø, Zoë, Δημήτρης, Иванов, 東京), with readiness diagnostics,
// pilot designs, risks, a hash-chained decision log, roles, RACI and cadence, as a consultant
// would bring it back from the room.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildUseCaseDrafts, guessMapping, parseCsv } from '../../../renderer/domain/csv-import';
import { parseParticipantScores } from '../../../renderer/domain/participant-csv';
import { sealEntry } from '../../../renderer/domain/decision-log';
import { DEFAULT_CADENCE, DEFAULT_DECISIONS, DEFAULT_ROLES } from '../../../renderer/domain/governance';
import { CONTROL_TEMPLATES } from '../../../renderer/domain/controls';
import { DEFAULT_RUBRICS } from '../../../renderer/domain/rubrics';
import { kpiFieldsFromTemplate, libraryTemplate } from '../../../renderer/domain/kpi-library';
import { placeNewPlan, type UseCasePlan } from '../../../renderer/domain/roadmap';
import { buildPortfolioRows } from '../../../renderer/domain/sponsor-pack';
import {
  WORKSHOP_TABLES,
  type GateDecision,
  type Kpi,
  type RoadmapItem,
  type Participant,
  type Readiness,
  type UseCase,
  type Workshop,
  type WorkshopRows,
} from '../../../renderer/domain/model';

export const UNICODE_NAMES = ['Müller', 'Łódź', 'Ærø', 'Zoë', 'Δημήτρης', 'Иванов', '東京'] as const;

const T = '2026-11-23T09:00:00.000Z';
const WS = 'ws-insurer';

function csv(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../fixtures/csv/${name}`, import.meta.url)), 'utf8');
}

function emptyRows(): WorkshopRows {
  return Object.fromEntries(WORKSHOP_TABLES.map((t) => [t, []])) as unknown as WorkshopRows;
}

const owned = (id: string) => ({ id, workshopId: WS, createdAt: T, updatedAt: T });

export function insurerWorkshop(): { workshop: Workshop; rows: WorkshopRows } {
  const workshop: Workshop = {
    id: WS,
    createdAt: T,
    updatedAt: T,
    name: 'Claims AI day',
    client: 'Northwind Mutual',
    facilitator: 'Zoë Müller',
    workshopDate: '2026-11-23',
    roadmapStartDate: '2026-11-30',
    weights: { impact: 2, feasibility: 1, readiness: 1 },
    rubrics: structuredClone(DEFAULT_RUBRICS),
    roadmap: { maxParallelPilots: 2, pushLaterPhases: true },
    notes: '',
    language: 'en',
  };
  const rows = emptyRows();

  const parsed = parseCsv(csv('insurer-usecases.csv'));
  if (!parsed.ok) throw new Error(parsed.message);
  const { drafts } = buildUseCaseDrafts(parsed.rows, guessMapping(parsed.headers), parsed.rowNumbers);
  rows.useCases = drafts.map(
    (d, i): UseCase => ({
      ...owned(`uc-${i + 1}`),
      order: i + 1,
      title: d.title,
      problem: d.problem,
      businessOwner: d.businessOwner,
      department: d.department,
      dataSources: d.dataSources,
      expectedValue: d.expectedValue,
      kind: d.kind,
      notes: d.notes,
      initialScores: d.initialScores,
      consensusOverrides: { impact: null, feasibility: null, readiness: null },
      stage: 'readiness',
    }),
  );
  rows.useCases.push({
    ...owned('uc-tokyo'),
    order: rows.useCases.length + 1,
    title: '東京 branch: claims intake in Japanese',
    problem: '東京の支店では、日本語で届く事故報告を手作業で英語に要約しています。 The Tokyo branch summarizes Japanese loss reports by hand before they reach the claims system.',
    businessOwner: 'Иван Иванов',
    department: 'Łódź service centre',
    dataSources: 'Loss reports (Japanese), policy admin',
    expectedValue: 'Same-day intake for Japanese-speaking policyholders.',
    kind: 'generative-assistant',
    notes: '',
    initialScores: { impact: 4, feasibility: 4, readiness: 4 },
    consensusOverrides: { impact: null, feasibility: null, readiness: null },
    stage: 'readiness',
  });
  const ucId = (title: string) => {
    const u = rows.useCases.find((x) => x.title === title);
    if (!u) throw new Error(`No use case ${title}`);
    return u.id;
  };

  const scores = parseParticipantScores(csv('insurer-participant-scores.csv'));
  if (!scores.ok) throw new Error(scores.message);
  const people: Participant[] = [];
  const personId = (name: string, role: Participant['role']) => {
    let p = people.find((x) => x.name === name);
    if (!p) {
      p = { ...owned(`p-${people.length + 1}`), name, role };
      people.push(p);
    }
    return p.id;
  };
  for (const r of scores.rows) personId(r.participant, r.role);
  const extra: [string, Participant['role']][] = [
    ['Lena Müller', 'risk-compliance'],
    ['Tomasz Łódź', 'ai-technical-lead'],
    ['Freja Ærø', 'end-user'],
    ['Zoë Lambert', 'operations-lead'],
    ['Δημήτρης Παπαδόπουλος', 'governance-sponsor'],
    ['Иван Иванов', 'product-owner'],
    ['東京 太郎', 'end-user'],
  ];
  for (const [name, role] of extra) personId(name, role);
  rows.participants = people;

  const scoredTitles = [...new Set(scores.rows.map((r) => r.useCase))];
  rows.scoringRounds = scoredTitles.map((title, i) => ({
    ...owned(`round-${i + 1}`),
    useCaseId: ucId(title),
    number: 1,
    revealedAt: '2026-11-23T11:00:00.000Z',
    discussion: '',
    timeboxSeconds: null,
    timerStartedAt: null,
  }));
  let s = 0;
  for (const r of scores.rows) {
    const round = rows.scoringRounds[scoredTitles.indexOf(r.useCase)];
    if (!round) continue;
    for (const criterion of ['impact', 'feasibility', 'readiness'] as const) {
      rows.scores.push({
        ...owned(`score-${++s}`),
        useCaseId: round.useCaseId,
        roundId: round.id,
        participantId: personId(r.participant, r.role),
        criterion,
        value: r.scores[criterion],
      });
    }
  }

  const dims = (scoresList: [number, string][]): Readiness['dimensions'] => {
    const [d, p, a, o, c] = scoresList.map(([score, evidence]) => ({ score, evidence }));
    return { dataQuality: d!, processClarity: p!, systemAccess: a!, stakeholderOwnership: o!, complianceConstraints: c! };
  };
  rows.readiness = [
    {
      ...owned('ready-triage'),
      useCaseId: ucId('Claims triage'),
      dimensions: dims([
        [4, 'Two years of labelled routing decisions in the claims system.'],
        [4, 'Routing rules documented by the supervisor team.'],
        [3, 'Read access to the claims queue API; write access requested.'],
        [5, 'Dana Whitfield owns the outcome; Robert Kane sponsors.'],
        [4, 'No personal data leaves the claims system.'],
      ]),
    },
    {
      ...owned('ready-fraud'),
      useCaseId: ucId('Fraud signal scoring'),
      dimensions: dims([
        [2, 'Watchlist data is licensed for manual checks only.'],
        [3, 'SIU referral process exists but is informal.'],
        [3, ''],
        [3, ''],
        [2, 'Legal review of watchlist use is open.'],
      ]),
    },
    {
      ...owned('ready-complaints'),
      useCaseId: ucId('Complaint summarization'),
      dimensions: dims([
        [4, 'Complaint files are complete and digital.'],
        [4, 'One complaints officer, one workflow.'],
        [4, 'Case management export available.'],
        [4, 'Jonas Berg owns it.'],
        [3, 'Summaries stay internal.'],
      ]),
    },
  ];
  rows.pilotDesigns = [
    {
      ...owned('pilot-triage'),
      useCaseId: ucId('Claims triage'),
      scope: 'Motor claims of the northern region, all channels, for six weeks: about 4,200 claims.',
      workflow: 'First notice of loss → automatic queue suggestion → handler confirms or corrects → supervisor spot-checks 10 %.',
      usesProductionData: true,
      successCriteria:
        'Go: 90 % of claims routed to the right queue on the first attempt, median time from first notice to handler under 4 hours, and no rise in complaints about misrouted claims. Handlers accept the suggestion without edits in at least 80 % of cases during the last two weeks.',
      partialSuccessCriteria: 'Iterate: 80–90 % routed right first time, or time to handler between 4 and 8 hours.',
      failureCriteria: 'No-go: fewer than 80 % routed right first time, or any misrouted bodily-injury claim left unassigned for more than a day.',
      amendments: [],
    },
    {
      ...owned('pilot-complaints'),
      useCaseId: ucId('Complaint summarization'),
      scope: 'Complaints received by email in January.',
      workflow: 'Officer opens the case and reads the summary first.',
      usesProductionData: null,
      successCriteria: 'Officers rate 4 of 5 summaries as complete and correct.',
      partialSuccessCriteria: '',
      failureCriteria: 'Any summary that invents a fact the file does not contain.',
      amendments: [],
    },
  ];
  rows.risks = [
    {
      ...owned('risk-1'),
      useCaseId: ucId('Claims triage'),
      title: 'Misrouted bodily-injury claims wait too long',
      category: 'operational',
      likelihood: 3,
      impact: 5,
      owner: 'Grace Liu',
      mitigation:
        'Bodily-injury claims always go to a human queue first; a daily report lists any injury claim not picked up within 4 hours, and the supervisor reassigns it by hand. The rule is tested every week with a sample of twenty claims from the previous week.',
      status: 'mitigating',
      dueDate: '2026-12-15',
    },
    {
      ...owned('risk-2'),
      useCaseId: ucId('Claims triage'),
      title: 'Queue API write access not granted in time',
      category: 'vendor',
      likelihood: 4,
      impact: 3,
      owner: 'Tomasz Łódź',
      mitigation: 'Escalate to the claims system vendor; fall back to suggestions shown in a side panel.',
      status: 'open',
      dueDate: '2026-11-01',
    },
    {
      ...owned('risk-3'),
      useCaseId: ucId('Fraud signal scoring'),
      title: 'Watchlist data may not be used for automated scoring',
      category: 'compliance',
      likelihood: 4,
      impact: 4,
      owner: 'Lena Müller',
      mitigation: 'Legal opinion before any pilot; score without watchlists first.',
      status: 'open',
      dueDate: '2027-01-15',
    },
    {
      ...owned('risk-4'),
      useCaseId: null,
      title: 'Handlers do not trust automated suggestions',
      category: 'adoption',
      likelihood: 3,
      impact: 3,
      owner: 'Freja Ærø',
      mitigation: 'Involve two handlers per team in the pilot design; publish weekly accuracy.',
      status: 'open',
      dueDate: '',
    },
  ];

  const roles = DEFAULT_ROLES.map((name, i) => ({
    ...owned(`role-${i + 1}`),
    order: i + 1,
    name,
    person: ['Dana Whitfield', 'Tomasz Łódź', 'Zoë Lambert', 'Δημήτρης Παπαδόπουλος'][i] ?? '',
  }));
  rows.roles = roles;
  const [po, tech, ops, sponsor] = roles.map((r) => r.id) as [string, string, string, string];
  rows.decisionRights = DEFAULT_DECISIONS.map((decision, i) => ({
    ...owned(`right-${i + 1}`),
    order: i + 1,
    decision,
    assignments:
      i === 4
        ? [
            { roleId: sponsor, raci: 'A' as const },
            { roleId: po, raci: 'A' as const },
            { roleId: ops, raci: 'C' as const },
          ]
        : [
            { roleId: po, raci: (i === 1 ? 'C' : 'A') as 'A' | 'C' },
            { roleId: tech, raci: (i === 1 ? 'A' : 'R') as 'A' | 'R' },
            { roleId: ops, raci: 'C' as const },
            { roleId: sponsor, raci: 'I' as const },
          ],
  }));
  rows.cadence = DEFAULT_CADENCE.map((c, i) => ({ ...owned(`cadence-${i + 1}`), order: i + 1, ...c }));

  rows.controls = CONTROL_TEMPLATES.hardening.slice(0, 4).map((t, i) => ({
    ...owned(`control-${t.key}`),
    useCaseId: ucId('Claims triage'),
    checklist: 'hardening' as const,
    key: t.key,
    order: i + 1,
    label: t.label,
    status: i === 0 ? ('done' as const) : ('todo' as const),
    owner: 'Zoë Lambert',
    dueDate: i === 1 ? '2026-11-10' : '',
  }));

  const log: GateDecision[] = [];
  const decide = (title: string, from: GateDecision['fromStage'], to: GateDecision['toStage'], decision: GateDecision['decision'], date: string, rationale: string) => {
    const last = log[log.length - 1];
    const createdAt = `${date}T16:00:00.000Z`;
    const sealed = sealEntry(last, {
      useCaseTitle: title,
      fromStage: from,
      toStage: to,
      criteria: [
        { name: 'Readiness diagnostic says the pilot can start', result: 'pass' as const, evidence: 'Average 4.0' },
        { name: 'A named business owner for the outcome', result: 'pass' as const, evidence: 'Dana Whitfield' },
        { name: 'Baseline values exist or can be measured for the main KPIs', result: 'n/a' as const, evidence: '' },
      ],
      decision,
      rationale,
      decidedBy: 'Δημήτρης Παπαδόπουλος',
      nextActionsOwner: 'Dana Whitfield',
      date,
      createdAt,
    });
    log.push({ ...owned(`decision-${log.length + 1}`), updatedAt: createdAt, useCaseId: ucId(title), ...sealed });
  };
  decide('Claims triage', 'readiness', 'pilot-design', 'advance', '2026-11-23', 'Every readiness dimension is 3 or higher; owner and sponsor named in the room.');
  decide('Complaint summarization', 'readiness', 'pilot-design', 'advance', '2026-11-23', 'Small, contained pilot; complaints officer keen.');
  decide('Claims triage', 'pilot-design', 'pilot', 'advance', '2026-12-07', 'Criteria agreed and signed by the sponsor; production data confirmed.');
  rows.gateDecisions = log;

  const kpi = (id: string, useCaseId: string, key: string, over: Partial<Kpi>): Kpi => {
    const tpl = libraryTemplate(key);
    if (!tpl) throw new Error(`No KPI template ${key}`);
    return { ...owned(id), useCaseId, ...kpiFieldsFromTemplate(tpl), ...over };
  };
  const triage = ucId('Claims triage');
  rows.kpis = [
    kpi('kpi-accuracy', triage, 'accuracy', { name: 'Routing accuracy', baseline: 78, target: 92, greenAt: 90, redAt: 80, owner: 'Tomasz Łódź', forecast: 90 }),
    kpi('kpi-fallback', triage, 'fallback-rate', { baseline: 100, target: 25, greenAt: 30, redAt: 50, owner: 'Zoë Lambert' }),
    kpi('kpi-complaints', ucId('Complaint summarization'), 'unsupported-answers', { baseline: 0, target: 0, greenAt: 1, redAt: 3, owner: 'Freja Ærø' }),
  ];
  rows.measurements = [
    { ...owned('m-1'), kpiId: 'kpi-accuracy', date: '2026-12-01', value: 84, note: 'Week 1' },
    { ...owned('m-2'), kpiId: 'kpi-accuracy', date: '2026-12-08', value: 88.5, note: 'Week 2' },
    { ...owned('m-3'), kpiId: 'kpi-fallback', date: '2026-12-08', value: 55, note: 'Queue API still read-only' },
  ];

  // The roadmap: the eight highest ranked, in rank order, two pilots at a time; Fraud signal
  // scoring (rank 8) gets its readiness sprint first.
  const ranked = buildPortfolioRows(workshop, rows).filter((r) => r.rank !== null);
  const planned: UseCasePlan[] = [];
  let item = 0;
  for (const r of ranked.slice(0, 8)) {
    const drafts = placeNewPlan(planned, r.useCaseId, { readinessSprint: r.title === 'Fraud signal scoring', maxParallel: workshop.roadmap.maxParallelPilots });
    const items = drafts.map((d): RoadmapItem => ({ ...owned(`rm-${++item}`), ...d }));
    planned.push({ useCaseId: r.useCaseId, items });
    rows.roadmapItems.push(...items);
  }
  return { workshop, rows };
}
