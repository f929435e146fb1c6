// The layout engine's page-break rules, on small hand-made documents.
import { beforeAll, describe, expect, it } from 'vitest';
import { contentBox, layoutDocument, type Block, type DocumentSpec } from '../../../renderer/pdf/layout';
import { checkLayout, pageFill, underFilledPages } from '../../../renderer/pdf/layout-check';
import { loadFontSet } from '../../../renderer/pdf/engine';
import type { FontSet } from '../../../renderer/pdf/fonts';
import type { LaidOutDocument, TextOp } from '../../../renderer/pdf/types';
import { nodeFontSource } from './node-fonts';

let fonts: FontSet;
beforeAll(async () => {
  fonts = await loadFontSet(nodeFontSource, ['sans', 'sans-bold', 'cjk', 'cjk-bold']);
});

function lay(blocks: Block[]): LaidOutDocument {
  const spec: DocumentSpec = { title: 'Test', header: 'Sponsor pack · Test', footer: 'Test · 23 November 2026', blocks };
  return layoutDocument(spec, fonts);
}

function pageText(doc: LaidOutDocument, index: number): string {
  return (doc.pages[index]?.ops ?? [])
    .filter((o): o is TextOp => o.kind === 'text')
    .map((o) => o.runs.map((r) => r.text).join(''))
    .join('\n');
}

const filler = (n: number): Block[] => Array.from({ length: n }, (_, i) => ({ kind: 'paragraph', text: `Paragraph ${i}: some words to fill the page.` }));

describe('layoutDocument', () => {
  it('repeats a table header on every page the table spans, and cuts no row', () => {
    const rows = Array.from({ length: 120 }, (_, i) => [`Row ${i}`, `A value that wraps onto a second line in this narrow column, row ${i}`]);
    const doc = lay([{ kind: 'table', label: 'Long table', columns: [{ header: 'Name', width: 1 }, { header: 'Value', width: 1 }], rows }]);
    expect(doc.pages.length).toBeGreaterThan(2);
    const headers = doc.blocks.filter((b) => b.kind === 'table-header');
    expect(headers.map((h) => h.page)).toEqual(doc.pages.map((p) => p.index));
    expect(doc.blocks.filter((b) => b.kind === 'table-row')).toHaveLength(120);
    expect(checkLayout(doc, fonts)).toEqual([]);
  });

  it('moves a chart that does not fit to the next page, whole', () => {
    const drawn: number[] = [];
    const chart: Block = {
      kind: 'chart',
      label: 'A chart',
      height: 300,
      draw: (p, box) => {
        drawn.push(box.y);
        p.rect(box.x, box.y, box.w, box.h, { stroke: '#000000' });
      },
    };
    const doc = lay([...filler(30), chart]);
    const rec = doc.blocks.find((b) => b.kind === 'chart');
    expect(rec?.page).toBeGreaterThan(0);
    const content = contentBox('portrait');
    expect(rec?.box.y).toBe(content.y);
    expect(checkLayout(doc, fonts)).toEqual([]);
  });

  it('keeps a heading with the start of what follows it', () => {
    const doc = lay([...filler(44), { kind: 'heading', level: 2, text: 'Kept with its table' }, { kind: 'table', label: 't', columns: [{ header: 'A', width: 1 }], rows: [['one'], ['two']] }]);
    const heading = doc.blocks.find((b) => b.kind === 'heading');
    const firstRow = doc.blocks.find((b) => b.kind === 'table-row');
    expect(heading?.page).toBe(firstRow?.page);
    expect(checkLayout(doc, fonts)).toEqual([]);
  });

  it('lets only a row taller than a whole page continue on the next page, and marks it', () => {
    const long = 'A mitigation written at great length. '.repeat(400);
    const doc = lay([{ kind: 'table', label: 'Risks', columns: [{ header: 'Risk', width: 1 }, { header: 'Mitigation', width: 3 }], rows: [['Short', 'Short'], ['Long', long], ['After', 'After']] }]);
    const parts = doc.blocks.filter((b) => b.kind === 'table-row' && b.continued);
    expect(parts.length).toBeGreaterThan(1);
    expect(new Set(parts.map((p) => p.page)).size).toBe(parts.length);
    expect(checkLayout(doc, fonts)).toEqual([]);
    // Every word is still there.
    const all = doc.pages.map((_, i) => pageText(doc, i)).join(' ');
    expect(all.match(/length\./g)).toHaveLength(400);
  });

  it('numbers pages "page X of Y" and fills the contents with the pages of the headings', () => {
    const doc = lay([
      { kind: 'cover', kicker: 'Sponsor pack', title: 'Claims AI day', subtitle: 'Sub', facts: [{ label: 'Client', value: 'Northwind' }], note: 'Note' },
      { kind: 'toc', title: 'Contents' },
      { kind: 'heading', level: 1, text: 'First', anchor: 'a', toc: true, newPage: true },
      ...filler(60),
      { kind: 'heading', level: 1, text: 'Second', anchor: 'b', toc: true, newPage: true },
      { kind: 'paragraph', text: 'The end.' },
    ]);
    const total = doc.pages.length;
    expect(pageText(doc, 0)).not.toMatch(/page \d+ of/);
    for (let i = 1; i < total; i++) expect(pageText(doc, i)).toContain(`Test · 23 November 2026 · page ${i + 1} of ${total}`);
    expect(doc.toc).toEqual([
      { level: 1, title: 'First', anchor: 'a', page: 3 },
      { level: 1, title: 'Second', anchor: 'b', page: total },
    ]);
    expect(pageText(doc, 1)).toMatch(/First\n3\nSecond\n\d+/);
    expect(checkLayout(doc, fonts)).toEqual([]);
  });

  it('puts a landscape section on landscape pages', () => {
    const doc = lay([{ kind: 'paragraph', text: 'Portrait' }, { kind: 'heading', level: 1, text: 'Wide', newPage: true, orientation: 'landscape' }, { kind: 'paragraph', text: 'Wide text' }]);
    expect(doc.pages.map((p) => p.orientation)).toEqual(['portrait', 'landscape']);
    expect(doc.pages[1]?.width).toBeGreaterThan(doc.pages[1]?.height ?? 0);
  });
});

describe('the page-fill rule', () => {
  const chapter = (text: string): Block => ({ kind: 'heading', level: 1, text, newPage: true });

  it('flags a page under a third full in the middle of a chapter', () => {
    const doc = lay([chapter('One'), ...filler(3), { kind: 'page-break' }, ...filler(30)]);
    expect(pageFill(doc)[0]).toBeLessThan(0.3);
    expect(underFilledPages(doc).map((u) => u.page)).toEqual([0]);
    const problems = checkLayout(doc, fonts);
    expect(problems.map((p) => p.kind)).toEqual(['under-filled-page']);
    expect(problems[0]?.message).toMatch(/^Page 1 is only \d+% full, in the middle of a chapter\.$/);
  });

  it('accepts a short page that ends a chapter, and a short last page', () => {
    const doc = lay([chapter('One'), ...filler(3), chapter('Two'), ...filler(3)]);
    expect(doc.pages).toHaveLength(2);
    expect(pageFill(doc).every((f) => f < 0.3)).toBe(true);
    expect(checkLayout(doc, fonts)).toEqual([]);
  });

  it('accepts a page filled past a third', () => {
    const doc = lay([chapter('One'), ...filler(20), { kind: 'page-break' }, ...filler(30)]);
    expect(pageFill(doc)[0]).toBeGreaterThan(1 / 3);
    expect(underFilledPages(doc)).toEqual([]);
  });

  it('lets a section that asks for a fresh page follow on the same page while that page is under a third full', () => {
    const section = (text: string): Block => ({ kind: 'heading', level: 2, text, newPage: true });
    const short = lay([chapter('Use cases'), section('First'), ...filler(2), section('Second'), ...filler(2)]);
    expect(short.pages).toHaveLength(1);
    const long = lay([chapter('Use cases'), section('First'), ...filler(30), section('Second'), ...filler(2)]);
    expect(long.pages).toHaveLength(2);
    expect(long.blocks.find((b) => b.kind === 'heading' && b.label === 'Second')?.page).toBe(1);
    expect(checkLayout(short, fonts)).toEqual([]);
  });
});

describe('the Gantt chart pages', () => {
  it('never leaves governance rows alone on the last part of the chart', async () => {
    const { buildGanttModel } = await import('../../../renderer/domain/gantt');
    const { ganttPages } = await import('../../../renderer/pdf/charts/gantt-chart');
    const { DEFAULT_CADENCE } = await import('../../../renderer/domain/governance');
    const { placeNewPlan } = await import('../../../renderer/domain/roadmap');
    const T = '2026-11-23T09:00:00.000Z';
    const owned = (id: string) => ({ id, workshopId: 'w', createdAt: T, updatedAt: T });
    // Enough use cases with long titles that the first landscape page fills up with them.
    for (let n = 6; n <= 14; n++) {
      const plans: { useCaseId: string; items: ReturnType<typeof placeNewPlan> }[] = [];
      const items = [];
      for (let i = 0; i < n; i++) {
        const drafts = placeNewPlan(plans as never, `u${i}`, { readinessSprint: false, maxParallel: 3 });
        plans.push({ useCaseId: `u${i}`, items: drafts });
        items.push(...drafts.map((d, k) => ({ ...owned(`i${i}-${k}`), ...d })));
      }
      const model = buildGanttModel({
        startDate: '2026-11-30',
        useCases: Array.from({ length: n }, (_, i) => ({ id: `u${i}`, title: `Automatisierte Eingangsklassifizierung von Maklerkorrespondenz ${i}`, rank: i + 1 })),
        items,
        cadence: DEFAULT_CADENCE.map((c, i) => ({ ...owned(`c${i}`), order: i, ...c })),
      });
      const groups = ganttPages(model);
      expect(groups.flat().map((r) => r.id)).toEqual(model.rows.map((r) => r.id));
      for (const g of groups) expect(g.some((r) => r.kind === 'use-case')).toBe(true);
    }
  });
});

describe('the Gantt label estimate', () => {
  it('never estimates fewer lines than the label takes in DejaVu Sans Bold', async () => {
    const { labelLines, GANTT_LABEL_W } = await import('../../../renderer/pdf/charts/gantt-chart');
    const { wrapText } = await import('../../../renderer/pdf/wrap');
    const titles = [
      '3. Zollanmeldungsplausibilitätsprüfung vor der Übermittlung an ATLAS',
      '7. Automatisierte Eingangsklassifizierung von Maklerkorrespondenz und Weiterleitungsempfehlung für die Kraftfahrzeughaftpflichtschadenbearbeitung',
      '12. WWW MMM WWW MMM WWW MMM WWW MMM WWW MMM',
      '1. Claims triage',
      '3. 東京 branch: claims intake in Japanese',
      '28. 東京データデータデータデータデータデータデータデータデータデータデータ32',
      '41. Returns reason classification (Duisburg)',
    ];
    for (const t of titles) {
      const actual = wrapText(t, { weight: 'bold', size: 8 }, GANTT_LABEL_W - 8, fonts).length;
      expect(labelLines(t), t).toBeGreaterThanOrEqual(actual);
      expect(labelLines(t), t).toBeLessThanOrEqual(actual + 1);
    }
  });
});

describe('table column widths', () => {
  it('never breaks a header word, and keeps an ordinary word whole before a long compound that breaks anyway', () => {
    const columns = ['#', 'Use case', 'Impact', 'Feasibility', 'Readiness', 'Score', 'Quadrant', 'Stage', 'Owner'].map((header, i) => ({ header, width: [5, 25, 8, 10, 10, 7, 11, 12, 12][i] as number }));
    const rows = Array.from({ length: 3 }, (_, i) => [
      `${i + 1}=`,
      'Zollanmeldungsplausibilitätsprüfung vor der Übermittlung an ATLAS',
      '5',
      '4',
      '3',
      '4.5',
      'Deprioritize',
      'Stage 0 · Readiness',
      'Annegret Schäfer-Lindqvist',
    ]);
    const doc = lay([{ kind: 'table', label: 'Ranking', columns, rows }]);
    const header = doc.blocks.find((b) => b.kind === 'table-header');
    const texts = (doc.pages[0]?.ops ?? []).filter((o): o is TextOp => o.kind === 'text').map((o) => ({ block: o.block, text: o.runs.map((r) => r.text).join('') }));
    const headerTexts = texts.filter((t) => t.block === header?.id).map((t) => t.text);
    for (const h of ['Impact', 'Feasibility', 'Readiness', 'Quadrant']) expect(headerTexts).toContain(h);
    const cells = texts.filter((t) => t.block !== header?.id).map((t) => t.text);
    expect(cells, cells.join(' | ')).toContain('Deprioritize');
    expect(checkLayout(doc, fonts)).toEqual([]);
  });
});
