// The desktop shell as a person meets it, in a real Electron: the page, its protocol and policy,
// the preload and IPC, reload, storage, the native menu, lazy code, the PDF worker and its fonts.
// Everything here is also unit-tested with a mocked electron; this proves the pieces fit together
// in the real thing (which is why it needs the Electron binary, see scripts/test-desktop.mjs).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTab } from '../e2e/support/app';
import {
  answerNextOpenDialog,
  answerNextSaveDialog,
  APP_URL,
  clickMenuItem,
  launchDesktop,
  makeProfile,
  removeProfile,
  type DesktopApp,
} from './support/desktop-app';

// One app for the whole file, as a person would use it: the tests run in order and build on each
// other (the menu test creates the workshop the reload test reloads).
const SAMPLE = fileURLToPath(new URL('../fixtures/workshop-files/v2-sample.liftoff.json', import.meta.url));

let desktop: DesktopApp;
let profile: string;

beforeAll(async () => {
  profile = await makeProfile();
  desktop = await launchDesktop(profile);
});

afterAll(async () => {
  await desktop?.app.close();
  await removeProfile(profile);
});

describe('the desktop shell', () => {
  it('shows app://liftoff/index.html in a secure context, with window.desktop and without require', async () => {
    const { page } = desktop;
    expect(page.url().split('#')[0]).toBe(APP_URL);
    const facts = await page.evaluate(() => ({
      secure: window.isSecureContext,
      origin: window.location.origin,
      require: typeof (globalThis as Record<string, unknown>).require,
      process: typeof (globalThis as Record<string, unknown>).process,
      desktop: Object.keys(window.desktop ?? {}).sort(),
    }));
    expect(facts.secure).toBe(true);
    expect(facts.require).toBe('undefined');
    expect(facts.process).toBe('undefined');
    expect(facts.desktop).toEqual(expect.arrayContaining(['appInfo', 'onMenuCommand', 'saveFile', 'setFullscreen']));
  });

  it('answers an IPC call and refuses a bad payload', async () => {
    const { page } = desktop;
    const info = await page.evaluate(() => window.desktop?.appInfo());
    expect(info?.name).toBe('Liftoff');
    // The throwaway profile is the data folder (electron/main/data-folder.ts).
    expect(info?.userDataPath).toBe(path.resolve(profile));
    const refused = await page.evaluate(() =>
      window.desktop?.readBackup({ workshopId: '../../etc', fileName: 'passwd' }).then(
        () => 'answered',
        (error: unknown) => String(error),
      ),
    );
    expect(refused).toContain('Refused "backup:read"');
  });

  it('refuses a path that climbs out of the renderer folder, however it is encoded', async () => {
    const { page } = desktop;
    const statuses = await page.evaluate(async () => {
      // out/main/main.js sits next to out/renderer: one level up is enough to reach it.
      const urls = ['app://liftoff/%2e%2e/main/main.js', 'app://liftoff/assets/%2e%2e%2f%2e%2e%2fmain%2fmain.js', 'app://liftoff/..%5cmain%5cmain.js', 'app://liftoff/%2e%2e/preload/preload.cjs'];
      return Promise.all(urls.map((url) => fetch(url).then((r) => r.status, () => 0)));
    });
    for (const status of statuses) expect([0, 404]).toContain(status);
    expect(await page.evaluate(() => fetch('app://liftoff/index.html').then((r) => r.status))).toBe(200);
    // Chromium logs each refused request; those are the only errors so far.
    expect(desktop.consoleErrors.every((error) => /Failed to load resource|Failed to fetch/.test(error))).toBe(true);
    desktop.consoleErrors.length = 0;
  });

  it('sends the CSP header, and an injected inline script does not run', async () => {
    const { page } = desktop;
    const header = await page.evaluate(() => fetch('app://liftoff/index.html').then((r) => r.headers.get('content-security-policy')));
    // The exact policy is pinned by the unit tests (security.ts cannot be imported here: it imports
    // electron); here it matters that the real protocol handler sends it.
    expect(header).toContain("script-src 'self'");
    expect(header).toContain("default-src 'self'");
    expect(header).not.toContain('unsafe-inline');
    const ran = await page.evaluate(async () => {
      const violation = new Promise<string>((resolve) => document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true }));
      const script = document.createElement('script');
      script.textContent = 'window.__liftoffInjected = true;';
      document.head.append(script);
      const directive = await violation;
      return { ran: (window as unknown as Record<string, unknown>).__liftoffInjected === true, directive };
    });
    expect(ran).toEqual({ ran: false, directive: expect.stringMatching(/^script-src/) });
    // Chromium reports the refused script, as it should; nothing else went wrong.
    expect(desktop.consoleErrors.every((error) => /Content Security Policy/.test(error))).toBe(true);
    desktop.consoleErrors.length = 0;
  });

  it('grants persistent storage to the page', async () => {
    const { page } = desktop;
    expect(await page.evaluate(() => navigator.storage.persist())).toBe(true);
    expect(await page.evaluate(() => navigator.storage.persisted())).toBe(true);
  });

  it('reaches the page from the native menu: File → New workshop opens its dialog', async () => {
    const { app, page } = desktop;
    expect(await clickMenuItem(app, 'new-workshop')).toBe(true);
    const dialog = page.getByRole('dialog', { name: 'New workshop' });
    await dialog.waitFor();
    await dialog.getByLabel('Workshop name').fill('Menu-Workshop Qualitätssicherung');
    await dialog.getByRole('button', { name: 'Create workshop' }).click();
    await page.getByRole('heading', { name: /Use cases/ }).waitFor();
  });

  it('reloads the page with location.reload(), staying on the same screen', async () => {
    const { page } = desktop;
    const before = page.url();
    expect(before).toMatch(/^app:\/\/liftoff\/index\.html#/);
    await page.evaluate(() => {
      (window as unknown as Record<string, unknown>).__liftoffBeforeReload = true;
    });
    await Promise.all([page.waitForEvent('load'), page.evaluate(() => window.location.reload())]);
    expect(await page.evaluate(() => (window as unknown as Record<string, unknown>).__liftoffBeforeReload)).toBeUndefined();
    expect(page.url()).toBe(before);
    await page.getByRole('heading', { name: /Use cases/ }).waitFor();
  });

  it('opens a workshop file through File → Open, loads a lazy screen, and exports the PDF in its worker with the fonts', async () => {
    const { app, page } = desktop;
    await answerNextOpenDialog(app, SAMPLE);
    expect(await clickMenuItem(app, 'open-workshop-file')).toBe(true);
    await page.getByRole('status').filter({ hasText: /^Imported “/ }).waitFor();

    // A screen whose code is its own chunk, fetched from app:// when first opened.
    await openTab(page, 'Matrix');
    await page.getByRole('heading', { name: 'Prioritization matrix' }).first().waitFor();

    const worker = page.waitForEvent('worker', { timeout: 30_000 });
    const pdfPath = path.join(profile, 'sponsor-pack.pdf');
    await answerNextSaveDialog(app, pdfPath);
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export the sponsor pack' });
    await dialog.getByRole('button', { name: 'Export PDF…' }).click();
    expect((await worker).url()).toMatch(/^app:\/\/liftoff\/assets\/pdf-worker-[^/]+\.js$/);
    await page.getByText(/Saved the sponsor pack \(\d+ pages\)/).waitFor({ timeout: 60_000 });
    const pdf = await readFile(pdfPath);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The fonts were fetched and embedded (TrueType font programs), not the PDF base fonts.
    expect(pdf.toString('latin1')).toContain('/FontFile2');
    expect(desktop.consoleErrors).toEqual([]);
  });
});
