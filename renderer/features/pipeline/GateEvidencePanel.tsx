// The evidence a gate review weighs, shown before the criteria: KPIs against their bands with
// their trend and agreed response, the pilot's written criteria with the KPI results that measure
// them, open high and critical risks, overdue controls, the pilot's amendments, and, for the later
// gates, the hardening checklist and the stabilization rule. Colour is never the only signal:
// every band and trend is also a word.
import { routeHref } from '../../app/router';
import type { GateEvidence, GateProposal, PilotCriterionEvidence, Trend } from '../../domain/gate-review';
import { resultingStage } from '../../domain/stages';
import { useT } from '../../i18n/react';
import type { AppMessageId } from '../../i18n/app-catalog';
import { bandLabel, decisionLabel, layerLabel, proposalLabel, readerDate, riskBandLabel, stageLabel } from '../../shared/stage-words';
import { messageText } from '../../shared/message-text';
import { formatValueIn } from '../../domain/kpi';

type T = ReturnType<typeof useT>['t'];
const KIND_IDS: Record<PilotCriterionEvidence['kind'], AppMessageId> = { success: 'gate.kind.success', partial: 'gate.kind.partial', failure: 'gate.kind.failure' };

/** The trend in words ("Rising, better (last 3 measurements)"), in the reader's language. */
function trendWords(t: T, trend: Trend): string {
  if (!trend.direction) return t('gate.trend.few');
  if (trend.direction === 'flat') return t('gate.trend.flat', { over: trend.over });
  return t('gate.trend.move', { direction: trend.direction, meaning: trend.meaning ?? 'worse', over: trend.over });
}

const TREND_ARROWS = { up: '↑', down: '↓', flat: '→' } as const;

export function GateEvidencePanel({ evidence: e, workshopId, useCaseId }: { evidence: GateEvidence; workshopId: string; useCaseId: string }) {
  const kpiHref = routeHref({ name: 'workshop', workshopId, tab: 'kpis', useCaseId });
  const controlsHref = routeHref({ name: 'workshop', workshopId, tab: 'pipeline', useCaseId, section: 'controls' });
  const { t, lang } = useT();
  const latestIn = (name: string) => {
    const k = e.kpis.find((x) => x.name === name);
    return k && k.latest !== null ? formatValueIn(lang, k.latest, k.unit) : undefined;
  };
  return (
    <section className="gate-evidence-panel" aria-label={t('gate.evidence')} data-testid="gate-evidence">
      <h3 className="gate-evidence-title">{t('gate.evidence')}</h3>
      <div className="gate-ev-block">
        <h4>
          {t('gate.ev.kpis')} <a href={kpiHref}>{t('gate.ev.openKpis')}</a>
        </h4>
        {e.kpis.length === 0 ? (
          <p className="muted">{t('gate.ev.noKpi')}</p>
        ) : (
          <table className="gate-kpis">
            <thead>
              <tr>
                <th scope="col">{t('gate.ev.kpi')}</th>
                <th scope="col">{t('gate.ev.latest')}</th>
                <th scope="col">{t('gate.ev.band')}</th>
                <th scope="col">{t('gate.ev.trend')}</th>
                <th scope="col">{t('gate.ev.response')}</th>
              </tr>
            </thead>
            <tbody>
              {e.kpis.map((k) => (
                <tr key={k.kpiId} data-testid="gate-kpi" className={`gate-kpi-${k.band}${k.guardrailBreached ? ' gate-kpi-breach' : ''}`}>
                  <th scope="row">
                    {k.name}
                    <span className="gate-kpi-sub">
                      {layerLabel(t, k.layer)}
                      {k.role === 'guardrail' ? t('gate.ev.guardrail') : ''} · {messageText(t, lang, k.bandsMessage)}
                    </span>
                  </th>
                  <td>
                    {k.latest === null ? '—' : formatValueIn(lang, k.latest, k.unit)}
                    {k.latestDate ? <span className="gate-kpi-sub">{readerDate(lang, k.latestDate)}</span> : null}
                  </td>
                  <td>
                    <span className={`gate-band gate-band-${k.band}`}>{bandLabel(t, k.band)}</span>
                    {k.guardrailBreached ? <span className="gate-band gate-band-red">{t('gate.ev.guardrailBreached')}</span> : null}
                  </td>
                  <td className={k.trend.meaning === 'worse' ? 'gate-worse' : undefined}>
                    {k.trend.direction ? <span aria-hidden="true">{TREND_ARROWS[k.trend.direction]} </span> : null}
                    {trendWords(t, k.trend)}
                  </td>
                  <td>{k.action || <span className="muted">{k.band === 'no-data' ? t('gate.ev.notMeasured') : t('gate.ev.noneWritten')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>

      <div className="gate-ev-block">
        <h4>{t('gate.ev.pilotCriteria')}</h4>
        {e.pilotCriteria.length === 0 ? (
          <p className="muted">{t('gate.ev.noPilotCriteria')}</p>
        ) : (
          <ul className="gate-pilot-criteria">
            {e.pilotCriteria.map((c, i) => (
              <li key={`${c.kind}-${i}`} data-testid="gate-pilot-criterion">
                <span className={`gate-kind gate-kind-${c.kind}`}>{t(KIND_IDS[c.kind])}</span> {c.text}
                <span className="gate-measured">
                  {c.measuredBy.length === 0 ? t('gate.ev.noKpiMeasures') : t('gate.ev.measured')}
                  {c.measuredBy.map((m) => (
                    <span key={m.name} className={`gate-band gate-band-${m.guardrailBreached ? 'red' : m.band}`}>
                      {m.name}: {latestIn(m.name) ?? m.latestText}, {bandLabel(t, m.band).toLocaleLowerCase(lang)}
                      {m.guardrailBreached ? t('gate.ev.guardrailBreachedSuffix') : ''}
                    </span>
                  ))}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>

      <div className="gate-ev-grid">
        <div className="gate-ev-block">
          <h4>{t('gate.ev.openRisks')}</h4>
          {e.openHighRisks.length === 0 ? (
            <p className="muted">{t('gate.ev.none')}</p>
          ) : (
            <ul>
              {e.openHighRisks.map((r) => (
                <li key={r.title}>
                  <span className={`gate-band gate-band-${r.band === 'critical' ? 'red' : 'amber'}`}>
                    {riskBandLabel(t, r.band)} {r.score}
                  </span>{' '}
                  {r.title}
                  {r.owner ? <span className="muted"> · {r.owner}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="gate-ev-block">
          <h4>{t('gate.ev.overdue')}</h4>
          {e.overdueControls.length === 0 ? (
            <p className="muted">{t('gate.ev.none')}</p>
          ) : (
            <ul>
              {e.overdueControls.map((c) => (
                <li key={c.label}>
                  {c.label} <span className="muted">{t('gate.ev.due', { date: readerDate(lang, c.dueDate) })}</span>
                  {c.owner ? <span className="muted"> · {c.owner}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="gate-ev-block">
          <h4>{t('gate.ev.amendments')}</h4>
          {e.amendments.length === 0 ? (
            <p className="muted">{t('gate.ev.noAmendments')}</p>
          ) : (
            <ul>
              {e.amendments.map((a, i) => (
                <li key={i}>
                  {readerDate(lang, a.at.slice(0, 10))} · {a.field}: {a.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>

      {e.weighsHardening || e.to === 'hardening' ? (
        <div className="gate-ev-block" data-testid="gate-hardening">
          <h4>
            {e.weighsHardening ? t('gate.ev.hardeningChecklist') : t('gate.ev.hardeningPlan')} <a href={controlsHref}>{t('gate.ev.openControls')}</a>
          </h4>
          <p className={e.weighsHardening && !e.hardening.complete ? 'gate-worse' : undefined}>
            {e.hardening.applicable === 0
              ? t('gate.ev.noHardening')
              : e.hardening.open.length
                ? t('gate.ev.hardeningOpen', { done: e.hardening.done, total: e.hardening.applicable, open: e.hardening.open.map((c) => c.label).join('; ') })
                : t('gate.ev.hardeningDone', { done: e.hardening.done, total: e.hardening.applicable })}
          </p>
        </div>
      ) : null}

      {e.weighsStabilization ? (
        <div className="gate-ev-block" data-testid="gate-stabilization">
          <h4>{t('gate.ev.stabilization', { met: e.stabilizationRule.met ? 'yes' : 'no' })}</h4>
          <p className="field-hint">{t('gate.ev.stabilizationHint')}</p>
          <ul>
            {e.stabilizationRule.lineMessages.map((l, i) => (
              <li key={i}>{messageText(t, lang, l)}</li>
            ))}
          </ul>
          {e.stabilizationRule.withoutForecast.length ? (
            <p className="muted">{t('gate.ev.noForecast', { names: e.stabilizationRule.withoutForecast.join(', ') })}</p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

export function GateProposalBox({ proposal, from, to, chosen, onFollow }: { proposal: GateProposal | null; from: GateEvidence['from']; to: GateEvidence['to']; chosen: string | null; onFollow: () => void }) {
  const { t, lang } = useT();
  if (!proposal) {
    return (
      <section className="gate-proposal gate-proposal-none" data-testid="gate-proposal">
        <h3>{t('gate.noProposal')}</h3>
        <p>{t('gate.noProposalBody')}</p>
      </section>
    );
  }
  const follows = chosen === proposal.decision;
  return (
    <section className={`gate-proposal gate-proposal-${proposal.recommendation}`} data-testid="gate-proposal" aria-live="polite">
      <div className="gate-proposal-head">
        <h3>
          {t('gate.proposedLabel', { label: proposalLabel(t, proposal.recommendation) })}
          <span className="gate-decision-to"> → {stageLabel(t, resultingStage(proposal.decision, from, to))}</span>
        </h3>
        {follows ? (
          <span className="gate-follows">{t('gate.follows')}</span>
        ) : (
          <button type="button" className="btn btn-small" onClick={onFollow}>
            {t('gate.decideThis', { decision: decisionLabel(t, proposal.decision) })}
          </button>
        )}
      </div>
      <p>{messageText(t, lang, proposal.sentenceMessage)}</p>
      <ul>
        {proposal.factMessages.map((f, i) => (
          <li key={i}>{messageText(t, lang, f)}</li>
        ))}
      </ul>
      {proposal.drivers.kpis.length || proposal.drivers.criteria.length ? (
        <p className="gate-drivers">
          {proposal.drivers.kpis.length ? (
            <>
              <strong>{t('gate.driversKpis')}</strong> {proposal.drivers.kpis.join('; ')}.{' '}
            </>
          ) : null}
          {proposal.drivers.criteria.length ? (
            <>
              <strong>{t('gate.driversCriteria')}</strong> {proposal.criteriaMessages.map((c) => messageText(t, lang, c)).join('; ')}.
            </>
          ) : null}
        </p>
      ) : null}
    </section>
  );
}
