// The browser side of the security suite: the CSP violation detector itself (so "zero violations
// in the run" means something), dropped files that would navigate the window away from the app,
// and links or window.open that try to replace the page.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { CSP_VIOLATION_PREFIX, closeExpectingClean, createWorkshop, launchApp, pause, type AppHandle } from './support/app';

let app: AppHandle | null = null;
afterEach(async () => {
  if (!app) return;
  const closing = app;
  app = null;
  await closeExpectingClean(closing);
});

const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);

describe('the CSP violation detector', () => {
  it('catches an inline script, an inline style and a javascript: link, and a test can take the ones it caused', async () => {
    app = await launchApp();
    const { page } = app;
    await page.getByRole('heading', { name: 'Workshops', exact: true }).waitFor();
    expect(app.cspViolations).toEqual([]);

    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__pwned = 1';
      document.body.append(script);
      const style = document.createElement('style');
      style.textContent = 'body { background: red }';
      document.head.append(style);
      const link = document.createElement('a');
      link.href = 'javascript:window.__pwned=2';
      link.textContent = 'hostile link';
      document.body.append(link);
    });
    await page.getByText('hostile link').click();

    await expect.poll(() => app?.cspViolations.length).toBe(3);
    const violations = app.cspViolations.join('\n');
    expect(violations).toMatch(/script-src-elem blocked inline/);
    expect(violations).toMatch(/style-src-elem blocked inline/);
    expect(violations).toMatch(/script-src-elem blocked inline|script-src blocked inline/);
    // Reported as console errors too, so any spec's no-console-errors check fails on one.
    expect(app.consoleErrors.filter((e) => e.startsWith(CSP_VIOLATION_PREFIX))).toHaveLength(3);
    // And the policy did block them: nothing ran, the page is not red.
    expect(await pwned(page)).toBeUndefined();
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe('rgb(255, 0, 0)');

    // A test that caused them on purpose takes them; then neither the afterEach nor the run's tally sees them.
    const taken = await app.takeCspViolations(/blocked inline/);
    expect(taken).toHaveLength(3);
    expect(app.cspViolations).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });

  it('sees violations in every page of the context, not only the first', async () => {
    app = await launchApp();
    const second = await app.context.newPage();
    await second.goto(app.url);
    await second.evaluate(() => {
      const el = document.createElement('div');
      el.setAttribute('style', 'color: red');
      document.body.append(el);
    });
    await expect.poll(() => app?.cspViolations.length).toBe(1);
    expect(app.cspViolations[0]).toMatch(/style-src-attr/);
    expect(await app.takeCspViolations(/style-src-attr/)).toHaveLength(1);
  });
});

describe('dropped files', () => {
  it('a file dropped on the page neither replaces the app nor opens a new page', async () => {
    app = await launchApp();
    const { page } = app;
    await createWorkshop(page, { name: 'Drop target' });
    const before = page.url();
    const dir = mkdtempSync(join(tmpdir(), 'liftoff-drop-'));
    const file = join(dir, 'dropped.html');
    writeFileSync(file, '<h1>Not Liftoff</h1>');

    // A real drop, as the OS delivers it (trusted events, not page-made ones). Unless the page
    // refuses it, Chromium opens the dropped file: in a browser as a new page (shown here as a
    // blocked about:blank#blocked, since http pages may not open file: URLs), in Electron by
    // navigating the window itself.
    const cdp = await app.context.newCDPSession(page);
    const data = { items: [{ mimeType: 'text/uri-list', data: `file://${file}` }], files: [file], dragOperationsMask: 1 };
    for (const type of ['dragEnter', 'dragOver', 'drop'] as const) {
      await cdp.send('Input.dispatchDragEvent', { type, x: 700, y: 500, data });
    }
    await pause(1000);
    expect(app.context.pages().map((p) => p.url())).toEqual([before]);
    await page.getByRole('heading', { name: /Use cases/ }).waitFor();
    await page.getByLabel('New use case title').fill('Still here');
    expect(await page.getByLabel('New use case title').inputValue()).toBe('Still here');
  });

  it('refuses drops on the page but leaves them to a file input', async () => {
    app = await launchApp();
    const { page } = app;
    await page.getByRole('heading', { name: 'Workshops', exact: true }).waitFor();
    const result = await page.evaluate(() => {
      const drop = (target: Element) => {
        const dataTransfer = new DataTransfer();
        dataTransfer.items.add(new File(['<h1>x</h1>'], 'x.html', { type: 'text/html' }));
        const over = new DragEvent('dragover', { dataTransfer, bubbles: true, cancelable: true });
        const ev = new DragEvent('drop', { dataTransfer, bubbles: true, cancelable: true });
        target.dispatchEvent(over);
        target.dispatchEvent(ev);
        return { over: over.defaultPrevented, drop: ev.defaultPrevented };
      };
      const input = document.createElement('input');
      input.type = 'file';
      document.body.append(input);
      const onInput = drop(input);
      input.remove();
      return { body: drop(document.body), heading: drop(document.querySelector('h1') ?? document.body), onInput };
    });
    expect(result.body).toEqual({ over: true, drop: true });
    expect(result.heading).toEqual({ over: true, drop: true });
    expect(result.onInput).toEqual({ over: false, drop: false });
  });
});

describe('new windows', () => {
  it('window.open and a target=_blank link leave the app page where it is', async () => {
    app = await launchApp();
    const { page, context } = app;
    await createWorkshop(page, { name: 'Popups' });
    const before = page.url();

    const popup = context.waitForEvent('page');
    await page.evaluate((url) => window.open(url, '_blank'), `${app.url}#/elsewhere`);
    await (await popup).close();

    const popup2 = context.waitForEvent('page');
    await page.evaluate((url) => {
      const a = document.createElement('a');
      a.href = url;
      a.target = '_blank';
      a.textContent = 'open in new window';
      document.body.append(a);
    }, `${app.url}#/other`);
    await page.getByText('open in new window').click();
    await (await popup2).close();

    expect(page.url()).toBe(before);
    await page.getByRole('heading', { name: /Use cases/ }).waitFor();
    expect(await pwned(page)).toBeUndefined();
  });
});
