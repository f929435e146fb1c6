// The 120-day plan as a vector Gantt chart on landscape pages: one row per use case (priority
// order) with its phases as bars and its gates as diamonds, the governance meetings as rows of
// dots, a day and month axis on top and a legend below. Rows are split into groups that fit a
// page, each group drawn as one whole chart with its own axis, so no bar is ever cut by a page
// break and every page can be read alone.
import type { GanttModel } from '../../domain/gantt';
import { isoToDay } from '../../domain/roadmap-calendar';
import { COLORS, contentBox, type Block, type Painter } from '../layout';
import type { Box } from '../types';
import { englishPack } from '../../i18n/pack-catalog';
import type { PackSay } from '../../domain/recommendations';

export const GANTT_LABEL_W = 178;
export const GANTT_AXIS_H = 34;
export const GANTT_USE_CASE_ROW_H = 26;
export const GANTT_GOVERNANCE_ROW_H = 20;
export const GANTT_LEGEND_H = 30;
/** The first page also holds the section heading and a sentence or two. */
export const GANTT_FIRST_PAGE_RESERVE = 104;

type Row = GanttModel['rows'][number];

const LABEL_LINE_H = 8 * 1.3;

function labelOf(r: Row): string {
  return r.kind === 'use-case' && r.rank !== null ? `${r.rank}. ${r.label}` : r.label;
}

/** Approximate advance widths of DejaVu Sans Bold in em, by kind of character (the label's font). */
function emWidth(ch: string): number {
  if (/[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/.test(ch)) return 1;
  if (/[ijlI.,:;'!|]/.test(ch)) return 0.36;
  if (/[ftr ()-]/.test(ch)) return 0.5;
  if (/[mwMW]/.test(ch)) return 1.05;
  if (/[A-ZÄÖÜ]/.test(ch)) return 0.8;
  if (/[0-9]/.test(ch)) return 0.7;
  return 0.72;
}

/**
 * Lines a use-case title needs in the label column, estimated without fonts (the page split is
 * decided before drawing): a greedy word wrap over approximate character widths, each a little
 * wider than DejaVu Sans Bold's, so the estimate errs on the tall side and the title always wraps
 * in full. A word longer than a line breaks inside itself.
 */
export function labelLines(label: string): number {
  const perLine = (GANTT_LABEL_W - 8) / 8; // in em at 8 pt
  const width = (w: string) => [...w].reduce((n, ch) => n + emWidth(ch), 0);
  const space = emWidth(' ');
  let lines = 1;
  let used = 0;
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const w = width(word);
    if (used > 0 && used + space + w <= perLine) {
      used += space + w;
      continue;
    }
    if (used > 0) lines += 1;
    const parts = Math.ceil(w / perLine);
    lines += parts - 1;
    used = w - (parts - 1) * perLine;
  }
  return Math.min(8, lines);
}

function rowHeight(r: Row): number {
  if (r.kind !== 'use-case') return GANTT_GOVERNANCE_ROW_H;
  const lines = labelLines(labelOf(r)) + (r.sublabel ? 1 : 0);
  return Math.max(GANTT_USE_CASE_ROW_H, lines * LABEL_LINE_H + 6);
}

/** Groups of rows, each small enough for one landscape page (the first page has less room). */
export function ganttPages(model: GanttModel): Row[][] {
  const page = contentBox('landscape').h - 4;
  const groups: Row[][] = [];
  let current: Row[] = [];
  let room = page - GANTT_FIRST_PAGE_RESERVE - GANTT_AXIS_H - GANTT_LEGEND_H;
  for (const r of model.rows) {
    const h = rowHeight(r);
    if (h > room && current.length) {
      groups.push(current);
      current = [];
      room = page - GANTT_AXIS_H - GANTT_LEGEND_H;
    }
    current.push(r);
    room -= h;
  }
  if (current.length) groups.push(current);
  // A last part of governance rows alone reads as a chart of nothing: the last use case and the
  // governance rows after it go over with them (a later part has a whole page of room).
  const last = groups[groups.length - 1];
  const before = groups[groups.length - 2];
  if (last && before && last.every((r) => r.kind !== 'use-case') && before.filter((r) => r.kind === 'use-case').length >= 2) {
    const index = before.map((r) => r.kind).lastIndexOf('use-case');
    last.unshift(...before.splice(index));
  }
  return groups;
}

export function ganttChartHeight(rows: readonly Row[]): number {
  return GANTT_AXIS_H + rows.reduce((s, r) => s + rowHeight(r), 0) + GANTT_LEGEND_H;
}

/** The chart blocks, with a landscape page break before every group after the first. */
/** `today` (`YYYY-MM-DD`) draws a "Today" line where it falls inside the plan. */
export function ganttBlocks(model: GanttModel, today = '', t: PackSay = englishPack.t): Block[] {
  const groups = ganttPages(model);
  const blocks: Block[] = [];
  groups.forEach((rows, i) => {
    if (i > 0) blocks.push({ kind: 'page-break', orientation: 'landscape' });
    blocks.push({
      kind: 'chart',
      label: t('pack.chart.gantt', { part: i + 1, parts: groups.length }),
      height: ganttChartHeight(rows),
      draw: (p, box) => drawGantt(p, box, model, rows, i + 1, groups.length, today, t),
    });
  });
  return blocks;
}

function drawGantt(p: Painter, box: Box, model: GanttModel, rows: readonly Row[], part: number, parts: number, today: string, t: PackSay): void {
  const area = { x: box.x + GANTT_LABEL_W, w: box.w - GANTT_LABEL_W - 8 };
  const xOf = (fraction: number) => area.x + Math.max(0, Math.min(1, fraction)) * area.w;
  const top = box.y + GANTT_AXIS_H;
  const bodyH = rows.reduce((s, r) => s + rowHeight(r), 0);

  // Axis: months on the first line, day numbers on the second; light lines down the chart.
  p.text(parts > 1 ? t('pack.chart.useCasePart', { part, parts }) : t('pack.chart.useCase'), box.x, box.y + 16, { size: 8, bold: true, width: GANTT_LABEL_W - 8, color: COLORS.muted });
  model.months.forEach((m, i) => {
    const x = xOf(m.x);
    const next = model.months[i + 1];
    const end = next ? xOf(next.x) : area.x + area.w;
    p.line(x, box.y + 2, x, box.y + 14, { color: COLORS.rule, width: 0.6 });
    // "December 2026", or "Dec 2026" where a month is narrow (a partial month at either end).
    const room = end - x - 5;
    const label = [m.label, `${m.label.slice(0, 3)} ${m.label.slice(-4)}`, m.label.slice(0, 3)].find((l) => p.width(l, 7.5, true) <= room) ?? m.label;
    if (room > 24) p.text(label, x + 3, box.y + 2, { size: 7.5, bold: true, width: room });
  });
  for (const t of model.ticks) {
    const x = xOf(t.x);
    p.line(x, top - 4, x, top + bodyH, { color: '#e3e6ec', width: 0.5 });
    p.text(`${t.day}`, Math.min(x - 14, box.x + box.w - 28), box.y + 18, { size: 7, width: 28, align: 'center', color: COLORS.muted });
  }
  p.line(area.x, top, area.x + area.w, top, { color: COLORS.muted, width: 0.6 });

  let y = top;
  rows.forEach((r, i) => {
    const h = rowHeight(r);
    if (i % 2 === 1) p.rect(box.x, y, box.w, h, { fill: COLORS.zebra, stroke: null });
    const label = labelOf(r);
    if (r.kind === 'use-case' && (r.sublabel || p.width(label, 8, true) > GANTT_LABEL_W - 8)) {
      // A long title wraps onto as many lines as it needs (the row was made tall enough) rather than being cut.
      const used = p.paragraph(label, box.x, y + 3, { size: 8, bold: true, width: GANTT_LABEL_W - 8, maxLines: labelLines(label) });
      if (r.sublabel) p.text(r.sublabel, box.x, y + 3 + used, { size: 6.5, width: GANTT_LABEL_W - 8, color: COLORS.muted });
    } else {
      p.text(label, box.x, y + (h - 8 * 1.3) / 2, { size: 8, bold: r.kind === 'use-case', width: GANTT_LABEL_W - 8 });
    }
    if (r.kind === 'use-case') {
      const barH = 13;
      const by = y + (h - barH) / 2;
      for (const b of model.bars.filter((x) => x.rowId === r.id)) {
        const bx = xOf(b.x);
        const bw = Math.max(1.5, xOf(b.x + b.width) - bx);
        p.rect(bx, by, bw, barH, { fill: b.color, stroke: COLORS.white, lineWidth: 0.6 });
        // Inside the bar, clear of the gate diamonds at either end; only when it fits whole.
        if (p.width(b.label, 6.5, true) + 14 <= bw) p.text(b.label, bx + 7, by + (barH - 6.5 * 1.3) / 2, { size: 6.5, bold: true, width: bw - 14, color: COLORS.white });
      }
      for (const m of model.milestones.filter((x) => x.rowId === r.id)) {
        const mx = xOf(m.x);
        const cy = y + h / 2;
        const d = 5;
        p.polygon(
          [
            { x: mx, y: cy - d },
            { x: mx + d, y: cy },
            { x: mx, y: cy + d },
            { x: mx - d, y: cy },
          ],
          { fill: COLORS.text, stroke: COLORS.white, lineWidth: 0.6 },
        );
      }
    } else {
      for (const e of model.events.filter((x) => x.rowId === r.id)) p.circle(xOf(e.x), y + h / 2, 2.6, { fill: COLORS.accent, stroke: null });
    }
    y += h;
  });
  p.line(box.x, y, box.x + box.w, y, { color: COLORS.rule, width: 0.5 });

  // Today, where it falls inside the plan: a red dashed line down the chart, labelled on the axis.
  const day = today ? isoToDay(model.startDate, today) : null;
  if (day !== null && day >= model.firstDay && day <= model.lastDay) {
    const tx = xOf((day - model.firstDay + 0.5) / (model.lastDay - model.firstDay + 1));
    p.line(tx, box.y + GANTT_AXIS_H - 8, tx, y, { color: COLORS.bad, width: 1, dash: [3, 2] });
    p.text(t('pack.chart.today'), Math.min(tx + 2, area.x + area.w - 26), box.y + GANTT_AXIS_H - 10, { size: 6.5, bold: true, width: 26, color: COLORS.bad });
  }

  // Legend: the phases drawn on this page, gates and meetings.
  const seen = new Map<string, string>();
  const ids = new Set(rows.map((r) => r.id));
  for (const b of model.bars) if (ids.has(b.rowId) && !seen.has(b.label)) seen.set(b.label, b.color);
  const items: { label: string; draw: (x: number, cy: number) => void }[] = [...seen].map(([label, color]) => ({
    label,
    draw: (x, cy) => p.rect(x, cy - 4, 14, 8, { fill: color, stroke: null }),
  }));
  items.push({
    label: t('pack.chart.gate'),
    draw: (x, cy) =>
      p.polygon(
        [
          { x: x + 7, y: cy - 4.5 },
          { x: x + 11.5, y: cy },
          { x: x + 7, y: cy + 4.5 },
          { x: x + 2.5, y: cy },
        ],
        { fill: COLORS.text, stroke: null },
      ),
  });
  if (rows.some((r) => r.kind === 'governance')) items.push({ label: t('pack.chart.governance'), draw: (x, cy) => p.circle(x + 7, cy, 2.6, { fill: COLORS.accent, stroke: null }) });
  let lx = box.x;
  let ly = y + 6;
  for (const item of items) {
    const w = 18 + p.width(item.label, 7.5) + 14;
    if (lx + w > box.x + box.w) {
      lx = box.x;
      ly += 12;
    }
    if (ly + 11 > box.y + box.h) break;
    item.draw(lx, ly + 5);
    p.text(item.label, lx + 18, ly, { size: 7.5, width: w - 18, color: COLORS.text });
    lx += w;
  }
}
