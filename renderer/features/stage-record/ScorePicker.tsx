import type { KeyboardEvent } from 'react';
import { usePendingChoice } from '../../shared/use-pending-choice';
import { useT } from '../../i18n/react';

const SCORES = [1, 2, 3, 4, 5] as const;

type Props = {
  /** The radio group's name: unique on the page. */
  name: string;
  /** Id of the element that names the group (the dimension's heading). */
  labelledBy: string;
  describedBy?: string;
  value: number | null;
  /** Stores the score; resolves to whether it was stored. */
  onChange: (score: number | null) => Promise<boolean>;
  /** Accessible name of the clear button ("Clear the data quality score"). */
  clearLabel: string;
};

/**
 * A 1–5 picker built from native radio buttons: Tab reaches the group, the arrow keys move and
 * choose, Delete or Backspace clears it, and so does the Clear button.
 */
export function ScorePicker({ name, labelledBy, describedBy, value: stored, onChange, clearLabel }: Props) {
  const { t } = useT();
  const [value, choose] = usePendingChoice(stored, onChange);
  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.key === 'Delete' || e.key === 'Backspace') && value !== null) {
      e.preventDefault();
      choose(null);
    }
  };
  return (
    <div className="sr-picker">
      <div className="sr-picker-options" role="radiogroup" aria-labelledby={labelledBy} aria-describedby={describedBy} onKeyDown={onKeyDown}>
        {SCORES.map((n) => (
          <label key={n} className={`sr-picker-option sr-score-${n}${value === n ? ' sr-picker-on' : ''}`}>
            <input type="radio" name={name} value={n} checked={value === n} onChange={() => choose(n)} />
            <span>{n}</span>
          </label>
        ))}
      </div>
      <button type="button" className="btn btn-small btn-ghost sr-picker-clear" disabled={value === null} onClick={() => choose(null)} aria-label={clearLabel}>
        {t('stage.readiness.clearScore')}
      </button>
    </div>
  );
}
