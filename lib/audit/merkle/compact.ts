/**
 * Compact ranges: the state a sequencer needs to extend a Merkle tree without re-reading it.
 *
 * The tree over D[0:n] (RFC 9162 §2.1.1) is fully determined, for appending, by the roots of the
 * perfect subtrees that tile [0, n) from left to right — one per set bit of n, largest first
 * (see transparency-dev/merkle docs/compact_ranges.md). Appending a leaf pushes it and merges
 * equal-sized neighbours, like incrementing a binary counter; the root is the right-to-left fold
 * of the tiles, which equals MTH because the largest-power-of-two split of §2.1.1 always puts
 * the largest perfect subtree on the left. Memory is O(log n); time is amortised O(1) hashes
 * per leaf.
 */
import { EMPTY_ROOT, hashFromHex, hashToHex, isHash, nodeHash } from "./hash";
import { half, isCount, lsb, popCount } from "./shape";

/**
 * Pushes one leaf hash onto the tiles of a compact range of `size` leaves, merging equal-sized
 * neighbours; the caller then increments its size. An unmerged leaf can only be the last tile
 * (it is the size-1 tile, the lowest bit), so that is the only place a tile may alias caller
 * input — which is why foldTiles() copies its result.
 */
function pushLeaf(stack: Uint8Array[], size: number, leaf: Uint8Array): void {
  let h = leaf;
  let s = size;
  while (lsb(s)) {
    const left = stack.pop();
    if (left === undefined) throw new Error("compact range: stack underflow (corrupted state)");
    h = nodeHash(left, h);
    s = half(s);
  }
  stack.push(h);
}

/** Right-to-left fold of the tiles: MTH of the whole range. Empty tiles give MTH({}). */
function foldTiles(stack: readonly Uint8Array[]): Buffer {
  const last = stack[stack.length - 1];
  if (last === undefined) return Buffer.from(EMPTY_ROOT);
  let root = last;
  for (let i = stack.length - 2; i >= 0; i--) root = nodeHash(stack[i] as Uint8Array, root);
  return Buffer.from(root); // a copy: with one tile, `root` may be the caller's own leaf buffer
}

/**
 * MTH(D[lo:hi]) over already-validated leaf hashes, iteratively in O(hi - lo) hashes and
 * O(log(hi - lo)) memory (RFC 9162 §2.1.1).
 */
export function rangeRoot(leafHashes: readonly Uint8Array[], lo: number, hi: number): Buffer {
  const stack: Uint8Array[] = [];
  for (let i = lo; i < hi; i++) pushLeaf(stack, i - lo, leafHashes[i] as Uint8Array);
  return foldTiles(stack);
}

/** The persisted form of a MerkleTreeBuilder: the tree size and its tiles, largest first. */
export interface CompactRangeJSON {
  /** Number of leaves appended so far. */
  size: number;
  /** Roots of the perfect subtrees tiling [0, size), left to right, as lower-case hex. */
  nodes: string[];
}

/**
 * Appends leaf hashes one at a time and returns the current root and size at any point, keeping
 * only O(log n) hashes. Its JSON form can be stored next to a checkpoint so that the sequencer
 * resumes from it instead of re-hashing the log.
 */
export class MerkleTreeBuilder {
  #size = 0;
  #nodes: Uint8Array[] = [];

  /** Number of leaves appended so far (the tree size). */
  get size(): number {
    return this.#size;
  }

  /** Appends one 32-byte leaf hash (see leafHash()) and returns its leaf index. */
  append(leafHash: Uint8Array): number {
    if (!isHash(leafHash)) throw new TypeError("MerkleTreeBuilder.append: a leaf hash must be 32 bytes");
    if (this.#size >= Number.MAX_SAFE_INTEGER) throw new RangeError("MerkleTreeBuilder.append: tree is full");
    // Copied so that a caller reusing its buffer cannot change the tree afterwards.
    pushLeaf(this.#nodes, this.#size, Buffer.from(leafHash));
    return this.#size++;
  }

  /** Appends every leaf hash in order; validates all of them first so that a bad one appends none. */
  appendAll(leafHashes: readonly Uint8Array[]): void {
    if (!Array.isArray(leafHashes)) throw new TypeError("MerkleTreeBuilder.appendAll: expected an array of leaf hashes");
    for (let i = 0; i < leafHashes.length; i++) {
      if (!isHash(leafHashes[i])) throw new TypeError(`MerkleTreeBuilder.appendAll: leaf hash ${i} is not 32 bytes`);
    }
    for (const h of leafHashes) this.append(h);
  }

  /** MTH of the leaves appended so far (RFC 9162 §2.1.1); EMPTY_ROOT's value when none. */
  root(): Buffer {
    return foldTiles(this.#nodes);
  }

  /** Copies of the tiles (perfect-subtree roots), left to right. */
  nodes(): Buffer[] {
    return this.#nodes.map((n) => Buffer.from(n));
  }

  clone(): MerkleTreeBuilder {
    const copy = new MerkleTreeBuilder();
    copy.#size = this.#size;
    copy.#nodes = this.nodes();
    return copy;
  }

  toJSON(): CompactRangeJSON {
    return { size: this.#size, nodes: this.#nodes.map(hashToHex) };
  }

  /**
   * Restores a builder from toJSON() output. Throws a TypeError on anything malformed: a size that
   * is not a non-negative safe integer, a node count other than popcount(size) (the tiles of a
   * compact range are determined by the size), or a node that is not 64 lower-case hex digits.
   */
  static fromJSON(json: unknown): MerkleTreeBuilder {
    if (typeof json !== "object" || json === null) throw new TypeError("MerkleTreeBuilder.fromJSON: expected an object");
    const { size, nodes } = json as Partial<Record<keyof CompactRangeJSON, unknown>>;
    if (!isCount(size)) throw new TypeError("MerkleTreeBuilder.fromJSON: size must be a non-negative safe integer");
    if (!Array.isArray(nodes)) throw new TypeError("MerkleTreeBuilder.fromJSON: nodes must be an array");
    if (nodes.length !== popCount(size)) {
      throw new TypeError(`MerkleTreeBuilder.fromJSON: a tree of size ${size} has ${popCount(size)} nodes, got ${nodes.length}`);
    }
    const builder = new MerkleTreeBuilder();
    builder.#nodes = nodes.map((n: unknown) => hashFromHex(n as string));
    builder.#size = size;
    return builder;
  }
}
