// What removing a participant changes, said before it happens: their scores go, in every round
// they scored, and where they scored a use case's last revealed round the median (the consensus)
// may move. The consensus is computed with and without them, so the warning names only the use
// cases whose consensus really changes.
import { CRITERIA, type Participant, type Score, type ScoringRound, type UseCase } from './model';
import { consensusFor } from './scoring';

export type ParticipantRemovalImpact = {
  scores: number;
  rounds: number;
  /** Use cases whose consensus (any criterion) differs once the participant's scores are gone, in list order. */
  consensusChanges: { id: string; title: string }[];
};

export function participantRemovalImpact(
  participantId: string,
  rows: { useCases: readonly UseCase[]; participants: readonly Participant[]; scoringRounds: readonly ScoringRound[]; scores: readonly Score[] },
): ParticipantRemovalImpact {
  const theirs = rows.scores.filter((s) => s.participantId === participantId);
  const everyone = rows.participants.map((p) => p.id);
  const without = everyone.filter((id) => id !== participantId);
  const scored = new Set(theirs.map((s) => s.useCaseId));
  const consensusChanges = [...rows.useCases]
    .sort((a, b) => a.order - b.order)
    .filter((u) => {
      if (!scored.has(u.id)) return false;
      const rounds = rows.scoringRounds.filter((r) => r.useCaseId === u.id);
      const scores = rows.scores.filter((s) => s.useCaseId === u.id);
      const before = consensusFor(u, rounds, scores, everyone);
      const after = consensusFor(u, rounds, scores, without);
      return CRITERIA.some((c) => before[c].value !== after[c].value || before[c].source !== after[c].source);
    })
    .map((u) => ({ id: u.id, title: u.title }));
  return { scores: theirs.length, rounds: new Set(theirs.map((s) => s.roundId)).size, consensusChanges };
}

/** The warning in words: "Their 9 scores in 3 rounds are deleted, and the consensus of 2 use cases changes: …". */
export function describeRemoval(name: string, impact: ParticipantRemovalImpact): string {
  const scores = `${impact.scores} ${impact.scores === 1 ? 'score' : 'scores'} in ${impact.rounds} ${impact.rounds === 1 ? 'round' : 'rounds'}`;
  const changes = impact.consensusChanges.length;
  const consensus =
    changes === 0
      ? 'no use case’s consensus changes'
      : `the consensus of ${changes} ${changes === 1 ? 'use case' : 'use cases'} changes: ${impact.consensusChanges.map((u) => `“${u.title}”`).join(', ')}`;
  return `${name}’s ${scores} will be deleted, and ${consensus}.`;
}
