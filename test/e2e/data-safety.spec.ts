// Never lose data, in a real Chromium with real IndexedDB:
//  - a database written by schema version 1 opens in this build with everything in it, and the
//    parts that needed the upgrade (the roadmap settings) work;
//  - with the disk full, an edit is refused with a clear message, the typed text stays on screen,
//    what was stored before is intact, and once there is room again the same edit saves;
//  - a malformed workshop file opened through File → Open is refused and changes nothing.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { CHROMIUM_ARGS } from './support/chromium';
import { addUseCases, createWorkshop, launchApp, openTab, screenshot, waitSaved, type AppHandle } from './support/app';
import { SCHEMA_V1 } from '../../renderer/db/schema';
import { DATA_VERSION } from '../../renderer/domain/migrations';

type DbFixture = { schemaVersion: number; tables: Record<string, Record<string, unknown>[]> };
const V1_DB = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/db/v1.json', import.meta.url)), 'utf8')) as DbFixture;
const V2_SAMPLE = readFileSync(fileURLToPath(new URL('../fixtures/workshop-files/v2-sample.liftoff.json', import.meta.url)), 'utf8');

const workshopNames = (page: Page) => page.locator('.workshop-name').allTextContents();

let app: AppHandle | null = null;
let ownContext: { context: BrowserContext; errors: string[] } | null = null;
const profiles: string[] = [];

afterEach(async () => {
  const errors = [...(app?.consoleErrors ?? []), ...(ownContext?.errors ?? [])];
  await app?.close();
  await ownContext?.context.close();
  app = null;
  ownContext = null;
  for (const p of profiles.splice(0)) rmSync(p, { recursive: true, force: true });
  expect(errors).toEqual([]);
});

describe('a database written by schema version 1', () => {
  it('opens with its workshop, use cases and roadmap, and the upgraded roadmap settings work', async () => {
    app = await launchApp();
    const { page, url } = app;
    // The app's database for `?db=v1-upgrade` is `liftoff-v1-upgrade`. Create it the way the
    // version-1 app left it, before this build ever opens it: Dexie stores version n as n × 10.
    const stores = Object.entries(SCHEMA_V1).map(([name, spec]) => {
      const [primary = '', ...indexes] = spec.split(',').map((s) => s.trim());
      return { name, primary, indexes };
    });
    const written = await page.evaluate(
      async ({ stores, tables }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open('liftoff-v1-upgrade', 10);
          req.onupgradeneeded = () => {
            for (const s of stores) {
              const auto = s.primary.startsWith('++');
              const keyPath = auto ? s.primary.slice(2) : s.primary;
              const store = req.result.createObjectStore(s.name, { keyPath, autoIncrement: auto });
              for (const index of s.indexes) {
                const compound = index.startsWith('[');
                store.createIndex(index, compound ? index.slice(1, -1).split('+') : index);
              }
            }
          };
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error ?? new Error('open failed'));
        });
        const names = Object.keys(tables);
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(names, 'readwrite');
          for (const n of names) for (const row of tables[n] ?? []) tx.objectStore(n).put(row);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error ?? new Error('write failed'));
        });
        const version = db.version;
        db.close();
        return version;
      },
      { stores, tables: V1_DB.tables },
    );
    expect(written).toBe(10);

    const workshop = V1_DB.tables.workshops?.[0] as { name: string; roadmap?: unknown };
    expect(workshop.roadmap).toBeUndefined();
    await page.goto(`${url}?db=v1-upgrade`);
    await expect.poll(() => workshopNames(page)).toEqual([workshop.name]);
    await page.getByRole('link', { name: new RegExp(workshop.name) }).click();
    await page.getByRole('heading', { name: /Use cases/ }).waitFor();
    const titles = (V1_DB.tables.useCases ?? []).map((u) => String(u.title));
    await expect.poll(() => page.getByTestId('uc-row').count()).toBe(titles.length);
    for (const t of titles) await page.getByTestId('uc-row').filter({ hasText: t }).waitFor();
    await screenshot(page, 'data-safety-v1-use-cases');

    await openTab(page, 'Roadmap');
    await page.getByRole('heading', { name: /120-day roadmap/ }).waitFor();
    // The settings version 2 added, at their defaults, and changeable.
    const parallel = page.getByLabel('Pilots at once');
    await expect.poll(() => parallel.inputValue()).toBe('2');
    await page.getByRole('checkbox', { name: 'Push later phases' }).uncheck();
    await waitSaved(page);
    await screenshot(page, 'data-safety-v1-roadmap');
    await page.reload();
    await page.getByRole('heading', { name: /120-day roadmap/ }).waitFor();
    await expect.poll(() => page.getByRole('checkbox', { name: 'Push later phases' }).isChecked()).toBe(false);
    // Dexie stores version N as N × 10.
    expect(await page.evaluate(() => indexedDB.databases().then((dbs) => dbs.find((d) => d.name === 'liftoff-v1-upgrade')?.version))).toBe(DATA_VERSION * 10);
  });
});

/** A browser with a profile on disk, so a second launch sees the first one's data. */
async function launchWithProfile(dir: string, quotaSize?: number): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: inject('chromiumPath'),
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1440, height: 900 },
  });
  context.setDefaultTimeout(10_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  if (quotaSize !== undefined) {
    // Chromium honours the override only if it is set before the origin touches storage in this
    // browser session; once IndexedDB has cached its free space, a lower quota is not seen.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(inject('baseUrl')).origin, quotaSize });
  }
  ownContext = { context, errors };
  return { context, page, errors };
}

describe('every write', () => {
  it('is committed with strict durability: "Saved" means on disk', async () => {
    app = await launchApp();
    const { page, context } = app;
    // Records the durability of every read-write transaction any database of the page opens.
    await context.addInitScript(() => {
      const w = window as unknown as { __writes: string[] };
      w.__writes = [];
      const open = IDBDatabase.prototype.transaction;
      IDBDatabase.prototype.transaction = function (this: IDBDatabase, stores: string | string[], mode?: IDBTransactionMode, options?: IDBTransactionOptions) {
        if (mode === 'readwrite') w.__writes.push(`${this.name}: ${options?.durability ?? 'default'}`);
        return open.call(this, stores, mode, options);
      } as typeof IDBDatabase.prototype.transaction;
    });
    await page.goto(`${app.url}?db=durability`);
    await createWorkshop(page, { name: 'Durable day', client: 'Northwind Mutual' });
    await addUseCases(page, ['Claims triage', 'Fraud signals']);
    await waitSaved(page);
    const writes = await page.evaluate(() => (window as unknown as { __writes: string[] }).__writes);
    // Creating a workshop and two use cases: several writes, every one of them strict.
    expect(writes.length).toBeGreaterThanOrEqual(3);
    expect(writes.filter((w) => !w.endsWith(': strict'))).toEqual([]);
  });
});

describe('a full disk', () => {
  it('refuses an edit with a clear message, keeps the typed text and the stored data, and saves once there is room', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liftoff-quota-'));
    profiles.push(dir);
    const url = `${inject('baseUrl')}?db=quota`;
    const origin = new URL(inject('baseUrl')).origin;

    // A workshop with use cases, stored while there is room.
    let { context, page } = await launchWithProfile(dir);
    await page.goto(url);
    await createWorkshop(page, { name: 'Disk full day', client: 'Northwind Mutual' });
    await addUseCases(page, ['Claims triage', 'Fraud signals', 'Broker email drafting']);
    const usage = await page.evaluate(() => navigator.storage.estimate().then((e) => e.usage ?? 0));
    await context.close();
    ownContext = null;

    // The same profile with the disk "full": a quota far below what is already stored.
    const QUOTA = 1024;
    expect(usage).toBeGreaterThan(QUOTA);
    ({ context, page } = await launchWithProfile(dir, QUOTA));
    await page.goto(url);
    await page.getByRole('link', { name: /Disk full day/ }).click();
    await page.getByTestId('uc-row').filter({ hasText: 'Fraud signals' }).click();
    const title = page.getByLabel('Title', { exact: true });
    await expect.poll(() => title.inputValue()).toBe('Fraud signals');
    await title.fill('Fraud signals at first notice of loss');

    const status = page.getByTestId('save-status');
    await status.filter({ hasText: /^Not saved$/ }).waitFor();
    expect(await status.getAttribute('title')).toMatch(/^The disk is full or the browser refused more storage\. Your last change was not saved/);
    const alerts = page.getByRole('alert').filter({ hasText: 'Not saved: The disk is full' });
    await alerts.first().waitFor();
    // One edit, one message: not a stack of them.
    expect(await alerts.count()).toBe(1);
    // The text the person typed is still in the field; nothing on screen was thrown away.
    expect(await title.inputValue()).toBe('Fraud signals at first notice of loss');
    await screenshot(page, 'data-safety-disk-full');

    // Typing on, letter by letter, each keystroke is refused: the one message is replaced, not
    // stacked (app/store.ts showToast).
    await title.press('End');
    await title.pressSequentially(' (FNOL)', { delay: 30 });
    await status.filter({ hasText: /^Not saved$/ }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(1);
    expect(await title.inputValue()).toBe('Fraud signals at first notice of loss (FNOL)');

    // What was stored before the disk filled up is all there after a reload.
    await page.reload();
    await page.getByRole('heading', { name: /Use cases/ }).waitFor();
    await expect.poll(() => page.getByTestId('uc-row').allTextContents().then((rows) => rows.map((r) => r.replace(/\s+/g, ' ')))).toEqual([
      expect.stringContaining('Claims triage'),
      expect.stringContaining('Fraud signals'),
      expect.stringContaining('Broker email drafting'),
    ]);

    // Room again (the override lifted): the same edit saves, and survives a reload.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await page.getByTestId('uc-row').filter({ hasText: 'Fraud signals' }).click();
    await expect.poll(() => title.inputValue()).toBe('Fraud signals');
    await title.fill('Fraud signals at first notice of loss');
    await waitSaved(page);
    await page.reload();
    await page.getByTestId('uc-row').filter({ hasText: 'Fraud signals at first notice of loss' }).waitFor();
    await screenshot(page, 'data-safety-disk-room-again');
  });
});

describe('a malformed workshop file opened with File → Open', () => {
  it('is refused with a message and leaves the workshop list as it was', async () => {
    app = await launchApp();
    const { page } = app;
    await createWorkshop(page, { name: 'Existing workshop' });
    await addUseCases(page, ['Claims triage']);
    await page.getByRole('link', { name: 'All workshops' }).click();
    const before = ['Existing workshop'];
    await expect.poll(() => workshopNames(page)).toEqual(before);

    const dir = mkdtempSync(join(tmpdir(), 'liftoff-bad-file-'));
    profiles.push(dir);
    const cases: { name: string; text: string; message: RegExp }[] = [
      { name: 'cut-off.liftoff.json', text: V2_SAMPLE.slice(0, V2_SAMPLE.length / 2), message: /cut off/ },
      { name: 'proto.liftoff.json', text: V2_SAMPLE.replace('"format"', '"__proto__": {"polluted": true}, "format"'), message: /"__proto__"/ },
      { name: 'bad-score.liftoff.json', text: V2_SAMPLE.replace('"impact": 4', '"impact": 99'), message: /initialScores\.impact/ },
    ];
    for (const c of cases) {
      const path = join(dir, c.name);
      writeFileSync(path, c.text);
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Open workshop file…' }).click();
      await (await chooser).setFiles(path);
      const message = page.getByTestId('import-error');
      await message.waitFor();
      const text = (await message.textContent()) ?? '';
      expect(text, c.name).toMatch(c.message);
      expect(text).toMatch(/Nothing was imported\.$/);
      await expect.poll(() => page.getByRole('dialog').getByRole('heading').first().textContent()).toBe(`“${c.name}” could not be opened`);
      if (c.name === 'proto.liftoff.json') await screenshot(page, 'data-safety-malformed-file');
      await page.getByRole('button', { name: 'OK' }).click();
      await message.waitFor({ state: 'detached' });
      expect(await workshopNames(page)).toEqual(before);
    }
    expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
    await page.reload();
    await expect.poll(() => workshopNames(page)).toEqual(before);
  });
});

describe('typing faster than the disk', () => {
  it('loses at most what was typed in the last ~100 ms when the page reloads mid-typing (150 keys at 30 ms)', async () => {
    app = await launchApp({ width: 1280, height: 720 });
    const { page } = app;
    await createWorkshop(page, { name: 'Schnell tippen' });
    await addUseCases(page, ['Frischwarenprognose für Obst & Gemüse']);
    await page.getByRole('button', { name: '1. Frischwarenprognose für Obst & Gemüse' }).click();
    const notes = page.getByLabel('Notes');
    await notes.click();

    // 150 keys, one every 30 ms, each with the moment it was typed.
    const text = Array.from({ length: 150 }, (_, i) => 'Müller-Lüdenscheidt ß€ '.charAt(i % 23)).join('');
    const typedAt: number[] = [];
    const started = Date.now();
    for (const [i, ch] of [...text].entries()) {
      const due = started + i * 30;
      if (Date.now() < due) await new Promise((r) => setTimeout(r, due - Date.now()));
      await page.keyboard.type(ch);
      typedAt.push(Date.now());
    }
    const reloadAt = Date.now();
    await page.reload();

    const stored = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('liftoff');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const rows = await new Promise<{ notes: string }[]>((res, rej) => {
        const r = db.transaction('useCases').objectStore('useCases').getAll();
        r.onsuccess = () => res(r.result as { notes: string }[]);
        r.onerror = () => rej(r.error);
      });
      db.close();
      return rows[0]?.notes ?? '';
    });
    // What is stored is what was typed, up to some point; what is missing was typed last.
    expect(text.startsWith(stored)).toBe(true);
    const firstMissing = typedAt[stored.length];
    const missingWindow = firstMissing === undefined ? 0 : reloadAt - firstMissing;
    console.log(`typing 150 keys at 30 ms: ${text.length - stored.length} characters missing after the reload, typed in the last ${missingWindow} ms`);
    expect(missingWindow).toBeLessThanOrEqual(130);
    // And the page shows what was stored.
    await page.getByRole('button', { name: '1. Frischwarenprognose für Obst & Gemüse' }).click();
    await expect.poll(() => page.getByLabel('Notes').inputValue()).toBe(stored);
  });
});
