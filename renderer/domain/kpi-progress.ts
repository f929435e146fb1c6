// How far a KPI has come from its baseline towards its target, in one phrase a sponsor reads:
// "baseline 18 → latest 6 → target 4 h, 86% of the way". The unit is said once, at the end of the
// chain. Pure; the numbers are formatted by the caller's function (the workshop's locale).
import type { Kpi, Measurement } from './model';
import { formatValue, isBetter, isWorse, latestMeasurement } from './kpi';
import { englishPack } from '../i18n/pack-catalog';
import type { PackSay } from './recommendations';

export type KpiProgress = {
  /** Share of the way from baseline to target, in percent (over 100 past the target, negative when worse than the baseline); null when it cannot be said. */
  pct: number | null;
  text: string;
};

function withUnit(text: string, unit: string, percentSign = '%'): string {
  const u = unit.trim();
  if (!u) return text;
  return u === '%' ? `${text}${percentSign}` : `${text} ${u}`;
}

/**
 * The progress rule: (latest − baseline) / (target − baseline), whatever the direction, since the
 * target already says which way is better. No baseline or no target: no percentage, and the phrase
 * says why. A target equal to the baseline (a guardrail that must hold) is read by the direction:
 * better than, held at or worse than the baseline.
 */
export function kpiProgress(
  kpi: Pick<Kpi, 'id' | 'unit' | 'direction' | 'baseline' | 'target'>,
  measurements: readonly Measurement[],
  format: (value: number) => string = (v) => formatValue(v),
  t: PackSay = englishPack.t,
  percent: (pct: number) => string = (pct) => `${pct}%`,
): KpiProgress {
  const latest = latestMeasurement(measurements, kpi.id);
  const chain = [
    kpi.baseline !== null ? t('pack.progress.baseline', { value: format(kpi.baseline) }) : '',
    latest ? t('pack.progress.latest', { value: format(latest.value) }) : '',
    kpi.target !== null ? t('pack.progress.target', { value: format(kpi.target) }) : '',
  ].filter(Boolean);
  // A percent unit is written as the language writes a percentage ("92%", "92 %").
  const head = chain.length ? withUnit(chain.join(' → '), kpi.unit, percent(0).replace(/^0/, '')) : '';
  const say = (pct: number | null, tail: string) => ({ pct, text: head ? `${head}, ${tail}` : tail.charAt(0).toUpperCase() + tail.slice(1) });
  if (!latest) return say(null, t('pack.progress.noMeasurement'));
  if (kpi.baseline === null) return say(null, t('pack.progress.noBaseline'));
  if (kpi.target === null) return say(null, t('pack.progress.noTarget'));
  const value = latest.value;
  if (kpi.target === kpi.baseline) {
    if (isBetter(kpi, value, kpi.baseline)) return say(null, t('pack.progress.betterHeld'));
    if (isWorse(kpi, value, kpi.baseline)) return say(null, t('pack.progress.worseHeld'));
    return say(null, t('pack.progress.held'));
  }
  const pct = Math.round(((value - kpi.baseline) / (kpi.target - kpi.baseline)) * 100);
  if (pct > 100) return say(pct, t('pack.progress.passed', { pct: percent(pct) }));
  if (pct === 100) return say(pct, t('pack.progress.reached'));
  if (pct < 0) return say(pct, t('pack.progress.worse', { pct: percent(pct) }));
  return say(pct, t('pack.progress.way', { pct: percent(pct) }));
}
