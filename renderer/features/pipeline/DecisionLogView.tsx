// The workshop's decision log: every gate decision in order, never edited. The chain of hashes is
// verified whenever the log is shown (and again on request); a break is shown at its entry.
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { repos } from '../../app/repos';
import { routeHref } from '../../app/router';
import type { GateDecision, Workshop } from '../../domain/model';
import { useT } from '../../i18n/react';
import { sealedLineText } from '../../shared/message-text';
import { hasAppMessage, type AppMessageId } from '../../i18n/app-catalog';
import { decisionLabel, readerDate, stageLabel } from '../../shared/stage-words';
import { verifyChain, type ChainReport } from '../../domain/decision-log';
import { classifyMove } from '../../domain/stages';

const RESULT_IDS: Record<'pass' | 'fail' | 'n/a' | 'open', AppMessageId> = {
  pass: 'decisions.result.pass',
  fail: 'decisions.result.fail',
  'n/a': 'decisions.result.na',
  open: 'decisions.result.open',
};
import { usePageList } from '../../shared/use-page-list';
import './pipeline.css';

export function DecisionLogView({ workshop }: { workshop: Workshop }) {
  const data = useLiveQuery(async () => {
    const [decisions, useCases] = await Promise.all([repos.pipeline.decisions(workshop.id), repos.useCases.list(workshop.id)]);
    return { decisions, liveIds: new Set(useCases.map((u) => u.id)) };
  }, [workshop.id]);
  const [checkedAt, setCheckedAt] = useState<Date | null>(null);
  const { t, lang } = useT();
  const [manual, setManual] = useState<ChainReport | null>(null);
  const report = useMemo(() => (data ? verifyChain(data.decisions) : null), [data]);
  const newestFirst = useMemo(() => [...(data?.decisions ?? [])].reverse(), [data]);
  // A workshop of 200 use cases writes hundreds of decisions; only the entries near the view are
  // in the page (each measured as drawn: an entry grows when its criteria are opened).
  const { attach, rows, height, topOf, measure } = usePageList<HTMLOListElement>({
    count: newestFirst.length,
    estimate: 170,
    gap: 10,
    getKey: (i) => newestFirst[i]?.id ?? String(i),
  });
  if (!data || !report) return <div aria-busy="true" />;

  const verifyNow = async () => {
    // Read the stored log again, not what the screen already has.
    setManual(verifyChain(await repos.pipeline.decisions(workshop.id)));
    setCheckedAt(new Date());
  };
  const shown = manual ?? report;
  const breakSeq = shown.ok ? null : shown.firstBreak.seq;

  return (
    <div className="decision-log">
      <header className="pipeline-header">
        <h1 className="section-title">
          {t('decisions.title')} <span className="count">{data.decisions.length}</span>
        </h1>
        <p className="pipeline-hint">{t('decisions.hint')}</p>
      </header>
      <section className={`panel chain-status ${shown.ok ? 'chain-ok' : 'chain-broken'}`} aria-live="polite" data-testid="chain-status">
        <div>
          {shown.ok ? (
            <p className="chain-verdict">
              <span aria-hidden="true">✓ </span>
              {shown.count === 0 ? t('decisions.empty') : t('decisions.intact', { count: shown.count })}
            </p>
          ) : (
            <>
              <p className="chain-verdict">
                <span aria-hidden="true">✗ </span>{t('decisions.breaksAt', { seq: shown.firstBreak.seq })}
              </p>
              <p>
                {shown.firstBreak.message} {t('decisions.untrusted')}
              </p>
            </>
          )}
          <p className="field-hint">
            {t('decisions.sealHint')}
            {checkedAt ? t('decisions.checkedAt', { time: checkedAt.toLocaleTimeString(lang) }) : ''}
          </p>
        </div>
        <button type="button" className="btn" onClick={() => void verifyNow()}>
          {t('decisions.verify')}
        </button>
      </section>
      {data.decisions.length === 0 ? (
        <p className="panel">
          {t('decisions.emptyBefore')} <a href={routeHref({ name: 'workshop', workshopId: workshop.id, tab: 'pipeline' })}>{t('decisions.emptyLink')}</a>{' '}
          {t('decisions.emptyAfter')}
        </p>
      ) : (
        // The height and each entry's place are set through the DOM (style props), never style attributes: the CSP forbids those.
        <ol className="log-entries page-list" aria-label={t('decisions.listLabel')} ref={attach} style={{ height: `${height}px` }}>
          {rows.map((row) => {
            const d = newestFirst[row.index];
            if (!d) return null;
            return (
              <LogEntry
                key={d.id}
                d={d}
                workshopId={workshop.id}
                exists={data.liveIds.has(d.useCaseId)}
                broken={breakSeq !== null && d.seq >= breakSeq}
                first={d.seq === breakSeq}
                place={{ index: row.index, of: newestFirst.length, top: topOf(row) }}
                measure={measure}
              />
            );
          })}
        </ol>
      )}
    </div>
  );
}

/** Where an entry sits in the virtualized log. */
type Place = { index: number; of: number; top: number };

export function LogEntry({
  d,
  workshopId,
  exists,
  broken,
  first,
  place,
  measure,
}: {
  d: GateDecision;
  workshopId: string;
  exists: boolean;
  broken: boolean;
  first: boolean;
  place: Place;
  measure: (el: HTMLElement | null) => void;
}) {
  const skip = classifyMove(d.fromStage, d.toStage) === 'skip' && d.decision === 'advance';
  const { t, lang } = useT();
  return (
    <li
      className={`panel log-entry${broken ? ' log-entry-broken' : ''}`}
      data-testid="log-entry"
      data-seq={d.seq}
      ref={measure}
      data-index={place.index}
      style={{ top: `${place.top}px` }}
      aria-setsize={place.of}
      aria-posinset={place.index + 1}
    >
      <header className="log-entry-head">
        <span className="log-seq">#{d.seq}</span>
        <span className="log-date">{readerDate(lang, d.date)}</span>
        <strong className="log-title">
          {exists ? (
            <a href={routeHref({ name: 'workshop', workshopId, tab: 'pipeline', useCaseId: d.useCaseId, section: 'decisions' })}>{d.useCaseTitle}</a>
          ) : (
            <>
              {d.useCaseTitle} <span className="muted">{t('decisions.useCaseDeleted')}</span>
            </>
          )}
        </strong>
        <span className={`log-decision log-decision-${d.decision}`}>{decisionLabel(t, d.decision)}</span>
        {first ? <span className="log-break">{t('decisions.breaksHere')}</span> : null}
      </header>
      <p className="log-move">
        {stageLabel(t, d.fromStage)} → {stageLabel(t, d.toStage)}
        {skip ? t('decisions.stagesSkipped') : ''}
      </p>
      {d.proposal ? (
        <p className={`log-proposal${d.proposal.decision !== d.decision ? ' log-proposal-overridden' : ''}`} data-testid="log-proposal">
          <strong>{t('decisions.proposed', { label: d.proposal.label })}</strong> {d.proposal.sentence}
          {d.proposal.decision === d.decision ? <span className="muted">{t('decisions.follows')}</span> : null}
        </p>
      ) : null}
      {d.proposal && d.proposal.decision !== d.decision ? (
        <p className="log-override" data-testid="log-override">
          <strong>{t('decisions.against', { decision: decisionLabel(t, d.decision) })}</strong> {d.overrideReason}
        </p>
      ) : null}
      <p className="log-rationale">{d.rationale}</p>
      {d.criteria.some((c) => c.conflicts?.length) ? (
        <ul className="log-against" data-testid="log-against">
          {d.criteria
            .filter((c) => c.conflicts?.length)
            .map((c) => (
              <li key={c.name}>
                <strong>{t('decisions.passedAgainst', { name: c.name })}</strong> ({c.conflicts?.join(' ')}) <strong>{t('decisions.justification')}</strong>{' '}
                {c.justification}
              </li>
            ))}
        </ul>
      ) : null}
      <dl className="log-meta">
        <div>
          <dt>{t('decisions.decidedBy')}</dt>
          <dd>{d.decidedBy}</dd>
        </div>
        {d.nextActionsOwner ? (
          <div>
            <dt>{t('decisions.nextActions')}</dt>
            <dd>{d.nextActionsOwner}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('decisions.seal')}</dt>
          <dd className="log-hash" title={d.hash}>
            {d.hash.slice(0, 12)}…
          </dd>
        </div>
      </dl>
      {d.criteria.length > 0 ? (
        <details className="log-criteria">
          <summary>
            {t('decisions.criteriaSummary', {
              pass: d.criteria.filter((c) => c.result === 'pass').length,
              fail: d.criteria.filter((c) => c.result === 'fail').length,
              na: d.criteria.filter((c) => c.result === 'n/a').length,
            })}
          </summary>
          <ul>
            {d.criteria.map((c) => (
              <li key={c.name}>
                <span className={`log-result log-result-${c.result === 'n/a' ? 'na' : (c.result ?? 'open')}`}>{t(RESULT_IDS[c.result ?? 'open'])}</span> {c.name}
                {c.evidence ? <span className="muted"> — {c.evidence}</span> : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {d.evidence?.length ? (
        <details className="log-criteria">
          <summary>{t('decisions.evidenceSummary', { count: d.evidence.length })}</summary>
          <ul>
            {d.evidence.map((line, i) => (
              // Sealed with its message from this version on: said in the reader's language; earlier entries print as stored.
              <li key={i}>{sealedLineText(t, lang, line, d.evidenceMessages?.[i], hasAppMessage)}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </li>
  );
}
