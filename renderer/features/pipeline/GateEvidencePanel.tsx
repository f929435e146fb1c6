// The evidence a gate review weighs, shown before the criteria: KPIs against their bands with
// their trend and agreed response, the pilot's written criteria with the KPI results that measure
// them, open high and critical risks, overdue controls, the pilot's amendments, and, for the later
// gates, the hardening checklist and the stabilization rule. Colour is never the only signal:
// every band and trend is also a word.
import { routeHref } from '../../app/router';
import { KPI_LAYER_LABELS } from '../../domain/kpi';
import { PILOT_KIND_LABELS, type GateEvidence, type GateProposal } from '../../domain/gate-review';
import { DECISION_LABELS, resultingStage } from '../../domain/stages';
import { STAGE_LABELS } from '../../domain/labels';

const TREND_ARROWS = { up: '↑', down: '↓', flat: '→' } as const;

export function GateEvidencePanel({ evidence: e, workshopId, useCaseId }: { evidence: GateEvidence; workshopId: string; useCaseId: string }) {
  const kpiHref = routeHref({ name: 'workshop', workshopId, tab: 'kpis', useCaseId });
  const controlsHref = routeHref({ name: 'workshop', workshopId, tab: 'pipeline', useCaseId, section: 'controls' });
  return (
    <section className="gate-evidence-panel" aria-label="Evidence" data-testid="gate-evidence">
      <h3 className="gate-evidence-title">Evidence</h3>
      <div className="gate-ev-block">
        <h4>
          KPIs <a href={kpiHref}>Open the KPIs</a>
        </h4>
        {e.kpis.length === 0 ? (
          <p className="muted">No KPI is defined for this use case.</p>
        ) : (
          <table className="gate-kpis">
            <thead>
              <tr>
                <th scope="col">KPI</th>
                <th scope="col">Latest</th>
                <th scope="col">Band</th>
                <th scope="col">Trend</th>
                <th scope="col">Agreed response</th>
              </tr>
            </thead>
            <tbody>
              {e.kpis.map((k) => (
                <tr key={k.kpiId} data-testid="gate-kpi" className={`gate-kpi-${k.band}${k.guardrailBreached ? ' gate-kpi-breach' : ''}`}>
                  <th scope="row">
                    {k.name}
                    <span className="gate-kpi-sub">
                      {KPI_LAYER_LABELS[k.layer]}
                      {k.role === 'guardrail' ? ' · guardrail' : ''} · {k.bandsText}
                    </span>
                  </th>
                  <td>
                    {k.latestText}
                    {k.latestDate ? <span className="gate-kpi-sub">{k.latestDate}</span> : null}
                  </td>
                  <td>
                    <span className={`gate-band gate-band-${k.band}`}>{k.bandLabel}</span>
                    {k.guardrailBreached ? <span className="gate-band gate-band-red">Guardrail breached</span> : null}
                  </td>
                  <td className={k.trend.meaning === 'worse' ? 'gate-worse' : undefined}>
                    {k.trend.direction ? <span aria-hidden="true">{TREND_ARROWS[k.trend.direction]} </span> : null}
                    {k.trend.label}
                  </td>
                  <td>{k.action || <span className="muted">{k.band === 'no-data' ? 'Not measured yet' : 'None written'}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>

      <div className="gate-ev-block">
        <h4>The pilot’s criteria</h4>
        {e.pilotCriteria.length === 0 ? (
          <p className="muted">No success, partial-success or failure criteria were written.</p>
        ) : (
          <ul className="gate-pilot-criteria">
            {e.pilotCriteria.map((c, i) => (
              <li key={`${c.kind}-${i}`} data-testid="gate-pilot-criterion">
                <span className={`gate-kind gate-kind-${c.kind}`}>{PILOT_KIND_LABELS[c.kind]}</span> {c.text}
                <span className="gate-measured">
                  {c.measuredBy.length === 0 ? 'No KPI measures it: judge it from the evidence.' : 'Measured: '}
                  {c.measuredBy.map((m) => (
                    <span key={m.name} className={`gate-band gate-band-${m.guardrailBreached ? 'red' : m.band}`}>
                      {m.name}: {m.latestText}, {m.bandLabel.toLowerCase()}
                      {m.guardrailBreached ? ', guardrail breached' : ''}
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
          <h4>Open high and critical risks</h4>
          {e.openHighRisks.length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            <ul>
              {e.openHighRisks.map((r) => (
                <li key={r.title}>
                  <span className={`gate-band gate-band-${r.band === 'critical' ? 'red' : 'amber'}`}>
                    {r.bandLabel} {r.score}
                  </span>{' '}
                  {r.title}
                  {r.owner ? <span className="muted"> · {r.owner}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="gate-ev-block">
          <h4>Overdue controls</h4>
          {e.overdueControls.length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            <ul>
              {e.overdueControls.map((c) => (
                <li key={c.label}>
                  {c.label} <span className="muted">· due {c.dueDate}</span>
                  {c.owner ? <span className="muted"> · {c.owner}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="gate-ev-block">
          <h4>Amendments to the pilot</h4>
          {e.amendments.length === 0 ? (
            <p className="muted">None: the pilot ran as designed.</p>
          ) : (
            <ul>
              {e.amendments.map((a, i) => (
                <li key={i}>
                  {a.at.slice(0, 10)} · {a.field}: {a.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>

      {e.weighsHardening || e.to === 'hardening' ? (
        <div className="gate-ev-block" data-testid="gate-hardening">
          <h4>
            {e.weighsHardening ? 'Hardening checklist' : 'Hardening plan'} <a href={controlsHref}>Open the controls</a>
          </h4>
          <p className={e.weighsHardening && !e.hardening.complete ? 'gate-worse' : undefined}>
            {e.hardening.applicable === 0
              ? 'No hardening checklist yet.'
              : `${e.hardening.done} of ${e.hardening.applicable} done${e.hardening.open.length ? `; open: ${e.hardening.open.map((c) => c.label).join('; ')}` : '.'}`}
          </p>
        </div>
      ) : null}

      {e.weighsStabilization ? (
        <div className="gate-ev-block" data-testid="gate-stabilization">
          <h4>Stabilization rule: {e.stabilizationRule.met ? 'met' : 'not met'}</h4>
          <p className="field-hint">Each KPI green for its agreed number of measurements in a row, and its latest actual within the forecast tolerance.</p>
          <ul>
            {e.stabilizationRule.lines.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
          {e.stabilizationRule.withoutForecast.length ? (
            <p className="muted">No forecast set for {e.stabilizationRule.withoutForecast.join(', ')}: only the thresholds are weighed for it.</p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

export function GateProposalBox({ proposal, from, to, chosen, onFollow }: { proposal: GateProposal | null; from: GateEvidence['from']; to: GateEvidence['to']; chosen: string | null; onFollow: () => void }) {
  if (!proposal) {
    return (
      <section className="gate-proposal gate-proposal-none" data-testid="gate-proposal">
        <h3>No proposal</h3>
        <p>Nothing has been measured yet, so the evidence points to no decision. Decide from the criteria below.</p>
      </section>
    );
  }
  const follows = chosen === proposal.decision;
  return (
    <section className={`gate-proposal gate-proposal-${proposal.recommendation}`} data-testid="gate-proposal" aria-live="polite">
      <div className="gate-proposal-head">
        <h3>
          Proposed: {proposal.label}
          <span className="gate-decision-to"> → {STAGE_LABELS[resultingStage(proposal.decision, from, to)]}</span>
        </h3>
        {follows ? (
          <span className="gate-follows">Your decision follows the proposal</span>
        ) : (
          <button type="button" className="btn btn-small" onClick={onFollow}>
            Decide “{DECISION_LABELS[proposal.decision]}”
          </button>
        )}
      </div>
      <p>{proposal.sentence}</p>
      <ul>
        {proposal.facts.map((f) => (
          <li key={f}>{f}</li>
        ))}
      </ul>
      {proposal.drivers.kpis.length || proposal.drivers.criteria.length ? (
        <p className="gate-drivers">
          {proposal.drivers.kpis.length ? (
            <>
              <strong>KPIs:</strong> {proposal.drivers.kpis.join('; ')}.{' '}
            </>
          ) : null}
          {proposal.drivers.criteria.length ? (
            <>
              <strong>Criteria:</strong> {proposal.drivers.criteria.join('; ')}.
            </>
          ) : null}
        </p>
      ) : null}
    </section>
  );
}
