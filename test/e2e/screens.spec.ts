// Screens with realistic data (the insurer fixture), captured for the README and for review.
// Each step also checks what a person would see, so this is a test, not only a camera.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { FIXTURES, createWorkshop, launchApp, screenshot, waitSaved, type AppHandle } from './support/app';

let app: AppHandle;
beforeEach(async () => {
  app = await launchApp({ width: 1440, height: 900 });
});
afterEach(async () => {
  expect(app.consoleErrors).toEqual([]);
  await app.close();
});

describe('screens with the insurer workshop', () => {
  it('shows home, the use-case list with the editor, and a validation error, at projector size', async () => {
    const { page } = app;
    await createWorkshop(page, { name: 'Claims & underwriting AI day', client: 'Northwind Mutual', facilitator: 'Zoë Müller' });
    await page.getByRole('button', { name: 'Import spreadsheet…' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose file…' }).click();
    await (await chooser).setFiles(fileURLToPath(new URL('insurer-usecases.csv', FIXTURES)));
    await page.getByRole('button', { name: 'Import 16 use cases' }).click();
    await expect.poll(() => page.getByTestId('uc-row').count()).toBe(16);
    await page.getByRole('button', { name: /^2\. Fraud signal scoring/ }).click();
    await page.getByLabel('Expected value').fill('Stop an estimated 0.4% of claim payouts going to organised fraud rings; fewer false referrals to SIU.');
    await waitSaved(page);
    await page.getByLabel('New use case title').fill('Subrogation letters dr');
    await screenshot(page, 'readme-usecases');
    await page.getByRole('button', { name: 'Import spreadsheet…' }).click();
    const again = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose file…' }).click();
    await (await again).setFiles(fileURLToPath(new URL('insurer-usecases.csv', FIXTURES)));
    await page.getByRole('button', { name: 'Import 16 use cases' }).waitFor();
    await screenshot(page, 'readme-csv-mapping');
    await page.keyboard.press('Escape');

    await page.getByRole('link', { name: 'Workshops', exact: false }).first().click();
    await page.getByRole('button', { name: 'New workshop' }).click();
    await page.getByRole('dialog', { name: 'New workshop' }).getByLabel('Workshop name').fill('Retail bank GenAI readiness');
    await page.getByRole('dialog', { name: 'New workshop' }).getByLabel('Client').fill('Banco Łódź');
    await page.getByRole('button', { name: 'Create workshop' }).click();
    await page.getByLabel('New use case title').waitFor();
    await page.getByRole('link', { name: 'All workshops' }).click();
    await expect.poll(() => page.locator('.workshop-name').allTextContents()).toEqual(['Retail bank GenAI readiness', 'Claims & underwriting AI day']);
    await screenshot(page, 'readme-home');
  });

  it('fits the use-case screen on a 1280×720 projector without horizontal scrolling', async () => {
    await app.close();
    app = await launchApp({ width: 1280, height: 720 });
    const { page } = app;
    await createWorkshop(page, { name: 'Projector' });
    await page.getByLabel('New use case title').fill('Claims triage');
    await page.getByLabel('New use case title').press('Enter');
    await page.getByRole('button', { name: '1. Claims triage' }).click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(page, 'usecases-1280x720');
  });
});
