// The decision the sponsor is asked to take for each use case at a decision point, derived from
// the workshop's own evidence: the readiness verdict, the pilot's written criteria, the latest
// gate's failed criteria, KPIs out of their band (a breached guardrail above all), open high or
// critical risks and overdue controls. The rules are deliberately few and stated in plain words,
// so a facilitator can explain (and, in the pack, reword) every recommendation.
import type { Stage } from './model';
import { englishPack, type PackMessageId } from '../i18n/pack-catalog';
import { msg, type Message } from './message';

/** The pack's words in the workshop's language (i18n/pack-catalog.ts); English when not given. */
export type PackSay = (id: PackMessageId, values?: Record<string, unknown>) => string;

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
  /**
   * The same reasons as app-catalog messages (one for one), when known: the sponsor pack then
   * quotes them in the workshop's language (`factLines`) rather than in English.
   */
  verdictReasonMessages?: readonly Message[];
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
  /**
   * The same facts as the pack prints them: text in `t`'s language, or an app-catalog message
   * (the readiness reasons quoted, when `verdictReasonMessages` is given) the document says in it.
   */
  factLines: (string | Message)[];
};

/** A fact: text, or text with the message that says it in any language. */
type Fact = string | { text: string; line: Message };

function list(items: readonly string[], t: PackSay, max = 2): string {
  const shown = items
    .slice(0, max)
    .map((x) => x.trim().replace(/[.;]+$/, ''))
    .join('; ');
  return items.length > max ? t('pack.rec.andMore', { shown, count: items.length - max }) : shown;
}

function make(t: PackSay, decision: RecommendedDecision, title: string, reason: string, facts: Fact[]): Recommendation {
  const label = t(`pack.recommendation.${decision}`);
  const kept = facts.filter((f) => typeof f !== 'string' || f !== '').slice(0, 3);
  return {
    decision,
    label,
    sentence: t('pack.rec.sentence', { label, title, reason }),
    facts: kept.map((f) => (typeof f === 'string' ? f : f.text)),
    factLines: kept.map((f) => (typeof f === 'string' ? f : f.line)),
  };
}

/** The readiness reasons quoted (two at most), as a message the pack says in its language. */
function verdictWhy(reasons: readonly Message[], max = 2): Message {
  return msg('recommendation.fact.verdictSprintWhy', { reasons: { list: reasons.slice(0, max), separator: ' ' }, more: Math.max(0, reasons.length - max) });
}

/**
 * The recommendation for one use case, or null when it is not at a decision point: stopped, in
 * hardening, scaled already, or not far enough along for the sponsor to decide anything (no
 * complete readiness diagnostic; a pilot design without success and failure criteria).
 */
export function recommend(e: DecisionEvidence, t: PackSay = englishPack.t): Recommendation | null {
  const ls = (items: readonly string[]) => list(items, t);
  const allGreen = (count: number) => t('pack.rec.allGreen', { count });
  const risks = e.openHighRisks.length ? t('pack.rec.openHighRisks', { list: ls(e.openHighRisks) }) : '';
  const overdue = e.overdueControls.length ? t('pack.rec.overdueControls', { list: ls(e.overdueControls) }) : '';
  const breached = e.kpis.filter((k) => k.guardrailBreached).map((k) => k.name);
  const red = e.kpis.filter((k) => k.band === 'red' && !k.guardrailBreached).map((k) => k.name);
  const amber = e.kpis.filter((k) => k.band === 'amber' && !k.guardrailBreached).map((k) => k.name);
  const measured = e.kpis.filter((k) => k.band !== 'no-data');
  const green = measured.filter((k) => k.band === 'green' && !k.guardrailBreached).map((k) => k.name);

  switch (e.stage) {
    case 'readiness':
    case 'pilot-design': {
      if (e.verdict === 'readiness-sprint') {
        return make(t, 'readiness-sprint', e.title, t('pack.rec.reason.sprint'), [
          e.verdictReasons.length
            ? e.verdictReasonMessages?.length
              ? { text: t('pack.rec.fact.verdictSprintWhy', { list: ls(e.verdictReasons) }), line: verdictWhy(e.verdictReasonMessages) }
              : t('pack.rec.fact.verdictSprintWhy', { list: ls(e.verdictReasons) })
            : t('pack.rec.fact.verdictSprint'),
          risks,
          overdue,
        ]);
      }
      if (e.verdict !== 'start-pilot') return null;
      if (e.stage === 'pilot-design' && !e.hasPilotCriteria) return null;
      return make(t, 'start-pilot', e.title, e.stage === 'pilot-design' ? t('pack.rec.reason.startDesigned') : t('pack.rec.reason.startCleared'), [
        t('pack.rec.fact.verdictStart'),
        e.hasPilotCriteria ? t('pack.rec.fact.criteriaWritten') : t('pack.rec.fact.criteriaToWrite'),
        risks,
      ]);
    }
    case 'pilot':
    case 'gate':
    case 'rollout': {
      if (breached.length || red.length) {
        const kpiFact = [breached.length ? t('pack.rec.fact.guardrail', { list: ls(breached) }) : '', red.length ? t('pack.rec.fact.red', { list: ls(red) }) : ''].filter(Boolean).join('; ');
        if (e.improveDecisions >= 2) {
          return make(t, 'stop', e.title, t('pack.rec.reason.stillOut', { count: e.improveDecisions }), [kpiFact, t('pack.rec.fact.improved', { count: e.improveDecisions }), risks]);
        }
        return make(t, 'improve-pilot', e.title, breached.length ? t('pack.rec.reason.guardrail') : t('pack.rec.reason.red'), [
          kpiFact,
          e.failedCriteria.length ? t('pack.rec.fact.failed', { list: ls(e.failedCriteria) }) : '',
          risks || overdue,
        ]);
      }
      if (e.failedCriteria.length) {
        return make(t, 'improve-pilot', e.title, t('pack.rec.reason.failed'), [t('pack.rec.fact.failed', { list: ls(e.failedCriteria) }), risks, overdue]);
      }
      if (measured.length === 0 || amber.length) {
        if (e.stage === 'pilot' && measured.length === 0) return null;
        return make(t, 'second-validation', e.title, measured.length === 0 ? t('pack.rec.reason.noMeasure') : t('pack.rec.reason.inconclusive'), [
          amber.length ? t('pack.rec.fact.amber', { list: ls(amber) }) : t('pack.rec.fact.noMeasure'),
          green.length ? t('pack.rec.fact.green', { list: ls(green) }) : '',
          risks || overdue,
        ]);
      }
      if (e.openHighRisks.length || e.overdueControls.length) {
        return make(t, 'improve-pilot', e.title, t('pack.rec.reason.greenButOpen'), [allGreen(measured.length), risks, overdue]);
      }
      return make(t, 'scale', e.title, e.stage === 'rollout' ? t('pack.rec.reason.rolloutGreen') : t('pack.rec.reason.allGreen'), [
        allGreen(measured.length),
        t('pack.rec.fact.nothingOpen'),
      ]);
    }
    default:
      return null;
  }
}
