// One use case's stage record in a real Chromium: the readiness diagnostic and its verdict, the
// pilot design (and its lock once the pilot has started), the controls checklists; everything
// still there after a reload. The pipeline board is not used: the record is opened by its URL.
import { afterEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { createWorkshop, dismissToasts, launchApp, screenshot, waitSaved, type AppHandle } from './support/app';

let app: AppHandle | null = null;
afterEach(async () => {
  if (!app) return;
  const errors = [...app.consoleErrors];
  await app.close();
  app = null;
  expect(errors).toEqual([]);
});

/** Creates a workshop with one use case and returns both ids (the workshop's from the URL, the use case's from IndexedDB). */
async function workshopWithUseCase(page: Page, title: string): Promise<{ workshopId: string; useCaseId: string }> {
  await createWorkshop(page, { name: 'Claims AI day', client: 'Northwind Mutual', facilitator: 'Zoë Müller' });
  const input = page.getByLabel('New use case title');
  await input.fill(title);
  await input.press('Enter');
  await expect.poll(() => page.getByTestId('uc-row').count()).toBe(1);
  await waitSaved(page);
  const workshopId = /#\/w\/([^/]+)/.exec(page.url())?.[1];
  if (!workshopId) throw new Error(`no workshop id in ${page.url()}`);
  const useCaseId = await page.evaluate(
    async ({ ws, t }) => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('liftoff');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const rows = await new Promise<{ id: string; workshopId: string; title: string }[]>((res, rej) => {
        const r = db.transaction('useCases').objectStore('useCases').getAll();
        r.onsuccess = () => res(r.result as { id: string; workshopId: string; title: string }[]);
        r.onerror = () => rej(r.error);
      });
      db.close();
      return rows.find((u) => u.workshopId === ws && u.title === t)?.id ?? null;
    },
    { ws: decodeURIComponent(workshopId), t: title },
  );
  if (!useCaseId) throw new Error('the use case is not in IndexedDB');
  return { workshopId, useCaseId };
}

async function openRecord(page: Page, workshopId: string, useCaseId: string, section: string) {
  await page.evaluate((hash) => (window.location.hash = hash), `#/w/${workshopId}/pipeline/${encodeURIComponent(useCaseId)}/${section}`);
  await page.getByRole('navigation', { name: 'Stage record sections' }).waitFor();
}

const verdict = (page: Page) => page.getByTestId('readiness-verdict');
const group = (page: Page, dimension: string) => page.getByRole('radiogroup', { name: dimension, exact: true });

async function score(page: Page, dimension: string, value: number) {
  await group(page, dimension).getByRole('radio', { name: String(value), exact: true }).check();
  await waitSaved(page);
}

async function checkedScore(page: Page, dimension: string): Promise<number | null> {
  for (let n = 1; n <= 5; n++) if (await group(page, dimension).getByRole('radio', { name: String(n), exact: true }).isChecked()) return n;
  return null;
}

/** Screenshots show the top of the page, with no focus ring or hover left over from the test. */
async function toTop(page: Page) {
  await dismissToasts(page);
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  await page.mouse.move(0, 0);
}

function sectionTab(page: Page, name: RegExp): Locator {
  return page.getByRole('navigation', { name: 'Stage record sections' }).getByRole('link', { name });
}

const PILOT = {
  Scope: 'Motor claims under 5,000 EUR from the Leeds team, 6 weeks',
  'Representative workflow': 'First notice of loss → triage → assignment to a handler',
  'Success criteria (go)': 'Triage time down 30 % with no rise in complaints',
  'Partial-success criteria (iterate)': 'Triage time down 10–30 %',
  'Failure criteria (no-go)': 'Less than 10 % faster, or more misrouted claims',
};

describe('a use case’s stage record', () => {
  it('scores readiness to a verdict, fills the pilot design and the hardening checklist, and keeps all through a reload', async () => {
    app = await launchApp({ width: 1440, height: 900 });
    const { page } = app;
    const { workshopId, useCaseId } = await workshopWithUseCase(page, 'Claims triage');
    await openRecord(page, workshopId, useCaseId, 'readiness');

    // Header: title, the current stage derived from the (empty) log, the way back, the tabs.
    await page.getByRole('heading', { level: 1, name: 'Claims triage' }).waitFor();
    expect(await page.getByTestId('current-stage').innerText()).toContain('Stage 0 · Readiness');
    expect(await page.getByRole('link', { name: '← Pipeline' }).getAttribute('href')).toBe(`#/w/${workshopId}/pipeline`);
    expect(await sectionTab(page, /^Readiness/).getAttribute('aria-current')).toBe('page');
    expect(await sectionTab(page, /^Pilot design/).getAttribute('aria-current')).toBeNull();

    // Nothing scored: no verdict yet.
    expect(await verdict(page).innerText()).toContain('Not decided yet');
    expect(await verdict(page).innerText()).toContain('The readiness diagnostic has not been started.');

    // One blocking dimension is enough for a readiness sprint, with the reason in words.
    await score(page, 'System access', 2);
    await expect.poll(() => verdict(page).innerText()).toContain('Readiness sprint first');
    expect(await verdict(page).innerText()).toContain('System access is 2 of 5: the pilot would stall on it.');
    expect(await verdict(page).innerText()).toMatch(/Still to score: Data quality, Process clarity, Stakeholder ownership, Compliance constraints/);
    await page.getByRole('article', { name: 'System access' }).getByText('Blocks the pilot').waitFor();

    await score(page, 'Data quality', 4);
    await page.getByLabel('Evidence: data quality').fill('Five years of claims history, 2 % missing fields (checked with the data office)');
    await waitSaved(page);
    await score(page, 'Process clarity', 3);
    await score(page, 'Stakeholder ownership', 5);
    await score(page, 'Compliance constraints', 3);
    expect(await verdict(page).innerText()).toContain('Readiness sprint first');

    // The enabling work is done: access granted. Now the pilot can start.
    await score(page, 'System access', 4);
    await page.getByLabel('Evidence: system access').fill('Read access to the claims API granted on 2 Dec');
    await waitSaved(page);
    await expect.poll(() => verdict(page).innerText()).toContain('Start the pilot');
    expect(await page.getByTestId('readiness-average').innerText()).toBe('3.8 of 5');
    expect(await verdict(page).innerText()).toContain('Every dimension is 3 or higher and the average is 3.8.');
    // A 5 with no evidence is worth a second look, without changing the verdict.
    expect(await page.getByTestId('readiness-warnings').innerText()).toContain('Stakeholder ownership is scored 5 with no evidence noted.');

    // Clearing a score (button and keyboard) takes the verdict back to undecided.
    await page.getByRole('button', { name: 'Clear the compliance constraints score' }).click();
    await waitSaved(page);
    await expect.poll(() => verdict(page).innerText()).toContain('Not decided yet');
    await group(page, 'Compliance constraints').getByRole('radio', { name: '3', exact: true }).focus();
    await page.keyboard.press('Space');
    await waitSaved(page);
    await page.keyboard.press('ArrowRight');
    await waitSaved(page);
    expect(await checkedScore(page, 'Compliance constraints')).toBe(4);
    await page.keyboard.press('ArrowLeft');
    await waitSaved(page);
    await expect.poll(() => checkedScore(page, 'Compliance constraints')).toBe(3);
    await expect.poll(() => verdict(page).innerText()).toContain('Start the pilot');
    await toTop(page);
    await screenshot(page, 'stage-readiness');

    // Pilot design: open before the pilot starts, every field autosaves.
    await sectionTab(page, /^Pilot design/).click();
    await page.getByRole('heading', { name: 'Outcome criteria' }).waitFor();
    expect(await sectionTab(page, /^Pilot design/).getAttribute('aria-current')).toBe('page');
    expect(await page.getByText('Agree these before the pilot starts.').count()).toBe(1);
    for (const [label, value] of Object.entries(PILOT)) {
      await page.getByLabel(label, { exact: true }).fill(value);
      await waitSaved(page);
    }
    await page.getByRole('radio', { name: 'No, a cleaned lab extract' }).check();
    await waitSaved(page);
    await page.getByText('A cleaned extract hides the messy data').waitFor();
    await page.getByRole('radio', { name: 'Yes, real production data' }).check();
    await waitSaved(page);
    expect(await page.getByText('A cleaned extract hides the messy data').count()).toBe(0);
    await toTop(page);
    await screenshot(page, 'stage-pilot');

    // Controls: the standard hardening items, one of them done.
    await sectionTab(page, /^Controls/).click();
    const hardening = page.getByTestId('checklist-hardening');
    await hardening.getByText('Nothing on this list yet.').waitFor();
    await hardening.getByRole('button', { name: 'Add the standard hardening items' }).click();
    await expect.poll(() => hardening.getByTestId('control-item').count()).toBe(9);
    await waitSaved(page);
    expect(await hardening.getByRole('button', { name: 'Add the standard hardening items' }).isDisabled()).toBe(true);
    await hardening.getByLabel('Status: Fallback to a human when the system is down or unsure').selectOption('done');
    await waitSaved(page);
    await hardening.getByLabel('Owner: Monitoring and alerting in production').fill('Priya Raman (ops)');
    await waitSaved(page);
    // A due date that is not a date is refused at the field; an overdue one is flagged.
    const due = hardening.getByLabel('Due date: Retries and timeouts on every external call');
    await due.fill('31/12/2026');
    await due.blur();
    await hardening.getByText(/Enter the date as YYYY-MM-DD/).waitFor();
    await due.fill('2020-01-15');
    await waitSaved(page);
    expect(await hardening.getByText(/Enter the date as YYYY-MM-DD/).count()).toBe(0);
    await hardening.getByText('Overdue', { exact: true }).waitFor();
    expect(await hardening.getByTestId('checklist-progress').innerText()).toBe('1 of 9 done');
    // A custom item, then removed and brought back with Undo.
    await hardening.getByLabel('New hardening item').fill('Load test at twice the expected volume');
    await hardening.getByRole('button', { name: 'Add to hardening' }).click();
    await expect.poll(() => hardening.getByTestId('control-item').count()).toBe(10);
    await waitSaved(page);
    await hardening.getByRole('button', { name: 'Remove "Load test at twice the expected volume"' }).click();
    await expect.poll(() => hardening.getByTestId('control-item').count()).toBe(9);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => hardening.getByTestId('control-item').count()).toBe(10);
    await toTop(page);
    await screenshot(page, 'stage-controls');

    // Decisions: none yet, with the way to the full log.
    await sectionTab(page, /^Decisions/).click();
    await page.getByText('No gate decision yet').waitFor();
    expect(await page.getByRole('link', { name: 'Open the full decision log' }).getAttribute('href')).toBe(`#/w/${workshopId}/decisions`);

    // Everything is where it was left after a reload.
    await page.reload();
    await sectionTab(page, /^Readiness/).click();
    await expect.poll(() => verdict(page).innerText()).toContain('Start the pilot');
    expect(await checkedScore(page, 'Data quality')).toBe(4);
    expect(await checkedScore(page, 'System access')).toBe(4);
    expect(await checkedScore(page, 'Stakeholder ownership')).toBe(5);
    expect(await checkedScore(page, 'Compliance constraints')).toBe(3);
    expect(await page.getByLabel('Evidence: system access').inputValue()).toBe('Read access to the claims API granted on 2 Dec');

    await sectionTab(page, /^Pilot design/).click();
    for (const [label, value] of Object.entries(PILOT)) expect(await page.getByLabel(label, { exact: true }).inputValue()).toBe(value);
    expect(await page.getByRole('radio', { name: 'Yes, real production data' }).isChecked()).toBe(true);

    await sectionTab(page, /^Controls/).click();
    await expect.poll(() => hardening.getByTestId('control-item').count()).toBe(10);
    expect(await hardening.getByLabel('Status: Fallback to a human when the system is down or unsure').inputValue()).toBe('done');
    expect(await hardening.getByLabel('Owner: Monitoring and alerting in production').inputValue()).toBe('Priya Raman (ops)');
    expect(await hardening.getByLabel('Due date: Retries and timeouts on every external call').inputValue()).toBe('2020-01-15');
    expect(await hardening.getByTestId('checklist-progress').innerText()).toBe('1 of 10 done');
  });

  it('locks the pilot design once the pilot has started: changes need a reason and are listed as amendments', async () => {
    app = await launchApp({ width: 1280, height: 720 });
    const { page } = app;
    const { workshopId, useCaseId } = await workshopWithUseCase(page, 'Broker email drafts');
    await openRecord(page, workshopId, useCaseId, 'pilot');
    await page.getByLabel('Success criteria (go)', { exact: true }).fill('Drafts accepted without edits in 60 % of cases');
    await waitSaved(page);

    // The pilot starts: two gate decisions in the log (written straight to IndexedDB, as the
    // pipeline board would, so this test does not depend on the board's drag and drop).
    await page.evaluate(
      async ({ ws, uc }) => {
        const db = await new Promise<IDBDatabase>((res, rej) => {
          const r = indexedDB.open('liftoff');
          r.onsuccess = () => res(r.result);
          r.onerror = () => rej(r.error);
        });
        const tx = db.transaction('gateDecisions', 'readwrite');
        const store = tx.objectStore('gateDecisions');
        const at = new Date().toISOString();
        const base = { workshopId: ws, useCaseId: uc, useCaseTitle: 'Broker email drafts', createdAt: at, updatedAt: at, decision: 'advance' };
        const who = { rationale: 'Agreed in the room', decidedBy: 'Governance sponsor', nextActionsOwner: 'Product owner', date: '2026-12-01' };
        store.put({ ...base, ...who, id: 'e2e-d1', seq: 1, fromStage: 'readiness', toStage: 'pilot-design', criteria: [], prevHash: '', hash: 'x' });
        store.put({
          ...base,
          ...who,
          id: 'e2e-d2',
          seq: 2,
          fromStage: 'pilot-design',
          toStage: 'pilot',
          criteria: [{ name: 'KPIs have baselines and targets', result: 'pass', evidence: 'KPI sheet v2' }],
          prevHash: 'x',
          hash: 'y',
        });
        await new Promise((res) => (tx.oncomplete = res));
        db.close();
      },
      { ws: decodeURIComponent(workshopId), uc: useCaseId },
    );
    await page.reload();
    await page.getByTestId('pilot-lock').getByText(/^Locked since .+ — the pilot has started$/).waitFor();
    expect(await page.getByTestId('current-stage').innerText()).toContain('Stage 2 · Controlled pilot');
    expect(await page.getByLabel('Success criteria (go)', { exact: true }).count()).toBe(0); // read-only now
    expect(await page.getByTestId('pilot-successCriteria').innerText()).toBe('Drafts accepted without edits in 60 % of cases');

    // An amendment needs a reason.
    await page.getByRole('button', { name: 'Amend success criteria (go)…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Amend: Success criteria (go)' });
    await dialog.getByLabel('New value').fill('Drafts accepted without edits in 50 % of cases');
    await dialog.getByRole('button', { name: 'Save amendment' }).click();
    await dialog.getByText('Give the reason for the change').waitFor();
    await dialog.getByLabel('Reason for the change (required)').fill('Sponsor accepted 50 % after week one');
    await dialog.getByRole('button', { name: 'Save amendment' }).click();
    await dialog.waitFor({ state: 'detached' });
    await waitSaved(page);
    expect(await page.getByTestId('pilot-successCriteria').innerText()).toBe('Drafts accepted without edits in 50 % of cases');

    await page.getByRole('button', { name: 'Amend runs on production data…' }).click();
    const d2 = page.getByRole('dialog', { name: 'Amend: Runs on production data' });
    await d2.getByRole('radio', { name: 'No, a cleaned lab extract' }).check();
    await d2.getByLabel('Reason for the change (required)').fill('Compliance allows only the lab extract');
    await d2.getByRole('button', { name: 'Save amendment' }).click();
    await d2.waitFor({ state: 'detached' });
    await waitSaved(page);

    const amendments = page.getByTestId('amendment');
    await expect.poll(() => amendments.count()).toBe(2);
    const newest = await amendments.nth(0).innerText();
    expect(newest).toContain('Runs on production data');
    expect(newest).toMatch(/not decided[\s\S]*no[\s\S]*Compliance allows only the lab extract/);
    const older = await amendments.nth(1).innerText();
    expect(older).toMatch(/Drafts accepted without edits in 60 % of cases[\s\S]*Drafts accepted without edits in 50 % of cases[\s\S]*Sponsor accepted 50 % after week one/);
    await toTop(page);
    await screenshot(page, 'stage-pilot-locked-1280x720');
    await page.getByRole('heading', { name: /^Amendments/ }).scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 200));
    await screenshot(page, 'stage-pilot-amendments-1280x720');

    // The decisions of this use case, newest first, read-only.
    await sectionTab(page, /^Decisions/).click();
    const entries = page.getByTestId('stage-decision');
    await expect.poll(() => entries.count()).toBe(2);
    expect(await entries.nth(0).innerText()).toMatch(/Stage 1 · Pilot design[\s\S]*Stage 2 · Controlled pilot/);
    expect(await entries.nth(0).innerText()).toContain('KPI sheet v2');
    expect(await entries.nth(1).innerText()).toMatch(/Stage 0 · Readiness[\s\S]*Stage 1 · Pilot design/);
    expect(await page.getByRole('textbox').count()).toBe(0);
    await toTop(page);
    await screenshot(page, 'stage-decisions-1280x720');

    await sectionTab(page, /^Controls/).click();
    const docs = page.getByTestId('checklist-documentation');
    await docs.getByRole('button', { name: 'Add the standard documentation items' }).click();
    await expect.poll(() => docs.getByTestId('control-item').count()).toBe(3);
    await waitSaved(page);
    await docs.getByRole('heading', { name: 'Documentation' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'stage-controls-1280x720');

    await sectionTab(page, /^Readiness/).click();
    await score(page, 'Data quality', 2);
    await toTop(page);
    await screenshot(page, 'stage-readiness-1280x720');
  });

  it('says so when the use case is not there, with a way back', async () => {
    app = await launchApp();
    const { page } = app;
    await createWorkshop(page, { name: 'Empty day' });
    const workshopId = /#\/w\/([^/]+)/.exec(page.url())?.[1] ?? '';
    await page.evaluate((hash) => (window.location.hash = hash), `#/w/${workshopId}/pipeline/no-such-use-case/readiness`);
    await page.getByRole('heading', { name: 'This use case is not in the workshop' }).waitFor();
    expect(await page.getByRole('link', { name: '← Back to the pipeline' }).getAttribute('href')).toBe(`#/w/${workshopId}/pipeline`);
  });
});
