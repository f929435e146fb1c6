// `npm run bench`, the room: 200 simulated phones (Node fetch, each with its own event stream)
// join a room the facilitator's page opened on loopback, then all send their scores within two
// seconds, as a room does after "please send now". Measured: each phone's time to "received"
// (the facilitator's page stored the three scores in IndexedDB first), the time from the last
// "received" to the projector's count saying 200 of 200, and every error.
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const PHONES = 200;

/** The version-2 sample file with 200 participants and one use case to score. */
async function roomBenchFile() {
  const sample = JSON.parse(await readFile(fileURLToPath(new URL('../test/fixtures/workshop-files/v2-sample.liftoff.json', import.meta.url)), 'utf8'));
  const wsId = sample.workshop.id;
  sample.tables.participants = Array.from({ length: PHONES }, (_, i) => ({
    id: `p-${i + 1}`,
    workshopId: wsId,
    createdAt: `2026-11-30T09:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.000Z`,
    updatedAt: '2026-11-30T09:00:00.000Z',
    name: `Teilnehmerin ${i + 1}`,
    role: 'other',
  }));
  sample.tables.useCases[0].title = 'Retourenbegründung klassifizieren';
  sample.tables.scoringRounds = [];
  sample.tables.scores = [];
  const dir = await mkdtemp(join(tmpdir(), 'liftoff-bench-room-'));
  const path = join(dir, 'room-200.liftoff.json');
  await writeFile(path, JSON.stringify(sample));
  return path;
}

async function openStream(url, headers, onData, failures) {
  const controller = new AbortController();
  const response = await fetch(`${url}api/events`, { headers, signal: controller.signal });
  if (!response.ok) throw new Error(`events ${response.status}`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        const blocks = buffer.split('\n\n');
        buffer = blocks.pop() ?? '';
        for (const block of blocks) if (block.startsWith('event:') || block.startsWith('data:')) onData(block);
      }
    } catch (error) {
      if (!controller.signal.aborted) failures.push(`stream: ${error.message}`);
    }
  })();
  return () => controller.abort();
}

/** One round of 200 phones, in a browser context of its own. */
async function roomPass(browser, base, pass) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-US' });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text().slice(0, 300)));
  page.on('pageerror', (e) => pageErrors.push(e.message.slice(0, 300)));
  await page.goto(base);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open workshop file…' }).click();
  await (await chooser).setFiles(await roomBenchFile());
  await page.getByRole('heading', { name: /Use cases/ }).waitFor({ timeout: 60_000 }).catch(async (error) => {
    const shot = join(tmpdir(), 'liftoff-bench-room.png');
    await page.screenshot({ path: shot });
    const toasts = await page.locator('[role=status], [role=alert]').allTextContents();
    throw new Error(`The workshop did not open (pass ${pass}); screenshot: ${shot}; said: ${toasts.join(' | ')}; page errors: ${pageErrors.join(' | ') || 'none'}`, { cause: error });
  });
  await page.getByRole('link', { name: 'Scoring' }).click();
  await page.getByRole('button', { name: /Retourenbegründung/ }).click();
  await page.getByTestId('open-room').click();
  const dialog = page.getByRole('dialog', { name: 'Score on phones' });
  await dialog.locator('input[value="127.0.0.1"]').check();
  await dialog.getByTestId('start-room').click();
  const joinUrl = await page.locator('.room-qr-small').getAttribute('data-qr-text');
  const url = joinUrl.replace(/#.*$/, '');
  const token = joinUrl.split('#t=')[1];
  const failures = [];
  const json = { 'content-type': 'application/json', 'x-room-token': token };

  // The page puts the selected use case on the phones as soon as the room is open.
  let item;
  for (let tries = 0; !item && tries < 200; tries += 1) {
    item = (await (await fetch(`${url}api/state`, { headers: json })).json()).items[0];
    if (!item) await new Promise((r) => setTimeout(r, 50));
  }
  const phones = [];
  let events = 0;
  for (let i = 0; i < PHONES; i += 1) {
    const r = await fetch(`${url}api/join`, { method: 'POST', headers: json, body: JSON.stringify({ participantId: `p-${i + 1}` }) });
    if (!r.ok) {
      failures.push(`join ${r.status}`);
      continue;
    }
    const { deviceId } = await r.json();
    const headers = { ...json, 'x-room-device': deviceId };
    const stop = await openStream(url, headers, () => (events += 1), failures).catch((e) => {
      failures.push(String(e));
      return () => undefined;
    });
    phones.push({ headers, stop });
  }
  await page.getByText(`${phones.length} phones have joined`).waitFor({ timeout: 60_000 });

  // Everyone sends within two seconds.
  const times = [];
  let lastReceived = 0;
  await Promise.all(
    phones.map(async (phone, i) => {
      await new Promise((r) => setTimeout(r, Math.random() * 2000));
      const started = performance.now();
      const r = await fetch(`${url}api/submit`, {
        method: 'POST',
        headers: phone.headers,
        body: JSON.stringify({ roundId: item.roundId, useCaseId: item.useCaseId, scores: { impact: 1 + (i % 5), feasibility: 1 + ((i * 3) % 5), readiness: 3 } }),
      });
      const ended = performance.now();
      if (r.status !== 200) failures.push(`submit ${r.status}: ${((await r.json().catch(() => ({}))).error ?? '').slice(0, 120)}`);
      else times.push(ended - started);
      lastReceived = Math.max(lastReceived, ended);
    }),
  );
  await page.waitForFunction((n) => document.querySelector('[data-testid="reveal-progress"]')?.textContent?.startsWith(`${n} of ${n}`), PHONES, { polling: 'raf', timeout: 60_000 });
  const toCount = performance.now() - lastReceived;
  for (const phone of phones) phone.stop();
  await page.getByTestId('close-room').click();
  await context.close();
  return { times, toCount, events, failures };
}

/** Two rounds, each in a fresh context (the figures pool both, so one unlucky burst weighs less). */
export async function roomBench(browser, base, ms, pct) {
  const passes = [];
  for (const n of [1, 2]) {
    const pass = await roomPass(browser, base, n);
    passes.push(pass);
    console.error(`room pass ${n}: ${pass.times.length} received, ${pass.failures.length} errors${pass.failures.length ? ` (${pass.failures.slice(0, 2).join('; ')})` : ''}`);
  }
  const times = passes.flatMap((p) => p.times);
  const failures = passes.flatMap((p) => p.failures);
  const toCount = passes.map((p) => p.toCount);
  return [
    [`Room: ${PHONES} phones send their scores within 2 s → "received"`, `p95 ${ms(pct(times, 95) ?? NaN)}`, `p50 ${ms(pct(times, 50) ?? NaN)}, max ${ms(Math.max(...times))}; ${times.length} received in 2 rounds`],
    [`Room: last "received" → projector shows ${PHONES} of ${PHONES}`, ms(Math.max(...toCount)), `worst of 2 rounds (${toCount.map((x) => ms(x)).join(', ')}); ${passes.reduce((n, p) => n + p.events, 0)} state events streamed to the phones`],
    ['Room: errors (joins, streams, submissions)', String(failures.length), failures.slice(0, 3).join('; ') || 'none'],
  ];
}
