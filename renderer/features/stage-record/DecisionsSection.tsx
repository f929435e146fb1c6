// This use case's gate decisions, newest first, exactly as the append-only log holds them.
import { routeHref } from '../../app/router';
import type { GateResult } from '../../domain/model';
import { STAGE_LABELS } from '../../domain/labels';
import { DECISION_LABELS, classifyMove } from '../../domain/stages';
import { formatDate } from '../../shared/format';
import type { StageRecord } from './use-stage-record';

const RESULT_LABELS: Record<GateResult | 'open', string> = { pass: 'Pass', fail: 'Fail', 'n/a': 'N/A', open: 'Not answered' };
const RESULT_ICONS: Record<GateResult | 'open', string> = { pass: '✓', fail: '✗', 'n/a': '–', open: '?' };

export function DecisionsSection({ record, workshopId }: { record: StageRecord; workshopId: string }) {
  const newestFirst = [...record.decisions].sort((a, b) => b.seq - a.seq);
  const logHref = routeHref({ name: 'workshop', workshopId, tab: 'decisions' });
  const boardHref = routeHref({ name: 'workshop', workshopId, tab: 'pipeline' });
  return (
    <section className="sr-decisions" aria-labelledby="sr-decisions-title">
      <div className="sr-section-head sr-decisions-head">
        <div>
          <h2 id="sr-decisions-title" className="sr-section-title">
            Gate decisions <span className="count">{newestFirst.length}</span>
          </h2>
          <p className="muted">
            Newest first. The log is append-only: a decision is never edited, a later one supersedes it. Decisions are recorded by moving the use case on
            the <a href={boardHref}>pipeline board</a>.
          </p>
        </div>
        <a className="btn" href={logHref}>
          Open the full decision log
        </a>
      </div>
      {newestFirst.length === 0 ? (
        <p className="panel empty-hint sr-decisions-empty">
          No gate decision yet: the use case is still in the stage it was created in ({STAGE_LABELS[record.useCase.stage]}).
        </p>
      ) : (
        <ol className="sr-decision-list" aria-label="Gate decisions, newest first">
          {newestFirst.map((d) => {
            const skip = classifyMove(d.fromStage, d.toStage) === 'skip' && d.decision === 'advance';
            const tally = (r: GateResult) => d.criteria.filter((c) => c.result === r).length;
            return (
              <li key={d.id} className={`panel sr-decision sr-decision-${d.decision}`} data-testid="stage-decision">
                <header className="sr-decision-head">
                  <time className="sr-decision-date" dateTime={d.date}>
                    {formatDate(d.date)}
                  </time>
                  <span className={`sr-decision-kind sr-decision-kind-${d.decision}`}>{DECISION_LABELS[d.decision]}</span>
                  <span className="sr-decision-move">
                    {STAGE_LABELS[d.fromStage]} <span aria-hidden="true">→</span>
                    <span className="visually-hidden"> to </span> {STAGE_LABELS[d.toStage]}
                    {skip ? ' (stages skipped)' : ''}
                  </span>
                  <span className="sr-decision-seq">Log entry #{d.seq}</span>
                </header>
                <p className="sr-decision-rationale">{d.rationale}</p>
                <dl className="sr-decision-meta">
                  <div>
                    <dt>Decided by</dt>
                    <dd>{d.decidedBy}</dd>
                  </div>
                  <div>
                    <dt>Owner of the next actions</dt>
                    <dd>{d.nextActionsOwner || '—'}</dd>
                  </div>
                  {d.criteria.length > 0 ? (
                    <div>
                      <dt>Criteria</dt>
                      <dd>
                        {tally('pass')} pass · {tally('fail')} fail · {tally('n/a')} n/a
                      </dd>
                    </div>
                  ) : null}
                </dl>
                {d.criteria.length > 0 ? (
                  <table className="sr-criteria-table">
                    <caption className="visually-hidden">Gate criteria of this decision</caption>
                    <thead>
                      <tr>
                        <th scope="col">Criterion</th>
                        <th scope="col">Result</th>
                        <th scope="col">Evidence</th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.criteria.map((c) => {
                        const r = c.result ?? 'open';
                        return (
                          <tr key={c.name}>
                            <td>{c.name}</td>
                            <td>
                              <span className={`sr-result sr-result-${r === 'n/a' ? 'na' : r}`}>
                                <span aria-hidden="true">{RESULT_ICONS[r]} </span>
                                {RESULT_LABELS[r]}
                              </span>
                            </td>
                            <td className="sr-evidence">{c.evidence || <span className="muted">—</span>}</td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
