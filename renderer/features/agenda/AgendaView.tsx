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
import { WORKSHOP_DAY_MINUTES, agendaTotals, clockReading, sessionMinutes, type ClockReading } from './agenda-summary';
import { useT } from '../../i18n/react';
import type { AppTranslator } from '../../i18n/app-catalog';
import './agenda.css';

const MAX_MINUTES = 24 * 60;
const EXTEND_MINUTES = 5;

function parseMinutes(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && n <= MAX_MINUTES ? n : null;
}

/** "14:05" in the reader's clock format. */
function clockTime(ms: number, lang: string): string {
  return new Date(ms).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' });
}

type T = AppTranslator['t'];

/** "45 min", "2 h", "4 h 15 min" (German "4 Std. 15 Min."). */
function minutesText(t: T, minutes: number): string {
  const all = Math.max(0, Math.round(minutes));
  const h = Math.floor(all / 60);
  const m = all % 60;
  if (h === 0) return t('agenda.duration.m', { m });
  return m === 0 ? t('agenda.duration.h', { h }) : t('agenda.duration.hm', { h, m });
}

/** How the planned total sits against the workshop day, in words (as dayFit, translated). */
function fitText(t: T, plannedMinutes: number): { over: boolean; text: string } {
  const diff = WORKSHOP_DAY_MINUTES - plannedMinutes;
  if (diff === 0) return { over: false, text: t('agenda.fitExact') };
  return diff > 0
    ? { over: false, text: t('agenda.fitSpare', { duration: minutesText(t, diff) }) }
    : { over: true, text: t('agenda.fitOver', { duration: minutesText(t, -diff) }) };
}

/** "12:05 left" or "3:20 over". */
function readingText(t: T, reading: ClockReading): string {
  return t(reading.over ? 'agenda.reading.over' : 'agenda.reading.left', { digits: reading.digits });
}

export function AgendaView({ workshopId, language = 'en' }: { workshopId: string; language?: Language }) {
  const { t } = useT();
  const { items, now } = useAgenda(workshopId);
  if (items === undefined) return null;
  const current = currentSession(items);
  return (
    <div className="agenda">
      <section className="panel agenda-pane" aria-labelledby="agenda-title">
        <div className="pane-header">
          <h1 id="agenda-title" className="section-title">
            {t('agenda.title')} <span className="count">{items.length}</span>
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
              {t('agenda.shortcutStart')} (<kbd>F5</kbd> {t('agenda.shortcutStartKeys')}
            </li>
            <li>
              <kbd>Alt</kbd>+<kbd>↑</kbd>/<kbd>↓</kbd> {t('agenda.shortcutMove')} <kbd>{t('shared.key.ctrl')}</kbd>+<kbd>Z</kbd>{' '}
              {t('agenda.shortcutUndo')}
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
  const { t } = useT();
  return (
    <div className="agenda-empty">
      <p>{t('agenda.emptyIntro')}</p>
      <button type="button" className="btn btn-primary btn-large" onClick={() => void save(() => repos.agenda.addDefault(workshopId))}>
        {t('agenda.addStandard')}
      </button>
      <p className="muted">
        {t('agenda.standardSummary', { count: sessions.length, duration: minutesText(t, total), titles: sessions.map((s) => s.title).join(', ') })}
      </p>
    </div>
  );
}

function AgendaSummary({ items, now, current }: { items: AgendaItem[]; now: number; current: AgendaItem | null }) {
  const { t, lang } = useT();
  const totals = agendaTotals(items, now);
  const fit = fitText(t, totals.plannedMinutes);
  const share = Math.min(100, (totals.plannedMinutes / WORKSHOP_DAY_MINUTES) * 100);
  const reading = current ? clockReading(current, now) : null;
  return (
    <div className="agenda-summary">
      <dl className="agenda-summary-grid">
        <div>
          <dt>{t('agenda.planned')}</dt>
          <dd>
            {minutesText(t, totals.plannedMinutes)}{' '}
            <span className={fit.over ? 'agenda-over' : 'muted'}>{t('agenda.ofTheDay', { day: minutesText(t, WORKSHOP_DAY_MINUTES), fit: fit.text })}</span>
          </dd>
        </div>
        <div>
          <dt>{t('agenda.usedSoFar')}</dt>
          <dd className="agenda-digits">{formatCountdown(totals.usedSeconds)}</dd>
        </div>
        <div>
          <dt>{t('agenda.stillToRun')}</dt>
          <dd>
            {totals.toRunSeconds > 0 ? (
              <>
                {minutesText(t, Math.ceil(totals.toRunSeconds / 60))}{' '}
                <span className="muted">{t('agenda.untilAbout', { time: clockTime(now + totals.toRunSeconds * 1000, lang) })}</span>
              </>
            ) : (
              t('agenda.nothing')
            )}
          </dd>
        </div>
        <div className="agenda-summary-now">
          <dt>{current?.state === 'pending' ? t('agenda.upNext') : t('agenda.now')}</dt>
          <dd>
            {current && reading ? (
              <>
                <span className="agenda-summary-title">{current.title}</span>{' '}
                {current.state === 'pending' ? (
                  <span className="muted">{t('agenda.duration.m', { m: sessionMinutes(current) })}</span>
                ) : (
                  <span className={reading.over ? 'agenda-over' : undefined}>
                    {readingText(t, reading)}
                    {current.state === 'paused' ? t('agenda.pausedSuffix') : ''}
                  </span>
                )}
              </>
            ) : (
              t('agenda.allDone')
            )}
          </dd>
        </div>
      </dl>
      <div
        className="agenda-daybar"
        role="meter"
        aria-label={t('agenda.dayMeter')}
        aria-valuemin={0}
        aria-valuemax={WORKSHOP_DAY_MINUTES}
        aria-valuenow={Math.min(totals.plannedMinutes, WORKSHOP_DAY_MINUTES)}
        aria-valuetext={t('agenda.dayMeterText', { duration: minutesText(t, totals.plannedMinutes), fit: fit.text })}
      >
        <span className={`agenda-daybar-fill ${fit.over ? 'agenda-daybar-over' : ''}`} style={{ width: `${share}%` }} />
      </div>
    </div>
  );
}

const clockButtonId = (id: string) => `agenda-${id}-clock`;

/** What a screen reader says for a session's clock. */
function clockSpeech(t: T, item: AgendaItem, reading: ClockReading): string {
  if (item.state === 'pending') return t('agenda.speech.pending', { minutes: sessionMinutes(item) });
  if (item.state === 'done') return reading.over ? t('agenda.speech.doneOver', { reading: readingText(t, reading) }) : t('agenda.speech.doneEarly', { digits: reading.digits });
  return t('agenda.speech.active', { state: t(`agenda.state.${item.state}`).toLowerCase(), reading: readingText(t, reading) });
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
  const { t } = useT();
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
    void saveWithUndo(() => repos.agenda.remove(item.id), { message: t('agenda.removedToast', { title: item.title }), scope: item.workshopId }).then((removed) => {
      if (removed) focusSoon(neighbour ? clockButtonId(neighbour.id) : 'agenda-new-title'); // else the error toast has said why
    });
  };

  return (
    <ol className="agenda-list" aria-label={t('agenda.listLabel')}>
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
  const { t } = useT();
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
      ? { text: t('agenda.pause'), name: t('agenda.pauseLabel', { title }), run: act(() => repos.agenda.pause(item.id)) }
      : state === 'pending'
        ? { text: t('agenda.start'), name: t('agenda.startLabel', { title }), run: act(() => repos.agenda.start(item.id)) }
        : { text: t('agenda.resume'), name: t('agenda.resumeLabel', { title }), run: act(() => repos.agenda.start(item.id)) };

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
        label={t('agenda.sessionTitle', { position })}
        value={title}
        required
        maxLength={SHORT_TEXT_MAX}
        inputId={`agenda-${item.id}-title`}
        onSave={(text) => repos.agenda.update(item.id, { title: text })}
      />
      <MinutesField item={item} position={position} />
      <div className="agenda-status">
        <span className={`agenda-state agenda-state-${state}`}>{t(`agenda.state.${state}`)}</span>
        <span className="agenda-clock" role="timer" aria-label={`${title}: ${clockSpeech(t, item, reading)}`}>
          {state === 'pending' ? (
            <span className="agenda-clock-main agenda-clock-planned">{t('agenda.minutesPlanned', { minutes: sessionMinutes(item) })}</span>
          ) : (
            <>
              <span className={`agenda-clock-main agenda-digits ${reading.over ? 'agenda-over' : ''}`} data-testid="agenda-countdown">
                {state === 'done' && !reading.over ? t('agenda.early', { digits: reading.digits }) : readingText(t, reading)}
              </span>
              <span className="agenda-clock-sub">
                {t('agenda.usedOf', {
                  used: formatCountdown(elapsedSeconds(item, now)),
                  planned: item.plannedMinutes,
                  extra: item.extraMinutes > 0 ? ` + ${item.extraMinutes}` : '',
                })}
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
          <button type="button" className="btn btn-small" aria-label={t('agenda.extendLabel', { minutes: EXTEND_MINUTES, title })} onClick={act(() => repos.agenda.extend(item.id, EXTEND_MINUTES))}>
            {t('agenda.extend', { minutes: EXTEND_MINUTES })}
          </button>
        ) : (
          <span className="agenda-slot" />
        )}
        {active ? (
          <button type="button" className="btn btn-small" aria-label={t('agenda.doneLabel', { title })} onClick={act(() => repos.agenda.complete(item.id), true)}>
            {t('agenda.done')}
          </button>
        ) : (
          <span className="agenda-slot" />
        )}
        {state !== 'pending' ? (
          <button
            type="button"
            className="btn btn-small btn-ghost"
            aria-label={t('agenda.resetLabel', { title })}
            title={t('agenda.resetTitle')}
            onClick={act(() => repos.agenda.reset(item.id), true)}
          >
            {t('agenda.reset')}
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
          aria-label={t('agenda.moveUpLabel', { title })}
          title={t('agenda.moveUpTitle')}
          aria-disabled={isFirst || undefined}
          onClick={() => onMove(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          id={`agenda-${item.id}-down`}
          className="btn btn-small btn-ghost"
          aria-label={t('agenda.moveDownLabel', { title })}
          title={t('agenda.moveDownTitle')}
          aria-disabled={isLast || undefined}
          onClick={() => onMove(1)}
        >
          ↓
        </button>
      </span>
      <button type="button" className="btn btn-small btn-danger agenda-remove" aria-label={t('agenda.removeLabel', { title })} title={t('agenda.removeTitle')} onClick={onRemove}>
        {t('agenda.remove')}
      </button>
    </li>
  );
}

/** Planned minutes, stored on every valid keystroke like AutosaveField; an invalid number is shown, not stored. */
function MinutesField({ item, position }: { item: AgendaItem; position: number }) {
  const { t } = useT();
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
      setError(t('agenda.minutesInvalid'));
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
        {t('agenda.sessionMinutes', { position })}
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
        {t('agenda.minUnit')}
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
  const { t } = useT();
  const setTitle = (text: string) => {
    setTitleState(text);
    storeDraft(draftKey, text);
  };
  const [minutes, setMinutes] = useState('30');
  const [error, setError] = useState<string | null>(null);
  const titleRef = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const typed = title.trim();
    const m = parseMinutes(minutes);
    if (!typed) return setError(t('agenda.needsTitle'));
    if (m === null) return setError(t('agenda.minutesRange'));
    setError(null);
    setTitle('');
    const added = await save(() => repos.agenda.add(workshopId, typed, m));
    if (!added) setTitle(typed); // not stored: give the text back so nothing typed is lost
    titleRef.current?.focus();
  };

  return (
    <form className="agenda-add" onSubmit={submit} aria-label={t('agenda.addLabel')}>
      <div className="field agenda-add-title">
        <label htmlFor="agenda-new-title">{t('agenda.newSession')}</label>
        <input
          id="agenda-new-title"
          ref={titleRef}
          value={title}
          maxLength={SHORT_TEXT_MAX}
          placeholder={t('agenda.newPlaceholder')}
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
        <label htmlFor="agenda-new-minutes">{t('agenda.minutes')}</label>
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
        {t('agenda.addSession')}
      </button>
      {error ? (
        <p id="agenda-new-error" className="field-error agenda-add-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
