/**
 * `npm run bench`: the consent-check benchmarks of issue 4, in one run, on this machine.
 *
 *  1. Builds the portal if it is stale (scripts/build-if-stale.ts), makes a temporary data
 *     directory, and seeds it with the real use cases (subjects with active, non-covering,
 *     withdrawn and opted-out consents, and none) — see bench/support/workload.ts.
 *  2. Starts `next start` (the built portal) and bench/bare-server.ts (the same work in a bare
 *     node:http server) on loopback ports, both on that data directory.
 *  3. Single checks: a closed-loop load of C concurrent keep-alive connections, every request
 *     signed as the demo node with its own jti; next and bare interleaved, for each C, each round.
 *     Then a framework probe: GET /api/health on both (what each HTTP stack costs per request).
 *  4. A 10,000-subject batch: through next start, through the bare server, and in process
 *     (checkBatch directly), median of the runs.
 *  5. Where the time of one check goes, step by step, in process (bench/breakdown.ts).
 *  6. Prints the table (stdout) and writes test-output/bench/latest.json and a timestamped copy.
 *     docs/benchmarks.md explains every number.
 *
 * Traffic goes to 127.0.0.1 only. Every loop is bounded in count and time; the whole run stops
 * itself. The servers and the temporary directory are removed at the end, on an error and on
 * Ctrl-C. Options (after `npm run bench --`):
 *   --subjects N       seeded subjects (2000)
 *   --requests N       measured requests per phase (5000)
 *   --warmup N         warm-up requests per phase (500)
 *   --concurrency a,b  concurrent connections (16,64)
 *   --rounds N         rounds of single-check phases; medians are reported (3)
 *   --batch-size N     subjects per batch (10000, the API's limit)
 *   --batch-runs N     measured batch runs each way; one warm-up run before (5)
 *   --sign inline      sign each request just before sending it (default: just before each phase)
 *   --no-build         do not build, even if the build is stale (a build must exist)
 *   --no-breakdown     skip the in-process step breakdown
 *   --cpu-prof         run both servers under --cpu-prof; their hottest functions are printed
 */
import { spawnSync, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { readPrivateJwkFile } from "../lib/client/node-key";
import { createRequestSigner, type RequestSigner } from "../lib/client/request-signer";
import { parseConfig } from "../lib/config";
import { checkBatch } from "../lib/decisions/check";
import { decisionDepsOf } from "../lib/decisions/deps";
import { createContainer, type Container } from "../lib/server/container";
import { buildIfStale } from "../scripts/build-if-stale";
import { measureBreakdown, type Breakdown } from "./breakdown";
import { keepAliveAgent, post, runLoad, type LoadResult } from "./support/load";
import {
  cleanup,
  freePorts,
  installSignalHandlers,
  LOOPBACK,
  onCleanup,
  removeAtEnd,
  startProcess,
  stopProcess,
  waitForHttp,
} from "./support/processes";
import { summarizeProfile } from "./support/profile";
import {
  evaluateTargets,
  formatReport,
  median,
  summariseSingle,
  type BatchRun,
  type BatchSummary,
  type Report,
  type ServerKind,
} from "./support/report";
import { batchCheckBody, seedSubjects, singleCheckBody } from "./support/workload";

const ROOT = join(__dirname, "..");
const OUT_DIR = join(ROOT, "test-output", "bench");
const DECISIONS = "/api/v1/decisions";
const BATCH = "/api/v1/decisions/batch";
const DEMO_NODE = "demo-node";

/** The whole run stops itself after this, whatever happens. */
const HARD_LIMIT_MS = 7 * 60_000;
/**
 * The run aims to finish within this (build included): a further single-check round is started
 * only if, at the pace of the previous one, it ends TAIL_RESERVE_MS before it (what follows the
 * rounds — the probe, the batches, the breakdown — takes 30–65 s here).
 */
const RUN_BUDGET_MS = 280_000;
const TAIL_RESERVE_MS = 70_000;
/** Requests of the framework-overhead probe (GET /api/health) per server. */
const OVERHEAD_REQUESTS = 3000;
/** One phase sends no new request after this. */
const PHASE_LIMIT_MS = 45_000;

function options() {
  const { values } = parseArgs({
    options: {
      subjects: { type: "string", default: "2000" },
      requests: { type: "string", default: "5000" },
      warmup: { type: "string", default: "500" },
      concurrency: { type: "string", default: "16,64" },
      rounds: { type: "string", default: "3" },
      "batch-size": { type: "string", default: "10000" },
      "batch-runs": { type: "string", default: "5" },
      sign: { type: "string", default: "ahead" },
      "no-build": { type: "boolean", default: false },
      "no-breakdown": { type: "boolean", default: false },
      "cpu-prof": { type: "boolean", default: false },
    },
    strict: true,
  });
  const int = (name: string, v: string, min: number, max: number) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}`);
    return n;
  };
  const concurrency = values.concurrency.split(",").map((c) => int("concurrency", c.trim(), 1, 512));
  if (values.sign !== "ahead" && values.sign !== "inline") throw new Error("--sign must be ahead or inline");
  return {
    subjects: int("subjects", values.subjects, 20, 100_000),
    requests: int("requests", values.requests, 1, 100_000),
    warmup: int("warmup", values.warmup, 0, 100_000),
    concurrency,
    rounds: int("rounds", values.rounds, 1, 20),
    batchSize: int("batch-size", values["batch-size"], 1, 10_000),
    batchRuns: int("batch-runs", values["batch-runs"], 1, 20),
    signAhead: values.sign === "ahead",
    build: !values["no-build"],
    breakdown: !values["no-breakdown"],
    cpuProf: values["cpu-prof"],
  };
}

type Options = ReturnType<typeof options>;

function log(line: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

/** The commit measured (plus "+changes" for a dirty tree); BENCH_COMMIT names it for a tree without .git. */
function gitCommit(): string | null {
  const r = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) return process.env.BENCH_COMMIT ?? null;
  const dirty = spawnSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: ROOT, encoding: "utf8" });
  return `${r.stdout.trim()}${dirty.status === 0 && dirty.stdout.trim() !== "" ? "+changes" : ""}`;
}

/** The servers' environment: this one without any DONUM_* of the caller's shell, plus ours. */
function serverEnvironment(dataDir: string, ports: { next: number; idp: number }): NodeJS.ProcessEnv {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith("DONUM_")) env[k] = v;
  return {
    ...env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    DONUM_DATA_DIR: dataDir,
    DONUM_PUBLIC_URL: `http://${LOOPBACK}:${ports.next}`,
    // The development OpenID provider is not started: nothing on the node API needs it, and
    // next-auth reads its discovery document only when someone signs in.
    DONUM_DEV_IDP_PORT: String(ports.idp),
    DONUM_LOG_LEVEL: "info",
    // The per-node rate limit (200/s by default) would cap a single node far below the load:
    // lifted, so that the benchmark measures the work, not the limiter (which still runs).
    DONUM_NODE_RATE_PER_SECOND: "1000000",
    DONUM_NODE_RATE_BURST: "10000000",
  };
}

async function startNext(env: NodeJS.ProcessEnv, port: number, profileDir: string | null): Promise<ChildProcess> {
  const logFile = join(OUT_DIR, "next-server.log");
  const out = openSync(logFile, "w");
  const profile = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  const next = join(ROOT, "node_modules/next/dist/bin/next");
  const watch = ["--require", join(ROOT, "bench/support/exit-with-parent.cjs")];
  const child = startProcess(process.execPath, [...profile, ...watch, next, "start", "-p", String(port), "-H", LOOPBACK], {
    cwd: ROOT,
    stdio: ["ignore", out, out],
    env,
  });
  closeSync(out); // the child has its own copy
  await waitForHttp(`http://${LOOPBACK}:${port}/api/health`, child, 90_000, "next start", logFile);
  return child;
}

async function startBare(env: NodeJS.ProcessEnv, port: number, profileDir: string | null): Promise<ChildProcess> {
  const logFile = join(OUT_DIR, "bare-server.log");
  const out = openSync(logFile, "w");
  const profile = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  const child = startProcess(process.execPath, [...profile, "--import", "tsx", join(ROOT, "bench/bare-server.ts")], {
    cwd: ROOT,
    stdio: ["ignore", out, out, "ipc"],
    env: { ...env, BENCH_BARE_PORT: String(port) },
  });
  closeSync(out);
  await waitForHttp(`http://${LOOPBACK}:${port}/api/health`, child, 60_000, "the bare server", logFile);
  return child;
}

/** One signed check against each server before measuring: a wrong setup fails here, loudly. */
async function smokeTest(port: number, what: string, signer: RequestSigner, body: string): Promise<void> {
  const agent = new http.Agent({ keepAlive: false });
  try {
    const bytes = Buffer.from(body);
    const answer = await post(agent, port, DECISIONS, bytes, signer.sign({ method: "POST", path: DECISIONS, body: bytes }), 30_000);
    const text = answer.body.toString("utf8");
    if (answer.status !== 200 || !text.includes('"token"')) {
      throw new Error(`${what}: a signed check answered ${answer.status} ${answer.error ?? text.slice(0, 300)}`);
    }
  } finally {
    agent.destroy();
  }
}

async function batchOverHttp(port: number, signer: RequestSigner, body: Buffer, size: number): Promise<BatchRun> {
  const agent = new http.Agent({ keepAlive: false });
  try {
    const authorization = signer.sign({ method: "POST", path: BATCH, body }); // a fresh jti every run
    const t0 = performance.now();
    const answer = await post(agent, port, BATCH, body, authorization, 120_000);
    const ms = performance.now() - t0;
    if (answer.status !== 200) {
      return { ms, decisionsPerSecond: 0, permits: 0, denies: 0, ok: false, error: `${answer.status} ${answer.error ?? answer.body.toString("utf8").slice(0, 300)}` };
    }
    const parsed = JSON.parse(answer.body.toString("utf8")) as { token?: string; items?: { decision: string }[] };
    const items = parsed.items ?? [];
    if (typeof parsed.token !== "string" || items.length !== size) {
      return { ms, decisionsPerSecond: 0, permits: 0, denies: 0, ok: false, error: `answered ${items.length} items, expected ${size}` };
    }
    const permits = items.filter((i) => i.decision === "PERMIT").length;
    return { ms, decisionsPerSecond: (size / ms) * 1000, permits, denies: size - permits, responseBytes: answer.body.byteLength, ok: true };
  } finally {
    agent.destroy();
  }
}

async function batchInProcess(container: Container, body: Buffer, size: number): Promise<BatchRun> {
  const deps = decisionDepsOf(container);
  const input: unknown = JSON.parse(body.toString("utf8"));
  const t0 = performance.now();
  const result = await checkBatch(deps, { id: DEMO_NODE }, input);
  const ms = performance.now() - t0;
  const permits = result.items.filter((i) => i.decision === "PERMIT").length;
  return { ms, decisionsPerSecond: (size / ms) * 1000, permits, denies: size - permits, ok: result.items.length === size };
}

function summariseBatch(where: BatchSummary["where"], size: number, runs: BatchRun[]): BatchSummary {
  const good = runs.filter((r) => r.ok);
  const medianMs = median(good.map((r) => r.ms));
  return { where, size, runs, medianMs, decisionsPerSecond: good.length > 0 ? (size / medianMs) * 1000 : 0 };
}

async function main(): Promise<void> {
  installSignalHandlers();
  const hardStop = setTimeout(() => {
    log(`the run took more than ${HARD_LIMIT_MS / 60_000} minutes: stopping it`);
    void cleanup().finally(() => process.exit(3));
  }, HARD_LIMIT_MS);
  hardStop.unref();

  const o: Options = options();
  const started = new Date();
  const t0 = performance.now();
  const loadBefore = os.loadavg();
  mkdirSync(OUT_DIR, { recursive: true });
  const notes: string[] = [];

  // ── 1. Build, data directory, seed
  if (o.build) buildIfStale();
  if (!existsSync(join(ROOT, ".next", "BUILD_ID"))) throw new Error("no build in .next: run `npm run build` (or drop --no-build)");

  const dataDir = mkdtempSync(join(os.tmpdir(), "donum-bench-"));
  removeAtEnd(dataDir);
  const [nextPort, barePort, idpPort] = (await freePorts(3)) as [number, number, number];
  const env = serverEnvironment(dataDir, { next: nextPort, idp: idpPort });

  log(`data directory ${dataDir}; seeding ${o.subjects} subjects with the use cases…`);
  const container = await createContainer(parseConfig({ ...env, DONUM_LOG_LEVEL: "warn" }));
  onCleanup(() => container.stores.close());
  const seed = await seedSubjects(container, o.subjects);
  log(`seeded in ${(seed.ms / 1000).toFixed(1)} s`);
  const { privateJwk } = readPrivateJwkFile(join(dataDir, "keys", "demo-node.private.jwk"));
  const signer = createRequestSigner({ nodeId: DEMO_NODE, privateJwk, audience: env.DONUM_PUBLIC_URL! });

  // ── 2. Servers
  log(`starting next start on ${LOOPBACK}:${nextPort} and the bare server on ${LOOPBACK}:${barePort}…`);
  const profileDirs: Record<ServerKind, string> | null = o.cpuProf
    ? { next: mkdtempSync(join(os.tmpdir(), "donum-bench-prof-next-")), bare: mkdtempSync(join(os.tmpdir(), "donum-bench-prof-bare-")) }
    : null;
  if (profileDirs) Object.values(profileDirs).forEach(removeAtEnd);
  const [next, bare] = await Promise.all([startNext(env, nextPort, profileDirs?.next ?? null), startBare(env, barePort, profileDirs?.bare ?? null)]);
  const servers: Record<ServerKind, { port: number; child: ChildProcess }> = {
    next: { port: nextPort, child: next },
    bare: { port: barePort, child: bare },
  };
  const body = singleCheckBody(o.subjects, started.getTime().toString(36));
  await smokeTest(nextPort, "next start", signer, body(0));
  await smokeTest(barePort, "the bare server", signer, body(1));

  // ── 3. Single checks
  // Every phase asks the same sequence of checks (the same PERMIT/DENY mix); tokens are all new.
  const rounds: (LoadResult & { server: ServerKind; round: number })[] = [];
  const maxC = Math.max(...o.concurrency);
  for (const kind of ["next", "bare"] as const) {
    const { port, child } = servers[kind];
    log(`warming up ${kind} (${2 * o.warmup} checks at C=${maxC})…`);
    const warm = await runLoad({ port, path: DECISIONS, concurrency: maxC, requests: 2 * o.warmup, body, signer, signAhead: o.signAhead, maxDurationMs: PHASE_LIMIT_MS, timeoutMs: 30_000, serverPid: child.pid });
    if (warm.errors > 0) log(`  ${warm.errors} errors in the warm-up: ${warm.errorSamples.join(" | ")}`);
  }
  const roundsStarted = performance.now();
  for (let round = 1; round <= o.rounds; round++) {
    const perRound = (performance.now() - roundsStarted) / Math.max(1, round - 1);
    if (round > 1 && performance.now() - t0 + perRound + TAIL_RESERVE_MS > RUN_BUDGET_MS) {
      notes.push(`only ${round - 1} of ${o.rounds} single-check rounds were run, to finish within about ${Math.round(RUN_BUDGET_MS / 60_000)} minutes`);
      log(`skipping the remaining rounds (time budget)`);
      break;
    }
    for (const c of o.concurrency) {
      // Alternate which server goes first, so that drift in the machine's load hits both alike.
      const order: ServerKind[] = (round + o.concurrency.indexOf(c)) % 2 === 1 ? ["next", "bare"] : ["bare", "next"];
      for (const kind of order) {
        const { port, child } = servers[kind];
        // The warm-up opens the C connections; the measured phase reuses them (no connection setup measured).
        const agent = keepAliveAgent(c);
        const common = { port, path: DECISIONS, concurrency: c, body, signer, signAhead: o.signAhead, maxDurationMs: PHASE_LIMIT_MS, timeoutMs: 30_000, serverPid: child.pid, agent };
        if (o.warmup > 0) {
          const warm = await runLoad({ ...common, requests: o.warmup });
          if (warm.errors > 0) log(`  ${warm.errors} errors in the warm-up: ${warm.errorSamples.join(" | ")}`);
        }
        const result = await runLoad({ ...common, requests: o.requests });
        agent.destroy();
        rounds.push({ ...result, server: kind, round });
        log(
          `round ${round} ${kind.padEnd(4)} C=${String(c).padEnd(3)} ${result.perSecond.toFixed(0).padStart(5)} checks/s  p50 ${result.latencyMs.p50.toFixed(1)} ms  p99 ${result.latencyMs.p99.toFixed(1)} ms  errors ${result.errors}` +
            (result.stoppedByDeadline ? "  (stopped by the phase time limit)" : ""),
        );
        if (result.errorSamples.length > 0) log(`  errors: ${result.errorSamples.join(" | ")}`);
      }
    }
  }
  const single = o.concurrency.flatMap((c) =>
    (["next", "bare"] as const).map((kind) => summariseSingle(kind, c, rounds.filter((r) => r.server === kind && r.concurrency === c))),
  );
  const ratios = o.concurrency.map((c) => {
    const n = single.find((s) => s.server === "next" && s.concurrency === c)!;
    const b = single.find((s) => s.server === "bare" && s.concurrency === c)!;
    const byCpu = n.serverCpuMsPerRequest && b.serverCpuMsPerRequest ? b.serverCpuMsPerRequest / n.serverCpuMsPerRequest : null;
    return { concurrency: c, nextOverBare: n.perSecond / b.perSecond, byCpu };
  });

  // ── 3b. The frameworks' own cost: GET /api/health (no authentication, two SQLite reads) on both
  const overhead = [];
  for (const kind of ["next", "bare"] as const) {
    const { port, child } = servers[kind];
    const agent = keepAliveAgent(16);
    const common = { port, path: "/api/health", concurrency: 16, body: null, signer, signAhead: false, maxDurationMs: PHASE_LIMIT_MS, timeoutMs: 30_000, serverPid: child.pid, agent };
    await runLoad({ ...common, requests: o.warmup });
    const result = await runLoad({ ...common, requests: OVERHEAD_REQUESTS });
    agent.destroy();
    log(`health ${kind.padEnd(4)} C=16  ${result.perSecond.toFixed(0).padStart(5)} req/s  server CPU ${result.serverCpuMsPerRequest?.toFixed(3) ?? "?"} ms/req`);
    overhead.push(summariseSingle(kind, 16, [result]));
  }

  // ── 4. Batches
  const batchBody = Buffer.from(batchCheckBody(o.batchSize, started.getTime().toString(36)), "utf8");
  const batch: BatchSummary[] = [];
  for (const kind of ["next", "bare"] as const) {
    log(`batch of ${o.batchSize} via ${kind}: 1 warm-up + ${o.batchRuns} runs…`);
    await batchOverHttp(servers[kind].port, signer, batchBody, o.batchSize);
    const runs: BatchRun[] = [];
    for (let r = 0; r < o.batchRuns; r++) runs.push(await batchOverHttp(servers[kind].port, signer, batchBody, o.batchSize));
    for (const r of runs.filter((x) => !x.ok)) log(`  batch error: ${r.error}`);
    batch.push(summariseBatch(kind, o.batchSize, runs));
  }

  // The servers are done: stop them (the bare server writes its CPU profile as it exits).
  await Promise.all([stopProcess(next, 10_000), stopProcess(bare, 10_000)]);

  log(`batch of ${o.batchSize} in process: 1 warm-up + ${o.batchRuns} runs…`);
  await batchInProcess(container, batchBody, o.batchSize);
  const inProcess: BatchRun[] = [];
  for (let r = 0; r < o.batchRuns; r++) inProcess.push(await batchInProcess(container, batchBody, o.batchSize));
  batch.push(summariseBatch("in-process", o.batchSize, inProcess));

  // ── 5. Where the time goes
  let breakdown: Breakdown | null = null;
  if (o.breakdown) {
    log("step breakdown in process…");
    breakdown = await measureBreakdown(container, signer, { seeded: o.subjects, singleIterations: 1000, batchSize: o.batchSize, batchRuns: 2 });
  }

  // ── 6. Report
  const report: Report = {
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    durationSeconds: (performance.now() - t0) / 1000,
    node: process.version,
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    loadAverageBefore: loadBefore,
    loadAverageAfter: os.loadavg(),
    gitCommit: gitCommit(),
    settings: {
      subjects: o.subjects,
      requests: o.requests,
      warmup: o.warmup,
      concurrency: o.concurrency,
      rounds: o.rounds,
      batchSize: o.batchSize,
      batchRuns: o.batchRuns,
      signAhead: o.signAhead,
      logLevel: env.DONUM_LOG_LEVEL,
      rateLimit: "lifted (DONUM_NODE_RATE_PER_SECOND=1000000, DONUM_NODE_RATE_BURST=10000000)",
    },
    seed: { subjects: seed.subjects, consents: seed.consents, seconds: seed.ms / 1000 },
    single,
    singleRounds: rounds,
    ratios,
    overhead,
    batch,
    targets: evaluateTargets(single, ratios, batch),
    breakdown,
    notes,
  };
  const text = formatReport(report);
  process.stdout.write(`\n${text}\n`);

  if (profileDirs) {
    for (const kind of ["next", "bare"] as const) {
      // One profile per thread (tsx's loader has a worker of its own): the largest is the server's.
      const files = readdirSync(profileDirs[kind])
        .filter((f) => f.endsWith(".cpuprofile"))
        .sort((a, b) => statSync(join(profileDirs[kind], b)).size - statSync(join(profileDirs[kind], a)).size)
        .slice(0, 1);
      if (files.length === 0) process.stdout.write(`\n${kind}: no CPU profile was written\n`);
      for (const f of files) {
        const profile = readFileSync(join(profileDirs[kind], f), "utf8");
        writeFileSync(join(OUT_DIR, `${kind}-server.cpuprofile`), profile);
        process.stdout.write(`\n${kind} server CPU profile, whole run (self time, top 30; test-output/bench/${kind}-server.cpuprofile):\n${summarizeProfile(JSON.parse(profile), 30)}\n`);
      }
    }
  }

  const json = `${JSON.stringify(report, null, 2)}\n`;
  writeFileSync(join(OUT_DIR, "latest.json"), json);
  writeFileSync(join(OUT_DIR, `bench-${started.toISOString().replace(/[:.]/g, "-")}.json`), json);
  writeFileSync(join(OUT_DIR, "latest.txt"), `${text}\n`);
  log(`results in ${join("test-output", "bench", "latest.json")} (and a timestamped copy)`);
}

main()
  .then(() => cleanup())
  .then(() => process.exit(0))
  .catch((e: unknown) => {
    process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    void cleanup().finally(() => process.exit(1));
  });
