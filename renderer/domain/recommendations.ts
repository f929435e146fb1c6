// The decision the sponsor is asked to take for each use case at a decision point, derived from
// the workshop's own evidence: the readiness verdict, the pilot's written criteria, the latest
// gate's failed criteria, KPIs out of their band (a breached guardrail above all), open high or
// critical risks and overdue controls. The rules are deliberately few and stated in plain words,
// so a facilitator can explain (and, in the pack, reword) every recommendation.
import type { Stage } from './model';

export const RECOMMENDATIONS = ['start-pilot', 'readiness-sprint', 'scale', 'improve-pilot', 'second-validation', 'stop'] as const;
export type RecommendedDecision = (typeof RECOMMENDATIONS)[number];

export const RECOMMENDATION_LABELS: Record<RecommendedDecision, string> = {
  'start-pilot': 'Start the pilot',
  'readiness-sprint': 'Readiness sprint first',
  scale: 'Scale',
  'improve-pilot': 'Improve the pilot',
  'second-validation': 'Run a second validation',
  stop: 'Stop',
};

/** What the rules look at for one use case (built from the rows by the sponsor pack). */
export type DecisionEvidence = {
  title: string;
  stage: Stage;
  verdict: 'start-pilot' | 'readiness-sprint' | 'incomplete';
  /** Why the readiness verdict is what it is ("Data quality is 2 of 5"). */
  verdictReasons: readonly string[];
  /** Success and failure criteria are both written. */
  hasPilotCriteria: boolean;
  /** Criteria the latest gate review marked as failed. */
  failedCriteria: readonly string[];
  /** How many times "improve the pilot" was already decided for it. */
  improveDecisions: number;
  kpis: readonly { name: string; band: 'green' | 'amber' | 'red' | 'no-data' | 'no-thresholds'; guardrailBreached: boolean }[];
  /** Titles of open risks scored high or critical. */
  openHighRisks: readonly string[];
  /** Titles of controls past their due date and not done. */
  overdueControls: readonly string[];
};

export type Recommendation = {
  decision: RecommendedDecision;
  label: string;
  /** One sentence: the decision and its main reason. */
  sentence: string;
  /** The two or three facts that drive it, most decisive first. */
  facts: string[];
};

function list(items: readonly string[], max = 2): string {
  const shown = items
    .slice(0, max)
    .map((x) => x.trim().replace(/[.;]+$/, ''))
    .join('; ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

function allGreen(n: number): string {
  return n === 1 ? 'The one measured KPI is green' : `All ${n} measured KPIs green`;
}

function make(decision: RecommendedDecision, title: string, reason: string, facts: string[]): Recommendation {
  return { decision, label: RECOMMENDATION_LABELS[decision], sentence: `${RECOMMENDATION_LABELS[decision]} for ${title}: ${reason}.`, facts: facts.filter(Boolean).slice(0, 3) };
}

/**
 * The recommendation for one use case, or null when it is not at a decision point: stopped, in
 * hardening, scaled already, or not far enough along for the sponsor to decide anything (no
 * complete readiness diagnostic; a pilot design without success and failure criteria).
 */
export function recommend(e: DecisionEvidence): Recommendation | null {
  const risks = e.openHighRisks.length ? `Open high or critical risks: ${list(e.openHighRisks)}` : '';
  const overdue = e.overdueControls.length ? `Overdue controls: ${list(e.overdueControls)}` : '';
  const breached = e.kpis.filter((k) => k.guardrailBreached).map((k) => k.name);
  const red = e.kpis.filter((k) => k.band === 'red' && !k.guardrailBreached).map((k) => k.name);
  const amber = e.kpis.filter((k) => k.band === 'amber' && !k.guardrailBreached).map((k) => k.name);
  const measured = e.kpis.filter((k) => k.band !== 'no-data');
  const green = measured.filter((k) => k.band === 'green' && !k.guardrailBreached).map((k) => k.name);

  switch (e.stage) {
    case 'readiness':
    case 'pilot-design': {
      if (e.verdict === 'readiness-sprint') {
        return make('readiness-sprint', e.title, 'the readiness diagnostic finds gaps to close before a pilot', [
          `Readiness verdict: readiness sprint first${e.verdictReasons.length ? ` (${list(e.verdictReasons)})` : ''}`,
          risks,
          overdue,
        ]);
      }
      if (e.verdict !== 'start-pilot') return null;
      if (e.stage === 'pilot-design' && !e.hasPilotCriteria) return null;
      return make('start-pilot', e.title, e.stage === 'pilot-design' ? 'it is ready and its go / no-go criteria are agreed' : 'the readiness diagnostic clears it', [
        'Readiness verdict: start the pilot',
        e.hasPilotCriteria ? 'Success and failure criteria are written down before the pilot runs' : 'Pilot criteria still to write in the pilot design stage',
        risks,
      ]);
    }
    case 'pilot':
    case 'gate':
    case 'rollout': {
      if (breached.length || red.length) {
        const kpiFact = [breached.length ? `Guardrail breached: ${list(breached)}` : '', red.length ? `In the red band: ${list(red)}` : ''].filter(Boolean).join('; ');
        if (e.improveDecisions >= 2) {
          return make('stop', e.title, `still out of band after ${e.improveDecisions} rounds of improvement`, [kpiFact, `Improved ${e.improveDecisions} times already`, risks]);
        }
        return make('improve-pilot', e.title, breached.length ? 'a guardrail KPI got worse than its baseline' : 'a KPI is in its red band', [
          kpiFact,
          e.failedCriteria.length ? `Gate criteria failed: ${list(e.failedCriteria)}` : '',
          risks || overdue,
        ]);
      }
      if (e.failedCriteria.length) {
        return make('improve-pilot', e.title, 'the last gate review failed a criterion', [`Gate criteria failed: ${list(e.failedCriteria)}`, risks, overdue]);
      }
      if (measured.length === 0 || amber.length) {
        if (e.stage === 'pilot' && measured.length === 0) return null;
        return make('second-validation', e.title, measured.length === 0 ? 'no KPI has been measured yet' : 'the evidence is not conclusive', [
          amber.length ? `Amber, not yet green: ${list(amber)}` : 'No KPI measured yet',
          green.length ? `Green: ${list(green)}` : '',
          risks || overdue,
        ]);
      }
      if (e.openHighRisks.length || e.overdueControls.length) {
        return make('improve-pilot', e.title, 'its KPIs are green but risks or controls are open', [allGreen(measured.length), risks, overdue]);
      }
      return make('scale', e.title, e.stage === 'rollout' ? 'the limited rollout holds every KPI in the green' : 'every measured KPI is green and nothing is open', [
        allGreen(measured.length),
        'No open high or critical risk, no overdue control',
      ]);
    }
    default:
      return null;
  }
}
