// The stage-gated pipeline as rules: which move a drag between two columns means, which gate
// criteria it must answer, which decisions it allows and where each decision leaves the use case.
// Every use case's stage follows from the append-only decision log (its latest entry), so an
// undo of some other edit can never move a use case between stages.
import { msg, type Message, type MessageValue } from './message';
import type { GateDecision, GateResult, Stage, UseCase } from './model';
import { parseIsoDate } from './dates';
import type { PackSay } from './recommendations';
import { LANGUAGES, type Language } from './languages';
import { methodContent } from './method-library';

/** The seven stages in order; 'stopped' sits outside the line. */
export const PIPELINE: readonly Exclude<Stage, 'stopped'>[] = ['readiness', 'pilot-design', 'pilot', 'gate', 'hardening', 'rollout', 'scale'];

export function stageIndex(stage: Stage): number {
  return stage === 'stopped' ? -1 : PIPELINE.indexOf(stage);
}

export type MoveKind = 'none' | 'gate' | 'skip' | 'back' | 'stop' | 're-enter';

/** What dragging a card from one column to another asks for. */
export function classifyMove(from: Stage, to: Stage): MoveKind {
  if (from === to) return 'none';
  if (to === 'stopped') return 'stop';
  if (from === 'stopped') return 're-enter';
  const delta = stageIndex(to) - stageIndex(from);
  if (delta === 1) return 'gate';
  return delta > 1 ? 'skip' : 'back';
}

export type GatedStage = Exclude<Stage, 'readiness' | 'stopped'>;
export type GateCriterion = { key: string; name: string; help: string };

/** Our wording of what each gate asks, in `language` (assets/method/<language>/gate-criteria.json). */
export function gateCriteria(language: Language): Record<GatedStage, readonly GateCriterion[]> {
  return methodContent(language).gateCriteria;
}

function names(language: Language): Record<GatedStage, readonly string[]> {
  const all = gateCriteria(language);
  const out = {} as Record<GatedStage, readonly string[]>;
  for (const stage of PIPELINE.slice(1) as GatedStage[]) out[stage] = all[stage].map((c) => c.name);
  return out;
}

/** What each gate asks before a use case may enter the stage, in English. */
export const GATE_CRITERIA: Record<GatedStage, readonly string[]> = names('en');

/**
 * The criteria a review must answer for a move: the gate into the target stage, and for a skip
 * the gates of every stage it jumps over as well (a skip is recorded against all of them). In the
 * workshop's language: the names are copied into the decision and are its data from then on.
 */
export function criteriaFor(from: Stage, to: Stage, language: Language = 'en'): string[] {
  const kind = classifyMove(from, to);
  if (kind !== 'gate' && kind !== 'skip') return [];
  const all = gateCriteria(language);
  const out: string[] = [];
  for (let i = stageIndex(from) + 1; i <= stageIndex(to); i++) {
    const stage = PIPELINE[i] as GatedStage;
    out.push(...all[stage].map((c) => c.name));
  }
  return out;
}

/**
 * A shipped criterion by the name a decision stored, in whichever language it was written: its
 * stage, key and help. Undefined for a name the facilitator typed.
 */
export function shippedCriterion(name: string): (GateCriterion & { stage: GatedStage; language: Language }) | undefined {
  for (const language of LANGUAGES) {
    for (const [stage, cs] of Object.entries(gateCriteria(language)) as [GatedStage, readonly GateCriterion[]][]) {
      const c = cs.find((x) => x.name === name);
      if (c) return { ...c, stage, language };
    }
  }
  return undefined;
}

export type GateDecisionKind = GateDecision['decision'];

export const DECISION_LABELS: Record<GateDecisionKind, string> = {
  advance: 'Advance',
  'improve-pilot': 'Improve the pilot',
  'second-validation': 'Run a second validation',
  stop: 'Stop',
  'move-back': 'Move back',
  're-enter': 'Re-enter the pipeline',
};

/** A gate decision's name in a given language (the pack catalog's words); DECISION_LABELS stays the screens' English. */
export function decisionLabelIn(decision: GateDecisionKind, say: PackSay): string {
  return say(`pack.decision.${decision}`);
}

/** The decisions a move offers, in the order the review lists them. */
export function decisionsFor(from: Stage, to: Stage): GateDecisionKind[] {
  switch (classifyMove(from, to)) {
    case 'gate':
    case 'skip':
      // Improving the pilot only makes sense once there is a pilot to improve.
      return stageIndex(from) >= stageIndex('pilot')
        ? ['advance', 'improve-pilot', 'second-validation', 'stop']
        : ['advance', 'second-validation', 'stop'];
    case 'back':
      return ['move-back'];
    case 'stop':
      return ['stop'];
    case 're-enter':
      return ['re-enter'];
    case 'none':
      return [];
  }
}

/** Where a decision leaves the use case, given the move the facilitator asked for. */
export function resultingStage(decision: GateDecisionKind, from: Stage, to: Stage): Stage {
  switch (decision) {
    case 'advance':
    case 'move-back':
    case 're-enter':
      return to;
    case 'improve-pilot':
      return 'pilot';
    case 'second-validation':
      return from;
    case 'stop':
      return 'stopped';
  }
}

export type GateDraft = {
  from: Stage;
  to: Stage;
  decision: GateDecisionKind | null;
  /** `justification`: why "Pass" although the data says otherwise (required then, see gate-review.ts). */
  criteria: { name: string; result: GateResult | null; evidence: string; justification?: string }[];
  rationale: string;
  /** Why the decision differs from the review's proposal (required then, see gate-review.ts). */
  overrideReason?: string;
  decidedBy: string;
  nextActionsOwner: string;
  date: string;
};

export type GateDraftErrors = Partial<Record<'decision' | 'criteria' | 'rationale' | 'decidedBy' | 'nextActionsOwner' | 'date', string>>;

/** The rules a gate decision must satisfy before it is written to the log. Empty means valid. */
export function validateGateDraft(d: GateDraft): GateDraftErrors {
  return Object.fromEntries(Object.entries(gateDraftProblems(d)).map(([k, v]) => [k, v.text])) as GateDraftErrors;
}

/** validateGateDraft's errors as catalog messages (gateText.draft.*), for a reader of any language. */
export function validateGateDraftMessages(d: GateDraft): Partial<Record<keyof GateDraftErrors, Message>> {
  return Object.fromEntries(Object.entries(gateDraftProblems(d)).map(([k, v]) => [k, v.message])) as Partial<Record<keyof GateDraftErrors, Message>>;
}

/** Each rule once: its English (what the repository reports) and its message (what a screen shows). */
function gateDraftProblems(d: GateDraft): Partial<Record<keyof GateDraftErrors, { text: string; message: Message }>> {
  const errors: Partial<Record<keyof GateDraftErrors, { text: string; message: Message }>> = {};
  const say = (text: string, id: string, values?: Record<string, MessageValue>) => ({ text, message: msg(id, values) });
  const kind = classifyMove(d.from, d.to);
  if (kind === 'none') {
    errors.decision = say('The use case is already in this stage.', 'gateText.draft.sameStage');
    return errors;
  }
  if (!d.decision || !decisionsFor(d.from, d.to).includes(d.decision)) errors.decision = say('Choose a decision.', 'gateText.draft.chooseDecision');
  if (!d.rationale.trim()) {
    errors.rationale =
      kind === 'back' || kind === 're-enter'
        ? say('Give the reason for this move.', 'gateText.draft.reasonMove')
        : kind === 'stop'
          ? say('Give the reason for stopping.', 'gateText.draft.reasonStop')
          : say('A rationale is required.', 'gateText.draft.rationale');
  }
  if (!d.decidedBy.trim()) errors.decidedBy = say('Say who took the decision.', 'gateText.draft.decidedBy');
  if (d.decision !== 'stop' && !d.nextActionsOwner.trim()) errors.nextActionsOwner = say('Name the owner of the next actions.', 'gateText.draft.owner');
  if (!parseIsoDate(d.date)) errors.date = say('Enter the decision date as YYYY-MM-DD.', 'gateText.draft.date');
  if (d.decision === 'advance') {
    const open = d.criteria.filter((c) => c.result === null);
    const failed = d.criteria.filter((c) => c.result === 'fail');
    if (failed.length > 0) {
      const names = failed.map((c) => c.name).join('; ');
      errors.criteria = say(
        `Cannot advance: ${failed.length === 1 ? 'a criterion failed' : `${failed.length} criteria failed`} (${names}). Choose to improve, validate again or stop.`,
        'gateText.draft.failed',
        { count: failed.length, names },
      );
    } else if (open.length > 0) {
      errors.criteria = say(`Answer every criterion before advancing (${open.length} still open).`, 'gateText.draft.open', { count: open.length });
    }
  }
  return errors;
}

type StageSource = Pick<UseCase, 'id' | 'stage'>;
type DecisionSource = Pick<GateDecision, 'useCaseId' | 'seq' | 'toStage' | 'createdAt'>;

/** Each use case's current stage: its latest decision's target, or the stage it was created in. */
export function currentStages(useCases: readonly StageSource[], decisions: readonly DecisionSource[]): Map<string, Stage> {
  const latest = new Map<string, DecisionSource>();
  for (const d of decisions) {
    const prev = latest.get(d.useCaseId);
    if (!prev || d.seq > prev.seq) latest.set(d.useCaseId, d);
  }
  const out = new Map<string, Stage>();
  for (const uc of useCases) out.set(uc.id, latest.get(uc.id)?.toStage ?? uc.stage);
  return out;
}

/**
 * The stage of one use case, given the stages the log derives (`currentStages`): the log's word
 * where it has one, else the stage the use case was created in.
 */
export function stageOf(useCase: StageSource, stages: ReadonlyMap<string, Stage>): Stage {
  return stages.get(useCase.id) ?? useCase.stage;
}

/**
 * When the pilot's criteria were locked: the first time the use case entered the pilot or a later
 * stage (or when it was created, if it came in already past the pilot design). Null while open.
 */
export function pilotLockedAt(useCase: Pick<UseCase, 'id' | 'stage' | 'createdAt'>, decisions: readonly DecisionSource[]): string | null {
  if (stageIndex(useCase.stage) >= stageIndex('pilot')) return useCase.createdAt;
  const entered = decisions
    .filter((d) => d.useCaseId === useCase.id && stageIndex(d.toStage) >= stageIndex('pilot'))
    .sort((a, b) => a.seq - b.seq)[0];
  return entered?.createdAt ?? null;
}
