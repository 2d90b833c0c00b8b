/**
 * JWS compact serialisation (RFC 7515 §7.1), signed through the Signer port and verified with
 * Node's crypto alone. Generic: consent receipts use it now, signed node decisions will too.
 *
 * Signing: BASE64URL(header) "." BASE64URL(payload) "." BASE64URL(signature), where header and
 * payload are canonical JSON (lib/canonical-json.ts), so the same content always gives the same
 * signing input, and the signature is the raw r‖s the Signer port returns (RFC 7518 §3.4).
 *
 * Verification is strict and never throws; it answers the payload or one precise error:
 *  - exactly three base64url parts, unpadded and canonically encoded (no stray characters,
 *    no non-zero trailing bits), a JSON-object header and a non-empty payload;
 *  - `alg` ES256 or EdDSA only — "none", the HMAC family and everything else are refused, so a
 *    public key can never be used as an HMAC secret (the classic algorithm-confusion attack);
 *  - `kid` present and found in the JWKS, and that key fits the algorithm (kty/crv, and its own
 *    `alg` and `use` when it states them);
 *  - `crit` refused: Donum understands no header extension, and RFC 7515 §4.1.11 says a
 *    recipient that does not understand a critical one must reject the JWS (this also refuses
 *    RFC 7797 unencoded payloads, which can only be used with `crit`);
 *  - optionally, an expected `typ` (RFC 8725 §3.11 explicit typing), compared as RFC 7515
 *    §4.1.9 says: case-insensitively, with or without the "application/" prefix;
 *  - the signature: 64 bytes r‖s for ES256 (dsaEncoding "ieee-p1363"), Ed25519/Ed448 for EdDSA.
 *
 * A duplicate header member name is not detected (JSON.parse keeps the last one, which RFC 7515
 * §4 allows as "lexically last"); the header Donum signs never has one.
 */
import { createPublicKey, verify, type JsonWebKey, type KeyObject } from "node:crypto";
import { canonicalJson } from "../canonical-json";
import type { Signer } from "./signer";

export const JWS_ALGORITHMS = ["ES256", "EdDSA"] as const;
export type JwsAlgorithm = (typeof JWS_ALGORITHMS)[number];

export interface JwsHeader {
  alg: JwsAlgorithm;
  kid: string;
  typ?: string;
  cty?: string;
  [member: string]: unknown;
}

/** A key as it appears in a JWK Set; only the public members are read. */
export interface VerificationJwk {
  kty?: string;
  crv?: string;
  x?: string;
  y?: string;
  kid?: string;
  alg?: string;
  use?: string;
}

export interface VerificationJwks {
  keys: readonly VerificationJwk[];
}

export type JwsErrorCode =
  | "MALFORMED"
  | "MALFORMED_HEADER"
  | "MALFORMED_PAYLOAD"
  | "UNSUPPORTED_ALGORITHM"
  | "MISSING_KID"
  | "UNKNOWN_KID"
  | "UNSUPPORTED_CRITICAL_HEADER"
  | "UNEXPECTED_TYPE"
  | "KEY_MISMATCH"
  | "BAD_SIGNATURE";

export interface JwsError {
  code: JwsErrorCode;
  message: string;
}

export type JwsVerification<T = unknown> =
  | { ok: true; header: JwsHeader; payload: T; signingKey: VerificationJwk }
  | { ok: false; error: JwsError };

export interface VerifyOptions {
  /** Refuse a JWS whose `typ` is not this one (e.g. "consent-receipt+jwt"). */
  typ?: string;
  /** Narrow the accepted algorithms further; never widens beyond ES256 and EdDSA. */
  algorithms?: readonly JwsAlgorithm[];
}

const B64URL = /^[A-Za-z0-9_-]*$/;

export function base64url(bytes: Uint8Array | string): string {
  return Buffer.from(typeof bytes === "string" ? Buffer.from(bytes, "utf8") : bytes).toString("base64url");
}

/** Strict base64url: the alphabet only, no padding, and the encoding must be the canonical one. */
function decodeBase64url(part: string): Buffer | null {
  if (!B64URL.test(part) || part.length % 4 === 1) return null;
  const bytes = Buffer.from(part, "base64url");
  return bytes.toString("base64url") === part ? bytes : null;
}

/** Signs a JSON payload, serialised as canonical JSON; answers the compact serialisation. */
export async function signCompactJws(
  signer: Signer,
  payload: unknown,
  options: { typ: string; cty?: string },
): Promise<string> {
  const header: JwsHeader = { alg: signer.alg, kid: signer.kid, typ: options.typ, ...(options.cty ? { cty: options.cty } : {}) };
  const signingInput = `${base64url(canonicalJson(header))}.${base64url(canonicalJson(payload))}`;
  const signature = await signer.sign(Buffer.from(signingInput, "ascii"));
  if (signer.alg === "ES256" && signature.length !== 64) {
    throw new Error(`signer returned a ${signature.length}-byte ES256 signature; JWS needs raw r‖s (64 bytes)`);
  }
  return `${signingInput}.${base64url(signature)}`;
}

const fail = (code: JwsErrorCode, message: string): { ok: false; error: JwsError } => ({ ok: false, error: { code, message } });

const normaliseTyp = (typ: string) => typ.toLowerCase().replace(/^application\//, "");

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Why a key cannot verify `alg`, or null if it can. */
function keyMismatch(jwk: VerificationJwk, alg: JwsAlgorithm): string | null {
  if (jwk.use !== undefined && jwk.use !== "sig") return `key ${jwk.kid} is for "${String(jwk.use)}", not signatures`;
  if (jwk.alg !== undefined && jwk.alg !== alg) return `key ${jwk.kid} is for ${String(jwk.alg)}, the JWS says ${alg}`;
  if (alg === "ES256" && (jwk.kty !== "EC" || jwk.crv !== "P-256")) return `ES256 needs an EC P-256 key; key ${jwk.kid} is ${jwk.kty} ${jwk.crv}`;
  if (alg === "EdDSA" && (jwk.kty !== "OKP" || (jwk.crv !== "Ed25519" && jwk.crv !== "Ed448"))) {
    return `EdDSA needs an OKP Ed25519 or Ed448 key; key ${jwk.kid} is ${jwk.kty} ${jwk.crv}`;
  }
  return null;
}

/** Imports the public members only, whatever else the JWK carries. */
// Imported keys, by their public members: importing a JWK costs about as much as the signature
// check itself, and the same few node and Donum keys verify every request. Bounded, so a flood
// of made-up keys cannot grow it without limit.
const importedKeys = new Map<string, KeyObject | null>();
const MAX_IMPORTED_KEYS = 1024;

function importPublicKey(jwk: VerificationJwk): KeyObject | null {
  const pub: JsonWebKey =
    jwk.kty === "EC" ? { kty: "EC", crv: jwk.crv, x: jwk.x, y: jwk.y } : { kty: "OKP", crv: jwk.crv, x: jwk.x };
  const cacheKey = JSON.stringify(pub);
  const cached = importedKeys.get(cacheKey);
  if (cached !== undefined) return cached;
  let key: KeyObject | null;
  try {
    key = createPublicKey({ key: pub, format: "jwk" });
  } catch {
    key = null;
  }
  if (importedKeys.size >= MAX_IMPORTED_KEYS) importedKeys.delete(importedKeys.keys().next().value!);
  importedKeys.set(cacheKey, key);
  return key;
}

/** Verifies a compact JWS against a JWK Set. Never throws. */
export function verifyCompactJws<T = unknown>(jws: string, jwks: VerificationJwks, options: VerifyOptions = {}): JwsVerification<T> {
  if (typeof jws !== "string") return fail("MALFORMED", "a compact JWS is a string");
  const parts = jws.trim() === jws ? jws.split(".") : [];
  if (parts.length !== 3) return fail("MALFORMED", "a compact JWS has exactly three dot-separated parts");
  const [h, p, s] = parts as [string, string, string];

  const headerBytes = decodeBase64url(h);
  if (!headerBytes || headerBytes.length === 0) return fail("MALFORMED_HEADER", "the header is not canonical base64url");
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(headerBytes));
  } catch {
    return fail("MALFORMED_HEADER", "the header is not UTF-8 JSON");
  }
  if (!isObject(header)) return fail("MALFORMED_HEADER", "the header is not a JSON object");

  // The algorithm first: "none" with an empty signature is refused as "none", not as malformed.
  const allowed: readonly string[] = (options.algorithms ?? JWS_ALGORITHMS).filter((a) => (JWS_ALGORITHMS as readonly string[]).includes(a));
  if (typeof header.alg !== "string" || !allowed.includes(header.alg)) {
    return fail("UNSUPPORTED_ALGORITHM", `alg ${JSON.stringify(header.alg)} is not accepted; accepted: ${allowed.join(", ")}`);
  }
  const alg = header.alg as JwsAlgorithm;
  if (header.crit !== undefined) return fail("UNSUPPORTED_CRITICAL_HEADER", "no critical header extension is understood");
  const kid = header.kid;
  if (typeof kid !== "string" || kid.length === 0) return fail("MISSING_KID", "the header names no key (kid)");
  if (options.typ !== undefined && (typeof header.typ !== "string" || normaliseTyp(header.typ) !== normaliseTyp(options.typ))) {
    return fail("UNEXPECTED_TYPE", `typ ${JSON.stringify(header.typ)} is not ${JSON.stringify(options.typ)}`);
  }

  const payloadBytes = decodeBase64url(p);
  const signature = decodeBase64url(s);
  if (!payloadBytes || payloadBytes.length === 0) return fail("MALFORMED_PAYLOAD", "the payload is empty or not canonical base64url");
  if (!signature || signature.length === 0) return fail("MALFORMED", "the signature is empty or not canonical base64url");

  const keys: readonly unknown[] = Array.isArray(jwks?.keys) ? jwks.keys : [];
  const candidates = keys.filter((k): k is VerificationJwk => isObject(k) && k.kid === kid);
  if (candidates.length === 0) return fail("UNKNOWN_KID", `no key with kid ${JSON.stringify(kid)} in the key set`);

  const usable: { jwk: VerificationJwk; key: KeyObject }[] = [];
  let mismatch = "";
  for (const jwk of candidates) {
    const why = keyMismatch(jwk, alg);
    const key = why ? null : importPublicKey(jwk);
    if (key) usable.push({ jwk, key });
    else mismatch ||= why ?? `key ${jwk.kid} is not a valid public key`;
  }
  if (usable.length === 0) return fail("KEY_MISMATCH", mismatch);

  const signingInput = Buffer.from(`${h}.${p}`, "ascii");
  const signed = usable.find(({ key }) => {
    try {
      return alg === "ES256"
        ? signature.length === 64 && verify("sha256", signingInput, { key, dsaEncoding: "ieee-p1363" }, signature)
        : verify(null, signingInput, key, signature);
    } catch {
      return false;
    }
  });
  if (signed) {
    let payload: unknown;
    try {
      payload = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(payloadBytes));
    } catch {
      return fail("MALFORMED_PAYLOAD", "the signature is valid but the payload is not UTF-8 JSON");
    }
    return { ok: true, header: header as JwsHeader, payload: payload as T, signingKey: signed.jwk };
  }
  return fail("BAD_SIGNATURE", "the signature does not verify with the key named by kid");
}

