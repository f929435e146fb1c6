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
import { saveFile } from '../../lib/desktop';
import { formatBytes } from '../../domain/locale-format';
import { SaveIndicator } from '../../shared/SaveIndicator';
import { useInterfaceT } from '../../i18n/react';
import type { AppMessageId } from '../../i18n/app-catalog';
import './backups.css';

type Group = { workshopId: string; name: string; exists: boolean; backups: BackupRecord[] };

function groupByWorkshop(backups: BackupRecord[], current: Map<string, string>, unnamed: string): Group[] {
  const groups = new Map<string, Group>();
  for (const b of backups) {
    let g = groups.get(b.workshopId);
    if (!g) {
      g = { workshopId: b.workshopId, name: current.get(b.workshopId) ?? b.workshopName ?? unnamed, exists: current.has(b.workshopId), backups: [] };
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

/** The moment in the interface language's own way of writing dates ("5. Dez. 2026, 16:05:37"). */
function formatTime(iso: string, lang: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '—' : d.toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'medium' });
}

const PERSISTENCE_TEXT: Record<StoragePersistence, AppMessageId> = {
  persistent: 'backups.persistent',
  'best-effort': 'backups.bestEffort',
  unsupported: 'backups.unsupported',
};

export function BackupsScreen() {
  const engine = backupEngine();
  const { t, lang } = useInterfaceT();
  const filters = [{ name: t('backups.fileFilter'), extensions: ['json'] }];
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
        setStatus(t('backups.listFailed', { reason: err instanceof Error ? err.message : String(err) }));
      },
    );
    void requestPersistentStorage().then((p) => {
      if (live) setPersistence(p);
    });
    return () => {
      live = false;
    };
  }, [engine, version, t]);

  const current = useMemo(() => new Map((workshops ?? []).map((w) => [w.id, w.name])), [workshops]);
  const groups = useMemo(() => groupByWorkshop(backups ?? [], current, t('backups.unnamed')), [backups, current, t]);

  const backUpNow = async () => {
    if (!engine) return;
    setBusy(true);
    try {
      const n = await engine.flush();
      setStatus(n === 0 ? t('backups.nothingChanged') : t('backups.backedUp', { count: n }));
    } catch (err) {
      setStatus(t('backups.failed', { reason: err instanceof Error ? err.message : String(err) }));
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
      message: t('backups.restored', { name, when: formatTime(b.createdAt, lang), copy: ws.name }),
      action: { label: t('backups.open'), run: () => navigate({ name: 'workshop', workshopId: ws.id, tab: 'use-cases' }) },
    });
  };

  const saveToFile = async (b: BackupRecord, name: string) => {
    if (!engine) return;
    const text = await engine.read(b.workshopId, b.fileName);
    if (text === undefined) return openDialog({ kind: 'file-error', title: t('backups.gone'), message: t('backups.goneMessage') });
    const base = slug(name);
    try {
      await saveFile(`${base}-backup-${b.fileName}`, text, filters);
    } catch (err) {
      openDialog({ kind: 'file-error', title: t('files.writeFailedTitle'), message: err instanceof Error ? err.message : String(err) });
    }
  };

  const where =
    engine?.store.kind === 'desktop'
      ? t('backups.whereDesktop')
      : t('backups.whereBrowser');

  return (
    <div className="home backups-screen">
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ▲
          </span>
          <span className="brand-name">Liftoff</span>
          <span className="brand-tag">{t('backups.tagline')}</span>
        </div>
        <div className="topbar-actions">
          <SaveIndicator />
          <a className="btn" href="#/">
            {t('backups.back')}
          </a>
        </div>
      </header>

      <main className="home-main">
        <h1 className="page-title">{t('backups.title')}</h1>
        <section className="panel backups-intro" aria-label={t('backups.about')}>
          <p>
            {t('backups.intro')} {where}
          </p>
          <p data-testid="storage-persistence" className={persistence === 'persistent' ? 'backups-ok' : 'backups-warn'}>
            {persistence ? t(PERSISTENCE_TEXT[persistence]) : t('backups.checking')}
          </p>
          <div className="backups-actions">
            <button type="button" className="btn btn-primary" onClick={() => void backUpNow()} disabled={busy || !engine}>
              {busy ? t('backups.backingUp') : t('backups.backUpNow')}
            </button>
            <p role="status" className="backups-status" data-testid="backup-status">
              {status ?? (engine?.lastError() ? t('backups.lastFailed', { reason: engine.lastError() }) : '')}
            </p>
          </div>
        </section>

        {backups === null ? null : groups.length === 0 ? (
          <section className="empty-state" aria-labelledby="no-backups">
            <h2 id="no-backups">{t('backups.none')}</h2>
            <p>{t('backups.noneHint')}</p>
          </section>
        ) : (
          groups.map((g) => (
            <section key={g.workshopId} className="panel backups-group" aria-labelledby={`backups-${g.workshopId}`}>
              <h2 id={`backups-${g.workshopId}`} className="section-title">
                {g.name}
                {g.exists ? null : <span className="backups-deleted">{t('backups.deleted')}</span>}
              </h2>
              <div className="table-scroll">
                <table className="backups-table">
                  <caption className="visually-hidden">{t('backups.caption', { name: g.name })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('backups.taken')}</th>
                      <th scope="col">{t('backups.useCases')}</th>
                      <th scope="col">{t('backups.size')}</th>
                      <th scope="col">
                        <span className="visually-hidden">{t('backups.actions')}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {g.backups.map((b) => {
                      const when = formatTime(b.createdAt, lang);
                      return (
                        <tr key={b.fileName}>
                          <td>
                            <time dateTime={b.createdAt}>{when}</time>
                          </td>
                          <td>{b.useCases ?? '—'}</td>
                          <td>{formatBytes(lang, b.bytes)}</td>
                          <td>
                            <div className="backups-row-actions">
                              <button type="button" className="btn btn-small" onClick={() => void restore(b, g.name)} aria-label={t('backups.restoreLabel', { name: g.name, when })}>
                                {t('backups.restore')}
                              </button>
                              <button type="button" className="btn btn-small" onClick={() => void saveToFile(b, g.name)} aria-label={t('backups.saveLabel', { name: g.name, when })}>
                                {t('backups.saveToFile')}
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
