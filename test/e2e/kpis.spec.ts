// KPIs in a real Chromium: two KPIs from the library, thresholds with response actions (a
// contradiction refused at the field), a measurement by hand, a paste with one bad line shown and
// skipped, the breach with its response in the portfolio view, the chart, and all of it after a reload.
import { afterEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { addUseCases, createWorkshop, dismissToasts, launchApp, openTab, screenshot, waitSaved, type AppHandle } from './support/app';

let app: AppHandle | null = null;
afterEach(async () => {
  if (!app) return;
  const errors = [...app.consoleErrors];
  await app.close();
  app = null;
  expect(errors).toEqual([]);
});

const card = (page: Page, name: string): Locator => page.getByRole('article', { name, exact: true });

/** Types into a field of a KPI card the way a person does: select all, type, leave the field. */
async function typeInto(field: Locator, text: string) {
  await field.click();
  await field.press('ControlOrMeta+a');
  await field.pressSequentially(text, { delay: 10 });
  await field.press('Tab');
}

async function setNumbers(page: Page, kpi: Locator, values: Record<string, string>) {
  for (const [label, text] of Object.entries(values)) await typeInto(kpi.getByLabel(label, { exact: true }), text);
  await waitSaved(page);
}

async function addMeasurement(page: Page, kpi: Locator, date: string, value: string) {
  const form = kpi.getByRole('form', { name: /^Add a measurement/ });
  await form.getByLabel('Date').fill(date);
  await form.getByLabel(/^Value/).fill(value);
  await form.getByRole('button', { name: 'Add' }).click();
}

const PASTE = ['Date\tFallback rate', '09.03.2026\t13', '16.03.2026\tn/a', '23.03.2026\t18', '30.03.2026\t22,5'].join('\n');

describe('KPIs', () => {
  it('adds KPIs from the library, sets thresholds, measures by hand and by paste, and shows the breach with its response', async () => {
    app = await launchApp();
    const { page } = app;
    await createWorkshop(page, { name: 'Claims AI day', client: 'Northwind Mutual', facilitator: 'Zoë Müller' });
    await addUseCases(page, ['Claims triage', 'Fraud signal scoring']);
    await openTab(page, 'KPIs');
    await page.getByRole('heading', { name: 'Claims triage', level: 3 }).waitFor();
    const portfolio = page.getByTestId('kpi-portfolio');
    await expect.poll(() => portfolio.innerText()).toContain('No KPIs yet.');

    // Two KPIs from the library, one click each.
    await page.getByRole('button', { name: 'Add Fallback rate (Operational performance)' }).click();
    await page.getByRole('button', { name: 'Add Accuracy (Model quality)' }).click();
    await waitSaved(page);
    const fallback = card(page, 'Fallback rate');
    const accuracy = card(page, 'Accuracy');
    await fallback.waitFor();
    await accuracy.waitFor();
    expect(await fallback.getByLabel('Unit', { exact: true }).inputValue()).toBe('%');
    expect(await fallback.getByLabel('Direction').inputValue()).toBe('lower-is-better');
    // Already added: the library no longer offers it for this use case.
    expect(await page.getByRole('button', { name: 'Add Fallback rate (Operational performance)' }).count()).toBe(0);
    const picker = page.getByRole('navigation', { name: 'Use cases' });
    await expect.poll(() => picker.getByRole('link', { name: /Claims triage/ }).innerText()).toContain('2 KPIs');

    // Thresholds that contradict the direction are refused at the field, and nothing wrong is stored.
    await setNumbers(page, fallback, { Baseline: '30', Target: '10', 'Green at or below': '25' });
    await typeInto(fallback.getByLabel('Red at or above', { exact: true }), '20');
    const redError = fallback.getByRole('alert').filter({ hasText: 'Red (20%) must be above green (25%) when lower is better.' });
    await redError.waitFor();
    expect(await redError.innerText()).toContain('Not saved');
    await typeInto(fallback.getByLabel('Green at or below', { exact: true }), '12');
    await waitSaved(page);
    expect(await fallback.getByRole('alert').count()).toBe(0);
    await typeInto(fallback.getByLabel('Response when red'), 'Route all claims to manual triage and review failures');
    await setNumbers(page, fallback, { 'Rollout forecast': '15' });
    await setNumbers(page, accuracy, { Baseline: '80', Target: '95', 'Green at or above': '92', 'Red at or below': '85' });

    // A target worse than the baseline is a warning, stored anyway.
    await typeInto(accuracy.getByLabel('Target', { exact: true }), '75');
    await accuracy.getByText('The target (75%) is worse than the baseline (80%)').waitFor();
    await typeInto(accuracy.getByLabel('Target', { exact: true }), '95');
    await waitSaved(page);

    // A measurement by hand: a wrong value is refused at the field, then a right one is stored.
    await addMeasurement(page, fallback, '2026-03-02', 'abc');
    await fallback.getByText('Value: "abc" is not a number.').waitFor();
    await addMeasurement(page, fallback, '2026-02-30', '14');
    await fallback.getByText('Date: "2026-02-30": February 2026 has no day 30.').waitFor();
    expect(await fallback.getByTestId('measurement-row').count()).toBe(0);
    await addMeasurement(page, fallback, '2026-03-02', '14,5');
    await expect.poll(() => fallback.getByTestId('measurement-row').count()).toBe(1);
    await addMeasurement(page, accuracy, '16.03.2026', '90');
    await expect.poll(() => accuracy.getByTestId('measurement-row').count()).toBe(1);
    await waitSaved(page);

    // A paste with one bad line: the preview lists it with its reason; the good lines are imported.
    await fallback.getByRole('button', { name: 'Paste from spreadsheet…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Paste measurements: Fallback rate' });
    await dialog.getByLabel('Two columns from a spreadsheet: date and value').fill(PASTE);
    await expect.poll(() => dialog.getByTestId('paste-summary').innerText()).toContain('3 lines ready to import');
    const problems = dialog.getByTestId('paste-problems');
    expect(await problems.innerText()).toContain('Line 3');
    expect(await problems.innerText()).toContain('"n/a" is not a number.');
    expect(await dialog.getByRole('table', { name: 'Lines that will be imported' }).getByRole('row').count()).toBe(4);
    await screenshot(page, 'kpis-paste');
    await dialog.getByRole('button', { name: 'Import the 3 good lines, skip 1' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => fallback.getByTestId('measurement-row').count()).toBe(4);
    await waitSaved(page);

    // Status, forecast against actual, stabilization, the chart.
    expect(await fallback.getByTestId('kpi-band').first().innerText()).toContain('Red');
    expect(await fallback.getByTestId('kpi-status').innerText()).toContain('Response (red): Route all claims to manual triage and review failures');
    const varianceText = await fallback.getByTestId('kpi-variance').innerText();
    expect(varianceText).toContain('+7.5%');
    expect(varianceText).toContain('(+50%)');
    expect(varianceText).toContain('beyond ±10%, worse than forecast');
    expect(await fallback.getByTestId('kpi-stabilization').innerText()).toBe('Not yet stable (0 of 3)');
    const forecastRow = page.getByTestId('kpi-forecast-table').getByRole('row', { name: /Fallback rate/ });
    expect(await forecastRow.innerText()).toMatch(/15%\s+22\.5%\s+\+7\.5%\s+\+50%\s+⚑ No: beyond ±10%, worse\s+Not yet stable \(0 of 3\)/);
    const chart = fallback.getByRole('img');
    expect(await chart.getAttribute('aria-label')).toContain('4 measurements from 2 Mar 2026 to 30 Mar 2026, from 14.5% to 22.5%. Latest: red.');
    expect(await chart.locator('[data-line]').evaluateAll((els) => els.map((e) => e.getAttribute('data-line')))).toEqual(['green', 'red', 'baseline', 'target']);
    expect(await chart.locator('circle').count()).toBe(4);
    await fallback.getByRole('button', { name: 'Show data table' }).click();
    expect(await fallback.getByRole('figure').getByRole('table').innerText()).toContain('30 Mar 2026');
    await fallback.getByRole('button', { name: 'Show chart' }).click();

    // The portfolio: both KPIs out of the green band, red first, with the response for the band.
    const rows = portfolio.getByTestId('breach-row');
    await expect.poll(() => rows.count()).toBe(2);
    const red = await rows.nth(0).innerText();
    expect(red).toContain('Claims triage');
    expect(red).toContain('Fallback rate');
    expect(red).toContain('22.5%');
    expect(red).toContain('Red');
    expect(red).toContain('Route all claims to manual triage and review failures');
    const amber = await rows.nth(1).innerText();
    expect(amber).toContain('Accuracy');
    expect(amber).toContain('Amber');
    expect(amber).toContain('Analyse the errors by segment');
    await expect.poll(() => picker.getByRole('link', { name: /Claims triage/ }).innerText()).toContain('2 out of green');

    await dismissToasts(page);
    await fallback.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'kpis-chart');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'kpis-portfolio');

    // After a reload everything is as it was left.
    await page.reload();
    await fallback.waitFor();
    expect(await fallback.getByLabel('Green at or below', { exact: true }).inputValue()).toBe('12');
    expect(await fallback.getByLabel('Red at or above', { exact: true }).inputValue()).toBe('20');
    expect(await fallback.getByLabel('Response when red').inputValue()).toBe('Route all claims to manual triage and review failures');
    expect(await fallback.getByTestId('measurement-row').count()).toBe(4);
    await expect.poll(() => page.getByTestId('kpi-portfolio').getByTestId('breach-row').count()).toBe(2);

    // A link in the portfolio opens the KPI's use case.
    await page.getByRole('link', { name: 'Fraud signal scoring' }).click();
    await page.getByRole('heading', { name: 'Fraud signal scoring', level: 3 }).waitFor();
    await page.getByTestId('kpi-portfolio').getByRole('link', { name: 'Fallback rate' }).click();
    await page.getByRole('heading', { name: 'Claims triage', level: 3 }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Fallback rate');
  });

  it('removes a measurement with undo, and undoes a whole paste in one step', async () => {
    app = await launchApp();
    const { page } = app;
    await createWorkshop(page, { name: 'Undo day' });
    await addUseCases(page, ['Claims triage']);
    await openTab(page, 'KPIs');
    await page.getByRole('button', { name: 'Add Cycle time (Business impact)' }).click();
    const kpi = card(page, 'Cycle time');
    await kpi.waitFor();
    await kpi.getByRole('button', { name: 'Paste from spreadsheet…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Paste measurements: Cycle time' });
    await dialog.getByLabel('Month first (3/1/2026 = 1 March 2026)').check();
    await dialog.getByLabel('Two columns from a spreadsheet: date and value').fill('3/1/2026;18\n3/8/2026;16,5\n3/15/2026;12');
    await dialog.getByRole('button', { name: 'Import 3 measurements' }).click();
    await expect.poll(() => kpi.getByTestId('measurement-row').count()).toBe(3);
    expect(await kpi.getByTestId('measurement-row').first().innerText()).toContain('15 Mar 2026');

    await kpi.getByRole('button', { name: 'Remove the measurement of 8 Mar 2026' }).click();
    await expect.poll(() => kpi.getByTestId('measurement-row').count()).toBe(2);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => kpi.getByTestId('measurement-row').count()).toBe(3);
    await waitSaved(page);

    // One more undo takes back the whole paste: it was one step.
    await dismissToasts(page);
    await page.getByRole('button', { name: '↶ Undo' }).click();
    await expect.poll(() => kpi.getByTestId('measurement-row').count()).toBe(0);
  });
});

describe('a measurement dated in the future', () => {
  it('is stored only after the person confirms the date, and changing the date instead stores nothing', async () => {
    app = await launchApp({ width: 1280, height: 720 });
    const { page } = app;
    await createWorkshop(page, { name: 'Einzelhandel KPIs' });
    await addUseCases(page, ['Frischwarenprognose für Obst & Gemüse']);
    await openTab(page, 'KPIs');
    await page.getByRole('button', { name: 'Add Fallback rate (Operational performance)' }).click();
    const fallback = card(page, 'Fallback rate');
    await fallback.waitFor();
    await waitSaved(page);
    // Thirty days from today, in the page's own calendar.
    const future = await page.evaluate(() => {
      const d = new Date();
      d.setDate(d.getDate() + 30);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });

    await addMeasurement(page, fallback, future, '14');
    const ask = fallback.getByRole('alertdialog');
    await ask.getByText(/is 30 days from today: a measurement is usually taken on a past day\. Add it anyway\?/).waitFor();
    await ask.scrollIntoViewIfNeeded();
    await screenshot(page, 'kpi-future-measurement-1280x720');
    await ask.getByRole('button', { name: 'Change the date' }).click();
    expect(await fallback.getByTestId('measurement-row').count()).toBe(0);

    await addMeasurement(page, fallback, future, '14');
    await ask.getByRole('button', { name: /^Add on / }).click();
    await expect.poll(() => fallback.getByTestId('measurement-row').count()).toBe(1);
    await waitSaved(page);
    expect(await ask.count()).toBe(0);
  });
});
