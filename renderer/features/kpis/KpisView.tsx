// The KPIs tab: on top, every KPI out of its green band across the workshop with the response
// agreed for it; below, a use case picker and the chosen use case's KPIs in the four layers, each
// editable in place with its measurements and trend.
import type { Language } from '../../domain/languages';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { save } from '../../app/persist';
import { repos } from '../../app/repos';
import { routeHref } from '../../app/router';
import { KPI_LAYERS, SHORT_TEXT_MAX, type KpiLayer, type UseCase, type Workshop } from '../../domain/model';
import { useT } from '../../i18n/react';
import type { AppMessageId } from '../../i18n/app-catalog';
import { layerLabel } from '../../shared/stage-words';
import { guessLanguage, useHyphenate } from '../../shared/hyphenate';

const LAYER_HINTS: Record<KpiLayer, AppMessageId> = {
  'model-quality': 'kpis.layerHint.modelQuality',
  'operational-performance': 'kpis.layerHint.operational',
  'business-impact': 'kpis.layerHint.businessImpact',
  'governance-health': 'kpis.layerHint.governance',
};
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
  const { t } = useT();
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

  if (!data) return <p className="muted">{t('kpis.loading')}</p>;
  const selected = data.useCases.find((u) => u.id === useCaseId) ?? data.useCases[0] ?? null;
  const staleLink = useCaseId !== undefined && !data.useCases.some((u) => u.id === useCaseId);

  return (
    <div className="kpis">
      <div className="kpis-head">
        <h1 className="section-title">{t('kpis.title')}</h1>
        <p className="muted">{t('kpis.intro')}</p>
      </div>
      <PortfolioBreaches workshopId={workshop.id} data={data} onOpen={(kpiId) => setFocusKpi(kpiId)} />
      {data.useCases.length === 0 ? (
        <div className="empty-state">
          <p>{t('kpis.emptyBody')}</p>
          <a className="btn btn-primary" href={routeHref({ name: 'workshop', workshopId: workshop.id, tab: 'use-cases' })}>
            {t('kpis.goToUseCases')}
          </a>
        </div>
      ) : (
        <div className="kpis-layout">
          <UseCasePicker workshopId={workshop.id} useCases={data.useCases} byUseCase={data.byUseCase} selectedId={selected?.id ?? null} />
          <div className="kpis-main">
            {staleLink ? <p className="error-text">{t('kpis.staleLink', { title: selected?.title ?? '' })}</p> : null}
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
  const { t } = useT();
  // Soft hyphens by the title's own language (the user typed it): see shared/hyphenate.ts.
  const hyphenate = useHyphenate();
  return (
    <nav className="panel kpis-picker" aria-label={t('kpis.useCases')}>
      <h3 className="kpis-picker-title">{t('kpis.useCases')}</h3>
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
                <span className="kpis-picker-name" lang={guessLanguage(uc.title)}>
                  {hyphenate(uc.title)}
                </span>
                <span className="kpis-picker-counts">
                  <span>{t('kpis.count', { count: entries.length })}</span>
                  {attention > 0 ? <span className="kpis-picker-breach">{t('kpis.outOfGreen', { count: attention })}</span> : null}
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
  const { t } = useT();
  return (
    <section aria-labelledby="kpis-uc-title">
      <div className="kpis-uc-head">
        <h3 id="kpis-uc-title">{useCase.title}</h3>
        <span className="muted">
          {t('kpis.count', { count: entries.length })}
          {entries.length > 0 ? t('kpis.withBaseline', { count: entries.filter((e) => e.kpi.baseline !== null).length }) : ''}
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
  const { t, lang } = useT();
  const layerName = layerLabel(t, layer);
  const have = new Set(entries.map((e) => e.kpi.name.toLowerCase()));
  const suggestions = libraryFor(layer, language).filter((s) => !have.has(s.name.toLowerCase()));
  const [custom, setCustom] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const addCustom = async (e: FormEvent) => {
    e.preventDefault();
    const name = (custom ?? '').trim();
    if (!name) {
      setError(t('kpis.nameRequired'));
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
          {layerName} <span className="count">{entries.length}</span>
        </h4>
        <p className="muted">{t(LAYER_HINTS[layer])}</p>
      </div>
      <div className="kpi-library" role="group" aria-label={t('kpis.addLayerKpi', { layer: lang === 'de' ? layerName : layerName.toLocaleLowerCase(lang) })}>
        <span className="kpi-library-label">{t('kpis.add')}</span>
        {suggestions.map((s) => (
          <button
            key={s.key}
            type="button"
            className="btn btn-small kpi-library-btn"
            title={s.definition}
            aria-label={t('kpis.addFromLibrary', { name: s.name, layer: layerName })}
            onClick={() => void save(() => repos.kpis.addFromLibrary(useCaseId, s.key))}
          >
            + {s.name}
          </button>
        ))}
        {custom === null ? (
          <button type="button" className="btn btn-small btn-ghost" onClick={() => setCustom('')}>
            {t('kpis.custom')}
          </button>
        ) : (
          <form className="kpi-custom" onSubmit={(e) => void addCustom(e)} noValidate>
            <label className="visually-hidden" htmlFor={`${titleId}-custom`}>
              {t('kpis.customName', { layer: lang === 'de' ? layerName : layerName.toLocaleLowerCase(lang) })}
            </label>
            <input
              id={`${titleId}-custom`}
              value={custom}
              autoFocus
              maxLength={SHORT_TEXT_MAX}
              placeholder={t('kpis.namePlaceholder')}
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
              {t('kpis.addKpi')}
            </button>
            <button type="button" className="btn btn-small btn-ghost" onClick={() => setCustom(null)}>
              {t('kpis.cancel')}
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
