// The 120-day roadmap in a real Chromium: use cases put on a vis-timeline from the template, a
// phase dragged and resized with the mouse (the later phases follow), undone, the portfolio
// restaggered after a preview, and everything still there after a reload. Plus keyboard editing,
// the gate rule, and a portfolio with governance events, looked at in a screenshot.
import { afterEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dismissToasts, launchApp, openTab, pause, screenshot, waitSaved, type AppHandle } from './support/app';

let app: AppHandle | null = null;
afterEach(async () => {
  if (!app) return;
  const errors = [...app.consoleErrors];
  await app.close();
  app = null;
  expect(errors).toEqual([]);
});

const TITLES = ['Claims triage', 'Fraud alerts', 'Broker email assistant'];

/** A workshop whose roadmap start date is left empty, with the three use cases captured. */
async function workshopWithUseCases(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'New workshop' }).click();
  const dialog = page.getByRole('dialog', { name: 'New workshop' });
  await dialog.getByLabel('Workshop name').fill('Claims AI day');
  await dialog.getByLabel('Roadmap starts (day 1)').fill('');
  await dialog.getByRole('button', { name: 'Create workshop' }).click();
  await page.getByRole('heading', { name: /Use cases/ }).waitFor();
  const input = page.getByLabel('New use case title');
  for (const t of TITLES) {
    await input.fill(t);
    await input.press('Enter');
  }
  await expect.poll(() => page.getByTestId('uc-row').count()).toBe(3);
  await waitSaved(page);
}

const items = (page: Page) => page.locator('.rm-timeline .vis-item-content');

/** The phase bars on one use case's row of the timeline, left to right, as their day ranges. */
async function rowBars(page: Page, title: string): Promise<string[]> {
  const label = page.locator('.rm-timeline .vis-label', { hasText: title });
  const box = await label.boundingBox();
  if (!box) throw new Error(`no row for ${title}`);
  const bars = page.locator('.rm-timeline .vis-item.rm-phase');
  const out: { x: number; text: string }[] = [];
  for (let i = 0; i < (await bars.count()); i++) {
    const b = await bars.nth(i).boundingBox();
    if (!b) continue;
    const mid = b.y + b.height / 2;
    if (mid > box.y && mid < box.y + box.height) out.push({ x: b.x, text: await bars.nth(i).locator('.rm-bar-days').innerText() });
  }
  return out.sort((a, b) => a.x - b.x).map((o) => o.text);
}

/** One phase bar on a use case's row, found by its days. */
async function bar(page: Page, title: string, days: string): Promise<Locator> {
  const label = page.locator('.rm-timeline .vis-label', { hasText: title });
  const box = await label.boundingBox();
  if (!box) throw new Error(`no row for ${title}`);
  const bars = page.locator('.rm-timeline .vis-item.rm-phase', { hasText: days });
  for (let i = 0; i < (await bars.count()); i++) {
    const b = await bars.nth(i).boundingBox();
    if (b && b.y + b.height / 2 > box.y && b.y + b.height / 2 < box.y + box.height) return bars.nth(i);
  }
  throw new Error(`no bar ${days} on ${title}`);
}

/** Pixels per plan day, from a bar of known length. */
async function dayWidth(locator: Locator, days: number): Promise<number> {
  const b = await locator.boundingBox();
  if (!b) throw new Error('bar not shown');
  return b.width / days;
}

/**
 * A hand drag: press, move in small steps, release. vis-timeline starts a drag once the pointer
 * has gone more than 5 px and measures from there, so the first 6 px are the hand's run-up.
 */
async function drag(page: Page, from: { x: number; y: number }, dx: number): Promise<void> {
  const runUp = Math.sign(dx) * 6;
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + runUp, from.y, { steps: 6 });
  await page.mouse.move(from.x + runUp + dx, from.y, { steps: 12 });
  await page.mouse.up();
  await pause(100);
}

describe('the 120-day roadmap', () => {
  it('plans three use cases, follows a drag and a resize, undoes them, restaggers after a preview and keeps it all after a reload', async () => {
    app = await launchApp({ width: 1440, height: 900 });
    const { page } = app;
    await workshopWithUseCases(page);
    await openTab(page, 'Roadmap');

    // No start date yet: the roadmap asks for one, right there.
    await page.getByText('The roadmap counts its days from a start date').waitFor();
    await screenshot(page, 'roadmap-start-date');
    await page.getByLabel('Roadmap start date (day 1)').fill('2026-11-30');
    await page.getByRole('button', { name: 'Set start date' }).click();
    await page.getByRole('heading', { name: /120-day roadmap/ }).waitFor();
    await expect.poll(() => page.getByLabel('Day 1').inputValue()).toBe('2026-11-30');

    // One from its own button, then the rest in rank order.
    await page.getByRole('button', { name: 'Add Claims triage to the roadmap' }).click();
    await expect.poll(() => items(page).count()).toBe(10);
    await page.getByRole('button', { name: 'Add all 2 in rank order' }).click();
    await expect.poll(() => items(page).count()).toBe(30);
    await waitSaved(page);
    // Two pilots at once (the default): the third use case's pilot waits for the first two.
    expect(await rowBars(page, 'Claims triage')).toEqual(['Day 1–20', 'Day 21–50', 'Day 51–70', 'Day 71–100', 'Day 101–120']);
    expect(await rowBars(page, 'Fraud alerts')).toEqual(['Day 1–20', 'Day 21–50', 'Day 51–70', 'Day 71–100', 'Day 101–120']);
    expect(await rowBars(page, 'Broker email assistant')).toEqual(['Day 31–50', 'Day 51–80', 'Day 81–100', 'Day 101–130', 'Day 131–150']);
    await expect.poll(() => page.getByTestId('roadmap-summary').innerText()).toMatch(/3 use cases · the plan ends on day 150, 28 Apr 2027/);

    // Drag Claims triage's pilot 7 days later: the later phases move with it.
    const pilot = await bar(page, 'Claims triage', 'Day 21–50');
    const px = await dayWidth(pilot, 30);
    const pb = (await pilot.boundingBox()) as { x: number; y: number; width: number; height: number };
    await drag(page, { x: pb.x + pb.width / 2, y: pb.y + pb.height / 2 }, 7 * px);
    await expect.poll(() => rowBars(page, 'Claims triage')).toEqual(['Day 1–20', 'Day 28–57', 'Day 58–77', 'Day 78–107', 'Day 108–127']);
    await expect.poll(() => page.getByTestId('roadmap-message').innerText()).toBe('3 later phases moved 7 days later.');
    await waitSaved(page);

    // Resize the gate-and-hardening-plan phase by its right end, 5 days longer.
    const planning = await bar(page, 'Claims triage', 'Day 58–77');
    await planning.click();
    const right = planning.locator('.vis-drag-right');
    const rb = (await right.boundingBox()) as { x: number; y: number; width: number; height: number };
    await drag(page, { x: rb.x + rb.width / 2, y: rb.y + rb.height / 2 }, 5 * px);
    await expect.poll(() => rowBars(page, 'Claims triage')).toEqual(['Day 1–20', 'Day 28–57', 'Day 58–82', 'Day 83–112', 'Day 113–132']);
    await waitSaved(page);
    // The other rows did not move.
    expect(await rowBars(page, 'Fraud alerts')).toEqual(['Day 1–20', 'Day 21–50', 'Day 51–70', 'Day 71–100', 'Day 101–120']);

    // Undo the resize with Ctrl+Z, the drag with the Undo button.
    await page.locator('body').press('Control+z');
    await expect.poll(() => rowBars(page, 'Claims triage')).toEqual(['Day 1–20', 'Day 28–57', 'Day 58–77', 'Day 78–107', 'Day 108–127']);
    await page.getByRole('button', { name: '↶ Undo' }).click();
    await expect.poll(() => rowBars(page, 'Claims triage')).toEqual(['Day 1–20', 'Day 21–50', 'Day 51–70', 'Day 71–100', 'Day 101–120']);
    await waitSaved(page);

    // One pilot at once: the preview says who moves and where the plan ends, before anything changes.
    await page.getByLabel('Pilots at once').selectOption('1');
    const preview = page.getByTestId('sequencing-preview');
    await preview.waitFor();
    expect(await preview.getByTestId('sequencing-entry').allInnerTexts()).toEqual([
      'Claims triage does not move · pilot from day 21',
      'Fraud alerts starts 30 days later · pilot from day 51 (was 21)',
      'Broker email assistant starts 30 days later · pilot from day 81 (was 51)',
    ]);
    await expect.poll(() => preview.getByTestId('sequencing-end').innerText()).toMatch(/end on day 180, 28 May 2027, instead of day 150 \(30 days later\)/);
    expect(await rowBars(page, 'Fraud alerts')).toEqual(['Day 1–20', 'Day 21–50', 'Day 51–70', 'Day 71–100', 'Day 101–120']);
    await preview.getByRole('button', { name: 'Apply: move 2 use cases' }).click();
    await expect.poll(() => rowBars(page, 'Fraud alerts')).toEqual(['Day 31–50', 'Day 51–80', 'Day 81–100', 'Day 101–130', 'Day 131–150']);
    expect(await rowBars(page, 'Broker email assistant')).toEqual(['Day 61–80', 'Day 81–110', 'Day 111–130', 'Day 131–160', 'Day 161–180']);
    await waitSaved(page);

    // Turn pushing off, then reload: everything is as it was left.
    await page.getByLabel('Push later phases').uncheck();
    await waitSaved(page);
    await page.reload();
    await page.getByRole('heading', { name: /120-day roadmap/ }).waitFor();
    await expect.poll(() => items(page).count()).toBe(30);
    expect(await rowBars(page, 'Claims triage')).toEqual(['Day 1–20', 'Day 21–50', 'Day 51–70', 'Day 71–100', 'Day 101–120']);
    expect(await rowBars(page, 'Broker email assistant')).toEqual(['Day 61–80', 'Day 81–110', 'Day 111–130', 'Day 131–160', 'Day 161–180']);
    expect(await page.getByLabel('Pilots at once').inputValue()).toBe('1');
    expect(await page.getByLabel('Push later phases').isChecked()).toBe(false);
    await screenshot(page, 'roadmap-three-use-cases');
  });

  it('edits with the keyboard, keeps a gate after its phase, removes undoably and shows titles as plain text', async () => {
    app = await launchApp({ width: 1440, height: 900 });
    const { page } = app;
    const title = '<img src=x onerror=alert(1)> Payments <b>triage</b>';
    await page.getByRole('button', { name: 'New workshop' }).click();
    const dialog = page.getByRole('dialog', { name: 'New workshop' });
    await dialog.getByLabel('Workshop name').fill('Keyboard plan');
    await dialog.getByLabel('Roadmap starts (day 1)').fill('2027-01-04');
    await dialog.getByRole('button', { name: 'Create workshop' }).click();
    const input = page.getByLabel('New use case title');
    await input.fill(title);
    await input.press('Enter');
    await waitSaved(page);
    await openTab(page, 'Roadmap');
    await page.getByRole('button', { name: `Add ${title} to the roadmap` }).click();
    await expect.poll(() => items(page).count()).toBe(10);

    // The title is text on the timeline, never markup.
    expect(await page.locator('.rm-timeline .rm-group-title').innerText()).toBe(title);
    expect(await page.locator('.rm-timeline img, .rm-timeline b').count()).toBe(0);

    // Select the pilot in the list and move its end with the keyboard: three quick steps, one undo.
    await page.getByTestId('roadmap-use-case').getByText('Phases and gates').click();
    await page.getByRole('button', { name: /^Pilot Day 21–50$/ }).click();
    const editor = page.getByTestId('roadmap-editor');
    await editor.getByRole('heading', { name: 'Pilot' }).waitFor();
    const later = editor.getByRole('button', { name: 'Move the end one day later' });
    await later.focus();
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Enter');
      await expect.poll(() => editor.getByLabel('Ends on day').inputValue()).toBe(String(51 + i));
    }
    await expect.poll(() => rowBars(page, 'Payments')).toEqual(['Day 1–20', 'Day 21–53', 'Day 54–73', 'Day 74–103', 'Day 104–123']);
    await waitSaved(page);
    await page.getByRole('button', { name: '↶ Undo' }).click();
    await expect.poll(() => rowBars(page, 'Payments')).toEqual(['Day 1–20', 'Day 21–50', 'Day 51–70', 'Day 71–100', 'Day 101–120']);

    // Type a day: the pilot ends on day 60 and the rest follows.
    await editor.getByLabel('Ends on day').fill('60');
    await editor.getByLabel('Ends on day').press('Enter');
    await expect.poll(() => rowBars(page, 'Payments')).toEqual(['Day 1–20', 'Day 21–60', 'Day 61–80', 'Day 81–110', 'Day 111–130']);
    await expect.poll(() => editor.getByText('Thu 4 Mar 2027').count()).toBe(1);
    await waitSaved(page);

    // A gate cannot come before the end of its phase: dragged there, it snaps back with a message.
    await page.getByRole('button', { name: /^◆ Pilot results review Day 60$/ }).click();
    await editor.getByRole('heading', { name: 'Pilot results review' }).waitFor();
    // The list is long: bring the timeline back into view, as a person would scroll up to it.
    await page.locator('.rm-timeline').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const gate = page.locator('.rm-timeline .vis-item.rm-gate.vis-selected .vis-dot');
    const g = (await gate.boundingBox()) as { x: number; y: number; width: number; height: number };
    const px = await dayWidth(await bar(page, 'Payments', 'Day 21–60'), 40);
    await drag(page, { x: g.x + g.width / 2, y: g.y + g.height / 2 }, -8 * px);
    await expect.poll(() => page.getByTestId('roadmap-message').innerText()).toBe(
      '"Pilot results review" cannot come before the end of its phase (day 60). It stays on day 60.',
    );
    await expect.poll(async () => Math.round((((await gate.boundingBox())?.x ?? 0) - g.x) / px)).toBe(0);
    // Moved later, it goes, and pushes the phases after it.
    await drag(page, { x: g.x + g.width / 2, y: g.y + g.height / 2 }, 4 * px);
    await expect.poll(() => rowBars(page, 'Payments')).toEqual(['Day 1–20', 'Day 21–60', 'Day 65–84', 'Day 85–114', 'Day 115–134']);
    await expect.poll(() => page.getByTestId('roadmap-message').innerText()).toBe('3 later phases moved 4 days later.');
    await waitSaved(page);
    // Typed before the phase end, it is refused the same way.
    await expect.poll(() => editor.getByLabel('Gate on day').inputValue()).toBe('64');
    await editor.getByLabel('Gate on day').fill('55');
    await editor.getByLabel('Gate on day').press('Enter');
    await expect.poll(() => page.getByTestId('roadmap-message').innerText()).toBe(
      '"Pilot results review" cannot come before the end of its phase (day 60). It stays on day 64.',
    );
    expect(await editor.getByLabel('Gate on day').inputValue()).toBe('64');
    await dismissToasts(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'roadmap-editing');

    // Off the roadmap, and back with Ctrl+Z.
    await page.getByRole('button', { name: `Remove ${title} from the roadmap` }).click();
    await expect.poll(() => items(page).count()).toBe(0);
    await page.locator('body').press('Control+z');
    await expect.poll(() => items(page).count()).toBe(10);
    expect(await rowBars(page, 'Payments')).toEqual(['Day 1–20', 'Day 21–60', 'Day 65–84', 'Day 85–114', 'Day 115–134']);

    // A new day 1: the plan keeps its days and moves on the calendar.
    await expect.poll(() => page.getByTestId('roadmap-summary').innerText()).toMatch(/ends on day 134, 17 May 2027/);
    await page.getByLabel('Day 1').fill('2027-02-01');
    await page.getByLabel('Day 1').press('Enter');
    await expect.poll(() => page.getByTestId('roadmap-summary').innerText()).toMatch(/ends on day 134, 14 Jun 2027/);
    expect(await rowBars(page, 'Payments')).toEqual(['Day 1–20', 'Day 21–60', 'Day 65–84', 'Day 85–114', 'Day 115–134']);
  });

  it('shows a portfolio with a readiness sprint and the governance meetings', async () => {
    app = await launchApp({ width: 1440, height: 900 });
    const { page } = app;
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open workshop file…' }).click();
    await (await chooser).setFiles(portfolioFile());
    await page.getByRole('heading', { name: /Use cases/ }).waitFor();
    await dismissToasts(page);

    // The standard governance meetings, from the Ownership tab.
    await openTab(page, 'Ownership');
    await page.getByRole('button', { name: 'Add the standard meetings' }).click();
    await page.getByRole('button', { name: 'Add missing standard meetings' }).waitFor();
    await openTab(page, 'Roadmap');
    await page.getByRole('heading', { name: /120-day roadmap/ }).waitFor();
    expect(await page.getByText('No governance meetings yet').count()).toBe(0);
    await page.getByRole('button', { name: 'Add all 5 in rank order' }).click();
    await expect.poll(() => page.locator('.rm-timeline .vis-item.rm-phase').count()).toBe(26);
    await waitSaved(page);

    // Fraud signal scoring failed its readiness check: a 15-day sprint comes first.
    const fraud = page.getByTestId('roadmap-use-case').filter({ hasText: 'Fraud signal scoring' });
    expect(await fraud.innerText()).toMatch(/Readiness sprint first \(15 days\)/);
    expect((await rowBars(page, 'Fraud signal scoring'))[0]).toMatch(/^Day \d+–\d+$/);
    expect(await page.locator('.rm-timeline .vis-item.rm-phase-readiness-sprint').count()).toBe(1);
    // The governance rows: weekly reviews, monthly KPI governance, stage-gate sessions on gate days.
    for (const row of ['Weekly execution review', 'Monthly KPI governance', 'Stage-gate session']) {
      await page.locator('.rm-timeline .vis-label', { hasText: row }).waitFor();
    }
    expect(await page.locator('.rm-timeline .vis-item.rm-event-weekly-execution-review').count()).toBeGreaterThan(15);
    expect(await page.locator('.rm-timeline .vis-item.rm-event-stage-gate-session').count()).toBeGreaterThan(5);
    await page.getByRole('button', { name: 'Fit to plan' }).click();
    await dismissToasts(page);
    await page.mouse.move(0, 0);
    await screenshot(page, 'roadmap-portfolio');

    // The preview of two pilots at once (the default is two): nothing moves yet.
    await page.getByLabel('Pilots at once').selectOption('3');
    await page.getByTestId('sequencing-preview').waitFor();
    await screenshot(page, 'roadmap-sequencing-preview');
    await page.getByTestId('sequencing-preview').getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByLabel('Pilots at once').inputValue()).toBe('2');
  });
});

/**
 * The sample workshop file with five use cases, all scored so they rank, and a readiness
 * diagnostic that sends Fraud signal scoring to a readiness sprint. Day 1 is three weeks ago, so
 * the today marker sits inside the plan.
 */
function portfolioFile(): string {
  const sample = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/workshop-files/v1-sample.liftoff.json', import.meta.url)), 'utf8'));
  const T = '2025-03-11T10:00:00.000Z';
  const wsId: string = sample.workshop.id;
  const base = (id: string) => ({ id, workshopId: wsId, createdAt: T, updatedAt: T });
  const tables = sample.tables;
  const start = new Date();
  start.setDate(start.getDate() - 21);
  const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  sample.workshop.roadmapStartDate = iso(start);
  const template = tables.useCases[0];
  const more = [
    { title: 'Customer email replies (Zoë’s team)', scores: { impact: 4, feasibility: 3, readiness: 3 } },
    { title: 'Renewal pricing assistant — Łódź office', scores: { impact: 3, feasibility: 3, readiness: 2 } },
  ];
  more.forEach((m, i) => tables.useCases.push({ ...template, id: `uc-more-${i}`, order: 4 + i, title: m.title, initialScores: m.scores }));
  // KPIs are not what this test is about, and their format moves with their own feature.
  tables.kpis = [];
  tables.measurements = [];
  const fraud = tables.useCases.find((u: { title: string }) => u.title === 'Fraud signal scoring');
  const dim = (score: number) => ({ score, evidence: 'From the diagnostic' });
  tables.readiness = [
    {
      ...base('readiness-fraud'),
      useCaseId: fraud.id,
      dimensions: { dataQuality: dim(2), processClarity: dim(3), systemAccess: dim(3), stakeholderOwnership: dim(4), complianceConstraints: dim(2) },
    },
  ];
  const dir = mkdtempSync(join(tmpdir(), 'liftoff-roadmap-'));
  const path = join(dir, 'portfolio.liftoff.json');
  writeFileSync(path, JSON.stringify(sample, null, 2));
  return path;
}
