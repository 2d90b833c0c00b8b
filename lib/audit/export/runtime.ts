/**
 * Audit exports inside a server process: the dependencies from the container, and the
 * in-process runner that starts right after a request (DONUM_EXPORT_RUNNER=in-process, the
 * default). Serverless deployments set it to "worker": the scheduled log worker runs them.
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Container } from "../../server/container";
import { runPendingExports, type ExportDeps } from "./jobs";

export function exportDepsOf(container: Container): ExportDeps {
  return {
    stores: container.stores,
    blob: container.blob,
    signer: () => container.signer,
    origin: container.config.publicUrl,
    // Bundles are written here before they are copied to the blob store (Lambda: /tmp).
    workDir: join(tmpdir(), "donum-exports"),
    log: container.log,
  };
}

const running = new WeakMap<Container, Promise<void>>();
/** Containers whose runner must look again when it finishes its pass (a request arrived meanwhile). */
const rerun = new WeakSet<Container>();

/** Runs waiting exports in the background, once at a time per process; a request made meanwhile is picked up by the same run's next pass. */
export function kickExportRunner(container: Container): void {
  if (container.config.exportRunner !== "in-process") return;
  if (running.has(container)) {
    rerun.add(container);
    return;
  }
  const loop = (async () => {
    do {
      rerun.delete(container);
      await runPendingExports(exportDepsOf(container));
    } while (rerun.has(container));
  })()
    .catch((error: unknown) => container.log.error("audit export runner failed", { error: error instanceof Error ? error : String(error) }))
    .finally(() => running.delete(container));
  running.set(container, loop);
}
