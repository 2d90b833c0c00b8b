/**
 * RFC 9162 (Certificate Transparency 2.0) §2.1 Merkle tree algorithms, dependency-free
 * (node:crypto only): the audit log's checkpoints and proofs, and the one-signature-per-batch
 * signing of consent decisions, both build on these.
 *
 * - hash.ts:    leafHash, nodeHash, EMPTY_ROOT, hex/base64 helpers (§2.1.1)
 * - tree.ts:    rootFromLeafHashes (MTH), inclusionProof (PATH), consistencyProof (PROOF),
 *               merkleBatch / allInclusionProofs (§2.1.1, §2.1.3.1, §2.1.4.1)
 * - verify.ts:  verifyInclusion, verifyConsistency (§2.1.3.2, §2.1.4.2)
 * - compact.ts: MerkleTreeBuilder, an append-only compact range with JSON persistence
 * - shape.ts:   tree-shape arithmetic (which subtrees a proof is made of)
 */
export {
  EMPTY_ROOT,
  HASH_SIZE,
  emptyRoot,
  hashEquals,
  hashFromBase64,
  hashFromHex,
  hashToBase64,
  hashToHex,
  isHash,
  leafHash,
  nodeHash,
} from "./hash";
export { allInclusionProofs, consistencyProof, inclusionProof, merkleBatch, rootFromLeafHashes } from "./tree";
export type { MerkleBatch } from "./tree";
export { verifyConsistency, verifyInclusion } from "./verify";
export type { ConsistencyProofCheck, InclusionProofCheck } from "./verify";
export { MerkleTreeBuilder } from "./compact";
export type { CompactRangeJSON } from "./compact";
export { consistencyRanges, inclusionRanges } from "./shape";
export type { LeafRange } from "./shape";
