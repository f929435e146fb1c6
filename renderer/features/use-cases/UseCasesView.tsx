import { useCallback, useMemo, useRef, useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { repos } from '../../app/repos';
import { save } from '../../app/persist';
import { useAppStore } from '../../app/store';
import { SHORT_TEXT_MAX, USE_CASE_KINDS } from '../../domain/model';
import { isolateBidi, KIND_LABELS } from '../../domain/labels';
import { NO_FILTER, departmentsOf, filterUseCases, isFiltering, type UseCaseFilter } from '../../domain/use-case-filter';
import { UseCaseEditor } from './UseCaseEditor';
import { CsvImportDialog } from './CsvImportDialog';
import { UseCaseList } from './UseCaseList';
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
  // Positions by id: the list asks for one per row shown, and a workshop may hold thousands.
  const positions = useMemo(() => new Map(all.map((u, i) => [u.id, i])), [all]);
  const positionOf = useCallback((id: string) => positions.get(id) ?? -1, [positions]);
  const selectedIndex = selectedId === null ? -1 : positionOf(selectedId);
  const selected = all[selectedIndex] ?? null;
  // A use case just captured, to be scrolled into view once the list has it.
  const [revealId, setRevealId] = useState<string | null>(null);
  const revealed = useCallback(() => setRevealId(null), []);

  return (
    <div className="usecases">
      <section className="usecases-list-pane" aria-labelledby="uc-title">
        <div className="pane-header">
          <h1 id="uc-title" className="section-title">
            Use cases <span className="count">{all.length}</span>
          </h1>
          <button type="button" className="btn btn-small" onClick={() => openDialog({ kind: 'import-csv', workshopId })}>
            Import spreadsheet…
          </button>
        </div>
        <QuickCapture workshopId={workshopId} onCaptured={setRevealId} />
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
        <UseCaseList
          items={visible}
          reorderable={!isFiltering(filter)}
          selectedId={selectedId}
          onSelect={setSelectedId}
          positionOf={positionOf}
          viewKey={`${filter.query}\u0000${filter.kind}\u0000${filter.department}`}
          revealId={revealId}
          onRevealed={revealed}
        />
      </section>
      <section className="usecases-editor-pane" aria-label="Selected use case">
        {selected ? (
          <UseCaseEditor key={selected.id} useCase={selected} position={selectedIndex + 1} onDeleted={() => setSelectedId(null)} />
        ) : (
          <div className="editor-placeholder">
            <p>Select a use case to edit its problem, owner, data sources, expected value, kind and first scores.</p>
            <ul className="shortcut-list">
              <li>
                <kbd>Enter</kbd> in the capture box adds the use case and keeps you typing
              </li>
              <li>
                <kbd>↑</kbd> <kbd>↓</kbd> move through the list (<kbd>Page Up</kbd>, <kbd>Page Down</kbd>, <kbd>Home</kbd>, <kbd>End</kbd> jump),{' '}
                <kbd>Alt</kbd>+<kbd>↑</kbd>/<kbd>↓</kbd> reorder
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

function QuickCapture({ workshopId, onCaptured }: { workshopId: string; onCaptured: (id: string) => void }) {
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
    else onCaptured(added.id); // the list scrolls to it; the focus stays here for the next one
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
            {isolateBidi(d)}
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
