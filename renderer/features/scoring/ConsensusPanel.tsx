import { useState, type FormEvent } from 'react';
import { repos } from '../../app/repos';
import { save } from '../../app/persist';
import { CRITERIA, LONG_TEXT_MAX, type Criterion, type UseCase } from '../../domain/model';
import { useT } from '../../i18n/react';
import type { AppTranslator } from '../../i18n/app-catalog';
import { formatScore, type Consensus, type ConsensusValue } from '../../domain/scoring';

function sourceText(v: ConsensusValue, t: AppTranslator['t']): string {
  switch (v.source) {
    case 'round':
      return t('scoring.source.round', { number: v.roundNumber });
    case 'override':
      return t('scoring.source.override', { reason: v.reason });
    case 'matrix':
      // A drop that overrode a round carries the reason given for it.
      return v.reason && v.reason !== 'Placed on the prioritization matrix' ? t('scoring.source.matrixReason', { reason: v.reason }) : t('scoring.source.matrix');
    case 'initial':
      return t('scoring.source.initial');
    case 'none':
      return t('scoring.source.none');
  }
}

export function ConsensusPanel({ useCase, consensus }: { useCase: UseCase; consensus: Consensus | undefined }) {
  const { t } = useT();
  const [editing, setEditing] = useState<Criterion | null>(null);
  if (!consensus) return null;
  return (
    <section className="panel consensus" aria-labelledby="consensus-title">
      <h2 id="consensus-title" className="consensus-title">
        {t('scoring.consensus')}
      </h2>
      <dl className="consensus-list">
        {CRITERIA.map((c) => {
          const v = consensus[c];
          const overridden = v.source === 'override' || v.source === 'matrix';
          return (
            <div key={c} className="consensus-row">
              <dt>{t(`criterion.${c}`)}</dt>
              <dd>
                <span className="consensus-value" data-testid={`consensus-${c}`}>
                  {formatScore(v.value)}
                </span>
                <span className="consensus-source">{sourceText(v, t)}</span>
                <span className="consensus-actions facilitator-only">
                  <button type="button" className="btn btn-small" onClick={() => setEditing(editing === c ? null : c)} aria-expanded={editing === c}>
                    {t('scoring.override')}
                  </button>
                  {overridden ? (
                    <button type="button" className="btn btn-small btn-ghost" onClick={() => void save(() => repos.useCases.setConsensus(useCase.id, c, null))}>
                      {t('scoring.useRoundsAgain')}
                    </button>
                  ) : null}
                </span>
                {editing === c ? (
                  <OverrideForm useCase={useCase} criterion={c} current={v.value} note={overridden ? (v.reason ?? '') : ''} onDone={() => setEditing(null)} />
                ) : null}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}

function OverrideForm({
  useCase,
  criterion,
  current,
  note,
  onDone,
}: {
  useCase: UseCase;
  criterion: Criterion;
  current: number | null;
  /** The reason already kept with an override (a matrix move's note), to edit rather than retype. */
  note: string;
  onDone: () => void;
}) {
  const { t } = useT();
  const [value, setValue] = useState(current !== null ? String(Math.round(current)) : '3');
  const [reason, setReason] = useState(note === 'Placed on the prioritization matrix' ? '' : note);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return setError(t('scoring.overrideReasonRequired'));
    const ok = await save(() => repos.useCases.setConsensus(useCase.id, criterion, { value: Number(value), reason }));
    if (ok !== undefined) onDone();
  };
  return (
    <form className="override-form" onSubmit={submit}>
      <div className="field">
        <label htmlFor={`ov-value-${criterion}`}>{t('scoring.overrideValue', { criterion: t(`criterion.${criterion}.inSentence`) })}</label>
        <select id={`ov-value-${criterion}`} value={value} onChange={(e) => setValue(e.target.value)}>
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`ov-reason-${criterion}`}>{t('scoring.overrideReason')}</label>
        <input
          id={`ov-reason-${criterion}`}
          value={reason}
          maxLength={LONG_TEXT_MAX}
          onChange={(e) => {
            setReason(e.target.value);
            setError(null);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `ov-err-${criterion}` : undefined}
          autoFocus
        />
        {error ? (
          <p id={`ov-err-${criterion}`} className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <div className="override-actions">
        <button type="submit" className="btn btn-primary btn-small">
          {t('scoring.setConsensus')}
        </button>
        <button type="button" className="btn btn-small" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
