// The trend chart of one KPI: inline SVG drawn from domain/kpi-chart.ts geometry (no chart
// library: the PDF export draws the same vectors), with a data table for those who cannot see it.
import { useId, useState } from 'react';
import type { Kpi, Measurement } from '../../domain/model';
import { CHART_COLOURS, kpiChart } from '../../domain/kpi-chart';
import { bandOf, formatValueIn, guardrailBreached } from '../../domain/kpi';
import { useT } from '../../i18n/react';
import { bandLabel, readerDate } from '../../shared/stage-words';
import { messageText } from '../../shared/message-text';
import type { Message } from '../../domain/message';

export function KpiChart({ kpi, measurements }: { kpi: Kpi; measurements: Measurement[] }) {
  const [asTable, setAsTable] = useState(false);
  const tableId = useId();
  const { t, lang } = useT();
  const g = kpiChart(kpi, measurements);
  const say = (m: Message) => messageText(t, lang, m);
  const summary = say(g.summaryMessage);
  // The axis writes short dates as the reader does: "2 Mar" in English, "2. März" in German.
  const tick = (date: string, withYear: boolean) =>
    lang === 'en' ? undefined : new Intl.DateTimeFormat(lang, withYear ? { day: 'numeric', month: 'short', year: 'numeric' } : { day: 'numeric', month: 'short' }).format(new Date(`${date}T12:00:00Z`));
  const { plot } = g;
  return (
    <figure className="kpi-chart" data-testid="kpi-chart">
      <div className="kpi-chart-head">
        <figcaption className="kpi-chart-title">{kpi.unit ? t('kpis.c.trendUnit', { unit: kpi.unit }) : t('kpis.c.trend')}</figcaption>
        <button type="button" className="btn btn-small btn-ghost" aria-expanded={asTable} aria-controls={tableId} onClick={() => setAsTable((v) => !v)}>
          {asTable ? t('kpis.c.showChart') : t('kpis.c.showTable')}
        </button>
      </div>
      {asTable ? (
        <div id={tableId} className="kpi-chart-table-wrap">
          <table className="kpi-table">
            <caption className="visually-hidden">{summary}</caption>
            <thead>
              <tr>
                <th scope="col">{t('kpis.m.date')}</th>
                <th scope="col">{t('kpis.m.value')}</th>
                <th scope="col">{t('kpis.m.band')}</th>
              </tr>
            </thead>
            <tbody>
              {g.points.length === 0 ? (
                <tr>
                  <td colSpan={3} className="muted">
                    {t('kpis.c.noneYet')}
                  </td>
                </tr>
              ) : (
                g.points.map((p) => (
                  <tr key={`${p.date}-${p.x}-${p.value}`}>
                    <td>{readerDate(lang, p.date)}</td>
                    <td className="num">{formatValueIn(lang, p.value, kpi.unit)}</td>
                    <td>
                      {p.band ? bandLabel(t, p.band) : '—'}
                      {guardrailBreached(kpi, p.value) ? t('kpis.c.guardrailBreached') : ''}
                    </td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
          <p className="field-hint">{g.lines.map((l) => say(l.labelMessage)).join(' · ') || t('kpiText.chart.noLines')}</p>
        </div>
      ) : (
        <svg
          id={tableId}
          className="kpi-chart-svg"
          viewBox={`0 0 ${g.width} ${g.height}`}
          role="img"
          aria-label={summary}
          preserveAspectRatio="xMidYMid meet"
          fontFamily="system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif"
        >
          {g.bands.map((b) => (
            <rect key={`${b.band}-${b.y}`} x={plot.left} y={b.y} width={plot.right - plot.left} height={b.height} fill={b.fill} />
          ))}
          {g.yTicks.map((t) => (
            <g key={`y${t.label}`}>
              <line x1={plot.left} x2={plot.right} y1={t.y} y2={t.y} stroke={CHART_COLOURS.grid} strokeWidth={1} />
              <text x={plot.left - 6} y={t.y + 4} textAnchor="end" fontSize={12} fill={CHART_COLOURS.text}>
                {lang === 'en' ? t.label : formatValueIn(lang, t.value)}
              </text>
            </g>
          ))}
          <line x1={plot.left} x2={plot.left} y1={plot.top} y2={plot.bottom} stroke={CHART_COLOURS.axis} />
          <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} stroke={CHART_COLOURS.axis} />
          {g.xTicks.map((t) => (
            <g key={`x${t.label}`}>
              <line x1={t.x} x2={t.x} y1={plot.bottom} y2={plot.bottom + 4} stroke={CHART_COLOURS.axis} />
              <text x={t.x} y={plot.bottom + 17} textAnchor="middle" fontSize={12} fill={CHART_COLOURS.text}>
                {tick(t.date, t.withYear) ?? t.label}
              </text>
            </g>
          ))}
          {g.lines.map((l) => (
            <g key={l.kind} data-line={l.kind}>
              <line x1={plot.left} x2={plot.right} y1={l.y} y2={l.y} stroke={l.colour} strokeWidth={1.5} strokeDasharray={l.dash} />
              <line x1={plot.right} x2={plot.right + 5} y1={l.y} y2={l.labelY - 4} stroke={l.colour} strokeWidth={1} />
              <text x={plot.right + 7} y={l.labelY} fontSize={12.5} fontWeight={600} fill={l.colour}>
                {say(l.labelMessage)}
              </text>
            </g>
          ))}
          {g.path ? <path d={g.path} fill="none" stroke={CHART_COLOURS.line} strokeWidth={2} strokeLinejoin="round" /> : null}
          {g.points.map((p) => (
            <circle key={`${p.date}-${p.x}-${p.value}`} cx={p.x} cy={p.y} r={4.5} fill={p.colour} stroke="#fff" strokeWidth={1.5}>
              <title>{say(p.labelMessage)}</title>
            </circle>
          ))}
          {g.points.length === 0 ? (
            <text x={(plot.left + plot.right) / 2} y={(plot.top + plot.bottom) / 2} textAnchor="middle" fontSize={13} fill={CHART_COLOURS.text}>
              {t('kpis.c.noneYetChart')}
            </text>
          ) : null}
        </svg>
      )}
    </figure>
  );
}

/** The band a single measurement falls in, as text with a coloured dot. */
export function BandTag({ kpi, value }: { kpi: Kpi; value: number }) {
  const band = bandOf(kpi, value);
  const breached = guardrailBreached(kpi, value);
  const { t } = useT();
  return (
    <span className={`kpi-band-tag kpi-band-${band ?? 'none'}`}>
      <span className="kpi-dot" aria-hidden="true" />
      {band ? bandLabel(t, band) : '—'}
      {breached ? <span className="kpi-breach-mark">{t('kpis.c.guardrail')}</span> : null}
    </span>
  );
}
