import { useState } from 'react';
import { CRITERIA, type Criterion } from '../../domain/model';
import { formatScore, type ConsensusValue, type Quadrant } from '../../domain/scoring';
import { useT } from '../../i18n/react';
import type { AppTranslator } from '../../i18n/app-catalog';
import { MATRIX_LEVELS, quadrantOfCell, type Cell, type QuadrantCounts } from '../../domain/matrix-layout';
import type { MatrixEntry } from './use-matrix-data';
import { DraggableCard, readinessText } from './MatrixCard';

/** Most promising first, as a facilitator reads them out. */
const LEGEND_ORDER: readonly Quadrant[] = ['quick-wins', 'strategic-bets', 'fill-ins', 'deprioritize'];

/** Quadrant counts and the readiness colour scale. */
export function MatrixLegend({ counts }: { counts: QuadrantCounts }) {
  const { t } = useT();
  return (
    <section className="mx-panel mx-legend" aria-labelledby="mx-legend-title">
      <h2 id="mx-legend-title" className="visually-hidden">
        {t('method.matrix.legend')}
      </h2>
      <ul className="mx-quadrant-counts" aria-label={t('method.matrix.perQuadrant')}>
        {LEGEND_ORDER.map((q) => (
          <li key={q} className={`mx-q-${q} mx-qc-${q}`}>
            <span className="mx-qc-name">{t(`quadrant.${q}`)}</span>
            <span className="mx-qc-count" data-testid={`count-${q}`}>
              {counts[q]}
            </span>
          </li>
        ))}
      </ul>
      <div className="mx-readiness-legend">
        <span className="mx-rl-title" id="mx-rl-title" title={t('criterion.readiness')}>
          {t('method.matrix.cardColour')}
        </span>
        <ol className="mx-rl-scale" aria-labelledby="mx-rl-title">
          {MATRIX_LEVELS.map((r) => (
            <li key={r} className={`mx-band mx-ready-${r}`} aria-label={t('matrix.readinessLevel', { level: r })}>
              {r}
            </li>
          ))}
          <li className="mx-band mx-ready-none" aria-label={t('matrix.readinessNone')}>
            –
          </li>
        </ol>
        <span className="mx-rl-ends" aria-hidden="true">
          <span>{t('method.matrix.low')}</span>
          <span>{t('method.matrix.high')}</span>
          <span>{t('method.matrix.none')}</span>
        </span>
      </div>
    </section>
  );
}

export function MatrixTray({ entries, selectedId, onSelect }: { entries: MatrixEntry[]; selectedId: string | null; onSelect: (id: string) => void }) {
  const { t } = useT();
  return (
    <section className="mx-panel mx-tray" aria-labelledby="mx-tray-title">
      <h2 id="mx-tray-title" className="mx-panel-title">
        {t('matrix.trayTitle')}{' '}
        <span className="count" data-testid="count-unplaced">
          {entries.length}
        </span>
      </h2>
      {entries.length === 0 ? (
        <p className="mx-hint">{t('matrix.trayAllPlaced')}</p>
      ) : (
        <>
          <p className="mx-hint">{t('matrix.trayHint')}</p>
          <div className="mx-tray-list mx-scroll" role="group" aria-label={t('matrix.trayLabel')}>
            {entries.map((e) => (
              <DraggableCard key={e.id} entry={e} selected={e.id === selectedId} onSelect={onSelect} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}

function sourceText(v: ConsensusValue, t: AppTranslator['t']): string {
  if (v.source === 'round' && v.roundNumber) return t('matrix.source.roundNumber', { number: v.roundNumber });
  return t(`matrix.source.${v.source}`);
}

/** The non-drag way to place a card: pick impact and feasibility, press Place. */
export function SelectedCard({
  entry,
  onPlace,
  onClose,
}: {
  entry: MatrixEntry;
  onPlace: (entry: MatrixEntry, cell: Cell) => void;
  onClose: () => void;
}) {
  const { t, locale } = useT();
  const [impact, setImpact] = useState(entry.cell?.impact ?? 3);
  const [feasibility, setFeasibility] = useState(entry.cell?.feasibility ?? 3);
  const target = { impact, feasibility };
  const targetQuadrant = t(`quadrant.${quadrantOfCell(target)}`);
  const unchanged = entry.cell !== null && entry.cell.impact === impact && entry.cell.feasibility === feasibility;
  return (
    <section className="mx-panel mx-selected" aria-labelledby="mx-selected-title">
      <div className="mx-selected-head">
        <h2 id="mx-selected-title" className="mx-panel-title" title={entry.title}>
          {entry.rank ? `${entry.rank}. ` : ''}
          {entry.title}
        </h2>
        <button type="button" className="btn btn-ghost btn-small" aria-label={t('matrix.closeSelected')} onClick={onClose}>
          ✕
        </button>
      </div>
      <dl className="mx-consensus">
        {CRITERIA.map((c: Criterion) => (
          <div key={c}>
            <dt>{t(`criterion.${c}`)}</dt>
            <dd>
              <strong>{c === 'readiness' ? readinessText(t, entry.consensus[c].value) : formatScore(entry.consensus[c].value)}</strong>{' '}
              <span className="muted">{sourceText(entry.consensus[c], t)}</span>
            </dd>
          </div>
        ))}
      </dl>
      <form
        className="mx-place-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!unchanged) onPlace(entry, target);
        }}
      >
        <label>
          <span>{t('matrix.impact')}</span>
          <select value={impact} onChange={(e) => setImpact(Number(e.target.value))}>
            {MATRIX_LEVELS.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('matrix.feasibility')}</span>
          <select value={feasibility} onChange={(e) => setFeasibility(Number(e.target.value))}>
            {MATRIX_LEVELS.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn btn-primary btn-small" disabled={unchanged} title={t('matrix.placeAt', { impact, feasibility, quadrant: locale === 'de' ? targetQuadrant : targetQuadrant.toLowerCase() })}>
          {t('matrix.place')}
        </button>
      </form>
      <p className="mx-hint">{targetQuadrant}</p>
    </section>
  );
}
