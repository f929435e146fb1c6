// The screenshot pass in the pseudo-locale: every translated message accented and ~40 % longer, in
// brackets. At 1280×720 nothing may overflow the window or be cut inside a button, a tab or a
// heading; and any text still plain English is text that is not translated yet.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeExpectingClean, dismissToasts, launchApp, screenshot, type AppHandle } from './support/app';
import { roomWorkshopFile } from './support/room-workshop';

let app: AppHandle | null = null;
afterEach(async () => {
  if (app) await closeExpectingClean(app);
  app = null;
});

/** Elements whose text is cut: wider content than box (buttons, tabs, headings, labels), and the page wider than the window. */
async function cutOff(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1) out.push(`page ${document.documentElement.scrollWidth}px wide`);
    for (const el of document.querySelectorAll<HTMLElement>('button, a.btn, a.tab, .presenter-nav-link, h1, h2, th, label, dt')) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden' || el.getClientRects().length === 0) continue;
      // Labels kept for screen readers only (.visually-hidden) are 1 px boxes on purpose.
      if (el.clientWidth <= 1 || el.closest('.visually-hidden')) continue;
      if (el.scrollWidth > el.clientWidth + 1) out.push(`${el.tagName.toLowerCase()} “${el.textContent?.trim().slice(0, 40)}” cut: ${el.scrollWidth} > ${el.clientWidth}`);
      const box = el.getBoundingClientRect();
      if (box.right > window.innerWidth + 1) out.push(`${el.tagName.toLowerCase()} “${el.textContent?.trim().slice(0, 40)}” beyond the window`);
    }
    return out;
  });
}

/** The app at 1280×720 with the pseudo-locale as its interface language, on the workshops screen. */
async function launchInPseudo(): Promise<AppHandle> {
  const handle = await launchApp({ width: 1280, height: 720 });
  await handle.page.evaluate(() => {
    localStorage.setItem('liftoff.devLocales', '1');
    localStorage.setItem('liftoff.interfaceLanguage', 'pseudo');
  });
  await handle.page.reload();
  await handle.page.getByRole('heading', { name: '[Ŵööŕķšĥööþš]' }).waitFor();
  return handle;
}

describe('the pseudo-locale at 1280×720', () => {
  it('home, the workshop frame and the projector stay whole with text 40 % longer', async () => {
    app = await launchInPseudo();
    const { page } = app;
    expect(await cutOff(page)).toEqual([]);
    await screenshot(page, 'pseudo-home-1280');

    const chooser = page.waitForEvent('filechooser');
    // “Open workshop file…”, the first button of the top bar.
    await page.locator('.topbar-actions button').first().click();
    await (await chooser).setFiles(roomWorkshopFile());
    await page.locator('.shell').waitFor();
    await dismissToasts(page);
    expect(await cutOff(page)).toEqual([]);
    await screenshot(page, 'pseudo-shell-1280');
    await page.locator('.home-main, .shell').first().waitFor();

    await page.goto(page.url().replace(/\/use-cases.*$/, '/portfolio'));
    await page.locator('.rank-table').waitFor();
    await screenshot(page, 'pseudo-ranking-1280');
    expect(await cutOff(page)).toEqual([]);

    await page.locator('.topbar-actions button', { hasText: /^\[Þŕ/ }).click();
    await page.getByTestId('presenter').waitFor();
    expect(await page.getByTestId('presenter').getAttribute('lang')).toBe('en-XA');
    expect(await cutOff(page)).toEqual([]);
    await screenshot(page, 'pseudo-presenter-ranking-1280');
    await page.locator('.presenter-nav-link').first().click();
    await page.locator('.presenter-agenda').waitFor();
    expect(await cutOff(page)).toEqual([]);
    await screenshot(page, 'pseudo-presenter-agenda-1280');
  }, 60_000);
});

/** Every string the workshop file holds (the workshop's own data, never translated). */
function dataStrings(text: string): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(JSON.parse(text));
  return out.filter((s) => /[A-Za-z]{3}/.test(s));
}

/**
 * Text on the screen that is plain English: visible text nodes, aria-labels, titles and
 * placeholders with an English word in them and no pseudo-locale accents, that the workshop's own
 * data did not bring.
 */
async function plainEnglish(page: Page, data: string[], mode: 'pseudo' | 'words'): Promise<string[]> {
  return page.evaluate(({ data, mode }) => {
    const pseudo = /[\u00C0-\u024F\u1E00-\u1EFF]/;
    // In German or French, English is told by its little words, which neither language uses.
    // (Word edges by letters of any script: "höhere" holds no "here".)
    const englishWords = /(?<!\p{L})(the|and|with|from|this|that|these|not|for|of|to|is|are|yet|been|has|have|will|your|you|first|only|each|every|cannot|can't|don't|here|there|what|when|which)(?!\p{L})/iu;
    const fromData = (s: string) => data.some((d) => d.includes(s) || (s.length > 12 && s.includes(d)));
    // The pseudo-locale formats dates as English does (its numbers and dates are en-US's).
    const month = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*';
    const englishDate = new RegExp(`^(${month} \\d{1,2}(, \\d{4}(, \\d{1,2}:\\d{2}(:\\d{2})? [AP]M)?)?|${month} \\d{4})$`);
    const english = (raw: string) => {
      const s = raw.replaceAll('\u00AD', '').trim();
      if (fromData(s) || s === 'Liftoff') return false;
      return mode === 'pseudo' ? /\b[A-Za-z]{3,}\b/.test(s) && !pseudo.test(s) && !englishDate.test(s) : englishWords.test(s);
    };
    const out = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      // Key caps (Alt, Ctrl) are written the same on every keyboard.
      if (!el || el.closest('script, style, kbd, .visually-hidden, [aria-hidden="true"]')) continue;
      // Text marked as the workshop's language (the pack's asks, the projector) is the room's, not the interface's.
      if (el.closest('[lang]')?.getAttribute('lang') !== document.documentElement.lang) continue;
      if (el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      const text = (n.textContent ?? '').trim();
      if (text && english(text)) out.add(`text “${text.slice(0, 80)}” in <${el.tagName.toLowerCase()} class="${el.className}">`);
    }
    for (const el of document.querySelectorAll<HTMLElement>('[aria-label], [title], [placeholder]')) {
      if (el.getClientRects().length === 0 || el.closest('[lang]')?.getAttribute('lang') !== document.documentElement.lang) continue;
      for (const attr of ['aria-label', 'title', 'placeholder']) {
        const v = el.getAttribute(attr);
        if (v && english(v)) out.add(`${attr} “${v.slice(0, 80)}” on <${el.tagName.toLowerCase()}>`);
      }
    }
    return [...out];
  }, { data, mode });
}

/**
 * Every workshop tab, every "…" dialog of each, the stage record's sections and the backups
 * screen: what is still English (beyond the workshop's own data) and what is cut or overflows.
 */
async function sweep(page: Page, file: string, methodLanguage: 'en' | 'de' | 'fr', mode: 'pseudo' | 'words', shots: string) {
  const fileText = readFileSync(file, 'utf8');
  // The method's shipped content (KPI library, plan templates) is in the workshop's language,
  // whatever the interface says: it is the workshop's, like its data.
  const methodDir = new URL(`../../assets/method/${methodLanguage}/`, import.meta.url);
  const method = readdirSync(methodDir).flatMap((f) => dataStrings(readFileSync(new URL(f, methodDir), 'utf8')));
  const data = [...dataStrings(fileText), ...method];
  const firstUseCase: string = JSON.parse(fileText).tables.useCases[0].id;
  const found: string[] = [];
  const cut: string[] = [];
  const check = async (where: string) => {
    await page.waitForTimeout(300);
    for (const line of await plainEnglish(page, data, mode)) found.push(`${where}: ${line}`);
    for (const line of await cutOff(page)) cut.push(`${where}: ${line}`);
  };
  // Buttons that open a dialog end with "…": each dialog of the screen is opened, read and closed.
  const checkDialogs = async (where: string) => {
    const selector = 'main button:visible, .topbar-actions button:visible';
    const names = (await page.locator(selector).allTextContents()).map((n) => n.trim()).filter((n) => /…\]?$/.test(n));
    // The first button of the top bar opens a file: the system asks for it, no dialog of ours.
    const fileButton = ((await page.locator('.topbar-actions button').first().textContent()) ?? '').trim();
    for (const name of new Set(names)) {
      if (name === fileButton) continue;
      const opener = page.locator(selector).filter({ hasText: name }).first();
      if (!(await opener.isEnabled({ timeout: 2000 }).catch(() => false))) continue;
      await opener.click({ timeout: 3000 });
      const dialog = page.locator('[role=dialog]:visible, dialog[open]');
      if (!(await dialog.first().waitFor({ timeout: 1500 }).then(() => true, () => false))) continue;
      await check(`${where}, dialog of “${name}”`);
      await page.keyboard.press('Escape');
      await dialog.first().waitFor({ state: 'hidden', timeout: 3000 }).catch(() => undefined);
    }
  };
  await check('home');
  const chooser = page.waitForEvent('filechooser');
  await page.locator('.topbar-actions button').first().click();
  await (await chooser).setFiles(file);
  await page.locator('.shell').waitFor();
  await dismissToasts(page);
  const base = page.url().replace(/\/use-cases.*$/, '');
  for (const tab of ['use-cases', 'participants', 'scoring', 'portfolio', 'matrix', 'pipeline', 'kpis', 'risks', 'roadmap', 'governance', 'decisions', 'health', 'agenda', 'details', 'activity']) {
    await page.goto(`${base}/${tab}`);
    await page.locator('.shell main, .shell').first().waitFor();
    await check(tab);
    if (tab === 'matrix' || tab === 'kpis' || tab === 'roadmap') await screenshot(page, `${shots}-${tab}-1280`);
    await checkDialogs(tab);
  }
  for (const section of ['readiness', 'pilot', 'controls', 'decisions']) {
    await page.goto(`${base}/pipeline/${firstUseCase}/${section}`);
    await check(`stage record, ${section}`);
  }
  await page.goto(base.replace(/#\/w\/.*$/, '#/backups'));
  await check('backups');
  return { found, cut };
}

describe('no English left on any workshop screen', () => {
  it('in the pseudo-locale: only the workshop’s own data is plain, and text 40 % longer is never cut', async () => {
    app = await launchInPseudo();
    const { page } = app;
    const { found, cut } = await sweep(page, roomWorkshopFile(), 'en', 'pseudo', 'pseudo');
    expect(found).toEqual([]);
    expect(cut).toEqual([]);
  }, 180_000);

  for (const [language, locale, heading] of [
    ['de', 'de-DE', 'Workshops'],
    ['fr', 'fr-FR', 'Ateliers'],
  ] as const) {
    it(`in ${language === 'de' ? 'German, a German' : 'French, a French'} workshop: no English sentence beyond the workshop’s own data`, async () => {
      app = await launchApp({ width: 1280, height: 720, locale });
      const { page } = app;
      await page.getByRole('heading', { name: heading }).waitFor();
      const file = roomWorkshopFile();
      const own = JSON.parse(readFileSync(file, 'utf8'));
      own.formatVersion = 4;
      own.workshop.language = language;
      writeFileSync(file, JSON.stringify(own));
      const { found, cut } = await sweep(page, file, language, 'words', `sweep-${language}`);
      expect(found).toEqual([]);
      expect(cut).toEqual([]);
    }, 180_000);
  }
});
