import { useState, type FormEvent } from 'react';
import { repos } from '../../app/repos';
import { save } from '../../app/persist';
import { CRITERIA, LONG_TEXT_MAX, type Criterion, type UseCase } from '../../domain/model';
import { CRITERION_LABELS } from '../../domain/rubrics';
import { formatScore, type Consensus, type ConsensusValue } from '../../domain/scoring';

function sourceText(v: ConsensusValue): string {
  switch (v.source) {
    case 'round':
      return `median of round ${v.roundNumber}`;
    case 'override':
      return `set by the facilitator: ${v.reason}`;
    case 'matrix':
      // A drop that overrode a round carries the reason given for it.
      return v.reason && v.reason !== 'Placed on the prioritization matrix' ? `placed on the matrix: ${v.reason}` : 'placed on the matrix';
    case 'initial':
      return 'first score (before any round)';
    case 'none':
      return 'not scored yet';
  }
}

export function ConsensusPanel({ useCase, consensus }: { useCase: UseCase; consensus: Consensus | undefined }) {
  const [editing, setEditing] = useState<Criterion | null>(null);
  if (!consensus) return null;
  return (
    <section className="panel consensus" aria-labelledby="consensus-title">
      <h2 id="consensus-title" className="consensus-title">
        Consensus
      </h2>
      <dl className="consensus-list">
        {CRITERIA.map((c) => {
          const v = consensus[c];
          const overridden = v.source === 'override' || v.source === 'matrix';
          return (
            <div key={c} className="consensus-row">
              <dt>{CRITERION_LABELS[c]}</dt>
              <dd>
                <span className="consensus-value" data-testid={`consensus-${c}`}>
                  {formatScore(v.value)}
                </span>
                <span className="consensus-source">{sourceText(v)}</span>
                <span className="consensus-actions facilitator-only">
                  <button type="button" className="btn btn-small" onClick={() => setEditing(editing === c ? null : c)} aria-expanded={editing === c}>
                    Override…
                  </button>
                  {overridden ? (
                    <button type="button" className="btn btn-small btn-ghost" onClick={() => void save(() => repos.useCases.setConsensus(useCase.id, c, null))}>
                      Use the rounds again
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
  const [value, setValue] = useState(current !== null ? String(Math.round(current)) : '3');
  const [reason, setReason] = useState(note === 'Placed on the prioritization matrix' ? '' : note);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return setError('Say why the consensus differs from the round’s median.');
    const ok = await save(() => repos.useCases.setConsensus(useCase.id, criterion, { value: Number(value), reason }));
    if (ok !== undefined) onDone();
  };
  return (
    <form className="override-form" onSubmit={submit}>
      <div className="field">
        <label htmlFor={`ov-value-${criterion}`}>Consensus {CRITERION_LABELS[criterion].toLowerCase()}</label>
        <select id={`ov-value-${criterion}`} value={value} onChange={(e) => setValue(e.target.value)}>
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`ov-reason-${criterion}`}>Reason (required)</label>
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
          Set consensus
        </button>
        <button type="button" className="btn btn-small" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
