// The facilitator's own screens in German: a consultant whose system speaks German gets Liftoff's
// use cases, participants, scoring, the matrix (its facilitator side), the agenda and the activity log in German,
// with no English button label left from those screens. Real Chromium, system locale de-DE.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeExpectingClean, dismissToasts, launchApp, screenshot, type AppHandle } from './support/app';
import { TITLES, roomWorkshopFile } from './support/room-workshop';

let app: AppHandle | null = null;
afterEach(async () => {
  if (app) await closeExpectingClean(app);
  app = null;
});

/** Visible button labels (and aria-labels) on the page, to check no English one is left. */
async function buttonNames(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, [role="button"]')]
      .filter((b) => b.getClientRects().length > 0)
      .map((b) => (b.textContent ?? '').trim() || b.getAttribute('aria-label') || ''),
  );
}

function expectNoneOf(names: string[], english: string[]): void {
  expect(names.filter((n) => english.includes(n))).toEqual([]);
}

describe('the facilitator’s screens in German', () => {
  it('use cases, participants, scoring, the matrix, the agenda and the activity log speak German', async () => {
    app = await launchApp({ width: 1280, height: 720, locale: 'de-DE' });
    const { page } = app;
    await page.getByRole('heading', { name: 'Noch keine Workshops' }).waitFor();
    const chooser = page.waitForEvent('filechooser');
    await page.locator('.topbar-actions button').first().click();
    await (await chooser).setFiles(roomWorkshopFile());
    await page.getByRole('heading', { name: /Anwendungsfälle/ }).waitFor();
    await dismissToasts(page);

    // Use cases: list, capture box, filters and the editor.
    await page.getByRole('button', { name: 'Tabelle importieren…' }).waitFor();
    await page.getByPlaceholder('Anwendungsfall tippen, Eingabetaste drücken…').waitFor();
    await page.locator('.uc-row-main', { hasText: TITLES[1]! }).click();
    await page.getByRole('button', { name: 'Anwendungsfall löschen' }).waitFor();
    await page.getByLabel('Problem oder Entscheidungspunkt').waitFor();
    expectNoneOf(await buttonNames(page), ['Import spreadsheet…', 'Add', 'Delete use case', 'Clear']);
    await screenshot(page, 'de-use-cases-1280');
    await page.getByRole('button', { name: 'Tabelle importieren…' }).click();
    await page.getByRole('dialog', { name: 'Anwendungsfälle aus einer Tabelle importieren' }).waitFor();
    await page.getByRole('button', { name: 'Datei wählen…' }).waitFor();
    await screenshot(page, 'de-import-dialog-1280');
    await page.keyboard.press('Escape');

    // Participants: add form, rows, remove, import dialog.
    await page.getByRole('link', { name: 'Teilnehmende' }).click();
    await page.getByRole('heading', { name: /Teilnehmende/ }).waitFor();
    await page.getByRole('button', { name: 'Person hinzufügen' }).waitFor();
    await page.getByRole('button', { name: 'Entfernen' }).first().waitFor();
    expectNoneOf(await buttonNames(page), ['Add participant', 'Remove', 'Import scores from a spreadsheet…']);
    await screenshot(page, 'de-participants-1280');
    await page.getByRole('button', { name: 'Bewertungen aus Tabelle importieren…' }).click();
    await page.getByRole('dialog', { name: 'Bewertungen der Teilnehmenden importieren' }).waitFor();
    await page.keyboard.press('Escape');

    // Scoring: the list, starting a round, the masked grid, the consensus and the rubrics.
    await page.getByRole('link', { name: 'Bewertung' }).click();
    await page.getByRole('heading', { name: 'Bewertung', exact: true }).waitFor();
    await page.getByRole('button', { name: new RegExp(TITLES[0]!) }).click();
    await page.getByRole('button', { name: 'Runde 1 starten' }).click();
    await page.getByRole('button', { name: 'Alle Bewertungen aufdecken' }).waitFor();
    await page.getByRole('button', { name: 'Tastatur weitergeben' }).waitFor();
    await page.getByRole('button', { name: 'Auf Handys bewerten…' }).waitFor();
    expectNoneOf(await buttonNames(page), ['Rubrics…', 'Reveal all scores', 'Facilitator enters', 'Pass the keyboard', 'Start timer', 'Score on phones…', 'Override…']);
    await screenshot(page, 'de-scoring-1280');
    await page.getByRole('button', { name: 'Raster…' }).click();
    await page.getByRole('dialog', { name: 'Bewertungsraster' }).waitFor();
    await page.getByRole('button', { name: 'Fertig' }).click();

    // Matrix (the facilitator's side): the hint, the tray and the place form of a selected card.
    await page.getByRole('link', { name: 'Matrix' }).click();
    await page.getByRole('complementary', { name: 'Legende und Anwendungsfälle außerhalb der Matrix' }).waitFor();
    // The card's title carries soft hyphens (long German words break at syllables): match across them;
    // it may sit in its cell's "+k" list.
    const card = page.locator('.mx-card', { hasText: new RegExp([...TITLES[2]!].join('\u00AD?')) }).first();
    if (!(await card.isVisible())) await page.locator('.mx-more').first().click();
    await card.click();
    await page.getByRole('button', { name: 'Platzieren' }).waitFor();
    await page.getByRole('button', { name: 'Ausgewählten Anwendungsfall schließen' }).waitFor();
    expectNoneOf(await buttonNames(page), ['Place', 'Close the selected use case']);
    await screenshot(page, 'de-matrix-1280');

    // Agenda: the standard agenda, a session started, the summary.
    await page.getByRole('link', { name: 'Agenda' }).click();
    // The sample workshop has its agenda already (the standard one is offered only to an empty agenda).
    await page.getByRole('button', { name: 'Einheit hinzufügen' }).waitFor();
    if ((await page.locator('.agenda-clock-btn').count()) === 0) await page.getByRole('button', { name: 'Standard-Agenda hinzufügen' }).click();
    await page.locator('.agenda-clock-btn').first().click();
    await page.getByRole('button', { name: /pausieren$/ }).waitFor();
    await page.getByText('Bisher verbraucht').waitFor();
    expectNoneOf(await buttonNames(page), ['Add session', 'Remove', 'Done', 'Reset']);
    await screenshot(page, 'de-agenda-1280');

    // Activity: heading and intro in German.
    await page.getByRole('link', { name: 'Verlauf' }).click();
    await page.getByRole('heading', { name: 'Verlauf' }).waitFor();
    await page.getByText('Jede Änderung in diesem Workshop').waitFor();
  }, 90_000);
});
