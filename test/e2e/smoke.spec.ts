import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchApp, screenshot, createWorkshop, type AppHandle } from './support/app';

let app: AppHandle;
beforeEach(async () => {
  app = await launchApp();
});
afterEach(async () => {
  await app.close();
});

describe('smoke', () => {
  it('shows the home screen and creates a workshop', async () => {
    const { page } = app;
    await page.getByRole('heading', { name: 'Workshops', exact: true }).waitFor();
    await screenshot(page, 'home-empty');
    await createWorkshop(page, { name: 'Claims AI day', client: 'Northwind Mutual', facilitator: 'Zoë Müller' });
    await screenshot(page, 'usecases-empty');
    expect(app.consoleErrors).toEqual([]);
  });
});
