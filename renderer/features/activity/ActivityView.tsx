import { useLiveQuery } from 'dexie-react-hooks';
import { repos } from '../../app/repos';
import { usePageList } from '../../shared/use-page-list';
import { useT } from '../../i18n/react';
import { stepName } from '../../shared/step-name';
import type { AuditEntry } from '../../domain/model';
import { decisionsByTime, entryWords } from './activity-words';
import { sealedLineText } from '../../shared/message-text';
import { hasAppMessage } from '../../i18n/app-catalog';

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
  // The steps' messages, for entries stored before the audit log kept its own (`actionMessage`,
  // `summaryMessage`, said through sealedLineText so an id this version lacks shows the English).
  const messages = useLiveQuery(() => repos.history.messagesByLabel(workshopId, SHOWN * 2), [workshopId]);
  // A decision's entry is said from the decision log, which keeps the decision as data.
  const decisions = useLiveQuery(async () => decisionsByTime(await repos.pipeline.decisions(workshopId)), [workshopId]);
  const words = (e: AuditEntry) => entryWords(e, messages, (m, label) => stepName(tr, { label, message: m }), t, decisions, (stored, m) => sealedLineText(t, lang, stored, m, hasAppMessage));
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
