/**
 * Checks, independently of Donum's server, that an audit entry is in the verifiable log (ADR 0007):
 * the entry's leaf hash, its RFC 9162 inclusion proof folded to a root, that root against a signed
 * checkpoint, and the checkpoint's ES256 signature against Donum's published JWK Set.
 *
 * Isomorphic on purpose: WebCrypto (crypto.subtle), TextEncoder/TextDecoder and atob/btoa only,
 * no node: import and nothing that imports one, so the very same code runs in the citizen's or the
 * regulator's browser and in Jest on Node 20 (where it is tested against lib/audit/merkle's
 * server-side verifier). It never throws on untrusted input: it answers which step failed.
 *
 * Steps, in order (the first failure stops the check):
 *  1. entry      — SHA-256(0x00 ‖ UTF-8(canonical JSON of the entry)) equals the proof's leaf hash,
 *                  and the entry's own `seq` is the position the proof is for. When the entry's text
 *                  is withheld (a regulator does not see a citizen's subject key), the leaf hash is
 *                  taken as given and the result says so (`leafRecomputed: false`).
 *  2. checkpoint — the checkpoint is a well-formed compact JWS whose payload names this tree size.
 *  3. proof      — the proof folds (RFC 9162 §2.1.3.2) from the leaf to the checkpoint's root hash.
 *  4. signature  — the checkpoint is signed (ES256, typ donum-checkpoint+jwt) by a key in the JWKS.
 */
import { half, inclusionRanges, isCount, lsb } from "./merkle/shape";

/** The JWS `typ` of a signed checkpoint (the same as lib/audit/log's CHECKPOINT_TYP, without importing it: that module is server-only). */
export const CHECKPOINT_JWS_TYP = "donum-checkpoint+jwt";

export const CHECK_STEPS = ["entry", "checkpoint", "proof", "signature"] as const;
export type CheckStep = (typeof CHECK_STEPS)[number];

export type CheckFailure =
  /** entry: the entry text is not JSON, or has no `seq` equal to the proof's. */
  | "ENTRY_MALFORMED"
  | "ENTRY_SEQ_MISMATCH"
  /** entry: the recomputed leaf hash differs from the proof's. */
  | "LEAF_MISMATCH"
  /** checkpoint: not a compact JWS with a { origin, treeSize, rootHash, timestamp } payload. */
  | "CHECKPOINT_MALFORMED"
  /** checkpoint: the proof is for another tree size than the checkpoint's. */
  | "TREE_SIZE_MISMATCH"
  /** proof: not base64 SHA-256 hashes, a position outside the tree, or the wrong number of hashes. */
  | "PROOF_MALFORMED"
  /** proof: the fold does not reach the checkpoint's root. */
  | "ROOT_MISMATCH"
  /** signature: not ES256 / not a checkpoint / a critical header. */
  | "SIGNATURE_UNSUPPORTED"
  /** signature: no usable key with the checkpoint's kid in the JWKS. */
  | "UNKNOWN_KEY"
  /** signature: the signature does not verify with that key. */
  | "BAD_SIGNATURE"
  /** signature: the JWKS could not be fetched (set by the caller, see InclusionCheckInput.jwks). */
  | "JWKS_UNAVAILABLE";

export interface InclusionCheckInput {
  /** The stored entry's canonical JSON (seq included), exactly as hashed; null when withheld. */
  entryJson: string | null;
  /** The leaf hash the proof is for, standard padded base64. */
  leafHash: string;
  /** The entry's position in the log. */
  seq: number;
  /** The size of the tree the proof is for. */
  treeSize: number;
  /** PATH(seq, D[treeSize]), nearest sibling first, base64. */
  proof: readonly string[];
  /** The signed checkpoint, a compact JWS. */
  checkpoint: string;
  /** Donum's JWK Set, as fetched from /.well-known/jwks.json (null: it could not be fetched). */
  jwks: unknown;
}

export interface CheckpointClaims {
  origin: string;
  treeSize: number;
  rootHash: string;
  timestamp: string;
}

export type InclusionCheck =
  | { ok: true; leafRecomputed: boolean; proofLength: number; checkpoint: CheckpointClaims; kid: string }
  | { ok: false; step: CheckStep; failure: CheckFailure; leafRecomputed: boolean; proofLength: number; checkpoint: CheckpointClaims | null };

// ---------------------------------------------------------------------------------------------
// Encoding helpers (no Buffer: it does not exist in browsers).

const BASE64_HASH = /^[A-Za-z0-9+/]{43}=$/;
const B64URL = /^[A-Za-z0-9_-]*$/;

function bytesToBinary(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

function binaryToBytes(s: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function bytesToBase64(bytes: Uint8Array): string {
  return btoa(bytesToBinary(bytes));
}

/** Standard padded base64 of exactly 32 bytes, canonically encoded; null otherwise. */
export function hashFromBase64(b64: unknown): Uint8Array<ArrayBuffer> | null {
  if (typeof b64 !== "string" || !BASE64_HASH.test(b64)) return null;
  try {
    const bytes = binaryToBytes(atob(b64));
    return bytes.length === 32 && bytesToBase64(bytes) === b64 ? bytes : null;
  } catch {
    return null;
  }
}

/** Strict, canonical, unpadded base64url; null otherwise. */
function fromBase64url(part: string): Uint8Array<ArrayBuffer> | null {
  if (!B64URL.test(part) || part.length % 4 === 1) return null;
  try {
    const b64 = part.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (part.length % 4)) % 4);
    const bytes = binaryToBytes(atob(b64));
    const back = bytesToBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    return back === part ? bytes : null;
  } catch {
    return null;
  }
}

const utf8 = (s: string) => new TextEncoder().encode(s);

function parseJsonBytes(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

// ---------------------------------------------------------------------------------------------
// RFC 9162 §2.1 hashing with WebCrypto.

function subtle(): SubtleCrypto {
  const c = (globalThis as { crypto?: Crypto }).crypto;
  if (!c?.subtle) throw new Error("WebCrypto (crypto.subtle) is not available: the page must be served over HTTPS or from localhost");
  return c.subtle;
}

async function sha256(data: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await subtle().digest("SHA-256", data));
}

/** SHA-256(0x00 ‖ data): the leaf hash. */
export async function leafHashOf(data: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  const input = new Uint8Array(1 + data.length);
  input[0] = 0x00;
  input.set(data, 1);
  return sha256(input);
}

/** SHA-256(0x01 ‖ left ‖ right): an interior node. */
async function nodeHashOf(left: Uint8Array, right: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  const input = new Uint8Array(65);
  input[0] = 0x01;
  input.set(left, 1);
  input.set(right, 33);
  return sha256(input);
}

/**
 * The root that an inclusion proof leads to from `leaf` at `index` in a tree of `treeSize`
 * (RFC 9162 §2.1.3.2, steps 1–5); null when the proof cannot be for that position and size
 * (index ≥ size, the wrong number of hashes, a proof longer or shorter than the path).
 */
export async function rootFromInclusionProof(leaf: Uint8Array, index: number, treeSize: number, proof: readonly Uint8Array[]): Promise<Uint8Array | null> {
  if (!isCount(index) || !isCount(treeSize) || index >= treeSize || leaf.length !== 32) return null;
  if (proof.length !== inclusionRanges(index, treeSize).length) return null;
  let fn = index;
  let sn = treeSize - 1;
  let r: Uint8Array = leaf;
  for (const p of proof) {
    if (p.length !== 32 || sn === 0) return null;
    if (lsb(fn) || fn === sn) {
      r = await nodeHashOf(p, r);
      if (!lsb(fn)) {
        while (!lsb(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = await nodeHashOf(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 ? r : null;
}

// ---------------------------------------------------------------------------------------------
// The checkpoint JWS.

interface ParsedJws {
  header: Record<string, unknown>;
  claims: CheckpointClaims;
  signingInput: string;
  signature: Uint8Array<ArrayBuffer>;
}

function parseCheckpoint(jws: unknown): ParsedJws | null {
  if (typeof jws !== "string") return null;
  const parts = jws.split(".");
  if (parts.length !== 3) return null;
  const [h, p, s] = parts as [string, string, string];
  const headerBytes = fromBase64url(h);
  const payloadBytes = fromBase64url(p);
  const signature = fromBase64url(s);
  if (!headerBytes || !payloadBytes || !signature) return null;
  const header = parseJsonBytes(headerBytes);
  const payload = parseJsonBytes(payloadBytes);
  if (!isObject(header) || !isObject(payload)) return null;
  const { origin, treeSize, rootHash, timestamp } = payload;
  if (typeof origin !== "string" || !isCount(treeSize) || typeof timestamp !== "string" || hashFromBase64(rootHash) === null) return null;
  return { header, claims: { origin, treeSize, rootHash: rootHash as string, timestamp }, signingInput: `${h}.${p}`, signature };
}

const normaliseTyp = (typ: string) => typ.toLowerCase().replace(/^application\//, "");

async function checkSignature(parsed: ParsedJws, jwks: unknown): Promise<{ ok: true; kid: string } | { ok: false; failure: CheckFailure }> {
  const { header } = parsed;
  if (header.alg !== "ES256" || header.crit !== undefined) return { ok: false, failure: "SIGNATURE_UNSUPPORTED" };
  if (typeof header.typ !== "string" || normaliseTyp(header.typ) !== CHECKPOINT_JWS_TYP) return { ok: false, failure: "SIGNATURE_UNSUPPORTED" };
  const kid = header.kid;
  if (typeof kid !== "string" || kid === "") return { ok: false, failure: "UNKNOWN_KEY" };
  if (!isObject(jwks)) return { ok: false, failure: "JWKS_UNAVAILABLE" };
  const keys: unknown[] = Array.isArray(jwks.keys) ? jwks.keys : [];
  const candidates = keys.filter(
    (k): k is { x: string; y: string } =>
      isObject(k) &&
      k.kid === kid &&
      k.kty === "EC" &&
      k.crv === "P-256" &&
      typeof k.x === "string" &&
      typeof k.y === "string" &&
      (k.alg === undefined || k.alg === "ES256") &&
      (k.use === undefined || k.use === "sig"),
  );
  if (candidates.length === 0) return { ok: false, failure: "UNKNOWN_KEY" };
  if (parsed.signature.length !== 64) return { ok: false, failure: "BAD_SIGNATURE" };
  let imported = false;
  for (const jwk of candidates) {
    let key: CryptoKey;
    try {
      key = await subtle().importKey("jwk", { kty: "EC", crv: "P-256", x: jwk.x, y: jwk.y, ext: true }, { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"]);
    } catch {
      continue;
    }
    imported = true;
    // WebCrypto's ECDSA signature is raw r‖s, as JWS's (RFC 7518 §3.4).
    if (await subtle().verify({ name: "ECDSA", hash: "SHA-256" }, key, parsed.signature, utf8(parsed.signingInput))) return { ok: true, kid };
  }
  return { ok: false, failure: imported ? "BAD_SIGNATURE" : "UNKNOWN_KEY" };
}

// ---------------------------------------------------------------------------------------------

/** Runs the four steps; answers success or the first step that failed and why. Never throws on bad input. */
export async function checkInclusion(input: InclusionCheckInput): Promise<InclusionCheck> {
  const leafRecomputed = typeof input.entryJson === "string";
  const proofLength = Array.isArray(input.proof) ? input.proof.length : 0;
  let checkpoint: CheckpointClaims | null = null;
  const fail = (step: CheckStep, failure: CheckFailure): InclusionCheck => ({ ok: false, step, failure, leafRecomputed, proofLength, checkpoint });

  // 1. The entry.
  const stated = hashFromBase64(input.leafHash);
  let leaf: Uint8Array;
  if (leafRecomputed) {
    const entry = parseJsonBytes(utf8(input.entryJson as string));
    if (!isObject(entry)) return fail("entry", "ENTRY_MALFORMED");
    if (entry.seq !== input.seq) return fail("entry", "ENTRY_SEQ_MISMATCH");
    leaf = await leafHashOf(utf8(input.entryJson as string));
    if (stated === null || !equalBytes(leaf, stated)) return fail("entry", "LEAF_MISMATCH");
  } else {
    if (stated === null) return fail("entry", "LEAF_MISMATCH");
    leaf = stated;
  }

  // 2. The checkpoint.
  const parsed = parseCheckpoint(input.checkpoint);
  if (!parsed) return fail("checkpoint", "CHECKPOINT_MALFORMED");
  checkpoint = parsed.claims;
  if (parsed.claims.treeSize !== input.treeSize) return fail("checkpoint", "TREE_SIZE_MISMATCH");

  // 3. The proof, folded to the checkpoint's root.
  const hashes: Uint8Array[] = [];
  for (let i = 0; i < proofLength; i++) {
    const h = hashFromBase64((input.proof as readonly unknown[])[i]);
    if (!h) return fail("proof", "PROOF_MALFORMED");
    hashes.push(h);
  }
  const root = await rootFromInclusionProof(leaf, input.seq, input.treeSize, hashes);
  if (!root) return fail("proof", "PROOF_MALFORMED");
  if (!equalBytes(root, hashFromBase64(parsed.claims.rootHash)!)) return fail("proof", "ROOT_MISMATCH");

  // 4. Donum's signature over the checkpoint.
  let signature: Awaited<ReturnType<typeof checkSignature>>;
  try {
    signature = await checkSignature(parsed, input.jwks);
  } catch {
    signature = { ok: false, failure: "BAD_SIGNATURE" };
  }
  if (!signature.ok) return fail("signature", input.jwks === null ? "JWKS_UNAVAILABLE" : signature.failure);
  return { ok: true, leafRecomputed, proofLength, checkpoint: parsed.claims, kid: signature.kid };
}
