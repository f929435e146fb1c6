import { memo, useCallback, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { repos } from '../../app/repos';
import { save } from '../../app/persist';
import { routeHref } from '../../app/router';
import { CRITERIA, type Criterion, type Participant, type Score, type ScoringRound, type UseCase, type Workshop } from '../../domain/model';
import { scoreDistribution, summarizeRound, DISAGREEMENT_SPREAD, type RoundSummary } from '../../domain/scoring';
import { useAppStore } from '../../app/store';
import { useRoom } from './RoomControls';
import { guessLanguage, useHyphenate } from '../../shared/hyphenate';
import { formatCountdown, roundTimerRemaining } from '../../domain/agenda';
import { AutosaveField } from '../../shared/AutosaveField';
import { useNow } from '../../shared/use-now';
import { LONG_TEXT_MAX } from '../../domain/model';
import { formatList, formatScoreIn } from '../../domain/locale-format';
import { useT } from '../../i18n/react';
import type { AppTranslator } from '../../i18n/app-catalog';

/** The criteria's names in the language of the text around them (the workshop's on the projector). */
const criterionLabels = (t: AppTranslator['t']): Record<Criterion, string> => ({ impact: t('criterion.impact'), feasibility: t('criterion.feasibility'), readiness: t('criterion.readiness') });

type Props = {
  workshop: Workshop;
  useCase: UseCase;
  participants: Participant[];
  rounds: ScoringRound[];
  scores: Score[];
};

export function RoundPanel({ workshop, useCase, participants, rounds, scores }: Props) {
  const hyphenate = useHyphenate();
  const { t } = useT();
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
          <h2 id="round-title" className="round-usecase" lang={guessLanguage(useCase.title)}>
            {hyphenate(useCase.title)}
          </h2>
          {round ? (
            <p className="round-subtitle">
              {t('scoring.roundSubtitle', { number: round.number, revealed: String(round.revealedAt !== null) })}
            </p>
          ) : null}
        </div>
        {rounds.length > 1 ? (
          <div className="round-tabs facilitator-only" role="group" aria-label={t('scoring.roundsLabel')}>
            {rounds.map((r) => (
              <button
                key={r.id}
                type="button"
                className={`btn btn-small ${r.id === round?.id ? 'btn-selected' : ''}`}
                aria-pressed={r.id === round?.id}
                onClick={() => setViewedId(r.id)}
              >
                {t('scoring.roundTab', { number: r.number })}
              </button>
            ))}
          </div>
        ) : null}
      </header>

      {participants.length === 0 ? (
        <p className="empty-hint">
          {t('scoring.addPeopleFirst')}{' '}
          <a href={routeHref({ name: 'workshop', workshopId: workshop.id, tab: 'participants' })}>{t('scoring.addPeopleTab')}</a>{' '}
          {t('scoring.addPeopleEnd')}
        </p>
      ) : !round ? (
        <div className="round-empty">
          <p>{t('scoring.noRoundYet')}</p>
          <button type="button" className="btn btn-primary btn-large facilitator-only" onClick={() => void newRound()}>
            {t('scoring.startRound', { number: 1 })}
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
            {t('scoring.startRound', { number: round.number + 1 })}
          </button>
          <span className="muted">{t('scoring.earlierRoundsKept')}</span>
        </div>
      ) : null}
    </section>
  );
}

/** Each scores array indexed once (participant + criterion → value): a round of 200 people is 600 lookups a render, not 600 searches of 600 scores. */
const scoreIndexes = new WeakMap<Score[], Map<string, number>>();
function scoreOf(scores: Score[], participantId: string, c: Criterion): number | null {
  let index = scoreIndexes.get(scores);
  if (!index) {
    index = new Map();
    for (const s of scores) if (!index.has(`${s.participantId}|${s.criterion}`)) index.set(`${s.participantId}|${s.criterion}`, s.value);
    scoreIndexes.set(scores, index);
  }
  return index.get(`${participantId}|${c}`) ?? null;
}

type CellKeyHandler = (e: KeyboardEvent<HTMLInputElement>, p: Participant, c: Criterion, pi: number, ci: number) => void;

/**
 * One participant's row of the masked grid. Drawn again only when that person's cells change
 * ("filled": one digit per criterion): with 200 phones sending, a stored batch redraws the rows
 * it filled, not 600 cells.
 */
const MaskRow = memo(function MaskRow({ participant: p, index: pi, filled, onCellKey }: { participant: Participant; index: number; filled: string; onCellKey: CellKeyHandler }) {
  const { t } = useT();
  const done = !filled.includes('0');
  return (
    <tr>
      <th scope="row">
        {p.name}
        <span className="muted role-tag">{t(`participants.role.${p.role}`)}</span>
      </th>
      {CRITERIA.map((c, ci) => {
        const has = filled[ci] === '1';
        return (
          <td key={c}>
            {/* The value never reaches the page: the cell only knows whether a score exists. */}
            <input
              id={`mask-${pi}-${ci}`}
              className={`mask-cell ${has ? 'mask-cell-set' : ''}`}
              // Text, not password: the value is only a dot, and Chromium's password-field work on
              // every change cost the page ~130 ms per 200 phones (measured), delaying their answers.
              type="text"
              autoComplete="off"
              spellCheck={false}
              readOnly
              value={has ? '•' : ''}
              placeholder="·"
              aria-label={t('scoring.cellLabel', { name: p.name, criterion: t(`criterion.${c}`), has: String(has) })}
              onKeyDown={(e) => onCellKey(e, p, c, pi, ci)}
              data-testid={`mask-${p.name}-${c}`}
            />
          </td>
        );
      })}
      <td className="done-cell">{done ? <span aria-label={t('scoring.allEntered')}>✓</span> : <span className="muted">–</span>}</td>
    </tr>
  );
});

function MaskedRound({ round, participants, scores, summary, workshop }: { round: ScoringRound; participants: Participant[]; scores: Score[]; summary: RoundSummary; workshop: Workshop }) {
  const [mode, setMode] = useState<'grid' | 'turns'>('grid');
  const [hint, setHint] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const entered = scores.length;
  const { t } = useT();
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
      setHint(t('scoring.typeHint'));
    }
  };

  // One handler for every cell, the same across renders, so a row whose cells did not change is not drawn again.
  const cellKeyRef = useRef(cellKey);
  useLayoutEffect(() => {
    cellKeyRef.current = cellKey;
  });
  const onCellKey = useCallback((e: KeyboardEvent<HTMLInputElement>, p: Participant, c: Criterion, pi: number, ci: number) => cellKeyRef.current(e, p, c, pi, ci), []);

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
        <div role="group" aria-label={t('scoring.entryModeLabel')} className="segmented facilitator-only">
          <button type="button" className={`btn btn-small ${mode === 'grid' ? 'btn-selected' : ''}`} aria-pressed={mode === 'grid'} onClick={() => setMode('grid')}>
            {t('scoring.facilitatorEnters')}
          </button>
          <button type="button" className={`btn btn-small ${mode === 'turns' ? 'btn-selected' : ''}`} aria-pressed={mode === 'turns'} onClick={() => setMode('turns')}>
            {t('scoring.passKeyboard')}
          </button>
        </div>
        <RoundTimer round={round} />
      </div>

      {mode === 'grid' ? (
        <>
          <table className="mask-table facilitator-only" aria-describedby="mask-help">
            <thead>
              <tr>
                <th scope="col">{t('scoring.participant')}</th>
                {CRITERIA.map((c) => (
                  <th key={c} scope="col" title={workshop.rubrics[c].map((t, i) => `${i + 1}: ${t}`).join('\n')}>
                    {t(`criterion.${c}`)}
                  </th>
                ))}
                <th scope="col">{t('scoring.doneColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {participants.map((p, pi) => (
                <MaskRow
                  key={p.id}
                  participant={p}
                  index={pi}
                  filled={CRITERIA.map((c) => (scoreOf(scores, p.id, c) !== null ? '1' : '0')).join('')}
                  onCellKey={onCellKey}
                />
              ))}
            </tbody>
          </table>
          <p id="mask-help" className="field-hint facilitator-only">
            {t('scoring.maskHelp')}
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

      <PhonesBar round={round} workshop={workshop} />
      <SubmittedList participants={participants} scores={scores} />
      <div className="reveal-bar">
        <span className="reveal-progress" role="status" data-testid="reveal-progress">
          {t('scoring.progress', { done: summary.participantsDone, expected: summary.participantsExpected })}
        </span>
        <button type="button" className="btn btn-primary btn-large facilitator-only" disabled={entered === 0} onClick={() => void reveal()}>
          {t('scoring.revealAll')}
        </button>
      </div>
      {confirming ? (
        <div className="confirm facilitator-only" role="alertdialog" aria-labelledby="confirm-text">
          <p id="confirm-text">
            {t('scoring.revealConfirm', { count: summary.participantsExpected - summary.participantsDone })}
          </p>
          <button type="button" className="btn btn-primary" onClick={() => void reveal()}>
            {t('scoring.revealAnyway')}
          </button>
          <button type="button" className="btn" onClick={() => setConfirming(false)}>
            {t('scoring.keepScoring')}
          </button>
        </div>
      ) : null}
    </div>
  );
}

function KeyboardTurns({ round, participants, scores, workshop }: { round: ScoringRound; participants: Participant[]; scores: Score[]; workshop: Workshop }) {
  const { t } = useT();
  const firstOpen = participants.findIndex((p) => CRITERIA.some((c) => scoreOf(scores, p.id, c) === null));
  const [index, setIndex] = useState(Math.max(0, firstOpen));
  const [active, setActive] = useState(0);
  const container = useRef<HTMLDivElement>(null);
  const p = participants[Math.min(index, participants.length - 1)];
  if (!p) return null;
  const set = (c: Criterion, v: number) => void save(() => repos.scoring.setScore(round.id, p.id, c, v));
  const choose = (ci: number, v: number) => {
    const c = CRITERIA[ci];
    if (!c) return;
    set(c, v);
    setActive(Math.min(CRITERIA.length - 1, ci + 1));
    // Nothing may keep showing which number was chosen: focus goes back to the turn itself (no
    // ring on a number, no pressed look), and the next digit typed goes to the next criterion.
    container.current?.focus({ preventScroll: true });
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (/^[1-5]$/.test(e.key)) {
      e.preventDefault();
      choose(active, Number(e.key));
    } else if (e.key === 'Enter' && index < participants.length - 1) {
      e.preventDefault();
      setIndex(index + 1);
      setActive(0);
    }
  };
  return (
    <div className="turns" aria-live="polite" tabIndex={0} onKeyDown={onKey} data-testid="turns" ref={container}>
      <h3 className="turns-name">
        {t('scoring.yourScores', { name: p.name })} <span className="muted">({t(`participants.role.${p.role}`)})</span>
      </h3>
      <p className="muted">{t('scoring.turnsHelp')}</p>
      {CRITERIA.map((c, ci) => {
        const has = scoreOf(scores, p.id, c) !== null;
        return (
          <fieldset key={c} className={`turn-row ${ci === active ? 'turn-row-active' : ''}`}>
            <legend>
              {t(`criterion.${c}`)} {has ? <span className="entered">{t('scoring.entered')}</span> : null}
              {ci === active ? <span className="muted">{t('scoring.typingHere')}</span> : null}
            </legend>
            <div className="turn-buttons">
              {[1, 2, 3, 4, 5].map((v) => (
                <button
                  key={v}
                  type="button"
                  className="btn turn-btn"
                  title={workshop.rubrics[c][v - 1]}
                  aria-label={t('scoring.turnButtonLabel', { criterion: t(`criterion.${c}`), value: v, rubric: workshop.rubrics[c][v - 1] })}
                  onClick={() => choose(ci, v)}
                >
                  {v}
                </button>
              ))}
            </div>
          </fieldset>
        );
      })}
      <div className="turn-nav">
        <button type="button" className="btn" disabled={index === 0} onClick={() => { setIndex(index - 1); setActive(0); }}>
          {t('scoring.previousPerson')}
        </button>
        <button type="button" className="btn btn-primary" disabled={index >= participants.length - 1} onClick={() => { setIndex(index + 1); setActive(0); }}>
          {t('scoring.nextPerson')}
        </button>
      </div>
    </div>
  );
}

function RoundTimer({ round }: { round: ScoringRound }) {
  const now = useNow(1000);
  const [minutes, setMinutes] = useState(3);
  const left = roundTimerRemaining(round.timeboxSeconds, round.timerStartedAt, now);
  const { t } = useT();
  if (left === null) {
    return (
      <div className="round-timer facilitator-only">
        <label htmlFor="timebox">{t('scoring.timebox')}</label>
        <select id="timebox" value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
          {[1, 2, 3, 5, 10].map((m) => (
            <option key={m} value={m}>
              {t('scoring.minutesOption', { minutes: m })}
            </option>
          ))}
        </select>
        <button type="button" className="btn btn-small" onClick={() => void save(() => repos.scoring.setTimer(round.id, minutes * 60))}>
          {t('scoring.startTimer')}
        </button>
      </div>
    );
  }
  return (
    <div className={`round-timer ${left <= 0 ? 'timer-up' : ''}`} role="timer" aria-live="off">
      <span className="timer-digits" data-testid="round-timer">
        {left <= 0 ? t('scoring.timeUp') : formatCountdown(left)}
      </span>
      <button type="button" className="btn btn-small facilitator-only" onClick={() => void save(() => repos.scoring.setTimer(round.id, null))}>
        {t('scoring.stopTimer')}
      </button>
    </div>
  );
}

function RevealedRound({ round, participants, scores, summary }: { round: ScoringRound; participants: Participant[]; scores: Score[]; summary: RoundSummary }) {
  const flagged = CRITERIA.filter((c) => summary.byCriterion[c]?.disagreement);
  const { t, lang } = useT();
  const labels = criterionLabels(t);
  const inSentence = { impact: t('criterion.impact.inSentence'), feasibility: t('criterion.feasibility.inSentence'), readiness: t('criterion.readiness.inSentence') };
  const score = (v: number | null | undefined) => formatScoreIn(lang, v);
  return (
    <div className="revealed-round">
      <Distribution scores={scores} participants={participants} summary={summary} />
      {flagged.length > 0 ? (
        <div className="disagreement" role="note" data-testid="disagreement">
          <strong>{t('scoring.disagreesOn', { criteria: formatList(lang, flagged.map((c) => inSentence[c])) })}</strong> {t('scoring.disagreeAdvice', { spread: DISAGREEMENT_SPREAD })}
        </div>
      ) : (
        <p className="agreement">{t('scoring.noDisagreement')}</p>
      )}
      <table className="reveal-table">
        <thead>
          <tr>
            <th scope="col">{t('scoring.participant')}</th>
            {CRITERIA.map((c) => (
              <th key={c} scope="col" className={summary.byCriterion[c]?.disagreement ? 'col-flag' : ''}>
                {labels[c]}
                {summary.byCriterion[c]?.disagreement ? <span className="flag" aria-label={t('scoring.disagreementLabel')}> ⚑</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {participants.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                {p.name}
                <span className="muted role-tag">{t(`participants.role.${p.role}`)}</span>
              </th>
              {CRITERIA.map((c) => {
                const v = scoreOf(scores, p.id, c);
                const agg = summary.byCriterion[c];
                const extreme = agg?.disagreement && v !== null && (v === agg.min || v === agg.max);
                return (
                  <td key={c} className={`score-cell ${extreme ? 'score-extreme' : ''}`} data-testid={`score-${p.name}-${c}`}>
                    {v ?? <span className="muted">–</span>}
                    {extreme ? <span className="extreme-mark" aria-label={t(v === agg.min ? 'scoring.lowest' : 'scoring.highest')}>{v === agg.min ? ' ▼' : ' ▲'}</span> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          {(['mean', 'median'] as const).map((k) => (
            <tr key={k}>
              <th scope="row">{t(k === 'mean' ? 'scoring.mean' : 'scoring.median')}</th>
              {CRITERIA.map((c) => (
                <td key={c} data-testid={`${k}-${c}`}>
                  {score(summary.byCriterion[c]?.[k])}
                </td>
              ))}
            </tr>
          ))}
          <tr>
            <th scope="row">{t('scoring.spread')}</th>
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
      <AutosaveField
        label={t('scoring.discussion', { number: round.number })}
        multiline
        value={round.discussion}
        onSave={(v) => repos.scoring.setDiscussion(round.id, v)}
        maxLength={LONG_TEXT_MAX}
        placeholder={t('scoring.discussionPlaceholder')}
      />
    </div>
  );
}

/** Who has submitted all three scores (a tick), never what: shown to the room while the round is open. */
function SubmittedList({ participants, scores }: { participants: Participant[]; scores: Score[] }) {
  const { t } = useT();
  return (
    <ul className="submitted-list" aria-label={t('scoring.whoHasScored')} data-testid="submitted-list">
      {participants.map((p) => (
        <SubmittedItem key={p.id} name={p.name} done={CRITERIA.every((c) => scoreOf(scores, p.id, c) !== null)} />
      ))}
    </ul>
  );
}

/** One name of the list, drawn again only when that person's state changes (200 phones send at once). */
const SubmittedItem = memo(function SubmittedItem({ name, done }: { name: string; done: boolean }) {
  const { t } = useT();
  return (
    <li className={done ? 'submitted-done' : 'submitted-waiting'}>
      <span className="submitted-mark" aria-hidden="true">
        {done ? '✓' : '…'}
      </span>
      <span className="submitted-name">{name}</span>
      <span className="visually-hidden">{t(done ? 'scoring.hasScored' : 'scoring.notScoredYet')}</span>
    </li>
  );
});

/** While phones score this round: whether it takes their scores, and the switch to stop that before the reveal. */
function PhonesBar({ round, workshop }: { round: ScoringRound; workshop: Workshop }) {
  const { t } = useT();
  const room = useRoom(workshop.id);
  if (!room || !room.useCaseIds.includes(round.useCaseId)) return null;
  const closed = room.closedRoundIds.includes(round.id);
  const toggle = () =>
    useAppStore.getState().patchRoom({ closedRoundIds: closed ? room.closedRoundIds.filter((id) => id !== round.id) : [...room.closedRoundIds, round.id] });
  return (
    <div className="phones-bar facilitator-only" role="status">
      <span>{closed ? t('scoring.phonesClosed') : t('scoring.phonesScoring')}</span>
      <button type="button" className="btn btn-small" onClick={toggle}>
        {closed ? t('scoring.phonesReopen') : t('scoring.phonesStop')}
      </button>
    </div>
  );
}

/** After the reveal: for each criterion, how many people gave 1 to 5, with the median, the spread and the flag, in words too. */
function Distribution({ scores, participants, summary }: { scores: Score[]; participants: Participant[]; summary: RoundSummary }) {
  const ids = participants.map((p) => p.id);
  const { t, lang } = useT();
  const labels = criterionLabels(t);
  return (
    <div className="distribution" data-testid="distribution">
      {CRITERIA.map((c) => {
        const counts = scoreDistribution(scores, ids, c);
        const most = Math.max(1, ...counts);
        const agg = summary.byCriterion[c];
        return (
          <figure key={c} className={`dist-criterion ${agg?.disagreement ? 'dist-flag' : ''}`} data-testid={`dist-${c}`}>
            <figcaption className="dist-caption">
              <span className="dist-name">{labels[c]}</span>
              {agg?.disagreement ? <span className="dist-flag-text">{t('scoring.disagreementFlag')}</span> : null}
            </figcaption>
            <ol className="dist-bars" aria-label={`${labels[c]}: ${counts.map((n, i) => `${n} × ${i + 1}`).join(', ')}`}>
              {counts.map((n, i) => (
                <li key={i} className="dist-bar-row">
                  <span className="dist-score">{i + 1}</span>
                  <span className="dist-track">
                    <span className="dist-bar" data-count={n} style={{ width: `${(n / most) * 100}%` }} />
                  </span>
                  <span className="dist-count">{n}</span>
                </li>
              ))}
            </ol>
            <p className="dist-stats">
              {t('scoring.median')} <strong data-testid={`dist-median-${c}`}>{formatScoreIn(lang, agg?.median)}</strong> · {t('scoring.spread')}{' '}
              <strong>{agg ? `${agg.spread} (${agg.min}–${agg.max})` : '–'}</strong>
            </p>
          </figure>
        );
      })}
    </div>
  );
}
