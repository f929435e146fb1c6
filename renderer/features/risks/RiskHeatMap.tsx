// The 5×5 heat map: likelihood up, impact across, each cell a button with its count and band.
// One cell is in the tab order at a time; the arrow keys move between cells (a roving tab stop),
// Enter or Space filters the register to the cell and again clears it.
import { useRef, useState, type KeyboardEvent } from 'react';
import {
  IMPACT_LABELS,
  LIKELIHOOD_LABELS,
  RISK_BAND_LABELS,
  RISK_LEVELS,
  heatCellName,
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
          Heat map
        </h2>
        <p className="muted rk-heat-note">
          {filtered ? `${total} ${total === 1 ? 'risk matches' : 'risks match'} the filters` : `All ${total} ${total === 1 ? 'risk' : 'risks'}`} · click a
          cell to filter the register
        </p>
      </div>
      <div className="rk-heat-grid" ref={gridRef} role="group" aria-label="Risk heat map: likelihood by impact">
        <div className="rk-axis-title rk-axis-y" aria-hidden="true">
          Likelihood →
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
                aria-label={heatCellName(l, i, count)}
                aria-describedby={`rk-band-${band}-name`}
                aria-pressed={pressed}
                tabIndex={focus.likelihood === l && focus.impact === i ? 0 : -1}
                title={`Likelihood ${l} (${LIKELIHOOD_LABELS[l]}) × impact ${i} (${IMPACT_LABELS[i]}) = score ${l * i}, ${RISK_BAND_LABELS[band].toLowerCase()}`}
                onFocus={() => setFocus({ likelihood: l, impact: i })}
                onKeyDown={(e) => onKeyDown(e, l, i)}
                onClick={() => onToggle({ likelihood: l, impact: i })}
              >
                <span className="rk-cell-count" aria-hidden="true">
                  {count === 0 ? '' : count}
                </span>
                <span className="rk-cell-band" aria-hidden="true">
                  {RISK_BAND_LABELS[band]}
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
          Impact →
        </div>
      </div>
    </section>
  );
}
