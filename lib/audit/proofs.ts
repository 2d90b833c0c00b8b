/**
 * What a page needs to show entries' inclusion proofs and let the browser check them
 * (lib/audit/verify-in-browser.ts): the latest signed checkpoint, and for each entry its leaf hash
 * and proof against exactly that checkpoint — read in one pass: one checkpoint read and one
 * getNodes call for all the entries' proofs together (shared upper nodes are read once), however
 * many entries the page lists.
 */
import { canonicalJson } from "../canonical-json";
import type { StoredCheckpoint, Stores } from "../store/ports";
import type { AuditEntry } from "./events";
import { rangeHashes } from "./log";
import { hashToBase64, inclusionRanges, type LeafRange } from "./merkle";

/** The signed checkpoint as a page shows it. */
export interface CheckpointView {
  treeSize: number;
  rootHash: string;
  timestamp: string;
  /** The compact JWS (typ donum-checkpoint+jwt). */
  jws: string;
}

/** An entry's inclusion proof against a checkpoint of `treeSize` entries. */
export interface IncludedProof {
  status: "included";
  seq: number;
  treeSize: number;
  /** Base64 leaf hash of the entry. */
  leafHash: string;
  /** PATH(seq, D[treeSize]), nearest sibling first, base64. */
  proof: string[];
}

/** An entry's proof, or why there is none yet. */
export type EntryProof =
  | IncludedProof
  /** Not sequenced yet, or sequenced after the latest checkpoint (or there is no checkpoint yet). */
  | { status: "pending"; seq: number | null };

export function checkpointView(cp: StoredCheckpoint): CheckpointView {
  return { treeSize: cp.treeSize, rootHash: cp.rootHash, timestamp: cp.timestamp, jws: cp.jws };
}

/**
 * Inclusion proofs of these entries against the checkpoint `cp` (normally the latest), from stored
 * tree nodes in one getNodes call. An entry with no seq, or a seq ≥ cp.treeSize, is "pending".
 * At most `max` entries (default 500): the caller pages.
 */
export async function inclusionProofsAt(
  stores: Stores,
  cp: StoredCheckpoint | null,
  entries: readonly Pick<AuditEntry, "seq">[],
  max = 500,
): Promise<EntryProof[]> {
  if (entries.length > max) throw new Error(`inclusionProofsAt: at most ${max} entries per call`);
  const plans = entries.map((e) => {
    if (!cp || e.seq === null || !Number.isSafeInteger(e.seq) || e.seq < 0 || e.seq >= cp.treeSize) return null;
    const ranges: LeafRange[] = [[e.seq, e.seq + 1], ...inclusionRanges(e.seq, cp.treeSize)];
    return { seq: e.seq, ranges };
  });
  // One store read for every entry's leaf and proof elements (rangeHashes reads their tiles together).
  const hashes = await rangeHashes(stores, plans.flatMap((p) => p?.ranges ?? []));
  let next = 0;
  return plans.map((plan, i) => {
    if (!plan || !cp) return { status: "pending", seq: entries[i]!.seq };
    const [leaf, ...proof] = hashes.slice(next, (next += plan.ranges.length));
    return { status: "included", seq: plan.seq, treeSize: cp.treeSize, leafHash: hashToBase64(leaf!), proof: proof.map(hashToBase64) };
  });
}

/** The canonical JSON of a stored entry: exactly the bytes its leaf hash is taken over. */
export function entryCanonicalJson(entry: AuditEntry): string {
  return canonicalJson(entry);
}
