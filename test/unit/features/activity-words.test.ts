// The activity log in the reader's language, as far as an entry carries enough to say it: a gate
// decision's entry is said again from the decision log (its decision, stages and decider are data
// there); other summaries the app wrote in English are shown as stored.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepos, type Repos } from '../../../renderer/db';
import { createDb, type LiftoffDb } from '../../../renderer/db/schema';
import { criteriaFor, type GateDraft } from '../../../renderer/domain/stages';
import type { AuditEntry, Stage } from '../../../renderer/domain/model';
import { decisionsByTime, entryWords } from '../../../renderer/features/activity/activity-words';
import { stepName } from '../../../renderer/shared/step-name';
import { translators, type Lang } from '../support/app-translators';

let db: LiftoffDb;
let repos: Repos;
let workshopId: string;
let n = 0;
beforeEach(async () => {
  db = createDb(`activity-words-${Date.now()}-${n++}`);
  repos = createRepos(db);
  workshopId = (await repos.workshops.create({ name: 'Versicherer-Workshop', client: 'Nordwind', facilitator: 'Zoë Müller', workshopDate: '2026-12-01', roadmapStartDate: '' })).id;
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const draft = (from: Stage, to: Stage, over: Partial<GateDraft> = {}): GateDraft => ({
  from,
  to,
  decision: to === 'stopped' ? 'stop' : 'advance',
  criteria: criteriaFor(from, to).map((name) => ({ name, result: 'pass', evidence: '' })),
  rationale: 'Wie vereinbart',
  decidedBy: 'Zoë Müller (Sponsorin)',
  nextActionsOwner: 'Ana Łukasik',
  date: '2026-12-01',
  ...over,
});

async function said(lang: Lang) {
  const entries = await repos.audit.list(workshopId, 100);
  const messages = await repos.history.messagesByLabel(workshopId, 200);
  const decisions = decisionsByTime(await repos.pipeline.decisions(workshopId));
  const tr = translators[lang];
  return entries.map((e) => ({ e, words: entryWords(e, messages, (m, label) => stepName(tr, { label, message: m }), tr.t, decisions) }));
}
const TITLE = 'Schadensmeldungsvorprüfungsassistent — 東京 "Pilot"';

describe('the activity log’s lines in the reader’s language', () => {
  it('says a gate decision’s entry in English exactly as stored, and in German and French from the log', async () => {
    const uc = await repos.useCases.add(workshopId, { title: TITLE });
    await repos.pipeline.recordDecision(uc.id, draft('readiness', 'pilot-design'));
    await repos.pipeline.recordDecision(uc.id, draft('pilot-design', 'stopped', { decision: 'stop' }));
    const en = (await said('en')).filter((x) => /^(Advance|Stop): /.test(x.e.action));
    expect(en).toHaveLength(2);
    for (const { e, words } of en) expect(words).toEqual({ action: e.action, summary: e.summary });
    const de = (await said('de')).filter((x) => /^(Advance|Stop): /.test(x.e.action)).map((x) => x.words);
    expect(de).toEqual([
      { action: `Stoppen: „${TITLE}“`, summary: `Stoppen: „${TITLE}“ von Stufe 1 · Pilot-Design nach Gestoppt, entschieden von Zoë Müller (Sponsorin)` },
      { action: `Freigeben: „${TITLE}“`, summary: `Freigeben: „${TITLE}“ von Stufe 0 · Reifegrad nach Stufe 1 · Pilot-Design, entschieden von Zoë Müller (Sponsorin)` },
    ]);
    const fr = (await said('fr')).find((x) => x.e.action.startsWith('Stop: '))?.words;
    expect(fr?.summary).toBe(`Arrêter\u202f: «\u202f${TITLE}\u202f» (Étape 1 · Conception du pilote → Arrêté), décidé par Zoë Müller (Sponsorin)`);
  });

  it('shows the stored English when the entry is not what the decision wrote (edited outside Liftoff), and other summaries as stored', async () => {
    const uc = await repos.useCases.add(workshopId, { title: TITLE });
    await repos.pipeline.recordDecision(uc.id, draft('readiness', 'pilot-design'));
    const entry = (await db.auditLog.toArray()).find((e) => e.action.startsWith('Advance')) as AuditEntry;
    await db.auditLog.put({ ...entry, summary: `${entry.summary} (noted later)` });
    const de = await said('de');
    const edited = de.find((x) => x.e.id === entry.id)!;
    expect(edited.words.summary).toBe(`${entry.summary} (noted later)`);
    // The use case's own entry: its action has its message, its summary ("Added use case …") was stored in English.
    const added = de.find((x) => x.e.action === 'Add use case')!;
    expect(added.words.summary).toBe(added.e.summary);
  });
});
