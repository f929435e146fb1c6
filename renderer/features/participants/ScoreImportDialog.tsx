import { useMemo, useState } from 'react';
import { repos } from '../../app/repos';
import { saveWithUndo } from '../../app/undo';
import { Dialog } from '../../shared/Dialog';
import { useT } from '../../i18n/react';
import { SourceOptions } from '../../shared/SourceOptions';
import { messageText } from '../../shared/message-text';
import { msg } from '../../domain/message';
import type { AppTranslator } from '../../i18n/app-catalog';
import { chooseSpreadsheet, readTable, type SourceChoice, type SpreadsheetSource } from '../../shared/spreadsheet-source';
import { matchNames, participantScoresFromTable, sameName, type ScoreRow, type ScoreRowProblem } from '../../domain/participant-csv';
import type { Participant, UseCase } from '../../domain/model';

type Chosen = {
  source: SpreadsheetSource;
  choice: SourceChoice;
  /** The workshop's names when the file was chosen, to match the file's names against. */
  useCases: UseCase[];
  participants: Participant[];
};

type Loaded = {
  name: string;
  rows: ScoreRow[];
  problems: ScoreRowProblem[];
  totalRows: number;
  unknownUseCases: string[];
  unknownParticipants: { name: string; role: ScoreRow['role'] }[];
};

/** What the chosen file holds, read with the chosen encoding, or why it cannot be imported. */
/** `t` and `lang` word a refusal in the reader's language (the domain's message, else its English). */
function loadScores(chosen: Chosen, t: AppTranslator['t'], lang: string): { ok: true; loaded: Loaded } | { ok: false; message: string } {
  const { table } = readTable(chosen.source, chosen.choice);
  if (!table.ok) return { ok: false, message: t('import.cannotRead', { name: chosen.source.name, problem: messageText(t, lang, table.text) }) };
  const parsed = participantScoresFromTable(table);
  if (!parsed.ok) return { ok: false, message: t('import.cannotRead', { name: chosen.source.name, problem: parsed.text ? messageText(t, lang, parsed.text) : parsed.message }) };
  const uc = matchNames(parsed.rows.map((r) => r.useCase), chosen.useCases.map((u) => ({ id: u.id, name: u.title })));
  const pm = matchNames(parsed.rows.map((r) => r.participant), chosen.participants);
  const unknownParticipants = pm.unknown.map((name) => ({ name, role: parsed.rows.find((r) => sameName(r.participant, name))?.role ?? 'other' }));
  return {
    ok: true,
    loaded: { name: chosen.source.name, rows: parsed.rows, problems: parsed.problems, totalRows: parsed.totalRows, unknownUseCases: uc.unknown, unknownParticipants },
  };
}

/**
 * Participant scores from a spreadsheet. Good rows are imported, bad rows are listed; names
 * that are not in the workshop are offered for creation (or skipping) one by one.
 */
export function ScoreImportDialog({ workshopId, open, onClose }: { workshopId: string; open: boolean; onClose: () => void }) {
  const { t, lang } = useT();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  // Unknown names are created unless the person unticks them: only the unticked ones are kept.
  const [skipUc, setSkipUc] = useState<Record<string, boolean>>({});
  const [skipP, setSkipP] = useState<Record<string, boolean>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    setChosen(null);
    setError(null);
    onClose();
  };

  const choose = async () => {
    setError(null);
    const outcome = await chooseSpreadsheet('scores');
    if (outcome.status === 'canceled') return;
    if (outcome.status === 'error') return setError(messageText(t, lang, outcome.text));
    const [useCases, participants]: [UseCase[], Participant[]] = await Promise.all([repos.useCases.list(workshopId), repos.participants.list(workshopId)]);
    const next: Chosen = { source: outcome.source, choice: outcome.choice, useCases, participants };
    // A file that is not a score sheet at all is refused at once, as before any mapping.
    const first = loadScores(next, t, lang);
    if (!first.ok) return setError(first.message);
    setSkipUc({});
    setSkipP({});
    setChosen(next);
  };

  const outcome = useMemo(() => (chosen ? loadScores(chosen, t, lang) : null), [chosen, t, lang]);
  const loaded = outcome?.ok ? outcome.loaded : null;
  const read = useMemo(() => (chosen ? readTable(chosen.source, chosen.choice) : null), [chosen]);

  const plan = useMemo(() => {
    if (!loaded) return null;
    const skippedUc = loaded.unknownUseCases.filter((n) => skipUc[n]);
    const skippedP = loaded.unknownParticipants.map((p) => p.name).filter((n) => skipP[n]);
    const skippedRows: ScoreRowProblem[] = [];
    const rows = loaded.rows.filter((r) => {
      const ucSkipped = skippedUc.some((n) => sameName(n, r.useCase));
      const pSkipped = skippedP.some((n) => sameName(n, r.participant));
      if (ucSkipped || pSkipped) {
        skippedRows.push({
          row: r.row,
          message: `skipped: ${ucSkipped ? `use case “${r.useCase}”` : `participant “${r.participant}”`} is not created.`,
          text: ucSkipped ? msg('import.scores.skippedUseCase', { name: r.useCase }) : msg('import.scores.skippedParticipant', { name: r.participant }),
        });
        return false;
      }
      return true;
    });
    return {
      rows,
      skippedRows,
      newUseCases: loaded.unknownUseCases.filter((n) => !skipUc[n]),
      newParticipants: loaded.unknownParticipants.filter((p) => !skipP[p.name]),
    };
  }, [loaded, skipUc, skipP]);

  const doImport = async () => {
    if (!plan || plan.rows.length === 0) return;
    setBusy(true);
    const notImported = (loaded?.problems.length ?? 0) + plan.skippedRows.length;
    const result = await saveWithUndo(
      () =>
        repos.scoring.importScores(workshopId, {
          newUseCases: plan.newUseCases,
          newParticipants: plan.newParticipants,
          rows: plan.rows.map((r) => ({ useCase: r.useCase, participant: r.participant, scores: r.scores })),
        }),
      {
        tone: 'success',
        message: (stored) => t('participants.import.done', { rows: plan.rows.length, rounds: stored.rounds, notImported }),
        scope: workshopId,
      },
    );
    setBusy(false);
    if (result) close();
  };

  return (
    <Dialog title={t('participants.import.title')} open={open} onClose={close} wide>
      {!chosen || !read ? (
        <div>
          <p>
            {t('participants.import.introStart')} <strong>{t('participants.import.colUseCase')}</strong>,{' '}
            <strong>{t('participants.import.colParticipant')}</strong>, <strong>{t('participants.import.colRole')}</strong>{' '}
            {t('participants.import.optional')}, <strong>{t('participants.import.colImpact')}</strong>,{' '}
            <strong>{t('participants.import.colFeasibility')}</strong>, <strong>{t('participants.import.colReadiness')}</strong>{' '}
            {t('participants.import.introEnd')}
          </p>
          <button type="button" className="btn btn-primary" onClick={() => void choose()}>
            {t('participants.import.choose')}
          </button>
          {error ? (
            <p role="alert" className="error-text" data-testid="score-import-error">
              {error}
            </p>
          ) : null}
        </div>
      ) : (
        <div className="score-import">
          {outcome && !outcome.ok ? (
            <p role="alert" className="error-text" data-testid="score-import-error">
              {outcome.message}
            </p>
          ) : null}
          {loaded ? (
            <p>
              <strong>{loaded.name}</strong>
              {t('participants.import.summary', { total: loaded.totalRows, valid: loaded.rows.length })}
            </p>
          ) : null}
          <SourceOptions source={chosen.source} choice={chosen.choice} onChoice={(choice) => setChosen({ ...chosen, choice })} read={read} />
          {loaded && loaded.unknownUseCases.length > 0 ? (
            <fieldset className="unknown-names">
              <legend>{t('participants.import.unknownUseCases')}</legend>
              {loaded.unknownUseCases.map((n) => (
                <label key={n} className="check-row">
                  <input type="checkbox" checked={!skipUc[n]} onChange={(e) => setSkipUc((s) => ({ ...s, [n]: !e.target.checked }))} />
                  {t('participants.import.create', { name: n })} <span className="muted">{t('participants.import.skipItsRows')}</span>
                </label>
              ))}
            </fieldset>
          ) : null}
          {loaded && loaded.unknownParticipants.length > 0 ? (
            <fieldset className="unknown-names">
              <legend>{t('participants.import.unknownPeople')}</legend>
              {loaded.unknownParticipants.map((p) => (
                <label key={p.name} className="check-row">
                  <input type="checkbox" checked={!skipP[p.name]} onChange={(e) => setSkipP((s) => ({ ...s, [p.name]: !e.target.checked }))} />
                  {t('participants.import.addAs', { name: p.name, role: t(`participants.role.${p.role}`) })}{' '}
                  <span className="muted">{t('participants.import.skipTheirRows')}</span>
                </label>
              ))}
            </fieldset>
          ) : null}
          {loaded && loaded.problems.length + (plan?.skippedRows.length ?? 0) > 0 ? (
            <details className="csv-problems" open>
              <summary>{t('participants.import.notImported', { count: loaded.problems.length + (plan?.skippedRows.length ?? 0) })}</summary>
              <ul data-testid="score-import-problems">
                {[...loaded.problems, ...(plan?.skippedRows ?? [])]
                  .sort((a, b) => a.row - b.row)
                  .map((p) => (
                    <li key={`${p.row}-${p.message}`} className="problem-error">
                      {t('participants.import.row', { row: p.row, message: messageText(t, lang, p.text) })}
                    </li>
                  ))}
              </ul>
            </details>
          ) : null}
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={() => setChosen(null)}>
              {t('participants.import.another')}
            </button>
            <button type="button" className="btn btn-primary" disabled={busy || !plan || plan.rows.length === 0} onClick={() => void doImport()}>
              {t('participants.import.button', { count: plan?.rows.length ?? 0 })}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
