// A whole round with phones, on loopback: the facilitator's page (real Chromium, real IndexedDB)
// opens the room through the same server module `npm run web` uses, and 12 phone contexts (mobile
// viewports and user agents) join by the QR code's URL, score, and one of them drops off and comes
// back. Every score must be stored, masked, through the repositories, and nothing of a value may
// reach any screen before the reveal.
import { afterEach, describe, expect, it } from 'vitest';
import { devices, type BrowserContext, type Page } from 'playwright-core';
import { SCREENSHOT_DIR, dismissToasts, launchApp, screenshot, type AppHandle } from './support/app';
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

type Stored = { scores: { participantId: string; criterion: string; value: number; roundId: string }[]; rounds: { id: string; revealedAt: string | null }[]; audit: string[] };
/** What IndexedDB holds now, read in the facilitator's page. */
async function stored(page: Page): Promise<Stored> {
  return page.evaluate(
    () =>
      new Promise<Stored>((resolve, reject) => {
        const open = indexedDB.open('liftoff');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['scores', 'scoringRounds', 'auditLog'], 'readonly');
          const all = (name: string) =>
            new Promise<unknown[]>((res) => {
              const r = tx.objectStore(name).getAll();
              r.onsuccess = () => res(r.result as unknown[]);
            });
          void Promise.all([all('scores'), all('scoringRounds'), all('auditLog')]).then(([scores, rounds, audit]) => {
            db.close();
            resolve({ scores: scores as Stored['scores'], rounds: rounds as Stored['rounds'], audit: (audit as { summary: string }[]).map((a) => a.summary) });
          });
        };
      }),
  );
}

const PHONE_PROFILES = [devices['Pixel 7'], devices['iPhone 13'], { ...devices['Galaxy S8'], viewport: { width: 360, height: 640 } }];

/** The scores each phone gives: impact, feasibility, readiness. Chosen so impact splits the room. */
const plan = (i: number) => ({ impact: i < 6 ? 5 : 2, feasibility: 3 + (i % 2), readiness: 4 });

async function tapScores(phone: Page, scores: { impact: number; feasibility: number; readiness: number }): Promise<void> {
  for (const [label, value] of [['Business impact', scores.impact], ['Feasibility', scores.feasibility], ['Organizational readiness', scores.readiness]] as const) {
    await phone.getByRole('group', { name: label }).getByRole('button', { name: new RegExp(`^${label} ${value}:`) }).click();
  }
}

describe('the room: phones score, the projector shows what the room thinks', () => {
  it('12 phones join by QR code, score privately (one drops off and comes back, one taps twice), and the reveal shows the distribution', async () => {
    app = await launchApp({ width: 1280, height: 720 });
    const { page, browser } = app;
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open workshop file…' }).click();
    await (await chooser).setFiles(roomWorkshopFile());
    await page.getByRole('heading', { name: /Use cases/ }).waitFor();
    await dismissToasts(page);

    await page.getByRole('link', { name: 'Scoring' }).click();
    await page.getByRole('button', { name: new RegExp(TITLES[0]!) }).click();
    await page.getByTestId('open-room').click();
    const dialog = page.getByRole('dialog', { name: 'Score on phones' });
    // The addresses are the machine's own, best first; loopback is offered last and chosen here.
    const radios = dialog.getByRole('radio');
    await expect.poll(() => radios.count()).toBeGreaterThan(0);
    expect(await radios.last().getAttribute('value')).toBe('127.0.0.1');
    await radios.last().check();
    await dialog.getByTestId('start-room').click();
    await page.getByTestId('room-panel').waitFor();
    await page.getByText('No phone has joined yet. Check with your own phone first').waitFor();
    const joinUrl = await page.locator('.room-qr-small').getAttribute('data-qr-text');
    expect(joinUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#t=[A-Za-z0-9_-]{22}$/);
    const code = await page.getByTestId('room-code').innerText();
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    // Starting the room put the selected use case on the phones and opened its round.
    await page.getByText('Phones are scoring this use case.').waitFor();

    // Projector: the join screen, at both sizes.
    await page.getByRole('button', { name: 'Presenter' }).click();
    await page.getByTestId('join-screen').waitFor();
    await screenshot(page, 'room-projector-join-1280');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'room-projector-join-1920');
    const qr = await page.locator('.room-qr-large').boundingBox();
    expect(qr!.width).toBeGreaterThan(400);
    await page.setViewportSize({ width: 1280, height: 720 });

    // 12 phones.
    const contexts: BrowserContext[] = [];
    const phones: Page[] = [];
    for (let i = 0; i < 12; i += 1) {
      const context = await browser.newContext({ ...PHONE_PROFILES[i % PHONE_PROFILES.length] });
      contexts.push(context);
      const phone = await context.newPage();
      phone.on('pageerror', (e) => app?.consoleErrors.push(`phone ${i}: ${String(e)}`));
      phones.push(phone);
    }
    try {
      // Phone 0 types the room code instead of scanning.
      await phones[0]!.goto(joinUrl!.replace(/#.*$/, ''));
      await phones[0]!.getByLabel('Room code').fill(code.toLowerCase());
      await phones[0]!.getByRole('button', { name: 'Join', exact: true }).click();
      for (let i = 1; i < 12; i += 1) await phones[i]!.goto(joinUrl!);
      for (let i = 0; i < 12; i += 1) {
        const phone = phones[i]!;
        await phone.getByText('Who are you? Tap your name.').waitFor();
        // The token never stays in the address bar.
        expect(phone.url()).not.toContain('#t=');
        await phone.getByRole('button', { name: NAMES[i]!, exact: true }).click();
        await phone.getByRole('heading', { name: TITLES[0] }).waitFor();
      }
      await page.getByText('12 of 12 joined').waitFor();
      await screenshot(phones[2]!, 'room-phone-360');

      // Phone 11 loses the network before sending.
      await contexts[11]!.setOffline(true);
      for (let i = 0; i < 12; i += 1) {
        await tapScores(phones[i]!, plan(i));
        await phones[i]!.getByTestId('submit').click();
      }
      for (let i = 0; i < 11; i += 1) await phones[i]!.getByText('Received. You can change your scores until the reveal.').waitFor();
      // The phones' scores were stored by the page's phone-score worker, off the drawing thread.
      expect(page.workers().map((w) => w.url()).some((u) => u.includes('phone-score-worker'))).toBe(true);
      await phones[11]!.getByText('Not sent yet', { exact: false }).first().waitFor();
      await screenshot(phones[11]!, 'room-phone-offline');

      // A double submission (a resend of the same scores, twice at once) stores nothing more.
      const resend = await phones[1]!.evaluate(async () => {
        const saved = JSON.parse(localStorage.getItem('liftoff-room')!) as { token: string; device: { deviceId: string }; received: Record<string, unknown> };
        const roundId = Object.keys(saved.received)[0]!;
        const state = (await (await fetch('/api/state', { headers: { 'x-room-token': saved.token } })).json()) as { items: { roundId: string; useCaseId: string }[] };
        const useCaseId = state.items.find((x) => x.roundId === roundId)!.useCaseId;
        const body = JSON.stringify({ roundId, useCaseId, scores: { impact: 5, feasibility: 4, readiness: 4 } });
        const headers = { 'x-room-token': saved.token, 'x-room-device': saved.device.deviceId, 'content-type': 'application/json' };
        const answers = await Promise.all([1, 2].map(() => fetch('/api/submit', { method: 'POST', headers, body })));
        return answers.map((a) => a.status);
      });
      expect(resend).toEqual([200, 200]);

      // The projector, while open: names with a tick, a count, never a value.
      await page.getByRole('button', { name: 'Show the round →' }).click();
      await page.getByText('11 of 12 participants have scored').waitFor();
      const listText = await page.getByTestId('submitted-list').innerText();
      for (const name of NAMES) expect(listText).toContain(name);
      expect(await page.getByTestId('submitted-list').locator('.submitted-done').count()).toBe(11);
      expect(listText).not.toMatch(/[0-9]/);
      expect(await page.locator('.mask-table').isVisible()).toBe(false);
      await screenshot(page, 'room-projector-open-1280');

      let db = await stored(page);
      expect(db.scores).toHaveLength(33);
      expect(db.rounds.every((r) => r.revealedAt === null)).toBe(true);
      // The audit log says who scored, never the value.
      const phoneEntries = db.audit.filter((a) => a.includes('from a phone'));
      expect(phoneEntries).toHaveLength(11);
      expect(phoneEntries.join('\n')).not.toMatch(/scored [1-5]|[=:] ?[1-5]\b/);

      // Back online: the phone sends what it kept, by itself.
      await contexts[11]!.setOffline(false);
      await phones[11]!.getByText('Received. You can change your scores until the reveal.').waitFor({ timeout: 15_000 });
      await page.getByText('12 of 12 participants have scored').waitFor();
      db = await stored(page);
      expect(db.scores).toHaveLength(36);
      for (let i = 0; i < 12; i += 1) {
        const mine = db.scores.filter((s) => s.participantId === `p-${i + 1}`);
        expect(Object.fromEntries(mine.map((s) => [s.criterion, s.value]))).toEqual(plan(i));
      }

      // Reveal: the distribution, above the fold on the projector.
      await page.keyboard.press('Escape');
      await page.getByTestId('presenter').waitFor({ state: 'detached' }).catch(() => undefined);
      await page.getByRole('button', { name: 'Reveal all scores' }).click();
      await page.getByTestId('distribution').waitFor();
      for (const phone of phones) await phone.getByText('Revealed: this round is over.').waitFor();
      const bars = await page.getByTestId('dist-impact').locator('.dist-bar').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));
      expect(bars).toEqual([0, 6, 0, 0, 6]);
      expect(await page.getByTestId('dist-impact').innerText()).toContain('Disagreement');
      await page.getByRole('button', { name: 'Presenter' }).click();
      await page.getByRole('button', { name: 'Show the round →' }).click().catch(() => undefined);
      await page.getByTestId('distribution').waitFor();
      for (const size of [
        { width: 1280, height: 720 },
        { width: 1920, height: 1080 },
      ]) {
        await page.setViewportSize(size);
        const box = await page.getByTestId('distribution').boundingBox();
        expect(box!.y + box!.height, `distribution above the fold at ${size.width}`).toBeLessThanOrEqual(size.height);
        await screenshot(page, `room-projector-revealed-${size.width}`);
      }

      // A score after the reveal is refused with 409, and the phone says why; nothing is stored.
      const late = await phones[3]!.evaluate(async () => {
        const saved = JSON.parse(localStorage.getItem('liftoff-room')!) as { token: string; device: { deviceId: string }; received: Record<string, unknown> };
        const roundId = Object.keys(saved.received)[0]!;
        const state = (await (await fetch('/api/state', { headers: { 'x-room-token': saved.token } })).json()) as { items: { roundId: string; useCaseId: string }[] };
        const useCaseId = state.items.find((x) => x.roundId === roundId)!.useCaseId;
        const r = await fetch('/api/submit', {
          method: 'POST',
          headers: { 'x-room-token': saved.token, 'x-room-device': saved.device.deviceId, 'content-type': 'application/json' },
          body: JSON.stringify({ roundId, useCaseId, scores: { impact: 1, feasibility: 1, readiness: 1 } }),
        });
        return { status: r.status, error: ((await r.json()) as { error: string }).error };
      });
      expect(late.status).toBe(409);
      expect(late.error).toContain('revealed');
      expect((await stored(page)).scores).toHaveLength(36);
    } finally {
      for (const c of contexts) await c.close();
    }
    expect(SCREENSHOT_DIR).toBeTruthy();
  }, 180_000);
});
