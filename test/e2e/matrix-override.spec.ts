// A drop on the matrix that overrides what a revealed scoring round decided asks for a reason,
// as "Override…" does: the reason last given is offered again, Cancel leaves the card where the
// room put it, and the reason is shown with the score and editable later on the Scoring tab.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { dismissToasts, launchApp, openTab, screenshot, waitSaved, type AppHandle } from './support/app';

let app: AppHandle | null = null;
afterEach(async () => {
  if (!app) return;
  const errors = [...app.consoleErrors];
  await app.close();
  app = null;
  expect(errors).toEqual([]);
});

const TITLE = 'Schadenfallvorsortierung';
const SECOND = 'Betrugshinweise für Sachbearbeiter';
const cell = (page: Page, impact: number, feasibility: number) => page.getByRole('group', { name: new RegExp(`^Impact ${impact}, feasibility ${feasibility}, `) });
const card = (scope: Page | Locator, title: string) => scope.getByRole('button', { name: new RegExp(`^${title}\\. `) });

/** Places a card without dragging: select it (a click toggles, so only when not selected), pick the cell, Place. */
async function placeVia(page: Page, impact: number, feasibility: number, title = TITLE) {
  const selected = page.getByRole('region', { name: new RegExp(title) });
  if ((await selected.count()) === 0) await card(page, title).click();
  await selected.getByLabel('Impact').selectOption(String(impact));
  await selected.getByLabel('Feasibility').selectOption(String(feasibility));
  await selected.getByRole('button', { name: 'Place' }).click();
  return selected;
}

describe('a matrix move that overrides a round', () => {
  it('asks for a reason with a remembered default, keeps it with the score, and Cancel leaves the card', async () => {
    app = await launchApp({ width: 1280, height: 720 });
    const { page } = app;
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open workshop file…' }).click();
    await (await chooser).setFiles(revealedRoundFile());
    await page.getByRole('heading', { name: /Use cases/ }).waitFor();
    await dismissToasts(page);
    await openTab(page, 'Matrix');
    await card(cell(page, 4, 4), TITLE).waitFor();

    // The room said impact 4, feasibility 4 in round 1: moving it to 2/2 asks why.
    await placeVia(page, 2, 2);
    const dialog = page.getByRole('dialog', { name: `Override the room’s consensus for “${TITLE}”?` });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('Business impact: the median of round 1 is 4; this move sets it to 2.');
    expect(await dialog.getByLabel('Reason').inputValue()).toBe('Moved on the matrix');
    await screenshot(page, 'matrix-override-reason');
    await dialog.getByLabel('Reason').fill('');
    await dialog.getByRole('button', { name: 'Override and move' }).click();
    await dialog.getByText('Say why the consensus differs from the round’s median.').waitFor();
    await dialog.getByLabel('Reason').fill('Datenzugang erst ab Q2');
    await dialog.getByRole('button', { name: 'Override and move' }).click();
    await card(cell(page, 2, 2), TITLE).waitFor();
    await waitSaved(page);
    const selected = page.getByRole('region', { name: new RegExp(TITLE) });
    await expect.poll(() => selected.getByText('placed on the matrix').count()).toBe(2);

    // Moving it again needs no new reason (the round is already overridden) and keeps the one given.
    await placeVia(page, 2, 3);
    await card(cell(page, 2, 3), TITLE).waitFor();
    await waitSaved(page);
    expect(await dialog.count()).toBe(0);

    // The next use case's override offers the reason just given; Cancel keeps the card where it is.
    await placeVia(page, 3, 3, SECOND);
    const second = page.getByRole('dialog', { name: `Override the room’s consensus for “${SECOND}”?` });
    await second.waitFor();
    expect(await second.getByLabel('Reason').inputValue()).toBe('Datenzugang erst ab Q2');
    await second.getByRole('button', { name: 'Cancel' }).click();
    await second.waitFor({ state: 'detached' });
    expect(await card(cell(page, 4, 4), SECOND).count()).toBe(1);

    // On the Scoring tab the reason is shown with the score, and "Override…" starts from it.
    await openTab(page, 'Scoring');
    await page.getByText(`placed on the matrix: Datenzugang erst ab Q2`).first().waitFor();
  });
});

/** The version 2 sample with the claims use case (renamed) scored in a revealed round: 4, 4, 3. */
function revealedRoundFile(): string {
  const sample = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/workshop-files/v2-sample.liftoff.json', import.meta.url)), 'utf8'));
  const T = '2026-11-23T20:52:15.000Z';
  const wsId: string = sample.workshop.id;
  const tables = sample.tables;
  const triage = tables.useCases.find((u: { title: string }) => u.title === 'Claims triage');
  triage.title = TITLE;
  const participant = tables.participants[0].id;
  const second = { ...triage, id: 'uc-second', title: SECOND, order: triage.order + 1 };
  tables.useCases.push(second);
  tables.scoringRounds = [triage.id, second.id].map((useCaseId, i) => ({
    id: `round-${i}`,
    workshopId: wsId,
    createdAt: T,
    updatedAt: T,
    useCaseId,
    number: 1,
    revealedAt: T,
    discussion: '',
    timeboxSeconds: null,
    timerStartedAt: null,
  }));
  tables.scores = [triage.id, second.id].flatMap((useCaseId, i) =>
    (
      [
        ['impact', 4],
        ['feasibility', 4],
        ['readiness', 3],
      ] as const
    ).map(([criterion, value]) => ({ id: `score-${i}-${criterion}`, workshopId: wsId, createdAt: T, updatedAt: T, useCaseId, roundId: `round-${i}`, participantId: participant, criterion, value })),
  );
  const dir = mkdtempSync(join(tmpdir(), 'liftoff-matrix-round-'));
  const path = join(dir, 'revealed-round.liftoff.json');
  writeFileSync(path, JSON.stringify(sample, null, 2));
  return path;
}
