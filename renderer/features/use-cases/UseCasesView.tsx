import { useCallback, useMemo, useRef, useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { repos } from '../../app/repos';
import { save } from '../../app/persist';
import { useAppStore } from '../../app/store';
import { SHORT_TEXT_MAX, USE_CASE_KINDS } from '../../domain/model';
import { isolateBidi } from '../../domain/labels';
import { useT } from '../../i18n/react';
import { NO_FILTER, departmentsOf, filterUseCases, isFiltering, type UseCaseFilter } from '../../domain/use-case-filter';
import { UseCaseEditor } from './UseCaseEditor';
import { CsvImportDialog } from './CsvImportDialog';
import { UseCaseList } from './UseCaseList';
import { loadDraft, storeDraft } from '../../shared/draft-storage';

export function UseCasesView({ workshopId, focusId }: { workshopId: string; focusId?: string | undefined }) {
  const { t } = useT();
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
            {t('usecases.title')} <span className="count">{all.length}</span>
          </h1>
          <button type="button" className="btn btn-small" onClick={() => openDialog({ kind: 'import-csv', workshopId })}>
            {t('usecases.importSpreadsheet')}
          </button>
        </div>
        <QuickCapture workshopId={workshopId} onCaptured={setRevealId} />
        <FilterBar filter={filter} onChange={setFilter} departments={departments} shown={visible.length} total={all.length} />
        {useCases !== undefined && all.length === 0 ? (
          <p className="empty-hint">{t('usecases.empty')}</p>
        ) : null}
        {all.length > 0 && visible.length === 0 ? <p className="empty-hint">{t('usecases.noMatch')}</p> : null}
        {visible.length > 0 ? (
          <div className="uc-list-legend" aria-hidden="true">
            <span>{t('usecases.legendUseCase')}</span>
            <span className="uc-scores">
              <span title={t('criterion.impact')}>{t('usecases.letterImpact')}</span>
              <span title={t('criterion.feasibility')}>{t('usecases.letterFeasibility')}</span>
              <span title={t('criterion.readiness')}>{t('usecases.letterReadiness')}</span>
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
      <section className="usecases-editor-pane" aria-label={t('usecases.selectedLabel')}>
        {selected ? (
          <UseCaseEditor key={selected.id} useCase={selected} position={selectedIndex + 1} onDeleted={() => setSelectedId(null)} />
        ) : (
          <div className="editor-placeholder">
            <p>{t('usecases.placeholderHelp')}</p>
            <ul className="shortcut-list">
              <li>
                <kbd>{t('shared.key.enter')}</kbd> {t('usecases.shortcutEnter')}
              </li>
              <li>
                <kbd>↑</kbd> <kbd>↓</kbd> {t('usecases.shortcutMove')} (<kbd>{t('shared.key.pageUp')}</kbd>, <kbd>{t('shared.key.pageDown')}</kbd>, <kbd>{t('shared.key.home')}</kbd>, <kbd>{t('shared.key.end')}</kbd> {t('usecases.shortcutJump')}),{' '}
                <kbd>Alt</kbd>+<kbd>↑</kbd>/<kbd>↓</kbd> {t('usecases.shortcutReorder')}
              </li>
              <li>
                <kbd>{t('shared.key.delete')}</kbd> {t('usecases.shortcutDelete')} <kbd>{t('shared.key.ctrl')}</kbd>+<kbd>Z</kbd> {t('usecases.shortcutUndo')}
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
  const { t } = useT();
  const draftKey = `capture:${workshopId}`;
  const [title, setTitleState] = useState(() => loadDraft(draftKey));
  const setTitle = (text: string) => {
    setTitleState(text);
    storeDraft(draftKey, text);
  };
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const typed = title.trim();
    if (!typed) {
      setError(t('usecases.typeTitleFirst'));
      return;
    }
    setError(null);
    setTitle('');
    const added = await save(() => repos.useCases.add(workshopId, { title: typed }));
    if (!added) setTitle(typed); // not stored: give the text back so nothing typed is lost
    else onCaptured(added.id); // the list scrolls to it; the focus stays here for the next one
    inputRef.current?.focus();
  };
  return (
    <form className="capture" onSubmit={submit}>
      <label htmlFor="capture-input" className="visually-hidden">
        {t('usecases.newTitleLabel')}
      </label>
      <input
        id="capture-input"
        ref={inputRef}
        className="capture-input"
        value={title}
        maxLength={SHORT_TEXT_MAX}
        placeholder={t('usecases.capturePlaceholder')}
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
        {t('usecases.add')}
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
  const { t } = useT();
  return (
    <div className="filters" role="search">
      <label htmlFor="uc-search" className="visually-hidden">
        {t('usecases.searchLabel')}
      </label>
      <input
        id="uc-search"
        type="search"
        placeholder={t('usecases.search')}
        value={filter.query}
        maxLength={200}
        onChange={(e) => onChange({ ...filter, query: e.target.value })}
      />
      <label htmlFor="uc-kind" className="visually-hidden">
        {t('usecases.filterKind')}
      </label>
      <select id="uc-kind" value={filter.kind} onChange={(e) => onChange({ ...filter, kind: e.target.value as UseCaseFilter['kind'] })}>
        <option value="all">{t('usecases.allKinds')}</option>
        {USE_CASE_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`usecases.kind.${k}`)}
          </option>
        ))}
      </select>
      <label htmlFor="uc-dept" className="visually-hidden">
        {t('usecases.filterDepartment')}
      </label>
      <select id="uc-dept" value={filter.department} onChange={(e) => onChange({ ...filter, department: e.target.value })}>
        <option value="all">{t('usecases.allDepartments')}</option>
        {departments.map((d) => (
          <option key={d} value={d}>
            {isolateBidi(d)}
          </option>
        ))}
      </select>
      {isFiltering(filter) ? (
        <span className="filter-status" role="status">
          {t('usecases.shownOf', { shown, total })}{' '}
          <button type="button" className="btn btn-ghost btn-small" onClick={() => onChange(NO_FILTER)}>
            {t('usecases.clear')}
          </button>
        </span>
      ) : null}
    </div>
  );
}
