// The prioritization matrix: business impact against feasibility, readiness as the card colour.
// Dropping a card sets its consensus impact and feasibility (one undoable, audited step).
import { useCallback, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { repos } from '../../app/repos';
import { saveWithUndo } from '../../app/undo';
import type { Workshop } from '../../domain/model';
import { useInterfaceT, useT } from '../../i18n/react';
import { cellKey, layoutMatrix, parseCellKey, quadrantCounts, quadrantOfCell, roundsOverriddenBy, sameCell, type Cell, type RoundOverride } from '../../domain/matrix-layout';
import { formatScore } from '../../domain/scoring';
import { Dialog } from '../../shared/Dialog';
import { loadDraft, storeDraft } from '../../shared/draft-storage';
import { targetAt, useReleasePoint } from '../../shared/release-point';
import { useMatrixData, type MatrixEntry } from './use-matrix-data';
import { KeyboardDrag, cellCollisions, gridCoordinateGetter, matrixAnnouncements, screenReaderInstructions } from './matrix-dnd';
import { CardFace } from './MatrixCard';
import { MatrixGrid } from './MatrixGrid';
import { MatrixLegend, MatrixTray, SelectedCard } from './MatrixSide';
import './matrix.css';

export function MatrixView({ workshop }: { workshop: Workshop }) {
  const entries = useMatrixData(workshop);
  if (!entries) return <div className="matrix" aria-busy="true" />;
  return <MatrixBoard workshop={workshop} entries={entries} />;
}

/** A move shown before the database confirms it, valid only for the data it was made on. */
type PendingMove = { id: string; cell: Cell; basis: MatrixEntry[] };
/** A drop that overrides a round's consensus, waiting for its reason. */
type AskedMove = { entry: MatrixEntry; to: Cell; overrides: RoundOverride[]; byKeyboard: boolean };

/** The reason last given for overriding a round on the matrix, offered again as the default. */
const REASON_KEY = 'matrix-override-reason';

function MatrixBoard({ workshop, entries }: { workshop: Workshop; entries: MatrixEntry[] }) {
  const { t } = useT();
  const [pending, setPending] = useState<PendingMove | null>(null);
  const [pinnedId, setPinnedId] = useState<string | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [asked, setAsked] = useState<AskedMove | null>(null);
  const [keyboardDrag] = useState(() => new KeyboardDrag());
  const rootRef = useRef<HTMLDivElement | null>(null);
  const [height, attachRoot] = useFitToWindow(rootRef);

  // Until the live query delivers the stored move, show the card where it was dropped (no flash
  // back to its old cell). Any newer data replaces the guess.
  const shown = useMemo(() => {
    if (!pending || pending.basis !== entries) return entries;
    return entries.map((e) => (e.id === pending.id ? { ...e, cell: pending.cell } : e));
  }, [entries, pending]);
  const byId = useMemo(() => new Map(shown.map((e) => [e.id, e])), [shown]);
  const layout = useMemo(() => layoutMatrix(shown), [shown]);
  const counts = useMemo(() => quadrantCounts(shown), [shown]);

  const sensors = useSensors(
    // A few pixels before a drag starts, so a click still selects the card.
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: useMemo(() => gridCoordinateGetter(keyboardDrag), [keyboardDrag]) }),
  );
  const collisionDetection = useMemo(() => cellCollisions(keyboardDrag), [keyboardDrag]);
  const release = useReleasePoint();
  const titleOf = (id: string | number) => byId.get(String(id))?.title ?? t('matrix.theUseCase');
  const homeOf = (id: string | number) => byId.get(String(id))?.cell ?? null;
  // The facilitator drags, so the screen reader speaks the interface's language, even in presenter mode.
  const ui = useInterfaceT();
  const announcements = matrixAnnouncements(ui.t, ui.lang, titleOf, homeOf);

  const place = async (entry: MatrixEntry, to: Cell, note?: string) => {
    setPending({ id: entry.id, cell: to, basis: entries });
    setPinnedId(entry.id);
    const stored = await saveWithUndo(() => repos.useCases.placeOnMatrix(entry.id, to.impact, to.feasibility, note), {
      message: t('matrix.movedToast', { title: entry.title, impact: to.impact, feasibility: to.feasibility, quadrant: t(`quadrant.${quadrantOfCell(to)}`) }),
      scope: workshop.id,
    });
    if (!stored) setPending(null);
  };

  /** A drop that overrides a revealed round asks for its reason first; any other drop is placed at once. */
  const drop = (entry: MatrixEntry, to: Cell, byKeyboard: boolean) => {
    const overrides = roundsOverriddenBy(entry.consensus, to);
    if (overrides.length > 0) {
      setAsked({ entry, to, overrides, byKeyboard });
      return;
    }
    void place(entry, to);
    // The card is drawn again in its new cell; keep the keyboard on it.
    if (byKeyboard) focusCardSoon(entry.id);
  };

  const endDrag = () => {
    keyboardDrag.stop();
    delete rootRef.current?.dataset.dragging;
    setActiveId(null);
  };

  const onDragStart = ({ active, activatorEvent }: DragStartEvent) => {
    release.reset();
    const id = String(active.id);
    if (activatorEvent instanceof KeyboardEvent) keyboardDrag.start(byId.get(id)?.cell ?? null);
    else keyboardDrag.stop();
    // Scrollable lists (the tray, "+k more") stop scrolling while a card is carried: dnd-kit
    // would scroll them on an arrow key instead of moving the card one cell.
    if (rootRef.current) rootRef.current.dataset.dragging = 'true';
    setActiveId(id);
  };

  const onDragEnd = ({ active, over, activatorEvent }: DragEndEvent) => {
    const byKeyboard = keyboardDrag.active;
    endDrag();
    const entry = byId.get(String(active.id));
    // A mouse or touch drop lands on the cell under the release point (see release-point.ts).
    const releasedAt = release.take(activatorEvent);
    const key = releasedAt ? targetAt(releasedAt, 'data-cell', rootRef.current ?? document) : over ? String(over.id) : null;
    const to = key ? parseCellKey(key) : null;
    if (!entry || !to || sameCell(to, entry.cell)) return;
    drop(entry, to, byKeyboard);
  };

  const selected = selectedId ? (byId.get(selectedId) ?? null) : null;
  const active = activeId ? (byId.get(activeId) ?? null) : null;
  const select = (id: string) => setSelectedId((cur) => (cur === id ? null : id));

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionDetection}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={endDrag}
      autoScroll={false}
      accessibility={{ announcements, screenReaderInstructions: screenReaderInstructions(ui.t) }}
    >
      <div className="matrix" ref={attachRoot} style={height ? { height } : undefined}>
        <header className="matrix-header">
          <h1 id="matrix-title" className="section-title">
            {t('method.matrix.title')}
          </h1>
          <p className="mx-hint facilitator-only">
            {t('matrix.hintStart')} (<kbd>{t('shared.key.ctrl')}</kbd>+<kbd>Z</kbd> {t('matrix.hintUndoes')}). {t('matrix.hintKeys')} <kbd>{t('matrix.space')}</kbd>,{' '}
            {t('matrix.hintArrows')} <kbd>{t('matrix.space')}</kbd>.
          </p>
        </header>
        <section className="matrix-board" aria-labelledby="matrix-title">
          <MatrixGrid cells={layout.cells} counts={counts} pinnedId={pinnedId} selectedId={selectedId} dragging={activeId !== null} onSelect={select} />
        </section>
        <aside className="matrix-side" aria-label={t('matrix.sideLabel')}>
          {selected ? (
            <SelectedCard
              key={`${selected.id}:${selected.cell ? cellKey(selected.cell) : 'none'}`}
              entry={selected}
              onPlace={(e, to) => drop(e, to, false)}
              onClose={() => setSelectedId(null)}
            />
          ) : null}
          <MatrixLegend counts={counts} />
          <MatrixTray entries={layout.unplaced} selectedId={selectedId} onSelect={select} />
        </aside>
      </div>
      <DragOverlay dropAnimation={null} className="mx-overlay">
        {active ? (
          <div className="mx-card mx-card-overlay">
            <CardFace entry={active} />
          </div>
        ) : null}
      </DragOverlay>
      {asked ? (
        <OverrideReasonDialog
          move={asked}
          onCancel={() => {
            setAsked(null);
            if (asked.byKeyboard) focusCardSoon(asked.entry.id);
          }}
          onConfirm={(reason) => {
            setAsked(null);
            void place(asked.entry, asked.to, reason);
            if (asked.byKeyboard) focusCardSoon(asked.entry.id);
          }}
        />
      ) : null}
    </DndContext>
  );
}

/**
 * Asks why a drop overrides what a revealed round decided, as "Override…" does. The reason last
 * given is offered again (by default "Moved on the matrix"), so a facilitator arranging the
 * matrix live confirms with Enter; the note stays editable later through "Override…".
 */
function OverrideReasonDialog({ move, onCancel, onConfirm }: { move: AskedMove; onCancel: () => void; onConfirm: (reason: string) => void }) {
  const { t } = useT();
  const [reason, setReason] = useState(() => loadDraft(REASON_KEY) || t('matrix.defaultReason'));
  const [error, setError] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = reason.trim();
    if (!text) return setError(true);
    storeDraft(REASON_KEY, text);
    onConfirm(text);
  };
  return (
    <Dialog title={t('matrix.overrideTitle', { title: move.entry.title })} open onClose={onCancel}>
      <form className="mx-reason-form" onSubmit={submit} noValidate>
        <ul>
          {move.overrides.map((o) => (
            <li key={o.criterion}>
              {t('matrix.overrideLine', { criterion: t(`criterion.${o.criterion}`), round: o.round, from: formatScore(o.from), to: o.to })}
            </li>
          ))}
        </ul>
        <div className="field">
          <label htmlFor="mx-reason">{t('matrix.reason')}</label>
          <input
            id="mx-reason"
            value={reason}
            maxLength={2000}
            autoFocus
            onChange={(e) => {
              setReason(e.target.value);
              setError(false);
            }}
            aria-invalid={error || undefined}
            aria-describedby={error ? 'mx-reason-error' : undefined}
          />
          {error ? (
            <p className="field-error" id="mx-reason-error">
              {t('matrix.reasonRequired')}
            </p>
          ) : (
            <p className="field-hint">{t('matrix.reasonHint')}</p>
          )}
        </div>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary">
            {t('matrix.overrideAndMove')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** The smallest matrix worth drawing; below it the page scrolls. */
const MIN_HEIGHT = 480;
/** What is left of the shell's bottom padding under the matrix (see matrix.css). */
const BOTTOM_GAP = 14;

function scrollParentOf(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
    const overflow = getComputedStyle(p).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return p;
  }
  return null;
}

/**
 * Fits the matrix to what is visible below its top, whatever sits above it (the shell's header
 * and tabs, or the presenter band): the grid stays whole on a projector, and nothing around it
 * scrolls, which dnd-kit's keyboard moves need (they would scroll a scrollable page instead of
 * moving the card one cell).
 */
function useFitToWindow(rootRef: { current: HTMLDivElement | null }): [number | null, (el: HTMLDivElement | null) => (() => void) | undefined] {
  const [height, setHeight] = useState<number | null>(null);
  const attach = useCallback(
    (el: HTMLDivElement | null) => {
      rootRef.current = el;
      if (!el) return undefined;
      const parent = scrollParentOf(el);
      const fit = () => {
        const top = el.getBoundingClientRect().top;
        let available: number;
        if (parent) {
          // Presenter mode: the body between the band and the footer scrolls, not the page.
          const box = parent.getBoundingClientRect();
          const style = getComputedStyle(parent);
          const contentBottom = box.top + parent.clientTop + parent.clientHeight - parseFloat(style.paddingBottom);
          available = contentBottom - (top + parent.scrollTop);
        } else {
          available = window.innerHeight - (top + window.scrollY) - BOTTOM_GAP;
        }
        setHeight(Math.max(MIN_HEIGHT, Math.floor(available)));
      };
      fit();
      window.addEventListener('resize', fit);
      const observer = parent ? new ResizeObserver(fit) : null;
      if (parent) observer?.observe(parent);
      return () => {
        window.removeEventListener('resize', fit);
        observer?.disconnect();
        rootRef.current = null;
      };
    },
    [rootRef],
  );
  return [height, attach];
}

/** After a keyboard drop the card is a new element in another cell; give it the focus back. */
function focusCardSoon(id: string) {
  const tryFocus = (attempt: number) => {
    const card = document.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(id)}"]`);
    if (card && document.activeElement !== card) card.focus();
    else if (!card && attempt < 10) requestAnimationFrame(() => tryFocus(attempt + 1));
  };
  requestAnimationFrame(() => tryFocus(0));
}
