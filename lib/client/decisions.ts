/**
 * A node's calls to Donum's consent-check API: single and batch checks, and Donum's published
 * JWK Set. Small functions over fetch and the request signer; the SDK wraps them. Verify what
 * comes back with lib/client/verify.ts (verifyDecisionToken, verifyBatchItem) — the answer's
 * plain JSON copy of the claims is a convenience, the token is the evidence.
 */
import type { SingleCheckRequestInput, BatchCheckRequestInput } from "../decisions/schemas";
import type { BatchItem, DecisionClaims } from "../decisions/tokens";
import type { VerificationJwks } from "../crypto/jws";

export interface DonumApiClient {
  /** Donum's public URL, e.g. "https://donum.example.eu" (the same as the signer's audience). */
  baseUrl: string;
  /** What lib/client/request-signer.ts's createRequestSigner() returns: sign() gives the Authorization header value. */
  signer: { sign(input: { method: string; path: string; body?: string }): string };
  /** Default: the global fetch. */
  fetch?: typeof fetch;
}

/** An RFC 9457 problem+json answer (or any other non-2xx answer) from Donum. */
export class DonumApiError extends Error {
  constructor(
    readonly status: number,
    /** The problem document: { type, title, status, code, detail?, errors? }, or null if the body was not one. */
    readonly problem: { code?: string; title?: string; detail?: string; errors?: { path: string; message: string }[] } | null,
    /** Seconds to wait before trying again (Retry-After of a 429), or null. Sign the retry anew. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(`Donum answered ${status}${problem?.code ? ` ${problem.code}` : ""}: ${problem?.detail ?? problem?.title ?? "no details"}`);
    this.name = "DonumApiError";
  }
  get code(): string | undefined {
    return this.problem?.code;
  }
}

const trimBase = (url: string) => url.replace(/\/+$/, "");

/** Sends one signed request (a fresh signature each time, over the exact body sent) and parses the JSON answer. */
export async function callDonum<T>(client: DonumApiClient, method: "GET" | "POST", path: string, payload?: unknown): Promise<T> {
  const body = payload === undefined ? undefined : JSON.stringify(payload);
  const headers: Record<string, string> = {
    authorization: client.signer.sign({ method, path, ...(body !== undefined ? { body } : {}) }),
    accept: "application/json",
  };
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await (client.fetch ?? fetch)(`${trimBase(client.baseUrl)}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text.length > 0 ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) {
    const retryAfter = Number(res.headers.get("retry-after"));
    throw new DonumApiError(
      res.status,
      json && typeof json === "object" ? (json as DonumApiError["problem"]) : null,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
    );
  }
  return json as T;
}

export interface DecisionAnswer {
  /** Compact JWS, typ donum-decision+jwt: keep it as evidence. */
  token: string;
  decision: DecisionClaims;
}

export interface BatchAnswer {
  /** Compact JWS, typ donum-decision-batch+jwt: signs the Merkle root over the items. */
  token: string;
  /** items[i] answers subjects[i]; each verifies on its own with verifyBatchItem(token, item, jwks, …). */
  items: BatchItem[];
}

/** POST /api/v1/decisions: one subject. */
export function checkDecision(client: DonumApiClient, check: SingleCheckRequestInput): Promise<DecisionAnswer> {
  return callDonum<DecisionAnswer>(client, "POST", "/api/v1/decisions", check);
}

/** POST /api/v1/decisions/batch: up to MAX_BATCH_SUBJECTS (10,000) subjects under one request. */
export function checkDecisionBatch(client: DonumApiClient, check: BatchCheckRequestInput): Promise<BatchAnswer> {
  return callDonum<BatchAnswer>(client, "POST", "/api/v1/decisions/batch", check);
}

/** GET /.well-known/jwks.json (unauthenticated): the keys Donum's answers verify with. Keep a copy for offline checks. */
export async function fetchDonumJwks(baseUrl: string, fetchImpl: typeof fetch = fetch): Promise<VerificationJwks> {
  const res = await fetchImpl(`${trimBase(baseUrl)}/.well-known/jwks.json`, { headers: { accept: "application/jwk-set+json, application/json" } });
  if (!res.ok) throw new DonumApiError(res.status, null);
  return (await res.json()) as VerificationJwks;
}
