/**
 * Proof verification (RFC 9162 §2.1.3.2 and §2.1.4.2). These run on untrusted input — an
 * imaging node's stored decision, an auditor's export — so they return false for anything they
 * cannot evaluate (wrong types, hashes that are not 32 bytes, negative or fractional sizes, sizes
 * beyond 2^53 - 1, proofs of the wrong length) and never throw.
 *
 * Besides the RFC algorithms' own checks (index < size, the iteration stopping when sn reaches 0,
 * and the final sn == 0), the proof length is checked up front against the tree shape (shape.ts),
 * as transparency-dev/merkle does: two independent guards against a padded or truncated proof.
 */
import { EMPTY_ROOT, hashEquals, isHash, nodeHash } from "./hash";
import { consistencyRanges, half, inclusionRanges, isCount, isPowerOfTwo, lsb } from "./shape";

export interface InclusionProofCheck {
  /** The leaf's hash, SHA-256(0x00 || entry) (see leafHash()). */
  leafHash: Uint8Array;
  /** The leaf's 0-based index in the tree. */
  index: number;
  /** The size of the tree the root belongs to. */
  treeSize: number;
  /** PATH(index, D[treeSize]), nearest sibling first. */
  proof: readonly Uint8Array[];
  /** The (signed) root of the tree of size treeSize. */
  root: Uint8Array;
}

export interface ConsistencyProofCheck {
  oldSize: number;
  newSize: number;
  oldRoot: Uint8Array;
  newRoot: Uint8Array;
  /** PROOF(oldSize, D[newSize]) as consistencyProof() produces it. */
  proof: readonly Uint8Array[];
}

function isHashList(value: unknown): value is readonly Uint8Array[] {
  if (!Array.isArray(value)) return false;
  // An index loop, not every(): every() skips the holes of a sparse array.
  for (let i = 0; i < value.length; i++) if (!isHash(value[i])) return false;
  return true;
}

function fields<T>(input: unknown): Partial<Record<keyof T, unknown>> | null {
  return typeof input === "object" && input !== null ? (input as Partial<Record<keyof T, unknown>>) : null;
}

/**
 * Verifies that `leafHash` is the leaf at `index` of the tree of size `treeSize` whose root is
 * `root`, by the algorithm of RFC 9162 §2.1.3.2.
 */
export function verifyInclusion(input: InclusionProofCheck): boolean {
  try {
    const f = fields<InclusionProofCheck>(input);
    if (f === null) return false;
    const { leafHash, index, treeSize, proof, root } = f;
    if (!isCount(index) || !isCount(treeSize)) return false;
    // Step 1: "If leaf_index is greater than or equal to tree_size, then fail".
    if (index >= treeSize) return false;
    if (!isHash(leafHash) || !isHash(root) || !isHashList(proof)) return false;
    if (proof.length !== inclusionRanges(index, treeSize).length) return false;

    // Step 2: fn = leaf_index, sn = tree_size - 1. Step 3: r = hash.
    let fn = index;
    let sn = treeSize - 1;
    let r: Uint8Array = leafHash;
    // Step 4: for each p in inclusion_path.
    for (const p of proof) {
      // 4a: a proof longer than the path to the root fails.
      if (sn === 0) return false;
      if (lsb(fn) || fn === sn) {
        // 4b-i: p is a left sibling.
        r = nodeHash(p, r);
        // 4b-ii: skip the levels where this node is the rightmost one and has no sibling.
        if (!lsb(fn)) {
          while (!lsb(fn) && fn !== 0) {
            fn = half(fn);
            sn = half(sn);
          }
        }
      } else {
        // p is a right sibling.
        r = nodeHash(r, p);
      }
      // 4c.
      fn = half(fn);
      sn = half(sn);
    }
    // Step 5: a proof shorter than the path to the root leaves sn > 0 and fails.
    return sn === 0 && hashEquals(r, root);
  } catch {
    return false;
  }
}

/**
 * Verifies that the tree of size `newSize` with root `newRoot` extends (append-only) the tree of
 * size `oldSize` with root `oldRoot`, by the algorithm of RFC 9162 §2.1.4.2.
 *
 * §2.1.4.2 covers 0 < oldSize < newSize. The edge cases follow transparency-dev/merkle
 * proof.VerifyConsistency (proof/verify.go, "Requires 0 <= size1 <= size2"):
 * - oldSize > newSize: false.
 * - oldSize == newSize: true only with an empty proof and equal roots.
 * - oldSize == 0 < newSize: true only with an empty proof. Stricter than transparency-dev, which
 *   accepts any root1 there: we also require oldRoot to be MTH({}) = EMPTY_ROOT (as Sigsum's
 *   verifiers do), since a size-0 checkpoint with any other root is not a checkpoint of this
 *   tree. For the same reason oldSize == newSize == 0 requires both roots to be EMPTY_ROOT.
 * - Roots and proof elements must be 32-byte hashes in every case (transparency-dev does not
 *   look at the roots in the trivial cases).
 */
export function verifyConsistency(input: ConsistencyProofCheck): boolean {
  try {
    const f = fields<ConsistencyProofCheck>(input);
    if (f === null) return false;
    const { oldSize, newSize, oldRoot, newRoot, proof } = f;
    if (!isCount(oldSize) || !isCount(newSize) || oldSize > newSize) return false;
    if (!isHash(oldRoot) || !isHash(newRoot) || !isHashList(proof)) return false;

    if (oldSize === 0) return proof.length === 0 && hashEquals(oldRoot, EMPTY_ROOT) && (newSize > 0 || hashEquals(newRoot, EMPTY_ROOT));
    if (oldSize === newSize) return proof.length === 0 && hashEquals(oldRoot, newRoot);

    // Step 1: "If consistency_path is an empty array, stop and fail".
    if (proof.length === 0) return false;
    if (proof.length !== consistencyRanges(oldSize, newSize).length) return false;

    // Step 2: the proof omits MTH(D[0:first]) when first is a power of two (the client has it).
    const path: readonly Uint8Array[] = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : proof;
    // Step 3.
    let fn = oldSize - 1;
    let sn = newSize - 1;
    // Step 4: climb to the root of the largest perfect subtree ending at first - 1.
    while (lsb(fn)) {
      fn = half(fn);
      sn = half(sn);
    }
    // Step 5.
    let fr = path[0] as Uint8Array;
    let sr = fr;
    // Step 6: for each subsequent value c.
    for (let i = 1; i < path.length; i++) {
      const c = path[i] as Uint8Array;
      // 6a.
      if (sn === 0) return false;
      if (lsb(fn) || fn === sn) {
        // 6b-i: c is a left sibling, in both trees.
        fr = nodeHash(c, fr);
        sr = nodeHash(c, sr);
        // 6b-ii.
        if (!lsb(fn)) {
          while (!lsb(fn) && fn !== 0) {
            fn = half(fn);
            sn = half(sn);
          }
        }
      } else {
        // c is a right sibling that exists only in the new tree.
        sr = nodeHash(sr, c);
      }
      // 6c.
      fn = half(fn);
      sn = half(sn);
    }
    // Step 7.
    return sn === 0 && hashEquals(fr, oldRoot) && hashEquals(sr, newRoot);
  } catch {
    return false;
  }
}
