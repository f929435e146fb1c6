// The method's shipped content takes the workshop's language when it is copied in: a German
// workshop (in an English interface) gets its standard agenda, a KPI picked from the library and
// its gate criteria in German, and its portfolio CSV comes out with German headers. Real Chromium.
import { afterEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addUseCases, createWorkshop, dismissToasts, dragWithMouse, launchApp, openTab, screenshot, waitSaved, type AppHandle } from './support/app';

let app: AppHandle | null = null;
afterEach(async () => {
  if (!app) return;
  const errors = [...app.consoleErrors];
  await app.close();
  app = null;
  expect(errors).toEqual([]);
});

const TITLE = 'Retourenbegründungen automatisch klassifizieren und an die Lieferantenbewertung weitergeben';
const column = (page: Page, label: RegExp) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: label }) });
const cardIn = (col: Locator) => col.getByRole('button', { name: /^Retourenbegründungen.*, in / });

describe('method content in the workshop’s language', () => {
  it('a German workshop gets a German agenda, KPI from the library and gate criteria, and a CSV with German headers', async () => {
    app = await launchApp({ width: 1280, height: 720, locale: 'en-US' });
    const { page } = app;
    await createWorkshop(page, { name: 'Logistik-Workshop', client: 'Nordwind Spedition', facilitator: 'Zoë Müller' });
    await page.getByRole('link', { name: 'Details' }).click();
    await page.getByTestId('workshop-language').selectOption('de');
    await waitSaved(page);
    await openTab(page, 'Use cases');
    await addUseCases(page, [TITLE]);

    // The standard agenda: German session titles, offered in German before it is added.
    await openTab(page, 'Agenda');
    await page.getByText(/Einführung und Ziele, Reifegrad-Diagnose/).waitFor();
    await page.getByRole('button', { name: 'Add the standard agenda' }).click();
    await waitSaved(page);
    const titles = () => page.getByLabel(/^Session \d+ title$/).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    await expect.poll(titles).toEqual([
      'Einführung und Ziele',
      'Reifegrad-Diagnose',
      'Anwendungsfälle sammeln',
      'Bewertung',
      'Priorisierung',
      '120-Tage-Roadmap',
      'Abschluss und nächste Schritte',
    ]);

    // A KPI from the library: offered and stored in German.
    await openTab(page, 'KPIs');
    await page.getByRole('button', { name: /^Add Rückfallquote/ }).click();
    await waitSaved(page);
    expect(await page.getByRole('button', { name: /^Add Fallback rate/ }).count()).toBe(0);
    const kpi = page.getByRole('article', { name: 'Rückfallquote', exact: true });
    await kpi.waitFor();
    expect(await kpi.getByLabel('Response when red', { exact: true }).inputValue()).toMatch(/^Alle Fälle in den manuellen Prozess leiten/);
    await screenshot(page, 'method-content-de-kpis');

    // The gate review into Stage 1 asks the German criteria, each with its German help.
    await openTab(page, 'Pipeline');
    await dismissToasts(page);
    const stage0 = column(page, /^Stage 0 · Readiness/);
    const stage1 = column(page, /^Stage 1 · Pilot design/);
    await dragWithMouse(page, cardIn(stage0), stage1);
    const review = page.getByRole('dialog');
    await review.getByText('Reifegrad-Diagnose gibt den Pilot frei').waitFor();
    expect(await review.getByText('Ein benannter fachlicher Verantwortlicher für das Ergebnis').count()).toBe(1);
    expect(await review.getByText('Eine Person im Fachbereich steht für das Ergebnis ein, kein Gremium.').count()).toBe(1);
    expect(await review.getByText('A named business owner for the outcome').count()).toBe(0);
    await screenshot(page, 'method-content-de-gate-review');
    await page.keyboard.press('Escape');
    await review.waitFor({ state: 'detached' });

    // The projector's matrix: axis and quadrant words in German, in an English interface.
    await page.getByRole('button', { name: 'Presenter' }).click();
    const presenter = page.getByTestId('presenter');
    await presenter.getByRole('navigation', { name: 'Auf der Leinwand zeigen' }).getByRole('link', { name: 'Matrix' }).click();
    await presenter.getByRole('heading', { name: 'Priorisierungsmatrix' }).waitFor();
    const grid = presenter.locator('.mx-grid');
    // textContent: the labels are set in capitals by CSS only.
    const words = (selector: string) => grid.locator(selector).allTextContents();
    expect((await words('.mx-quadrant-label')).sort()).toEqual(['Lückenfüller 0', 'Schnelle Erfolge 0', 'Strategische Wetten 0', 'Zurückstellen 0']);
    expect((await words('.mx-axis-title')).map((w) => w.trim())).toEqual(['Geschäftlicher Nutzen →', 'Machbarkeit →']);
    await presenter.getByText('Noch nicht auf der Matrix').waitFor();
    await screenshot(page, 'method-content-de-projector-matrix-1280');
    await page.keyboard.press('Escape');
    await presenter.waitFor({ state: 'detached' });

    // The portfolio CSV: German headers and stage, the title as typed.
    await page.keyboard.press('Control+e');
    const dialog = page.getByRole('dialog', { name: 'Export the sponsor pack' });
    await dialog.waitFor();
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Portfolio CSV' }).click();
    const path = join(mkdtempSync(join(tmpdir(), 'liftoff-csv-de-')), 'portfolio.csv');
    await (await download).saveAs(path);
    const lines = readFileSync(path, 'utf8').slice(1).split('\r\n');
    const header = lines[0] ?? '';
    expect(header).toMatch(/^"Rang"[;,]"Anwendungsfall"[;,]"Gesamtwert"[;,]"Geschäftlicher Nutzen"/);
    expect(header).toContain('"Fachverantwortliche/r"');
    expect(lines[1]).toContain(`"${TITLE}"`);
    expect(lines[1]).toContain('"Phase 0 · Reifegrad"');
  });
});
