// The KPIs tab: on top, every KPI out of its green band across the workshop with the response
// agreed for it; below, a use case picker and the chosen use case's KPIs in the four layers, each
// editable in place with its measurements and trend.
import type { Language } from '../../domain/languages';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { save } from '../../app/persist';
import { repos } from '../../app/repos';
import { routeHref } from '../../app/router';
import { KPI_LAYERS, SHORT_TEXT_MAX, type KpiLayer, type UseCase, type Workshop } from '../../domain/model';
import { KPI_LAYER_HINTS, KPI_LAYER_LABELS } from '../../domain/kpi';
import { libraryFor } from '../../domain/kpi-library';
import { defaultDateOrder, type DateOrder } from '../../domain/measurement-paste';
import { KpiCard } from './KpiCard';
import { PortfolioBreaches } from './PortfolioBreaches';
import { ForecastTable } from './ForecastTable';
import { useKpisData, type KpiEntry } from './use-kpis-data';
import './kpis.css';

const DATE_ORDER_KEY = 'liftoff.kpis.dateOrder';

function useDateOrder(): [DateOrder, (o: DateOrder) => void] {
  const [order, setOrder] = useState<DateOrder>(() => {
    const stored = window.localStorage.getItem(DATE_ORDER_KEY);
    return stored === 'dmy' || stored === 'mdy' ? stored : defaultDateOrder(navigator.language);
  });
  return [
    order,
    (o) => {
      setOrder(o);
      window.localStorage.setItem(DATE_ORDER_KEY, o);
    },
  ];
}

export function KpisView({ workshop, useCaseId, focusKpiId }: { workshop: Workshop; useCaseId?: string | undefined; focusKpiId?: string | undefined }) {
  const data = useKpisData(workshop.id);
  const [dateOrder, setDateOrder] = useDateOrder();
  const [focusKpi, setFocusKpi] = useState<string | null>(focusKpiId ?? null);
  // A link to one KPI (from the health check) scrolls to it and highlights it, also when the tab is already open.
  const [seenFocus, setSeenFocus] = useState(focusKpiId);
  if (focusKpiId !== seenFocus) {
    setSeenFocus(focusKpiId);
    if (focusKpiId) setFocusKpi(focusKpiId);
  }

  useEffect(() => {
    if (!focusKpi) return;
    const el = document.getElementById(`kpi-${focusKpi}`);
    if (!el) return;
    el.scrollIntoView({ block: 'start' });
    el.querySelector<HTMLElement>('h5')?.focus({ preventScroll: true });
  }, [focusKpi, data, useCaseId]);

  if (!data) return <p className="muted">Loading KPIs…</p>;
  const selected = data.useCases.find((u) => u.id === useCaseId) ?? data.useCases[0] ?? null;
  const staleLink = useCaseId !== undefined && !data.useCases.some((u) => u.id === useCaseId);

  return (
    <div className="kpis">
      <div className="kpis-head">
        <h1 className="section-title">KPIs</h1>
        <p className="muted">
          Each use case is measured in four layers. A baseline shows the improvement, thresholds say when to act, and each band carries the
          response agreed in advance.
        </p>
      </div>
      <PortfolioBreaches workshopId={workshop.id} data={data} onOpen={(kpiId) => setFocusKpi(kpiId)} />
      {data.useCases.length === 0 ? (
        <div className="empty-state">
          <p>KPIs belong to use cases. Capture the use cases first, then give each its baseline, target and thresholds.</p>
          <a className="btn btn-primary" href={routeHref({ name: 'workshop', workshopId: workshop.id, tab: 'use-cases' })}>
            Go to use cases
          </a>
        </div>
      ) : (
        <div className="kpis-layout">
          <UseCasePicker workshopId={workshop.id} useCases={data.useCases} byUseCase={data.byUseCase} selectedId={selected?.id ?? null} />
          <div className="kpis-main">
            {staleLink ? <p className="error-text">That use case is no longer in this workshop; showing {selected?.title} instead.</p> : null}
            {selected ? (
              <UseCaseKpis
                useCase={selected}
                language={workshop.language}
                entries={data.byUseCase.get(selected.id) ?? []}
                dateOrder={dateOrder}
                onDateOrder={setDateOrder}
                focusKpi={focusKpi}
              />
            ) : null}
          </div>
        </div>
      )}
    </div>
  );
}

function UseCasePicker({
  workshopId,
  useCases,
  byUseCase,
  selectedId,
}: {
  workshopId: string;
  useCases: UseCase[];
  byUseCase: Map<string, KpiEntry[]>;
  selectedId: string | null;
}) {
  return (
    <nav className="panel kpis-picker" aria-label="Use cases">
      <h3 className="kpis-picker-title">Use cases</h3>
      <ul>
        {useCases.map((uc) => {
          const entries = byUseCase.get(uc.id) ?? [];
          const attention = entries.filter((e) => e.status.needsAttention).length;
          const active = uc.id === selectedId;
          return (
            <li key={uc.id}>
              <a
                href={routeHref({ name: 'workshop', workshopId, tab: 'kpis', useCaseId: uc.id })}
                className={`kpis-picker-item${active ? ' kpis-picker-active' : ''}`}
                aria-current={active ? 'page' : undefined}
              >
                <span className="kpis-picker-name">{uc.title}</span>
                <span className="kpis-picker-counts">
                  <span>
                    {entries.length} {entries.length === 1 ? 'KPI' : 'KPIs'}
                  </span>
                  {attention > 0 ? <span className="kpis-picker-breach">{attention} out of green</span> : null}
                </span>
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function UseCaseKpis({
  useCase,
  language,
  entries,
  dateOrder,
  onDateOrder,
  focusKpi,
}: {
  useCase: UseCase;
  /** The workshop's: the library offers its KPIs in the words they will be stored in. */
  language: Language;
  entries: KpiEntry[];
  dateOrder: DateOrder;
  onDateOrder: (o: DateOrder) => void;
  focusKpi: string | null;
}) {
  return (
    <section aria-labelledby="kpis-uc-title">
      <div className="kpis-uc-head">
        <h3 id="kpis-uc-title">{useCase.title}</h3>
        <span className="muted">
          {entries.length} {entries.length === 1 ? 'KPI' : 'KPIs'}
          {entries.length > 0 ? ` · ${entries.filter((e) => e.kpi.baseline !== null).length} with a baseline` : ''}
        </span>
      </div>
      <ForecastTable entries={entries} />
      {KPI_LAYERS.map((layer) => (
        <LayerSection
          key={layer}
          useCaseId={useCase.id}
          language={language}
          layer={layer}
          entries={entries.filter((e) => e.kpi.layer === layer)}
          dateOrder={dateOrder}
          onDateOrder={onDateOrder}
          focusKpi={focusKpi}
        />
      ))}
    </section>
  );
}

function LayerSection({
  useCaseId,
  language,
  layer,
  entries,
  dateOrder,
  onDateOrder,
  focusKpi,
}: {
  useCaseId: string;
  language: Language;
  layer: KpiLayer;
  entries: KpiEntry[];
  dateOrder: DateOrder;
  onDateOrder: (o: DateOrder) => void;
  focusKpi: string | null;
}) {
  const titleId = useId();
  const have = new Set(entries.map((e) => e.kpi.name.toLowerCase()));
  const suggestions = libraryFor(layer, language).filter((t) => !have.has(t.name.toLowerCase()));
  const [custom, setCustom] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const addCustom = async (e: FormEvent) => {
    e.preventDefault();
    const name = (custom ?? '').trim();
    if (!name) {
      setError('Give the KPI a name.');
      return;
    }
    const made = await save(() => repos.kpis.add(useCaseId, layer, name));
    if (made) {
      setCustom(null);
      setError(null);
    }
  };
  return (
    <section className="kpi-layer" aria-labelledby={titleId} data-testid={`kpi-layer-${layer}`}>
      <div className="kpi-layer-head">
        <h4 id={titleId}>
          {KPI_LAYER_LABELS[layer]} <span className="count">{entries.length}</span>
        </h4>
        <p className="muted">{KPI_LAYER_HINTS[layer]}</p>
      </div>
      <div className="kpi-library" role="group" aria-label={`Add a ${KPI_LAYER_LABELS[layer].toLowerCase()} KPI`}>
        <span className="kpi-library-label">Add:</span>
        {suggestions.map((t) => (
          <button
            key={t.key}
            type="button"
            className="btn btn-small kpi-library-btn"
            title={t.definition}
            aria-label={`Add ${t.name} (${KPI_LAYER_LABELS[layer]})`}
            onClick={() => void save(() => repos.kpis.addFromLibrary(useCaseId, t.key))}
          >
            + {t.name}
          </button>
        ))}
        {custom === null ? (
          <button type="button" className="btn btn-small btn-ghost" onClick={() => setCustom('')}>
            + Custom KPI…
          </button>
        ) : (
          <form className="kpi-custom" onSubmit={(e) => void addCustom(e)} noValidate>
            <label className="visually-hidden" htmlFor={`${titleId}-custom`}>
              Name of the new {KPI_LAYER_LABELS[layer].toLowerCase()} KPI
            </label>
            <input
              id={`${titleId}-custom`}
              value={custom}
              autoFocus
              maxLength={SHORT_TEXT_MAX}
              placeholder="KPI name"
              onChange={(e) => {
                setCustom(e.target.value);
                setError(null);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  e.stopPropagation();
                  setCustom(null);
                  setError(null);
                }
              }}
              aria-invalid={error ? true : undefined}
            />
            <button type="submit" className="btn btn-small btn-primary">
              Add KPI
            </button>
            <button type="button" className="btn btn-small btn-ghost" onClick={() => setCustom(null)}>
              Cancel
            </button>
            {error ? (
              <p className="field-error" role="alert">
                {error}
              </p>
            ) : null}
          </form>
        )}
      </div>
      {entries.map((e) => (
        <KpiCard key={e.kpi.id} entry={e} dateOrder={dateOrder} onDateOrder={onDateOrder} highlighted={focusKpi === e.kpi.id} />
      ))}
    </section>
  );
}
