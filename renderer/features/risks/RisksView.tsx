// The risk register: workshop-wide risks and each use case's, scored likelihood × impact, on a
// 5×5 heat map whose cells filter the register; late mitigations are flagged in words.
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { repos } from '../../app/repos';
import type { Workshop } from '../../domain/model';
import { todayIso } from '../../domain/dates';
import {
  NO_RISK_FILTER,
  RISK_BANDS,
  filterRisks,
  heatMapCounts,
  isFilteringRisks,
  isOverdue,
  riskBandRange,
  riskSummary,
  sortRisks,
  type RiskCell,
  type RiskFilter,
} from '../../domain/risks';
import { useNow } from '../../shared/use-now';
import { useT } from '../../i18n/react';
import { riskBandLabel } from '../../shared/stage-words';
import { usePageList } from '../../shared/use-page-list';
import { RiskHeatMap } from './RiskHeatMap';
import { RiskRow } from './RiskRow';
import { QuickAddRisk, RiskFilters, type AddedRisk } from './RiskControls';
import './risks.css';

function scopeFor(useCaseId: string | undefined): RiskFilter['scope'] {
  return useCaseId ? { kind: 'use-case', useCaseId } : { kind: 'all' };
}

export function RisksView({ workshop, useCaseId }: { workshop: Workshop; useCaseId?: string | undefined }) {
  const data = useLiveQuery(async () => {
    const [risks, useCases] = await Promise.all([repos.risks.list(workshop.id), repos.useCases.list(workshop.id)]);
    return { risks, useCases };
  }, [workshop.id]);
  const now = useNow(60_000);
  const { t } = useT();
  const today = todayIso(new Date(now));

  // `#/w/<ws>/risks/<uc>` opens the register filtered to that use case.
  const [filter, setFilterState] = useState<RiskFilter>(() => ({ ...NO_RISK_FILTER, scope: scopeFor(useCaseId) }));
  // The risk just added, while the filters hide it: said once, until the filters change.
  const [lastAdded, setLastAdded] = useState<AddedRisk | null>(null);
  const setFilter = (next: RiskFilter | ((f: RiskFilter) => RiskFilter)) => {
    setLastAdded(null);
    setFilterState(next);
  };
  const [routeSeen, setRouteSeen] = useState(useCaseId);
  if (useCaseId !== routeSeen) {
    setRouteSeen(useCaseId);
    setLastAdded(null);
    setFilterState((f) => ({ ...f, scope: scopeFor(useCaseId), cell: null }));
  }

  const useCases = useMemo(() => data?.useCases ?? [], [data]);
  const all = useMemo(() => data?.risks ?? [], [data]);
  // A link to a use case that is not (or no longer) in this workshop shows every risk.
  const effective = useMemo<RiskFilter>(() => {
    const { scope } = filter;
    const known = scope.kind !== 'use-case' || data === undefined || useCases.some((u) => u.id === scope.useCaseId);
    return known ? filter : { ...filter, scope: { kind: 'all' } };
  }, [filter, data, useCases]);

  const withoutCell = useMemo(() => filterRisks(all, { ...effective, cell: null }, today), [all, effective, today]);
  const counts = useMemo(() => heatMapCounts(withoutCell), [withoutCell]);
  const shown = useMemo(() => sortRisks(filterRisks(withoutCell, { ...NO_RISK_FILTER, cell: effective.cell }, today)), [withoutCell, effective.cell, today]);
  const summary = riskSummary(all, today);
  const useCaseTitle = new Map(useCases.map((u) => [u.id, u.title]));
  const filtering = isFilteringRisks(effective);
  // While someone is working in the register its order holds still (a new score must not pull the
  // row away from under the cursor or the keyboard); it sorts again once focus leaves the list.
  const [heldOrder, setHeldOrder] = useState<string[] | null>(null);
  const listed = heldOrder ? holdOrder(shown, heldOrder) : shown;
  // Each row is a form of its own (a text field, five lists, a due date, a mitigation): with
  // hundreds of risks only the rows near the view are in the page. The row being edited stays in
  // the page even when scrolled out of view, so its focus and half-typed text are kept.
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const focusedIndex = focusedId === null ? -1 : listed.findIndex((r) => r.id === focusedId);
  const { attach, rows, height, topOf, measure } = usePageList<HTMLOListElement>({
    count: listed.length,
    estimate: 190,
    gap: 10,
    getKey: (i) => listed[i]?.id ?? String(i),
    keep: [focusedIndex],
  });
  const hiddenAdded = lastAdded && all.some((r) => r.id === lastAdded.id) && !shown.some((r) => r.id === lastAdded.id) ? lastAdded : null;

  if (data === undefined) return null;

  const toggleCell = (cell: RiskCell) =>
    setFilter((f) => ({ ...f, cell: f.cell?.likelihood === cell.likelihood && f.cell.impact === cell.impact ? null : cell }));
  const clearCell = () => setFilter((f) => ({ ...f, cell: null }));
  const scopeUseCaseId = effective.scope.kind === 'use-case' ? effective.scope.useCaseId : null;

  return (
    <div className="rk">
      <header className="rk-header">
        <h1 className="section-title">
          {t('risks.title')} <span className="count">{all.length}</span>
        </h1>
        <p className="rk-header-figures" data-testid="risk-figures">
          <span>
            <strong>{summary.active}</strong> {t('risks.active')} <span className="muted">{t('risks.openOrMitigating')}</span>
            {summary.active > 0 ? (
              <>
                : <strong>{summary.activeByBand.critical}</strong> {t('risks.criticalHigh')}, <strong>{summary.activeByBand.high}</strong> {t('risks.high')}
              </>
            ) : null}
          </span>
          {summary.overdue > 0 ? (
            <button
              type="button"
              className={`rk-overdue-count${effective.overdueOnly ? ' rk-overdue-count-on' : ''}`}
              aria-pressed={effective.overdueOnly}
              data-testid="risk-overdue-count"
              title={effective.overdueOnly ? t('risks.showEvery') : t('risks.showOverdue')}
              onClick={() => setFilter((f) => ({ ...f, overdueOnly: !f.overdueOnly }))}
            >
              <span aria-hidden="true">⚠ </span>
              {t('risks.overdueCount', { count: summary.overdue })}
            </button>
          ) : (
            <span className="rk-none-overdue" data-testid="risk-overdue-count">
              {t('risks.noneOverdue')}
            </span>
          )}
        </p>
      </header>

      <section className="panel rk-add-panel" aria-label={t('risks.addRisks')}>
        <QuickAddRisk workshopId={workshop.id} useCases={useCases} defaultUseCaseId={scopeUseCaseId} onAdded={setLastAdded} />
        {hiddenAdded ? (
          <p className="rk-hidden-note" role="status">
            {t('risks.addedHidden', { title: hiddenAdded.title })}{' '}
            <button type="button" className="btn btn-small" onClick={() => setFilter(NO_RISK_FILTER)}>
              {t('risks.showAll')}
            </button>
          </p>
        ) : null}
      </section>

      <div className="rk-top">
        <RiskHeatMap counts={counts} selected={effective.cell} onToggle={toggleCell} total={withoutCell.length} filtered={isFilteringRisks({ ...effective, cell: null })} />
        <section className="panel rk-side" aria-labelledby="rk-side-title">
          <h2 id="rk-side-title" className="rk-panel-title">
            {t('risks.howScored')}
          </h2>
          <p className="rk-method">
            <strong>{t('risks.scoreFormula')}</strong>
            {t('risks.scoreScale')}
          </p>
          <ul className="rk-bands" aria-label={t('risks.bands')}>
            {[...RISK_BANDS].reverse().map((b) => (
              <li key={b}>
                <span className={`rk-swatch rk-band-${b}`} aria-hidden="true" />
                <span className="rk-bands-name" id={`rk-band-${b}-name`}>
                  {riskBandLabel(t, b)} {riskBandRange(b)}
                </span>
                <span className="rk-bands-count">{t('risks.activeCount', { count: summary.activeByBand[b] })}</span>
              </li>
            ))}
          </ul>
          <p className="muted rk-method-note">
            <strong>{t('risks.overdue')}</strong>
            {t('risks.overdueExplained')}
          </p>
          <RiskFilters filter={effective} onChange={setFilter} useCases={useCases} />
          {filtering ? (
            <button type="button" className="btn btn-small" onClick={() => setFilter(NO_RISK_FILTER)}>
              {t('risks.clearAll')}
            </button>
          ) : null}
        </section>
      </div>

      <section className="panel rk-register" aria-labelledby="rk-register-title">
        <div className="rk-panel-head">
          <h2 id="rk-register-title" className="rk-panel-title">
            {t('risks.register')}
          </h2>
          <p className="muted rk-shown" aria-live="polite" data-testid="risk-shown">
            {filtering ? t('risks.showingOf', { shown: shown.length, count: all.length }) : t('risks.count', { count: all.length })}
            {effective.scope.kind === 'use-case' ? ` · ${useCaseTitle.get(effective.scope.useCaseId) ?? ''}` : ''}
            {effective.scope.kind === 'workshop' ? t('risks.workshopWideOnly') : ''}
          </p>
        </div>
        {effective.cell ? (
          <p className="rk-chip" data-testid="risk-cell-filter">
            <span>
              {t('risks.filteredCell', { likelihood: effective.cell.likelihood, impact: effective.cell.impact })}
            </span>
            <button type="button" className="btn btn-small" aria-label={t('risks.clearHeatMap')} onClick={clearCell}>
              {t('risks.clear')}
            </button>
          </p>
        ) : null}
        {all.length === 0 ? (
          <p className="empty-hint">{t('risks.empty')}</p>
        ) : shown.length === 0 ? (
          <p className="empty-hint">{t('risks.noMatch')}</p>
        ) : (
          // The height and each row's place are set through the DOM (style props), never style attributes: the CSP forbids those.
          <ol
            className="rk-list page-list"
            aria-label={t('risks.listLabel')}
            ref={attach}
            style={{ height: `${height}px` }}
            onFocus={(e) => {
              if (!heldOrder) setHeldOrder(shown.map((r) => r.id));
              const row = (e.target as HTMLElement).closest<HTMLElement>('[data-risk-id]');
              if (row?.dataset.riskId) setFocusedId(row.dataset.riskId);
            }}
            onBlur={(e) => {
              if (e.currentTarget.contains(e.relatedTarget as Node | null)) return;
              setHeldOrder(null);
              setFocusedId(null);
            }}
          >
            {rows.map((row) => {
              const r = listed[row.index];
              if (!r) return null;
              return (
                <RiskRow
                  key={r.id}
                  risk={r}
                  useCases={useCases}
                  overdue={isOverdue(r, today)}
                  place={{ index: row.index, of: listed.length, top: topOf(row) }}
                  measure={measure}
                />
              );
            })}
          </ol>
        )}
      </section>
    </div>
  );
}

/** The rows in the order they had when editing began; rows that were not there yet follow, sorted. */
function holdOrder<R extends { id: string }>(sorted: R[], held: string[]): R[] {
  const position = new Map(held.map((id, i) => [id, i]));
  return [...sorted].sort((a, b) => (position.get(a.id) ?? held.length) - (position.get(b.id) ?? held.length));
}
