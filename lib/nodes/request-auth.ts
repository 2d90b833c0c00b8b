/**
 * Server side of node request authentication (ADR 0005): turns a request's Authorization header,
 * method, path and body bytes into the registered, active node that signed it — or one precise
 * refusal. Pure apart from two store reads/writes (the node, the replay cache); no Next.
 *
 * Checks, in this order (the first failure is the answer):
 *
 *   1. NODE_AUTH_MISSING       no "Authorization: DonumNode <jws>", or a token that is not three
 *                              base64url parts with a JSON header (typ donum-node-request+jwt,
 *                              a kid) and a JSON payload carrying every claim with its type
 *   2. NODE_UNKNOWN            `iss` names no registered node
 *   3. NODE_SUSPENDED          the node is suspended
 *   4. NODE_KEY_UNKNOWN        `kid` names no key of THIS node that is accepted now (another
 *                              node's key, a retired key or one past its grace are all unknown)
 *   5. NODE_SIGNATURE_INVALID  the strict JWS verifier (lib/crypto/jws.ts) refuses: alg "none",
 *                              HMAC or any alg but ES256/EdDSA, a key of the wrong type, crit,
 *                              or a signature that does not verify
 *   6. NODE_REQUEST_MISMATCH   aud ≠ Donum's public URL, htm ≠ method, htu ≠ path and query
 *   7. NODE_REQUEST_EXPIRED    exp − iat > 60 s or ≤ 0; iat more than 5 s in the future; now at
 *                              or after exp + 5 s
 *   8. NODE_BODY_MISMATCH      bdh ≠ base64url(SHA-256(body bytes))
 *   9. NODE_REQUEST_REPLAYED   the jti was already used by this node — checked last, so that a
 *                              request refused for any other reason does not use up its jti
 *
 * The jti is remembered (per node) until exp + 5 s: as long as the token could be accepted.
 *
 * A refusal is an AppError with the code and its title only (what problem+json shows); the
 * internal reason travels separately (`reason`) for debug logs and is never sent.
 */
import { verifyCompactJws } from "../crypto/jws";
import { AppError, type ErrorCode } from "../errors";
import type { NodeStore, ReplayStore } from "../store/ports";
import { isKeyAccepted } from "./keys";
import { NodeId, type ImagingNode } from "./node";
import {
  CLOCK_SKEW_SECONDS,
  MAX_REQUEST_LIFETIME_SECONDS,
  NODE_AUTH_SCHEME,
  NODE_REQUEST_TYP,
  bodyDigest,
  normaliseAudience,
  type NodeRequestClaims,
} from "./protocol";

export type NodeAuthCode = Extract<
  ErrorCode,
  | "NODE_AUTH_MISSING"
  | "NODE_UNKNOWN"
  | "NODE_SUSPENDED"
  | "NODE_KEY_UNKNOWN"
  | "NODE_SIGNATURE_INVALID"
  | "NODE_REQUEST_EXPIRED"
  | "NODE_REQUEST_REPLAYED"
  | "NODE_BODY_MISMATCH"
  | "NODE_REQUEST_MISMATCH"
>;

export const NODE_AUTH_CODES: readonly NodeAuthCode[] = [
  "NODE_AUTH_MISSING",
  "NODE_UNKNOWN",
  "NODE_SUSPENDED",
  "NODE_KEY_UNKNOWN",
  "NODE_SIGNATURE_INVALID",
  "NODE_REQUEST_MISMATCH",
  "NODE_REQUEST_EXPIRED",
  "NODE_BODY_MISMATCH",
  "NODE_REQUEST_REPLAYED",
];

/** A refused node request. The message is the code's title: nothing else reaches the caller. */
export class NodeAuthError extends AppError {
  constructor(
    code: NodeAuthCode,
    /** The node the request claimed to come from, when `iss` was a well-formed node id; unverified. */
    readonly nodeId: string | null,
    /** Why, for debug logs only: never sent to the caller. */
    readonly reason: string,
  ) {
    super(code);
    this.name = "NodeAuthError";
  }
}

export interface NodeRequestAuthInput {
  method: string;
  /** The path and query the request was made to, as the server's URL parser serialises them. */
  path: string;
  /** The Authorization header, or null. */
  authorization: string | null;
  /** The exact body bytes received (empty for none). */
  body: Uint8Array;
  now: Date;
  /** Donum's public URL (the expected `aud`). */
  audience: string;
  nodes: Pick<NodeStore, "get">;
  replays: ReplayStore;
}

export interface AuthenticatedNodeRequest {
  node: ImagingNode;
  /** The key that signed the request. */
  kid: string;
  claims: NodeRequestClaims;
}

/** Tokens are a few hundred bytes; anything much larger is not one. */
const MAX_TOKEN_LENGTH = 8 * 1024;
const B64URL_PART = /^[A-Za-z0-9_-]+$/;
const SCHEME = new RegExp(`^${NODE_AUTH_SCHEME} +([^ ]+)$`, "i");

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function decodeJsonPart(part: string): unknown {
  if (!B64URL_PART.test(part)) return undefined;
  const bytes = Buffer.from(part, "base64url");
  if (bytes.toString("base64url") !== part) return undefined;
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}

const isString = (v: unknown, max: number): v is string => typeof v === "string" && v.length > 0 && v.length <= max;
const isTime = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v) && v >= 0;

/** The claims, with each member of the right type, or null. Other members are ignored. */
function readClaims(payload: unknown): NodeRequestClaims | null {
  if (!isObject(payload)) return null;
  const { iss, aud, htm, htu, bdh, iat, exp, jti } = payload;
  if (!isString(iss, 200) || !isString(aud, 2000) || !isString(htm, 16) || !isString(htu, 8192)) return null;
  if (typeof bdh !== "string" || !/^[A-Za-z0-9_-]{43}$/.test(bdh)) return null;
  if (!isTime(iat) || !isTime(exp) || !isString(jti, 200)) return null;
  return { iss, aud, htm, htu, bdh, iat, exp, jti };
}

const normaliseTyp = (typ: string) => typ.toLowerCase().replace(/^application\//, "");

export async function authenticateNodeRequest(input: NodeRequestAuthInput): Promise<AuthenticatedNodeRequest> {
  let nodeId: string | null = null;
  const refuse = (code: NodeAuthCode, reason: string) => new NodeAuthError(code, nodeId, reason);

  // 1. Present and well formed.
  const header = input.authorization?.trim() ?? "";
  if (header === "") throw refuse("NODE_AUTH_MISSING", "no Authorization header");
  const match = SCHEME.exec(header);
  if (!match) throw refuse("NODE_AUTH_MISSING", `the Authorization scheme is not ${NODE_AUTH_SCHEME}`);
  const jws = match[1]!;
  if (jws.length > MAX_TOKEN_LENGTH) throw refuse("NODE_AUTH_MISSING", "the token is too long");
  const parts = jws.split(".");
  if (parts.length !== 3) throw refuse("NODE_AUTH_MISSING", "the token is not a compact JWS");
  const jose = decodeJsonPart(parts[0]!);
  if (!isObject(jose)) throw refuse("NODE_AUTH_MISSING", "the JWS header is not a base64url JSON object");
  if (typeof jose.typ !== "string" || normaliseTyp(jose.typ) !== NODE_REQUEST_TYP) throw refuse("NODE_AUTH_MISSING", "typ is not donum-node-request+jwt");
  if (!isString(jose.kid, 100)) throw refuse("NODE_AUTH_MISSING", "the JWS header names no key");
  const kid = jose.kid;
  const claims = readClaims(decodeJsonPart(parts[1]!));
  if (!claims) throw refuse("NODE_AUTH_MISSING", "the claims are missing or of the wrong type");

  // 2–3. A registered node, active. Only a well-formed id is looked up (and recorded).
  if (!NodeId.safeParse(claims.iss).success) throw refuse("NODE_UNKNOWN", "iss is not a node id");
  nodeId = claims.iss;
  const node = await input.nodes.get(claims.iss);
  if (!node) throw refuse("NODE_UNKNOWN", "no such node");
  if (node.status !== "active") throw refuse("NODE_SUSPENDED", "the node is suspended");

  // 4. One of this node's keys that is accepted now.
  const accepted = node.keys.filter((k) => isKeyAccepted(k, input.now));
  if (!accepted.some((k) => k.kid === kid)) throw refuse("NODE_KEY_UNKNOWN", "kid is not an accepted key of this node");

  // 5. The signature, by the strict verifier, against those keys only.
  const verified = verifyCompactJws(jws, { keys: accepted.map((k) => ({ ...k.jwk, kid: k.kid })) }, { typ: NODE_REQUEST_TYP });
  if (!verified.ok) {
    if (verified.error.code === "UNKNOWN_KID") throw refuse("NODE_KEY_UNKNOWN", verified.error.message);
    throw refuse("NODE_SIGNATURE_INVALID", `${verified.error.code}: ${verified.error.message}`);
  }

  // 6. Bound to this audience, method and path.
  if (normaliseAudience(claims.aud) !== normaliseAudience(input.audience)) throw refuse("NODE_REQUEST_MISMATCH", "aud");
  if (claims.htm !== input.method.toUpperCase()) throw refuse("NODE_REQUEST_MISMATCH", "htm");
  if (claims.htu !== input.path) throw refuse("NODE_REQUEST_MISMATCH", "htu");

  // 7. Valid now: at most 60 s long, with 5 s of skew each way.
  const nowSeconds = input.now.getTime() / 1000;
  const lifetime = claims.exp - claims.iat;
  if (lifetime <= 0 || lifetime > MAX_REQUEST_LIFETIME_SECONDS) throw refuse("NODE_REQUEST_EXPIRED", `exp - iat = ${lifetime} s`);
  if (claims.iat > nowSeconds + CLOCK_SKEW_SECONDS) throw refuse("NODE_REQUEST_EXPIRED", "iat is in the future");
  if (nowSeconds >= claims.exp + CLOCK_SKEW_SECONDS) throw refuse("NODE_REQUEST_EXPIRED", "expired");

  // 8. The body is the one signed.
  if (bodyDigest(input.body) !== claims.bdh) throw refuse("NODE_BODY_MISMATCH", "bdh");

  // 9. First use of this jti (by this node), remembered as long as the token could be accepted.
  const first = await input.replays.remember(`${node.id}:${claims.jti}`, new Date((claims.exp + CLOCK_SKEW_SECONDS) * 1000), input.now);
  if (!first) throw refuse("NODE_REQUEST_REPLAYED", "jti already used");

  return { node, kid, claims };
}

/**
 * The node a request claims to come from, read from its token WITHOUT verifying anything: only
 * for recording a refusal that happens before authentication (e.g. a body that is too large).
 * Null unless the claim is a well-formed node id.
 */
export function claimedNodeId(authorization: string | null): string | null {
  const match = SCHEME.exec(authorization?.trim() ?? "");
  const payload = match && match[1]!.length <= MAX_TOKEN_LENGTH ? match[1]!.split(".")[1] : undefined;
  const claims = payload === undefined ? undefined : decodeJsonPart(payload);
  const iss = isObject(claims) ? claims.iss : undefined;
  return typeof iss === "string" && NodeId.safeParse(iss).success ? iss : null;
}
