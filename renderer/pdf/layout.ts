// The layout engine: a list of blocks (headings, paragraphs, tables, charts…) flowed onto A4
// pages. Rules a printed deliverable needs: a heading never sits alone at the bottom of a page;
// text wraps inside its column and flows line by line; a table row is never cut (the row moves to
// the next page and the table's header is repeated there); a chart is never cut (it moves to the
// next page whole); only a single row or callout taller than a whole page may continue, and says
// so. The table of contents and "page X of Y" are filled in once every page is known.
import { drawable, FONT_KEYS, runsOf, runWidth, textWidth, type FontKey, type FontSet, type Weight } from './fonts';
import { visualOrder } from './bidi';
import { fitLine, wrapText } from './wrap';
import type { BlockKind, BlockRecord, Box, DrawOp, LaidOutDocument, LaidOutPage, Orientation, TextOp, TocEntry, UndrawableChar } from './types';

export const A4_SHORT = 595.28;
export const A4_LONG = 841.89;
export const MARGIN = { top: 64, right: 50, bottom: 58, left: 50 } as const;
/** Header and footer live in the margins, at least this far from the paper's edge. */
export const EDGE = 20;

export const COLORS = {
  text: '#161b26',
  muted: '#5a6375',
  accent: '#3446c6',
  accentSoft: '#e8ebfb',
  rule: '#d3d8e2',
  zebra: '#f5f6f9',
  good: '#1d7a46',
  goodSoft: '#e6f4ec',
  warn: '#9a5b00',
  warnSoft: '#fdf3e1',
  bad: '#b42318',
  badSoft: '#fdecea',
  white: '#ffffff',
} as const;

export type Tone = 'good' | 'warn' | 'bad' | 'neutral';
const TONE_COLORS: Record<Tone, { bar: string; fill: string }> = {
  good: { bar: COLORS.good, fill: COLORS.goodSoft },
  warn: { bar: COLORS.warn, fill: COLORS.warnSoft },
  bad: { bar: COLORS.bad, fill: COLORS.badSoft },
  neutral: { bar: COLORS.accent, fill: COLORS.accentSoft },
};

export type Paper = 'a4' | 'letter';
const PAPER: Record<Paper, { short: number; long: number }> = { a4: { short: A4_SHORT, long: A4_LONG }, letter: { short: 612, long: 792 } };

export function pageSize(orientation: Orientation, paper: Paper = 'a4'): { width: number; height: number } {
  const p = PAPER[paper];
  return orientation === 'portrait' ? { width: p.short, height: p.long } : { width: p.long, height: p.short };
}

export function contentBox(orientation: Orientation, paper: Paper = 'a4'): Box {
  const { width, height } = pageSize(orientation, paper);
  return { x: MARGIN.left, y: MARGIN.top, w: width - MARGIN.left - MARGIN.right, h: height - MARGIN.top - MARGIN.bottom };
}

export type Cell = string | { text: string; bold?: boolean; color?: string; fill?: string };
export type Column = { header: string; width: number; align?: 'left' | 'right' | 'center' };

/** Draws a chart inside its box. Every shape it draws must stay inside that box. */
export type Painter = {
  fonts: FontSet;
  rect(x: number, y: number, w: number, h: number, style: { fill?: string | null; stroke?: string | null; lineWidth?: number }): void;
  line(x1: number, y1: number, x2: number, y2: number, style: { color: string; width?: number; dash?: number[] }): void;
  circle(cx: number, cy: number, r: number, style: { fill: string; stroke?: string | null; lineWidth?: number }): void;
  polygon(points: { x: number; y: number }[], style: { fill: string; stroke?: string | null; lineWidth?: number }): void;
  /** One line of text in [x, x + width], cut with "…" if longer; `top` is the top of its line box. Returns the drawn width. */
  text(text: string, x: number, top: number, style: { size: number; width: number; bold?: boolean; color?: string; align?: 'left' | 'center' | 'right' }): number;
  /** Wrapped text; returns the height used. */
  paragraph(text: string, x: number, top: number, style: { size: number; width: number; bold?: boolean; color?: string; maxLines?: number }): number;
  width(text: string, size: number, bold?: boolean): number;
};

export type Block =
  | {
      kind: 'cover';
      title: string;
      kicker: string;
      subtitle: string;
      facts: { label: string; value: string }[];
      note: string;
      /** The consultancy's logo, drawn above the kicker at most 200 × 56 pt, aspect kept. */
      logo?: { dataUrl: string; format: 'PNG' | 'JPEG'; width: number; height: number } | null;
    }
  | { kind: 'toc'; title: string }
  | { kind: 'page-break'; orientation?: Orientation }
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; anchor?: string; toc?: boolean; newPage?: boolean; orientation?: Orientation }
  | { kind: 'paragraph'; text: string; tone?: 'body' | 'muted' | 'small'; bold?: boolean }
  | { kind: 'bullets'; items: string[]; tone?: 'body' | 'small' }
  | { kind: 'facts'; label: string; rows: { label: string; value: string }[] }
  /** `keepTogether`: a short table (up to a third of a page) is not split over two pages. */
  | { kind: 'table'; label: string; columns: Column[]; rows: Cell[][]; keepTogether?: boolean; header?: boolean }
  | { kind: 'callout'; tone: Tone; title: string; lines: string[] }
  | { kind: 'chart'; label: string; height: number; draw: (p: Painter, box: Box) => void }
  | { kind: 'signature'; title: string; fields: string[] }
  | { kind: 'spacer'; height: number };

export type DocumentSpec = {
  title: string;
  /** A4 unless the pack's settings say US Letter. */
  paper?: Paper;
  /** Left of the running header. */
  header: string;
  /** Start of the footer; " · page X of Y" follows. */
  footer: string;
  /** "page 3 of 24" in the document's language; English when absent. */
  pageLabel?: (page: number, total: number) => string;
  blocks: Block[];
};

type TextStyle = { size: number; weight: Weight; lineHeight: number; color: string };

const BODY: TextStyle = { size: 10, weight: 'normal', lineHeight: 14.2, color: COLORS.text };
const MUTED: TextStyle = { ...BODY, size: 9.5, lineHeight: 13.4, color: COLORS.muted };
const SMALL: TextStyle = { size: 8.5, weight: 'normal', lineHeight: 11.6, color: COLORS.text };
const TABLE: TextStyle = { size: 8.5, weight: 'normal', lineHeight: 11.2, color: COLORS.text };
const HEADINGS: Record<1 | 2 | 3, TextStyle & { before: number; after: number }> = {
  1: { size: 19, weight: 'bold', lineHeight: 24, color: COLORS.accent, before: 0, after: 10 },
  2: { size: 13.5, weight: 'bold', lineHeight: 18, color: COLORS.text, before: 12, after: 6 },
  3: { size: 10.5, weight: 'bold', lineHeight: 14, color: COLORS.text, before: 10, after: 4 },
};
const CELL_PAD_X = 4;
const CELL_PAD_Y = 3.5;
const GAP = 8;

export function layoutDocument(spec: DocumentSpec, fonts: FontSet): LaidOutDocument {
  return new Composer(spec, fonts).run();
}

type PendingTocNumber = { op: TextOp; anchor: string; right: number; leaderFrom: number; baseline: number; link: Box };

class Composer {
  pages: LaidOutPage[] = [];
  page!: LaidOutPage;
  y = 0;
  blocks: BlockRecord[] = [];
  anchors = new Map<string, number>();
  toc: TocEntry[] = [];
  pendingToc: PendingTocNumber[] = [];
  widthCache = new WeakMap<object, number[]>();
  factsCache = new WeakMap<object, Extract<Block, { kind: 'table' }>>();
  used = new Set<FontKey>();
  undrawable = new Map<string, UndrawableChar>();
  seq = 0;
  section = '';
  /** The block after the one being placed: a heading stays with the start of it. */
  next: Block | undefined;
  asc: number;
  desc: number;

  constructor(
    private spec: DocumentSpec,
    private fonts: FontSet,
  ) {
    const m = fonts.metrics.sans;
    this.asc = m ? m.ascender / m.unitsPerEm : 0.93;
    this.desc = m ? -m.descender / m.unitsPerEm : 0.24;
  }

  run(): LaidOutDocument {
    this.newPage('portrait');
    this.spec.blocks.forEach((b, i) => {
      this.next = this.spec.blocks[i + 1];
      this.block(b);
    });
    this.finish();
    return {
      title: this.spec.title,
      pages: this.pages,
      blocks: this.blocks,
      toc: this.toc,
      fontsUsed: FONT_KEYS.filter((k) => this.used.has(k)),
      fontsMissing: FONT_KEYS.filter((k) => this.fonts.missing.has(k)),
      undrawable: [...this.undrawable.values()],
    };
  }

  // ---- pages -------------------------------------------------------------------------------

  get content(): Box {
    return this.page.content;
  }
  get bottom(): number {
    return this.content.y + this.content.h;
  }
  get room(): number {
    return this.bottom - this.y;
  }
  get atTop(): boolean {
    return this.y <= this.content.y + 0.01;
  }

  newPage(orientation: Orientation): void {
    const paper = this.spec.paper ?? 'a4';
    const { width, height } = pageSize(orientation, paper);
    this.page = { index: this.pages.length, width, height, orientation, content: contentBox(orientation, paper), ops: [], section: this.section };
    this.pages.push(this.page);
    this.y = this.page.content.y;
  }

  /** Starts a new page unless `h` still fits on this one (or this page is still empty). */
  ensure(h: number): void {
    if (h > this.room && !this.atTop) this.newPage(this.page.orientation);
  }

  id(prefix: string): string {
    this.seq += 1;
    return `${prefix}${this.seq}`;
  }

  record(id: string, kind: BlockKind, box: Box, label: string, continued = false): void {
    this.blocks.push({ id, kind, page: this.page.index, box, label, ...(continued ? { continued } : {}) });
  }

  push(op: DrawOp): void {
    this.page.ops.push(op);
  }

  /** A character no embedded font has: reported (with where it is) rather than dropped silently. */
  noteUndrawable(ch: string, text: string): void {
    let entry = this.undrawable.get(ch);
    if (!entry) {
      entry = { char: ch, codePoint: `U+${(ch.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`, where: [], places: [] };
      this.undrawable.set(ch, entry);
    }
    const where = `page ${this.page.index + 1}${this.section ? `, ${this.section}` : ''}: “${text.trim()}”`;
    if (entry.where.length < 5 && !entry.where.includes(where)) {
      entry.where.push(where);
      entry.places.push({ page: this.page.index + 1, section: this.section ?? '', text: text.trim() });
    }
  }

  // ---- text primitives ---------------------------------------------------------------------

  /** One line of text in the box [x, x + width] × [top, top + lineHeight]. */
  line(block: string, text: string, style: TextStyle, x: number, top: number, width: number, align: 'left' | 'center' | 'right' = 'left'): TextOp {
    const runs = runsOf(visualOrder(text), style.weight, this.fonts);
    let total = 0;
    const measured = runs.map((r) => {
      const w = runWidth(r.text, r.font, style.size, this.fonts);
      total += w;
      this.used.add(r.font);
      for (const ch of r.text) {
        const cp = ch.codePointAt(0) as number;
        if (!drawable(cp, r.font, this.fonts)) this.noteUndrawable(ch, text);
      }
      return { ...r, width: w };
    });
    let cx = align === 'left' ? x : align === 'right' ? x + width - total : x + (width - total) / 2;
    const placed = measured.map((r) => {
      const p = { text: r.text, font: r.font, x: cx, width: r.width };
      cx += r.width;
      return p;
    });
    const baseline = top + (style.lineHeight - (this.asc + this.desc) * style.size) / 2 + this.asc * style.size;
    const op: TextOp = { kind: 'text', block, baseline, size: style.size, color: style.color, runs: placed, box: { x, y: top, w: width, h: style.lineHeight } };
    this.push(op);
    return op;
  }

  wrap(text: string, style: TextStyle, width: number): string[] {
    return wrapText(text, { weight: style.weight, size: style.size }, width, this.fonts);
  }

  fit(text: string, style: TextStyle, width: number): string {
    return fitLine(text, { weight: style.weight, size: style.size }, width, this.fonts);
  }

  // ---- blocks ------------------------------------------------------------------------------

  block(b: Block): void {
    switch (b.kind) {
      case 'cover':
        return this.cover(b);
      case 'toc':
        return this.tocBlock(b);
      case 'page-break':
        if (!this.atTop || this.page.orientation !== (b.orientation ?? 'portrait')) this.newPage(b.orientation ?? 'portrait');
        return;
      case 'heading':
        return this.heading(b);
      case 'paragraph':
        return this.paragraph(b.text, b.tone === 'muted' ? MUTED : b.tone === 'small' ? SMALL : BODY, b.bold ?? false);
      case 'bullets':
        return this.bullets(b.items, b.tone === 'small' ? SMALL : BODY);
      case 'facts':
        return this.facts(b);
      case 'table':
        return this.table(b);
      case 'callout':
        return this.callout(b);
      case 'chart':
        return this.chart(b);
      case 'signature':
        return this.signature(b);
      case 'spacer':
        this.y = Math.min(this.bottom, this.y + b.height);
        return;
    }
  }

  cover(b: Extract<Block, { kind: 'cover' }>): void {
    const id = this.id('cover');
    const c = this.content;
    const band = 8;
    this.push({ kind: 'rect', block: id, x: c.x, y: c.y, w: c.w, h: band, fill: COLORS.accent, stroke: null, lineWidth: 0 });
    if (b.logo) {
      const scale = Math.min(200 / b.logo.width, 56 / b.logo.height);
      const w = b.logo.width * scale;
      const h = b.logo.height * scale;
      this.push({ kind: 'image', block: id, x: c.x, y: c.y + 36 + (56 - h) / 2, w, h, dataUrl: b.logo.dataUrl, format: b.logo.format });
    }
    let y = c.y + 120;
    const kicker: TextStyle = { size: 11, weight: 'bold', lineHeight: 16, color: COLORS.accent };
    this.line(id, this.fit(b.kicker.toUpperCase(), kicker, c.w), kicker, c.x, y, c.w);
    y += 26;
    const title: TextStyle = { size: 30, weight: 'bold', lineHeight: 36, color: COLORS.text };
    for (const l of this.wrap(b.title, title, c.w).slice(0, 5)) {
      this.line(id, l, title, c.x, y, c.w);
      y += title.lineHeight;
    }
    y += 8;
    const sub: TextStyle = { size: 14, weight: 'normal', lineHeight: 19, color: COLORS.muted };
    for (const l of this.wrap(b.subtitle, sub, c.w).slice(0, 4)) {
      this.line(id, l, sub, c.x, y, c.w);
      y += sub.lineHeight;
    }
    y += 36;
    this.push({ kind: 'line', block: id, x1: c.x, y1: y, x2: c.x + c.w, y2: y, color: COLORS.rule, width: 0.8, dash: null });
    y += 14;
    const label: TextStyle = { size: 9, weight: 'bold', lineHeight: 13, color: COLORS.muted };
    const value: TextStyle = { size: 12, weight: 'normal', lineHeight: 16, color: COLORS.text };
    const labelW = 130;
    for (const f of b.facts) {
      const lines = this.wrap(f.value || '—', value, c.w - labelW).slice(0, 3);
      this.line(id, this.fit(f.label.toUpperCase(), label, labelW - 10), label, c.x, y + 2, labelW - 10);
      for (const l of lines) {
        this.line(id, l, value, c.x + labelW, y, c.w - labelW);
        y += value.lineHeight;
      }
      y += 8;
    }
    const noteLines = this.wrap(b.note, MUTED, c.w).slice(0, 6);
    let ny = this.bottom - noteLines.length * MUTED.lineHeight;
    for (const l of noteLines) {
      this.line(id, l, MUTED, c.x, ny, c.w);
      ny += MUTED.lineHeight;
    }
    this.record(id, 'cover', { x: c.x, y: c.y, w: c.w, h: c.h }, 'Cover');
    this.newPage('portrait');
  }

  tocBlock(b: Extract<Block, { kind: 'toc' }>): void {
    this.heading({ kind: 'heading', level: 1, text: b.title, newPage: true });
    const entries: { level: 1 | 2; title: string; anchor: string }[] = [];
    for (const x of this.spec.blocks) {
      if (x.kind === 'heading' && x.toc && x.anchor && (x.level === 1 || x.level === 2)) entries.push({ level: x.level, title: x.text, anchor: x.anchor });
    }
    const numberW = 34;
    for (const e of entries) {
      const style: TextStyle = e.level === 1 ? { size: 10.5, weight: 'bold', lineHeight: 19, color: COLORS.text } : { size: 9.5, weight: 'normal', lineHeight: 14.5, color: COLORS.text };
      this.ensure(style.lineHeight);
      const id = this.id('toc');
      const indent = e.level === 1 ? 0 : 16;
      const x = this.content.x + indent;
      const titleW = this.content.w - indent - numberW - 8;
      const title = this.fit(e.title, style, titleW);
      const op = this.line(id, title, style, x, this.y, titleW);
      const drawn = op.runs.reduce((s, r) => s + r.width, 0);
      const numberOp = this.line(id, '', style, this.content.x + this.content.w - numberW, this.y, numberW, 'right');
      this.pendingToc.push({
        op: numberOp,
        anchor: e.anchor,
        right: this.content.x + this.content.w,
        leaderFrom: x + drawn + 4,
        baseline: op.baseline,
        link: { x: this.content.x, y: this.y, w: this.content.w, h: style.lineHeight },
      });
      this.record(id, 'toc', { x: this.content.x, y: this.y, w: this.content.w, h: style.lineHeight }, e.title);
      this.toc.push({ ...e, page: -1 });
      this.y += style.lineHeight;
    }
  }

  /** The least room a block needs to start on a page without leaving its heading alone. */
  minStart(b: Block | undefined): number {
    if (!b) return 0;
    const cap = (h: number) => Math.min(h, this.content.h * 0.6);
    switch (b.kind) {
      case 'paragraph': {
        const style = b.tone === 'muted' ? MUTED : b.tone === 'small' ? SMALL : BODY;
        return Math.min(2, Math.max(1, this.wrap(b.text, style, this.content.w).length)) * style.lineHeight;
      }
      case 'bullets':
        return 2 * (b.tone === 'small' ? SMALL : BODY).lineHeight;
      case 'facts':
        return this.tableStart(this.factsTable(b));
      case 'table':
        return this.tableStart(b);
      case 'chart':
        return Math.min(b.height, this.content.h);
      case 'callout':
        return cap(40 + b.lines.length * BODY.lineHeight);
      case 'signature':
        return BODY.lineHeight + 54;
      case 'heading':
        return HEADINGS[b.level].lineHeight + HEADINGS[b.level].after + 2 * BODY.lineHeight;
      default:
        return 0;
    }
  }

  heading(b: Extract<Block, { kind: 'heading' }>): void {
    const orientation = b.orientation ?? this.page.orientation;
    // A chapter (level 1) always opens a page. A section that asks for a fresh page (a use case's
    // dossier) follows on the same page when this one is still under a third full: otherwise the
    // last lines of the previous section would sit alone on a page of blanks.
    const shortPage = (this.y - this.content.y) / this.content.h < 1 / 3;
    const fresh = b.newPage && (b.level === 1 || !shortPage);
    if (fresh && (!this.atTop || this.page.orientation !== orientation)) this.newPage(orientation);
    else if (this.page.orientation !== orientation) this.newPage(orientation);
    const style = HEADINGS[b.level];
    const lines = this.wrap(b.text, style, this.content.w).slice(0, 6);
    const rule = b.level === 1 ? 6 : 0;
    const before = this.atTop ? 0 : style.before;
    const h = before + lines.length * style.lineHeight + rule + style.after;
    // Keep the heading with the start of what follows (two lines, a table's header and first row, a whole chart).
    this.ensure(h + this.minStart(this.next));
    if (!this.atTop) this.y += style.before;
    if (b.level === 1) {
      this.section = b.text;
      if (this.atTop) this.page.section = b.text;
    }
    if (b.anchor) this.anchors.set(b.anchor, this.page.index);
    const id = this.id('h');
    const top = this.y;
    for (const l of lines) {
      this.line(id, l, style, this.content.x, this.y, this.content.w);
      this.y += style.lineHeight;
    }
    if (rule) {
      this.y += 2;
      this.push({ kind: 'line', block: id, x1: this.content.x, y1: this.y, x2: this.content.x + this.content.w, y2: this.y, color: COLORS.accent, width: 1.2, dash: null });
      this.y += rule - 2;
    }
    this.y += style.after;
    this.record(id, 'heading', { x: this.content.x, y: top, w: this.content.w, h: this.y - top }, b.text);
    (this.blocks[this.blocks.length - 1] as BlockRecord).level = b.level;
  }

  /** Lines flow across pages one at a time; at least two lines start together. */
  flowLines(lines: string[], style: TextStyle, x: number, width: number, label: string, firstPrefix?: { text: string; width: number }): void {
    if (lines.length === 0) return;
    this.ensure(Math.min(2, lines.length) * style.lineHeight);
    let id = this.id('p');
    let top = this.y;
    let continued = false;
    lines.forEach((l, i) => {
      if (style.lineHeight > this.room) {
        this.record(id, 'text', { x, y: top, w: width, h: this.y - top }, label, true);
        this.newPage(this.page.orientation);
        id = this.id('p');
        top = this.y;
        continued = true;
      }
      if (i === 0 && firstPrefix) this.line(id, firstPrefix.text, style, x - firstPrefix.width, this.y, firstPrefix.width);
      this.line(id, l, style, x, this.y, width);
      this.y += style.lineHeight;
    });
    this.record(id, 'text', { x, y: top, w: width, h: this.y - top }, label, continued);
  }

  paragraph(text: string, base: TextStyle, bold: boolean): void {
    const style = bold ? { ...base, weight: 'bold' as const } : base;
    this.flowLines(this.wrap(text, style, this.content.w), style, this.content.x, this.content.w, text.slice(0, 60));
    this.y += GAP * 0.75;
  }

  bullets(items: string[], style: TextStyle): void {
    const indent = 14;
    for (const item of items) {
      const lines = this.wrap(item, style, this.content.w - indent);
      this.flowLines(lines, style, this.content.x + indent, this.content.w - indent, item.slice(0, 60), { text: '•', width: indent });
      this.y += 2;
    }
    this.y += GAP * 0.5;
  }

  /** A facts block is a two-column table without a header, labels in bold: kept together when short. */
  factsTable(b: Extract<Block, { kind: 'facts' }>): Extract<Block, { kind: 'table' }> {
    let t = this.factsCache.get(b);
    if (!t) {
      const labelW = Math.min(170, this.content.w * 0.32);
      t = {
        kind: 'table',
        label: b.label,
        columns: [
          { header: '', width: labelW },
          { header: '', width: this.content.w - labelW },
        ],
        rows: b.rows.map((r) => [{ text: r.label, bold: true, color: COLORS.muted }, r.value || '—']),
        keepTogether: true,
        header: false,
      };
      this.factsCache.set(b, t);
    }
    return t;
  }

  facts(b: Extract<Block, { kind: 'facts' }>): void {
    this.table(this.factsTable(b));
  }

  /** Header height, row heights and column widths of a table, as it will be laid out. */
  measureTable(b: Extract<Block, { kind: 'table' }>): { headerH: number; rowHeights: number[] } {
    const withHeader = b.header !== false;
    const headStyle: TextStyle = { ...TABLE, weight: 'bold', color: COLORS.text };
    const widths = this.columnWidths(b.columns, headStyle, withHeader, b.rows);
    const lines = (cell: Cell, i: number, style: TextStyle) => {
      const text = typeof cell === 'string' ? cell : cell.text;
      const s = typeof cell === 'string' ? style : { ...style, weight: cell.bold ? ('bold' as const) : style.weight };
      return this.wrap(text, s, (widths[i] as number) - 2 * CELL_PAD_X).length;
    };
    const headerH = withHeader ? Math.max(1, ...b.columns.map((c, i) => lines(c.header, i, headStyle))) * TABLE.lineHeight + 2 * CELL_PAD_Y : 0;
    const rowHeights = b.rows.map((row) => Math.max(1, ...row.map((c, i) => lines(c, i, TABLE))) * TABLE.lineHeight + 2 * CELL_PAD_Y);
    return { headerH, rowHeights };
  }

  /** The room a table needs before it starts: all of it if kept together, else its header and first row. */
  tableStart(b: Extract<Block, { kind: 'table' }>): number {
    if (b.rows.length === 0) return 0;
    const { headerH, rowHeights } = this.measureTable(b);
    const total = headerH + rowHeights.reduce((a, x) => a + x, 0);
    if ((b.keepTogether || rowHeights.length <= 3) && total <= this.content.h / 3) return total;
    // Never a lone first row at the bottom of a page: the header starts with two rows (or the
    // first six lines of them).
    const cap = TABLE.lineHeight * 6 + 4 * CELL_PAD_Y;
    return headerH + Math.min((rowHeights[0] as number) + (rowHeights[1] ?? 0), cap);
  }

  table(b: Extract<Block, { kind: 'table' }>): void {
    if (b.rows.length === 0) return;
    const withHeader = b.header !== false;
    const tableId = this.id('t');
    const headStyle: TextStyle = { ...TABLE, weight: 'bold', color: COLORS.text };
    const widths = this.columnWidths(b.columns, headStyle, withHeader, b.rows);

    const cellLines = (cell: Cell, w: number, style: TextStyle) => {
      const text = typeof cell === 'string' ? cell : cell.text;
      const s = typeof cell === 'string' ? style : { ...style, weight: cell.bold ? ('bold' as const) : style.weight, color: cell.color ?? style.color };
      return { lines: this.wrap(text, s, w - 2 * CELL_PAD_X), style: s, fill: typeof cell === 'string' ? undefined : cell.fill };
    };
    const header = withHeader ? b.columns.map((c, i) => cellLines(c.header, widths[i] as number, headStyle)) : null;
    const headerH = header ? Math.max(1, ...header.map((c) => c.lines.length)) * TABLE.lineHeight + 2 * CELL_PAD_Y : 0;

    const drawHeader = () => {
      if (!header) return;
      const id = `${tableId}.h${this.page.index}`;
      const top = this.y;
      this.push({ kind: 'rect', block: id, x: this.content.x, y: top, w: this.content.w, h: headerH, fill: COLORS.accentSoft, stroke: null, lineWidth: 0 });
      let x = this.content.x;
      header.forEach((c, i) => {
        const w = widths[i] as number;
        c.lines.forEach((l, j) => this.line(id, l, c.style, x + CELL_PAD_X, top + CELL_PAD_Y + j * TABLE.lineHeight, w - 2 * CELL_PAD_X, b.columns[i]?.align ?? 'left'));
        x += w;
      });
      this.y += headerH;
      this.record(id, 'table-header', { x: this.content.x, y: top, w: this.content.w, h: headerH }, b.label);
    };

    const laidRows = b.rows.map((row) => row.map((cell, i) => cellLines(cell, widths[i] as number, TABLE)));
    const rowHeight = (r: (typeof laidRows)[number]) => Math.max(1, ...r.map((c) => c.lines.length)) * TABLE.lineHeight + 2 * CELL_PAD_Y;

    this.ensure(this.tableStart(b));
    drawHeader();

    const last = laidRows.length - 1;
    let rowsOnPage = 0;
    let pageOfRows = this.page.index;
    laidRows.forEach((row, rIndex) => {
      const h = rowHeight(row);
      const fullPage = this.content.h - headerH;
      if (this.page.index !== pageOfRows) {
        pageOfRows = this.page.index;
        rowsOnPage = 0;
      }
      // No lone row: when only the last row would go over, the one before it goes with it (as
      // long as two rows stay behind), so a page never starts with a table's single last row.
      const lastTwo = rIndex === last - 1 && h <= this.room && h + rowHeight(laidRows[last] as typeof row) > this.room && rowsOnPage >= 2;
      if ((h > this.room && h <= fullPage) || (lastTwo && h + rowHeight(laidRows[last] as typeof row) <= fullPage)) {
        this.newPage(this.page.orientation);
        drawHeader();
        pageOfRows = this.page.index;
        rowsOnPage = 0;
      }
      rowsOnPage += 1;
      const id = `${tableId}.r${rIndex}`;
      const zebra = rIndex % 2 === 1;
      if (h <= this.room) {
        this.drawRow(id, row, widths, b.columns, 0, Infinity, h, zebra);
        this.record(id, 'table-row', { x: this.content.x, y: this.y - h, w: this.content.w, h }, b.label);
        return;
      }
      // A row taller than a whole page: it continues on the next page, line by line.
      let from = 0;
      const maxLines = Math.max(...row.map((c) => c.lines.length));
      let part = 0;
      while (from < maxLines) {
        if (this.room < TABLE.lineHeight + 2 * CELL_PAD_Y) {
          this.newPage(this.page.orientation);
          drawHeader();
        }
        const fit = Math.max(1, Math.floor((this.room - 2 * CELL_PAD_Y) / TABLE.lineHeight));
        const count = Math.min(fit, maxLines - from);
        const ph = count * TABLE.lineHeight + 2 * CELL_PAD_Y;
        const pid = `${id}.${part++}`;
        this.drawRow(pid, row, widths, b.columns, from, from + count, ph, zebra);
        this.record(pid, 'table-row', { x: this.content.x, y: this.y - ph, w: this.content.w, h: ph }, b.label, true);
        from += count;
      }
    });
    this.y += GAP;
  }

  /**
   * Column widths in points from their relative weights, widened where a word of the header or of
   * a cell would not fit (no "Feasibilit-y"), up to a cap; the room comes from the columns with the
   * most slack.
   */
  columnWidths(columns: readonly Column[], headStyle: TextStyle, withHeader: boolean, rows: readonly (readonly Cell[])[] = []): number[] {
    // The same table is measured for keep-with-next and then laid out: measure its words once.
    const cached = this.widthCache.get(rows);
    if (cached && rows.length) return cached;
    const widths = this.computeColumnWidths(columns, headStyle, withHeader, rows);
    if (rows.length) this.widthCache.set(rows, widths);
    return widths;
  }

  computeColumnWidths(columns: readonly Column[], headStyle: TextStyle, withHeader: boolean, rows: readonly (readonly Cell[])[]): number[] {
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.content.w);
    const widestWord = (text: string, weight: Weight) =>
      Math.max(0, ...text.split(/\s+/).filter(Boolean).map((w) => textWidth(w, weight, headStyle.size, this.fonts)));
    const cap = this.content.w * 0.22;
    // A header's words come first ("Feasibility" never breaks); then the cells' longest words, as
    // far as the room allows. A long compound in a cell ("Zollanmeldungsplausibilitätsprüfung")
    // may still break inside itself rather than breaking every header.
    const headNeed = columns.map((c) => (withHeader ? Math.min(widestWord(c.header, 'bold') + 2 * CELL_PAD_X + 1, cap) : 0));
    const cellNeed = columns.map((_, i) => {
      let widest = 0;
      for (const row of rows) {
        const cell = row[i];
        if (cell === undefined) continue;
        widest = Math.max(widest, typeof cell === 'string' ? widestWord(cell, 'normal') : widestWord(cell.text, cell.bold ? 'bold' : 'normal'));
      }
      // Like a browser's min-content width, but a very long word (a URL) is still cut rather than squeezing every other column.
      return Math.max(headNeed[i] as number, Math.min(widest + 2 * CELL_PAD_X + 1, cap));
    });
    const satisfy = (need: readonly number[], floor: readonly number[]) => {
      for (let pass = 0; pass < 3; pass++) {
        const deficit = widths.reduce((s, w, i) => s + Math.max(0, (need[i] as number) - w), 0);
        if (deficit < 0.01) break;
        // Room comes from columns wider than their own floor; none gives up what it needs itself.
        const slack = widths.map((w, i) => Math.max(0, w - Math.max(need[i] as number, floor[i] as number)));
        const totalSlack = slack.reduce((s, x) => s + x, 0);
        if (totalSlack <= 0) break;
        const take = Math.min(deficit, totalSlack);
        widths.forEach((w, i) => {
          widths[i] = w < (need[i] as number) ? Math.min(need[i] as number, w + (take * ((need[i] as number) - w)) / deficit) : w - (take * (slack[i] as number)) / totalSlack;
        });
      }
    };
    satisfy(headNeed, headNeed);
    // An ordinary word ("Deprioritize", "Schäfer-Lindqvist") comes before a long compound that
    // breaks anyway: the columns of those give up to a fifth of their width, to the smallest
    // shortfall first, so one word is kept whole rather than two both broken.
    const ordinary = 95;
    const initial = columns.map((c) => (c.width / total) * this.content.w);
    const floorOf = (i: number) => ((cellNeed[i] as number) <= ordinary ? (cellNeed[i] as number) : Math.max(headNeed[i] as number, 0.8 * (initial[i] as number)));
    const shortfalls = widths
      .map((w, i) => ({ i, short: (cellNeed[i] as number) <= ordinary ? (cellNeed[i] as number) - w : 0 }))
      .filter((x) => x.short > 0.01)
      .sort((a, b) => a.short - b.short);
    for (const { i, short } of shortfalls) {
      const slack = widths.map((w, j) => (j === i ? 0 : Math.max(0, w - Math.max(floorOf(j), headNeed[j] as number))));
      const totalSlack = slack.reduce((a, x) => a + x, 0);
      const take = Math.min(short, totalSlack);
      if (take <= 0) break;
      widths.forEach((w, j) => {
        widths[j] = j === i ? w + take : w - (take * (slack[j] as number)) / totalSlack;
      });
    }
    satisfy(cellNeed, cellNeed);
    return widths;
  }

  drawRow(
    id: string,
    row: { lines: string[]; style: TextStyle; fill: string | undefined }[],
    widths: number[],
    columns: Column[],
    from: number,
    to: number,
    h: number,
    zebra: boolean,
  ): void {
    const top = this.y;
    if (zebra) this.push({ kind: 'rect', block: id, x: this.content.x, y: top, w: this.content.w, h, fill: COLORS.zebra, stroke: null, lineWidth: 0 });
    let x = this.content.x;
    row.forEach((c, i) => {
      const w = widths[i] as number;
      if (c.fill) this.push({ kind: 'rect', block: id, x: x + 1, y: top + 1, w: w - 2, h: h - 2, fill: c.fill, stroke: null, lineWidth: 0 });
      c.lines.slice(from, to).forEach((l, j) => this.line(id, l, c.style, x + CELL_PAD_X, top + CELL_PAD_Y + j * TABLE.lineHeight, w - 2 * CELL_PAD_X, columns[i]?.align ?? 'left'));
      x += w;
    });
    this.push({ kind: 'line', block: id, x1: this.content.x, y1: top + h, x2: this.content.x + this.content.w, y2: top + h, color: COLORS.rule, width: 0.5, dash: null });
    this.y += h;
  }

  callout(b: Extract<Block, { kind: 'callout' }>): void {
    const colors = TONE_COLORS[b.tone];
    const pad = 8;
    const bar = 4;
    const w = this.content.w - bar - 2 * pad;
    const titleStyle: TextStyle = { ...BODY, weight: 'bold' };
    const titleLines = this.wrap(b.title, titleStyle, w);
    const body = b.lines.map((l) => this.wrap(l, BODY, w));
    const lineCount = titleLines.length + body.reduce((s, x) => s + x.length, 0);
    const h = 2 * pad + titleLines.length * titleStyle.lineHeight + body.reduce((s, x) => s + x.length, 0) * BODY.lineHeight + (body.length ? 2 : 0);
    if (h > this.content.h) {
      // Too long to keep in one box: the same words as flowing text.
      this.paragraph(b.title, BODY, true);
      for (const l of b.lines) this.paragraph(l, BODY, false);
      return;
    }
    this.ensure(h);
    const id = this.id('c');
    const top = this.y;
    this.push({ kind: 'rect', block: id, x: this.content.x, y: top, w: this.content.w, h, fill: colors.fill, stroke: null, lineWidth: 0 });
    this.push({ kind: 'rect', block: id, x: this.content.x, y: top, w: bar, h, fill: colors.bar, stroke: null, lineWidth: 0 });
    let y = top + pad;
    const x = this.content.x + bar + pad;
    for (const l of titleLines) {
      this.line(id, l, titleStyle, x, y, w);
      y += titleStyle.lineHeight;
    }
    if (body.length) y += 2;
    for (const para of body) {
      for (const l of para) {
        this.line(id, l, BODY, x, y, w);
        y += BODY.lineHeight;
      }
    }
    this.y = top + h + GAP;
    this.record(id, 'callout', { x: this.content.x, y: top, w: this.content.w, h }, `${b.title} (${lineCount} lines)`);
  }

  chart(b: Extract<Block, { kind: 'chart' }>): void {
    const h = Math.min(b.height, this.content.h);
    this.ensure(h);
    const id = this.id('chart');
    const box: Box = { x: this.content.x, y: this.y, w: this.content.w, h };
    b.draw(this.painter(id), box);
    this.record(id, 'chart', box, b.label);
    this.y += h + GAP;
  }

  signature(b: Extract<Block, { kind: 'signature' }>): void {
    const titleStyle: TextStyle = { ...BODY, weight: 'bold' };
    const h = titleStyle.lineHeight + 10 + 44;
    this.ensure(h);
    const id = this.id('sig');
    const top = this.y;
    this.line(id, this.fit(b.title, titleStyle, this.content.w), titleStyle, this.content.x, top, this.content.w);
    const n = Math.max(1, b.fields.length);
    const gap = 18;
    const fw = (this.content.w - gap * (n - 1)) / n;
    b.fields.forEach((f, i) => {
      const x = this.content.x + i * (fw + gap);
      const lineY = top + titleStyle.lineHeight + 36;
      this.push({ kind: 'line', block: id, x1: x, y1: lineY, x2: x + fw, y2: lineY, color: COLORS.text, width: 0.6, dash: null });
      this.line(id, this.fit(f, SMALL, fw), { ...SMALL, color: COLORS.muted }, x, lineY + 3, fw);
    });
    this.y = top + h + GAP;
    this.record(id, 'callout', { x: this.content.x, y: top, w: this.content.w, h }, b.title);
  }

  painter(id: string): Painter {
    const fonts = this.fonts;
    return {
      fonts,
      rect: (x, y, w, h, s) => this.push({ kind: 'rect', block: id, x, y, w, h, fill: s.fill ?? null, stroke: s.stroke ?? null, lineWidth: s.lineWidth ?? 0.5 }),
      line: (x1, y1, x2, y2, s) => this.push({ kind: 'line', block: id, x1, y1, x2, y2, color: s.color, width: s.width ?? 0.5, dash: s.dash ?? null }),
      circle: (cx, cy, r, s) => this.push({ kind: 'circle', block: id, cx, cy, r, fill: s.fill, stroke: s.stroke ?? null, lineWidth: s.lineWidth ?? 0.5 }),
      polygon: (points, s) => this.push({ kind: 'polygon', block: id, points, fill: s.fill, stroke: s.stroke ?? null, lineWidth: s.lineWidth ?? 0.5 }),
      text: (text, x, top, s) => {
        const style: TextStyle = { size: s.size, weight: s.bold ? 'bold' : 'normal', lineHeight: s.size * 1.3, color: s.color ?? COLORS.text };
        const fitted = this.fit(text, style, s.width);
        const op = this.line(id, fitted, style, x, top, s.width, s.align ?? 'left');
        return op.runs.reduce((sum, r) => sum + r.width, 0);
      },
      paragraph: (text, x, top, s) => {
        const style: TextStyle = { size: s.size, weight: s.bold ? 'bold' : 'normal', lineHeight: s.size * 1.3, color: s.color ?? COLORS.text };
        let lines = this.wrap(text, style, s.width);
        if (s.maxLines !== undefined && lines.length > s.maxLines) {
          lines = lines.slice(0, s.maxLines);
          lines[lines.length - 1] = this.fit(`${lines[lines.length - 1]}…`, style, s.width);
        }
        lines.forEach((l, i) => this.line(id, l, style, x, top + i * style.lineHeight, s.width));
        return lines.length * style.lineHeight;
      },
      width: (text, size, bold) => textWidth(text, bold ? 'bold' : 'normal', size, fonts),
    };
  }

  // ---- after the last block ----------------------------------------------------------------

  finish(): void {
    const total = this.pages.length;
    for (const p of this.pendingToc) {
      const index = this.anchors.get(p.anchor);
      const entry = this.toc.find((e) => e.anchor === p.anchor && e.page === -1);
      if (index === undefined) continue;
      if (entry) entry.page = index + 1;
      const label = String(index + 1);
      const style: TextStyle = { size: p.op.size, weight: 'normal', lineHeight: p.op.box.h, color: COLORS.text };
      const runs = runsOf(label, style.weight, this.fonts);
      let x = p.right;
      const widths = runs.map((r) => runWidth(r.text, r.font, style.size, this.fonts));
      x -= widths.reduce((s, w) => s + w, 0);
      const numberX = x;
      p.op.runs = runs.map((r, i) => {
        this.used.add(r.font);
        const placed = { text: r.text, font: r.font, x, width: widths[i] as number };
        x += widths[i] as number;
        return placed;
      });
      const tocPage = this.pages.find((pg) => pg.ops.includes(p.op));
      if (tocPage && numberX - 4 > p.leaderFrom) {
        tocPage.ops.push({ kind: 'line', block: p.op.block, x1: p.leaderFrom, y1: p.baseline, x2: numberX - 4, y2: p.baseline, color: COLORS.rule, width: 0.8, dash: [0.8, 2.4] });
      }
      tocPage?.ops.push({ kind: 'link', block: p.op.block, box: p.link, toPage: index });
    }
    this.toc = this.toc.filter((e) => e.page > 0);

    const chrome: TextStyle = { size: 8, weight: 'normal', lineHeight: 11, color: COLORS.muted };
    for (const page of this.pages) {
      if (page.index === 0) continue;
      this.page = page;
      const left = MARGIN.left;
      const w = page.width - MARGIN.left - MARGIN.right;
      const headerTop = MARGIN.top - 30;
      const hid = `header${page.index}`;
      this.line(hid, this.fit(this.spec.header, chrome, w * 0.58), chrome, left, headerTop, w * 0.58);
      this.line(hid, this.fit(page.section, chrome, w * 0.4), chrome, left + w * 0.6, headerTop, w * 0.4, 'right');
      this.push({ kind: 'line', block: hid, x1: left, y1: headerTop + 14, x2: left + w, y2: headerTop + 14, color: COLORS.rule, width: 0.5, dash: null });
      this.record(hid, 'header', { x: left, y: headerTop, w, h: 14 }, 'Header');

      const fid = `footer${page.index}`;
      const pageText = ` · ${this.spec.pageLabel ? this.spec.pageLabel(page.index + 1, total) : `page ${page.index + 1} of ${total}`}`;
      const room = w - textWidth(pageText, 'normal', chrome.size, this.fonts) - 1;
      const footerTop = page.height - MARGIN.bottom + 24;
      this.line(fid, `${this.fit(this.spec.footer, chrome, room)}${pageText}`, chrome, left, footerTop, w, 'right');
      this.record(fid, 'footer', { x: left, y: footerTop, w, h: chrome.lineHeight }, 'Footer');
    }
  }
}
