/**
 * The TypeScript SDK for imaging nodes: one object that signs every request, calls Donum's
 * consent-check API, and verifies every answer against Donum's published keys before handing
 * it over.
 *
 *   const donum = new DonumClient({ baseUrl: "http://localhost:3000", nodeId: "demo-node", privateJwk });
 *   const { decision, token } = await donum.check({ subject: { nationalId }, request, permitReference });
 *   if (decision.decision === "PERMIT") release(); // keep `token` as the evidence
 *
 * What it adds to the small functions it is built from (lib/client/request-signer.ts,
 * decisions.ts, feed.ts, verify.ts):
 *  - answers are verified, never just parsed: the signature against /.well-known/jwks.json, the
 *    type, the issuer (Donum's URL), the audience (this node), the expiry, and that the answer is
 *    about the request sent (the signed request hash is recomputed here). A batch is verified
 *    item by item against its one signed Merkle root. An answer that does not verify is an error
 *    (DonumVerificationError), never a decision;
 *  - the JWK Set is cached (5 minutes, Donum's Cache-Control max-age) and fetched again once when
 *    a token names a key it does not hold, so that a rotation of Donum's key needs nothing from
 *    the node;
 *  - a 429 is retried after its Retry-After (signed anew), a few times;
 *  - followFeed() polls the withdrawal feed and resumes from the last cursor until aborted.
 *
 * Errors: a non-2xx answer is a DonumApiError carrying the RFC 9457 problem (status, code,
 * title, detail, errors); an answer that does not verify is a DonumVerificationError; a network
 * failure is fetch's own TypeError. Node 20+ (global fetch, node:crypto); no Next.
 */
import { DecisionRequest } from "../consent/decision";
import { JWKS_MAX_AGE_SECONDS } from "../crypto/jwks";
import type { VerificationJwks } from "../crypto/jws";
import type { BatchCheckRequestInput, SingleCheckRequestInput } from "../decisions/schemas";
import { batchRequestHash, decisionRequestHash, decisionRequestHasher } from "../decisions/tokens";
import { normaliseAudience } from "../nodes/protocol";
import { callDonum, checkDecision, checkDecisionBatch, DonumApiError, fetchDonumJwks, type DonumApiClient } from "./decisions";
import { fetchFeedPage } from "./feed";
import { createRequestSigner, type RequestSigner } from "./request-signer";
import {
  verifyBatchItem,
  verifyBatchItems,
  verifyBatchToken,
  verifyDecisionToken,
  verifyFeedPage,
  type BatchClaims,
  type BatchItem,
  type BatchLeaf,
  type DecisionClaims,
  type FeedClaims,
  type Verified,
  type VerifiedBatch,
  type VerifiedBatchItem,
  type VerifyErrorCode,
} from "./verify";

export { DonumApiError };

/** Why an answer was not accepted: a verification code of lib/client/verify.ts, or REQUEST_MISMATCH. */
export type DonumVerificationCode = VerifyErrorCode | "REQUEST_MISMATCH";

/** An answer from Donum that does not verify. Nothing in it may be relied on. */
export class DonumVerificationError extends Error {
  constructor(
    readonly code: DonumVerificationCode,
    message: string,
    /** For a batch: the position of the first item that failed; null when the token itself failed. */
    readonly index: number | null = null,
  ) {
    super(`${code}: ${message}`);
    this.name = "DonumVerificationError";
  }
}

/** Where Donum's keys come from: a fixed JWK Set (offline), or a function that fetches it. */
export type JwksSource = VerificationJwks | (() => Promise<VerificationJwks>);

export interface DonumVerifierOptions {
  /** This node's id: every token must be issued to it (`aud`). */
  nodeId: string;
  /** Donum's public URL; when given, tokens from any other issuer are refused (`iss`). */
  issuer?: string;
  /** A JWK Set kept by the node (never fetched), or a function that fetches the current one. */
  keys: JwksSource;
  /** How long a fetched JWK Set is used before it is fetched again; default 300 s (Donum's max-age). */
  jwksMaxAgeSeconds?: number;
  /**
   * A token naming an unknown key makes the verifier fetch the set once more (a rotation); at most
   * once per this many milliseconds, so that tokens with made-up key ids cannot make it fetch on
   * every call. Default 10,000.
   */
  jwksRefetchCooldownMs?: number;
  /** The clock (default: the system clock): JWK Set cache age, and the time tokens are checked at. */
  now?: () => Date;
}

/** What a verified token was checked with. */
export interface VerifiedWith {
  /** The `kid` of Donum's key that signed it. */
  kid: string;
  alg: string;
}

/**
 * Verifies what Donum signs with a cached JWK Set that follows key rotation. Used by DonumClient;
 * usable on its own for offline checks (stored evidence, a regulator's copy).
 */
export class DonumVerifier {
  readonly nodeId: string;
  readonly issuer: string | undefined;
  private readonly source: JwksSource;
  private readonly maxAgeMs: number;
  private readonly cooldownMs: number;
  private readonly clock: () => Date;
  private cached: { jwks: VerificationJwks; fetchedAt: number } | null = null;
  private inflight: Promise<VerificationJwks> | null = null;
  private lastUnknownKidRefetch = Number.NEGATIVE_INFINITY;

  constructor(options: DonumVerifierOptions) {
    if (typeof options.nodeId !== "string" || options.nodeId.length === 0) throw new TypeError("DonumVerifier: nodeId is required");
    this.nodeId = options.nodeId;
    this.issuer = options.issuer === undefined ? undefined : normaliseAudience(options.issuer);
    this.source = options.keys;
    this.maxAgeMs = (options.jwksMaxAgeSeconds ?? JWKS_MAX_AGE_SECONDS) * 1000;
    this.cooldownMs = options.jwksRefetchCooldownMs ?? 10_000;
    this.clock = options.now ?? (() => new Date());
  }

  /** The JWK Set: the fixed one, the cached one while fresh, or a new fetch (one at a time). */
  async jwks(options: { refresh?: boolean } = {}): Promise<VerificationJwks> {
    const source = this.source;
    if (typeof source !== "function") return source;
    const now = this.clock().getTime();
    if (!options.refresh && this.cached && now - this.cached.fetchedAt < this.maxAgeMs) return this.cached.jwks;
    this.inflight ??= source().then(
      (jwks) => {
        this.cached = { jwks, fetchedAt: this.clock().getTime() };
        this.inflight = null;
        return jwks;
      },
      (error: unknown) => {
        this.inflight = null;
        throw error;
      },
    );
    return this.inflight;
  }

  /** Runs a check with the current keys; on UNKNOWN_KID fetches the set once more and runs it again. */
  private async withKeys<R extends { ok: true } | { ok: false; error: { code: string } }>(check: (jwks: VerificationJwks) => R): Promise<R> {
    const first = check(await this.jwks());
    if (first.ok || first.error.code !== "UNKNOWN_KID" || typeof this.source !== "function") return first;
    const now = this.clock().getTime();
    if (now - this.lastUnknownKidRefetch < this.cooldownMs) return first;
    this.lastUnknownKidRefetch = now;
    return check(await this.jwks({ refresh: true }));
  }

  private checkOptions(now?: Date) {
    return { audience: this.nodeId, now: now ?? this.clock(), ...(this.issuer !== undefined ? { issuer: this.issuer } : {}) };
  }

  /** A single decision token. `now`: the time to check it at (a stored token: the time of the release). */
  verifyDecision(token: string, options: { now?: Date } = {}): Promise<Verified<DecisionClaims>> {
    return this.withKeys((jwks) => verifyDecisionToken(token, jwks, this.checkOptions(options.now)));
  }

  /** The signed part of a batch answer alone (root, tree size, request hash). */
  verifyBatchToken(token: string, options: { now?: Date } = {}): Promise<Verified<BatchClaims>> {
    return this.withKeys((jwks) => verifyBatchToken(token, jwks, this.checkOptions(options.now)));
  }

  /** One item of a batch answer, on its own, against the batch token's signed root. */
  verifyBatchItem(token: string, item: unknown, options: { now?: Date } = {}): Promise<VerifiedBatchItem> {
    return this.withKeys((jwks) => verifyBatchItem(token, item, jwks, this.checkOptions(options.now)));
  }

  /** A whole batch answer: one signature check, every item, and completeness. */
  verifyBatchItems(token: string, items: readonly unknown[], options: { now?: Date } = {}): Promise<VerifiedBatch> {
    return this.withKeys((jwks) => verifyBatchItems(token, items, jwks, this.checkOptions(options.now)));
  }

  /**
   * A feed page. `after`: the position asked for (a page for another one is refused); omit it to
   * skip that check. `maxAgeSeconds`: refuse older pages (default 300; Infinity for a stored page).
   */
  verifyFeedPage(token: string, options: { after?: string | null; maxAgeSeconds?: number; now?: Date } = {}): Promise<Verified<FeedClaims>> {
    return this.withKeys((jwks) =>
      verifyFeedPage(token, jwks, {
        ...this.checkOptions(options.now),
        ...("after" in options ? { after: options.after ?? null } : {}),
        ...(options.maxAgeSeconds !== undefined ? { maxAgeSeconds: options.maxAgeSeconds } : {}),
      }),
    );
  }
}

export interface DonumClientOptions {
  /** Where Donum is reached, e.g. "https://donum.example.eu". */
  baseUrl: string;
  /** This node's registered id. */
  nodeId: string;
  /** This node's private key: a JWK (EC P-256 or OKP Ed25519, with "d"). See readPrivateJwkFile(). */
  privateJwk: unknown;
  /** The registered key id; default the JWK's "kid", else its RFC 7638 thumbprint. */
  kid?: string;
  /**
   * Donum's public URL (DONUM_PUBLIC_URL): signed into every request as `aud`, and required as
   * the `iss` of every answer. Default: baseUrl (set it when Donum is reached through another
   * address, e.g. a private endpoint).
   */
  publicUrl?: string;
  /** Verify offline with this JWK Set instead of fetching /.well-known/jwks.json. */
  jwks?: VerificationJwks;
  /** See DonumVerifierOptions. */
  jwksMaxAgeSeconds?: number;
  jwksRefetchCooldownMs?: number;
  /** How many times a 429 is retried after its Retry-After (each retry signed anew); default 3. 0 to never retry. */
  rateLimitRetries?: number;
  /** The longest Retry-After waited for, in seconds (default 30); a longer one is thrown as it is. */
  maxRetryAfterSeconds?: number;
  /** Default: the global fetch. */
  fetch?: typeof fetch;
  /** The clock (default: the system clock). */
  now?: () => Date;
}

/** A verified single decision. */
export interface CheckResult extends VerifiedWith {
  /** The compact JWS (typ donum-decision+jwt): keep it as the evidence of the release. */
  token: string;
  /** The claims read from the verified token (not the answer's plain copy). */
  decision: DecisionClaims;
}

/** A verified batch: the token, every item checked against its signed root, in subjects order. */
export interface BatchCheckResult extends VerifiedWith {
  /** The compact JWS (typ donum-decision-batch+jwt): keep it, with each item you rely on. */
  token: string;
  claims: BatchClaims;
  /** items[i] answers subjects[i]; each carries its inclusion proof and verifies on its own. */
  items: BatchItem[];
  /** The items without their proofs, as verified. */
  leaves: BatchLeaf[];
}

/** A verified feed page. */
export interface FeedPageResult extends VerifiedWith {
  token: string;
  page: FeedClaims;
}

export interface FollowFeedOptions {
  /** Resume after this cursor (the nextCursor stored after the last page acted on); default: the start. */
  after?: string | null;
  /** Items per page, 1–500 (default 100). */
  limit?: number;
  /** Stops following; the promise then resolves with the last cursor. */
  signal?: AbortSignal;
  /** Milliseconds between polls once caught up; default 5,000. */
  intervalMs?: number;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });

export class DonumClient {
  readonly baseUrl: string;
  readonly nodeId: string;
  /** Donum's public URL: the requests' `aud` and the answers' expected `iss`. */
  readonly publicUrl: string;
  /** Where the keys are fetched from, unless a JWK Set was given. */
  readonly jwksUrl: string;
  readonly verifier: DonumVerifier;
  private readonly signer: RequestSigner;
  private readonly api: DonumApiClient;
  private readonly retries: number;
  private readonly maxRetryAfter: number;

  constructor(options: DonumClientOptions) {
    if (typeof options.baseUrl !== "string" || !/^https?:\/\//.test(options.baseUrl)) {
      throw new TypeError("DonumClient: baseUrl must be Donum's http(s) address, e.g. https://donum.example.eu");
    }
    this.baseUrl = normaliseAudience(options.baseUrl);
    this.nodeId = options.nodeId;
    this.publicUrl = normaliseAudience(options.publicUrl ?? options.baseUrl);
    this.jwksUrl = `${this.baseUrl}/.well-known/jwks.json`;
    this.signer = createRequestSigner({
      nodeId: options.nodeId,
      privateJwk: options.privateJwk,
      audience: this.publicUrl,
      ...(options.kid !== undefined ? { kid: options.kid } : {}),
    });
    const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.api = { baseUrl: this.baseUrl, signer: this.signer, fetch: fetchImpl };
    this.verifier = new DonumVerifier({
      nodeId: options.nodeId,
      issuer: this.publicUrl,
      keys: options.jwks ?? (() => fetchDonumJwks(this.baseUrl, fetchImpl)),
      ...(options.jwksMaxAgeSeconds !== undefined ? { jwksMaxAgeSeconds: options.jwksMaxAgeSeconds } : {}),
      ...(options.jwksRefetchCooldownMs !== undefined ? { jwksRefetchCooldownMs: options.jwksRefetchCooldownMs } : {}),
      ...(options.now ? { now: options.now } : {}),
    });
    this.retries = options.rateLimitRetries ?? 3;
    this.maxRetryAfter = options.maxRetryAfterSeconds ?? 30;
  }

  /** The key id this client signs with (as registered for the node). */
  get kid(): string {
    return this.signer.kid;
  }

  /** Calls again after a 429's Retry-After; every call is signed anew by callDonum. */
  private async retrying<T>(call: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await call();
      } catch (e) {
        const wait = e instanceof DonumApiError && e.status === 429 ? (e.retryAfterSeconds ?? 1) : null;
        if (wait === null || attempt >= this.retries || wait > this.maxRetryAfter || signal?.aborted) throw e;
        await sleep(wait * 1000, signal);
        if (signal?.aborted) throw e;
      }
    }
  }

  /** GET /api/v1/whoami: which node Donum takes this client for (checks the key, the clock and the signing). */
  whoami(): Promise<{ nodeId: string; organisation: string; status: string }> {
    return this.retrying(() => callDonum(this.api, "GET", "/api/v1/whoami"));
  }

  /** Donum's JWK Set, as the verifier holds it (fetched if needed). */
  jwks(options: { refresh?: boolean } = {}): Promise<VerificationJwks> {
    return this.verifier.jwks(options);
  }

  /**
   * POST /api/v1/decisions, verified: signature and claims, and that the signed request hash is
   * the hash of the request sent. Throws DonumApiError (refused) or DonumVerificationError.
   */
  async check(input: SingleCheckRequestInput): Promise<CheckResult> {
    const answer = await this.retrying(() => checkDecision(this.api, input));
    const token = typeof answer?.token === "string" ? answer.token : "";
    const v = await this.verifier.verifyDecision(token);
    if (!v.ok) throw new DonumVerificationError(v.error.code, v.error.message);
    const request = DecisionRequest.safeParse(input.request);
    if (request.success) {
      const expected = decisionRequestHash({ nodeId: this.nodeId, subjectRef: v.claims.sub, request: request.data, permitReference: input.permitReference });
      if (v.claims.requestHash !== expected || v.claims.permitReference !== input.permitReference) {
        throw new DonumVerificationError("REQUEST_MISMATCH", "the signed decision answers another request than the one sent");
      }
    }
    return { token, decision: v.claims, kid: v.header.kid, alg: v.header.alg };
  }

  /**
   * POST /api/v1/decisions/batch (up to 10,000 subjects), verified: the one signature, every item
   * against the signed Merkle root, completeness (one item per subject, in order), and the request
   * hashes (of each item, and of the whole batch).
   */
  async checkBatch(input: BatchCheckRequestInput): Promise<BatchCheckResult> {
    const answer = await this.retrying(() => checkDecisionBatch(this.api, input));
    const token = typeof answer?.token === "string" ? answer.token : "";
    const items = Array.isArray(answer?.items) ? answer.items : [];
    const v = await this.verifier.verifyBatchItems(token, items);
    if (!v.ok) throw new DonumVerificationError(v.error.code, v.error.message, v.index);
    if (v.leaves.length !== input.subjects.length) {
      throw new DonumVerificationError("REQUEST_MISMATCH", `the batch answers ${v.leaves.length} subjects; ${input.subjects.length} were sent`);
    }
    const request = DecisionRequest.safeParse(input.request);
    if (request.success) {
      const args = { nodeId: this.nodeId, request: request.data, permitReference: input.permitReference };
      const hashOf = decisionRequestHasher(args);
      const wrong = v.leaves.findIndex((leaf) => leaf.requestHash !== hashOf(leaf.sub));
      if (wrong !== -1) throw new DonumVerificationError("REQUEST_MISMATCH", `item ${wrong} answers another request than the one sent`, wrong);
      if (v.claims.batch.requestHash !== batchRequestHash({ ...args, subjectRefs: v.leaves.map((l) => l.sub) })) {
        throw new DonumVerificationError("REQUEST_MISMATCH", "the signed batch answers another request than the one sent");
      }
    }
    return { token, claims: v.claims, items: items as BatchItem[], leaves: v.leaves, kid: v.header.kid, alg: v.header.alg };
  }

  /** A decision token (e.g. one stored as evidence), checked as of `now` (default: the current time). Never throws on a bad token. */
  verifyDecision(token: string, options: { now?: Date } = {}): Promise<Verified<DecisionClaims>> {
    return this.verifier.verifyDecision(token, options);
  }

  /** One item of a batch answer, on its own, against the batch token. Never throws on a bad token or item. */
  verifyBatchItem(token: string, item: unknown, options: { now?: Date } = {}): Promise<VerifiedBatchItem> {
    return this.verifier.verifyBatchItem(token, item, options);
  }

  /** A whole batch answer. Never throws on a bad token or item. */
  verifyBatchItems(token: string, items: readonly unknown[], options: { now?: Date } = {}): Promise<VerifiedBatch> {
    return this.verifier.verifyBatchItems(token, items, options);
  }

  /**
   * GET /api/v1/feed: one page of consent changes of the people this node has checked, verified
   * (signature, audience, freshness, and that it starts at `after`). Act on its items, then store
   * `page.nextCursor` and pass it as `after` next time.
   */
  async feed(options: { after?: string | null; limit?: number } = {}, signal?: AbortSignal): Promise<FeedPageResult> {
    const after = options.after ?? null;
    const answer = await this.retrying(
      () => fetchFeedPage(this.api, { after, ...(options.limit !== undefined ? { limit: options.limit } : {}) }),
      signal,
    );
    const token = typeof answer?.token === "string" ? answer.token : "";
    const v = await this.verifier.verifyFeedPage(token, { after });
    if (!v.ok) throw new DonumVerificationError(v.error.code, v.error.message);
    return { token, page: v.claims, kid: v.header.kid, alg: v.header.alg };
  }

  /**
   * Follows the feed until `signal` aborts: reads pages from `after`, hands each verified page to
   * `onPage` (awaited; act on it there — stop using the data of withdrawn and opted-out `sub`s),
   * moves on to its nextCursor, asks again at once while `hasMore`, and otherwise polls every
   * `intervalMs`. Resolves with the last cursor reached (store it; resume from it). If `onPage`
   * or a call throws, the promise rejects and the page is not counted as read: resuming from the
   * last cursor that was stored reads it again.
   */
  async followFeed(onPage: (page: FeedClaims, result: FeedPageResult) => void | Promise<void>, options: FollowFeedOptions = {}): Promise<string | null> {
    const { signal } = options;
    const interval = options.intervalMs ?? 5000;
    let after = options.after ?? null;
    while (!signal?.aborted) {
      let result: FeedPageResult;
      try {
        result = await this.feed({ after, ...(options.limit !== undefined ? { limit: options.limit } : {}) }, signal);
      } catch (e) {
        if (signal?.aborted) break;
        throw e;
      }
      if (signal?.aborted) break; // nothing is handed over after the signal
      await onPage(result.page, result);
      after = result.page.nextCursor ?? after;
      if (!result.page.hasMore) await sleep(interval, signal);
    }
    return after;
  }
}
