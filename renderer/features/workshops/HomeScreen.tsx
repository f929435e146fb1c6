import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { repos } from '../../app/repos';
import { save } from '../../app/persist';
import { navigate } from '../../app/router';
import { useAppStore } from '../../app/store';
import { saveWithUndo } from '../../app/undo';
import type { Workshop } from '../../domain/model';
import { SaveIndicator } from '../../shared/SaveIndicator';
import { Dialog } from '../../shared/Dialog';
import { WorkshopForm } from './WorkshopForm';
import { openWorkshopFileFlow, saveWorkshopFileFlow } from '../files/file-flows';
import { formatDate, formatRelative } from '../../shared/format';
import { useNow } from '../../shared/use-now';
import './home.css';

export function HomeScreen() {
  const workshops = useLiveQuery(() => repos.workshops.list(), []);
  const counts = useLiveQuery(() => repos.useCases.countByWorkshop(), []);
  const changed = useLiveQuery(() => repos.workshops.lastChanges(), []);
  const creating = useAppStore((s) => s.dialog?.kind === 'new-workshop');
  const openDialog = useAppStore((s) => s.openDialog);
  const closeDialog = useAppStore((s) => s.closeDialog);
  const setCreating = (open: boolean) => (open ? openDialog({ kind: 'new-workshop' }) : closeDialog());
  const [renaming, setRenaming] = useState<Workshop | null>(null);
  const [deleting, setDeleting] = useState<Workshop | null>(null);
  // Deleted workshops stay here to be brought back, also after a reload and after other edits.
  const deleted = useLiveQuery(() => repos.history.deletedWorkshops(), []);
  const now = useNow();

  const remove = async (ws: Workshop) => {
    setDeleting(null);
    await saveWithUndo(() => repos.workshops.remove(ws.id), {
      message: `Deleted “${ws.name}”. It stays under “Deleted workshops” below to bring back.`,
      scope: null,
    });
  };
  const deletingCount = deleting ? (counts?.get(deleting.id) ?? 0) : 0;

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
          <a className="btn" href="#/backups">
            Backups…
          </a>
          <button type="button" className="btn" onClick={() => void openWorkshopFileFlow()}>
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
                    <dt>Roadmap day 1</dt>
                    <dd>{formatDate(ws.roadmapStartDate)}</dd>
                  </div>
                  <div>
                    <dt>Use cases</dt>
                    <dd>{counts?.get(ws.id) ?? 0}</dd>
                  </div>
                  <div>
                    <dt>Last change</dt>
                    <dd>
                      <time dateTime={changed?.get(ws.id) ?? ws.updatedAt} title={new Date(changed?.get(ws.id) ?? ws.updatedAt).toLocaleString()}>
                        {formatRelative(changed?.get(ws.id) ?? ws.updatedAt, now)}
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
                  <button type="button" className="btn btn-small" onClick={() => void saveWorkshopFileFlow(ws.id)} aria-label={`Save ${ws.name} to a file`}>
                    Save to file
                  </button>
                  <button type="button" className="btn btn-small btn-danger" onClick={() => setDeleting(ws)} aria-label={`Delete ${ws.name}`}>
                    Delete
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
        {deleted && deleted.length > 0 ? (
          <section className="deleted-workshops" aria-labelledby="deleted-title">
            <h2 id="deleted-title" className="section-title">
              Deleted workshops
            </h2>
            <p className="muted">Deleted here; each can be brought back with everything it held.</p>
            <ul aria-label="Deleted workshops">
              {deleted.map((d) => (
                <li key={d.seq} className="deleted-workshop">
                  <span className="workshop-name-deleted">{d.name}</span>
                  <span className="muted">
                    deleted <time dateTime={d.at}>{formatRelative(d.at, now)}</time>
                  </span>
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-label={`Bring back ${d.name}`}
                    onClick={() =>
                      void save(async () => {
                        const result = await repos.history.restoreDeleted(d.seq);
                        if (result) useAppStore.getState().showToast({ tone: 'success', message: `Brought back “${d.name}”.` });
                        return result;
                      })
                    }
                  >
                    Bring back
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </main>

      <Dialog title={deleting ? `Delete “${deleting.name}”?` : 'Delete workshop?'} open={deleting !== null} onClose={() => setDeleting(null)}>
        {deleting ? (
          <>
            <p data-testid="delete-workshop-warning">
              The workshop and everything in it leave this list: {deletingCount} {deletingCount === 1 ? 'use case' : 'use cases'} with their scores, stage
              records, KPIs, risks, decisions and roadmap.
            </p>
            <p className="muted">
              You can bring it back: with Undo right away (Ctrl+Z), or later from “Deleted workshops” on this screen, also after closing Liftoff.
            </p>
            <div className="dialog-actions">
              <button type="button" className="btn" onClick={() => setDeleting(null)}>
                Keep it
              </button>
              <button type="button" className="btn btn-danger" onClick={() => void remove(deleting)}>
                Delete workshop
              </button>
            </div>
          </>
        ) : null}
      </Dialog>

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
