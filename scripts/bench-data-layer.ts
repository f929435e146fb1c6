// Data-layer figures for `npm run bench`, run inside Chromium against real IndexedDB with the app's
// own repositories (bundled by esbuild in scripts/bench.mjs; the page runs `window.benchDataLayer`).
//  1. A field edit (the autosave path: one unit of work with its undo step) in a workshop whose
//     history already holds 5,000 steps, against the same edit in a fresh workshop, in one run.
//  2. A room scoring: 30 participants × 10 use cases × 3 criteria written through the repository
//     as fast as it accepts them, one after another and all 900 in flight at once.
import { createRepos } from '../renderer/db';

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};

type Figures = {
  fresh: { p50: number; p95: number };
  deep: { p50: number; p95: number; historySteps: number; undoPeek: number; undoPeekFresh: number };
  scoring: { sequentialPerSecond: number; sequentialP50: number; sequentialP95: number; burstPerSecond: number; burstMs: number; stored: number };
};

async function editTimes(repos: ReturnType<typeof createRepos>, useCaseId: string, n: number): Promise<number[]> {
  const out: number[] = [];
  let text = 'Routing by hand takes two days';
  for (let i = 0; i < n; i++) {
    text += 'x';
    const t = performance.now();
    await repos.useCases.update(useCaseId, { problem: text });
    out.push(performance.now() - t);
  }
  return out;
}

async function peekTime(repos: ReturnType<typeof createRepos>, workshopId: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    await repos.history.peek(workshopId);
    times.push(performance.now() - t);
  }
  return pct(times, 50);
}

async function run(): Promise<Figures> {
  const repos = createRepos(`bench-data-layer-${Date.now()}`);
  const blank = { client: 'Kaufhaus Nord', facilitator: 'Zoë Müller', workshopDate: '2026-12-01', roadmapStartDate: '2027-01-04' };

  // 1. Two workshops; the deep one gets 5,000 real steps (alternating fields, so none coalesce).
  const fresh = await repos.workshops.create({ ...blank, name: 'Fresh' });
  const freshUc = await repos.useCases.add(fresh.id, { title: 'Retourenbegründung klassifizieren' });
  const deep = await repos.workshops.create({ ...blank, name: 'A full day' });
  const deepUc = await repos.useCases.add(deep.id, { title: 'Retourenbegründung klassifizieren' });
  for (let i = 0; i < 5000; i++) await repos.useCases.setInitialScore(deepUc.id, i % 2 === 0 ? 'impact' : 'feasibility', (i % 5) + 1);
  const historySteps = (await repos.workshops.readRows(deep.id)).auditLog.length;
  // Interleaved rounds so both meet the same state of the machine.
  const freshTimes: number[] = [];
  const deepTimes: number[] = [];
  for (let round = 0; round < 10; round++) {
    freshTimes.push(...(await editTimes(repos, freshUc.id, 20)));
    deepTimes.push(...(await editTimes(repos, deepUc.id, 20)));
  }
  const undoPeekFresh = await peekTime(repos, fresh.id);
  const undoPeek = await peekTime(repos, deep.id);

  // 2. The room: 30 participants, 10 use cases, one open round each.
  const ws = await repos.workshops.create({ ...blank, name: 'Room' });
  const people: Awaited<ReturnType<typeof repos.participants.add>>[] = [];
  for (let i = 0; i < 30; i++) people.push(await repos.participants.add(ws.id, { name: `Teilnehmer ${i + 1} Weiß`, role: 'end-user' }));
  const ucs = await repos.useCases.addMany(ws.id, Array.from({ length: 10 }, (_, i) => ({ title: `Use case ${i + 1}` })));
  const rounds: Awaited<ReturnType<typeof repos.scoring.startRound>>[] = [];
  for (const uc of ucs) rounds.push(await repos.scoring.startRound(uc.id));
  const criteria = ['impact', 'feasibility', 'readiness'] as const;
  const lat: number[] = [];
  const t0 = performance.now();
  for (const p of people.slice(0, 15))
    for (const r of rounds)
      for (const c of criteria) {
        const t = performance.now();
        await repos.scoring.setScore(r.id, p.id, c, 1 + ((p.name.length + c.length) % 5));
        lat.push(performance.now() - t);
      }
  const seqMs = performance.now() - t0;
  // The other 15 participants' 450 scores all sent at once, as phones would.
  const t1 = performance.now();
  await Promise.all(people.slice(15).flatMap((p) => rounds.flatMap((r) => criteria.map((c) => repos.scoring.setScore(r.id, p.id, c, 3)))));
  const burstMs = performance.now() - t1;
  const stored = (await repos.scoring.listScores(ws.id)).length;
  repos.close();
  return {
    fresh: { p50: pct(freshTimes, 50), p95: pct(freshTimes, 95) },
    deep: { p50: pct(deepTimes, 50), p95: pct(deepTimes, 95), historySteps, undoPeek, undoPeekFresh },
    scoring: {
      sequentialPerSecond: lat.length / (seqMs / 1000),
      sequentialP50: pct(lat, 50),
      sequentialP95: pct(lat, 95),
      burstPerSecond: 450 / (burstMs / 1000),
      burstMs,
      stored,
    },
  };
}

(window as unknown as { benchDataLayer: () => Promise<Figures> }).benchDataLayer = run;
