import type { Language } from '../../domain/languages';
import { useEffect, useRef, useState, type ChangeEvent, type FormEvent, type KeyboardEvent } from 'react';
import { repos } from '../../app/repos';
import { save } from '../../app/persist';
import { saveWithUndo } from '../../app/undo';
import { SHORT_TEXT_MAX, type AgendaItem } from '../../domain/model';
import { defaultAgenda, currentSession, elapsedSeconds, formatCountdown } from '../../domain/agenda';
import { AutosaveField } from '../../shared/AutosaveField';
import { createCoalescedWriter, type CoalescedWriter } from '../../shared/coalesced-writer';
import { loadDraft, storeDraft } from '../../shared/draft-storage';
import { useAgenda } from './use-agenda';
import {
  AGENDA_STATE_LABELS,
  WORKSHOP_DAY_MINUTES,
  agendaTotals,
  clockReading,
  dayFit,
  formatMinutes,
  sessionMinutes,
} from './agenda-summary';
import './agenda.css';

const MAX_MINUTES = 24 * 60;
const EXTEND_MINUTES = 5;

function parseMinutes(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && n <= MAX_MINUTES ? n : null;
}

/** "14:05" in the person's own clock format. */
function clockTime(ms: number): string {
  return new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

export function AgendaView({ workshopId, language = 'en' }: { workshopId: string; language?: Language }) {
  const { items, now } = useAgenda(workshopId);
  if (items === undefined) return null;
  const current = currentSession(items);
  return (
    <div className="agenda">
      <section className="panel agenda-pane" aria-labelledby="agenda-title">
        <div className="pane-header">
          <h1 id="agenda-title" className="section-title">
            Agenda <span className="count">{items.length}</span>
          </h1>
        </div>
        {items.length === 0 ? (
          <EmptyAgenda workshopId={workshopId} language={language} />
        ) : (
          <>
            <AgendaSummary items={items} now={now} current={current} />
            <SessionList items={items} now={now} currentId={current?.id ?? null} />
          </>
        )}
        <AddSession workshopId={workshopId} />
        {items.length > 0 ? (
          <ul className="shortcut-list agenda-shortcuts">
            <li>
              Start a session and its countdown runs here and on the projector (<kbd>F5</kbd> or the Presenter button); starting another
              one pauses it.
            </li>
            <li>
              <kbd>Alt</kbd>+<kbd>↑</kbd>/<kbd>↓</kbd> moves the session you are in; <kbd>Ctrl</kbd>+<kbd>Z</kbd> undoes any change, a start
              or a removal included.
            </li>
          </ul>
        ) : null}
      </section>
    </div>
  );
}

function EmptyAgenda({ workshopId, language }: { workshopId: string; language: Language }) {
  // The sessions as they will be added: in the workshop's language.
  const sessions = defaultAgenda(language);
  const total = sessions.reduce((sum, s) => sum + s.minutes, 0);
  return (
    <div className="agenda-empty">
      <p>
        The agenda keeps the day on time. Start a session and its countdown runs here and, in presenter mode, on the projector; an overrun
        shows in red. The clock is stored, so a reload or a closed laptop does not reset it.
      </p>
      <button type="button" className="btn btn-primary btn-large" onClick={() => void save(() => repos.agenda.addDefault(workshopId))}>
        Add the standard agenda
      </button>
      <p className="muted">
        {sessions.length} sessions, {formatMinutes(total)}: <span lang={language}>{sessions.map((s) => s.title).join(', ')}</span>. Rename, retime, reorder
        or remove any of them afterwards, or add your own sessions below.
      </p>
    </div>
  );
}

function AgendaSummary({ items, now, current }: { items: AgendaItem[]; now: number; current: AgendaItem | null }) {
  const totals = agendaTotals(items, now);
  const fit = dayFit(totals.plannedMinutes);
  const share = Math.min(100, (totals.plannedMinutes / WORKSHOP_DAY_MINUTES) * 100);
  const reading = current ? clockReading(current, now) : null;
  return (
    <div className="agenda-summary">
      <dl className="agenda-summary-grid">
        <div>
          <dt>Planned</dt>
          <dd>
            {formatMinutes(totals.plannedMinutes)}{' '}
            <span className={fit.over ? 'agenda-over' : 'muted'}>
              of the {formatMinutes(WORKSHOP_DAY_MINUTES)} day: {fit.text}
            </span>
          </dd>
        </div>
        <div>
          <dt>Used so far</dt>
          <dd className="agenda-digits">{formatCountdown(totals.usedSeconds)}</dd>
        </div>
        <div>
          <dt>Still to run</dt>
          <dd>
            {totals.toRunSeconds > 0 ? (
              <>
                {formatMinutes(Math.ceil(totals.toRunSeconds / 60))} <span className="muted">(until about {clockTime(now + totals.toRunSeconds * 1000)})</span>
              </>
            ) : (
              'Nothing'
            )}
          </dd>
        </div>
        <div className="agenda-summary-now">
          <dt>{current?.state === 'pending' ? 'Up next' : 'Now'}</dt>
          <dd>
            {current && reading ? (
              <>
                <span className="agenda-summary-title">{current.title}</span>{' '}
                {current.state === 'pending' ? (
                  <span className="muted">{sessionMinutes(current)} min</span>
                ) : (
                  <span className={reading.over ? 'agenda-over' : undefined}>
                    {reading.text}
                    {current.state === 'paused' ? ' (paused)' : ''}
                  </span>
                )}
              </>
            ) : (
              'All sessions done'
            )}
          </dd>
        </div>
      </dl>
      <div
        className="agenda-daybar"
        role="meter"
        aria-label="Planned time against the workshop day"
        aria-valuemin={0}
        aria-valuemax={WORKSHOP_DAY_MINUTES}
        aria-valuenow={Math.min(totals.plannedMinutes, WORKSHOP_DAY_MINUTES)}
        aria-valuetext={`${formatMinutes(totals.plannedMinutes)} planned, ${fit.text}`}
      >
        <span className={`agenda-daybar-fill ${fit.over ? 'agenda-daybar-over' : ''}`} style={{ width: `${share}%` }} />
      </div>
    </div>
  );
}

const clockButtonId = (id: string) => `agenda-${id}-clock`;

/** What a screen reader says for a session's clock. */
function clockSpeech(item: AgendaItem, reading: ReturnType<typeof clockReading>): string {
  if (item.state === 'pending') return `not started, ${sessionMinutes(item)} minutes planned`;
  if (item.state === 'done') return reading.over ? `done, ${reading.text}` : `done, ${reading.digits} early`;
  return `${item.state}, ${reading.text}`;
}

/** Puts focus back on an element once the list has re-rendered (moving a row re-inserts it, which drops focus). */
function useFocusAfterChange(items: AgendaItem[]): (elementId: string) => void {
  const pending = useRef<{ elementId: string; at: number } | null>(null);
  useEffect(() => {
    const p = pending.current;
    if (!p) return;
    pending.current = null;
    if (Date.now() - p.at < 1500) document.getElementById(p.elementId)?.focus();
  }, [items]);
  return (elementId) => {
    pending.current = { elementId, at: Date.now() };
    document.getElementById(elementId)?.focus();
  };
}

function SessionList({ items, now, currentId }: { items: AgendaItem[]; now: number; currentId: string | null }) {
  const focusSoon = useFocusAfterChange(items);
  const moves = useRef<Promise<unknown>>(Promise.resolve());

  const move = (item: AgendaItem, delta: number) => {
    const active = document.activeElement instanceof HTMLElement && document.activeElement.id ? document.activeElement.id : clockButtonId(item.id);
    // One move after the other, each from the stored order: a second Alt+↑ pressed before the
    // list has re-rendered moves on from where the first one put the session.
    moves.current = moves.current.then(async () => {
      const moved = await save(async () => {
        const order = await repos.agenda.list(item.workshopId);
        const to = order.findIndex((i) => i.id === item.id) + delta;
        if (to < 0 || to >= order.length) return false;
        await repos.agenda.move(item.id, to);
        return true;
      });
      if (moved) focusSoon(active);
    });
  };

  const remove = (item: AgendaItem, index: number) => {
    const neighbour = items[index + 1] ?? items[index - 1];
    void saveWithUndo(() => repos.agenda.remove(item.id), { message: `Removed “${item.title}”.`, scope: item.workshopId }).then((removed) => {
      if (removed) focusSoon(neighbour ? clockButtonId(neighbour.id) : 'agenda-new-title'); // else the error toast has said why
    });
  };

  return (
    <ol className="agenda-list" aria-label="Sessions in order">
      {items.map((item, index) => (
        <SessionRow
          key={item.id}
          item={item}
          position={index + 1}
          isFirst={index === 0}
          isLast={index === items.length - 1}
          now={now}
          isCurrent={item.id === currentId}
          onMove={(delta) => move(item, delta)}
          onRemove={() => remove(item, index)}
          focusClock={() => focusSoon(clockButtonId(item.id))}
        />
      ))}
    </ol>
  );
}

function SessionRow({
  item,
  position,
  isFirst,
  isLast,
  now,
  isCurrent,
  onMove,
  onRemove,
  focusClock,
}: {
  item: AgendaItem;
  position: number;
  isFirst: boolean;
  isLast: boolean;
  now: number;
  isCurrent: boolean;
  onMove: (delta: number) => void;
  onRemove: () => void;
  focusClock: () => void;
}) {
  const { title, state } = item;
  const reading = clockReading(item, now);
  const active = state === 'running' || state === 'paused';
  // Done and Reset disappear once used; focus goes to the row's clock button so the keyboard keeps its place.
  const act = (write: () => Promise<void>, refocus = false) => () => {
    void save(write).then(() => {
      if (refocus) focusClock();
    });
  };
  const clock =
    state === 'running'
      ? { text: 'Pause', name: `Pause ${title}`, run: act(() => repos.agenda.pause(item.id)) }
      : state === 'pending'
        ? { text: 'Start', name: `Start ${title}`, run: act(() => repos.agenda.start(item.id)) }
        : { text: 'Resume', name: `Resume ${title}`, run: act(() => repos.agenda.start(item.id)) };

  const onKeyDown = (e: KeyboardEvent) => {
    if (!e.altKey || e.ctrlKey || e.metaKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    onMove(e.key === 'ArrowUp' ? -1 : 1);
  };

  return (
    <li
      className={`agenda-row agenda-row-${state} ${isCurrent ? 'agenda-row-current' : ''}`}
      data-testid="agenda-row"
      data-state={state}
      aria-current={isCurrent ? 'step' : undefined}
      onKeyDown={onKeyDown}
    >
      <span className="agenda-pos" aria-hidden="true">
        {position}
      </span>
      <AutosaveField
        className="agenda-title-field"
        label={`Session ${position} title`}
        value={title}
        required
        maxLength={SHORT_TEXT_MAX}
        inputId={`agenda-${item.id}-title`}
        onSave={(t) => repos.agenda.update(item.id, { title: t })}
      />
      <MinutesField item={item} position={position} />
      <div className="agenda-status">
        <span className={`agenda-state agenda-state-${state}`}>{AGENDA_STATE_LABELS[state]}</span>
        <span className="agenda-clock" role="timer" aria-label={`${title}: ${clockSpeech(item, reading)}`}>
          {state === 'pending' ? (
            <span className="agenda-clock-main agenda-clock-planned">{sessionMinutes(item)} min planned</span>
          ) : (
            <>
              <span className={`agenda-clock-main agenda-digits ${reading.over ? 'agenda-over' : ''}`} data-testid="agenda-countdown">
                {state === 'done' && !reading.over ? `${reading.digits} early` : reading.text}
              </span>
              <span className="agenda-clock-sub">
                {formatCountdown(elapsedSeconds(item, now))} used of {item.plannedMinutes}
                {item.extraMinutes > 0 ? ` + ${item.extraMinutes}` : ''} min
              </span>
            </>
          )}
        </span>
      </div>
      <span className="agenda-actions">
        <button
          type="button"
          id={clockButtonId(item.id)}
          className={`btn btn-small agenda-clock-btn ${state === 'pending' || state === 'paused' ? 'btn-primary' : ''}`}
          aria-label={clock.name}
          onClick={clock.run}
        >
          {clock.text}
        </button>
        {active ? (
          <button type="button" className="btn btn-small" aria-label={`+${EXTEND_MINUTES} min for ${title}`} onClick={act(() => repos.agenda.extend(item.id, EXTEND_MINUTES))}>
            +{EXTEND_MINUTES} min
          </button>
        ) : (
          <span className="agenda-slot" />
        )}
        {active ? (
          <button type="button" className="btn btn-small" aria-label={`Done with ${title}`} onClick={act(() => repos.agenda.complete(item.id), true)}>
            Done
          </button>
        ) : (
          <span className="agenda-slot" />
        )}
        {state !== 'pending' ? (
          <button
            type="button"
            className="btn btn-small btn-ghost"
            aria-label={`Reset ${title}`}
            title="Back to not started: time used and extra minutes cleared (Ctrl+Z undoes)"
            onClick={act(() => repos.agenda.reset(item.id), true)}
          >
            Reset
          </button>
        ) : (
          <span className="agenda-slot" />
        )}
      </span>
      <span className="agenda-order">
        {/* aria-disabled, not disabled: a disabled button would drop the keyboard focus at the top or bottom. */}
        <button
          type="button"
          id={`agenda-${item.id}-up`}
          className="btn btn-small btn-ghost"
          aria-label={`Move ${title} up`}
          title="Move up (Alt+↑)"
          aria-disabled={isFirst || undefined}
          onClick={() => onMove(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          id={`agenda-${item.id}-down`}
          className="btn btn-small btn-ghost"
          aria-label={`Move ${title} down`}
          title="Move down (Alt+↓)"
          aria-disabled={isLast || undefined}
          onClick={() => onMove(1)}
        >
          ↓
        </button>
      </span>
      <button type="button" className="btn btn-small btn-danger agenda-remove" aria-label={`Remove ${title}`} title="Remove (Ctrl+Z undoes)" onClick={onRemove}>
        Remove
      </button>
    </li>
  );
}

/** Planned minutes, stored on every valid keystroke like AutosaveField; an invalid number is shown, not stored. */
function MinutesField({ item, position }: { item: AgendaItem; position: number }) {
  const id = `agenda-${item.id}-minutes`;
  const [draft, setDraft] = useState(String(item.plannedMinutes));
  const [seen, setSeen] = useState(item.plannedMinutes);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const writer = useRef<CoalescedWriter | null>(null);
  writer.current ??= createCoalescedWriter(setPending);

  // Follow undo, redo and other screens, but not the echoes of our own writes (they would undo typing).
  if (item.plannedMinutes !== seen) {
    setSeen(item.plannedMinutes);
    if (!pending) setDraft(String(item.plannedMinutes));
  }

  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const text = e.target.value;
    setDraft(text);
    const minutes = parseMinutes(text);
    if (minutes === null) {
      setError('1 to 1,440 minutes');
      return;
    }
    setError(null);
    writer.current?.push(() => save(() => repos.agenda.update(item.id, { plannedMinutes: minutes })));
  };
  const onBlur = () => {
    if (error) {
      setError(null);
      setDraft(String(item.plannedMinutes));
    }
  };

  return (
    <div className="agenda-minutes">
      <label htmlFor={id} className="visually-hidden">
        Session {position} planned minutes
      </label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_MINUTES}
        step={1}
        value={draft}
        onChange={onChange}
        onBlur={onBlur}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-msg` : undefined}
      />
      <span className="agenda-minutes-unit" aria-hidden="true">
        min
      </span>
      {error ? (
        <p id={`${id}-msg`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function AddSession({ workshopId }: { workshopId: string }) {
  const draftKey = `agenda:${workshopId}`;
  const [title, setTitleState] = useState(() => loadDraft(draftKey));
  const setTitle = (t: string) => {
    setTitleState(t);
    storeDraft(draftKey, t);
  };
  const [minutes, setMinutes] = useState('30');
  const [error, setError] = useState<string | null>(null);
  const titleRef = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const t = title.trim();
    const m = parseMinutes(minutes);
    if (!t) return setError('Give the session a title.');
    if (m === null) return setError('A session lasts 1 to 1,440 minutes.');
    setError(null);
    setTitle('');
    const added = await save(() => repos.agenda.add(workshopId, t, m));
    if (!added) setTitle(t); // not stored: give the text back so nothing typed is lost
    titleRef.current?.focus();
  };

  return (
    <form className="agenda-add" onSubmit={submit} aria-label="Add a session">
      <div className="field agenda-add-title">
        <label htmlFor="agenda-new-title">New session</label>
        <input
          id="agenda-new-title"
          ref={titleRef}
          value={title}
          maxLength={SHORT_TEXT_MAX}
          placeholder="e.g. Coffee break"
          autoComplete="off"
          onChange={(e) => {
            setTitle(e.target.value);
            if (error) setError(null);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'agenda-new-error' : undefined}
        />
      </div>
      <div className="field agenda-add-minutes">
        <label htmlFor="agenda-new-minutes">Minutes</label>
        <input
          id="agenda-new-minutes"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_MINUTES}
          step={1}
          value={minutes}
          onChange={(e) => {
            setMinutes(e.target.value);
            if (error) setError(null);
          }}
        />
      </div>
      <button type="submit" className="btn btn-primary">
        Add session
      </button>
      {error ? (
        <p id="agenda-new-error" className="field-error agenda-add-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
