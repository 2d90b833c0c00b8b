/**
 * The log worker: what a long-lived server does on its timers (lib/audit/log/runtime.ts), as one
 * function a scheduler invokes, for deployments without a long-lived process (AWS Lambda, invoked
 * by an EventBridge schedule every minute; infra/). Each run sequences and integrates new audit
 * entries and signs a checkpoint, so an entry is in a checkpoint within settle time + one period
 * (ADR 0007), and then runs the audit exports that are waiting (ADR 0008); the same container
 * code as the portal, selected by the same configuration.
 */
import { runPendingExports } from "../audit/export/jobs";
import { exportDepsOf } from "../audit/export/runtime";
import { integrateNow } from "../audit/log/runtime";
import { getContainer } from "./container";

export interface LogWorkerResult {
  /** Entries added to the tree by this run. */
  integrated: number;
  treeSize: number;
  /** Audit exports this run finished (or failed). */
  exports: number;
}

/** One run. Integrate repeatedly (each call is bounded) until the log has caught up or the budget is spent. */
export async function runLogWorker(budgetMs = 45_000): Promise<LogWorkerResult> {
  const container = await getContainer();
  const started = Date.now();
  let integrated = 0;
  let treeSize = 0;
  for (;;) {
    const result = await integrateNow(container);
    integrated += result.added;
    treeSize = result.checkpoint.treeSize;
    if (result.added === 0 || Date.now() - started > budgetMs) break;
  }
  const exports = await runPendingExports(exportDepsOf(container));
  container.log.info("log worker run", { integrated, treeSize, exports });
  return { integrated, treeSize, exports };
}

/** AWS Lambda entry point (scheduled). */
export async function handler(): Promise<LogWorkerResult> {
  return runLogWorker();
}
