import { memo } from 'react';
import { useDraggable } from '@dnd-kit/core';
import { formatScore } from '../../domain/scoring';
import { readinessStep } from '../../domain/matrix-layout';
import type { MatrixEntry } from './use-matrix-data';
import { guessLanguage, useHyphenate } from '../../shared/hyphenate';
import { useT } from '../../i18n/react';
import type { AppTranslator } from '../../i18n/app-catalog';

export function readinessText(t: AppTranslator['t'], readiness: number | null): string {
  return readiness === null ? t('matrix.readinessNotScored') : formatScore(readiness);
}

/** A card's accessible name in the reader's language; the title is the user's and stays as typed. */
export function cardLabel(t: AppTranslator['t'], entry: MatrixEntry): string {
  const readiness = readinessText(t, entry.readiness);
  return entry.rank === null ? t('matrix.cardLabelUnranked', { title: entry.title, readiness }) : t('matrix.cardLabel', { title: entry.title, rank: entry.rank, readiness });
}

/** What a card looks like: readiness as a coloured band with its number, then rank and title. */
export const CardFace = memo(function CardFace({ entry }: { entry: MatrixEntry }) {
  const step = readinessStep(entry.readiness);
  const hyphenate = useHyphenate();
  return (
    <>
      <span className={`mx-band mx-ready-${step ?? 'none'}`} aria-hidden="true">
        {entry.readiness === null ? '–' : formatScore(entry.readiness, 1)}
      </span>
      {/* Rank and title share one text flow, so a two-line card wraps both and ellipsis cuts the end. */}
      <span className="mx-card-title" title={entry.title} lang={guessLanguage(entry.title)}>
        {entry.rank !== null ? (
          <span className="mx-rank" aria-hidden="true">
            {entry.rank}.
          </span>
        ) : null}
        {hyphenate(entry.title)}
      </span>
    </>
  );
});

/**
 * A card on the grid, in a "+k more" list or in the tray: a real button (Tab reaches it; a click
 * selects it) that dnd-kit also drags, by pointer or by Space and the arrow keys.
 */
export function DraggableCard({
  entry,
  selected,
  onSelect,
}: {
  entry: MatrixEntry;
  selected: boolean;
  onSelect: (id: string) => void;
}) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: entry.id });
  const { t } = useT();
  return (
    <button
      ref={setNodeRef}
      type="button"
      className={`mx-card${selected ? ' mx-card-selected' : ''}${isDragging ? ' mx-card-source' : ''}`}
      data-card-id={entry.id}
      data-testid="matrix-card"
      aria-label={cardLabel(t, entry)}
      onClick={() => onSelect(entry.id)}
      {...attributes}
      aria-roledescription={t('pipeline.draggable')}
      {...listeners}
    >
      <CardFace entry={entry} />
    </button>
  );
}
