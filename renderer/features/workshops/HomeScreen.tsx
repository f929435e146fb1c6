import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { repos } from '../../app/repos';
import { save } from '../../app/persist';
import { navigate } from '../../app/router';
import { useAppStore } from '../../app/store';
import { runHistory } from '../../app/undo';
import type { Workshop } from '../../domain/model';
import { SaveIndicator } from '../../shared/SaveIndicator';
import { Dialog } from '../../shared/Dialog';
import { WorkshopForm } from './WorkshopForm';
import { exportWorkshop, importWorkshopFile } from '../files/workshop-file-actions';
import { formatDate, formatRelative } from '../../shared/format';

export function HomeScreen() {
  const workshops = useLiveQuery(() => repos.workshops.list(), []);
  const counts = useLiveQuery(() => repos.useCases.countByWorkshop(), []);
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<Workshop | null>(null);
  const [importError, setImportError] = useState<{ title: string; message: string } | null>(null);
  const command = useAppStore((s) => s.command);
  const clearCommand = useAppStore((s) => s.clearCommand);
  const showToast = useAppStore((s) => s.showToast);

  const openFile = async () => {
    const outcome = await importWorkshopFile();
    if (!outcome) return;
    if (!outcome.ok) return setImportError(outcome);
    showToast({
      tone: 'success',
      message: outcome.asCopy
        ? `This workshop was already here, so the file was imported as a copy: “${outcome.workshop.name}”.`
        : `Imported “${outcome.workshop.name}”.`,
    });
    navigate({ name: 'workshop', workshopId: outcome.workshop.id, tab: 'use-cases' });
  };

  useEffect(() => {
    if (!command) return;
    if (command.name === 'new-workshop') setCreating(true);
    else if (command.name === 'open-workshop-file') void openFile();
    else return;
    clearCommand();
    // openFile only reads stable module functions; the command nonce drives this effect
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [command, clearCommand]);

  const remove = async (ws: Workshop) => {
    await save(() => repos.workshops.remove(ws.id));
    showToast({
      tone: 'info',
      message: `Deleted “${ws.name}”.`,
      action: { label: 'Undo', run: () => void runHistory('undo', null) },
    });
  };

  const onExport = async (ws: Workshop) => {
    const result = await exportWorkshop(ws.id);
    if (result && !result.ok) showToast({ tone: 'error', message: result.message });
    else if (result) showToast({ tone: 'success', message: `Saved “${ws.name}” to ${result.path}` });
  };

  return (
    <div className="home">
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ▲
          </span>
          <span className="brand-name">Liftoff</span>
          <span className="brand-tag">AI pilot-to-production workshops</span>
        </div>
        <div className="topbar-actions">
          <SaveIndicator />
          <button type="button" className="btn" onClick={() => void openFile()}>
            Open workshop file…
          </button>
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
            New workshop
          </button>
        </div>
      </header>

      <main className="home-main">
        <h1 className="page-title">Workshops</h1>
        {workshops === undefined ? null : workshops.length === 0 ? (
          <section className="empty-state" aria-labelledby="empty-title">
            <h2 id="empty-title">No workshops yet</h2>
            <p>
              Create a workshop for your client, then capture the candidate AI use cases while people talk. Everything is
              stored on this computer as you type; no network is needed.
            </p>
            <button type="button" className="btn btn-primary btn-large" onClick={() => setCreating(true)}>
              Create your first workshop
            </button>
          </section>
        ) : (
          <ul className="workshop-list" aria-label="Workshops, most recently changed first">
            {workshops.map((ws) => (
              <li key={ws.id} className="workshop-card">
                <a className="workshop-open" href={`#/w/${encodeURIComponent(ws.id)}/use-cases`}>
                  <span className="workshop-name">{ws.name}</span>
                  <span className="workshop-client">{ws.client || 'No client set'}</span>
                </a>
                <dl className="workshop-meta">
                  <div>
                    <dt>Facilitator</dt>
                    <dd>{ws.facilitator || '—'}</dd>
                  </div>
                  <div>
                    <dt>Workshop</dt>
                    <dd>{formatDate(ws.workshopDate)}</dd>
                  </div>
                  <div>
                    <dt>Use cases</dt>
                    <dd>{counts?.get(ws.id) ?? 0}</dd>
                  </div>
                  <div>
                    <dt>Last change</dt>
                    <dd>
                      <time dateTime={ws.updatedAt} title={new Date(ws.updatedAt).toLocaleString()}>
                        {formatRelative(ws.updatedAt)}
                      </time>
                    </dd>
                  </div>
                </dl>
                <div className="workshop-actions">
                  <button type="button" className="btn btn-small" onClick={() => setRenaming(ws)} aria-label={`Rename ${ws.name}`}>
                    Rename
                  </button>
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() => void save(() => repos.workshops.duplicate(ws.id))}
                    aria-label={`Duplicate ${ws.name}`}
                  >
                    Duplicate
                  </button>
                  <button type="button" className="btn btn-small" onClick={() => void onExport(ws)} aria-label={`Save ${ws.name} to a file`}>
                    Save to file
                  </button>
                  <button type="button" className="btn btn-small btn-danger" onClick={() => void remove(ws)} aria-label={`Delete ${ws.name}`}>
                    Delete
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </main>

      <Dialog title="New workshop" open={creating} onClose={() => setCreating(false)}>
        <WorkshopForm
          submitLabel="Create workshop"
          onCancel={() => setCreating(false)}
          onSubmit={async (input) => {
            const ws = await save(() => repos.workshops.create(input));
            if (!ws) return;
            setCreating(false);
            navigate({ name: 'workshop', workshopId: ws.id, tab: 'use-cases' });
          }}
        />
      </Dialog>

      <Dialog title="Rename workshop" open={renaming !== null} onClose={() => setRenaming(null)}>
        {renaming ? <RenameForm workshop={renaming} onDone={() => setRenaming(null)} /> : null}
      </Dialog>

      <Dialog title={importError?.title ?? ''} open={importError !== null} onClose={() => setImportError(null)}>
        <p role="alert" className="error-text" data-testid="import-error">
          {importError?.message}
        </p>
        <div className="dialog-actions">
          <button type="button" className="btn btn-primary" onClick={() => setImportError(null)}>
            OK
          </button>
        </div>
      </Dialog>
    </div>
  );
}

function RenameForm({ workshop, onDone }: { workshop: Workshop; onDone: () => void }) {
  const [name, setName] = useState(workshop.name);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        if (!name.trim()) return setError('A workshop needs a name.');
        const ok = await save(() => repos.workshops.rename(workshop.id, name));
        if (ok) onDone();
      }}
    >
      <div className="field">
        <label htmlFor="rename-input">Name</label>
        <input id="rename-input" value={name} maxLength={300} autoFocus onChange={(e) => setName(e.target.value)} aria-invalid={error ? true : undefined} />
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary">
          Rename
        </button>
      </div>
    </form>
  );
}
