// What the phones in the room may know, derived from the workshop's data and the facilitator's
// choices: only the chosen use cases' titles, problems and current rounds, the rubric texts and
// the participants' names. Never a score, nor who has scored (each phone knows its own). Pure, so
// the rule "nothing else leaves the laptop" is tested here. It changes only when the facilitator
// changes what is scored, so 200 phones sending at once cause no broadcasts.
import type { RoomItem, RoomState } from '../../room/protocol';
import { CRITERIA, type Criterion, type Participant, type ScoringRound, type UseCase, type Workshop } from './model';
import { CRITERION_LABELS } from './rubrics';
import type { Language } from './languages';

export type RoomChoices = {
  /** The use cases on the phones now, in the facilitator's order. */
  useCaseIds: string[];
  /** Rounds the facilitator stopped taking scores for (before revealing them). */
  closedRoundIds: string[];
  allowNewParticipants: boolean;
};

export type RoomInput = {
  workshop: Pick<Workshop, 'name' | 'rubrics'> & { language?: Language };
  /** The criteria's names in the workshop's language (English when not given). */
  criterionLabels?: Readonly<Record<Criterion, string>>;
  useCases: UseCase[];
  participants: Participant[];
  rounds: ScoringRound[];
};

/** The latest round of a use case (the one the room scores), or null before the first. */
export function latestRoundOf(useCaseId: string, rounds: ScoringRound[]): ScoringRound | null {
  let latest: ScoringRound | null = null;
  for (const r of rounds) if (r.useCaseId === useCaseId && (!latest || r.number > latest.number)) latest = r;
  return latest;
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
    });
  }
  return {
    workshopTitle: input.workshop.name,
    language: input.workshop.language ?? 'en',
    participants: input.participants.map((p) => ({ id: p.id, name: p.name })),
    allowNewParticipants: choices.allowNewParticipants,
    criteria: CRITERIA.map((c) => ({ id: c, label: (input.criterionLabels ?? CRITERION_LABELS)[c], rubric: [...input.workshop.rubrics[c]] as [string, string, string, string, string] })),
    items,
  };
}

/** Wi-Fi network QR codes (the format phone cameras read): WIFI:T:WPA;S:name;P:password;; with \ ; , : " escaped. */
export function wifiQrText(ssid: string, password: string, security: 'WPA' | 'WEP' | 'nopass'): string {
  const esc = (s: string) => s.replace(/([\\;,:"])/g, '\\$1');
  return `WIFI:T:${security};S:${esc(ssid)};${security === 'nopass' ? '' : `P:${esc(password)};`};`;
}
