// No destructive step without a clear warning (and a reveal that asks in the right number): removing a participant who has scores says what
// changes (their scores, the rounds, the use cases whose consensus moves) before anything is
// deleted; deleting a workshop asks first; both are undone, the workshop from the home screen even
// after a reload.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createWorkshop, launchApp, screenshot, waitSaved, type AppHandle } from './support/app';

let app: AppHandle;
beforeEach(async () => {
  app = await launchApp({ width: 1280, height: 720 });
});
afterEach(async () => {
  expect(app.consoleErrors).toEqual([]);
  await app.close();
});

const FRESH = 'Frischwarenprognose für Obst & Gemüse';
const RETURNS = 'Retourenbetrugserkennung';

async function storedCount(page: Page, table: string): Promise<number> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('liftoff');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const count = await new Promise<number>((res, rej) => {
      const r = db.transaction(name).objectStore(name).count();
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    db.close();
    return count;
  }, table);
}

describe('removing a participant', () => {
  it('says what changes before deleting their scores, keeps them on “Keep”, and is undone with Ctrl+Z', async () => {
    const { page } = app;
    await createWorkshop(page, { name: 'Einzelhandel Bewertung' });
    for (const title of [FRESH, RETURNS]) {
      await page.getByLabel('New use case title').fill(title);
      await page.getByLabel('New use case title').press('Enter');
    }
    await page.getByRole('link', { name: 'Participants' }).click();
    // Jürgen's 5 on the first use case moves its median; on the second everyone agrees.
    const csv = join(mkdtempSync(join(tmpdir(), 'liftoff-remove-')), 'Bewertungen.csv');
    writeFileSync(
      csv,
      [
        'Anwendungsfall;Teilnehmer;Rolle;Wirkung;Machbarkeit;Reife',
        `${FRESH};Jürgen Weiß;Product Owner;5;5;5`,
        `${FRESH};Anja Groß;Operations;2;2;2`,
        `${FRESH};Özlem Çelik;Compliance;4;4;4`,
        `${RETURNS};Jürgen Weiß;Product Owner;3;3;3`,
        `${RETURNS};Anja Groß;Operations;3;3;3`,
      ].join('\r\n'),
    );
    await page.getByRole('button', { name: 'Import scores from a spreadsheet…' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose file…' }).click();
    await (await chooser).setFiles(csv);
    await page.getByRole('dialog', { name: 'Import participant scores' }).getByRole('button', { name: 'Import 5 rows' }).click();
    await page.getByRole('button', { name: 'Remove Özlem Çelik' }).waitFor();

    // Reveal both rounds, so they make the consensus. Özlem did not score the second use case:
    // the reveal asks first, in the singular.
    await page.getByRole('link', { name: 'Scoring' }).click();
    await page.getByRole('button', { name: new RegExp(FRESH) }).click();
    await page.getByRole('button', { name: 'Reveal all scores' }).click();
    await waitSaved(page);
    await page.getByRole('button', { name: new RegExp(RETURNS) }).click();
    await page.getByText('2 of 3 participants have scored').waitFor();
    await page.getByRole('button', { name: 'Reveal all scores' }).click();
    await page.getByText('1 participant has not scored every criterion. Reveal anyway?').waitFor();
    await page.getByRole('button', { name: 'Reveal anyway' }).click();
    await waitSaved(page);
    expect(await storedCount(page, 'scores')).toBe(15);

    // A participant without scores goes at once (and could be undone).
    await page.getByRole('link', { name: 'Participants' }).click();
    await page.getByLabel('Name', { exact: true }).first().fill('Zoë Nobody');
    await page.getByRole('button', { name: 'Add participant' }).click();
    await page.getByRole('button', { name: 'Remove Zoë Nobody' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Remove Zoë Nobody' }).count()).toBe(0);
    expect(await page.getByRole('dialog').count()).toBe(0);

    await page.getByRole('button', { name: 'Remove Jürgen Weiß' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove Jürgen Weiß?' });
    expect(await dialog.getByTestId('remove-participant-warning').textContent()).toBe(
      `Jürgen Weiß’s 6 scores in 2 rounds will be deleted, and the consensus of 1 use case changes: “${FRESH}”.`,
    );
    await screenshot(page, 'remove-participant-warning-1280x720');
    await dialog.getByRole('button', { name: 'Keep Jürgen Weiß' }).click();
    expect(await storedCount(page, 'scores')).toBe(15);
    expect(await storedCount(page, 'participants')).toBe(3);

    await page.getByRole('button', { name: 'Remove Jürgen Weiß' }).click();
    await dialog.getByRole('button', { name: 'Remove Jürgen Weiß and their scores' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Remove Jürgen Weiß' }).count()).toBe(0);
    await waitSaved(page);
    expect(await storedCount(page, 'scores')).toBe(9);

    await page.keyboard.press('Control+z');
    await page.getByRole('button', { name: 'Remove Jürgen Weiß' }).waitFor();
    await expect.poll(() => storedCount(page, 'scores')).toBe(15);
  });
});

describe('deleting a workshop', () => {
  it('asks first, names what goes with it, and can be brought back from the home screen after a reload and other edits', async () => {
    const { page } = app;
    await createWorkshop(page, { name: 'Einzelhandel Köln 2026' });
    for (const title of [FRESH, RETURNS]) {
      await page.getByLabel('New use case title').fill(title);
      await page.getByLabel('New use case title').press('Enter');
    }
    await waitSaved(page);
    await page.getByRole('link', { name: 'All workshops' }).click();
    await page.getByRole('button', { name: 'Delete Einzelhandel Köln 2026' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete “Einzelhandel Köln 2026”?' });
    expect(await dialog.getByTestId('delete-workshop-warning').textContent()).toMatch(/2 use cases with their scores/);
    await dialog.getByText(/later from “Deleted workshops” on this screen, also after closing Liftoff/).waitFor();
    await screenshot(page, 'delete-workshop-warning-1280x720');

    await dialog.getByRole('button', { name: 'Keep it' }).click();
    expect(await page.locator('.workshop-card').count()).toBe(1);

    await page.getByRole('button', { name: 'Delete Einzelhandel Köln 2026' }).click();
    await dialog.getByRole('button', { name: 'Delete workshop' }).click();
    await page.getByText('No workshops yet').waitFor();
    await waitSaved(page);
    expect(await storedCount(page, 'useCases')).toBe(0);

    // Other work afterwards: linear undo would now take back that, not the deletion.
    await createWorkshop(page, { name: 'Logistik Süd' });
    await page.getByLabel('New use case title').fill('Tourenplanungsfeinjustierung');
    await page.getByLabel('New use case title').press('Enter');
    await waitSaved(page);
    await page.reload();
    await page.getByRole('link', { name: 'All workshops' }).click();
    const deleted = page.getByRole('list', { name: 'Deleted workshops' });
    await deleted.getByText('Einzelhandel Köln 2026').waitFor();
    await screenshot(page, 'deleted-workshops-1280x720');
    await deleted.getByRole('button', { name: 'Bring back Einzelhandel Köln 2026' }).click();
    await page.getByRole('link', { name: /Einzelhandel Köln 2026/ }).waitFor();
    await expect.poll(() => storedCount(page, 'useCases')).toBe(3);
    await expect.poll(() => deleted.count()).toBe(0);
  });
});
