// This use case's gate decisions, newest first, exactly as the append-only log holds them.
import { routeHref } from '../../app/router';
import type { GateResult } from '../../domain/model';
import { classifyMove } from '../../domain/stages';
import { useT } from '../../i18n/react';
import type { AppMessageId } from '../../i18n/app-catalog';
import { decisionLabel, readerDate, stageLabel } from '../../shared/stage-words';
import type { StageRecord } from './use-stage-record';

const RESULT_LABELS: Record<GateResult | 'open', AppMessageId> = { pass: 'stage.result.pass', fail: 'stage.result.fail', 'n/a': 'stage.result.na', open: 'stage.result.open' };
const RESULT_ICONS: Record<GateResult | 'open', string> = { pass: '✓', fail: '✗', 'n/a': '–', open: '?' };

export function DecisionsSection({ record, workshopId }: { record: StageRecord; workshopId: string }) {
  const newestFirst = [...record.decisions].sort((a, b) => b.seq - a.seq);
  const logHref = routeHref({ name: 'workshop', workshopId, tab: 'decisions' });
  const boardHref = routeHref({ name: 'workshop', workshopId, tab: 'pipeline' });
  const { t, lang } = useT();
  return (
    <section className="sr-decisions" aria-labelledby="sr-decisions-title">
      <div className="sr-section-head sr-decisions-head">
        <div>
          <h2 id="sr-decisions-title" className="sr-section-title">
            {t('stage.decisions.title')} <span className="count">{newestFirst.length}</span>
          </h2>
          <p className="muted">
            {t('stage.decisions.hint')} <a href={boardHref}>{t('stage.decisions.board')}</a>.
          </p>
        </div>
        <a className="btn" href={logHref}>
          {t('stage.decisions.openLog')}
        </a>
      </div>
      {newestFirst.length === 0 ? (
        <p className="panel empty-hint sr-decisions-empty">
          {t('stage.decisions.none', { stage: stageLabel(t, record.useCase.stage) })}
        </p>
      ) : (
        <ol className="sr-decision-list" aria-label={t('stage.decisions.list')}>
          {newestFirst.map((d) => {
            const skip = classifyMove(d.fromStage, d.toStage) === 'skip' && d.decision === 'advance';
            const tally = (r: GateResult) => d.criteria.filter((c) => c.result === r).length;
            return (
              <li key={d.id} className={`panel sr-decision sr-decision-${d.decision}`} data-testid="stage-decision">
                <header className="sr-decision-head">
                  <time className="sr-decision-date" dateTime={d.date}>
                    {readerDate(lang, d.date)}
                  </time>
                  <span className={`sr-decision-kind sr-decision-kind-${d.decision}`}>{decisionLabel(t, d.decision)}</span>
                  <span className="sr-decision-move">
                    {stageLabel(t, d.fromStage)} <span aria-hidden="true">→</span>
                    <span className="visually-hidden">{t('stage.decisions.to')}</span> {stageLabel(t, d.toStage)}
                    {skip ? t('stage.decisions.skipped') : ''}
                  </span>
                  <span className="sr-decision-seq">{t('stage.decisions.entry', { seq: d.seq })}</span>
                </header>
                <p className="sr-decision-rationale">{d.rationale}</p>
                <dl className="sr-decision-meta">
                  <div>
                    <dt>{t('stage.decisions.decidedBy')}</dt>
                    <dd>{d.decidedBy}</dd>
                  </div>
                  <div>
                    <dt>{t('stage.decisions.nextOwner')}</dt>
                    <dd>{d.nextActionsOwner || '—'}</dd>
                  </div>
                  {d.criteria.length > 0 ? (
                    <div>
                      <dt>{t('stage.decisions.criteria')}</dt>
                      <dd>
                        {t('stage.decisions.tally', { pass: tally('pass'), fail: tally('fail'), na: tally('n/a') })}
                      </dd>
                    </div>
                  ) : null}
                </dl>
                {d.criteria.length > 0 ? (
                  <table className="sr-criteria-table">
                    <caption className="visually-hidden">{t('stage.decisions.caption')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('stage.decisions.criterion')}</th>
                        <th scope="col">{t('stage.decisions.result')}</th>
                        <th scope="col">{t('stage.decisions.evidence')}</th>
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
                                {t(RESULT_LABELS[r])}
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
