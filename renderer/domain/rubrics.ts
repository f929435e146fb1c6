// Default scoring rubrics: what each level of each criterion means. Our own wording of the
// method's three criteria; every workshop gets a copy it can edit.
import type { Criterion, Rubrics } from './model';

export const CRITERION_LABELS: Record<Criterion, string> = {
  impact: 'Business impact',
  feasibility: 'Feasibility',
  readiness: 'Organizational readiness',
};

export const CRITERION_SHORT: Record<Criterion, string> = { impact: 'I', feasibility: 'F', readiness: 'R' };

export const DEFAULT_RUBRICS: Rubrics = {
  impact: [
    'Marginal: a convenience for a few people; no measurable effect on revenue, cost or risk.',
    'Local: saves some effort in one team; the gain is hard to put a number on.',
    'Noticeable: a measurable gain in one process (cycle time, error rate or cost per case).',
    'Significant: a clear effect on a business line’s revenue, cost or risk exposure.',
    'Material: changes results the executive team tracks, or removes a major risk.',
  ],
  feasibility: [
    'Data does not exist or cannot be used; the build needs research, not engineering.',
    'Data is scattered or of poor quality; several hard integrations; unproven technique.',
    'Data exists but needs cleaning and access work; a known technique with some integration.',
    'Data is available and mostly clean; a proven technique; one or two integrations.',
    'Data is ready and accessible today; a standard technique; fits the current systems.',
  ],
  readiness: [
    'Nobody asked for it; no sponsor, no owner, users are wary.',
    'Interest from a few people, but no sponsor and no named owner.',
    'A sponsor is interested; an owner could be named; users are open to it.',
    'A committed sponsor and a named owner; users want it and will help test it.',
    'Sponsored, owned and budgeted; users are asking for it; the process owner will change the workflow.',
  ],
};

export function defaultRubrics(): Rubrics {
  return structuredClone(DEFAULT_RUBRICS);
}
