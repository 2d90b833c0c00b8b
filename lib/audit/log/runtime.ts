/**
 * The integrator inside a server process: one integrate() in flight at a time per container,
 * run on a short timer (unref'd: it never keeps a process alive) and before a checkpoint is
 * served, so that the published checkpoint trails the log by at most the timer's period (plus,
 * on DynamoDB, the sequencer's settle time). See ADR 0007.
 */
import { AppError } from "../../errors";
import type { Container } from "../../server/container";
import { integrate, type IntegrateResult, type LogDeps } from "./index";

/** How often the server integrates new entries. */
export const INTEGRATE_EVERY_MS = 2000;
/** A checkpoint request integrates first unless an integration finished this recently. */
export const FRESH_FOR_MS = 500;

export function logDepsOf(container: Container): LogDeps {
  return { stores: container.stores, signer: () => container.signer, origin: container.config.publicUrl };
}

interface State {
  inflight: Promise<IntegrateResult> | null;
  finishedAt: number;
  timer: ReturnType<typeof setInterval> | null;
}

const states = new WeakMap<Container, State>();

function stateOf(container: Container): State {
  let s = states.get(container);
  if (!s) {
    s = { inflight: null, finishedAt: 0, timer: null };
    states.set(container, s);
  }
  return s;
}

/** Integrates now, joining a run already in flight in this process. */
export function integrateNow(container: Container): Promise<IntegrateResult> {
  const s = stateOf(container);
  s.inflight ??= integrate(logDepsOf(container)).finally(() => {
    s.inflight = null;
    s.finishedAt = Date.now();
  });
  return s.inflight;
}

/** Integrates unless that was done a moment ago; answers nothing (read the checkpoint after). */
export async function integrateIfStale(container: Container): Promise<void> {
  const s = stateOf(container);
  if (s.inflight) {
    await s.inflight;
    return;
  }
  if (Date.now() - s.finishedAt < FRESH_FOR_MS) return;
  await integrateNow(container);
}

/** Starts the periodic integrator of this container once; later calls do nothing. */
export function startIntegrator(container: Container, everyMs: number = INTEGRATE_EVERY_MS): void {
  const s = stateOf(container);
  if (s.timer) return;
  s.timer = setInterval(() => {
    integrateNow(container).catch((error: unknown) => {
      container.log.error("log integration failed", { error: error instanceof Error ? error : String(error) });
    });
  }, everyMs);
  s.timer.unref();
}

/** Stops the periodic integrator (tests, shutdown). */
export function stopIntegrator(container: Container): void {
  const s = stateOf(container);
  if (s.timer) clearInterval(s.timer);
  s.timer = null;
}

/** The latest signed checkpoint, integrating first if it is stale (what GET /api/v1/log/checkpoint serves). */
export async function latestCheckpoint(container: Container): Promise<{ checkpoint: string; treeSize: number; rootHash: string; timestamp: string }> {
  await integrateIfStale(container);
  const cp = await container.stores.tree.getCheckpoint();
  if (!cp) throw new AppError("NOT_FOUND", "The log has no checkpoint yet");
  return { checkpoint: cp.jws, treeSize: cp.treeSize, rootHash: cp.rootHash, timestamp: cp.timestamp };
}
