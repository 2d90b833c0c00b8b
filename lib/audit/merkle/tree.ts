/**
 * Tree hashes and proof generation over a list of leaf hashes (RFC 9162 §2.1.1, §2.1.3.1,
 * §2.1.4.1). Everything is iterative: no recursion depth grows with the tree, and each function
 * does O(n) hashing (allInclusionProofs: O(n) hashing plus O(n log n) to assemble the proofs).
 *
 * Generators throw on bad arguments (they are called by our own code with our own data, so a bad
 * argument is a bug); verifiers (verify.ts) never throw.
 */
import { isHash, nodeHash } from "./hash";
import { rangeRoot } from "./compact";
import { consistencyRanges, inclusionRanges, isCount } from "./shape";

function checkLeafHashes(leafHashes: readonly Uint8Array[], upTo: number, fn: string): void {
  if (!Array.isArray(leafHashes)) throw new TypeError(`${fn}: expected an array of leaf hashes`);
  for (let i = 0; i < upTo; i++) {
    if (!isHash(leafHashes[i])) throw new TypeError(`${fn}: leaf hash ${i} is not a 32-byte Uint8Array`);
  }
}

function checkTreeSize(leafHashes: readonly Uint8Array[], treeSize: number, fn: string): void {
  if (!isCount(treeSize) || treeSize > leafHashes.length) {
    throw new RangeError(`${fn}: tree size must be an integer in [0, ${leafHashes.length}], got ${String(treeSize)}`);
  }
}

/**
 * MTH(D[n]) of RFC 9162 §2.1.1 for leaf hashes D (each SHA-256(0x00 || entry), see leafHash()).
 * The empty list gives SHA-256() = EMPTY_ROOT. O(n) hashes, O(log n) memory.
 */
export function rootFromLeafHashes(leafHashes: readonly Uint8Array[]): Buffer {
  checkLeafHashes(leafHashes, Array.isArray(leafHashes) ? leafHashes.length : 0, "rootFromLeafHashes");
  return rangeRoot(leafHashes, 0, leafHashes.length);
}

/**
 * PATH(index, D[treeSize]) of RFC 9162 §2.1.3.1: the audit path of one leaf, nearest sibling
 * first. `treeSize` defaults to all the leaves given; a smaller size proves inclusion in an
 * earlier checkpoint. Requires 0 <= index < treeSize <= leafHashes.length.
 */
export function inclusionProof(leafHashes: readonly Uint8Array[], index: number, treeSize: number = leafHashes.length): Buffer[] {
  const fn = "inclusionProof";
  checkTreeSize(leafHashes, treeSize, fn);
  if (!isCount(index) || index >= treeSize) throw new RangeError(`${fn}: index must be an integer in [0, ${treeSize}), got ${String(index)}`);
  checkLeafHashes(leafHashes, treeSize, fn);
  // The sibling subtrees are disjoint, so computing each root from scratch is O(n) in total.
  return inclusionRanges(index, treeSize).map(([lo, hi]) => rangeRoot(leafHashes, lo, hi));
}

/**
 * PROOF(oldSize, D[newSize]) = SUBPROOF(oldSize, D[newSize], true) of RFC 9162 §2.1.4.1.
 * `newSize` defaults to all the leaves given. §2.1.4.1 defines the proof for 0 < oldSize < newSize;
 * outside that range this returns [] — between equal sizes there is nothing to prove, and every
 * tree extends the empty tree — which is exactly the proof verifyConsistency() accepts there
 * (as transparency-dev/merkle proof.VerifyConsistency does). Requires 0 <= oldSize <= newSize <= length.
 */
export function consistencyProof(leafHashes: readonly Uint8Array[], oldSize: number, newSize: number = leafHashes.length): Buffer[] {
  const fn = "consistencyProof";
  checkTreeSize(leafHashes, newSize, fn);
  if (!isCount(oldSize) || oldSize > newSize) throw new RangeError(`${fn}: old size must be an integer in [0, ${newSize}], got ${String(oldSize)}`);
  checkLeafHashes(leafHashes, newSize, fn);
  return consistencyRanges(oldSize, newSize).map(([lo, hi]) => rangeRoot(leafHashes, lo, hi));
}

/** One tree over a batch of leaves, with every leaf's audit path (see merkleBatch()). */
export interface MerkleBatch {
  root: Buffer;
  treeSize: number;
  /** proofs[i] = PATH(i, D[treeSize]); proof elements are shared between proofs, never mutate them. */
  proofs: Buffer[][];
}

/**
 * Builds the tree over a batch once and returns its root with the inclusion proof of every leaf,
 * so that one signature over the root covers every entry (e.g. a batch of 10,000 decisions).
 *
 * The RFC 9162 tree, built bottom-up, pairs nodes left to right on each level and carries a
 * lone rightmost node up unchanged (the largest-power-of-two split of §2.1.1 never pairs it with
 * anything at that level). So the levels are computed once (n - 1 hashes), and PATH(i) is, level
 * by level, the sibling of i's ancestor when it has one — the same list §2.1.3.1 defines, in the
 * same order. Assembling all proofs is O(n log n) references to shared Buffers.
 */
export function merkleBatch(leafHashes: readonly Uint8Array[]): MerkleBatch {
  checkLeafHashes(leafHashes, Array.isArray(leafHashes) ? leafHashes.length : 0, "merkleBatch");
  const n = leafHashes.length;
  if (n === 0) return { root: rangeRoot(leafHashes, 0, 0), treeSize: 0, proofs: [] };

  const levels: Buffer[][] = [leafHashes.map((h) => Buffer.from(h))];
  for (let level = levels[0] as Buffer[]; level.length > 1; ) {
    const next: Buffer[] = [];
    for (let j = 0; j + 1 < level.length; j += 2) next.push(nodeHash(level[j] as Buffer, level[j + 1] as Buffer));
    if (level.length % 2 === 1) next.push(level[level.length - 1] as Buffer); // carried up, not hashed
    levels.push(next);
    level = next;
  }

  const proofs: Buffer[][] = new Array<Buffer[]>(n);
  for (let i = 0; i < n; i++) {
    const proof: Buffer[] = [];
    let j = i;
    for (let l = 0; l < levels.length - 1; l++) {
      const level = levels[l] as Buffer[];
      const sibling = j % 2 === 1 ? j - 1 : j + 1;
      if (sibling < level.length) proof.push(level[sibling] as Buffer);
      j = Math.floor(j / 2);
    }
    proofs[i] = proof;
  }
  const top = levels[levels.length - 1] as Buffer[];
  return { root: Buffer.from(top[0] as Buffer), treeSize: n, proofs };
}

/** PATH(i, D[n]) for every leaf i of one tree, in O(n log n) total (see merkleBatch()). */
export function allInclusionProofs(leafHashes: readonly Uint8Array[]): Buffer[][] {
  return merkleBatch(leafHashes).proofs;
}
