/**
 * The JWK Set (RFC 7517 §5) Donum publishes at /.well-known/jwks.json: the public key that signs
 * now, then the keys that signed before a rotation, so that receipts and decisions signed with
 * them still verify offline.
 *
 * Each key is rebuilt from an allowlist of public members. Whatever a caller passes — a JWK
 * exported with its private part, a key with symmetric material — "d", "p", "q", "dp", "dq",
 * "qi", "oth" and "k" cannot reach the published set.
 */
import type { Signer } from "./signer";

export interface PublicJwk {
  kty: string;
  kid: string;
  crv?: string;
  x?: string;
  y?: string;
  alg?: string;
  use?: string;
}

export interface Jwks {
  keys: PublicJwk[];
}

/** The members a published key may carry; everything else is dropped. */
export const PUBLIC_JWK_MEMBERS = ["kty", "crv", "x", "y", "kid", "alg", "use"] as const;

/**
 * How long a client or a shared cache may keep the published set (Cache-Control max-age). Key
 * rotation waits for caches to expire before a new key signs (signing-keys.ts, ADR 0006).
 */
export const JWKS_MAX_AGE_SECONDS = 300;

/** The media type of a JWK Set (RFC 7517 §8.5.1). */
export const JWKS_CONTENT_TYPE = "application/jwk-set+json";

/** Any JWK-shaped object: a node:crypto JsonWebKey, a PublicJwk, a parsed JSON key. */
type JwkInput = object;

export function publicJwk(input: JwkInput): PublicJwk {
  const jwk = input as Record<string, unknown>;
  if (typeof jwk.kty !== "string" || (jwk.kty !== "EC" && jwk.kty !== "OKP")) {
    throw new Error(`only EC and OKP public keys are published, not ${String(jwk.kty)}`);
  }
  if (typeof jwk.kid !== "string" || jwk.kid.length === 0) throw new Error("a published key needs a kid");
  const out: Record<string, string> = {};
  for (const m of PUBLIC_JWK_MEMBERS) {
    const v = jwk[m];
    if (typeof v === "string") out[m] = v;
  }
  return out as unknown as PublicJwk;
}

/** Current key first, then previous keys (a previous key with the current kid is left out). */
export function publishedJwks(signer: Pick<Signer, "publicJwk">, previous: readonly JwkInput[] = []): Jwks {
  const current = publicJwk(signer.publicJwk);
  const keys = [current];
  for (const jwk of previous) {
    const key = publicJwk(jwk);
    if (!keys.some((k) => k.kid === key.kid)) keys.push(key);
  }
  return { keys };
}
