/**
 * `npm run donum -- verify-export`, run for real as a child process on real bundles written by
 * the exporter (lib/audit/export/exporter.ts) over a SQLite store in memory. A small HTTP server
 * in this process plays the portal: it publishes the JWK Set, the latest checkpoint and
 * consistency proofs, so that the default (keys and later checkpoint from the bundle's origin)
 * is exercised too.
 *
 * Intact bundles exit 0 (unfiltered, filtered, a .tar, --offline); every tampering exits 1 with
 * a ✗ line naming the problem; usage errors exit 2.
 */
import { spawn } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { cpSync, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createReadStream } from "node:fs";
import { auditEvent, type AuditEvent } from "../../lib/audit/events";
import { writeBundle, type BundleDeps } from "../../lib/audit/export/exporter";
import { BUNDLE_FILES, HASHED_FILES, MANIFEST_TYP, type ExportFilters, type ExportManifest } from "../../lib/audit/export/format";
import { tarStream } from "../../lib/audit/export/tar";
import { consistencyProof, integrate } from "../../lib/audit/log";
import { signCompactJws } from "../../lib/crypto/jws";
import { createLocalSigner, generateSigningKeyPem, parseSigningKeyPem } from "../../lib/crypto/local-keys";
import type { Stores } from "../../lib/store/ports";
import { createSqliteStores } from "../../lib/store/sqlite";
import * as fx from "../support/fixtures";

const ROOT = resolve(__dirname, "../..");
jest.setTimeout(120_000);

const signer = createLocalSigner(parseSigningKeyPem(generateSigningKeyPem(), "donum"));
const intruder = createLocalSigner(parseSigningKeyPem(generateSigningKeyPem(), "intruder"));
const MINUTE = 60_000;
const at = (i: number) => new Date(fx.T0.getTime() + i * MINUTE);

let stores: Stores;
let server: Server;
let origin: string;
let work: string;
let jwksFile: string;
const bundles: Record<string, { dir: string; manifest: ExportManifest }> = {};

function event(i: number): AuditEvent {
  const nodeId = `node-${i % 3}`;
  if (i % 4 === 0) {
    return auditEvent("decision.made", {
      id: randomUUID(),
      at: at(i),
      actor: { kind: "node", nodeId },
      subjectKey: fx.subjectKey(),
      data: {
        nodeId,
        requestHash: `sha256:${createHash("sha256").update(String(i)).digest("hex")}`,
        decision: i % 8 === 0 ? "PERMIT" : "DENY",
        reasons: [],
        consentId: null,
        consentVersion: null,
        purpose: "HMB",
        recipient: { organisation: "Org", type: "public", country: "BE" },
        dataCategories: ["imaging.ct"],
      },
    });
  }
  return auditEvent("node.status_changed", { id: randomUUID(), at: at(i), actor: fx.operator, subjectKey: null, data: { nodeId, status: i % 2 ? "active" : "suspended" } });
}

/** The portal's three public answers the verifier asks for. */
function startPortal(): Promise<void> {
  server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://x");
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (url.pathname === "/.well-known/jwks.json") return send(200, { keys: [signer.publicJwk] });
      const cp = await stores.tree.getCheckpoint();
      if (url.pathname === "/api/v1/log/checkpoint" && cp) return send(200, { checkpoint: cp.jws, treeSize: cp.treeSize, rootHash: cp.rootHash, timestamp: cp.timestamp });
      if (url.pathname === "/api/v1/log/proof/consistency") return send(200, await consistencyProof(stores, url.searchParams.get("from"), url.searchParams.get("to")));
      send(404, {});
    })().catch(() => res.writeHead(500).end());
  });
  return new Promise((ok) =>
    server.listen(0, "127.0.0.1", () => {
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      ok();
    }),
  );
}

async function exportBundle(name: string, from: number, to: number, filters: ExportFilters = {}) {
  const deps: BundleDeps = { stores, signer: () => signer, origin, now: () => at(5000) };
  const dir = join(work, name);
  const manifest = await writeBundle(deps, { exportId: randomUUID(), period: { from: at(from), to: at(to) }, filters, requestedBy: "regulator-sub" }, dir);
  bundles[name] = { dir, manifest };
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "donum-verify-export-"));
  stores = createSqliteStores(":memory:");
  await startPortal();
  const deps = { stores, signer: () => signer, origin, now: () => at(5000) };
  await stores.audit.appendMany(Array.from({ length: 200 }, (_, i) => event(i)));
  await integrate(deps);
  await exportBundle("complete", 20, 120);
  await exportBundle("denied", 0, 200, { decision: "DENY", nodeId: "node-1" });
  // The log grows: another period's export, with another checkpoint; the portal's latest is later still.
  await stores.audit.appendMany(Array.from({ length: 30 }, (_, i) => event(300 + i)));
  await integrate(deps);
  await exportBundle("other", 300, 330);
  await stores.audit.appendMany(Array.from({ length: 7 }, (_, i) => event(400 + i)));
  await integrate(deps);
  jwksFile = join(work, "donum-jwks.json");
  writeFileSync(jwksFile, JSON.stringify({ keys: [signer.publicJwk] }));
});

afterAll(async () => {
  await new Promise((ok) => server.close(ok));
  await stores.close();
  rmSync(work, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as a child process (asynchronously: the portal above answers it meanwhile). */
function donum(args: string[]): Promise<Run> {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith("DONUM_")) delete env[k];
  // Nothing of Donum's configuration or data is needed: point it at an empty directory.
  env.DONUM_DATA_DIR = join(work, "no-data");
  const child = spawn(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "scripts/donum.ts"), ...args], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
  return new Promise((ok) => child.on("close", (code) => ok({ code, stdout, stderr })));
}

const offline = (dir: string) => donum(["verify-export", dir, "--jwks", jwksFile, "--offline"]);

/** A copy of a bundle, changed by `change`. */
function tampered(name: string, change: (dir: string) => void): string {
  const dir = mkdtempSync(join(work, `${name}-`));
  cpSync(bundles[name]!.dir, dir, { recursive: true });
  change(dir);
  return dir;
}
const path = (dir: string, f: string) => join(dir, f);
const read = (dir: string, f: string) => readFileSync(path(dir, f), "utf8");
const lines = (dir: string) => read(dir, BUNDLE_FILES.entries).split("\n").slice(0, -1);
const writeLines = (dir: string, ls: string[]) => writeFileSync(path(dir, BUNDLE_FILES.entries), ls.map((l) => `${l}\n`).join(""));
/** The ✗ line of a check. */
const failure = (r: Run, check: string) => r.stdout.split("\n").find((l) => l.startsWith(`✗ ${check} `));

function expectRefused(r: Run, checks: Record<string, RegExp>): void {
  expect(r.code).toBe(1);
  for (const [check, message] of Object.entries(checks)) {
    const line = failure(r, check);
    if (!line?.match(message)) throw new Error(`expected ✗ ${check} ${message}, got:\n${r.stdout}\n${r.stderr}`);
  }
  expect(r.stdout.trim().split("\n").at(-1)).toMatch(/^NOT VERIFIED: \d+ of \d+ checks failed \(/);
  expect(r.stderr).toBe("error NOT_VERIFIED: the bundle did not verify; see the ✗ lines above\n");
}

async function tarOf(dir: string): Promise<string> {
  const out = `${dir}.tar`;
  const top = `donum-export-${randomUUID()}`;
  const files = [...HASHED_FILES, BUNDLE_FILES.manifestJws, BUNDLE_FILES.manifestJson].map((f) => ({ name: `${top}/${f}`, bytes: statSync(path(dir, f)).size, body: createReadStream(path(dir, f)) }));
  await pipeline(Readable.from(tarStream(files)), createWriteStream(out));
  return out;
}

describe("an intact bundle exits 0", () => {
  it("unfiltered, --offline with --jwks: every check ✓, the later checkpoint explicitly not checked", async () => {
    const r = await offline(bundles.complete!.dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain("✗");
    expect(r.stdout).toMatch(/^✓ root hash +the 100 entries' leaf hashes and the proof rebuild the signed root/m);
    expect(r.stdout).toMatch(/^– consistency with a later checkpoint +not checked: no later checkpoint was given/m);
    expect(r.stdout.trim().split("\n").at(-1)).toMatch(/^VERIFIED: all 19 checks passed — export [0-9a-f-]{36} of http:\/\/127.0.0.1:\d+, 100 entries .* \(not checked: consistency with a later checkpoint\)$/);
  });

  it("filtered, by default: keys and the latest checkpoint from the bundle's origin, consistent", async () => {
    const r = await donum(["verify-export", bundles.denied!.dir]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`keys:   ${origin}/.well-known/jwks.json (named by the bundle; pass --jwks to pin Donum's keys)`);
    expect(r.stdout).toMatch(/^✓ consistency with a later checkpoint +the log of 237 entries at .* extends the bundle's log of 200 entries/m);
    expect(r.stdout).toMatch(/^✓ period and filters +every entry is in the period and matches the filters$/m);
    expect(r.stdout.trim().split("\n").at(-1)).toMatch(/^VERIFIED: all 20 checks passed/);
  });

  it("as a .tar (extracted to a temporary directory, removed afterwards), with --portal", async () => {
    const tar = await tarOf(bundles.other!.dir);
    const r = await donum(["verify-export", tar, "--jwks", jwksFile, "--portal", origin]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^✓ tar +a well-formed tar of one directory \(7 files\)/m);
    expect(r.stdout).toMatch(/^✓ consistency with a later checkpoint +the log of 237 entries .* extends the bundle's log of 230 entries/m);
  });
});

describe("a tampered bundle exits 1, naming the problem", () => {
  it("one byte flipped in a JSON value of entries.ndjson: root mismatch and file hash", async () => {
    const dir = tampered("complete", (d) => {
      const ls = lines(d);
      ls[9] = ls[9]!.replace(/"nodeId":"node-(\d)"/, (_, x: string) => `"nodeId":"node-${x === "1" ? "2" : "1"}"`);
      writeLines(d, ls);
    });
    expectRefused(await offline(dir), {
      "root hash": /root mismatch: .* the entry hashes no longer rebuild the signed root/,
      "file entries.ndjson": /entries.ndjson was changed: its SHA-256 is [0-9a-f]{64}, the manifest says/,
      "entries.csv": /row 10 differs from the entry on line 10 of entries.ndjson/,
    });
  });

  it("one byte flipped in proof.ndjson", async () => {
    const dir = tampered("complete", (d) => {
      const text = read(d, BUNDLE_FILES.proof);
      const i = text.lastIndexOf('"') - 1;
      writeFileSync(path(d, BUNDLE_FILES.proof), text.slice(0, i) + (text[i] === "a" ? "b" : "a") + text.slice(i + 1));
    });
    expectRefused(await offline(dir), { "root hash": /root mismatch/, "file proof.ndjson": /proof.ndjson was changed/ });
  });

  it("one byte flipped in entries.csv", async () => {
    const dir = tampered("complete", (d) => writeFileSync(path(d, BUNDLE_FILES.csv), read(d, BUNDLE_FILES.csv).replace(",operator,", ",operatoR,")));
    expectRefused(await offline(dir), { "entries.csv": /^✗ entries.csv +row \d+ differs/, "file entries.csv": /entries.csv was changed/ });
  });

  it("a line deleted", async () => {
    const dir = tampered("complete", (d) => writeLines(d, lines(d).filter((_, i) => i !== 17)));
    expectRefused(await offline(dir), { sequence: /entry 37 is missing between line 17 and line 18/, "root hash": /nothing covers leaves 37\.\.37/ });
  });

  it("two lines reordered", async () => {
    const dir = tampered("complete", (d) => {
      const ls = lines(d);
      [ls[16], ls[17]] = [ls[17]!, ls[16]!];
      writeLines(d, ls);
    });
    expectRefused(await offline(dir), { sequence: /line 18: seq 36 comes after 37/, "file entries.ndjson": /was changed/ });
  });

  it("a line duplicated", async () => {
    const dir = tampered("complete", (d) => writeLines(d, lines(d).flatMap((l, i) => (i === 16 ? [l, l] : [l]))));
    expectRefused(await offline(dir), { sequence: /line 18: seq 36 repeats line 17/, counts: /entries.ndjson has 101 lines, the manifest counts 100/ });
  });

  it("another period's checkpoint.jws", async () => {
    const dir = tampered("complete", (d) => cpSync(path(bundles.other!.dir, BUNDLE_FILES.checkpoint), path(d, BUNDLE_FILES.checkpoint)));
    expectRefused(await offline(dir), {
      "checkpoint hash": /checkpoint.jws is not the checkpoint the manifest signs/,
      "checkpoint matches manifest": /size 230, the manifest says 200/,
      "file checkpoint.jws": /was changed/,
    });
  });

  it("the whole manifest pair of another export", async () => {
    const dir = tampered("complete", (d) => {
      for (const f of [BUNDLE_FILES.manifestJws, BUNDLE_FILES.manifestJson]) cpSync(path(bundles.other!.dir, f), path(d, f));
    });
    expectRefused(await offline(dir), { "file entries.ndjson": /was changed/, "checkpoint hash": /is not the checkpoint the manifest signs/, sequence: /the range starts at 200/ });
  });

  it("manifest.json edited", async () => {
    const dir = tampered("complete", (d) => writeFileSync(path(d, BUNDLE_FILES.manifestJson), read(d, BUNDLE_FILES.manifestJson).replace('"outsidePeriod": 0', '"outsidePeriod": 1')));
    expect(read(dir, BUNDLE_FILES.manifestJson)).not.toBe(read(bundles.complete!.dir, BUNDLE_FILES.manifestJson));
    expectRefused(await offline(dir), { "manifest.json": /manifest.json differs from the manifest signed in manifest.jws/ });
  });

  it("manifest.jws re-signed by a key not in the JWK Set", async () => {
    const manifest = JSON.parse(read(bundles.complete!.dir, BUNDLE_FILES.manifestJson)) as ExportManifest;
    const jws = await signCompactJws(intruder, manifest, { typ: MANIFEST_TYP });
    const dir = tampered("complete", (d) => writeFileSync(path(d, BUNDLE_FILES.manifestJws), jws));
    expectRefused(await offline(dir), { "manifest signature": new RegExp(`no key with kid "${intruder.kid}" in the key set \\(UNKNOWN_KID\\)`) });
  });

  it("an extra file", async () => {
    const dir = tampered("complete", (d) => writeFileSync(path(d, "extra.ndjson"), "{}\n"));
    expectRefused(await offline(dir), { "bundle contents": /"extra.ndjson" is in the bundle but not in the manifest/ });
  });

  it("a missing file", async () => {
    const dir = tampered("complete", (d) => unlinkSync(path(d, BUNDLE_FILES.csv)));
    expectRefused(await offline(dir), { "file entries.csv": /entries.csv is missing/, "entries.csv": /not checked: entries.csv is missing/ });
  });

  it("entries.ndjson truncated mid-line", async () => {
    const dir = tampered("complete", (d) => writeFileSync(path(d, BUNDLE_FILES.entries), read(d, BUNDLE_FILES.entries).slice(0, -25)));
    expectRefused(await offline(dir), { entries: /line 100 is not complete JSON \(the file is cut off mid-line\)/, "file entries.ndjson": /was changed/ });
  });

  it("a .tar with one byte flipped (in an entry, in a header)", async () => {
    const tar = await tarOf(bundles.complete!.dir);
    const bytes = readFileSync(tar);
    const inEntries = bytes.indexOf('"nodeId":"node-');
    const flipped = Buffer.from(bytes);
    flipped[inEntries + 15] = flipped[inEntries + 15] === 0x31 ? 0x32 : 0x31;
    writeFileSync(`${tar}.1`, flipped);
    expectRefused(await donum(["verify-export", `${tar}.1`, "--jwks", jwksFile, "--offline"]), { "root hash": /root mismatch/ });

    const header = Buffer.from(bytes);
    header[1024 * 0 + 10]! ^= 0x01; // the name of the first file
    writeFileSync(`${tar}.2`, header);
    const r = await donum(["verify-export", `${tar}.2`, "--jwks", jwksFile, "--offline"]);
    expectRefused(r, { tar: /the header at byte 0 is damaged \(checksum mismatch\): the archive was refused/ });
  });
});

describe("usage", () => {
  it("exits 2 for --offline without --jwks, or a bundle that does not exist", async () => {
    const a = await donum(["verify-export", bundles.complete!.dir, "--offline"]);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain("usage error: --offline needs --jwks <file>");
    const b = await donum(["verify-export", join(work, "nowhere"), "--jwks", jwksFile, "--offline"]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain("is neither a bundle directory nor a .tar file");
  });
});
