// What the phones in the room may know, derived from the workshop's data and the facilitator's
// choices: only the chosen use cases' titles, problems and current rounds, the rubric texts and
// the participants' names. Never a score. Pure, so the rule "nothing else leaves the laptop" is
// tested here.
import type { RoomItem, RoomState } from '../../room/protocol';
import { CRITERIA, type Participant, type Score, type ScoringRound, type UseCase, type Workshop } from './model';
import { CRITERION_LABELS } from './rubrics';

export type RoomChoices = {
  /** The use cases on the phones now, in the facilitator's order. */
  useCaseIds: string[];
  /** Rounds the facilitator stopped taking scores for (before revealing them). */
  closedRoundIds: string[];
  allowNewParticipants: boolean;
};

export type RoomInput = {
  workshop: Pick<Workshop, 'name' | 'rubrics'>;
  useCases: UseCase[];
  participants: Participant[];
  rounds: ScoringRound[];
  scores: Score[];
};

/** The latest round of a use case (the one the room scores), or null before the first. */
export function latestRoundOf(useCaseId: string, rounds: ScoringRound[]): ScoringRound | null {
  let latest: ScoringRound | null = null;
  for (const r of rounds) if (r.useCaseId === useCaseId && (!latest || r.number > latest.number)) latest = r;
  return latest;
}

/** Participants who have all three scores stored in a round, in the participants' order. */
export function submittedIn(roundId: string, participants: Participant[], scores: Score[]): string[] {
  const counts = new Map<string, Set<string>>();
  for (const s of scores) {
    if (s.roundId !== roundId) continue;
    const set = counts.get(s.participantId) ?? new Set<string>();
    set.add(s.criterion);
    counts.set(s.participantId, set);
  }
  return participants.filter((p) => (counts.get(p.id)?.size ?? 0) === CRITERIA.length).map((p) => p.id);
}

export function buildRoomState(input: RoomInput, choices: RoomChoices): RoomState {
  const byId = new Map(input.useCases.map((u) => [u.id, u]));
  const items: RoomItem[] = [];
  for (const id of choices.useCaseIds) {
    const useCase = byId.get(id);
    const round = latestRoundOf(id, input.rounds);
    if (!useCase || !round) continue;
    items.push({
      useCaseId: id,
      roundId: round.id,
      roundNumber: round.number,
      title: useCase.title,
      problem: useCase.problem,
      status: round.revealedAt ? 'revealed' : choices.closedRoundIds.includes(round.id) ? 'closed' : 'open',
      submitted: submittedIn(round.id, input.participants, input.scores),
    });
  }
  return {
    workshopTitle: input.workshop.name,
    participants: input.participants.map((p) => ({ id: p.id, name: p.name })),
    allowNewParticipants: choices.allowNewParticipants,
    criteria: CRITERIA.map((c) => ({ id: c, label: CRITERION_LABELS[c], rubric: [...input.workshop.rubrics[c]] as [string, string, string, string, string] })),
    items,
  };
}

/** Wi-Fi network QR codes (the format phone cameras read): WIFI:T:WPA;S:name;P:password;; with \ ; , : " escaped. */
export function wifiQrText(ssid: string, password: string, security: 'WPA' | 'WEP' | 'nopass'): string {
  const esc = (s: string) => s.replace(/([\\;,:"])/g, '\\$1');
  return `WIFI:T:${security};S:${esc(ssid)};${security === 'nopass' ? '' : `P:${esc(password)};`};`;
}
