/**
 * Benchmark of lib/audit/merkle: `npx tsx bench/merkle.bench.ts`.
 *
 * Prints the median of 5 runs for: the root of 1,000,000 leaves (the audit log's checkpoint over
 * a large log, recomputed from scratch), the root plus every inclusion proof of a 10,000-leaf batch
 * (one signature over a batch of decisions), and verifyInclusion for proofs of a 1,000,000-leaf
 * tree (what an imaging node does offline per decision). Timings belong here, not in the tests
 * (docs/decisions/0003-test-strategy.md): shared machines are noisy.
 */
import { performance } from "node:perf_hooks";
import {
  allInclusionProofs,
  inclusionProof,
  leafHash,
  merkleBatch,
  MerkleTreeBuilder,
  rootFromLeafHashes,
  verifyInclusion,
} from "../lib/audit/merkle";

const RUNS = 5;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

function bench(name: string, fn: () => void, ops: number, unit: string): void {
  fn(); // warm-up
  const ms = median(Array.from({ length: RUNS }, () => time(fn)));
  const rate = (ops / ms) * 1000;
  console.log(`${name.padEnd(44)} median ${ms.toFixed(1).padStart(8)} ms   ${Math.round(rate).toLocaleString("en").padStart(11)} ${unit}/s`);
}

function leaves(n: number): Buffer[] {
  return Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`entry-${i}`)));
}

console.log(`node ${process.version}, median of ${RUNS} runs after one warm-up run\n`);

const million = leaves(1_000_000);
bench("rootFromLeafHashes, 1,000,000 leaves", () => void rootFromLeafHashes(million), million.length, "leaves");
bench(
  "MerkleTreeBuilder.append x 1,000,000 + root",
  () => {
    const b = new MerkleTreeBuilder();
    for (const l of million) b.append(l);
    void b.root();
  },
  million.length,
  "leaves",
);

const batch = leaves(10_000);
bench("allInclusionProofs, 10,000 leaves", () => void allInclusionProofs(batch), batch.length, "proofs");
bench("merkleBatch (root + all proofs), 10,000", () => void merkleBatch(batch), batch.length, "proofs");

// Inclusion proofs of a 1,000,000-leaf tree (20 elements each). inclusionProof() is O(n) per
// proof, so only a few leaves are sampled (first, last, and two in between) and verified repeatedly.
const root = rootFromLeafHashes(million);
const size = million.length;
const checks = [0, 333_333, 765_432, size - 1].map((index) => ({
  leafHash: million[index] as Buffer,
  index,
  treeSize: size,
  proof: inclusionProof(million, index),
  root,
}));
if (!checks.every(verifyInclusion)) throw new Error("a proof did not verify");
const VERIFY_REPEAT = 2_500;
bench(
  "verifyInclusion, 1,000,000-leaf tree",
  () => {
    for (let r = 0; r < VERIFY_REPEAT; r++) for (const c of checks) verifyInclusion(c);
  },
  checks.length * VERIFY_REPEAT,
  "verifications",
);
