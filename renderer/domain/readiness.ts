// Stage 0: the readiness diagnostic and its verdict. Five dimensions scored 1–5 with evidence;
// the verdict says whether the pilot can start now or enabling work (a readiness sprint) comes
// first, and always says why.
import { READINESS_DIMENSIONS, type Readiness } from './model';
import type { Language } from './languages';
import { methodContent } from './method-library';
import { msg, type Message } from './message';

export type ReadinessDimension = (typeof READINESS_DIMENSIONS)[number];

/** Each dimension's name in `language` (assets/method/<language>/readiness.json). */
export function dimensionLabels(language: Language): Record<ReadinessDimension, string> {
  const { dimensions } = methodContent(language).readiness;
  return Object.fromEntries(READINESS_DIMENSIONS.map((d) => [d, dimensions[d].label])) as Record<ReadinessDimension, string>;
}

/** What a 1 and a 5 mean on each dimension, shown beside the pickers, in `language`. Our wording. */
export function dimensionHints(language: Language): Record<ReadinessDimension, string> {
  const { dimensions } = methodContent(language).readiness;
  return Object.fromEntries(READINESS_DIMENSIONS.map((d) => [d, dimensions[d].hint])) as Record<ReadinessDimension, string>;
}

export const DIMENSION_LABELS: Record<ReadinessDimension, string> = dimensionLabels('en');

export const DIMENSION_HINTS: Record<ReadinessDimension, string> = dimensionHints('en');

/** A dimension at or below this blocks the pilot on its own. */
export const BLOCKING_SCORE = 2;
/** The average the five dimensions must reach. */
export const MIN_AVERAGE = 3;

export type ReadinessVerdict = {
  verdict: 'start-pilot' | 'readiness-sprint' | 'incomplete';
  average: number | null;
  /** Why the verdict is what it is, one sentence each. */
  reasons: string[];
  /** Things worth a second look that do not change the verdict (a high score with no evidence). */
  warnings: string[];
};

export const VERDICT_LABELS: Record<ReadinessVerdict['verdict'], string> = {
  'start-pilot': 'Start the pilot',
  'readiness-sprint': 'Readiness sprint first',
  incomplete: 'Not decided yet',
};

export function readinessVerdict(r: Pick<Readiness, 'dimensions'> | undefined | null): ReadinessVerdict {
  if (!r) {
    return { verdict: 'incomplete', average: null, reasons: ['The readiness diagnostic has not been started.'], warnings: [] };
  }
  const warnings: string[] = [];
  const missing: string[] = [];
  const blocking: string[] = [];
  const scores: number[] = [];
  for (const dim of READINESS_DIMENSIONS) {
    const { score, evidence } = r.dimensions[dim];
    const label = DIMENSION_LABELS[dim];
    if (score === null) {
      missing.push(label);
      continue;
    }
    scores.push(score);
    if (score <= BLOCKING_SCORE) blocking.push(`${label} is ${score} of 5: the pilot would stall on it.`);
    if (score >= 4 && !evidence.trim()) warnings.push(`${label} is scored ${score} with no evidence noted.`);
  }
  const rawAverage = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
  // Shown to one decimal, but the rule compares the exact mean: 2.96 is below 3 even if it reads "3.0".
  const average = rawAverage === null ? null : Math.round(rawAverage * 10) / 10;

  if (blocking.length > 0) {
    const reasons = [...blocking];
    if (missing.length) reasons.push(`Still to score: ${missing.join(', ')}.`);
    return { verdict: 'readiness-sprint', average, reasons, warnings };
  }
  if (missing.length > 0) {
    return { verdict: 'incomplete', average, reasons: [`Still to score: ${missing.join(', ')}.`], warnings };
  }
  const avg = average as number;
  if ((rawAverage as number) < MIN_AVERAGE) {
    return {
      verdict: 'readiness-sprint',
      average,
      reasons: [`No single dimension blocks, but the average is ${(rawAverage as number).toFixed(2)}, below ${MIN_AVERAGE}.`],
      warnings,
    };
  }
  const lowest = Math.min(...scores);
  return {
    verdict: 'start-pilot',
    average,
    reasons: [`Every dimension is ${lowest} or higher and the average is ${avg.toFixed(1)}.`],
    warnings,
  };
}

/** The catalog id of each dimension's name (the same names the health check uses). */
const DIMENSION_MESSAGE: Record<ReadinessDimension, string> = {
  dataQuality: 'health.dimension.dataQuality',
  processClarity: 'health.dimension.processClarity',
  systemAccess: 'health.dimension.systemAccess',
  stakeholderOwnership: 'health.dimension.stakeholderOwnership',
  complianceConstraints: 'health.dimension.complianceConstraints',
};

/**
 * The verdict's warnings as catalog messages, one for one with `readinessVerdict(r).warnings`, so a
 * screen or the sponsor pack says them in its reader's language (domain/message.ts).
 */
export function readinessWarningMessages(r: Pick<Readiness, 'dimensions'> | undefined | null): Message[] {
  if (!r) return [];
  return READINESS_DIMENSIONS.flatMap((dim) => {
    const { score, evidence } = r.dimensions[dim];
    return score !== null && score >= 4 && !evidence.trim() ? [msg('readinessText.warning.noEvidence', { dimension: msg(DIMENSION_MESSAGE[dim]), score })] : [];
  });
}

export function emptyDimensions(): Readiness['dimensions'] {
  return {
    dataQuality: { score: null, evidence: '' },
    processClarity: { score: null, evidence: '' },
    systemAccess: { score: null, evidence: '' },
    stakeholderOwnership: { score: null, evidence: '' },
    complianceConstraints: { score: null, evidence: '' },
  };
}
