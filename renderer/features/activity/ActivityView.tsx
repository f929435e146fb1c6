import { useLiveQuery } from 'dexie-react-hooks';
import { repos } from '../../app/repos';

/** The audit log: every change, newest first, as recorded with the change itself. */
export function ActivityView({ workshopId }: { workshopId: string }) {
  const entries = useLiveQuery(() => repos.audit.list(workshopId, 500), [workshopId]);
  return (
    <section className="activity" aria-labelledby="activity-title">
      <h1 id="activity-title" className="section-title">
        Activity
      </h1>
      <p className="muted">Every change in this workshop, newest first. Undo and redo are recorded too.</p>
      <ol className="activity-list">
        {(entries ?? []).map((e) => (
          <li key={e.id}>
            <time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time>
            <span className="activity-action">{e.action}</span>
            <span className="activity-summary">{e.summary}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
