import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { matchNames, parseParticipantScores, roleFromText } from '../../../renderer/domain/participant-csv';

const fixture = readFileSync(new URL('../../fixtures/csv/insurer-participant-scores.csv', import.meta.url), 'utf8');

describe('participant score CSV', () => {
  it('reads all 16 rows of the insurer fixture with roles and scores', () => {
    const r = parseParticipantScores(fixture);
    if (!r.ok) throw new Error(r.message);
    expect(r.rows).toHaveLength(16);
    expect(r.problems).toEqual([]);
    expect(r.rows[1]).toMatchObject({ row: 3, useCase: 'Claims triage', participant: 'Samuel Adeyemi', role: 'ai-technical-lead', scores: { impact: 4, feasibility: 4, readiness: 2 } });
    expect(new Set(r.rows.map((x) => x.role))).toEqual(new Set(['product-owner', 'ai-technical-lead', 'operations-lead', 'governance-sponsor']));
  });

  it('lists each bad row with its reason and keeps the good rows', () => {
    const csv = [
      'Use case;Participant;Role;Impact;Feasibility;Readiness',
      'Claims triage;Dana;Product owner;5;4;3',
      'Claims triage;Sam;AI lead;7;4;3',
      'Claims triage;Grace;Ops;;4;3',
      'Claims triage;Robert;Sponsor;high;4;3.5',
      ';Nobody;;1;1;1',
      'Claims triage;Dana;Product owner;1;1;1',
    ].join('\r\n');
    const r = parseParticipantScores(csv);
    if (!r.ok) throw new Error(r.message);
    expect(r.rows.map((x) => x.participant)).toEqual(['Dana']);
    expect(r.problems).toMatchObject([
      { row: 3, message: 'impact 7 is outside 1–5. Not imported.' },
      { row: 4, message: 'impact is blank. Not imported.' },
      { row: 5, message: 'impact “high” is not a number; readiness 3.5 is not a whole number. Not imported.' },
      { row: 6, message: 'the use case is blank. Not imported.' },
      { row: 7, message: 'Dana already scored Claims triage on row 2. Not imported.' },
    ]);
  });

  it('names the missing columns of a file that is not a score sheet', () => {
    const r = parseParticipantScores('Use case,Problem\nA,B\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/Missing: Participant, Impact, Feasibility, Readiness/);
  });

  it('maps free-text roles to the method’s roles', () => {
    expect(roleFromText('Governance sponsor')).toBe('governance-sponsor');
    expect(roleFromText('Head of Compliance')).toBe('risk-compliance');
    expect(roleFromText('claims handler (end user)')).toBe('end-user');
    expect(roleFromText('')).toBe('other');
  });

  it('matches names ignoring case, accents and spaces, and reports each unknown name once', () => {
    const m = matchNames(['claims  TRIAGE', 'Tomas Ortega', 'New one', 'new ONE'], [
      { id: 'a', name: 'Claims triage' },
      { id: 'b', name: 'Tomás Ortega' },
    ]);
    expect([...m.known.values()]).toEqual(['a', 'b']);
    expect(m.unknown).toEqual(['New one']);
  });
});
