import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { FIXTURES, createWorkshop, launchApp, screenshot, waitSaved, type AppHandle } from './support/app';

let app: AppHandle;
beforeEach(async () => {
  app = await launchApp();
});
afterEach(async () => {
  expect(app.consoleErrors).toEqual([]);
  await app.close();
});

const PEOPLE: [string, string][] = [
  ['Dana Whitfield', 'Product owner'],
  ['Samuel Adeyemi', 'AI technical lead'],
  ['Grace Liu', 'Operations lead'],
  ['Robert Kane', 'Governance sponsor'],
];

async function addParticipants(page: Page) {
  await page.getByRole('link', { name: 'Participants' }).click();
  for (const [name, role] of PEOPLE) {
    await page.getByLabel('Name', { exact: true }).first().fill(name);
    await page.getByLabel('Role', { exact: true }).first().selectOption({ label: role });
    await page.getByRole('button', { name: 'Add participant' }).click();
    await page.getByRole('button', { name: `Remove ${name}` }).waitFor();
  }
}

async function chooseFile(page: Page, click: () => Promise<void>, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await click();
  await (await chooser).setFiles(path);
}

describe('scoring in the room', () => {
  it('four participants score masked; reveal shows every score, the spread and the disagreement flag; a second round is kept', async () => {
    const { page } = app;
    await createWorkshop(page, { name: 'Scoring day' });
    await page.getByLabel('New use case title').fill('Claims triage');
    await page.getByLabel('New use case title').press('Enter');
    await addParticipants(page);

    await page.getByRole('link', { name: 'Scoring' }).click();
    await page.getByRole('button', { name: 'Start round 1' }).click();
    // The facilitator types each person's scores; the cells never show the numbers.
    const first = page.getByTestId('mask-Dana Whitfield-impact');
    await first.click();
    for (const digit of ['5', '4', '3', '4', '4', '2', '5', '3', '4', '5', '4', '4']) await page.keyboard.press(digit);
    await page.getByText('4 of 4 participants have scored').waitFor();
    await waitSaved(page);
    const masked = await page.locator('.mask-table').innerText();
    expect(masked).not.toMatch(/[1-5]/);
    expect(await page.locator('.mask-cell').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(Array(12).fill('•'));
    await screenshot(page, 'scoring-masked');

    await page.getByRole('button', { name: 'Reveal all scores' }).click();
    await page.getByTestId('disagreement').waitFor();
    // The lowest score of a disputed criterion is marked ▼ (not by colour alone).
    expect(await page.getByTestId('score-Samuel Adeyemi-readiness').textContent()).toBe('2 ▼');
    expect(await page.getByTestId('median-impact').textContent()).toBe('5');
    expect(await page.getByTestId('mean-impact').textContent()).toBe('4.75');
    expect(await page.getByTestId('spread-readiness').textContent()).toBe('2 (2–4)');
    expect(await page.getByTestId('disagreement').textContent()).toMatch(/disagrees on organizational readiness/);
    expect(await page.getByTestId('consensus-readiness').textContent()).toBe('3.5');
    await page.getByLabel('Discussion in round 1').fill('Ops worries about supervisor buy-in; tech lead sees no owner yet.');
    await waitSaved(page);
    await screenshot(page, 'scoring-revealed');

    // Round 2: everyone agrees on readiness 3.
    await page.getByRole('button', { name: 'Start round 2' }).click();
    await page.getByTestId('mask-Dana Whitfield-impact').click();
    for (const digit of ['5', '4', '3', '5', '4', '3', '5', '3', '3', '5', '4', '3']) await page.keyboard.press(digit);
    await page.getByText('4 of 4 participants have scored').waitFor();
    await page.getByRole('button', { name: 'Reveal all scores' }).click();
    await page.getByText('No disagreement').waitFor();
    expect(await page.getByTestId('consensus-readiness').textContent()).toBe('3');
    expect(await page.locator('.consensus-source').first().textContent()).toBe('median of round 2');

    // Both rounds are kept, with round 1's discussion.
    await page.reload();
    await page.getByRole('button', { name: 'Round 1' }).click();
    await page.getByTestId('disagreement').waitFor();
    expect(await page.getByLabel('Discussion in round 1').inputValue()).toMatch(/supervisor buy-in/);

    // The facilitator overrides readiness with a reason; the ranking shows it.
    await page.getByRole('button', { name: 'Override…' }).nth(2).click();
    await page.getByRole('button', { name: 'Set consensus' }).click();
    await page.getByText('Say why the consensus differs').waitFor();
    await page.getByLabel('Reason (required)').fill('Sponsor commits a named owner');
    await page.getByLabel('Consensus organizational readiness').selectOption('4');
    await page.getByRole('button', { name: 'Set consensus' }).click();
    await expect.poll(() => page.getByTestId('consensus-readiness').textContent()).toBe('4');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('consensus-readiness').textContent()).toBe('3');
  });

  it('lets each person take the keyboard in turn without showing their numbers', async () => {
    const { page } = app;
    await createWorkshop(page, { name: 'Turns' });
    await page.getByLabel('New use case title').fill('Fraud signal scoring');
    await page.getByLabel('New use case title').press('Enter');
    await addParticipants(page);
    await page.getByRole('link', { name: 'Scoring' }).click();
    await page.getByRole('button', { name: 'Start round 1' }).click();
    await page.getByRole('button', { name: 'Pass the keyboard' }).click();
    for (let i = 0; i < PEOPLE.length; i++) {
      await page.getByText(`${PEOPLE[i]?.[0]}, your scores`).waitFor();
      await page.getByRole('button', { name: /^Business impact 4:/ }).click();
      await page.getByRole('button', { name: /^Feasibility 3:/ }).click();
      await page.getByRole('button', { name: /^Organizational readiness 2:/ }).click();
      await expect.poll(() => page.getByText('✓ entered').count()).toBe(3);
      if (i < PEOPLE.length - 1) await page.getByRole('button', { name: 'Done, next person →' }).click();
    }
    await page.getByText('4 of 4 participants have scored').waitFor();
    await page.getByRole('button', { name: 'Reveal all scores' }).click();
    await page.getByText('No disagreement').waitFor();
  });

  it('asks before revealing a round that not everyone has finished', async () => {
    const { page } = app;
    await createWorkshop(page, { name: 'Partial' });
    await page.getByLabel('New use case title').fill('A');
    await page.getByLabel('New use case title').press('Enter');
    await addParticipants(page);
    await page.getByRole('link', { name: 'Scoring' }).click();
    await page.getByRole('button', { name: 'Start round 1' }).click();
    await page.getByTestId('mask-Dana Whitfield-impact').click();
    await page.keyboard.press('9');
    await page.getByText('Type a score from 1 to 5').waitFor();
    await page.keyboard.press('4');
    await page.getByRole('button', { name: 'Reveal all scores' }).click();
    await page.getByText('4 participants have not scored every criterion. Reveal anyway?').waitFor();
    await page.getByRole('button', { name: 'Keep scoring' }).click();
    expect(await page.getByTestId('disagreement').count()).toBe(0);
  });

  it('runs a scoring round against its own timebox, and the countdown survives a reload', async () => {
    const { page } = app;
    await createWorkshop(page, { name: 'Timebox' });
    await page.getByLabel('New use case title').fill('A');
    await page.getByLabel('New use case title').press('Enter');
    await addParticipants(page);
    await page.getByRole('link', { name: 'Scoring' }).click();
    await page.getByRole('button', { name: 'Start round 1' }).click();
    await page.getByLabel('Timebox').selectOption('1');
    await page.getByRole('button', { name: 'Start timer' }).click();
    const timer = page.getByTestId('round-timer');
    await expect.poll(() => timer.textContent(), { timeout: 5000 }).toMatch(/^0:5\d$/);
    await page.reload();
    await expect.poll(() => page.getByTestId('round-timer').textContent(), { timeout: 5000 }).toMatch(/^0:5\d$/);
    await page.getByRole('button', { name: 'Stop timer' }).click();
    await page.getByRole('button', { name: 'Start timer' }).waitFor();
  });
});

describe('participant score CSV', () => {
  it('imports the insurer score sheet into masked rounds, creating the participants it names', async () => {
    const { page } = app;
    await createWorkshop(page, { name: 'Insurer scores' });
    await page.getByRole('button', { name: 'Import spreadsheet…' }).click();
    await chooseFile(page, () => page.getByRole('button', { name: 'Choose file…' }).click(), fileURLToPath(new URL('insurer-usecases.csv', FIXTURES)));
    await page.getByRole('button', { name: 'Import 16 use cases' }).click();
    await page.getByRole('link', { name: 'Participants' }).click();
    await page.getByRole('button', { name: 'Import scores from a spreadsheet…' }).click();
    await chooseFile(page, () => page.getByRole('button', { name: 'Choose file…' }).click(), fileURLToPath(new URL('insurer-participant-scores.csv', FIXTURES)));
    const dialog = page.getByRole('dialog', { name: 'Import participant scores' });
    await dialog.getByText('16 rows, 16 with valid scores').waitFor();
    await dialog.getByText('Add Samuel Adeyemi as AI technical lead').waitFor();
    await dialog.getByRole('button', { name: 'Import 16 rows' }).click();
    await page.getByRole('button', { name: 'Remove Robert Kane' }).waitFor();
    expect(await page.getByRole('button', { name: /^Remove / }).count()).toBe(4);

    await page.getByRole('link', { name: 'Scoring' }).click();
    await page.getByRole('button', { name: /Fraud signal scoring/ }).click();
    await page.getByText('4 of 4 participants have scored').waitFor();
    await page.getByRole('button', { name: 'Reveal all scores' }).click();
    expect(await page.getByTestId('spread-impact').textContent()).toBe('2 (3–5)');
    expect(await page.getByTestId('spread-feasibility').textContent()).toBe('2 (2–4)');
    await page.getByTestId('disagreement').waitFor();
  });

  it('reports bad rows, offers unknown names, imports the good rows, and changes nothing for a broken file', async () => {
    const { page } = app;
    await createWorkshop(page, { name: 'Bad scores' });
    await page.getByLabel('New use case title').fill('Claims triage');
    await page.getByLabel('New use case title').press('Enter');
    await page.getByRole('link', { name: 'Participants' }).click();
    const dir = mkdtempSync(join(tmpdir(), 'liftoff-scores-'));
    const csv = join(dir, 'scores.csv');
    writeFileSync(
      csv,
      [
        'Use case,Participant,Role,Impact,Feasibility,Readiness',
        'Claims triage,Dana,Product owner,5,4,3',
        'Claims triage,Sam,AI lead,6,4,3',
        'Claims triage,Grace,Ops,,4,3',
        'Unknown use case,Dana,Product owner,3,3,3',
        'Claims triage,Robert,Sponsor,abc,1,1',
      ].join('\n'),
    );
    await page.getByRole('button', { name: 'Import scores from a spreadsheet…' }).click();
    await chooseFile(page, () => page.getByRole('button', { name: 'Choose file…' }).click(), csv);
    const dialog = page.getByRole('dialog', { name: 'Import participant scores' });
    const problems = dialog.getByTestId('score-import-problems');
    await problems.waitFor();
    expect(await problems.innerText()).toMatch(/Row 3: impact 6 is outside 1–5/i);
    expect(await problems.innerText()).toMatch(/Row 4: impact is blank/i);
    expect(await problems.innerText()).toMatch(/Row 6: impact “abc” is not a number/i);
    // The unknown use case is offered; the person chooses to skip it, and its row is listed.
    await dialog.getByText('Create “Unknown use case”').click();
    await expect.poll(() => problems.innerText()).toMatch(/Row 5: skipped: use case “Unknown use case” is not created/);
    await screenshot(page, 'score-import-report');
    await dialog.getByRole('button', { name: 'Import 1 rows' }).click();
    await page.getByRole('button', { name: 'Remove Dana' }).waitFor();
    expect(await page.getByRole('button', { name: /^Remove / }).count()).toBe(1);

    // A file without the score columns: a clear message, nothing stored.
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'Name,Email\nDana,d@example.com\n');
    await page.getByRole('button', { name: 'Import scores from a spreadsheet…' }).click();
    await chooseFile(page, () => page.getByRole('button', { name: 'Choose file…' }).click(), bad);
    expect(await page.getByTestId('score-import-error').textContent()).toMatch(/Missing: Use case, Impact, Feasibility, Readiness/);
    await page.keyboard.press('Escape');
    expect(await page.getByRole('button', { name: /^Remove / }).count()).toBe(1);
  });
});

describe('ranking', () => {
  it('ranks the insurer portfolio by combined score with the stated tie-break, and re-ranks when the weights change', async () => {
    const { page } = app;
    await createWorkshop(page, { name: 'Ranking' });
    await page.getByRole('button', { name: 'Import spreadsheet…' }).click();
    await chooseFile(page, () => page.getByRole('button', { name: 'Choose file…' }).click(), fileURLToPath(new URL('insurer-usecases.csv', FIXTURES)));
    await page.getByRole('button', { name: 'Import 16 use cases' }).click();
    await page.getByRole('link', { name: 'Ranking' }).click();
    // Titles carry soft hyphens (shared/hyphenate.ts); the visible text is the title.
    const titles = async () => (await page.locator('[data-testid="rank-row"] .rank-title').allTextContents()).map((t) => t.replace(/\u00ad/g, ''));
    await expect.poll(async () => (await titles()).length).toBe(16);
    // Claims triage (5/4/3) and Underwriting document extraction (4/4/4) both combine to 4: impact decides.
    expect((await titles()).slice(0, 2)).toEqual(['Claims triage', 'Underwriting document extraction']);
    expect(await page.locator('[data-testid="rank-row"]').first().locator('.rank-num').textContent()).toBe('1 =');
    await screenshot(page, 'ranking');
    await page.getByLabel('Business impact').fill('0');
    await page.getByLabel('Organizational readiness').fill('0');
    await waitSaved(page);
    // Feasibility only: the two feasibility-5 use cases lead; equal impact, so readiness (5 vs 4) breaks the tie.
    await expect.poll(async () => (await titles()).slice(0, 2)).toEqual(['Broker email routing', 'Complaint summarization']);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await titles()).slice(0, 1)).toEqual(['Claims triage']);
  });
});

describe('presenter mode on the scoring screen', () => {
  it('shows the masked round and then the revealed spread large and clear at 1280×720, without facilitator controls', async () => {
    await app.close();
    app = await launchApp({ width: 1280, height: 720 });
    const { page } = app;
    await createWorkshop(page, { name: 'Projector scoring', client: 'Northwind Mutual' });
    await page.getByLabel('New use case title').fill('Fraud signal scoring');
    await page.getByLabel('New use case title').press('Enter');
    await addParticipants(page);
    await page.getByRole('link', { name: 'Scoring' }).click();
    await page.getByRole('button', { name: 'Start round 1' }).click();
    await page.getByTestId('mask-Dana Whitfield-impact').click();
    for (const digit of ['5', '3', '2', '4', '2', '2', '5', '4', '1', '3', '2', '2']) await page.keyboard.press(digit);
    await page.getByText('4 of 4 participants have scored').waitFor();
    await waitSaved(page);

    await page.getByRole('button', { name: 'Presenter' }).click();
    await page.getByText('4 of 4 participants have scored').waitFor();
    expect(await page.getByRole('button', { name: 'Reveal all scores' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Pass the keyboard' }).isVisible()).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(page, 'presenter-scoring-masked-1280x720');

    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Reveal all scores' }).click();
    await page.getByTestId('disagreement').waitFor();
    await page.getByRole('button', { name: 'Presenter' }).click();
    await page.getByTestId('disagreement').waitFor();
    expect(await page.getByRole('button', { name: /Start round 2/ }).isVisible()).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(page, 'presenter-scoring-revealed-1280x720');
  });
});
