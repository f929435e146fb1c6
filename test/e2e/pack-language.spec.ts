// The sponsor pack speaks the workshop's language, not the interface's: a German workshop's pack,
// exported from an English interface, comes back German from pdftotext (numbers and dates
// included); after the interface turns French it is still German; a French workshop's pack is
// French. Real Chromium, real IndexedDB, the PDF made in the worker.
import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { dismissToasts, launchApp, type AppHandle } from './support/app';
import { buildWorkshopFile, serializeWorkshopFile } from '../../renderer/domain/workshop-file';
import { insurerWorkshop } from '../unit/pdf/insurer-fixture';

let app: AppHandle | null = null;
afterEach(async () => {
  if (!app) return;
  const errors = [...app.consoleErrors];
  await app.close();
  app = null;
  expect(errors).toEqual([]);
});

const dir = mkdtempSync(join(tmpdir(), 'liftoff-pack-language-'));

function germanInsurerFile(): string {
  const { workshop, rows } = insurerWorkshop();
  const path = join(dir, 'claims-ai-day-de.liftoff.json');
  writeFileSync(path, serializeWorkshopFile(buildWorkshopFile({ ...workshop, language: 'de' }, rows, '0.1.0', '2026-11-24T09:00:00.000Z')));
  return path;
}

/** Exports the pack from the workshop open on screen and returns its text, one string per page. */
async function exportPack(page: Page, name: string): Promise<string[]> {
  // The dialog's own words follow the interface (another part of the app translates them).
  await page.getByRole('button', { name: /^Export/ }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await expect.poll(() => dialog.getByTestId('export-page-count').innerText(), { timeout: 30_000 }).toMatch(/^\d+/);
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await dialog.getByRole('button', { name: /PDF/ }).click();
  const file = await download;
  const path = join(dir, name);
  await file.saveAs(path);
  await dialog.waitFor({ state: 'hidden', timeout: 30_000 });
  await dismissToasts(page);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  return text.split('\f').filter((p, i, all) => i < all.length - 1 || p.trim() !== '');
}

const flat = (pages: string[]) => pages.join('\n').replace(/\s+/g, ' ');

function expectGerman(pages: string[]): void {
  const text = flat(pages);
  for (const words of ['SPONSOR-PAKET', 'Inhalt', 'Erbetene Entscheidungen', 'Zusammenfassung für die Geschäftsleitung', 'Priorisiertes Portfolio', 'Anwendungsfälle im Detail', 'Risiken im Portfolio', 'Governance und Entscheidungsrechte', 'Roadmap-Check']) {
    expect(text).toContain(words);
  }
  // Dates, percentages and decimal numbers as German writes them.
  expect(text).toContain('23. November 2026');
  expect(text).toContain('Geschäftlicher Nutzen 50 %');
  expect(text).toContain('zuletzt 88,5');
  expect(pages[1]).toContain(`Seite 2 von ${pages.length}`);
  // Stored text is printed as typed.
  expect(text).toContain('Claims triage');
  for (const english of ['Decisions requested', 'Executive summary', 'Contents', 'page 2 of']) expect(text).not.toContain(english);
  // The KPI status sentences the domain writes (app catalog, loaded in the PDF worker), German numbers included.
  expect(text).toContain('Routing accuracy: Gelb: 88,5 % liegt zwischen der roten Linie von 80 % und Grün ab 90 %.');
  expect(text).toContain('Fallback rate: Rot: 55 % liegt bei oder über der roten Linie von 50 %.');
  expectNoEnglishKpiSentence(text);
}

/** None of the KPI and gate sentences the domain writes in English is left. */
function expectNoEnglishKpiSentence(text: string): void {
  for (const english of ['is between the red line', 'the red line of', 'is at or above', 'is at or below', 'has not reached green', 'No measurement yet', 'Guardrail breached', 'No thresholds set', 'not yet stable', 'Not yet stable', 'hardening checklist']) {
    expect(text).not.toContain(english);
  }
}

describe('the sponsor pack in the workshop’s language', () => {
  it('a German workshop’s pack is German, also after the interface turns French; a French workshop’s pack is French', async () => {
    app = await launchApp({ width: 1440, height: 900, locale: 'en-US' });
    const { page } = app;
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open workshop file…' }).click();
    await (await chooser).setFiles(germanInsurerFile());
    await page.getByRole('heading', { name: /Use cases/ }).waitFor();
    await dismissToasts(page);

    expectGerman(await exportPack(page, 'pack-de.pdf'));

    // The interface turns French: the pack does not.
    await page.getByRole('link', { name: 'All workshops' }).click();
    await page.getByTestId('interface-language').selectOption('fr');
    await page.getByRole('heading', { name: 'Ateliers', exact: true }).waitFor();
    await page.locator('.workshop-open').first().click();
    expectGerman(await exportPack(page, 'pack-de-french-interface.pdf'));

    // The workshop turns French: so does its pack.
    await page.getByRole('link', { name: 'Informations' }).click();
    await page.getByTestId('workshop-language').selectOption('fr');
    await expect.poll(() => page.getByTestId('workshop-language').inputValue()).toBe('fr');
    const french = await exportPack(page, 'pack-fr.pdf');
    const text = flat(french);
    for (const words of ['DOSSIER SPONSOR', 'Sommaire', 'Décisions attendues', 'Synthèse', 'Portefeuille priorisé', 'Les cas d’usage en détail', 'Bilan de santé de la feuille de route']) {
      expect(text).toContain(words);
    }
    expect(text).toContain('23 novembre 2026');
    expect(text).toContain('dernière mesure 88,5');
    expect(french[1]).toContain(`page 2 sur ${french.length}`);
    expect(text).not.toContain('Erbetene Entscheidungen');
    expect(text).toContain('Routing accuracy: Orange : 88,5 % se situe entre le seuil rouge de 80 % et le vert à 90 %.');
    expect(text).toContain('Fallback rate: Rouge : 55 % est supérieur ou égal au seuil rouge de 50 %.');
    expectNoEnglishKpiSentence(text);
  });
});
