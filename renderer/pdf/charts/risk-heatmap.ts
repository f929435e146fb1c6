// The portfolio's risk heat map as vector shapes: likelihood (rows, 5 on top) by impact (columns),
// each cell tinted by the band its score falls in and showing how many open risks sit there.
import type { RiskBand } from '../../domain/risks';
import { riskBand } from '../../domain/risks';
import { COLORS, type Block, type Painter } from '../layout';
import type { Box } from '../types';
import { englishPack } from '../../i18n/pack-catalog';
import type { PackSay } from '../../domain/recommendations';

const BAND_FILL: Record<RiskBand, string> = { critical: '#f6c9c4', high: '#fbe1bf', medium: '#f4ecc8', low: '#dcefe2' };

export const HEATMAP_HEIGHT = 210;

/** `counts[l - 1][i - 1]`: open risks with likelihood l and impact i. */
export function riskHeatmapBlock(counts: readonly (readonly number[])[], t: PackSay = englishPack.t): Block {
  return { kind: 'chart', label: t('pack.chart.heatmap'), height: HEATMAP_HEIGHT, draw: (p, box) => drawHeatmap(p, box, counts, t) };
}

function drawHeatmap(p: Painter, box: Box, counts: readonly (readonly number[])[], t: PackSay): void {
  const axisW = 70;
  const bottomH = 34;
  const cell = Math.min((box.h - bottomH) / 5, (box.w - axisW) / 5, 34);
  const gx = box.x + axisW;
  const gy = box.y;
  for (let l = 1; l <= 5; l++) {
    for (let i = 1; i <= 5; i++) {
      const x = gx + (i - 1) * cell;
      const y = gy + (5 - l) * cell;
      const n = counts[l - 1]?.[i - 1] ?? 0;
      p.rect(x, y, cell, cell, { fill: BAND_FILL[riskBand(l * i)], stroke: COLORS.white, lineWidth: 1 });
      if (n > 0) p.text(String(n), x, y + cell / 2 - 6, { size: 10, bold: true, width: cell, align: 'center', color: COLORS.text });
    }
    p.text(String(l), gx - 16, gy + (5 - l) * cell + cell / 2 - 5, { size: 8, width: 12, align: 'right', color: COLORS.muted });
  }
  for (let i = 1; i <= 5; i++) p.text(String(i), gx + (i - 1) * cell, gy + 5 * cell + 3, { size: 8, width: cell, align: 'center', color: COLORS.muted });
  p.text(t('pack.chart.impactRight'), gx, gy + 5 * cell + 16, { size: 8, bold: true, width: 5 * cell, align: 'center', color: COLORS.muted });
  p.text(t('pack.chart.likelihood'), box.x, gy + 2.5 * cell - 5, { size: 8, bold: true, width: axisW - 20, color: COLORS.muted });
  // Legend to the right of the grid.
  const lx = gx + 5 * cell + 24;
  (['critical', 'high', 'medium', 'low'] as const).forEach((b, k) => {
    const y = gy + k * 18;
    p.rect(lx, y, 12, 12, { fill: BAND_FILL[b], stroke: COLORS.rule, lineWidth: 0.5 });
    p.text(b[0]?.toUpperCase() + b.slice(1), lx + 18, y, { size: 8.5, width: Math.max(10, box.x + box.w - lx - 18) });
  });
}
