// Undo steps are named in the interface language: each step is stored with its English label (the
// audit log and older steps keep it) and a catalog message beside it, which the Undo/Redo buttons
// and toasts say in English, German or French. Steps stored before messages existed still show.
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileCatalog, readCatalog } from '../../../scripts/vite-catalogs.mjs';
import { createTranslator } from '../../../renderer/i18n/translator';
import type { AppMessageId } from '../../../renderer/i18n/app-catalog';
import { stepName } from '../../../renderer/shared/step-name';
import { CONTROL_CHECKLISTS, CRITERIA, READINESS_DIMENSIONS } from '../../../renderer/domain/model';
import { PILOT_FIELD_LABELS } from '../../../renderer/db/pipeline-repo';
import { closeTestWorkshop, openTestWorkshop, type TestWorkshop } from './test-workshop';

const catalogPath = (lang: string) => new URL(`../../../renderer/i18n/catalogs/app/${lang}.json`, import.meta.url).pathname;
const catalog = (lang: string) => compileCatalog(readCatalog(catalogPath(lang)), lang);
const english = catalog('en');
const tr = {
  en: createTranslator<AppMessageId>('en', english, english),
  de: createTranslator<AppMessageId>('de', catalog('de'), english),
  fr: createTranslator<AppMessageId>('fr', catalog('fr'), english),
};
const NNBSP = '\u202f';

let tw: TestWorkshop;
beforeEach(async () => {
  tw = await openTestWorkshop('history-messages');
});
afterEach(async () => {
  await closeTestWorkshop(tw.db);
});

const peekUndo = async () => {
  const p = await tw.repos.history.peek(tw.workshopId);
  return { label: p.undoLabel ?? '', message: p.undoMessage };
};

describe('the name of an undo step', () => {
  it('keeps its English label and says the step in German and French', async () => {
    await tw.repos.agenda.add(tw.workshopId, 'Retourenbegründungsklassifikation', 30);
    const step = await peekUndo();
    expect(step.label).toBe('Add session "Retourenbegründungsklassifikation"');
    expect(stepName(tr.en, step)).toBe('Add session “Retourenbegründungsklassifikation”');
    expect(stepName(tr.de, step)).toBe('Einheit „Retourenbegründungsklassifikation“ hinzufügen');
    expect(stepName(tr.fr, step)).toBe(`Ajouter la séquence «${NNBSP}Retourenbegründungsklassifikation${NNBSP}»`);
  });

  it('counts with plurals: one pasted measurement, then several', async () => {
    const kpi = await tw.repos.kpis.add(tw.useCaseId, 'business-impact', 'Durchlaufzeit');
    await tw.repos.kpis.importMeasurements(kpi.id, [{ date: '2026-12-01', value: 3 }]);
    expect(stepName(tr.de, await peekUndo())).toBe('1 Messwert in „Durchlaufzeit“ einfügen');
    await tw.repos.kpis.importMeasurements(kpi.id, [
      { date: '2026-12-02', value: 4 },
      { date: '2026-12-03', value: 5 },
    ]);
    expect(stepName(tr.de, await peekUndo())).toBe('2 Messwerte in „Durchlaufzeit“ einfügen');
    expect(stepName(tr.fr, await peekUndo())).toBe(`Coller 2 mesures dans «${NNBSP}Durchlaufzeit${NNBSP}»`);
  });

  it('names a criterion inside the step in the reader’s language', async () => {
    await tw.repos.workshops.setWeight(tw.workshopId, 'feasibility', 3);
    const step = await peekUndo();
    expect(step.label).toBe('Set the feasibility weight to 3');
    expect(stepName(tr.de, step)).toBe('Gewichtung auf 3 setzen: Machbarkeit');
    expect(stepName(tr.fr, step)).toBe(`Fixer la pondération à 3${NNBSP}: Faisabilité`);
  });

  it('is said in the interface language after undo, for the redo button and the toast', async () => {
    await tw.repos.risks.add(tw.workshopId, { title: 'Datenschutzfolgenabschätzung fehlt' });
    const undone = await tw.repos.history.undo(tw.workshopId);
    expect(undone && stepName(tr.de, undone)).toBe('Risiko „Datenschutzfolgenabschätzung fehlt“ hinzufügen');
    const p = await tw.repos.history.peek(tw.workshopId);
    expect(stepName(tr.fr, { label: p.redoLabel ?? '', message: p.redoMessage })).toBe(`Ajouter le risque «${NNBSP}Datenschutzfolgenabschätzung fehlt${NNBSP}»`);
  });

  it('of a step stored before messages existed is its English label, and undo still works', async () => {
    // A history row as every earlier version wrote it: no message.
    await tw.db.history.add({ workshopId: tw.workshopId, at: new Date().toISOString(), label: 'Rename workshop', changes: [], state: 'done', coalesceKey: null, level: 'workshop' });
    const step = await peekUndo();
    expect(step.message).toBeNull();
    expect(stepName(tr.de, step)).toBe('Rename workshop');
    const undone = await tw.repos.history.undo(tw.workshopId);
    expect(undone).toEqual({ label: 'Rename workshop', workshopId: tw.workshopId });
  });

  it('follows a later label: a step renamed without a message shows the new label, not the old message', async () => {
    // scoring's "reset the rubrics" names its step in the caller's words through workshops.update.
    await tw.repos.workshops.update(tw.workshopId, { notes: 'x' } as never, { label: 'Bewertungsraster zurücksetzen' });
    const step = await peekUndo();
    expect(step.message).toBeNull();
    expect(stepName(tr.fr, step)).toBe('Bewertungsraster zurücksetzen');
  });
});

describe('every history message', () => {
  it('used by a repository exists in the app catalog, and so in German and French', () => {
    const dir = new URL('../../../renderer/db/', import.meta.url).pathname;
    const ids = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      for (const m of readFileSync(dir + file, 'utf8').matchAll(/'(history\.[A-Za-z]+)'/g)) ids.add(m[1] as string);
    }
    expect(ids.size).toBeGreaterThan(60);
    for (const id of ids) expect(english[id], id).toBeDefined();
    // The ids a repository builds from a value: every value has its message.
    const built = [
      ...READINESS_DIMENSIONS.map((d) => `health.dimension.${d}`),
      ...Object.keys(PILOT_FIELD_LABELS).map((f) => `stage.pilot.field.${f}`),
      ...CONTROL_CHECKLISTS.map((c) => `stage.checklist.${c}`),
      ...CRITERIA.map((c) => `criterion.${c}`),
    ];
    for (const id of built) expect(english[id], id).toBeDefined();
  });

  it('leaves no English in German or French and uses the narrow no-break space in French quotes', () => {
    const en = JSON.parse(readFileSync(catalogPath('en'), 'utf8')) as Record<string, string>;
    const de = JSON.parse(readFileSync(catalogPath('de'), 'utf8')) as Record<string, string>;
    const fr = JSON.parse(readFileSync(catalogPath('fr'), 'utf8')) as Record<string, string>;
    const ids = Object.keys(en).filter((k) => k.startsWith('history.'));
    for (const id of ids) {
      expect(de[id], id).not.toBe(en[id]);
      expect(fr[id], id).not.toBe(en[id]);
      expect(fr[id], id).not.toMatch(/« | »| [:;!?]/);
      // English quotes (“…” or "…"), not German ones: „a“ and „b“ in one line are fine.
      expect(de[id], id).not.toMatch(/“[^„“]*“|"/);
    }
  });
});
