// An activity entry in the reader's language, as far as the entry carries enough to say it. The
// audit log stores English text (db/unit-of-work.ts writes `action` and `summary`; it travels in
// the workshop file), and since issue 19 the step's message and a summary message beside it. What
// can be said again:
// - the action, when the undo history still holds its step's message (matched by the English label);
// - a summary that only repeats the action, and the "Undid: …"/"Redid: …" lines undo and redo write;
// - a gate decision's lines, from the decision log entry sealed in the same instant (its decision,
//   stages and decider are stored as data there), old entries included.
// - entries stored with their messages (`actionMessage`, `summaryMessage`, written beside the
//   English since): said from them, when this version's catalog knows every id they use.
// Any other summary (the values of a change, written in English) is shown as it was stored.
import type { AuditEntry, GateDecision } from '../../domain/model';
import type { Message } from '../../domain/message';
import { DECISION_LABELS } from '../../domain/stages';
import { STAGE_LABELS } from '../../domain/labels';
import type { AppMessageId } from '../../i18n/app-catalog';
import { decisionLabel, stageLabel } from '../../shared/stage-words';

type T = (id: AppMessageId, values?: Record<string, unknown>) => string;
/** A step's message in the reader's language, or its English label when it has none. */
export type SayStep = (message: Message | undefined, label: string) => string;
export type EntryWords = { action: string; summary: string };
/** A stored line in the reader's language from its message, or as stored (sealedLineText). */
export type SaySealed = (stored: string, message: Message | undefined) => string;

/** The English audit lines db/pipeline-repo.ts writes for a decision, to recognise its entry. */
function decisionAudit(d: GateDecision): EntryWords {
  const action = `${DECISION_LABELS[d.decision]}: "${d.useCaseTitle}"`;
  return { action, summary: `${action} from ${STAGE_LABELS[d.fromStage]} to ${STAGE_LABELS[d.toStage]}, decided by ${d.decidedBy}` };
}

/** The decisions by the instant they were sealed (the audit entry of a decision has the same). */
export function decisionsByTime(decisions: readonly GateDecision[]): Map<string, GateDecision[]> {
  const out = new Map<string, GateDecision[]>();
  for (const d of decisions) out.set(d.createdAt, [...(out.get(d.createdAt) ?? []), d]);
  return out;
}

export function entryWords(
  e: AuditEntry,
  messages: ReadonlyMap<string, Message> | undefined,
  say: SayStep,
  t: T,
  decisions?: ReadonlyMap<string, readonly GateDecision[]>,
  sealed?: SaySealed,
): EntryWords {
  const of = (label: string) => say(messages?.get(label), label);
  for (const [action, prefix, id] of [
    ['Undo', 'Undid: ', 'shared.undone'],
    ['Redo', 'Redid: ', 'shared.redone'],
  ] as const) {
    if (e.action === action && e.summary.startsWith(prefix)) {
      return { action: t(action === 'Undo' ? 'shared.undo' : 'history.redo'), summary: t(id, { label: of(e.summary.slice(prefix.length)) }) };
    }
  }
  // Only an entry whose stored English is exactly what that decision wrote: nothing else is re-said.
  const decision = decisions?.get(e.at)?.find((d) => {
    const english = decisionAudit(d);
    return english.action === e.action && english.summary === e.summary;
  });
  if (decision) {
    const action = t('activity.decision.action', { decision: decisionLabel(t, decision.decision), title: decision.useCaseTitle });
    return {
      action,
      summary: t('activity.decision.summary', { action, from: stageLabel(t, decision.fromStage), to: stageLabel(t, decision.toStage), who: decision.decidedBy }),
    };
  }
  // The action's own message first (a known id), then the undo history's, then the English.
  const action = e.actionMessage && sealed ? sealed(of(e.action), e.actionMessage) : of(e.action);
  if (e.summaryMessage && sealed) return { action, summary: sealed(e.summary, e.summaryMessage) };
  return { action, summary: e.summary === e.action ? action : e.summary };
}
