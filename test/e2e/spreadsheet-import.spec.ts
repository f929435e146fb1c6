// The client's spreadsheet as it is: CSVs in the encodings Excel writes, headers in German or
// French, through the real file dialog, with what is stored checked character for character.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { closeExpectingClean, createWorkshop, launchApp, screenshot, waitSaved, type AppHandle } from './support/app';

const SPREADSHEETS = new URL('../fixtures/spreadsheets/', import.meta.url);
const fixture = (name: string) => fileURLToPath(new URL(name, SPREADSHEETS));

/** The German retailer's list, as typed in Excel (see test/fixtures/spreadsheets/make-fixtures.mjs). */
const RETAILER = [
  { title: 'Frischwarenprognose für Obst & Gemüse', businessOwner: 'Jürgen Weiß', expectedValue: '120.000 € pro Jahr', kind: 'predictive-model' },
  { title: 'Regaletikettenprüfung per Foto', businessOwner: 'Anja Groß', expectedValue: '45.000 €', kind: 'document-processing' },
  { title: 'Kundenanfragen-Assistent „Frag Hanna“', businessOwner: 'Björn Käßmann', expectedValue: '-5 % Bearbeitungszeit', kind: 'generative-assistant' },
  { title: 'Retourenbetrugserkennung', businessOwner: 'Renée Dubois-Müller', expectedValue: 'ca. 80.000 € Schaden weniger', kind: 'automated-decision' },
  { title: 'Lieferantenrechnungen auslesen', businessOwner: 'Özlem Çelik', expectedValue: '0,5 Stellen', kind: 'document-processing' },
];
const RETAILER_FIELDS = ['title', 'problem', 'businessOwner', 'department', 'kind', 'dataSources', 'expectedValue', 'impact', 'feasibility', 'readiness', 'notes'];

type StoredUseCase = { title: string; businessOwner: string; department: string; expectedValue: string; kind: string; initialScores: Record<string, number | null> };

let app: AppHandle;
beforeEach(async () => {
  app = await launchApp({ width: 1280, height: 720 });
});
afterEach(async () => {
  await closeExpectingClean(app);
});

async function chooseFile(page: Page, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose file…' }).click();
  await (await chooser).setFiles(path);
}

/** The use cases in IndexedDB, in the order the list shows them. */
async function storedUseCases(page: Page): Promise<StoredUseCase[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('liftoff');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const rows = await new Promise<(StoredUseCase & { order: number })[]>((res, rej) => {
      const r = db.transaction('useCases').objectStore('useCases').getAll();
      r.onsuccess = () => res(r.result as (StoredUseCase & { order: number })[]);
      r.onerror = () => rej(r.error);
    });
    db.close();
    return rows.sort((a, b) => a.order - b.order);
  });
}

async function openImport(page: Page, file: string) {
  await page.getByRole('button', { name: 'Import spreadsheet…' }).click();
  await chooseFile(page, file);
  return page.getByRole('dialog', { name: 'Import use cases from a spreadsheet' });
}

describe('importing the client’s CSV in the encoding Excel wrote', () => {
  const cases = [
    { file: 'einzelhandel-windows-1252.csv', encoding: 'windows-1252', separated: 'semicolons' },
    { file: 'einzelhandel-utf8.csv', encoding: 'utf-8', separated: 'semicolons' },
    { file: 'einzelhandel-utf16le.txt', encoding: 'utf-16le', separated: 'tabs' },
    { file: 'einzelhandel-utf16be.csv', encoding: 'utf-16be', separated: 'semicolons' },
  ];
  for (const { file, encoding, separated } of cases) {
    it(`${file}: German headers mapped without a click, every umlaut, ß and € stored as typed`, async () => {
      const { page } = app;
      await createWorkshop(page, { name: `Einzelhandel ${encoding}` });
      const dialog = await openImport(page, fixture(file));
      await dialog.getByText(`5 rows, 11 columns, separated by ${separated}`).waitFor();
      expect(await dialog.getByTestId('encoding').inputValue()).toBe(encoding);
      expect(await dialog.getByTestId('text-preview').textContent()).toContain('Frischwarenprognose für Obst & Gemüse');
      for (const [col, field] of RETAILER_FIELDS.entries()) expect(await dialog.getByTestId(`map-${col}`).inputValue()).toBe(field);
      expect(await dialog.getByTestId('encoding-warning').count()).toBe(0);
      if (encoding === 'windows-1252') await screenshot(page, 'spreadsheet-mapping-1280x720');

      await dialog.getByRole('button', { name: 'Import 5 use cases' }).click();
      await expect.poll(() => page.getByTestId('uc-row').count()).toBe(5);
      await waitSaved(page);
      const stored = await storedUseCases(page);
      expect(stored.map((u) => ({ title: u.title, businessOwner: u.businessOwner, expectedValue: u.expectedValue, kind: u.kind }))).toEqual(RETAILER);
      expect(stored[0]?.department).toBe('Einkauf Frische');
      expect(stored[0]?.initialScores).toEqual({ impact: 5, feasibility: 4, readiness: 3 });
    });
  }

  it('lets the person change the encoding, warns about characters it cannot read, and stores Łódź as typed', async () => {
    const { page } = app;
    await createWorkshop(page, { name: 'Mitteleuropa' });
    const dialog = await openImport(page, fixture('mitteleuropa-windows-1250.csv'));
    await dialog.getByText('3 rows, 7 columns').waitFor();
    // Central European letters were recognised: Windows-1250 is the guess.
    expect(await dialog.getByTestId('encoding').inputValue()).toBe('windows-1250');
    expect(await dialog.getByTestId('text-preview').textContent()).toContain('Małgorzata Wiśniewska');

    await dialog.getByTestId('encoding').selectOption('windows-1252');
    await expect.poll(() => dialog.getByTestId('text-preview').textContent()).toContain('Ma³gorzata Wiœniewska');
    await dialog.getByText('Liftoff had guessed Windows-1250').waitFor();

    await dialog.getByTestId('encoding').selectOption('utf-8');
    const warning = dialog.getByTestId('encoding-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(/characters could not be read as UTF-8/);
    expect(await dialog.getByTestId('csv-problems').innerText()).toMatch(/Row 2: Title, Business owner, .* have characters that could not be read/);

    await dialog.getByTestId('encoding').selectOption('windows-1250');
    await expect.poll(() => warning.count()).toBe(0);
    await dialog.getByRole('button', { name: 'Import 3 use cases' }).click();
    await expect.poll(() => page.getByTestId('uc-row').count()).toBe(3);
    await waitSaved(page);
    const stored = await storedUseCases(page);
    expect(stored.map((u) => [u.title, u.businessOwner])).toEqual([
      ['Zollanmeldungsplausibilitätsprüfung', 'Małgorzata Wiśniewska'],
      ['Tourenplanungsfeinjustierung', 'Ľubomír Šťastný'],
      ['Lagerplatzoptimierung', 'Jiří Dvořák'],
    ]);
  });

  it('maps French headers and keeps « », − and Œ', async () => {
    const { page } = app;
    await createWorkshop(page, { name: 'Commerce' });
    const dialog = await openImport(page, fixture('commerce-fr.csv'));
    await dialog.getByText('2 rows, 11 columns').waitFor();
    for (const [col, field] of RETAILER_FIELDS.entries()) expect(await dialog.getByTestId(`map-${col}`).inputValue()).toBe(field);
    await dialog.getByRole('button', { name: 'Import 2 use cases' }).click();
    await expect.poll(() => page.getByTestId('uc-row').count()).toBe(2);
    await waitSaved(page);
    const stored = await storedUseCases(page);
    expect(stored.map((u) => [u.title, u.businessOwner, u.expectedValue, u.kind])).toEqual([
      ['Prévision des ventes de produits frais', 'Hélène Lefèvre', '150 000 €', 'predictive-model'],
      ['Assistant « Où est mon colis ? »', 'François Œuvray', '−10 % d’appels', 'generative-assistant'],
    ]);
  });

  it('shows every column of the mapping step at 1280x720, and reports skipped rows only for a chosen mapping', async () => {
    const { page } = app;
    await createWorkshop(page, { name: 'Fit' });
    const dialog = await openImport(page, fixture('einzelhandel-windows-1252.csv'));
    await dialog.getByText('5 rows, 11 columns').waitFor();
    const viewport = page.viewportSize();
    if (!viewport) throw new Error('no viewport');
    for (let col = 0; col < 11; col++) {
      const box = await dialog.getByTestId(`map-${col}`).boundingBox();
      expect(box, `column ${col}`).not.toBeNull();
      expect((box?.y ?? 0) + (box?.height ?? 0), `column ${col} is inside the window`).toBeLessThanOrEqual(viewport.height);
    }
    const importButton = await dialog.getByRole('button', { name: 'Import 5 use cases' }).boundingBox();
    expect((importButton?.y ?? 0) + (importButton?.height ?? 0)).toBeLessThanOrEqual(viewport.height);
    // Without a title column nothing can be imported: the person is told that, not that every row is skipped.
    await dialog.getByTestId('map-0').selectOption('');
    await dialog.getByText('Choose the column that holds the use-case title').waitFor();
    expect(await dialog.getByTestId('csv-problems').count()).toBe(0);
    await page.keyboard.press('Escape');
    expect(await storedUseCases(page)).toEqual([]);
  });

  it('refuses a legacy .xls workbook with a clear message, and stores nothing', async () => {
    const { page } = app;
    await createWorkshop(page, { name: 'Legacy' });
    const dir = mkdtempSync(join(tmpdir(), 'liftoff-xls-'));
    const xls = join(dir, 'Anwendungsfälle.csv');
    writeFileSync(xls, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    await page.getByRole('button', { name: 'Import spreadsheet…' }).click();
    await chooseFile(page, xls);
    const error = page.getByTestId('csv-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/old Excel 97–2003 workbook \(\.xls\)/);
    await page.keyboard.press('Escape');
    expect(await storedUseCases(page)).toEqual([]);
  });
});

describe('importing the client’s Excel workbook', () => {
  it('picks the first sheet with data, finds the column names under the title, and stores every name and date as shown', async () => {
    const { page } = app;
    await createWorkshop(page, { name: 'Einzelhandel xlsx' });
    const dialog = await openImport(page, fixture('einzelhandel.xlsx'));
    await dialog.getByText('5 rows, 11 columns').waitFor();
    // The empty cover sheet comes first; the list is on the second sheet.
    expect(await dialog.getByTestId('sheet').inputValue()).toBe('1');
    expect(await dialog.getByTestId('sheet').locator('option').allTextContents()).toEqual(['Deckblatt (empty)', 'Anwendungsfälle', 'Filialen']);
    await dialog.getByText('Row 1 above the column names looks like a title and was skipped').waitFor();
    for (const [col, field] of RETAILER_FIELDS.entries()) expect(await dialog.getByTestId(`map-${col}`).inputValue()).toBe(field);
    await screenshot(page, 'workbook-mapping-1280x720');

    // Another sheet: other columns, no title column, so nothing could be imported from it.
    await dialog.getByTestId('sheet').selectOption('2');
    await dialog.getByText('1 rows, 3 columns').waitFor();
    await dialog.getByText('Choose the column that holds the use-case title').waitFor();
    await dialog.getByTestId('sheet').selectOption('1');
    await dialog.getByText('5 rows, 11 columns').waitFor();

    await dialog.getByRole('button', { name: 'Import 5 use cases' }).click();
    await expect.poll(() => page.getByTestId('uc-row').count()).toBe(5);
    await waitSaved(page);
    const stored = await storedUseCases(page);
    expect(stored.map((u) => ({ title: u.title, businessOwner: u.businessOwner, expectedValue: u.expectedValue, kind: u.kind }))).toEqual(RETAILER);
    expect(stored[0]?.initialScores).toEqual({ impact: 5, feasibility: 4, readiness: 3 });
    // A date cell comes in as Excel shows it (its format is dd.mm.yyyy), not as the serial number 46083.
    expect((stored[0] as StoredUseCase & { notes: string }).notes).toBe('02.03.2026');
  });

  it('stores a German workbook’s formatted cells char for char: 120.000 €, 02.03.2026, a merged “Bereich” in each of its rows', async () => {
    const { page } = app;
    await createWorkshop(page, { name: 'Einzelhandel Formate' });
    const dialog = await openImport(page, fixture('einzelhandel-formate.xlsx'));
    await dialog.getByText('4 rows, 7 columns').waitFor();
    // The workbook's currency format is marked German (Germany): its numbers are drawn that way
    // whatever the language of this computer.
    expect(await dialog.getByTestId('sheet-locale').inputValue()).toBe('de-DE');
    expect(await dialog.getByTestId('sheet-locale-reason').textContent()).toMatch(/marked German \(Germany\)/);
    expect(await dialog.getByTestId('sheet').locator('option').allTextContents()).toEqual(['Anwendungsfälle', 'Budget']);
    expect(await dialog.getByTestId('map-0').inputValue()).toBe('department');
    expect(await dialog.getByTestId('map-3').inputValue()).toBe('expectedValue');
    expect(await dialog.getByTestId('map-6').inputValue()).toBe('impact');
    await dialog.getByTestId('map-4').selectOption('notes');
    await screenshot(page, 'workbook-formats-1280x720');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'workbook-formats-1920x1080');
    await page.setViewportSize({ width: 1280, height: 720 });

    // Opened in an English Excel the same cells read 120,000 €: the person can choose.
    await dialog.getByTestId('sheet-locale').selectOption('en-US');
    await expect.poll(() => dialog.locator('.mapping-sample').nth(3).textContent()).toContain('120,000 €');
    await dialog.getByTestId('sheet-locale').selectOption('de-DE');
    await expect.poll(() => dialog.locator('.mapping-sample').nth(3).textContent()).toContain('120.000 €');

    await dialog.getByRole('button', { name: 'Import 4 use cases' }).click();
    await expect.poll(() => page.getByTestId('uc-row').count()).toBe(4);
    await waitSaved(page);
    const stored = (await storedUseCases(page)) as (StoredUseCase & { notes: string })[];
    expect(stored.map((u) => [u.department, u.title, u.businessOwner, u.expectedValue, u.notes, u.initialScores.impact])).toEqual([
      ['Filiale & Frische', 'Frischwarenprognose für Obst & Gemüse', 'Jürgen Weiß', '120.000 €', '02.03.2026', 5],
      ['Filiale & Frische', 'Regaletikettenprüfung per Foto', 'Anja Groß', '45.000 €', '15.04.2026', 3],
      ['Filiale & Frische', 'Kundenanfragen-Assistent „Frag Hanna“', 'Björn Käßmann', '1.250.000 €', '01.07.2026', 4],
      ['Zentrale', 'Lieferantenrechnungen auslesen', 'Özlem Çelik', '80.500 €', '31.12.2026', 3],
    ]);
  });

  it('imports the same list saved by LibreOffice as OpenDocument (.ods), as its author saw it', async () => {
    const { page } = app;
    await createWorkshop(page, { name: 'Einzelhandel ods' });
    const dialog = await openImport(page, fixture('einzelhandel.ods'));
    await dialog.getByText('4 rows, 7 columns').waitFor();
    // OpenDocument keeps the text as shown: there is no locale to choose.
    expect(await dialog.getByTestId('sheet-locale').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Import 4 use cases' }).click();
    await expect.poll(() => page.getByTestId('uc-row').count()).toBe(4);
    await waitSaved(page);
    const stored = await storedUseCases(page);
    expect(stored.map((u) => [u.department, u.title, u.businessOwner, u.expectedValue])).toEqual([
      ['Filiale & Frische', 'Frischwarenprognose für Obst & Gemüse', 'Jürgen Weiß', '120.000 €'],
      ['Filiale & Frische', 'Regaletikettenprüfung per Foto', 'Anja Groß', '45.000 €'],
      ['Filiale & Frische', 'Kundenanfragen-Assistent „Frag Hanna“', 'Björn Käßmann', '1.250.000 €'],
      ['Zentrale', 'Lieferantenrechnungen auslesen', 'Özlem Çelik', '80.500 €'],
    ]);
  });

  it('refuses a workbook with XML entities, a damaged workbook and an OpenDocument file with entities, with clear messages, and stores nothing', async () => {
    const { page } = app;
    await createWorkshop(page, { name: 'Hostile' });
    const dir = mkdtempSync(join(tmpdir(), 'liftoff-xlsx-'));
    const parts: Zippable = { ...unzipSync(new Uint8Array(readFileSync(fixture('einzelhandel.xlsx')))) };
    parts['xl/sharedStrings.xml'] = strToU8(
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&b;</t></si></sst>',
    );
    const files = [
      { name: 'entities.xlsx', bytes: zipSync(parts), message: /document type declaration/ },
      { name: 'damaged.xlsx', bytes: new Uint8Array(readFileSync(fixture('einzelhandel.xlsx'))).subarray(0, 2500), message: /damaged/ },
      {
        name: 'liste.ods',
        bytes: zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>') }),
        message: /document type declaration/,
      },
    ];
    await page.getByRole('button', { name: 'Import spreadsheet…' }).click();
    for (const file of files) {
      const path = join(dir, file.name);
      writeFileSync(path, file.bytes);
      await chooseFile(page, path);
      const error = page.getByTestId('csv-error');
      await expect.poll(() => error.textContent()).toMatch(file.message);
      expect(await error.textContent()).toMatch(/Nothing was imported/);
    }
    await page.keyboard.press('Escape');
    expect(await storedUseCases(page)).toEqual([]);
  });
});

describe('importing a score sheet in the client’s language', () => {
  it('reads a German score sheet saved as Windows-1252 and creates its participants with their names intact', async () => {
    const { page } = app;
    await createWorkshop(page, { name: 'Bewertung' });
    await page.getByLabel('New use case title').fill('Frischwarenprognose für Obst & Gemüse');
    await page.getByLabel('New use case title').press('Enter');
    await page.getByRole('link', { name: 'Participants' }).click();
    const dir = mkdtempSync(join(tmpdir(), 'liftoff-scores-'));
    const file = join(dir, 'Bewertungen.csv');
    const text = [
      'Anwendungsfall;Teilnehmer;Rolle;Wirkung;Machbarkeit;Reife',
      'Frischwarenprognose für Obst & Gemüse;Jürgen Weiß;Product Owner;5;4;3',
      'Frischwarenprognose für Obst & Gemüse;Renée Dubois-Müller;Compliance;4;3;2',
    ].join('\r\n');
    writeFileSync(file, Buffer.from(text, 'latin1'));
    await page.getByRole('button', { name: 'Import scores from a spreadsheet…' }).click();
    await chooseFile(page, file);
    const dialog = page.getByRole('dialog', { name: 'Import participant scores' });
    await dialog.getByText('2 rows, 2 with valid scores').waitFor();
    expect(await dialog.getByTestId('encoding').inputValue()).toBe('windows-1252');
    await dialog.getByText('Add Jürgen Weiß as Product owner').waitFor();
    await dialog.getByRole('button', { name: 'Import 2 rows' }).click();
    await page.getByRole('button', { name: 'Remove Jürgen Weiß' }).waitFor();
    await page.getByRole('button', { name: 'Remove Renée Dubois-Müller' }).waitFor();
  });
});
