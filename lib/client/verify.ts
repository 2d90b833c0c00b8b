/**
 * Node-side verification of what Donum signs: a single decision, one item of a batch answer,
 * a feed page. Offline: all it needs is Donum's JWK Set (/.well-known/jwks.json, kept by the
 * node; it holds the current and previous signing keys). Node crypto only, through
 * lib/crypto/jws.ts; no Next, no I/O. Never throws: each function answers the verified claims
 * or one precise error.
 *
 * Time: a decision expires 15 minutes after it was issued (DECISION_TTL_SECONDS). Pass `now` =
 * the time of the release when you check a stored decision later as evidence.
 */
import { verifyInclusion } from "../audit/merkle";
import { verifyCompactJws, type JwsErrorCode, type JwsHeader, type VerificationJwks } from "../crypto/jws";
import {
  BATCH_TYP,
  BatchClaims,
  BatchItem,
  batchLeafHash,
  DECISION_TYP,
  DecisionClaims,
  FEED_TYP,
  FeedClaims,
  type BatchLeaf,
} from "../decisions/tokens";

export { batchLeafBytes, batchLeafHash, batchRequestHash, decisionRequestHash, DECISION_TTL_SECONDS } from "../decisions/tokens";
export type { BatchClaims, BatchItem, BatchLeaf, DecisionClaims, FeedClaims, FeedItem } from "../decisions/tokens";

export type VerifyErrorCode =
  | JwsErrorCode
  /** The signature is good but the payload is not the claims this token type carries. */
  | "MALFORMED_CLAIMS"
  | "WRONG_ISSUER"
  /** The token was issued to another node. */
  | "WRONG_AUDIENCE"
  | "EXPIRED"
  /** Issued in the future (beyond the clock skew allowed). */
  | "NOT_YET_VALID"
  /** A batch item that is not a well-formed item (unknown member, bad proof element, …). */
  | "MALFORMED_ITEM"
  /** The item's leaf is not at its index in the tree whose root the token signs: the item was altered. */
  | "NOT_INCLUDED"
  /** A feed page older than maxAgeSeconds. */
  | "STALE"
  /** A feed page that answers another position than the one asked for. */
  | "CURSOR_MISMATCH";

export interface VerifyError {
  code: VerifyErrorCode;
  message: string;
}

export type Verified<T> = { ok: true; claims: T; header: JwsHeader } | { ok: false; error: VerifyError };

export interface TokenCheckOptions {
  /** This node's id: a token issued to any other node is refused (WRONG_AUDIENCE). */
  audience: string;
  /** Donum's public URL; when given, a token from any other issuer is refused. */
  issuer?: string;
  /** The time to check validity at (default: the current time). */
  now?: Date;
  /** Clock skew tolerated, in seconds (default 60). */
  clockSkewSeconds?: number;
}

const DEFAULT_SKEW = 60;

const fail = (code: VerifyErrorCode, message: string): { ok: false; error: VerifyError } => ({ ok: false, error: { code, message } });

function nowSeconds(options: TokenCheckOptions): number {
  const now = options.now ?? new Date();
  return Math.floor(now.getTime() / 1000);
}

function firstIssue(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join(".") || "(root)"}: ${issue.message}` : "invalid";
}

type Parser<T> = { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } };

/** Signature, typ, claim shape, issuer and audience: what every token type shares. */
function verifyToken<T extends { iss: string; aud: string; iat: number }>(
  token: string,
  jwks: VerificationJwks,
  typ: string,
  schema: Parser<T>,
  options: TokenCheckOptions,
): Verified<T> {
  const jws = verifyCompactJws(token, jwks, { typ });
  if (!jws.ok) return jws;
  const parsed = schema.safeParse(jws.payload);
  if (!parsed.success) return fail("MALFORMED_CLAIMS", `the ${typ} payload is not valid: ${firstIssue(parsed.error)}`);
  const claims = parsed.data;
  if (options.issuer !== undefined && claims.iss !== options.issuer) {
    return fail("WRONG_ISSUER", `issued by ${JSON.stringify(claims.iss)}, expected ${JSON.stringify(options.issuer)}`);
  }
  if (typeof options.audience !== "string" || claims.aud !== options.audience) {
    return fail("WRONG_AUDIENCE", `issued to node ${JSON.stringify(claims.aud)}, not ${JSON.stringify(options.audience)}`);
  }
  const skew = options.clockSkewSeconds ?? DEFAULT_SKEW;
  if (claims.iat > nowSeconds(options) + skew) return fail("NOT_YET_VALID", `issued at ${claims.iat}, in the future`);
  return { ok: true, claims, header: jws.header };
}

function checkExpiry<T extends { exp: number; iat: number }>(v: Verified<T>, options: TokenCheckOptions): Verified<T> {
  if (!v.ok) return v;
  const skew = options.clockSkewSeconds ?? DEFAULT_SKEW;
  if (v.claims.exp < v.claims.iat) return fail("MALFORMED_CLAIMS", "exp is before iat");
  if (nowSeconds(options) > v.claims.exp + skew) {
    return fail("EXPIRED", `expired at ${new Date(v.claims.exp * 1000).toISOString()}; a decision is evidence for a release made before then`);
  }
  return v;
}

/** A single decision (typ donum-decision+jwt) issued to `options.audience`. */
export function verifyDecisionToken(token: string, jwks: VerificationJwks, options: TokenCheckOptions): Verified<DecisionClaims> {
  return checkExpiry(verifyToken(token, jwks, DECISION_TYP, DecisionClaims, options), options);
}

/** The signed part of a batch answer (typ donum-decision-batch+jwt): the root, tree size and request hash. */
export function verifyBatchToken(token: string, jwks: VerificationJwks, options: TokenCheckOptions): Verified<BatchClaims> {
  return checkExpiry(verifyToken(token, jwks, BATCH_TYP, BatchClaims, options), options);
}

function decodeHash(b64url: string): Buffer | null {
  if (!/^[A-Za-z0-9_-]{43}$/.test(b64url)) return null;
  const bytes = Buffer.from(b64url, "base64url");
  return bytes.length === 32 && bytes.toString("base64url") === b64url ? bytes : null;
}

export type VerifiedBatchItem = { ok: true; claims: BatchClaims; leaf: BatchLeaf; header: JwsHeader } | { ok: false; error: VerifyError };

/** One item against already verified batch claims: the leaf it asserts, or why it is not in the signed tree. */
function checkItem(claims: BatchClaims, item: unknown): { ok: true; leaf: BatchLeaf } | { ok: false; error: VerifyError } {
  const parsed = BatchItem.safeParse(item);
  if (!parsed.success) return fail("MALFORMED_ITEM", `the item is not valid: ${firstIssue(parsed.error)}`);
  const { proof, ...leaf } = parsed.data;
  const root = decodeHash(claims.batch.rootHash);
  const path = proof.map(decodeHash);
  if (!root) return fail("MALFORMED_CLAIMS", "batch.rootHash is not 32 bytes of base64url");
  if (path.some((p) => p === null)) return fail("MALFORMED_ITEM", "a proof element is not 32 bytes of canonical base64url");
  const included = verifyInclusion({ leafHash: batchLeafHash(leaf), index: leaf.index, treeSize: claims.batch.treeSize, proof: path as Buffer[], root });
  if (!included) {
    return fail("NOT_INCLUDED", `item ${leaf.index} does not verify against the signed root of ${claims.batch.treeSize} items: it was altered or belongs to another batch`);
  }
  return { ok: true, leaf };
}

/**
 * One item of a batch answer, on its own: the batch token is verified (signature, typ, issuer,
 * audience, expiry), then
 *   leafHash = SHA-256(0x00 ‖ UTF-8(canonicalJson(item without "proof")))
 * and the RFC 9162 inclusion proof must lead from leafHash at item.index to the signed rootHash of
 * a tree of the signed treeSize.
 */
export function verifyBatchItem(token: string, item: unknown, jwks: VerificationJwks, options: TokenCheckOptions): VerifiedBatchItem {
  const batch = verifyBatchToken(token, jwks, options);
  if (!batch.ok) return batch;
  const checked = checkItem(batch.claims, item);
  return checked.ok ? { ok: true, claims: batch.claims, leaf: checked.leaf, header: batch.header } : checked;
}

export type VerifiedBatch =
  | { ok: true; claims: BatchClaims; leaves: BatchLeaf[]; header: JwsHeader }
  /** `index`: the position of the first item that failed; null when the token itself failed. */
  | { ok: false; error: VerifyError; index: number | null };

/**
 * A whole batch answer at once: the token is verified once (one signature check, not one per
 * item), then every item as verifyBatchItem does, and the answer must be complete — exactly
 * treeSize items, item i at index i.
 */
export function verifyBatchItems(token: string, items: readonly unknown[], jwks: VerificationJwks, options: TokenCheckOptions): VerifiedBatch {
  const batch = verifyBatchToken(token, jwks, options);
  if (!batch.ok) return { ...batch, index: null };
  if (!Array.isArray(items) || items.length !== batch.claims.batch.treeSize) {
    return { ...fail("MALFORMED_ITEM", `the answer has ${Array.isArray(items) ? items.length : "no"} items; the token signs ${batch.claims.batch.treeSize}`), index: null };
  }
  const leaves: BatchLeaf[] = [];
  for (let i = 0; i < items.length; i++) {
    const checked = checkItem(batch.claims, items[i]);
    if (!checked.ok) return { ...checked, index: i };
    if (checked.leaf.index !== i) return { ...fail("MALFORMED_ITEM", `item ${i} says it is at index ${checked.leaf.index}`), index: i };
    leaves.push(checked.leaf);
  }
  return { ok: true, claims: batch.claims, leaves, header: batch.header };
}

export interface FeedCheckOptions extends TokenCheckOptions {
  /** The `after` the page was asked for (null or omitted: the start); a page for another position is refused. */
  after?: string | null;
  /** A page older than this is refused (STALE); default 300 s. Feed pages carry no exp. */
  maxAgeSeconds?: number;
}

/** A feed page (typ donum-feed+jwt) issued to `options.audience`, fresh, and for the position asked. */
export function verifyFeedPage(token: string, jwks: VerificationJwks, options: FeedCheckOptions): Verified<FeedClaims> {
  const v = verifyToken(token, jwks, FEED_TYP, FeedClaims, options);
  if (!v.ok) return v;
  const maxAge = options.maxAgeSeconds ?? 300;
  if (nowSeconds(options) - v.claims.iat > maxAge) return fail("STALE", `the page was issued more than ${maxAge} s ago`);
  if ("after" in options && v.claims.cursor !== (options.after ?? null)) {
    return fail("CURSOR_MISMATCH", `the page starts after ${JSON.stringify(v.claims.cursor)}, not ${JSON.stringify(options.after ?? null)}`);
  }
  return v;
}
