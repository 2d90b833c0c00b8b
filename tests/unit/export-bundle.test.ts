/**
 * The exporter (lib/audit/export/exporter.ts) over a real store (SQLite in memory): a bundle's
 * entries are exactly the period's sequence range (or its matching entries), its CSV has a row
 * per entry, its manifest is signed and counts right, and — the point of it all — the entries'
 * leaf hashes and the proof's subtree hashes rebuild the signed checkpoint's root.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { auditEvent, type AuditEntry, type AuditEvent } from "../../lib/audit/events";
import { writeBundle, type BundleDeps, type ExportProgress } from "../../lib/audit/export/exporter";
import { BUNDLE_FILES, csvHeader, csvRow, ExportManifest, lineLeafHash, MANIFEST_TYP, ProofLine, RootBuilder, type ExportFilters } from "../../lib/audit/export/format";
import { integrate } from "../../lib/audit/log";
import { hashFromBase64, hashFromHex } from "../../lib/audit/merkle";
import { verifyCompactJws } from "../../lib/crypto/jws";
import { createLocalSigner, generateSigningKeyPem, parseSigningKeyPem } from "../../lib/crypto/local-keys";
import type { Stores } from "../../lib/store/ports";
import { createSqliteStores } from "../../lib/store/sqlite";
import * as fx from "../support/fixtures";

jest.setTimeout(60_000);

const signer = createLocalSigner(parseSigningKeyPem(generateSigningKeyPem(), "export-test"));
const MINUTE = 60_000;
const N = 2_600;
const at = (i: number) => new Date(fx.T0.getTime() + i * MINUTE);

let stores: Stores;
let deps: BundleDeps;
let dir: string;

function event(i: number, when: Date = at(i)): AuditEvent {
  return auditEvent("node.status_changed", {
    id: randomUUID(),
    at: when,
    actor: fx.operator,
    subjectKey: null,
    data: { nodeId: `node-${i % 5}`, status: i % 2 === 0 ? "active" : "suspended" },
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "donum-export-"));
  stores = createSqliteStores(":memory:");
  deps = { stores, signer: () => signer, origin: "https://donum.test", now: () => at(N + 10) };
  await stores.audit.appendMany(Array.from({ length: N }, (_, i) => event(i)));
  // A writer that committed late: its time is inside [1000, 1100) but it is sequenced last.
  await stores.audit.append(event(N, at(1050)));
  await integrate(deps);
  // More entries after the checkpoint: not part of any export made now.
  await stores.audit.append(event(N + 1, at(N + 1)));
});

afterAll(async () => {
  await stores.close();
  rmSync(dir, { recursive: true, force: true });
});

async function exportTo(name: string, from: number, to: number, filters: ExportFilters = {}, onProgress?: (p: ExportProgress) => void) {
  const out = join(dir, name);
  const manifest = await writeBundle(deps, { exportId: randomUUID(), period: { from: at(from), to: at(to) }, filters, requestedBy: "regulator-sub" }, out, onProgress);
  const read = (f: string) => readFileSync(join(out, f), "utf8");
  const lines = read(BUNDLE_FILES.entries).split("\n").slice(0, -1);
  const entries = lines.map((l) => JSON.parse(l) as AuditEntry & { seq: number });
  const proof = read(BUNDLE_FILES.proof).split("\n").slice(0, -1).map((l) => ProofLine.parse(JSON.parse(l)));
  return { out, manifest, read, lines, entries, proof };
}

/** Rebuilds the root from the bundle's leaves and proof nodes, merged by position. */
function rebuiltRoot(treeSize: number, lines: string[], entries: { seq: number }[], proof: { lo: number; hi: number; hash: string }[]): Buffer {
  const items = [
    ...entries.map((e, i) => ({ lo: e.seq, hi: e.seq + 1, hash: lineLeafHash(lines[i]!) })),
    ...proof.map((p) => ({ lo: p.lo, hi: p.hi, hash: hashFromHex(p.hash) })),
  ].sort((a, b) => a.lo - b.lo);
  const builder = new RootBuilder(treeSize);
  for (const it of items) builder.push(it.lo, it.hi, it.hash);
  return builder.root();
}

describe("an unfiltered export", () => {
  it("holds every entry of the period's sequence range, and its proof rebuilds the signed root", async () => {
    const seen: ExportProgress[] = [];
    const b = await exportTo("complete", 1000, 1100, {}, (p) => seen.push(p));
    // The late writer (seq N, time 1050) stretches the range to the end of the log: every entry
    // in between is exported, those outside the period are counted as such.
    expect(b.manifest.range).toEqual({ firstSeq: 1000, lastSeq: N });
    expect(b.entries.map((e) => e.seq)).toEqual(Array.from({ length: N - 1000 + 1 }, (_, i) => 1000 + i));
    expect(b.manifest.counts.entries).toBe(N - 1000 + 1);
    expect(b.manifest.counts.outsidePeriod).toBe(N - 1000 + 1 - 101);
    expect(b.manifest.checkpoint.treeSize).toBe(N + 1);
    expect(seen.at(-1)).toEqual({ scanned: N - 1000 + 1, total: N - 1000 + 1 });
    expect(rebuiltRoot(N + 1, b.lines, b.entries, b.proof).equals(hashFromBase64(b.manifest.checkpoint.rootHash))).toBe(true);
  });

  it("writes a CSV row per entry, a signed manifest equal to manifest.json, and the hashes of every file", async () => {
    const b = await exportTo("small", 10, 20);
    expect(b.manifest.range).toEqual({ firstSeq: 10, lastSeq: 19 });
    expect(b.read(BUNDLE_FILES.csv)).toBe(csvHeader() + b.entries.map((e) => csvRow(e)).join(""));
    const v = verifyCompactJws(b.read(BUNDLE_FILES.manifestJws), { keys: [signer.publicJwk] }, { typ: MANIFEST_TYP });
    expect(v.ok).toBe(true);
    expect(v.ok && ExportManifest.parse(v.payload)).toEqual(b.manifest);
    expect(JSON.parse(b.read(BUNDLE_FILES.manifestJson))).toEqual(b.manifest);
    expect(b.manifest.files.map((f) => f.name)).toEqual([BUNDLE_FILES.checkpoint, BUNDLE_FILES.entries, BUNDLE_FILES.csv, BUNDLE_FILES.proof, BUNDLE_FILES.readme]);
    for (const f of b.manifest.files) expect(Buffer.byteLength(b.read(f.name))).toBe(f.bytes);
    expect(b.manifest.counts.byType).toEqual({ "node.status_changed": 10 });
    expect(rebuiltRoot(N + 1, b.lines, b.entries, b.proof).equals(hashFromBase64(b.manifest.checkpoint.rootHash))).toBe(true);
  });

  it("of a period with no entries has no range and a proof of the whole tree", async () => {
    const b = await exportTo("empty", N + 100, N + 200);
    expect(b.manifest.range).toBeNull();
    expect(b.entries).toEqual([]);
    expect(b.proof).toEqual([{ lo: 0, hi: N + 1, hash: expect.any(String) }]);
    expect(hashFromHex(b.proof[0]!.hash).equals(hashFromBase64(b.manifest.checkpoint.rootHash))).toBe(true);
  });
});

describe("a filtered export", () => {
  it("holds only the matching entries of the period, and still rebuilds the signed root", async () => {
    const b = await exportTo("node-3", 0, 2000, { nodeId: "node-3" });
    expect(b.entries.length).toBe(400);
    expect(b.entries.every((e) => (e.data as { nodeId: string }).nodeId === "node-3" && e.seq < 2000)).toBe(true);
    expect(b.manifest.counts).toMatchObject({ entries: 400, outsidePeriod: 0, byType: { "node.status_changed": 400 } });
    expect(b.manifest.counts.proofNodes).toBe(b.proof.length);
    expect(rebuiltRoot(N + 1, b.lines, b.entries, b.proof).equals(hashFromBase64(b.manifest.checkpoint.rootHash))).toBe(true);
  });

  it("whose proof misses one node, or has a tampered entry, no longer rebuilds the root", async () => {
    const b = await exportTo("tamper", 0, 300, { types: ["node.status_changed"], nodeId: "node-1" });
    const root = hashFromBase64(b.manifest.checkpoint.rootHash);
    expect(() => rebuiltRoot(N + 1, b.lines, b.entries, b.proof.slice(1))).toThrow(/nothing covers|cover leaves/);
    const tampered = [...b.lines];
    tampered[3] = tampered[3]!.replace(/"status":"(active|suspended)"/, (_, s: string) => `"status":"${s === "active" ? "suspended" : "active"}"`);
    expect(tampered[3]).not.toBe(b.lines[3]);
    expect(rebuiltRoot(N + 1, tampered, b.entries, b.proof).equals(root)).toBe(false);
  });
});

it("refuses a period that ends before it starts", async () => {
  await expect(writeBundle(deps, { exportId: randomUUID(), period: { from: at(5), to: at(5) }, filters: {}, requestedBy: "r" }, join(dir, "bad"))).rejects.toMatchObject({
    code: "INVALID_INPUT",
  });
});
