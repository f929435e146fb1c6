// Scoring rounds and their scores. A round is masked until revealed; after that it is kept
// as it was, and a new round starts for another pass.
import type { LiftoffDb } from './schema';
import { InvalidRowError, NotFoundError, runWork } from './unit-of-work';
import { newId } from './ids';
import { CRITERIA, type Criterion, type Participant, type Score, type ScoringRound, type UseCase } from '../domain/model';
import type { ParticipantRole } from '../domain/participant-csv';
import type { PortfolioRows } from '../domain/portfolio';
import { msg } from '../domain/message';

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

/** What a phone is told when its scores are refused, with the HTTP status the room server sends. */
export type PhoneRefusal = { ok: false; status: 404 | 409 | 422 | 500; message: string };
export type PhoneScores = { roundId: string; participantId: string; useCaseId: string; scores: Record<Criterion, number> };
export type PhoneScoreResult = { ok: true; changed: boolean } | PhoneRefusal;
function phoneRefusal(error: unknown): PhoneRefusal {
  const message = (error instanceof Error ? error.message : 'The laptop could not store it.').slice(0, 500);
  if (error instanceof RoundClosedError) return { ok: false, status: 409, message };
  if (error instanceof NotFoundError) return { ok: false, status: 404, message };
  if (error instanceof InvalidRowError) return { ok: false, status: 422, message };
  return { ok: false, status: 500, message };
}

export function scoringRepo(db: LiftoffDb) {
  async function roundsFor(useCaseId: string): Promise<ScoringRound[]> {
    return (await db.scoringRounds.where('useCaseId').equals(useCaseId).toArray()).sort((a, b) => a.number - b.number);
  }
  async function openRoundOf(useCaseId: string): Promise<ScoringRound | undefined> {
    return (await roundsFor(useCaseId)).find((r) => r.revealedAt === null);
  }
  async function titleOf(useCaseId: string) {
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
    /**
     * Everything the portfolio read model needs (domain/portfolio.ts), read in one transaction so
     * a screen never sees a new use case with old scores, or a new round without its scores.
     */
    async portfolioRows(workshopId: string): Promise<PortfolioRows> {
      return db.transaction('r', [db.useCases, db.participants, db.scoringRounds, db.scores, db.gateDecisions], async () => {
        const [useCases, participants, scoringRounds, scores, gateDecisions] = await Promise.all([
          db.useCases.where('[workshopId+order]').between([workshopId, -Infinity], [workshopId, Infinity]).toArray(),
          db.participants.where('workshopId').equals(workshopId).toArray(),
          db.scoringRounds.where('workshopId').equals(workshopId).toArray(),
          db.scores.where('workshopId').equals(workshopId).toArray(),
          db.gateDecisions.where('[workshopId+seq]').between([workshopId, -Infinity], [workshopId, Infinity]).toArray(),
        ]);
        participants.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.name.localeCompare(b.name));
        return { useCases, participants, scoringRounds, scores, gateDecisions };
      });
    },
    /**
     * What the room's phones may see is built from (domain/room.ts): no scores, so the room's live
     * query does not run again for every score that arrives.
     */
    async roomRows(workshopId: string): Promise<{ useCases: UseCase[]; participants: Participant[]; rounds: ScoringRound[] }> {
      return db.transaction('r', [db.useCases, db.participants, db.scoringRounds], async () => {
        const [useCases, participants, rounds] = await Promise.all([
          db.useCases.where('workshopId').equals(workshopId).toArray(),
          db.participants.where('workshopId').equals(workshopId).toArray(),
          db.scoringRounds.where('workshopId').equals(workshopId).toArray(),
        ]);
        participants.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.name.localeCompare(b.name));
        return { useCases, participants, rounds };
      });
    },
    async scoresOfRound(roundId: string): Promise<Score[]> {
      return db.scores.where('roundId').equals(roundId).toArray();
    },

    /** Starts the next round for a use case; if one is still open (not revealed) it is returned instead. */
    async startRound(useCaseId: string, opts: { timeboxSeconds?: number | null } = {}): Promise<ScoringRound> {
      return runWork(db, {}, async (w) => {
        const uc = await w.require('useCases', useCaseId);
        const open = await openRoundOf(useCaseId);
        if (open) return open;
        const number = (await roundsFor(useCaseId)).reduce((m, r) => Math.max(m, r.number), 0) + 1;
        w.describe({ workshopId: uc.workshopId, label: `Start scoring round ${number}`, message: msg('history.startRound', { number, title: uc.title }), summary: `Round ${number} for "${uc.title}"`, summaryMessage: msg('history.summary.startRound', { number, title: uc.title }) });
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

    /**
     * Enters (or clears, with null) one participant's score for one criterion, while the round is
     * masked. The round, the earlier score and the participant are read inside the unit of work, so
     * a reveal a moment earlier refuses the score and two quick taps store one.
     */
    async setScore(roundId: string, participantId: string, criterion: Criterion, value: number | null): Promise<void> {
      await runWork(db, { label: 'Enter a score', message: msg('history.enterScore') }, async (w) => {
        const round = await w.require('scoringRounds', roundId);
        if (round.revealedAt) throw new RoundClosedError('This round has been revealed; start a new round to score again.');
        const participant = await w.require('participants', participantId);
        const existing = (await db.scores.where('roundId').equals(roundId).toArray()).find((s) => s.participantId === participantId && s.criterion === criterion);
        // The audit log says that a score was entered, never its value: the round is masked.
        const title = await titleOf(round.useCaseId);
        w.describe({
          workshopId: round.workshopId,
          summary: `${participant.name} scored ${criterion} in round ${round.number} of "${title}"`,
          summaryMessage: msg('history.summary.enterScore', { name: participant.name, criterion: msg(`criterion.${criterion}.inSentence`), number: round.number, title }),
        });
        if (value === null) {
          if (existing) await w.remove('scores', existing.id);
          return;
        }
        // The model refuses anything but a whole number from 1 to 5, and names it.
        if (existing) await w.update('scores', existing.id, { value });
        else
          await w.put('scores', {
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

    /**
     * Scores sent from phones in the room, each one participant's three scores for one use case.
     * Stored exactly as masked scores the facilitator would type (reveal, spread, consensus, undo
     * and the audit log work unchanged). What arrived together is stored in one unit of work (one
     * transaction, one undo step, one audit entry naming who scored, never a value): a room sends
     * its scores within seconds, and one durable commit each would make the last phone wait. Each
     * submission is checked inside the transaction and refused on its own (a round revealed a
     * moment earlier, a participant removed); a resend of the same values writes nothing.
     */
    async setPhoneScoresMany(items: PhoneScores[]): Promise<PhoneScoreResult[]> {
      const results: PhoneScoreResult[] = items.map(() => ({ ok: false, status: 500, message: 'The laptop could not store it.' }));
      try {
        await runWork(db, { label: 'Scores from phones', message: msg('history.phoneScores', { count: 2 }) }, async (w) => {
          const names: string[] = [];
          let workshopId = '';
          let where = '';
          let whereNumber = 0;
          let whereTitle = '';
          // Everything the batch depends on is read first, all at once: its rounds, participants,
          // the rounds' scores (once per round, not once per phone: a room is 200 phones) and the
          // use cases' titles. The loop below then awaits nothing. Dexie keeps the transaction
          // across an await only while its own requests are pending; a loop that awaited a plain
          // helper per phone lost it after about 100 phones, and the batch failed with "committed
          // too early" while part of it was already stored.
          const unique = (ids: string[]) => [...new Set(ids)];
          const roundIds = unique(items.map((i) => i.roundId));
          const participantIds = unique(items.map((i) => i.participantId));
          const [roundRows, participantRows, scoreRows] = await Promise.all([
            Promise.all(roundIds.map((id) => w.get('scoringRounds', id))),
            Promise.all(participantIds.map((id) => w.get('participants', id))),
            // Only the batch's own participants' scores, through the [roundId+participantId] index.
            Promise.all(
              roundIds.map((id) =>
                db.scores
                  .where('[roundId+participantId]')
                  .anyOf(unique(items.filter((i) => i.roundId === id).map((i) => i.participantId)).map((p) => [id, p]))
                  .toArray(),
              ),
            ),
          ]);
          const rounds = new Map(roundIds.map((id, i) => [id, roundRows[i]]));
          const participants = new Map(participantIds.map((id, i) => [id, participantRows[i]]));
          const roundScores = new Map<string, Map<string, Score[]>>();
          roundIds.forEach((roundId, i) => {
            const byParticipant = new Map<string, Score[]>();
            for (const s of scoreRows[i] ?? []) {
              const list = byParticipant.get(s.participantId) ?? [];
              list.push(s);
              byParticipant.set(s.participantId, list);
            }
            roundScores.set(roundId, byParticipant);
          });
          const scoresOf = (roundId: string, participantId: string): Score[] => roundScores.get(roundId)?.get(participantId) ?? [];
          const useCaseIds = unique([...rounds.values()].flatMap((r) => (r ? [r.useCaseId] : [])));
          const titleRows = await Promise.all(useCaseIds.map((id) => db.useCases.get(id)));
          const titles = new Map(useCaseIds.map((id, i) => [id, titleRows[i]?.title ?? 'use case']));
          // Scores written together at the end (one bulk write instead of three per phone); a
          // changed score keeps its id, so it is the same row, updated.
          const fresh: Score[] = [];
          const writes = new Map<string, Score>();
          // What each written row was before this batch (read above): the undo step's images.
          const before = new Map<string, Score>();
          for (const [index, item] of items.entries()) {
            const round = rounds.get(item.roundId);
            const participant = participants.get(item.participantId);
            if (!round || round.useCaseId !== item.useCaseId) {
              results[index] = { ok: false, status: 404, message: 'This use case is not scored in that round.' };
              continue;
            }
            if (round.revealedAt) {
              results[index] = { ok: false, status: 409, message: 'This round has been revealed; start a new round to score again.' };
              continue;
            }
            if (!participant || participant.workshopId !== round.workshopId) {
              results[index] = { ok: false, status: 404, message: 'That participant is no longer in this workshop.' };
              continue;
            }
            const existing = scoresOf(item.roundId, item.participantId);
            const changed = CRITERIA.filter((c) => existing.find((s) => s.criterion === c)?.value !== item.scores[c]);
            for (const c of changed) {
              const prior = existing.find((s) => s.criterion === c);
              if (prior) {
                const next: Score = { ...prior, value: item.scores[c], updatedAt: w.now };
                if (!writes.has(prior.id)) before.set(prior.id, prior);
                existing[existing.indexOf(prior)] = next;
                writes.set(next.id, next);
              } else {
                const score: Score = {
                  id: newId(),
                  workshopId: round.workshopId,
                  createdAt: w.now,
                  updatedAt: w.now,
                  useCaseId: round.useCaseId,
                  roundId: item.roundId,
                  participantId: item.participantId,
                  criterion: c,
                  value: item.scores[c],
                };
                writes.set(score.id, score);
                existing.push(score);
                roundScores.get(item.roundId)?.set(item.participantId, existing);
              }
            }
            results[index] = { ok: true, changed: changed.length > 0 };
            if (changed.length > 0) {
              names.push(participant.name);
              workshopId = round.workshopId;
              where = `round ${round.number} of "${titles.get(round.useCaseId) ?? ''}"`;
              whereNumber = round.number;
              whereTitle = titles.get(round.useCaseId) ?? '';
            }
          }
          fresh.push(...writes.values());
          if (fresh.length > 0) await w.putMany('scores', fresh, fresh.map((s) => before.get(s.id)));
          if (names.length === 0) return;
          // Like a typed score, the audit entry says who scored, never what.
          const who = names.length <= 5 ? names.join(', ') : `${names.slice(0, 5).join(', ')} and ${names.length - 5} more`;
          w.describe({
            workshopId,
            label: names.length === 1 ? 'Scores from a phone' : `Scores from ${names.length} phones`,
            message: msg('history.phoneScores', { count: names.length }),
            summary: `${who} scored ${CRITERIA.join(', ')} in ${where} from ${names.length === 1 ? 'a phone' : 'their phones'}`,
            summaryMessage: msg('history.summary.phoneScores', {
              who: names.length <= 5 ? { list: names, separator: ', ' } : msg('history.summary.namesAndMore', { names: { list: names.slice(0, 5), separator: ', ' }, more: names.length - 5 }),
              criteria: { list: CRITERIA.map((c) => msg(`criterion.${c}.inSentence`)), separator: ', ' },
              number: whereNumber,
              title: whereTitle,
              count: names.length,
            }),
          });
        });
      } catch (error) {
        const refusal = phoneRefusal(error);
        return items.map(() => refusal);
      }
      return results;
    },

    /** One phone's submission (see setPhoneScoresMany). */
    async setPhoneScores(roundId: string, participantId: string, useCaseId: string, values: Record<Criterion, number>): Promise<PhoneScoreResult> {
      const [result] = await this.setPhoneScoresMany([{ roundId, participantId, useCaseId, scores: values }]);
      return result ?? { ok: false, status: 500, message: 'The laptop could not store it.' };
    },

    async reveal(roundId: string): Promise<void> {
      await runWork(db, {}, async (w) => {
        const round = await w.get('scoringRounds', roundId);
        if (!round || round.revealedAt) return;
        const title = await titleOf(round.useCaseId);
        w.describe({ workshopId: round.workshopId, label: `Reveal round ${round.number}`, message: msg('history.revealRound', { number: round.number }), summary: `Revealed round ${round.number} of "${title}"`, summaryMessage: msg('history.summary.revealRound', { number: round.number, title }) });
        await w.update('scoringRounds', roundId, { revealedAt: w.now, timerStartedAt: null });
      });
    },

    async setDiscussion(roundId: string, discussion: string): Promise<void> {
      await runWork(db, { label: 'Record the discussion', message: msg('history.recordDiscussion'), coalesceKey: `round:${roundId}:discussion` }, async (w) => {
        const round = await w.require('scoringRounds', roundId);
        w.describe({ workshopId: round.workshopId });
        await w.update('scoringRounds', roundId, { discussion });
      });
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
            if (prior) await w.update('scores', prior.id, { value });
            else await w.put('scores', { id: newId(), workshopId, createdAt: w.now, updatedAt: w.now, useCaseId, roundId: round.id, participantId, criterion: c, value });
            scoreCount += 1;
          }
        }
        return { rounds: roundOf.size, scores: scoreCount };
      });
    },

    /** Starts (or, with null, stops) the round's countdown. */
    async setTimer(roundId: string, timeboxSeconds: number | null): Promise<void> {
      await runWork(db, { label: timeboxSeconds ? 'Start the round timer' : 'Stop the round timer', message: msg(timeboxSeconds ? 'history.startTimer' : 'history.stopTimer') }, async (w) => {
        const round = await w.require('scoringRounds', roundId);
        w.describe({ workshopId: round.workshopId });
        await w.update('scoringRounds', roundId, { timeboxSeconds, timerStartedAt: timeboxSeconds ? w.now : null });
      });
    },
  };
}
