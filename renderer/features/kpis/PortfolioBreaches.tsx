// Every KPI of the workshop whose latest measurement is out of the green band (or a guardrail
// breached), with the response agreed for that band: the list a monthly KPI review starts from.
import { routeHref } from '../../app/router';
import { BAND_LABELS, KPI_LAYER_LABELS, formatValue } from '../../domain/kpi';
import { shortDate } from '../../domain/kpi-chart';
import { StatusBadge } from './KpiCard';
import type { KpiEntry, KpisData } from './use-kpis-data';

function severity(e: KpiEntry): number {
  if (e.status.band === 'red') return 0;
  if (e.status.guardrailBreached) return 1;
  return 2;
}

export function PortfolioBreaches({ workshopId, data, onOpen }: { workshopId: string; data: KpisData; onOpen: (kpiId: string) => void }) {
  const order = new Map(data.useCases.map((u, i) => [u.id, i]));
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
          Out of the green band <span className="count">{out.length}</span>
        </h3>
        <p className="muted">
          {total === 0
            ? 'No KPIs yet.'
            : `${total} ${total === 1 ? 'KPI' : 'KPIs'} across ${data.useCases.length} ${data.useCases.length === 1 ? 'use case' : 'use cases'}`}
          {noData > 0 ? ` · ${noData} without measurements` : ''}
          {noThresholds > 0 ? ` · ${noThresholds} without thresholds` : ''}
        </p>
      </div>
      {out.length === 0 ? (
        <p className="kpis-portfolio-empty">
          {total === 0 ? 'Once KPIs are measured, any that leave their green band are listed here with the response agreed for them.' : 'Every measured KPI is in its green band.'}
        </p>
      ) : (
        <table className="kpi-table kpis-portfolio-table">
          <thead>
            <tr>
              <th scope="col">Use case</th>
              <th scope="col">KPI</th>
              <th scope="col" className="num">
                Latest
              </th>
              <th scope="col">Band</th>
              <th scope="col">Response action</th>
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
                    <span className="kpis-portfolio-layer">{KPI_LAYER_LABELS[e.kpi.layer]}</span>
                  </td>
                  <td className="num">
                    {latest ? formatValue(latest.value, e.kpi.unit) : '—'}
                    {latest ? <span className="kpis-portfolio-date">{shortDate(latest.date)}</span> : null}
                  </td>
                  <td>
                    <StatusBadge band={e.status.band} breached={e.status.guardrailBreached} />
                  </td>
                  <td className="kpis-portfolio-action">
                    {e.status.action ? (
                      <>
                        <span className="visually-hidden">{BAND_LABELS[band]} response: </span>
                        {e.status.action}
                      </>
                    ) : (
                      <span className="kpi-flag-text">No response agreed for {BAND_LABELS[band].toLowerCase()}.</span>
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
