import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { FIXTURES, createWorkshop, launchApp, screenshot, waitSaved, type AppHandle } from './support/app';
import { DATA_VERSION } from '../../renderer/domain/migrations';

let app: AppHandle;
beforeEach(async () => {
  app = await launchApp();
});
afterEach(async () => {
  expect(app.consoleErrors).toEqual([]);
  await app.close();
});

const rows = (page: Page) => page.getByTestId('uc-row');
const titles = async (page: Page) => (await page.locator('.uc-title').allTextContents()).map((t) => t.trim());

async function capture(page: Page, list: string[]) {
  const input = page.getByLabel('New use case title');
  for (const t of list) {
    await input.pressSequentially(t, { delay: 5 });
    await input.press('Enter');
    await expect.poll(() => titles(page)).toContain(t);
  }
}

async function chooseFile(page: Page, click: () => Promise<void>, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await click();
  await (await chooser).setFiles(path);
}

function tmpFile(name: string, content: string | Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'liftoff-e2e-'));
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

describe('workshops and use cases', () => {
  it('captures use cases with the keyboard and finds everything after a reload', async () => {
    const { page } = app;
    await createWorkshop(page, { name: 'Claims AI day', client: 'Northwind Mutual', facilitator: 'Zoë Müller' });
    // The capture box has focus: just type.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('capture-input');
    await capture(page, ['Claims triage', 'Fraud signal scoring', 'Broker email routing']);
    expect(await titles(page)).toEqual(['Claims triage', 'Fraud signal scoring', 'Broker email routing']);

    // Edit a field of the second one, from the keyboard.
    await page.getByRole('button', { name: '2. Fraud signal scoring' }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Problem or decision point').fill('Flag suspicious claims before payout');
    await page.getByLabel('Department or process').fill('Special Investigations');
    await waitSaved(page);

    // Reorder with Alt+Up: Broker email routing becomes second.
    await page.getByRole('button', { name: '3. Broker email routing' }).focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => titles(page)).toEqual(['Claims triage', 'Broker email routing', 'Fraud signal scoring']);
    await waitSaved(page);
    await screenshot(page, 'usecases');

    await page.reload();
    await expect.poll(() => titles(page)).toEqual(['Claims triage', 'Broker email routing', 'Fraud signal scoring']);
    await page.getByRole('button', { name: '3. Fraud signal scoring' }).click();
    await expect.poll(() => page.getByLabel('Problem or decision point').inputValue()).toBe('Flag suspicious claims before payout');
    await expect.poll(() => page.getByLabel('Department or process').inputValue()).toBe('Special Investigations');

    // Home lists it with its count.
    await page.getByRole('link', { name: 'All workshops' }).click();
    const card = page.locator('.workshop-card', { hasText: 'Claims AI day' });
    await expect.poll(() => card.locator('dd').nth(3).textContent()).toBe('3');
    await screenshot(page, 'home');
  });

  it('undoes a deleted use case, with Ctrl+Z and after a reload', async () => {
    const { page } = app;
    await createWorkshop(page, { name: 'Undo day' });
    await capture(page, ['Keep me', 'Delete me']);
    await page.getByRole('button', { name: '2. Delete me' }).focus();
    await page.keyboard.press('Delete');
    await expect.poll(() => titles(page)).toEqual(['Keep me']);
    await waitSaved(page);
    await page.reload();
    await expect.poll(() => titles(page)).toEqual(['Keep me']);
    await page.keyboard.press('Control+z');
    await expect.poll(() => titles(page)).toEqual(['Keep me', 'Delete me']);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => titles(page)).toEqual(['Keep me']);
    await page.getByRole('button', { name: /Undo/ }).first().click();
    await expect.poll(() => titles(page)).toEqual(['Keep me', 'Delete me']);
  });

  it('deletes a workshop from home and brings it back with Undo', async () => {
    const { page } = app;
    await createWorkshop(page, { name: 'Temporary workshop' });
    await capture(page, ['A use case']);
    await page.getByRole('link', { name: 'All workshops' }).click();
    await page.getByRole('button', { name: 'Delete Temporary workshop' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete workshop' }).click();
    await page.getByText('No workshops yet').waitFor();
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await page.getByRole('link', { name: /Temporary workshop/ }).click();
    await expect.poll(() => titles(page)).toEqual(['A use case']);
  });

  it('renames and duplicates a workshop; the list is sorted by last change', async () => {
    const { page } = app;
    await createWorkshop(page, { name: 'First' });
    await page.getByRole('link', { name: 'All workshops' }).click();
    await createWorkshop(page, { name: 'Second' });
    await page.getByRole('link', { name: 'All workshops' }).click();
    await page.getByRole('button', { name: 'Rename First' }).click();
    await page.getByRole('dialog', { name: 'Rename workshop' }).getByLabel('Name').fill('First, renamed');
    await page.getByRole('button', { name: 'Rename', exact: true }).click();
    await expect.poll(() => page.locator('.workshop-name').allTextContents()).toEqual(['First, renamed', 'Second']);
    await page.getByRole('button', { name: 'Duplicate Second' }).click();
    await expect.poll(() => page.locator('.workshop-name').allTextContents()).toEqual(['Second (copy)', 'First, renamed', 'Second']);
  });

  it('shows use-case text with HTML in it as text', async () => {
    const { page } = app;
    await createWorkshop(page, { name: 'Hostile text' });
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>bold</b>';
    await capture(page, [hostile]);
    await page.getByRole('button', { name: `1. ${hostile}` }).click();
    await page.getByLabel('Notes').fill('<a href="javascript:window.__pwned=3">click</a>');
    await waitSaved(page);
    await page.reload();
    await expect.poll(() => titles(page)).toEqual([hostile]);
    expect(await page.locator('.uc-list img, .uc-list script, .uc-list b, .editor a').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('keeps a very long title readable in the list and the editor', async () => {
    const { page } = app;
    await createWorkshop(page, { name: 'Long text' });
    const long = 'Summarize long complaint threads '.repeat(9).trim();
    await capture(page, [long]);
    const row = rows(page).first();
    const box = await row.boundingBox();
    expect(box?.height ?? 0).toBeLessThan(90); // clamped to two lines
    const pane = await page.locator('.usecases-list-pane').boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual((pane?.x ?? 0) + (pane?.width ?? 0));
  });
});

describe('never lose, always undo', () => {
  it('keeps a half-typed use case title through a reload', async () => {
    const { page } = app;
    await createWorkshop(page, { name: 'Draft' });
    await page.getByLabel('New use case title').pressSequentially('Half typed claims tri');
    await page.reload();
    expect(await page.getByLabel('New use case title').inputValue()).toBe('Half typed claims tri');
    await page.getByLabel('New use case title').press('Enter');
    await expect.poll(() => titles(page)).toEqual(['Half typed claims tri']);
    await page.reload();
    expect(await page.getByLabel('New use case title').inputValue()).toBe('');
  });

  it('reorders with the mouse and with the keyboard through the drag handle', async () => {
    const { page } = app;
    await createWorkshop(page, { name: 'Drag' });
    await capture(page, ['Alpha', 'Bravo', 'Charlie']);
    await page.getByRole('button', { name: 'Reorder Alpha' }).dragTo(page.getByRole('button', { name: 'Reorder Charlie' }), { steps: 10 });
    await expect.poll(() => titles(page)).toEqual(['Bravo', 'Charlie', 'Alpha']);
    // Keyboard: Space picks up, arrows move, Space drops (dnd-kit keyboard sensor).
    await page.getByRole('button', { name: 'Reorder Alpha' }).focus();
    for (const key of ['Space', 'ArrowUp', 'ArrowUp', 'Space']) {
      await page.keyboard.press(key);
      await page.waitForTimeout(150); // dnd-kit measures and animates between key presses
    }
    await expect.poll(() => titles(page)).toEqual(['Alpha', 'Bravo', 'Charlie']);
    await waitSaved(page);
    await page.reload();
    await expect.poll(() => titles(page)).toEqual(['Alpha', 'Bravo', 'Charlie']);
    await page.keyboard.press('Control+z');
    await expect.poll(() => titles(page)).toEqual(['Bravo', 'Charlie', 'Alpha']);
  });

  it('undoes an edit made on another screen, typed word by word as one step', async () => {
    const { page } = app;
    await createWorkshop(page, { name: 'Original name', client: 'Acme' });
    await page.getByRole('link', { name: 'Details', exact: true }).click();
    const name = page.getByLabel('Workshop name');
    await name.press('End');
    await name.pressSequentially(' plus more', { delay: 20 });
    await waitSaved(page);
    await expect.poll(() => page.locator('.shell-name').textContent()).toBe('Original name plus more');
    await page.getByRole('link', { name: 'Use cases' }).click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.shell-name').textContent()).toBe('Original name');
    await page.getByRole('link', { name: 'Details', exact: true }).click();
    expect(await page.getByLabel('Workshop name').inputValue()).toBe('Original name');
    await page.getByRole('link', { name: 'Activity' }).click();
    await page.getByRole('list', { name: 'Changes, newest first' }).getByText('Undone: Edit workshop details').waitFor();
  });

  it('refuses an empty workshop name with a message at the field', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'New workshop' }).click();
    const dialog = page.getByRole('dialog', { name: 'New workshop' });
    await dialog.getByRole('button', { name: 'Create workshop' }).click();
    await dialog.getByText('Give the workshop a name').waitFor();
    await page.keyboard.press('Escape');
    await page.getByText('No workshops yet').waitFor();
  });
});

describe('files', () => {
  it('imports the insurer CSV with a mapping step: 16 use cases, scores kept', async () => {
    const { page } = app;
    await createWorkshop(page, { name: 'Insurer' });
    await page.getByRole('button', { name: 'Import spreadsheet…' }).click();
    await chooseFile(page, () => page.getByRole('button', { name: 'Choose file…' }).click(), fileURLToPath(new URL('insurer-usecases.csv', FIXTURES)));
    const dialog = page.getByRole('dialog', { name: 'Import use cases from a spreadsheet' });
    await dialog.getByText('16 rows, 10 columns').waitFor();
    // Obvious headers are matched; "Notes" → notes.
    expect(await dialog.getByTestId('map-0').inputValue()).toBe('title');
    expect(await dialog.getByTestId('map-6').inputValue()).toBe('impact');
    await screenshot(page, 'csv-mapping');
    await dialog.getByRole('button', { name: 'Import 16 use cases' }).click();
    await expect.poll(() => rows(page).count()).toBe(16);
    await page.getByRole('button', { name: /^1\. Claims triage/ }).click();
    expect(await page.getByLabel('Business impact').inputValue()).toBe('5');
    expect(await page.getByLabel('Feasibility', { exact: true }).inputValue()).toBe('4');
    expect(await page.getByLabel('Organizational readiness').inputValue()).toBe('3');
    expect(await page.getByLabel('Kind', { exact: true }).inputValue()).toBe('automated-decision');
    await page.getByRole('button', { name: /^4\. Underwriting document extraction/ }).click();
    expect(await page.getByLabel('Business owner').inputValue()).toBe('Tomás Ortega');
    // One undo takes the whole import back.
    await page.keyboard.press('Control+z');
    await expect.poll(() => rows(page).count()).toBe(0);
  });

  it('imports a semicolon CSV with a BOM, CRLF and formula-looking cells as plain text', async () => {
    const { page } = app;
    await createWorkshop(page, { name: 'Semicolons' });
    const csv = '\uFEFFTitel;Beschreibung;Impact\r\n"=HYPERLINK(""http://evil"",""x"")";"Line one\r\nline two; with ""quotes""";4\r\nRisk;Second;9\r\n';
    await page.getByRole('button', { name: 'Import spreadsheet…' }).click();
    await chooseFile(page, () => page.getByRole('button', { name: 'Choose file…' }).click(), tmpFile('de.csv', csv));
    const dialog = page.getByRole('dialog', { name: 'Import use cases from a spreadsheet' });
    await dialog.getByText('separated by semicolons').waitFor();
    // German headers are recognised: nothing to map by hand.
    expect(await dialog.getByTestId('map-0').inputValue()).toBe('title');
    expect(await dialog.getByTestId('map-1').inputValue()).toBe('problem');
    await dialog.getByTestId('csv-problems').getByText(/Row 3/).waitFor();
    await dialog.getByRole('button', { name: 'Import 2 use cases' }).click();
    await expect.poll(() => titles(page)).toEqual(['=HYPERLINK("http://evil","x")', 'Risk']);
    await page.getByRole('button', { name: /^1\. =HYPERLINK/ }).click();
    expect(await page.getByLabel('Problem or decision point').inputValue()).toBe('Line one\nline two; with "quotes"');
    expect(await page.getByLabel('Business impact').inputValue()).toBe('4');
  });

  it('exports, deletes and re-imports a workshop identically', async () => {
    const { page } = app;
    await createWorkshop(page, { name: 'Round trip', client: 'Łódź Logistics', facilitator: 'Δημήτρης' });
    await capture(page, ['東京 claims triage', 'Second']);
    await page.getByRole('button', { name: '1. 東京 claims triage' }).click();
    await page.getByLabel('Notes').fill('Notes with "quotes" and émojis 🚀');
    await page.getByLabel('Business impact').selectOption('4');
    await waitSaved(page);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save to file' }).click();
    const file = await (await download).path();
    const first = readFileSync(file, 'utf8');
    expect((await (await download).suggestedFilename())).toBe('round-trip.liftoff.json');
    const json = JSON.parse(first);
    expect(json.format).toBe('liftoff.workshop');
    expect(json.formatVersion).toBe(DATA_VERSION);
    expect(typeof json.appVersion).toBe('string');

    await page.getByRole('link', { name: 'All workshops' }).click();
    await page.getByRole('button', { name: 'Delete Round trip' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete workshop' }).click();
    await page.getByText('No workshops yet').waitFor();
    const saved = tmpFile('round-trip.liftoff.json', first);
    await chooseFile(page, () => page.getByRole('button', { name: 'Open workshop file…' }).click(), saved);
    await expect.poll(() => titles(page)).toEqual(['東京 claims triage', 'Second']);

    const again = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save to file' }).click();
    const second = JSON.parse(readFileSync(await (await again).path(), 'utf8'));
    // Identical but for the export time, and the audit log, which records the import itself.
    delete json.exportedAt;
    delete second.exportedAt;
    const importEntries = second.tables.auditLog.filter((e: { action: string }) => e.action === 'Import workshop file');
    expect(importEntries).toHaveLength(1);
    second.tables.auditLog = second.tables.auditLog.filter((e: { action: string }) => e.action !== 'Import workshop file');
    expect(second).toEqual(json);
  });

  it.each([
    ['not JSON', 'this is not json at all', /not JSON|isn.t JSON|not valid JSON/i],
    ['truncated', '{"format":"liftoff.workshop","formatVersion":1,"workshop":{"id":"a', /cut off/i],
    ['wrong types', JSON.stringify({ format: 'liftoff.workshop', formatVersion: 1, appVersion: '0.1.0', exportedAt: '2026-01-01T00:00:00Z', workshop: { id: 5 }, tables: {} }), /workshop/i],
    ['prototype pollution', '{"format":"liftoff.workshop","formatVersion":1,"__proto__":{"polluted":true}}', /__proto__/],
    ['another JSON file', JSON.stringify({ name: 'package', version: '1.0.0' }), /not a Liftoff/i],
  ])('refuses a %s file with a clear message and changes nothing', async (_label, content, message) => {
    const { page } = app;
    await createWorkshop(page, { name: 'Existing' });
    await capture(page, ['Untouched']);
    await page.getByRole('link', { name: 'All workshops' }).click();
    await chooseFile(page, () => page.getByRole('button', { name: 'Open workshop file…' }).click(), tmpFile('bad.liftoff.json', content));
    const error = page.getByTestId('import-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(message);
    expect(await error.textContent()).toMatch(/Nothing was imported/);
    if (_label === 'truncated') await screenshot(page, 'import-error');
    await page.getByRole('button', { name: 'OK' }).click();
    expect(await page.locator('.workshop-name').allTextContents()).toEqual(['Existing']);
    expect(await page.evaluate(() => ({} as Record<string, unknown>).polluted)).toBeUndefined();
  });

  it('refuses a 50 MB file before reading it', async () => {
    const { page } = app;
    const big = tmpFile('huge.liftoff.json', Buffer.alloc(50 * 1024 * 1024, 0x20));
    await chooseFile(page, () => page.getByRole('button', { name: 'Open workshop file…' }).click(), big);
    const error = page.getByTestId('import-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/50 MB.*at most 25 MB/);
    await page.getByRole('button', { name: 'OK' }).click();
    await page.getByText('No workshops yet').waitFor();
  });
});
