// The export dialog: which use cases and sections go into the sponsor PDF, how many pages that
// makes (counted by a dry-run layout in the PDF worker), progress while the PDF is drawn, and the
// file saved through the native save dialog (a download in a browser). The ranked portfolio as
// an Excel workbook or a CSV (in the style the person's spreadsheet opens in columns) and the
// governance calendar (.ics) are one click each.
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type MutableRefObject } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { repos } from '../../app/repos';
import { useAppStore } from '../../app/store';
import { Dialog } from '../../shared/Dialog';
import { saveFile } from '../../lib/desktop';
import type { Workshop } from '../../domain/model';
import { todayIso } from '../../domain/dates';
import { PACK_SECTIONS, PACK_SECTION_LABELS, buildPortfolioRows, type PackSection } from '../../domain/sponsor-pack';
import { createPdfClient, type PdfClient } from '../../pdf/pdf-client';
import { loadPackTranslator, loadedPackTranslator, type PackTranslator } from '../../i18n/pack-catalog';
import type { ExportProgress } from '../../pdf/engine';
import type { UndrawableChar } from '../../pdf/types';
import { CSV_STYLE_LABELS, csvStyleForLocale, type CsvStyle } from '../../domain/portfolio-csv';
import { calendarFor, csvFor, exportFileName, packFor, type UseCaseChoice } from './export-data';
import { portfolioXlsx } from './portfolio-xlsx';
import { PackSettingsEditor } from './PackSettingsEditor';
import './export.css';

const SECTION_HINTS: Record<PackSection, string> = {
  decisions: 'Right after the cover: the decision recommended for each use case, why, and the sign-off',
  status: 'One row per use case: stage, KPI status, top open risk, next gate and its date',
  summary: 'Key figures, what needs attention, who took part (and the sign-off when the decisions page is left out)',
  portfolio: 'Ranked table and the prioritization matrix',
  'use-cases': 'Scores and spread, readiness, pilot criteria, KPIs, risks, owners, gate decisions',
  risks: 'Heat map and the top risks, workshop-wide and accepted ones included',
  roadmap: 'The plan as a Gantt chart on landscape pages, with the stage-gate sessions',
  governance: 'Cadence, roles, decision rights, decision log check',
  health: 'What is missing, most severe first',
};

type Busy = { what: 'pdf' | 'csv' | 'xlsx' | 'ics' };
type ProgressSink = MutableRefObject<((p: ExportProgress) => void) | null>;
const STARTING: ExportProgress = { phase: 'fonts', done: 0, total: 1, message: 'Starting…' };

/**
 * The PDF's progress bar, with its own state: the worker reports every page drawn, and only this
 * bar re-renders for it, not the whole dialog (which took tens of milliseconds a time, holding
 * up frames while the PDF was made).
 */
function PdfProgress({ sinkRef }: { sinkRef: ProgressSink }) {
  const [progress, setProgress] = useState<ExportProgress>(STARTING);
  useLayoutEffect(() => {
    sinkRef.current = setProgress;
    return () => {
      sinkRef.current = null;
    };
  }, [sinkRef]);
  return (
    <div className="export-progress">
      <progress max={Math.max(1, progress.total)} value={progress.phase === 'drawing' || progress.phase === 'saving' ? progress.done : 0} aria-label="Making the PDF" />
      <p role="status">{progress.message}</p>
    </div>
  );
}

export function ExportButton({ workshop }: { workshop: Workshop }) {
  const [clicked, setClicked] = useState(false);
  // The File menu's "Export sponsor pack…" (Ctrl+E) opens the same dialog through the store.
  const fromMenu = useAppStore((s) => s.dialog?.kind === 'export' && s.dialog.workshopId === workshop.id);
  const open = clicked || fromMenu;
  const setOpen = (on: boolean) => {
    setClicked(on);
    if (!on && fromMenu) useAppStore.getState().closeDialog();
  };
  return (
    <>
      <button
        type="button"
        className="btn btn-small"
        onClick={() => setOpen(true)}
        title="Export the sponsor pack (PDF), the ranked portfolio (Excel or CSV) and the governance calendar (.ics) — Ctrl+E"
      >
        Export…
      </button>
      {open ? <ExportDialog workshop={workshop} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

export function ExportDialog({ workshop, onClose }: { workshop: Workshop; onClose: () => void }) {
  const ids = useId();
  const rows = useLiveQuery(() => repos.workshops.readRows(workshop.id), [workshop.id]);
  const [today] = useState(() => todayIso());
  const [mode, setMode] = useState<UseCaseChoice['mode']>('all');
  const [topN, setTopN] = useState(5);
  const [picked, setPicked] = useState<Set<string> | null>(null);
  const [sections, setSections] = useState<Set<PackSection>>(() => new Set(PACK_SECTIONS));
  const [pages, setPages] = useState<number | null>(null);
  const [undrawable, setUndrawable] = useState<UndrawableChar[]>([]);
  const [counting, setCounting] = useState(false);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  // Semicolons and decimal commas where the person's locale writes 1,5 (German, French, Polish
  // Excel open such a file in columns), commas elsewhere; they can switch.
  const [csvStyle, setCsvStyle] = useState<CsvStyle>(() => csvStyleForLocale(navigator.language));
  const client = useRef<PdfClient | null>(null);
  const progressSink: ProgressSink = useRef(null);
  const countedOnce = useRef(false);

  useEffect(() => {
    const c = createPdfClient();
    client.current = c;
    c.warm();
    return () => {
      c.dispose();
      client.current = null;
    };
  }, []);

  const ranked = useMemo(() => (rows ? buildPortfolioRows(workshop, rows) : []), [rows, workshop]);
  const rankedCount = ranked.filter((r) => r.rank !== null).length;
  const chosen = picked ?? new Set(ranked.map((r) => r.useCaseId));

  const choice: UseCaseChoice = mode === 'all' ? { mode } : mode === 'top' ? { mode, n: topN } : { mode, ids: ranked.filter((r) => chosen.has(r.useCaseId)).map((r) => r.useCaseId) };
  const choiceKey = JSON.stringify(choice);
  const sectionList = PACK_SECTIONS.filter((s) => sections.has(s));
  const sectionKey = sectionList.join(',');

  // The pack speaks the workshop's language, whatever the interface speaks: its catalog is fetched
  // the first time (only that language's), and the pack is built once it is here.
  const language = workshop.language ?? 'en';
  const [loadedWords, setLoadedWords] = useState<PackTranslator | undefined>(() => loadedPackTranslator(language));
  useEffect(() => {
    let live = true;
    void loadPackTranslator(language).then((t) => {
      if (live) setLoadedWords(t);
    });
    return () => {
      live = false;
    };
  }, [language]);
  const words = loadedWords?.locale === language ? loadedWords : undefined;

  const pack = useMemo(
    () =>
      rows && words
        ? packFor(workshop, rows, JSON.parse(choiceKey) as UseCaseChoice, sectionKey ? (sectionKey.split(',') as PackSection[]) : [], today, navigator.language, words)
        : null,
    [rows, workshop, choiceKey, sectionKey, today, words],
  );

  // The page count: a dry-run layout in the worker, a moment after the last change.
  useEffect(() => {
    if (!pack || !client.current) return;
    let stale = false;
    setCounting(true);
    // The first count starts at once (the dialog just opened); later ones wait for the last change.
    const delay = countedOnce.current ? 150 : 0;
    countedOnce.current = true;
    const timer = setTimeout(() => {
      client.current?.countPages(pack).then(
        (check) => {
          if (stale) return;
          setPages(check.pages);
          setUndrawable(check.undrawable);
          setCounting(false);
        },
        (err: unknown) => {
          if (stale) return;
          setCounting(false);
          setError(`The pages could not be counted: ${err instanceof Error ? err.message : String(err)}`);
        },
      );
    }, delay);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [pack]);

  const selectedCount = pack ? pack.useCases.length + pack.appendix.length : 0;
  const detailed = pack?.useCases.length ?? 0;
  const noSections = sectionList.length === 0;

  async function exportPdf() {
    if (!pack || !client.current) return;
    setError(null);
    setNote(null);
    setBusy({ what: 'pdf' });
    try {
      const result = await client.current.render(pack, (progress) => progressSink.current?.(progress));
      progressSink.current?.({ phase: 'saving', done: 1, total: 1, message: 'Choose where to save the PDF…' });
      const saved = await saveFile(exportFileName(workshop, 'sponsor pack', 'pdf'), result.bytes, [{ name: 'PDF document', extensions: ['pdf'] }]);
      // Closing the dialog (a large tree) is a task of its own, after the file was handed over:
      // one long task would hold up the window's next frame.
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      if (saved.status === 'saved') {
        useAppStore.getState().showToast({ tone: 'success', message: `Saved the sponsor pack (${result.pages} pages) to ${saved.path}` });
        onClose();
        return;
      }
      setNote('The PDF was not saved.');
    } catch (err) {
      setError(`The PDF could not be made: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(null);
    }
  }

  async function exportText(what: 'csv' | 'xlsx' | 'ics') {
    if (!rows) return;
    setError(null);
    setNote(null);
    setBusy({ what });
    try {
      const saved =
        what === 'csv'
          ? await saveFile(exportFileName(workshop, 'ranked portfolio', 'csv'), csvFor(workshop, rows, csvStyle), [
              { name: csvStyle === 'semicolon' ? 'CSV (semicolon-separated)' : 'CSV (comma-separated)', extensions: ['csv'] },
            ])
          : what === 'xlsx'
            ? await saveFile(exportFileName(workshop, 'ranked portfolio', 'xlsx'), await portfolioXlsx(ranked, workshop.language), [{ name: 'Excel workbook', extensions: ['xlsx'] }])
            : await saveFile(exportFileName(workshop, 'governance calendar', 'ics'), calendarFor(workshop, rows, new Date(), { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, from: todayIso() }), [{ name: 'Calendar (iCalendar)', extensions: ['ics'] }]);
      setNote(saved.status === 'saved' ? `Saved to ${saved.path}` : 'Not saved.');
    } catch (err) {
      setError(`The file could not be written: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(null);
    }
  }

  const toggleSection = (s: PackSection, on: boolean) =>
    setSections((prev) => {
      const next = new Set(prev);
      if (on) next.add(s);
      else next.delete(s);
      return next;
    });
  const togglePicked = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setPicked(next);
  };

  return (
    <Dialog title="Export the sponsor pack" open onClose={onClose} wide>
      {!rows ? (
        <p>Reading the workshop…</p>
      ) : (
        <div className="export-dialog">
          <div className="export-columns">
            <fieldset className="export-fieldset" disabled={busy !== null}>
              <legend>Use cases to detail</legend>
              <label className="export-option">
                <input type="radio" name={`${ids}-mode`} checked={mode === 'all'} onChange={() => setMode('all')} />
                <span>All {ranked.length} use cases</span>
              </label>
              <label className="export-option">
                <input type="radio" name={`${ids}-mode`} checked={mode === 'top'} onChange={() => setMode('top')} disabled={rankedCount === 0} />
                <span>The top ranked</span>
              </label>
              {mode === 'top' ? (
                <div className="export-top">
                  <label htmlFor={`${ids}-top`}>How many</label>
                  <input
                    id={`${ids}-top`}
                    type="number"
                    min={1}
                    max={Math.max(1, rankedCount)}
                    value={topN}
                    onChange={(e) => setTopN(Math.min(Math.max(1, Math.floor(Number(e.target.value) || 1)), Math.max(1, rankedCount)))}
                  />
                  <span className="field-hint">of {rankedCount} ranked</span>
                </div>
              ) : null}
              <label className="export-option">
                <input type="radio" name={`${ids}-mode`} checked={mode === 'custom'} onChange={() => setMode('custom')} />
                <span>Choose use cases</span>
              </label>
              {mode === 'custom' ? (
                <ul className="export-picklist" aria-label="Use cases">
                  {ranked.map((r) => (
                    <li key={r.useCaseId}>
                      <label className="export-option">
                        <input type="checkbox" checked={chosen.has(r.useCaseId)} onChange={(e) => togglePicked(r.useCaseId, e.target.checked)} />
                        <span>
                          <span className="export-rank">{r.rank === null ? '–' : r.rank}</span> {r.title}
                        </span>
                      </label>
                    </li>
                  ))}
                </ul>
              ) : null}
              <p className="field-hint">The ranking and the matrix always show the whole portfolio.</p>
            </fieldset>

            <fieldset className="export-fieldset" disabled={busy !== null}>
              <legend>Sections</legend>
              <p className="field-hint">The cover and the contents are always included.</p>
              {PACK_SECTIONS.map((s) => (
                <label key={s} className="export-option">
                  <input type="checkbox" checked={sections.has(s)} onChange={(e) => toggleSection(s, e.target.checked)} />
                  <span>
                    <span className="export-option-title">{PACK_SECTION_LABELS[s]}</span>
                    <span className="export-option-hint">{SECTION_HINTS[s]}</span>
                  </span>
                </label>
              ))}
            </fieldset>
          </div>

          <PackSettingsEditor workshop={workshop} decisions={pack?.decisions.items ?? []} disabled={busy !== null} />

          <div className="export-summary" aria-live="polite">
            <span data-testid="export-page-count" className="export-pages">
              {counting || pages === null ? 'Counting pages…' : `${pages} ${pages === 1 ? 'page' : 'pages'}`}
            </span>
            <span className="export-summary-detail">
              {noSections ? 'Choose at least one section.' : `${selectedCount} of ${ranked.length} use cases in the pack (${detailed} worked on, in detail) · ${sectionList.length} of ${PACK_SECTIONS.length} sections`}
            </span>
          </div>

          {undrawable.length && !counting ? (
            <div className="export-undrawable" role="alert" data-testid="export-undrawable">
              <p>
                {undrawable.length === 1 ? '1 character' : `${undrawable.length} characters`} cannot be drawn by the pack's fonts and will print as an
                empty box. Change the text or export as it is:
              </p>
              <ul>
                {undrawable.slice(0, 12).map((u) => (
                  <li key={u.codePoint}>
                    <span className="export-undrawable-char" lang="und">
                      {u.char}
                    </span>{' '}
                    {u.codePoint} — {u.where.join('; ')}
                  </li>
                ))}
                {undrawable.length > 12 ? <li>…and {undrawable.length - 12} more</li> : null}
              </ul>
            </div>
          ) : null}

          {busy?.what === 'pdf' ? <PdfProgress sinkRef={progressSink} /> : null}
          {error ? (
            <p className="error-text" role="alert">
              {error}
            </p>
          ) : null}
          {note ? <p role="status">{note}</p> : null}

          <div className="dialog-actions export-actions">
            <div className="export-other">
              <button type="button" className="btn" disabled={busy !== null || ranked.length === 0} onClick={() => void exportText('xlsx')}>
                Portfolio Excel
              </button>
              <span className="export-csv">
                <button type="button" className="btn" disabled={busy !== null || ranked.length === 0} onClick={() => void exportText('csv')}>
                  Portfolio CSV
                </button>
                <select
                  aria-label="CSV format"
                  title="Semicolons and decimal commas for a German, French or Polish Excel; commas and decimal points for an English one"
                  data-testid="csv-style" value={csvStyle} onChange={(e) => setCsvStyle(e.target.value === 'semicolon' ? 'semicolon' : 'comma')}>
                  {(Object.keys(CSV_STYLE_LABELS) as CsvStyle[]).map((style) => (
                    <option key={style} value={style}>
                      {CSV_STYLE_LABELS[style]}
                    </option>
                  ))}
                </select>
              </span>
              <button
                type="button"
                className="btn"
                disabled={busy !== null || !workshop.roadmapStartDate || rows.cadence.length === 0}
                title={
                  !workshop.roadmapStartDate ? 'Set the roadmap start date first (Details).' : rows.cadence.length === 0 ? 'Add governance meetings first (Ownership).' : undefined
                }
                onClick={() => void exportText('ics')}
              >
                Calendar (.ics)
              </button>
            </div>
            <button type="button" className="btn" onClick={onClose}>
              Cancel
            </button>
            <button type="button" className="btn btn-primary" disabled={busy !== null || noSections || !pack} onClick={() => void exportPdf()}>
              {busy?.what === 'pdf' ? 'Making the PDF…' : 'Export PDF…'}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
