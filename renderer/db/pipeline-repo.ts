// The pipeline's stored records: the readiness diagnostic (stage 0), the pilot design (stage 1)
// and the append-only, hash-chained gate decision log.
import type { LiftoffDb } from './schema';
import { runWork } from './unit-of-work';
import { newId } from './ids';
import type { GateDecision, PilotDesign, Readiness } from '../domain/model';
import { READINESS_DIMENSIONS } from '../domain/model';
import { emptyDimensions, DIMENSION_LABELS, type ReadinessDimension } from '../domain/readiness';
import { currentStages, pilotLockedAt, stageOf, resultingStage, stageIndex, validateGateDraft, DECISION_LABELS, type GateDraft } from '../domain/stages';
import { sealEntry } from '../domain/decision-log';
import {
  criterionConflictMessages,
  evidenceLineMessages,
  criterionConflicts,
  evidenceLines,
  gateEvidence,
  hasReviewErrors,
  proposeGateDecision,
  reviewsEvidence,
  validateReview,
  type GateEvidence,
  type GateRows,
  type ReviewErrors,
} from '../domain/gate-review';
import type { Message } from '../domain/message';
import type { PackSay } from '../domain/recommendations';

/**
 * The workshop's language for what a decision seals: the proposal (label, sentence, facts) and
 * the contradictions of a "Pass", as the sponsor pack later prints them. `say` turns an app-catalog
 * message into text, `pack` says the pack's recommendation rules; English when not given.
 */
export type SealLanguage = { say(m: Message): string; pack: PackSay };
import { todayIso } from '../domain/dates';
import { STAGE_LABELS } from '../domain/labels';
import { msg } from '../domain/message';

export const PILOT_TEXT_FIELDS = ['scope', 'workflow', 'successCriteria', 'partialSuccessCriteria', 'failureCriteria'] as const;
export type PilotTextField = (typeof PILOT_TEXT_FIELDS)[number];
/** The fields frozen once the pilot runs; editing them afterwards records an amendment. */
export const LOCKED_PILOT_FIELDS: readonly (PilotTextField | 'usesProductionData')[] = [
  'scope',
  'workflow',
  'usesProductionData',
  'successCriteria',
  'partialSuccessCriteria',
  'failureCriteria',
];

export const PILOT_FIELD_LABELS: Record<PilotTextField | 'usesProductionData', string> = {
  scope: 'Scope',
  workflow: 'Representative workflow',
  usesProductionData: 'Runs on production data',
  successCriteria: 'Success criteria (go)',
  partialSuccessCriteria: 'Partial-success criteria (iterate)',
  failureCriteria: 'Failure criteria (no-go)',
};

/**
 * The review's evidence as sealed: one line per fact, said in the workshop's language when one is
 * given (English otherwise), and beside each line its catalog message, so the log says it in its
 * reader's language.
 */
function sealedEvidence(review: GateEvidence, language: SealLanguage | undefined): Pick<GateDecision, 'evidence' | 'evidenceMessages'> {
  const evidenceMessages = evidenceLineMessages(review);
  const evidence = language ? evidenceMessages.map((m) => language.say(m).slice(0, 2000)) : evidenceLines(review);
  return { evidence, evidenceMessages };
}

export class GateValidationError extends Error {
  constructor(readonly errors: ReturnType<typeof validateGateDraft>) {
    super(Object.values(errors).join(' '));
  }
}

/** The review's own rules were not met: a reason to differ from the proposal, or a justified "Pass", is missing. */
export class GateReviewError extends Error {
  constructor(readonly errors: ReviewErrors) {
    super([errors.overrideReason, ...Object.values(errors.justifications ?? {})].filter(Boolean).join(' '));
  }
}

function productionText(v: boolean | null): string {
  return v === null ? 'not decided' : v ? 'yes' : 'no';
}

export function pipelineRepo(db: LiftoffDb) {
  async function decisions(workshopId: string): Promise<GateDecision[]> {
    return db.gateDecisions.where('[workshopId+seq]').between([workshopId, -Infinity], [workshopId, Infinity]).toArray();
  }

  /** The rows a gate review of one use case reads (domain/gate-review.ts). */
  async function gateRows(useCaseId: string): Promise<GateRows> {
    const [readiness, pilotDesigns, gateDecisions, kpis, risks, controls] = await Promise.all([
      db.readiness.where('useCaseId').equals(useCaseId).toArray(),
      db.pilotDesigns.where('useCaseId').equals(useCaseId).toArray(),
      db.gateDecisions.where('useCaseId').equals(useCaseId).toArray(),
      db.kpis.where('useCaseId').equals(useCaseId).toArray(),
      db.risks.where('useCaseId').equals(useCaseId).toArray(),
      db.controls.where('useCaseId').equals(useCaseId).toArray(),
    ]);
    const measurements = kpis.length ? await db.measurements.where('kpiId').anyOf(kpis.map((k) => k.id)).toArray() : [];
    return { readiness, pilotDesigns, gateDecisions, kpis, measurements, risks, controls };
  }

  return {
    decisions,
    gateRows,
    async readinessFor(workshopId: string): Promise<Readiness[]> {
      return db.readiness.where('workshopId').equals(workshopId).toArray();
    },
    async pilotDesignsFor(workshopId: string): Promise<PilotDesign[]> {
      return db.pilotDesigns.where('workshopId').equals(workshopId).toArray();
    },

    /** Sets one dimension's score or evidence; the diagnostic row is created on the first edit. */
    async setReadiness(useCaseId: string, dim: ReadinessDimension, patch: { score?: number | null; evidence?: string }): Promise<void> {
      if (!(READINESS_DIMENSIONS as readonly string[]).includes(dim)) throw new Error('Unknown readiness dimension.');
      const what = patch.score !== undefined ? `score ${patch.score ?? 'cleared'}` : 'evidence';
      await runWork(db, {}, async (w) => {
        const uc = await w.require('useCases', useCaseId);
        w.describe({
          workshopId: uc.workshopId,
          label: `Edit readiness: ${DIMENSION_LABELS[dim]}`,
          message: msg('history.editReadiness', { dimension: msg(`health.dimension.${dim}`) }),
          summary: `Readiness of "${uc.title}": ${DIMENSION_LABELS[dim]} ${what}`,
          summaryMessage: msg('history.summary.readiness', {
            title: uc.title,
            dimension: msg(`health.dimension.${dim}`),
            what: patch.score !== undefined ? (patch.score === null ? 'cleared' : 'score') : 'evidence',
            score: patch.score ?? 0,
          }),
          coalesceKey: patch.evidence !== undefined ? `readiness:${useCaseId}:${dim}:evidence` : null,
        });
        const existing = await db.readiness.where('useCaseId').equals(useCaseId).first();
        const base: Readiness = existing ?? {
          id: newId(),
          workshopId: uc.workshopId,
          useCaseId,
          createdAt: w.now,
          updatedAt: w.now,
          dimensions: emptyDimensions(),
        };
        const dimensions = { ...base.dimensions, [dim]: { ...base.dimensions[dim], ...patch } };
        // The model refuses a score outside 1–5 or an over-long note, with a sentence that says so.
        await w.put('readiness', { ...base, dimensions, updatedAt: w.now });
      });
    },

    /**
     * Edits the pilot design. Before the pilot starts this is a plain edit; once it has started,
     * criteria are locked and an edit needs a reason and is kept as a visible amendment.
     */
    async setPilotField(
      useCaseId: string,
      field: PilotTextField | 'usesProductionData',
      value: string | boolean | null,
      amendmentReason?: string,
    ): Promise<'edited' | 'amended' | 'unchanged'> {
      if (!(LOCKED_PILOT_FIELDS as readonly string[]).includes(field)) throw new Error('Unknown pilot design field.');
      if (field === 'usesProductionData' ? !(value === null || typeof value === 'boolean') : typeof value !== 'string') {
        throw new Error('That value does not fit this field.');
      }
      return runWork(db, {}, async (w) => {
        // Whether the design is locked is read inside the transaction: a gate recorded a moment
        // ago (in another window) is seen, and a plain edit can never land after the lock.
        const uc = await w.require('useCases', useCaseId);
        const locked = pilotLockedAt(uc, await db.gateDecisions.where('useCaseId').equals(useCaseId).toArray()) !== null;
        if (locked && !amendmentReason?.trim()) {
          throw new Error('The pilot has started, so its design is locked: give a reason and the change is kept as an amendment.');
        }
        const label = locked ? `Amend pilot: ${PILOT_FIELD_LABELS[field]}` : `Edit pilot: ${PILOT_FIELD_LABELS[field]}`;
        w.describe({
          workshopId: uc.workshopId,
          label,
          message: msg(locked ? 'history.amendPilot' : 'history.editPilot', { field: msg(`stage.pilot.field.${field}`) }),
          summary: `${label} of "${uc.title}"${locked ? ` (reason: ${amendmentReason?.trim()})` : ''}`,
          summaryMessage: locked
            ? msg('history.summary.amendPilot', { field: msg(`stage.pilot.field.${field}`), title: uc.title, reason: amendmentReason?.trim() ?? '' })
            : msg('history.summary.editPilot', { field: msg(`stage.pilot.field.${field}`), title: uc.title }),
          coalesceKey: locked || field === 'usesProductionData' ? null : `pilot:${useCaseId}:${field}`,
        });
        const existing = await db.pilotDesigns.where('useCaseId').equals(useCaseId).first();
        const base: PilotDesign = existing ?? {
          id: newId(),
          workshopId: uc.workshopId,
          useCaseId,
          createdAt: w.now,
          updatedAt: w.now,
          scope: '',
          workflow: '',
          usesProductionData: null,
          successCriteria: '',
          partialSuccessCriteria: '',
          failureCriteria: '',
          amendments: [],
        };
        const next: PilotDesign = { ...base, [field]: value, updatedAt: w.now };
        if (locked) {
          const before = field === 'usesProductionData' ? productionText(base.usesProductionData) : base[field];
          const after = field === 'usesProductionData' ? productionText(value as boolean | null) : (value as string);
          // Nothing to amend: no amendment entry, no audit entry, no undo step.
          if (before === after) return 'unchanged';
          next.amendments = [
            ...base.amendments,
            { at: w.now, field: PILOT_FIELD_LABELS[field], before, after, reason: (amendmentReason ?? '').trim() },
          ];
        }
        await w.put('pilotDesigns', next);
        return locked ? 'amended' : 'edited';
      });
    },

    /**
     * Records a gate decision at the end of the workshop's log, sealed with the previous entry's
     * hash. Not undoable: the log is append-only, and a mistake is corrected by a later decision.
     * For a forward gate from the pilot on, the evidence and the proposal are worked out again here,
     * inside the transaction, from what is stored: what is sealed is what the data said at that
     * moment, not what a screen passed in. A decision that differs from the proposal needs its
     * reason, a "Pass" the data contradicts needs its justification; both are sealed with it.
     */
    async recordDecision(useCaseId: string, draft: GateDraft, today: string = todayIso(), language?: SealLanguage): Promise<GateDecision> {
      const errors = validateGateDraft(draft);
      if (Object.keys(errors).length > 0) throw new GateValidationError(errors);
      const decision = draft.decision as GateDecision['decision'];
      const toStage = resultingStage(decision, draft.from, draft.to);
      return runWork(db, { undoable: false }, async (w) => {
        const uc = await w.require('useCases', useCaseId);
        const label = `${DECISION_LABELS[decision]}: "${uc.title}"`;
        w.describe({
          workshopId: uc.workshopId,
          label,
          summary: `${label} from ${STAGE_LABELS[draft.from]} to ${STAGE_LABELS[toStage]}, decided by ${draft.decidedBy.trim()}`,
        });
        // Read inside the transaction: two decisions can never claim the same place in the chain.
        const own = await db.gateDecisions.where('useCaseId').equals(useCaseId).toArray();
        const current = stageOf(uc, currentStages([uc], own));
        if (current !== draft.from) {
          throw new Error(`"${uc.title}" is now in ${STAGE_LABELS[current]}, not ${STAGE_LABELS[draft.from]}; review the move again.`);
        }
        const review = reviewsEvidence(draft.from, draft.to) ? gateEvidence(uc, await gateRows(useCaseId), draft.from, draft.to, today) : null;
        const proposal = review ? proposeGateDecision(review, language?.pack) : null;
        const conflicts = draft.criteria.map((c) => (review ? criterionConflicts(c.name, review) : []));
        // What is sealed is said in the workshop's language when one is given (the checks above stay on the English).
        const sealedConflicts = language ? draft.criteria.map((c) => (review ? criterionConflictMessages(c.name, review).map((m) => language.say(m)) : [])) : conflicts;
        const sealedProposal = proposal
          ? language
            ? { decision: proposal.decision, label: language.say(proposal.labelMessage), sentence: language.say(proposal.sentenceMessage), facts: proposal.factMessages.map((m) => language.say(m)) }
            : { decision: proposal.decision, label: proposal.label, sentence: proposal.sentence, facts: proposal.facts }
          : null;
        const reviewErrors = validateReview(draft, proposal, conflicts);
        if (hasReviewErrors(reviewErrors)) throw new GateReviewError(reviewErrors);
        const overrideReason = draft.overrideReason?.trim() ?? '';
        const last = await db.gateDecisions.where('[workshopId+seq]').between([uc.workshopId, -Infinity], [uc.workshopId, Infinity]).last();
        const entry: GateDecision = {
          id: newId(),
          workshopId: uc.workshopId,
          useCaseId,
          updatedAt: w.now,
          ...sealEntry(last, {
            useCaseTitle: uc.title,
            fromStage: draft.from,
            toStage,
            criteria: draft.criteria.map((c, i) => {
              // At most 50 contradictions per criterion are sealed (the stored shape's limit); a review with more names the first ones.
              const against = c.result === 'pass' ? (sealedConflicts[i] ?? []).slice(0, 50) : [];
              const base = { name: c.name, result: c.result, evidence: c.evidence.trim() };
              return against.length ? { ...base, conflicts: against, justification: (c.justification ?? '').trim() } : base;
            }),
            decision,
            rationale: draft.rationale.trim(),
            decidedBy: draft.decidedBy.trim(),
            nextActionsOwner: draft.nextActionsOwner.trim(),
            date: draft.date,
            createdAt: w.now,
            ...(review ? sealedEvidence(review, language) : {}),
            ...(sealedProposal ? { proposal: sealedProposal } : {}),
            ...(proposal && proposal.decision !== decision ? { overrideReason } : {}),
          }),
        };
        const wasLocked = pilotLockedAt(uc, own) !== null;
        await w.put('gateDecisions', entry);
        // The pilot has just started: its design is locked. Earlier edits of the design leave the
        // undo history, so Ctrl+Z can never quietly change a locked criterion; from now on only a
        // recorded amendment changes it.
        if (!wasLocked && stageIndex(toStage) >= stageIndex('pilot')) {
          const design = await db.pilotDesigns.where('useCaseId').equals(useCaseId).first();
          if (design) await w.sealHistory('pilotDesigns', design.id);
        }
        return entry;
      });
    },
  };
}
