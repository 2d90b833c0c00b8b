/**
 * What Donum signs for imaging nodes: the claims of the decision, batch and feed tokens (compact
 * JWS, ES256, header { alg, kid, typ }), and the batch leaf encoding. Pure and dependency-light
 * (zod, canonical JSON, the Merkle leaf hash): the node-side verifier in lib/client uses it too.
 */
import * as crypto from "node:crypto";
import { z } from "zod";
import { canonicalJson, sha256Canonical, Sha256Ref } from "../canonical-json";
import { DenyReason, type DecisionRequest } from "../consent/decision";
import { merkleBatch } from "../audit/merkle";

/** JWS `typ` of each token (RFC 8725 §3.11 explicit typing: one token can never pass for another). */
export const DECISION_TYP = "donum-decision+jwt";
export const BATCH_TYP = "donum-decision-batch+jwt";
export const FEED_TYP = "donum-feed+jwt";

/**
 * A decision is evidence for a release made now, not a standing permission: it expires 15 minutes
 * after it was issued. A release later than that asks again (and so obeys any withdrawal made in
 * between). Keeping the token as evidence afterwards is what it is for; verify it "as of" the time
 * of the release (verifyDecisionToken's `now`).
 */
export const DECISION_TTL_SECONDS = 900;

const NumericDate = z.number().int().min(0);
const Base64urlHash = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "base64url of 32 bytes, unpadded");

/** A per-node subject reference (lib/identity/node-subject-ref.ts): 32 base64url characters. */
export const SubjectRef = z.string().regex(/^[A-Za-z0-9_-]{32}$/);

const decisionFields = {
  decision: z.enum(["PERMIT", "DENY"]),
  reasons: z.array(DenyReason),
  consentId: z.uuid().nullable(),
  consentVersion: z.number().int().min(1).nullable(),
  formVersion: z.number().int().min(1).nullable(),
};

/** Payload of a single decision (typ donum-decision+jwt). */
export const DecisionClaims = z.object({
  iss: z.string().min(1),
  /** The node that asked. */
  aud: z.string().min(1),
  /** The per-node subject reference of the person. */
  sub: SubjectRef,
  iat: NumericDate,
  exp: NumericDate,
  /** Also the id of the decision.made audit entry that records this decision. */
  jti: z.uuid(),
  ...decisionFields,
  evaluatedAt: z.iso.datetime({ offset: true }),
  /** sha256Canonical({ nodeId, subjectRef, request, permitReference }): see decisionRequestHash(). */
  requestHash: z.string().regex(Sha256Ref),
  permitReference: z.string(),
});
export type DecisionClaims = z.infer<typeof DecisionClaims>;

/** One leaf of a batch: what each item of the answer asserts, and what its leaf hash covers. */
export const BatchLeaf = z.strictObject({
  index: z.number().int().min(0),
  sub: SubjectRef,
  ...decisionFields,
  /** The same hash a single check of this subject would carry: decisionRequestHash(). */
  requestHash: z.string().regex(Sha256Ref),
});
export type BatchLeaf = z.infer<typeof BatchLeaf>;

/** An item of a batch answer: its leaf and its inclusion proof (RFC 9162 PATH, base64url, nearest sibling first). */
export const BatchItem = BatchLeaf.extend({ proof: z.array(Base64urlHash) });
export type BatchItem = z.infer<typeof BatchItem>;

/** Payload of a batch answer (typ donum-decision-batch+jwt): one signature over the Merkle root of the items. */
export const BatchClaims = z.object({
  iss: z.string().min(1),
  aud: z.string().min(1),
  iat: NumericDate,
  exp: NumericDate,
  /** Also `batch.id` of every decision.made audit entry of the batch. */
  jti: z.uuid(),
  batch: z.object({
    treeSize: z.number().int().min(1),
    /** RFC 9162 MTH over the items' leaf hashes, base64url. */
    rootHash: Base64urlHash,
    /** sha256Canonical({ nodeId, subjectRefs, request, permitReference }): see batchRequestHash(). */
    requestHash: z.string().regex(Sha256Ref),
    permitReference: z.string(),
    evaluatedAt: z.iso.datetime({ offset: true }),
  }),
});
export type BatchClaims = z.infer<typeof BatchClaims>;

export const FEED_CHANGES = ["granted", "amended", "withdrawn", "opted_out"] as const;

export const FeedItem = z.object({
  /** Position of the change in Donum's audit log; feeds are ordered by it. */
  seq: z.number().int().min(0),
  /** The reference this node received for the person in its decisions. */
  sub: SubjectRef,
  change: z.enum(FEED_CHANGES),
  at: z.iso.datetime({ offset: true }),
  consentVersion: z.number().int().min(1),
});
export type FeedItem = z.infer<typeof FeedItem>;

/** Payload of a feed page (typ donum-feed+jwt). */
export const FeedClaims = z.object({
  iss: z.string().min(1),
  aud: z.string().min(1),
  iat: NumericDate,
  jti: z.uuid(),
  items: z.array(FeedItem),
  /** The `after` this page was read from; null for the start of the feed. */
  cursor: z.string().nullable(),
  /** Pass as `after` for the next page (or the next poll); null only while the feed is still empty. */
  nextCursor: z.string().nullable(),
  /** More changes were already waiting beyond nextCursor: ask again at once. */
  hasMore: z.boolean(),
});
export type FeedClaims = z.infer<typeof FeedClaims>;

/**
 * The leaf encoding: UTF-8 bytes of the canonical JSON (lib/canonical-json.ts: keys sorted, no
 * whitespace) of exactly { index, sub, decision, reasons, consentId, consentVersion, formVersion,
 * requestHash }. Reason objects keep their own members ({ code, values? }).
 *
 * Written out by hand for speed (a batch has up to 10,000 leaves); the members are in canonical
 * order and every value goes through JSON.stringify / canonicalJson, so the text is exactly
 * canonicalJson(leaf) (tests/unit/batch-proofs.test.ts checks this).
 */
export function batchLeafJson(leaf: BatchLeaf): string {
  return (
    `{"consentId":${JSON.stringify(leaf.consentId)},"consentVersion":${JSON.stringify(leaf.consentVersion)}` +
    `,"decision":${JSON.stringify(leaf.decision)},"formVersion":${JSON.stringify(leaf.formVersion)}` +
    `,"index":${canonicalJson(leaf.index)},"reasons":${leaf.reasons.length === 0 ? "[]" : canonicalJson(leaf.reasons)}` +
    `,"requestHash":${JSON.stringify(leaf.requestHash)},"sub":${JSON.stringify(leaf.sub)}}`
  );
}

export function batchLeafBytes(leaf: BatchLeaf): Buffer {
  return Buffer.from(batchLeafJson(leaf), "utf8");
}

// One-shot digest where Node has it (≥ 20.12), as lib/audit/merkle/hash.ts does.
const sha256 = (data: string): Buffer =>
  typeof crypto.hash === "function" ? crypto.hash("sha256", data, "buffer") : crypto.createHash("sha256").update(data, "utf8").digest();

/** RFC 9162 leaf hash of a batch item: SHA-256(0x00 ‖ batchLeafBytes(leaf)) (U+0000 is the byte 0x00 in UTF-8). */
export function batchLeafHash(leaf: BatchLeaf): Buffer {
  return sha256(`\u0000${batchLeafJson(leaf)}`);
}

/**
 * The request hash of a single decision and of each batch item:
 *   sha256Canonical({ nodeId, subjectRef, request, permitReference })
 * over the request as Donum read it: DecisionRequest parsed, so its defaults filled in
 * (aiUse null, requiresRecontact false) and the recipient organisation trimmed. Pass the request
 * through DecisionRequest.parse() before recomputing it.
 */
export function decisionRequestHash(args: { nodeId: string; subjectRef: string; request: DecisionRequest; permitReference: string }): string {
  return sha256Canonical({ nodeId: args.nodeId, subjectRef: args.subjectRef, request: args.request, permitReference: args.permitReference });
}

/**
 * decisionRequestHash for many subjects under one request (a batch): the request's canonical
 * JSON is computed once. Gives exactly decisionRequestHash({ nodeId, subjectRef, request,
 * permitReference }) (tested).
 */
export function decisionRequestHasher(args: { nodeId: string; request: DecisionRequest; permitReference: string }): (subjectRef: string) => string {
  const head = `{"nodeId":${JSON.stringify(args.nodeId)},"permitReference":${JSON.stringify(args.permitReference)},"request":${canonicalJson(args.request)},"subjectRef":`;
  return (subjectRef) => `sha256:${crypto.createHash("sha256").update(`${head}${JSON.stringify(subjectRef)}}`, "utf8").digest("hex")}`;
}

/**
 * The request hash of a whole batch: the batch request with each identifier replaced by the
 * subject reference it was answered under, in order:
 *   sha256Canonical({ nodeId, subjectRefs: [ref₀, ref₁, …], request, permitReference })
 */
export function batchRequestHash(args: { nodeId: string; subjectRefs: readonly string[]; request: DecisionRequest; permitReference: string }): string {
  return sha256Canonical({ nodeId: args.nodeId, subjectRefs: args.subjectRefs, request: args.request, permitReference: args.permitReference });
}

/**
 * Seals the leaves of a batch (leaves[i].index must be i): one RFC 9162 tree over their leaf
 * hashes, its root (to be signed) and each item with its inclusion proof. Pure.
 */
export function sealBatch(leaves: readonly BatchLeaf[]): { rootHash: string; treeSize: number; items: BatchItem[] } {
  const hashes = leaves.map((leaf, i) => {
    if (leaf.index !== i) throw new RangeError(`sealBatch: leaf ${i} has index ${leaf.index}`);
    return batchLeafHash(leaf);
  });
  const tree = merkleBatch(hashes);
  // Proof elements are shared between proofs (each interior node is in many): encode each once.
  const encoded = new Map<Buffer, string>();
  const b64 = (h: Buffer) => {
    let text = encoded.get(h);
    if (text === undefined) encoded.set(h, (text = h.toString("base64url")));
    return text;
  };
  return {
    rootHash: tree.root.toString("base64url"),
    treeSize: tree.treeSize,
    items: leaves.map((leaf, i) => ({ ...leaf, proof: tree.proofs[i]!.map(b64) })),
  };
}
