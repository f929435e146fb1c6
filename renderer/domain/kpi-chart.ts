// The trend chart of one KPI as plain geometry: coordinates, labels and colours, no DOM. The
// screen draws it as inline SVG; the sponsor PDF can draw the very same shapes as vectors.
import type { Kpi, Measurement } from './model';
import { BAND_LABELS, DIRECTION_LABELS, bandOf, boundaryWords, directionKey, formatValue, kpiStatus, measured, measurementsOf, type Band } from './kpi';
import { msg, type Message } from './message';

export const CHART_COLOURS = {
  green: '#1d7a46',
  amber: '#b26a00',
  red: '#b42318',
  greenFill: '#e3f4ea',
  amberFill: '#fdf3dc',
  redFill: '#fbe5e2',
  baseline: '#5a6375',
  target: '#3446c6',
  line: '#26359e',
  axis: '#b8bfcc',
  grid: '#eceef3',
  text: '#394150',
  unrated: '#5a6375',
} as const;

export type ChartLineKind = 'green' | 'red' | 'baseline' | 'target';

export type ChartGeometry = {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  yTicks: { y: number; label: string; value: number }[];
  /** `date` and `withYear` let a screen write the tick in its reader's language. */
  xTicks: { x: number; label: string; date: string; withYear: boolean }[];
  /** Shaded areas behind the line: where a value would be green, amber or red. */
  bands: { band: Band; y: number; height: number; fill: string }[];
  /** Horizontal reference lines, each with its label (label positions kept apart). */
  lines: { kind: ChartLineKind; y: number; labelY: number; label: string; labelMessage: Message; colour: string; dash: string }[];
  points: { x: number; y: number; date: string; value: number; band: Band | null; colour: string; label: string; labelMessage: Message }[];
  /** The measurements joined in date order; '' with fewer than two. */
  path: string;
  /** Everything the chart shows, in one sentence, for screen readers (role="img"). */
  summary: string;
  /** The same sentences as catalog messages, for a reader of any language (kpiText.chart.*). */
  summaryMessage: Message;
};

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / 86_400_000;
}

function isoOfDay(day: number): string {
  return new Date(Math.round(day) * 86_400_000).toISOString().slice(0, 10);
}

/** "1 Mar 2026", or "1 Mar" without the year. Fixed English month names: the same on every machine. */
export function shortDate(iso: string, withYear = true): string {
  const [y, m, d] = iso.split('-').map(Number);
  const text = `${d} ${SHORT_MONTHS[(m ?? 1) - 1]}`;
  return withYear ? `${text} ${y}` : text;
}

function niceStep(raw: number): number {
  const exp = Math.floor(Math.log10(raw));
  const base = raw / 10 ** exp;
  const nice = base <= 1 ? 1 : base <= 2 ? 2 : base <= 2.5 ? 2.5 : base <= 5 ? 5 : 10;
  return nice * 10 ** exp;
}

function tickLabel(v: number): string {
  return formatValue(Number.parseFloat(v.toPrecision(10)));
}

/** Moves labels apart so no two are closer than `gap`, keeping them inside [top, bottom]. */
function spread(ys: number[], gap: number, top: number, bottom: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  const out = order.map((o) => o.y);
  for (let k = 1; k < out.length; k++) out[k] = Math.max(out[k]!, out[k - 1]! + gap);
  const overflow = (out.at(-1) ?? bottom) - bottom;
  if (overflow > 0) for (let k = 0; k < out.length; k++) out[k] = out[k]! - overflow;
  for (let k = 0; k < out.length; k++) out[k] = Math.max(out[k]!, top + k * gap);
  const result: number[] = new Array<number>(ys.length);
  order.forEach((o, k) => (result[o.i] = out[k]!));
  return result;
}

export function kpiChart(kpi: Kpi, measurements: readonly Measurement[], size: { width?: number; height?: number } = {}): ChartGeometry {
  const width = size.width ?? 640;
  const height = size.height ?? 280;
  const plot = { left: 52, top: 14, right: width - 132, bottom: height - 32 };
  const list = measurementsOf(kpi.id, measurements);
  const words = boundaryWords(kpi);
  const dir = directionKey(kpi);
  const m = (v: number) => measured(v, kpi.unit);
  const refs: { kind: ChartLineKind; value: number; label: string; labelMessage: Message; colour: string; dash: string }[] = [];
  if (kpi.greenAt !== null)
    refs.push({ kind: 'green', value: kpi.greenAt, label: `Green ${kpi.direction === 'higher-is-better' ? '≥' : '≤'} ${formatValue(kpi.greenAt, kpi.unit)}`, labelMessage: msg('kpiText.chart.lineGreen', { dir, value: m(kpi.greenAt) }), colour: CHART_COLOURS.green, dash: '6 4' });
  if (kpi.redAt !== null)
    refs.push({ kind: 'red', value: kpi.redAt, label: `Red ${kpi.direction === 'higher-is-better' ? '≤' : '≥'} ${formatValue(kpi.redAt, kpi.unit)}`, labelMessage: msg('kpiText.chart.lineRed', { dir, value: m(kpi.redAt) }), colour: CHART_COLOURS.red, dash: '6 4' });
  if (kpi.baseline !== null)
    refs.push({ kind: 'baseline', value: kpi.baseline, label: `Baseline ${formatValue(kpi.baseline, kpi.unit)}`, labelMessage: msg('kpiText.chart.lineBaseline', { value: m(kpi.baseline) }), colour: CHART_COLOURS.baseline, dash: '2 3' });
  if (kpi.target !== null)
    refs.push({ kind: 'target', value: kpi.target, label: `Target ${formatValue(kpi.target, kpi.unit)}`, labelMessage: msg('kpiText.chart.lineTarget', { value: m(kpi.target) }), colour: CHART_COLOURS.target, dash: '10 3 2 3' });

  // Vertical scale: every value and reference line, on round ticks.
  const values = [...list.map((m) => m.value), ...refs.map((r) => r.value)];
  let lo = values.length ? Math.min(...values) : 0;
  let hi = values.length ? Math.max(...values) : 1;
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const step = niceStep((hi - lo) / 4);
  lo = Math.floor(lo / step - 1e-9) * step;
  hi = Math.ceil(hi / step + 1e-9) * step;
  if (lo === hi) hi = lo + step;
  const yOf = (v: number) => plot.bottom - ((v - lo) / (hi - lo)) * (plot.bottom - plot.top);
  const yTicks: ChartGeometry['yTicks'] = [];
  for (let v = lo, i = 0; v <= hi + step / 2 && i < 20; v += step, i++) yTicks.push({ y: yOf(v), label: tickLabel(v), value: Number.parseFloat(v.toPrecision(10)) });

  // Horizontal scale: calendar days between the first and the last measurement.
  const days = list.map((m) => dayNumber(m.date));
  const d0 = days.length ? Math.min(...days) : 0;
  const d1 = days.length ? Math.max(...days) : 0;
  const xOf = (d: number) => (d1 === d0 ? (plot.left + plot.right) / 2 : plot.left + ((d - d0) / (d1 - d0)) * (plot.right - plot.left));
  const xTicks: ChartGeometry['xTicks'] = [];
  if (list.length > 0) {
    const span = d1 - d0;
    const count = Math.min(5, span + 1);
    const crossesYear = list[0]!.date.slice(0, 4) !== list.at(-1)!.date.slice(0, 4);
    const seen = new Set<number>();
    for (let i = 0; i < count; i++) {
      const d = count === 1 ? d0 : Math.round(d0 + (span * i) / (count - 1));
      if (seen.has(d)) continue;
      seen.add(d);
      const iso = isoOfDay(d);
      xTicks.push({ x: xOf(d), label: shortDate(iso, i === 0 || crossesYear), date: iso, withYear: i === 0 || crossesYear });
    }
  }

  // Band areas, drawn from the boundaries to the edges of the scale on the better or worse side.
  const higherBetter = kpi.direction === 'higher-is-better';
  const area = (band: Band, from: number, to: number) => {
    const a = Math.max(lo, Math.min(hi, from));
    const b = Math.max(lo, Math.min(hi, to));
    const yTop = yOf(Math.max(a, b));
    const yBottom = yOf(Math.min(a, b));
    return { band, y: yTop, height: Math.max(0, yBottom - yTop), fill: CHART_COLOURS[`${band}Fill`] };
  };
  const bestEdge = higherBetter ? hi : lo;
  const worstEdge = higherBetter ? lo : hi;
  const bands: ChartGeometry['bands'] = [];
  if (kpi.greenAt !== null) bands.push(area('green', kpi.greenAt, bestEdge));
  if (kpi.redAt !== null) bands.push(area('red', kpi.redAt, worstEdge));
  if (kpi.greenAt !== null && kpi.redAt !== null) bands.push(area('amber', kpi.greenAt, kpi.redAt));
  else if (kpi.greenAt !== null) bands.push(area('amber', kpi.greenAt, worstEdge));
  else if (kpi.redAt !== null) bands.push(area('green', kpi.redAt, bestEdge));

  const lineYs = refs.map((r) => yOf(r.value));
  const labelYs = spread(
    lineYs.map((y) => y + 4),
    15,
    plot.top + 4,
    plot.bottom + 4,
  );
  const lines = refs.map((r, i) => ({ kind: r.kind, y: lineYs[i]!, labelY: labelYs[i]!, label: r.label, labelMessage: r.labelMessage, colour: r.colour, dash: r.dash }));

  const points = list.map((m) => {
    const band = bandOf(kpi, m.value);
    return {
      x: xOf(dayNumber(m.date)),
      y: yOf(m.value),
      date: m.date,
      value: m.value,
      band,
      colour: band ? CHART_COLOURS[band] : CHART_COLOURS.unrated,
      label: `${shortDate(m.date)}: ${formatValue(m.value, kpi.unit)}${band ? ` (${BAND_LABELS[band].toLowerCase()})` : ''}`,
      labelMessage: msg('kpiText.chart.point', { date: { date: m.date }, value: measured(m.value, kpi.unit), band: band ?? 'none' }),
    };
  });
  const path = points.length >= 2 ? points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ') : '';

  const status = kpiStatus(kpi, measurements);
  const parts = [`${kpi.name}, ${DIRECTION_LABELS[kpi.direction].toLowerCase()}.`];
  if (list.length === 0) parts.push('No measurements yet.');
  else {
    parts.push(
      list.length === 1
        ? `One measurement, on ${shortDate(list[0]!.date)}: ${formatValue(list[0]!.value, kpi.unit)}.`
        : `${list.length} measurements from ${shortDate(list[0]!.date)} to ${shortDate(list.at(-1)!.date)}, from ${formatValue(list[0]!.value, kpi.unit)} to ${formatValue(list.at(-1)!.value, kpi.unit)}.`,
    );
    parts.push(`Latest: ${BAND_LABELS[status.band].toLowerCase()}${status.guardrailBreached ? ', guardrail breached' : ''}.`);
  }
  if (kpi.greenAt !== null) parts.push(`Green ${words.green} ${formatValue(kpi.greenAt, kpi.unit)}.`);
  if (kpi.redAt !== null) parts.push(`Red ${words.red} ${formatValue(kpi.redAt, kpi.unit)}.`);
  if (kpi.baseline !== null) parts.push(`Baseline ${formatValue(kpi.baseline, kpi.unit)}.`);
  if (kpi.target !== null) parts.push(`Target ${formatValue(kpi.target, kpi.unit)}.`);

  const said: Message[] = [msg('kpiText.chart.head', { name: kpi.name, dir })];
  if (list.length === 0) said.push(msg('kpiText.chart.none'));
  else {
    const first = list[0]!;
    const last = list.at(-1)!;
    said.push(
      list.length === 1
        ? msg('kpiText.chart.one', { date: { date: first.date }, value: m(first.value) })
        : msg('kpiText.chart.many', { count: list.length, from: { date: first.date }, to: { date: last.date }, first: m(first.value), last: m(last.value) }),
    );
    said.push(msg('kpiText.chart.latest', { band: status.band, breached: status.guardrailBreached ? 'yes' : 'no' }));
  }
  if (kpi.greenAt !== null) said.push(msg('kpiText.chart.green', { dir, value: m(kpi.greenAt) }));
  if (kpi.redAt !== null) said.push(msg('kpiText.chart.red', { dir, value: m(kpi.redAt) }));
  if (kpi.baseline !== null) said.push(msg('kpiText.chart.baseline', { value: m(kpi.baseline) }));
  if (kpi.target !== null) said.push(msg('kpiText.chart.target', { value: m(kpi.target) }));

  return { width, height, plot, yTicks, xTicks, bands, lines, points, path, summary: parts.join(' '), summaryMessage: msg('kpiText.list', { items: { list: said, separator: ' ' } }) };
}

/** A KPI's trend for a small chart: everything as fractions 0–1 of the plot (y = 0 at the top). */
export type Sparkline = {
  bands: { band: Band; y: number; height: number }[];
  points: { x: number; y: number; band: Band | null }[];
  baselineY: number | null;
  targetY: number | null;
};

/**
 * The same scale, bands and points as the full chart (kpiChart), scaled to a unit square so the
 * sponsor pack can draw them at any size. Null without a measurement: there is no trend to draw.
 */
export function kpiSparkline(kpi: Kpi, measurements: readonly Measurement[]): Sparkline | null {
  if (!measurementsOf(kpi.id, measurements).length) return null;
  // kpiChart keeps 52 pt left and 132 pt right, 14 pt above and 32 pt below its plot: a 100 × 100 plot.
  const g = kpiChart(kpi, measurements, { width: 284, height: 146 });
  const w = g.plot.right - g.plot.left;
  const h = g.plot.bottom - g.plot.top;
  const fx = (x: number) => (x - g.plot.left) / w;
  const fy = (y: number) => (y - g.plot.top) / h;
  const lineY = (kind: ChartLineKind) => {
    const l = g.lines.find((x) => x.kind === kind);
    return l ? fy(l.y) : null;
  };
  return {
    bands: g.bands.filter((b) => b.height > 0).map((b) => ({ band: b.band, y: fy(b.y), height: b.height / h })),
    points: g.points.map((p) => ({ x: fx(p.x), y: fy(p.y), band: p.band })),
    baselineY: lineY('baseline'),
    targetY: lineY('target'),
  };
}
