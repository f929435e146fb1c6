// The risk register in a real Chromium: quick add for the workshop and per use case, a late
// mitigation flagged in words, a wrong date refused at the field, the heat map filtering the
// register by mouse and keyboard, undoable removal, a use case's link, and all of it after a reload.
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

type NewRisk = { title: string; useCase?: string; category: string; likelihood: string; impact: string };

async function addRisk(page: Page, r: NewRisk) {
  const form = page.getByRole('form', { name: 'Add a risk' });
  await form.getByLabel('Use case').selectOption({ label: r.useCase ?? 'Workshop-wide' });
  await form.getByLabel('Category').selectOption({ label: r.category });
  await form.getByLabel('Likelihood').selectOption({ label: r.likelihood });
  await form.getByLabel('Impact').selectOption({ label: r.impact });
  const title = form.getByLabel('New risk title');
  await title.fill(r.title);
  await title.press('Enter');
  await expect.poll(() => title.inputValue()).toBe('');
  await waitSaved(page);
}

const rows = (page: Page) => page.getByTestId('risk-row');
const row = (page: Page, title: string): Locator => rows(page).filter({ has: page.getByRole('group', { name: `Risk: ${title}`, exact: true }) });

/** The register's titles, in the order shown (read in one go, so a re-sort cannot land halfway). */
async function shownTitles(page: Page): Promise<string[]> {
  return rows(page).evaluateAll((els) => els.map((el) => el.querySelector<HTMLInputElement>('.rk-title input')?.value ?? ''));
}

const DRIFT = 'Model drift after the tariff change';
const PII = 'Personal data leaks into prompts';
const VENDOR = 'Lock-in to one model vendor';
const ADOPTION = 'Mail clerks bypass the routing';

describe('the risk register', () => {
  it('adds risks, flags the overdue one, filters by heat-map cell and keeps it all after a reload', async () => {
    app = await launchApp({ width: 1440, height: 900 });
    const { page } = app;
    await createWorkshop(page, { name: 'Claims & underwriting AI day', client: 'Northwind Mutual', facilitator: 'Zoë Müller' });
    await addUseCases(page, ['Claims triage', 'Mail routing']);

    await openTab(page, 'Risks');
    await page.getByRole('heading', { name: /^Risks/, level: 1 }).waitFor();
    await page.getByText('No risks yet.').waitFor();

    // Quick add: an empty title is refused at the field.
    await page.getByRole('button', { name: 'Add risk' }).click();
    await page.getByRole('alert').filter({ hasText: 'Type the risk first' }).waitFor();

    await addRisk(page, { title: VENDOR, category: 'Vendor', likelihood: '2 · Unlikely', impact: '4 · Major' });
    await addRisk(page, { title: DRIFT, useCase: 'Claims triage', category: 'Model', likelihood: '4 · Likely', impact: '5 · Severe' });
    await addRisk(page, { title: PII, useCase: 'Claims triage', category: 'Security', likelihood: '4 · Likely', impact: '5 · Severe' });
    await addRisk(page, { title: ADOPTION, useCase: 'Mail routing', category: 'Adoption', likelihood: '3 · Possible', impact: '2 · Moderate' });
    await expect.poll(() => rows(page).count()).toBe(4);

    // Score and band are shown in words as well as colour.
    await expect.poll(() => row(page, DRIFT).getByTestId('risk-score').innerText()).toMatch(/20\s*Critical/i);
    await expect.poll(() => row(page, VENDOR).getByTestId('risk-score').innerText()).toMatch(/8\s*Medium/i);
    expect(await row(page, VENDOR).getByLabel('Use case').inputValue()).toBe('__workshop__');
    expect(await page.getByTestId('risk-overdue-count').innerText()).toBe('No overdue mitigations');

    // A date that is no day is refused at the field, and nothing is stored.
    const driftDue = row(page, DRIFT).getByLabel('Due date');
    await driftDue.fill('2026-02-30');
    await driftDue.blur();
    await row(page, DRIFT).getByRole('alert').filter({ hasText: 'not a day in the calendar' }).waitFor();
    expect(await row(page, DRIFT).getByRole('alert').innerText()).toContain('Not saved');
    expect(await row(page, DRIFT).getByTestId('risk-overdue').count()).toBe(0);
    // A date in the past, typed day first: stored, shown as YYYY-MM-DD, and the mitigation is overdue.
    await driftDue.fill('15.01.2024');
    await driftDue.blur();
    await waitSaved(page);
    expect(await driftDue.inputValue()).toBe('2024-01-15');
    await row(page, DRIFT).getByTestId('risk-overdue').filter({ hasText: 'Overdue' }).waitFor();
    expect(await page.getByTestId('risk-overdue-count').innerText()).toContain('1 overdue mitigation');
    await row(page, DRIFT).getByLabel('Owner').fill('Łukasz Nowak');
    await row(page, DRIFT).getByLabel('Mitigation').fill('Weekly drift report; retrain when PSI > 0.2');
    await row(page, DRIFT).getByLabel('Status').selectOption({ label: 'Mitigating' });
    // A closed risk past its date is not overdue.
    await row(page, PII).getByLabel('Due date').fill('2024-01-10');
    await row(page, PII).getByLabel('Status').selectOption({ label: 'Closed' });
    await waitSaved(page);
    expect(await row(page, PII).getByTestId('risk-overdue').count()).toBe(0);
    expect(await page.getByTestId('risk-overdue-count').innerText()).toContain('1 overdue mitigation');

    // Highest score first; equal scores by due date. While the person works in the register its
    // order holds still; it sorts again once they leave it.
    expect(await shownTitles(page)).toEqual([DRIFT, PII, VENDOR, ADOPTION]);
    await page.getByRole('heading', { name: 'Register' }).click();
    await expect.poll(() => shownTitles(page)).toEqual([PII, DRIFT, VENDOR, ADOPTION]);

    // The heat map counts per cell; a click filters the register to that cell.
    const hot = page.getByRole('button', { name: 'Likelihood 4, impact 5: 2 risks', exact: true });
    await page.getByRole('button', { name: 'Likelihood 2, impact 4: 1 risk', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Likelihood 3, impact 2: 1 risk', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Likelihood 5, impact 5: no risks', exact: true }).count()).toBe(1);
    await hot.click();
    expect(await hot.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => rows(page).count()).toBe(2);
    expect((await shownTitles(page)).sort()).toEqual([DRIFT, PII].sort());
    expect(await page.getByTestId('risk-cell-filter').innerText()).toContain('Filtered: likelihood 4 × impact 5');
    expect(await page.getByTestId('risk-shown').innerText()).toContain('Showing 2 of 4 risks');

    // The heat map at the top of the window (under the sticky bar), the filtered register below it.
    await dismissToasts(page);
    await page.mouse.move(0, 0);
    await page.locator('.rk-top').evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 80));
    await screenshot(page, 'risks-heatmap');

    // Clear the filter: all four again.
    await page.getByRole('button', { name: 'Clear the heat-map filter' }).click();
    await expect.poll(() => rows(page).count()).toBe(4);
    expect(await hot.getAttribute('aria-pressed')).toBe('false');

    // The keyboard: Enter filters, the arrows move between cells, Enter again on the same cell clears.
    await hot.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => rows(page).count()).toBe(2);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Likelihood 3, impact 4: no risks');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await expect.poll(() => shownTitles(page)).toEqual([ADOPTION]);
    await page.keyboard.press('Enter');
    await expect.poll(() => rows(page).count()).toBe(4);

    // Other filters: workshop-wide, category, overdue only.
    const filters = page.getByRole('group', { name: 'Filter the heat map and the register' });
    await filters.getByLabel('Use case').selectOption({ label: 'Workshop-wide only' });
    await expect.poll(() => shownTitles(page)).toEqual([VENDOR]);
    expect(await page.getByRole('button', { name: 'Likelihood 4, impact 5: no risks', exact: true }).count()).toBe(1);
    await filters.getByLabel('Use case').selectOption({ label: 'Claims triage' });
    await filters.getByLabel('Category').selectOption({ label: 'Security' });
    await expect.poll(() => shownTitles(page)).toEqual([PII]);
    await page.getByRole('button', { name: 'Clear all filters' }).click();
    await filters.getByLabel('Overdue only').check();
    await expect.poll(() => shownTitles(page)).toEqual([DRIFT]);
    await page.getByRole('button', { name: 'Clear all filters' }).click();
    await expect.poll(() => rows(page).count()).toBe(4);

    // Remove, then undo from the toast.
    await row(page, ADOPTION).getByRole('button', { name: `Remove risk “${ADOPTION}”` }).click();
    await expect.poll(() => rows(page).count()).toBe(3);
    await page.locator('.toast').filter({ hasText: `Removed risk “${ADOPTION}”` }).getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => rows(page).count()).toBe(4);
    await waitSaved(page);

    await dismissToasts(page);
    await page.getByRole('heading', { name: 'Register' }).scrollIntoViewIfNeeded();
    await page.getByRole('heading', { name: 'Register' }).evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 80));
    await screenshot(page, 'risks-register');

    // After a reload everything is as it was left.
    await page.reload();
    await page.getByRole('heading', { name: /^Risks/, level: 1 }).waitFor();
    await expect.poll(() => rows(page).count()).toBe(4);
    expect(await shownTitles(page)).toEqual([PII, DRIFT, VENDOR, ADOPTION]);
    const drift = row(page, DRIFT);
    expect(await drift.getByLabel('Due date').inputValue()).toBe('2024-01-15');
    expect(await drift.getByLabel('Owner').inputValue()).toBe('Łukasz Nowak');
    expect(await drift.getByLabel('Mitigation').inputValue()).toBe('Weekly drift report; retrain when PSI > 0.2');
    expect(await drift.getByLabel('Status').inputValue()).toBe('mitigating');
    expect(await drift.getByLabel('Likelihood').inputValue()).toBe('4');
    expect(await drift.getByLabel('Impact').inputValue()).toBe('5');
    await drift.getByTestId('risk-overdue').waitFor();
    expect(await row(page, PII).getByLabel('Status').inputValue()).toBe('closed');
    expect(await page.getByRole('button', { name: 'Likelihood 4, impact 5: 2 risks', exact: true }).count()).toBe(1);

    // A higher score moves the risk up once editing is over, not while the select is in use.
    const likelihood = row(page, ADOPTION).getByLabel('Likelihood');
    await likelihood.focus();
    await likelihood.selectOption({ label: '5 · Almost certain' });
    await expect.poll(() => row(page, ADOPTION).getByTestId('risk-score').innerText()).toMatch(/10\s*High/i);
    expect(await shownTitles(page)).toEqual([PII, DRIFT, VENDOR, ADOPTION]);
    await page.getByRole('heading', { name: 'Register' }).click();
    await expect.poll(() => shownTitles(page)).toEqual([PII, DRIFT, ADOPTION, VENDOR]);
    await waitSaved(page);

    // A use case's link opens the register filtered to it; new risks default to that use case.
    const mailId = await row(page, ADOPTION).getByLabel('Use case').inputValue();
    const hash = await page.evaluate(() => window.location.hash);
    await page.evaluate((h) => (window.location.hash = h), `${hash}/${mailId}`);
    await expect.poll(() => shownTitles(page)).toEqual([ADOPTION]);
    expect(await page.getByRole('form', { name: 'Add a risk' }).getByLabel('Use case').inputValue()).toBe(mailId);
  });
});
