// The workshop's decision log: every gate decision in order, never edited. The chain of hashes is
// verified whenever the log is shown (and again on request); a break is shown at its entry.
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { repos } from '../../app/repos';
import { routeHref } from '../../app/router';
import type { GateDecision, Workshop } from '../../domain/model';
import { STAGE_LABELS } from '../../domain/labels';
import { verifyChain, type ChainReport } from '../../domain/decision-log';
import { DECISION_LABELS, classifyMove } from '../../domain/stages';
import './pipeline.css';

export function DecisionLogView({ workshop }: { workshop: Workshop }) {
  const data = useLiveQuery(async () => {
    const [decisions, useCases] = await Promise.all([repos.pipeline.decisions(workshop.id), repos.useCases.list(workshop.id)]);
    return { decisions, liveIds: new Set(useCases.map((u) => u.id)) };
  }, [workshop.id]);
  const [checkedAt, setCheckedAt] = useState<Date | null>(null);
  const [manual, setManual] = useState<ChainReport | null>(null);
  const report = useMemo(() => (data ? verifyChain(data.decisions) : null), [data]);
  if (!data || !report) return <div aria-busy="true" />;

  const verifyNow = async () => {
    // Read the stored log again, not what the screen already has.
    setManual(verifyChain(await repos.pipeline.decisions(workshop.id)));
    setCheckedAt(new Date());
  };
  const shown = manual ?? report;
  const breakSeq = shown.ok ? null : shown.firstBreak.seq;
  const newestFirst = [...data.decisions].reverse();

  return (
    <div className="decision-log">
      <header className="pipeline-header">
        <h1 className="section-title">
          Decision log <span className="count">{data.decisions.length}</span>
        </h1>
        <p className="pipeline-hint">Every gate decision, in the order it was taken. Entries are never edited: a later decision supersedes an earlier one.</p>
      </header>
      <section className={`panel chain-status ${shown.ok ? 'chain-ok' : 'chain-broken'}`} aria-live="polite" data-testid="chain-status">
        <div>
          {shown.ok ? (
            <p className="chain-verdict">
              <span aria-hidden="true">✓ </span>
              {shown.count === 0
                ? 'The log is empty: no decision recorded yet.'
                : `The log is intact: ${shown.count} ${shown.count === 1 ? 'entry' : 'entries'}, each sealed to the one before.`}
            </p>
          ) : (
            <>
              <p className="chain-verdict">
                <span aria-hidden="true">✗ </span>The chain breaks at entry #{shown.firstBreak.seq}.
              </p>
              <p>{shown.firstBreak.message} Entries from there on cannot be trusted as recorded; earlier entries are intact.</p>
            </>
          )}
          <p className="field-hint">
            Each entry carries a SHA-256 seal of its content and of the entry before it, so a change made outside Liftoff (in the database or in a workshop
            file) shows up here.
            {checkedAt ? ` Checked again at ${checkedAt.toLocaleTimeString()}.` : ''}
          </p>
        </div>
        <button type="button" className="btn" onClick={() => void verifyNow()}>
          Verify the chain
        </button>
      </section>
      {data.decisions.length === 0 ? (
        <p className="panel">
          Decisions appear here when a use case is moved on the{' '}
          <a href={routeHref({ name: 'workshop', workshopId: workshop.id, tab: 'pipeline' })}>pipeline</a> and its review is recorded.
        </p>
      ) : (
        <ol className="log-entries" aria-label="Decisions, newest first">
          {newestFirst.map((d) => (
            <LogEntry key={d.id} d={d} workshopId={workshop.id} exists={data.liveIds.has(d.useCaseId)} broken={breakSeq !== null && d.seq >= breakSeq} first={d.seq === breakSeq} />
          ))}
        </ol>
      )}
    </div>
  );
}

export function LogEntry({ d, workshopId, exists, broken, first }: { d: GateDecision; workshopId: string; exists: boolean; broken: boolean; first: boolean }) {
  const skip = classifyMove(d.fromStage, d.toStage) === 'skip' && d.decision === 'advance';
  return (
    <li className={`panel log-entry${broken ? ' log-entry-broken' : ''}`} data-testid="log-entry" data-seq={d.seq}>
      <header className="log-entry-head">
        <span className="log-seq">#{d.seq}</span>
        <span className="log-date">{d.date}</span>
        <strong className="log-title">
          {exists ? (
            <a href={routeHref({ name: 'workshop', workshopId, tab: 'pipeline', useCaseId: d.useCaseId, section: 'decisions' })}>{d.useCaseTitle}</a>
          ) : (
            <>
              {d.useCaseTitle} <span className="muted">(use case deleted)</span>
            </>
          )}
        </strong>
        <span className={`log-decision log-decision-${d.decision}`}>{DECISION_LABELS[d.decision]}</span>
        {first ? <span className="log-break">Chain breaks here</span> : null}
      </header>
      <p className="log-move">
        {STAGE_LABELS[d.fromStage]} → {STAGE_LABELS[d.toStage]}
        {skip ? ' (stages skipped)' : ''}
      </p>
      <p className="log-rationale">{d.rationale}</p>
      <dl className="log-meta">
        <div>
          <dt>Decided by</dt>
          <dd>{d.decidedBy}</dd>
        </div>
        {d.nextActionsOwner ? (
          <div>
            <dt>Next actions</dt>
            <dd>{d.nextActionsOwner}</dd>
          </div>
        ) : null}
        <div>
          <dt>Seal</dt>
          <dd className="log-hash" title={d.hash}>
            {d.hash.slice(0, 12)}…
          </dd>
        </div>
      </dl>
      {d.criteria.length > 0 ? (
        <details className="log-criteria">
          <summary>
            Criteria: {d.criteria.filter((c) => c.result === 'pass').length} pass, {d.criteria.filter((c) => c.result === 'fail').length} fail,{' '}
            {d.criteria.filter((c) => c.result === 'n/a').length} n/a
          </summary>
          <ul>
            {d.criteria.map((c) => (
              <li key={c.name}>
                <span className={`log-result log-result-${c.result === 'n/a' ? 'na' : (c.result ?? 'open')}`}>{c.result ?? 'open'}</span> {c.name}
                {c.evidence ? <span className="muted"> — {c.evidence}</span> : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </li>
  );
}
