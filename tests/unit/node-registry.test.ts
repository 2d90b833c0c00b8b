/**
 * The node registry's use cases on a real SQLite store: registration with strict key checks,
 * listing, suspension, key rotation (at once and with a grace period), and the audit entry
 * written with each change.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Actor, AuditEntry } from "../../lib/audit/events";
import { AppError } from "../../lib/errors";
import { generateNodeKey, nodeKeyThumbprint } from "../../lib/nodes/keys";
import { getNode, keyState, listNodes, MAX_KEYS_PER_NODE, registerNode, rotateNodeKey, setNodeStatus } from "../../lib/nodes/registry";
import type { Stores } from "../../lib/store/ports";
import { createSqliteStores } from "../../lib/store/sqlite";
import type { UseCaseDeps } from "../../lib/usecases/deps";
import { T0 } from "../support/fixtures";

const operator: Actor = { kind: "operator", id: "cli:tester" };
const citizen: Actor = { kind: "subject", subjectKey: "a".repeat(64) };

const dir = mkdtempSync(join(tmpdir(), "donum-node-registry-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
let stores: Stores;
let deps: UseCaseDeps;
let now: Date;

beforeEach(() => {
  stores = createSqliteStores(join(dir, `registry-${n++}.db`));
  now = T0;
  deps = { stores, now: () => now, newId: randomUUID };
});
afterEach(async () => {
  await stores.close();
});

const valid = (over: Record<string, unknown> = {}) => ({
  id: "uz-leuven",
  organisation: "UZ Leuven",
  country: "BE",
  organisationType: "public",
  publicJwk: generateNodeKey("ES256").publicJwk,
  ...over,
});

async function auditTrail(): Promise<AuditEntry[]> {
  return (await stores.audit.listByTime(new Date(0), new Date(T0.getTime() + 365 * 86400_000))).items;
}

async function issues(promise: Promise<unknown>): Promise<{ code: string; paths: string[]; messages: string[] }> {
  const e = await promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (x: unknown) => x,
  );
  if (!(e instanceof AppError)) throw e;
  return { code: e.code, paths: e.issues.map((i) => i.path), messages: e.issues.map((i) => i.message) };
}

describe("registerNode", () => {
  it("stores the node, active, with its key under the RFC 7638 thumbprint, and audits it in the same write", async () => {
    const key = generateNodeKey("EdDSA");
    const node = await registerNode(deps, operator, valid({ publicJwk: key.publicJwk }));
    expect(node).toMatchObject({ id: "uz-leuven", status: "active", version: 1, createdAt: T0.toISOString(), keys: [{ kid: key.kid, jwk: key.publicJwk, status: "active" }] });
    expect(await stores.nodes.get("uz-leuven")).toEqual(node);
    const [entry] = await auditTrail();
    expect(entry).toMatchObject({
      type: "node.registered",
      actor: operator,
      subjectKey: null,
      data: { nodeId: "uz-leuven", organisation: "UZ Leuven", country: "BE", organisationType: "public", keyIds: [key.kid] },
    });
  });

  it("takes a kid given, or the one the JWK states", async () => {
    expect((await registerNode(deps, operator, valid({ id: "node-one", kid: "2026-01" }))).keys[0]!.kid).toBe("2026-01");
    const jwk = { ...(generateNodeKey("ES256").publicJwk as { kty: "EC"; crv: "P-256"; x: string; y: string }), kid: "from-jwk", use: "sig", alg: "ES256" };
    const node = await registerNode(deps, operator, valid({ id: "node-two", publicJwk: jwk }));
    expect(node.keys[0]).toMatchObject({ kid: "from-jwk", jwk: { kty: "EC", crv: "P-256", x: jwk.x, y: jwk.y } });
    expect(Object.keys(node.keys[0]!.jwk).sort()).toEqual(["crv", "kty", "x", "y"]);
  });

  it.each([
    ["a private key", () => valid({ publicJwk: generateNodeKey("ES256").privateJwk }), "publicJwk", /private key/],
    ["no key", () => valid({ publicJwk: undefined }), "publicJwk", /JSON object/],
    ["a point off the curve", () => valid({ publicJwk: { ...generateNodeKey("ES256").publicJwk, y: Buffer.alloc(32, 1).toString("base64url") } }), "publicJwk", /does not import/],
    ["an id with capitals", () => valid({ id: "UZ-Leuven" }), "id", /lower-case/],
    ["a short id", () => valid({ id: "ab" }), "id", /3–63/],
    ["a lower-case country", () => valid({ country: "be" }), "country", /alpha-2/],
    ["an unknown type", () => valid({ organisationType: "hospital" }), "organisationType", /./],
    ["an empty organisation", () => valid({ organisation: "  " }), "organisation", /./],
    ["a kid with spaces", () => valid({ kid: "my key" }), "kid", /letters, digits/],
  ])("refuses %s as INVALID_INPUT on that field, writing nothing", async (_what, make, path, message) => {
    const r = await issues(registerNode(deps, operator, make()));
    expect(r.code).toBe("INVALID_INPUT");
    expect(r.paths).toContain(path);
    expect(r.messages[r.paths.indexOf(path)]).toMatch(message);
    expect(await stores.nodes.list()).toEqual([]);
    expect(await auditTrail()).toEqual([]);
  });

  it("refuses an id that is taken (NODE_EXISTS), also when two registrations race", async () => {
    await registerNode(deps, operator, valid());
    await expect(registerNode(deps, operator, valid())).rejects.toMatchObject({ code: "NODE_EXISTS" });
    const results = await Promise.allSettled([registerNode(deps, operator, valid({ id: "race-node" })), registerNode(deps, operator, valid({ id: "race-node" }))]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "NODE_EXISTS" } });
  });

  it("refuses a public key already registered for another node", async () => {
    const key = generateNodeKey("ES256");
    await registerNode(deps, operator, valid({ id: "node-one", publicJwk: key.publicJwk }));
    const r = await issues(registerNode(deps, operator, valid({ id: "node-two", publicJwk: { ...key.publicJwk, kid: "other" } })));
    expect(r).toMatchObject({ code: "INVALID_INPUT", paths: ["publicJwk"], messages: [expect.stringMatching(/another node/)] });
  });

  it("is for operators (and the system) only", async () => {
    await expect(registerNode(deps, citizen, valid())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(registerNode(deps, { kind: "node", nodeId: "x" }, valid())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(registerNode(deps, { kind: "system", component: "first-start" }, valid())).resolves.toMatchObject({ id: "uz-leuven" });
    await expect(listNodes(deps, citizen)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("listNodes and getNode", () => {
  it("lists by id; an unknown or malformed id is NODE_NOT_FOUND", async () => {
    await registerNode(deps, operator, valid({ id: "zz-node" }));
    await registerNode(deps, operator, valid({ id: "aa-node" }));
    expect((await listNodes(deps, operator)).map((x) => x.id)).toEqual(["aa-node", "zz-node"]);
    await expect(getNode(deps, operator, "no-such-node")).rejects.toMatchObject({ code: "NODE_NOT_FOUND" });
    await expect(getNode(deps, operator, "../x")).rejects.toMatchObject({ code: "NODE_NOT_FOUND" });
  });
});

describe("setNodeStatus", () => {
  it("suspends and reactivates, each with a node.status_changed entry; the same status again writes nothing", async () => {
    await registerNode(deps, operator, valid());
    now = new Date(T0.getTime() + 1000);
    const suspended = await setNodeStatus(deps, operator, { id: "uz-leuven", status: "suspended" });
    expect(suspended).toMatchObject({ changed: true, node: { status: "suspended", version: 2, updatedAt: now.toISOString() } });
    expect(await setNodeStatus(deps, operator, { id: "uz-leuven", status: "suspended" })).toMatchObject({ changed: false });
    await setNodeStatus(deps, operator, { id: "uz-leuven", status: "active" });
    expect((await stores.nodes.get("uz-leuven"))!.status).toBe("active");
    const trail = await auditTrail();
    expect(trail.map((e) => e.type)).toEqual(["node.registered", "node.status_changed", "node.status_changed"]);
    expect(trail.slice(1).map((e) => e.data)).toEqual([{ nodeId: "uz-leuven", status: "suspended" }, { nodeId: "uz-leuven", status: "active" }]);
  });

  it("refuses an unknown node and an unknown status", async () => {
    await expect(setNodeStatus(deps, operator, { id: "no-such-node", status: "suspended" })).rejects.toMatchObject({ code: "NODE_NOT_FOUND" });
    expect((await issues(setNodeStatus(deps, operator, { id: "uz-leuven", status: "deleted" }))).paths).toEqual(["status"]);
  });
});

describe("rotateNodeKey", () => {
  it("adds the new key and retires the previous one at once", async () => {
    const first = generateNodeKey("ES256");
    const second = generateNodeKey("EdDSA");
    await registerNode(deps, operator, valid({ publicJwk: first.publicJwk }));
    now = new Date(T0.getTime() + 60_000);
    const r = await rotateNodeKey(deps, operator, { id: "uz-leuven", publicJwk: second.publicJwk });
    expect(r).toMatchObject({ addedKeyId: second.kid, retiredKeyIds: [first.kid], retiresAt: null });
    expect(r.node.keys.map((k) => [k.kid, k.status])).toEqual([
      [first.kid, "retired"],
      [second.kid, "active"],
    ]);
    expect(r.node.version).toBe(2);
    expect((await auditTrail()).at(-1)).toMatchObject({ type: "node.key_rotated", data: { nodeId: "uz-leuven", addedKeyId: second.kid, retiredKeyIds: [first.kid] } });
  });

  it("with a grace period, keeps accepting the previous key until then, and records it retired at the next rotation", async () => {
    const [k1, k2, k3] = [generateNodeKey("ES256"), generateNodeKey("ES256"), generateNodeKey("ES256")];
    await registerNode(deps, operator, valid({ publicJwk: k1.publicJwk }));
    const r = await rotateNodeKey(deps, operator, { id: "uz-leuven", publicJwk: k2.publicJwk, graceSeconds: 3600 });
    const until = new Date(T0.getTime() + 3_600_000).toISOString();
    expect(r.retiresAt).toBe(until);
    const old = r.node.keys[0]!;
    expect(old).toMatchObject({ kid: k1.kid, status: "active", retiresAt: until });
    expect(keyState(old, new Date(T0.getTime() + 3_599_999))).toEqual({ state: "retiring", until });
    expect(keyState(old, new Date(T0.getTime() + 3_600_000))).toEqual({ state: "retired", until: null });
    now = new Date(T0.getTime() + 7_200_000);
    const r2 = await rotateNodeKey(deps, operator, { id: "uz-leuven", publicJwk: k3.publicJwk });
    expect(r2.retiredKeyIds).toEqual([k2.kid]);
    expect(r2.node.keys.map((k) => k.status)).toEqual(["retired", "retired", "active"]);
  });

  it("a second rotation within the grace keeps the earlier end for keys already retiring", async () => {
    const [k1, k2, k3] = [generateNodeKey("ES256"), generateNodeKey("ES256"), generateNodeKey("ES256")];
    await registerNode(deps, operator, valid({ publicJwk: k1.publicJwk }));
    await rotateNodeKey(deps, operator, { id: "uz-leuven", publicJwk: k2.publicJwk, graceSeconds: 600 });
    const r = await rotateNodeKey(deps, operator, { id: "uz-leuven", publicJwk: k3.publicJwk, graceSeconds: 3600 });
    expect(r.node.keys.map((k) => k.retiresAt)).toEqual([new Date(T0.getTime() + 600_000).toISOString(), new Date(T0.getTime() + 3_600_000).toISOString(), undefined]);
  });

  it("never takes back a key the node had, nor reuses a kid, nor takes another node's key", async () => {
    const [k1, k2] = [generateNodeKey("ES256"), generateNodeKey("ES256")];
    await registerNode(deps, operator, valid({ publicJwk: k1.publicJwk }));
    await registerNode(deps, operator, valid({ id: "other-node", publicJwk: k2.publicJwk }));
    await rotateNodeKey(deps, operator, { id: "uz-leuven", publicJwk: generateNodeKey("ES256").publicJwk });
    expect((await issues(rotateNodeKey(deps, operator, { id: "uz-leuven", publicJwk: k1.publicJwk }))).messages[0]).toMatch(/already registered for this node/);
    expect((await issues(rotateNodeKey(deps, operator, { id: "uz-leuven", publicJwk: generateNodeKey("ES256").publicJwk, kid: k1.kid }))).paths).toEqual(["kid"]);
    expect((await issues(rotateNodeKey(deps, operator, { id: "uz-leuven", publicJwk: k2.publicJwk }))).messages[0]).toMatch(/another node/);
    expect((await issues(rotateNodeKey(deps, operator, { id: "uz-leuven", publicJwk: generateNodeKey("ES256").publicJwk, graceSeconds: 8 * 86400 }))).paths).toEqual(["graceSeconds"]);
    await expect(rotateNodeKey(deps, operator, { id: "no-such-node", publicJwk: generateNodeKey("ES256").publicJwk })).rejects.toMatchObject({ code: "NODE_NOT_FOUND" });
  });

  it(`keeps at most ${MAX_KEYS_PER_NODE} keys, dropping the oldest retired ones`, async () => {
    const first = generateNodeKey("EdDSA");
    await registerNode(deps, operator, valid({ publicJwk: first.publicJwk }));
    let last = first;
    for (let i = 0; i < MAX_KEYS_PER_NODE + 3; i++) {
      last = generateNodeKey("EdDSA");
      await rotateNodeKey(deps, operator, { id: "uz-leuven", publicJwk: last.publicJwk });
    }
    const node = await getNode(deps, operator, "uz-leuven");
    expect(node.keys).toHaveLength(MAX_KEYS_PER_NODE);
    expect(node.keys.at(-1)!.kid).toBe(last.kid);
    expect(node.keys.map((k) => k.kid)).not.toContain(first.kid);
    expect(node.keys.filter((k) => k.status === "active").map((k) => nodeKeyThumbprint(k.jwk))).toEqual([last.kid]);
  });
});
