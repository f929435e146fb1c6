// The pipeline board: one column per stage plus Stopped. Dropping a card on another column opens
// the review that move needs (a gate, a skip, a move back, a stop, a re-entry); only a recorded
// decision moves the card. Pointer and keyboard (Space, ←/→, Space) both work.
import { useMemo, useState } from 'react';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
} from '@dnd-kit/core';
import { routeHref } from '../../app/router';
import { STAGES, type Stage, type Workshop } from '../../domain/model';
import { classifyMove } from '../../domain/stages';
import { useT } from '../../i18n/react';
import type { AppMessageId } from '../../i18n/app-catalog';
import { decisionLabel, readerDate, stageLabel, verdictLabel } from '../../shared/stage-words';
import { guessLanguage, useHyphenate } from '../../shared/hyphenate';
import { targetAt, useReleasePoint } from '../../shared/release-point';
import { usePipelineData, type PipelineCard } from './use-pipeline-data';
import { GateReviewDialog } from './GateReviewDialog';
import './pipeline.css';

const COLUMNS: readonly Stage[] = STAGES;
const columnKey = (s: Stage) => `stage:${s}`;
const stageOfKey = (k: string | number | undefined): Stage | null => {
  if (typeof k !== 'string' || !k.startsWith('stage:')) return null;
  const s = k.slice(6);
  return (STAGES as readonly string[]).includes(s) ? (s as Stage) : null;
};

const STAGE_PURPOSE: Record<Stage, AppMessageId> = {
  readiness: 'pipeline.purpose.readiness',
  'pilot-design': 'pipeline.purpose.pilotDesign',
  pilot: 'pipeline.purpose.pilot',
  gate: 'pipeline.purpose.gate',
  hardening: 'pipeline.purpose.hardening',
  rollout: 'pipeline.purpose.rollout',
  scale: 'pipeline.purpose.scale',
  stopped: 'pipeline.purpose.stopped',
};

/** Tracks the column a keyboard drag is over; arrows move it one column at a time. */
class ColumnDrag {
  index: number | null = null;
  start(stage: Stage) {
    this.index = COLUMNS.indexOf(stage);
  }
  stop() {
    this.index = null;
  }
  step(delta: number): Stage | null {
    if (this.index === null) return null;
    this.index = Math.max(0, Math.min(COLUMNS.length - 1, this.index + delta));
    return COLUMNS[this.index] ?? null;
  }
  get stage(): Stage | null {
    return this.index === null ? null : (COLUMNS[this.index] ?? null);
  }
}

type Review = { card: PipelineCard; from: Stage; to: Stage };

export function PipelineView({ workshop }: { workshop: Workshop }) {
  const data = usePipelineData(workshop);
  const { t } = useT();
  const [activeId, setActiveId] = useState<string | null>(null);
  const [review, setReview] = useState<Review | null>(null);
  const [drag] = useState(() => new ColumnDrag());
  const release = useReleasePoint();

  const coordinateGetter: KeyboardCoordinateGetter = useMemo(
    () =>
      (event, { context, currentCoordinates }) => {
        const delta = event.code === 'ArrowRight' ? 1 : event.code === 'ArrowLeft' ? -1 : 0;
        if (delta === 0) {
          if (event.code === 'ArrowUp' || event.code === 'ArrowDown') event.preventDefault();
          return undefined;
        }
        event.preventDefault();
        const to = drag.step(delta);
        const rect = to ? context.droppableRects.get(columnKey(to)) : undefined;
        const card = context.collisionRect;
        if (!rect || !card) return currentCoordinates;
        return { x: rect.left + rect.width / 2 - card.width / 2, y: rect.top + 60 };
      },
    [drag],
  );
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter }),
  );
  const collisionDetection: CollisionDetection = useMemo(
    () =>
      ({ droppableContainers, droppableRects, pointerCoordinates }) => {
        if (drag.stage) return [{ id: columnKey(drag.stage) }];
        if (!pointerCoordinates) return [];
        const { x, y } = pointerCoordinates;
        for (const c of droppableContainers) {
          const r = droppableRects.get(c.id);
          if (r && x >= r.left && x <= r.left + r.width && y >= r.top && y <= r.top + r.height) return [{ id: c.id }];
        }
        return [];
      },
    [drag],
  );

  const byId = useMemo(() => new Map((data?.cards ?? []).map((c) => [c.id, c])), [data]);
  if (!data) return <div className="pipeline" aria-busy="true" />;

  const titleOf = (id: string | number) => byId.get(String(id))?.title ?? t('pipeline.theUseCase');
  const stageOf = (c: PipelineCard | undefined) => (c ? stageLabel(t, c.stage) : t('pipeline.itsStage'));
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('pipeline.dragStart', { title: titleOf(active.id), stage: stageOf(byId.get(String(active.id))) }),
    onDragOver: ({ active, over }) => {
      const s = stageOfKey(over?.id);
      return s ? t('pipeline.dragOver', { title: titleOf(active.id), stage: stageLabel(t, s) }) : t('pipeline.dragOverNone', { title: titleOf(active.id) });
    },
    onDragEnd: ({ active, over }) => {
      const s = stageOfKey(over?.id);
      const c = byId.get(String(active.id));
      if (!s || !c || s === c.stage) return t('pipeline.dragStays', { title: titleOf(active.id), stage: stageOf(c) });
      return t('pipeline.dragDropped', { title: titleOf(active.id), stage: stageLabel(t, s) });
    },
    onDragCancel: ({ active }) => t('pipeline.dragCancel', { title: titleOf(active.id) }),
  };

  const onDragStart = ({ active, activatorEvent }: DragStartEvent) => {
    release.reset();
    const c = byId.get(String(active.id));
    if (activatorEvent instanceof KeyboardEvent && c) drag.start(c.stage);
    else drag.stop();
    setActiveId(String(active.id));
  };
  const onDragEnd = ({ active, over, activatorEvent }: DragEndEvent) => {
    drag.stop();
    setActiveId(null);
    const c = byId.get(String(active.id));
    const releasedAt = release.take(activatorEvent);
    const to = releasedAt ? stageOfKey(`stage:${targetAt(releasedAt, 'data-stage') ?? ''}`) : stageOfKey(over?.id);
    if (!c || !to || to === c.stage) return;
    setReview({ card: c, from: c.stage, to });
  };

  const columns = COLUMNS.map((stage) => ({ stage, cards: data.cards.filter((c) => c.stage === stage) }));
  const active = activeId ? byId.get(activeId) : undefined;

  return (
    <div className="pipeline">
      <header className="pipeline-header">
        <h1 className="section-title">
          {t('pipeline.title')} <span className="count">{data.cards.length}</span>
        </h1>
        <p className="pipeline-hint facilitator-only">
          {t('pipeline.hint')} <kbd>{t('pipeline.keySpace')}</kbd>,{' '}
          <kbd>←</kbd>/<kbd>→</kbd>, <kbd>{t('pipeline.keySpace')}</kbd>. {t('pipeline.hintOrder')}
        </p>
      </header>
      {data.cards.length === 0 ? (
        <p className="panel">
          {t('pipeline.emptyNoUseCases')} <a href={routeHref({ name: 'workshop', workshopId: workshop.id, tab: 'use-cases' })}>{t('pipeline.emptyCapture')}</a>
        </p>
      ) : (
        <DndContext
          sensors={sensors}
          collisionDetection={collisionDetection}
          onDragStart={onDragStart}
          onDragEnd={onDragEnd}
          onDragCancel={() => {
            drag.stop();
            setActiveId(null);
          }}
          autoScroll={false}
          accessibility={{
            announcements,
            screenReaderInstructions: {
              draggable: t('pipeline.srInstructions'),
            },
          }}
        >
          <div className="pipeline-board" role="list" aria-label={t('pipeline.stagesLabel')}>
            {columns.map((col) => (
              <Column key={col.stage} stage={col.stage} cards={col.cards} workshopId={workshop.id} dragging={activeId !== null} />
            ))}
          </div>
          <DragOverlay dropAnimation={null}>
            {active ? (
              <div className="pl-card pl-card-overlay">
                <CardBody card={active} />
              </div>
            ) : null}
          </DragOverlay>
        </DndContext>
      )}
      {review ? (
        <GateReviewDialog
          workshop={workshop}
          useCaseId={review.card.id}
          title={review.card.title}
          verdict={review.card.verdict}
          from={review.from}
          to={review.to}
          onClose={() => setReview(null)}
        />
      ) : null}
    </div>
  );
}

function Column({ stage, cards, workshopId, dragging }: { stage: Stage; cards: PipelineCard[]; workshopId: string; dragging: boolean }) {
  const { setNodeRef, isOver } = useDroppable({ id: columnKey(stage) });
  const headingId = `pl-col-${stage}`;
  const { t, lang } = useT();
  const hyphenate = useHyphenate();
  return (
    <section
      ref={setNodeRef}
      role="listitem"
      aria-labelledby={headingId}
      className={`pl-column pl-column-${stage}${isOver ? ' pl-column-over' : ''}${dragging ? ' pl-column-dragging' : ''}`}
      data-stage={stage}
    >
      <header className="pl-column-header">
        <h2 id={headingId}>
          {/* A long stage name in a narrow column ("Industrialisation") hyphenates by the interface's language. */}
          <span className="pl-column-name">{hyphenate(stageLabel(t, stage), lang === 'de' || lang === 'fr' ? lang : 'en')}</span> <span className="pl-count">{cards.length}</span>
        </h2>
        <p>{t(STAGE_PURPOSE[stage])}</p>
      </header>
      <ul className="pl-cards" aria-label={t('pipeline.useCasesIn', { stage: stageLabel(t, stage) })}>
        {cards.map((c) => (
          <li key={c.id}>
            <Card card={c} workshopId={workshopId} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function Card({ card, workshopId }: { card: PipelineCard; workshopId: string }) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: card.id });
  const { t } = useT();
  return (
    <div ref={setNodeRef} className={`pl-card${isDragging ? ' pl-card-source' : ''}`} data-testid="pipeline-card" data-card-id={card.id}>
      <button
        type="button"
        className="pl-handle"
        aria-label={card.rank ? t('pipeline.cardLabelRanked', { title: card.title, stage: stageLabel(t, card.stage), rank: card.rank }) : t('pipeline.cardLabel', { title: card.title, stage: stageLabel(t, card.stage) })}
        {...attributes}
        aria-roledescription={t('pipeline.draggable')}
        {...listeners}
      >
        <CardBody card={card} />
      </button>
      <a className="pl-open" href={routeHref({ name: 'workshop', workshopId, tab: 'pipeline', useCaseId: card.id, section: sectionFor(card.stage) })}>
        {t('pipeline.openRecord')}<span className="visually-hidden">{t('pipeline.openRecordOf', { title: card.title })}</span>
      </a>
    </div>
  );
}

function sectionFor(stage: Stage) {
  if (stage === 'readiness') return 'readiness' as const;
  if (stage === 'pilot-design' || stage === 'pilot') return 'pilot' as const;
  if (stage === 'stopped') return 'decisions' as const;
  return 'controls' as const;
}

function CardBody({ card }: { card: PipelineCard }) {
  const last = card.lastDecision;
  const { t, lang } = useT();
  const hyphenate = useHyphenate();
  return (
    <>
      <span className="pl-title" lang={guessLanguage(card.title)}>
        {card.rank !== null ? <span className="pl-rank">{card.rank}.</span> : null}
        {hyphenate(card.title)}
      </span>
      {card.stage === 'readiness' ? <span className={`pl-verdict pl-verdict-${card.verdict.verdict}`}>{verdictLabel(t, card.verdict.verdict)}</span> : null}
      {last ? (
        <span className="pl-last">
          {decisionLabel(t, last.decision)} · {readerDate(lang, last.date)}
          {classifyMove(last.fromStage, last.toStage) === 'skip' ? t('pipeline.skippedStage') : ''}
        </span>
      ) : null}
    </>
  );
}
