import { useLiveQuery } from 'dexie-react-hooks';
import { repos } from '../../app/repos';
import { usePageList } from '../../shared/use-page-list';
import { useT } from '../../i18n/react';
import { stepName } from '../../shared/step-name';
import type { AuditEntry } from '../../domain/model';
import type { Message } from '../../domain/message';

/** The newest entries shown; older ones stay in the workshop (and its file). */
const SHOWN = 500;

/**
 * The audit log: every change, newest first, as recorded with the change itself. A day in the
 * room writes hundreds of entries, so only the ones near the view are in the page.
 */
export function ActivityView({ workshopId }: { workshopId: string }) {
  const tr = useT();
  const { t, lang } = tr;
  const entries = useLiveQuery(() => repos.audit.list(workshopId, SHOWN), [workshopId]) ?? [];
  // The steps' messages: the audit log stores English labels only (it travels in the workshop file).
  const messages = useLiveQuery(() => repos.history.messagesByLabel(workshopId, SHOWN * 2), [workshopId]);
  const words = (e: AuditEntry) => entryWords(e, messages, (m, label) => stepName(tr, { label, message: m }), t);
  const { attach, rows, height, topOf, measure } = usePageList<HTMLOListElement>({ count: entries.length, estimate: 38, gap: 0, getKey: (i) => entries[i]?.id ?? String(i) });
  return (
    <section className="activity" aria-labelledby="activity-title">
      <h1 id="activity-title" className="section-title">
        {t('activity.title')}
      </h1>
      <p className="muted">
        {t('activity.intro', { limited: String(entries.length === SHOWN), shown: SHOWN })}
      </p>
      {/* The height and each row's place are set through the DOM (style props), never style attributes: the CSP forbids those. */}
      <ol className="activity-list page-list" ref={attach} style={{ height: `${height}px` }} aria-label={t('activity.listLabel')}>
        {rows.map((row) => {
          const e = entries[row.index];
          if (!e) return null;
          return (
            <li key={e.id} ref={measure} data-index={row.index} style={{ top: `${topOf(row)}px` }} aria-setsize={entries.length} aria-posinset={row.index + 1} data-testid="activity-entry">
              <time dateTime={e.at}>{new Date(e.at).toLocaleString(lang)}</time>
              <span className="activity-action">{words(e).action}</span>
              <span className="activity-summary">{words(e).summary}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

type Say = (message: Message | undefined, label: string) => string;

/**
 * An entry in the reader's language where its step's message is known: the action, a summary that
 * only repeats it, and the "Undid: …"/"Redid: …" entries undo and redo write. Other summaries
 * (with the values of the change) are shown as they were stored.
 */
function entryWords(e: AuditEntry, messages: Map<string, Message> | undefined, say: Say, t: ReturnType<typeof useT>['t']) {
  const of = (label: string) => say(messages?.get(label), label);
  for (const [action, prefix, id] of [
    ['Undo', 'Undid: ', 'shared.undone'],
    ['Redo', 'Redid: ', 'shared.redone'],
  ] as const) {
    if (e.action === action && e.summary.startsWith(prefix)) {
      return { action: t(action === 'Undo' ? 'shared.undo' : 'history.redo'), summary: t(id, { label: of(e.summary.slice(prefix.length)) }) };
    }
  }
  return { action: of(e.action), summary: e.summary === e.action ? of(e.action) : e.summary };
}
