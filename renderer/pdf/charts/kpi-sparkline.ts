// One use case's KPI trends as small multiples: a row per measured KPI with its name and its
// progress from baseline to target in words, a sparkline of the measurements over the green, amber
// and red bands (the same scale and bands as the KPI chart on screen, domain/kpi-chart.ts), and the
// latest value with its band. Drawn as one chart block, so a row is never cut by a page break.
import { CHART_COLOURS } from '../../domain/kpi-chart';
import type { KpiLine } from '../../domain/sponsor-pack';
import { COLORS, type Block, type Painter } from '../layout';
import type { Box } from '../types';
import { englishPack } from '../../i18n/pack-catalog';
import type { PackSay } from '../../domain/recommendations';

const SPARK_W = 150;
const VALUE_W = 92;
const GAP = 10;
const NAME_SIZE = 8.5;
const TEXT_SIZE = 8;

// A shade stronger than the screen's fills: the bands must still show on a printed page.
const BAND_FILL = { green: '#d3ecdc', amber: '#fbe6bd', red: '#f7d3ce' } as const;
const BAND_INK: Record<string, string> = { green: CHART_COLOURS.green, amber: CHART_COLOURS.amber, red: CHART_COLOURS.red };

/** Lines a text needs at `perLine` characters a line: estimated before drawing, on the generous side. */
function lines(text: string, perLine: number, max: number): number {
  return Math.min(max, Math.max(1, Math.ceil(text.length / perLine)));
}

function layoutRow(k: KpiLine, textW: number): { nameLines: number; progressLines: number; h: number } {
  // About 0.62 em per character in DejaVu Sans, a little wider for bold.
  const nameLines = lines(`${k.name}${k.unit ? ` (${k.unit})` : ''}`, Math.floor(textW / (NAME_SIZE * 0.66)), 3);
  const progressLines = lines(k.progress, Math.floor(textW / (TEXT_SIZE * 0.62)), 4);
  // The value column holds the latest value and a band label of up to two lines.
  const h = Math.max(40, nameLines * NAME_SIZE * 1.3 + progressLines * TEXT_SIZE * 1.3 + 10);
  return { nameLines, progressLines, h };
}

/** The rows' total height for a content width (the portrait page's). */
export function kpiTrendHeight(kpis: readonly KpiLine[], width: number): number {
  const textW = width - SPARK_W - VALUE_W - 2 * GAP;
  return kpis.filter((k) => k.trend).reduce((s, k) => s + layoutRow(k, textW).h, 0) + 4;
}

/** Null when no KPI of the use case has a measurement. */
export function kpiTrendBlock(title: string, kpis: readonly KpiLine[], width: number, t: PackSay = englishPack.t): Block | null {
  const measured = kpis.filter((k) => k.trend);
  if (!measured.length) return null;
  return { kind: 'chart', label: t('pack.chart.trends', { title }), height: kpiTrendHeight(measured, width), draw: (p, box) => drawTrends(p, box, measured) };
}

function drawTrends(p: Painter, box: Box, kpis: readonly KpiLine[]): void {
  const textW = box.w - SPARK_W - VALUE_W - 2 * GAP;
  let y = box.y + 2;
  kpis.forEach((k, i) => {
    const row = layoutRow(k, textW);
    if (i % 2 === 1) p.rect(box.x, y, box.w, row.h, { fill: COLORS.zebra, stroke: null });
    const nameH = p.paragraph(`${k.name}${k.unit ? ` (${k.unit})` : ''}`, box.x + 4, y + 5, { size: NAME_SIZE, bold: true, width: textW - 4, maxLines: row.nameLines });
    p.paragraph(k.progress, box.x + 4, y + 5 + nameH, { size: TEXT_SIZE, width: textW - 4, color: COLORS.muted, maxLines: row.progressLines });
    drawSpark(p, { x: box.x + textW + GAP, y: y + 5, w: SPARK_W, h: row.h - 10 }, k);
    const vx = box.x + textW + GAP + SPARK_W + GAP;
    p.text(k.latestNumber === '—' ? '—' : `${k.latestNumber}${k.unit && k.unit !== '%' ? ` ${k.unit}` : k.unit}`, vx, y + 5, { size: NAME_SIZE, bold: true, width: VALUE_W - 4 });
    p.paragraph(k.bandLabel, vx, y + 5 + NAME_SIZE * 1.3, { size: TEXT_SIZE, bold: true, width: VALUE_W - 4, color: BAND_INK[k.band] ?? COLORS.muted, maxLines: 2 });
    y += row.h;
  });
}

function drawSpark(p: Painter, frame: Box, k: KpiLine): void {
  const t = k.trend;
  if (!t) return;
  p.rect(frame.x, frame.y, frame.w, frame.h, { fill: COLORS.white, stroke: COLORS.rule, lineWidth: 0.4 });
  // Everything inside a 3 pt inset, so the end points' dots stay inside the frame.
  const b = { x: frame.x + 3, y: frame.y + 3, w: frame.w - 6, h: frame.h - 6 };
  const X = (f: number) => b.x + f * b.w;
  const Y = (f: number) => b.y + f * b.h;
  for (const band of t.bands) p.rect(b.x, Y(band.y), b.w, band.height * b.h, { fill: BAND_FILL[band.band], stroke: null });
  if (t.baselineY !== null) p.line(b.x, Y(t.baselineY), b.x + b.w, Y(t.baselineY), { color: CHART_COLOURS.baseline, width: 0.6, dash: [1.5, 1.5] });
  if (t.targetY !== null) p.line(b.x, Y(t.targetY), b.x + b.w, Y(t.targetY), { color: CHART_COLOURS.target, width: 0.6, dash: [4, 2] });
  t.points.forEach((pt, i) => {
    const prev = t.points[i - 1];
    if (prev) p.line(X(prev.x), Y(prev.y), X(pt.x), Y(pt.y), { color: CHART_COLOURS.line, width: 1.1 });
  });
  t.points.forEach((pt, i) => {
    const last = i === t.points.length - 1;
    p.circle(X(pt.x), Y(pt.y), last ? 2.3 : 1.3, { fill: pt.band ? (BAND_INK[pt.band] as string) : CHART_COLOURS.unrated, stroke: last ? COLORS.white : null, lineWidth: 0.6 });
  });
}
