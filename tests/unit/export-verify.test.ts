/**
 * The bundle verifier (lib/audit/export/verify.ts) on real bundles written by the exporter over
 * a SQLite store in memory: an intact bundle passes every check (unfiltered, filtered, empty);
 * each kind of tampering fails the checks it should, with a message naming the problem; a later
 * checkpoint is checked for consistency. Bundles that are "signed but wrong" (re-signed with
 * Donum's key after a change, as a buggy exporter would write) show that the content checks
 * stand on their own, not only behind the file hashes.
 */
import { createHash, randomUUID } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { auditEvent, type AuditEvent } from "../../lib/audit/events";
import { writeBundle, type BundleDeps } from "../../lib/audit/export/exporter";
import { BUNDLE_FILES, csvHeader, MANIFEST_TYP, type ExportFilters, type ExportManifest } from "../../lib/audit/export/format";
import { verifyBundle, type VerificationReport } from "../../lib/audit/export/verify";
import { consistencyProof, integrate, CHECKPOINT_TYP } from "../../lib/audit/log";
import { signCompactJws, type VerificationJwks } from "../../lib/crypto/jws";
import { createLocalSigner, generateSigningKeyPem, parseSigningKeyPem } from "../../lib/crypto/local-keys";
import type { Stores } from "../../lib/store/ports";
import { createSqliteStores } from "../../lib/store/sqlite";
import * as fx from "../support/fixtures";

jest.setTimeout(60_000);

const signer = createLocalSigner(parseSigningKeyPem(generateSigningKeyPem(), "donum-key"));
const intruder = createLocalSigner(parseSigningKeyPem(generateSigningKeyPem(), "intruder-key"));
const jwks: VerificationJwks = { keys: [signer.publicJwk] };
const ORIGIN = "https://donum.test";
const MINUTE = 60_000;
const at = (i: number) => new Date(fx.T0.getTime() + i * MINUTE);

let stores: Stores;
let deps: BundleDeps;
let work: string;
const bundles: Record<string, { dir: string; manifest: ExportManifest }> = {};

function event(i: number, when: Date = at(i)): AuditEvent {
  if (i % 3 === 0) {
    const nodeId = `node-${i % 4}`;
    return auditEvent("decision.made", {
      id: randomUUID(),
      at: when,
      actor: { kind: "node", nodeId },
      subjectKey: fx.subjectKey(),
      data: {
        nodeId,
        requestHash: `sha256:${createHash("sha256").update(String(i)).digest("hex")}`,
        decision: i % 2 === 0 ? "PERMIT" : "DENY",
        reasons: i % 2 === 0 ? [] : [{ code: "NO_CONSENT" as never }],
        consentId: null,
        consentVersion: null,
        // Cells a spreadsheet would misread: a formula, a comma, a quote, a line break.
        purpose: i % 9 === 0 ? `=HYPERLINK("x"),\nHMB ${i}` : "HMB",
        recipient: { organisation: "Org", type: "public", country: "BE" },
        dataCategories: ["imaging.ct"],
      },
    });
  }
  return auditEvent("node.status_changed", {
    id: randomUUID(),
    at: when,
    actor: fx.operator,
    subjectKey: null,
    data: { nodeId: `node-${i % 4}`, status: i % 2 === 0 ? "active" : "suspended" },
  });
}

async function exportBundle(name: string, from: number, to: number, filters: ExportFilters = {}) {
  const dir = join(work, name);
  const manifest = await writeBundle(deps, { exportId: randomUUID(), period: { from: at(from), to: at(to) }, filters, requestedBy: "regulator-sub" }, dir);
  bundles[name] = { dir, manifest };
  return { dir, manifest };
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "donum-verify-"));
  stores = createSqliteStores(":memory:");
  deps = { stores, signer: () => signer, origin: ORIGIN, now: () => at(1000) };
  await stores.audit.appendMany(Array.from({ length: 300 }, (_, i) => event(i)));
  // A late writer: its time is in [50, 150) but it is sequenced after entry 299.
  await stores.audit.append(event(301, at(120)));
  await integrate(deps);
  await exportBundle("complete", 50, 150);
  await exportBundle("denied", 0, 300, { decision: "DENY" });
  await exportBundle("empty", 5000, 6000);
  // The log grows; another period's export has another checkpoint.
  await stores.audit.appendMany(Array.from({ length: 40 }, (_, i) => event(400 + i)));
  await integrate(deps);
  await exportBundle("later", 400, 440);
});

afterAll(async () => {
  await stores.close();
  rmSync(work, { recursive: true, force: true });
});

/** A copy of a bundle, changed by `change`. */
function tampered(name: string, change: (dir: string) => void): string {
  const dir = mkdtempSync(join(work, `${name}-`));
  cpSync(bundles[name]!.dir, dir, { recursive: true });
  change(dir);
  return dir;
}

const failed = (r: VerificationReport) => Object.fromEntries(r.checks.filter((c) => !c.ok).map((c) => [c.check, c.detail]));
const read = (dir: string, f: string) => readFileSync(join(dir, f), "utf8");
const lines = (dir: string) => read(dir, BUNDLE_FILES.entries).split("\n").slice(0, -1);
const writeLines = (dir: string, ls: string[]) => writeFileSync(join(dir, BUNDLE_FILES.entries), ls.map((l) => `${l}\n`).join(""));

/** Re-hashes the files and re-signs the manifest with Donum's key: a bundle Donum signed as it is. */
async function resign(dir: string, edit: (m: ExportManifest) => void = () => {}): Promise<void> {
  const m = JSON.parse(read(dir, BUNDLE_FILES.manifestJson)) as ExportManifest;
  for (const f of m.files) {
    const bytes = readFileSync(join(dir, f.name));
    f.bytes = bytes.length;
    f.sha256 = createHash("sha256").update(bytes).digest("hex");
  }
  edit(m);
  writeFileSync(join(dir, BUNDLE_FILES.manifestJws), await signCompactJws(signer, m, { typ: MANIFEST_TYP }));
  writeFileSync(join(dir, BUNDLE_FILES.manifestJson), JSON.stringify(m, null, 2));
}

describe("an intact bundle", () => {
  it("passes every check, unfiltered, and says the later checkpoint was not checked", async () => {
    const r = await verifyBundle(bundles.complete!.dir, { jwks });
    expect(failed(r)).toEqual({});
    expect(r.ok).toBe(true);
    expect(r.manifest).toEqual(bundles.complete!.manifest);
    expect(r.checks.map((c) => c.check)).toEqual([
      "manifest signature",
      "manifest format",
      "manifest.json",
      "file checkpoint.jws",
      "file entries.ndjson",
      "file entries.csv",
      "file proof.ndjson",
      "file README.txt",
      "bundle contents",
      "checkpoint hash",
      "checkpoint signature",
      "checkpoint matches manifest",
      "entries",
      "sequence",
      "period and filters",
      "counts",
      "entries.csv",
      "proof lines",
      "root hash",
      "consistency with a later checkpoint",
    ]);
    const detail = (name: string) => r.checks.find((c) => c.check === name)?.detail;
    expect(detail("manifest signature")).toContain(`signed by key ${signer.kid} (ES256)`);
    expect(detail("sequence")).toBe("seq 50–300, strictly increasing with no gap: the whole range of the period, all in the checkpoint's tree");
    expect(detail("root hash")).toMatch(/rebuild the signed root .* of 301 entries: every entry is in Donum's log/);
    expect(r.checks.at(-1)).toMatchObject({ ok: true, skipped: true, detail: expect.stringMatching(/^not checked/) });
  });

  it("passes filtered (the CSV has quoted, formula-escaped and multi-line cells) and empty", async () => {
    expect(read(bundles.denied!.dir, BUNDLE_FILES.csv)).toContain(`"'=HYPERLINK(""x""),\nHMB`);
    for (const name of ["denied", "empty", "later"]) {
      const r = await verifyBundle(bundles[name]!.dir, { jwks });
      expect([name, failed(r)]).toEqual([name, {}]);
    }
    expect(bundles.denied!.manifest.counts.entries).toBe(50);
  });

  it("is consistent with a later checkpoint, and not with a forged one", async () => {
    const cp = (await stores.tree.getCheckpoint())!;
    const size = bundles.complete!.manifest.checkpoint.treeSize;
    const { proof } = await consistencyProof(stores, size, cp.treeSize);
    const ok = await verifyBundle(bundles.complete!.dir, { jwks, later: { checkpointJws: cp.jws, consistencyProof: proof } });
    expect(failed(ok)).toEqual({});
    expect(ok.checks.at(-1)?.detail).toMatch(/^the log of 341 entries .* extends the bundle's log of 301 entries/);

    const wrong = await verifyBundle(bundles.complete!.dir, { jwks, later: { checkpointJws: cp.jws, consistencyProof: [...proof].reverse() } });
    expect(failed(wrong)).toEqual({ "consistency with a later checkpoint": expect.stringMatching(/does not show that the log of 341 entries .* extends/) });

    // A "later" checkpoint of another log, or signed by another key, or smaller.
    const forged = await signCompactJws(intruder, { origin: ORIGIN, treeSize: 341, rootHash: cp.rootHash, timestamp: cp.timestamp }, { typ: CHECKPOINT_TYP });
    const byIntruder = await verifyBundle(bundles.complete!.dir, { jwks, later: { checkpointJws: forged, consistencyProof: proof } });
    expect(failed(byIntruder)["consistency with a later checkpoint"]).toContain(`no key with kid "${intruder.kid}"`);
    const other = await signCompactJws(signer, { origin: "https://elsewhere.test", treeSize: 341, rootHash: cp.rootHash, timestamp: cp.timestamp }, { typ: CHECKPOINT_TYP });
    const otherLog = await verifyBundle(bundles.complete!.dir, { jwks, later: { checkpointJws: other, consistencyProof: proof } });
    expect(failed(otherLog)["consistency with a later checkpoint"]).toMatch(/checkpoint of https:\/\/elsewhere.test, not of https:\/\/donum.test/);
    const older = await verifyBundle(bundles.later!.dir, { jwks, later: { checkpointJws: read(bundles.complete!.dir, BUNDLE_FILES.checkpoint), consistencyProof: [] } });
    expect(failed(older)["consistency with a later checkpoint"]).toMatch(/301 entries, fewer than the bundle's 341: the log shrank/);
    const unavailable = await verifyBundle(bundles.complete!.dir, { jwks, later: { unavailable: "cannot fetch x" } });
    expect(failed(unavailable)).toEqual({ "consistency with a later checkpoint": "not checked: cannot fetch x" });
  });
});

describe("a tampered bundle fails, naming the problem", () => {
  it("one byte of an entry's JSON value: root mismatch, file hash, CSV row", async () => {
    const dir = tampered("complete", (d) => {
      const ls = lines(d);
      ls[17] = ls[17]!.replace(/"nodeId":"node-(\d)"/, (_, x: string) => `"nodeId":"node-${(Number(x) + 1) % 4}"`);
      writeLines(d, ls);
    });
    const f = failed(await verifyBundle(dir, { jwks }));
    expect(Object.keys(f).sort()).toEqual(["entries.csv", "file entries.ndjson", "root hash"]);
    expect(f["root hash"]).toMatch(/^root mismatch: .* the entry hashes no longer rebuild the signed root/);
    expect(f["file entries.ndjson"]).toMatch(/^entries.ndjson was changed: its SHA-256 is [0-9a-f]{64}, the manifest says/);
    expect(f["entries.csv"]).toBe("row 18 differs from the entry on line 18 of entries.ndjson (the first difference)");
  });

  it("a deleted, a repeated and two swapped lines: the sequence says where", async () => {
    const deleted = failed(await verifyBundle(tampered("complete", (d) => writeLines(d, lines(d).filter((_, i) => i !== 17 && i !== 18))), { jwks }));
    expect(deleted.sequence).toBe("entries 67–68 are missing between line 17 and line 18");
    expect(deleted["root hash"]).toMatch(/nothing covers leaves 67\.\.68/);
    expect(deleted.counts).toMatch(/^entries.ndjson has 249 lines, the manifest counts 251/);

    const repeated = failed(await verifyBundle(tampered("complete", (d) => writeLines(d, lines(d).flatMap((l, i) => (i === 16 ? [l, l] : [l])))), { jwks }));
    expect(repeated.sequence).toBe("line 18: seq 66 repeats line 17");
    expect(repeated["root hash"]).toMatch(/leaves 66\.\.66 are covered twice/);

    const swapped = failed(
      await verifyBundle(
        tampered("complete", (d) => {
          const ls = lines(d);
          [ls[16], ls[17]] = [ls[17]!, ls[16]!];
          writeLines(d, ls);
        }),
        { jwks },
      ),
    );
    expect(swapped.sequence).toContain("line 18: seq 66 comes after 67");
  });

  it("entries.ndjson cut off mid-line", async () => {
    const f = failed(await verifyBundle(tampered("complete", (d) => writeFileSync(join(d, BUNDLE_FILES.entries), read(d, BUNDLE_FILES.entries).slice(0, -40))), { jwks }));
    expect(f.entries).toBe("line 251 is not complete JSON (the file is cut off mid-line)");
    expect(f["root hash"]).toBe("the root cannot be rebuilt: line 251 is not an entry with a seq");
  });

  it("a proof node, a CSV byte", async () => {
    const proof = failed(
      await verifyBundle(
        tampered("complete", (d) => {
          const text = read(d, BUNDLE_FILES.proof);
          const i = text.indexOf('"hash":"') + 10;
          writeFileSync(join(d, BUNDLE_FILES.proof), text.slice(0, i) + (text[i] === "0" ? "1" : "0") + text.slice(i + 1));
        }),
        { jwks },
      ),
    );
    expect(Object.keys(proof).sort()).toEqual(["file proof.ndjson", "root hash"]);
    expect(proof["root hash"]).toMatch(/^root mismatch/);

    const csv = failed(await verifyBundle(tampered("complete", (d) => writeFileSync(join(d, BUNDLE_FILES.csv), read(d, BUNDLE_FILES.csv).replace("node-2", "node-3"))), { jwks }));
    expect(Object.keys(csv).sort()).toEqual(["entries.csv", "file entries.csv"]);
    expect(csv["entries.csv"]).toMatch(/^row \d+ differs from the entry on line \d+ of entries.ndjson/);
  });

  it("another period's checkpoint, or manifest pair", async () => {
    const cp = failed(await verifyBundle(tampered("complete", (d) => cpSync(join(bundles.later!.dir, BUNDLE_FILES.checkpoint), join(d, BUNDLE_FILES.checkpoint))), { jwks }));
    expect(cp["checkpoint hash"]).toMatch(/^checkpoint.jws is not the checkpoint the manifest signs/);
    expect(cp["checkpoint matches manifest"]).toMatch(/size 341, the manifest says 301/);
    expect(cp["root hash"]).toBe("the entries and the proof do not cover the checkpoint's tree: the entries and the proof cover leaves 0..300 of the 341 of the checkpoint");

    const pair = failed(
      await verifyBundle(
        tampered("complete", (d) => {
          for (const f of [BUNDLE_FILES.manifestJws, BUNDLE_FILES.manifestJson]) cpSync(join(bundles.later!.dir, f), join(d, f));
        }),
        { jwks },
      ),
    );
    expect(pair["file entries.ndjson"]).toMatch(/^entries.ndjson was changed/);
    expect(pair["checkpoint hash"]).toMatch(/is not the checkpoint the manifest signs/);
  });

  it("manifest.json edited; manifest re-signed by a key not in the key set", async () => {
    const edited = failed(
      await verifyBundle(tampered("complete", (d) => writeFileSync(join(d, BUNDLE_FILES.manifestJson), read(d, BUNDLE_FILES.manifestJson).replace('"regulator-sub"', '"someone-else"'))), { jwks }),
    );
    expect(edited).toEqual({ "manifest.json": "manifest.json differs from the manifest signed in manifest.jws" });

    const resigned = failed(
      await verifyBundle(
        tampered("complete", (d) => writeFileSync(join(d, BUNDLE_FILES.manifestJws), "")),
        { jwks },
      ),
    );
    expect(resigned["manifest signature"]).toMatch(/^manifest.jws does not verify/);
    const m = JSON.parse(read(bundles.complete!.dir, BUNDLE_FILES.manifestJson)) as ExportManifest;
    const byIntruder = await signCompactJws(intruder, m, { typ: MANIFEST_TYP });
    const f = failed(await verifyBundle(tampered("complete", (d) => writeFileSync(join(d, BUNDLE_FILES.manifestJws), byIntruder)), { jwks }));
    expect(f).toEqual({ "manifest signature": `manifest.jws does not verify: no key with kid "${intruder.kid}" in the key set (UNKNOWN_KID)` });
  });

  it("an extra file, a missing file", async () => {
    const extra = failed(await verifyBundle(tampered("complete", (d) => writeFileSync(join(d, "notes.txt"), "hi")), { jwks }));
    expect(extra).toEqual({ "bundle contents": '"notes.txt" is in the bundle but not in the manifest' });
    const missing = failed(await verifyBundle(tampered("complete", (d) => unlinkSync(join(d, BUNDLE_FILES.proof))), { jwks }));
    expect(missing["file proof.ndjson"]).toMatch(/^proof.ndjson is missing/);
    expect(missing["root hash"]).toBe("not checked: proof.ndjson is missing");
  });
});

describe("a bundle signed as it is but wrong (the content checks on their own)", () => {
  it("an entry dropped, re-hashed and re-signed: the sequence, the counts and the root still fail", async () => {
    const dir = tampered("complete", (d) => writeLines(d, lines(d).filter((_, i) => i !== 100)));
    await resign(dir);
    const f = failed(await verifyBundle(dir, { jwks }));
    expect(Object.keys(f).sort()).toEqual(["counts", "entries.csv", "root hash", "sequence"]);
    expect(f.sequence).toBe("entry 150 is missing between line 100 and line 101");
  });

  it("non-canonical JSON, an unknown event type, a missing newline, entries outside the period or not matching the filters", async () => {
    const dir = tampered("denied", (d) => {
      const ls = lines(d);
      ls[0] = JSON.stringify(JSON.parse(ls[0]!), null, 1).replace(/\n/g, "");
      ls[1] = ls[1]!.replace('"type":"decision.made"', '"type":"decision.faked"');
      writeLines(d, ls);
    });
    await resign(dir, (m) => {
      m.period.to = at(100).toISOString();
    });
    const f = failed(await verifyBundle(dir, { jwks }));
    expect(f.entries).toMatch(/^line 1 is not canonical JSON.*; line 2 \(seq \d+\) is not a valid audit entry: Unknown audit event type decision.faked@1$/);
    expect(f["period and filters"]).toMatch(/^line 18 \(seq 105, at 2026-06-01T11:45:00.000Z\) is not in the period; .*; and \d+ more$/);

    const filters = tampered("denied", () => {});
    await resign(filters, (m) => {
      m.filters = { decision: "PERMIT" };
    });
    expect(failed(await verifyBundle(filters, { jwks }))).toEqual({
      "period and filters": expect.stringMatching(/^line 1 \(seq 3, decision.made\) does not match the filters; .*; and 45 more$/),
    });

    const cut = tampered("denied", (d) => writeFileSync(join(d, BUNDLE_FILES.entries), read(d, BUNDLE_FILES.entries).slice(0, -1)));
    await resign(cut);
    expect(failed(await verifyBundle(cut, { jwks })).entries).toBe("line 50 does not end with a newline (the file is cut off)");
  });

  it("a CSV with a row too many, a proof count off", async () => {
    const dir = tampered("complete", (d) => writeFileSync(join(d, BUNDLE_FILES.csv), `${read(d, BUNDLE_FILES.csv)}1,2\r\n`));
    await resign(dir, (m) => {
      m.counts.proofNodes += 1;
    });
    const f = failed(await verifyBundle(dir, { jwks }));
    expect(f["entries.csv"]).toBe("entries.csv has 5 bytes more than the 251 rows rebuilt from entries.ndjson");
    expect(f.counts).toMatch(/^proof.ndjson has \d+ nodes, the manifest counts \d+$/);
    expect(csvHeader()).toMatch(/^seq,/);
  });
});
