import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepos, type Repos } from '../../../renderer/db';
import { createDb, type LiftoffDb } from '../../../renderer/db/schema';

let db: LiftoffDb;
let repos: Repos;
let n = 0;
let wsId: string;

beforeEach(async () => {
  db = createDb(`scoring-${Date.now()}-${n++}`);
  repos = createRepos(db);
  wsId = (await repos.workshops.create({ name: 'W', client: '', facilitator: '', workshopDate: '', roadmapStartDate: '' })).id;
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('scoring rounds', () => {
  it('keeps every round: a revealed round is closed and the next one gets the next number', async () => {
    const uc = await repos.useCases.add(wsId, { title: 'Claims triage' });
    const p = await repos.participants.add(wsId, { name: 'Dana', role: 'product-owner' });
    const r1 = await repos.scoring.startRound(uc.id);
    expect((await repos.scoring.startRound(uc.id)).id).toBe(r1.id); // still open: the same round
    await repos.scoring.setScore(r1.id, p.id, 'impact', 5);
    await repos.scoring.reveal(r1.id);
    await expect(repos.scoring.setScore(r1.id, p.id, 'impact', 1)).rejects.toThrow(/revealed/);
    const r2 = await repos.scoring.startRound(uc.id);
    expect(r2.number).toBe(2);
    expect((await repos.scoring.roundsFor(uc.id)).map((r) => r.number)).toEqual([1, 2]);
    expect((await repos.scoring.scoresOfRound(r1.id)).map((s) => s.value)).toEqual([5]);
  });

  it('replaces and clears a score while the round is masked', async () => {
    const uc = await repos.useCases.add(wsId, { title: 'A' });
    const p = await repos.participants.add(wsId, { name: 'Dana', role: 'product-owner' });
    const r = await repos.scoring.startRound(uc.id);
    await repos.scoring.setScore(r.id, p.id, 'feasibility', 2);
    await repos.scoring.setScore(r.id, p.id, 'feasibility', 4);
    expect((await repos.scoring.scoresOfRound(r.id)).map((s) => s.value)).toEqual([4]);
    await repos.scoring.setScore(r.id, p.id, 'feasibility', null);
    expect(await repos.scoring.scoresOfRound(r.id)).toEqual([]);
    await expect(repos.scoring.setScore(r.id, p.id, 'feasibility', 6)).rejects.toThrow(/1 to 5/);
  });

  it('never writes a masked score’s value into the audit log', async () => {
    const uc = await repos.useCases.add(wsId, { title: 'A' });
    const p = await repos.participants.add(wsId, { name: 'Dana', role: 'product-owner' });
    const r = await repos.scoring.startRound(uc.id);
    await repos.scoring.setScore(r.id, p.id, 'impact', 4);
    const entry = (await repos.audit.list(wsId))[0];
    expect(entry?.summary).toBe('Dana scored impact in round 1 of "A"');
    expect(entry?.summary).not.toContain('4');
  });

  it('removes a participant with their scores, and undo brings both back', async () => {
    const uc = await repos.useCases.add(wsId, { title: 'A' });
    const p = await repos.participants.add(wsId, { name: 'Dana', role: 'product-owner' });
    const r = await repos.scoring.startRound(uc.id);
    await repos.scoring.setScore(r.id, p.id, 'impact', 4);
    await repos.participants.remove(p.id);
    expect(await repos.scoring.scoresOfRound(r.id)).toEqual([]);
    await repos.history.undo(wsId);
    expect((await repos.scoring.scoresOfRound(r.id)).map((s) => s.value)).toEqual([4]);
    expect((await repos.participants.list(wsId)).map((x) => x.name)).toEqual(['Dana']);
  });

  it('refuses a second participant with the same name', async () => {
    await repos.participants.add(wsId, { name: 'Dana Whitfield', role: 'product-owner' });
    await expect(repos.participants.add(wsId, { name: ' dana whitfield ', role: 'other' })).rejects.toThrow(/already a participant/);
  });
});

describe('consensus and the matrix', () => {
  it('requires a reason to override the consensus', async () => {
    const uc = await repos.useCases.add(wsId, { title: 'A' });
    await expect(repos.useCases.setConsensus(uc.id, 'impact', { value: 4, reason: '  ' })).rejects.toThrow(/reason/);
    await repos.useCases.setConsensus(uc.id, 'impact', { value: 4, reason: 'Sponsor confirmed the budget' });
    expect((await repos.useCases.get(uc.id))?.consensusOverrides.impact).toMatchObject({ value: 4, source: 'override' });
  });

  it('places a card on the matrix in one undoable step, recorded in the audit log', async () => {
    const uc = await repos.useCases.add(wsId, { title: 'Claims triage', initialScores: { impact: 2, feasibility: 2 } });
    await repos.useCases.placeOnMatrix(uc.id, 5, 4);
    const after = await repos.useCases.get(uc.id);
    expect([after?.consensusOverrides.impact?.value, after?.consensusOverrides.feasibility?.value]).toEqual([5, 4]);
    expect((await repos.audit.list(wsId))[0]?.summary).toBe('Move "Claims triage" on the matrix to impact 5, feasibility 4');
    await repos.history.undo(wsId);
    expect((await repos.useCases.get(uc.id))?.consensusOverrides.impact).toBeNull();
  });

  it('keeps the reason given for a matrix move that overrode a round, also through later moves without one', async () => {
    const uc = await repos.useCases.add(wsId, { title: 'Claims triage' });
    await repos.useCases.placeOnMatrix(uc.id, 2, 2, '  Datenzugang erst ab Q2 ');
    expect((await repos.useCases.get(uc.id))?.consensusOverrides.impact).toMatchObject({ value: 2, source: 'matrix', reason: 'Datenzugang erst ab Q2' });
    expect((await repos.audit.list(wsId))[0]?.summary).toBe('Move "Claims triage" on the matrix to impact 2, feasibility 2 (reason: Datenzugang erst ab Q2)');
    await repos.useCases.placeOnMatrix(uc.id, 3, 2);
    expect((await repos.useCases.get(uc.id))?.consensusOverrides.feasibility).toMatchObject({ value: 2, reason: 'Datenzugang erst ab Q2' });
    expect((await repos.useCases.get(uc.id))?.consensusOverrides.impact).toMatchObject({ value: 3, reason: 'Datenzugang erst ab Q2' });
  });
});

describe('participant score import', () => {
  it('creates the chosen use cases and participants and stores masked rounds, all in one step', async () => {
    await repos.useCases.add(wsId, { title: 'Claims triage' });
    const result = await repos.scoring.importScores(wsId, {
      newUseCases: ['Fraud signal scoring'],
      newParticipants: [
        { name: 'Dana Whitfield', role: 'product-owner' },
        { name: 'Samuel Adeyemi', role: 'ai-technical-lead' },
      ],
      rows: [
        { useCase: 'claims triage', participant: 'Dana Whitfield', scores: { impact: 5, feasibility: 4, readiness: 3 } },
        { useCase: 'Claims triage', participant: 'Samuel Adeyemi', scores: { impact: 4, feasibility: 4, readiness: 2 } },
        { useCase: 'Fraud signal scoring', participant: 'Dana Whitfield', scores: { impact: 5, feasibility: 3, readiness: 2 } },
      ],
    });
    expect(result).toEqual({ rounds: 2, scores: 9 });
    const rounds = await repos.scoring.listRounds(wsId);
    expect(rounds.every((r) => r.revealedAt === null)).toBe(true);
    await repos.history.undo(wsId);
    expect(await repos.scoring.listRounds(wsId)).toEqual([]);
    expect((await repos.useCases.list(wsId)).map((u) => u.title)).toEqual(['Claims triage']);
  });

  it('stores nothing when a row names someone who is not there', async () => {
    await repos.useCases.add(wsId, { title: 'Claims triage' });
    await expect(
      repos.scoring.importScores(wsId, { newUseCases: [], newParticipants: [], rows: [{ useCase: 'Claims triage', participant: 'Ghost', scores: { impact: 1, feasibility: 1, readiness: 1 } }] }),
    ).rejects.toThrow(/not in this workshop/);
    expect(await repos.scoring.listRounds(wsId)).toEqual([]);
  });
});

describe('nested fields edited in quick succession', () => {
  it('keeps both of two weight changes started at the same moment', async () => {
    await Promise.all([repos.workshops.setWeight(wsId, 'impact', 0), repos.workshops.setWeight(wsId, 'readiness', 3)]);
    expect((await repos.workshops.get(wsId))?.weights).toEqual({ impact: 0, feasibility: 1, readiness: 3 });
  });
  it('keeps both of two first-score changes started at the same moment', async () => {
    const uc = await repos.useCases.add(wsId, { title: 'A' });
    await Promise.all([repos.useCases.setInitialScore(uc.id, 'impact', 5), repos.useCases.setInitialScore(uc.id, 'feasibility', 2)]);
    expect((await repos.useCases.get(uc.id))?.initialScores).toEqual({ impact: 5, feasibility: 2, readiness: null });
  });
});
