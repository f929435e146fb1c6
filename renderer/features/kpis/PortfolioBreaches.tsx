// Every KPI of the workshop whose latest measurement is out of the green band (or a guardrail
// breached), with the response agreed for that band: the list a monthly KPI review starts from.
import { routeHref } from '../../app/router';
import { formatValueIn } from '../../domain/kpi';
import { useT } from '../../i18n/react';
import { bandLabel, layerLabel, readerDate } from '../../shared/stage-words';
import { StatusBadge } from './KpiCard';
import type { KpiEntry, KpisData } from './use-kpis-data';

function severity(e: KpiEntry): number {
  if (e.status.band === 'red') return 0;
  if (e.status.guardrailBreached) return 1;
  return 2;
}

export function PortfolioBreaches({ workshopId, data, onOpen }: { workshopId: string; data: KpisData; onOpen: (kpiId: string) => void }) {
  const order = new Map(data.useCases.map((u, i) => [u.id, i]));
  const { t, lang } = useT();
  const title = new Map(data.useCases.map((u) => [u.id, u.title]));
  const out = data.entries
    .filter((e) => e.status.needsAttention)
    .sort((a, b) => severity(a) - severity(b) || (order.get(a.kpi.useCaseId) ?? 0) - (order.get(b.kpi.useCaseId) ?? 0));
  const total = data.entries.length;
  const noData = data.entries.filter((e) => e.status.band === 'no-data').length;
  const noThresholds = data.entries.filter((e) => e.kpi.greenAt === null && e.kpi.redAt === null).length;
  return (
    <section className="panel kpis-portfolio" aria-labelledby="kpis-portfolio-title" data-testid="kpi-portfolio">
      <div className="kpis-portfolio-head">
        <h3 id="kpis-portfolio-title">
          {t('kpis.pf.title')} <span className="count">{out.length}</span>
        </h3>
        <p className="muted">
          {total === 0 ? t('kpis.pf.none') : t('kpis.pf.across', { total, useCases: data.useCases.length })}
          {noData > 0 ? t('kpis.pf.noData', { count: noData }) : ''}
          {noThresholds > 0 ? t('kpis.pf.noThresholds', { count: noThresholds }) : ''}
        </p>
      </div>
      {out.length === 0 ? (
        <p className="kpis-portfolio-empty">
          {total === 0 ? t('kpis.pf.emptyNone') : t('kpis.pf.allGreen')}
        </p>
      ) : (
        <table className="kpi-table kpis-portfolio-table">
          <thead>
            <tr>
              <th scope="col">{t('kpis.pf.useCase')}</th>
              <th scope="col">{t('kpis.pf.kpi')}</th>
              <th scope="col" className="num">
                {t('kpis.pf.latest')}
              </th>
              <th scope="col">{t('kpis.pf.band')}</th>
              <th scope="col">{t('kpis.pf.response')}</th>
            </tr>
          </thead>
          <tbody>
            {out.map((e) => {
              const latest = e.status.latest;
              const band = e.status.band === 'green' || e.status.band === 'no-thresholds' ? 'red' : e.status.band;
              return (
                <tr key={e.kpi.id} data-testid="breach-row" className={`kpis-breach-${e.status.band}`}>
                  <td>{title.get(e.kpi.useCaseId) ?? '—'}</td>
                  <td>
                    <a href={routeHref({ name: 'workshop', workshopId, tab: 'kpis', useCaseId: e.kpi.useCaseId })} onClick={() => onOpen(e.kpi.id)}>
                      {e.kpi.name}
                    </a>
                    <span className="kpis-portfolio-layer">{layerLabel(t, e.kpi.layer)}</span>
                  </td>
                  <td className="num">
                    {latest ? formatValueIn(lang, latest.value, e.kpi.unit) : '—'}
                    {latest ? <span className="kpis-portfolio-date">{readerDate(lang, latest.date)}</span> : null}
                  </td>
                  <td>
                    <StatusBadge band={e.status.band} breached={e.status.guardrailBreached} />
                  </td>
                  <td className="kpis-portfolio-action">
                    {e.status.action ? (
                      <>
                        <span className="visually-hidden">{t('kpis.pf.bandResponse', { band: bandLabel(t, band) })}</span>
                        {e.status.action}
                      </>
                    ) : (
                      <span className="kpi-flag-text">{t('kpis.pf.noResponse', { band: bandLabel(t, band).toLocaleLowerCase(lang) })}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
