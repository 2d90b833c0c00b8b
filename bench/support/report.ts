/** The benchmark's results: medians, the targets of issue 4, and the table printed to stdout. */
import type { Breakdown } from "../breakdown";
import { formatBreakdown } from "../breakdown";
import type { LoadResult } from "./load";

export type ServerKind = "next" | "bare";

export interface SingleSummary {
  server: ServerKind;
  concurrency: number;
  rounds: number;
  /** Medians over the rounds, each metric on its own. */
  perSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Summed over the rounds. */
  ok: number;
  errors: number;
  permits: number;
  denies: number;
  serverCpuMsPerRequest: number | null;
  serverCores: number | null;
  clientCpuMsPerRequest: number;
  errorSamples: string[];
}

export interface BatchRun {
  ms: number;
  decisionsPerSecond: number;
  permits: number;
  denies: number;
  responseBytes?: number;
  ok: boolean;
  error?: string;
}

export interface BatchSummary {
  where: "next" | "bare" | "in-process";
  size: number;
  runs: BatchRun[];
  medianMs: number;
  decisionsPerSecond: number;
}

export interface Target {
  name: string;
  goal: string;
  measured: string;
  met: boolean | null;
}

export interface Report {
  startedAt: string;
  finishedAt: string;
  durationSeconds: number;
  node: string;
  cpu: string;
  cores: number;
  loadAverageBefore: number[];
  loadAverageAfter: number[];
  gitCommit: string | null;
  settings: Record<string, unknown>;
  seed: { subjects: number; consents: number; seconds: number };
  single: SingleSummary[];
  singleRounds: (LoadResult & { server: ServerKind; round: number })[];
  /** next/bare by checks/s, and by server CPU per check (bare CPU / next CPU: less sensitive to other load). */
  ratios: { concurrency: number; nextOverBare: number; byCpu: number | null }[];
  /** GET /api/health on both servers: what each framework costs around a nearly empty handler. */
  overhead: SingleSummary[];
  batch: BatchSummary[];
  targets: Target[];
  breakdown: Breakdown | null;
  notes: string[];
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const medianOrNull = (values: (number | null)[]): number | null => (values.some((v) => v === null) ? null : median(values as number[]));

export function summariseSingle(server: ServerKind, concurrency: number, rounds: LoadResult[]): SingleSummary {
  return {
    server,
    concurrency,
    rounds: rounds.length,
    perSecond: median(rounds.map((r) => r.perSecond)),
    p50: median(rounds.map((r) => r.latencyMs.p50)),
    p90: median(rounds.map((r) => r.latencyMs.p90)),
    p99: median(rounds.map((r) => r.latencyMs.p99)),
    max: median(rounds.map((r) => r.latencyMs.max)),
    ok: rounds.reduce((a, r) => a + r.ok, 0),
    errors: rounds.reduce((a, r) => a + r.errors, 0),
    permits: rounds.reduce((a, r) => a + r.permits, 0),
    denies: rounds.reduce((a, r) => a + r.denies, 0),
    serverCpuMsPerRequest: medianOrNull(rounds.map((r) => r.serverCpuMsPerRequest)),
    serverCores: medianOrNull(rounds.map((r) => r.serverCores)),
    clientCpuMsPerRequest: median(rounds.map((r) => r.clientCpuMsPerRequest)),
    errorSamples: [...new Set(rounds.flatMap((r) => r.errorSamples))].slice(0, 5),
  };
}

export const TARGETS = {
  singleChecksPerSecond: 2000,
  singleP99Ms: 20,
  nextOverBare: 0.6,
  batchDecisionsPerSecond: 50_000,
};

export function evaluateTargets(single: SingleSummary[], ratios: Report["ratios"], batch: BatchSummary[]): Target[] {
  const targets: Target[] = [];
  for (const s of single.filter((x) => x.server === "next")) {
    targets.push({
      name: `single checks through next start, C=${s.concurrency}`,
      goal: `≥ ${TARGETS.singleChecksPerSecond.toLocaleString("en")} checks/s with p99 ≤ ${TARGETS.singleP99Ms} ms`,
      measured: `${fmt(s.perSecond, 0)} checks/s, p99 ${fmt(s.p99, 1)} ms`,
      met: s.errors === 0 && s.perSecond >= TARGETS.singleChecksPerSecond && s.p99 <= TARGETS.singleP99Ms,
    });
  }
  for (const r of ratios) {
    targets.push({
      name: `next start / bare node:http, C=${r.concurrency}`,
      goal: `≥ ${TARGETS.nextOverBare}`,
      measured: fmt(r.nextOverBare, 2),
      met: Number.isFinite(r.nextOverBare) ? r.nextOverBare >= TARGETS.nextOverBare : null,
    });
  }
  const next = batch.find((b) => b.where === "next");
  if (next) {
    targets.push({
      name: `batch of ${next.size.toLocaleString("en")} through next start (end to end)`,
      goal: `≥ ${TARGETS.batchDecisionsPerSecond.toLocaleString("en")} decisions/s`,
      measured: `${fmt(next.decisionsPerSecond, 0)} decisions/s`,
      met: next.runs.every((r) => r.ok) ? next.decisionsPerSecond >= TARGETS.batchDecisionsPerSecond : false,
    });
  }
  return targets;
}

export function fmt(v: number | null | undefined, digits: number): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "–";
  return v.toLocaleString("en", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

const pad = (s: string, n: number) => s.padStart(n);
const perCore = (cpuMs: number | null) => (cpuMs && cpuMs > 0 ? 1000 / cpuMs : null);

export function formatReport(r: Report): string {
  const out: string[] = [];
  out.push(`Donum benchmark, ${r.startedAt} (${fmt(r.durationSeconds, 0)} s)`);
  out.push(`node ${r.node} · ${r.cpu} · ${r.cores} cores · commit ${r.gitCommit ?? "?"}`);
  out.push(
    `load average (1/5/15 min) before ${r.loadAverageBefore.map((v) => v.toFixed(2)).join(" ")}, after ${r.loadAverageAfter.map((v) => v.toFixed(2)).join(" ")}`,
  );
  out.push(
    `seeded ${r.seed.subjects.toLocaleString("en")} subjects with the use cases (${r.seed.consents.toLocaleString("en")} with consent changes) in ${fmt(r.seed.seconds, 1)} s`,
  );
  const s = r.settings;
  out.push(
    `single checks: ${fmt(s.requests as number, 0)} requests per phase after ${fmt(s.warmup as number, 0)} warm-up, closed loop, keep-alive, ` +
      `tokens signed ${s.signAhead ? "just before each phase" : "inline"}; medians of ${s.rounds} round(s) (next and bare interleaved)`,
  );
  out.push("");

  out.push(
    `${"Single checks (POST /api/v1/decisions)".padEnd(40)}${pad("checks/s", 10)}${pad("p50 ms", 9)}${pad("p90 ms", 9)}${pad("p99 ms", 9)}${pad("max ms", 9)}${pad("errors", 8)}${pad("srv CPU ms", 12)}${pad("srv cores", 11)}${pad("per core/s", 12)}${pad("load gen ms", 13)}${pad("permit %", 10)}`,
  );
  for (const c of [...new Set(r.single.map((x) => x.concurrency))]) {
    for (const kind of ["next", "bare"] as const) {
      const x = r.single.find((y) => y.server === kind && y.concurrency === c);
      if (!x) continue;
      const label = `  ${kind === "next" ? "next start" : "bare node:http"}, C=${c}`;
      const permitShare = x.ok > 0 ? (x.permits / x.ok) * 100 : NaN;
      out.push(
        `${label.padEnd(40)}${pad(fmt(x.perSecond, 0), 10)}${pad(fmt(x.p50, 1), 9)}${pad(fmt(x.p90, 1), 9)}${pad(fmt(x.p99, 1), 9)}${pad(fmt(x.max, 1), 9)}${pad(String(x.errors), 8)}${pad(fmt(x.serverCpuMsPerRequest, 3), 12)}${pad(fmt(x.serverCores, 2), 11)}${pad(fmt(perCore(x.serverCpuMsPerRequest), 0), 12)}${pad(fmt(x.clientCpuMsPerRequest, 3), 13)}${pad(fmt(permitShare, 0), 10)}`,
      );
    }
    const ratio = r.ratios.find((x) => x.concurrency === c);
    if (ratio) {
      out.push(`  ${"ratio next/bare".padEnd(38)}${pad(fmt(ratio.nextOverBare, 2), 10)}   (by server CPU per check: ${fmt(ratio.byCpu, 2)})`);
    }
  }
  out.push(
    "  srv CPU ms: server CPU (user+system) per check · srv cores: server CPU / wall time · per core/s: 1000 / srv CPU ms,",
    "  the rate one whole core would sustain · load gen ms: this process's CPU per check (the load generator shares the 2 cores)",
  );
  out.push("");

  if (r.overhead.length > 0) {
    out.push(`${"Framework probe (GET /api/health)".padEnd(40)}${pad("req/s", 10)}${pad("p50 ms", 9)}${pad("p90 ms", 9)}${pad("p99 ms", 9)}${pad("max ms", 9)}${pad("errors", 8)}${pad("srv CPU ms/req", 16)}${pad("srv cores", 11)}`);
    for (const x of r.overhead) {
      const label = `  ${x.server === "next" ? "next start" : "bare node:http"}, C=${x.concurrency}`;
      out.push(
        `${label.padEnd(40)}${pad(fmt(x.perSecond, 0), 10)}${pad(fmt(x.p50, 1), 9)}${pad(fmt(x.p90, 1), 9)}${pad(fmt(x.p99, 1), 9)}${pad(fmt(x.max, 1), 9)}${pad(String(x.errors), 8)}${pad(fmt(x.serverCpuMsPerRequest, 3), 16)}${pad(fmt(x.serverCores, 2), 11)}`,
      );
    }
    out.push("");
  }

  if (r.batch.length > 0) {
    out.push(`${`Batch of ${r.batch[0]!.size.toLocaleString("en")} subjects`.padEnd(40)}${pad("median ms", 10)}${pad("decisions/s", 13)}${pad("permit %", 10)}${pad("answer MB", 11)}  all runs (ms)`);
    for (const b of r.batch) {
      const label = b.where === "next" ? "next start, end to end" : b.where === "bare" ? "bare node:http, end to end" : "in process (checkBatch)";
      const first = b.runs.find((x) => x.ok);
      const permitShare = first ? (first.permits / b.size) * 100 : NaN;
      const mb = first?.responseBytes !== undefined ? first.responseBytes / 1e6 : NaN;
      out.push(
        `  ${label.padEnd(38)}${pad(fmt(b.medianMs, 0), 10)}${pad(fmt(b.decisionsPerSecond, 0), 13)}${pad(fmt(permitShare, 0), 10)}${pad(fmt(mb, 1), 11)}  ${b.runs.map((x) => (x.ok ? fmt(x.ms, 0) : "error")).join(", ")}`,
      );
    }
    out.push("");
  }

  out.push("Targets (issue 4; a measurement, not a test)");
  for (const t of r.targets) {
    out.push(`  ${t.met === null ? "n/a    " : t.met ? "MET    " : "NOT MET"}  ${t.name}: ${t.goal}; measured ${t.measured}`);
  }
  for (const n of r.notes) out.push(`  note: ${n}`);
  if (r.breakdown) {
    out.push("");
    out.push(formatBreakdown(r.breakdown));
  }
  return out.join("\n");
}
