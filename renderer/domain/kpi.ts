// The KPI framework's rules: which band a measurement falls in, guardrail breaches, forecast
// against actual, the stabilization check, and which KPI definitions are contradictory. Pure:
// the screens, the health check and the sponsor PDF all read their verdicts from here.
import { SHORT_TEXT_MAX, LONG_TEXT_MAX, type Kpi, type KpiDirection, type KpiLayer, type Measurement } from './model';
import { formatNumber } from './locale-format';
import { msg, type Message, type MessageValue } from './message';

export const KPI_LAYER_LABELS: Record<KpiLayer, string> = {
  'model-quality': 'Model quality',
  'operational-performance': 'Operational performance',
  'business-impact': 'Business impact',
  'governance-health': 'Governance health',
};

export const KPI_LAYER_HINTS: Record<KpiLayer, string> = {
  'model-quality': 'Is the model right often enough? Accuracy, F1, unsupported answers.',
  'operational-performance': 'Does it run in the real workflow? Fallbacks, human intervention, latency, throughput.',
  'business-impact': 'Does the business feel it? Cycle time, errors, cost per transaction, adoption.',
  'governance-health': 'Is it under control? Audit findings, incidents, reviews held.',
};

export const DIRECTION_LABELS: Record<KpiDirection, string> = {
  'higher-is-better': 'Higher is better',
  'lower-is-better': 'Lower is better',
};

export const TIMING_LABELS: Record<Kpi['timing'], string> = { leading: 'Leading', lagging: 'Lagging' };
export const ROLE_LABELS: Record<Kpi['role'], string> = { target: 'Target', guardrail: 'Guardrail' };

export type Band = 'green' | 'amber' | 'red';
/** A band, or why there is none: nothing measured yet, or no boundaries set. */
export type KpiBand = Band | 'no-data' | 'no-thresholds';

export const BAND_LABELS: Record<KpiBand, string> = {
  green: 'Green',
  amber: 'Amber',
  red: 'Red',
  'no-data': 'No data',
  'no-thresholds': 'No thresholds',
};

/** Fields whose values are numbers (or empty); the screens edit them as text. */
export const KPI_NUMBER_FIELDS = ['baseline', 'target', 'greenAt', 'redAt', 'forecast', 'tolerancePct', 'stabilizationCount'] as const;
export type KpiNumberField = (typeof KPI_NUMBER_FIELDS)[number];

export const DEFAULT_TOLERANCE_PCT = 10;
export const DEFAULT_STABILIZATION_COUNT = 3;

const higher = (kpi: Pick<Kpi, 'direction'>) => kpi.direction === 'higher-is-better';

/** True when `a` is strictly better than `b` for this KPI's direction. */
export function isBetter(kpi: Pick<Kpi, 'direction'>, a: number, b: number): boolean {
  return higher(kpi) ? a > b : a < b;
}

/** True when `a` is strictly worse than `b` for this KPI's direction. */
export function isWorse(kpi: Pick<Kpi, 'direction'>, a: number, b: number): boolean {
  return isBetter(kpi, b, a);
}

/**
 * The band one value falls in. Green at `greenAt` or better, red at `redAt` or worse, amber
 * strictly between. With only a green boundary, anything worse is amber; with only a red boundary,
 * anything better is green. Null when neither boundary is set.
 */
export function bandOf(kpi: Pick<Kpi, 'direction' | 'greenAt' | 'redAt'>, value: number): Band | null {
  const { greenAt, redAt } = kpi;
  if (greenAt === null && redAt === null) return null;
  if (greenAt !== null && !isWorse(kpi, value, greenAt)) return 'green';
  if (redAt !== null && !isBetter(kpi, value, redAt)) return 'red';
  return greenAt === null ? 'green' : 'amber';
}

function byDate(a: Measurement, b: Measurement): number {
  if (a.date !== b.date) return a.date.localeCompare(b.date);
  if (a.createdAt !== b.createdAt) return a.createdAt.localeCompare(b.createdAt);
  return a.id.localeCompare(b.id);
}

/** Measurements of one KPI, oldest first (same date: in the order they were entered). */
export function measurementsOf(kpiId: string, measurements: readonly Measurement[]): Measurement[] {
  return measurements.filter((m) => m.kpiId === kpiId).sort(byDate);
}

/**
 * The most recent measurement (latest date; same date: the one entered last), or null. Give
 * `kpiId` to pick one KPI's measurements out of a longer list.
 */
export function latestMeasurement(measurements: readonly Measurement[], kpiId?: string): Measurement | null {
  const list = kpiId === undefined ? [...measurements] : measurements.filter((m) => m.kpiId === kpiId);
  return list.sort(byDate).at(-1) ?? null;
}

/** A guardrail is breached when its value is worse than the baseline it must hold. */
export function guardrailBreached(kpi: Pick<Kpi, 'direction' | 'role' | 'baseline'>, value: number): boolean {
  return kpi.role === 'guardrail' && kpi.baseline !== null && isWorse(kpi, value, kpi.baseline);
}

export type KpiStatus = {
  band: KpiBand;
  latest: Measurement | null;
  /** Only for guardrails: the latest value is worse than the baseline. */
  guardrailBreached: boolean;
  /** Out of the green band, or a guardrail breached: what the portfolio view lists. */
  needsAttention: boolean;
  /** The response action agreed for where the KPI stands ('' when none applies or none written). */
  action: string;
  /** One sentence in words, never colour alone ("Red: 14 hours is at or above the red line of 12"). */
  summary: string;
  /** The same sentence as a catalog message, for a reader of any language (kpiText.status.*). */
  summaryMessage: Message;
};

/** The action agreed for a band; a breached guardrail without a band of its own takes the red action. */
export function responseAction(kpi: Pick<Kpi, 'greenAction' | 'amberAction' | 'redAction'>, band: KpiBand, breached = false): string {
  if (band === 'red' || (breached && band !== 'amber')) return kpi.redAction.trim();
  if (band === 'amber') return kpi.amberAction.trim();
  if (band === 'green') return kpi.greenAction.trim();
  return '';
}

/** Formats a number for people: up to 4 significant decimals, no float noise ("0.1 + 0.2" → 0.3). */
export function formatValue(value: number, unit = ''): string {
  const rounded = Number.parseFloat(value.toPrecision(12));
  const text = Math.abs(rounded) >= 1000 ? rounded.toLocaleString('en-US', { maximumFractionDigits: 4 }) : String(rounded);
  const u = unit.trim();
  if (!u) return text;
  return u === '%' ? `${text}%` : `${text} ${u}`;
}

/**
 * `formatValue` as a reader of `lang` writes it: English as formatValue always did; German
 * "1.234,5 h" and "92 %", French "1 234,5 h" and "92 %" (narrow no-break spaces). The unit is
 * kept on the number's line with a no-break space.
 */
export function formatValueIn(lang: string, value: number, unit = ''): string {
  const base = lang.slice(0, 2);
  if (base !== 'de' && base !== 'fr') return formatValue(value, unit);
  const text = formatNumber(base, Number.parseFloat(value.toPrecision(12)), 4);
  const u = unit.trim();
  if (!u) return text;
  return u === '%' ? `${text}${base === 'fr' ? '\u202f' : '\u00a0'}%` : `${text}\u00a0${u}`;
}

/** A measured value as a message value: the reader's language formats it (formatValueIn). */
export const measured = (value: number, unit = ''): { number: number; unit: string } => ({ number: value, unit });

/** The direction as a message's select value: 'higher' or 'lower' (is better). */
export const directionKey = (kpi: Pick<Kpi, 'direction'>): 'higher' | 'lower' => (higher(kpi) ? 'higher' : 'lower');

/** "at or above" / "at or below" for green, from the direction. */
export function boundaryWords(kpi: Pick<Kpi, 'direction'>): { green: string; red: string; better: string; worse: string } {
  return higher(kpi)
    ? { green: 'at or above', red: 'at or below', better: 'above', worse: 'below' }
    : { green: 'at or below', red: 'at or above', better: 'below', worse: 'above' };
}

/** Where a KPI stands now: the band of its latest measurement, guardrail breach, response action. */
export function kpiStatus(kpi: Kpi, measurements: readonly Measurement[]): KpiStatus {
  const latest = latestMeasurement(measurements.filter((m) => m.kpiId === kpi.id));
  if (!latest) {
    return { band: 'no-data', latest: null, guardrailBreached: false, needsAttention: false, action: '', summary: 'No measurement yet.', summaryMessage: msg('kpiText.status.none') };
  }
  const value = latest.value;
  const shown = formatValue(value, kpi.unit);
  const words = boundaryWords(kpi);
  const breached = guardrailBreached(kpi, value);
  const band: KpiBand = bandOf(kpi, value) ?? 'no-thresholds';
  let summary: string;
  if (band === 'green') {
    summary = kpi.greenAt !== null ? `Green: ${shown} is ${words.green} ${formatValue(kpi.greenAt, kpi.unit)}.` : `Green: ${shown} is not in the red band.`;
  } else if (band === 'red') {
    summary = `Red: ${shown} is ${words.red} the red line of ${formatValue(kpi.redAt ?? value, kpi.unit)}.`;
  } else if (band === 'amber') {
    summary =
      kpi.redAt !== null
        ? `Amber: ${shown} is between the red line of ${formatValue(kpi.redAt, kpi.unit)} and green at ${formatValue(kpi.greenAt ?? value, kpi.unit)}.`
        : `Amber: ${shown} has not reached green at ${formatValue(kpi.greenAt ?? value, kpi.unit)}.`;
  } else {
    summary = `No thresholds set; latest ${shown}.`;
  }
  if (breached) summary += ` Guardrail breached: worse than the baseline of ${formatValue(kpi.baseline ?? value, kpi.unit)}.`;
  return {
    summaryMessage: statusMessage(kpi, value, band, breached),
    band,
    latest,
    guardrailBreached: breached,
    needsAttention: band === 'amber' || band === 'red' || breached,
    action: responseAction(kpi, band, breached),
    summary,
  };
}

/** kpiStatus's sentence as a catalog message: the same cases, said in the reader's language. */
function statusMessage(kpi: Kpi, value: number, band: KpiBand, breached: boolean): Message {
  const m = (v: number) => measured(v, kpi.unit);
  const dir = directionKey(kpi);
  const status =
    band === 'green'
      ? kpi.greenAt !== null
        ? msg('kpiText.status.green', { value: m(value), dir, line: m(kpi.greenAt) })
        : msg('kpiText.status.greenNoLine', { value: m(value) })
      : band === 'red'
        ? msg('kpiText.status.red', { value: m(value), dir, line: m(kpi.redAt ?? value) })
        : band === 'amber'
          ? kpi.redAt !== null
            ? msg('kpiText.status.amber', { value: m(value), red: m(kpi.redAt), green: m(kpi.greenAt ?? value) })
            : msg('kpiText.status.amberNoRed', { value: m(value), green: m(kpi.greenAt ?? value) })
          : msg('kpiText.status.noThresholds', { value: m(value) });
  return breached ? msg('kpiText.status.breached', { status, baseline: m(kpi.baseline ?? value) }) : status;
}

export type Variance = {
  forecast: number;
  actual: number;
  /** actual − forecast, in the KPI's unit. */
  units: number;
  /** (actual − forecast) / |forecast| × 100; null when the forecast is 0 (no percentage exists). */
  pct: number | null;
  /** Further from the forecast than the KPI's tolerance. With a forecast of 0, any difference counts. */
  beyondTolerance: boolean;
  /** Better than forecast (for the KPI's direction), worse, or on it. */
  direction: 'better' | 'worse' | 'on-forecast';
};

/** Forecast against an actual value (usually the latest measurement). Null when either is missing. */
export function variance(kpi: Pick<Kpi, 'direction' | 'forecast' | 'tolerancePct'>, actual: number | null): Variance | null {
  if (kpi.forecast === null || actual === null) return null;
  const forecast = kpi.forecast;
  // Rounded to 1e-9 so 0.1 + 0.2 against 0.3 is on forecast, not 5.5e-17 off it.
  const rounded = Number.parseFloat(Number((actual - forecast).toFixed(9)).toPrecision(12));
  const units = rounded === 0 ? 0 : rounded;
  const pct = forecast === 0 ? null : Number.parseFloat(((units / Math.abs(forecast)) * 100).toPrecision(12));
  const beyondTolerance = pct === null ? units !== 0 : Math.abs(pct) > kpi.tolerancePct;
  const dir = units === 0 ? 'on-forecast' : isBetter(kpi, actual, forecast) ? 'better' : 'worse';
  return { forecast, actual, units, pct, beyondTolerance, direction: dir };
}

export type Stabilization = {
  stable: boolean;
  /** How many of the latest measurements in a row are green (and, for a guardrail, not breached). */
  held: number;
  needed: number;
  /** "Stable (3 of 3 green in a row)" / "Not yet stable (1 of 3)" / why it cannot be judged. */
  label: string;
  /** The label as a catalog message (kpiText.stab.*). */
  labelMessage: Message;
};

/** Thresholds held: the last N consecutive measurements are all green. */
export function stabilization(kpi: Kpi, measurements: readonly Measurement[]): Stabilization {
  const needed = kpi.stabilizationCount;
  const list = measurementsOf(kpi.id, measurements);
  if (kpi.greenAt === null && kpi.redAt === null) {
    return { stable: false, held: 0, needed, label: 'Not yet stable: set the thresholds first.', labelMessage: msg('kpiText.stab.noThresholds') };
  }
  let held = 0;
  for (let i = list.length - 1; i >= 0; i--) {
    const v = list[i]!.value;
    if (bandOf(kpi, v) !== 'green' || guardrailBreached(kpi, v)) break;
    held++;
  }
  const stable = held >= needed;
  const label = stable
    ? `Stable: the last ${needed} ${needed === 1 ? 'measurement is' : 'measurements are'} green`
    : list.length === 0
      ? `Not yet stable (no measurements; needs ${needed} green in a row)`
      : `Not yet stable (${held} of ${needed})`;
  const labelMessage = stable
    ? msg('kpiText.stab.stable', { count: needed })
    : list.length === 0
      ? msg('kpiText.stab.none', { needed })
      : msg('kpiText.stab.notYet', { held, needed });
  return { stable, held: Math.min(held, needed), needed, label, labelMessage };
}

export type KpiField = keyof Kpi;
export type FieldMessages = Partial<Record<KpiField, string>>;
/** The same checks as catalog messages (kpiText.check.*), for a reader of any language. */
export type FieldCatalogMessages = Partial<Record<KpiField, Message>>;
export type KpiIssues = {
  /** Contradictions: a KPI with any of these is not stored. */
  errors: FieldMessages;
  /** Worth a second look, stored anyway (a target worse than the baseline, say). */
  warnings: FieldMessages;
  /** `errors` and `warnings` as catalog messages, field by field. */
  errorMessages: FieldCatalogMessages;
  warningMessages: FieldCatalogMessages;
};

const ABS_LIMIT = 1e12;

/** Checks a whole KPI: field values, then whether thresholds, target and baseline fit the direction. */
export function validateKpi(kpi: Kpi): KpiIssues {
  const errors: FieldMessages = {};
  const warnings: FieldMessages = {};
  const errorMessages: FieldCatalogMessages = {};
  const warningMessages: FieldCatalogMessages = {};
  // Each check once: its English and its message.
  const error = (f: KpiField, text: string, id: string, values?: Record<string, MessageValue>) => {
    errors[f] = text;
    errorMessages[f] = msg(id, values);
  };
  const warn = (f: KpiField, text: string, id: string, values?: Record<string, MessageValue>) => {
    warnings[f] = text;
    warningMessages[f] = msg(id, values);
  };
  if (!kpi.name.trim()) error('name', 'Give the KPI a name.', 'kpiText.check.name');
  else if (kpi.name.length > SHORT_TEXT_MAX) error('name', `A name is at most ${SHORT_TEXT_MAX} characters.`, 'kpiText.check.nameLong', { max: SHORT_TEXT_MAX });
  if (kpi.unit.length > SHORT_TEXT_MAX) error('unit', `A unit is at most ${SHORT_TEXT_MAX} characters.`, 'kpiText.check.unitLong', { max: SHORT_TEXT_MAX });
  if (kpi.owner.length > SHORT_TEXT_MAX) error('owner', `An owner is at most ${SHORT_TEXT_MAX} characters.`, 'kpiText.check.ownerLong', { max: SHORT_TEXT_MAX });
  for (const f of ['definition', 'greenAction', 'amberAction', 'redAction'] as const) {
    if (kpi[f].length > LONG_TEXT_MAX) error(f, `At most ${LONG_TEXT_MAX.toLocaleString('en-US')} characters.`, 'kpiText.check.textLong', { max: LONG_TEXT_MAX });
  }
  for (const f of ['baseline', 'target', 'greenAt', 'redAt', 'forecast'] as const) {
    const v = kpi[f];
    if (v !== null && (!Number.isFinite(v) || Math.abs(v) > ABS_LIMIT)) error(f, 'Enter a number.', 'kpiText.check.number');
  }
  if (!Number.isFinite(kpi.tolerancePct) || kpi.tolerancePct < 0 || kpi.tolerancePct > 1000) {
    error('tolerancePct', 'The tolerance is a percentage from 0 to 1,000.', 'kpiText.check.tolerance');
  }
  if (!Number.isInteger(kpi.stabilizationCount) || kpi.stabilizationCount < 1 || kpi.stabilizationCount > 100) {
    error('stabilizationCount', 'Enter a whole number of measurements from 1 to 100.', 'kpiText.check.stabilizationCount');
  }

  const u = (v: number) => formatValue(v, kpi.unit);
  const m = (v: number) => measured(v, kpi.unit);
  const hi = higher(kpi);
  const dir = directionKey(kpi);
  const { greenAt, redAt, baseline, target } = kpi;
  if (greenAt !== null && redAt !== null && !errors.greenAt && !errors.redAt) {
    if (greenAt === redAt) {
      const text = `Green and red cannot both start at ${u(greenAt)}: a measurement exactly there would be both.`;
      error('greenAt', text, 'kpiText.check.sameLine', { value: m(greenAt) });
      error('redAt', text, 'kpiText.check.sameLine', { value: m(greenAt) });
    } else if (!isBetter(kpi, greenAt, redAt)) {
      error(
        'greenAt',
        hi ? `Higher is better, so green (${u(greenAt)}) must be above red (${u(redAt)}).` : `Lower is better, so green (${u(greenAt)}) must be below red (${u(redAt)}).`,
        'kpiText.check.greenSide',
        { dir, green: m(greenAt), red: m(redAt) },
      );
      error(
        'redAt',
        hi ? `Red (${u(redAt)}) must be below green (${u(greenAt)}) when higher is better.` : `Red (${u(redAt)}) must be above green (${u(greenAt)}) when lower is better.`,
        'kpiText.check.redSide',
        { dir, green: m(greenAt), red: m(redAt) },
      );
    }
  }

  if (baseline !== null && target !== null && !errors.baseline && !errors.target) {
    if (isWorse(kpi, target, baseline)) {
      warn('target', `The target (${u(target)}) is worse than the baseline (${u(baseline)}) for a KPI where ${hi ? 'higher' : 'lower'} is better.`, 'kpiText.check.targetWorse', {
        dir,
        target: m(target),
        baseline: m(baseline),
      });
    } else if (target === baseline && kpi.role === 'target') {
      warn('target', 'The target equals the baseline: the pilot would show no improvement.', 'kpiText.check.targetEqual');
    }
  }
  if (target !== null && !errors.target && !errors.greenAt && !errors.redAt && !warnings.target) {
    const band = bandOf(kpi, target);
    if (band === 'red') warn('target', `The target (${u(target)}) lies in the red band.`, 'kpiText.check.targetRed', { target: m(target) });
    else if (band === 'amber') warn('target', `The target (${u(target)}) lies in the amber band; reaching it would not be green.`, 'kpiText.check.targetAmber', { target: m(target) });
  }
  if (kpi.role === 'guardrail' && baseline === null && !errors.baseline) {
    warn('baseline', 'A guardrail needs a baseline: it is breached when a measurement is worse than the baseline.', 'kpiText.check.guardrailBaseline');
  }
  if (kpi.unit.trim() === '%') {
    for (const f of ['baseline', 'target', 'greenAt', 'redAt', 'forecast'] as const) {
      const v = kpi[f];
      if (v !== null && !errors[f] && !warnings[f] && (v < 0 || v > 100)) warn(f, `${u(v)} is outside 0–100%.`, 'kpiText.check.percentRange', { value: m(v) });
    }
  }
  return { errors, warnings, errorMessages, warningMessages };
}

export function hasErrors(issues: KpiIssues): boolean {
  return Object.keys(issues.errors).length > 0;
}

/**
 * How many days after today a measurement is dated, or 0 when it is today or earlier. A value
 * measured "in the future" is nearly always a typo (2062 for 2026, day and month swapped), so
 * the screen asks before storing one.
 */
export function daysInFuture(date: string, today: string): number {
  const [y1, m1, d1] = date.split('-').map(Number);
  const [y2, m2, d2] = today.split('-').map(Number);
  if ([y1, m1, d1, y2, m2, d2].some((n) => n === undefined || !Number.isFinite(n))) return 0;
  const days = Math.round((Date.UTC(y1 as number, (m1 as number) - 1, d1) - Date.UTC(y2 as number, (m2 as number) - 1, d2)) / 86_400_000);
  return Math.max(0, days);
}
