// The workshop agenda: sessions in order, and the facilitator's clock controls.
import type { LiftoffDb } from './schema';
import { runOnRow, runWork, type Writer } from './unit-of-work';
import { newId } from './ids';
import type { AgendaItem } from '../domain/model';
import { defaultAgenda, elapsedSeconds } from '../domain/agenda';
import { orderBetween } from '../domain/ordering';
import { msg } from '../domain/message';

export function agendaRepo(db: LiftoffDb) {
  async function list(workshopId: string): Promise<AgendaItem[]> {
    return db.agendaItems.where('[workshopId+order]').between([workshopId, -Infinity], [workshopId, Infinity]).toArray();
  }
  /** Stops the clock of a running session, keeping the time it ran. */
  async function stopClock(w: Writer, item: AgendaItem, state: AgendaItem['state']) {
    await w.update('agendaItems', item.id, { state, startedAt: null, elapsedSeconds: elapsedSeconds(item, Date.parse(w.now)) });
  }
  function newItem(workshopId: string, now: string, order: number, title: string, minutes: number): AgendaItem {
    return { id: newId(), workshopId, createdAt: now, updatedAt: now, order, title, plannedMinutes: minutes, extraMinutes: 0, state: 'pending', startedAt: null, elapsedSeconds: 0 };
  }
  return {
    list,
    /** Fills an empty agenda with the usual workshop sessions, titled in the workshop's language. */
    async addDefault(workshopId: string): Promise<void> {
      await runWork(db, { workshopId, label: 'Add the standard agenda', message: msg('history.addStandardAgenda') }, async (w) => {
        const workshop = await w.require('workshops', workshopId);
        const start = (await list(workshopId)).at(-1)?.order ?? 0;
        await w.putMany(
          'agendaItems',
          defaultAgenda(workshop.language).map((s, i) => newItem(workshopId, w.now, start + i + 1, s.title, s.minutes)),
        );
      });
    },
    async add(workshopId: string, title: string, minutes: number): Promise<AgendaItem> {
      const t = title.trim();
      if (!t) throw new Error('Give the session a title.');
      return runWork(db, { workshopId, label: `Add session "${t}"`, message: msg('history.addSession', { title: t }) }, async (w) => {
        await w.require('workshops', workshopId);
        const last = (await list(workshopId)).at(-1)?.order ?? 0;
        // The model refuses a length outside 1–1,440 minutes, and says so.
        const item = newItem(workshopId, w.now, last + 1, t, minutes);
        await w.put('agendaItems', item);
        return item;
      });
    },
    async update(id: string, patch: Partial<Pick<AgendaItem, 'title' | 'plannedMinutes'>>): Promise<void> {
      const fields = Object.keys(patch).join(',');
      await runOnRow(db, 'agendaItems', id, (item) => ({ label: `Edit session "${item.title}"`, message: msg('history.editSession', { title: item.title }), coalesceKey: `agenda:${id}:${fields}` }), (w) =>
        w.update('agendaItems', id, patch),
      );
    },
    async remove(id: string): Promise<void> {
      await runOnRow(db, 'agendaItems', id, (item) => ({ label: `Remove session "${item.title}"`, message: msg('history.removeSession', { title: item.title }) }), (w) => w.remove('agendaItems', id));
    },
    async move(id: string, toIndex: number): Promise<void> {
      await runOnRow(db, 'agendaItems', id, (item) => ({ label: `Move session "${item.title}"`, message: msg('history.moveSession', { title: item.title }) }), async (w, item) => {
        const others = (await list(item.workshopId)).filter((i) => i.id !== id);
        const index = Math.max(0, Math.min(toIndex, others.length));
        const order = orderBetween(others[index - 1]?.order ?? null, others[index]?.order ?? null) ?? index + 0.5;
        await w.update('agendaItems', id, { order });
      });
    },
    /** Starts (or resumes) a session; any other running session is paused. */
    async start(id: string): Promise<void> {
      await runOnRow(db, 'agendaItems', id, (item) => ({ label: `Start "${item.title}"`, message: msg('history.startSession', { title: item.title }) }), async (w, item) => {
        // Starting a running session again would restart its current run and lose those seconds.
        if (item.state === 'running') return;
        const running = (await list(item.workshopId)).filter((i) => i.state === 'running' && i.id !== id);
        for (const r of running) await stopClock(w, r, 'paused');
        await w.update('agendaItems', id, { state: 'running', startedAt: w.now });
      });
    },
    async pause(id: string): Promise<void> {
      await runOnRow(db, 'agendaItems', id, (item) => ({ label: `Pause "${item.title}"`, message: msg('history.pauseSession', { title: item.title }) }), async (w, item) => {
        if (item.state === 'running') await stopClock(w, item, 'paused');
      });
    },
    async extend(id: string, minutes: number): Promise<void> {
      await runOnRow(db, 'agendaItems', id, (item) => ({ label: `Add ${minutes} minutes to "${item.title}"`, message: msg('history.extendSession', { minutes, title: item.title }) }), (w, item) =>
        w.update('agendaItems', id, { extraMinutes: Math.max(0, item.extraMinutes + minutes) }),
      );
    },
    async complete(id: string): Promise<void> {
      await runOnRow(db, 'agendaItems', id, (item) => ({ label: `Finish "${item.title}"`, message: msg('history.finishSession', { title: item.title }) }), (w, item) => stopClock(w, item, 'done'));
    },
    async reset(id: string): Promise<void> {
      await runOnRow(db, 'agendaItems', id, (item) => ({ label: `Reset "${item.title}"`, message: msg('history.resetSession', { title: item.title }) }), (w) =>
        w.update('agendaItems', id, { state: 'pending', startedAt: null, elapsedSeconds: 0, extraMinutes: 0 }),
      );
    },
  };
}
