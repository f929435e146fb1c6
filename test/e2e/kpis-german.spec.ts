// The KPI form for a consultant whose computer speaks German: numbers typed the German way
// ("12,5", "1.234,5") are read as meant and shown back that way, what cannot be read is said in
// German, as are an emptied required field and a shortcut that needs an open workshop. Real
// Chromium, real IndexedDB; the system language is German.
import { afterEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { closeExpectingClean, launchApp, screenshot, type AppHandle } from './support/app';
import { roomWorkshopFile } from './support/room-workshop';

let app: AppHandle | null = null;
afterEach(async () => {
  if (app) await closeExpectingClean(app);
  app = null;
});

const WS = '59e3de49-2b83-4903-b6de-9c743108d1e5';
// The sample's second use case; its KPI "Fallback rate": %, lower is better, green up to 12, red from 20.
const UC = '668d79bc-be3e-4430-8901-ebf7b4a59edd';

async function open(page: Page, path: string): Promise<void> {
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, path);
}

async function typeInto(field: Locator, text: string) {
  await field.click();
  await field.press('ControlOrMeta+a');
  await field.pressSequentially(text, { delay: 10 });
  await field.press('Tab');
}

const saved = (page: Page) => page.getByTestId('save-status').filter({ hasText: /^Gespeichert$/ }).waitFor();

describe('the KPI form in German', () => {
  it('reads German numbers, says what it cannot read in German, and shows stored values the German way', async () => {
    app = await launchApp({ width: 1280, height: 720, locale: 'de-DE' });
    const { page } = app;
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('de');

    // No workshop open: a shortcut that needs one says so in German (once the home screen is up,
    // with its shortcuts).
    const openFile = page.getByRole('button', { name: 'Workshop-Datei öffnen…' });
    await openFile.waitFor();
    const needWorkshop = page.getByText('Öffnen Sie zuerst einen Workshop, um ihn als Datei zu speichern.');
    await expect
      .poll(async () => {
        await page.keyboard.press('Control+s');
        return needWorkshop.count();
      })
      .toBe(1);

    const chooser = page.waitForEvent('filechooser');
    await openFile.click();
    await (await chooser).setFiles(roomWorkshopFile());
    await page.waitForURL(/#\/w\//);
    await open(page, `#/w/${WS}/kpis/${UC}`);
    const kpi = page.getByRole('article', { name: 'Fallback rate', exact: true });
    await kpi.waitFor();
    const green = kpi.getByLabel('Grün bis', { exact: true });
    const baseline = kpi.getByLabel('Ausgangswert', { exact: true });
    expect(await green.inputValue()).toBe('12');

    // A German decimal is stored and the amber range written the German way.
    await typeInto(green, '12,5');
    await saved(page);
    await expect.poll(() => kpi.locator('.kpi-amber-text').innerText()).toBe('über 12,5\u00a0% und unter 20\u00a0%');

    // A lone dot before three digits could be either: refused, in German, nothing stored.
    await typeInto(baseline, '1.500');
    const ambiguous = kpi.getByRole('alert').filter({ hasText: '„1.500“ ist mehrdeutig: Schreiben Sie 1500 für Tausender oder 1,500 für eine Dezimalzahl.' });
    await ambiguous.waitFor();
    expect(await ambiguous.innerText()).toContain('Nicht gespeichert');
    // "1.234,5" is one thousand two hundred and thirty-four and a half: stored, with the
    // percentage warning in German numbers.
    await typeInto(baseline, '1.234,5');
    await kpi.getByText('1.234,5\u00a0% liegt außerhalb von 0–100\u00a0%.').waitFor();
    await saved(page);
    await typeInto(baseline, '30');
    await saved(page);

    // A measurement: a word for a value and a day that does not exist, both said in German.
    const form = kpi.getByRole('form', { name: 'Messung zu Fallback rate hinzufügen' });
    await form.getByLabel('Datum').fill('2026-03-02');
    await form.getByLabel(/^Wert/).fill('zwölf');
    await form.getByRole('button', { name: 'Hinzufügen' }).click();
    await form.getByText('Wert: „zwölf“ ist keine Zahl.').waitFor();
    await form.getByLabel('Datum').fill('30.02.2026');
    await form.getByLabel(/^Wert/).fill('14,5');
    await form.getByRole('button', { name: 'Hinzufügen' }).click();
    await form.getByText('Datum: „30.02.2026“: Einen 30. Februar 2026 gibt es nicht.').waitFor();

    // The name emptied: said in German, and not stored.
    const name = kpi.getByLabel('Name', { exact: true });
    await name.fill('');
    await kpi.getByRole('alert').filter({ hasText: 'Das Feld „Name“ darf nicht leer sein.' }).waitFor();
    await screenshot(page, 'kpis-de-form-1280');
    await name.press('Tab');

    // After a reload the stored decimal is shown with a German comma.
    await page.reload();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('de');
    const again = page.getByRole('article', { name: 'Fallback rate', exact: true });
    await again.waitFor();
    expect(await again.getByLabel('Grün bis', { exact: true }).inputValue()).toBe('12,5');
    expect(await again.getByLabel('Ausgangswert', { exact: true }).inputValue()).toBe('30');
  });
});
