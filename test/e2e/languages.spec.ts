// Two languages at once: a German workshop's projector and phone page speak German while the
// facilitator's interface is in English, and switching the interface to French leaves them in
// German. Real Chromium; the phone is a mobile device context whose own language is English.
import { afterEach, describe, expect, it } from 'vitest';
import { devices, type BrowserContext } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { dismissToasts, launchApp, screenshot, type AppHandle } from './support/app';
import { NAMES, TITLES, roomWorkshopFile } from './support/room-workshop';

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

/** The room workshop as a German one (a file of data version 4 carries the workshop's language). */
function germanWorkshopFile(): string {
  const path = roomWorkshopFile();
  const file = JSON.parse(readFileSync(path, 'utf8'));
  file.formatVersion = 4;
  file.workshop.language = 'de';
  writeFileSync(path, JSON.stringify(file));
  return path;
}

describe('languages: the interface and the workshop each have their own', () => {
  it('a German workshop shows German on the projector and the phones, also after the interface turns French', async () => {
    app = await launchApp({ width: 1280, height: 720, locale: 'en-US' });
    const { page, browser } = app;
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open workshop file…' }).click();
    await (await chooser).setFiles(germanWorkshopFile());
    await page.getByRole('heading', { name: /Use cases/ }).waitFor();
    await dismissToasts(page);

    // The facilitator's screens stay English; the workshop's details say German.
    await page.getByRole('link', { name: 'Details' }).click();
    await expect.poll(() => page.getByTestId('workshop-language').inputValue()).toBe('de');

    // Open the room on loopback with the first use case on the phones.
    await page.getByRole('link', { name: 'Scoring' }).click();
    await page.getByRole('button', { name: new RegExp(TITLES[0]!) }).click();
    await page.getByTestId('open-room').click();
    const dialog = page.getByRole('dialog', { name: 'Score on phones' });
    const radios = dialog.getByRole('radio');
    await expect.poll(() => radios.count()).toBeGreaterThan(0);
    await radios.last().check();
    await dialog.getByTestId('start-room').click();
    await page.getByTestId('room-panel').waitFor();
    const joinUrl = (await page.locator('.room-qr-small').getAttribute('data-qr-text'))!;

    // The projector: German words, marked lang="de" (so long compounds hyphenate), in an English interface.
    await page.getByRole('button', { name: 'Presenter' }).click();
    const presenter = page.getByTestId('presenter');
    await presenter.waitFor();
    expect(await presenter.getAttribute('lang')).toBe('de');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await presenter.getByRole('button', { name: /Präsentation beenden/ }).waitFor();
    const nav = presenter.getByRole('navigation', { name: 'Auf der Leinwand zeigen' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Agenda', 'Bewertung', 'Rangliste', 'Matrix']);
    // The join screen the room scans.
    const join = presenter.getByTestId('join-screen');
    await join.getByRole('heading', { name: 'Bewerten Sie auf Ihrem Telefon' }).waitFor();
    await join.getByText('0 von 12 beigetreten').waitFor();
    await screenshot(page, 'languages-projector-join-de-1280');
    // The ranking: German headings, German numbers ("4,33"), the long German titles on at most two lines.
    await nav.getByRole('link', { name: 'Rangliste' }).click();
    await presenter.getByRole('heading', { name: 'Priorisiertes Portfolio' }).waitFor();
    expect(await presenter.locator('.rank-table thead th').allInnerTexts()).toEqual(
      ['Rang', 'Anwendungsfall', 'Geschäftlicher Nutzen', 'Machbarkeit', 'Organisatorische Reife', 'Gesamt', 'Quadrant'].map((h) => h.toUpperCase()),
    );
    expect(await presenter.locator('.rank-combined').first().innerText()).toBe('4,33');
    await presenter.getByText('Schnelle Erfolge').first().waitFor();
    const lines = await presenter.locator('.rank-title').evaluateAll((els) =>
      els.map((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return Math.round(range.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight));
      }),
    );
    expect(lines.length).toBe(5);
    for (const n of lines) expect(n).toBeLessThanOrEqual(2);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    await screenshot(page, 'languages-projector-ranking-de-1280');
    await nav.getByRole('link', { name: 'Agenda' }).click();
    await presenter.getByRole('heading', { name: 'Agenda' }).waitFor();
    await presenter.getByText(/\d+ Min\./).first().waitFor();
    await screenshot(page, 'languages-projector-de-1280');

    // A phone whose own language is English speaks the workshop's German.
    const contexts: BrowserContext[] = [];
    try {
      const context = await browser.newContext({ ...devices['Pixel 7'], locale: 'en-US' });
      contexts.push(context);
      const phone = await context.newPage();
      phone.on('pageerror', (e) => app?.consoleErrors.push(`phone: ${String(e)}`));
      await phone.goto(joinUrl);
      await phone.getByText('Wer sind Sie? Tippen Sie auf Ihren Namen.').waitFor();
      expect(await phone.evaluate(() => document.documentElement.lang)).toBe('de');
      expect(await phone.title()).toBe('Liftoff · Bewerten');
      await phone.getByRole('button', { name: NAMES[0]!, exact: true }).click();
      await phone.getByRole('heading', { name: TITLES[0] }).waitFor();
      await phone.getByText(`Sie bewerten als ${NAMES[0]}.`, { exact: false }).waitFor();
      await phone.getByText('Wählen Sie für jedes der 3 Kriterien eine Zahl.').waitFor();
      for (const [label, value] of [['Geschäftlicher Nutzen', 4], ['Machbarkeit', 3], ['Organisatorische Reife', 5]] as const) {
        await phone.getByRole('group', { name: label }).getByRole('button', { name: new RegExp(`^${label} ${value}:`) }).click();
      }
      await phone.getByRole('button', { name: 'Bewertung senden' }).click();
      await phone.getByText('Angekommen. Bis zur Auflösung können Sie Ihre Bewertung noch ändern.').waitFor();
      await screenshot(phone, 'languages-phone-de');

      // The interface turns French: the facilitator's screens change, the room's do not.
      await presenter.getByRole('button', { name: /Präsentation beenden/ }).click();
      await page.getByRole('link', { name: 'All workshops' }).click();
      await page.getByTestId('interface-language').selectOption('fr');
      await page.getByRole('heading', { name: 'Ateliers', exact: true }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
      await page.getByRole('button', { name: 'Nouvel atelier' }).waitFor();
      await page.locator('.workshop-open').first().click();
      await page.getByRole('button', { name: 'Présenter' }).click();
      await presenter.waitFor();
      await expect.poll(() => presenter.getAttribute('lang')).toBe('de');
      await presenter.getByRole('button', { name: /Präsentation beenden/ }).waitFor();
      expect(await presenter.getByRole('navigation', { name: 'Auf der Leinwand zeigen' }).getByRole('link').allInnerTexts()).toEqual(['Agenda', 'Bewertung', 'Rangliste', 'Matrix']);
      // The phone, reloaded, is still German.
      await phone.reload();
      await phone.getByText('Angekommen ✓').waitFor();
      expect(await phone.evaluate(() => document.documentElement.lang)).toBe('de');

      // The interface language is remembered across a reload.
      await page.reload();
      await page.getByRole('button', { name: 'Présenter' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
      // Leave no room open for the next test.
      await page.getByRole('link', { name: 'Notation' }).click();
      await page.getByTestId('close-room').click();
    } finally {
      for (const c of contexts) await c.close();
    }
  }, 120_000);

  it('a new workshop takes the system’s language, and changing it in the details turns the projector at once', async () => {
    app = await launchApp({ width: 1280, height: 720, locale: 'fr-FR' });
    const { page } = app;
    // The interface follows the system: French.
    await page.getByRole('heading', { name: 'Ateliers', exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await page.getByRole('button', { name: 'Nouvel atelier' }).first().click();
    await page.getByLabel('Nom de l’atelier').fill('Journée IA logistique');
    expect(await page.getByTestId('workshop-language').inputValue()).toBe('fr');
    await page.getByRole('button', { name: 'Créer l’atelier' }).click();
    await page.getByRole('button', { name: 'Présenter' }).waitFor();
    await page.getByRole('link', { name: 'Informations' }).click();
    await page.getByTestId('workshop-language').selectOption('de');
    await page.getByTestId('save-status').getByText('Enregistré').waitFor();
    await expect.poll(() => page.getByTestId('workshop-language').inputValue()).toBe('de');
    await page.getByRole('button', { name: 'Présenter' }).click();
    const presenter = page.getByTestId('presenter');
    await presenter.waitFor();
    await expect.poll(() => presenter.getAttribute('lang')).toBe('de');
    await presenter.getByText('Für diesen Workshop gibt es noch keine Agenda.').waitFor();
    // …and the facilitator's own chrome is still French.
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
  }, 60_000);
});
