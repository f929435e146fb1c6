// The restore screen: every automatic backup, grouped by workshop, newest first. A backup is
// restored as a copy (validated completely first, so a damaged one stores nothing) or saved to a
// file; "Back up now" takes a round at once. It also says whether the storage is persistent.
import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { backupEngine, requestPersistentStorage, type BackupRecord, type StoragePersistence } from '../../app/backups';
import { save } from '../../app/persist';
import { repos } from '../../app/repos';
import { navigate } from '../../app/router';
import { useAppStore } from '../../app/store';
import { formatBytes, saveFile } from '../../lib/desktop';
import { SaveIndicator } from '../../shared/SaveIndicator';
import './backups.css';

const FILTERS = [{ name: 'Liftoff workshop', extensions: ['json'] }];

type Group = { workshopId: string; name: string; exists: boolean; backups: BackupRecord[] };

function groupByWorkshop(backups: BackupRecord[], current: Map<string, string>): Group[] {
  const groups = new Map<string, Group>();
  for (const b of backups) {
    let g = groups.get(b.workshopId);
    if (!g) {
      g = { workshopId: b.workshopId, name: current.get(b.workshopId) ?? b.workshopName ?? 'Unnamed workshop', exists: current.has(b.workshopId), backups: [] };
      groups.set(b.workshopId, g);
    }
    g.backups.push(b);
  }
  return [...groups.values()];
}

/** A file-name-safe version of a workshop name. */
function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\w]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .toLowerCase();
  return s || 'workshop';
}

function formatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '—' : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

const PERSISTENCE_TEXT: Record<StoragePersistence, string> = {
  persistent: 'Storage is persistent: the browser will not clear Liftoff’s data to free space.',
  'best-effort': 'The browser may clear this storage under pressure (low disk space). Save important workshops to a file too.',
  unsupported: 'This browser cannot promise to keep the storage. Save important workshops to a file too.',
};

export function BackupsScreen() {
  const engine = backupEngine();
  const workshops = useLiveQuery(() => repos.workshops.list(), []);
  const [backups, setBackups] = useState<BackupRecord[] | null>(null);
  const [persistence, setPersistence] = useState<StoragePersistence | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const showToast = useAppStore((s) => s.showToast);
  const openDialog = useAppStore((s) => s.openDialog);

  // Bumped after a round or a restore, to list the backups again.
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((v) => v + 1);

  useEffect(() => {
    let live = true;
    const listing = engine ? engine.list() : Promise.resolve([]);
    listing.then(
      (records) => {
        if (live) setBackups(records);
      },
      (err: unknown) => {
        if (!live) return;
        setBackups([]);
        setStatus(`The backups could not be listed: ${err instanceof Error ? err.message : String(err)}`);
      },
    );
    void requestPersistentStorage().then((p) => {
      if (live) setPersistence(p);
    });
    return () => {
      live = false;
    };
  }, [engine, version]);

  const current = useMemo(() => new Map((workshops ?? []).map((w) => [w.id, w.name])), [workshops]);
  const groups = useMemo(() => groupByWorkshop(backups ?? [], current), [backups, current]);

  const backUpNow = async () => {
    if (!engine) return;
    setBusy(true);
    try {
      const n = await engine.flush();
      setStatus(n === 0 ? 'Every workshop is already backed up: nothing changed since its last backup.' : `Backed up ${n} ${n === 1 ? 'workshop' : 'workshops'}.`);
    } catch (err) {
      setStatus(`The backup failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
      reload();
    }
  };

  const restore = async (b: BackupRecord, name: string) => {
    if (!engine) return;
    const outcome = await save(() => engine.restore(b.workshopId, b.fileName));
    if (!outcome) return; // save() showed the error toast
    if (!outcome.ok) return openDialog({ kind: 'file-error', title: outcome.title, message: outcome.message, details: outcome.details });
    const ws = outcome.workshop;
    showToast({
      tone: 'success',
      message: `Restored “${name}” from ${formatTime(b.createdAt)} as “${ws.name}”.`,
      action: { label: 'Open', run: () => navigate({ name: 'workshop', workshopId: ws.id, tab: 'use-cases' }) },
    });
  };

  const saveToFile = async (b: BackupRecord, name: string) => {
    if (!engine) return;
    const text = await engine.read(b.workshopId, b.fileName);
    if (text === undefined) return openDialog({ kind: 'file-error', title: 'The backup is gone', message: 'This backup no longer exists.' });
    const base = slug(name);
    try {
      await saveFile(`${base}-backup-${b.fileName}`, text, FILTERS);
    } catch (err) {
      openDialog({ kind: 'file-error', title: 'The file could not be written', message: err instanceof Error ? err.message : String(err) });
    }
  };

  const where =
    engine?.store.kind === 'desktop'
      ? 'Backups are files in Liftoff’s data folder on this computer.'
      : 'Backups are kept in this browser’s storage, apart from the workshops themselves. Use “Save to file…” to keep one elsewhere.';

  return (
    <div className="home backups-screen">
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
          <a className="btn" href="#/">
            ← Workshops
          </a>
        </div>
      </header>

      <main className="home-main">
        <h1 className="page-title">Backups</h1>
        <section className="panel backups-intro" aria-label="About backups">
          <p>
            Liftoff backs up every workshop that changed, at most every 15 minutes while you work and when you close it. It keeps the last 10 backups of each
            workshop and one a day for a week. {where}
          </p>
          <p data-testid="storage-persistence" className={persistence === 'persistent' ? 'backups-ok' : 'backups-warn'}>
            {persistence ? PERSISTENCE_TEXT[persistence] : 'Checking the storage…'}
          </p>
          <div className="backups-actions">
            <button type="button" className="btn btn-primary" onClick={() => void backUpNow()} disabled={busy || !engine}>
              {busy ? 'Backing up…' : 'Back up now'}
            </button>
            <p role="status" className="backups-status" data-testid="backup-status">
              {status ?? (engine?.lastError() ? `The last automatic backup failed: ${engine.lastError()}` : '')}
            </p>
          </div>
        </section>

        {backups === null ? null : groups.length === 0 ? (
          <section className="empty-state" aria-labelledby="no-backups">
            <h2 id="no-backups">No backups yet</h2>
            <p>The first backup is taken as soon as you change something, or now with “Back up now”.</p>
          </section>
        ) : (
          groups.map((g) => (
            <section key={g.workshopId} className="panel backups-group" aria-labelledby={`backups-${g.workshopId}`}>
              <h2 id={`backups-${g.workshopId}`} className="section-title">
                {g.name}
                {g.exists ? null : <span className="backups-deleted"> (deleted)</span>}
              </h2>
              <div className="table-scroll">
                <table className="backups-table">
                  <caption className="visually-hidden">Backups of {g.name}, newest first</caption>
                  <thead>
                    <tr>
                      <th scope="col">Taken</th>
                      <th scope="col">Use cases</th>
                      <th scope="col">Size</th>
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {g.backups.map((b) => {
                      const when = formatTime(b.createdAt);
                      return (
                        <tr key={b.fileName}>
                          <td>
                            <time dateTime={b.createdAt}>{when}</time>
                          </td>
                          <td>{b.useCases ?? '—'}</td>
                          <td>{formatBytes(b.bytes)}</td>
                          <td>
                            <div className="backups-row-actions">
                              <button type="button" className="btn btn-small" onClick={() => void restore(b, g.name)} aria-label={`Restore ${g.name} from ${when} as a copy`}>
                                Restore as a copy
                              </button>
                              <button type="button" className="btn btn-small" onClick={() => void saveToFile(b, g.name)} aria-label={`Save the backup of ${g.name} from ${when} to a file`}>
                                Save to file…
                              </button>
                            </div>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </section>
          ))
        )}
      </main>
    </div>
  );
}
