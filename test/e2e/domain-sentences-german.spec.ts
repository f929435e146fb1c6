// A German workshop's own sentences: its roadmap is planned with German phases and gates (method
// content copied in the workshop's language), its .ics gate sessions and its sponsor pack say the
// roadmap, the RACI problems, the cadence and the health findings in German (pdftotext), whatever
// the interface speaks; with the interface in German the roadmap timeline and the ownership screen
// speak German too; once the workshop turns French its pack says them in French. Real Chromium,
// real IndexedDB, the PDF made in the worker.
import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { addUseCases, createWorkshop, dismissToasts, launchApp, openTab, screenshot, waitSaved, type AppHandle } from './support/app';

let app: AppHandle | null = null;
afterEach(async () => {
  if (!app) return;
  const errors = [...app.consoleErrors];
  await app.close();
  app = null;
  expect(errors).toEqual([]);
});

const dir = mkdtempSync(join(tmpdir(), 'liftoff-domain-de-'));
// Long German compounds from /work/shared/fixtures/logistik-usecases-de.csv.
const TITLES = ['Sendungsverfolgungsbenachrichtigungsassistent für Geschäftskunden', 'Lagerplatzoptimierungsvorhersage im Hochregallager'];

async function download(page: Page, button: string, name: string): Promise<string> {
  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await expect.poll(() => dialog.getByTestId('export-page-count').innerText(), { timeout: 30_000 }).toMatch(/^\d+/);
  const file = page.waitForEvent('download', { timeout: 60_000 });
  await dialog.getByRole('button', { name: new RegExp(button) }).click();
  const path = join(dir, name);
  await (await file).saveAs(path);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden', timeout: 30_000 });
  await dismissToasts(page);
  return path;
}

/** What the English domain writes for these parts: none of it may reach the German pack or calendar. */
const ENGLISH = [
  'Readiness & baseline',
  'Pilot start check',
  'Pilot results review',
  'Gate decision',
  'Scale decision',
  'has no Accountable role',
  'Every Monday',
  'of the month',
  'on or after each gate',
  'No success criteria',
  'Readiness diagnostic not done',
];

describe('a German workshop’s own sentences', () => {
  it('its roadmap, .ics and sponsor pack are German; with a German interface the timeline and ownership screens are too', async () => {
    app = await launchApp({ width: 1280, height: 720, locale: 'en-US' });
    const { page } = app;
    await createWorkshop(page, { name: 'Logistik-Workshop', client: 'Nordwind Spedition', facilitator: 'Zoë Müller' });
    await page.getByRole('link', { name: 'Details' }).click();
    await page.getByTestId('workshop-language').selectOption('de');
    await waitSaved(page);
    await openTab(page, 'Use cases');
    await addUseCases(page, TITLES);

    // Roles, decisions and meetings as shipped, in German; nobody accountable yet.
    await page.getByRole('navigation', { name: 'Workshop sections' }).getByRole('link', { name: 'Ownership' }).click();
    await page.getByRole('button', { name: 'Add the standard roles and decisions' }).click();
    await page.getByRole('button', { name: 'Add the standard meetings' }).click();
    await expect.poll(() => page.getByTestId('meeting').count()).toBe(3);
    await waitSaved(page);

    // The roadmap: both use cases planned from the template, in the workshop's language.
    await openTab(page, 'Roadmap');
    await page.getByRole('button', { name: /^Add all 2/ }).click();
    await waitSaved(page);
    await page.getByTestId('roadmap-timeline').getByText('Vorbereitung & Baseline').first().waitFor();
    await page.getByTestId('roadmap-timeline').getByText('Not ranked yet').first().waitFor();

    const ics = readFileSync(await download(page, 'Calendar', 'cadence.ics'), 'utf8').replace(/\r\n /g, '');
    expect(ics).toContain('Freigabe des Pilotstarts');
    expect(ics).toContain('Gate-Entscheidung');
    for (const english of ENGLISH) expect(ics).not.toContain(english);

    const pdf = await download(page, 'PDF', 'pack-de.pdf');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    // The cadence's "when", the RACI problems, the health findings, the plan's gates: German.
    expect(text).toContain('Jeden Montag um 09:30 Uhr, 45 Min.');
    expect(text).toContain('„Pilotumfang“ hat keine Accountable-Rolle.');
    expect(text).toContain('Reifegrad-Diagnose wurde noch nicht begonnen');
    expect(text).toContain('Freigabe des Pilotstarts');
    for (const english of ENGLISH) expect(text).not.toContain(english);

    // The interface turns German: the timeline and the ownership screen speak it.
    await page.getByRole('link', { name: 'All workshops' }).click();
    await page.getByTestId('interface-language').selectOption('de');
    await page.locator('.workshop-open').first().click();
    const sections = page.getByRole('navigation', { name: 'Bereiche des Workshops' });
    await sections.getByRole('link', { name: 'Roadmap', exact: true }).click();
    const timeline = page.getByRole('toolbar', { name: 'Zeitachse' });
    await timeline.getByRole('button', { name: 'Ganzen Plan zeigen' }).waitFor();
    await timeline.getByRole('button', { name: 'Verkleinern' }).waitFor();
    await page.getByTestId('roadmap-timeline').getByText('Jeden Montag, 09:30 Uhr').first().waitFor();
    expect(await page.getByTestId('roadmap-timeline').getByText(/^Tag \d+–\d+$/).count()).toBeGreaterThan(0);
    expect(await page.getByTestId('roadmap-timeline').getByText('Every Monday').count()).toBe(0);
    await screenshot(page, 'domain-de-roadmap-1280x720');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'domain-de-roadmap-1920x1080');

    await sections.getByRole('link', { name: 'Verantwortung', exact: true }).click();
    const warning = page.getByTestId('raci-warning');
    await expect.poll(() => warning.innerText()).toContain('„Pilotumfang“ hat keine Accountable-Rolle.');
    await expect.poll(() => page.getByTestId('meeting').first().getByTestId('meeting-summary').innerText()).toBe('Jeden Montag um 09:30 Uhr, 45 Min.');
    await screenshot(page, 'domain-de-ownership-1920x1080');
    await page.setViewportSize({ width: 1280, height: 720 });
    await screenshot(page, 'domain-de-ownership-1280x720');

    // The workshop turns French: its pack says the same parts in French (the plan keeps the
    // German labels it was made with: they are the workshop's data now).
    await page.getByRole('link', { name: 'Angaben' }).click();
    await page.getByTestId('workshop-language').selectOption('fr');
    await expect.poll(() => page.getByTestId('workshop-language').inputValue()).toBe('fr');
    await page.getByTestId('save-status').filter({ hasText: /^Gespeichert$/ }).waitFor();
    const fr = execFileSync('pdftotext', ['-enc', 'UTF-8', await download(page, 'PDF', 'pack-fr.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(fr).toContain('Chaque lundi à 09:30, 45 min');
    expect(fr).toContain('« Pilotumfang » n’a aucun rôle Accountable.');
    expect(fr).toContain('diagnostic de maturité n’a pas été commencé');
    for (const english of ENGLISH) expect(fr).not.toContain(english);
    expect(fr).not.toContain('Jeden Montag');
  });
});
