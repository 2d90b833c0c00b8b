/**
 * The node request-authentication protocol of ADR 0005, shared by the signer (lib/client) and
 * the verifier (lib/nodes/request-auth.ts). No I/O, no Next.
 *
 *   Authorization: DonumNode <compact JWS>
 *   header  { alg: "ES256" | "EdDSA", kid, typ: "donum-node-request+jwt" }
 *   claims  { iss: node id, aud: Donum's public URL, htm: method, htu: path and query,
 *             bdh: base64url(SHA-256(body bytes)), iat, exp (≤ iat + 60), jti }
 */
import { createHash } from "node:crypto";

export const NODE_AUTH_SCHEME = "DonumNode";
export const NODE_REQUEST_TYP = "donum-node-request+jwt";
/** The longest a signed request may be valid: exp − iat ≤ 60 s. */
export const MAX_REQUEST_LIFETIME_SECONDS = 60;
/** Clock skew tolerated each way on iat and exp. */
export const CLOCK_SKEW_SECONDS = 5;

export interface NodeRequestClaims {
  iss: string;
  aud: string;
  htm: string;
  htu: string;
  bdh: string;
  iat: number;
  exp: number;
  jti: string;
}

/** base64url(SHA-256(body)); for no body, the digest of the empty string. */
export function bodyDigest(body: Uint8Array | string | undefined | null): string {
  const hash = createHash("sha256");
  if (typeof body === "string") hash.update(body, "utf8");
  else if (body) hash.update(body);
  return hash.digest("base64url");
}

/**
 * The path and query of a request as the WHATWG URL parser serialises them (what fetch sends
 * and what the server reads from request.url): "/api/v1/x?b=1". The fragment is dropped.
 * Throws on anything that is not a path starting with a single "/".
 */
export function normaliseRequestPath(pathWithQuery: string): string {
  if (typeof pathWithQuery !== "string" || !pathWithQuery.startsWith("/") || pathWithQuery.startsWith("//")) {
    throw new TypeError(`a request path must start with "/" (got ${JSON.stringify(pathWithQuery)})`);
  }
  const url = new URL(pathWithQuery, "http://donum.invalid");
  return `${url.pathname}${url.search}`;
}

/** "https://donum.example.eu/" and "https://donum.example.eu" are one audience. */
export function normaliseAudience(audience: string): string {
  return audience.replace(/\/+$/, "");
}
