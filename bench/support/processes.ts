/**
 * Child processes of the benchmark: free loopback ports, start-and-wait, stop (SIGTERM, then
 * SIGKILL), CPU time read from /proc, and one cleanup list that runs on success, on an error and
 * on Ctrl-C, so that no server outlives `npm run bench`.
 */
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";

export const LOOPBACK = "127.0.0.1";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, LOOPBACK, () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Distinct free ports. */
export async function freePorts(n: number): Promise<number[]> {
  const ports = new Set<number>();
  for (let tries = 0; ports.size < n && tries < 50; tries++) ports.add(await freePort());
  if (ports.size < n) throw new Error("could not find free loopback ports");
  return [...ports];
}

// ── Cleanup ────────────────────────────────────────────────────────────────────────────────

type CleanupStep = () => Promise<void> | void;
const cleanups: CleanupStep[] = [];
const children = new Set<ChildProcess>();
let cleaning: Promise<void> | null = null;

/** Registers a step to run at the end (last registered runs first). */
export function onCleanup(step: CleanupStep): void {
  cleanups.push(step);
}

/** Removes a directory at the end. */
export function removeAtEnd(dir: string): void {
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
}

/** Stops every child still running, then runs the cleanup steps. Idempotent. */
export function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await Promise.all([...children].map((c) => stopProcess(c)));
    while (cleanups.length > 0) {
      const step = cleanups.pop()!;
      try {
        await step();
      } catch (e) {
        process.stderr.write(`bench: cleanup step failed: ${e instanceof Error ? e.message : String(e)}\n`);
      }
    }
  })();
  return cleaning;
}

/** Ctrl-C, SIGTERM, an uncaught error: stop the children, remove temp dirs, exit. */
export function installSignalHandlers(): void {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      process.stderr.write(`\nbench: ${signal}: stopping the servers and removing temporary files…\n`);
      void cleanup().finally(() => process.exit(130));
    });
  }
  // Last resort if the process exits without cleanup (e.g. process.exit elsewhere): kill hard.
  process.on("exit", () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  });
}

// ── Children ───────────────────────────────────────────────────────────────────────────────

/** Spawns a child that is stopped at cleanup. */
export function startProcess(command: string, args: string[], options: SpawnOptions): ChildProcess {
  const child = spawn(command, args, options);
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

export function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the process has exited. */
export function stopProcess(child: ChildProcess, graceMs = 5000): Promise<void> {
  return new Promise((resolve) => {
    if (!isRunning(child)) return resolve();
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** Polls `url` until it answers 200, the child exits, or the time is up. */
export async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number, what: string, log: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isRunning(child)) throw new Error(`${what} exited (${child.exitCode ?? child.signalCode}); see ${log}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not answer at ${url} within ${timeoutMs / 1000} s; see ${log}`);
}

// ── CPU time from /proc ────────────────────────────────────────────────────────────────────

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

interface ProcStat {
  ppid: number;
  /** utime + stime, in ms. */
  cpuMs: number;
}

function readStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may contain spaces: split after it.
    const rest = text.slice(text.lastIndexOf(")") + 2).split(" ");
    // rest[0] is field 3 (state); ppid is field 4, utime 14, stime 15.
    const ppid = Number(rest[1]);
    const ticks = Number(rest[11]) + Number(rest[12]);
    return { ppid, cpuMs: (ticks * 1000) / TICKS_PER_SECOND };
  } catch {
    return null;
  }
}

/**
 * CPU time (user + system, ms) of a process and all its descendants, or null where /proc is not
 * there. Children that already exited are not counted (their time is in the parent's cutime).
 */
export function treeCpuMs(rootPid: number | undefined): number | null {
  if (rootPid === undefined) return null;
  const root = readStat(rootPid);
  if (!root) return null;
  let pids: number[];
  try {
    pids = readdirSync("/proc").filter((d) => /^\d+$/.test(d)).map(Number);
  } catch {
    return root.cpuMs;
  }
  const byParent = new Map<number, number[]>();
  const stats = new Map<number, ProcStat>();
  for (const pid of pids) {
    const s = readStat(pid);
    if (!s) continue;
    stats.set(pid, s);
    const list = byParent.get(s.ppid) ?? [];
    list.push(pid);
    byParent.set(s.ppid, list);
  }
  let total = 0;
  const stack = [rootPid];
  const seen = new Set<number>();
  while (stack.length > 0) {
    const pid = stack.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    total += (stats.get(pid) ?? (pid === rootPid ? root : { cpuMs: 0 })).cpuMs;
    for (const child of byParent.get(pid) ?? []) stack.push(child);
  }
  return total;
}

/** The processes in the tree (the root and its descendants), for the report. */
export function treeSize(rootPid: number | undefined): number {
  if (rootPid === undefined) return 0;
  let count = 0;
  const stack = [rootPid];
  const parentOf = new Map<number, number>();
  try {
    for (const d of readdirSync("/proc")) {
      if (!/^\d+$/.test(d)) continue;
      const s = readStat(Number(d));
      if (s) parentOf.set(Number(d), s.ppid);
    }
  } catch {
    return 1;
  }
  while (stack.length > 0) {
    const pid = stack.pop()!;
    count++;
    for (const [child, parent] of parentOf) if (parent === pid) stack.push(child);
  }
  return count;
}
