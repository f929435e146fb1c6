// The pack says nothing untrue: read back with pdftotext, a realistic workshop's pack asks for
// decisions first, puts no stage-gate session on a weekend, shows a stopped use case as stopped
// (off the matrix and the plan), reports the breached guardrail and the failed gate criterion
// instead of "0 high", shows workshop-wide and accepted risks; an almost empty workshop gives a
// short pack that claims no ranking and no plan.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSponsorPack, type SponsorPack } from '../../../renderer/domain/sponsor-pack';
import { sealEntry } from '../../../renderer/domain/decision-log';
import { PdfEngine } from '../../../renderer/pdf/engine';
import { WORKSHOP_TABLES, type GateDecision, type WorkshopRows } from '../../../renderer/domain/model';
import { insurerWorkshop } from './insurer-fixture';
import { nodeFontSource } from './node-fonts';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readLogo } from '../../../renderer/domain/logo';
import { pdfPageSizes, pdfPages, tempPdf } from './pdf-tools';

const TODAY = '2026-12-10';
const GERMAN_TITLE = 'Automatisierte Eingangsklassifizierung von Maklerkorrespondenz und Weiterleitungsempfehlung für die Kraftfahrzeughaftpflichtschadenbearbeitung';
const T = '2026-11-23T09:00:00.000Z';

function realistic(): { pack: SponsorPack; rows: WorkshopRows } {
  const { workshop, rows } = insurerWorkshop();
  const owned = (id: string) => ({ id, workshopId: workshop.id, createdAt: T, updatedAt: T });
  const id = (title: string) => (rows.useCases.find((u) => u.title === title) as { id: string }).id;
  const append = (title: string, from: GateDecision['fromStage'], to: GateDecision['toStage'], decision: GateDecision['decision'], criteria: GateDecision['criteria'], rationale: string) => {
    const last = [...rows.gateDecisions].sort((a, b) => b.seq - a.seq)[0];
    const sealed = sealEntry(last, { useCaseTitle: title, fromStage: from, toStage: to, criteria, decision, rationale, decidedBy: 'Δημήτρης Παπαδόπουλος', nextActionsOwner: 'Dana Whitfield', date: '2026-12-08', createdAt: '2026-12-08T16:00:00.000Z' });
    rows.gateDecisions.push({ ...owned(`d-extra-${sealed.seq}`), updatedAt: sealed.createdAt, useCaseId: id(title), ...sealed });
  };
  // Fraud signal scoring (on the roadmap) is stopped; Claims triage's pilot review failed a criterion.
  append('Fraud signal scoring', 'readiness', 'stopped', 'stop', [], 'Watchlist data may not be used for automated scoring.');
  append('Claims triage', 'pilot', 'pilot', 'improve-pilot', [{ name: 'Model stability', result: 'fail', evidence: 'Accuracy fell in week 3' }], 'Retrain on winter claims first.');
  // A guardrail KPI of Claims triage got worse than its baseline.
  const k = rows.kpis.find((x) => x.useCaseId === id('Claims triage'));
  if (!k) throw new Error('The fixture has a KPI for Claims triage');
  Object.assign(k, { role: 'guardrail', direction: 'lower-is-better', baseline: 10, target: 8, greenAt: 9, redAt: 12 });
  rows.measurements.push({ ...owned('m-breach'), kpiId: k.id, date: '2026-12-09', value: 11, note: '' });
  // A long German title, as a client's spreadsheet has them: it must wrap in every table, never be cut.
  const renamed = rows.useCases.find((u) => u.title === 'Broker email routing');
  if (!renamed) throw new Error('The fixture has Broker email routing');
  renamed.title = GERMAN_TITLE;
  // An accepted workshop-wide risk.
  rows.risks.push({ ...owned('risk-accepted'), useCaseId: null, title: 'Vendor model hosted outside the EU', category: 'vendor', likelihood: 2, impact: 4, owner: 'Lena Müller', mitigation: 'Accepted by the board for the pilot only.', status: 'accepted', dueDate: '' });
  return { pack: buildSponsorPack(workshop, rows, { today: TODAY }), rows };
}

describe('the pack of a realistic workshop', () => {
  let pack: SponsorPack;
  let pages: string[];
  let all: string;

  beforeAll(async () => {
    pack = realistic().pack;
    const result = await new PdfEngine(nodeFontSource).render(pack);
    const file = tempPdf(result.bytes, 'honest.pdf');
    if (process.env.PACK_PDF_DIR) writeFileSync(join(process.env.PACK_PDF_DIR, 'realistic.pdf'), result.bytes);
    pages = pdfPages(file);
    // Table cells wrap: words are compared with single spaces.
    all = pages.join('\n').replace(/\s+/g, ' ');
  }, 120_000);

  it('asks for decisions on the page right after the cover, with the approver', () => {
    const page = pages[1] ?? '';
    expect(page).toContain('Decisions requested');
    expect(page).toMatch(/\d decisions are asked of you/);
    expect(page).toContain('Improve the');
    expect(page).toContain('Approved by Δημήτρης Παπαδόπουλος, governance sponsor');
    expect(pages[2]).toContain('Status at a glance');
  });

  it('shows the status of every use case at a glance right after the decisions, long titles wrapped in full', () => {
    const glance = pages.filter((p) => p.includes('Status at a glance') && p.includes('Top open risk'));
    expect(glance.length).toBeGreaterThan(0);
    expect(pages.indexOf(glance[0] as string)).toBe(2);
    const text = glance.join(' ').replace(/\s+/g, ' ');
    const squeezed = text.replace(/\s+/g, '');
    expect(pack.status.rows.length).toBe(pack.portfolio.rows.filter((r) => r.selected).length);
    for (const r of pack.status.rows) {
      expect(squeezed).toContain(r.title.replace(/\s+/g, ''));
      expect(squeezed).toContain(r.nextGateLabel.replace(/[\s,]+/g, ''));
    }
    expect(squeezed).toContain(GERMAN_TITLE.replace(/\s+/g, ''));
    expect(text).toMatch(/Of \d+ use cases, \d+ ha(s|ve) a KPI in the red/);
    // Claims triage: a red guardrail; a stopped use case says so; no-KPI use cases say so.
    const triage = pack.status.rows.find((r) => r.title === 'Claims triage');
    expect(triage?.kpiStatus).toMatch(/red|amber/);
    expect(text).toContain(triage?.kpiStatus as string);
    const fraud = pack.status.rows.find((r) => r.title === 'Fraud signal scoring');
    expect(fraud).toMatchObject({ kpiStatus: 'Stopped', nextGate: 'Stopped' });
    expect(text).toContain('No KPIs yet');
    expect(text).toMatch(/Not planned/);
    expect(text).toMatch(/\d+ \w{3} 20\d\d/);
  });

  it('draws the KPI trends with their progress from baseline to target in words, the unit said once', () => {
    const trends = pages.filter((p) => p.includes('KPI trends'));
    expect(trends.length).toBeGreaterThan(0);
    const text = trends.join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('Of 2 measured KPIs, 1 is in the red (Fallback rate) and 1 is amber (Routing accuracy).');
    // Fallback rate: baseline 100, latest 55, target 25 (%): (55 − 100) / (25 − 100) = 60%.
    expect(text).toContain('baseline 100 → latest 55 → target 25%, 60% of the way');
    // The guardrail got worse than its baseline: said so, not as progress.
    expect(text).toContain('baseline 10 → latest 11 → target 8%, worse than the baseline (-50% of the way)');
    const triage = pack.useCases.find((u) => u.title === 'Claims triage');
    expect(triage?.kpis.every((k) => k.trend !== null)).toBe(true);
    expect(pack.useCases.find((u) => u.title === 'Complaint summarization')?.kpis[0]?.trend).toBeNull();
  });

  it('never puts a stage-gate session on a Saturday or a Sunday', () => {
    const sessions = pages.filter((p) => p.includes('Gates decided'));
    expect(sessions.length).toBeGreaterThan(0);
    const text = sessions.join('\n');
    expect(text).toMatch(/Thursday \d+ \w+ \d{4}/);
    expect(text).not.toMatch(/Saturday|Sunday/);
    for (const s of pack.roadmap.sessions) expect(s.dateLabel.startsWith('Thursday')).toBe(true);
  });

  it('shows the stopped use case as stopped, with its reason, and not on the matrix or the plan', () => {
    expect(pack.portfolio.points.some((p) => p.title === 'Fraud signal scoring')).toBe(false);
    expect(pack.roadmap.gantt?.rows.some((r) => r.label === 'Fraud signal scoring')).toBe(false);
    const gantt = pages.filter((p) => p.includes('Gate (decision milestone)')).join('\n');
    expect(gantt).not.toContain('Fraud signal scoring');
    expect(all).toContain('Stopped (off the matrix)');
    expect(all).toContain('Watchlist data may not be used for automated scoring');
    expect(all).toMatch(/Stopped on 8 December 2026/);
  });

  it('reports the breached guardrail and the failed gate criterion as high findings, not "0 high"', () => {
    expect(pack.health.counts.high).toBeGreaterThanOrEqual(2);
    expect(all).toContain('Guardrail KPI breached');
    expect(all).toContain('Gate criterion failed');
    expect(all).not.toMatch(/finds 0 high/);
  });

  it('shows workshop-wide and accepted risks with their owners and mitigations', () => {
    expect(all).toContain('Risks across the portfolio');
    expect(all).toContain('Handlers do not trust automated suggestions');
    expect(all).toContain('Whole workshop');
    expect(all).toContain('Accepted risks');
    expect(all).toContain('Vendor model hosted outside the EU');
    expect(all).toContain('Accepted by the board for the pilot only.');
  });

  it('marks today on the Gantt chart and prints every use-case title on it in full', () => {
    expect(pack.roadmap.startDate <= TODAY && TODAY <= pack.roadmap.endDate).toBe(true);
    const gantt = pages.filter((p) => p.includes('Gate (decision milestone)'));
    expect(gantt.length).toBeGreaterThan(0);
    for (const page of gantt) expect(page).toMatch(/^\s*Today\b/m);
    expect(all).toContain('the red dashed line is today (10 December 2026)');
    // A compound longer than the label column breaks inside the word: compared without white space.
    const ganttText = gantt.join(' ').replace(/\s+/g, '');
    const titles = (pack.roadmap.gantt?.rows ?? []).filter((r) => r.kind === 'use-case').map((r) => r.label);
    expect(titles.length).toBeGreaterThan(0);
    expect(titles).toContain(GERMAN_TITLE);
    for (const title of titles) expect(ganttText).toContain(title.replace(/\s+/g, ''));
    expect(gantt.join(' ')).not.toContain('…');
  });

  it('titles the roadmap page by its real span', () => {
    expect(pack.roadmap.days).toBeGreaterThan(120);
    expect(all).toContain(`The ${pack.roadmap.days}-day roadmap`);
    expect(all).not.toContain('The 120-day roadmap');
  });
});

describe('the pack of an almost empty workshop', () => {
  let pages: string[];
  let all: string;

  beforeAll(async () => {
    const { workshop } = insurerWorkshop();
    const rows = Object.fromEntries(WORKSHOP_TABLES.map((t) => [t, []])) as unknown as WorkshopRows;
    const owned = (id: string) => ({ id, workshopId: workshop.id, createdAt: T, updatedAt: T });
    for (const [i, title] of ['Claims triage', 'Invoice matching'].entries()) {
      rows.useCases.push({
        ...owned(`uc-${i}`),
        order: i + 1,
        title,
        problem: '',
        businessOwner: '',
        department: '',
        dataSources: '',
        expectedValue: '',
        kind: 'other',
        notes: '',
        initialScores: { impact: null, feasibility: null, readiness: null },
        consensusOverrides: { impact: null, feasibility: null, readiness: null },
        stage: 'readiness',
      });
    }
    const pack = buildSponsorPack(workshop, rows, { today: TODAY });
    const result = await new PdfEngine(nodeFontSource).render(pack);
    pages = pdfPages(tempPdf(result.bytes, 'empty.pdf'));
    all = pages.join('\n').replace(/\s+/g, ' ');
  }, 120_000);

  it('is short', () => {
    expect(pages.length).toBeLessThanOrEqual(10);
  });

  it('makes no claim about scores, a ranking or a plan', () => {
    expect(all).not.toContain('ranked by a weighted score');
    expect(all).not.toMatch(/The plan runs|day roadmap:|Highest ranked/);
    expect(all).toContain('None has been scored yet, so there is no ranking or matrix to read.');
    expect(all).toContain('No use case has been placed on the roadmap yet');
    expect(all).toContain('No use case is scored enough to place on the matrix yet.');
    expect(all).toContain('No use case is at a decision point yet');
  });
});

describe('the cover and the document settings', () => {
  let path: string;
  let pages: string[];

  beforeAll(async () => {
    const { workshop, rows } = insurerWorkshop();
    workshop.sponsorPack = { consultancy: 'Müller & Partner', version: '1.2 draft', confidential: true, paper: 'letter', asks: {} };
    const logo = readLogo(new Uint8Array(readFileSync(fileURLToPath(new URL('../../fixtures/logo/mueller-partner.png', import.meta.url)))), 'mueller-partner.png');
    if (!logo.ok) throw new Error(logo.message);
    workshop.logo = logo.logo;
    const pack = buildSponsorPack(workshop, rows, { today: TODAY, sections: ['decisions', 'summary', 'health'] });
    const result = await new PdfEngine(nodeFontSource).render(pack);
    path = tempPdf(result.bytes, 'settings.pdf');
    if (process.env.PACK_PDF_DIR) writeFileSync(join(process.env.PACK_PDF_DIR, 'settings.pdf'), result.bytes);
    pages = pdfPages(path);
  }, 120_000);

  it('prints the document date, version, consultancy and the Confidential mark', () => {
    const cover = (pages[0] ?? '').replace(/\s+/g, ' ');
    expect(cover).toContain('SPONSOR PACK · CONFIDENTIAL');
    expect(cover).toContain('Zoë Müller, Müller & Partner');
    expect(cover).toContain('DOCUMENT DATE 10 December 2026');
    expect(cover).toContain('VERSION 1.2 draft');
    for (const p of pages.slice(1)) {
      expect(p).toContain('CONFIDENTIAL · Müller & Partner · Sponsor pack');
      expect(p).toMatch(/Claims AI day · version 1\.2 draft · 10 December 2026 · page \d+ of \d+/);
    }
  });

  it('draws the consultancy logo on the cover, and only there', () => {
    const list = execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(list).toHaveLength(1);
    // page num type width height: the logo's own 667 × 167 pixels, on page 1.
    expect(list[0]).toMatch(/^\s*1\s+0\s+image\s+667\s+167\b/);
  });

  it('is on US Letter paper when asked', () => {
    for (const s of pdfPageSizes(path, pages.length)) expect([s.width, s.height]).toEqual([612, 792]);
  });

  it('has a bookmark for every chapter', () => {
    const raw = readFileSync(path, 'latin1');
    expect(raw).toContain('/Outlines');
    for (const title of ['Decisions requested', 'Executive summary', 'Roadmap health check']) {
      expect(raw).toContain(`/Title (${title})`);
    }
  });
});
