import { useMemo, useState } from 'react';
import { repos } from '../../app/repos';
import { saveWithUndo } from '../../app/undo';
import { Dialog } from '../../shared/Dialog';
import { formatBytes, openFile } from '../../lib/desktop';
import { matchNames, parseParticipantScores, ROLE_LABELS, sameName, type ScoreRow, type ScoreRowProblem } from '../../domain/participant-csv';
import type { Participant, UseCase } from '../../domain/model';

const MAX_BYTES = 10 * 1024 * 1024;

type Loaded = {
  name: string;
  rows: ScoreRow[];
  problems: ScoreRowProblem[];
  totalRows: number;
  unknownUseCases: string[];
  unknownParticipants: { name: string; role: ScoreRow['role'] }[];
};

/**
 * Participant scores from a spreadsheet. Good rows are imported, bad rows are listed; names
 * that are not in the workshop are offered for creation (or skipping) one by one.
 */
export function ScoreImportDialog({ workshopId, open, onClose }: { workshopId: string; open: boolean; onClose: () => void }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [createUc, setCreateUc] = useState<Record<string, boolean>>({});
  const [createP, setCreateP] = useState<Record<string, boolean>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    setLoaded(null);
    setError(null);
    onClose();
  };

  const choose = async () => {
    setError(null);
    const file = await openFile([{ name: 'CSV spreadsheet', extensions: ['csv', 'txt'] }], MAX_BYTES);
    if (file.status === 'canceled') return;
    if (file.status === 'too-large') return setError(`“${file.name}” is ${formatBytes(file.size)}; a score sheet can be at most ${formatBytes(file.limit)}.`);
    const parsed = parseParticipantScores(file.data);
    if (!parsed.ok) return setError(`“${file.name}” could not be read: ${parsed.message}`);
    const [useCases, participants]: [UseCase[], Participant[]] = await Promise.all([repos.useCases.list(workshopId), repos.participants.list(workshopId)]);
    const uc = matchNames(parsed.rows.map((r) => r.useCase), useCases.map((u) => ({ id: u.id, name: u.title })));
    const pm = matchNames(parsed.rows.map((r) => r.participant), participants);
    const unknownParticipants = pm.unknown.map((name) => ({ name, role: parsed.rows.find((r) => sameName(r.participant, name))?.role ?? 'other' }));
    setLoaded({ name: file.name, rows: parsed.rows, problems: parsed.problems, totalRows: parsed.totalRows, unknownUseCases: uc.unknown, unknownParticipants });
    setCreateUc(Object.fromEntries(uc.unknown.map((n) => [n, true])));
    setCreateP(Object.fromEntries(pm.unknown.map((n) => [n, true])));
  };

  const plan = useMemo(() => {
    if (!loaded) return null;
    const skippedUc = loaded.unknownUseCases.filter((n) => !createUc[n]);
    const skippedP = loaded.unknownParticipants.map((p) => p.name).filter((n) => !createP[n]);
    const skippedRows: ScoreRowProblem[] = [];
    const rows = loaded.rows.filter((r) => {
      const ucSkipped = skippedUc.some((n) => sameName(n, r.useCase));
      const pSkipped = skippedP.some((n) => sameName(n, r.participant));
      if (ucSkipped || pSkipped) {
        skippedRows.push({ row: r.row, message: `skipped: ${ucSkipped ? `use case “${r.useCase}”` : `participant “${r.participant}”`} is not created.` });
        return false;
      }
      return true;
    });
    return {
      rows,
      skippedRows,
      newUseCases: loaded.unknownUseCases.filter((n) => createUc[n]),
      newParticipants: loaded.unknownParticipants.filter((p) => createP[p.name]),
    };
  }, [loaded, createUc, createP]);

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
        message: (stored) => `Imported ${plan.rows.length} rows into ${stored.rounds} masked scoring rounds${notImported ? `; ${notImported} rows not imported` : ''}. Reveal them on the Scoring tab.`,
        scope: workshopId,
      },
    );
    setBusy(false);
    if (result) close();
  };

  return (
    <Dialog title="Import participant scores" open={open} onClose={close} wide>
      {!loaded ? (
        <div>
          <p>
            A CSV with one row per use case and participant: columns <strong>Use case</strong>, <strong>Participant</strong>, <strong>Role</strong>{' '}
            (optional), <strong>Impact</strong>, <strong>Feasibility</strong>, <strong>Readiness</strong>, each score a whole number from 1 to 5.
            The scores arrive masked; you reveal them in the room.
          </p>
          <button type="button" className="btn btn-primary" onClick={() => void choose()}>
            Choose CSV file…
          </button>
          {error ? (
            <p role="alert" className="error-text" data-testid="score-import-error">
              {error}
            </p>
          ) : null}
        </div>
      ) : (
        <div className="score-import">
          <p>
            <strong>{loaded.name}</strong>: {loaded.totalRows} rows, {loaded.rows.length} with valid scores.
          </p>
          {loaded.unknownUseCases.length > 0 ? (
            <fieldset className="unknown-names">
              <legend>Use cases not in this workshop</legend>
              {loaded.unknownUseCases.map((n) => (
                <label key={n} className="check-row">
                  <input type="checkbox" checked={createUc[n] ?? false} onChange={(e) => setCreateUc((s) => ({ ...s, [n]: e.target.checked }))} />
                  Create “{n}” <span className="muted">(unchecked: skip its rows)</span>
                </label>
              ))}
            </fieldset>
          ) : null}
          {loaded.unknownParticipants.length > 0 ? (
            <fieldset className="unknown-names">
              <legend>People not yet participants</legend>
              {loaded.unknownParticipants.map((p) => (
                <label key={p.name} className="check-row">
                  <input type="checkbox" checked={createP[p.name] ?? false} onChange={(e) => setCreateP((s) => ({ ...s, [p.name]: e.target.checked }))} />
                  Add {p.name} as {ROLE_LABELS[p.role]} <span className="muted">(unchecked: skip their rows)</span>
                </label>
              ))}
            </fieldset>
          ) : null}
          {loaded.problems.length + (plan?.skippedRows.length ?? 0) > 0 ? (
            <details className="csv-problems" open>
              <summary>{loaded.problems.length + (plan?.skippedRows.length ?? 0)} rows will not be imported</summary>
              <ul data-testid="score-import-problems">
                {[...loaded.problems, ...(plan?.skippedRows ?? [])]
                  .sort((a, b) => a.row - b.row)
                  .map((p) => (
                    <li key={`${p.row}-${p.message}`} className="problem-error">
                      Row {p.row}: {p.message}
                    </li>
                  ))}
              </ul>
            </details>
          ) : null}
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={() => setLoaded(null)}>
              Choose another file
            </button>
            <button type="button" className="btn btn-primary" disabled={busy || !plan || plan.rows.length === 0} onClick={() => void doImport()}>
              Import {plan?.rows.length ?? 0} rows
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
