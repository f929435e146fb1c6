import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchApp, screenshot, createWorkshop, waitSaved, type AppHandle } from './support/app';
import type { Page } from 'playwright-core';

let app: AppHandle;
beforeEach(async () => {
  app = await launchApp();
});
afterEach(async () => {
  expect(app.consoleErrors).toEqual([]);
  await app.close();
});

const titles = async (page: Page) => (await page.locator('.uc-title').allTextContents()).map((t) => t.trim());

async function capture(page: Page, list: string[]) {
  const input = page.getByLabel('New use case title');
  for (const t of list) {
    await input.pressSequentially(t, { delay: 5 });
    await input.press('Enter');
    await expect.poll(() => titles(page)).toContain(t);
  }
}

async function goHome(page: Page) {
  await page.getByRole('link', { name: /workshops/i }).first().click();
  await page.getByRole('heading', { name: 'Workshops', exact: true }).waitFor();
}

describe('backups', () => {
  it('backs up after edits, lists the backup, and restores it after the workshop was deleted', async () => {
    const { page } = app;
    await createWorkshop(page, { name: 'Claims AI day', client: 'Northwind Mutual' });
    await capture(page, ['Claims triage', 'Fraud signal scoring']);
    await waitSaved(page);
    await goHome(page);

    await page.getByRole('link', { name: 'Backups…' }).click();
    await page.getByRole('heading', { name: 'Backups', level: 1 }).waitFor();
    // The browser's answer to navigator.storage.persist(), in words.
    await expect.poll(() => page.getByTestId('storage-persistence').textContent()).toMatch(/Storage is persistent|may clear this storage|cannot promise/);

    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect.poll(() => page.getByTestId('backup-status').textContent()).toMatch(/Backed up 1 workshop|already backed up/);
    const group = page.getByRole('region', { name: 'Claims AI day' });
    await group.waitFor();
    // The newest backup has both use cases.
    const newest = group.locator('tbody tr').first();
    await expect.poll(() => newest.locator('td').nth(1).textContent()).toBe('2');
    await expect.poll(() => newest.locator('td').nth(2).textContent()).toMatch(/^\d+ kB$|bytes?$/);

    // Nothing changed since: a second round says so and adds nothing.
    const before = await group.locator('tbody tr').count();
    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect.poll(() => page.getByTestId('backup-status').textContent()).toMatch(/already backed up/);
    expect(await group.locator('tbody tr').count()).toBe(before);
    await screenshot(page, 'backups');

    // Save to file… downloads the backup in a browser.
    const download = page.waitForEvent('download');
    await newest.getByRole('button', { name: /^Save the backup of Claims AI day/ }).click();
    expect((await download).suggestedFilename()).toMatch(/^claims-ai-day-backup-\d{4}-\d{2}-\d{2}T[\d-]+Z\.liftoff\.json$/);

    // Delete the workshop, then bring it back from the backup.
    await goHome(page);
    await page.getByRole('button', { name: 'Delete Claims AI day' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete workshop' }).click();
    await expect.poll(() => page.locator('.workshop-card').count()).toBe(0);
    await page.getByRole('link', { name: 'Backups…' }).click();
    await expect.poll(() => group.locator('h2').textContent()).toMatch(/\(deleted\)/);
    await group.locator('tbody tr').first().getByRole('button', { name: /^Restore Claims AI day from .* as a copy$/ }).click();
    await page.getByText(/Restored “Claims AI day”/).waitFor();
    await page.getByRole('button', { name: 'Open' }).click();
    await page.getByRole('heading', { name: /Use cases/ }).waitFor();
    await expect.poll(() => titles(page)).toEqual(['Claims triage', 'Fraud signal scoring']);
    await goHome(page);
    await expect.poll(() => page.locator('.workshop-name').allTextContents()).toEqual(['Claims AI day']);
  });

  it('says there are no backups before the first change', async () => {
    const { page } = app;
    await page.getByRole('link', { name: 'Backups…' }).click();
    await page.getByRole('heading', { name: 'No backups yet' }).waitFor();
  });
});
