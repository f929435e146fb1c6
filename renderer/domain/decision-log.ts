// The tamper-evident decision log. Each entry's hash is SHA-256 over its content and the previous
// entry's hash, so editing, removing or reordering any stored entry breaks the chain from there on,
// and `verifyChain` says where. Ids are left out of the hash on purpose: a duplicated workshop (or a
// file imported as a copy) gets new ids and its log must still verify; the use case is identified
// in the hash by the title it had when the decision was taken.
//
// SHA-256 comes from @noble/hashes because it is synchronous: Web Crypto's digest is async, and an
// await on it inside a Dexie transaction would let the transaction commit before the entry is written.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from './canonical';
import type { GateDecision } from './model';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields the hash covers, in one place so the writer and the verifier cannot drift apart. */
export type HashedContent = Pick<
  GateDecision,
  | 'seq'
  | 'useCaseTitle'
  | 'fromStage'
  | 'toStage'
  | 'criteria'
  | 'decision'
  | 'rationale'
  | 'decidedBy'
  | 'nextActionsOwner'
  | 'date'
  | 'createdAt'
  | 'prevHash'
  | 'proposal'
  | 'overrideReason'
  | 'evidence'
  | 'evidenceMessages'
>;

export function hashContent(e: HashedContent): string {
  const content: HashedContent = {
    seq: e.seq,
    useCaseTitle: e.useCaseTitle,
    fromStage: e.fromStage,
    toStage: e.toStage,
    // Fields added in version 4 are left out while undefined (canonicalJson drops them), so an
    // entry sealed before they existed keeps its hash.
    criteria: e.criteria.map((c) => ({ name: c.name, result: c.result, evidence: c.evidence, conflicts: c.conflicts, justification: c.justification })),
    decision: e.decision,
    rationale: e.rationale,
    decidedBy: e.decidedBy,
    nextActionsOwner: e.nextActionsOwner,
    date: e.date,
    createdAt: e.createdAt,
    prevHash: e.prevHash,
    proposal: e.proposal,
    overrideReason: e.overrideReason,
    evidence: e.evidence,
    // Left out while undefined, like the version 4 fields: entries sealed before keep their hash.
    evidenceMessages: e.evidenceMessages,
  };
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(content))));
}

/** Seals a new entry onto the end of the log. `last` is the log's latest entry, if any. */
export function sealEntry<T extends Omit<HashedContent, 'seq' | 'prevHash'>>(
  last: Pick<GateDecision, 'seq' | 'hash'> | undefined,
  content: T,
): T & { seq: number; prevHash: string; hash: string } {
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = hashContent({ ...content, seq, prevHash });
  return { ...content, seq, prevHash, hash };
}

export type ChainBreak = {
  /** 1-based position in the log as stored (sorted by seq). */
  position: number;
  seq: number;
  reason: 'edited' | 'missing-or-reordered' | 'not-linked';
  message: string;
};

export type ChainReport = { ok: true; count: number } | { ok: false; count: number; firstBreak: ChainBreak };

/** Checks every entry in seq order; reports the first entry where the chain does not hold. */
export function verifyChain(entries: readonly GateDecision[]): ChainReport {
  const sorted = [...entries].sort((a, b) => a.seq - b.seq);
  let prev = GENESIS_HASH;
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i] as GateDecision;
    const position = i + 1;
    const fail = (reason: ChainBreak['reason'], message: string): ChainReport => ({
      ok: false,
      count: sorted.length,
      firstBreak: { position, seq: e.seq, reason, message },
    });
    if (e.seq !== position) {
      return fail('missing-or-reordered', `Entry #${e.seq} is where entry #${position} should be: an entry is missing or out of order.`);
    }
    if (e.prevHash !== prev) {
      return fail('not-linked', `Entry #${e.seq} does not follow from entry #${position - 1}: an earlier entry was changed or removed.`);
    }
    if (hashContent(e) !== e.hash) {
      return fail('edited', `Entry #${e.seq} was changed after it was recorded: its content no longer matches its seal.`);
    }
    prev = e.hash;
  }
  return { ok: true, count: sorted.length };
}
