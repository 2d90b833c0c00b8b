/**
 * The operator CLI's node commands (`npm run donum -- nodes …`), run for real as child processes
 * on a fresh data directory: the demo node of the first start, add with a key file or a generated
 * key, the refusals (private key, taken id, bad input, existing key file), suspend/activate,
 * rotate-key with and without grace, refusals listing, usage errors and help.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { readPrivateJwkFile } from "../../lib/client/node-key";
import { generateNodeKey, publicJwkOf } from "../../lib/nodes/keys";

const ROOT = resolve(__dirname, "../..");

jest.setTimeout(120_000);

let dataDir: string;
let work: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function donum(args: string[], env: Record<string, string> = {}): Run {
  const childEnv = { ...process.env };
  for (const k of Object.keys(childEnv)) if (k.startsWith("DONUM_")) delete childEnv[k];
  Object.assign(childEnv, { DONUM_DATA_DIR: dataDir }, env);
  const r = spawnSync(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "scripts/donum.ts"), ...args], {
    cwd: ROOT,
    env: childEnv,
    input: "",
    encoding: "utf8",
    timeout: 55_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function ok(args: string[]): string {
  const r = donum(args);
  if (r.code !== 0) throw new Error(`donum ${args.join(" ")} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

interface ListedNode {
  id: string;
  status: string;
  organisation: string;
  country: string;
  organisationType: string;
  keys: { kid: string; state: string; alg: string; retiresAt?: string }[];
}
const list = () => JSON.parse(ok(["nodes", "list", "--json"])) as ListedNode[];
const node = (id: string) => list().find((n) => n.id === id);

const add = (id: string, key: string[], extra: string[] = []) =>
  donum(["nodes", "add", "--id", id, "--organisation", `Hospital ${id}`, "--country", "NL", "--type", "non_profit", ...key, ...extra]);

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), "donum-cli-nodes-data-"));
  work = mkdtempSync(join(tmpdir(), "donum-cli-nodes-work-"));
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe("nodes list", () => {
  it("shows the demo node of the first start, with the key in data/keys/demo-node.private.jwk", () => {
    const out = ok(["nodes", "list"]);
    expect(out).toMatch(/^ID\s+STATUS\s+COUNTRY\s+TYPE\s+ORGANISATION\s+KEYS$/m);
    expect(out).toMatch(/^demo-node\s+active\s+BE\s+public\s+Demo Imaging Node \(development\)\s+\S+ \(ES256, active\)$/m);
    const demo = node("demo-node")!;
    const file = join(dataDir, "keys", "demo-node.private.jwk");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const { kid } = readPrivateJwkFile(file);
    expect(demo.keys).toEqual([expect.objectContaining({ kid, state: "active", alg: "ES256" })]);
  });
});

describe("nodes add", () => {
  it("registers a node from a public JWK file", () => {
    const key = generateNodeKey("EdDSA");
    const file = join(work, "a.public.jwk");
    writeFileSync(file, JSON.stringify(key.publicJwk));
    const out = ok(["nodes", "add", "--id", "umc-utrecht", "--organisation", "UMC Utrecht", "--country", "NL", "--type", "public", "--public-key", file]);
    expect(out).toContain("Registered node umc-utrecht (UMC Utrecht, NL, public): active");
    expect(out).toContain(`Keys: ${key.kid} (EdDSA, active)`);
    expect(node("umc-utrecht")).toMatchObject({ status: "active", organisation: "UMC Utrecht", organisationType: "public", keys: [{ kid: key.kid, state: "active" }] });
  });

  it("generates a key pair with --generate-key: the private key to the file (0600), the public key registered", () => {
    const out = join(work, "gen.private.jwk");
    const r = add("gen-node", ["--generate-key", out], ["--json"]);
    expect(r.code).toBe(0);
    const registered = JSON.parse(r.stdout) as ListedNode & { keys: { jwk: unknown }[] };
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const { privateJwk, kid } = readPrivateJwkFile(out);
    expect(registered.keys[0]).toMatchObject({ kid, jwk: publicJwkOf(privateJwk), alg: "ES256" });
    expect(r.stdout).not.toContain(privateJwk.d);
  });

  it("refuses a private key file, naming the field (exit 1, INVALID_INPUT), and registers nothing", () => {
    const file = join(work, "private.jwk");
    writeFileSync(file, JSON.stringify(generateNodeKey("ES256").privateJwk));
    const r = add("bad-key-node", ["--public-key", file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error INVALID_INPUT: .*publicJwk: this is a private key/m);
    expect(node("bad-key-node")).toBeUndefined();
  });

  it("refuses a taken id (NODE_EXISTS) and removes the key file it generated for it", () => {
    const out = join(work, "dup.private.jwk");
    const r = add("demo-node", ["--generate-key", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error NODE_EXISTS: /m);
    expect(existsSync(out)).toBe(false);
  });

  it("never overwrites a key file (KEY_FILE_EXISTS)", () => {
    const out = join(work, "exists.private.jwk");
    writeFileSync(out, "keep me");
    const r = add("new-node", ["--generate-key", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error KEY_FILE_EXISTS: /m);
    expect(node("new-node")).toBeUndefined();
  });

  it("lists every field that is wrong", () => {
    const r = donum(["nodes", "add", "--id", "X", "--organisation", "O", "--country", "be", "--type", "hospital", "--generate-key", join(work, "never.jwk")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error INVALID_INPUT: .*id: .*country: .*organisationType: /);
    expect(existsSync(join(work, "never.jwk"))).toBe(false);
  });

  it.each([
    [["--organisation", "O", "--country", "BE", "--type", "public", "--generate-key", "x.jwk"], /missing --id/],
    [["--id", "abc", "--organisation", "O", "--country", "BE", "--type", "public"], /exactly one of --public-key <file> and --generate-key <out>/],
    [["--id", "abc", "--organisation", "O", "--country", "BE", "--type", "public", "--public-key", "a", "--generate-key", "b"], /exactly one of/],
    [["--id", "abc", "--organisation", "O", "--country", "BE", "--type", "public", "--generate-key", "b", "--alg", "RS256"], /--alg must be one of ES256, EdDSA/],
    [["--id", "abc", "--organisation", "O", "--country", "BE", "--type", "public", "--public-key", "/nonexistent/key.jwk"], /cannot read \/nonexistent\/key.jwk: ENOENT/],
    [["--nope"], /unknown option --nope/],
  ])("usage error for %j (exit 2)", (args, message) => {
    const r = donum(["nodes", "add", ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('Run "donum nodes add --help" for usage.');
  });
});

describe("nodes suspend / activate", () => {
  it("suspends and reactivates; a second suspend changes nothing; an unknown node is NODE_NOT_FOUND", () => {
    expect(ok(["nodes", "suspend", "gen-node"])).toBe("Node gen-node is now suspended.\n");
    expect(node("gen-node")!.status).toBe("suspended");
    expect(ok(["nodes", "suspend", "gen-node"])).toBe("Node gen-node was already suspended; nothing changed.\n");
    expect(ok(["nodes", "activate", "gen-node"])).toBe("Node gen-node is now active.\n");
    const r = donum(["nodes", "suspend", "no-such-node"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error NODE_NOT_FOUND: /m);
    expect(donum(["nodes", "suspend"]).code).toBe(2);
  });
});

describe("nodes rotate-key", () => {
  it("adds a generated key and retires the previous one at once", () => {
    const before = node("gen-node")!.keys[0]!.kid;
    const out = join(work, "gen.2.private.jwk");
    const stdout = ok(["nodes", "rotate-key", "gen-node", "--generate-key", out, "--alg", "EdDSA"]);
    const { kid } = readPrivateJwkFile(out);
    expect(stdout).toContain(`Added key ${kid}. Previous key(s) ${before} retired.`);
    expect(node("gen-node")!.keys.map((k) => [k.kid, k.state, k.alg])).toEqual([
      [before, "retired", "ES256"],
      [kid, "active", "EdDSA"],
    ]);
  });

  it("with --grace, keeps the previous key accepted until then", () => {
    const key = generateNodeKey("ES256");
    const file = join(work, "utrecht.2.public.jwk");
    writeFileSync(file, JSON.stringify({ ...key.publicJwk, kid: "utrecht-2026" }));
    const stdout = ok(["nodes", "rotate-key", "umc-utrecht", "--public-key", file, "--grace", "3600"]);
    expect(stdout).toMatch(/Added key utrecht-2026\. Previous key\(s\) \S+ accepted until \d{4}-\d\d-\d\dT[\d:.]+Z, retired afterwards\./);
    const keys = node("umc-utrecht")!.keys;
    expect(keys.map((k) => k.state)).toEqual(["retiring", "active"]);
    const until = Date.parse(keys[0]!.retiresAt!);
    expect(until - Date.now()).toBeGreaterThan(3_500_000);
    expect(until - Date.now()).toBeLessThanOrEqual(3_600_000);
    expect(ok(["nodes", "list"])).toMatch(/utrecht-2026 \(ES256, active\)/);
  });

  it("refuses the key the node already has, a bad grace, and an unknown node", () => {
    const file = join(work, "utrecht.2.public.jwk");
    expect(donum(["nodes", "rotate-key", "umc-utrecht", "--public-key", file]).stderr).toMatch(/error INVALID_INPUT: .*already registered for this node/);
    expect(donum(["nodes", "rotate-key", "umc-utrecht", "--public-key", file, "--grace", "1h"]).code).toBe(2);
    expect(donum(["nodes", "rotate-key", "no-such-node", "--public-key", join(work, "a.public.jwk")]).stderr).toMatch(/^error NODE_NOT_FOUND: /m);
  });
});

describe("nodes refusals", () => {
  it("has none on a new install, and checks its options", () => {
    expect(ok(["nodes", "refusals"])).toMatch(/^No refused request since \d{4}-/);
    expect(JSON.parse(ok(["nodes", "refusals", "--json", "--since", "7d", "--node", "demo-node"]))).toEqual([]);
    expect(donum(["nodes", "refusals", "--since", "yesterday"]).code).toBe(2);
    expect(donum(["nodes", "refusals", "--limit", "0"]).code).toBe(2);
  });
});

describe("help", () => {
  it("lists the node commands in the program's and the group's help", () => {
    expect(ok(["--help"])).toMatch(/^\s+nodes\s+Imaging nodes: add, list, suspend, activate, rotate-key, refusals$/m);
    const group = ok(["nodes", "--help"]);
    for (const c of ["add", "list", "suspend", "activate", "rotate-key", "refusals"]) expect(group).toMatch(new RegExp(`^  ${c}\\s`, "m"));
    const help = ok(["nodes", "rotate-key", "--help"]);
    expect(help).toContain("Usage: donum nodes rotate-key <id> [options]");
    expect(help).toContain("--grace <seconds>");
    expect(help).toContain("Exit codes: 0 ok; 1 domain error");
  });
});
