// The sponsor PDF, generated in Node with the real fonts and read back with poppler: every section
// is there as text, names in every script come out as written, pages are numbered "page X of Y"
// and the contents point to the right pages; the layout and the rendered pages keep everything
// inside the printable area; and the checks fail when a chart is cut or text overflows.
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync } from 'node:fs';
import { buildSponsorPack, type SponsorPack } from '../../../renderer/domain/sponsor-pack';
import { PdfEngine, loadFontSet } from '../../../renderer/pdf/engine';
import { checkLayout } from '../../../renderer/pdf/layout-check';
import { layoutDocument, MARGIN, EDGE } from '../../../renderer/pdf/layout';
import { sponsorDocument } from '../../../renderer/pdf/sponsor-document';
import { drawPdf } from '../../../renderer/pdf/jspdf-adapter';
import { fontSet, type FontSet } from '../../../renderer/pdf/fonts';
import type { FontMetrics } from '../../../renderer/pdf/ttf';
import type { LaidOutDocument } from '../../../renderer/pdf/types';
import { insurerWorkshop, UNICODE_NAMES } from './insurer-fixture';
import { bigWorkshop } from './big-fixture';
import { loaded, nodeFontSource } from './node-fonts';
import { inkIn, pdfFonts, pdfPageSizes, pdfPages, renderPages, tempPdf, type GreyPage } from './pdf-tools';

const TODAY = '2026-12-10';
const SECTION_HEADINGS = [
  'Contents',
  'Executive summary',
  'Prioritized portfolio',
  'Ranking',
  'Prioritization matrix',
  'Use cases in detail',
  'Scores and spread',
  'Readiness verdict',
  'Pilot success criteria',
  'KPIs',
  'Risks',
  'Owners',
  'Gate decisions',
  'The 214-day roadmap: 30 November 2026 – 1 July 2027',
  'Governance and decision rights',
  'Governance cadence',
  'Decision rights',
  'Roadmap health check',
];

/** Margins must stay blank, except the header and footer bands (which sit inside the side margins). */
function inkOutsidePrintable(page: GreyPage): { side: string; ink: number }[] {
  const w = (page.width * 72) / page.dpi;
  const h = (page.height * 72) / page.dpi;
  const strips = [
    { side: 'left', x: 0, y: 0, w: MARGIN.left - 3, h },
    { side: 'right', x: w - MARGIN.right + 3, y: 0, w: MARGIN.right - 3, h },
    { side: 'top', x: 0, y: 0, w, h: EDGE - 2 },
    { side: 'bottom', x: 0, y: h - EDGE + 2, w, h: EDGE - 2 },
  ];
  return strips.map((s) => ({ side: s.side, ink: inkIn(page, s) })).filter((s) => s.ink > 0);
}

function halfWidth(m: FontMetrics): FontMetrics {
  return { ...m, advance: (cp) => m.advance(cp) / 2 };
}

describe('the sponsor PDF of the insurer workshop', () => {
  let pack: SponsorPack;
  let doc: LaidOutDocument;
  let pages: string[];
  let path: string;
  let fonts: FontSet;

  beforeAll(async () => {
    const { workshop, rows } = insurerWorkshop();
    pack = buildSponsorPack(workshop, rows, { today: TODAY });
    const engine = new PdfEngine(nodeFontSource);
    doc = await engine.layout(pack);
    const result = await engine.render(pack);
    path = tempPdf(result.bytes, 'insurer.pdf');
    // Kept for people to look at (pdftoppm -r 60 -png test-results/sponsor-pack/insurer.pdf page).
    mkdirSync('test-results/sponsor-pack', { recursive: true });
    copyFileSync(path, 'test-results/sponsor-pack/insurer.pdf');
    pages = pdfPages(path);
    fonts = await loadFontSet(nodeFontSource, ['sans', 'sans-bold', 'cjk', 'cjk-bold']);
  }, 60_000);

  it('has a cover with the workshop, client, date and facilitator', () => {
    const cover = pages[0] ?? '';
    for (const s of ['SPONSOR PACK', 'Claims AI day', 'Northwind Mutual', '23 November 2026', 'Zoë Müller']) expect(cover).toContain(s);
  });

  it('has every section heading as text', () => {
    const all = pages.join('\n');
    for (const h of SECTION_HEADINGS) expect(all).toContain(h);
    // One page (or more) per use case worked on, in rank order; the others one row each in the appendix.
    for (const u of pack.useCases) expect(all).toContain(`${u.rank}. ${u.title}`);
    expect(pack.useCases.length).toBeGreaterThanOrEqual(3);
    expect(pack.appendix.length).toBeGreaterThan(3);
    expect(all).toContain('Use cases not worked on beyond scoring');
    const appendixPage = pages.find((p) => p.includes('Use cases not worked on beyond scoring') && !p.includes('Contents')) ?? '';
    for (const r of pack.appendix) expect(appendixPage.replace(/\s+/g, ' ')).toContain(r.title);
  });

  it('prints names in every script as selectable, searchable text', () => {
    const all = pages.join('\n');
    for (const name of UNICODE_NAMES) expect(all).toContain(name);
    for (const name of ['Lena Müller', 'Tomasz Łódź', 'Freja Ærø', 'Zoë Lambert', 'Δημήτρης Παπαδόπουλος', 'Иван Иванов', '東京 太郎']) expect(all).toContain(name);
    expect(all).toContain('東京 branch: claims intake in Japanese');
  });

  it('numbers every page after the cover "page X of Y" in the footer', () => {
    const total = pages.length;
    expect(total).toBe(doc.pages.length);
    pages.forEach((text, i) => {
      if (i === 0) expect(text).not.toMatch(/page \d+ of/);
      else expect(text).toContain(`Claims AI day · 10 December 2026 · page ${i + 1} of ${total}`);
    });
  });

  it('has a table of contents whose page numbers point at the headings', () => {
    // Cover, then the decisions requested, then the contents.
    const contents = pages.find((p) => p.includes('Contents')) ?? '';
    expect(doc.toc.length).toBeGreaterThan(15);
    for (const entry of doc.toc) {
      expect(contents).toContain(entry.title);
      expect(pages[entry.page - 1]).toContain(entry.title);
    }
    expect(doc.toc.map((e) => e.title)).toEqual(expect.arrayContaining(['Executive summary', 'The 214-day roadmap: 30 November 2026 – 1 July 2027', 'Roadmap health check', '1. Claims triage']));
  });

  it('draws the roadmap as a Gantt chart on a landscape page, with the use cases in rank order', () => {
    const sizes = pdfPageSizes(path, pages.length);
    const roadmap = pages.findIndex((p) => p.includes('The 214-day roadmap') && p.includes('Gate (decision milestone)'));
    expect(roadmap).toBeGreaterThan(0);
    expect(sizes[roadmap]?.width).toBeCloseTo(841.89, 1);
    expect(sizes[roadmap]?.height).toBeCloseTo(595.28, 1);
    const text = pages[roadmap] ?? '';
    for (const s of ['December 2026', '1. Claims triage', '8. Fraud signal scoring', 'Readiness sprint first', 'Weekly execution review', 'Stage-gate session']) expect(text).toContain(s);
    expect(text.indexOf('1. Claims triage')).toBeLessThan(text.indexOf('2. Underwriting document extraction'));
    // Only the roadmap (its chart and its stage-gate sessions) is landscape; every other page is portrait A4.
    const landscape = sizes.map((s, i) => (s.width > s.height ? i : -1)).filter((i) => i >= 0);
    expect(landscape[0]).toBe(roadmap);
    for (const i of landscape) expect(pages[i]).toMatch(/Gate \(decision milestone\)|Gates decided/);
    expect(landscape.at(-1) ?? 0).toBe(roadmap + landscape.length - 1);
  });

  it('embeds DejaVu for Latin, Greek and Cyrillic and Noto Sans JP for the CJK text', () => {
    const list = pdfFonts(path);
    expect(list).toMatch(/DejaVuSans\s+CID TrueType\s+Identity-H\s+yes/);
    expect(list).toMatch(/DejaVuSans-Bold/);
    expect(list).toMatch(/NotoSansJP\s+CID TrueType/);
    // Every font carries a Unicode map (the "uni" column), which is what makes the text searchable.
    for (const line of list.split('\n').slice(2).filter(Boolean)) expect(line).toMatch(/yes\s+(yes|no)\s+yes\s+\d+/);
  });

  it('keeps everything inside the printable area, with no chart or row cut', () => {
    expect(checkLayout(doc, fonts)).toEqual([]);
    const charts = doc.blocks.filter((b) => b.kind === 'chart');
    expect(charts.map((c) => c.label)).toContain('Prioritization matrix');
  });

  it('renders pages whose margins are blank (nothing drawn past the printable area)', () => {
    const rendered = renderPages(path);
    expect(rendered).toHaveLength(pages.length);
    const dirty = rendered.map((p, i) => ({ page: i + 1, strips: inkOutsidePrintable(p) })).filter((p) => p.strips.length);
    expect(dirty).toEqual([]);
    // And the pages are not blank: the body has ink.
    for (const p of rendered) expect(inkIn(p, { x: MARGIN.left, y: MARGIN.top, w: 300, h: 300 })).toBeGreaterThan(50);
  });
});

describe('layout of a large, awkward workshop', () => {
  it('wraps long text and long words, repeats table headers and never cuts a chart or a row', async () => {
    const { workshop, rows } = bigWorkshop(50);
    const pack = buildSponsorPack(workshop, rows, { today: TODAY });
    const engine = new PdfEngine(nodeFontSource);
    const t0 = performance.now();
    const doc = await engine.layout(pack);
    const fonts = await loadFontSet(nodeFontSource, ['sans', 'sans-bold', 'cjk', 'cjk-bold']);
    expect(checkLayout(doc, fonts)).toEqual([]);
    // The ranked table spans pages: its header is repeated on each.
    const header = doc.blocks.filter((b) => b.kind === 'table-header' && b.label === 'Ranked portfolio');
    expect(header.length).toBeGreaterThan(1);
    expect(new Set(header.map((h) => h.page)).size).toBe(header.length);
    // The Gantt chart is split by groups of use cases over landscape pages, one whole chart per page.
    const gantt = doc.blocks.filter((b) => b.kind === 'chart' && b.label.startsWith('Roadmap Gantt chart'));
    expect(gantt.length).toBeGreaterThan(1);
    expect(new Set(gantt.map((g) => g.page)).size).toBe(gantt.length);
    for (const g of gantt) expect(doc.pages[g.page]?.orientation).toBe('landscape');
    // Only the 20,000-character mitigation row is allowed to continue on the next page.
    const continued = doc.blocks.filter((b) => b.kind === 'table-row' && b.continued);
    expect(new Set(continued.map((c) => c.label))).toEqual(new Set([expect.stringMatching(/: risks$/)]));
    const result = await engine.render(pack);
    const ms = performance.now() - t0;
    const path = tempPdf(result.bytes, 'big.pdf');
    const text = pdfPages(path);
    expect(text).toHaveLength(result.pages);
    expect(text[text.length - 1]).toContain(`page ${result.pages} of ${result.pages}`);
    // Not a benchmark (npm run bench is), a guard against something pathological.
    expect(ms).toBeLessThan(20_000);
  }, 60_000);
});

describe('the checks can fail', () => {
  let fonts: FontSet;
  let pack: SponsorPack;
  beforeAll(async () => {
    fonts = await loadFontSet(nodeFontSource, ['sans', 'sans-bold', 'cjk', 'cjk-bold']);
    const { workshop, rows } = insurerWorkshop();
    pack = buildSponsorPack(workshop, rows, { today: TODAY });
  });

  it('reports text wider than its box when the layout measured wrongly', () => {
    const wrong = fontSet(Object.fromEntries(Object.entries(fonts.metrics).map(([k, m]) => [k, halfWidth(m as FontMetrics)])));
    const doc = layoutDocument(sponsorDocument(pack), wrong);
    const problems = checkLayout(doc, fonts);
    expect(problems.some((p) => p.kind === 'text-overflow')).toBe(true);
    expect(problems.some((p) => p.kind === 'outside-printable-area')).toBe(true);
  });

  it('reports a chart drawn across two pages, and a shape outside its chart', () => {
    const doc = layoutDocument(sponsorDocument(pack), fonts);
    const chart = doc.blocks.find((b) => b.kind === 'chart');
    if (!chart) throw new Error('no chart');
    const page = doc.pages[chart.page];
    const next = doc.pages[chart.page + 1];
    if (!page || !next) throw new Error('no page');
    // Cut the chart: its lower half goes to the next page, as a naive page break would.
    const half = chart.box.y + chart.box.h / 2;
    const moved = page.ops.filter((op) => op.block === chart.id && op.kind === 'circle' && op.cy > half);
    expect(moved.length).toBeGreaterThan(0);
    page.ops = page.ops.filter((op) => !moved.includes(op));
    next.ops.push(...moved);
    const problems = checkLayout(doc, fonts);
    expect(problems.map((p) => p.kind)).toContain('chart-split');
  });

  it('reports a table row cut across a page break', () => {
    const doc = layoutDocument(sponsorDocument(pack), fonts);
    const row = doc.blocks.find((b) => b.kind === 'table-row' && !b.continued && b.page > 1);
    if (!row) throw new Error('no row');
    const page = doc.pages[row.page] as LaidOutDocument['pages'][number];
    const op = page.ops.find((o) => o.block === row.id && o.kind === 'text');
    if (!op) throw new Error('no text in the row');
    page.ops = page.ops.filter((o) => o !== op);
    doc.pages[row.page + 1]?.ops.push(op);
    expect(checkLayout(doc, fonts).map((p) => p.kind)).toContain('row-split');
  });

  it('sees ink in the margin of a rendered page where text overflows', async () => {
    const wrong = fontSet(Object.fromEntries(Object.entries(fonts.metrics).map(([k, m]) => [k, halfWidth(m as FontMetrics)])));
    const doc = layoutDocument(sponsorDocument({ ...pack, sections: ['summary'] }), wrong);
    const bytes = await drawPdf(doc, {
      sans: await nodeFontSource('sans'),
      'sans-bold': await nodeFontSource('sans-bold'),
      cjk: await nodeFontSource('cjk'),
      'cjk-bold': await nodeFontSource('cjk-bold'),
    });
    const rendered = renderPages(tempPdf(bytes, 'overflow.pdf'));
    expect(rendered.some((p) => inkOutsidePrintable(p).some((s) => s.side === 'right'))).toBe(true);
  }, 30_000);
});

describe('fonts', () => {
  it('loads and embeds no CJK font when the document has no CJK text', async () => {
    const { workshop, rows } = insurerWorkshop();
    rows.useCases = rows.useCases.filter((u) => !u.title.includes('東京'));
    rows.participants = rows.participants.filter((p) => !p.name.includes('東京'));
    rows.gateDecisions = [];
    const pack = buildSponsorPack(workshop, rows, { today: TODAY });
    loaded.length = 0;
    const result = await new PdfEngine(nodeFontSource).render(pack);
    expect(loaded.sort()).toEqual(['sans', 'sans-bold']);
    expect(result.fonts).toEqual(['sans', 'sans-bold']);
    const path = tempPdf(result.bytes, 'latin.pdf');
    expect(pdfFonts(path)).not.toMatch(/Noto/);
    const all = pdfPages(path).join('\n');
    for (const name of ['Müller', 'Łódź', 'Ærø', 'Zoë', 'Δημήτρης', 'Иванов']) expect(all).toContain(name);
  }, 30_000);
});
