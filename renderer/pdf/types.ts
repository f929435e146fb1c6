// The laid-out document: pages of positioned drawing operations in points (1/72 inch), origin at
// the top left. The layout engine produces it, the jsPDF adapter draws it, and the layout check
// reads it to prove nothing leaves its box and no chart or table row is cut across pages.
import type { FontKey } from './fonts';

export type Orientation = 'portrait' | 'landscape';
export type Box = { x: number; y: number; w: number; h: number };

export type PlacedRun = { text: string; font: FontKey; x: number; width: number };

/** One line of text. `box` is the room it was given; its runs must stay inside it. */
export type TextOp = {
  kind: 'text';
  block: string;
  baseline: number;
  size: number;
  color: string;
  runs: PlacedRun[];
  box: Box;
};
export type RectOp = { kind: 'rect'; block: string; x: number; y: number; w: number; h: number; fill: string | null; stroke: string | null; lineWidth: number };
export type LineOp = { kind: 'line'; block: string; x1: number; y1: number; x2: number; y2: number; color: string; width: number; dash: number[] | null };
export type PolygonOp = { kind: 'polygon'; block: string; points: { x: number; y: number }[]; fill: string; stroke: string | null; lineWidth: number };
export type CircleOp = { kind: 'circle'; block: string; cx: number; cy: number; r: number; fill: string; stroke: string | null; lineWidth: number };
/** A PNG or JPEG (the consultancy's logo on the cover), as a data URL, drawn into its box. */
export type ImageOp = { kind: 'image'; block: string; x: number; y: number; w: number; h: number; dataUrl: string; format: 'PNG' | 'JPEG' };
/** A clickable area that jumps to another page (table of contents). */
export type LinkOp = { kind: 'link'; block: string; box: Box; toPage: number };

export type DrawOp = TextOp | RectOp | LineOp | PolygonOp | CircleOp | LinkOp | ImageOp;

export type LaidOutPage = {
  /** 0-based. */
  index: number;
  width: number;
  height: number;
  orientation: Orientation;
  /** The printable area of the body; the header and footer sit in the margins above and below it. */
  content: Box;
  ops: DrawOp[];
  /** The section this page belongs to (running header); '' on the cover. */
  section: string;
};

/**
 * What the layout placed, for checks: every heading, paragraph line group, table row and chart,
 * with the page and box it ended up in. A row or paragraph taller than a whole page is the only
 * thing allowed to continue on the next page, and says so with `continued`.
 */
export type BlockKind = 'cover' | 'heading' | 'text' | 'table-header' | 'table-row' | 'chart' | 'callout' | 'toc' | 'header' | 'footer';
export type BlockRecord = { id: string; kind: BlockKind; page: number; box: Box; label: string; continued?: boolean; level?: 1 | 2 | 3 };

export type TocEntry = { level: 1 | 2; title: string; anchor: string; page: number };

/** A character no embedded font can draw, with up to five places it occurs ("page 7, Owners: “…”"). */
/**
 * A character no embedded font has, and where it is: `where` in English (logs, tests), `places`
 * for the export dialog to say in the reader's language (the section is the pack's own heading).
 */
export type UndrawableChar = { char: string; codePoint: string; where: string[]; places: { page: number; section: string; text: string }[] };

export type LaidOutDocument = {
  title: string;
  pages: LaidOutPage[];
  blocks: BlockRecord[];
  toc: TocEntry[];
  /** Fonts some run is drawn in: only these are embedded. */
  fontsUsed: FontKey[];
  /** Fonts a run needed that were not loaded; the engine loads them and lays out again. */
  fontsMissing: FontKey[];
  /** Characters drawn as an empty box because no font has them: the export dialog lists them. */
  undrawable: UndrawableChar[];
};
