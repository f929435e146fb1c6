// Ownership in a real Chromium: roles with names, the RACI matrix and its one-Accountable rule,
// and the governance meetings, all kept through a reload.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createWorkshop, dismissToasts, launchApp, screenshot, waitSaved, type AppHandle } from './support/app';

let app: AppHandle | null = null;
afterEach(async () => {
  if (!app) return;
  const errors = [...app.consoleErrors];
  await app.close();
  app = null;
  expect(errors).toEqual([]);
});

const warning = (page: Page) => page.getByTestId('raci-warning');
const cell = (page: Page, decision: string, role: string) => page.getByLabel(`${decision}: ${role}`, { exact: true });

describe('ownership and cadence', () => {
  it('names the roles, warns until each decision has exactly one Accountable, and keeps the meetings', async () => {
    app = await launchApp({ width: 1440, height: 900 });
    const { page } = app;
    await createWorkshop(page, { name: 'Claims AI day', client: 'Northwind Mutual' });
    await page.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name: 'Ownership' }).click();
    await page.getByRole('button', { name: 'Add the standard roles and decisions' }).click();
    await expect.poll(() => page.getByTestId('role-row').count()).toBe(4);
    await page.getByLabel('Person: Product owner').fill('Zoë Müller');
    await page.getByLabel('Person: Governance sponsor').fill('Łukasz Nowak');
    await waitSaved(page);

    // Six decisions and nobody accountable: the warning names them all.
    await expect.poll(() => warning(page).innerText()).toMatch(/6 decisions do not have exactly one Accountable role/);
    // Two A's on "Gate approval": named as such.
    await cell(page, 'Gate approval', 'Governance sponsor').selectOption('A');
    await cell(page, 'Gate approval', 'Product owner').selectOption('A');
    await expect.poll(() => warning(page).innerText()).toMatch(/"Gate approval" has 2 Accountable roles \(Product owner, Governance sponsor\)/);
    await cell(page, 'Gate approval', 'Product owner').selectOption('R');
    await expect.poll(() => warning(page).innerText()).not.toMatch(/Gate approval/);
    await expect.poll(() => warning(page).innerText()).toMatch(/5 decisions/);
    for (const d of ['Pilot scope', 'Model quality sign-off', 'Release to production', 'Risk acceptance', 'Stopping a use case']) {
      await cell(page, d, 'Governance sponsor').selectOption('A');
    }
    await page.getByTestId('raci-ok').waitFor();
    expect(await warning(page).count()).toBe(0);
    await waitSaved(page);

    // Meetings: the standard three; a changed weekday changes the summary; a bad time is refused.
    await page.getByRole('button', { name: 'Add the standard meetings' }).click();
    await expect.poll(() => page.getByTestId('meeting').count()).toBe(3);
    const weekly = page.getByTestId('meeting').first();
    await expect.poll(() => weekly.getByTestId('meeting-summary').innerText()).toBe('Every Monday at 09:30, 45 min');
    await weekly.getByLabel('Weekday').selectOption('Wednesday');
    await expect.poll(() => weekly.getByTestId('meeting-summary').innerText()).toBe('Every Wednesday at 09:30, 45 min');
    await weekly.getByLabel('Time').fill('9h30');
    await weekly.getByText('Enter the time as HH:MM').waitFor();
    await weekly.getByLabel('Time').fill('08:45');
    await expect.poll(() => weekly.getByTestId('meeting-summary').innerText()).toBe('Every Wednesday at 08:45, 45 min');
    await waitSaved(page);
    await dismissToasts(page);
    await screenshot(page, 'governance-ownership');

    await page.reload();
    await page.getByTestId('raci-ok').waitFor();
    expect(await cell(page, 'Gate approval', 'Product owner').inputValue()).toBe('R');
    expect(await page.getByLabel('Person: Governance sponsor').inputValue()).toBe('Łukasz Nowak');
    await expect.poll(() => page.getByTestId('meeting').first().getByTestId('meeting-summary').innerText()).toBe('Every Wednesday at 08:45, 45 min');
  });

  it('links a role to a participant picked from the list, and follows their renaming', async () => {
    app = await launchApp({ width: 1280, height: 720 });
    const { page } = app;
    await createWorkshop(page, { name: 'Claims AI day' });
    await page.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name: 'Participants' }).click();
    await page.getByLabel('Name', { exact: true }).first().fill('Δημήτρης Παπαδόπουλος');
    await page.getByRole('button', { name: 'Add participant' }).click();
    await waitSaved(page);

    await page.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name: 'Ownership' }).click();
    await page.getByRole('button', { name: 'Add the standard roles and decisions' }).click();
    const person = page.getByLabel('Person: Operations lead');
    // The participants are offered in the field (a datalist): picking one types their name.
    expect(await person.getAttribute('list')).toBe('own-participants');
    expect(await page.locator('#own-participants option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value))).toEqual(['Δημήτρης Παπαδόπουλος']);
    await person.fill('Δημήτρης Παπαδόπουλος');
    await waitSaved(page);
    const row = page.getByTestId('role-row').filter({ has: person });
    await row.getByTestId('role-linked').waitFor();
    // A typed name that is no participant stays text, unlinked.
    await page.getByLabel('Person: Product owner').fill('Zoë Müller');
    await waitSaved(page);
    expect(await page.getByTestId('role-row').filter({ has: page.getByLabel('Person: Product owner') }).getByTestId('role-linked').count()).toBe(0);
    await screenshot(page, 'ownership-linked-participant');

    // Renaming the participant renames the role's person.
    await page.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name: 'Participants' }).click();
    await page.getByRole('list', { name: 'Participants' }).getByLabel('Name', { exact: true }).fill('Dimitris Papadopoulos');
    await waitSaved(page);
    await page.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name: 'Ownership' }).click();
    await expect.poll(() => page.getByLabel('Person: Operations lead').inputValue()).toBe('Dimitris Papadopoulos');
  });
});
