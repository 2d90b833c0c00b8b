/**
 * Node request authentication over HTTP against the running portal (ADR 0005), signing as the
 * demo node with the key the embedded default wrote to <dataDir>/keys/demo-node.private.jwk, and
 * as nodes registered, suspended and rotated with the real CLI on the portal's data directory:
 * each refusal's own 401 code in problem+json, each refusal in the audit trail, replays, body
 * and size limits. The rate limit is tested on a second portal started with a small limit, so
 * that the shared one keeps the default for every other suite.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { readPrivateJwkFile } from "../../lib/client/node-key";
import { createRequestSigner, type RequestSigner } from "../../lib/client/request-signer";
import { generateNodeKey } from "../../lib/nodes/keys";

jest.setTimeout(180_000);

const ROOT = resolve(__dirname, "..", "..");
const WHOAMI = "/api/v1/whoami";

function env(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: the app-server globalSetup did not run`);
  return v;
}
const base = () => env("DONUM_TEST_BASE_URL");
const dataDir = () => env("DONUM_TEST_DATA_DIR");

/** The real operator CLI on the running portal's data directory. */
function donum(...args: string[]): string {
  const r = spawnSync(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "scripts/donum.ts"), ...args], {
    cwd: ROOT,
    env: { ...process.env, DONUM_DATA_DIR: dataDir() },
    input: "",
    encoding: "utf8",
    timeout: 60_000,
  });
  if (r.status !== 0) throw new Error(`donum ${args.join(" ")} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

function signerFromFile(nodeId: string, file: string, audience = base()): RequestSigner {
  return createRequestSigner({ nodeId, privateJwk: readPrivateJwkFile(file).privateJwk, audience });
}

interface Call {
  method?: string;
  path?: string;
  body?: string;
  /** Sign this instead of what is sent. */
  signed?: { method?: string; path?: string; body?: string; now?: Date };
  authorization?: string | null;
}

async function call(signer: RequestSigner | null, c: Call = {}, url = base()): Promise<Response> {
  const method = c.method ?? (c.body !== undefined ? "POST" : "GET");
  const path = c.path ?? WHOAMI;
  const authorization =
    c.authorization !== undefined
      ? c.authorization
      : signer!.sign({
          method: c.signed?.method ?? method,
          path: c.signed?.path ?? path,
          ...(c.signed && "body" in c.signed ? { body: c.signed.body } : c.body !== undefined ? { body: c.body } : {}),
          ...(c.signed?.now ? { now: c.signed.now } : {}),
        });
  return fetch(`${url}${path}`, {
    method,
    headers: { ...(authorization !== null ? { authorization } : {}), ...(c.body !== undefined ? { "content-type": "application/json" } : {}) },
    ...(c.body !== undefined ? { body: c.body } : {}),
  });
}

/** A 401 problem+json that says its code and title and nothing else. */
async function refusal(res: Response): Promise<string> {
  expect(res.status).toBe(401);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  expect(res.headers.get("www-authenticate")).toBe("DonumNode");
  expect(res.headers.get("cache-control")).toBe("no-store");
  const body = (await res.json()) as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(["code", "instance", "status", "title", "type"]);
  expect(body).toMatchObject({ status: 401, instance: WHOAMI });
  expect(body.type).toBe(`https://donum.eu/problems/${String(body.code).toLowerCase().replaceAll("_", "-")}`);
  return body.code as string;
}

let demo: RequestSigner;
let demoKeyD: string;
const seen = new Map<string, { nodeId: string | null; method: string }>();

async function expectRefused(res: Response, code: string, nodeId: string | null, method = "GET"): Promise<void> {
  expect(await refusal(res)).toBe(code);
  seen.set(code, { nodeId, method });
}

beforeAll(() => {
  const file = join(dataDir(), "keys", "demo-node.private.jwk");
  demo = signerFromFile("demo-node", file);
  demoKeyD = readPrivateJwkFile(file).privateJwk.d;
});

describe("the demo node, out of the box", () => {
  it("is who the portal says it is (GET /api/v1/whoami)", async () => {
    const res = await call(demo);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ nodeId: "demo-node", organisation: "Demo Imaging Node (development)", status: "active" });
  });

  it("signs a JSON body (POST /api/v1/whoami)", async () => {
    const res = await call(demo, { body: JSON.stringify({ hello: "Donum" }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ nodeId: "demo-node" });
  });

  it("signs with EdDSA as well as ES256 (a node registered with an Ed25519 key)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "donum-api-node-"));
    try {
      donum("nodes", "add", "--id", "api-eddsa-node", "--organisation", "EdDSA Hospital", "--country", "FR", "--type", "public", "--generate-key", join(dir, "k.jwk"), "--alg", "EdDSA");
      const signer = signerFromFile("api-eddsa-node", join(dir, "k.jwk"));
      expect(signer.alg).toBe("EdDSA");
      const res = await call(signer);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ nodeId: "api-eddsa-node", organisation: "EdDSA Hospital" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("every refusal has its own 401 code", () => {
  const work = mkdtempSync(join(tmpdir(), "donum-api-node-keys-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("NODE_AUTH_MISSING: no signature, another scheme, or a token that is not one", async () => {
    await expectRefused(await call(null, { authorization: null }), "NODE_AUTH_MISSING", null);
    await expectRefused(await call(null, { authorization: "Bearer abc" }), "NODE_AUTH_MISSING", null);
    await expectRefused(await call(null, { authorization: "DonumNode not-a-token" }), "NODE_AUTH_MISSING", null);
  });

  it("NODE_UNKNOWN: a node that is not registered", async () => {
    const stranger = createRequestSigner({ nodeId: "api-stranger", privateJwk: generateNodeKey("ES256").privateJwk, audience: base() });
    await expectRefused(await call(stranger), "NODE_UNKNOWN", "api-stranger");
  });

  it("NODE_SUSPENDED: a node the operator suspended; accepted again once reactivated", async () => {
    const key = join(work, "suspended.jwk");
    donum("nodes", "add", "--id", "api-suspended-node", "--organisation", "Suspended Hospital", "--country", "DE", "--type", "non_profit", "--generate-key", key);
    const signer = signerFromFile("api-suspended-node", key);
    expect((await call(signer)).status).toBe(200);
    donum("nodes", "suspend", "api-suspended-node");
    await expectRefused(await call(signer), "NODE_SUSPENDED", "api-suspended-node");
    donum("nodes", "activate", "api-suspended-node");
    expect((await call(signer)).status).toBe(200);
  });

  it("NODE_KEY_UNKNOWN: a retired key after rotation, and a key of another node", async () => {
    const first = join(work, "rotated-1.jwk");
    const second = join(work, "rotated-2.jwk");
    donum("nodes", "add", "--id", "api-rotated-node", "--organisation", "Rotating Hospital", "--country", "IT", "--type", "public", "--generate-key", first);
    const before = signerFromFile("api-rotated-node", first);
    expect((await call(before)).status).toBe(200);
    donum("nodes", "rotate-key", "api-rotated-node", "--generate-key", second);
    await expectRefused(await call(before), "NODE_KEY_UNKNOWN", "api-rotated-node");
    expect((await call(signerFromFile("api-rotated-node", second))).status).toBe(200);
    // The demo node's key, claimed by this node.
    const borrowed = createRequestSigner({ nodeId: "api-rotated-node", privateJwk: readPrivateJwkFile(join(dataDir(), "keys", "demo-node.private.jwk")).privateJwk, audience: base() });
    expect(await refusal(await call(borrowed))).toBe("NODE_KEY_UNKNOWN");
  });

  it("NODE_SIGNATURE_INVALID: a signature that does not verify", async () => {
    const auth = demo.sign({ method: "GET", path: WHOAMI });
    const [h, p, s] = auth.slice("DonumNode ".length).split(".") as [string, string, string];
    const flipped = `${s[0] === "A" ? "B" : "A"}${s.slice(1)}`;
    await expectRefused(await call(null, { authorization: `DonumNode ${h}.${p}.${flipped}` }), "NODE_SIGNATURE_INVALID", "demo-node");
    const none = Buffer.from(JSON.stringify({ alg: "none", kid: demo.kid, typ: "donum-node-request+jwt" })).toString("base64url");
    expect(await refusal(await call(null, { authorization: `DonumNode ${none}.${p}.` }))).toBe("NODE_SIGNATURE_INVALID");
  });

  it("NODE_REQUEST_MISMATCH: another path, query string, method or audience", async () => {
    await expectRefused(await call(demo, { path: `${WHOAMI}?a=2`, signed: { path: `${WHOAMI}?a=1` } }), "NODE_REQUEST_MISMATCH", "demo-node");
    expect(await refusal(await call(demo, { signed: { path: "/api/v1/decisions" } }))).toBe("NODE_REQUEST_MISMATCH");
    expect(await refusal(await call(demo, { signed: { method: "POST" } }))).toBe("NODE_REQUEST_MISMATCH");
    const elsewhere = signerFromFile("demo-node", join(dataDir(), "keys", "demo-node.private.jwk"), "https://donum.example.eu");
    expect(await refusal(await call(elsewhere))).toBe("NODE_REQUEST_MISMATCH");
  });

  it("NODE_REQUEST_EXPIRED: signed two minutes ago, or a minute ahead", async () => {
    await expectRefused(await call(demo, { signed: { now: new Date(Date.now() - 120_000) } }), "NODE_REQUEST_EXPIRED", "demo-node");
    expect(await refusal(await call(demo, { signed: { now: new Date(Date.now() + 60_000) } }))).toBe("NODE_REQUEST_EXPIRED");
  });

  it("NODE_BODY_MISMATCH: a body other than the one signed", async () => {
    await expectRefused(await call(demo, { body: JSON.stringify({ n: 2 }), signed: { body: JSON.stringify({ n: 1 }) } }), "NODE_BODY_MISMATCH", "demo-node", "POST");
  });

  it("NODE_REQUEST_REPLAYED: the same signed request twice, and of five at once exactly one gets through", async () => {
    const authorization = demo.sign({ method: "GET", path: WHOAMI });
    expect((await call(null, { authorization })).status).toBe(200);
    await expectRefused(await call(null, { authorization }), "NODE_REQUEST_REPLAYED", "demo-node");
    const again = demo.sign({ method: "GET", path: WHOAMI });
    const statuses = (await Promise.all(Array.from({ length: 5 }, () => call(null, { authorization: again })))).map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 401)).toHaveLength(4);
  });

  it("gave nine distinct codes", () => {
    expect([...seen.keys()].sort()).toEqual([
      "NODE_AUTH_MISSING",
      "NODE_BODY_MISMATCH",
      "NODE_KEY_UNKNOWN",
      "NODE_REQUEST_EXPIRED",
      "NODE_REQUEST_MISMATCH",
      "NODE_REQUEST_REPLAYED",
      "NODE_SIGNATURE_INVALID",
      "NODE_SUSPENDED",
      "NODE_UNKNOWN",
    ]);
  });
});

describe("limits", () => {
  it("413 PAYLOAD_TOO_LARGE above 64 KiB, before the signature is even looked at", async () => {
    const big = JSON.stringify({ pad: "x".repeat(64 * 1024) });
    const res = await call(demo, { body: big });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    const unsigned = await call(null, { body: big, authorization: null });
    expect(unsigned.status).toBe(413);
    const fits = JSON.stringify({ pad: "x".repeat(60 * 1024) });
    expect((await call(demo, { body: fits })).status).toBe(200);
  });

  it("400 INVALID_INPUT for a signed body that is not JSON", async () => {
    const res = await call(demo, { body: "not json" });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "INVALID_INPUT" });
  });
});

describe("the audit trail", () => {
  it("records every refusal as node.request_refused: the claimed node, the code, the method and the path, no query", () => {
    const listed = JSON.parse(donum("nodes", "refusals", "--json", "--since", "1h", "--limit", "1000")) as { code: string; nodeId: string | null; method: string; path: string }[];
    for (const [code, { nodeId, method }] of seen) {
      expect(listed).toContainEqual({ at: expect.any(String), code, nodeId, method, path: WHOAMI });
    }
    expect(listed).toContainEqual(expect.objectContaining({ code: "PAYLOAD_TOO_LARGE", nodeId: "demo-node", method: "POST" }));
    expect(listed.some((r) => r.path.includes("?"))).toBe(false);
    const onlyStranger = JSON.parse(donum("nodes", "refusals", "--json", "--node", "api-stranger")) as { nodeId: string }[];
    expect(onlyStranger.length).toBeGreaterThan(0);
    expect(onlyStranger.every((r) => r.nodeId === "api-stranger")).toBe(true);
  });

  it("the server log never holds the node's private key", () => {
    const log = process.env.DONUM_TEST_SERVER_LOG;
    if (log && existsSync(log)) expect(readFileSync(log, "utf8")).not.toContain(demoKeyD);
  });
});

describe("rate limit (a second portal, limited to a burst of 3 and 1 request per 5 s per node)", () => {
  let server: ChildProcess | null = null;
  let url: string;
  let dir: string;

  const freePort = () =>
    new Promise<number>((ok, fail) => {
      const srv = createServer();
      srv.on("error", fail);
      srv.listen(0, "127.0.0.1", () => {
        const address = srv.address();
        srv.close(() => ok(typeof address === "object" && address ? address.port : 0));
      });
    });

  beforeAll(async () => {
    if (!existsSync(join(ROOT, ".next", "BUILD_ID"))) throw new Error("no build in .next: run the API suite through npm test");
    const [port, idpPort] = [await freePort(), await freePort()];
    dir = mkdtempSync(join(tmpdir(), "donum-api-ratelimit-"));
    url = `http://127.0.0.1:${port}`;
    const childEnv: NodeJS.ProcessEnv = { ...process.env };
    for (const k of Object.keys(childEnv)) if (k.startsWith("DONUM_")) delete childEnv[k];
    Object.assign(childEnv, {
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DONUM_DATA_DIR: dir,
      DONUM_PUBLIC_URL: url,
      DONUM_DEV_IDP_PORT: String(idpPort),
      DONUM_NODE_RATE_PER_SECOND: "0.2",
      DONUM_NODE_RATE_BURST: "3",
    });
    const out = openSync(join(dir, "server.log"), "w");
    server = spawn(process.execPath, [join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], { cwd: ROOT, env: childEnv, stdio: ["ignore", out, out] });
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`the rate-limited portal exited: ${readFileSync(join(dir, "server.log"), "utf8")}`);
      try {
        if ((await fetch(`${url}/api/health`)).status === 200) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error("the rate-limited portal did not start");
      await new Promise((r) => setTimeout(r, 250));
    }
  });

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server!.once("exit", r));
      server.kill("SIGTERM");
      const timer = setTimeout(() => server!.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("answers 429 RATE_LIMITED with Retry-After in whole seconds once a node's burst is spent, per node", async () => {
    const signer = signerFromFile("demo-node", join(dir, "keys", "demo-node.private.jwk"), url);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await call(signer, {}, url)).status);
    expect(statuses).toEqual([200, 200, 200]);
    const limited = await call(signer, {}, url);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("content-type")).toBe("application/problem+json");
    const retryAfter = limited.headers.get("retry-after");
    expect(retryAfter).toMatch(/^[1-5]$/);
    expect(await limited.json()).toMatchObject({ status: 429, code: "RATE_LIMITED" });

    // Hammered: the bucket refills one token per 5 s, so nearly everything is refused.
    const burst = await Promise.all(Array.from({ length: 20 }, () => call(signer, {}, url)));
    expect(burst.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(19);
    for (const r of burst) if (r.status === 429) expect(r.headers.get("retry-after")).toMatch(/^\d+$/);
  });
});
