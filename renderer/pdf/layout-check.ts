// Checks a laid-out document the way a reader looks at the paper: nothing outside the printable
// area (header and footer inside the margins, clear of the paper's edge), no line of text wider
// than its box, no chart drawn outside its box or spread over two pages, no table row cut across a
// page break (unless the row alone is taller than a page, and marked so), no heading left alone at
// the bottom of a page, no page under about a third full unless it ends a chapter. Used by the
// tests; cheap enough to run on every export.
import { runWidth, type FontSet } from './fonts';
import { EDGE } from './layout';
import type { BlockRecord, Box, DrawOp, LaidOutDocument, LaidOutPage } from './types';

export type LayoutProblemKind = 'outside-printable-area' | 'text-overflow' | 'outside-chart' | 'chart-split' | 'row-split' | 'orphan-heading' | 'under-filled-page';
export type LayoutProblem = { kind: LayoutProblemKind; page: number; block: string; message: string };

const EPS = 0.5;

/** A page in the middle of a chapter must be filled at least this far (a third, with a little slack). */
export const MIN_PAGE_FILL = 0.3;

/**
 * How full each page is, 0–1: the bottom of its lowest body block (not the header or footer)
 * over the height of the printable area. The cover counts as full.
 */
export function pageFill(doc: LaidOutDocument): number[] {
  return doc.pages.map((page) => {
    const body = doc.blocks.filter((b) => b.page === page.index && b.kind !== 'header' && b.kind !== 'footer');
    if (body.some((b) => b.kind === 'cover')) return 1;
    const bottom = Math.max(page.content.y, ...body.map((b) => b.box.y + b.box.h));
    return (bottom - page.content.y) / page.content.h;
  });
}

/**
 * Pages under MIN_PAGE_FILL that do not end a chapter. A page ends a chapter when it is the last
 * page or the next page opens with a chapter heading (level 1) or the table of contents: a short
 * last page of a chapter is normal, a short page in the middle of one is a page of blanks.
 */
export function underFilledPages(doc: LaidOutDocument): { page: number; fill: number }[] {
  const fill = pageFill(doc);
  const opensChapter = (index: number) => {
    const first = doc.blocks
      .filter((b) => b.page === index && b.kind !== 'header' && b.kind !== 'footer')
      .sort((a, b) => a.box.y - b.box.y)[0];
    return !!first && ((first.kind === 'heading' && first.level === 1) || first.kind === 'toc' || first.kind === 'cover');
  };
  const out: { page: number; fill: number }[] = [];
  for (let i = 0; i < doc.pages.length - 1; i++) {
    if ((fill[i] as number) < MIN_PAGE_FILL && !opensChapter(i + 1)) out.push({ page: i, fill: fill[i] as number });
  }
  return out;
}

function opBox(op: DrawOp): Box {
  switch (op.kind) {
    case 'text': {
      const left = Math.min(op.box.x, ...op.runs.map((r) => r.x));
      const right = Math.max(op.box.x + op.box.w, ...op.runs.map((r) => r.x + r.width));
      return { x: left, y: op.box.y, w: right - left, h: op.box.h };
    }
    case 'rect': {
      const half = op.stroke ? op.lineWidth / 2 : 0;
      return { x: op.x - half, y: op.y - half, w: op.w + 2 * half, h: op.h + 2 * half };
    }
    case 'line': {
      // Butt caps: the stroke ends at the end points and is `width` wide across the line.
      const len = Math.hypot(op.x2 - op.x1, op.y2 - op.y1) || 1;
      const nx = (-(op.y2 - op.y1) / len) * (op.width / 2);
      const ny = ((op.x2 - op.x1) / len) * (op.width / 2);
      const xs = [op.x1 + nx, op.x1 - nx, op.x2 + nx, op.x2 - nx];
      const ys = [op.y1 + ny, op.y1 - ny, op.y2 + ny, op.y2 - ny];
      const x = Math.min(...xs);
      const y = Math.min(...ys);
      return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
    }
    case 'circle': {
      const r = op.r + (op.stroke ? op.lineWidth / 2 : 0);
      return { x: op.cx - r, y: op.cy - r, w: 2 * r, h: 2 * r };
    }
    case 'polygon': {
      const xs = op.points.map((p) => p.x);
      const ys = op.points.map((p) => p.y);
      const half = op.stroke ? op.lineWidth / 2 : 0;
      const x = Math.min(...xs) - half;
      const y = Math.min(...ys) - half;
      return { x, y, w: Math.max(...xs) + half - x, h: Math.max(...ys) + half - y };
    }
    case 'link':
      return op.box;
    case 'image':
      return { x: op.x, y: op.y, w: op.w, h: op.h };
  }
}

function inside(inner: Box, outer: Box, eps = EPS): boolean {
  return inner.x >= outer.x - eps && inner.y >= outer.y - eps && inner.x + inner.w <= outer.x + outer.w + eps && inner.y + inner.h <= outer.y + outer.h + eps;
}

function describe(b: Box): string {
  const f = (n: number) => n.toFixed(1);
  return `[x ${f(b.x)}–${f(b.x + b.w)}, y ${f(b.y)}–${f(b.y + b.h)}]`;
}

/** Where ops of a block may go: the body's printable area, or the margins for header and footer. */
function allowedArea(page: LaidOutPage, kind: BlockRecord['kind'] | undefined): Box {
  if (kind === 'header' || kind === 'footer') return { x: EDGE, y: EDGE, w: page.width - 2 * EDGE, h: page.height - 2 * EDGE };
  return page.content;
}

/**
 * Every problem found; an empty list means the document prints as laid out. With `fonts`, each
 * run's width is measured again from the font files instead of trusting the width the layout
 * stored, so a layout that measured wrongly is caught too.
 */
export function checkLayout(doc: LaidOutDocument, fonts?: FontSet): LayoutProblem[] {
  const problems: LayoutProblem[] = [];
  const records = new Map<string, BlockRecord>();
  for (const r of doc.blocks) records.set(r.id, r);
  const kindOf = (block: string): BlockRecord['kind'] | undefined => {
    const direct = records.get(block);
    if (direct) return direct.kind;
    if (block.startsWith('header')) return 'header';
    if (block.startsWith('footer')) return 'footer';
    return undefined;
  };

  const pagesOfBlock = new Map<string, Set<number>>();
  for (const page of doc.pages) {
    for (const op of page.ops) {
      const seen = pagesOfBlock.get(op.block) ?? new Set<number>();
      seen.add(page.index);
      pagesOfBlock.set(op.block, seen);

      let box = opBox(op);
      if (op.kind === 'text' && fonts) {
        let x = op.runs[0]?.x ?? op.box.x;
        const start = x;
        for (const r of op.runs) x += runWidth(r.text, r.font, op.size, fonts);
        const measured = { x: Math.min(start, op.box.x), y: op.box.y, w: 0, h: op.box.h };
        measured.w = Math.max(x, op.box.x + op.box.w) - measured.x;
        box = measured;
        if (x > op.box.x + op.box.w + EPS || start < op.box.x - EPS) {
          problems.push({
            kind: 'text-overflow',
            page: page.index,
            block: op.block,
            message: `Page ${page.index + 1}: "${op.runs.map((r) => r.text).join('').slice(0, 50)}" is ${(x - start).toFixed(1)} pt wide in a ${op.box.w.toFixed(1)} pt box.`,
          });
        }
      } else if (op.kind === 'text') {
        const left = Math.min(...op.runs.map((r) => r.x), op.box.x);
        const right = Math.max(...op.runs.map((r) => r.x + r.width), op.box.x);
        if (op.runs.length && (left < op.box.x - EPS || right > op.box.x + op.box.w + EPS)) {
          problems.push({
            kind: 'text-overflow',
            page: page.index,
            block: op.block,
            message: `Page ${page.index + 1}: "${op.runs.map((r) => r.text).join('').slice(0, 50)}" runs past its ${op.box.w.toFixed(1)} pt box.`,
          });
        }
      }
      const area = allowedArea(page, kindOf(op.block));
      if (!inside(box, area)) {
        problems.push({
          kind: 'outside-printable-area',
          page: page.index,
          block: op.block,
          message: `Page ${page.index + 1}: a ${op.kind} of ${op.block} at ${describe(box)} leaves the printable area ${describe(area)}.`,
        });
      }
      const record = records.get(op.block);
      if (record?.kind === 'chart' && !inside(box, record.box)) {
        problems.push({
          kind: 'outside-chart',
          page: page.index,
          block: op.block,
          message: `Page ${page.index + 1}: a ${op.kind} of the chart "${record.label}" at ${describe(box)} is outside the chart's box ${describe(record.box)}.`,
        });
      }
    }
  }

  for (const r of doc.blocks) {
    const pages = pagesOfBlock.get(r.id);
    if (!pages) continue;
    if (r.kind === 'chart' && (pages.size > 1 || !pages.has(r.page))) {
      problems.push({ kind: 'chart-split', page: r.page, block: r.id, message: `The chart "${r.label}" is drawn on pages ${[...pages].map((p) => p + 1).join(', ')}.` });
    }
    if (r.kind === 'table-row' && !r.continued && (pages.size > 1 || !pages.has(r.page))) {
      problems.push({ kind: 'row-split', page: r.page, block: r.id, message: `A row of "${r.label}" is cut across pages ${[...pages].map((p) => p + 1).join(', ')}.` });
    }
    if (r.kind !== 'header' && r.kind !== 'footer' && !inside(r.box, (doc.pages[r.page] as LaidOutPage).content)) {
      problems.push({
        kind: 'outside-printable-area',
        page: r.page,
        block: r.id,
        message: `Page ${r.page + 1}: "${r.label}" at ${describe(r.box)} leaves the printable area.`,
      });
    }
  }

  // A heading needs something under it on the same page.
  const body = doc.blocks.filter((b) => b.kind !== 'header' && b.kind !== 'footer');
  body.forEach((r, i) => {
    if (r.kind !== 'heading') return;
    const next = body[i + 1];
    if (next && next.page !== r.page) {
      problems.push({ kind: 'orphan-heading', page: r.page, block: r.id, message: `The heading "${r.label}" sits alone at the bottom of page ${r.page + 1}.` });
    }
  });
  for (const u of underFilledPages(doc)) {
    problems.push({
      kind: 'under-filled-page',
      page: u.page,
      block: '',
      message: `Page ${u.page + 1} is only ${Math.round(u.fill * 100)}% full, in the middle of a chapter.`,
    });
  }
  return problems;
}
