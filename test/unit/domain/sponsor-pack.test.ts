import { describe, expect, it } from 'vitest';
import { buildSponsorPack, longDate, PACK_SECTIONS, topRankedIds } from '../../../renderer/domain/sponsor-pack';
import { insurerWorkshop, UNICODE_NAMES } from '../pdf/insurer-fixture';
import { sealEntry } from '../../../renderer/domain/decision-log';

const TODAY = '2026-12-10';

describe('buildSponsorPack', () => {
  const { workshop, rows } = insurerWorkshop();
  const pack = buildSponsorPack(workshop, rows, { today: TODAY });

  it('has every section by default, and only the chosen ones otherwise', () => {
    expect(pack.sections).toEqual([...PACK_SECTIONS]);
    const some = buildSponsorPack(workshop, rows, { today: TODAY, sections: ['health', 'summary'] });
    expect(some.sections).toEqual(['summary', 'health']);
  });

  it('puts the workshop, client, date and facilitator on the cover', () => {
    expect(pack.meta).toMatchObject({
      name: 'Claims AI day',
      client: 'Northwind Mutual',
      facilitator: 'Zoë Müller',
      workshopDateLabel: '23 November 2026',
      preparedOnLabel: '10 December 2026',
    });
    const names = pack.meta.participants.map((p) => p.name).join(' ');
    for (const n of UNICODE_NAMES) expect(names).toContain(n);
  });

  it('ranks the whole portfolio by weighted score with the workshop weights', () => {
    expect(pack.portfolio.rows).toHaveLength(17);
    expect(pack.portfolio.rows.slice(0, 3).map((r) => [r.rank, r.title])).toEqual([
      [1, 'Claims triage'],
      [2, 'Underwriting document extraction'],
      [3, '東京 branch: claims intake in Japanese'],
    ]);
    expect(pack.portfolio.weights).toBe('Business impact 50% · Feasibility 25% · Organizational readiness 25%');
    // Claims triage: impact 5, feasibility 4, readiness 3 (medians of round 1) → 0.5·5 + 0.25·4 + 0.25·3.
    expect(pack.portfolio.rows[0]?.combined).toBeCloseTo(4.25);
    expect(pack.portfolio.rows[0]?.stageLabel).toBe('Stage 2 · Controlled pilot');
  });

  it('places every scored use case on the matrix by its consensus cell', () => {
    expect(pack.portfolio.points).toHaveLength(17);
    const triage = pack.portfolio.points.find((p) => p.title === 'Claims triage');
    expect(triage).toMatchObject({ rank: 1, impact: 5, feasibility: 4, readinessStep: 3 });
    expect(pack.portfolio.quadrants.find((q) => q.quadrant === 'quick-wins')?.titles[0]).toBe('1. Claims triage');
  });

  it('gives each use case its scores with the spread of the last round', () => {
    const triage = pack.useCases.find((u) => u.title === 'Claims triage');
    const readiness = triage?.scores.find((s) => s.criterion === 'readiness');
    expect(readiness).toMatchObject({ consensus: 3, sourceLabel: 'median of round 1' });
    expect(readiness?.round).toMatchObject({ n: 4, min: 2, max: 4, spread: 2, disagreement: true });
    const impact = triage?.scores.find((s) => s.criterion === 'impact');
    expect(impact?.round).toMatchObject({ mean: 4.75, spread: 1, disagreement: false });
    // A use case only scored (never worked on) gets one appendix row, not a dossier of blanks.
    expect(pack.useCases.find((u) => u.title === 'Policy wording Q&A')).toBeUndefined();
    expect(pack.appendix.map((r) => r.title)).toContain('Policy wording Q&A');
  });

  it('states the readiness verdict with its reasons', () => {
    const byTitle = (t: string) => pack.useCases.find((u) => u.title === t);
    expect(byTitle('Claims triage')?.readiness).toMatchObject({ verdict: 'start-pilot', verdictLabel: 'Start the pilot', average: 4 });
    expect(byTitle('Fraud signal scoring')?.readiness.verdictLabel).toBe('Readiness sprint first');
    expect(byTitle('Fraud signal scoring')?.readiness.reasons.join(' ')).toContain('Data quality is 2 of 5');
    expect(pack.appendix.find((r) => r.title === 'Policy wording Q&A')?.verdictLabel).toBe('Not decided yet');
  });

  it('carries the pilot success, partial-success and failure criteria, and when they were locked', () => {
    const triage = pack.useCases.find((u) => u.title === 'Claims triage');
    expect(triage?.pilot?.success).toContain('90 % of claims routed');
    expect(triage?.pilot?.failure).toContain('No-go');
    expect(triage?.pilot?.productionData).toBe('Real production data');
    expect(triage?.pilot?.lockedOn).toBe('7 December 2026');
    expect(pack.useCases.find((u) => u.title === 'Complaint summarization')?.pilot?.lockedOn).toBeNull();
  });

  it('lists risks highest score first, with bands and overdue mitigations', () => {
    const risks = pack.useCases.find((u) => u.title === 'Claims triage')?.risks ?? [];
    expect(risks.map((r) => [r.title, r.score, r.bandLabel, r.overdue])).toEqual([
      ['Misrouted bodily-injury claims wait too long', 15, 'Critical', false],
      ['Queue API write access not granted in time', 12, 'High', true],
    ]);
  });

  it('gives each KPI its baseline, target, thresholds, latest value and status', () => {
    const kpis = pack.useCases.find((u) => u.title === 'Claims triage')?.kpis ?? [];
    expect(kpis.map((k) => [k.name, k.baseline, k.target, k.greenAt, k.redAt, k.latest, k.latestDate, k.bandLabel])).toEqual([
      ['Routing accuracy', '78%', '92%', '≥ 90%', '≤ 80%', '88.5%', '2026-12-08', 'Amber'],
      ['Fallback rate', '100%', '25%', '≤ 30%', '≥ 50%', '55%', '2026-12-08', 'Red'],
    ]);
    expect(kpis[0]?.layerLabel).toBe('Model quality');
    expect(kpis[0]?.summary).toBe('Amber: 88.5% is between the red line of 80% and green at 90%.');
    expect(kpis[0]?.action).not.toBe('');
    expect(kpis[0]?.forecast).toBe('Forecast 90%, actual 88.5% (-1.7%): worse than forecast.');
    expect(kpis[1]?.owner).toBe('Zoë Lambert');
    const guardrail = pack.useCases.find((u) => u.title === 'Complaint summarization')?.kpis[0];
    expect(guardrail).toMatchObject({ roleLabel: 'Guardrail', latest: '—', bandLabel: 'No data' });
  });

  it('carries the roadmap as the Gantt model of the selected use cases, in rank order', () => {
    const g = pack.roadmap.gantt;
    expect(g).not.toBeNull();
    const useCaseRows = g?.rows.filter((r) => r.kind === 'use-case') ?? [];
    expect(useCaseRows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(g?.rows.filter((r) => r.kind === 'governance').map((r) => r.label)).toEqual(['Weekly execution review', 'Monthly KPI governance', 'Stage-gate session']);
    expect(g?.milestones.length).toBeGreaterThan(8 * 4);
    expect(pack.roadmap.unplanned).toHaveLength(9);
    expect(pack.roadmap.startDate).toBe('2026-11-30');
    const top = buildSponsorPack(workshop, rows, { today: TODAY, useCaseIds: topRankedIds(workshop, rows, 2) });
    expect(top.roadmap.gantt?.rows.filter((r) => r.kind === 'use-case').map((r) => r.label)).toEqual(['Claims triage', 'Underwriting document extraction']);
  });

  it('names the owners and lists the gate decisions in log order', () => {
    const triage = pack.useCases.find((u) => u.title === 'Claims triage');
    expect(triage?.owners).toEqual(
      expect.arrayContaining([
        { label: 'Business owner', value: 'Dana Whitfield' },
        { label: 'Last gate decided by', value: 'Δημήτρης Παπαδόπουλος' },
        { label: 'Risk owners', value: 'Grace Liu, Tomasz Łódź' },
      ]),
    );
    expect(triage?.decisions.map((d) => [d.seq, d.decisionLabel, d.toLabel])).toEqual([
      [1, 'Advance', 'Stage 1 · Pilot design'],
      [3, 'Advance', 'Stage 2 · Controlled pilot'],
    ]);
    expect(triage?.decisions[0]?.criteria).toBe('2 passed, 1 not applicable');
  });

  it('prints a "Pass" against the data with its justification, and a decision against the proposal with its reason', () => {
    const changed = structuredClone(rows);
    const triageId = changed.useCases.find((u) => u.title === 'Claims triage')?.id;
    const last = [...changed.gateDecisions].sort((a, b) => b.seq - a.seq)[0];
    const entry = sealEntry(last, {
      useCaseTitle: 'Claims triage',
      fromStage: 'pilot',
      toStage: 'gate',
      criteria: [
        { name: 'The pilot ran for the agreed period', result: 'pass', evidence: '' },
        { name: 'Model and operational metrics were recorded over time', result: 'pass', evidence: '', conflicts: ['No KPI has a measurement.'], justification: 'Measured by hand in the claims team' },
      ],
      decision: 'advance',
      rationale: 'The board wants the gate now.',
      decidedBy: 'Zoë Müller',
      nextActionsOwner: 'Dana Whitfield',
      date: '2026-12-09',
      createdAt: '2026-12-09T10:00:00.000Z',
      proposal: { decision: 'improve-pilot', label: 'Improve the pilot', sentence: 'Improve the pilot for Claims triage: a KPI is in its red band.', facts: [] },
      overrideReason: 'The routing delay comes from a system outage, not the model.',
    });
    changed.gateDecisions.push({ ...entry, id: 'd-new', workshopId: workshop.id, useCaseId: triageId ?? '', updatedAt: entry.createdAt });
    const line = buildSponsorPack(workshop, changed, { today: TODAY }).useCases.find((u) => u.title === 'Claims triage')?.decisions.at(-1);
    expect(line?.criteria).toBe(
      '2 passed. Passed against the data: Model and operational metrics were recorded over time (No KPI has a measurement.) Justification: Measured by hand in the claims team',
    );
    expect(line?.rationale).toBe(
      'The board wants the gate now. — Proposed: Improve the pilot; decided otherwise because: The routing delay comes from a system outage, not the model.',
    );
    expect(line?.overrideReason).toBe('The routing delay comes from a system outage, not the model.');
    expect(line?.passedAgainstData).toHaveLength(1);
    expect(buildSponsorPack(workshop, changed, { today: TODAY }).governance.decisionLog.ok).toBe(true);
  });

  it('says the decision log verifies, and says so loudly when it does not', () => {
    expect(pack.governance.decisionLog.ok).toBe(true);
    expect(pack.summary.lead.join(' ')).toContain('hash chain verifies');
    const tampered = structuredClone(rows);
    const entry = tampered.gateDecisions[1];
    if (entry) entry.rationale = 'Changed afterwards';
    const broken = buildSponsorPack(workshop, tampered, { today: TODAY });
    expect(broken.governance.decisionLog.ok).toBe(false);
    expect(broken.governance.decisionLog.message).toMatch(/does NOT verify: Entry #2 was changed/);
    expect(broken.summary.attention[0]).toMatch(/does NOT verify/);
    expect(broken.summary.facts.find((f) => f.label === 'Decision log')?.value).toBe('Does NOT verify');
  });

  it('summarizes the governance: roles, RACI letters, problems and cadence', () => {
    const g = pack.governance;
    expect(g.roles.map((r) => r.person)).toContain('Δημήτρης Παπαδόπουλος');
    const gate = g.decisions.find((d) => d.decision === 'Gate approval');
    expect(Object.values(gate?.letters ?? {})).toEqual(['A', 'R', 'C', 'I']);
    expect(g.raciProblems).toEqual(['"Risk acceptance" has 2 Accountable roles (Product owner, Governance sponsor); exactly one is needed.']);
    expect(g.cadence.map((c) => c.when)).toEqual([
      'Every Monday at 09:30, 45 min',
      'First Tuesday of the month at 14:00, 60 min',
      'First Thursday on or after each gate at 15:00, 90 min',
    ]);
  });

  it('writes an executive summary that a sponsor can act on', () => {
    const lead = pack.summary.lead.join('\n');
    expect(lead).toContain('17 candidate AI use cases were assessed at the “Claims AI day” workshop with Northwind Mutual on 23 November 2026, scored by 11 participants');
    expect(lead).toContain('Highest ranked: Claims triage (#1, quick wins)');
    expect(lead).toContain('Readiness: 2 use cases can start the pilot now, 1 needs a readiness sprint first');
    expect(lead).toContain('Risks: 4 open risks, 3 of them high or critical, 1 with an overdue mitigation.');
    expect(pack.summary.top.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(pack.summary.attention.join(' ')).toContain('Overdue mitigation: Queue API write access not granted in time (Tomasz Łódź), due 1 November 2026.');
  });

  it('details only the selected use cases, keeping the whole ranking', () => {
    const top = topRankedIds(workshop, rows, 3);
    const some = buildSponsorPack(workshop, rows, { today: TODAY, useCaseIds: top });
    // Claims triage was worked on (a dossier); the other two only scored (appendix rows).
    expect(some.useCases.map((u) => u.title)).toEqual(['Claims triage']);
    expect(some.appendix.map((u) => u.title)).toEqual(['Underwriting document extraction', '東京 branch: claims intake in Japanese']);
    expect(some.portfolio.rows).toHaveLength(17);
    expect(some.portfolio.rows.filter((r) => r.selected)).toHaveLength(3);
    expect(some.summary.lead.join(' ')).toContain('This pack details 3 selected use cases of the 17');
    // Health findings of use cases left out are left out too; workshop-wide ones stay.
    const titles = new Set(some.health.findings.map((f) => f.useCase));
    for (const t of titles) expect(['Whole workshop', 'Claims triage', 'Underwriting document extraction', '東京 branch: claims intake in Japanese']).toContain(t);
    expect(titles.has('Whole workshop')).toBe(true);
  });

  it('reports the health check most severe first', () => {
    const sev = pack.health.findings.map((f) => f.severity);
    expect(sev).toEqual([...sev].sort((a, b) => ['high', 'medium', 'low'].indexOf(a) - ['high', 'medium', 'low'].indexOf(b)));
    expect(pack.health.counts.high).toBeGreaterThan(0);
  });
});

describe('longDate', () => {
  it('writes a day in words, the same on every machine', () => {
    expect(longDate('2027-03-29')).toBe('29 March 2027');
    expect(longDate('')).toBe('');
    expect(longDate('2027-02-30')).toBe('');
  });
});
