/**
 * Runs once when the server starts: builds the container (configuration, keys, store) so that
 * a broken setting fails at start-up rather than on the first request, and starts integrating
 * audit entries into the verifiable log (ADR 0007).
 *
 * NEXT_RUNTIME and NEXT_PHASE are not configuration: Next sets them (NEXT_RUNTIME at build time,
 * which keeps the Node-only container out of the edge bundle). They are the only process.env
 * reads outside lib/config.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getContainer } = await import("./lib/server/container");
    const container = await getContainer();
    // `next build` loads this hook too; a build must not sign checkpoints.
    if (process.env.NEXT_PHASE !== "phase-production-build") {
      const { startIntegrator } = await import("./lib/audit/log/runtime");
      startIntegrator(container);
    }
  }
}
