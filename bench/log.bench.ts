/**
 * Benchmarks of the verifiable log and its exports (issue 5): `npx tsx bench/log.bench.ts`.
 *
 *  1. Append + integrate on the embedded store (SQLite file, WAL, as `npm start` runs it): N
 *     decision entries appended one per transaction (as single checks write them), then integrated
 *     into the tree and a checkpoint signed. Baseline, in the same run: the same appends alone. Median
 *     of --rounds rounds; reported as entries/s and the ratio append+integrate / append alone.
 *  2. Export of --export-entries entries (default 1,000,000): the log is seeded with appendMany and
 *     integrated, then writeBundle runs in a child process whose peak RSS (getrusage maxrss) and
 *     wall time are reported; then the bundle is verified (lib/audit/export/verify.ts) in another
 *     child, also with its peak RSS. Seeding time is reported but not a result.
 *
 * Results go to stdout and test-output/bench/log-latest.json. Shared machines are noisy: look at
 * medians, and compare a change only with a baseline measured in the same run.
 */
import { spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { auditEvent, type AuditEvent } from "../lib/audit/events";
import { integrate } from "../lib/audit/log";
import { createLocalSigner, generateSigningKeyPem, parseSigningKeyPem } from "../lib/crypto/local-keys";
import { createSqliteStores } from "../lib/store/sqlite";

const { values: opts } = parseArgs({
  options: {
    entries: { type: "string", default: "20000" },
    rounds: { type: "string", default: "3" },
    "export-entries": { type: "string", default: "1000000" },
    "no-export": { type: "boolean", default: false },
  },
});
const N = Number(opts.entries);
const ROUNDS = Number(opts.rounds);
const EXPORT_N = Number(opts["export-entries"]);

const signer = createLocalSigner(parseSigningKeyPem(generateSigningKeyPem(), "bench"));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number) => Math.round(n).toLocaleString("en-GB");

/** A decision entry of realistic size (~700 bytes), as a single check writes it. */
function decision(i: number, at: Date): AuditEvent {
  const nodeId = `node-${i % 7}`;
  return auditEvent("decision.made", {
    id: randomUUID(),
    at,
    actor: { kind: "node", nodeId },
    subjectKey: randomBytes(32).toString("hex"),
    data: {
      nodeId,
      requestHash: `sha256:${randomBytes(32).toString("hex")}`,
      decision: i % 5 === 0 ? "DENY" : "PERMIT",
      reasons: i % 5 === 0 ? [{ code: "NO_CONSENT" }] : [],
      consentId: i % 5 === 0 ? null : randomUUID(),
      consentVersion: i % 5 === 0 ? null : 1,
      purpose: "HMB",
      recipient: { organisation: "KU Leuven", type: "public", country: "BE" },
      dataCategories: ["imaging.ct", "imaging.mr"],
      permitReference: "P-2026-001",
    },
  });
}

async function appendRound(withIntegrate: boolean): Promise<number> {
  const dir = mkdtempSync(join(os.tmpdir(), "donum-bench-log-"));
  const stores = createSqliteStores(join(dir, "donum.db"));
  try {
    const events = Array.from({ length: N }, (_, i) => decision(i, new Date(Date.UTC(2026, 10, 1) + i)));
    const start = performance.now();
    for (const e of events) await stores.audit.append(e);
    if (withIntegrate) {
      const deps = { stores, signer: () => signer, origin: "https://donum.bench" };
      for (;;) if ((await integrate(deps)).added === 0) break;
    }
    return N / ((performance.now() - start) / 1000);
  } finally {
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function child(script: string, args: string[]): { ms: number; maxRssMB: number; out: Record<string, unknown> } {
  const start = performance.now();
  const r = spawnSync(process.execPath, ["--import", "tsx", join(__dirname, script), ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`${script} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  const out = JSON.parse(r.stdout.trim().split("\n").at(-1)!) as Record<string, unknown> & { maxRssKB: number };
  return { ms, maxRssMB: out.maxRssKB / 1024, out };
}

async function main(): Promise<void> {
  console.log(`Log benchmarks on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), load ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  const appendOnly: number[] = [];
  const appendIntegrate: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    // Interleaved, so that both see the same machine state.
    appendOnly.push(await appendRound(false));
    appendIntegrate.push(await appendRound(true));
  }
  const results: Record<string, unknown> = {
    at: new Date().toISOString(),
    cores: os.cpus().length,
    appendEntries: N,
    rounds: ROUNDS,
    appendOnlyPerSecond: median(appendOnly),
    appendIntegratePerSecond: median(appendIntegrate),
    ratio: median(appendIntegrate) / median(appendOnly),
  };
  console.log(`append alone (baseline):  ${fmt(median(appendOnly))} entries/s  (median of ${ROUNDS}: ${appendOnly.map(fmt).join(", ")})`);
  console.log(`append + integrate:       ${fmt(median(appendIntegrate))} entries/s  (median of ${ROUNDS}: ${appendIntegrate.map(fmt).join(", ")})`);
  console.log(`ratio:                    ${(median(appendIntegrate) / median(appendOnly)).toFixed(2)}`);

  if (!opts["no-export"]) {
    const dir = mkdtempSync(join(os.tmpdir(), "donum-bench-export-"));
    try {
      const db = join(dir, "donum.db");
      // One key signs the checkpoint here and the manifest in the child: one JWKS verifies both.
      const keyFile = join(dir, "signing.pem");
      writeFileSync(keyFile, generateSigningKeyPem(), { mode: 0o600 });
      const exportSigner = createLocalSigner(parseSigningKeyPem(readFileSync(keyFile, "utf8"), "bench"));
      const seedStart = performance.now();
      const stores = createSqliteStores(db);
      const t0 = Date.UTC(2026, 10, 1);
      for (let i = 0; i < EXPORT_N; i += 5000) {
        await stores.audit.appendMany(Array.from({ length: Math.min(5000, EXPORT_N - i) }, (_, j) => decision(i + j, new Date(t0 + (i + j) * 10))));
      }
      const deps = { stores, signer: () => exportSigner, origin: "https://donum.bench" };
      for (;;) if ((await integrate(deps)).added === 0) break;
      await stores.close();
      const seedMs = performance.now() - seedStart;
      const out = join(dir, "bundle");
      const ex = child("support/export-child.ts", [db, out, keyFile, new Date(t0).toISOString(), new Date(t0 + EXPORT_N * 10).toISOString()]);
      const size = statSync(join(out, "entries.ndjson")).size;
      const vf = child("support/verify-child.ts", [out, join(dir, "jwks.json")]);
      Object.assign(results, {
        exportEntries: EXPORT_N,
        seedSeconds: seedMs / 1000,
        exportSeconds: ex.ms / 1000,
        exportPeakRssMB: ex.maxRssMB,
        exportEntriesPerSecond: EXPORT_N / (ex.ms / 1000),
        entriesNdjsonMB: size / 1024 / 1024,
        verifySeconds: vf.ms / 1000,
        verifyPeakRssMB: vf.maxRssMB,
        verifyOk: vf.out.ok,
      });
      console.log(`seeded ${fmt(EXPORT_N)} entries and integrated them in ${(seedMs / 1000).toFixed(1)} s (setup, not a result)`);
      console.log(`export of ${fmt(EXPORT_N)} entries: ${(ex.ms / 1000).toFixed(1)} s, peak RSS ${ex.maxRssMB.toFixed(0)} MB, entries.ndjson ${(size / 1024 / 1024).toFixed(0)} MB`);
      console.log(`verify of that bundle:   ${(vf.ms / 1000).toFixed(1)} s, peak RSS ${vf.maxRssMB.toFixed(0)} MB, ok=${String(vf.out.ok)}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const outDir = join(__dirname, "..", "test-output", "bench");
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "log-latest.json"), `${JSON.stringify(results, null, 2)}\n`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
