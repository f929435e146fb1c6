// Forecast against actual for the limited rollout, one row per KPI of a use case that has a
// forecast: the table a Stage 5 review reads, with variance in units and in %, the flag beyond
// the KPI's tolerance, and whether its thresholds have held long enough to call it stable.
import { formatValueIn, stabilization, variance } from '../../domain/kpi';
import { messageText } from '../../shared/message-text';
import { useT } from '../../i18n/react';
import { formatSignedPercent } from '../../domain/locale-format';
import { layerLabel } from '../../shared/stage-words';
import type { KpiEntry } from './use-kpis-data';

export function ForecastTable({ entries }: { entries: KpiEntry[] }) {
  const withForecast = entries.filter((e) => e.kpi.forecast !== null);
  const { t, lang } = useT();
  if (withForecast.length === 0) return null;
  const stable = withForecast.filter((e) => stabilization(e.kpi, e.measurements).stable).length;
  return (
    <section className="panel kpis-forecast" aria-labelledby="kpis-forecast-title" data-testid="kpi-forecast-table">
      <div className="kpis-portfolio-head">
        <h4 id="kpis-forecast-title">{t('kpis.f.title')}</h4>
        <p className="muted">{t('kpis.f.stable', { stable, total: withForecast.length })}</p>
      </div>
      <table className="kpi-table">
        <thead>
          <tr>
            <th scope="col">KPI</th>
            <th scope="col" className="num">
              {t('kpis.forecast')}
            </th>
            <th scope="col" className="num">
              {t('kpis.actual')}
            </th>
            <th scope="col" className="num">
              {t('kpis.variance')}
            </th>
            <th scope="col" className="num">
              %
            </th>
            <th scope="col">{t('kpis.f.within')}</th>
            <th scope="col">{t('kpis.stabilization')}</th>
          </tr>
        </thead>
        <tbody>
          {withForecast.map((e) => {
            const v = variance(e.kpi, e.status.latest?.value ?? null);
            const s = stabilization(e.kpi, e.measurements);
            return (
              <tr key={e.kpi.id}>
                <td>
                  {e.kpi.name}
                  <span className="kpis-portfolio-layer">{layerLabel(t, e.kpi.layer)}</span>
                </td>
                <td className="num">{formatValueIn(lang, e.kpi.forecast ?? 0, e.kpi.unit)}</td>
                <td className="num">{e.status.latest ? formatValueIn(lang, e.status.latest.value, e.kpi.unit) : '—'}</td>
                <td className="num">{v ? `${v.units > 0 ? '+' : ''}${formatValueIn(lang, v.units, e.kpi.unit)}` : '—'}</td>
                <td className="num">{v ? (v.pct === null ? t('kpis.f.na') : formatSignedPercent(lang, v.pct / 100)) : '—'}</td>
                <td className={v?.beyondTolerance ? 'kpi-flag-text' : undefined}>
                  {v === null ? (
                    <span className="muted">{t('kpis.f.noActual')}</span>
                  ) : v.beyondTolerance ? (
                    t('kpis.f.beyond', { tolerance: formatValueIn(lang, e.kpi.tolerancePct), better: v.direction === 'better' ? 'yes' : 'no' })
                  ) : (
                    t('kpis.f.yes', { tolerance: formatValueIn(lang, e.kpi.tolerancePct) })
                  )}
                </td>
                <td className={s.stable ? 'kpi-stable' : undefined}>
                  {s.stable ? t('kpis.f.stableMark') : messageText(t, lang, s.labelMessage)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
