/**
 * The multi-proof of an export (format.ts: gapNodes, RootBuilder), as a property: for random
 * trees and random selections of exported leaves, the selected leaves and the subtree hashes of
 * the gaps between them, merged by position, rebuild the root of the whole tree — and removing
 * any node, adding any node, or changing any hash breaks it.
 */
import fc from "fast-check";
import { gapNodes, ProofError, RootBuilder } from "../../lib/audit/export/format";
import { hashEquals, leafHash, rootFromLeafHashes } from "../../lib/audit/merkle";

interface Node {
  lo: number;
  hi: number;
  hash: Buffer;
}

/** The bundle's nodes, left to right: each selected leaf, and the gaps' maximal subtrees. */
function bundleNodes(leaves: Buffer[], selected: number[]): Node[] {
  const nodes: Node[] = [];
  const gap = (g0: number, g1: number) => {
    for (const [lo, hi] of gapNodes(g0, g1, leaves.length)) nodes.push({ lo, hi, hash: rootFromLeafHashes(leaves.slice(lo, hi)) });
  };
  let next = 0;
  for (const s of selected) {
    gap(next, s);
    nodes.push({ lo: s, hi: s + 1, hash: leaves[s]! });
    next = s + 1;
  }
  gap(next, leaves.length);
  return nodes;
}

/** The rebuilt root, or null when the nodes do not fit the tree (ProofError). */
function rebuild(treeSize: number, nodes: Node[]): Buffer | null {
  const b = new RootBuilder(treeSize);
  try {
    for (const n of nodes) b.push(n.lo, n.hi, n.hash);
    return b.root();
  } catch (e) {
    if (e instanceof ProofError) return null;
    throw e;
  }
}

const tree = fc
  .integer({ min: 1, max: 300 })
  .chain((size) => fc.tuple(fc.constant(size), fc.uniqueArray(fc.integer({ min: 0, max: size - 1 }), { maxLength: Math.min(size, 40) }), fc.nat(), fc.nat()));

const leavesOf = (size: number) => Array.from({ length: size }, (_, i) => leafHash(Buffer.from(`entry ${i}`)));

it("the selected leaves and the gaps' subtrees rebuild the root, with O(log n) proof nodes per gap", () => {
  fc.assert(
    fc.property(tree, ([size, picks]) => {
      const leaves = leavesOf(size);
      const selected = [...picks].sort((a, b) => a - b);
      const nodes = bundleNodes(leaves, selected);
      expect(nodes.length - selected.length).toBeLessThanOrEqual((selected.length + 1) * 2 * Math.ceil(Math.log2(size + 1)));
      const root = rebuild(size, nodes);
      expect(root && hashEquals(root, rootFromLeafHashes(leaves))).toBe(true);
    }),
    { numRuns: 300 },
  );
});

it("removing any node breaks it", () => {
  fc.assert(
    fc.property(tree, ([size, picks, which]) => {
      const leaves = leavesOf(size);
      const nodes = bundleNodes(leaves, [...picks].sort((a, b) => a - b));
      const i = which % nodes.length;
      const root = rebuild(size, [...nodes.slice(0, i), ...nodes.slice(i + 1)]);
      expect(root === null || !hashEquals(root, rootFromLeafHashes(leaves))).toBe(true);
    }),
    { numRuns: 300 },
  );
});

it("adding any node (a repeated one, or any leaf of the tree) breaks it", () => {
  fc.assert(
    fc.property(tree, ([size, picks, which, extra]) => {
      const leaves = leavesOf(size);
      const nodes = bundleNodes(leaves, [...picks].sort((a, b) => a - b));
      const i = which % nodes.length;
      const repeated = [...nodes.slice(0, i + 1), nodes[i]!, ...nodes.slice(i + 1)];
      expect(rebuild(size, repeated)).toBeNull();
      // A leaf inserted at its place by position: it is already covered by a leaf or a subtree.
      const s = extra % size;
      const at = nodes.findIndex((n) => n.lo > s);
      const leaf = { lo: s, hi: s + 1, hash: leaves[s]! };
      const added = at === -1 ? [...nodes, leaf] : [...nodes.slice(0, at), leaf, ...nodes.slice(at)];
      expect(rebuild(size, added)).toBeNull();
    }),
    { numRuns: 300 },
  );
});

it("changing any hash breaks it", () => {
  fc.assert(
    fc.property(tree, ([size, picks, which, bit]) => {
      const leaves = leavesOf(size);
      const nodes = bundleNodes(leaves, [...picks].sort((a, b) => a - b));
      const i = which % nodes.length;
      const hash = Buffer.from(nodes[i]!.hash);
      hash[bit % 32]! ^= 1 << (bit % 8);
      const root = rebuild(size, nodes.map((n, j) => (j === i ? { ...n, hash } : n)));
      expect(root && hashEquals(root, rootFromLeafHashes(leaves))).toBe(false);
    }),
    { numRuns: 300 },
  );
});
