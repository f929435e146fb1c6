// The sponsor pack as a document: which headings, paragraphs, tables and charts present the
// pack's content, in which order. The words come from domain/sponsor-pack.ts; this file only
// arranges them.
import { packWords, type KpiLine, type PackWords, type PortfolioRow, type SponsorPack, type UseCaseDossier } from '../domain/sponsor-pack';
import { englishPack, loadedPackTranslator, type PackTranslator } from '../i18n/pack-catalog';
import { englishTranslator, loadedAppTranslator, type AppTranslator } from '../i18n/app-catalog';
import { messageText } from '../shared/message-text';
import type { Message } from '../domain/message';
import type { PackLine } from '../domain/sponsor-pack';

/** The pack's words, and the app catalog's for the sentences the domain writes as messages. */
type DocWords = PackWords & { say(m: Message): string };
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

/**
 * A sentence the domain wrote (readiness reasons, health findings, RACI problems, the cadence's
 * "when") in the pack's language, through the app's catalog in the workshop's language (the
 * engine loads it before laying out); plain text as it is.
 */
function say(w: DocWords, line: PackLine): string {
  return typeof line === 'string' ? line : w.say(line);
}

/**
 * The document in the pack's language. `translator` is the pack catalog of `pack.language`; the
 * engine loads it before laying out (English, always loaded, when it is not there).
 */
export function sponsorDocument(
  pack: SponsorPack,
  translator: PackTranslator = loadedPackTranslator(pack.language ?? 'en') ?? englishPack,
  // The app catalog in the workshop's language, for the sentences the domain writes as messages.
  app: AppTranslator = loadedAppTranslator(pack.language ?? 'en') ?? englishTranslator,
): DocumentSpec {
  const { meta } = pack;
  const w: DocWords = { ...packWords(translator), say: (m) => messageText(app.t, app.lang, m) };
  const t = w.t;
  const blocks: Block[] = [];
  const has = (s: SponsorPack['sections'][number]) => pack.sections.includes(s);

  blocks.push({
    kind: 'cover',
    kicker: t(meta.confidential ? 'pack.doc.kickerConfidential' : 'pack.doc.kicker'),
    title: meta.name,
    // The plan's real length, not the template's "120 days" (a plan that slipped runs longer).
    subtitle: t('pack.doc.subtitle', { plan: pack.roadmap.planned ? t('pack.doc.subtitlePlan', { days: pack.roadmap.days }) : t('pack.doc.subtitleGates'), client: meta.client ? t('pack.doc.subtitleClient', { client: meta.client }) : '' }),
    facts: [
      { label: t('pack.doc.client'), value: meta.client },
      { label: t('pack.doc.workshopDate'), value: meta.workshopDateLabel },
      { label: t('pack.doc.facilitator'), value: [meta.facilitator, meta.consultancy].filter(Boolean).join(', ') },
      { label: t('pack.doc.roadmapStarts'), value: w.long(meta.roadmapStartDate) },
      { label: t('pack.doc.documentDate'), value: meta.preparedOnLabel },
      ...(meta.version ? [{ label: t('pack.doc.version'), value: meta.version }] : []),
    ],
    logo: meta.logo ? { dataUrl: meta.logo.dataUrl, format: meta.logo.type === 'image/png' ? 'PNG' : 'JPEG', width: meta.logo.width, height: meta.logo.height } : null,
    note: t('pack.doc.note', { date: meta.preparedOnLabel }),
  });
  // Decisions first: the page right after the cover asks the sponsor what to decide.
  if (has('decisions')) decisions(pack, blocks, w);
  if (has('status')) status(pack, blocks, w);
  blocks.push({ kind: 'toc', title: t('pack.doc.contents') });

  if (has('summary')) summary(pack, blocks, w);
  if (has('portfolio')) portfolio(pack, blocks, w);
  if (has('use-cases')) dossiers(pack, blocks, w);
  if (has('risks')) risks(pack, blocks, w);
  if (has('roadmap')) roadmap(pack, blocks, w);
  if (has('governance')) governance(pack, blocks, w);
  if (has('health')) health(pack, blocks, w);

  return {
    title: t('pack.doc.title', { name: meta.name }),
    paper: meta.paper,
    header: `${meta.confidential ? `${t('pack.doc.confidentialMark')} · ` : ''}${meta.consultancy ? `${meta.consultancy} · ` : ''}${t('pack.doc.kicker')} · ${meta.name}${meta.client ? ` · ${meta.client}` : ''}`,
    footer: `${meta.name}${meta.version ? ` · ${t('pack.doc.footerVersion', { version: meta.version })}` : ''} · ${meta.preparedOnLabel}`,
    pageLabel: (page, total) => t('pack.doc.page', { page, total }),
    blocks,
  };
}

function h1(blocks: Block[], w: PackWords, key: keyof typeof SECTION_ANCHORS, orientation: 'portrait' | 'landscape' = 'portrait', text: string = w.t(`pack.section.${key}`)): void {
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

function decisions(pack: SponsorPack, blocks: Block[], w: DocWords): void {
  const d = pack.decisions;
  h1(blocks, w, 'decisions');
  blocks.push({ kind: 'paragraph', text: d.lead, bold: true });
  if (d.items.length) {
    blocks.push({
      kind: 'paragraph',
      tone: 'muted',
      text: w.t('pack.decisionsDoc.intro'),
    });
    blocks.push({
      kind: 'table',
      label: w.t('pack.section.decisions'),
      columns: [
        { header: '#', width: 4, align: 'right' },
        { header: w.t('pack.col.useCase'), width: 20 },
        { header: w.t('pack.col.recommended'), width: 14 },
        { header: w.t('pack.col.why'), width: 37 },
        { header: w.t('pack.col.asked'), width: 25 },
      ],
      rows: d.items.map((i, n): Cell[] => [
        String(n + 1),
        { text: `${i.title}\n${i.stageLabel}`, bold: false },
        banded(i.label, DECISION_TONES[i.decision] ?? ''),
        [i.wording, ...(i.factLines ?? i.facts).map((f) => `• ${say(w, f)}`)].join('\n'),
        [w.t('pack.decisionsDoc.askDecision', { value: i.ask.decision || (w.language === 'de' ? i.label : i.label.toLowerCase()) }), w.t('pack.decisionsDoc.askPeople', { value: i.ask.people || '—' }), w.t('pack.decisionsDoc.askBudget', { value: i.ask.budget || '—' })].join('\n'),
      ]),
    });
  }
  blocks.push({
    kind: 'signature',
    title: d.approver ? w.t('pack.decisionsDoc.approvedBy', { name: d.approver }) : w.t('pack.decisionsDoc.approvedBySponsor'),
    fields: [w.t('pack.sign.name'), w.t('pack.sign.signature'), w.t('pack.sign.date')],
  });
}

function status(pack: SponsorPack, blocks: Block[], w: PackWords): void {
  const s = pack.status;
  h1(blocks, w, 'status');
  blocks.push({ kind: 'paragraph', text: s.lead, bold: true });
  if (s.rows.length === 0) return;
  blocks.push({
    kind: 'paragraph',
    tone: 'muted',
    text: w.t('pack.statusDoc.intro'),
  });
  blocks.push({
    kind: 'table',
    label: w.t('pack.section.status'),
    columns: [
      { header: '#', width: 4, align: 'right' },
      { header: w.t('pack.col.useCase'), width: 27.5 },
      { header: w.t('pack.col.stage'), width: 19.5 },
      { header: w.t('pack.col.kpiStatus'), width: 14 },
      { header: w.t('pack.col.topRisk'), width: 19 },
      { header: w.t('pack.col.nextGate'), width: 16 },
    ],
    rows: s.rows.map((r): Cell[] => [
      r.rank === null ? '–' : String(r.rank),
      r.title,
      r.stage === 'stopped' ? { text: w.t('pack.stage.stopped'), bold: true, color: COLORS.bad } : r.stageLabel,
      r.worstBand ? banded(r.kpiStatus, r.worstBand) : r.kpiStatus,
      r.topRiskBand === 'critical' || r.topRiskBand === 'high' ? { text: r.topRisk, color: BAND_COLORS[r.topRiskBand]?.color } : r.topRisk,
      r.nextGateDate ? `${r.nextGate}\n${w.short(r.nextGateDate)}` : r.nextGate,
    ]),
  });
}

function summary(pack: SponsorPack, blocks: Block[], w: DocWords): void {
  h1(blocks, w, 'summary');
  for (const p of pack.summary.lead) blocks.push({ kind: 'paragraph', text: p });
  blocks.push({ kind: 'heading', level: 3, text: w.t('pack.summaryDoc.keyFigures') });
  blocks.push({ kind: 'facts', label: w.t('pack.summaryDoc.keyFigures'), rows: pack.summary.facts });
  if (pack.summary.top.length) {
    blocks.push({ kind: 'heading', level: 3, text: w.t('pack.summaryDoc.highest') });
    blocks.push({
      kind: 'table',
      label: w.t('pack.label.highest'),
      columns: [
        { header: '#', width: 4, align: 'right' },
        { header: w.t('pack.col.useCase'), width: 30 },
        { header: w.t('pack.col.score'), width: 7, align: 'right' },
        { header: w.t('pack.col.quadrant'), width: 14 },
        { header: w.t('pack.col.verdict'), width: 17 },
        { header: w.t('pack.col.stage'), width: 17 },
      ],
      rows: pack.summary.top.map((r) => [String(r.rank ?? '–'), r.title, w.score(r.combined), r.quadrantLabel, r.verdictLabel, r.stageLabel]),
    });
  }
  if (pack.summary.attention.length) {
    blocks.push({ kind: 'heading', level: 3, text: w.t('pack.summaryDoc.attention') });
    blocks.push({ kind: 'bullets', items: pack.summary.attention.map((line) => say(w, line)) });
  }
  if (pack.meta.participants.length) {
    blocks.push({ kind: 'heading', level: 3, text: w.t('pack.summaryDoc.who') });
    blocks.push({
      kind: 'table',
      label: w.t('pack.fact.participants'),
      columns: [
        { header: w.t('pack.col.name'), width: 1 },
        { header: w.t('pack.col.role'), width: 1 },
      ],
      rows: pack.meta.participants.map((p) => [p.name, p.roleLabel]),
    });
  }
  // The sponsor signs once, on the decisions page: a second sign-off here would ask for the same
  // signature twice (and often sat alone on the last page of the summary).
  if (!pack.sections.includes('decisions')) blocks.push({ kind: 'signature', title: w.t('pack.sign.sponsor'), fields: [w.t('pack.sign.name'), w.t('pack.sign.signature'), w.t('pack.sign.date')] });
}

function portfolioRow(r: PortfolioRow, w: PackWords): Cell[] {
  return [
    r.rank === null ? '–' : `${r.rank}${r.tied ? '=' : ''}`,
    r.title,
    w.score(r.scores.impact),
    w.score(r.scores.feasibility),
    w.score(r.scores.readiness),
    { text: w.score(r.combined), bold: true },
    r.quadrantLabel,
    r.stageLabel,
    dash(r.owner),
  ];
}

function portfolio(pack: SponsorPack, blocks: Block[], w: PackWords): void {
  const p = pack.portfolio;
  h1(blocks, w, 'portfolio');
  blocks.push({
    kind: 'paragraph',
    text: w.t('pack.portfolioDoc.intro', { weights: p.weights, tieBreak: p.tieBreak }),
    tone: 'muted',
  });
  blocks.push({ kind: 'heading', level: 2, text: w.t('pack.portfolioDoc.ranking'), anchor: 'ranking', toc: true });
  if (p.rows.length === 0) blocks.push({ kind: 'paragraph', text: w.t('pack.portfolioDoc.none') });
  blocks.push({
    kind: 'table',
    label: w.t('pack.label.ranked'),
    columns: [
      { header: '#', width: 5, align: 'right' },
      { header: w.t('pack.col.useCase'), width: 25 },
      { header: w.t('pack.col.impact'), width: 8, align: 'right' },
      { header: w.t('pack.col.feasibility'), width: 10, align: 'right' },
      { header: w.t('pack.col.readiness'), width: 10, align: 'right' },
      { header: w.t('pack.col.score'), width: 7, align: 'right' },
      { header: w.t('pack.col.quadrant'), width: 11 },
      { header: w.t('pack.col.stage'), width: 12 },
      { header: w.t('pack.col.owner'), width: 12 },
    ],
    rows: p.rows.map((r) => portfolioRow(r, w)),
  });
  blocks.push({ kind: 'heading', level: 2, text: w.t('pack.portfolioDoc.matrix'), anchor: 'matrix', toc: true });
  blocks.push({
    kind: 'paragraph',
    text: w.t('pack.portfolioDoc.matrixIntro'),
    tone: 'muted',
  });
  if (p.points.length) blocks.push(matrixChartBlock(p.points, w.t));
  else blocks.push({ kind: 'paragraph', text: w.t('pack.portfolioDoc.matrixEmpty') });
  blocks.push({
    kind: 'table',
    label: w.t('pack.label.quadrants'),
    columns: [
      { header: w.t('pack.col.quadrant'), width: 18 },
      { header: w.t('pack.col.quadrantUseCases'), width: 82 },
    ],
    rows: [
      ...p.quadrants.map((q): Cell[] => [{ text: q.label, bold: true }, q.titles.length ? q.titles.join(' · ') : '—']),
      ...(p.unplaced.length ? [[{ text: w.t('pack.portfolioDoc.notPlacedYet'), bold: true }, p.unplaced.join(' · ')] as Cell[]] : []),
      ...(p.stopped.length
        ? [[{ text: w.t('pack.portfolioDoc.stoppedOff'), bold: true, color: COLORS.bad }, p.stopped.map((x) => `${x.title}${x.reason ? ` — ${x.reason}` : ''}`).join(' · ')] as Cell[]]
        : []),
    ],
  });
}

function scoreRows(u: UseCaseDossier, w: PackWords): Cell[][] {
  return u.scores.map((s) => [
    { text: s.label, bold: true },
    { text: w.score(s.consensus), bold: true },
    s.sourceLabel,
    s.round ? String(s.round.n) : '—',
    s.round ? w.score(s.round.mean) : '—',
    s.round ? w.score(s.round.median) : '—',
    s.round ? `${s.round.min}–${s.round.max}` : '—',
    s.round ? banded(String(s.round.spread), s.round.disagreement ? 'amber' : '') : '—',
  ]);
}

function verdictTone(v: UseCaseDossier['readiness']['verdict']): Tone {
  return v === 'start-pilot' ? 'good' : v === 'readiness-sprint' ? 'warn' : 'neutral';
}

function kpiRows(kpis: readonly KpiLine[], w: PackWords): Cell[][] {
  return kpis.map((k) => [
    { text: `${k.name}${k.unit ? ` (${k.unit})` : ''}`, bold: true },
    `${k.layerLabel} · ${k.roleLabel}`,
    k.baselineNumber,
    k.targetNumber,
    w.t('pack.useCase.thresholds', { green: k.greenAtNumber, red: k.redAtNumber }),
    k.latestNumber === '—' ? '—' : `${k.latestNumber}${k.latestDate ? ` (${w.short(k.latestDate)})` : ''}`,
    banded(k.bandLabel, k.band),
    dash(k.owner),
  ]);
}

function dossier(u: UseCaseDossier, blocks: Block[], newPage: boolean, paper: SponsorPack['meta']['paper'], w: DocWords): void {
  const t = w.t;
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
      { label: t('pack.useCase.stage'), value: u.stageLabel },
      { label: t('pack.useCase.combined'), value: `${u.combined} · ${u.quadrantLabel}` },
      { label: t('pack.useCase.kind'), value: u.kindLabel },
      { label: t('pack.useCase.department'), value: dash(u.department) },
      { label: t('pack.useCase.owner'), value: dash(u.businessOwner) },
    ],
  });
  if (u.stopped) {
    blocks.push({
      kind: 'callout',
      tone: 'bad',
      title: `${t('pack.useCase.stopped')}${u.stopped.date ? t('pack.useCase.stoppedOn', { date: w.long(u.stopped.date) }) : ''}${u.stopped.decidedBy ? t('pack.useCase.stoppedBy', { name: u.stopped.decidedBy }) : ''}`,
      lines: [u.stopped.reason || t('pack.useCase.noReason'), t('pack.useCase.offPlan')],
    });
  }
  if (u.problem.trim() || u.expectedValue.trim() || u.dataSources.trim()) {
    blocks.push({ kind: 'heading', level: 3, text: t('pack.useCase.problem') });
    if (u.problem.trim()) blocks.push({ kind: 'paragraph', text: u.problem });
    if (u.expectedValue.trim()) blocks.push({ kind: 'paragraph', text: t('pack.useCase.expected', { text: u.expectedValue }) });
    if (u.dataSources.trim()) blocks.push({ kind: 'paragraph', text: t('pack.useCase.sources', { text: u.dataSources }), tone: 'muted' });
  }

  blocks.push({ kind: 'heading', level: 3, text: t('pack.useCase.scores') });
  blocks.push({
    kind: 'table',
    label: `${u.title}: scores`,
    columns: [
      { header: t('pack.col.criterion'), width: 22 },
      { header: t('pack.col.consensus'), width: 10, align: 'right' },
      { header: t('pack.col.source'), width: 22 },
      { header: t('pack.col.scorers'), width: 8, align: 'right' },
      { header: t('pack.col.mean'), width: 8, align: 'right' },
      { header: t('pack.col.median'), width: 8, align: 'right' },
      { header: t('pack.col.range'), width: 8, align: 'right' },
      { header: t('pack.col.spread'), width: 8, align: 'right' },
    ],
    rows: scoreRows(u, w),
  });
  blocks.push({
    kind: 'paragraph',
    tone: 'small',
    text: u.roundNumber
      ? t('pack.useCase.roundNote', { round: u.roundNumber })
      : t('pack.useCase.noRound'),
  });
  if (u.discussion.length) {
    blocks.push({ kind: 'heading', level: 3, text: t('pack.useCase.discussion') });
    blocks.push({ kind: 'bullets', items: u.discussion.map((d) => t('pack.useCase.roundSaid', { round: d.round, text: d.text })) });
  }

  blocks.push({ kind: 'heading', level: 3, text: t('pack.useCase.verdict') });
  const r = u.readiness;
  blocks.push({
    kind: 'callout',
    tone: verdictTone(r.verdict),
    title: `${r.verdictLabel}${r.average !== null ? t('pack.useCase.average', { average: w.language === 'en' ? r.average.toFixed(1) : w.score(r.average, 1) }) : ''}`,
    lines: [...r.reasonTexts.map((m) => say(w, m)), ...r.warningTexts.map((m) => t('pack.useCase.note', { text: say(w, m) }))],
  });
  if (r.dimensions.length) {
    blocks.push({
      kind: 'table',
      label: `${u.title}: readiness`,
      columns: [
        { header: t('pack.col.dimension'), width: 24 },
        { header: t('pack.col.score'), width: 8, align: 'right' },
        { header: t('pack.col.evidence'), width: 68 },
      ],
      rows: r.dimensions.map((d) => [d.label, d.score === null ? '—' : t('pack.useCase.ofFive', { score: d.score }), dash(d.evidence)]),
    });
  }

  blocks.push({ kind: 'heading', level: 3, text: t('pack.useCase.pilot') });
  if (u.pilot) {
    blocks.push({
      kind: 'facts',
      label: `${u.title}: pilot`,
      rows: [
        { label: t('pack.useCase.scope'), value: dash(u.pilot.scope) },
        { label: t('pack.useCase.workflow'), value: dash(u.pilot.workflow) },
        { label: t('pack.useCase.data'), value: u.pilot.productionData },
        { label: t('pack.useCase.success'), value: dash(u.pilot.success) },
        { label: t('pack.useCase.partial'), value: dash(u.pilot.partial) },
        { label: t('pack.useCase.failure'), value: dash(u.pilot.failure) },
        {
          label: t('pack.useCase.locked'),
          value: u.pilot.lockedOn ? t('pack.useCase.lockedSince', { date: u.pilot.lockedOn, amendments: u.pilot.amendments }) : t('pack.useCase.notLocked'),
        },
      ],
    });
    if (u.pilot.amendmentLines.length) {
      blocks.push({ kind: 'heading', level: 3, text: t('pack.useCase.amendments') });
      blocks.push({
        kind: 'table',
        label: `${u.title}: amendments`,
        columns: [
          { header: t('pack.col.date'), width: 13 },
          { header: t('pack.col.what'), width: 13 },
          { header: t('pack.col.before'), width: 25 },
          { header: t('pack.col.after'), width: 25 },
          { header: t('pack.col.reason'), width: 24 },
        ],
        rows: u.pilot.amendmentLines.map((a) => [a.date, { text: a.field, bold: true }, dash(a.before), dash(a.after), dash(a.reason)]),
      });
    }
  } else {
    blocks.push({
      kind: 'paragraph',
      text: u.stopped ? t('pack.useCase.noPilotStopped') : t('pack.useCase.noPilot'),
      tone: 'muted',
    });
  }

  blocks.push({ kind: 'heading', level: 3, text: t('pack.useCase.kpis') });
  if (u.kpis.length) {
    blocks.push({
      kind: 'table',
      label: `${u.title}: KPIs`,
      columns: [
        { header: t('pack.col.kpi'), width: 19 },
        { header: t('pack.col.layerRole'), width: 15 },
        { header: t('pack.col.baseline'), width: 9, align: 'right' },
        { header: t('pack.col.target'), width: 9, align: 'right' },
        { header: t('pack.col.thresholds'), width: 16 },
        { header: t('pack.col.latest'), width: 13 },
        { header: t('pack.col.status'), width: 9 },
        { header: t('pack.col.owner'), width: 10 },
      ],
      rows: kpiRows(u.kpis, w),
    });
    const trends = kpiTrendBlock(u.title, u.kpis, contentBox('portrait', paper).w, t);
    if (trends) {
      blocks.push({ kind: 'heading', level: 3, text: t('pack.useCase.trends') });
      blocks.push({ kind: 'paragraph', text: u.kpiLead, bold: true });
      blocks.push(trends);
      blocks.push({
        kind: 'paragraph',
        tone: 'small',
        text: t('pack.useCase.trendNote'),
      });
    }
    const actions = u.kpis
      .filter((k) => k.band !== 'no-data' || k.forecast)
      .map((k) => [`${k.name}: ${k.summaryMessage ? w.say(k.summaryMessage) : k.summary}`, k.action ? t('pack.useCase.response', { text: k.action }) : '', k.forecast].filter(Boolean).join(' '));
    if (actions.length) blocks.push({ kind: 'bullets', items: actions, tone: 'small' });
  } else {
    blocks.push({ kind: 'paragraph', text: t('pack.useCase.noKpis'), tone: 'muted' });
  }

  blocks.push({ kind: 'heading', level: 3, text: t('pack.useCase.risks') });
  if (u.risks.length) {
    blocks.push({
      kind: 'table',
      label: `${u.title}: risks`,
      columns: [
        { header: t('pack.col.risk'), width: 22 },
        { header: t('pack.col.category'), width: 10 },
        { header: t('pack.col.li'), width: 7, align: 'center' },
        { header: t('pack.col.band'), width: 9 },
        { header: t('pack.col.owner'), width: 12 },
        { header: t('pack.col.mitigation'), width: 26 },
        { header: t('pack.col.statusDue'), width: 14 },
      ],
      rows: u.risks.map((k) => [
        { text: k.title, bold: true },
        k.categoryLabel,
        `${k.likelihood} × ${k.impact} = ${k.score}`,
        banded(k.bandLabel, k.band),
        dash(k.owner),
        dash(k.mitigation),
        k.overdue
          ? { text: t('pack.useCase.overdueSince', { status: k.statusLabel, date: w.short(k.dueDate) }), bold: true, color: COLORS.bad }
          : k.dueDate ? t('pack.useCase.due', { status: k.statusLabel, date: w.short(k.dueDate) }) : k.statusLabel,
      ]),
    });
  } else {
    blocks.push({ kind: 'paragraph', text: t('pack.useCase.noRisks'), tone: 'muted' });
  }

  blocks.push({ kind: 'heading', level: 3, text: t('pack.useCase.owners') });
  if (u.owners.length) blocks.push({ kind: 'facts', label: `${u.title}: owners`, rows: u.owners });
  else blocks.push({ kind: 'paragraph', text: t('pack.useCase.noOwner'), tone: 'muted' });

  blocks.push({ kind: 'heading', level: 3, text: t('pack.useCase.decisions') });
  if (u.decisions.length) {
    blocks.push({
      kind: 'table',
      label: `${u.title}: decisions`,
      columns: [
        { header: '#', width: 4, align: 'right' },
        { header: t('pack.col.date'), width: 11 },
        { header: t('pack.col.decision'), width: 30 },
        { header: t('pack.col.criteria'), width: 15 },
        { header: t('pack.col.decidedBy'), width: 15 },
        { header: t('pack.col.rationale'), width: 25 },
      ],
      rows: u.decisions.map((d) => [
        String(d.number),
        w.short(d.date),
        { text: d.plain, bold: true },
        d.criteria,
        `${dash(d.decidedBy)} · ${dash(d.nextActionsOwner)}`,
        dash(d.rationale),
      ]),
    });
  } else {
    blocks.push({ kind: 'paragraph', text: t('pack.useCase.noDecisions'), tone: 'muted' });
  }
  if (u.findings) {
    blocks.push({
      kind: 'paragraph',
      tone: 'small',
      text: t('pack.useCase.findings', { count: u.findings }),
    });
  }
}

function dossiers(pack: SponsorPack, blocks: Block[], w: DocWords): void {
  h1(blocks, w, 'use-cases');
  blocks.push({
    kind: 'paragraph',
    text: pack.useCases.length
      ? w.t('pack.useCases.intro', { count: pack.useCases.length, stopped: pack.useCases.filter((u) => u.stopped).length })
      : pack.appendix.length
        ? w.t('pack.useCases.noneWorked')
        : w.t('pack.useCases.noneSelected'),
  });
  // The first use case follows the section's introduction on the same page; each next one starts a page.
  pack.useCases.forEach((u, i) => dossier(u, blocks, i > 0, pack.meta.paper, w));
  if (pack.appendix.length) {
    blocks.push({ kind: 'heading', level: 2, text: w.t('pack.useCases.appendix'), anchor: 'appendix', toc: true, newPage: pack.useCases.length > 0 });
    blocks.push({
      kind: 'paragraph',
      tone: 'muted',
      text: w.t('pack.useCases.appendixIntro', { count: pack.appendix.length }),
    });
    blocks.push({
      kind: 'table',
      label: w.t('pack.label.notWorked'),
      columns: [
        { header: '#', width: 5, align: 'right' },
        { header: w.t('pack.col.useCase'), width: 37 },
        { header: w.t('pack.col.score'), width: 8, align: 'right' },
        { header: w.t('pack.col.quadrant'), width: 16 },
        { header: w.t('pack.col.stage'), width: 17 },
        { header: w.t('pack.col.owner'), width: 17 },
      ],
      rows: pack.appendix.map((r) => [r.rank === null ? '–' : String(r.rank), r.title, w.score(r.combined), r.quadrantLabel, r.stageLabel, dash(r.owner)]),
    });
  }
}

function riskRows(list: SponsorPack['risks']['top'], w: PackWords): Cell[][] {
  return list.map((k) => [
    { text: k.title, bold: true },
    k.useCase,
    `${k.likelihood} × ${k.impact}`,
    banded(k.bandLabel, k.band),
    dash(k.owner),
    dash(k.mitigation),
    k.overdue
      ? { text: w.t('pack.useCase.overdueSince', { status: k.statusLabel, date: w.short(k.dueDate) }), bold: true, color: COLORS.bad }
      : k.dueDate ? w.t('pack.useCase.due', { status: k.statusLabel, date: w.short(k.dueDate) }) : k.statusLabel,
  ]);
}

const riskColumns = (w: PackWords) => [
  { header: w.t('pack.col.risk'), width: 20 },
  { header: w.t('pack.col.useCase'), width: 14 },
  { header: w.t('pack.col.li'), width: 7, align: 'center' as const },
  { header: w.t('pack.col.band'), width: 9 },
  { header: w.t('pack.col.owner'), width: 12 },
  { header: w.t('pack.col.mitigation'), width: 24 },
  { header: w.t('pack.col.statusDue'), width: 14 },
];

function risks(pack: SponsorPack, blocks: Block[], w: PackWords): void {
  const r = pack.risks;
  h1(blocks, w, 'risks');
  blocks.push({ kind: 'paragraph', text: r.lead, bold: true });
  if (r.top.length) {
    blocks.push(riskHeatmapBlock(r.heat, w.t));
    blocks.push({ kind: 'heading', level: 3, text: w.t('pack.risksDoc.top') });
    blocks.push({ kind: 'table', label: w.t('pack.label.topRisks'), columns: riskColumns(w), rows: riskRows(r.top, w) });
  }
  if (r.accepted.length) {
    blocks.push({ kind: 'heading', level: 3, text: w.t('pack.risksDoc.accepted') });
    blocks.push({ kind: 'table', label: w.t('pack.risksDoc.accepted'), columns: riskColumns(w), rows: riskRows(r.accepted, w) });
  }
}

function roadmap(pack: SponsorPack, blocks: Block[], w: PackWords): void {
  const r = pack.roadmap;
  if (!r.gantt || r.gantt.rows.length === 0) {
    // No plan: a short portrait note rather than an empty landscape chart page.
    h1(blocks, w, 'roadmap', 'portrait');
    blocks.push({ kind: 'paragraph', text: r.startDate ? w.t('pack.roadmapDoc.noneWithStart', { date: w.long(r.startDate) }) : w.t('pack.roadmapDoc.none') });
    return;
  }
  h1(blocks, w, 'roadmap', 'landscape', w.t('pack.roadmapDoc.heading', { title: r.title, start: w.long(r.startDate), end: w.long(r.endDate) }));
  blocks.push({
    kind: 'paragraph',
    text: w.t('pack.roadmapDoc.intro', {
      start: w.long(r.startDate),
      end: w.long(r.endDate),
      today: pack.generatedOn >= r.startDate && pack.generatedOn <= r.endDate ? w.t('pack.roadmapDoc.today', { date: w.long(pack.generatedOn) }) : '',
      unplanned: r.unplanned.length ? w.t('pack.roadmapDoc.unplannedCount', { count: r.unplanned.length }) : '',
    }),
    tone: 'muted',
  });
  blocks.push(...ganttBlocks(r.gantt, pack.generatedOn, w.t));
  // After the chart, so a long list never pushes the chart off the chapter's first page.
  if (r.unplanned.length) blocks.push({ kind: 'paragraph', tone: 'muted', text: w.t('pack.roadmapDoc.unplanned', { list: r.unplanned.join(' · ') }) });
  if (r.sessions.length) {
    blocks.push({ kind: 'heading', level: 2, text: w.t('pack.roadmapDoc.sessions'), anchor: 'gate-sessions', toc: true });
    blocks.push({
      kind: 'table',
      label: w.t('pack.roadmapDoc.sessionsTable'),
      columns: [
        { header: w.t('pack.col.session'), width: 22 },
        { header: w.t('pack.col.time'), width: 8 },
        { header: w.t('pack.col.gatesDecided'), width: 70 },
      ],
      rows: r.sessions.map((x): Cell[] => [{ text: x.dateLabel, bold: true }, x.time || w.t('pack.roadmapDoc.allDay'), x.gates.split('; ').join('\n')]),
    });
  }
}

function governance(pack: SponsorPack, blocks: Block[], w: DocWords): void {
  const g = pack.governance;
  h1(blocks, w, 'governance');
  blocks.push({ kind: 'callout', tone: g.decisionLog.ok ? 'good' : 'bad', title: w.t(g.decisionLog.ok ? 'pack.govDoc.verified' : 'pack.govDoc.notVerified'), lines: [g.decisionLog.message] });

  blocks.push({ kind: 'heading', level: 2, text: w.t('pack.govDoc.cadence'), anchor: 'cadence', toc: true });
  if (g.cadence.length) {
    blocks.push({
      kind: 'table',
      label: w.t('pack.label.cadence'),
      columns: [
        { header: w.t('pack.col.meeting'), width: 24 },
        { header: w.t('pack.col.when'), width: 34 },
        { header: w.t('pack.col.attendees'), width: 42 },
      ],
      rows: g.cadence.map((c) => [{ text: c.title, bold: true }, say(w, c.whenText), dash(c.attendees)]),
    });
  } else {
    blocks.push({ kind: 'paragraph', text: w.t('pack.govDoc.noCadence'), tone: 'muted' });
  }

  blocks.push({ kind: 'heading', level: 2, text: w.t('pack.govDoc.rights'), anchor: 'raci', toc: true });
  if (g.roles.length) {
    blocks.push({ kind: 'heading', level: 3, text: w.t('pack.govDoc.roles') });
    blocks.push({
      kind: 'table',
      label: w.t('pack.govDoc.roles'),
      columns: [
        { header: w.t('pack.col.role'), width: 1 },
        { header: w.t('pack.col.person'), width: 1 },
      ],
      rows: g.roles.map((r) => [{ text: r.name, bold: true }, dash(r.person)]),
    });
  }
  if (g.decisions.length && g.roles.length) {
    // At most six roles per table, so every letter stays readable.
    for (let i = 0; i < g.roles.length; i += 6) {
      const roles = g.roles.slice(i, i + 6);
      blocks.push({ kind: 'heading', level: 3, text: g.roles.length > 6 ? w.t('pack.govDoc.raciPart', { from: i + 1, to: i + roles.length }) : 'RACI' });
      blocks.push({
        kind: 'table',
        label: 'RACI',
        columns: [{ header: w.t('pack.col.decision'), width: 30 }, ...roles.map((r) => ({ header: r.name, width: 70 / roles.length, align: 'center' as const }))],
        rows: g.decisions.map((d) => [{ text: d.decision, bold: true }, ...roles.map((r): Cell => (d.letters[r.id] ? { text: d.letters[r.id] as string, bold: true } : '·'))]),
      });
    }
    blocks.push({ kind: 'paragraph', text: g.raciLegend, tone: 'small' });
  } else {
    blocks.push({ kind: 'paragraph', text: w.t('pack.govDoc.noRights'), tone: 'muted' });
  }
  if (g.raciProblems.length) {
    blocks.push({ kind: 'callout', tone: 'warn', title: w.t('pack.govDoc.settle'), lines: g.raciProblemTexts.map((m) => say(w, m)) });
  }
}

function health(pack: SponsorPack, blocks: Block[], w: DocWords): void {
  const h = pack.health;
  h1(blocks, w, 'health');
  const total = h.counts.high + h.counts.medium + h.counts.low;
  blocks.push({
    kind: 'paragraph',
    text:
      total === 0 ? w.t('pack.healthDoc.none') : w.t('pack.healthDoc.some', { high: h.counts.high, medium: h.counts.medium, low: h.counts.low, total }),
  });
  if (total === 0) return;
  blocks.push({
    kind: 'table',
    label: w.t('pack.label.findings'),
    columns: [
      { header: w.t('pack.col.severity'), width: 9 },
      { header: w.t('pack.col.useCase'), width: 17 },
      { header: w.t('pack.col.finding'), width: 19 },
      { header: w.t('pack.col.missing'), width: 36 },
      { header: w.t('pack.col.fixIn'), width: 19 },
    ],
    rows: h.findings.map((f) => [
      banded(f.severityLabel, f.severity === 'high' ? 'red' : f.severity === 'medium' ? 'amber' : ''),
      f.useCase,
      { text: say(w, f.text.title), bold: true },
      say(w, f.text.detail),
      say(w, f.text.fix),
    ]),
  });
}
