import type { Stage, UseCaseKind } from './model';
import type { PackSay } from './recommendations';

export const KIND_LABELS: Record<UseCaseKind, string> = {
  'predictive-model': 'Predictive model',
  'generative-assistant': 'Generative assistant',
  'automated-decision': 'Automated decision',
  'document-processing': 'Document processing',
  other: 'Other',
};

export const STAGE_LABELS: Record<Stage, string> = {
  readiness: 'Stage 0 · Readiness',
  'pilot-design': 'Stage 1 · Pilot design',
  pilot: 'Stage 2 · Controlled pilot',
  gate: 'Stage 3 · Readiness gate',
  hardening: 'Stage 4 · Hardening',
  rollout: 'Stage 5 · Limited rollout',
  scale: 'Stage 6 · Scale',
  stopped: 'Stopped',
};

/** A stage's name in a given language (the pack catalog's words); STAGE_LABELS stays the screens' English. */
export function stageLabelIn(stage: Stage, say: PackSay): string {
  return say(`pack.stage.${stage}`);
}

/** A kind of use case in a given language (the pack catalog's words). */
export function kindLabelIn(kind: UseCaseKind, say: PackSay): string {
  return say(`pack.kind.${kind}`);
}

/** Short guidance per criterion, shown beside the 1–5 pickers. Our wording of the method. */
export const CRITERION_HINTS = {
  impact: 'Business impact: revenue gained, cost removed or risk reduced. 1 = marginal, 5 = material to the business.',
  feasibility: 'Feasibility: is the data there and how hard is the build? 1 = data missing or very complex, 5 = data ready, simple build.',
  readiness: 'Organizational readiness: a sponsor, users who want it, an owner. 1 = nobody asked for it, 5 = sponsored and owned.',
} as const;

const FSI = '\u2068';
const PDI = '\u2069';
const PDF = '\u202C';
const ISOLATE_OPENERS = new Set(['\u2066', '\u2067', FSI]);
const EMBEDDING_OPENERS = new Set(['\u202A', '\u202B', '\u202D', '\u202E']);
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * User text for places where CSS cannot isolate it: a string that also holds our own words, such
 * as an <option> label "Claims triage (3)". Text with bidi controls is wrapped in a first-strong
 * isolate, after dropping the closers that match nothing in it (a stray U+2069 would otherwise end
 * our isolate early) and closing what it leaves open, so an override typed into a title cannot reorder the words after it. Text
 * without bidi controls comes back unchanged (a select's type-to-find keeps working).
 */
export function isolateBidi(text: string): string {
  if (!BIDI_CONTROL.test(text)) return text;
  const open: ('isolate' | 'embedding')[] = [];
  let out = '';
  for (const ch of text) {
    if (ISOLATE_OPENERS.has(ch)) open.push('isolate');
    else if (EMBEDDING_OPENERS.has(ch)) open.push('embedding');
    else if (ch === PDF) {
      if (open.at(-1) !== 'embedding') continue;
      open.pop();
    } else if (ch === PDI) {
      const at = open.lastIndexOf('isolate');
      if (at < 0) continue;
      open.length = at;
    }
    out += ch;
  }
  // Close what the text left open, innermost first, so our closing PDI matches our FSI.
  const closers = open.reverse().map((o) => (o === 'isolate' ? PDI : PDF)).join('');
  return `${FSI}${out}${closers}${PDI}`;
}
