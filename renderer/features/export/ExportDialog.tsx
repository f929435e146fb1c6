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
import { PACK_SECTIONS, buildPortfolioRows, type PackSection } from '../../domain/sponsor-pack';
import { createPdfClient, type PdfClient } from '../../pdf/pdf-client';
import { loadPackTranslator, loadedPackTranslator, type PackTranslator } from '../../i18n/pack-catalog';
import type { ExportProgress } from '../../pdf/engine';
import type { UndrawableChar } from '../../pdf/types';
import { csvStyleForLocale, type CsvStyle } from '../../domain/portfolio-csv';
import { useInterfaceT } from '../../i18n/react';
import type { AppMessageId } from '../../i18n/app-catalog';
import { calendarFor, csvFor, exportFileName, packFor, type UseCaseChoice } from './export-data';
import { portfolioXlsx } from './portfolio-xlsx';
import { PackSettingsEditor } from './PackSettingsEditor';
import './export.css';

// Each section's name and what it holds, in the interface language (the pack itself speaks the workshop's).
const SECTION_WORDS: Record<PackSection, { label: AppMessageId; hint: AppMessageId }> = {
  decisions: { label: 'export.section.decisions', hint: 'export.hint.decisions' },
  status: { label: 'export.section.status', hint: 'export.hint.status' },
  summary: { label: 'export.section.summary', hint: 'export.hint.summary' },
  portfolio: { label: 'export.section.portfolio', hint: 'export.hint.portfolio' },
  'use-cases': { label: 'export.section.useCases', hint: 'export.hint.useCases' },
  risks: { label: 'export.section.risks', hint: 'export.hint.risks' },
  roadmap: { label: 'export.section.roadmap', hint: 'export.hint.roadmap' },
  governance: { label: 'export.section.governance', hint: 'export.hint.governance' },
  health: { label: 'export.section.health', hint: 'export.hint.health' },
};
const CSV_STYLES: Record<CsvStyle, AppMessageId> = { comma: 'export.csv.comma', semicolon: 'export.csv.semicolon' };

type Busy = { what: 'pdf' | 'csv' | 'xlsx' | 'ics' };
type ProgressSink = MutableRefObject<((p: ExportProgress) => void) | null>;
const STARTING: ExportProgress = { phase: 'fonts', done: 0, total: 1, message: 'Starting…' };
const SAVING_MESSAGE = 'Choose where to save the PDF…';

/**
 * The PDF's progress bar, with its own state: the worker reports every page drawn, and only this
 * bar re-renders for it, not the whole dialog (which took tens of milliseconds a time, holding
 * up frames while the PDF was made).
 */
function PdfProgress({ sinkRef }: { sinkRef: ProgressSink }) {
  const { t } = useInterfaceT();
  const [progress, setProgress] = useState<ExportProgress>(STARTING);
  useLayoutEffect(() => {
    sinkRef.current = setProgress;
    return () => {
      sinkRef.current = null;
    };
  }, [sinkRef]);
  return (
    <div className="export-progress">
      <progress max={Math.max(1, progress.total)} value={progress.phase === 'drawing' || progress.phase === 'saving' ? progress.done : 0} aria-label={t('export.making')} />
      <p role="status">{progressText(t, progress)}</p>
    </div>
  );
}

/** The worker's progress in the interface language, by its phase (the worker's own words are English). */
function progressText(t: (id: AppMessageId, values?: Record<string, unknown>) => string, p: ExportProgress): string {
  if (p === STARTING) return t('export.progress.starting');
  switch (p.phase) {
    case 'fonts':
      return t('export.progress.fonts');
    case 'layout':
      return t('export.progress.layout');
    case 'drawing':
      return t('export.progress.drawing', { done: p.done, total: p.total });
    case 'saving':
      return p.message === SAVING_MESSAGE ? t('export.progress.chooseWhere') : t('export.progress.saving');
    default:
      return p.message;
  }
}

export function ExportButton({ workshop }: { workshop: Workshop }) {
  const { t } = useInterfaceT();
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
        title={t('export.buttonTitle')}
      >
        {t('export.button')}
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
  // After the pack's memo: the compiler keeps that memo only if nothing between could change its inputs.
  const { t } = useInterfaceT();

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
          setError(t('export.countFailed', { reason: err instanceof Error ? err.message : String(err) }));
        },
      );
    }, delay);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [pack, t]);

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
      progressSink.current?.({ phase: 'saving', done: 1, total: 1, message: SAVING_MESSAGE });
      const saved = await saveFile(exportFileName(workshop, 'sponsor pack', 'pdf'), result.bytes, [{ name: t('export.filter.pdf'), extensions: ['pdf'] }]);
      // Closing the dialog (a large tree) is a task of its own, after the file was handed over:
      // one long task would hold up the window's next frame.
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      if (saved.status === 'saved') {
        useAppStore.getState().showToast({ tone: 'success', message: t('export.savedPack', { pages: result.pages, path: saved.path }) });
        onClose();
        return;
      }
      setNote(t('export.pdfNotSaved'));
    } catch (err) {
      setError(t('export.pdfFailed', { reason: err instanceof Error ? err.message : String(err) }));
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
              { name: csvStyle === 'semicolon' ? t('export.filter.csvSemicolon') : t('export.filter.csvComma'), extensions: ['csv'] },
            ])
          : what === 'xlsx'
            ? await saveFile(exportFileName(workshop, 'ranked portfolio', 'xlsx'), await portfolioXlsx(ranked, workshop.language), [{ name: t('export.filter.xlsx'), extensions: ['xlsx'] }])
            : await saveFile(exportFileName(workshop, 'governance calendar', 'ics'), calendarFor(workshop, rows, new Date(), { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, from: todayIso() }), [{ name: t('export.filter.ics'), extensions: ['ics'] }]);
      setNote(saved.status === 'saved' ? t('export.saved', { path: saved.path }) : t('export.notSaved'));
    } catch (err) {
      setError(t('files.writeFailed', { reason: err instanceof Error ? err.message : String(err) }));
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
    <Dialog title={t('export.title')} open onClose={onClose} wide>
      {!rows ? (
        <p>{t('export.reading')}</p>
      ) : (
        <div className="export-dialog">
          <div className="export-columns">
            <fieldset className="export-fieldset" disabled={busy !== null}>
              <legend>{t('export.useCasesLegend')}</legend>
              <label className="export-option">
                <input type="radio" name={`${ids}-mode`} checked={mode === 'all'} onChange={() => setMode('all')} />
                <span>{t('export.all', { count: ranked.length })}</span>
              </label>
              <label className="export-option">
                <input type="radio" name={`${ids}-mode`} checked={mode === 'top'} onChange={() => setMode('top')} disabled={rankedCount === 0} />
                <span>{t('export.top')}</span>
              </label>
              {mode === 'top' ? (
                <div className="export-top">
                  <label htmlFor={`${ids}-top`}>{t('export.howMany')}</label>
                  <input
                    id={`${ids}-top`}
                    type="number"
                    min={1}
                    max={Math.max(1, rankedCount)}
                    value={topN}
                    onChange={(e) => setTopN(Math.min(Math.max(1, Math.floor(Number(e.target.value) || 1)), Math.max(1, rankedCount)))}
                  />
                  <span className="field-hint">{t('export.ofRanked', { count: rankedCount })}</span>
                </div>
              ) : null}
              <label className="export-option">
                <input type="radio" name={`${ids}-mode`} checked={mode === 'custom'} onChange={() => setMode('custom')} />
                <span>{t('export.choose')}</span>
              </label>
              {mode === 'custom' ? (
                <ul className="export-picklist" aria-label={t('export.useCases')}>
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
              <p className="field-hint">{t('export.wholePortfolio')}</p>
            </fieldset>

            <fieldset className="export-fieldset" disabled={busy !== null}>
              <legend>{t('export.sections')}</legend>
              <p className="field-hint">{t('export.coverAlways')}</p>
              {PACK_SECTIONS.map((s) => (
                <label key={s} className="export-option">
                  <input type="checkbox" checked={sections.has(s)} onChange={(e) => toggleSection(s, e.target.checked)} />
                  <span>
                    <span className="export-option-title">{t(SECTION_WORDS[s].label)}</span>
                    <span className="export-option-hint">{t(SECTION_WORDS[s].hint)}</span>
                  </span>
                </label>
              ))}
            </fieldset>
          </div>

          <PackSettingsEditor workshop={workshop} decisions={pack?.decisions.items ?? []} disabled={busy !== null} />

          <div className="export-summary" aria-live="polite">
            <span data-testid="export-page-count" className="export-pages">
              {counting || pages === null ? t('export.counting') : t('export.pages', { count: pages })}
            </span>
            <span className="export-summary-detail">
              {noSections
                ? t('export.noSections')
                : t('export.summary', { selected: selectedCount, total: ranked.length, detailed, sections: sections.size, allSections: PACK_SECTIONS.length })}
            </span>
          </div>

          {undrawable.length && !counting ? (
            <div className="export-undrawable" role="alert" data-testid="export-undrawable">
              <p>
                {t('export.undrawable', { count: undrawable.length })}
              </p>
              <ul>
                {undrawable.slice(0, 12).map((u) => (
                  <li key={u.codePoint}>
                    <span className="export-undrawable-char" lang="und">
                      {u.char}
                    </span>{' '}
                    {u.codePoint} —{' '}
                    {u.places
                      .map((p) => (p.section ? t('export.undrawablePlace', { page: p.page, section: p.section, text: p.text }) : t('export.undrawablePlaceNoSection', { page: p.page, text: p.text })))
                      .join('; ')}
                  </li>
                ))}
                {undrawable.length > 12 ? <li>{t('export.andMore', { count: undrawable.length - 12 })}</li> : null}
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
                {t('export.xlsx')}
              </button>
              <span className="export-csv">
                <button type="button" className="btn" disabled={busy !== null || ranked.length === 0} onClick={() => void exportText('csv')}>
                  {t('export.csv')}
                </button>
                <select
                  aria-label={t('export.csvFormat')}
                  title={t('export.csvFormatTitle')}
                  data-testid="csv-style" value={csvStyle} onChange={(e) => setCsvStyle(e.target.value === 'semicolon' ? 'semicolon' : 'comma')}>
                  {(Object.keys(CSV_STYLES) as CsvStyle[]).map((style) => (
                    <option key={style} value={style}>
                      {t(CSV_STYLES[style])}
                    </option>
                  ))}
                </select>
              </span>
              <button
                type="button"
                className="btn"
                disabled={busy !== null || !workshop.roadmapStartDate || rows.cadence.length === 0}
                title={
                  !workshop.roadmapStartDate ? t('export.needStart') : rows.cadence.length === 0 ? t('export.needMeetings') : undefined
                }
                onClick={() => void exportText('ics')}
              >
                {t('export.ics')}
              </button>
            </div>
            <button type="button" className="btn" onClick={onClose}>
              {t('export.cancel')}
            </button>
            <button type="button" className="btn btn-primary" disabled={busy !== null || noSections || !pack} onClick={() => void exportPdf()}>
              {busy?.what === 'pdf' ? t('export.makingPdf') : t('export.pdf')}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
