import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashContent, sealEntry, verifyChain } from '../../../renderer/domain/decision-log';
import type { GateDecision } from '../../../renderer/domain/model';
import type { Message } from '../../../renderer/domain/message';

function build(n: number): GateDecision[] {
  const out: GateDecision[] = [];
  for (let i = 0; i < n; i++) {
    const sealed = sealEntry(out.at(-1), {
      useCaseTitle: i % 2 ? 'Claims triage — Łódź' : '東京 underwriting assistant',
      fromStage: 'readiness',
      toStage: 'pilot-design',
      criteria: [{ name: 'Readiness diagnostic says the pilot can start', result: 'pass', evidence: `evidence ${i}` }],
      decision: 'advance',
      rationale: `Reason ${i}`,
      decidedBy: 'Zoë Müller',
      nextActionsOwner: 'Ana',
      date: '2026-12-01',
      createdAt: `2026-12-01T10:00:0${i}.000Z`,
    });
    out.push({ id: `id-${i}`, workshopId: 'w', useCaseId: `uc-${i}`, updatedAt: sealed.createdAt, ...sealed });
  }
  return out;
}

describe('the decision log hash chain', () => {
  it('chains each entry to the one before, starting from the genesis hash', () => {
    const log = build(3);
    expect(log.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(log[0]?.prevHash).toBe(GENESIS_HASH);
    expect(log[1]?.prevHash).toBe(log[0]?.hash);
    expect(log[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyChain(log)).toEqual({ ok: true, count: 3 });
    expect(verifyChain([])).toEqual({ ok: true, count: 0 });
  });

  it('is a pure function of the content: same content, same hash, regardless of key order and ids', () => {
    const [e] = build(1);
    if (!e) throw new Error('built');
    const reordered = Object.fromEntries(Object.entries(e).reverse()) as GateDecision;
    expect(hashContent(reordered)).toBe(e.hash);
    expect(verifyChain([{ ...e, id: 'other', workshopId: 'copy', useCaseId: 'copy-uc' }]).ok).toBe(true);
  });

  it('finds a tampered entry: an edited rationale breaks the chain at that entry', () => {
    const log = build(4);
    (log[2] as GateDecision).rationale = 'Reason 2, quietly softened';
    const r = verifyChain(log);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.firstBreak).toMatchObject({ seq: 3, position: 3, reason: 'edited' });
    expect(r.firstBreak.message).toMatch(/Entry #3 was changed after it was recorded/);
  });

  it('finds an edited criterion result and an edited decider', () => {
    const a = build(2);
    (a[0] as GateDecision).criteria[0]!.result = 'fail';
    expect(verifyChain(a)).toMatchObject({ ok: false, firstBreak: { seq: 1, reason: 'edited' } });
    const b = build(2);
    (b[1] as GateDecision).decidedBy = 'Someone else';
    expect(verifyChain(b)).toMatchObject({ ok: false, firstBreak: { seq: 2 } });
  });

  it('finds an entry re-sealed after editing: the next entry no longer links to it', () => {
    const log = build(3);
    const e = log[1] as GateDecision;
    e.rationale = 'rewritten';
    e.hash = hashContent(e);
    expect(verifyChain(log)).toMatchObject({ ok: false, firstBreak: { seq: 3, reason: 'not-linked' } });
  });

  it('finds a removed entry and a swapped order', () => {
    const log = build(4);
    expect(verifyChain([log[0], log[2], log[3]] as GateDecision[])).toMatchObject({ ok: false, firstBreak: { position: 2, seq: 3, reason: 'missing-or-reordered' } });
    const swapped = build(3);
    const [x, y] = [swapped[1] as GateDecision, swapped[2] as GateDecision];
    [x.seq, y.seq] = [y.seq, x.seq];
    expect(verifyChain(swapped).ok).toBe(false);
  });

  it('does not notice a removed last entry (a chain cannot), which is why entries are never deleted by the app', () => {
    expect(verifyChain(build(3).slice(0, 2)).ok).toBe(true);
  });
});

describe('evidence sealed as messages beside the text (an optional field added later)', () => {
  /** A version 4 entry as stored before evidence messages existed; its hash as that version computed it. */
  const old = {
    id: 'd4',
    workshopId: 'w',
    useCaseId: 'uc',
    updatedAt: '2026-12-02T09:00:00.000Z',
    seq: 4,
    prevHash: 'a'.repeat(64),
    useCaseTitle: 'Schadensmeldungsvorprüfungsassistent — 東京',
    fromStage: 'gate',
    toStage: 'hardening',
    criteria: [{ name: 'KPI impact', result: 'pass', evidence: '', conflicts: ['Durchlaufzeit is red: 14 h (green at or below 8 h · red at or above 12 h).'], justification: 'Alter Prozess gemessen' }],
    decision: 'advance',
    rationale: 'Wie im Raum vereinbart',
    decidedBy: 'Zoë Müller',
    nextActionsOwner: 'Ana',
    date: '2026-12-02',
    createdAt: '2026-12-02T09:00:00.000Z',
    proposal: { decision: 'improve-pilot', label: 'Improve the pilot', sentence: 'Not yet.', facts: ['In the red band: Durchlaufzeit'] },
    overrideReason: 'Der Sponsor trägt es',
    evidence: ['KPI Durchlaufzeit: 14 h on 2026-12-01, red (Green at or below 8 h · red at or above 12 h); trend: too few measurements for a trend', 'Hardening checklist: 0 of 0 done'],
    // Computed by the decision log of the version before evidence messages (git main at bfaa7ae).
    hash: 'a8e6d7f27d4ca8aeb3ff35d48d48ae30f6ee67e4409c79e0f55d1761b95d4153',
  } satisfies GateDecision;

  it('keeps the hash of an entry stored without them: it still verifies', () => {
    expect(hashContent(old)).toBe(old.hash);
    expect(verifyChain([{ ...old, seq: 1, prevHash: GENESIS_HASH, hash: hashContent({ ...old, seq: 1, prevHash: GENESIS_HASH }) }]).ok).toBe(true);
    // Reading the field as absent (undefined after a file round trip) is the same content.
    expect(hashContent({ ...old, evidenceMessages: undefined })).toBe(old.hash);
  });

  it('still finds an old entry whose evidence was edited', () => {
    const first = { ...old, seq: 1, prevHash: GENESIS_HASH };
    const sealed = { ...first, hash: hashContent(first) };
    expect(verifyChain([{ ...sealed, evidence: ['KPI Durchlaufzeit: 7 h on 2026-12-01, green'] }])).toMatchObject({ ok: false, firstBreak: { seq: 1, reason: 'edited' } });
    // Adding messages to an old entry afterwards is an edit too.
    expect(verifyChain([{ ...sealed, evidenceMessages: [{ id: 'gateText.evidence.noKpi' }] }])).toMatchObject({ ok: false, firstBreak: { seq: 1, reason: 'edited' } });
  });

  it('seals the messages: an entry with them verifies, and an edited message (a value, an id) breaks the chain there', () => {
    const messages: Message[] = [
      { id: 'gateText.evidence.risk', values: { band: 'high', score: 16, title: 'Datenleck' } },
      { id: 'gateText.evidence.hardening', values: { done: 2, total: 5 } },
    ];
    const log = build(2);
    const third = sealEntry(log.at(-1), { ...build(1)[0]!, evidence: ['Risk (high, 16): Datenleck', 'Hardening checklist: 2 of 5 done'], evidenceMessages: messages });
    const entry: GateDecision = { ...third, id: 'id-x', workshopId: 'w', useCaseId: 'uc-x', updatedAt: third.createdAt };
    expect(entry.hash).not.toBe(hashContent({ ...entry, evidenceMessages: undefined }));
    expect(verifyChain([...log, entry])).toEqual({ ok: true, count: 3 });
    const valueEdited = { ...entry, evidenceMessages: [{ ...messages[0]!, values: { ...messages[0]!.values, score: 4 } }, messages[1]!] };
    expect(verifyChain([...log, valueEdited])).toMatchObject({ ok: false, firstBreak: { seq: 3, reason: 'edited' } });
    const idEdited = { ...entry, evidenceMessages: [{ ...messages[0]!, id: 'gateText.evidence.noKpi' }, messages[1]!] };
    expect(verifyChain([...log, idEdited])).toMatchObject({ ok: false, firstBreak: { seq: 3, reason: 'edited' } });
    expect(verifyChain([...log, { ...entry, evidenceMessages: undefined }])).toMatchObject({ ok: false, firstBreak: { seq: 3, reason: 'edited' } });
  });
});
