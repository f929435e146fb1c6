// The 5×5 heat map: likelihood up, impact across, each cell a button with its count and band.
// One cell is in the tab order at a time; the arrow keys move between cells (a roving tab stop),
// Enter or Space filters the register to the cell and again clears it.
import { useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../../i18n/react';
import { riskBandLabel } from '../../shared/stage-words';
import { levelWords } from './RiskControls';
import {
  RISK_LEVELS,
  heatMapCell,
  riskBand,
  type HeatMap,
  type RiskCell,
} from '../../domain/risks';

const TOP_DOWN = [...RISK_LEVELS].reverse();

type Props = {
  counts: HeatMap;
  selected: RiskCell | null;
  onToggle: (cell: RiskCell) => void;
  /** How many risks the map counts, and whether filters narrow them. */
  total: number;
  filtered: boolean;
};

export function RiskHeatMap({ counts, selected, onToggle, total, filtered }: Props) {
  const gridRef = useRef<HTMLDivElement>(null);
  const { t, lang } = useT();
  const LIKELIHOOD_LABELS = levelWords(t, 'likelihood');
  const IMPACT_LABELS = levelWords(t, 'impact');
  const [focus, setFocus] = useState<RiskCell>(selected ?? { likelihood: 5, impact: 1 });

  const moveTo = (likelihood: number, impact: number) => {
    const l = Math.max(1, Math.min(5, likelihood));
    const i = Math.max(1, Math.min(5, impact));
    setFocus({ likelihood: l, impact: i });
    gridRef.current?.querySelector<HTMLElement>(`[data-cell="${l}-${i}"]`)?.focus();
  };
  const onKeyDown = (e: KeyboardEvent, l: number, i: number) => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [l + 1, i],
      ArrowDown: [l - 1, i],
      ArrowLeft: [l, i - 1],
      ArrowRight: [l, i + 1],
      Home: [l, 1],
      End: [l, 5],
    };
    const to = moves[e.key];
    if (!to) return;
    e.preventDefault();
    moveTo(to[0], to[1]);
  };

  return (
    <section className="panel rk-heat" aria-labelledby="rk-heat-title">
      <div className="rk-panel-head">
        <h2 id="rk-heat-title" className="rk-panel-title">
          {t('risks.heatMap')}
        </h2>
        <p className="muted rk-heat-note">
          {filtered ? t('risks.heatMatches', { count: total }) : t('risks.heatAll', { count: total })}
        </p>
      </div>
      <div className="rk-heat-grid" ref={gridRef} role="group" aria-label={t('risks.heatLabel')}>
        <div className="rk-axis-title rk-axis-y" aria-hidden="true">
          {t('risks.axisLikelihood')}
        </div>
        {TOP_DOWN.map((l, row) => (
          <div key={`y${l}`} className="rk-axis-label rk-axis-label-y" style={{ gridRow: row + 1 }} aria-hidden="true">
            <span className="rk-axis-num">{l}</span> {LIKELIHOOD_LABELS[l]}
          </div>
        ))}
        {TOP_DOWN.map((l, row) =>
          RISK_LEVELS.map((i) => {
            const count = heatMapCell(counts, l, i);
            const band = riskBand(l * i);
            const pressed = selected?.likelihood === l && selected.impact === i;
            return (
              <button
                key={`${l}-${i}`}
                type="button"
                data-cell={`${l}-${i}`}
                className={`rk-cell rk-band-${band}${count === 0 ? ' rk-cell-empty' : ''}${pressed ? ' rk-cell-selected' : ''}`}
                style={{ gridRow: row + 1, gridColumn: i + 2 }}
                aria-label={t('risks.cellName', { likelihood: l, impact: i, count })}
                aria-describedby={`rk-band-${band}-name`}
                aria-pressed={pressed}
                tabIndex={focus.likelihood === l && focus.impact === i ? 0 : -1}
                title={t('risks.cellTitle', { likelihood: l, likelihoodWord: LIKELIHOOD_LABELS[l], impact: i, impactWord: IMPACT_LABELS[i], score: l * i, band: riskBandLabel(t, band).toLocaleLowerCase(lang) })}
                onFocus={() => setFocus({ likelihood: l, impact: i })}
                onKeyDown={(e) => onKeyDown(e, l, i)}
                onClick={() => onToggle({ likelihood: l, impact: i })}
              >
                <span className="rk-cell-count" aria-hidden="true">
                  {count === 0 ? '' : count}
                </span>
                <span className="rk-cell-band" aria-hidden="true">
                  {riskBandLabel(t, band)}
                </span>
              </button>
            );
          }),
        )}
        {RISK_LEVELS.map((i) => (
          <div key={`x${i}`} className="rk-axis-label rk-axis-label-x" style={{ gridRow: 6, gridColumn: i + 2 }} aria-hidden="true">
            <span className="rk-axis-num">{i}</span>
            <span>{IMPACT_LABELS[i]}</span>
          </div>
        ))}
        <div className="rk-axis-title rk-axis-x" aria-hidden="true">
          {t('risks.axisImpact')}
        </div>
      </div>
    </section>
  );
}
