/**
 * Node keys as JWKs: strict validation of the public keys an operator registers, of the private
 * keys a node signs with, RFC 7638 thumbprints (the default key id) and key-pair generation.
 * Node's crypto and zod only (no Next, no I/O): the client side (lib/client) uses it too.
 *
 * Two kinds of key, as ADR 0005 allows: ES256 (EC P-256) and EdDSA (OKP Ed25519).
 */
import { createECDH, createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { z } from "zod";
import { NodePublicJwk, type NodeKey } from "./node";

export type NodeKeyAlgorithm = "ES256" | "EdDSA";
export const NODE_KEY_ALGORITHMS: readonly NodeKeyAlgorithm[] = ["ES256", "EdDSA"];

/** A private key of a node, as a JWK: the public members and "d". */
export type NodePrivateJwk =
  | { kty: "EC"; crv: "P-256"; x: string; y: string; d: string; kid?: string }
  | { kty: "OKP"; crv: "Ed25519"; x: string; d: string; kid?: string };

/** Members that only a private (or symmetric) key has. A public key carrying one is refused. */
const PRIVATE_MEMBERS = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"] as const;

/** Members a public JWK may carry besides the key itself; read, checked and dropped. */
const METADATA_MEMBERS = new Set(["kid", "alg", "use", "key_ops"]);

const B64URL = /^[A-Za-z0-9_-]+$/;

/** Canonical unpadded base64url of exactly `bytes` bytes. */
function isBase64urlOf(value: string, bytes: number): boolean {
  if (!B64URL.test(value)) return false;
  const decoded = Buffer.from(value, "base64url");
  return decoded.length === bytes && decoded.toString("base64url") === value;
}

export function algorithmOf(jwk: { kty: string }): NodeKeyAlgorithm {
  return jwk.kty === "EC" ? "ES256" : "EdDSA";
}

/**
 * RFC 7638 JWK thumbprint (SHA-256, base64url) of a public key: the required members only, in
 * lexicographic order, no whitespace. EC: crv, kty, x, y; OKP (RFC 8037 §2): crv, kty, x.
 */
export function nodeKeyThumbprint(jwk: { kty: string; crv: string; x: string; y?: string }): string {
  const canonical =
    jwk.kty === "EC"
      ? JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y })
      : JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x });
  return createHash("sha256").update(canonical, "utf8").digest("base64url");
}

export type JwkCheck<T> = { ok: true; jwk: T; kid: string | null } | { ok: false; message: string };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Checks a public JWK for registration: EC P-256 or OKP Ed25519, no private member, metadata
 * (kid, alg, use, key_ops) consistent with a signing key of that type, coordinates canonical
 * base64url of the right length, and a key that Node's crypto actually imports (an EC point off
 * the curve is refused here). Answers the bare public key (NodePublicJwk) and the kid it stated.
 */
export function checkPublicJwk(input: unknown): JwkCheck<NodePublicJwk> {
  if (!isObject(input)) return { ok: false, message: "a public key must be a JWK: a JSON object" };
  const privateMember = PRIVATE_MEMBERS.find((m) => m in input);
  if (privateMember !== undefined) {
    return { ok: false, message: `this is a private key (it has "${privateMember}"): register the public key only, and keep the private key at the node` };
  }
  const bare: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) if (!METADATA_MEMBERS.has(k)) bare[k] = v;
  const parsed = NodePublicJwk.safeParse(bare);
  if (!parsed.success) {
    return { ok: false, message: 'not an ES256 or EdDSA public key: expected {"kty":"EC","crv":"P-256","x","y"} or {"kty":"OKP","crv":"Ed25519","x"} and nothing else' };
  }
  const jwk = parsed.data;
  const alg = algorithmOf(jwk);
  if (input.alg !== undefined && input.alg !== alg) return { ok: false, message: `the key says "alg": ${JSON.stringify(input.alg)}, but an ${jwk.kty} ${jwk.crv} key signs with ${alg}` };
  if (input.use !== undefined && input.use !== "sig") return { ok: false, message: `the key says "use": ${JSON.stringify(input.use)}; a node key is for signatures ("sig")` };
  if (input.key_ops !== undefined && !(Array.isArray(input.key_ops) && input.key_ops.includes("verify"))) {
    return { ok: false, message: 'the key\'s "key_ops" do not include "verify"' };
  }
  if (!isBase64urlOf(jwk.x, 32) || (jwk.kty === "EC" && !isBase64urlOf(jwk.y, 32))) {
    return { ok: false, message: "the key's coordinates are not canonical base64url of 32 bytes" };
  }
  try {
    createPublicKey({ key: jwk, format: "jwk" });
  } catch {
    return { ok: false, message: "the key does not import: for EC, the point is not on the P-256 curve" };
  }
  let kid: string | null = null;
  if (input.kid !== undefined) {
    if (typeof input.kid !== "string") return { ok: false, message: 'the key\'s "kid" must be a string' };
    kid = input.kid;
  }
  return { ok: true, jwk, kid };
}

const PrivateEc = z.object({ kty: z.literal("EC"), crv: z.literal("P-256"), x: z.string(), y: z.string(), d: z.string() });
const PrivateOkp = z.object({ kty: z.literal("OKP"), crv: z.literal("Ed25519"), x: z.string(), d: z.string() });

/**
 * Checks a private JWK a node signs with: EC P-256 or OKP Ed25519 with "d", whose public part
 * matches "d" (a key pasted together from two keys is refused). Other members (kid, alg, use)
 * are allowed; `kid`, if a string, is returned.
 */
export function checkPrivateJwk(input: unknown): JwkCheck<NodePrivateJwk> {
  if (!isObject(input)) return { ok: false, message: "a private key must be a JWK: a JSON object" };
  if (!("d" in input)) return { ok: false, message: 'this is not a private key (it has no "d")' };
  const ec = PrivateEc.safeParse(input);
  const okp = PrivateOkp.safeParse(input);
  const jwk: NodePrivateJwk | null = ec.success ? ec.data : okp.success ? okp.data : null;
  if (!jwk) return { ok: false, message: 'not an ES256 or EdDSA private key: expected {"kty":"EC","crv":"P-256","x","y","d"} or {"kty":"OKP","crv":"Ed25519","x","d"}' };
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: jwk, format: "jwk" });
  } catch {
    return { ok: false, message: "the private key does not import" };
  }
  // Derived from "d" alone: OpenSSL takes an EC key's x and y as given, so they are recomputed here.
  let derived: { x: string; y?: string };
  if (jwk.kty === "EC") {
    const ecdh = createECDH("prime256v1");
    try {
      ecdh.setPrivateKey(Buffer.from(jwk.d, "base64url"));
    } catch {
      return { ok: false, message: "the private key does not import" };
    }
    const point = ecdh.getPublicKey();
    derived = { x: point.subarray(1, 33).toString("base64url"), y: point.subarray(33, 65).toString("base64url") };
  } else {
    const pub = createPublicKey(key).export({ format: "jwk" });
    derived = { x: pub.x ?? "" };
  }
  if (derived.x !== jwk.x || (jwk.kty === "EC" && derived.y !== jwk.y)) return { ok: false, message: "the public members (x, y) do not belong to this private key" };
  return { ok: true, jwk, kid: typeof input.kid === "string" ? input.kid : null };
}

/** The public half of a private JWK (no kid, no metadata). */
export function publicJwkOf(jwk: NodePrivateJwk): NodePublicJwk {
  return jwk.kty === "EC" ? { kty: "EC", crv: "P-256", x: jwk.x, y: jwk.y } : { kty: "OKP", crv: "Ed25519", x: jwk.x };
}

export interface GeneratedNodeKey {
  alg: NodeKeyAlgorithm;
  /** RFC 7638 thumbprint of the public key. */
  kid: string;
  /** Includes `kid`, so a signer loaded from it names the key by itself. */
  privateJwk: NodePrivateJwk;
  publicJwk: NodePublicJwk;
}

/** A fresh key pair for a node (for tests, demos and nodes without their own key tooling). */
export function generateNodeKey(alg: NodeKeyAlgorithm = "ES256"): GeneratedNodeKey {
  const { privateKey } =
    alg === "ES256" ? generateKeyPairSync("ec", { namedCurve: "P-256" }) : generateKeyPairSync("ed25519");
  const exported = privateKey.export({ format: "jwk" });
  const privateJwk: NodePrivateJwk =
    alg === "ES256"
      ? { kty: "EC", crv: "P-256", x: exported.x!, y: exported.y!, d: exported.d! }
      : { kty: "OKP", crv: "Ed25519", x: exported.x!, d: exported.d! };
  const publicJwk = publicJwkOf(privateJwk);
  const kid = nodeKeyThumbprint(publicJwk);
  return { alg, kid, privateJwk: { ...privateJwk, kid }, publicJwk };
}

/**
 * Whether a registered key is accepted for requests at `now`: status "active" and, if it was
 * replaced with a grace period, not yet past `retiresAt`. Retired keys are never accepted.
 */
export function isKeyAccepted(key: NodeKey, now: Date): boolean {
  if (key.status !== "active") return false;
  return key.retiresAt === undefined || now.getTime() < Date.parse(key.retiresAt);
}
