// The consultancy logo on the Workshop details form, in a real Chromium with real IndexedDB: a file
// that is not a PNG or JPEG (whatever its name) or is over 512 KB is refused with its reason and
// the stored workshop does not change; a real PNG is stored, shown, and can be removed again.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { closeExpectingClean, createWorkshop, launchApp, screenshot, waitSaved, type AppHandle } from './support/app';

let app: AppHandle | null = null;
afterEach(async () => {
  if (app) await closeExpectingClean(app);
  app = null;
});

const dir = mkdtempSync(join(tmpdir(), 'liftoff-logo-'));
const PNG = fileURLToPath(new URL('../fixtures/logo/mueller-partner.png', import.meta.url));

/** The stored workshop row, straight from IndexedDB. */
async function storedWorkshop(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('liftoff');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const rows = await new Promise<Record<string, unknown>[]>((res, rej) => {
      const r = db.transaction('workshops').objectStore('workshops').getAll();
      r.onsuccess = () => res(r.result as Record<string, unknown>[]);
      r.onerror = () => rej(r.error);
    });
    db.close();
    return rows[0] ?? {};
  });
}

async function pickLogo(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /^(Choose|Replace) logo…$/ }).click();
  await (await chooser).setFiles(path);
}

describe('the consultancy logo', () => {
  it('refuses a non-image and an oversized file with a message, stores a PNG, and removes it', async () => {
    app = await launchApp({ width: 1280, height: 720 });
    const { page } = app;
    await createWorkshop(page, { name: 'Schadenregulierung mit KI', client: 'Nordstern Versicherung' });
    await page.getByRole('link', { name: 'Details', exact: true }).click();
    await page.getByText('No logo yet').waitFor();
    const before = await storedWorkshop(page);

    // An SVG with a script, named .png: refused by its content.
    const fake = join(dir, 'logo.png');
    writeFileSync(fake, '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    await pickLogo(page, fake);
    await page.getByRole('alert').filter({ hasText: '“logo.png” is not a PNG or JPEG image' }).waitFor();
    expect(await storedWorkshop(page)).toEqual(before);

    // A real PNG header on 600 KB: refused by its size.
    const big = join(dir, 'huge.png');
    const bytes = new Uint8Array(600 * 1024);
    bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    writeFileSync(big, bytes);
    await pickLogo(page, big);
    await page.getByRole('alert').filter({ hasText: '“huge.png” is 600 KB; a logo may be at most 512 KB.' }).waitFor();
    expect(await storedWorkshop(page)).toEqual(before);
    await screenshot(page, 'logo-refused-1280');

    await pickLogo(page, PNG);
    await page.getByRole('img', { name: 'Consultancy logo: mueller-partner.png' }).waitFor();
    await waitSaved(page);
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.getByText('(mueller-partner.png, 667 × 167 pixels)').waitFor();
    const stored = (await storedWorkshop(page)).logo as Record<string, unknown>;
    expect(stored).toMatchObject({ name: 'mueller-partner.png', type: 'image/png', width: 667, height: 167 });
    expect(String(stored.dataUrl)).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'logo-stored-1920');

    await page.getByRole('button', { name: 'Remove logo' }).click();
    await page.getByText('No logo yet').waitFor();
    await waitSaved(page);
    expect((await storedWorkshop(page)).logo).toBeUndefined();
  });
});
