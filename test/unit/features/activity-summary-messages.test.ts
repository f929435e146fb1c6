// The activity log's summary lines in the reader's language: entries stored from now on carry
// their summary (and action) as a catalog message beside the English, and are said with it;
// English reads exactly as stored; old entries, and entries whose ids this version lacks, keep
// their stored English. Names and titles the user typed are never translated.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepos, type Repos } from '../../../renderer/db';
import { createDb, type LiftoffDb } from '../../../renderer/db/schema';
import { auditEntrySchema, type AuditEntry } from '../../../renderer/domain/model';
import { msg } from '../../../renderer/domain/message';
import { decisionsByTime, entryWords } from '../../../renderer/features/activity/activity-words';
import { stepName } from '../../../renderer/shared/step-name';
import { sealedLineText } from '../../../renderer/shared/message-text';
import { hasAppMessage } from '../../../renderer/i18n/app-catalog';
import { say, translators, type Lang } from '../support/app-translators';
import { buildWorkshopFile, parseWorkshopFile, serializeWorkshopFile } from '../../../renderer/domain/workshop-file';

let db: LiftoffDb;
let repos: Repos;
let workshopId: string;
let n = 0;
const WORKSHOP = 'Versicherer-Workshop Süd — 東京';
const TITLE = 'Schadensmeldungsvorprüfungsassistent — 東京 "Pilot"';
beforeEach(async () => {
  db = createDb(`activity-summaries-${Date.now()}-${n++}`);
  repos = createRepos(db);
  workshopId = (await repos.workshops.create({ name: WORKSHOP, client: 'Nordwind', facilitator: 'Zoë Müller', workshopDate: '2026-12-01', roadmapStartDate: '' })).id;
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function said(lang: Lang, id = workshopId) {
  const entries = await repos.audit.list(id, 500);
  const messages = await repos.history.messagesByLabel(id, 1000);
  const decisions = decisionsByTime(await repos.pipeline.decisions(id));
  const tr = translators[lang];
  return entries.map((e) => ({
    e,
    words: entryWords(e, messages, (m, label) => stepName(tr, { label, message: m }), tr.t, decisions, (stored, m) => sealedLineText(tr.t, lang, stored, m, hasAppMessage)),
  }));
}
const summaryOf = async (lang: Lang, match: (e: AuditEntry) => boolean) => (await said(lang)).find((x) => match(x.e))?.words.summary;

describe('activity summaries stored with their message', () => {
  it('stores the summary and the action as messages beside the English, and English reads exactly as stored', async () => {
    const uc = await repos.useCases.add(workshopId, { title: TITLE });
    await repos.scoring.startRound(uc.id);
    await repos.workshops.rename(workshopId, `${WORKSHOP} (2)`);
    await repos.useCases.update(uc.id, { problem: 'Zu viele Rückfragen', businessOwner: 'Ana Łukasik' });
    await repos.kpis.add(uc.id, 'business-impact', 'Durchlaufzeit je Schadenfall');
    await repos.pipeline.setReadiness(uc.id, 'dataQuality', { score: 3 });
    await repos.useCases.placeOnMatrix(uc.id, 2, 4, 'Wie im Raum besprochen');
    const rows = await db.auditLog.where('workshopId').equals(workshopId).toArray();
    const added = rows.find((r) => r.action === 'Add use case')!;
    expect(added.summaryMessage).toEqual(msg('history.summary.addUseCase', { title: TITLE }));
    expect(added.actionMessage?.id).toBe('history.addUseCase');
    for (const r of rows) {
      expect(r.summaryMessage, r.summary).toBeDefined();
      // Each English line the message gives is the stored English, word for word.
      expect(say('en', r.summaryMessage!)).toBe(r.summary);
    }
    expect(rows.map((r) => r.summaryMessage!.id)).toEqual(expect.arrayContaining(['history.summary.createWorkshop', 'history.summary.addUseCase', 'history.summary.startRound', 'history.summary.renameWorkshop', 'history.summary.editUseCase', 'history.summary.addKpi', 'history.summary.readiness', 'history.summary.placeOnMatrixWhy']));
    const en = await said('en');
    for (const { e, words } of en) if (e.action !== 'Add use case') expect(words.summary).toBe(e.summary);
  });

  it('says adding a use case, editing its fields and renaming the workshop in German and French, the typed title untouched', async () => {
    const uc = await repos.useCases.add(workshopId, { title: TITLE });
    await repos.useCases.update(uc.id, { problem: 'Zu viele Rückfragen', businessOwner: 'Ana Łukasik' });
    await repos.workshops.rename(workshopId, 'Atelier « Nord »');
    expect(await summaryOf('de', (e) => e.action === 'Add use case')).toBe(`Anwendungsfall „${TITLE}“ hinzugefügt`);
    expect(await summaryOf('fr', (e) => e.action === 'Add use case')).toBe(`Cas d’usage «\u202f${TITLE}\u202f» ajouté`);
    const edit = (e: AuditEntry) => e.summary.startsWith('Edit problem');
    expect(await summaryOf('en', edit)).toBe(`Edit problem, business owner of "${TITLE}"`);
    expect(await summaryOf('de', edit)).toBe(`„${TITLE}“ bearbeitet: Problem, fachliche Verantwortung`);
    expect(await summaryOf('fr', edit)).toBe(`«\u202f${TITLE}\u202f» modifié\u202f: problème, responsable métier`);
    expect(await summaryOf('de', (e) => e.action === 'Rename workshop')).toBe('Workshop umbenannt in „Atelier « Nord »“');
    expect(await summaryOf('fr', (e) => e.action === 'Rename workshop')).toBe('Atelier renommé en «\u202fAtelier « Nord »\u202f»');
  });

  it('says scores from phones and a typed score without translating the names, in German and French', async () => {
    const uc = await repos.useCases.add(workshopId, { title: TITLE });
    const kim = await repos.participants.add(workshopId, { name: '김민준', role: 'other' });
    const ana = await repos.participants.add(workshopId, { name: 'Ana Łukasik', role: 'other' });
    const round = await repos.scoring.startRound(uc.id);
    const three = { impact: 5, feasibility: 2, readiness: 4 };
    await repos.scoring.setPhoneScoresMany([
      { roundId: round.id, participantId: kim.id, useCaseId: uc.id, scores: three },
      { roundId: round.id, participantId: ana.id, useCaseId: uc.id, scores: three },
    ]);
    const phones = (e: AuditEntry) => e.summary.includes('their phones');
    expect(await summaryOf('de', phones)).toBe(`김민준, Ana Łukasik haben Geschäftlicher Nutzen, Machbarkeit, Organisatorische Reife in Runde 1 von „${TITLE}“ per Smartphone bewertet`);
    expect(await summaryOf('fr', phones)).toBe(`김민준, Ana Łukasik\u202f: impact métier, faisabilité, maturité de l’organisation notés au tour 1 de «\u202f${TITLE}\u202f» depuis leurs téléphones`);
    await repos.scoring.setScore(round.id, kim.id, 'feasibility', 3);
    const typed = (e: AuditEntry) => e.action === 'Enter a score';
    expect(await summaryOf('de', typed)).toBe(`김민준 hat Machbarkeit in Runde 1 von „${TITLE}“ bewertet`);
    expect(await summaryOf('fr', typed)).toBe(`김민준 a noté faisabilité au tour 1 de «\u202f${TITLE}\u202f»`);
    await repos.scoring.reveal(round.id);
    expect(await summaryOf('de', (e) => e.action === 'Reveal round 1')).toBe(`Runde 1 von „${TITLE}“ aufgedeckt`);
    // The audit message never holds a value, like the English.
    const rows = await db.auditLog.toArray();
    expect(JSON.stringify(rows.filter((r) => r.summaryMessage?.id === 'history.summary.phoneScores'))).not.toMatch(/"(impact|feasibility|readiness)":\s*\d/);
  });

  it('says a KPI measurement and a duplicated workshop in German and French', async () => {
    const uc = await repos.useCases.add(workshopId, { title: TITLE });
    const kpi = await repos.kpis.add(uc.id, 'business-impact', 'Durchlaufzeit je Schadenfall');
    await repos.kpis.update(kpi.id, { unit: 'h' });
    await repos.kpis.addMeasurement(kpi.id, { date: '2026-03-01', value: 1234.5 });
    const measured = (e: AuditEntry) => e.action.startsWith('Add measurement');
    expect(await summaryOf('de', measured)).toBe('Durchlaufzeit je Schadenfall: 1.234,5\u00a0h am 1. März 2026');
    expect(await summaryOf('fr', measured)).toMatch(/^Durchlaufzeit je Schadenfall\u202f: 1\u202f234,5\u00a0h le 1 mars 2026$/);
    const copy = await repos.workshops.duplicate(workshopId);
    const dup = (await said('fr', copy.id)).find((x) => x.e.action === 'Duplicate workshop')?.words.summary;
    expect(dup).toBe(`«\u202f${WORKSHOP}\u202f» dupliqué`);
  });

  it('names the fields of a KPI edit and a details edit as their forms label them, in German and French', async () => {
    const uc = await repos.useCases.add(workshopId, { title: TITLE });
    const kpi = await repos.kpis.add(uc.id, 'business-impact', 'Durchlaufzeit je Schadenfall');
    await repos.kpis.update(kpi.id, { unit: 'h', tolerancePct: 15 });
    await repos.workshops.update(workshopId, { notes: 'Raum 4', weights: { impact: 2, feasibility: 1, readiness: 1 } });
    const kpiEdit = (e: AuditEntry) => e.action.startsWith('Edit KPI');
    const details = (e: AuditEntry) => e.action === 'Edit workshop details';
    const de = [await summaryOf('de', kpiEdit), await summaryOf('de', details)].join(' | ');
    const fr = [await summaryOf('fr', kpiEdit), await summaryOf('fr', details)].join(' | ');
    expect(de).toContain('Einheit');
    expect(de).toContain('Notizen');
    expect(de).toContain('Gewichte');
    expect(fr).toContain('Notes');
    expect(fr).toContain('pondérations');
    // No internal field name is left in either.
    for (const line of [de, fr]) expect(line).not.toMatch(/\b(unit|tolerancePct|notes|weights)\b/);
  });

  it('keeps the stored English for entries without a message (older ones) and for ids this version lacks', async () => {
    await repos.useCases.add(workshopId, { title: TITLE });
    const row = (await db.auditLog.toArray()).find((r) => r.action === 'Add use case')!;
    await db.auditLog.put({ ...row, id: 'old-entry', summary: 'Added use case (an older version wrote this)', summaryMessage: undefined, actionMessage: undefined });
    await db.auditLog.put({ ...row, id: 'later-entry', summary: 'Written by a later version', summaryMessage: msg('history.summary.fromTheFuture', { title: TITLE }) });
    const de = await said('de');
    expect(de.find((x) => x.e.id === 'old-entry')?.words.summary).toBe('Added use case (an older version wrote this)');
    expect(de.find((x) => x.e.id === 'later-entry')?.words.summary).toBe('Written by a later version');
    expect(de.find((x) => x.e.id === row.id)?.words.summary).toBe(`Anwendungsfall „${TITLE}“ hinzugefügt`);
  });

  it('a new English summary given without its message drops the earlier summary message', async () => {
    const uc = await repos.useCases.add(workshopId, { title: TITLE });
    const { runWork } = await import('../../../renderer/db/unit-of-work');
    await runWork(db, { workshopId, label: 'Rename', summary: 'First', summaryMessage: msg('history.summary.addUseCase', { title: 'x' }) }, async (w) => {
      w.describe({ summary: 'Second, said in English only' });
      await w.update('useCases', uc.id, { title: 'Neu' });
    });
    const last = (await db.auditLog.toArray()).find((r) => r.summary === 'Second, said in English only')!;
    expect(last.summaryMessage).toBeUndefined();
  });
});

describe('audit entries in the workshop file', () => {
  const base = { id: 'a1', workshopId: 'w1', at: '2026-12-01T10:00:00.000Z', action: 'Add use case', summary: 'Added use case "x"' };
  it('the schema accepts entries with and without the messages, and refuses a malformed message', () => {
    expect(auditEntrySchema.safeParse(base).success).toBe(true);
    expect(auditEntrySchema.safeParse({ ...base, actionMessage: msg('history.addUseCase', { title: 'x' }), summaryMessage: msg('history.summary.addUseCase', { title: 'x' }) }).success).toBe(true);
    expect(auditEntrySchema.safeParse({ ...base, summaryMessage: { id: 5 } }).success).toBe(false);
    expect(auditEntrySchema.safeParse({ ...base, summaryMessage: { id: 'x', extra: 1 } }).success).toBe(false);
  });

  it('a workshop with old and new entries goes out to a file and comes back identical', async () => {
    await repos.useCases.add(workshopId, { title: TITLE });
    await db.auditLog.put({ ...base, id: 'old-entry', workshopId });
    const { workshop, rows } = await repos.workshops.readRows(workshopId).then(async (r) => ({ workshop: (await repos.workshops.get(workshopId))!, rows: r }));
    const file = buildWorkshopFile(workshop, rows, '0.1.0', '2026-12-01T12:00:00.000Z');
    const text = serializeWorkshopFile(file);
    const parsed = parseWorkshopFile(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.file.tables.auditLog.some((a) => a.summaryMessage?.id === 'history.summary.addUseCase')).toBe(true);
    expect(parsed.file.tables.auditLog.some((a) => a.id === 'old-entry' && a.summaryMessage === undefined)).toBe(true);
    expect(serializeWorkshopFile(buildWorkshopFile(parsed.file.workshop, parsed.file.tables, '0.1.0', '2026-12-01T12:00:00.000Z'))).toBe(text);
  });
});
