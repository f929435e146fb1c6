// Hostile text is inert in every view. A workshop file (the way text from someone else reaches the
// app) carries markup, script URLs, template-injection strings, a 20,000-character word, bidi
// overrides, zero-width characters, emoji, CJK and a spreadsheet formula in every kind of field:
// workshop, use cases, risks, KPIs and measurements, decisions, roles and meetings, agenda,
// roadmap and activity. Every tab, presenter mode and the export dialog must show it as text:
// nothing runs, no element is made from it, the page does not scroll sideways, and it still works.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { closeExpectingClean, dismissToasts, launchApp, openTab, screenshot, type AppHandle } from './support/app';
import { buildWorkshopFile, serializeWorkshopFile } from '../../renderer/domain/workshop-file';
import { sealEntry } from '../../renderer/domain/decision-log';
import type { GateDecision } from '../../renderer/domain/model';
import { insurerWorkshop } from '../unit/pdf/insurer-fixture';

let app: AppHandle | null = null;
afterEach(async () => {
  if (!app) return;
  const closing = app;
  app = null;
  await closeExpectingClean(closing);
});

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=1</script>';
const JS_URL = 'javascript:window.__pwned=1';
const SVG = '"><svg onload=window.__pwned=1>';
const TEMPLATE = "{{constructor.constructor('window.__pwned=1')()}}";
const DOLLAR = '${window.__pwned=1}';
const LONG_WORD = 'Overlong'.repeat(2_500); // 20,000 characters, no space
const RTL_OVERRIDE = 'Claims \u202Eegairt'; // U+202E left open on purpose: it must not flip the text after it
const RTL_ISOLATE = 'Mail \u2067routing'; // U+2067 left open too
const ZERO_WIDTH = 'Zero\u200Bwidth\u200Cnon\u200Djoiner\uFEFFtext';
const EMOJI = '🚀 Launch 👩‍💻 team 🇯🇵';
const CJK = '東京の事故報告 요약 处理';
const FORMULA = '=HYPERLINK("http://x","y")';

const TITLES = [IMG, SCRIPT, JS_URL, SVG, TEMPLATE, DOLLAR, RTL_OVERRIDE, RTL_ISOLATE, ZERO_WIDTH, EMOJI, CJK, FORMULA];

function hostileFile(): string {
  const { workshop, rows } = insurerWorkshop();
  workshop.name = `${IMG} ${EMOJI}`;
  workshop.client = `${SVG} ${TEMPLATE}`;
  workshop.facilitator = DOLLAR;
  workshop.notes = LONG_WORD;

  rows.useCases.forEach((u, i) => {
    const title = TITLES[i];
    if (title) u.title = title;
  });
  const [first, second] = rows.useCases;
  if (!first || !second) throw new Error('fixture has no use cases');
  first.problem = LONG_WORD;
  first.notes = SCRIPT;
  first.businessOwner = JS_URL;
  first.dataSources = FORMULA;
  first.expectedValue = `${RTL_OVERRIDE} ${ZERO_WIDTH}`;
  second.department = SVG;

  const riskTexts = [SCRIPT, SVG, RTL_OVERRIDE, FORMULA];
  rows.risks.forEach((r, i) => {
    r.title = riskTexts[i] ?? r.title;
    r.owner = IMG;
  });
  const [risk] = rows.risks;
  if (risk) risk.mitigation = LONG_WORD;

  const kpiNames = [IMG, TEMPLATE, `${CJK} ${EMOJI}`];
  rows.kpis.forEach((k, i) => {
    k.name = kpiNames[i] ?? k.name;
    k.owner = SVG;
  });
  rows.measurements.forEach((m) => {
    m.note = SCRIPT;
  });
  rows.roles.forEach((r) => {
    r.person = IMG;
  });
  rows.cadence.forEach((c) => {
    c.title = `${SVG} ${c.title}`;
    c.attendees = SCRIPT;
  });

  // The decision log is hash-chained: re-seal it with the hostile text, as the app would have.
  const log: GateDecision[] = [];
  for (const d of rows.gateDecisions) {
    const { id, workshopId, updatedAt, useCaseId, seq: _seq, prevHash: _prev, hash: _hash, ...content } = d;
    const title = rows.useCases.find((u) => u.id === useCaseId)?.title ?? content.useCaseTitle;
    const sealed = sealEntry(log[log.length - 1], { ...content, useCaseTitle: title, rationale: log.length === 0 ? LONG_WORD : IMG, decidedBy: SVG, nextActionsOwner: TEMPLATE });
    log.push({ id, workshopId, updatedAt, useCaseId, ...sealed });
  }
  rows.gateDecisions = log;

  const owned = (id: string) => ({ id, workshopId: workshop.id, createdAt: workshop.createdAt, updatedAt: workshop.createdAt });
  rows.agendaItems = [SCRIPT, RTL_OVERRIDE, LONG_WORD.slice(0, 300), EMOJI].map((title, i) => ({
    ...owned(`agenda-${i + 1}`),
    order: i + 1,
    title,
    plannedMinutes: 30,
    extraMinutes: 0,
    state: 'pending' as const,
    startedAt: null,
    elapsedSeconds: 0,
  }));
  rows.roadmapItems.push({ ...owned('rm-event'), useCaseId: null, kind: 'event', label: SCRIPT, startDay: 20, endDay: 20 });
  rows.auditLog = [IMG, SVG, LONG_WORD].map((summary, i) => ({
    id: `audit-${i + 1}`,
    workshopId: workshop.id,
    at: `2026-11-23T1${i}:00:00.000Z`,
    action: i === 0 ? TEMPLATE : 'use-case.update',
    summary,
  }));

  const dir = mkdtempSync(join(tmpdir(), 'liftoff-hostile-'));
  const path = join(dir, 'hostile.liftoff.json');
  writeFileSync(path, serializeWorkshopFile(buildWorkshopFile(workshop, rows, '0.1.0', '2026-11-24T09:00:00.000Z')));
  return path;
}

type Inertness = { pwned: unknown; handlers: string[]; inlineScripts: number; overflow: number; bidiLeaks: string[] };

async function inertness(page: Page): Promise<Inertness> {
  return page.evaluate(() => {
    // A bidi control in user text reaches the UI text after it unless the element holding the
    // text is isolated (unicode-bidi: isolate/plaintext), or is a box of its own with nothing
    // after the text in it. Lists each text node that could flip what follows it.
    const bidiLeaks: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      if (!/[\u202A-\u202E\u2066-\u2069]/.test(text)) continue;
      const el = node.parentElement;
      if (!el || el.closest('script, style, title')) continue;
      // <option> text is one string the component composes ("Title (3)") and the select draws
      // natively, so CSS cannot isolate part of it: the component wraps the user text in an
      // isolate (domain/labels.ts isolateBidi). Replay UAX #9's stack: nothing may stay open.
      if (el.closest('option')) {
        const open: string[] = [];
        for (const ch of text) {
          if ('\u2066\u2067\u2068'.includes(ch)) open.push('i');
          else if ('\u202A\u202B\u202D\u202E'.includes(ch)) open.push('e');
          else if (ch === '\u202C' && open.at(-1) === 'e') open.pop();
          else if (ch === '\u2069' && open.includes('i')) open.length = open.lastIndexOf('i');
        }
        if (open.length > 0) bidiLeaks.push(`<option> ${JSON.stringify(text.slice(0, 60))}`);
        continue;
      }
      const style = getComputedStyle(el);
      if (['isolate', 'plaintext', 'isolate-override'].includes(style.unicodeBidi)) continue;
      const ownBox = style.display !== 'inline' && el.textContent === text;
      if (ownBox) continue;
      bidiLeaks.push(`<${el.tagName.toLowerCase()} class="${el.className}"> ${JSON.stringify(text.slice(0, 60))} in ${JSON.stringify((el.parentElement?.textContent ?? '').slice(0, 80))}`);
    }
    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      handlers: [...document.querySelectorAll('[onerror],[onload],svg script')].map((el) => el.outerHTML.slice(0, 120)),
      inlineScripts: [...document.scripts].filter((s) => !s.src).length,
      overflow: document.documentElement.scrollWidth - window.innerWidth,
      bidiLeaks,
    };
  });
}

/** Nothing ran, nothing was made from the text, the 20k word did not widen the page, no bidi control leaks. */
async function expectInert(page: Page, where: string): Promise<void> {
  const state = await inertness(page);
  expect({ where, ...state, overflow: state.overflow <= 1 }).toEqual({ where, pwned: undefined, handlers: [], inlineScripts: 0, overflow: true, bidiLeaks: [] });
}

const TABS = ['Use cases', 'Participants', 'Scoring', 'Ranking', 'Matrix', 'Agenda', 'Pipeline', 'KPIs', 'Risks', 'Roadmap', 'Ownership', 'Decision log', 'Health check'];

async function openHostile(page: Page): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open workshop file…' }).click();
  await (await chooser).setFiles(hostileFile());
  await page.getByRole('heading', { name: /Use cases/ }).waitFor();
  await dismissToasts(page);
}

describe('hostile text', () => {
  it('is shown as text, runs nothing and widens nothing, in every view', async () => {
    app = await launchApp({ width: 1440, height: 900 });
    const { page } = app;
    await openHostile(page);
    await expectInert(page, 'use cases');

    // Shown literally: the markup as characters, not as elements.
    for (const text of [IMG, SCRIPT, JS_URL, SVG, TEMPLATE, DOLLAR, FORMULA, EMOJI, CJK]) {
      expect(await page.getByText(text, { exact: true }).filter({ visible: true }).count(), text).toBeGreaterThan(0);
    }
    await page.getByRole('button', { name: new RegExp(`^1\\. ${IMG.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).click();
    expect(await page.getByLabel('Problem or decision point', { exact: true }).inputValue()).toBe(LONG_WORD);
    await expectInert(page, 'use case editor');
    await screenshot(page, 'hostile-usecases');

    for (const tab of TABS) {
      await openTab(page, tab);
      await page.locator('.section-title').first().waitFor();
      if (tab === 'Roadmap') {
        await expect.poll(() => page.locator('.vis-item-content').count()).toBeGreaterThan(8);
        // Use-case and meeting titles are the row labels: text, not markup.
        const labels = (await page.locator('.rm-timeline .vis-label').allInnerTexts()).join('\n').replaceAll('\u00AD', '');
        for (const text of [IMG, SCRIPT, SVG, JS_URL, FORMULA]) expect(labels).toContain(text);
        expect(await page.locator('.vis-item-content img, .vis-item-content svg, .vis-item-content script').count()).toBe(0);
        await screenshot(page, 'hostile-roadmap');
      }
      if (tab === 'Risks') await screenshot(page, 'hostile-risks');
      await expectInert(page, tab);
    }
    await page.getByRole('navigation', { name: 'Workshop record' }).getByRole('link', { name: 'Activity' }).click();
    await page.locator('.section-title').first().waitFor();
    await expectInert(page, 'activity');
    await page.getByRole('navigation', { name: 'Workshop record' }).getByRole('link', { name: 'Details' }).click();
    await page.locator('.section-title').first().waitFor();
    await expectInert(page, 'details');

    await openTab(page, 'Matrix');
    await page.getByRole('button', { name: 'Presenter', exact: true }).click();
    await page.getByRole('button', { name: /Exit presenter mode/ }).waitFor();
    await expectInert(page, 'presenter');
    await screenshot(page, 'hostile-presenter');
    await page.getByRole('button', { name: /Exit presenter mode/ }).click();

    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expect.poll(() => dialog.getByTestId('export-page-count').innerText(), { timeout: 20_000 }).toMatch(/^\d+ pages?$/);
    await expectInert(page, 'export dialog');
    await page.keyboard.press('Escape');

    // Still working: a new use case can be captured next to the hostile ones.
    await openTab(page, 'Use cases');
    await page.getByLabel('New use case title').fill('Still works');
    await page.getByLabel('New use case title').press('Enter');
    await page.getByText('Still works', { exact: true }).first().waitFor();
    await expectInert(page, 'after all views');
  });
});
