import { describe, expect, it } from 'vitest';
import { READINESS_DIMENSIONS, type Readiness } from '../../../renderer/domain/model';
import { emptyDimensions, readinessVerdict, VERDICT_LABELS, type ReadinessDimension } from '../../../renderer/domain/readiness';

type Scores = Partial<Record<ReadinessDimension, number | null>>;

/** A diagnostic with these scores; every scored dimension has evidence unless `bare` lists it. */
function diagnostic(scores: Scores, bare: ReadinessDimension[] = []): Pick<Readiness, 'dimensions'> {
  const dimensions = emptyDimensions();
  for (const dim of READINESS_DIMENSIONS) {
    const score = scores[dim] ?? null;
    dimensions[dim] = { score, evidence: score !== null && !bare.includes(dim) ? 'Checked with the data owner' : '' };
  }
  return { dimensions };
}

const all = (n: number): Scores => Object.fromEntries(READINESS_DIMENSIONS.map((d) => [d, n]));

describe('readinessVerdict', () => {
  it('says start the pilot when every dimension is 3 or more and the average reaches 3', () => {
    const v = readinessVerdict(diagnostic({ dataQuality: 3, processClarity: 4, systemAccess: 3, stakeholderOwnership: 5, complianceConstraints: 3 }));
    expect(v.verdict).toBe('start-pilot');
    expect(VERDICT_LABELS[v.verdict]).toBe('Start the pilot');
    expect(v.average).toBe(3.6);
    expect(v.reasons).toEqual(['Every dimension is 3 or higher and the average is 3.6.']);
    expect(v.warnings).toEqual([]);
  });

  it('starts the pilot at exactly 3 everywhere', () => {
    const v = readinessVerdict(diagnostic(all(3)));
    expect(v.verdict).toBe('start-pilot');
    expect(v.average).toBe(3);
  });

  it('asks for a readiness sprint when any dimension is 2 or less, and names it', () => {
    const v = readinessVerdict(diagnostic({ ...all(5), systemAccess: 2 }));
    expect(v.verdict).toBe('readiness-sprint');
    expect(VERDICT_LABELS[v.verdict]).toBe('Readiness sprint first');
    expect(v.average).toBe(4.4);
    expect(v.reasons).toEqual(['System access is 2 of 5: the pilot would stall on it.']);
  });

  it('lists every blocking dimension, not only the first', () => {
    const v = readinessVerdict(diagnostic({ ...all(4), dataQuality: 1, complianceConstraints: 2 }));
    expect(v.verdict).toBe('readiness-sprint');
    expect(v.reasons).toHaveLength(2);
    expect(v.reasons[0]).toMatch(/^Data quality is 1 of 5/);
    expect(v.reasons[1]).toMatch(/^Compliance constraints is 2 of 5/);
  });

  it('asks for a readiness sprint when no dimension blocks but the average stays below 3', () => {
    // Whole-number scores of 3 or more cannot average below 3; fractional scores (an average of
    // several assessors' scores, say) can, and the rule must still hold for them.
    const v = readinessVerdict(diagnostic(all(2.8)));
    expect(v.verdict).toBe('readiness-sprint');
    expect(v.reasons).toEqual(['No single dimension blocks, but the average is 2.80, below 3.']);
  });

  it('compares the exact average, not the rounded one shown', () => {
    const v = readinessVerdict(diagnostic({ ...all(3), dataQuality: 2.9, processClarity: 2.9 }));
    expect(v.average).toBe(3); // 2.96 shows as 3.0
    expect(v.verdict).toBe('readiness-sprint');
  });

  it('is not decided while a dimension is missing, and says which', () => {
    const v = readinessVerdict(diagnostic({ dataQuality: 4, processClarity: 4, systemAccess: 3 }));
    expect(v.verdict).toBe('incomplete');
    expect(VERDICT_LABELS[v.verdict]).toBe('Not decided yet');
    expect(v.average).toBe(3.7);
    expect(v.reasons).toEqual(['Still to score: Stakeholder ownership, Compliance constraints.']);
  });

  it('is not decided when nothing is scored or there is no diagnostic at all', () => {
    expect(readinessVerdict(diagnostic({})).verdict).toBe('incomplete');
    expect(readinessVerdict(diagnostic({})).average).toBeNull();
    const none = readinessVerdict(undefined);
    expect(none.verdict).toBe('incomplete');
    expect(none.reasons).toEqual(['The readiness diagnostic has not been started.']);
    expect(readinessVerdict(null).verdict).toBe('incomplete');
  });

  it('asks for a sprint as soon as one dimension blocks, even with others missing, and says what is missing', () => {
    const v = readinessVerdict(diagnostic({ dataQuality: 1 }));
    expect(v.verdict).toBe('readiness-sprint');
    expect(v.reasons).toEqual([
      'Data quality is 1 of 5: the pilot would stall on it.',
      'Still to score: Process clarity, System access, Stakeholder ownership, Compliance constraints.',
    ]);
  });

  it('warns about a high score with no evidence without changing the verdict', () => {
    const v = readinessVerdict(diagnostic({ ...all(3), dataQuality: 5, systemAccess: 4 }, ['dataQuality', 'systemAccess']));
    expect(v.verdict).toBe('start-pilot');
    expect(v.warnings).toEqual(['Data quality is scored 5 with no evidence noted.', 'System access is scored 4 with no evidence noted.']);
  });

  it('does not warn about a middling score without evidence, and counts blank evidence as none', () => {
    const d = diagnostic(all(3), [...READINESS_DIMENSIONS]);
    expect(readinessVerdict(d).warnings).toEqual([]);
    const blank = diagnostic({ ...all(3), processClarity: 4 });
    blank.dimensions.processClarity.evidence = '   ';
    expect(readinessVerdict(blank).warnings).toEqual(['Process clarity is scored 4 with no evidence noted.']);
  });
});
