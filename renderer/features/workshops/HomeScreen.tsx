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
import { formatDateTime, formatIsoDate, formatRelativeTime } from '../../domain/locale-format';
import { LANGUAGE_NAMES } from '../../domain/languages';
import { useInterfaceT } from '../../i18n/react';
import { InterfaceLanguageSelect } from '../../shared/LanguageSelect';
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
  const { t, lang } = useInterfaceT();
  const relative = (iso: string) => formatRelativeTime(lang, iso, now, t('time.justNow'));

  const remove = async (ws: Workshop) => {
    setDeleting(null);
    await saveWithUndo(() => repos.workshops.remove(ws.id), {
      message: t('home.deletedToast', { name: ws.name }),
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
          <span className="brand-tag">{t('home.tagline')}</span>
        </div>
        <div className="topbar-actions">
          <InterfaceLanguageSelect />
          <SaveIndicator />
          <a className="btn" href="#/backups">
            {t('home.backups')}
          </a>
          <button type="button" className="btn" onClick={() => void openWorkshopFileFlow()}>
            {t('home.openFile')}
          </button>
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
            {t('home.newWorkshop')}
          </button>
        </div>
      </header>

      <main className="home-main">
        <h1 className="page-title">{t('home.title')}</h1>
        {workshops === undefined ? null : workshops.length === 0 ? (
          <section className="empty-state" aria-labelledby="empty-title">
            <h2 id="empty-title">{t('home.emptyTitle')}</h2>
            <p>{t('home.emptyBody')}</p>
            <button type="button" className="btn btn-primary btn-large" onClick={() => setCreating(true)}>
              {t('home.createFirst')}
            </button>
          </section>
        ) : (
          <ul className="workshop-list" aria-label={t('home.listLabel')}>
            {workshops.map((ws) => (
              <li key={ws.id} className="workshop-card">
                <a className="workshop-open" href={`#/w/${encodeURIComponent(ws.id)}/use-cases`}>
                  <span className="workshop-name">{ws.name}</span>
                  <span className="workshop-client">{ws.client || t('home.noClient')}</span>
                </a>
                <dl className="workshop-meta">
                  <div>
                    <dt>{t('home.facilitator')}</dt>
                    <dd>{ws.facilitator || '—'}</dd>
                  </div>
                  <div>
                    <dt>{t('home.workshopDate')}</dt>
                    <dd>{formatIsoDate(lang, ws.workshopDate)}</dd>
                  </div>
                  <div>
                    <dt>{t('home.roadmapDay1')}</dt>
                    <dd>{formatIsoDate(lang, ws.roadmapStartDate)}</dd>
                  </div>
                  <div>
                    <dt>{t('home.useCases')}</dt>
                    <dd>{counts?.get(ws.id) ?? 0}</dd>
                  </div>
                  <div>
                    <dt>{t('home.language')}</dt>
                    <dd lang={ws.language}>{LANGUAGE_NAMES[ws.language]}</dd>
                  </div>
                  <div>
                    <dt>{t('home.lastChange')}</dt>
                    <dd>
                      <time dateTime={changed?.get(ws.id) ?? ws.updatedAt} title={formatDateTime(lang, changed?.get(ws.id) ?? ws.updatedAt)}>
                        {relative(changed?.get(ws.id) ?? ws.updatedAt)}
                      </time>
                    </dd>
                  </div>
                </dl>
                <div className="workshop-actions">
                  <button type="button" className="btn btn-small" onClick={() => setRenaming(ws)} aria-label={t('home.renameLabel', { name: ws.name })}>
                    {t('home.rename')}
                  </button>
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() => void save(() => repos.workshops.duplicate(ws.id))}
                    aria-label={t('home.duplicateLabel', { name: ws.name })}
                  >
                    {t('home.duplicate')}
                  </button>
                  <button type="button" className="btn btn-small" onClick={() => void saveWorkshopFileFlow(ws.id)} aria-label={t('home.saveToFileLabel', { name: ws.name })}>
                    {t('home.saveToFile')}
                  </button>
                  <button type="button" className="btn btn-small btn-danger" onClick={() => setDeleting(ws)} aria-label={t('home.deleteLabel', { name: ws.name })}>
                    {t('home.delete')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
        {deleted && deleted.length > 0 ? (
          <section className="deleted-workshops" aria-labelledby="deleted-title">
            <h2 id="deleted-title" className="section-title">
              {t('home.deletedTitle')}
            </h2>
            <p className="muted">{t('home.deletedHint')}</p>
            <ul aria-label={t('home.deletedTitle')}>
              {deleted.map((d) => (
                <li key={d.seq} className="deleted-workshop">
                  <span className="workshop-name-deleted">{d.name}</span>
                  <span className="muted">
                    <time dateTime={d.at}>{t('home.deletedAgo', { when: relative(d.at) })}</time>
                  </span>
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-label={t('home.bringBackLabel', { name: d.name })}
                    onClick={() =>
                      void save(async () => {
                        const result = await repos.history.restoreDeleted(d.seq);
                        if (result) useAppStore.getState().showToast({ tone: 'success', message: t('home.broughtBack', { name: d.name }) });
                        return result;
                      })
                    }
                  >
                    {t('home.bringBack')}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </main>

      <Dialog title={deleting ? t('home.deleteTitle', { name: deleting.name }) : t('home.deleteTitleNone')} open={deleting !== null} onClose={() => setDeleting(null)}>
        {deleting ? (
          <>
            <p data-testid="delete-workshop-warning">
              {t('home.deleteWarning', { count: deletingCount })}
            </p>
            <p className="muted">{t('home.deleteUndoHint')}</p>
            <div className="dialog-actions">
              <button type="button" className="btn" onClick={() => setDeleting(null)}>
                {t('home.keepIt')}
              </button>
              <button type="button" className="btn btn-danger" onClick={() => void remove(deleting)}>
                {t('home.deleteWorkshop')}
              </button>
            </div>
          </>
        ) : null}
      </Dialog>

      <Dialog title={t('home.newTitle')} open={creating} onClose={() => setCreating(false)}>
        <WorkshopForm
          submitLabel={t('home.create')}
          onCancel={() => setCreating(false)}
          onSubmit={async (input) => {
            const ws = await save(() => repos.workshops.create(input));
            if (!ws) return;
            setCreating(false);
            navigate({ name: 'workshop', workshopId: ws.id, tab: 'use-cases' });
          }}
        />
      </Dialog>

      <Dialog title={t('home.renameTitle')} open={renaming !== null} onClose={() => setRenaming(null)}>
        {renaming ? <RenameForm workshop={renaming} onDone={() => setRenaming(null)} /> : null}
      </Dialog>

    </div>
  );
}

function RenameForm({ workshop, onDone }: { workshop: Workshop; onDone: () => void }) {
  const [name, setName] = useState(workshop.name);
  const [error, setError] = useState<string | null>(null);
  const { t } = useInterfaceT();
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        if (!name.trim()) return setError(t('home.renameNeedsName'));
        const ok = await save(() => repos.workshops.rename(workshop.id, name));
        if (ok) onDone();
      }}
    >
      <div className="field">
        <label htmlFor="rename-input">{t('home.renameName')}</label>
        <input id="rename-input" value={name} maxLength={300} autoFocus onChange={(e) => setName(e.target.value)} aria-invalid={error ? true : undefined} />
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary">
          {t('home.rename')}
        </button>
      </div>
    </form>
  );
}
