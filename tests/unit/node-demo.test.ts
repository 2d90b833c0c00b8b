/**
 * The demo node of the embedded default, and the private-key files it (and the CLI's
 * --generate-key) writes: 0600, never overwritten, the same key for processes starting together.
 */
import { randomUUID } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequestSigner } from "../../lib/client/request-signer";
import { NodeKeyFileError, readPrivateJwkFile, writePrivateJwkFile } from "../../lib/client/node-key";
import { DEMO_NODE, DEMO_NODE_ID, demoNodeKeyPath, ensureDemoNode } from "../../lib/nodes/demo";
import { generateNodeKey, nodeKeyThumbprint, publicJwkOf } from "../../lib/nodes/keys";
import type { Stores } from "../../lib/store/ports";
import { createSqliteStores } from "../../lib/store/sqlite";
import { defaultDeps } from "../../lib/usecases/deps";

let dir: string;
const opened: Stores[] = [];
const open = (file = join(dir, "donum.db")) => {
  const stores = createSqliteStores(file);
  opened.push(stores);
  return stores;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "donum-demo-node-"));
});
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
  rmSync(dir, { recursive: true, force: true });
});

const keysDir = () => join(dir, "keys");
const embedded = () => ({ mode: "embedded" as const, keysDir: keysDir() });
const mode = (file: string) => statSync(file).mode & 0o777;

describe("ensureDemoNode", () => {
  it("registers demo-node with the public half of a new ES256 key written to keys/demo-node.private.jwk (0600)", async () => {
    const stores = open();
    await expect(ensureDemoNode(defaultDeps(stores), embedded())).resolves.toBe("created");
    const file = demoNodeKeyPath(keysDir());
    expect(file).toBe(join(keysDir(), "demo-node.private.jwk"));
    expect(mode(file)).toBe(0o600);
    const { privateJwk, kid } = readPrivateJwkFile(file);
    expect(privateJwk.kty).toBe("EC");
    const node = await stores.nodes.get(DEMO_NODE_ID);
    expect(node).toMatchObject({ ...DEMO_NODE, status: "active", keys: [{ kid, jwk: publicJwkOf(privateJwk), status: "active" }] });
    expect(DEMO_NODE).toEqual({ id: "demo-node", organisation: "Demo Imaging Node (development)", country: "BE", organisationType: "public" });
    const trail = (await stores.audit.listByTime(new Date(0), new Date(Date.now() + 1000))).items;
    expect(trail.filter((e) => e.type === "node.registered")).toMatchObject([{ actor: { kind: "system", component: "first-start" }, data: { nodeId: "demo-node" } }]);
    // The key signs as the node: the signer names the registered key by itself.
    expect(createRequestSigner({ nodeId: DEMO_NODE_ID, privateJwk, audience: "http://localhost:3000" }).kid).toBe(node!.keys[0]!.kid);
  });

  it("is idempotent across restarts: same node, same key file, no second audit entry", async () => {
    const stores = open();
    await ensureDemoNode(defaultDeps(stores), embedded());
    const before = readPrivateJwkFile(demoNodeKeyPath(keysDir()));
    await expect(ensureDemoNode(defaultDeps(stores), embedded())).resolves.toBe("exists");
    expect(readPrivateJwkFile(demoNodeKeyPath(keysDir()))).toEqual(before);
    const trail = (await stores.audit.listByTime(new Date(0), new Date(Date.now() + 1000))).items;
    expect(trail.filter((e) => e.type === "node.registered")).toHaveLength(1);
  });

  it("agrees on one node and one key when several processes start together", async () => {
    const results = await Promise.all([open(), open(), open()].map((s) => ensureDemoNode(defaultDeps(s), embedded())));
    expect(results.filter((r) => r === "created").length).toBeGreaterThanOrEqual(1);
    for (const r of results) expect(["created", "exists"]).toContain(r);
    const node = await opened[0]!.nodes.get(DEMO_NODE_ID);
    const { privateJwk } = readPrivateJwkFile(demoNodeKeyPath(keysDir()));
    expect(node!.keys.map((k) => nodeKeyThumbprint(k.jwk))).toEqual([nodeKeyThumbprint(publicJwkOf(privateJwk))]);
    expect(readdirSync(keysDir())).toEqual(["demo-node.private.jwk"]);
  });

  it("never runs in production mode", async () => {
    const stores = open();
    await expect(ensureDemoNode(defaultDeps(stores), { mode: "production", keysDir: keysDir() })).resolves.toBe("skipped-production");
    expect(await stores.nodes.list()).toEqual([]);
    expect(existsSync(keysDir())).toBe(false);
  });

  it("registers the key already on disk when the database is new, and says so when the file no longer fits", async () => {
    const key = generateNodeKey("ES256");
    writePrivateJwkFile(demoNodeKeyPath(keysDir()), key.privateJwk);
    const stores = open();
    await ensureDemoNode(defaultDeps(stores), embedded());
    expect((await stores.nodes.get(DEMO_NODE_ID))!.keys[0]!.kid).toBe(key.kid);

    unlinkSync(demoNodeKeyPath(keysDir()));
    const warnings: string[] = [];
    const log = { debug() {}, info() {}, error() {}, warn: (m: string) => warnings.push(m) };
    await expect(ensureDemoNode(defaultDeps(stores), embedded(), log)).resolves.toBe("exists-key-missing");
    expect(existsSync(demoNodeKeyPath(keysDir()))).toBe(false);
    writePrivateJwkFile(demoNodeKeyPath(keysDir()), generateNodeKey("ES256").privateJwk);
    await expect(ensureDemoNode(defaultDeps(stores), embedded(), log)).resolves.toBe("exists-other-key");
    expect(warnings).toHaveLength(2);
  });
});

describe("private key files", () => {
  it("round-trip, mode 0600, and are never overwritten", () => {
    const file = join(dir, "sub", "node.private.jwk");
    const key = generateNodeKey("EdDSA");
    expect(writePrivateJwkFile(file, key.privateJwk)).toBe(true);
    expect(mode(file)).toBe(0o600);
    const { kid: _kid, ...bare } = key.privateJwk;
    expect(readPrivateJwkFile(file)).toEqual({ privateJwk: bare, kid: key.kid });
    expect(writePrivateJwkFile(file, generateNodeKey("EdDSA").privateJwk)).toBe(false);
    expect(readPrivateJwkFile(file).kid).toBe(key.kid);
    // No temporary file is left behind.
    expect(readdirSync(join(dir, "sub"))).toEqual(["node.private.jwk"]);
  });

  it.each([
    ["readable by others", (f: string) => { writePrivateJwkFile(f, generateNodeKey("ES256").privateJwk); chmodSync(f, 0o644); }, /readable by other users.*chmod 600/],
    ["missing", () => undefined, /cannot be read \(ENOENT\)/],
    ["not JSON", (f: string) => // A PEM header (split so that the file is not mistaken for key material) is not a JWK.
      writeFileSync(f, "-----BEGIN " + "PRIVATE KEY-----", { mode: 0o600 }), /not JSON/],
    ["a public key", (f: string) => writeFileSync(f, JSON.stringify(generateNodeKey("ES256").publicJwk), { mode: 0o600 }), /no "d"/],
  ])("are refused when %s", (_what, prepare, message) => {
    const file = join(dir, `${randomUUID()}.jwk`);
    prepare(file);
    expect(() => readPrivateJwkFile(file)).toThrow(NodeKeyFileError);
    expect(() => readPrivateJwkFile(file)).toThrow(message);
  });
});
