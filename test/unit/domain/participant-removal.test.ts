import { describe, expect, it } from 'vitest';
import { describeRemoval, participantRemovalImpact } from '../../../renderer/domain/participant-removal';
import { CRITERIA, type Participant, type Score, type ScoringRound, type UseCase } from '../../../renderer/domain/model';

const at = '2026-12-01T09:00:00.000Z';
const owned = (id: string) => ({ id, workshopId: 'w', createdAt: at, updatedAt: at });
function useCase(id: string, order: number, title: string): UseCase {
  return {
    ...owned(id), order, title, problem: '', businessOwner: '', department: '', dataSources: '', expectedValue: '', kind: 'other', notes: '',
    initialScores: { impact: null, feasibility: null, readiness: null }, consensusOverrides: { impact: null, feasibility: null, readiness: null }, stage: 'readiness',
  };
}
const round = (id: string, useCaseId: string, number: number, revealed: boolean): ScoringRound => ({
  ...owned(id), useCaseId, number, revealedAt: revealed ? at : null, discussion: '', timeboxSeconds: null, timerStartedAt: null,
});
const person = (id: string): Participant => ({ ...owned(id), name: id, role: 'other' });
/** One participant's three scores in a round, all the same value. */
const scored = (r: ScoringRound, participantId: string, value: number): Score[] =>
  CRITERIA.map((criterion) => ({ ...owned(`${r.id}-${participantId}-${criterion}`), useCaseId: r.useCaseId, roundId: r.id, participantId, criterion, value }));

describe('what removing a participant changes', () => {
  const a = useCase('a', 1, 'Frischwarenprognose für Obst & Gemüse');
  const b = useCase('b', 2, 'Retourenbetrugserkennung');
  const c = useCase('c', 3, 'Lieferantenrechnungen auslesen');
  const a1 = round('a1', 'a', 1, true);
  const a2 = round('a2', 'a', 2, true);
  const b1 = round('b1', 'b', 1, true);
  const c1 = round('c1', 'c', 1, false);
  const rows = {
    useCases: [c, b, a],
    participants: [person('jürgen'), person('anja'), person('björn')],
    scoringRounds: [a1, a2, b1, c1],
    scores: [
      // Use case a: the last round's median is 4 (5, 2, 4); without Jürgen's 5 it is 3 (2, 4).
      ...scored(a1, 'jürgen', 4),
      ...scored(a2, 'jürgen', 5), ...scored(a2, 'anja', 2), ...scored(a2, 'björn', 4),
      // Use case b: Jürgen agrees with the others, so the median stays 3.
      ...scored(b1, 'jürgen', 3), ...scored(b1, 'anja', 3), ...scored(b1, 'björn', 3),
      // Use case c: a round not yet revealed does not make the consensus.
      ...scored(c1, 'jürgen', 1),
    ],
  };

  it('counts the scores and rounds that go, and names only the use cases whose consensus moves', () => {
    const impact = participantRemovalImpact('jürgen', rows);
    expect(impact).toEqual({ scores: 12, rounds: 4, consensusChanges: [{ id: 'a', title: 'Frischwarenprognose für Obst & Gemüse' }] });
  });

  it('names a use case whose consensus would be empty without the participant', () => {
    const only = { ...rows, scores: scored(b1, 'anja', 4) };
    expect(participantRemovalImpact('anja', only).consensusChanges.map((u) => u.id)).toEqual(['b']);
  });

  it('says nothing changes for a participant without scores', () => {
    expect(participantRemovalImpact('nobody', rows)).toEqual({ scores: 0, rounds: 0, consensusChanges: [] });
  });

  it('puts it in words, singular and plural', () => {
    expect(describeRemoval('Jürgen Weiß', participantRemovalImpact('jürgen', rows))).toBe(
      'Jürgen Weiß’s 12 scores in 4 rounds will be deleted, and the consensus of 1 use case changes: “Frischwarenprognose für Obst & Gemüse”.',
    );
    expect(describeRemoval('Anja', { scores: 1, rounds: 1, consensusChanges: [] })).toBe('Anja’s 1 score in 1 round will be deleted, and no use case’s consensus changes.');
  });
});
