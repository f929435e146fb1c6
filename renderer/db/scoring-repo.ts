// Scoring rounds and their scores. A round is masked until revealed; after that it is kept
// as it was, and a new round starts for another pass.
import type { LiftoffDb } from './schema';
import { runWork } from './unit-of-work';
import { newId } from './ids';
import { CRITERIA, type Criterion, type Participant, type Score, type ScoringRound, type UseCase } from '../domain/model';
import type { ParticipantRole } from '../domain/participant-csv';

export type ScoreImportPlan = {
  /** New use cases to create, by title (names the person chose to create). */
  newUseCases: string[];
  /** New participants to create. */
  newParticipants: { name: string; role: ParticipantRole }[];
  /** Rows to store; names refer to existing or newly created use cases and participants. */
  rows: { useCase: string; participant: string; scores: Record<Criterion, number> }[];
};

const foldName = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();

export class RoundClosedError extends Error {}

export function scoringRepo(db: LiftoffDb) {
  async function roundsFor(useCaseId: string): Promise<ScoringRound[]> {
    return (await db.scoringRounds.where('useCaseId').equals(useCaseId).toArray()).sort((a, b) => a.number - b.number);
  }
  async function openRoundOf(useCaseId: string): Promise<ScoringRound | undefined> {
    return (await roundsFor(useCaseId)).find((r) => r.revealedAt === null);
  }
  async function label(useCaseId: string) {
    return (await db.useCases.get(useCaseId))?.title ?? 'use case';
  }
  return {
    roundsFor,
    async listRounds(workshopId: string): Promise<ScoringRound[]> {
      return db.scoringRounds.where('workshopId').equals(workshopId).toArray();
    },
    async listScores(workshopId: string): Promise<Score[]> {
      return db.scores.where('workshopId').equals(workshopId).toArray();
    },
    async scoresOfRound(roundId: string): Promise<Score[]> {
      return db.scores.where('roundId').equals(roundId).toArray();
    },

    /** Starts the next round for a use case; if one is still open (not revealed) it is returned instead. */
    async startRound(useCaseId: string, opts: { timeboxSeconds?: number | null } = {}): Promise<ScoringRound> {
      const uc = await db.useCases.get(useCaseId);
      if (!uc) throw new Error('That use case no longer exists.');
      const open = await openRoundOf(useCaseId);
      if (open) return open;
      const number = (await roundsFor(useCaseId)).reduce((m, r) => Math.max(m, r.number), 0) + 1;
      return runWork(db, { workshopId: uc.workshopId, label: `Start scoring round ${number}`, summary: `Round ${number} for "${uc.title}"` }, async (w) => {
        const round: ScoringRound = {
          id: newId(),
          workshopId: uc.workshopId,
          createdAt: w.now,
          updatedAt: w.now,
          useCaseId,
          number,
          revealedAt: null,
          discussion: '',
          timeboxSeconds: opts.timeboxSeconds ?? null,
          timerStartedAt: null,
        };
        await w.put('scoringRounds', round);
        return round;
      });
    },

    /** Enters (or clears, with null) one participant's score for one criterion, while the round is masked. */
    async setScore(roundId: string, participantId: string, criterion: Criterion, value: number | null): Promise<void> {
      const round = await db.scoringRounds.get(roundId);
      if (!round) throw new Error('That scoring round no longer exists.');
      if (round.revealedAt) throw new RoundClosedError('This round has been revealed; start a new round to score again.');
      if (value !== null && !(Number.isInteger(value) && value >= 1 && value <= 5)) throw new Error('A score is a whole number from 1 to 5.');
      const existing = (await db.scores.where('roundId').equals(roundId).toArray()).find((s) => s.participantId === participantId && s.criterion === criterion);
      const participant = await db.participants.get(participantId);
      // The audit log says that a score was entered, never its value: the round is masked.
      await runWork(db, { workshopId: round.workshopId, label: "Enter a score", summary: `${participant?.name ?? 'A participant'} scored ${criterion} in round ${round.number} of "${await label(round.useCaseId)}"` }, async (w) => {
        if (value === null) {
          if (existing) await w.remove('scores', existing.id);
          return;
        }
        if (existing) await w.update<Score>('scores', existing.id, { value });
        else
          await w.put<Score>('scores', {
            id: newId(),
            workshopId: round.workshopId,
            createdAt: w.now,
            updatedAt: w.now,
            useCaseId: round.useCaseId,
            roundId,
            participantId,
            criterion,
            value,
          });
      });
    },

    async reveal(roundId: string): Promise<void> {
      const round = await db.scoringRounds.get(roundId);
      if (!round || round.revealedAt) return;
      await runWork(db, { workshopId: round.workshopId, label: `Reveal round ${round.number}`, summary: `Revealed round ${round.number} of "${await label(round.useCaseId)}"` }, (w) =>
        w.update<ScoringRound>('scoringRounds', roundId, { revealedAt: w.now, timerStartedAt: null }),
      );
    },

    async setDiscussion(roundId: string, discussion: string): Promise<void> {
      const round = await db.scoringRounds.get(roundId);
      if (!round) throw new Error('That scoring round no longer exists.');
      await runWork(db, { workshopId: round.workshopId, label: 'Record the discussion', coalesceKey: `round:${roundId}:discussion` }, (w) =>
        w.update<ScoringRound>('scoringRounds', roundId, { discussion }),
      );
    },

    /**
     * Imports participant scores in one transaction: creates the chosen use cases and
     * participants, then stores each use case's scores in its open round (a new round if none
     * is open). Imported rounds stay masked until the facilitator reveals them.
     */
    async importScores(workshopId: string, plan: ScoreImportPlan): Promise<{ rounds: number; scores: number }> {
      const label = `Import ${plan.rows.length} participant score rows`;
      return runWork(db, { workshopId, label }, async (w) => {
        const useCases = await db.useCases.where('workshopId').equals(workshopId).toArray();
        const participants = await db.participants.where('workshopId').equals(workshopId).toArray();
        let order = useCases.reduce((m, u) => Math.max(m, u.order), 0);
        for (const title of plan.newUseCases) {
          order += 1;
          const uc: UseCase = {
            id: newId(), workshopId, createdAt: w.now, updatedAt: w.now, order, title: title.trim(), problem: '', businessOwner: '', department: '',
            dataSources: '', expectedValue: '', kind: 'other', notes: '', initialScores: { impact: null, feasibility: null, readiness: null },
            consensusOverrides: { impact: null, feasibility: null, readiness: null }, stage: 'readiness',
          };
          await w.put('useCases', uc);
          useCases.push(uc);
        }
        for (const np of plan.newParticipants) {
          const p: Participant = { id: newId(), workshopId, createdAt: w.now, updatedAt: w.now, name: np.name.trim(), role: np.role };
          await w.put('participants', p);
          participants.push(p);
        }
        const ucId = new Map(useCases.map((u) => [foldName(u.title), u.id]));
        const pId = new Map(participants.map((p) => [foldName(p.name), p.id]));
        const roundOf = new Map<string, ScoringRound>();
        let scoreCount = 0;
        for (const row of plan.rows) {
          const useCaseId = ucId.get(foldName(row.useCase));
          const participantId = pId.get(foldName(row.participant));
          if (!useCaseId || !participantId) throw new Error(`“${row.useCase}” or “${row.participant}” is not in this workshop; nothing was imported.`);
          let round = roundOf.get(useCaseId);
          if (!round) {
            const rounds = await db.scoringRounds.where('useCaseId').equals(useCaseId).toArray();
            round = rounds.find((r) => r.revealedAt === null);
            if (!round) {
              round = {
                id: newId(), workshopId, createdAt: w.now, updatedAt: w.now, useCaseId,
                number: rounds.reduce((m, r) => Math.max(m, r.number), 0) + 1,
                revealedAt: null, discussion: '', timeboxSeconds: null, timerStartedAt: null,
              };
              await w.put('scoringRounds', round);
            }
            roundOf.set(useCaseId, round);
          }
          const existing = await db.scores.where('roundId').equals(round.id).toArray();
          for (const c of CRITERIA) {
            const prior = existing.find((x) => x.participantId === participantId && x.criterion === c);
            const value = row.scores[c];
            if (prior) await w.update<Score>('scores', prior.id, { value });
            else await w.put<Score>('scores', { id: newId(), workshopId, createdAt: w.now, updatedAt: w.now, useCaseId, roundId: round.id, participantId, criterion: c, value });
            scoreCount += 1;
          }
        }
        return { rounds: roundOf.size, scores: scoreCount };
      });
    },

    /** Starts (or, with null, stops) the round's countdown. */
    async setTimer(roundId: string, timeboxSeconds: number | null): Promise<void> {
      const round = await db.scoringRounds.get(roundId);
      if (!round) throw new Error('That scoring round no longer exists.');
      await runWork(db, { workshopId: round.workshopId, label: timeboxSeconds ? 'Start the round timer' : 'Stop the round timer' }, (w) =>
        w.update<ScoringRound>('scoringRounds', roundId, { timeboxSeconds, timerStartedAt: timeboxSeconds ? w.now : null }),
      );
    },
  };
}
