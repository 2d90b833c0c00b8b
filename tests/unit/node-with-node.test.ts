/**
 * withNode's pipeline (handleNodeRequest) on a real SQLite store: body limit before anything
 * else, authentication, the audit entry of each refusal, the rate limit with Retry-After, the
 * JSON body, and what a refusal response does and does not say.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AuditEntry } from "../../lib/audit/events";
import { createRequestSigner } from "../../lib/client/request-signer";
import { AppError } from "../../lib/errors";
import { generateNodeKey } from "../../lib/nodes/keys";
import { createRateLimiter } from "../../lib/nodes/rate-limit";
import { registerNode } from "../../lib/nodes/registry";
import { DEFAULT_NODE_MAX_BODY_BYTES, handleNodeRequest, type NodeRouteContext, type NodeRouteOptions } from "../../lib/nodes/with-node";
import type { Container } from "../../lib/server/container";
import type { Stores } from "../../lib/store/ports";
import { createSqliteStores } from "../../lib/store/sqlite";
import type { UseCaseDeps } from "../../lib/usecases/deps";

const AUD = "http://127.0.0.1:3999";
const key = generateNodeKey("ES256");
const signer = createRequestSigner({ nodeId: "node-a", privateJwk: key.privateJwk, audience: AUD });

const dir = mkdtempSync(join(tmpdir(), "donum-with-node-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
let stores: Stores;
let container: Container;
let logs: { level: string; msg: string; fields?: Record<string, unknown> }[];

beforeEach(async () => {
  stores = createSqliteStores(join(dir, `w-${n++}.db`));
  const deps: UseCaseDeps = { stores, now: () => new Date(), newId: randomUUID };
  logs = [];
  const log = Object.fromEntries(["debug", "info", "warn", "error"].map((level) => [level, (msg: string, fields?: Record<string, unknown>) => logs.push({ level, msg, fields })]));
  container = { config: { publicUrl: AUD, nodeRateLimit: { ratePerSecond: 200, burst: 400 } }, log, stores, deps } as unknown as Container;
  await registerNode(deps, { kind: "operator", id: "test" }, { id: "node-a", organisation: "A", country: "BE", organisationType: "public", publicJwk: key.publicJwk });
});
afterEach(async () => {
  await stores.close();
});

type Seen = Omit<NodeRouteContext<unknown>, "container" | "request" | "params">;

async function call(
  init: { method?: string; path?: string; body?: string | ReadableStream<Uint8Array>; authorization?: string | null; headers?: Record<string, string> },
  options: NodeRouteOptions = {},
  limiter = createRateLimiter({ ratePerSecond: 200, burst: 400 }),
): Promise<{ res: Response; seen: Seen | null }> {
  let seen: Seen | null = null;
  const method = init.method ?? "POST";
  const path = init.path ?? "/api/v1/echo?x=1";
  const body = init.body ?? (method === "GET" ? undefined : "{}");
  const authorization =
    init.authorization === undefined ? signer.sign({ method, path, ...(typeof body === "string" ? { body } : {}) }) : init.authorization;
  const request = new Request(`${AUD}${path}`, {
    method,
    headers: { ...(authorization !== null ? { authorization } : {}), ...init.headers },
    ...(body !== undefined ? { body, duplex: "half" } : {}),
  } as RequestInit);
  const res = await handleNodeRequest({ container, limiter }, options, async ({ node, actor, body: parsed, bodyBytes }) => {
    seen = { node, actor, body: parsed, bodyBytes };
    return Response.json({ ok: true });
  }, request, {});
  return { res, seen };
}

async function refusals(): Promise<Extract<AuditEntry, { type: "node.request_refused" }>[]> {
  const { items } = await stores.audit.listByTime(new Date(0), new Date(Date.now() + 1000));
  return items.filter((e): e is Extract<AuditEntry, { type: "node.request_refused" }> => e.type === "node.request_refused");
}

describe("an authenticated request", () => {
  it("reaches the handler with the node, the node actor, the parsed body and its bytes; the answer is not cached", async () => {
    const body = JSON.stringify({ items: [1, 2, 3] });
    const { res, seen } = await call({ body });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(seen!.node.id).toBe("node-a");
    expect(seen!.actor).toEqual({ kind: "node", nodeId: "node-a" });
    expect(seen!.body).toEqual({ items: [1, 2, 3] });
    expect(Buffer.from(seen!.bodyBytes).toString()).toBe(body);
    expect(await refusals()).toEqual([]);
  });

  it("a GET has no body (undefined)", async () => {
    const { res, seen } = await call({ method: "GET" });
    expect(res.status).toBe(200);
    expect(seen!.body).toBeUndefined();
    expect(seen!.bodyBytes.byteLength).toBe(0);
  });

  it("a body that is not JSON is 400 INVALID_INPUT, after authentication", async () => {
    const { res, seen } = await call({ body: "not json" });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "INVALID_INPUT" });
    expect(seen).toBeNull();
  });

  it("an error in the handler becomes problem+json", async () => {
    const request = new Request(`${AUD}/api/v1/x`, { method: "GET", headers: { authorization: signer.sign({ method: "GET", path: "/api/v1/x" }) } });
    const res = await handleNodeRequest({ container, limiter: createRateLimiter() }, {}, async () => {
      throw new AppError("NODE_NOT_FOUND");
    }, request, {});
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
  });
});

describe("refusals", () => {
  it("401 problem+json with the code and title only, WWW-Authenticate, and an audit entry without query or body", async () => {
    const { res, seen } = await call({ body: '{"national":"secret-85073003328"}', authorization: signer.sign({ method: "POST", path: "/api/v1/echo?x=1", body: "{}" }) });
    expect(seen).toBeNull();
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.get("www-authenticate")).toBe("DonumNode");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const problem = (await res.json()) as Record<string, unknown>;
    expect(problem).toEqual({
      type: "https://donum.eu/problems/node-body-mismatch",
      title: "The request body does not match the signed body digest",
      status: 401,
      code: "NODE_BODY_MISMATCH",
      instance: "/api/v1/echo",
    });
    const [entry, ...more] = await refusals();
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ actor: { kind: "system", component: "node-request-auth" }, subjectKey: null, data: { nodeId: "node-a", code: "NODE_BODY_MISMATCH", method: "POST", path: "/api/v1/echo" } });
    expect(JSON.stringify(entry)).not.toContain("85073003328");
    expect(logs.find((l) => l.msg === "node request refused")).toMatchObject({ level: "debug", fields: { code: "NODE_BODY_MISMATCH", node: "node-a" } });
  });

  it("records a request with no signature at all with no node", async () => {
    const { res } = await call({ authorization: null });
    expect(await res.json()).toMatchObject({ code: "NODE_AUTH_MISSING" });
    expect((await refusals())[0]!.data).toEqual({ nodeId: null, code: "NODE_AUTH_MISSING", method: "POST", path: "/api/v1/echo" });
  });

  it("413 before authentication when Content-Length says too much, recorded with the node it claims", async () => {
    const big = "x".repeat(2000);
    const { res } = await call({ body: big, authorization: signer.sign({ method: "POST", path: "/api/v1/echo?x=1", body: big }) }, { maxBodyBytes: 1000 });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: "PAYLOAD_TOO_LARGE", detail: "The request body may be at most 0.98 KiB." });
    expect((await refusals())[0]!.data).toMatchObject({ nodeId: "node-a", code: "PAYLOAD_TOO_LARGE" });
  });

  it("413 while reading a body sent without Content-Length, reading at most 1 MiB past the limit (dropped, not kept)", async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024));
        if (pulled > 100) controller.close();
      },
    });
    const { res } = await call({ body: stream, authorization: null });
    expect(res.status).toBe(413);
    // The rest is read and dropped so that the connection stays usable (lib/http/body.ts), up to 1 MiB.
    expect(pulled * 64 * 1024).toBeLessThanOrEqual(DEFAULT_NODE_MAX_BODY_BYTES + 1024 * 1024 + 3 * 64 * 1024);
    expect(pulled).toBeLessThan(100);
  });

  it("the default body limit is 64 KiB", async () => {
    const fits = JSON.stringify({ a: "x".repeat(64 * 1024 - 10) });
    expect((await call({ body: fits })).res.status).toBe(200);
    const over = JSON.stringify({ a: "x".repeat(64 * 1024) });
    expect((await call({ body: over })).res.status).toBe(413);
  });

  it("the refusal stands when its audit entry cannot be written (and the failure is logged)", async () => {
    stores.audit.append = async () => {
      throw new Error("disk full");
    };
    const { res } = await call({ authorization: "DonumNode x.y.z" });
    expect(res.status).toBe(401);
    expect(logs.find((l) => l.level === "error")).toMatchObject({ msg: "could not record a refused node request" });
  });
});

describe("rate limit", () => {
  it("429 RATE_LIMITED with Retry-After in whole seconds, per node, not audited, logged once per run", async () => {
    const limiter = createRateLimiter({ ratePerSecond: 0.5, burst: 2 });
    expect((await call({}, {}, limiter)).res.status).toBe(200);
    expect((await call({}, {}, limiter)).res.status).toBe(200);
    const { res, seen } = await call({}, {}, limiter);
    expect(seen).toBeNull();
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("2");
    expect(await res.json()).toMatchObject({ code: "RATE_LIMITED", status: 429 });
    expect((await call({}, {}, limiter)).res.status).toBe(429);
    expect(await refusals()).toEqual([]);
    expect(logs.filter((l) => l.msg === "node rate limit reached")).toHaveLength(1);
  });

  it("charges what `cost` says for the body", async () => {
    const limiter = createRateLimiter({ ratePerSecond: 1, burst: 10 });
    const options: NodeRouteOptions = { cost: (body) => (body as { items: unknown[] }).items.length };
    expect((await call({ body: JSON.stringify({ items: Array(8).fill(0) }) }, options, limiter)).res.status).toBe(200);
    const { res } = await call({ body: JSON.stringify({ items: Array(5).fill(0) }) }, options, limiter);
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("3");
  });

  it("counts only authenticated requests: refused ones do not use up a node's budget", async () => {
    const limiter = createRateLimiter({ ratePerSecond: 0.001, burst: 1 });
    for (let i = 0; i < 5; i++) expect((await call({ authorization: "DonumNode a.b.c" }, {}, limiter)).res.status).toBe(401);
    expect((await call({}, {}, limiter)).res.status).toBe(200);
  });
});
