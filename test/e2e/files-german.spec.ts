// Files, imports, backups and the export dialog in German: a consultant whose system speaks German
// imports the client's German CSV and sees the mapping and the toast in German, opens Backups and
// the export dialog and reads German there, with no English label left. Real Chromium, de-DE.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeExpectingClean, dismissToasts, launchApp, screenshot, type AppHandle } from './support/app';
import { roomWorkshopFile } from './support/room-workshop';

const GERMAN_CSV = fileURLToPath(new URL('../fixtures/csv/logistik-usecases-de.csv', import.meta.url));
/** What a German Excel writes with "Save as CSV": Windows-1252, semicolons, CRLF. */
const WINDOWS_1252_CSV = fileURLToPath(new URL('../fixtures/spreadsheets/einzelhandel-windows-1252.csv', import.meta.url));
/** The client's German list (shared fixture), cut inside a quoted cell. */
const SHARED_GERMAN_CSV = fileURLToPath(new URL('../../../shared/fixtures/logistik-usecases-de.csv', import.meta.url));

let app: AppHandle | null = null;
afterEach(async () => {
  if (app) await closeExpectingClean(app);
  app = null;
});

/** Visible text of buttons, labels, legends and headings: none of it may be the old English. */
async function visibleWords(page: Page, scope: string): Promise<string[]> {
  return page.evaluate(
    (sel) =>
      [...document.querySelectorAll<HTMLElement>(`${sel} button, ${sel} label, ${sel} legend, ${sel} h1, ${sel} h2, ${sel} th, ${sel} option`)]
        .filter((el) => el.tagName === 'OPTION' || el.getClientRects().length > 0)
        .map((el) => (el.textContent ?? '').trim()),
    scope,
  );
}

async function openGermanWorkshop(width: number, height: number): Promise<Page> {
  app = await launchApp({ width, height, locale: 'de-DE' });
  const { page } = app;
  await page.getByRole('heading', { name: 'Noch keine Workshops' }).waitFor();
  const chooser = page.waitForEvent('filechooser');
  await page.locator('.topbar-actions button').first().click();
  await (await chooser).setFiles(roomWorkshopFile());
  // The file's toast is German too.
  await page.locator('.toast', { hasText: /importiert/ }).first().waitFor();
  await page.getByRole('heading', { name: /Anwendungsfälle/ }).waitFor();
  await dismissToasts(page);
  return page;
}

describe('files, imports, backups and export in German', () => {
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    it(`imports the German CSV with a German mapping and toast, then Backups and Export speak German (${width}x${height})`, async () => {
      const page = await openGermanWorkshop(width, height);

      // The use-case import: the mapping screen names Liftoff's fields in German.
      await page.getByRole('button', { name: 'Tabelle importieren…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Anwendungsfälle aus einer Tabelle importieren' });
      const chooser = page.waitForEvent('filechooser');
      await dialog.getByRole('button', { name: 'Datei wählen…' }).click();
      await (await chooser).setFiles(GERMAN_CSV);
      const firstColumn = dialog.getByTestId('map-0');
      await firstColumn.waitFor();
      // "Anwendungsfall" is recognised as the title, shown as the German field name.
      expect(await firstColumn.locator('option:checked').textContent()).toBe('Titel');
      const options = await firstColumn.locator('option').allTextContents();
      expect(options).toEqual(expect.arrayContaining(['Titel', 'Problem / Entscheidungspunkt', 'Geschäftlicher Nutzen (1–5)', 'Organisatorische Reife (1–5)']));
      expect(options.filter((o) => ['Title', 'Business owner', 'Feasibility (1–5)', 'Notes'].includes(o))).toEqual([]);
      // The fixture's "Art" column holds departments, not kinds: its notes are German.
      const problems = dialog.getByTestId('csv-problems');
      if (await problems.count()) {
        const text = (await problems.textContent()) ?? '';
        expect(text).not.toMatch(/is not a|was skipped|both are imported|was cut/);
      }
      await screenshot(page, `de-files-mapping-${width}`);
      await dialog.getByRole('button', { name: /Anwendungsfälle importieren$/ }).click();
      await page.locator('.toast', { hasText: /^6 Anwendungsfälle importiert/ }).first().waitFor();
      await screenshot(page, `de-files-toast-${width}`);
      await dismissToasts(page);

      // The export dialog: sections, settings, buttons and the page count in German.
      await page.getByRole('button', { name: 'Exportieren …' }).click();
      const exportDialog = page.getByRole('dialog', { name: 'Sponsor-Paket exportieren' });
      await exportDialog.getByText('Erbetene Entscheidungen').first().waitFor();
      await exportDialog.getByText('Deckblatt und Papier').waitFor();
      await expect.poll(() => exportDialog.getByTestId('export-page-count').textContent(), { timeout: 30_000 }).toMatch(/^\d+ Seiten?$/);
      const exportWords = await visibleWords(page, '[role="dialog"]');
      expect(exportWords.filter((w) => ['Sections', 'Cancel', 'Export PDF…', 'Cover and paper', 'Consultancy', 'Paper', 'Portfolio CSV', 'Calendar (.ics)', 'Choose use cases'].includes(w))).toEqual([]);
      await screenshot(page, `de-files-export-${width}`);
      await exportDialog.getByRole('button', { name: 'Abbrechen' }).click();

      // Backups: the screen, its table and its messages in German.
      await page.goto(page.url().replace(/#.*$/, '#/backups'));
      await page.getByRole('heading', { name: 'Sicherungen', level: 1 }).waitFor();
      await expect.poll(() => page.getByTestId('storage-persistence').textContent()).toMatch(/Speicher|Browser/);
      await page.getByRole('button', { name: 'Jetzt sichern' }).click();
      await expect.poll(() => page.getByTestId('backup-status').textContent()).toMatch(/1 Workshop gesichert|bereits gesichert/);
      await page.getByRole('button', { name: 'Als Kopie wiederherstellen' }).first().waitFor();
      const backupWords = await visibleWords(page, 'main');
      expect(backupWords.filter((w) => ['Back up now', 'Taken', 'Use cases', 'Size', 'Restore as a copy', 'Save to file…', 'Backups'].includes(w))).toEqual([]);
      await screenshot(page, `de-files-backups-${width}`);

      // Restoring says so in German, with the German way of writing the moment.
      await page.getByRole('button', { name: 'Als Kopie wiederherstellen' }).first().click();
      await page.locator('.toast', { hasText: /wiederhergestellt/ }).first().waitFor();
    });
  }

  it('says the encoding, its warning and a reading error of the client’s CSV in German', async () => {
    const page = await openGermanWorkshop(1280, 720);
    await page.getByRole('button', { name: 'Tabelle importieren…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Anwendungsfälle aus einer Tabelle importieren' });
    let chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Datei wählen…' }).click();
    await (await chooser).setFiles(WINDOWS_1252_CSV);
    const encoding = dialog.getByTestId('encoding');
    await encoding.waitFor();
    // Guessed as Windows-1252, named and explained in German.
    expect(await encoding.locator('option:checked').textContent()).toBe('Windows-1252 (Westeuropäisch: Deutsch, Französisch, Spanisch …)');
    expect(await dialog.locator('.source-reason').first().textContent()).toBe('Gewählt, weil die Bytes kein gültiges UTF-8 sind.');
    expect(await dialog.getByText('Textkodierung', { exact: true }).count()).toBe(1);
    // Read as UTF-8 instead, the umlauts cannot be read: the warning is German.
    await encoding.selectOption('utf-8');
    const warning = dialog.getByTestId('encoding-warning');
    await warning.waitFor();
    const warned = (await warning.textContent()) ?? '';
    expect(warned).toMatch(/^\d+ Zeichen konnten? nicht als UTF-8 \(Unicode\) gelesen werden und würden? als „�“ gespeichert\. Wählen Sie die Kodierung/);
    expect(warned).not.toMatch(/could not|stored as|Choose/);
    expect(await dialog.locator('.source-reason').first().textContent()).toMatch(/^Liftoff hatte Windows-1252 .* vermutet\.$/);
    await screenshot(page, 'de-files-encoding-1280');

    // A file cut inside a quoted cell: the reading error names the row in German.
    const text = readFileSync(SHARED_GERMAN_CSV, 'utf8').replace(/\r?\n/, '\n"Abgeschnittene Zelle;');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Tabelle importieren…' }).click();
    chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Datei wählen…' }).click();
    await (await chooser).setFiles({ name: 'kaputt.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
    const error = dialog.getByTestId('csv-error');
    await error.waitFor();
    const said = (await error.textContent()) ?? '';
    expect(said).toMatch(/^Die Datei ließ sich mit dieser Kodierung nicht lesen: Zeile 2 hat eine Zelle in Anführungszeichen/);
    expect(said).not.toMatch(/quoted cell|could not|Row \d/);
    await screenshot(page, 'de-files-read-error-1280');
  });

  it('says why a damaged workshop file cannot be opened, in German', async () => {
    app = await launchApp({ width: 1280, height: 720, locale: 'de-DE' });
    const { page } = app;
    await page.getByRole('heading', { name: 'Noch keine Workshops' }).waitFor();
    const chooser = page.waitForEvent('filechooser');
    await page.locator('.topbar-actions button').first().click();
    await (await chooser).setFiles({ name: 'kaputt.liftoff.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "liftoff.workshop", "formatVersion": 4, "work') });
    const dialog = page.getByRole('dialog', { name: '„kaputt.liftoff.json“ konnte nicht geöffnet werden' });
    await dialog.waitFor();
    expect(await dialog.getByTestId('import-error').textContent()).toMatch(/^Die Datei scheint abgeschnitten.*Es wurde nichts importiert\.$/);
    await screenshot(page, 'de-files-error-1280');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await page.getByRole('heading', { name: 'Noch keine Workshops' }).waitFor();
  });
});
