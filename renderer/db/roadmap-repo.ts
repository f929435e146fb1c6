// The roadmap's stored items (phases and gates per use case) and the workshop's roadmap settings.
// The rules live in domain/roadmap.ts; here every change reads the current rows inside its
// transaction and writes them as one undoable step.
import type { LiftoffDb } from './schema';
import { runWork, type Writer } from './unit-of-work';
import { newId } from './ids';
import type { Readiness, RoadmapItem, Workshop } from '../domain/model';
import type { Message } from '../domain/message';
import { readinessVerdict } from '../domain/readiness';
import { currentStages, stageOf } from '../domain/stages';
import {
  dayOfDate,
  editItem,
  needsReadinessSprint,
  replanRemaining,
  placeNewPlan,
  sequencePortfolio,
  shiftItems,
  type DayRange,
  type ItemChange,
  type UseCasePlan,
} from '../domain/roadmap';
import { msg } from '../domain/message';

export type MoveOutcome = { notes: string[]; /** The notes as catalog messages, for the reader's language. */ noteTexts: Message[] };

/** Thrown when a move breaks a rule of the plan (a gate before the end of its phase…). */
export class RoadmapRuleError extends Error {}

export function roadmapRepo(db: LiftoffDb) {
  const list = (workshopId: string): Promise<RoadmapItem[]> => db.roadmapItems.where('workshopId').equals(workshopId).toArray();

  async function workshop(w: Writer, workshopId: string): Promise<Workshop> {
    return w.require('workshops', workshopId);
  }

  function plansOf(items: readonly RoadmapItem[], order: readonly string[]): UseCasePlan[] {
    const by = new Map<string, RoadmapItem[]>();
    for (const i of items) if (i.useCaseId) by.set(i.useCaseId, [...(by.get(i.useCaseId) ?? []), i]);
    // The order given first (priority), then any planned use case it leaves out.
    const ids = [...order.filter((id) => by.has(id)), ...[...by.keys()].filter((id) => !order.includes(id))];
    return ids.map((useCaseId) => ({ useCaseId, items: by.get(useCaseId) ?? [] }));
  }

  async function applyChanges(w: Writer, changes: readonly ItemChange[]) {
    for (const c of changes) await w.update('roadmapItems', c.id, { startDay: c.startDay, endDay: c.endDay });
  }

  return {
    list,

    /**
     * Puts use cases on the roadmap, in the order given (their priority): each gets the template's
     * phases and gates, with a readiness sprint first when its readiness verdict asks for one, and
     * its pilot placed where the workshop's pilots-at-once setting leaves room. Use cases already
     * on the roadmap, stopped or deleted are skipped. Returns how many were added.
     */
    async addUseCases(workshopId: string, useCaseIds: readonly string[]): Promise<number> {
      if (useCaseIds.length === 0) return 0;
      return runWork(db, { workshopId }, async (w) => {
        const ws = await workshop(w, workshopId);
        const first = await w.get('useCases', useCaseIds[0] as string);
        w.describe({
          label: useCaseIds.length === 1 ? `Add "${first?.title ?? 'use case'}" to the roadmap` : `Add ${useCaseIds.length} use cases to the roadmap`,
          message: useCaseIds.length === 1 && first ? msg('history.addToRoadmap', { title: first.title }) : msg('history.addManyToRoadmap', { count: useCaseIds.length }),
        });
        const [items, useCases, decisions, readiness] = await Promise.all([
          list(workshopId),
          db.useCases.where('workshopId').equals(workshopId).toArray(),
          db.gateDecisions.where('workshopId').equals(workshopId).toArray(),
          db.readiness.where('workshopId').equals(workshopId).toArray(),
        ]);
        const stages = currentStages(useCases, decisions);
        const readinessOf = new Map<string, Readiness>();
        for (const r of readiness) {
          const prev = readinessOf.get(r.useCaseId);
          if (!prev || r.updatedAt > prev.updatedAt) readinessOf.set(r.useCaseId, r);
        }
        const plans = plansOf(items, []);
        const known = new Set(useCases.map((u) => u.id));
        let added = 0;
        for (const useCaseId of useCaseIds) {
          const stage = stages.get(useCaseId);
          if (!known.has(useCaseId) || stage === 'stopped' || plans.some((p) => p.useCaseId === useCaseId)) continue;
          const sprint = needsReadinessSprint(readinessVerdict(readinessOf.get(useCaseId)).verdict, stage ?? 'readiness');
          const rows = placeNewPlan(plans, useCaseId, { readinessSprint: sprint, maxParallel: ws.roadmap.maxParallelPilots, stage: stage ?? 'readiness', language: ws.language }).map(
            (d): RoadmapItem => ({ ...d, id: newId(), workshopId, createdAt: w.now, updatedAt: w.now }),
          );
          await w.putMany('roadmapItems', rows);
          plans.push({ useCaseId, items: rows });
          added += 1;
        }
        return added;
      });
    },

    /**
     * After a use case moved on to a later stage: the phases from its new stage on are planned
     * again from today's day of the roadmap (day 1 before the start or without a start date), the
     * earlier phases stay. One undoable step; returns the first phase re-planned and its day, or
     * null when nothing needed re-planning.
     */
    async replanRemaining(useCaseId: string, today: string): Promise<{ label: string; day: number } | null> {
      return runWork(db, {}, async (w) => {
        const uc = await w.require('useCases', useCaseId);
        const ws = await workshop(w, uc.workshopId);
        const [items, decisions] = await Promise.all([
          db.roadmapItems.where('useCaseId').equals(useCaseId).toArray(),
          db.gateDecisions.where('useCaseId').equals(useCaseId).toArray(),
        ]);
        const stage = stageOf(uc, currentStages([uc], decisions));
        const plan = replanRemaining(items, useCaseId, stage, Math.max(1, dayOfDate(ws.roadmapStartDate, today) ?? 1), ws.language);
        w.describe({ workshopId: uc.workshopId, label: `Re-plan the rest of "${uc.title}"`, message: msg('history.replan', { title: uc.title }), summary: plan ? `Re-planned "${uc.title}" from ${plan.firstLabel}, day ${plan.fromDay}` : '', ...(plan ? { summaryMessage: msg('history.summary.replan', { title: uc.title, phase: plan.firstLabel, day: plan.fromDay }) } : {}) });
        if (!plan) return null;
        for (const r of plan.remove) await w.remove('roadmapItems', r.id);
        await applyChanges(w, plan.trim);
        await w.putMany(
          'roadmapItems',
          plan.add.map((d): RoadmapItem => ({ ...d, id: newId(), workshopId: uc.workshopId, createdAt: w.now, updatedAt: w.now })),
        );
        return { label: plan.firstLabel, day: plan.fromDay };
      });
    },

    /** Takes a use case off the roadmap: all its phases and gates, as one step that undo brings back. */
    async removeUseCase(workshopId: string, useCaseId: string): Promise<void> {
      await runWork(db, { workshopId }, async (w) => {
        const uc = await w.get('useCases', useCaseId);
        w.describe({ label: `Remove "${uc?.title ?? 'use case'}" from the roadmap`, message: uc ? msg('history.removeFromRoadmap', { title: uc.title }) : msg('history.removeUseCaseFromRoadmap') });
        const keys = (await db.roadmapItems.where('useCaseId').equals(useCaseId).primaryKeys()) as string[];
        for (const key of keys) await w.remove('roadmapItems', key);
      });
    },

    /**
     * Moves or resizes a phase, or moves a gate, following the plan's rules with the workshop's
     * "push later phases" choice. Refuses (RoadmapRuleError, nothing stored) what the rules forbid.
     * `nudge` marks small keyboard steps, which merge into one undo step while they come quickly.
     */
    async moveItem(itemId: string, range: DayRange, opts: { nudge?: boolean } = {}): Promise<MoveOutcome> {
      return runWork(db, {}, async (w) => {
        const item = await w.get('roadmapItems', itemId);
        if (!item) throw new Error('That item is no longer on the roadmap.');
        const uc = item.useCaseId ? await w.get('useCases', item.useCaseId) : undefined;
        const what = uc ? `${item.label} of "${uc.title}"` : item.label;
        const label = item.kind === 'gate' ? `Move ${what} to day ${range.startDay}` : `Move ${what} to days ${range.startDay}–${range.endDay}`;
        w.describe({ workshopId: item.workshopId, label: opts.nudge ? `Move ${what}` : label, message: uc ? msg('history.moveRoadmapItemOf', { item: item.label, title: uc.title }) : msg('history.moveRoadmapItem', { item: item.label }), summary: label, summaryMessage: msg(uc ? 'history.summary.moveRoadmapItemOf' : 'history.summary.moveRoadmapItem', { item: item.label, ...(uc ? { title: uc.title } : {}), kind: item.kind === 'gate' ? 'gate' : 'phase', start: range.startDay, end: range.endDay }), coalesceKey: opts.nudge ? `roadmap:nudge:${itemId}` : null });
        const ws = await workshop(w, item.workshopId);
        const siblings = item.useCaseId ? await db.roadmapItems.where('useCaseId').equals(item.useCaseId).toArray() : [item];
        const result = editItem(siblings, itemId, range, ws.roadmap.pushLaterPhases);
        if (!result.ok) throw new RoadmapRuleError(result.message);
        await applyChanges(w, result.changes);
        return { notes: result.notes, noteTexts: result.noteTexts };
      });
    },

    /** The remembered choice: does a slip push the later phases of that use case? */
    async setPushLaterPhases(workshopId: string, on: boolean): Promise<void> {
      await runWork(db, { workshopId, label: on ? 'Push later phases when one slips' : 'Keep later phases in place when one slips', message: msg(on ? 'history.pushLaterPhases' : 'history.keepLaterPhases') }, async (w) => {
        const ws = await workshop(w, workshopId);
        await w.update('workshops', workshopId, { roadmap: { ...ws.roadmap, pushLaterPhases: on } });
      });
    },

    /**
     * Sets how many pilots may run at once and re-sequences the portfolio by priority (`order`:
     * use case ids, highest priority first), as one undoable step.
     */
    async applySequencing(workshopId: string, maxParallelPilots: number, order: readonly string[]): Promise<number> {
      if (!Number.isInteger(maxParallelPilots) || maxParallelPilots < 1 || maxParallelPilots > 50) {
        throw new Error('Pilots at once is a whole number from 1 to 50.');
      }
      return runWork(db, { workshopId, label: `Sequence the roadmap: ${maxParallelPilots} pilot${maxParallelPilots === 1 ? '' : 's'} at once`, message: msg('history.sequenceRoadmap', { count: maxParallelPilots }) }, async (w) => {
        const ws = await workshop(w, workshopId);
        const plans = plansOf(await list(workshopId), order);
        const seq = sequencePortfolio(plans, maxParallelPilots);
        for (const e of seq.entries) {
          if (e.shift === 0) continue;
          await applyChanges(w, shiftItems(plans.find((p) => p.useCaseId === e.useCaseId)?.items ?? [], e.shift));
        }
        if (ws.roadmap.maxParallelPilots !== maxParallelPilots) {
          await w.update('workshops', workshopId, { roadmap: { ...ws.roadmap, maxParallelPilots } });
        }
        return seq.moved;
      });
    },
  };
}
