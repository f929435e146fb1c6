// The sponsor pack as a document: which headings, paragraphs, tables and charts present the
// pack's content, in which order. The words come from domain/sponsor-pack.ts; this file only
// arranges them.
import { formatScore } from '../domain/scoring';
import { PACK_SECTION_LABELS, longDate, shortDate, type KpiLine, type PortfolioRow, type SponsorPack, type UseCaseDossier } from '../domain/sponsor-pack';
import { COLORS, contentBox, type Block, type Cell, type DocumentSpec, type Tone } from './layout';
import { matrixChartBlock } from './charts/matrix-chart';
import { ganttBlocks } from './charts/gantt-chart';
import { riskHeatmapBlock } from './charts/risk-heatmap';
import { kpiTrendBlock } from './charts/kpi-sparkline';

export const SECTION_ANCHORS = {
  decisions: 'decisions',
  status: 'status',
  summary: 'summary',
  portfolio: 'portfolio',
  'use-cases': 'use-cases',
  risks: 'risks',
  roadmap: 'roadmap',
  governance: 'governance',
  health: 'health',
} as const;

const BAND_COLORS: Record<string, { color: string; fill: string }> = {
  critical: { color: COLORS.bad, fill: COLORS.badSoft },
  high: { color: COLORS.warn, fill: COLORS.warnSoft },
  medium: { color: COLORS.text, fill: '#f3f4f7' },
  low: { color: COLORS.good, fill: COLORS.goodSoft },
  red: { color: COLORS.bad, fill: COLORS.badSoft },
  amber: { color: COLORS.warn, fill: COLORS.warnSoft },
  green: { color: COLORS.good, fill: COLORS.goodSoft },
};

function banded(text: string, key: string): Cell {
  const c = BAND_COLORS[key];
  return c ? { text, bold: true, color: c.color, fill: c.fill } : text;
}

const dash = (s: string) => (s.trim() ? s : '—');

export function sponsorDocument(pack: SponsorPack): DocumentSpec {
  const { meta } = pack;
  const blocks: Block[] = [];
  const has = (s: SponsorPack['sections'][number]) => pack.sections.includes(s);

  blocks.push({
    kind: 'cover',
    kicker: meta.confidential ? 'Sponsor pack · Confidential' : 'Sponsor pack',
    title: meta.name,
    // The plan's real length, not the template's "120 days" (a plan that slipped runs longer).
    subtitle: `From AI pilots to production: the prioritized portfolio, ${pack.roadmap.planned ? `the stage-gated ${pack.roadmap.days}-day plan` : 'the stage gates'}, KPIs, risks, owners and decisions${meta.client ? ` for ${meta.client}` : ''}.`,
    facts: [
      { label: 'Client', value: meta.client },
      { label: 'Workshop date', value: meta.workshopDateLabel },
      { label: 'Facilitator', value: [meta.facilitator, meta.consultancy].filter(Boolean).join(', ') },
      { label: 'Roadmap starts', value: longDate(meta.roadmapStartDate) },
      { label: 'Document date', value: meta.preparedOnLabel },
      ...(meta.version ? [{ label: 'Version', value: meta.version }] : []),
    ],
    logo: meta.logo ? { dataUrl: meta.logo.dataUrl, format: meta.logo.type === 'image/png' ? 'PNG' : 'JPEG', width: meta.logo.width, height: meta.logo.height } : null,
    note: `Prepared with Liftoff from the workshop's own records: scores, readiness diagnostics, pilot designs, risks, the append-only decision log and the plan. Figures are as of ${meta.preparedOnLabel}.`,
  });
  // Decisions first: the page right after the cover asks the sponsor what to decide.
  if (has('decisions')) decisions(pack, blocks);
  if (has('status')) status(pack, blocks);
  blocks.push({ kind: 'toc', title: 'Contents' });

  if (has('summary')) summary(pack, blocks);
  if (has('portfolio')) portfolio(pack, blocks);
  if (has('use-cases')) dossiers(pack, blocks);
  if (has('risks')) risks(pack, blocks);
  if (has('roadmap')) roadmap(pack, blocks);
  if (has('governance')) governance(pack, blocks);
  if (has('health')) health(pack, blocks);

  return {
    title: `Sponsor pack: ${meta.name}`,
    paper: meta.paper,
    header: `${meta.confidential ? 'CONFIDENTIAL · ' : ''}${meta.consultancy ? `${meta.consultancy} · ` : ''}Sponsor pack · ${meta.name}${meta.client ? ` · ${meta.client}` : ''}`,
    footer: `${meta.name}${meta.version ? ` · version ${meta.version}` : ''} · ${meta.preparedOnLabel}`,
    blocks,
  };
}

function h1(blocks: Block[], key: keyof typeof SECTION_ANCHORS, orientation: 'portrait' | 'landscape' = 'portrait', text: string = PACK_SECTION_LABELS[key]): void {
  blocks.push({ kind: 'heading', level: 1, text, anchor: SECTION_ANCHORS[key], toc: true, newPage: true, orientation });
}

const DECISION_TONES: Record<string, string> = {
  'start-pilot': 'green',
  scale: 'green',
  'readiness-sprint': 'amber',
  'improve-pilot': 'amber',
  'second-validation': 'amber',
  stop: 'red',
};

function decisions(pack: SponsorPack, blocks: Block[]): void {
  const d = pack.decisions;
  h1(blocks, 'decisions');
  blocks.push({ kind: 'paragraph', text: d.lead, bold: true });
  if (d.items.length) {
    blocks.push({
      kind: 'paragraph',
      tone: 'muted',
      text: 'Each recommendation follows from the workshop’s records: the readiness verdict, the pilot’s agreed criteria, the last gate review, KPIs against their bands, open risks and overdue controls. The facts that drive it are listed with it.',
    });
    blocks.push({
      kind: 'table',
      label: 'Decisions requested',
      columns: [
        { header: '#', width: 4, align: 'right' },
        { header: 'Use case', width: 20 },
        { header: 'Recommended', width: 14 },
        { header: 'Why', width: 37 },
        { header: 'Asked of you', width: 25 },
      ],
      rows: d.items.map((i, n): Cell[] => [
        String(n + 1),
        { text: `${i.title}\n${i.stageLabel}`, bold: false },
        banded(i.label, DECISION_TONES[i.decision] ?? ''),
        [i.wording, ...i.facts.map((f) => `• ${f}`)].join('\n'),
        [`Decision: ${i.ask.decision || i.label.toLowerCase()}`, `People: ${i.ask.people || '—'}`, `Budget: ${i.ask.budget || '—'}`].join('\n'),
      ]),
    });
  }
  blocks.push({
    kind: 'signature',
    title: d.approver ? `Approved by ${d.approver}, governance sponsor` : 'Approved by the governance sponsor',
    fields: ['Name', 'Signature', 'Date'],
  });
}

function status(pack: SponsorPack, blocks: Block[]): void {
  const s = pack.status;
  h1(blocks, 'status');
  blocks.push({ kind: 'paragraph', text: s.lead, bold: true });
  if (s.rows.length === 0) return;
  blocks.push({
    kind: 'paragraph',
    tone: 'muted',
    text: 'One row per use case, in rank order. KPI status counts each KPI by the band of its latest measurement, worst first; the top risk is the open risk with the highest score (likelihood × impact); the next gate is dated by the stage-gate cadence.',
  });
  blocks.push({
    kind: 'table',
    label: 'Status at a glance',
    columns: [
      { header: '#', width: 4, align: 'right' },
      { header: 'Use case', width: 27.5 },
      { header: 'Stage', width: 19.5 },
      { header: 'KPI status', width: 14 },
      { header: 'Top open risk', width: 19 },
      { header: 'Next gate', width: 16 },
    ],
    rows: s.rows.map((r): Cell[] => [
      r.rank === null ? '–' : String(r.rank),
      r.title,
      r.stage === 'stopped' ? { text: 'Stopped', bold: true, color: COLORS.bad } : r.stageLabel,
      r.worstBand ? banded(r.kpiStatus, r.worstBand) : r.kpiStatus,
      r.topRiskBand === 'critical' || r.topRiskBand === 'high' ? { text: r.topRisk, color: BAND_COLORS[r.topRiskBand]?.color } : r.topRisk,
      r.nextGateDate ? `${r.nextGate}\n${shortDate(r.nextGateDate)}` : r.nextGate,
    ]),
  });
}

function summary(pack: SponsorPack, blocks: Block[]): void {
  h1(blocks, 'summary');
  for (const p of pack.summary.lead) blocks.push({ kind: 'paragraph', text: p });
  blocks.push({ kind: 'heading', level: 3, text: 'Key figures' });
  blocks.push({ kind: 'facts', label: 'Key figures', rows: pack.summary.facts });
  if (pack.summary.top.length) {
    blocks.push({ kind: 'heading', level: 3, text: 'Highest ranked use cases' });
    blocks.push({
      kind: 'table',
      label: 'Highest ranked',
      columns: [
        { header: '#', width: 4, align: 'right' },
        { header: 'Use case', width: 30 },
        { header: 'Score', width: 7, align: 'right' },
        { header: 'Quadrant', width: 14 },
        { header: 'Readiness verdict', width: 17 },
        { header: 'Stage', width: 17 },
      ],
      rows: pack.summary.top.map((r) => [String(r.rank ?? '–'), r.title, formatScore(r.combined), r.quadrantLabel, r.verdictLabel, r.stageLabel]),
    });
  }
  if (pack.summary.attention.length) {
    blocks.push({ kind: 'heading', level: 3, text: 'Needs attention' });
    blocks.push({ kind: 'bullets', items: pack.summary.attention });
  }
  if (pack.meta.participants.length) {
    blocks.push({ kind: 'heading', level: 3, text: 'Who took part' });
    blocks.push({
      kind: 'table',
      label: 'Participants',
      columns: [
        { header: 'Name', width: 1 },
        { header: 'Role', width: 1 },
      ],
      rows: pack.meta.participants.map((p) => [p.name, p.roleLabel]),
    });
  }
  // The sponsor signs once, on the decisions page: a second sign-off here would ask for the same
  // signature twice (and often sat alone on the last page of the summary).
  if (!pack.sections.includes('decisions')) blocks.push({ kind: 'signature', title: 'Sponsor sign-off', fields: ['Name', 'Signature', 'Date'] });
}

function portfolioRow(r: PortfolioRow): Cell[] {
  return [
    r.rank === null ? '–' : `${r.rank}${r.tied ? '=' : ''}`,
    r.title,
    formatScore(r.scores.impact),
    formatScore(r.scores.feasibility),
    formatScore(r.scores.readiness),
    { text: formatScore(r.combined), bold: true },
    r.quadrantLabel,
    r.stageLabel,
    dash(r.owner),
  ];
}

function portfolio(pack: SponsorPack, blocks: Block[]): void {
  const p = pack.portfolio;
  h1(blocks, 'portfolio');
  blocks.push({
    kind: 'paragraph',
    text: `Every use case ranked by its weighted score (${p.weights}). Scores are the consensus per criterion, 1 to 5. ${p.tieBreak} "=" marks a tie decided by that rule.`,
    tone: 'muted',
  });
  blocks.push({ kind: 'heading', level: 2, text: 'Ranking', anchor: 'ranking', toc: true });
  if (p.rows.length === 0) blocks.push({ kind: 'paragraph', text: 'No use cases have been captured yet.' });
  blocks.push({
    kind: 'table',
    label: 'Ranked portfolio',
    columns: [
      { header: '#', width: 5, align: 'right' },
      { header: 'Use case', width: 25 },
      { header: 'Impact', width: 8, align: 'right' },
      { header: 'Feasibility', width: 10, align: 'right' },
      { header: 'Readiness', width: 10, align: 'right' },
      { header: 'Score', width: 7, align: 'right' },
      { header: 'Quadrant', width: 11 },
      { header: 'Stage', width: 12 },
      { header: 'Owner', width: 12 },
    ],
    rows: p.rows.map(portfolioRow),
  });
  blocks.push({ kind: 'heading', level: 2, text: 'Prioritization matrix', anchor: 'matrix', toc: true });
  blocks.push({
    kind: 'paragraph',
    text: 'Business impact against feasibility. High means 4 or 5: quick wins are high on both, strategic bets high on impact only, fill-ins high on feasibility only.',
    tone: 'muted',
  });
  if (p.points.length) blocks.push(matrixChartBlock(p.points));
  else blocks.push({ kind: 'paragraph', text: 'No use case is scored enough to place on the matrix yet.' });
  blocks.push({
    kind: 'table',
    label: 'Quadrants',
    columns: [
      { header: 'Quadrant', width: 18 },
      { header: 'Use cases (rank. title)', width: 82 },
    ],
    rows: [
      ...p.quadrants.map((q): Cell[] => [{ text: q.label, bold: true }, q.titles.length ? q.titles.join(' · ') : '—']),
      ...(p.unplaced.length ? [[{ text: 'Not placed yet', bold: true }, p.unplaced.join(' · ')] as Cell[]] : []),
      ...(p.stopped.length
        ? [[{ text: 'Stopped (off the matrix)', bold: true, color: COLORS.bad }, p.stopped.map((x) => `${x.title}${x.reason ? ` — ${x.reason}` : ''}`).join(' · ')] as Cell[]]
        : []),
    ],
  });
}

function scoreRows(u: UseCaseDossier): Cell[][] {
  return u.scores.map((s) => [
    { text: s.label, bold: true },
    { text: formatScore(s.consensus), bold: true },
    s.sourceLabel,
    s.round ? String(s.round.n) : '—',
    s.round ? formatScore(s.round.mean) : '—',
    s.round ? formatScore(s.round.median) : '—',
    s.round ? `${s.round.min}–${s.round.max}` : '—',
    s.round ? banded(String(s.round.spread), s.round.disagreement ? 'amber' : '') : '—',
  ]);
}

function verdictTone(v: UseCaseDossier['readiness']['verdict']): Tone {
  return v === 'start-pilot' ? 'good' : v === 'readiness-sprint' ? 'warn' : 'neutral';
}

function kpiRows(kpis: readonly KpiLine[]): Cell[][] {
  return kpis.map((k) => [
    { text: `${k.name}${k.unit ? ` (${k.unit})` : ''}`, bold: true },
    `${k.layerLabel} · ${k.roleLabel}`,
    k.baselineNumber,
    k.targetNumber,
    `green ${k.greenAtNumber} · red ${k.redAtNumber}`,
    k.latestNumber === '—' ? '—' : `${k.latestNumber}${k.latestDate ? ` (${shortDate(k.latestDate)})` : ''}`,
    banded(k.bandLabel, k.band),
    dash(k.owner),
  ]);
}

function dossier(u: UseCaseDossier, blocks: Block[], newPage: boolean, paper: SponsorPack['meta']['paper']): void {
  blocks.push({
    kind: 'heading',
    level: 2,
    text: u.rank === null ? u.title : `${u.rank}. ${u.title}`,
    anchor: `uc-${u.id}`,
    toc: true,
    newPage,
  });
  blocks.push({
    kind: 'facts',
    label: `${u.title}: facts`,
    rows: [
      { label: 'Stage', value: u.stageLabel },
      { label: 'Combined score', value: `${u.combined} · ${u.quadrantLabel}` },
      { label: 'Kind', value: u.kindLabel },
      { label: 'Department', value: dash(u.department) },
      { label: 'Business owner', value: dash(u.businessOwner) },
    ],
  });
  if (u.stopped) {
    blocks.push({
      kind: 'callout',
      tone: 'bad',
      title: `Stopped${u.stopped.date ? ` on ${longDate(u.stopped.date)}` : ''}${u.stopped.decidedBy ? ` by ${u.stopped.decidedBy}` : ''}`,
      lines: [u.stopped.reason || 'No reason was recorded with the decision.', 'It is off the matrix and the roadmap; its record is kept below.'],
    });
  }
  if (u.problem.trim() || u.expectedValue.trim() || u.dataSources.trim()) {
    blocks.push({ kind: 'heading', level: 3, text: 'Problem and expected value' });
    if (u.problem.trim()) blocks.push({ kind: 'paragraph', text: u.problem });
    if (u.expectedValue.trim()) blocks.push({ kind: 'paragraph', text: `Expected value: ${u.expectedValue}` });
    if (u.dataSources.trim()) blocks.push({ kind: 'paragraph', text: `Data sources: ${u.dataSources}`, tone: 'muted' });
  }

  blocks.push({ kind: 'heading', level: 3, text: 'Scores and spread' });
  blocks.push({
    kind: 'table',
    label: `${u.title}: scores`,
    columns: [
      { header: 'Criterion', width: 22 },
      { header: 'Consensus', width: 10, align: 'right' },
      { header: 'Where it comes from', width: 22 },
      { header: 'Scorers', width: 8, align: 'right' },
      { header: 'Mean', width: 8, align: 'right' },
      { header: 'Median', width: 8, align: 'right' },
      { header: 'Range', width: 8, align: 'right' },
      { header: 'Spread', width: 8, align: 'right' },
    ],
    rows: scoreRows(u),
  });
  blocks.push({
    kind: 'paragraph',
    tone: 'small',
    text: u.roundNumber
      ? `Individual scores from scoring round ${u.roundNumber}, revealed together. A spread of 2 or more (highlighted) was flagged for discussion.`
      : 'No scoring round has been revealed for this use case yet; the consensus comes from the first estimates.',
  });
  if (u.discussion.length) {
    blocks.push({ kind: 'heading', level: 3, text: 'What the room said about the scores' });
    blocks.push({ kind: 'bullets', items: u.discussion.map((d) => `Round ${d.round}: ${d.text}`) });
  }

  blocks.push({ kind: 'heading', level: 3, text: 'Readiness verdict' });
  const r = u.readiness;
  blocks.push({
    kind: 'callout',
    tone: verdictTone(r.verdict),
    title: `${r.verdictLabel}${r.average !== null ? ` · average ${r.average.toFixed(1)} of 5` : ''}`,
    lines: [...r.reasons, ...r.warnings.map((w) => `Note: ${w}`)],
  });
  if (r.dimensions.length) {
    blocks.push({
      kind: 'table',
      label: `${u.title}: readiness`,
      columns: [
        { header: 'Dimension', width: 24 },
        { header: 'Score', width: 8, align: 'right' },
        { header: 'Evidence', width: 68 },
      ],
      rows: r.dimensions.map((d) => [d.label, d.score === null ? '—' : `${d.score} of 5`, dash(d.evidence)]),
    });
  }

  blocks.push({ kind: 'heading', level: 3, text: 'Pilot success criteria' });
  if (u.pilot) {
    blocks.push({
      kind: 'facts',
      label: `${u.title}: pilot`,
      rows: [
        { label: 'Scope', value: dash(u.pilot.scope) },
        { label: 'Workflow', value: dash(u.pilot.workflow) },
        { label: 'Data', value: u.pilot.productionData },
        { label: 'Success (go)', value: dash(u.pilot.success) },
        { label: 'Partial success (iterate)', value: dash(u.pilot.partial) },
        { label: 'Failure (no-go)', value: dash(u.pilot.failure) },
        {
          label: 'Locked',
          value: u.pilot.lockedOn
            ? `Since ${u.pilot.lockedOn}${u.pilot.amendments ? `, with ${u.pilot.amendments} recorded amendment${u.pilot.amendments === 1 ? '' : 's'}` : ', no amendments'}`
            : 'Not yet: the criteria can still change before the pilot starts',
        },
      ],
    });
    if (u.pilot.amendmentLines.length) {
      blocks.push({ kind: 'heading', level: 3, text: 'Amendments to the locked criteria' });
      blocks.push({
        kind: 'table',
        label: `${u.title}: amendments`,
        columns: [
          { header: 'Date', width: 13 },
          { header: 'What', width: 13 },
          { header: 'Before', width: 25 },
          { header: 'After', width: 25 },
          { header: 'Reason', width: 24 },
        ],
        rows: u.pilot.amendmentLines.map((a) => [a.date, { text: a.field, bold: true }, dash(a.before), dash(a.after), dash(a.reason)]),
      });
    }
  } else {
    blocks.push({
      kind: 'paragraph',
      text: u.stopped ? 'No pilot design was written before it was stopped.' : 'No pilot design has been written yet: success, partial-success and failure criteria are still to agree.',
      tone: 'muted',
    });
  }

  blocks.push({ kind: 'heading', level: 3, text: 'KPIs' });
  if (u.kpis.length) {
    blocks.push({
      kind: 'table',
      label: `${u.title}: KPIs`,
      columns: [
        { header: 'KPI', width: 19 },
        { header: 'Layer · role', width: 15 },
        { header: 'Baseline', width: 9, align: 'right' },
        { header: 'Target', width: 9, align: 'right' },
        { header: 'Thresholds', width: 16 },
        { header: 'Latest', width: 13 },
        { header: 'Status', width: 9 },
        { header: 'Owner', width: 10 },
      ],
      rows: kpiRows(u.kpis),
    });
    const trends = kpiTrendBlock(u.title, u.kpis, contentBox('portrait', paper).w);
    if (trends) {
      blocks.push({ kind: 'heading', level: 3, text: 'KPI trends' });
      blocks.push({ kind: 'paragraph', text: u.kpiLead, bold: true });
      blocks.push(trends);
      blocks.push({
        kind: 'paragraph',
        tone: 'small',
        text: 'Each line joins the measurements in date order over the green, amber and red bands; the grey dotted line is the baseline, the blue dashed line the target; the large dot is the latest value.',
      });
    }
    const actions = u.kpis
      .filter((k) => k.band !== 'no-data' || k.forecast)
      .map((k) => [`${k.name}: ${k.summary}`, k.action ? `Agreed response: ${k.action}` : '', k.forecast].filter(Boolean).join(' '));
    if (actions.length) blocks.push({ kind: 'bullets', items: actions, tone: 'small' });
  } else {
    blocks.push({ kind: 'paragraph', text: 'No KPIs defined yet.', tone: 'muted' });
  }

  blocks.push({ kind: 'heading', level: 3, text: 'Risks' });
  if (u.risks.length) {
    blocks.push({
      kind: 'table',
      label: `${u.title}: risks`,
      columns: [
        { header: 'Risk', width: 22 },
        { header: 'Category', width: 10 },
        { header: 'L × I', width: 7, align: 'center' },
        { header: 'Band', width: 9 },
        { header: 'Owner', width: 12 },
        { header: 'Mitigation', width: 26 },
        { header: 'Status · due', width: 14 },
      ],
      rows: u.risks.map((k) => [
        { text: k.title, bold: true },
        k.categoryLabel,
        `${k.likelihood} × ${k.impact} = ${k.score}`,
        banded(k.bandLabel, k.band),
        dash(k.owner),
        dash(k.mitigation),
        k.overdue
          ? { text: `${k.statusLabel} · overdue since ${shortDate(k.dueDate)}`, bold: true, color: COLORS.bad }
          : `${k.statusLabel}${k.dueDate ? ` · due ${shortDate(k.dueDate)}` : ''}`,
      ]),
    });
  } else {
    blocks.push({ kind: 'paragraph', text: 'No risks recorded for this use case.', tone: 'muted' });
  }

  blocks.push({ kind: 'heading', level: 3, text: 'Owners' });
  if (u.owners.length) blocks.push({ kind: 'facts', label: `${u.title}: owners`, rows: u.owners });
  else blocks.push({ kind: 'paragraph', text: 'No owner named yet.', tone: 'muted' });

  blocks.push({ kind: 'heading', level: 3, text: 'Gate decisions' });
  if (u.decisions.length) {
    blocks.push({
      kind: 'table',
      label: `${u.title}: decisions`,
      columns: [
        { header: '#', width: 4, align: 'right' },
        { header: 'Date', width: 11 },
        { header: 'Decision', width: 30 },
        { header: 'Criteria', width: 15 },
        { header: 'Decided by · next actions', width: 15 },
        { header: 'Rationale', width: 25 },
      ],
      rows: u.decisions.map((d) => [
        String(d.number),
        shortDate(d.date),
        { text: d.plain, bold: true },
        d.criteria,
        `${dash(d.decidedBy)} · ${dash(d.nextActionsOwner)}`,
        dash(d.rationale),
      ]),
    });
  } else {
    blocks.push({ kind: 'paragraph', text: 'No gate decision recorded yet.', tone: 'muted' });
  }
  if (u.findings) {
    blocks.push({
      kind: 'paragraph',
      tone: 'small',
      text: `The health check lists ${u.findings} finding${u.findings === 1 ? '' : 's'} for this use case (see "Roadmap health check").`,
    });
  }
}

function dossiers(pack: SponsorPack, blocks: Block[]): void {
  h1(blocks, 'use-cases');
  blocks.push({
    kind: 'paragraph',
    text: pack.useCases.length
      ? `${pack.useCases.length === 1 ? 'One use case has' : `${pack.useCases.length} use cases have`} been worked on beyond scoring${pack.useCases.some((u) => u.stopped) ? `, ${pack.useCases.filter((u) => u.stopped).length} of them stopped` : ''}. Each follows in rank order: scores and their spread, the readiness verdict, the pilot's success criteria, KPIs, risks, owners and the gate decisions taken so far.`
      : pack.appendix.length
        ? 'No use case of this pack has been worked on beyond scoring yet.'
        : 'No use case was selected for this pack.',
  });
  // The first use case follows the section's introduction on the same page; each next one starts a page.
  pack.useCases.forEach((u, i) => dossier(u, blocks, i > 0, pack.meta.paper));
  if (pack.appendix.length) {
    blocks.push({ kind: 'heading', level: 2, text: 'Use cases not worked on beyond scoring', anchor: 'appendix', toc: true, newPage: pack.useCases.length > 0 });
    blocks.push({
      kind: 'paragraph',
      tone: 'muted',
      text: `${pack.appendix.length === 1 ? 'This use case has' : `These ${pack.appendix.length} use cases have`} no readiness diagnostic, pilot design, KPI, risk, control or gate decision yet: one line each instead of a page of blanks.`,
    });
    blocks.push({
      kind: 'table',
      label: 'Not worked on yet',
      columns: [
        { header: '#', width: 5, align: 'right' },
        { header: 'Use case', width: 37 },
        { header: 'Score', width: 8, align: 'right' },
        { header: 'Quadrant', width: 16 },
        { header: 'Stage', width: 17 },
        { header: 'Owner', width: 17 },
      ],
      rows: pack.appendix.map((r) => [r.rank === null ? '–' : String(r.rank), r.title, formatScore(r.combined), r.quadrantLabel, r.stageLabel, dash(r.owner)]),
    });
  }
}

function riskRows(list: SponsorPack['risks']['top']): Cell[][] {
  return list.map((k) => [
    { text: k.title, bold: true },
    k.useCase,
    `${k.likelihood} × ${k.impact}`,
    banded(k.bandLabel, k.band),
    dash(k.owner),
    dash(k.mitigation),
    k.overdue ? { text: `${k.statusLabel} · overdue since ${shortDate(k.dueDate)}`, bold: true, color: COLORS.bad } : `${k.statusLabel}${k.dueDate ? ` · due ${shortDate(k.dueDate)}` : ''}`,
  ]);
}

const RISK_COLUMNS = [
  { header: 'Risk', width: 20 },
  { header: 'Use case', width: 14 },
  { header: 'L × I', width: 7, align: 'center' as const },
  { header: 'Band', width: 9 },
  { header: 'Owner', width: 12 },
  { header: 'Mitigation', width: 24 },
  { header: 'Status · due', width: 14 },
];

function risks(pack: SponsorPack, blocks: Block[]): void {
  const r = pack.risks;
  h1(blocks, 'risks');
  blocks.push({ kind: 'paragraph', text: r.lead, bold: true });
  if (r.top.length) {
    blocks.push(riskHeatmapBlock(r.heat));
    blocks.push({ kind: 'heading', level: 3, text: 'Top open risks' });
    blocks.push({ kind: 'table', label: 'Top risks', columns: RISK_COLUMNS, rows: riskRows(r.top) });
  }
  if (r.accepted.length) {
    blocks.push({ kind: 'heading', level: 3, text: 'Accepted risks' });
    blocks.push({ kind: 'table', label: 'Accepted risks', columns: RISK_COLUMNS, rows: riskRows(r.accepted) });
  }
}

function roadmap(pack: SponsorPack, blocks: Block[]): void {
  const r = pack.roadmap;
  if (!r.gantt || r.gantt.rows.length === 0) {
    // No plan: a short portrait note rather than an empty landscape chart page.
    h1(blocks, 'roadmap', 'portrait', 'The roadmap');
    blocks.push({ kind: 'paragraph', text: r.startDate ? `No use case of this pack has been placed on the roadmap yet; it would start on ${longDate(r.startDate)}.` : 'No use case of this pack has been placed on the roadmap yet, and no start date is set.' });
    return;
  }
  h1(blocks, 'roadmap', 'landscape', `${r.title}: ${longDate(r.startDate)} – ${longDate(r.endDate)}`);
  const span = `from ${longDate(r.startDate)} to ${longDate(r.endDate)}`;
  blocks.push({
    kind: 'paragraph',
    text: `The plan runs ${span}, day 1 being the start date. Bars are phases, diamonds are gates where the next stage is decided, dots are governance meetings${pack.generatedOn >= r.startDate && pack.generatedOn <= r.endDate ? `, the red dashed line is today (${longDate(pack.generatedOn)})` : ''}.${r.unplanned.length ? ` ${r.unplanned.length === 1 ? 'One use case is' : `${r.unplanned.length} use cases are`} not planned yet (listed below the chart).` : ''}`,
    tone: 'muted',
  });
  blocks.push(...ganttBlocks(r.gantt, pack.generatedOn));
  // After the chart, so a long list never pushes the chart off the chapter's first page.
  if (r.unplanned.length) blocks.push({ kind: 'paragraph', tone: 'muted', text: `Not planned yet: ${r.unplanned.join(' · ')}.` });
  if (r.sessions.length) {
    blocks.push({ kind: 'heading', level: 2, text: 'Stage-gate sessions: each gate decided at the first session on or after it', anchor: 'gate-sessions', toc: true });
    blocks.push({
      kind: 'table',
      label: 'Stage-gate sessions',
      columns: [
        { header: 'Session', width: 22 },
        { header: 'Time', width: 8 },
        { header: 'Gates decided', width: 70 },
      ],
      rows: r.sessions.map((x): Cell[] => [{ text: x.dateLabel, bold: true }, x.time || 'all day', x.gates.split('; ').join('\n')]),
    });
  }
}

function governance(pack: SponsorPack, blocks: Block[]): void {
  const g = pack.governance;
  h1(blocks, 'governance');
  blocks.push({ kind: 'callout', tone: g.decisionLog.ok ? 'good' : 'bad', title: g.decisionLog.ok ? 'Decision log verified' : 'Decision log does NOT verify', lines: [g.decisionLog.message] });

  blocks.push({ kind: 'heading', level: 2, text: 'Governance cadence', anchor: 'cadence', toc: true });
  if (g.cadence.length) {
    blocks.push({
      kind: 'table',
      label: 'Cadence',
      columns: [
        { header: 'Meeting', width: 24 },
        { header: 'When', width: 34 },
        { header: 'Attendees', width: 42 },
      ],
      rows: g.cadence.map((c) => [{ text: c.title, bold: true }, c.when, dash(c.attendees)]),
    });
  } else {
    blocks.push({ kind: 'paragraph', text: 'No governance meetings agreed yet.', tone: 'muted' });
  }

  blocks.push({ kind: 'heading', level: 2, text: 'Decision rights', anchor: 'raci', toc: true });
  if (g.roles.length) {
    blocks.push({ kind: 'heading', level: 3, text: 'Roles' });
    blocks.push({
      kind: 'table',
      label: 'Roles',
      columns: [
        { header: 'Role', width: 1 },
        { header: 'Person', width: 1 },
      ],
      rows: g.roles.map((r) => [{ text: r.name, bold: true }, dash(r.person)]),
    });
  }
  if (g.decisions.length && g.roles.length) {
    // At most six roles per table, so every letter stays readable.
    for (let i = 0; i < g.roles.length; i += 6) {
      const roles = g.roles.slice(i, i + 6);
      blocks.push({ kind: 'heading', level: 3, text: g.roles.length > 6 ? `RACI (roles ${i + 1}–${i + roles.length})` : 'RACI' });
      blocks.push({
        kind: 'table',
        label: 'RACI',
        columns: [{ header: 'Decision', width: 30 }, ...roles.map((r) => ({ header: r.name, width: 70 / roles.length, align: 'center' as const }))],
        rows: g.decisions.map((d) => [{ text: d.decision, bold: true }, ...roles.map((r): Cell => (d.letters[r.id] ? { text: d.letters[r.id] as string, bold: true } : '·'))]),
      });
    }
    blocks.push({ kind: 'paragraph', text: g.raciLegend, tone: 'small' });
  } else {
    blocks.push({ kind: 'paragraph', text: 'No decision rights assigned yet.', tone: 'muted' });
  }
  if (g.raciProblems.length) {
    blocks.push({ kind: 'callout', tone: 'warn', title: 'To settle: every decision needs exactly one Accountable role', lines: g.raciProblems });
  }
}

function health(pack: SponsorPack, blocks: Block[]): void {
  const h = pack.health;
  h1(blocks, 'health');
  const total = h.counts.high + h.counts.medium + h.counts.low;
  blocks.push({
    kind: 'paragraph',
    text:
      total === 0
        ? 'The health check looks for the usual ways AI pilots stall (no baseline, no success criteria, unclear ownership, hardening deferred, no fallback, no monitoring…). It finds nothing missing.'
        : `The health check looks for the usual ways AI pilots stall (no baseline, no success criteria, unclear ownership, hardening deferred, no fallback, no monitoring…). It finds ${h.counts.high} high, ${h.counts.medium} medium and ${h.counts.low} low severity ${total === 1 ? 'issue' : 'issues'}, most severe first.`,
  });
  if (total === 0) return;
  blocks.push({
    kind: 'table',
    label: 'Health findings',
    columns: [
      { header: 'Severity', width: 9 },
      { header: 'Use case', width: 17 },
      { header: 'Finding', width: 19 },
      { header: 'What is missing', width: 36 },
      { header: 'Fix it in', width: 19 },
    ],
    rows: h.findings.map((f) => [banded(f.severityLabel, f.severity === 'high' ? 'red' : f.severity === 'medium' ? 'amber' : ''), f.useCase, { text: f.title, bold: true }, f.detail, f.fix]),
  });
}
