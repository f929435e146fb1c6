import { useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { repos } from '../../app/repos';
import { save } from '../../app/persist';
import { useAppStore } from '../../app/store';
import { runHistory } from '../../app/undo';
import { SHORT_TEXT_MAX, USE_CASE_KINDS, type UseCase } from '../../domain/model';
import { KIND_LABELS } from '../../domain/labels';
import { NO_FILTER, departmentsOf, filterUseCases, isFiltering, type UseCaseFilter } from '../../domain/use-case-filter';
import { UseCaseEditor } from './UseCaseEditor';
import { CsvImportDialog } from './CsvImportDialog';
import { loadDraft, storeDraft } from '../../shared/draft-storage';

export function UseCasesView({ workshopId, focusId }: { workshopId: string; focusId?: string | undefined }) {
  const useCases = useLiveQuery(() => repos.useCases.list(workshopId), [workshopId]);
  // A link to `#/w/<ws>/use-cases/<uc>` (from the health check, say) opens that use case.
  const [selectedId, setSelectedId] = useState<string | null>(focusId ?? null);
  const [focusSeen, setFocusSeen] = useState(focusId);
  if (focusId !== focusSeen) {
    setFocusSeen(focusId);
    if (focusId) setSelectedId(focusId);
  }
  const [filter, setFilter] = useState<UseCaseFilter>(NO_FILTER);
  const importing = useAppStore((s) => s.dialog?.kind === 'import-csv' && s.dialog.workshopId === workshopId);
  const openDialog = useAppStore((s) => s.openDialog);
  const closeDialog = useAppStore((s) => s.closeDialog);

  const all = useMemo(() => useCases ?? [], [useCases]);
  const visible = useMemo(() => filterUseCases(all, filter), [all, filter]);
  const departments = useMemo(() => departmentsOf(all), [all]);
  const selected = all.find((u) => u.id === selectedId) ?? null;

  return (
    <div className="usecases">
      <section className="usecases-list-pane" aria-labelledby="uc-title">
        <div className="pane-header">
          <h1 id="uc-title" className="section-title">
            Use cases <span className="count">{all.length}</span>
          </h1>
          <button type="button" className="btn btn-small" onClick={() => openDialog({ kind: 'import-csv', workshopId })}>
            Import CSV…
          </button>
        </div>
        <QuickCapture workshopId={workshopId} />
        <FilterBar filter={filter} onChange={setFilter} departments={departments} shown={visible.length} total={all.length} />
        {useCases !== undefined && all.length === 0 ? (
          <p className="empty-hint">
            No use cases yet. Type a title above and press Enter; keep typing the next one. Or import the spreadsheet your client sent.
          </p>
        ) : null}
        {all.length > 0 && visible.length === 0 ? <p className="empty-hint">No use case matches this search.</p> : null}
        {visible.length > 0 ? (
          <div className="uc-list-legend" aria-hidden="true">
            <span>Use case</span>
            <span className="uc-scores">
              <span title="Business impact">I</span>
              <span title="Feasibility">F</span>
              <span title="Organizational readiness">R</span>
            </span>
          </div>
        ) : null}
        <SortableList
          items={visible}
          reorderable={!isFiltering(filter)}
          selectedId={selectedId}
          onSelect={setSelectedId}
          positionOf={(id) => all.findIndex((u) => u.id === id)}
        />
      </section>
      <section className="usecases-editor-pane" aria-label="Selected use case">
        {selected ? (
          <UseCaseEditor key={selected.id} useCase={selected} position={all.indexOf(selected) + 1} onDeleted={() => setSelectedId(null)} />
        ) : (
          <div className="editor-placeholder">
            <p>Select a use case to edit its problem, owner, data sources, expected value, kind and first scores.</p>
            <ul className="shortcut-list">
              <li>
                <kbd>Enter</kbd> in the capture box adds the use case and keeps you typing
              </li>
              <li>
                <kbd>↑</kbd> <kbd>↓</kbd> move through the list, <kbd>Alt</kbd>+<kbd>↑</kbd>/<kbd>↓</kbd> reorder
              </li>
              <li>
                <kbd>Delete</kbd> removes the selected use case; <kbd>Ctrl</kbd>+<kbd>Z</kbd> brings it back
              </li>
            </ul>
          </div>
        )}
      </section>
      <CsvImportDialog workshopId={workshopId} open={importing} onClose={closeDialog} />
    </div>
  );
}

function QuickCapture({ workshopId }: { workshopId: string }) {
  const draftKey = `capture:${workshopId}`;
  const [title, setTitleState] = useState(() => loadDraft(draftKey));
  const setTitle = (t: string) => {
    setTitleState(t);
    storeDraft(draftKey, t);
  };
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const t = title.trim();
    if (!t) {
      setError('Type a title first.');
      return;
    }
    setError(null);
    setTitle('');
    const added = await save(() => repos.useCases.add(workshopId, { title: t }));
    if (!added) setTitle(t); // not stored: give the text back so nothing typed is lost
    inputRef.current?.focus();
  };
  return (
    <form className="capture" onSubmit={submit}>
      <label htmlFor="capture-input" className="visually-hidden">
        New use case title
      </label>
      <input
        id="capture-input"
        ref={inputRef}
        className="capture-input"
        value={title}
        maxLength={SHORT_TEXT_MAX}
        placeholder="Type a use case and press Enter…"
        autoFocus
        autoComplete="off"
        onChange={(e) => {
          setTitle(e.target.value);
          if (error) setError(null);
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'capture-error' : undefined}
      />
      <button type="submit" className="btn btn-primary">
        Add
      </button>
      {error ? (
        <p id="capture-error" className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

function FilterBar({
  filter,
  onChange,
  departments,
  shown,
  total,
}: {
  filter: UseCaseFilter;
  onChange: (f: UseCaseFilter) => void;
  departments: string[];
  shown: number;
  total: number;
}) {
  return (
    <div className="filters" role="search">
      <label htmlFor="uc-search" className="visually-hidden">
        Search use cases
      </label>
      <input
        id="uc-search"
        type="search"
        placeholder="Search"
        value={filter.query}
        maxLength={200}
        onChange={(e) => onChange({ ...filter, query: e.target.value })}
      />
      <label htmlFor="uc-kind" className="visually-hidden">
        Filter by kind
      </label>
      <select id="uc-kind" value={filter.kind} onChange={(e) => onChange({ ...filter, kind: e.target.value as UseCaseFilter['kind'] })}>
        <option value="all">All kinds</option>
        {USE_CASE_KINDS.map((k) => (
          <option key={k} value={k}>
            {KIND_LABELS[k]}
          </option>
        ))}
      </select>
      <label htmlFor="uc-dept" className="visually-hidden">
        Filter by department
      </label>
      <select id="uc-dept" value={filter.department} onChange={(e) => onChange({ ...filter, department: e.target.value })}>
        <option value="all">All departments</option>
        {departments.map((d) => (
          <option key={d} value={d}>
            {d}
          </option>
        ))}
      </select>
      {isFiltering(filter) ? (
        <span className="filter-status" role="status">
          {shown} of {total}{' '}
          <button type="button" className="btn btn-ghost btn-small" onClick={() => onChange(NO_FILTER)}>
            Clear
          </button>
        </span>
      ) : null}
    </div>
  );
}

function SortableList({
  items,
  reorderable,
  selectedId,
  onSelect,
  positionOf,
}: {
  items: UseCase[];
  reorderable: boolean;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  positionOf: (id: string) => number;
}) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const titleOf = (id: string | number) => items.find((u) => u.id === id)?.title ?? 'use case';
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${titleOf(active.id)}. Use the arrow keys to move it, Space to drop, Escape to cancel.`,
    onDragOver: ({ active, over }) =>
      over ? `${titleOf(active.id)} is over position ${positionOf(String(over.id)) + 1}.` : `${titleOf(active.id)} is not over the list.`,
    onDragEnd: ({ active, over }) =>
      over ? `${titleOf(active.id)} dropped at position ${positionOf(String(over.id)) + 1}.` : `${titleOf(active.id)} dropped.`,
    onDragCancel: ({ active }) => `Moving ${titleOf(active.id)} was cancelled.`,
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    void save(() => repos.useCases.move(String(active.id), positionOf(String(over.id))));
  };

  const focusRow = (id: string) => document.getElementById(`uc-row-${id}`)?.focus();

  const onRowKey = (e: KeyboardEvent, u: UseCase, index: number) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const delta = e.key === 'ArrowDown' ? 1 : -1;
      if (e.altKey) {
        if (!reorderable) return;
        const to = positionOf(u.id) + delta;
        if (to < 0 || to >= items.length) return;
        void save(() => repos.useCases.move(u.id, to)).then(() => focusRow(u.id));
        return;
      }
      const next = items[index + delta];
      if (next) {
        onSelect(next.id);
        focusRow(next.id);
      }
    } else if (e.key === 'Enter') {
      e.preventDefault();
      onSelect(u.id);
      document.getElementById('uc-edit-title')?.focus();
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      const neighbour = items[index + 1] ?? items[index - 1];
      void deleteUseCase(u).then(() => {
        onSelect(neighbour?.id ?? null);
        if (neighbour) focusRow(neighbour.id);
      });
    }
  };

  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ announcements }}>
      <SortableContext items={items.map((u) => u.id)} strategy={verticalListSortingStrategy} disabled={!reorderable}>
        <ol className="uc-list" aria-label="Use cases in priority order">
          {items.map((u, i) => (
            <SortableRow
              key={u.id}
              useCase={u}
              position={positionOf(u.id) + 1}
              selected={u.id === selectedId}
              reorderable={reorderable}
              onSelect={() => onSelect(u.id)}
              onKeyDown={(e) => onRowKey(e, u, i)}
            />
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}

export async function deleteUseCase(u: UseCase): Promise<void> {
  await save(() => repos.useCases.remove(u.id));
  useAppStore.getState().showToast({
    tone: 'info',
    message: `Deleted “${u.title}”.`,
    action: { label: 'Undo', run: () => void runHistory('undo', u.workshopId) },
  });
}

function scoreText(v: number | null): string {
  return v === null ? '–' : String(v);
}

function SortableRow({
  useCase: u,
  position,
  selected,
  reorderable,
  onSelect,
  onKeyDown,
}: {
  useCase: UseCase;
  position: number;
  selected: boolean;
  reorderable: boolean;
  onSelect: () => void;
  onKeyDown: (e: KeyboardEvent) => void;
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: u.id, disabled: !reorderable });
  const s = u.initialScores;
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={`uc-row ${selected ? 'uc-row-selected' : ''} ${isDragging ? 'uc-row-dragging' : ''}`}
      data-testid="uc-row"
    >
      <button
        type="button"
        ref={setActivatorNodeRef}
        className="drag-handle"
        aria-label={`Reorder ${u.title}`}
        disabled={!reorderable}
        title={reorderable ? 'Drag to reorder (or Space, then arrow keys)' : 'Clear the search to reorder'}
        {...attributes}
        {...listeners}
      >
        ⋮⋮
      </button>
      <div
        id={`uc-row-${u.id}`}
        className="uc-row-main"
        role="button"
        tabIndex={0}
        aria-pressed={selected}
        aria-label={`${position}. ${u.title}`}
        onClick={onSelect}
        onFocus={onSelect}
        onKeyDown={onKeyDown}
      >
        <span className="uc-pos" aria-hidden="true">
          {position}
        </span>
        <span className="uc-text">
          <span className="uc-title" title={u.title}>
            {u.title}
          </span>
          <span className="uc-sub">
            {[u.department, u.businessOwner].filter(Boolean).join(' · ') || <em className="muted">No department or owner yet</em>}
          </span>
        </span>
        <span className={`chip chip-${u.kind}`}>{KIND_LABELS[u.kind]}</span>
        <span className="uc-scores" aria-label={`Impact ${scoreText(s.impact)}, feasibility ${scoreText(s.feasibility)}, readiness ${scoreText(s.readiness)}`}>
          <span title="Impact">{scoreText(s.impact)}</span>
          <span title="Feasibility">{scoreText(s.feasibility)}</span>
          <span title="Readiness">{scoreText(s.readiness)}</span>
        </span>
      </div>
    </li>
  );
}
