/**
 * The SDK's calls (lib/client/client.ts, DonumClient): every request signed for what is sent,
 * every answer verified before it is returned (signature, audience, issuer, and the request hash
 * of the request actually sent), a batch verified item by item against its signed root, problem
 * answers as DonumApiError, a 429 retried after its Retry-After, and followFeed() resuming from
 * its cursor and stopping on abort.
 *
 * "Donum" here is a stand-in, not the portal: a node:http server on 127.0.0.1 that reads the
 * node's signed request, answers with tokens signed by a local P-256 key through the same code
 * Donum signs with (signCompactJws, sealBatch, decisionRequestHash), and can be told to misbehave.
 * The real portal is exercised over HTTP in tests/api (decisions, feed, cli-check).
 */
import { createHash, generateKeyPairSync, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { DonumApiError, DonumClient, DonumVerificationError, type FeedClaims } from "../../lib/client";
import type { DecisionRequestInput } from "../../lib/consent/decision";
import { publishedJwks } from "../../lib/crypto/jwks";
import { signCompactJws } from "../../lib/crypto/jws";
import { createLocalSigner } from "../../lib/crypto/local-keys";
import { BatchCheckRequest, SingleCheckRequest } from "../../lib/decisions/schemas";
import {
  BATCH_TYP,
  batchRequestHash,
  DECISION_TYP,
  decisionRequestHash,
  FEED_TYP,
  sealBatch,
  type BatchLeaf,
  type FeedItem,
} from "../../lib/decisions/tokens";
import { bodyDigest } from "../../lib/nodes/protocol";
import { generateNodeKey } from "../../lib/nodes/keys";

const NODE = "uz-leuven";
const CONSENTING = "BE/BE/00000000097"; // the stand-in answers PERMIT for this one only
const CONSENT_ID = "6f1d3c2e-8a4b-4c5d-9e6f-0a1b2c3d4e5f";
const donumKey = createLocalSigner(generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey);
const nodeKey = generateNodeKey("ES256");

type Mode = "ok" | "answer-another-request" | "alter-first-item" | "rate-limit-once" | "feed-wrong-cursor";
let mode: Mode = "ok";
let server: Server;
let baseUrl: string;
const seen: { method: string; path: string; claims: Record<string, unknown> }[] = [];
let feedItems: FeedItem[] = [];

const refOf = (nationalId: string) => createHash("sha256").update(`${NODE}|${nationalId}`).digest("base64url").slice(0, 32);
const seconds = () => Math.floor(Date.now() / 1000);

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": status >= 400 ? "application/problem+json" : "application/json", ...headers });
  res.end(JSON.stringify(body));
}

const problem = (status: number, code: string, title: string, extra: object = {}) => ({
  type: `https://donum.eu/problems/${code.toLowerCase().replaceAll("_", "-")}`,
  title,
  status,
  code,
  ...extra,
});

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString("utf8");
  const method = req.method ?? "GET";
  const path = req.url ?? "/";
  if (path === "/.well-known/jwks.json") return send(res, 200, publishedJwks(donumKey));

  // The node's signed request: the stand-in reads the claims (the portal also verifies the signature).
  const auth = req.headers.authorization ?? "";
  const claims = JSON.parse(Buffer.from(auth.replace(/^DonumNode /, "").split(".")[1] ?? "", "base64url").toString("utf8") || "{}") as Record<string, unknown>;
  seen.push({ method, path, claims });
  if (claims.iss !== NODE || claims.aud !== baseUrl || claims.htm !== method || claims.htu !== path || claims.bdh !== bodyDigest(body)) {
    return send(res, 401, problem(401, "NODE_REQUEST_MISMATCH", "The signed request is for another audience, method or path"), { "www-authenticate": "DonumNode" });
  }
  if (mode === "rate-limit-once") {
    mode = "ok";
    return send(res, 429, problem(429, "RATE_LIMITED", "Too many requests", { detail: "Too many requests from this node; retry after 1 s." }), { "retry-after": "1" });
  }
  const iat = seconds();
  const common = { iss: baseUrl, aud: NODE, iat, jti: randomUUID() };

  if (method === "GET" && path === "/api/v1/whoami") return send(res, 200, { nodeId: NODE, organisation: "UZ Leuven", status: "active" });

  if (method === "POST" && path === "/api/v1/decisions") {
    const parsed = SingleCheckRequest.safeParse(JSON.parse(body));
    if (!parsed.success) {
      return send(res, 400, problem(400, "INVALID_INPUT", "The request is not valid", { errors: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) }));
    }
    const { subject, request, permitReference } = parsed.data;
    const sub = refOf(subject.nationalId);
    const permit = subject.nationalId === CONSENTING;
    const claims = {
      ...common,
      sub,
      exp: iat + 900,
      decision: permit ? "PERMIT" : "DENY",
      reasons: permit ? [] : [{ code: "NO_CONSENT" }],
      consentId: permit ? CONSENT_ID : null,
      consentVersion: permit ? 1 : null,
      formVersion: permit ? 1 : null,
      evaluatedAt: new Date(iat * 1000).toISOString(),
      requestHash: decisionRequestHash({
        nodeId: NODE,
        subjectRef: sub,
        request,
        permitReference: mode === "answer-another-request" ? `${permitReference}-other` : permitReference,
      }),
      permitReference,
    };
    const token = await signCompactJws(donumKey, claims, { typ: DECISION_TYP });
    return send(res, 200, { token, decision: claims });
  }

  if (method === "POST" && path === "/api/v1/decisions/batch") {
    const { subjects, request, permitReference } = BatchCheckRequest.parse(JSON.parse(body));
    const leaves: BatchLeaf[] = subjects.map((s, index) => {
      const sub = refOf(s.nationalId);
      const permit = s.nationalId === CONSENTING;
      return {
        index,
        sub,
        decision: permit ? "PERMIT" : "DENY",
        reasons: permit ? [] : [{ code: "NO_CONSENT" }],
        consentId: permit ? CONSENT_ID : null,
        consentVersion: permit ? 1 : null,
        formVersion: permit ? 1 : null,
        requestHash: decisionRequestHash({ nodeId: NODE, subjectRef: sub, request, permitReference }),
      };
    });
    const sealed = sealBatch(leaves);
    const batchClaims = {
      ...common,
      exp: iat + 900,
      batch: {
        treeSize: sealed.treeSize,
        rootHash: sealed.rootHash,
        requestHash: batchRequestHash({ nodeId: NODE, subjectRefs: leaves.map((l) => l.sub), request, permitReference }),
        permitReference,
        evaluatedAt: new Date(iat * 1000).toISOString(),
      },
    };
    const items = sealed.items;
    if (mode === "alter-first-item") items[0] = { ...items[0]!, decision: "PERMIT", reasons: [] };
    return send(res, 200, { token: await signCompactJws(donumKey, batchClaims, { typ: BATCH_TYP }), items });
  }

  if (method === "GET" && path.startsWith("/api/v1/feed")) {
    const query = new URL(path, baseUrl).searchParams;
    const after = query.get("after");
    const limit = Number(query.get("limit") ?? 100);
    const waiting = feedItems.filter((i) => after === null || i.seq > Number(after));
    const items = waiting.slice(0, limit);
    const page: FeedClaims = {
      ...common,
      items,
      cursor: mode === "feed-wrong-cursor" ? "0" : after,
      nextCursor: items.length > 0 ? String(items.at(-1)!.seq) : after,
      hasMore: waiting.length > items.length,
    };
    return send(res, 200, { token: await signCompactJws(donumKey, page, { typ: FEED_TYP }), page });
  }
  return send(res, 404, problem(404, "NOT_FOUND", "Not found"));
}

beforeAll(async () => {
  server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => send(res, 500, problem(500, "INTERNAL", String(e))));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  mode = "ok";
  seen.length = 0;
  feedItems = [];
});

const donum = (over: Partial<ConstructorParameters<typeof DonumClient>[0]> = {}) =>
  new DonumClient({ baseUrl, nodeId: NODE, privateJwk: nodeKey.privateJwk, ...over });

const request: DecisionRequestInput = {
  dataCategories: ["imaging.ct", "report.radiology"],
  purpose: { code: "DS", disease: "MONDO:0008903" },
  aiUse: "AI_TRAINING",
  recipient: { organisation: "  KU Leuven ", type: "public", country: "BE" }, // trimmed by Donum, and so in the request hash
};

describe("check()", () => {
  it("answers the verified claims of a PERMIT, with the key that signed it, for a request signed for exactly what was sent", async () => {
    const result = await donum().check({ subject: { nationalId: CONSENTING }, request, permitReference: "P-2026-001" });
    expect(result.decision).toMatchObject({ decision: "PERMIT", reasons: [], aud: NODE, iss: baseUrl, consentId: CONSENT_ID, permitReference: "P-2026-001" });
    expect(result.kid).toBe(donumKey.kid);
    expect(result.alg).toBe("ES256");
    expect(result.token.split(".")).toHaveLength(3);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: "POST", path: "/api/v1/decisions", claims: { iss: NODE, aud: baseUrl, htm: "POST", htu: "/api/v1/decisions" } });
  });

  it("answers a DENY with its reasons (a DENY is an answer, not an error)", async () => {
    const result = await donum().check({ subject: { nationalId: "BE/BE/00000000196" }, request, permitReference: "P-2026-001" });
    expect(result.decision.decision).toBe("DENY");
    expect(result.decision.reasons).toEqual([{ code: "NO_CONSENT" }]);
    expect(result.decision.sub).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it("refuses a signed answer to another request than the one sent (REQUEST_MISMATCH)", async () => {
    mode = "answer-another-request";
    const error = await donum()
      .check({ subject: { nationalId: CONSENTING }, request, permitReference: "P-2026-001" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DonumVerificationError);
    expect(error).toMatchObject({ code: "REQUEST_MISMATCH" });
  });

  it("refuses an answer signed with a key Donum does not publish", async () => {
    const error = await donum({ jwks: publishedJwks(createLocalSigner(generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey)) })
      .check({ subject: { nationalId: CONSENTING }, request, permitReference: "P-2026-001" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DonumVerificationError);
    expect(error).toMatchObject({ code: "UNKNOWN_KID" });
  });

  it("throws a problem answer as DonumApiError with its status, code, title and field errors", async () => {
    const error = await donum()
      .check({ subject: { nationalId: CONSENTING }, request: { ...request, dataCategories: ["imaging.xray" as "imaging.ct"] }, permitReference: "P-2026-001" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DonumApiError);
    const e = error as DonumApiError;
    expect(e.status).toBe(400);
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.problem?.title).toBe("The request is not valid");
    expect(e.problem?.errors?.[0]?.path).toBe("request.dataCategories.0");
  });

  it("signs for the public URL, not the address it calls, when they differ", async () => {
    const error = await donum({ publicUrl: "https://donum.example.eu" })
      .check({ subject: { nationalId: CONSENTING }, request, permitReference: "P-2026-001" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401, code: "NODE_REQUEST_MISMATCH" });
    expect(seen[0]!.claims.aud).toBe("https://donum.example.eu");
  });
});

describe("rate limiting", () => {
  it("waits for Retry-After and sends the request again, signed anew", async () => {
    mode = "rate-limit-once";
    const started = Date.now();
    const who = await donum().whoami();
    expect(who.nodeId).toBe(NODE);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(seen).toHaveLength(2);
    expect(seen[0]!.claims.jti).not.toBe(seen[1]!.claims.jti);
  });

  it("throws the 429 with its Retry-After when retries are off", async () => {
    mode = "rate-limit-once";
    const error = await donum({ rateLimitRetries: 0 })
      .whoami()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DonumApiError);
    expect(error).toMatchObject({ status: 429, code: "RATE_LIMITED", retryAfterSeconds: 1 });
  });
});

describe("checkBatch()", () => {
  const subjects = [{ nationalId: "BE/BE/00000000196" }, { nationalId: CONSENTING }, { nationalId: "BE/BE/00000000295" }];

  it("answers every item verified against the one signed root, in subjects order", async () => {
    const result = await donum().checkBatch({ subjects, request, permitReference: "P-2026-001" });
    expect(result.claims.batch.treeSize).toBe(3);
    expect(result.leaves.map((l) => l.decision)).toEqual(["DENY", "PERMIT", "DENY"]);
    expect(result.items.map((i) => i.index)).toEqual([0, 1, 2]);
    expect(result.kid).toBe(donumKey.kid);
    // Each item verifies on its own, later, with the token alone.
    const one = await donum().verifyBatchItem(result.token, result.items[1]);
    expect(one.ok && one.leaf.decision).toBe("PERMIT");
    const altered = await donum().verifyBatchItem(result.token, { ...result.items[0]!, decision: "PERMIT", reasons: [] });
    expect(altered.ok ? "verified" : altered.error.code).toBe("NOT_INCLUDED");
  });

  it("refuses the whole answer when an item was altered, naming its position", async () => {
    mode = "alter-first-item";
    const error = await donum()
      .checkBatch({ subjects, request, permitReference: "P-2026-001" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DonumVerificationError);
    expect(error).toMatchObject({ code: "NOT_INCLUDED", index: 0 });
  });
});

describe("feed() and followFeed()", () => {
  const item = (seq: number, change: FeedItem["change"] = "withdrawn"): FeedItem => ({
    seq,
    sub: refOf(`BE/BE/${seq}`),
    change,
    at: new Date().toISOString(),
    consentVersion: 2,
  });

  it("answers a verified page that starts where it was asked to", async () => {
    feedItems = [item(3, "granted"), item(7), item(9, "opted_out")];
    const first = await donum().feed({ limit: 2 });
    expect(first.page.items.map((i) => i.seq)).toEqual([3, 7]);
    expect(first.page).toMatchObject({ cursor: null, nextCursor: "7", hasMore: true });
    const second = await donum().feed({ after: first.page.nextCursor, limit: 2 });
    expect(second.page.items.map((i) => i.seq)).toEqual([9]);
    expect(second.page.hasMore).toBe(false);
    expect(seen.map((s) => s.path)).toEqual(["/api/v1/feed?limit=2", "/api/v1/feed?after=7&limit=2"]);
  });

  it("refuses a page for another position than the one asked for", async () => {
    mode = "feed-wrong-cursor";
    const error = await donum()
      .feed({ after: "5" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "DonumVerificationError", code: "CURSOR_MISMATCH" });
  });

  it("follows the feed from a stored cursor, reads on while hasMore, polls when caught up, and stops on abort with the last cursor", async () => {
    feedItems = [item(1, "granted"), item(2), item(4), item(5)];
    const controller = new AbortController();
    const read: number[] = [];
    const pages: FeedClaims[] = [];
    const followed = donum().followFeed(
      async (page) => {
        pages.push(page);
        read.push(...page.items.map((i) => i.seq));
        if (read.includes(5) && !read.includes(8)) feedItems.push(item(8, "opted_out")); // a change arrives while following
        if (read.includes(8)) controller.abort();
      },
      { after: "1", limit: 2, intervalMs: 20, signal: controller.signal },
    );
    await expect(followed).resolves.toBe("8");
    expect(read).toEqual([2, 4, 5, 8]);
    expect(pages[0]).toMatchObject({ cursor: "1", hasMore: true });
    expect(pages[1]).toMatchObject({ cursor: "4", hasMore: false });
  });

  it("stops at once when aborted while waiting, and answers where it stopped", async () => {
    const controller = new AbortController();
    const followed = donum().followFeed(() => undefined, { after: "12", intervalMs: 60_000, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    await expect(followed).resolves.toBe("12");
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
