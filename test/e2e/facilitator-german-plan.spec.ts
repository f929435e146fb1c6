// The facilitator's screens of the pipeline and the plan in German: a consultant whose computer
// speaks German sees the pipeline board, the gate review, the decision log, the stage record, KPIs,
// risks, roadmap, ownership and the health check in German, with German dates, and long German
// titles that fit at 1280×720. Real Chromium, real IndexedDB; the system language is German.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { dismissToasts, keys, launchApp, screenshot, type AppHandle } from './support/app';
import { TITLES, roomWorkshopFile } from './support/room-workshop';

let app: AppHandle | null = null;
afterEach(async () => {
  if (!app) return;
  const errors = [...app.consoleErrors];
  const violations = [...app.cspViolations];
  await app.close();
  app = null;
  expect(violations).toEqual([]);
  expect(errors).toEqual([]);
});

const WS = '59e3de49-2b83-4903-b6de-9c743108d1e5';
// The sample's second use case: it has a KPI, a risk and a pilot design.
const UC = '668d79bc-be3e-4430-8901-ebf7b4a59edd';

async function open(page: Page, path: string): Promise<void> {
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, `#/w/${WS}/${path}`);
}

/** Nothing in `selector` is wider than its box (text cut or running out). */
async function overflowing(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((els) =>
    els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => `${el.className}: ${(el.textContent ?? '').slice(0, 60)}`),
  );
}

describe('the facilitator’s pipeline and plan screens in German', () => {
  it('walks the pipeline, gate review, decision log, stage record, KPIs, risks, roadmap, ownership and health check in German', async () => {
    app = await launchApp({ width: 1280, height: 720, locale: 'de-DE' });
    const { page } = app;
    // The interface language's catalog arrives as the app starts; the first render waits for it.
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('de');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Workshop-Datei öffnen…' }).click();
    await (await chooser).setFiles(roomWorkshopFile());
    await page.waitForURL(/#\/w\//);
    await page.locator('.tabs').waitFor();
    await dismissToasts(page);

    // The pipeline board: German stage names and purposes, long German titles inside their cards.
    await open(page, 'pipeline');
    await page.getByRole('heading', { name: /^Pipeline/ }).waitFor();
    await page.getByRole('heading', { name: /Stufe 0 · Reifegrad/ }).waitFor();
    await page.getByText('Soll jetzt ein Pilot starten?').waitFor();
    await page.getByRole('link', { name: `Akte öffnen von ${TITLES[2]}` }).waitFor();
    expect(await overflowing(page, '.pl-card')).toEqual([]);
    await screenshot(page, 'facilitator-de-pipeline-1280');

    // The gate review a move opens, in German.
    const card = page.getByRole('button', { name: new RegExp(`^${TITLES[2]}, in Stufe 0`) });
    await card.focus();
    await keys(page, ['Space', 'ArrowRight', 'Space']);
    const dialog = page.getByRole('dialog', { name: `Gate-Prüfung: ${TITLES[2]}` });
    await dialog.waitFor();
    await dialog.getByText('Gate-Kriterien').waitFor();
    await dialog.getByRole('button', { name: 'Entscheidung erfassen' }).waitFor();
    await dialog.getByLabel('Entschieden von').waitFor();
    await screenshot(page, 'facilitator-de-gate-review-1280');
    await dialog.getByRole('button', { name: 'Entwurf behalten' }).click();

    // The decision log: German words around the sealed entries, German dates.
    await open(page, 'decisions');
    await page.getByRole('heading', { name: /^Entscheidungsprotokoll/ }).waitFor();
    await page.getByText(/Das Protokoll ist unversehrt: 3 Einträge/).waitFor();
    await page.getByRole('button', { name: 'Kette prüfen' }).waitFor();
    await screenshot(page, 'facilitator-de-decisions-1280');

    // The stage record: German sections, the readiness verdict and its reasons in German.
    await open(page, `pipeline/${UC}/readiness`);
    await page.getByRole('heading', { name: 'Reifegrad-Diagnose' }).waitFor();
    await page.getByRole('navigation', { name: 'Bereiche der Stufen-Akte' }).getByRole('link', { name: /Pilot-Design/ }).waitFor();
    await page.getByTestId('readiness-verdict').getByText('Reifegrad-Urteil').waitFor();
    expect(await page.getByTestId('readiness-reasons').innerText()).not.toMatch(/\b(?:the|is|of)\b/);
    await screenshot(page, 'facilitator-de-stage-readiness-1280');
    await open(page, `pipeline/${UC}/pilot`);
    await page.getByRole('heading', { name: 'Umfang und Daten' }).waitFor();
    await open(page, `pipeline/${UC}/controls`);
    await page.getByRole('heading', { name: 'Kontroll-Checklisten' }).waitFor();
    await page.getByRole('heading', { name: 'Härtung', exact: true }).waitFor();
    await screenshot(page, 'facilitator-de-stage-controls-1280');
    await open(page, `pipeline/${UC}/decisions`);
    await page.getByRole('heading', { name: /^Gate-Entscheidungen/ }).waitFor();
    await page.getByRole('link', { name: 'Ganzes Entscheidungsprotokoll öffnen' }).waitFor();

    // KPIs of the first use case: German layers, labels and buttons.
    await open(page, `kpis/${UC}`);
    await page.getByRole('heading', { name: 'KPIs', exact: true }).waitFor();
    await page.getByRole('heading', { name: /^Geschäftswirkung/ }).waitFor();
    await page.getByRole('button', { name: '+ Eigener KPI…' }).first().waitFor();
    await page.getByRole('button', { name: /^KPI .* entfernen$/ }).first().waitFor();
    await screenshot(page, 'facilitator-de-kpis-1280');

    // Risks: German register, heat map and controls.
    await open(page, 'risks');
    await page.getByRole('heading', { name: /^Risiken/ }).waitFor();
    await page.getByRole('heading', { name: 'Heatmap' }).waitFor();
    await page.getByRole('button', { name: 'Risiko hinzufügen' }).waitFor();
    await page.getByRole('group', { name: 'Risiko-Heatmap: Wahrscheinlichkeit nach Auswirkung' }).waitFor();
    await screenshot(page, 'facilitator-de-risks-1280');

    // The roadmap: German heading, summary with a German date, legend.
    await open(page, 'roadmap');
    await page.getByRole('heading', { name: /^120-Tage-Roadmap/ }).first().waitFor();
    await page.getByRole('list', { name: 'Legende' }).waitFor();
    await screenshot(page, 'facilitator-de-roadmap-1280');

    // Ownership: German panels, RACI words and a meeting summary in German.
    await open(page, 'governance');
    await page.getByRole('heading', { name: 'Verantwortung und Rhythmus' }).waitFor();
    await page.getByRole('heading', { name: 'Entscheidungsrechte' }).waitFor();
    await expect.poll(async () => (await page.getByTestId('meeting-summary').allInnerTexts()).join(' | ')).toMatch(/^Jeden (Montag|Dienstag|Mittwoch|Donnerstag|Freitag)/);
    await screenshot(page, 'facilitator-de-ownership-1280');

    // The health check: German findings, severities and fix links.
    await open(page, 'health');
    await page.getByRole('heading', { name: 'Gesundheitscheck der Roadmap' }).waitFor();
    await page.getByRole('link', { name: /^Beheben: / }).first().waitFor();
    const details = await page.locator('.health-finding-detail').allInnerTexts();
    expect(details.length).toBeGreaterThan(0);
    for (const d of details) expect(d).not.toMatch(/\b(?:the|is not|must be)\b/);
    await page.getByText('Was geprüft wird (15 Prüfungen)').click();
    await page.getByText('Härtung aufgeschoben').waitFor();
    await screenshot(page, 'facilitator-de-health-1280');
  });

  it('shows the pipeline and the health check in French at 1920×1080, with French typography', async () => {
    app = await launchApp({ width: 1920, height: 1080, locale: 'fr-FR' });
    const { page } = app;
    // The interface language's catalog arrives as the app starts; the first render waits for it.
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('fr');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: /^Ouvrir/ }).first().click();
    await (await chooser).setFiles(roomWorkshopFile());
    await page.waitForURL(/#\/w\//);
    await page.locator('.tabs').waitFor();
    await dismissToasts(page);

    await open(page, 'pipeline');
    await page.getByRole('heading', { name: /Étape 0 · Maturité/ }).waitFor();
    await page.getByText('Faut-il lancer un pilote maintenant\u202f?').waitFor();
    expect(await overflowing(page, '.pl-card')).toEqual([]);
    await screenshot(page, 'facilitator-fr-pipeline-1920');

    await open(page, 'health');
    await page.getByRole('heading', { name: 'Bilan de santé de la feuille de route' }).waitFor();
    await page.getByRole('link', { name: /^Corriger\s: / }).first().waitFor();
    await screenshot(page, 'facilitator-fr-health-1920');
  });
});
