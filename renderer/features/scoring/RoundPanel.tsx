import { useState, type KeyboardEvent } from 'react';
import { repos } from '../../app/repos';
import { save } from '../../app/persist';
import { routeHref } from '../../app/router';
import { CRITERIA, type Criterion, type Participant, type Score, type ScoringRound, type UseCase, type Workshop } from '../../domain/model';
import { CRITERION_LABELS } from '../../domain/rubrics';
import { ROLE_LABELS } from '../../domain/participant-csv';
import { formatScore, summarizeRound, DISAGREEMENT_SPREAD, type RoundSummary } from '../../domain/scoring';
import { formatCountdown, roundTimerRemaining } from '../../domain/agenda';
import { AutosaveField } from '../../shared/AutosaveField';
import { useNow } from '../../shared/use-now';
import { LONG_TEXT_MAX } from '../../domain/model';

type Props = {
  workshop: Workshop;
  useCase: UseCase;
  participants: Participant[];
  rounds: ScoringRound[];
  scores: Score[];
};

export function RoundPanel({ workshop, useCase, participants, rounds, scores }: Props) {
  const latest = rounds.at(-1) ?? null;
  const [viewedId, setViewedId] = useState<string | null>(null);
  const round = rounds.find((r) => r.id === viewedId) ?? latest;
  const roundScores = round ? scores.filter((s) => s.roundId === round.id) : [];
  const summary = summarizeRound(roundScores, participants.map((p) => p.id));
  const canStartNext = !latest || latest.revealedAt !== null;

  const newRound = async () => {
    const r = await save(() => repos.scoring.startRound(useCase.id));
    if (r) setViewedId(r.id);
  };

  return (
    <section className="panel round-panel" aria-labelledby="round-title">
      <header className="round-header">
        <div>
          <h2 id="round-title" className="round-usecase">
            {useCase.title}
          </h2>
          {round ? (
            <p className="round-subtitle">
              Round {round.number} · {round.revealedAt ? 'revealed' : 'scores hidden until reveal'}
            </p>
          ) : null}
        </div>
        {rounds.length > 1 ? (
          <div className="round-tabs facilitator-only" role="group" aria-label="Rounds">
            {rounds.map((r) => (
              <button
                key={r.id}
                type="button"
                className={`btn btn-small ${r.id === round?.id ? 'btn-selected' : ''}`}
                aria-pressed={r.id === round?.id}
                onClick={() => setViewedId(r.id)}
              >
                Round {r.number}
              </button>
            ))}
          </div>
        ) : null}
      </header>

      {participants.length === 0 ? (
        <p className="empty-hint">
          Add the people who will score first, on the{' '}
          <a href={routeHref({ name: 'workshop', workshopId: workshop.id, tab: 'participants' })}>Participants</a> tab.
        </p>
      ) : !round ? (
        <div className="round-empty">
          <p>Nobody has scored this use case yet. Each participant's scores stay hidden until you reveal them all at once, so nobody anchors on the first number said aloud.</p>
          <button type="button" className="btn btn-primary btn-large facilitator-only" onClick={() => void newRound()}>
            Start round 1
          </button>
        </div>
      ) : round.revealedAt === null ? (
        <MaskedRound round={round} participants={participants} scores={roundScores} summary={summary} workshop={workshop} />
      ) : (
        <RevealedRound round={round} participants={participants} scores={roundScores} summary={summary} />
      )}

      {round && round.revealedAt !== null && round.id === latest?.id && canStartNext ? (
        <div className="round-next facilitator-only">
          <button type="button" className="btn btn-primary" onClick={() => void newRound()}>
            Start round {round.number + 1}
          </button>
          <span className="muted">Earlier rounds are kept; the consensus follows the latest revealed round.</span>
        </div>
      ) : null}
    </section>
  );
}

function scoreOf(scores: Score[], participantId: string, c: Criterion): number | null {
  return scores.find((s) => s.participantId === participantId && s.criterion === c)?.value ?? null;
}

function MaskedRound({ round, participants, scores, summary, workshop }: { round: ScoringRound; participants: Participant[]; scores: Score[]; summary: RoundSummary; workshop: Workshop }) {
  const [mode, setMode] = useState<'grid' | 'turns'>('grid');
  const [hint, setHint] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const entered = scores.length;
  const allDone = summary.participantsDone === summary.participantsExpected;

  const setScore = (p: Participant, c: Criterion, v: number | null) => save(() => repos.scoring.setScore(round.id, p.id, c, v));

  const cellKey = (e: KeyboardEvent<HTMLInputElement>, p: Participant, c: Criterion, pi: number, ci: number) => {
    const focusCell = (pIdx: number, cIdx: number) => document.getElementById(`mask-${pIdx}-${cIdx}`)?.focus();
    if (/^[1-5]$/.test(e.key)) {
      e.preventDefault();
      setHint(null);
      void setScore(p, c, Number(e.key));
      if (ci < CRITERIA.length - 1) focusCell(pi, ci + 1);
      else if (pi < participants.length - 1) focusCell(pi + 1, 0);
    } else if (e.key === 'Backspace' || e.key === 'Delete') {
      e.preventDefault();
      void setScore(p, c, null);
    } else if (e.key === 'ArrowRight') focusCell(pi, Math.min(CRITERIA.length - 1, ci + 1));
    else if (e.key === 'ArrowLeft') focusCell(pi, Math.max(0, ci - 1));
    else if (e.key === 'ArrowDown') focusCell(Math.min(participants.length - 1, pi + 1), ci);
    else if (e.key === 'ArrowUp') focusCell(Math.max(0, pi - 1), ci);
    else if (e.key.length === 1) {
      e.preventDefault();
      setHint('Type a score from 1 to 5. Backspace clears it.');
    }
  };

  const reveal = async () => {
    if (!allDone && !confirming) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    await save(() => repos.scoring.reveal(round.id));
  };

  return (
    <div className="masked-round">
      <div className="round-toolbar">
        <div role="group" aria-label="How scores are entered" className="segmented facilitator-only">
          <button type="button" className={`btn btn-small ${mode === 'grid' ? 'btn-selected' : ''}`} aria-pressed={mode === 'grid'} onClick={() => setMode('grid')}>
            Facilitator enters
          </button>
          <button type="button" className={`btn btn-small ${mode === 'turns' ? 'btn-selected' : ''}`} aria-pressed={mode === 'turns'} onClick={() => setMode('turns')}>
            Pass the keyboard
          </button>
        </div>
        <RoundTimer round={round} />
      </div>

      {mode === 'grid' ? (
        <>
          <table className="mask-table" aria-describedby="mask-help">
            <thead>
              <tr>
                <th scope="col">Participant</th>
                {CRITERIA.map((c) => (
                  <th key={c} scope="col" title={workshop.rubrics[c].map((t, i) => `${i + 1}: ${t}`).join('\n')}>
                    {CRITERION_LABELS[c]}
                  </th>
                ))}
                <th scope="col">Done</th>
              </tr>
            </thead>
            <tbody>
              {participants.map((p, pi) => {
                const done = CRITERIA.every((c) => scoreOf(scores, p.id, c) !== null);
                return (
                  <tr key={p.id}>
                    <th scope="row">
                      {p.name}
                      <span className="muted role-tag">{ROLE_LABELS[p.role]}</span>
                    </th>
                    {CRITERIA.map((c, ci) => {
                      const has = scoreOf(scores, p.id, c) !== null;
                      return (
                        <td key={c}>
                          {/* The value never reaches the page: the cell only knows whether a score exists. */}
                          <input
                            id={`mask-${pi}-${ci}`}
                            className={`mask-cell ${has ? 'mask-cell-set' : ''}`}
                            type="password"
                            readOnly
                            value={has ? '•' : ''}
                            placeholder="·"
                            aria-label={`${p.name}, ${CRITERION_LABELS[c]}: ${has ? 'entered' : 'not entered'}`}
                            onKeyDown={(e) => cellKey(e, p, c, pi, ci)}
                            data-testid={`mask-${p.name}-${c}`}
                          />
                        </td>
                      );
                    })}
                    <td className="done-cell">{done ? <span aria-label="all scores entered">✓</span> : <span className="muted">–</span>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p id="mask-help" className="field-hint facilitator-only">
            Click a cell and type the score each person gives (1–5); the cell shows only that a score is there. Arrow keys move, Backspace clears.
          </p>
          {hint ? (
            <p className="field-error" role="alert">
              {hint}
            </p>
          ) : null}
        </>
      ) : (
        <KeyboardTurns round={round} participants={participants} scores={scores} workshop={workshop} />
      )}

      <div className="reveal-bar">
        <span className="reveal-progress" role="status">
          {summary.participantsDone} of {summary.participantsExpected} {summary.participantsExpected === 1 ? 'participant has' : 'participants have'} scored
        </span>
        <button type="button" className="btn btn-primary btn-large facilitator-only" disabled={entered === 0} onClick={() => void reveal()}>
          Reveal all scores
        </button>
      </div>
      {confirming ? (
        <div className="confirm facilitator-only" role="alertdialog" aria-labelledby="confirm-text">
          <p id="confirm-text">
            {summary.participantsExpected - summary.participantsDone === 1
              ? '1 participant has not scored every criterion. Reveal anyway?'
              : `${summary.participantsExpected - summary.participantsDone} participants have not scored every criterion. Reveal anyway?`}
          </p>
          <button type="button" className="btn btn-primary" onClick={() => void reveal()}>
            Reveal anyway
          </button>
          <button type="button" className="btn" onClick={() => setConfirming(false)}>
            Keep scoring
          </button>
        </div>
      ) : null}
    </div>
  );
}

function KeyboardTurns({ round, participants, scores, workshop }: { round: ScoringRound; participants: Participant[]; scores: Score[]; workshop: Workshop }) {
  const firstOpen = participants.findIndex((p) => CRITERIA.some((c) => scoreOf(scores, p.id, c) === null));
  const [index, setIndex] = useState(Math.max(0, firstOpen));
  const p = participants[Math.min(index, participants.length - 1)];
  if (!p) return null;
  const set = (c: Criterion, v: number) => void save(() => repos.scoring.setScore(round.id, p.id, c, v));
  return (
    <div className="turns" aria-live="polite">
      <h3 className="turns-name">
        {p.name}, your scores <span className="muted">({ROLE_LABELS[p.role]})</span>
      </h3>
      <p className="muted">Choose a number for each criterion. The screen shows only that you have chosen, never which number.</p>
      {CRITERIA.map((c) => {
        const has = scoreOf(scores, p.id, c) !== null;
        return (
          <fieldset key={c} className="turn-row">
            <legend>
              {CRITERION_LABELS[c]} {has ? <span className="entered">✓ entered</span> : null}
            </legend>
            <div className="turn-buttons">
              {[1, 2, 3, 4, 5].map((v) => (
                <button key={v} type="button" className="btn turn-btn" title={workshop.rubrics[c][v - 1]} aria-label={`${CRITERION_LABELS[c]} ${v}: ${workshop.rubrics[c][v - 1]}`} onClick={() => set(c, v)}>
                  {v}
                </button>
              ))}
            </div>
          </fieldset>
        );
      })}
      <div className="turn-nav">
        <button type="button" className="btn" disabled={index === 0} onClick={() => setIndex(index - 1)}>
          ← Previous person
        </button>
        <button type="button" className="btn btn-primary" disabled={index >= participants.length - 1} onClick={() => setIndex(index + 1)}>
          Done, next person →
        </button>
      </div>
    </div>
  );
}

function RoundTimer({ round }: { round: ScoringRound }) {
  const now = useNow(1000);
  const [minutes, setMinutes] = useState(3);
  const left = roundTimerRemaining(round.timeboxSeconds, round.timerStartedAt, now);
  if (left === null) {
    return (
      <div className="round-timer facilitator-only">
        <label htmlFor="timebox">Timebox</label>
        <select id="timebox" value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
          {[1, 2, 3, 5, 10].map((m) => (
            <option key={m} value={m}>
              {m} min
            </option>
          ))}
        </select>
        <button type="button" className="btn btn-small" onClick={() => void save(() => repos.scoring.setTimer(round.id, minutes * 60))}>
          Start timer
        </button>
      </div>
    );
  }
  return (
    <div className={`round-timer ${left <= 0 ? 'timer-up' : ''}`} role="timer" aria-live="off">
      <span className="timer-digits" data-testid="round-timer">
        {left <= 0 ? 'Time is up' : formatCountdown(left)}
      </span>
      <button type="button" className="btn btn-small facilitator-only" onClick={() => void save(() => repos.scoring.setTimer(round.id, null))}>
        Stop timer
      </button>
    </div>
  );
}

function RevealedRound({ round, participants, scores, summary }: { round: ScoringRound; participants: Participant[]; scores: Score[]; summary: RoundSummary }) {
  const flagged = CRITERIA.filter((c) => summary.byCriterion[c]?.disagreement);
  return (
    <div className="revealed-round">
      <table className="reveal-table">
        <thead>
          <tr>
            <th scope="col">Participant</th>
            {CRITERIA.map((c) => (
              <th key={c} scope="col" className={summary.byCriterion[c]?.disagreement ? 'col-flag' : ''}>
                {CRITERION_LABELS[c]}
                {summary.byCriterion[c]?.disagreement ? <span className="flag" aria-label="disagreement"> ⚑</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {participants.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                {p.name}
                <span className="muted role-tag">{ROLE_LABELS[p.role]}</span>
              </th>
              {CRITERIA.map((c) => {
                const v = scoreOf(scores, p.id, c);
                const agg = summary.byCriterion[c];
                const extreme = agg?.disagreement && v !== null && (v === agg.min || v === agg.max);
                return (
                  <td key={c} className={`score-cell ${extreme ? 'score-extreme' : ''}`} data-testid={`score-${p.name}-${c}`}>
                    {v ?? <span className="muted">–</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          {(['mean', 'median'] as const).map((k) => (
            <tr key={k}>
              <th scope="row">{k === 'mean' ? 'Mean' : 'Median'}</th>
              {CRITERIA.map((c) => (
                <td key={c} data-testid={`${k}-${c}`}>
                  {formatScore(summary.byCriterion[c]?.[k])}
                </td>
              ))}
            </tr>
          ))}
          <tr>
            <th scope="row">Spread</th>
            {CRITERIA.map((c) => {
              const a = summary.byCriterion[c];
              return (
                <td key={c} data-testid={`spread-${c}`} className={a?.disagreement ? 'col-flag' : ''}>
                  {a ? `${a.spread} (${a.min}–${a.max})` : '–'}
                </td>
              );
            })}
          </tr>
        </tfoot>
      </table>
      {flagged.length > 0 ? (
        <div className="disagreement" role="note" data-testid="disagreement">
          <strong>⚑ The room disagrees on {flagged.map((c) => CRITERION_LABELS[c].toLowerCase()).join(' and ')}</strong> (scores {DISAGREEMENT_SPREAD} or more apart). Ask the
          highest and the lowest scorer to explain, record what the group said, then start a new round.
        </div>
      ) : (
        <p className="agreement">No disagreement: every criterion is within one point.</p>
      )}
      <AutosaveField
        label={`Discussion in round ${round.number}`}
        multiline
        value={round.discussion}
        onSave={(v) => repos.scoring.setDiscussion(round.id, v)}
        maxLength={LONG_TEXT_MAX}
        placeholder="What did the group say? Which assumption explains the spread?"
      />
    </div>
  );
}
