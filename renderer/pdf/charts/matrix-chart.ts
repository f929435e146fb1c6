// The prioritization matrix as vector shapes: 5×5 cells of business impact (rows, 5 on top) by
// feasibility (columns, 5 on the right), the four named quadrants, and one numbered marker per use
// case (its rank) coloured by organizational readiness. A crowded cell shows as many markers as fit
// and a "+k" marker for the rest, so nothing is drawn outside its cell.
import type { MatrixPoint } from '../../domain/sponsor-pack';
import { COLORS, type Block, type Painter } from '../layout';
import type { Box } from '../types';
import { englishPack } from '../../i18n/pack-catalog';
import type { PackSay } from '../../domain/recommendations';

export const READINESS_COLORS: Record<number, string> = {
  1: '#b42318',
  2: '#d0571f',
  3: '#b98900',
  4: '#4f8f32',
  5: '#1d7a46',
};
export const UNSCORED_COLOR = '#8a93a5';

const QUADRANT_FILL = {
  'quick-wins': '#e3f2e8',
  'strategic-bets': '#e6e9fa',
  'fill-ins': '#fbf1dc',
  deprioritize: '#eef0f3',
} as const;

function quadrantAt(impact: number, feasibility: number): keyof typeof QUADRANT_FILL {
  const hi = impact >= 4;
  const hf = feasibility >= 4;
  return hi && hf ? 'quick-wins' : hi ? 'strategic-bets' : hf ? 'fill-ins' : 'deprioritize';
}

export const MATRIX_CHART_HEIGHT = 372;

export function matrixChartBlock(points: readonly MatrixPoint[], t: PackSay = englishPack.t): Block {
  return { kind: 'chart', label: t('pack.chart.matrix'), height: MATRIX_CHART_HEIGHT, draw: (p, box) => drawMatrix(p, box, points, t) };
}

function drawMatrix(p: Painter, box: Box, points: readonly MatrixPoint[], t: PackSay): void {
  const legendW = 120;
  const axisW = 50;
  const topLabelH = 18;
  const bottomH = 48;
  const grid = Math.min(box.h - topLabelH - bottomH, box.w - legendW - axisW - 16);
  const cell = grid / 5;
  const gx = box.x + axisW;
  const gy = box.y + topLabelH;

  for (let impact = 1; impact <= 5; impact++) {
    for (let feas = 1; feas <= 5; feas++) {
      const x = gx + (feas - 1) * cell;
      const y = gy + (5 - impact) * cell;
      p.rect(x, y, cell, cell, { fill: QUADRANT_FILL[quadrantAt(impact, feas)], stroke: COLORS.white, lineWidth: 1 });
    }
  }
  // The quadrant boundaries: high means 4 or 5.
  p.line(gx + 3 * cell, gy, gx + 3 * cell, gy + grid, { color: COLORS.muted, width: 1 });
  p.line(gx, gy + 2 * cell, gx + grid, gy + 2 * cell, { color: COLORS.muted, width: 1 });
  p.rect(gx, gy, grid, grid, { stroke: COLORS.muted, lineWidth: 0.8 });

  const qStyle = { size: 8, bold: true, color: COLORS.muted };
  p.text(t('pack.quadrant.strategic-bets'), gx, box.y + 3, { ...qStyle, width: 3 * cell });
  p.text(t('pack.quadrant.quick-wins'), gx + 3 * cell, box.y + 3, { ...qStyle, width: 2 * cell, align: 'right' });
  p.text(t('pack.quadrant.deprioritize'), gx, gy + grid + 3, { ...qStyle, width: 3 * cell });
  p.text(t('pack.quadrant.fill-ins'), gx + 3 * cell, gy + grid + 3, { ...qStyle, width: 2 * cell, align: 'right' });

  const axis = { size: 8, color: COLORS.text };
  for (let i = 1; i <= 5; i++) {
    p.text(String(i), box.x, gy + (5 - i) * cell + cell / 2 - 5, { ...axis, width: axisW - 6, align: 'right' });
    p.text(String(i), gx + (i - 1) * cell, gy + grid + 16, { ...axis, width: cell, align: 'center' });
  }
  p.text(t('pack.chart.feasibility'), gx, gy + grid + 30, { size: 9, bold: true, width: grid, align: 'center' });
  p.text(t('pack.chart.impactUp'), box.x, box.y + 3, { size: 8, bold: true, width: axisW - 4 });

  const byCell = new Map<string, MatrixPoint[]>();
  for (const pt of points) {
    const key = `${pt.impact}-${pt.feasibility}`;
    byCell.set(key, [...(byCell.get(key) ?? []), pt]);
  }
  const r = Math.min(8, cell / 8);
  const perRow = Math.max(1, Math.floor((cell - 4) / (2 * r + 3)));
  const rowsFit = Math.max(1, Math.floor((cell - 4) / (2 * r + 3)));
  const capacity = perRow * rowsFit;
  for (const [key, list] of byCell) {
    const [impact, feas] = key.split('-').map(Number) as [number, number];
    const sorted = [...list].sort((a, b) => a.position - b.position);
    const shown = sorted.length > capacity ? sorted.slice(0, capacity - 1) : sorted;
    const hidden = sorted.length - shown.length;
    const x0 = gx + (feas - 1) * cell;
    const y0 = gy + (5 - impact) * cell;
    const step = 2 * r + 3;
    const used = Math.min(perRow, shown.length + (hidden ? 1 : 0));
    const startX = x0 + (cell - used * step + 3) / 2 + r;
    const slots = shown.length + (hidden ? 1 : 0);
    const usedRows = Math.ceil(slots / perRow);
    const startY = y0 + (cell - usedRows * step + 3) / 2 + r;
    shown.forEach((pt, i) => {
      const cx = startX + (i % perRow) * step;
      const cy = startY + Math.floor(i / perRow) * step;
      const fill = pt.readinessStep === null ? UNSCORED_COLOR : (READINESS_COLORS[pt.readinessStep] ?? UNSCORED_COLOR);
      p.circle(cx, cy, r, { fill, stroke: COLORS.white, lineWidth: 0.8 });
      const label = pt.rank === null ? '–' : String(pt.rank);
      p.text(label, cx - r, cy - r + (2 * r - 6.5 * 1.3) / 2, { size: label.length > 2 ? 5.5 : 6.5, bold: true, color: COLORS.white, width: 2 * r, align: 'center' });
    });
    if (hidden) {
      const i = shown.length;
      const cx = startX + (i % perRow) * step;
      const cy = startY + Math.floor(i / perRow) * step;
      p.circle(cx, cy, r, { fill: COLORS.white, stroke: COLORS.muted, lineWidth: 0.8 });
      p.text(`+${hidden}`, cx - r, cy - r + (2 * r - 6 * 1.3) / 2, { size: hidden > 99 ? 4.5 : 5.5, bold: true, color: COLORS.text, width: 2 * r, align: 'center' });
    }
  }

  // Legend: readiness colours.
  const lx = gx + grid + 18;
  const lw = box.x + box.w - lx;
  let ly = gy;
  p.text(t('pack.chart.readiness'), lx, ly, { size: 9, bold: true, width: lw });
  ly += 16;
  const steps: [string, string][] = [
    ['5', t('pack.chart.readySponsored')],
    ['4', ''],
    ['3', ''],
    ['2', ''],
    ['1', t('pack.chart.readyNobody')],
  ];
  for (const [n, words] of steps) {
    p.circle(lx + 6, ly + 6, 6, { fill: READINESS_COLORS[Number(n)] as string, stroke: null });
    p.text(words ? `${n} · ${words}` : n, lx + 16, ly, { size: 8, width: lw - 16 });
    ly += 16;
  }
  p.circle(lx + 6, ly + 6, 6, { fill: UNSCORED_COLOR, stroke: null });
  p.text(t('pack.chart.notScored'), lx + 16, ly, { size: 8, width: lw - 16 });
  ly += 26;
  p.paragraph(t('pack.chart.matrixLegend'), lx, ly, {
    size: 7.5,
    width: lw,
    color: COLORS.muted,
    maxLines: 9,
  });
}
