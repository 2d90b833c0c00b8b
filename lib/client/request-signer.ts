/**
 * Signs requests of an imaging node to Donum's API (ADR 0005): one short-lived JWT per request,
 * bound to the audience, the method, the path and query, and the exact body bytes.
 *
 *   const signer = createRequestSigner({ nodeId: "demo-node", privateJwk, audience: "http://localhost:3000" });
 *   const body = JSON.stringify(check);
 *   await fetch(`${audience}/api/v1/decisions`, {
 *     method: "POST",
 *     headers: { authorization: signer.sign({ method: "POST", path: "/api/v1/decisions", body }), "content-type": "application/json" },
 *     body,
 *   });
 *
 * Sign each request anew, with the very bytes that are sent: every token carries a fresh jti and
 * Donum refuses a second use. Node's crypto only (no Next, no I/O): usable from the SDK, the
 * CLI, tests and benchmarks.
 */
import { createPrivateKey, randomUUID, sign as cryptoSign, type KeyObject } from "node:crypto";
import { checkPrivateJwk, nodeKeyThumbprint, publicJwkOf, algorithmOf, type NodeKeyAlgorithm, type NodePrivateJwk } from "../nodes/keys";
import {
  MAX_REQUEST_LIFETIME_SECONDS,
  NODE_AUTH_SCHEME,
  NODE_REQUEST_TYP,
  bodyDigest,
  normaliseAudience,
  normaliseRequestPath,
  type NodeRequestClaims,
} from "../nodes/protocol";

export { MAX_REQUEST_LIFETIME_SECONDS, NODE_AUTH_SCHEME, NODE_REQUEST_TYP, bodyDigest, normaliseRequestPath } from "../nodes/protocol";
export type { NodeRequestClaims } from "../nodes/protocol";

export interface RequestSignerOptions {
  /** The node's registered id (the `iss` claim). */
  nodeId: string;
  /** The node's private key: EC P-256 (ES256) or OKP Ed25519 (EdDSA), as a JWK with "d". */
  privateJwk: unknown;
  /** The registered key id. Default: the JWK's own "kid", else its RFC 7638 thumbprint (Donum's default too). */
  kid?: string;
  /** Donum's public URL, e.g. "https://donum.example.eu" (the `aud` claim). */
  audience: string;
  /** Seconds from iat to exp, 1–60; default 60. */
  lifetimeSeconds?: number;
}

export interface SignRequestInput {
  method: string;
  /** Path and query, exactly as requested: "/api/v1/feed?cursor=abc". */
  path: string;
  /** The exact body bytes sent (a string is taken as UTF-8); undefined for no body. */
  body?: Uint8Array | string;
  /** The signing time; default now. */
  now?: Date;
}

export interface RequestSigner {
  readonly nodeId: string;
  readonly kid: string;
  readonly alg: NodeKeyAlgorithm;
  readonly audience: string;
  /** The Authorization header value: "DonumNode <compact JWS>". */
  sign(input: SignRequestInput): string;
  /** The compact JWS alone, with the claims it carries (for tests and diagnostics). */
  token(input: SignRequestInput): { jws: string; claims: NodeRequestClaims };
}

const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64url");

export function createRequestSigner(options: RequestSignerOptions): RequestSigner {
  const checked = checkPrivateJwk(options.privateJwk);
  if (!checked.ok) throw new TypeError(`createRequestSigner: ${checked.message}`);
  const jwk: NodePrivateJwk = checked.jwk;
  const key: KeyObject = createPrivateKey({ key: jwk, format: "jwk" });
  const alg = algorithmOf(jwk);
  const kid = options.kid ?? checked.kid ?? nodeKeyThumbprint(publicJwkOf(jwk));
  if (typeof options.nodeId !== "string" || options.nodeId.length === 0) throw new TypeError("createRequestSigner: nodeId is required");
  if (typeof options.audience !== "string" || !/^https?:\/\//.test(options.audience)) {
    throw new TypeError("createRequestSigner: audience must be Donum's public URL, e.g. https://donum.example.eu");
  }
  const audience = normaliseAudience(options.audience);
  const lifetime = options.lifetimeSeconds ?? MAX_REQUEST_LIFETIME_SECONDS;
  if (!Number.isInteger(lifetime) || lifetime < 1 || lifetime > MAX_REQUEST_LIFETIME_SECONDS) {
    throw new RangeError(`createRequestSigner: lifetimeSeconds must be a whole number from 1 to ${MAX_REQUEST_LIFETIME_SECONDS}`);
  }
  const encodedHeader = b64(JSON.stringify({ alg, kid, typ: NODE_REQUEST_TYP }));

  function token(input: SignRequestInput): { jws: string; claims: NodeRequestClaims } {
    const iat = Math.floor((input.now ?? new Date()).getTime() / 1000);
    const claims: NodeRequestClaims = {
      iss: options.nodeId,
      aud: audience,
      htm: input.method.toUpperCase(),
      htu: normaliseRequestPath(input.path),
      bdh: bodyDigest(input.body),
      iat,
      exp: iat + lifetime,
      jti: randomUUID(),
    };
    const signingInput = `${encodedHeader}.${b64(JSON.stringify(claims))}`;
    const data = Buffer.from(signingInput, "ascii");
    const signature = alg === "ES256" ? cryptoSign("sha256", data, { key, dsaEncoding: "ieee-p1363" }) : cryptoSign(null, data, key);
    return { jws: `${signingInput}.${signature.toString("base64url")}`, claims };
  }

  return {
    nodeId: options.nodeId,
    kid,
    alg,
    audience,
    token,
    sign: (input) => `${NODE_AUTH_SCHEME} ${token(input).jws}`,
  };
}
